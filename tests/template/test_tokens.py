"""Table tokens of text lines: a line's tokens are remembered by its text and placed where the line stands."""

from __future__ import annotations

from pathlib import Path

from reportlint.core.config import Config
from reportlint.run.linter import load_document
from reportlint.run.registry import registry_for
from reportlint.sources import Source
from reportlint.template.tokens import region_rows


def _document(text: str):
    return load_document(Source(Path("r.txt"), "r.txt", text.encode(), "text"), registry_for(Config()))


def test_the_same_row_twice_gives_tokens_at_each_place():
    row = "一、本年新收政府信息公开申请数量\t5\t0\t１\t0\n"
    text = "前言。\n" + row + "\n  " + row
    document = _document(text)
    rows = region_rows(document, len("前言。\n"), len(text))
    assert len(rows) == 2
    for raw in rows:
        assert [token.kind for token in raw.tokens] == ["text", "value", "value", "value", "value"]
        for token in raw.tokens:
            assert text[token.start : token.end] == token.text
    assert rows[1].tokens[0].start - rows[0].tokens[0].start == len(row) + 3
    assert rows[0].tokens[3].text == "１" and rows[0].tokens[3].cell.value == 1  # the original text, read folded
