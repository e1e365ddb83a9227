"""Injection check: write known defects into real reports and count how many reportlint finds where they are.

Usage::

    python bench/inject.py CORPUS                        # recall per kind of defect, over the text reports of CORPUS
    python bench/inject.py CORPUS --seed 3 --show 10     # another draw of places; ten misses per kind shown
    python bench/inject.py CORPUS --json injected.json   # also every injection and its outcome, as JSON

The primer (``bench/primer.py``) measures what reportlint says about real reports; this script measures what it
fails to say. For each text report of the folder (``.txt``, ``.md``) it asks ``reportlint parse --json`` what the
reader understood, then writes one copy of the report per kind of defect it can insert (:data:`KINDS`): a
neighbouring township named as the reporting body, a township of another province, a word written twice, the
statistics period ending a year late, a book-title mark left open, a table cell one more than it was or left blank, a
date without its 年, the period ending a day early, a count with its measure word, a ``、`` after ``（一）``, a document
number without its ``〕``, last year's year opening a sentence with a count, a part-三 row label without its ordinal, a
township's 规章, a part's heading deleted, the title's year one less, its 年 left out, its 公开 written twice or its
年度报告 written 工作报告. Originals and copies are checked in one ``reportlint check -f json`` run. A
defect is

* **found** when the copy has a finding of one of the kind's codes, which the original does not have, on the line
  of the defect (its place or one of its related places: a broken sum is reported at the total and refers to the
  addends), or anywhere for a kind in :data:`ANYWHERE`;
* **found elsewhere** when such a finding is only on other lines;
* **missed** otherwise.

What else the copy has that the original does not is counted as *collateral*: a defect should give its finding,
not several. Defects go only where the reader says the text is whole (before the place where an incomplete text
stops, RL117): rules are quiet there by design.

Like the primer, the script talks to reportlint through its command line and JSON outputs; the one exception is the
gazetteer, read for the names of neighbouring townships (``reportlint.places.gazetteer``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import primer  # the sibling script: discovering files, running reportlint, printing tables

#: The formats a defect is written into: plain text, where a line and a column are characters of the file.
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
#: A line of prose: at least this many Han characters and no table bar.
PROSE_HAN = 12
_HAN = "\u4e00-\u9fff"


@dataclass(frozen=True)
class Injection:
    """One defect written into a copy of a report: where (1-based line of the copy) and what was written."""

    file: str
    kind: str
    line: int
    before: str
    after: str


@dataclass(frozen=True)
class Outcome:
    """What the check of a copy said about its defect."""

    injection: Injection
    verdict: str  # found, elsewhere, missed
    codes: tuple[str, ...]  # the new findings' codes
    messages: tuple[str, ...]


class Report:
    """One report as read: its lines, the reader's view (``parse --json``) and where defects may go."""

    def __init__(self, file: str, text: str, view: dict) -> None:
        self.file, self.text, self.view = file, text, view
        self.lines = text.split("\n")
        title = view.get("title") or {}
        self.first_body_line = ((title.get("location") or {}).get("end_line") or 0) + 1
        truncation = view.get("truncation") or {}
        stop = (truncation.get("location") or {}).get("line")
        self.last_whole_line = stop - 1 if stop else len(self.lines)

    def body_lines(self) -> range:
        """The 1-based numbers of the lines after the title and before an incomplete text stops."""
        return range(self.first_body_line, self.last_whole_line + 1)

    def prose_lines(self) -> list[int]:
        return [
            number
            for number in self.body_lines()
            if "|" not in self.lines[number - 1] and len(re.findall(f"[{_HAN}]", self.lines[number - 1])) >= PROSE_HAN
        ]

    def with_line(self, number: int, line: str) -> str:
        lines = list(self.lines)
        lines[number - 1] = line
        return "\n".join(lines)


#: A defect writer: the report, a random source and the gazetteer give the new line's number and text, or None when the
#: report has no place for this defect.
Writer = Callable[[Report, random.Random, object], "tuple[int, str] | None"]


def _replace_subject(report: Report, rng: random.Random, choose_name: Callable[[dict], str | None]) -> tuple[int, str] | None:
    place = (report.view.get("place") or {}).get("place")
    if not place or place.get("level") != 4:
        return None
    name = choose_name(report.view["place"])
    if name is None:
        return None
    spots = [
        (number, match.start())
        for number in report.body_lines()
        for match in re.finditer(re.escape(place["name"]), report.lines[number - 1])
    ]
    if not spots:
        return None
    number, column = rng.choice(spots)
    line = report.lines[number - 1]
    return number, line[:column] + name + line[column + len(place["name"]) :]


