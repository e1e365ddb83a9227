"""Reading input files: bytes, format detected by content, and decoded text.

The format of a file is decided by its bytes first (``%PDF``, a zip with
``word/document.xml``, an OLE2 container, HTML markup) and by its extension only
for formats that cannot be told apart by content (plain text vs Markdown).
Text is decoded with a byte-order mark when there is one, then strict UTF-8,
then by detection (charset-normalizer) checked against what Chinese text looks
like, so GBK/GB18030, Big5 and UTF-16 files decode right.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from reportlint.core.config import DEFAULT_MAX_FILE_SIZE
from reportlint.usercache.patterns import compiled

#: Extensions reportlint checks when it walks a directory.
SUPPORTED_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")

#: Formats reportlint recognises but cannot read, with the advice given to users.
UNSUPPORTED_FORMATS = {
    "doc": "这是旧版 Word 文档（.doc），reportlint 无法读取：请用 Word 或 WPS 另存为 .docx 后再检查",
    "wps": "这是 WPS 文字文档（.wps），reportlint 无法读取：请在 WPS 中另存为 .docx 后再检查",
    "ofd": "这是 OFD 版式文档，reportlint 无法读取：请导出为 PDF（带文字层）或 .docx 后再检查",
    "zip": "这是一个压缩包而不是报告文件：请解压后检查其中的报告",
    "image": "这是图片文件，没有可检查的文字：请提供报告的文字版（.docx、.pdf 或网页）",
    "binary": "无法识别的二进制文件，不是可检查的报告",
    "xlsx": "这是 Excel 表格文件，reportlint 只检查报告全文：请提供 .docx、.pdf、网页或文本",
    "xls": "这是 Excel 或 WPS 表格文件（.xls、.et），reportlint 只检查报告全文：请提供 .docx、.pdf、网页或文本",
    "encrypted": "这是加密（设置了打开密码）的 Word 文档，reportlint 无法读取：请去掉密码后另存为 .docx 再检查",
}


class SourceError(Exception):
    """A problem with an input file that users can fix; ``code`` is its RL9xx rule code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Source:
    """One input file: where it is, its bytes and its detected format.

    ``max_size`` is the size limit the file was read under; loaders apply it to
    what they decompress from it too (each part of a .docx). None: no limit.
    """

    path: Path
    display_path: str
    data: bytes
    format: str
    max_size: int | None = DEFAULT_MAX_FILE_SIZE

    def decode(self, declared: str | None = None) -> tuple[str, str]:
        """The file's text and the encoding used (see :func:`decode_bytes`)."""
        return decode_bytes(self.data, declared)


def read_source(path: Path, display_path: str | None = None, max_size: int | None = DEFAULT_MAX_FILE_SIZE) -> Source:
    """Read a file and detect its format; raises :class:`SourceError` for unusable input.

    Only regular files are read (a FIFO or device named like a report would block
    or never end), and at most ``max_size`` bytes: a larger file is RL911, unless
    its first bytes already show it is a format reportlint does not read (RL902).
    """
    shown = display_path or str(path)
    try:
        status = os.stat(path)
    except OSError as error:
        raise SourceError("RL901", _stat_problem(path, error)) from None
    if stat.S_ISDIR(status.st_mode):
        raise SourceError("RL901", "这是一个目录，不是文件")
    if not stat.S_ISREG(status.st_mode):
        raise SourceError("RL901", "这不是普通文件（可能是管道、设备或套接字），无法作为报告读取")
    try:
        with open(path, "rb") as handle:
            # a file no larger than the limit is read whole (sized once by the stat above: reading max_size + 1 bytes
            # allocates that much first); a larger one only up to one byte past the limit
            data = handle.read() if max_size is None or status.st_size <= max_size else handle.read(max_size + 1)
    except PermissionError:
        raise SourceError("RL901", "没有读取权限，无法打开文件") from None
    except OSError as error:
        raise SourceError("RL901", f"无法读取文件：{error.strerror or error}") from None
    extension = path.suffix.lower()
    if max_size is not None and len(data) > max_size:
        head = data[:8192]
        kind = detect_format(head, extension) if not head.startswith(b"PK") else None
        if kind in UNSUPPORTED_FORMATS:
            raise SourceError("RL902", UNSUPPORTED_FORMATS[kind])
        raise SourceError("RL911", f"文件超过 {format_size(max_size)}（配置项 max-file-size），没有检查：年度报告正文通常只有几 MB")
    return Source(path, shown, data, detect_format(data, extension), max_size)


def _stat_problem(path: Path, error: OSError) -> str:
    """Why a path cannot be opened, for users (a dangling or looping link named as such)."""
    if error.errno == errno.ELOOP:
        return "符号链接形成循环（链接指向自己或互相指向），无法打开"
    if isinstance(error, FileNotFoundError):
        if os.path.islink(path):
            try:
                target = os.readlink(path)
            except OSError:
                target = "?"
            return f"这是一个失效的符号链接（指向的 {target} 不存在）"
        return "文件不存在"
    if isinstance(error, PermissionError):
        return "没有读取权限，无法打开文件"
    return f"无法读取文件：{error.strerror or error}"


