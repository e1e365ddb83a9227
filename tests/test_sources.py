"""Reading files: format detection by content and encoding detection."""

from __future__ import annotations

import codecs
import zipfile
from io import BytesIO

import pytest

from reportlint.sources import SourceError, decode_bytes, detect_format, read_source

REPORT = "某县某镇2021年政府信息公开工作年度报告\n一、总体情况\n2021年，我镇认真贯彻落实《中华人民共和国政府信息公开条例》。\n"


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be", "big5"],
)
def test_decodes_every_real_encoding(encoding):
    text = REPORT if encoding != "big5" else "某縣某鎮2021年政府資訊公開工作年度報告\n一、總體情況\n"
    decoded, used = decode_bytes(text.encode(encoding))
    assert decoded == text
    assert codecs.lookup(used).name in {codecs.lookup(encoding).name, "utf-16", "utf-8-sig", "gb18030", "big5", "utf-8"}


def test_short_gbk_text_is_not_mistaken_for_utf16():
    text, encoding = decode_bytes("兴国镇2020年度政府信息公开工作年度报告".encode("gbk"))
    assert text == "兴国镇2020年度政府信息公开工作年度报告"
    assert encoding == "gb18030"


def test_declared_charset_wins_when_it_decodes():
    text, encoding = decode_bytes("政府信息公开".encode("gbk"), declared="gb2312")
    assert (text, encoding) == ("政府信息公开", "gb18030")


def test_undecodable_bytes_are_a_source_error():
    junk = bytes(range(128, 256)) * 20
    with pytest.raises(SourceError) as error:
        decode_bytes(junk)
    assert error.value.code == "RL903"


def _zip(names):
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "extension", "expected"),
    [
        (b"%PDF-1.7\n...", ".pdf", "pdf"),
        (b"%PDF-1.4", ".txt", "pdf"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, ".docx", "doc"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, ".wps", "wps"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 20, ".txt", "image"),
        ("<html><body><p>报告</p></body></html>".encode(), ".txt", "html"),
        ("# 标题\n正文".encode(), ".md", "markdown"),
        ("正文".encode(), ".txt", "text"),
        (b"\x00\x01\x02\x03\x04\x05" * 100, ".txt", "binary"),
        (b"PK\x03\x04truncated", ".docx", "docx"),
        ("纯文本改了扩展名".encode(), ".docx", "docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64, ".docx", "encrypted"),
        (b"PK\x03\x04truncated", ".zip", "zip"),
    ],
)
def test_format_is_detected_by_content(data, extension, expected):
    assert detect_format(data, extension) == expected


def test_zip_contents_decide_the_format():
    assert detect_format(_zip(["word/document.xml"]), ".zip") == "docx"
    assert detect_format(_zip(["OFD.xml"]), ".ofd") == "ofd"
    assert detect_format(_zip(["xl/workbook.xml"]), ".xlsx") == "xlsx"


def test_missing_and_directory_paths_are_rl901(tmp_path):
    with pytest.raises(SourceError) as missing:
        read_source(tmp_path / "absent.txt")
    with pytest.raises(SourceError) as directory:
        read_source(tmp_path)
    assert missing.value.code == directory.value.code == "RL901"
    assert "不存在" in missing.value.message
