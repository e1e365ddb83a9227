"""Mutated inputs for every format reportlint reads, and the checks every one of them must pass.

One engine serves the short fuzz tests (``tests/fuzz/test_fuzz.py``, driven by
hypothesis with a small fixed budget) and the long runs (``bench/fuzz.py``,
driven by a seeded :class:`random.Random`): a *mutation* is a tuple
``(operation, where, amount, token)`` applied to a seed input, so both drivers
draw the same kinds of damage.

Formats: ``text`` (UTF-8, UTF-8 with BOM, GB18030, Big5, UTF-16), ``html``,
``docx`` (the zip's parts mutated and packed again, or its bytes), ``pdf``,
``pack`` (YAML rule packs) and ``config`` (TOML). Seeds are reports written by
:mod:`reportlint.testing.reports` and hand-made PDFs and packs.
"""

from __future__ import annotations

import random
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path

FORMATS = ("text", "html", "docx", "pdf", "pack", "config")
#: The largest mutated input (bytes): damage, not size, is what is tested here.
MAX_INPUT = 250_000
OPERATIONS = ("flip", "delete", "duplicate", "insert", "run", "truncate", "splice")
#: Tokens inserted by ``insert`` and repeated by ``run``: the characters and fragments that broke things before.
TOKENS = (
    "9" * 5000,
    "²",
    "、",
    "，",
    "\t",
    "\n",
    " ",
    "公开",
    "|",
    "\x00",
    "\ufeff",
    "\r",
    "\udcff",
    "𠀀",
    "<table><tr><td>",
    "</td></tr>",
    '<td colspan="99999999999999999999">',
    '<td rowspan="²">',
    "&#xD800;",
    "<!--",
    '<w:start w:val="500000000000"/>',
    '<w:numFmt w:val="upperRoman"/>',
    "<w:gridSpan w:val='9999999999'/>",
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>",
    "</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    "{",
    "}",
    "*a",
    "&a [",
    "- ",
    ": ",
    "'",
    '"',
    "[[",
    "= ",
    "1e999",
    "-0.0",
    "RL9",
    "BT /F2 10 Tf <D800> Tj ET",
    "endobj",
    "stream\n",
    "(?R)",
    "((((((((((",
)
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "big5", "utf-16")

Mutation = tuple[str, float, int, int]


@dataclass(frozen=True)
class Sample:
    """One fuzz input: its format, file name and bytes."""

    format: str
    name: str
    data: bytes


def mutate(data: bytes, mutations: Sequence[Mutation], other: bytes = b"") -> bytes:
    """Apply mutations ``(operation, where 0–1, amount, token index)`` to bytes."""
    for operation, where, amount, token_index in mutations:
        position = int(where * len(data)) if data else 0
        token = TOKENS[token_index % len(TOKENS)].encode("utf-8", "surrogatepass")
        if operation == "flip" and data:
            flipped = bytearray(data)
            for offset in range(max(1, amount % 16)):
                index = (position + offset * 7919) % len(flipped)
                flipped[index] ^= 1 << (amount + offset) % 8
            data = bytes(flipped)
        elif operation == "delete":
            data = data[:position] + data[position + amount % 4096 :]
        elif operation == "duplicate":
            piece = data[position : position + 1 + amount % 2048]
            data = data[:position] + piece * (1 + amount % 50) + data[position:]
        elif operation == "insert":
            data = data[:position] + token + data[position:]
        elif operation == "run":
            data = data[:position] + token * (1 + amount % 3000) + data[position:]
        elif operation == "truncate":
            data = data[:position]
        elif operation == "splice" and other:
            data = data[:position] + other[int(where * len(other)) :]
        data = data[:MAX_INPUT]
    return data


def random_mutations(rng: random.Random) -> list[Mutation]:
    """One to four mutations, drawn like the hypothesis strategy draws them."""
    return [(rng.choice(OPERATIONS), rng.random(), rng.randrange(100_000), rng.randrange(len(TOKENS))) for _ in range(rng.randint(1, 4))]


# ---------------------------------------------------------------- seeds


@cache
def _reports() -> tuple:
    from reportlint.testing.reports import SampleReport

    return tuple(
        SampleReport.build(template, year, seed=seed)
        for seed, (template, year) in enumerate((("T2021", 2021), ("T2019", 2020), ("T2021", 2022)))
    )


