"""The sample-report builder: balanced, realistic, deterministic reports and faithful renderings."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.template.spec import RelationSpec
from reportlint.testing.reports import (
    DEFECTS,
    LAYOUTS,
    RUNNING_LAYOUTS,
    SECTION_IDS,
    SUBJECTS,
    SampleReport,
    render,
    render_html,
    section_grid,
    write_docx,
)
from reportlint.text.numbers import parse_cell

TEMPLATES = [("T2021", 2021), ("T2019", 2020)]


def number(report: SampleReport, table: str, row: str, column: str):
    return parse_cell(report.values[(table, row, column)]).value


def evaluations(report: SampleReport, relation: RelationSpec) -> Iterator[tuple[str, bool]]:
    """(scope, holds) for every evaluation of a relation, straight from the spec's expressions."""
    table = report.spec.table(relation.table)
    rows = relation.rows or tuple(row.id for row in table.rows)
    columns = relation.columns or tuple(column.id for column in table.columns)

    def cell(*parts: str):
        table_id, row, column = parts if len(parts) == 3 else (table.id, *parts)
        return number(report, table_id, row, column)

    if relation.for_each == "column":
        scopes = [(column, lambda name, column=column: cell(*name) if len(name) > 1 else cell(name[0], column)) for column in columns]
    elif relation.for_each == "row":
        scopes = [(row, lambda name, row=row: cell(*name) if len(name) > 1 else cell(row, name[0])) for row in rows]
    elif relation.for_each == "cell":
        scopes = [
            (f"{row}.{column}", lambda name, row=row, column=column: cell(*name) if len(name) > 1 else cell(row, column))
            for row in rows
            for column in columns
        ]
    else:
        scopes = [("", lambda name: cell(*name))]
    for scope, resolve in scopes:
        if relation.when is not None and not relation.when.evaluate(resolve):
            continue
        yield scope, bool(relation.expression.evaluate(resolve))


def broken_relations(report: SampleReport) -> list[tuple[str, str]]:
    return [(relation.id, scope) for relation in report.spec.relations for scope, holds in evaluations(report, relation) if not holds]


@settings(max_examples=150, deadline=None)
@given(
    template=st.sampled_from(TEMPLATES),
    subject=st.sampled_from(SUBJECTS),
    seed=st.integers(min_value=0, max_value=10**6),
)
def test_every_relation_of_the_spec_holds(template, subject, seed):
    report = SampleReport.build(*template, subject=subject, seed=seed)
    assert broken_relations(report) == []


@pytest.mark.parametrize(("template", "year"), TEMPLATES)
def test_the_spec_has_the_relations_the_builder_is_checked_against(template, year):
    ids = {relation.id for relation in SampleReport.build(template, year).spec.relations}
    assert {"B1", "B2", "B3", "B4-review", "B4-direct", "B4-after-review", "B7"} <= ids


@pytest.mark.parametrize("seed", range(20))
def test_unbalanced_report_breaks_b1_in_one_column_and_the_total(seed):
    report = SampleReport.build("T2021", 2021, seed=seed, balanced=False)
    broken = broken_relations(report)
    assert {relation for relation, _ in broken} == {"B1"}
    assert len(broken) == 2 and ("B1", "c_total") in broken


@pytest.mark.parametrize("subject", SUBJECTS, ids=lambda subject: subject.short)
@pytest.mark.parametrize(("template", "year"), TEMPLATES)
def test_values_are_realistic_and_non_zero(template, year, subject):
    for seed in range(10):
        report = SampleReport.build(template, year, subject=subject, seed=seed)
        new = number(report, "s3", "r1", "c_total")
        low, high = (3, 30) if subject.is_township else (10, 150)
        assert low <= new <= high
        assert number(report, "s3", "r3_7", "c_total") > 0
        assert all(raw == "0" for (table, row, _), raw in report.values.items() if (table, row) == ("s2_20_1", "rules"))
        assert all(parse_cell(raw).kind == "number" for raw in report.values.values())
        assert len(report.values) == sum(len(table.rows) * len(table.columns) for table in report.spec.tables)


