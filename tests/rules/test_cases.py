"""Per-code test cases as data: every built-in rule code has tests/rules/cases/RLxxx.yaml, run here.

The format is described in tests/rules/cases/README.md. Each case gives a report (a whole
text, a fragment spliced into a sample report, a builder recipe, or a file) and the
findings of the file's code it must get: their lines and what their messages say, or
none at all.
"""

from __future__ import annotations

import binascii
import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from reportlint.core.config import Config, parse_config
from reportlint.run.linter import Linter
from reportlint.run.options import RunOptions
from reportlint.run.registry import registry_for
from reportlint.testing import lint_text
from reportlint.testing.examples import example_text, sample_subject
from reportlint.testing.reports import SampleReport, render, render_html, write_docx

CASES = Path(__file__).resolve().parent / "cases"
REPO = Path(__file__).resolve().parents[2]
INPUTS = ("text", "fragment", "builder", "file")
CASE_KEYS = {"name", *INPUTS, "filename", "context", "layout", "config", "pack", "plugin", "select", "regex-timeout", "fires"}
FINDING_KEYS = {"line", "column", "message", "at", "severity"}
BUILTIN_CODES = sorted(rule.code for rule in registry_for(Config()).rules)


def _load(path: Path) -> list[dict[str, Any]]:
    document = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert isinstance(document, dict) and set(document) == {"cases"}, f"{path.name}: a case file is a mapping with one key, cases"
    return document["cases"]


def _all_cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        for number, case in enumerate(_load(path), start=1):
            params.append(pytest.param(path.stem, case, id=f"{path.stem}-{number}"))
    return params


def _builder_report(recipe: Mapping[str, Any]) -> SampleReport:
    """A sample report from a recipe: build arguments, then ``edits`` (``[method, args…]`` of SampleReport)."""
    subject = sample_subject(recipe["subject"]) if "subject" in recipe else None
    year = recipe.get("year", 2021)
    template = recipe.get("template", "T2021" if year >= 2021 else "T2019")
    report = SampleReport.build(template, year, subject=subject, seed=recipe.get("seed", 0), balanced=recipe.get("balanced", True))
    for method, *arguments in recipe.get("edits", []):
        assert method.startswith(("with_", "without_")), f"not an edit of SampleReport: {method}"
        report = getattr(report, method)(*arguments)
    return report


def _report_text(case: Mapping[str, Any], config: Mapping[str, Any]) -> str:
    layout = case.get("layout", "tabs")
    if "text" in case:
        return case["text"]
    if "fragment" in case:
        lines = [line for line in textwrap.dedent(case["fragment"]).splitlines() if line.strip()]
        templates = registry_for(parse_config(dict(config), None)).template_set  # with the case's template extensions
        return example_text(lines, qualifiers=case.get("context", []), templates=templates, layout=layout)
    report = _builder_report(case["builder"])
    return render_html(report) if layout == "html" else render(report, layout)


def _file_bytes(spec: Mapping[str, Any], path: Path) -> bytes | None:
    """The bytes of a ``file:`` case (None when the case wants no file, or wrote it itself)."""
    if spec.get("missing"):
        return None
    if spec.get("directory"):
        path.mkdir()
        return None
    if "builder" in spec:
        report = _builder_report(spec["builder"])
        if path.suffix == ".docx":
            write_docx(report, path)
            data = path.read_bytes()
        else:
            data = (render_html(report) if path.suffix in (".html", ".htm") else render(report)).encode("utf-8")
    else:
        data = b"".join(_part(part) for part in spec.get("parts", [spec]))
    return data[: spec.get("truncate")] + bytes(spec.get("zeros", 0))


def _part(part: Mapping[str, Any]) -> bytes:
    """Some bytes of a file: ``hex`` or ``text`` in an ``encoding``, ``repeat`` times."""
    data = binascii.unhexlify("".join(part["hex"].split())) if "hex" in part else part.get("text", "").encode(part.get("encoding", "utf-8"))
    return data * part.get("repeat", 1)