def sibling(report: Report, rng: random.Random, gazetteer) -> tuple[int, str] | None:
    """A township of the same county and kind, named where the report names itself."""

    def name(place_view: dict) -> str | None:
        place, parents = place_view["place"], place_view.get("parents") or []
        parent = gazetteer.get(parents[-1]["code"]) if parents else None
        if parent is None:
            return None
        others = [child.name for child in gazetteer.children(parent) if child.kind == place["kind"] and child.code != place["code"]]
        return rng.choice(others) if others else None

    return _replace_subject(report, rng, name)


def foreign(report: Report, rng: random.Random, gazetteer) -> tuple[int, str] | None:
    """A township of another province (its name unique in the country), named where the report names itself."""

    def name(place_view: dict) -> str | None:
        province = place_view["place"]["code"][:2]
        for _ in range(50):
            candidate = rng.choice(_townships(gazetteer))
            if (
                candidate.code[:2] != province
                and candidate.kind == place_view["place"]["kind"]
                and len(gazetteer.lookup(candidate.name)) == 1
            ):
                return candidate.name
        return None

    return _replace_subject(report, rng, name)


@lru_cache(maxsize=1)
def _townships(gazetteer) -> list:
    """Every township of the gazetteer (listed once a run)."""
    return list(gazetteer.places_at(4))


#: How a drawn match is written into its line: the line and the match give the new line.
Edit = Callable[[str, "re.Match[str]"], str]


def _rewrite_prose(report: Report, rng: random.Random, pattern: str, edit: Edit) -> tuple[int, str] | None:
    """One of the matches of ``pattern`` in the prose lines, drawn at random, rewritten by ``edit``: the line's number and
    its new text."""
    return _rewrite(report, rng, pattern, edit, report.prose_lines())


def _rewrite(report: Report, rng: random.Random, pattern: str, edit: Edit, numbers: Sequence[int]) -> tuple[int, str] | None:
    """:func:`_rewrite_prose` over the lines ``numbers``."""
    spots = [(number, match) for number in numbers for match in re.finditer(pattern, report.lines[number - 1])]
    if not spots:
        return None
    number, match = rng.choice(spots)
    return number, edit(report.lines[number - 1], match)


def doubled_word(report: Report, rng: random.Random, gazetteer) -> tuple[int, str] | None:
    """The two Han characters after a comma or full stop of a prose line written twice (``，我镇我镇``)."""
    return _rewrite_prose(
        report,
        rng,
        f"(?<=[，。；,;])([{_HAN}])(?!\\1)([{_HAN}])",
        lambda line, match: line[: match.end()] + match.group() + line[match.end() :],
    )


def _period_end(report: Report) -> tuple[int, str, int] | None:
    """The statistics period's end as written (``2023年12月31日``) on a line of the whole text: the line's number, the
    line and where the end starts in it."""
    period = report.view.get("period") or {}
    number = (period.get("location") or {}).get("line")
    if not number or not period.get("end") or number not in report.body_lines():
        return None
    line = report.lines[number - 1]
    at = line.find(f"{period['end'][:4]}年12月31日")
    return None if at < 0 else (number, line, at)


def late_period(report: Report, rng: random.Random, gazetteer) -> tuple[int, str] | None:
    """The statistics period's end written a year late (``至2024年12月31日`` for a 2023 report)."""
    found = _period_end(report)
    if found is None:
        return None
    number, line, at = found
    return number, line[:at] + str(int(line[at : at + 4]) + 1) + line[at + 4 :]


def short_period(report: Report, rng: random.Random, gazetteer) -> tuple[int, str] | None:
    """The statistics period ending a day early (``至2023年12月30日``)."""
    found = _period_end(report)
    if found is None:
        return None
    number, line, at = found
    return number, line[: at + 8] + "30" + line[at + 10 :]


def open_title_mark(report: Report, rng: random.Random, gazetteer) -> tuple[int, str] | None:
    """A ``《…》`` of a prose line left open (its ``》`` dropped)."""
    return _rewrite_prose(report, rng, r"《[^《》]{2,30}》", lambda line, match: line[: match.end() - 1] + line[match.end() :])