def test_counties_get_more_applications_than_townships():
    township, county = SUBJECTS[0], SUBJECTS[3]
    assert min(number(SampleReport.build(subject=county, seed=seed), "s3", "r1", "c_total") for seed in range(10)) > max(
        number(SampleReport.build(subject=township, seed=seed), "s3", "r1", "c_total") for seed in range(10)
    )


def test_t2019_change_cells_are_signed_and_totals_cover_new_publications():
    changes = set()
    for seed in range(20):
        report = SampleReport.build("T2019", 2020, seed=seed)
        changes |= {raw for (_, _, column), raw in report.values.items() if column == "change"}
        assert number(report, "s2_20_1", "normative", "total_published") >= number(report, "s2_20_1", "normative", "new_published")
    assert any(raw.startswith("+") for raw in changes) and any(raw.startswith("-") for raw in changes)


@pytest.mark.parametrize(("template", "year"), TEMPLATES)
def test_same_seed_same_report(template, year):
    first, second = SampleReport.build(template, year, seed=7), SampleReport.build(template, year, seed=7)
    assert first == second
    assert all(render(first, layout) == render(second, layout) for layout in LAYOUTS)
    assert render_html(first) == render_html(second)


@pytest.mark.parametrize(("template", "year"), TEMPLATES)
def test_other_seeds_other_numbers_and_wording(template, year):
    reports = [SampleReport.build(template, year, seed=seed) for seed in range(12)]
    assert len({tuple(sorted(report.values.items())) for report in reports}) == len(reports)
    for section in ("s1", "s5"):
        assert len({report.sections[section] for report in reports}) >= 6


def paragraphs_by_slot(reports: list[SampleReport]) -> dict[str, set[str]]:
    """The wording of each paragraph slot (s1 lead and its five aspects, intro, period, s5, s6 items), numbers masked."""
    slots: dict[str, set[str]] = {}
    for report in reports:
        for name, text in [("intro", report.intro[0]), ("period", report.period)]:
            slots.setdefault(name, set()).add(text)
        for section in ("s1", "s6"):
            for index, text in enumerate(report.sections[section]):
                slots.setdefault(f"{section}.{index}", set()).add(text)
        problems_and_measures = [text for text in report.sections["s5"] if len(text) > 20]
        for index, text in enumerate(problems_and_measures):
            slots.setdefault(f"s5.{index}", set()).add(text)
    return {slot: {re.sub(r"\d+", "", text)[:40] for text in texts} for slot, texts in slots.items()}


@pytest.mark.parametrize(("template", "year"), TEMPLATES)
def test_at_least_three_wordings_per_paragraph(template, year):
    reports = [SampleReport.build(template, year, subject=subject, seed=seed) for seed in range(30) for subject in SUBJECTS[:1]]
    for slot, wordings in paragraphs_by_slot(reports).items():
        assert len(wordings) >= 3, slot


@pytest.mark.parametrize("subject", SUBJECTS, ids=lambda subject: subject.short)
@pytest.mark.parametrize(("template", "year"), TEMPLATES)
def test_prose_states_the_tables_numbers(template, year, subject):
    for seed in range(15):
        report = SampleReport.build(template, year, subject=subject, seed=seed)
        overview = "".join(report.sections["s1"])
        assert f"收到政府信息公开申请{number(report, 's3', 'r1', 'c_total')}件" in overview
        assert re.search(f"上年结转的?{number(report, 's3', 'r2', 'c_total')}件", overview)
        assert f"结转下年度继续办理{number(report, 's3', 'r4', 'c_total')}件" in overview
        cases = [number(report, "s4", "cases", column) for column in ("rv_total", "ld_total", "lr_total")]
        says_none = bool(re.search("未发生[^。]*行政复议", overview))
        assert says_none == (cases == [0, 0, 0])
        if cases[0]:
            assert f"行政复议{cases[0]}件" in overview
        if cases[1] + cases[2]:
            assert f"行政诉讼{cases[1] + cases[2]}件" in overview
        if template == "T2021":
            made = report.value("s2_20_1", "normative", "made")
            assert (f"制发行政规范性文件{made}件" in overview) == (made != "0")
            others = "".join(report.sections["s6"])
            assert "信息处理费" in others
            fee_rows = number(report, "s3", "r3_6_2", "c_total")
            assert bool(re.search(f"通知{fee_rows}件", others)) == (fee_rows > 0)
        else:
            assert f"新制作规范性文件{report.value('s2_20_1', 'normative', 'new_made')}件" in overview


