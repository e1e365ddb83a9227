"""Applying the fixes rules compute: ``check --fix``, ``--diff`` and ``--unsafe-fixes``.

Several rules already know the right text (a half-width comma between Chinese
characters, ``（一）、``, a word written twice, a stray ``》`` after a comma).
Each rule says how safe its fixes are (``Rule.fix_safety``): ``--fix`` applies
the safe ones, ``--unsafe-fixes`` the others too; fixes of rules that do not say
are unsafe. Without ``--fix`` nothing is ever written.

A file is fixed in passes: lint, pick the fixes (sorted by position; a fix
overlapping one already picked waits for the next pass, so overlaps resolve the
same way every time), apply them, lint the result again — until no fix applies
(at most :data:`MAX_PASSES`). The last lint is the file's result, so what
``--fix`` reports is what remains.

Formats: ``.txt`` and ``.md`` are edited as text, in their own encoding, byte
order mark and line endings; ``.docx`` through its runs
(:class:`~reportlint.loaders.docx.editing.WordEditor`); ``.html`` in its source
where each character of the text is found (written as itself or as an entity;
a range the page writes otherwise is left alone). PDF cannot be fixed.
"""

from __future__ import annotations

import bisect
import codecs
import difflib
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from reportlint.core.config import Config
from reportlint.core.diagnostics import Diagnostic
from reportlint.core.model import Document, SegmentMap
from reportlint.core.rule import Rule
from reportlint.run.linter import Linter, load_document
from reportlint.run.results import FileResult, RunResult
from reportlint.run.runner import Runner
from reportlint.run.selection import RuleSet
from reportlint.sources import Source, SourceError, read_source
from reportlint.usercache.patterns import compiled

#: Most lint-and-fix passes over one file.
MAX_PASSES = 10
#: Formats edited in place by ``--fix`` (others are written to a copy, ``-o``).
IN_PLACE_FORMATS = ("text", "markdown")
#: Formats ``--fix`` can edit at all.
FIXABLE_FORMATS = ("text", "markdown", "docx", "html")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


