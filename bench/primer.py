"""Primer: run reportlint over a folder of real reports and compare runs (like ruff's ecosystem check).

Usage::

    python bench/primer.py CORPUS -o run.json                # findings per rule, reading failures
    python bench/primer.py CORPUS --against run.json         # what appeared and disappeared since then
    python bench/primer.py CORPUS --sample 20 --seed 1       # random findings to judge by hand
    python bench/primer.py --judge judgements.tsv            # precision per rule from those judgements

The primer talks to reportlint only through its command line and JSON outputs
(``reportlint check -f json`` and ``reportlint parse --json``, see docs/json-output.md), never
through its modules, so it keeps working while the package's internals move. A reading failure
is a file whose reader view lacks a title, a subject or a year, has fewer than six template
sections although its text is complete, has a section 二/三/四 (before the place where an
incomplete text stops) whose table yielded no readable cell, or crashed the parser; an
incomplete text is listed as such (``incomplete``).
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

#: File types reportlint reads (docs/json-output.md, ``files[].format``).
READABLE = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")
#: Formats whose diagnostics' line numbers point into the file's own text.
TEXT_FORMATS = ("text", "markdown", "html")
RUN_SCHEMA = "reportlint-primer/1"
TEMPLATE_SECTIONS = 6
TABLE_SECTIONS = {"s2": "二", "s3": "三", "s4": "四"}
FAILURES = {
    "no-title": "无标题 / no title",
    "no-subject": "无机关名称 / no subject",
    "no-year": "无年度 / no year",
    "few-sections": f"模板章节少于{TEMPLATE_SECTIONS}个（文本完整时） / fewer than {TEMPLATE_SECTIONS} template sections in a complete text",
    "incomplete": "文本中途中断，只读到中断处 / the text stops early: read up to where it stops",
    **{f"table-{sid}-unread": f"第{number}部分表格未读出 / section {number} table not read" for sid, number in TABLE_SECTIONS.items()},
    "parse-crash": "解析失败 / parse crashed",
}


@dataclass(frozen=True)
class Finding:
    """One diagnostic, as much of it as a later run needs."""

    file: str
    code: str
    severity: str
    line: int
    column: int
    message: str
    logical: str | None = None

    @property
    def identity(self) -> tuple[str, str, str]:
        """Matches the same finding across runs whatever its line or column."""
        return (self.file, self.code, self.message)

    @property
    def key(self) -> str:
        """A stable key to write hand judgements against: ``file#code#digest-of-message``."""
        digest = hashlib.sha1(self.message.encode("utf-8")).hexdigest()[:10]
        return f"{self.file}#{self.code}#{digest}"


@dataclass
class Reading:
    """What the reader understood of one file, reduced to what can fail."""

    title: str | None = None
    subject: str | None = None
    year: int | None = None
    template_sections: int = 0
    unread_tables: list[str] = field(default_factory=list)
    crash: str | None = None
    #: The part the text stops in when it stops early (0: before the first part), else None.
    incomplete: int | None = None

    @property
    def failures(self) -> list[str]:
        if self.crash is not None:
            return ["parse-crash"]
        checks = {
            "no-title": not self.title,
            "no-subject": not self.subject,
            "no-year": self.year is None,
            "few-sections": self.template_sections < TEMPLATE_SECTIONS and self.incomplete is None,
            "incomplete": self.incomplete is not None,
        }
        return [kind for kind, failed in checks.items() if failed] + [f"table-{sid}-unread" for sid in self.unread_tables]


@dataclass
class FileResult:
    format: str | None
    findings: list[Finding]
    reading: Reading


@dataclass
class Run:
    """One primer run: every file's findings and reading, and the rules seen."""

    version: str
    files: dict[str, FileResult]
    rules: dict[str, tuple[str, str]]  # code -> (name, severity)

    def findings(self) -> list[Finding]:
        return [finding for result in self.files.values() for finding in result.findings]

    def to_json(self) -> dict:
        return {
            "schema": RUN_SCHEMA,
            "reportlint": self.version,
            "rules": {code: {"name": name, "severity": severity} for code, (name, severity) in sorted(self.rules.items())},
            "files": {
                path: {
                    "format": result.format,
                    "findings": [{k: v for k, v in asdict(f).items() if k != "file" and v is not None} for f in result.findings],
                    "reading": {**asdict(result.reading), "failures": result.reading.failures},
                }
                for path, result in sorted(self.files.items())
            },
        }

    @classmethod
    def from_json(cls, data: dict) -> Run:
        if data.get("schema") != RUN_SCHEMA:
            raise SystemExit(f"not a primer run ({RUN_SCHEMA}): schema {data.get('schema')!r}")
        files = {}
        for path, entry in data["files"].items():
            reading = {k: v for k, v in entry["reading"].items() if k != "failures"}
            files[path] = FileResult(entry["format"], [Finding(file=path, **f) for f in entry["findings"]], Reading(**reading))
        rules = {code: (rule["name"], rule["severity"]) for code, rule in data["rules"].items()}
        return cls(data["reportlint"], files, rules)


