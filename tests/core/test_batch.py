"""The batch contract: pairing reports across years (never guessing), anchors and batch diagnostics."""

from __future__ import annotations

from reportlint.core.batch import Batch, BatchReport, BatchRule, pair_reports
from reportlint.core.model import Location
from reportlint.core.summary import Body, CrossDocument, Places, ReportSummary

TOWN = Body("620522101", "人民政府", "秦安县陇城镇人民政府")
BUREAU = Body("620522", "教育局", "天水市秦安县教育局")


def report(path: str, body: Body | None, year: int | None, reference: bool = False) -> BatchReport:
    facts = CrossDocument(body=body, cells=None, paragraphs=None)
    return BatchReport(path, ReportSummary(subject="某", year=year, cross_document=facts), reference)


def test_consecutive_years_of_one_body_pair_up():
    reports = [report("a2020", TOWN, 2020), report("a2021", TOWN, 2021), report("a2023", TOWN, 2023), report("b2021", BUREAU, 2021)]
    pairing = pair_reports(reports)
    assert [(pair.previous.path, pair.current.path) for pair in pairing.pairs] == [("a2020", "a2021")]
    assert pairing.duplicates == () and pairing.undated == () and pairing.unidentified == ()


def test_ambiguities_are_listed_never_guessed():
    reports = [
        report("a2020", TOWN, 2020),
        report("a2021", TOWN, 2021),
        report("a2021-bis", TOWN, 2021),
        report("a-undated", TOWN, None),
        report("unknown", None, 2021),
    ]
    pairing = pair_reports(reports)
    assert pairing.pairs == ()
    assert [[item.path for item in group] for group in pairing.duplicates] == [["a2021", "a2021-bis"]]
    assert [item.path for item in pairing.undated] == ["a-undated"]
    assert [item.path for item in pairing.unidentified] == ["unknown"]


def test_references_pair_with_checked_reports_but_not_with_each_other():
    reports = [report("p2019", TOWN, 2019, True), report("p2020", TOWN, 2020, True), report("a2021", TOWN, 2021)]
    assert [(pair.previous.path, pair.current.path) for pair in pair_reports(reports).pairs] == [("p2020", "a2021")]
    same_file = [report("x", TOWN, 2021, True), report("x", TOWN, 2021), report("p", TOWN, 2020, True)]
    pairing = pair_reports(same_file)
    assert pairing.duplicates == () and [pair.current.reference for pair in pairing.pairs] == [False]


def test_bodies_are_identified_by_code_and_organ_or_by_a_pinned_name():
    assert TOWN.key == "620522101/人民政府" and Body(None, "", "无名镇").key == "name:无名镇"
    assert Body("620522", "人民政府", "秦安县人民政府").key != Body("620522", "人民政府办公室", "秦安县人民政府办公室").key


class Note(BatchRule):
    """测试用。

    反例：

        甲

    正例：

        乙
    """

    code = "XX701"
    name = "note"


def test_batch_diagnostics_point_at_one_report_and_name_the_others():
    places = Places.of([(5, 8, Location(2, 3, 2, 6))])
    here = report("2021/a.txt", TOWN, 2021).anchor(places, 0, "s3/r2/c_np")
    there = report("2020/a.txt", TOWN, 2020).anchor(places, 0, "s3/r4/c_np")
    diagnostic = Note().diagnostic("不一致：见 2020/a.txt", here, related=[(there, "上一年")])
    assert (diagnostic.path, diagnostic.start, diagnostic.end, diagnostic.location.line) == ("2021/a.txt", 5, 8, 2)
    [related] = diagnostic.related
    assert (related.path, related.message, related.location.column) == ("2020/a.txt", "上一年", 3)
    moved_here = report("/elsewhere/2021/a.txt", TOWN, 2021).anchor(places, 0, "s3/r2/c_np")
    moved_there = report("/elsewhere/2020/a.txt", TOWN, 2020).anchor(places, 0, "s3/r4/c_np")
    moved = Note().diagnostic("不一致：见 /elsewhere/2020/a.txt", moved_here, related=[(moved_there, "上一年")])
    assert moved.fingerprint == diagnostic.fingerprint, "the other file's directory does not change the fingerprint"
    batch = Batch((here.report, there.report))
    assert [pair.current.path for pair in batch.pairs] == ["2021/a.txt"] and batch.checked == batch.reports