_ENTITY = compiled(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


class FixError(Exception):
    """A file that cannot be fixed (its format, or text its encoding cannot hold); the message is for users."""


def is_fix_applicable(diagnostic: Diagnostic, rules: Mapping[str, type[Rule]], unsafe: bool) -> bool:
    """Whether ``--fix`` (with ``--unsafe-fixes`` when ``unsafe``) applies a finding's fix."""
    if diagnostic.fix is None:
        return False
    rule = rules.get(diagnostic.code)
    return unsafe or (rule is not None and rule.fix_safety == "safe")


def choose_fixes(diagnostics: Sequence[Diagnostic], rules: Mapping[str, type[Rule]], unsafe: bool) -> list[Diagnostic]:
    """The fixes of one pass: applicable, in position order, none overlapping another (the first in order wins)."""
    candidates = sorted(
        (diagnostic for diagnostic in diagnostics if is_fix_applicable(diagnostic, rules, unsafe)),
        key=lambda diagnostic: (diagnostic.fix.start, diagnostic.fix.end, diagnostic.code, diagnostic.fix.replacement),  # type: ignore[union-attr]
    )
    chosen: list[Diagnostic] = []
    last_start, last_end = -1, -1
    for diagnostic in candidates:
        fix = diagnostic.fix
        assert fix is not None
        if chosen and (fix.start < last_end or fix.start == last_start):
            continue
        chosen.append(diagnostic)
        last_start, last_end = fix.start, max(last_end, fix.end)
    return chosen


def edits_of(diagnostic: Diagnostic, text: str) -> list[tuple[int, int, str]]:
    """A fix as edits of the text: a same-length replacement only where characters change, else the whole range."""
    fix = diagnostic.fix
    assert fix is not None
    original = text[fix.start : fix.end]
    if len(fix.replacement) != len(original):
        return [(fix.start, fix.end, fix.replacement)]
    edits: list[tuple[int, int, str]] = []
    for index, (before, after) in enumerate(zip(original, fix.replacement, strict=True)):
        if before == after:
            continue
        position = fix.start + index
        if edits and edits[-1][1] == position:
            start, _, written = edits[-1]
            edits[-1] = (start, position + 1, written + after)
        else:
            edits.append((position, position + 1, after))
    return edits


def encode_like(text: str, encoding: str | None, original: bytes) -> bytes:
    """Text encoded as the original file was: its byte order mark and its encoding."""
    for bom, codec in _BOMS:
        if original.startswith(bom):
            return bom + text.encode(codec)
    try:
        return text.encode(encoding or "utf-8")
    except (UnicodeEncodeError, LookupError) as error:
        raise FixError(f"修改后的文字无法用原文件的编码（{encoding}）保存：{error}") from None


class _Editable(Protocol):
    """One file's content as a format edits it."""

    document: Document

    def can_apply(self, start: int, end: int) -> bool: ...

    def apply(self, start: int, end: int, replacement: str) -> None: ...

    def data(self) -> bytes: ...


class _TextEdits:
    """A text or Markdown file: the document text is the decoded file."""

    def __init__(self, source: Source, document: Document) -> None:
        self.document = document
        self._text = document.text
        self._encoding = document.encoding
        self._original = source.data

    def can_apply(self, start: int, end: int) -> bool:
        return True

    def apply(self, start: int, end: int, replacement: str) -> None:
        self._text = self._text[:start] + replacement + self._text[end:]

    def data(self) -> bytes:
        return encode_like(self._text, self._encoding, self._original)


class _HtmlEdits:
    """A web page: a range is edited in the HTML source where the source has the segment's text verbatim."""

    def __init__(self, source: Source, document: Document) -> None:
        self.document = document
        self._original = source.data
        self._encoding = document.encoding
        self._html, _ = source.decode(document.encoding)
        self._line_starts = [0]
        self._line_starts.extend(index + 1 for index, char in enumerate(self._html) if char == "\n")
        source_map = document.source_map
        self._segments = (
            [segment for segment in source_map.segments if segment.end > segment.start] if isinstance(source_map, SegmentMap) else []
        )
        self._segment_starts = [segment.start for segment in self._segments]
        self._mapped: dict[int, list[int] | None] = {}
        self._edits: list[tuple[int, int, str]] = []

    def _source_range(self, start: int, end: int) -> tuple[int, int] | None:
        index = bisect.bisect_right(self._segment_starts, start) - 1
        if index < 0:
            return None
        segment = self._segments[index]
        if end > segment.end or segment.line > len(self._line_starts):
            return None
        offsets = self._offsets(index)
        if offsets is None:
            return None
        return offsets[start - segment.start], offsets[end - segment.start]

    def _offsets(self, index: int) -> list[int] | None:
        """Source offset of each character of a segment (and of its end), reading entities; None when the source differs."""
        if index in self._mapped:
            return self._mapped[index]
        segment = self._segments[index]
        position = self._line_starts[segment.line - 1] + segment.column - 1
        offsets: list[int] | None = []
        for character in self.document.text[segment.start : segment.end]:
            assert offsets is not None
            offsets.append(position)
            entity = _ENTITY.match(self._html, position) if self._html.startswith("&", position) else None
            if entity is not None and html.unescape(entity.group()) == character:
                position = entity.end()
            elif self._html.startswith(character, position):
                position += 1
            else:
                offsets = None  # markup or a character the page writes another way: not edited
                break
        if offsets is not None:
            offsets.append(position)
        self._mapped[index] = offsets
        return offsets

    def can_apply(self, start: int, end: int) -> bool:
        return self._source_range(start, max(end, start + 1) if end == start else end) is not None

    def apply(self, start: int, end: int, replacement: str) -> None:
        found = self._source_range(start, end) if end > start else self._source_range(start, start + 1)
        assert found is not None
        self._edits.append((found[0], found[1] if end > start else found[0], replacement))

    def data(self) -> bytes:
        page = self._html
        for start, end, replacement in sorted(self._edits, reverse=True):
            page = page[:start] + replacement + page[end:]
        return encode_like(page, self._encoding, self._original)


class _WordEdits:
    """A Word document: ranges edited in its runs."""

    def __init__(self, source: Source) -> None:
        from reportlint.loaders.docx.editing import WordEditor

        self._editor = WordEditor(source)
        self.document = self._editor.document

    def can_apply(self, start: int, end: int) -> bool:
        return self._editor.covers(start, end)

    def apply(self, start: int, end: int, replacement: str) -> None:
        applied = self._editor.replace(start, end, replacement)
        assert applied

    def data(self) -> bytes:
        return self._editor.save()


@dataclass(frozen=True)
class FixOutcome:
    """One file after ``--fix``: its bytes before and after, the fixes applied, and what remains (re-linted)."""

    path: str
    format: str
    original: bytes
    fixed: bytes
    original_text: str
    fixed_text: str
    applied: tuple[Diagnostic, ...]
    result: FileResult

    @property
    def changed(self) -> bool:
        """Whether any fix was applied."""
        return bool(self.applied) and self.fixed != self.original

    def diff(self) -> str:
        """A unified diff of the text before and after (the extracted text for a Word document)."""
        before = self.original_text.splitlines(keepends=True)
        after = self.fixed_text.splitlines(keepends=True)
        lines = difflib.unified_diff(before, after, fromfile=f"a/{self.path}", tofile=f"b/{self.path}")
        return "".join(line if line.endswith("\n") else line + "\n\\ 文件末尾没有换行\n" for line in lines)


class Fixer:
    """Lints and fixes sources with one linter; ``unsafe`` applies unsafe fixes too."""

    def __init__(self, linter: Linter, unsafe: bool = False) -> None:
        self.linter = linter
        self.unsafe = unsafe

    def fix(self, source: Source, config: Config | None = None) -> FixOutcome:
        """Fix one source in passes; raises :class:`FixError` for a format that cannot be fixed."""
        if source.format not in FIXABLE_FORMATS:
            raise FixError(f"{source.display_path}：{_format_name(source.format)}不能自动修改")
        config = config or self.linter.resolver.config_for(source.path)
        rule_set = self.linter.rule_set(config)
        rules = {rule.code: rule for rule in rule_set.registry.rules}
        current = source
        editable = self._editable(current, rule_set)
        original_text = editable.document.text
        applied: list[Diagnostic] = []
        for _ in range(MAX_PASSES):
            result = self._lint(editable, current, config, rule_set)
            chosen = [
                diagnostic
                for diagnostic in choose_fixes(result.diagnostics, rules, self.unsafe)
                if all(editable.can_apply(*edit[:2]) for edit in edits_of(diagnostic, editable.document.text))
            ]
            if not chosen:
                break
            for diagnostic in sorted(chosen, key=lambda item: item.fix.start, reverse=True):  # type: ignore[union-attr]
                for start, end, replacement in reversed(edits_of(diagnostic, editable.document.text)):
                    editable.apply(start, end, replacement)
            applied.extend(chosen)
            current = replace(current, data=editable.data())
            editable = self._editable(current, rule_set)
        else:
            result = self._lint(editable, current, config, rule_set)
        return FixOutcome(
            path=source.display_path,
            format=source.format,
            original=source.data,
            fixed=current.data,
            original_text=original_text,
            fixed_text=editable.document.text,
            applied=tuple(applied),
            result=result,
        )

    def _editable(self, source: Source, rule_set: RuleSet) -> _Editable:
        try:
            if source.format == "docx":
                return _WordEdits(source)
            document = load_document(source, rule_set.registry)
        except SourceError as error:
            raise FixError(f"{source.display_path}：{error.message}") from None
        if source.format == "html":
            return _HtmlEdits(source, document)
        return _TextEdits(source, document)

    def _lint(self, editable: _Editable, source: Source, config: Config, rule_set: RuleSet) -> FileResult:
        report = rule_set.registry.report(editable.document, config, source.path)
        return self.linter.lint_report(report, rule_set)


def _format_name(format: str) -> str:
    return {"pdf": "PDF 文件", "docx": "Word 文档", "html": "网页"}.get(format, f"{format} 格式的文件")


@dataclass(frozen=True)
class FixRun:
    """A whole ``--fix`` run: the result to report (what remains), each fixed file's outcome, and files left unfixed."""

    result: RunResult
    outcomes: tuple[FixOutcome, ...]
    unfixable: tuple[str, ...]
    #: The outcome of standard input (``-``), also among ``outcomes``.
    stdin: FixOutcome | None = None


def fix_run(runner: Runner, unsafe: bool = False) -> FixRun:
    """Lint and fix every file of a run (standard input included); nothing is written here."""
    from reportlint.run.stdin import is_excluded

    linter = runner.linter
    fixer = Fixer(linter, unsafe)
    results: list[FileResult] = []
    outcomes: list[FixOutcome] = []
    unfixable: list[str] = []
    sources: list[tuple[Source | None, Path, str]] = []
    if runner.stdin is not None and not is_excluded(linter, runner.stdin):
        sources.append((runner.stdin, runner.stdin.path, runner.stdin.display_path))
    for path, display in runner.files():
        try:
            sources.append((read_source(path, display), path, display))
        except SourceError:
            sources.append((None, path, display))
    stdin = None
    for source, path, display in sources:
        if source is None:
            results.append(linter.lint_path(path, display))  # its RL90x finding
            continue
        config = linter.resolver.config_for(source.path)
        try:
            outcome = fixer.fix(source, config)
        except FixError as error:
            if source.format in FIXABLE_FORMATS:
                unfixable.append(error.args[0])
            results.append(linter.lint_source(source, config, linter.rule_set(config)))
            continue
        outcomes.append(outcome)
        results.append(outcome.result)
        if source is runner.stdin:
            stdin = outcome
    return FixRun(runner.assemble(results), tuple(outcomes), tuple(unfixable), stdin)
