"""Findings: whole after travelling between processes, with what many findings repeat shared."""

from __future__ import annotations

import pickle

from reportlint.core.diagnostics import Diagnostic, Fix, Related, Severity
from reportlint.core.model import Location


def fresh(text: str) -> str:
    """A string equal to ``text`` but a new object (as one read from a worker's pickle or a cache file is)."""
    return "".join(list(text))


def finding(message: str) -> Diagnostic:
    location = Location(3, 5, 3, 9, logical="表格2 第5行 第2列", page=2)
    return Diagnostic(
        code=fresh("RL301"),
        name=fresh("total-mismatch"),
        severity=Severity.ERROR,
        message=message,
        start=10,
        end=14,
        related=(Related(20, 22, "另一侧", location, fresh("b.docx")),),
        fix=Fix(10, 14, "12", "改为 12"),
        path=fresh("a.docx"),
        location=location,
        fingerprint="f" * 32,
        origin=fresh("gansu-plugin"),
    )


def test_a_finding_travels_between_processes_whole_sharing_its_code_name_file_and_origin():
    first, second = (pickle.loads(pickle.dumps(finding(message))) for message in ("合计不等", "总计不等"))
    assert first == finding("合计不等") and second == finding("总计不等")
    assert first.severity is Severity.ERROR and first.location == Location(3, 5, 3, 9, "表格2 第5行 第2列", 2)
    for attribute in ("code", "name", "path", "origin"):
        assert getattr(first, attribute) is getattr(second, attribute), attribute
    assert first.related[0].path is second.related[0].path
