"""The loaders across formats: one report gives the same text from HTML, .docx and PDF; bad files give one finding.

Unreadable inputs are checked through the public engine (``lint_paths``):
each bad file yields exactly one RL9xx finding and the other files of the same
run are still checked.
"""

from __future__ import annotations

import random
import subprocess
import sys
import zipfile
from collections import Counter

import pytest
from loader_samples import FIXTURES, LOADERS, loaded_layout
from loader_samples.pdf_writer import Text, write_drawing, write_pdf
from loader_samples.ruled_tables import DrawnCell, draw_table
from loader_samples.wps_docx import CONTENT_TYPES, write_wps_docx

from reportlint.run.options import RunOptions
from reportlint.run.runner import lint_paths
from reportlint.sources import Source, SourceError

OLE2_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def test_html_and_docx_give_the_same_text_and_tables(load, report_docx):
    page = load(FIXTURES / "report_2021_cms.html")
    word = load(report_docx)
    assert page.text == word.text
    assert [loaded_layout(page, table) for table in page.tables] == [loaded_layout(word, table) for table in word.tables]


def test_pdf_has_the_same_characters_as_the_docx(load, report_docx, report_pdf):
    word = load(report_docx)
    pdf = load(report_pdf)
    assert Counter("".join(pdf.text.split())) == Counter("".join(word.text.split()))


def test_pdf_has_the_same_tables_as_the_docx(load, report_docx, report_pdf):
    """Cell text compared without whitespace: a PDF cell's lines are joined as they wrap, a Word cell's by paragraph."""
    word = load(report_docx)
    pdf = load(report_pdf)

    def compact(document, table):
        return {(*position, "".join(text.split())) for *position, text in loaded_layout(document, table)}

    assert [compact(pdf, table) for table in pdf.tables] == [compact(word, table) for table in word.tables]


def test_the_same_cell_is_located_in_each_format(load, report_docx, report_pdf):
    page = load(FIXTURES / "report_2021_cms.html")
    word = load(report_docx)
    pdf = load(report_pdf)
    lines = (FIXTURES / "report_2021_cms.html").read_text("utf-8").splitlines()
    html_line = next(number for number, line in enumerate(lines, start=1) if ">申请人情况<" in line)
    for document, expected in ((page, html_line), (word, "表格2 第1行 第4列"), (pdf, (2, "第2页 表格2 第1行 第4列"))):
        start = document.text.index("申请人情况")
        location = document.locate(start, start + len("申请人情况"))
        found = {"html": location.line, "docx": location.logical, "pdf": (location.page, location.logical)}[document.format]
        assert found == expected, document.format


def _bad_files(tmp_path, report_docx):
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(report_docx.read_bytes()[:15000])
    no_document = tmp_path / "no-document.docx"
    with zipfile.ZipFile(no_document, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
    renamed_doc = tmp_path / "renamed-doc.docx"
    renamed_doc.write_bytes(OLE2_HEADER + bytes(4096))
    scanned = tmp_path / "scanned.pdf"
    scanned.write_bytes(write_pdf([[]], scanned=True))
    navigation = tmp_path / "navigation.html"
    navigation.write_text(
        '<html><head><meta charset="utf-8"></head><body><div>当前位置：<a href="/">首页</a></div>'
        '<ul><li><a href="/a.html">某某镇2021年政府信息公开工作年度报告</a></li></ul></body></html>',
        "utf-8",
    )
    return {truncated: "RL904", no_document: "RL904", renamed_doc: "RL902", scanned: "RL905", navigation: "RL906"}


def test_each_bad_file_gives_one_finding_and_the_run_goes_on(tmp_path, report_docx):
    bad = _bad_files(tmp_path, report_docx)
    good = [write_wps_docx(tmp_path / "wps.docx"), FIXTURES / "report_2021_cms.html", FIXTURES / "report_2021_gbk.html"]
    paths = [str(path) for path in [*bad, *good]]
    result = lint_paths(paths, RunOptions(isolated=True, select=("RL9",), jobs=1))
    by_name = {file.path.rsplit("/", 1)[-1]: file for file in result.files}
    for path, code in bad.items():
        diagnostics = by_name[path.name].diagnostics
        assert [diagnostic.code for diagnostic in diagnostics] == [code], path.name
        assert diagnostics[0].message.strip()
    for path in good:
        assert by_name[path.name].diagnostics == (), path.name
        assert by_name[path.name].format in ("docx", "html")


def test_renamed_doc_message_tells_to_save_as_docx(tmp_path, report_docx):
    bad = _bad_files(tmp_path, report_docx)
    renamed = next(path for path, code in bad.items() if code == "RL902")
    [diagnostic] = lint_paths([str(renamed)], RunOptions(isolated=True, select=("RL9",))).files[0].diagnostics
    assert "另存为 .docx" in diagnostic.message


def test_importing_the_engine_and_loaders_loads_no_format_library():
    code = (
        "import sys, reportlint.run.linter, reportlint.loaders.html, reportlint.loaders.docx, reportlint.loaders.pdf\n"
        "print(sorted({name.split('.')[0] for name in sys.modules} & {'lxml', 'pypdfium2', 'pdfplumber', 'docx'}))"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"


def _mutations(data: bytes, seed: int, count: int) -> list[bytes]:
    """Damaged copies of ``data``: cut short, bytes overwritten, or a block copied over another."""
    generator = random.Random(seed)
    damaged = []
    for _ in range(count):
        copy = bytearray(data)
        kind = generator.choice(("cut", "overwrite", "splice"))
        if kind == "cut":
            copy = copy[: generator.randrange(1, len(copy))]
        elif kind == "overwrite":
            for _ in range(generator.randint(1, 20)):
                copy[generator.randrange(len(copy))] = generator.randrange(256)
        else:
            target, origin = generator.randrange(len(copy)), generator.randrange(len(copy))
            copy[target : target + 64] = data[origin : origin + 64]
        damaged.append(bytes(copy))
    return damaged


def _ruled_pdf() -> bytes:
    """Two pages of a ruled table, with text around it."""
    cells = [DrawnCell(0, 0, ("行政许可",)), DrawnCell(0, 1, ("12",)), DrawnCell(1, 0, ("行政处罚",), colspan=2)]
    page = [Text(72, 790, "二、主动公开政府信息情况"), *draw_table(cells, [60, 40], [16, 16])]
    return write_drawing([page, draw_table(cells, [60, 40], [16, 16], borders="bars")])


@pytest.mark.parametrize("sample", ["docx", "wps", "pdf", "pdf-tables", "html"])
def test_damaged_files_give_a_source_error_never_a_crash(sample, tmp_path, report_docx):
    path = {
        "docx": report_docx,
        "wps": write_wps_docx(tmp_path / "wps.docx"),
        "pdf": tmp_path / "text.pdf",
        "pdf-tables": tmp_path / "tables.pdf",
        "html": FIXTURES / "report_2021_gbk.html",
    }[sample]
    if sample == "pdf":
        path.write_bytes(write_pdf([["Annual report 2021", "Second line"], ["Page two"]]))
    if sample == "pdf-tables":
        path.write_bytes(_ruled_pdf())
    loader_format = {"wps": "docx", "pdf-tables": "pdf"}.get(sample, sample)
    for damaged in _mutations(path.read_bytes(), seed=len(sample), count=40):
        try:
            LOADERS[loader_format]().load(Source(path, path.name, damaged, loader_format))
        except SourceError as error:
            assert error.code.startswith("RL9") and error.message
