"""Helpers for testing reportlint rules and plugins (see docs/plugins.md).

A plugin's tests are three lines each::

    from reportlint.testing import lint_text

    def test_placeholder_is_found():
        [finding] = lint_text("××镇2021年政府信息公开工作年度报告\\n", rules=[NoPlaceholder])
        assert (finding.code, finding.location.line) == ("GS101", 1)

Fixture files with inline expectations: a line ``#! GS101`` (or ``#! GS101 GS102``)
says the line above it must get exactly these findings; marker lines are removed
before linting, so line numbers are those of the clean report.
:func:`assert_fixture` checks a whole file.

A rule's documentation examples run too: :func:`check_rule_examples` splices
each 反例 and 正例 of its docstring into a clean sample report
(:mod:`reportlint.testing.reports`) and asserts that the rule reports the
反例 and not the 正例 (the convention is in :mod:`reportlint.testing.examples`)::

    def test_documentation_examples():
        check_rule_examples(NoPlaceholder)
        for rule in pack_rules("src/reportlint_gansu/rules/gansu.yaml"):
            check_rule_examples(rule)

The kit is the ``testing`` extra (``pip install "reportlint[testing]"``); it does
not need pytest to be imported, and it is not a pytest plugin of every
environment reportlint is installed in. The ``reportlint_linter`` fixture is in
:mod:`reportlint.testing.pytest_plugin`, loaded when a test suite asks for it
(``pytest_plugins = ["reportlint.testing.pytest_plugin"]`` in its ``conftest.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportlint.core.diagnostics import Diagnostic
    from reportlint.core.rule import Rule
    from reportlint.testing.examples import ExampleRun

MARKER = "#!"


def lint_text(
    text: str, *, rules: Sequence[type[Rule]] | None = None, config: Mapping[str, Any] | None = None, filename: str = "report.txt"
) -> list[Diagnostic]:
    """Lint a report given as a string; returns its located diagnostics.

    ``rules`` limits the run to these rule classes; ``config`` is a mapping of
    ``reportlint.toml`` keys (``{"rules": {"my-rule": {"option": 1}}}``).
    """
    from reportlint.run.linter import lint_text as run

    return run(text, filename=filename, rules=rules, config=config)


def lint_file(path: str | Path, *, rules: Sequence[type[Rule]] | None = None, config: Mapping[str, Any] | None = None) -> list[Diagnostic]:
    """Lint a report file of any supported format (the format is detected from its content)."""
    from reportlint.run.linter import lint_source
    from reportlint.sources import SourceError, read_source

    try:
        source = read_source(Path(path), str(path))
    except SourceError as error:
        raise AssertionError(f"{path}：{error.message}") from None
    return lint_source(source, rules=rules, config=config)


@dataclass(frozen=True)
class Expectation:
    """A finding a fixture file expects: this code on this (1-based) line of the clean text."""

    line: int
    code: str


def parse_fixture(text: str) -> tuple[str, list[Expectation]]:
    """Split a fixture into the clean report text and the expectations of its ``#!`` lines."""
    clean: list[str] = []
    expected: list[Expectation] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith(MARKER):
            if not clean:
                raise ValueError("标记行 #! 前面没有报告文字")
            expected.extend(Expectation(len(clean), code) for code in stripped[len(MARKER) :].split())
            continue
        clean.append(line)
    return "\n".join(clean), expected


def assert_fixture(
    path: str | Path,
    *,
    rules: Sequence[type[Rule]] | None = None,
    config: Mapping[str, Any] | None = None,
    codes: Iterable[str] | None = None,
) -> None:
    """Assert that linting a fixture file gives exactly the findings its ``#!`` lines expect.

    ``codes`` limits the comparison to findings of these codes (default: the
    codes of ``rules``, or every code the markers name).
    """
    path = Path(path)
    clean, expected = parse_fixture(path.read_text(encoding="utf-8"))
    found = lint_text(clean, rules=rules, config=config, filename=path.name)
    watched = set(codes) if codes is not None else {rule.code for rule in rules} if rules else {item.code for item in expected}
    actual = sorted({(d.location.line if d.location is not None else 1, d.code) for d in found if d.code in watched})
    wanted = sorted({(item.line, item.code) for item in expected if item.code in watched})
    if actual != wanted:
        missing = [f"  第{line}行 {code}" for line, code in wanted if (line, code) not in actual]
        extra = [f"  第{line}行 {code}" for line, code in actual if (line, code) not in wanted]
        details = []
        if missing:
            details.append("应报告但没有报告：\n" + "\n".join(missing))
        if extra:
            details.append("报告了但没有标记：\n" + "\n".join(extra))
        raise AssertionError(f"{path}：检查结果与 #! 标记不一致\n" + "\n".join(details))


def check_rule_examples(rule: type[Rule], *, config: Mapping[str, Any] | None = None, layout: str = "tabs") -> list[ExampleRun]:
    """Assert that a rule reports each 反例 of its documentation and no 正例 (see :mod:`reportlint.testing.examples`)."""
    from reportlint.testing.examples import check_rule_examples as check

    return check(rule, config=config, layout=layout)


def example_text(lines: Sequence[str] | str, *, qualifiers: Sequence[str] = (), layout: str = "tabs") -> str:
    """The text of a clean sample report with a documentation fragment spliced in (to see what a rule is given)."""
    from reportlint.testing.examples import example_text as splice

    return splice(lines, qualifiers=qualifiers, layout=layout)


def pack_rules(path: str | Path) -> tuple[type[Rule], ...]:
    """The rule classes of a YAML rule pack, validated as reportlint loads it (to test them one by one)."""
    from reportlint.rules.packs import load_pack

    return load_pack(Path(path)).rules


class Linter:
    """What the ``reportlint_linter`` fixture gives: ``text(...)``, ``file(...)`` and ``fixture(...)``."""

    def text(self, text: str, **options: Any) -> list[Diagnostic]:
        """See :func:`lint_text`."""
        return lint_text(text, **options)

    def file(self, path: str | Path, **options: Any) -> list[Diagnostic]:
        """See :func:`lint_file`."""
        return lint_file(path, **options)

    def fixture(self, path: str | Path, **options: Any) -> None:
        """See :func:`assert_fixture`."""
        assert_fixture(path, **options)