def run_case(code: str, case: Mapping[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str | None, list[Any]]:
    """Lint a case; returns the report text (None for files) and the findings of ``code``."""
    rule = registry_for(Config()).rule_by_code(code)
    config: dict[str, Any] = dict(case.get("config", {}))
    if "regex-timeout" in case:
        import reportlint.rules.packs.base as packs

        monkeypatch.setattr(packs, "REGEX_TIMEOUT", case["regex-timeout"])
    if "templates" in config:
        config["templates"] = [str(REPO / template) for template in config["templates"]]
    if not any(key in case for key in ("file", "pack", "plugin")):
        text = _report_text(case, config)
        found = lint_text(text, filename=case.get("filename", "report.txt"), rules=[rule], config=config)
        return text, [finding for finding in found if finding.code == code]
    if "pack" in case:
        (tmp_path / "pack.yaml").write_text(textwrap.dedent(case["pack"]), encoding="utf-8")
        config["rule-packs"] = ["pack.yaml"]
    if "plugin" in case:
        (tmp_path / "case_plugin.py").write_text(textwrap.dedent(case["plugin"]), encoding="utf-8")
        config["local-plugins"] = ["case_plugin.py"]
    (tmp_path / "reportlint.toml").write_text(_toml(config), encoding="utf-8")
    path = tmp_path / case.get("filename", case.get("file", {}).get("name", "report.txt"))
    text = None
    if "file" in case:
        data = _file_bytes(case["file"], path)
        if data is not None:
            path.write_bytes(data)
    else:
        text = _report_text(case, config)
        path.write_text(text, encoding="utf-8")
    select = tuple(case.get("select", [code]))
    result = Linter(RunOptions(select=select)).lint_path(path, path.name)
    return text, [finding for finding in result.diagnostics if finding.code == code]


def _toml(config: Mapping[str, Any]) -> str:
    """A config of cases that need files, as TOML: top-level strings and lists of strings, and tables of them."""
    import json

    def value(item: Any) -> str:
        return json.dumps(item, ensure_ascii=False)

    lines = [f"{key} = {value(item)}" for key, item in config.items() if not isinstance(item, dict)]
    for key, table in config.items():
        if isinstance(table, dict):
            lines.append(f"[{key}]")
            lines.extend(f'"{name}" = {value(item)}' for name, item in table.items())
    return "\n".join(lines) + "\n"


def _where(finding: Any) -> tuple[int, int]:
    """A finding's line and column; a finding about a whole file (it could not be read) is at 1:1, as the outputs show it."""
    return (finding.location.line, finding.location.column) if finding.location is not None else (1, 1)


@pytest.mark.parametrize(("code", "case"), _all_cases())
def test_case(code, case, tmp_path, monkeypatch):
    assert set(case) <= CASE_KEYS, f"unknown keys {sorted(set(case) - CASE_KEYS)}"
    assert sum(key in case for key in INPUTS) == 1, "a case has exactly one of text, fragment, builder, file"
    text, found = run_case(code, case, tmp_path, monkeypatch)
    expected = case["fires"]
    actual = [f"第{_where(finding)[0]}行第{_where(finding)[1]}列 [{finding.severity.label}] {finding.message}" for finding in found]
    assert len(found) == len(expected), f"{case['name']}: expected {len(expected)} finding(s) of {code}, got:\n" + "\n".join(actual)
    for finding, wanted in zip(found, expected, strict=True):
        assert set(wanted) <= FINDING_KEYS and {"line", "message"} <= set(wanted), f"{case['name']}: a finding needs line and message"
        line, column = _where(finding)
        assert line == wanted["line"], f"{case['name']}: {actual}"
        assert wanted["message"] in finding.message, f"{case['name']}: {actual}"
        if "column" in wanted:
            assert column == wanted["column"], f"{case['name']}: {actual}"
        if "severity" in wanted:
            assert finding.severity.label == wanted["severity"], f"{case['name']}: {actual}"
        if "at" in wanted:
            assert text is not None and text[finding.start : finding.end] == wanted["at"], (
                f"{case['name']}: {text and text[finding.start : finding.end]!r}"
            )


#: Codes only the supervisor of the worker processes gives (a file out of time, a worker that died): their
#: case files say when they do not fire; tests/hostile/test_plugins.py makes them fire in real runs.
SUPERVISOR_CODES = ("RL909", "RL915")


def test_every_builtin_rule_code_has_a_case_file_with_both_kinds_of_case():
    files = {path.stem: _load(path) for path in CASES.glob("*.yaml")}
    assert sorted(files) == BUILTIN_CODES, "a case file for every built-in code, and no file for an unknown code"
    for code, cases in files.items():
        assert len(cases) >= 3, f"{code}: at least three cases"
        assert (code in SUPERVISOR_CODES or any(case["fires"] for case in cases)) and any(not case["fires"] for case in cases), (
            f"{code}: cases that fire and cases that do not"
        )