@pytest.mark.parametrize("subject", SUBJECTS, ids=lambda subject: subject.short)
def test_prose_names_its_own_body_in_clean_chinese(subject):
    for seed in range(10):
        for template, year in TEMPLATES:
            report = SampleReport.build(template, year, subject=subject, seed=seed)
            prose = "\n".join((*report.intro, report.period, *(text for section in report.sections.values() for text in section)))
            assert subject.self_reference in prose or subject.short in prose
            assert not any(sibling in prose for sibling in subject.siblings)
            assert not re.search(r"[,;:?!()]", prose), "half-width punctuation in prose"
            for opening, closing in ("（）", "《》", "“”"):
                assert prose.count(opening) == prose.count(closing), opening
            assert report.title == f"{subject.title_name}{year}年政府信息公开工作年度报告"
            assert f"{year}年1月1日" in report.period and f"{year}年12月31日" in report.period
            assert report.date.startswith(f"{year + 1}年1月") and report.signature == subject.name


def test_subject_names():
    township, xiang, street, county, department = SUBJECTS
    assert (township.name, township.title_name, township.self_reference) == ("陇城镇人民政府", "秦安县陇城镇", "我镇")
    assert (xiang.self_reference, street.name, street.self_reference) == ("我乡", "七里墩街道办事处", "我街道")
    assert (county.name, county.title_name, county.self_reference) == ("秦安县人民政府", "秦安县", "我县")
    assert (department.name, department.self_reference, department.is_township) == ("秦安县教育局", "我局", False)


# ----- defect helpers


def test_with_cell_changes_one_cell_only():
    report = SampleReport.build()
    changed = report.with_cell("s3", "r1", "c_np", "")
    assert changed.value("s3", "r1", "c_np") == "" and report.value("s3", "r1", "c_np") != ""
    assert {key for key in report.values if report.values[key] != changed.values[key]} == {("s3", "r1", "c_np")}
    with pytest.raises(KeyError):
        report.with_cell("s3", "r9", "c_np", "0")


def test_without_cell_and_extra_value_change_the_row_length():
    report = SampleReport.build()
    shorter = report.without_cell("s4", "cases", "rv_keep")
    assert shorter.value("s4", "cases", "rv_keep") is None
    values_line = [line for line in render(report, "tabs").splitlines() if line.count("\t") == 14 and line[0].isdigit()]
    shorter_line = [line for line in render(shorter, "tabs").splitlines() if line.count("\t") == 13 and line[0].isdigit()]
    longer_line = [line for line in render(report.with_extra_value("s4", "cases", "0"), "tabs").splitlines() if line.count("\t") == 15]
    assert len(values_line) == len(shorter_line) == len(longer_line) == 1


def test_with_row_label_drops_or_rewrites_a_label():
    report = SampleReport.build("T2019", 2020)
    assert "二、上年结转" not in render(report.with_row_label("s3", "r2", "上年结转政府信息公开申请数量"), "tabs")
    dropped = render(report.with_row_label("s3", "r3_3_2", ""), "tabs")
    assert "2.其他法律行政法规禁止公开" not in dropped and "1.属于国家秘密" in dropped


