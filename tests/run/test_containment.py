"""One rule's check, contained (run/containment.py): what it prints, raises or returns stays with that rule."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pytest

from reportlint.core.diagnostics import Diagnostic, Severity
from reportlint.run.containment import run_rule


@dataclass
class _Report:
    text: str = "第一部分 总体情况"


class _Rule:
    """A stand-in rule: ``action(report)`` is its check."""

    origin = "plugin:demo"
    applies_to = None

    def __init__(self, code: str, action) -> None:
        self.code, self.name, self.action = code, f"rule-{code.lower()}", action

    def check(self, report):
        return self.action(report)


def _internal(code: str, message: str) -> Diagnostic:
    return Diagnostic(code=code, name="internal", message=message, severity=Severity.INFO, start=0, end=0)


def _printing(words: str):
    def check(report):
        print(words)
        return []

    return check


def test_each_rule_s_printing_is_its_own_finding():
    report = _Report()
    first = run_rule(_Rule("HX1", _printing("第一条规则的调试输出")), report, 10, _internal)
    quiet = run_rule(_Rule("HX2", lambda report: []), report, 10, _internal)
    second = run_rule(_Rule("HX3", _printing("第三条")), report, 10, _internal)
    [note] = first
    assert note.code == "RL913" and "插件 demo HX1（rule-hx1）在检查时向终端输出了 11 个字符" in note.message
    assert note.message.endswith("：第一条规则的调试输出")
    assert quiet == []
    [note] = second
    assert "HX3" in note.message and note.message.endswith("：第三条") and "第一条" not in note.message


def test_output_of_a_rule_stopped_by_memory_does_not_reach_the_next_rule():
    def exhausts(report):
        print("耗尽内存之前")
        raise MemoryError

    terminal = sys.stdout
    with pytest.raises(MemoryError):
        run_rule(_Rule("HX1", exhausts), _Report(), 10, _internal)
    assert sys.stdout is terminal  # given back
    assert run_rule(_Rule("HX2", lambda report: []), _Report(), 10, _internal) == []


def test_a_rule_that_prints_then_fails_has_both_findings_and_gives_the_terminal_back():
    def prints_then_fails(report):
        print("出错之前")
        raise SystemExit(3)

    terminal, errors = sys.stdout, sys.stderr
    failure, note = run_rule(_Rule("HX1", prints_then_fails), _Report(), 10, _internal)
    assert sys.stdout is terminal and sys.stderr is errors
    assert (
        failure.code == "RL907"
        and failure.message == "插件 demo HX1（rule-hx1）在检查中调用了 sys.exit(3)，已跳过该规则（规则不应结束进程）"
    )
    assert note.code == "RL913" and note.message == "插件 demo HX1（rule-hx1）在检查时向终端输出了 5 个字符（已截获）：出错之前"


def test_a_failing_rule_is_named_in_its_finding():
    def fails(report):
        raise ValueError("坏了")

    [failure] = run_rule(_Rule("HX1", fails), _Report(), 10, _internal)
    assert failure.code == "RL907" and failure.message.startswith("插件 demo HX1（rule-hx1）运行出错，已跳过该规则：ValueError: 坏了")


def test_what_a_rule_returns_is_checked():
    [failure] = run_rule(_Rule("HX1", lambda report: 42), _Report(), 10, _internal)
    assert failure.code == "RL907" and "check() 返回了 int" in failure.message
    finding = Diagnostic(code="HX1", name="rule-hx1", message="问题", severity=Severity.WARNING, start=0, end=2)
    assert run_rule(_Rule("HX1", lambda report: [finding]), _Report(), 10, _internal) == [finding]
    [failure] = run_rule(_Rule("HX1", lambda report: [Diagnostic(**{**vars(finding), "end": 99})]), _Report(), 10, _internal)
    assert failure.code == "RL907" and "不在报告文字范围 0–9 内" in failure.message


def _finding(number: int) -> Diagnostic:
    return Diagnostic(code="HX7", name="rule-hx7", message=f"第 {number} 处", severity=Severity.WARNING, start=0, end=1)


def test_a_rule_stopped_at_its_cap_is_closed_and_its_failing_cleanup_contained():
    closed = []

    def endless(report):
        try:
            number = 0
            while True:
                number += 1
                yield _finding(number)
        finally:
            closed.append(number)
            raise RuntimeError("清理时出错")

    found = run_rule(_Rule("HX7", endless), _Report(), 3, _internal)
    assert [finding.message for finding in found[:3]] == ["第 1 处", "第 2 处", "第 3 处"]
    assert found[3].code == "RL914" and "插件 demo HX7（rule-hx7）在本文件中报告了超过 3 个问题" in found[3].message
    assert len(found) == 4 and closed == [4]


def test_what_a_rule_returns_is_closed_once_read_to_its_end_unless_a_generator_closed_itself():
    closings = []

    class Findings:
        """An iterator of a plugin's own with a close(), as a generator has."""

        def __init__(self) -> None:
            self.items = iter([_finding(1), _finding(2)])

        def __iter__(self):
            return self

        def __next__(self):
            return next(self.items)

        def close(self) -> None:
            closings.append("iterator")

    def generator(report):
        try:
            yield _finding(1)
        finally:
            closings.append("generator")

    assert len(run_rule(_Rule("HX9", lambda report: Findings()), _Report(), 10, _internal)) == 2
    assert len(run_rule(_Rule("HX10", generator), _Report(), 10, _internal)) == 1
    assert closings == ["iterator", "generator"]


def test_a_rule_whose_output_is_invalid_is_closed_and_named():
    closed = []

    def invalid(report):
        try:
            yield _finding(1)
            yield "不是问题"
            yield _finding(3)
        finally:
            closed.append(True)

    first, failure = run_rule(_Rule("HX8", invalid), _Report(), 10, _internal)
    assert first.message == "第 1 处" and closed == [True]
    assert failure.code == "RL907" and failure.message.startswith("插件 demo HX8（rule-hx8）产生了无效的结果（应为 Diagnostic，实际为 str")