# --------------------------------------------------------------------------- running reportlint


def discover(directory: Path, excludes: Sequence[str] = ()) -> list[str]:
    """Readable files under ``directory`` (hidden folders skipped), as sorted POSIX paths relative to it."""
    found = []
    for root, folders, names in os.walk(directory):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in names:
            relative = (Path(root) / name).relative_to(directory).as_posix()
            if Path(name).suffix.lower() in READABLE and not any(fnmatch.fnmatch(relative, pattern) for pattern in excludes):
                found.append(relative)
    return sorted(found)


def reportlint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reportlint", *args], check=False, cwd=cwd, capture_output=True, text=True, encoding="utf-8"
    )


def run_check(directory: Path, files: Sequence[str], jobs: int | None) -> dict:
    """``reportlint check --isolated --exit-zero -f json`` over the files; its parsed JSON report."""
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "check.json"
        options = ["--jobs", str(jobs)] if jobs else []
        done = reportlint(
            "check", "--isolated", "--exit-zero", "--no-progress", "-f", "json", "-o", str(output), *options, "--", *files, cwd=directory
        )
        if done.returncode != 0 or not output.exists():
            raise SystemExit(f"reportlint check failed (exit {done.returncode}): {first_line(done.stderr)}")
        return json.loads(output.read_text(encoding="utf-8"))


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def parse_view(directory: Path, file: str) -> tuple[dict | None, str | None]:
    """``reportlint parse --isolated --json FILE``: the reader's view, or (None, why the parse failed)."""
    done = reportlint("parse", "--isolated", "--json", file, cwd=directory)
    if done.returncode != 0:
        return None, first_line(done.stderr) or f"exit {done.returncode}"
    try:
        return json.loads(done.stdout), None
    except json.JSONDecodeError as error:
        return None, f"invalid JSON from parse: {error}"


def read_file(directory: Path, file: str) -> Reading:
    """The reader's view of a file reduced to a Reading; a failed parse is a crash."""
    view, problem = parse_view(directory, file)
    return reading_of(view) if view is not None else Reading(crash=problem)


def reading_of(view: dict) -> Reading:
    sections = {section["id"] for section in view.get("sections") or () if section.get("kind") == "template" and section.get("id")}
    truncation = view.get("truncation")
    cut = truncation.get("number", 0) if truncation else None
    unread = [
        sid
        for sid in TABLE_SECTIONS
        if sid in sections and not table_read(view.get("tables") or (), sid) and (cut is None or int(sid[1:]) < max(cut, 1))
    ]
    return Reading(
        title=(view.get("title") or {}).get("text"),
        subject=(view.get("subject") or {}).get("name"),
        year=view.get("year"),
        template_sections=len(sections),
        unread_tables=unread,
        incomplete=cut,
    )


def table_read(tables: Iterable[dict], section: str) -> bool:
    """Whether any table of the section (``s3``, ``s2_20_1`` …) has a cell read as ``ok``."""
    return any(
        cell.get("status") == "ok"
        for table in tables
        if table.get("id") == section or str(table.get("id", "")).startswith(section + "_")
        for row in table.get("rows") or ()
        for cell in row.get("cells") or ()
    )


def read_all(directory: Path, files: Sequence[str], jobs: int | None) -> dict[str, Reading]:
    with ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 2) as pool:
        return dict(zip(files, pool.map(lambda file: read_file(directory, file), files), strict=False))