def test_with_heading_and_title():
    report = SampleReport.build().with_heading("s5", "五、存在的主要问题和改进措施").with_title("某镇2022政府信息公开工作年度报告")
    text = render(report, "tabs")
    assert "五、存在的主要问题和改进措施" in text and "五、存在的主要问题及改进情况" not in text
    assert text.startswith("某镇2022政府信息公开工作年度报告\n")


def test_with_sibling_mention_names_a_neighbour_in_section_five():
    report = SampleReport.build(seed=3)
    copied = report.with_sibling_mention("s5")
    last = copied.sections["s5"][-1]
    assert "莲花镇将" in last and "我镇将" not in last
    assert copied.sections["s1"] == report.sections["s1"]


def test_with_text_replaced_edits_prose_and_refuses_absent_text():
    report = SampleReport.build()
    unclosed = report.with_text_replaced("（以下简称《条例》）", "（以下简称《条例》")
    assert render(unclosed, "tabs").count("（以下简称《条例》）") == render(report, "tabs").count("（以下简称《条例》）") - 1
    with pytest.raises(ValueError):
        report.with_text_replaced("不存在的文字", "x")


# ----- renderings


@pytest.mark.parametrize("layout", (*LAYOUTS, *RUNNING_LAYOUTS))
@pytest.mark.parametrize(("template", "year"), TEMPLATES)
def test_every_layout_has_the_whole_report(template, year, layout):
    report = SampleReport.build(template, year, seed=2)
    text = render(report, layout)
    assert report.title in text and report.period in text and text.rstrip().endswith(report.date)
    positions = [text.index(report.headings[section]) for section in SECTION_IDS]
    assert positions == sorted(positions)
    for section in ("s1", "s5", "s6"):
        assert all(paragraph in text for paragraph in report.sections[section])


def test_layout_shapes():
    report = SampleReport.build("T2021", 2021, seed=1)
    tabs = render(report, "tabs")
    assert "\t（三）不予公开\t1.属于国家秘密\t" in tabs and "\n\t\t2.其他法律行政法规禁止公开\t" in tabs
    assert "\n三、本年度办理结果\t（一）予以公开\t" in tabs
    tab_cells = render(report, "tab-cells")
    assert "\n\t规章\n\t0\n\t0\n\t0\n\n" in tab_cells
    assert "| 规章 | 0 | 0 | 0 |" in render(report, "pipes")
    assert "\n规章 0 0 0\n" in render(report, "spaces")
    assert "\n\n规章\n\n0\n\n0\n\n0\n\n" in render(report, "cells")
    markdown = render(report, "markdown")
    assert markdown.startswith("# 秦安县陇城镇2021年") and "\n## 一、总体情况\n" in markdown
    assert "\n| --- | --- | --- | --- |\n" in markdown
    blank = render(report.with_cell("s3", "r1", "c_biz", ""), "tab-cells")
    assert "\n\t\n" in blank.split("一、本年新收")[1].split("二、上年结转")[0]


@pytest.mark.parametrize(("template", "year", "results_rowspan"), [("T2021", 2021, 22), ("T2019", 2020, 20)])
def test_html_tables_use_the_official_spans(template, year, results_rowspan):
    page = render_html(SampleReport.build(template, year))
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert '<td colspan="7">申请人情况</td>' in page
    assert '<td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td>' in page
    assert f'<td rowspan="{results_rowspan}">三、本年度办理结果</td>' in page
    assert '<td rowspan="8">（三）不予公开</td>' in page and '<td rowspan="3">（四）无法提供</td>' in page
    assert '<td colspan="5">行政复议</td><td colspan="10">行政诉讼</td>' in page
    assert '<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td>' in page
    assert ('<td rowspan="3">（六）其他处理</td>' in page) == (template == "T2021")
    assert '<td rowspan="3" colspan="3">（本列数据的勾稽关系为：' in page


