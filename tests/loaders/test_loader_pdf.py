"""PDF loader: lines as paragraphs located by page and line, Chinese spacing, and unusable PDFs."""

from __future__ import annotations

import sys

import pytest
from loader_samples.pdf_writer import write_pdf
from loader_samples.report import REPORT, ReportLine

from reportlint.model import Paragraph
from reportlint.sources import SourceError


def _pdf(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_lines_are_paragraphs_located_by_page_and_line(load, tmp_path):
    document = load(_pdf(tmp_path, "text.pdf", write_pdf([["Annual report 2021", "Second line"], ["Page two"]])))
    assert document.format == "pdf"
    assert document.text == "Annual report 2021\nSecond line\nPage two"
    assert all(isinstance(block, Paragraph) for block in document.blocks)
    last = document.blocks[2]
    location = document.locate(last.start, last.end)
    assert (location.page, location.logical, location.line, location.column) == (2, "第2页 第1行", 3, 1)
    assert (location.end_line, location.end_column) == (3, 9)


def test_soft_hyphens_are_dropped(load, tmp_path):
    document = load(_pdf(tmp_path, "hyphen.pdf", write_pdf([["Infor\xadmation"]])))
    assert document.text == "Information"


def test_pdf_without_text_layer_needs_ocr(load, tmp_path):
    with pytest.raises(SourceError) as raised:
        load(_pdf(tmp_path, "scan.pdf", write_pdf([[], []], scanned=True)))
    assert raised.value.code == "RL905"
    assert "OCR" in raised.value.message


def test_encrypted_pdf(load, tmp_path):
    with pytest.raises(SourceError) as raised:
        load(_pdf(tmp_path, "locked.pdf", write_pdf([["secret"]], encrypted=True)))
    assert raised.value.code == "RL904"
    assert "加密" in raised.value.message


def test_corrupt_pdf(load, tmp_path):
    with pytest.raises(SourceError) as raised:
        load(_pdf(tmp_path, "broken.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"))
    assert raised.value.code == "RL904"
    assert "损坏" in raised.value.message


def test_missing_pdfium_asks_for_the_extra(load, tmp_path, monkeypatch):
    path = _pdf(tmp_path, "text.pdf", write_pdf([["text"]]))
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(SourceError) as raised:
        load(path)
    assert raised.value.code == "RL902"
    assert 'pip install "reportlint[pdf]"' in raised.value.message


def test_libreoffice_pdf_keeps_quotes_in_place_and_drops_spacing(load, report_pdf):
    document = load(report_pdf)
    lines = document.text.split("\n")
    assert lines[0] == "某某县某某镇2021年政府信息公开工作年度报告"
    paragraph = next(line for line in lines if line.startswith("（一）主动公开"))
    assert paragraph.startswith("（一）主动公开。2021年，某某镇通过某某县人民政府门户网站“乡镇信息公开”专栏")
    assert "信息内容 本年制发件数 本年废止件数 现行有效件数" in lines


def test_libreoffice_pdf_sections_on_new_pages(load, report_pdf):
    document = load(report_pdf)

    def location_of(text: str):
        block = next(block for block in document.blocks if document.slice(block.start, block.end) == text)
        return document.locate(block.start, block.end)

    applications = location_of("三、收到和处理政府信息公开申请情况")
    assert (applications.page, applications.logical) == (2, "第2页 第1行")
    assert location_of("申请人情况").page == 2
    review = location_of("四、政府信息公开行政复议、行政诉讼情况")
    assert review.page > applications.page
    assert review.logical == f"第{review.page}页 第1行"
    assert review.line == document.text[: document.text.index("四、政府信息公开行政复议")].count("\n") + 1


def test_libreoffice_pdf_paragraphs_in_reading_order(load, report_pdf):
    compact = "".join(load(report_pdf).text.split())
    position = 0
    for item in REPORT:
        if isinstance(item, ReportLine):
            position = compact.index("".join(item.text.split()), position)
