"""Tests of the example plugin, written with reportlint.testing (the plugin is loaded through its entry point)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.testing import assert_fixture, lint_text
from reportlint_province_example import ContactPhoneAreaCode

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _entry_points_on(monkeypatch):
    monkeypatch.delenv("REPORTLINT_DISABLE_PLUGIN_AUTOLOAD", raising=False)


def test_fixture_report_gets_exactly_the_marked_findings():
    assert_fixture(FIXTURES / "township-2021.txt", codes=["XS101", "XS201", "XS202", "RL309"])


def test_phone_rule_option_accepts_other_area_codes():
    text = "某镇2021年政府信息公开工作年度报告\n联系电话：0938-6521510。\n"
    [finding] = lint_text(text, rules=[ContactPhoneAreaCode])
    assert finding.code == "XS101" and "0938" in finding.message and finding.location.line == 2
    config = {"rules": {"contact-phone-area-code": {"area-codes": ["0938"]}}}
    assert lint_text(text, rules=[ContactPhoneAreaCode], config=config) == []


def test_phone_rule_option_is_validated():
    from reportlint.config import ConfigError

    with pytest.raises(ConfigError):
        lint_text("报告", rules=[ContactPhoneAreaCode], config={"rules": {"contact-phone-area-code": {"area-codes": "0938"}}})


def test_template_extension_row_is_read():
    from reportlint.testing import lint_text as lint

    text = (FIXTURES / "township-2021.txt").read_text(encoding="utf-8")
    findings = [d for d in lint(text) if d.code == "RL309"]
    assert len(findings) == 1 and "其中：涉企行政规范性文件" in findings[0].message and "现行有效件数" in findings[0].message