def format_size(size: int) -> str:
    """A size for messages: ``50 MB``, ``1 GB``, ``512 KB`` (units of 1024)."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{size} 字节"


def detect_format(data: bytes, extension: str) -> str:
    """The format of ``data``: text, markdown, html, docx, pdf, or an unsupported kind."""
    if data.startswith(b"%PDF") or data[:1024].lstrip().startswith(b"%PDF"):
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_format(data, extension)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if "EncryptedPackage".encode("utf-16-le") in data[:65536]:
            return "encrypted"
        return {".wps": "wps", ".xls": "xls", ".et": "xls"}.get(extension, "doc")
    if data.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")):
        return "image"
    if not data.strip():
        return "markdown" if extension in (".md", ".markdown") else "text"
    if extension == ".docx":
        return "docx"  # neither zip, OLE2 nor PDF: the .docx loader says the file is not a Word document
    head = _text_head(data)
    if head is None:
        return "binary"
    if _looks_like_html(head):
        return "html"
    if extension in (".md", ".markdown"):
        return "markdown"
    return "text"


def _zip_format(data: bytes, extension: str) -> str:
    if extension == ".docx":  # a Word document, or a damaged one (the loader says which): no need to list the archive
        return "docx"
    import zipfile  # (only for a zip archive that is not named .docx)

    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, EOFError):
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if "OFD.xml" in names:
        return "ofd"
    if any(name.startswith("xl/") for name in names):
        return "xlsx"
    return "zip"


_HTML_MARKERS = compiled(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<div[\s>]|<p[\s>]|<table[\s>]|<br\s*/?>",
    re.IGNORECASE,
)


def _looks_like_html(head: str) -> bool:
    return bool(_HTML_MARKERS.search(head.encode("utf-8", "ignore")))


#: Control characters other than \t \n \v \f \r: many of them mean the bytes are not text.
_CONTROL_CHARACTERS = compiled("[\x00-\x08\x0e-\x1f]")


def _text_head(data: bytes) -> str | None:
    """The decoded first few kilobytes, or None when the bytes are not text."""
    sample = data[:8192]
    try:
        text, _ = decode_bytes(sample, partial=True)
    except SourceError:
        return None
    controls = len(_CONTROL_CHARACTERS.findall(text))
    if controls > max(2, len(text) // 100):
        return None
    return text


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_CHINESE_CANDIDATES = ("gb18030", "big5", "utf_16_le", "utf_16_be")
#: Characters of each candidate reading scored for plausibility (a sample: scoring megabytes five times is slow).
_PLAUSIBILITY_SAMPLE = 65536


def decode_bytes(data: bytes, declared: str | None = None, partial: bool = False) -> tuple[str, str]:
    """Decode bytes to text; returns ``(text, encoding)``.

    Order: byte-order mark, a declared encoding (``<meta charset>``) when it
    decodes cleanly, strict UTF-8, then detection. ``partial`` tolerates a
    multi-byte character cut at the end of a sample.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strip_bom(data.decode(encoding, "replace")), encoding
    candidates = []
    if declared:
        candidates.append(_canonical(declared))
    candidates.append("utf-8")
    for encoding in candidates:
        text = _try_decode(data, encoding, partial)
        if text is not None and (encoding == "utf-8" or _plausibility(text[:8192]) >= 0.6):
            return text, encoding
    return _detect(data, partial)


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _canonical(encoding: str) -> str:
    try:
        name = codecs.lookup(encoding.strip().lower()).name
    except LookupError:
        return "utf-8"
    # GB2312 and GBK declarations are routinely wrong about the exact repertoire.
    return "gb18030" if name in ("gb2312", "gbk", "euc_cn", "hz") else name


def _try_decode(data: bytes, encoding: str, partial: bool) -> str | None:
    try:
        decoder = codecs.getincrementaldecoder(encoding)("strict")
        return decoder.decode(data, final=not partial)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(data: bytes, partial: bool) -> tuple[str, str]:
    """Detection for non-UTF-8 bytes: the most plausible Chinese reading wins."""
    from charset_normalizer import from_bytes  # lazy: only non-UTF-8 files need it

    readings: dict[str, str] = {}
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        readings[best.encoding] = str(best)
    for encoding in _CHINESE_CANDIDATES:
        if encoding not in readings:
            text = _try_decode(data, encoding, partial)
            if text is not None:
                readings[encoding] = text
    scored = sorted(
        ((_plausibility(text[:_PLAUSIBILITY_SAMPLE]), encoding) for encoding, text in readings.items()),
        reverse=True,
    )
    if not scored or scored[0][0] < 0.6:
        raise SourceError("RL903", "无法识别文件的文字编码（不是 UTF-8、GBK/GB18030、Big5 或 UTF-16）")
    encoding = scored[0][1]
    return _strip_bom(readings[encoding]), encoding


@lru_cache(maxsize=1)
def _common_han() -> frozenset[str]:
    """The 3,755 level-1 GB2312 characters and the 5,401 level-1 Big5 characters."""
    chars = set()
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            with suppress(UnicodeDecodeError):
                chars.add(bytes((high, low)).decode("gb2312"))
    for high in range(0xA4, 0xC7):
        for low in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            with suppress(UnicodeDecodeError):
                chars.add(bytes((high, low)).decode("big5"))
    return frozenset(chars)


def _plausibility(text: str) -> float:
    """Share of characters that look like Chinese report text (common Han, ASCII, CJK punctuation)."""
    if not text:
        return 1.0
    common = _common_han()
    good = 0.0
    for char in text:
        code = ord(char)
        if char in common or 32 <= code < 127 or char in "\t\n\r" or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF:
            good += 1
        elif 0x4E00 <= code <= 0x9FFF or code in (0x00A0, 0x201C, 0x201D, 0x2018, 0x2019, 0x2026, 0x2014, 0x00B7):
            good += 0.5
    return good / len(text)