def collect(directory: Path, excludes: Sequence[str], jobs: int | None) -> Run:
    files = discover(directory, excludes)
    if not files:
        raise SystemExit(f"no readable reports under {directory}")
    report = run_check(directory, files, jobs)
    readings = read_all(directory, files, jobs)
    results: dict[str, FileResult] = {}
    rules: dict[str, tuple[str, str]] = {}
    for entry in report["files"]:
        path = Path(entry["path"]).as_posix()
        findings = [finding_of(path, diagnostic) for diagnostic in entry["diagnostics"]]
        rules.update({d["code"]: (d["name"], d["severity"]) for d in entry["diagnostics"]})
        results[path] = FileResult(entry.get("format"), findings, readings.get(path, Reading(crash="not parsed")))
    for path in files:
        results.setdefault(path, FileResult(None, [], readings[path]))
    return Run(report["tool"]["version"], results, rules)


def finding_of(path: str, diagnostic: dict) -> Finding:
    location = diagnostic.get("location") or {}
    return Finding(
        file=path,
        code=diagnostic["code"],
        severity=diagnostic["severity"],
        line=location.get("line", 0),
        column=location.get("column", 0),
        message=diagnostic["message"],
        logical=location.get("logical"),
    )


# --------------------------------------------------------------------------- printing


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    rows = [[str(cell) for cell in row] for row in rows]
    widths = [max([len(header), *(len(row[i]) for row in rows)]) for i, header in enumerate(headers)]
    lines = ["  ".join(header.ljust(width) for header, width in zip(headers, widths, strict=False)).rstrip()]
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)).rstrip() for row in rows]
    return lines


def rule_counts(run: Run) -> list[tuple[str, str, str, int, int]]:
    """(code, name, severity, findings, files) per rule, most frequent first."""
    counts = Counter(f.code for f in run.findings())
    files = Counter(code for result in run.files.values() for code in {f.code for f in result.findings})
    return sorted(
        ((code, *run.rules.get(code, ("?", "?")), n, files[code]) for code, n in counts.items()), key=lambda row: (-row[3], row[0])
    )


def summary_lines(run: Run, directory: str) -> list[str]:
    findings = run.findings()
    lines = [f"reportlint {run.version} primer: {len(run.files)} files in {directory}, {len(findings)} findings", "", "Findings by rule"]
    lines += table(("code", "name", "severity", "count", "files"), rule_counts(run))
    severities = Counter(f.severity for f in findings)
    lines += [
        "",
        "By severity: "
        + ", ".join(f"{severity} {severities[severity]}" for severity in ("error", "warning", "info") if severity in severities),
    ]
    return [*lines, "", *failure_lines(run)]


def failure_lines(run: Run) -> list[str]:
    failing = {path: result.reading for path, result in run.files.items() if result.reading.failures}
    lines = [f"Reading failures: {len(failing)} of {len(run.files)} files"]
    kinds = Counter(kind for reading in failing.values() for kind in reading.failures)
    lines += table(("kind", "files", "meaning"), ((kind, kinds[kind], FAILURES[kind]) for kind in FAILURES if kinds[kind]))
    for path, reading in sorted(failing.items()):
        detail = f" ({reading.crash})" if reading.crash else ""
        lines.append(f"  {path}: {', '.join(reading.failures)}{detail}")
    return lines


def diff_lines(old: Run, new: Run) -> list[str]:
    """Findings that appeared and disappeared (same file, code and message), per rule, then reading failures."""
    appeared, disappeared = unmatched(new.findings(), old.findings()), unmatched(old.findings(), new.findings())
    lines = [f"Against the saved run (reportlint {old.version} → {new.version}): +{len(appeared)} −{len(disappeared)} findings"]
    rules = {**old.rules, **new.rules}
    for code in sorted({f.code for f in appeared} | {f.code for f in disappeared}):
        plus, minus = [f for f in appeared if f.code == code], [f for f in disappeared if f.code == code]
        lines.append(f"{code} {rules.get(code, ('?',))[0]}: +{len(plus)} −{len(minus)}")
        lines += [f"  + {f.file}:{f.line}:{f.column} {f.message}" for f in plus]
        lines += [f"  - {f.file}:{f.line}:{f.column} {f.message}" for f in minus]
    return [*lines, "", *failure_change_lines(old, new)]


def unmatched(findings: Iterable[Finding], others: Iterable[Finding]) -> list[Finding]:
    """The findings without a counterpart (same file, code and message) among ``others``, duplicates counted."""
    available = Counter(f.identity for f in others)
    left = []
    for finding in findings:
        if available[finding.identity]:
            available[finding.identity] -= 1
        else:
            left.append(finding)
    return left


