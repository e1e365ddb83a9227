"""Fixtures of the rule tests: a clean T2021 township report (tests of one family may define their own)."""

from __future__ import annotations

import pytest
from tests.rules.rl1_reports import TOWN

from reportlint.testing.reports import SampleReport, render


@pytest.fixture
def report():
    return SampleReport.build("T2021", 2021, subject=TOWN, seed=7)


@pytest.fixture
def clean(report):
    return render(report, "tabs")
