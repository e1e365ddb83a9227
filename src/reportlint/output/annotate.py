"""Word copies of the checked reports with one comment (批注) per finding: ``reportlint annotate`` and ``check --annotate DIR``.

Most reports are written in Word or WPS by clerks who never open a terminal:
the annotated copy shows each finding where it is, as a comment by
"reportlint" on the finding's exact range (on the whole cell for a table cell),
with the rule's code and name, the message, a short explanation and, when the
rule proposes one, the fix. The original file is never modified; the copy
opens in Word, WPS and LibreOffice (:mod:`reportlint.loaders.docx.editing`
writes it).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from reportlint.core.config import ConfigError
from reportlint.core.diagnostics import Diagnostic
from reportlint.core.rule import BaseRule
from reportlint.run.results import FileResult
from reportlint.sources import SourceError, read_source

#: What an annotated copy's name adds to the original's stem.
ANNOTATED_SUFFIX = ".批注.docx"
#: The comments' author.
AUTHOR = "reportlint"


def annotated_name(path: Path) -> Path:
    """The default name of a report's annotated copy: ``报告.docx`` → ``报告.批注.docx``, next to it."""
    return path.with_name(path.stem + ANNOTATED_SUFFIX)


def comment_paragraphs(diagnostic: Diagnostic, rule: type[BaseRule] | None) -> list[str]:
    """The paragraphs of one finding's comment: code, name and severity; the message; the explanation; the fix; how to accept it."""
    paragraphs = [f"{diagnostic.code} {diagnostic.name}（{diagnostic.severity.chinese}）", diagnostic.message]
    if rule is not None:
        paragraphs.append(f"说明：{rule.summary()}（详见 reportlint rule {diagnostic.code}）")
    if diagnostic.fix is not None and diagnostic.fix.description:
        paragraphs.append(f"建议：{diagnostic.fix.description}")
    paragraphs.append(f"如确认无误，可在此处加批注“reportlint: 忽略 {diagnostic.code} 原因”，此后不再报告。")
    return paragraphs


def annotate_copy(result: FileResult, rules: Mapping[str, type[BaseRule]], path: Path | None = None) -> tuple[bytes, int]:
    """The bytes of an annotated copy of the .docx a result is about, and the number of comments written.

    ``path`` is where the file is (default: the result's path). Raises
    :class:`ConfigError` when the file is not a readable Word document or has
    changed since it was checked.
    """
    from reportlint.loaders.docx.editing import WordEditor

    where = path or Path(result.path)
    try:
        source = read_source(where, result.path)
    except SourceError as error:
        raise ConfigError(f"{result.path}：{error.message}") from None
    if source.format != "docx":
        raise ConfigError(f"{result.path}：只能给 Word 文档（.docx）加批注")
    try:
        editor = WordEditor(source)
    except SourceError as error:
        raise ConfigError(f"{result.path}：{error.message}") from None
    if result.text is not None and editor.document.text != result.text:
        raise ConfigError(f"{result.path}：文件在检查之后被修改了，请重新检查")
    written = sum(editor.comment(d.start, d.end, comment_paragraphs(d, rules.get(d.code)), author=AUTHOR) for d in result.diagnostics)
    return editor.save(), written


def write_annotated(data: bytes, target: Path, original: Path) -> None:
    """Write an annotated copy, refusing to overwrite the original report."""
    if target.exists() and original.exists() and os.path.samefile(target, original):
        raise ConfigError(f"{target}：批注副本不能覆盖原文件，请用 -o 指定另一个文件名")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    except OSError as error:
        raise ConfigError(f"无法写入 {target}：{error.strerror or error}") from None


def annotate_into(directory: Path, results: list[FileResult], rules: Mapping[str, type[BaseRule]]) -> list[tuple[Path, int]]:
    """``check --annotate DIR``: an annotated copy of every checked .docx in ``directory`` (keeping sub-folders)."""
    written = []
    for result in results:
        if result.format != "docx" or result.path == "-":
            continue
        relative = Path(result.path)
        if relative.is_absolute() or ".." in relative.parts:
            relative = Path(relative.name)
        data, count = annotate_copy(result, rules)
        target = directory / annotated_name(relative)
        write_annotated(data, target, Path(result.path))
        written.append((target, count))
    return written