def failure_change_lines(old: Run, new: Run) -> list[str]:
    def failures(run: Run) -> set[tuple[str, str]]:
        return {(path, kind) for path, result in run.files.items() for kind in result.reading.failures}

    gone, came = failures(old) - failures(new), failures(new) - failures(old)
    count_old, count_new = Counter(kind for _, kind in failures(old)), Counter(kind for _, kind in failures(new))
    kinds = [kind for kind in FAILURES if count_old[kind] or count_new[kind]]
    lines = [f"Reading failures: {len(failures(old))} → {len(failures(new))}"]
    lines += table(
        ("kind", "before", "after", "change"), ((k, count_old[k], count_new[k], f"{count_new[k] - count_old[k]:+d}") for k in kinds)
    )
    lines += [f"  fixed: {path}: {kind}" for path, kind in sorted(gone)]
    lines += [f"  new:   {path}: {kind}" for path, kind in sorted(came)]
    return lines


def sample_lines(run: Run, directory: Path, size: int, seed: int) -> list[str]:
    findings = sorted(run.findings(), key=lambda f: (f.file, f.line, f.column, f.code, f.message))
    chosen = random.Random(seed).sample(findings, min(size, len(findings)))
    lines = [f"Sample of {len(chosen)} findings (seed {seed}); judge them in a TSV: key<TAB>real|false"]
    for finding in chosen:
        lines.append(f"{finding.key}\t{finding.file}:{finding.line}:{finding.column} {finding.code} {finding.message}")
        lines.append(f"    | {source_line(directory, run.files[finding.file].format, finding)}")
    return lines


def source_line(directory: Path, form: str | None, finding: Finding) -> str:
    if form not in TEXT_FORMATS:
        return f"({form or 'unread'} file; {finding.logical or 'no text line'})"
    data = (directory / finding.file).read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("utf-8", errors="replace")
    lines = text.splitlines()
    line = lines[finding.line - 1].strip() if 0 < finding.line <= len(lines) else ""
    return line if len(line) <= 160 else line[:157] + "…"


def precision_lines(path: Path) -> list[str]:
    """Precision per rule from a TSV of ``key<TAB>real|false`` (a header line and ``#`` comments are skipped)."""
    verdicts: dict[str, Counter] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        parts = raw.split("\t")
        if len(parts) < 2 or raw.startswith("#") or parts[1].strip() not in ("real", "false"):
            continue
        code = parts[0].rsplit("#", 2)[1] if parts[0].count("#") >= 2 else "?"
        verdicts.setdefault(code, Counter())[parts[1].strip()] += 1
    total = sum(verdicts.values(), Counter())
    rows = [(code, c["real"] + c["false"], c["real"], c["false"], percent(c)) for code, c in sorted(verdicts.items())]
    rows.append(("all", total["real"] + total["false"], total["real"], total["false"], percent(total)))
    return [f"Precision from {path}", *table(("code", "judged", "real", "false", "precision"), rows)]


def percent(counts: Counter) -> str:
    judged = counts["real"] + counts["false"]
    return f"{100 * counts['real'] / judged:.0f}%" if judged else "-"


# --------------------------------------------------------------------------- command line


def arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, help="folder of reports (searched recursively)")
    parser.add_argument("-o", "--output", type=Path, help="save this run as compact JSON")
    parser.add_argument("--against", type=Path, help="a saved run to compare with")
    parser.add_argument("--jobs", type=int, help="parallel processes for check and threads for parse")
    parser.add_argument(
        "--exclude", action="append", default=[], metavar="GLOB", help="skip files whose relative path matches (repeatable)"
    )
    parser.add_argument("--sample", type=int, metavar="N", help="print N random findings with their source line")
    parser.add_argument("--seed", type=int, default=0, help="seed for --sample")
    parser.add_argument("--judge", type=Path, metavar="TSV", help="print precision per rule from hand judgements")
    args = parser.parse_args(argv)
    if args.directory is None and args.judge is None:
        parser.error("a directory of reports is needed (or --judge alone)")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments(argv)
    lines: list[str] = []
    if args.directory is not None:
        run = collect(args.directory.resolve(), args.exclude, args.jobs)
        lines += summary_lines(run, str(args.directory))
        if args.against:
            lines += ["", *diff_lines(Run.from_json(json.loads(args.against.read_text(encoding="utf-8"))), run)]
        if args.sample:
            lines += ["", *sample_lines(run, args.directory, args.sample, args.seed)]
        if args.output:
            args.output.write_text(json.dumps(run.to_json(), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    if args.judge:
        lines += ([""] if lines else []) + precision_lines(args.judge)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