def _table_cells(report: Report, rng: random.Random, tables: tuple[str, ...]) -> Iterator[tuple[int, int, int, str, dict]]:
    """The read cells of ``tables`` on one line of the whole text, in random order: (line number, start and end column
    of the cell's text, 0-based, the line, the cell), where the line still holds the cell's raw text there."""
    cells = [
        cell
        for table in report.view.get("tables") or ()
        if table.get("id") in tables
        for row in table.get("rows") or ()
        for cell in row.get("cells") or ()
        if cell.get("status") == "ok" and (cell.get("location") or {}).get("line") == (cell.get("location") or {}).get("end_line")
    ]
    rng.shuffle(cells)
    for cell in cells:
        location = cell["location"]
        number, start, end = location["line"], location["column"] - 1, location["end_column"] - 1
        line = report.lines[number - 1] if number in report.body_lines() else ""
        if line[start:end] == cell["raw"]:
            yield number, start, end, line, cell


def table_cell(report: Report, rng: random.Random, gazetteer) -> tuple[int, str] | None:
    """A cell of the table of part 三 or 四 (whose cells add up: part 二's do not), read as a whole number, written one
    more than it was."""
    for number, start, end, line, cell in _table_cells(report, rng, ("s3", "s4")):
        if cell["raw"].isdigit() and isinstance(cell.get("value"), int):
            return number, line[:start] + str(cell["value"] + 1) + line[end:]
    return None


def cell_unit(report: Report, rng: random.Random, gazetteer) -> tuple[int, str] | None:
    """A count of the table of part 三 written with its measure word (``12件``)."""
    for number, _, end, line, cell in _table_cells(report, rng, ("s3",)):
        if cell["raw"].isdigit():
            return number, line[:end] + "件" + line[end:]
    return None


def blank_cell(report: Report, rng: random.Random, gazetteer) -> tuple[int, str] | None:
    """A number of the table of part 三 or 四 left blank where ``|`` or a tab tells the cells apart: between two of
    them after another number, or between a ``|`` and the line's edge (a blank there is a blank cell, not a shifted row;
    a tab at a line's edge is not seen, and a blank right after a row label may be a merged cell)."""
    for number, start, end, line, _ in _table_cells(report, rng, ("s3", "s4")):
        before, after = line[:start].rstrip(" "), line[end:].lstrip(" ")
        # between two separators, after another number (a blank right after a label may be a merged cell's)
        between = re.search(r"\d\s*[|\t]$", before) is not None and after[:1] in ("|", "\t")
        at_edge = (not before and after[:1] == "|") or (before[-1:] == "|" and not after)  # a tab at an edge is not seen
        if between or at_edge:
            return number, line[:start] + line[end:]
    return None


def garbled_date(report: Report, rng: random.Random, gazetteer) -> tuple[int, str] | None:
    """A full date of a prose line (``2024年1月20日``) written without its 年 (``20241月20日``), as a conversion that
    drops a character leaves it."""
    return _rewrite_prose(
        report,
        rng,
        r"(?<!\d)(20\d\d)年(\d{1,2})月(\d{1,2})日",
        lambda line, match: line[: match.start()] + match.group(1) + line[match.start() + 5 :],
    )


def stale_year(report: Report, rng: random.Random, gazetteer) -> tuple[int, str] | None:
    """The year that opens a sentence reporting a count (``2023年，我镇共公开信息120条``) written one less, as in a
    paragraph left from last year's report."""
    year = report.view.get("year")
    if not year:
        return None
    return _rewrite_prose(
        report,
        rng,
        rf"(?:^|(?<=[。；;]))\s*({year})年度?[，,][^。；;]*?\d+\s*[条件次项个篇期场]",
        lambda line, match: line[: match.start(1)] + str(year - 1) + line[match.end(1) :],
    )


def label_ordinal(report: Report, rng: random.Random, gazetteer) -> tuple[int, str] | None:
    """The ordinal of a part-三 row label left out (``上年结转政府信息公开申请数量`` for ``二、上年结转……``)."""
    return _rewrite(
        report,
        rng,
        r"(?:^|(?<=[|\t]))\s*([一二四]、)(?:本年新收|上年结转|结转下年度)",
        lambda line, match: line[: match.start(1)] + line[match.end(1) :],
        report.body_lines(),
    )


