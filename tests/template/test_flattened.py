"""Tables flattened into one line: read exactly where the split is unique, reported as unsplit otherwise, never misread."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reportlint.core.config import Config
from reportlint.run.linter import lint_text, load_document
from reportlint.run.registry import registry_for
from reportlint.sources import Source
from reportlint.template.filled import CellStatus
from reportlint.template.flattened import splits
from reportlint.template.reading import read_report
from reportlint.template.spec import shipped_template_set
from reportlint.testing.reports import SUBJECTS, SampleReport, render

T2021 = shipped_template_set().get("T2021")
HEAD = "某县某镇2021年政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳开展。\n二、主动公开政府信息情况\n"


@pytest.fixture(scope="module")
def registry():
    return registry_for(Config())


def read(registry, text: str):
    document = load_document(Source(Path("r.txt"), "r.txt", text.encode(), "text"), registry)
    return read_report(document, registry.template_set)


# ----- the split itself


def test_digits_are_split_into_as_many_values_as_the_row_has_columns():
    assert splits(["693"], 3) == [((0, 1), (0, 1), (0, 1))]
    assert splits(["000"], 3) == [((0, 1), (0, 1), (0, 1))]
    assert sorted(splits(["1203"], 3)) == [((0, 1), (0, 2), (0, 1)), ((0, 2), (0, 1), (0, 1))]  # 1|20|3, 12|0|3; never 1|2|03


def test_signs_stay_first_and_decimals_and_units_last():
    assert splits(["5", "+116"], 3) == [((0, 1), (1, 2), (1, 2)), ((0, 1), (1, 3), (1, 1))]  # +1|16 or +11|6
    assert splits(["458.58"], 2) == [((0, 1), (0, 5)), ((0, 2), (0, 4))]  # 4|58.58 or 45|8.58
    assert splits(["70280元"], 1) == [((0, 6),)]
    assert splits(["无", "0"], 2) == [((0, 1), (1, 1))]


def test_too_many_ways_is_no_answer():
    assert splits(["1" * 30], 7, limit=10) is None


# ----- whole lines


def test_the_issue_example_with_and_without_spaces(registry):
    for written in ("规章 0 0 0 行政规范性文件 6 9 3", "规章000行政规范性文件693"):
        text = (
            HEAD
            + "第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 "
            + written
            + "\n三、收到和处理政府信息公开申请情况\n"
        )
        table = read(registry, text).table("s2_20_1")
        values = {
            (row, column): table.cell(row, column).value for row in ("rules", "normative") for column in ("made", "repealed", "in_force")
        }
        assert values == {
            ("rules", "made"): 0,
            ("rules", "repealed"): 0,
            ("rules", "in_force"): 0,
            ("normative", "made"): 6,
            ("normative", "repealed"): 9,
            ("normative", "in_force"): 3,
        }, written


def test_an_ambiguous_row_is_one_info_finding_and_no_error(registry):
    text = (
        HEAD
        + "第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章000行政规范性文件1203\n三、收到和处理政府信息公开申请情况\n"
    )
    table = read(registry, text).table("s2_20_1")
    assert [(row.row, row.text, row.candidates) for row in table.unsplittable] == [("normative", "行政规范性文件1203", 2)]
    assert table.cell("normative", "made").status is CellStatus.MISSING
    findings = lint_text(text, config={"select": ["RL2"]})
    assert [finding.code for finding in findings] == ["RL215"]
    assert "“行政规范性文件1203”" in findings[0].message and "无法唯一地拆分到各列" in findings[0].message


def test_labels_in_prose_are_not_a_table(registry):
    text = HEAD + "本年度行政许可5件，行政处罚3件，均已公开。\n三、收到和处理政府信息公开申请情况\n"
    reading = read(registry, text)
    assert reading.table("s2_20_5") is None or not reading.table("s2_20_5").found


# ----- the property: never misread


def _balanced_applications(values: list[int], carried: list[int], pending: list[int]) -> dict[str, list[int]]:
    """A section 三 table (T2021) whose relations hold: leaves, (七)总计, 二 and 四 chosen, 一 derived."""
    table = T2021.table("s3")
    leaves = [row.id for row in table.rows if row.id not in ("r1", "r2", "r3_7", "r4")]
    rows: dict[str, list[int]] = {}
    for index, row in enumerate(leaves):
        rows[row] = values[index * 6 : index * 6 + 6]
    rows["r3_7"] = [sum(rows[row][column] for row in leaves) for column in range(6)]
    rows["r4"] = pending
    rows["r2"] = [min(carried[column], rows["r3_7"][column] + pending[column]) for column in range(6)]
    rows["r1"] = [rows["r3_7"][column] + pending[column] - rows["r2"][column] for column in range(6)]
    return {row: [*cells, sum(cells)] for row, cells in rows.items()}


def _flattened(rows: dict[str, list[int]], spaced: bool) -> str:
    table = T2021.table("s3")
    joiner = " " if spaced else ""
    parts = [*table.header, "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    groups_seen: set[str] = set()
    for row in table.rows:
        for group in row.groups:
            if group not in groups_seen:
                groups_seen.add(group)
                parts.append(group)
        parts.append(row.label + joiner + joiner.join(str(value) for value in rows[row.id]))
    return " ".join(parts)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    values=st.lists(st.integers(min_value=0, max_value=30), min_size=21 * 6, max_size=21 * 6),
    carried=st.lists(st.integers(min_value=0, max_value=30), min_size=6, max_size=6),
    pending=st.lists(st.integers(min_value=0, max_value=12), min_size=6, max_size=6),
    spaced=st.booleans(),
)
@example(  # row 一 written as twenty digits, longer than any one number: still a run of values, not text
    values=[0] * 60
    + [11, 12, 22, 0, 12, 29, 19, 23, 0, 0, 14, 16, 18, 19, 0, 10, 28, 0, 0, 15, 25, 0, 0, 0, 25, 11, 0, 0, 26, 26, 27]
    + [0, 0, 0, 16, 29, 0, 20, 18]
    + [0] * 17
    + [11, 0, 4, 0, 0, 0, 12, 0, 0, 0],
    carried=[0] * 6,
    pending=[0, 0, 12, 0, 0, 0],
    spaced=False,
)
def test_a_flattened_application_table_is_read_exactly_or_reported_never_misread(registry, values, carried, pending, spaced):
    rows = _balanced_applications(values, carried, pending)
    text = HEAD + "三、收到和处理政府信息公开申请情况\n" + _flattened(rows, spaced) + "\n四、政府信息公开行政复议、行政诉讼情况\n"
    table = read(registry, text).table("s3")
    unsplit = {row.row for row in table.unsplittable}
    columns = [column.id for column in table.spec.columns]
    for row, expected in rows.items():
        found = [table.cell(row, column) for column in columns]
        if row in unsplit:
            assert all(cell.status is CellStatus.MISSING for cell in found), row
            continue
        assert [(cell.status, cell.value) for cell in found] == [(CellStatus.OK, value) for value in expected], row
    if spaced:
        assert not unsplit


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=10_000), subject=st.sampled_from(SUBJECTS), template=st.sampled_from(["T2021", "T2019"]))
def test_a_whole_report_on_one_line_is_read_exactly_or_reported(registry, seed, subject, template):
    report = SampleReport.build(template, 2021 if template == "T2021" else 2020, subject=subject, seed=seed)
    for layout in ("running", "packed"):
        reading = read(registry, render(report, layout))
        assert [section.spec_id for section in reading.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
        unsplit = {(table.spec.id, row.row) for table in reading.filled.tables.values() for row in table.unsplittable}
        for (table, row, column), raw in report.values.items():
            cell = reading.filled.cell(table, row, column)
            if (table, row) in unsplit:
                assert cell.status is CellStatus.MISSING
            else:
                assert (cell.status, cell.raw) == (CellStatus.OK, raw), (layout, table, row, column)
        if layout == "running":
            assert not unsplit
