"""The ``full`` output: each finding with its source line and a caret under the range (ruff style)."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from reportlint.output.text import TextReporter, diagnostic_line

if TYPE_CHECKING:
    from reportlint.run.results import RunResult


def display_width(text: str) -> int:
    """Terminal columns of a string: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


class FullReporter(TextReporter):
    """Like ``text``, plus the source line of each finding with the range underlined."""

    name = "full"
    description = "在 text 的基础上显示出错的原文行，并用 ^ 标出位置"

    def render(self, run: RunResult) -> str:
        if self.only_statistics:
            return super().render(run)
        blocks = []
        for result in run.files:
            for diagnostic, excerpt in zip(result.diagnostics, result.excerpts, strict=False):
                block = [diagnostic_line(diagnostic, self.options.color)]
                if excerpt is not None and excerpt.line.strip():
                    number = str(diagnostic.location.line) if diagnostic.location else ""
                    gutter = " " * len(number)
                    line = excerpt.line.replace("\t", " ")
                    caret_start = display_width(line[: excerpt.start])
                    caret_length = max(1, display_width(line[excerpt.start : excerpt.end]))
                    block.extend(
                        [
                            f"{gutter} |",
                            f"{number} | {line}",
                            f"{gutter} | {' ' * caret_start}{'^' * caret_length}",
                        ]
                    )
                    if diagnostic.fix is not None and diagnostic.fix.description:
                        block.append(f"{gutter} = 建议：{diagnostic.fix.description}")
                blocks.append("\n".join(block))
        footer = self.footer(run)
        return "\n\n".join(blocks) + ("\n\n" if blocks and footer else "") + "\n".join(footer) + "\n"