def township_rules(report: Report, rng: random.Random, gazetteer) -> tuple[int, str] | None:
    """A township or street office reporting a 规章 it made (part 二's first row, its first number 0 written 1):
    only governments of cities and provinces make 规章."""
    place = (report.view.get("place") or {}).get("place") or {}
    if place.get("level") != 4:
        return None
    for table in report.view.get("tables") or ():
        for row in table.get("rows") or ():
            if table.get("id") == "s2_20_1" and row.get("row") == "rules":
                cell = next((cell for cell in row.get("cells") or () if cell.get("status") == "ok"), None)
                location = (cell or {}).get("location") or {}
                number = location.get("line")
                if cell is None or cell.get("raw") != "0" or number not in report.body_lines():
                    return None
                line, start = report.lines[number - 1], location["column"] - 1
                return (number, line[:start] + "1" + line[start + 1 :]) if line[start : start + 1] == "0" else None
    return None


def missing_part(report: Report, rng: random.Random, gazetteer) -> tuple[int, str] | None:
    """The heading of one of parts 二 to 六 deleted (the line left empty): the part's text runs on under the one before."""
    headings = [
        section["location"]["line"]
        for section in report.view.get("sections") or ()
        if section.get("kind") == "template"
        and section.get("id") in ("s2", "s3", "s4", "s5", "s6")
        and (section.get("location") or {}).get("line") == (section.get("location") or {}).get("end_line")
        and section["location"]["line"] in report.body_lines()
        and report.lines[section["location"]["line"] - 1].strip() == section.get("heading")
    ]
    return (rng.choice(headings), "") if headings else None


def _title_line(report: Report) -> tuple[int, str] | None:
    """The title's line and text, when the title is one line."""
    title = report.view.get("title") or {}
    location = title.get("location") or {}
    number = location.get("line")
    if not number or number != location.get("end_line"):
        return None
    return number, report.lines[number - 1]


def title_year(report: Report, rng: random.Random, gazetteer) -> tuple[int, str] | None:
    """The title's year written one less than the report year, the text below left as it was."""
    found, year = _title_line(report), report.view.get("year")
    if found is None or not year:
        return None
    number, line = found
    match = re.search(f"(?<!\\d){year}(?!\\d)", line)
    if match is None:
        return None
    return number, line[: match.start()] + str(year - 1) + line[match.end() :]


def title_year_mark(report: Report, rng: random.Random, gazetteer) -> tuple[int, str] | None:
    """The 年 after the title's year left out (``2023政府信息公开工作年度报告``)."""
    found = _title_line(report)
    if found is None:
        return None
    number, line = found
    match = re.search(r"(?<!\d)20\d\d(年)(?=[\u4e00-\u9fff])", line)
    return None if match is None else (number, line[: match.start(1)] + line[match.end(1) :])


def title_repeat(report: Report, rng: random.Random, gazetteer) -> tuple[int, str] | None:
    """``公开`` of the title's ``政府信息公开`` written twice."""
    found = _title_line(report)
    if found is None or "信息公开" not in found[1]:
        return None
    number, line = found
    at = line.index("信息公开") + len("信息公开")
    return number, line[:at] + "公开" + line[at:]


def title_form(report: Report, rng: random.Random, gazetteer) -> tuple[int, str] | None:
    """The title's ``年度报告`` written ``工作报告`` (``……政府信息公开工作工作报告``), as a supervisory notice criticised."""
    found = _title_line(report)
    if found is None or not found[1].rstrip().endswith("工作年度报告"):
        return None
    number, line = found
    at = line.rindex("工作年度报告")
    return number, line[:at] + "工作报告" + line[at + len("工作年度报告") :]


def ordinal_comma(report: Report, rng: random.Random, gazetteer) -> tuple[int, str] | None:
    """A ``、`` written after a bracketed ordinal that opens a prose line (``（一）、主动公开``)."""
    return _rewrite_prose(
        report,
        rng,
        r"^\s*[（(][一二三四五六七八九十]{1,2}[）)](?![、，,.])",
        lambda line, match: line[: match.end()] + "、" + line[match.end() :],
    )


def document_number(report: Report, rng: random.Random, gazetteer) -> tuple[int, str] | None:
    """The ``〕`` of a document number of a prose line left out (``国办公开办函〔202130号``)."""
    return _rewrite_prose(report, rng, r"〔(?:19|20)\d\d(〕)\d{1,4}号", lambda line, match: line[: match.start(1)] + line[match.end(1) :])


