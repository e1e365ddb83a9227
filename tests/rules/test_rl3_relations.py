"""RL3 relations: silent on balanced tables, and one perturbed cell gives exactly the findings it breaks."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.run.linter import lint_text
from reportlint.testing.reports import SUBJECTS, SampleReport, render

RELATION_RULES = ["RL301", "RL302", "RL303", "RL304", "RL305", "RL306", "RL309"]
CONFIG = {"select": RELATION_RULES}


def relation_findings(report: SampleReport, layout: str = "tabs"):
    return list(lint_text(render(report, layout), config=CONFIG))


@pytest.mark.parametrize("template, year", [("T2019", 2020), ("T2021", 2021)])
@pytest.mark.parametrize("subject", range(len(SUBJECTS)))
def test_balanced_non_zero_tables_give_no_relation_finding(template, year, subject):
    report = SampleReport.build(template, year, subject=SUBJECTS[subject], seed=subject)
    assert int(report.value("s3", "r1", "c_total")) > 0
    assert relation_findings(report) == []


def cell_text(report, table, row, column) -> str:
    return report.value(table, row, column)


S3_ROWS = ["r1", "r2", "r3_1", "r3_2", "r3_3_1", "r3_3_4", "r3_4_1", "r3_5_2", "r3_7", "r4"]
#: The rows of （六）其他处理: one row in the 2019 format, three in the 2021 format.
OTHER_ROWS = {"T2019": ["r3_6"], "T2021": ["r3_6_1", "r3_6_2", "r3_6_3"]}
YEARS = {"T2019": 2020, "T2021": 2021}
S3_COLUMNS = ["c_np", "c_biz", "c_sci", "c_npo", "c_law", "c_oth", "c_total"]
S4_COLUMNS = ["rv_keep", "rv_fix", "rv_pending", "rv_total", "ld_keep", "ld_total", "lr_other", "lr_total"]


def expected_codes(table: str, row: str, column: str) -> set[str]:
    """The relations a single changed cell breaks (T2021, all totals non-zero)."""
    if table == "s4":
        return {"RL304"}
    codes = set()
    codes.add("RL302")  # its row total no longer matches
    if row in ("r1", "r2", "r3_7", "r4"):
        codes.add("RL301")
    if (row.startswith("r3_") and row != "r3_7") or row == "r3_7":
        codes.add("RL303")
    return codes


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    template=st.sampled_from(["T2019", "T2021"]),
    seed=st.integers(min_value=0, max_value=10_000),
    subject=st.sampled_from(range(len(SUBJECTS))),
    target=st.one_of(
        st.tuples(st.just("s3"), st.sampled_from([*S3_ROWS, "other"]), st.sampled_from(S3_COLUMNS)),
        st.tuples(st.just("s4"), st.just("cases"), st.sampled_from(S4_COLUMNS)),
    ),
    pick=st.integers(min_value=0, max_value=2),
    delta=st.sampled_from([-2, -1, 1, 3, 7]),
)
def test_one_perturbed_cell_breaks_exactly_its_relations_and_names_it(template, seed, subject, target, pick, delta):
    report = SampleReport.build(template, YEARS[template], subject=SUBJECTS[subject], seed=seed)
    table, row, column = target
    if row == "other":
        row = OTHER_ROWS[template][pick % len(OTHER_ROWS[template])]
        target = (table, row, column)
    old = int(report.value(*target))
    if old + delta < 0:
        delta = abs(delta)
    text = render(report.with_cell(table, row, column, str(old + delta)))
    findings = lint_text(text, config=CONFIG)
    codes = {finding.code for finding in findings}
    assert codes == expected_codes(table, row, column)
    from reportlint.core.resources import shipped_templates
    from reportlint.template.spec import load_templates

    spec = load_templates(shipped_templates()).get(template).table(table)
    row_label = spec.row(row).label
    column_label = spec.column(column).display
    for finding in findings:
        # every finding involves the changed cell: its value appears among the related cells,
        # and the message names the changed cell's row or column
        changed = [item for item in finding.related if text[item.start : item.end] == str(old + delta)]
        assert changed, finding.message
        assert (row_label and row_label[:10] in finding.message) or f"“{column_label}”" in finding.message
        assert str(abs(delta)) in finding.message  # the difference


def test_message_names_table_scope_both_sides_values_and_difference():
    report = SampleReport.build("T2021", 2021, subject=SUBJECTS[0], seed=4)
    old = int(report.value("s3", "r3_1", "c_np"))
    text = render(report.with_cell("s3", "r3_1", "c_np", str(old + 2)))
    findings = {finding.code: finding for finding in lint_text(text, config=CONFIG)}
    row_total = findings["RL302"].message
    assert row_total.startswith("第三部分表格“收到和处理政府信息公开申请情况”“（一）予以公开”行：“总计”（")
    assert "不等于“自然人” + “商业企业” + “科研机构” + “社会公益组织” + “法律服务机构” + “其他”" in row_total
    assert row_total.count("相差 2") == 1
    result = findings["RL303"]
    assert "“自然人”列" in result.message and "（七）总计" in result.message
    assert len(result.related) == 22  # （七）总计 and its 21 result rows


def test_unreadable_cells_are_never_reported_as_broken_sums():
    report = SampleReport.build("T2021", 2021, subject=SUBJECTS[0], seed=2)
    blank = report.with_cell("s3", "r3_1", "c_np", "")
    assert relation_findings(blank) == []
    non_numeric = report.with_cell("s3", "r3_1", "c_np", "无")
    assert relation_findings(non_numeric) == []
    short_row = report.without_cell("s3", "r3_1", "c_biz")
    assert relation_findings(short_row) == []
    extra_value = report.with_extra_value("s4", "cases", "0")
    assert [finding.code for finding in relation_findings(extra_value)] == []


def test_zero_applications_with_non_zero_results():
    report = SampleReport.build("T2021", 2021, subject=SUBJECTS[0], seed=1)
    for row in ("r1", "r2"):
        for column in S3_COLUMNS:
            report = report.with_cell("s3", row, column, "0")
    findings = [finding for finding in relation_findings(report) if finding.code == "RL305"]
    assert findings and all("都为 0 时" in finding.message for finding in findings)


def test_t2019_publication_plausibility_is_a_warning():
    report = SampleReport.build("T2019", 2020, subject=SUBJECTS[0], seed=1)
    report = report.with_cell("s2_20_1", "normative", "new_published", "9").with_cell("s2_20_1", "normative", "total_published", "3")
    [finding] = relation_findings(report)
    assert finding.code == "RL306" and finding.severity.label == "warning"
    assert "“对外公开总数量”（3）小于“本年新公开数量”（9）" in finding.message
