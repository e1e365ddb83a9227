"""The floor a linter is measured against: read, decode and one pass of one compiled multi-pattern regex per file.

Usage::

    python bench/floor.py DIR [DIR ...]

For each report file under the directories: read its bytes, decode them (a
``.docx`` is unzipped and its ``word/document.xml`` decoded), and run one
compiled regular expression with a dozen alternatives (numbers, dates,
ordinals, headings, brackets) over the text, counting the matches. This is the
least work any checker must do per file; ``bench/bench_speed.py`` runs it beside
reportlint and prints reportlint's cost as a multiple of it. Prints one line:
files, matches, CPU seconds.
"""

from __future__ import annotations

import os
import re
import sys
import time
import zipfile
from pathlib import Path

READABLE = (".txt", ".md", ".html", ".htm", ".docx")

PATTERN = re.compile(
    r"\d+(?:\.\d+)?"
    r"|[（(][一二三四五六七八九十]+[)）]"
    r"|[一二三四五六七八九十]+、"
    r"|\d{4}年\d{1,2}月\d{1,2}日"
    r"|第[一二三四五六七八九十\d]+[条款项章部分]"
    r"|《[^》\n]{1,40}》"
    r"|政府信息公开"
    r"|依申请公开"
    r"|行政复议|行政诉讼"
    r"|[省市县区镇乡]人民政府"
    r"|街道办事处"
    r"|\t"
)


def text_of(path: Path) -> str:
    """The file's characters: decoded bytes, or a Word file's document XML decoded."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            return archive.read("word/document.xml").decode("utf-8")
    return path.read_bytes().decode("utf-8", errors="replace")


def main(arguments: list[str]) -> None:
    start = time.process_time()
    files = matches = 0
    for directory in arguments:
        for root, _, names in os.walk(directory):
            for name in sorted(names):
                path = Path(root) / name
                if path.suffix.lower() not in READABLE:
                    continue
                files += 1
                matches += sum(1 for _ in PATTERN.finditer(text_of(path)))
    print(f"{files} files, {matches} matches, {time.process_time() - start:.3f} s CPU")


if __name__ == "__main__":
    main(sys.argv[1:])