def format_notice(report: Report, rng: random.Random, gazetteer) -> tuple[int, str] | None:
    """The 2021 format notice a prose line cites written as the 2019 one (``国办公开办函〔2021〕30号`` →
    ``〔2019〕60号``), as in an introduction copied from a 2020 report."""
    return _rewrite_prose(report, rng, r"〔2021〕30号", lambda line, match: line[: match.start()] + "〔2019〕60号" + line[match.end() :])


#: Each kind of defect: its writer and the codes that find it.
KINDS: dict[str, tuple[Writer, frozenset[str]]] = {
    "sibling": (sibling, frozenset({"RL401"})),
    "foreign": (foreign, frozenset({"RL402", "RL403"})),  # RL403 when the county is written before it
    "doubled-word": (doubled_word, frozenset({"RL601"})),
    "late-period": (late_period, frozenset({"RL502"})),
    "open-title-mark": (open_title_mark, frozenset({"RL602"})),
    "table-cell": (table_cell, frozenset({"RL301", "RL302", "RL303", "RL304", "RL305", "RL306", "RL307", "RL308", "RL309"})),
    "blank-cell": (blank_cell, frozenset({"RL206"})),
    "garbled-date": (garbled_date, frozenset({"RL501"})),
    "short-period": (short_period, frozenset({"RL502"})),
    "cell-unit": (cell_unit, frozenset({"RL208"})),
    "title-form": (title_form, frozenset({"RL112"})),
    "ordinal-comma": (ordinal_comma, frozenset({"RL604"})),
    "document-number": (document_number, frozenset({"RL506"})),
    "format-notice": (format_notice, frozenset({"RL118"})),
    "title-year-mark": (title_year_mark, frozenset({"RL113"})),
    "title-repeat": (title_repeat, frozenset({"RL114"})),
    "stale-year": (stale_year, frozenset({"RL504"})),
    "label-ordinal": (label_ordinal, frozenset({"RL212"})),
    "township-rules": (township_rules, frozenset({"RL213"})),
    "missing-part": (missing_part, frozenset({"RL101"})),
    "title-year": (title_year, frozenset({"RL502", "RL504"})),
}
#: Kinds whose finding has no line of its own (a part that is not there is reported where the text has room for it):
#: found is any new finding of the kind's codes.
ANYWHERE = frozenset({"missing-part"})


def inject(reports: Sequence[Report], kinds: Sequence[str], seed: int, gazetteer) -> Iterator[tuple[Injection, str]]:
    """Every defect that fits: the injection and the copy's text."""
    for report in reports:
        for kind in kinds:
            rng = random.Random(f"{seed}/{report.file}/{kind}")
            written = KINDS[kind][0](report, rng, gazetteer)
            if written is not None:
                number, line = written
                yield Injection(report.file, kind, number, report.lines[number - 1], line), report.with_line(number, line)


def _lines_of(diagnostic: dict) -> set[int]:
    places = [diagnostic.get("location") or {}, *((related.get("location") or {}) for related in diagnostic.get("related") or ())]
    return {line for place in places if place.get("line") for line in range(place["line"], (place.get("end_line") or place["line"]) + 1)}


def judge(injection: Injection, original: list[dict], copy: list[dict]) -> Outcome:
    """The verdict on one copy: its findings against the original's (a finding is new when its code and message are).

    Cross-document findings (RL7) are left out: the copies are checked in one run with their originals, which they
    repeat.
    """
    seen = Counter((d["code"], d["message"]) for d in original)
    new = []
    for diagnostic in copy:
        if diagnostic["code"].startswith("RL7"):
            continue
        key = (diagnostic["code"], diagnostic["message"])
        if seen[key]:
            seen[key] -= 1
        else:
            new.append(diagnostic)
    expected = [d for d in new if d["code"] in KINDS[injection.kind][1]]
    on_the_line = any(injection.kind in ANYWHERE or injection.line in _lines_of(d) for d in expected)
    verdict = "found" if on_the_line else "elsewhere" if expected else "missed"
    return Outcome(injection, verdict, tuple(d["code"] for d in new), tuple(d["message"] for d in new))