def test_grids_match_the_official_form():
    report = SampleReport.build("T2021", 2021)
    application = section_grid(report, "s3")
    assert (application.row_count, application.column_count) == (3 + 25, 3 + 7)
    review = section_grid(report, "s4")
    assert (review.row_count, review.column_count) == (4, 15)
    disclosure = section_grid(report, "s2")
    assert disclosure.column_count == 4
    with pytest.raises(ValueError):
        section_grid(report, "s1")
    with pytest.raises(ValueError):
        render(report, "pdf")


def test_header_styles():
    report = SampleReport.build("T2019", 2020)
    assert "对外公\n开总数量" in render(report, "cells", "wrapped")
    assert "法 律 服 务 机 构" in render_html(report, "spaced")
    assert render(report, "tabs", "plain") == render(report, "tabs")
    with pytest.raises(ValueError):
        render(report, "tabs", "bold")


def test_docx_has_real_merged_cells(tmp_path):
    docx = pytest.importorskip("docx")
    report = SampleReport.build("T2021", 2021, seed=1).without_cell("s3", "r3_1", "c_biz")
    document = docx.Document(str(write_docx(report, tmp_path / "report.docx", "wrapped")))
    disclosure, application, review = document.tables
    assert next(paragraph.text for paragraph in document.paragraphs) == report.title
    note = application.rows[0]._tr.tc_lst[0]
    assert (note.grid_span, note.vMerge) == (3, "restart")
    assert [tc.grid_span for tc in review.rows[0]._tr.tc_lst] == [5, 10]
    assert len(application.rows[3 + 2]._tr.tc_lst) == 1 + 1 + 6  # group, label (span 2), six values: one was removed
    assert application.cell(2, 4).text == "商业\n企业"
    assert disclosure.cell(0, 0).text == "第二十条第（一）项" and disclosure.rows[0]._tr.tc_lst[0].grid_span == 4


@pytest.mark.parametrize("subject", SUBJECTS, ids=lambda subject: subject.short)
@pytest.mark.parametrize(("template", "year"), [*TEMPLATES, ("T2021", 2023)])
def test_balanced_reports_pass_the_structure_table_and_arithmetic_rules(template, year, subject):
    """A report the builder calls balanced is clean for RL1–RL3."""
    from reportlint import lint_text

    config = {"select": ["RL1", "RL2", "RL3"]}
    for seed in range(3):
        report = SampleReport.build(template, year, subject=subject, seed=seed)
        for text, filename in ((render(report, "tabs"), "report.txt"), (render_html(report), "report.html")):
            assert [(finding.code, finding.message) for finding in lint_text(text, filename=filename, config=config)] == []


def test_write_batch_writes_the_same_varied_batch_every_time(tmp_path):
    from reportlint import lint_text
    from reportlint.testing.reports import write_batch

    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    kinds = write_batch(first, 24, seed=7, most_defects=3)
    assert kinds == write_batch(second, 24, seed=7, most_defects=3)
    files = sorted(path.name for path in first.iterdir())
    assert files == sorted(path.name for path in second.iterdir()) and len(files) == 24
    assert all((first / name).read_bytes() == (second / name).read_bytes() for name in files)
    assert {name.rsplit(".", 1)[1] for name in files} == {"txt", "md", "html"}
    assert set(kinds) <= {*DEFECTS, "none"} and kinds["none"] >= 1 and len(kinds) >= 6
    assert sum(kinds.values()) > 24, "some reports get more than one defect"
    findings = {name: lint_text((first / name).read_text(encoding="utf-8"), filename=name) for name in files}
    assert sum(1 for found in findings.values() if not found) == kinds["none"], "the clean reports, and only they, are clean"


@pytest.mark.parametrize("name", sorted(DEFECTS))
def test_each_batch_defect_is_found(name):
    from reportlint import lint_text

    report = DEFECTS[name](SampleReport.build("T2021", 2021, seed=5))
    assert lint_text(render(report, "markdown"), filename="r.md"), f"{name} is not found by any rule"