@cache
def seeds(fmt: str) -> tuple[Sample, ...]:
    """The valid inputs mutations start from."""
    from reportlint.testing.reports import LAYOUTS, render, render_html

    reports = _reports()
    if fmt == "text":
        samples = []
        for index, (report, layout) in enumerate(zip(reports * 3, LAYOUTS, strict=False)):
            encoding = ENCODINGS[index % len(ENCODINGS)]
            text = render(report, layout)
            if encoding == "big5":
                from opencc import OpenCC

                text = OpenCC("s2t").convert(text)
            samples.append(Sample(fmt, f"seed{index}-{encoding}.txt", text.encode(encoding, "replace")))
        return tuple(samples)
    if fmt == "html":
        pages = [render_html(report) for report in reports]
        gbk = pages[0].replace('charset="utf-8"', 'charset="gbk"').replace("charset=utf-8", "charset=gbk")
        return (
            *(Sample(fmt, f"seed{index}.html", page.encode("utf-8")) for index, page in enumerate(pages)),
            Sample(fmt, "gbk.html", gbk.encode("gb18030")),
        )
    if fmt == "docx":
        import tempfile

        from reportlint.testing.reports import write_docx

        samples = []
        with tempfile.TemporaryDirectory() as folder:
            for index, report in enumerate(reports):
                path = write_docx(report, Path(folder) / f"seed{index}.docx")
                samples.append(Sample(fmt, path.name, path.read_bytes()))
        from tests.hostile.builders import numbering_bomb

        samples.append(Sample(fmt, "numbering.docx", numbering_bomb(3)))
        return tuple(samples)
    if fmt == "pdf":
        from tests.loaders.loader_samples.pdf_writer import Text, write_drawing

        from reportlint.testing.reports import render as render_text

        samples = []
        for index, report in enumerate(reports[:2]):
            lines = [line for line in render_text(report, "spaces").splitlines() if line.strip()]
            pages = [
                [Text(40, 800 - 14 * row, line[:40]) for row, line in enumerate(lines[start : start + 55])]
                for start in range(0, len(lines), 55)
            ]
            samples.append(Sample(fmt, f"seed{index}.pdf", write_drawing(pages)))
        return tuple(samples)
    if fmt == "pack":
        from reportlint.core.resources import shipped_rule_packs

        shipped = [Sample(fmt, path.name, path.read_bytes()) for path in shipped_rule_packs()]
        return (*shipped, Sample(fmt, "every-type.yaml", EVERY_TYPE_PACK.encode("utf-8")))
    if fmt == "config":
        return (Sample(fmt, "reportlint.toml", FULL_CONFIG.encode("utf-8")),)
    raise ValueError(fmt)


def sample(fmt: str, seed_index: int, mutations: Sequence[Mutation], other_index: int = 0) -> Sample:
    """A mutated input of ``fmt``: its seed, damaged by the mutations (for .docx, one part at a time)."""
    pool = seeds(fmt)
    seed = pool[seed_index % len(pool)]
    other = pool[other_index % len(pool)].data
    if fmt == "docx" and mutations and mutations[0][2] % 3 != 0:  # two times in three: damage the XML inside, not the zip
        return Sample(fmt, seed.name, _mutate_part(seed.data, mutations))
    return Sample(fmt, seed.name, mutate(seed.data, mutations, other))


def _mutate_part(data: bytes, mutations: Sequence[Mutation]) -> bytes:
    with zipfile.ZipFile(BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    names = sorted(name for name in parts if name.endswith(".xml"))
    target = "word/document.xml" if mutations[0][2] % 2 else names[mutations[0][3] % len(names)]
    parts[target] = mutate(parts[target], mutations)
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


EVERY_TYPE_PACK = """\
pack: 测试
description: 每种规则类型各一条
rules:
  - code: FZ101
    name: fuzz-pattern
    type: pattern
    pattern: "(政府)信息公开(工作)?"
    suggest: "\\\\1信息公开"
    message: "发现“{match}”，建议“{suggestion}”"
    when: {template: [T2021], years: {from: 2019, to: 2030}}
  - code: FZ102
    name: fuzz-required
    type: required
    literal: [总体情况]
    section: s1
    message: "缺少“{phrase}”"
  - code: FZ103
    name: fuzz-substitution
    type: substitution
    pairs: {帐号: 账号, 登陆: 登录}
    message: "“{found}”应为“{suggestion}”"
  - code: FZ104
    name: fuzz-vocabulary
    type: vocabulary
    reject: [相关部门, 有关单位]
    accept: [相关部门负责人]
    message: "用词“{match}”不具体"
  - code: FZ105
    name: fuzz-relation
    type: relation
    table: s3
    for_each: column
    assert: "r1 >= 0"
    message: "{table}{scope}：{detail}（{relation}）"
"""

FULL_CONFIG = """\
select = ["RL1", "RL2", "RL3", "RL6"]
ignore = ["RL601"]
extend-select = ["RL9"]
fail-on = "error"
jobs = 2
exclude = ["drafts/*"]
file-timeout = 20
max-memory = "1GiB"
max-file-size = "50MB"
max-findings-per-rule = 200

[severity]
RL602 = "info"

[per-file-ignores]
"old/*.txt" = ["RL1"]

[subject]
"*.txt" = "某县某镇人民政府"

[rules.duplicated-word]
allow = ["公开公开"]

[places]
allow = ["新区"]
"""


def write(sample_: Sample, folder: Path, number: int) -> Path:
    """Write a sample into ``folder`` under a unique name."""
    path = folder / f"{number:06d}-{sample_.name}"
    path.write_bytes(sample_.data)
    return path