def run(corpus: Path, kinds: Sequence[str], seed: int, jobs: int | None) -> list[Outcome]:
    from reportlint.places.gazetteer import Gazetteer

    files = [file for file in primer.discover(corpus) if Path(file).suffix.lower() in TEXT_SUFFIXES]
    if not files:
        raise SystemExit(f"no text reports (.txt, .md) under {corpus}")
    with ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 2) as pool:
        views = list(pool.map(lambda file: primer.parse_view(corpus, file)[0], files))
    reports = [
        Report(file, (corpus / file).read_text(encoding="utf-8", errors="replace"), view)
        for file, view in zip(files, views, strict=True)
        if view is not None
    ]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        names: dict[str, Injection | str] = {}
        for report in reports:
            name = f"{len(names):05d}{Path(report.file).suffix}"
            (folder / name).write_text(report.text, encoding="utf-8")
            names[name] = report.file
        for injection, text in inject(reports, kinds, seed, Gazetteer.default()):
            name = f"{len(names):05d}{Path(injection.file).suffix}"
            (folder / name).write_text(text, encoding="utf-8")
            names[name] = injection
        checked = primer.run_check(folder, sorted(names), jobs)
    diagnostics = {Path(entry["path"]).name: entry["diagnostics"] for entry in checked["files"]}
    originals = {names[name]: diagnostics.get(name, []) for name in names if isinstance(names[name], str)}
    return [
        judge(injection, originals[injection.file], diagnostics.get(name, []))
        for name, injection in names.items()
        if isinstance(injection, Injection)
    ]


def summary_lines(outcomes: Sequence[Outcome], kinds: Sequence[str], show: int) -> list[str]:
    rows = []
    for kind in kinds:
        mine = [outcome for outcome in outcomes if outcome.injection.kind == kind]
        verdicts = Counter(outcome.verdict for outcome in mine)
        collateral = sum(len(outcome.codes) - (outcome.verdict != "missed") for outcome in mine)
        share = f"{verdicts['found'] / len(mine):.0%}" if mine else "—"
        rows.append(
            (
                kind,
                "、".join(sorted(KINDS[kind][1]))[:24],
                len(mine),
                verdicts["found"],
                share,
                verdicts["elsewhere"],
                verdicts["missed"],
                collateral,
            )
        )
    lines = primer.table(("kind", "codes", "injected", "found", "recall", "elsewhere", "missed", "collateral"), rows)
    for kind in kinds:
        misses = [outcome for outcome in outcomes if outcome.injection.kind == kind and outcome.verdict != "found"][:show]
        if misses:
            lines += ["", f"{kind}: not found on the defect's line"]
            for outcome in misses:
                injection = outcome.injection
                lines.append(f"  {injection.file}:{injection.line} ({outcome.verdict}) {_difference(injection.before, injection.after)}")
                lines += [f"      {code} {message[:100]}" for code, message in zip(outcome.codes, outcome.messages, strict=True)][:3]
    return lines


def _difference(before: str, after: str) -> str:
    """The changed stretch of a line with a little context: ``…，我镇[我镇]坚持…``."""
    start = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), min(len(before), len(after)))
    end_before, end_after = len(before), len(after)
    while end_before > start and end_after > start and before[end_before - 1] == after[end_after - 1]:
        end_before, end_after = end_before - 1, end_after - 1
    return f"…{after[max(0, start - 12) : start]}[{before[start:end_before]}→{after[start:end_after]}]{after[end_after : end_after + 12]}…"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a folder of real reports (.txt and .md are used)")
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"comma-separated, of: {', '.join(KINDS)}")
    parser.add_argument("--seed", type=int, default=1, help="draws the places defects go (default 1)")
    parser.add_argument("--show", type=int, default=5, help="misses shown per kind (default 5)")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--json", type=Path, help="also write every injection and its outcome here")
    options = parser.parse_args(argv)
    kinds = [kind.strip() for kind in options.kinds.split(",") if kind.strip()]
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown:
        parser.error(f"unknown kind {unknown[0]!r} (choose from {', '.join(KINDS)})")
    outcomes = run(options.corpus, kinds, options.seed, options.jobs)
    print("\n".join(summary_lines(outcomes, kinds, options.show)))
    if options.json:
        options.json.write_text(
            json.dumps(
                [{**asdict(outcome.injection), **{k: v for k, v in asdict(outcome).items() if k != "injection"}} for outcome in outcomes],
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
