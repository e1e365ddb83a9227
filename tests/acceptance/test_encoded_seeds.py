"""The seeds re-encoded (GBK, UTF-16) and converted to traditional characters give the same findings,
located on the original characters."""

from __future__ import annotations

import opencc
import pytest

from reportlint.run.options import RunOptions
from reportlint.run.runner import lint_paths

SEEDS = ["000", "001", "002", "003", "004"]


def findings(path):
    run = lint_paths([str(path)], RunOptions())
    return [(d.code, d.location.line, d.location.column, d.location.end_column) for d in run.diagnostics]


@pytest.mark.parametrize("number", SEEDS)
@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_re_encoded_seed_gives_the_same_findings(seed, tmp_path, number, encoding):
    original = seed(number)
    copy = tmp_path / original.name
    copy.write_bytes(original.read_text(encoding="utf-8").encode(encoding))
    assert findings(copy) == findings(original)


@pytest.mark.parametrize("number", SEEDS)
def test_traditional_seed_gives_the_same_findings_on_the_original_characters(seed, tmp_path, number):
    original = seed(number)
    text = original.read_text(encoding="utf-8")
    traditional = opencc.OpenCC("s2t").convert(text)
    assert len(traditional) == len(text) and traditional != text
    for encoding, name in (("utf-8", "trad-utf8.txt"), ("big5hkscs", "trad-big5.txt")):
        copy = tmp_path / name
        copy.write_bytes(traditional.encode(encoding, errors="strict" if encoding == "utf-8" else "replace"))
        if encoding != "utf-8" and copy.read_bytes().decode(encoding) != traditional:
            continue  # some characters have no Big5 form; the UTF-8 copy covers this seed
        run = lint_paths([str(copy)], RunOptions())
        assert [(d.code, d.location.line, d.location.column) for d in run.diagnostics] == [
            (code, line, column) for code, line, column, _ in findings(original)
        ]
        for diagnostic in run.diagnostics:
            # every finding points at the same (traditional) characters the simplified finding covered
            assert traditional[diagnostic.start : diagnostic.end] == opencc.OpenCC("s2t").convert(text[diagnostic.start : diagnostic.end])
