"""RL704: a paragraph copied from another body's report in the same batch."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reportlint.testing import lint_batch
from reportlint.testing.reports import SampleReport, township_subjects, write_reports

#: Six townships of the gazetteer (their names are public facts; the reports are invented).
BODIES = township_subjects(6, seed=2)

#: Paragraphs each body writes in its own words (three per body, none shared): prose with nothing in common.
OWN_WORDS = (
    "我镇把村级公开栏搬进了新建的党群服务站，每月第一个星期一集中更新低保、临时救助和惠农补贴名单，请村民代表现场核对签字，群众反映良好。",
    "针对移民搬迁安置点老人多、上网难的情况，镇里组织网格员上门宣讲搬迁补助政策，把政策要点印成大字卡片发到每户，相关做法在全县推广。",
    "全年围绕高标准农田建设项目公开招标文件、施工进度和资金拨付情况，接受项目区群众监督，未发生因信息不公开引发的矛盾，全年没有收到相关投诉。",
    "街道依托十二个社区服务站开展“公开日”活动，居民可以当面查阅老旧小区改造方案和加装电梯补贴标准，当场提出修改意见，这项做法已经形成制度。",
    "我们在辖区商圈设立了营商环境政策宣传点，把减税降费、稳岗返还等政策整理成问答手册，全年向个体工商户发放两千余册，群众满意度逐年提高。",
    "为回应居民对垃圾分类收费的疑问，街道分三批公开了收费依据、收费标准和资金用途，并在业主群中逐条答复居民留言，得到上级部门的肯定。",
    "乡里把草场承包和禁牧补助发放情况做成双语公示牌，立在各牧业村的活动中心门口，牧民转场回来也能看到最新的名单，群众反映良好。",
    "今年乡政府首次通过广播和微信群同步公开防汛预案与转移路线，汛期前组织两次演练，群众对避险点位置的知晓率明显提高，相关做法在全县推广。",
    "针对边远村寨信号弱的问题，乡里保留纸质公开簿，由驻村工作队每季度送到寨子，读给不识字的老人听并记录他们的意见，全年没有收到相关投诉。",
    "我镇围绕茶叶产业扶持资金的分配，公开了申报条件、评审打分和拟扶持名单，公示期间收到两条异议并逐一调查答复，这项做法已经形成制度。",
    "镇政府在集镇改造中公开了拆迁补偿标准和安置房分配办法，每户的测量数据都张贴在临时指挥部，方便群众相互监督，群众满意度逐年提高。",
    "全年通过镇村两级公开栏公布集体经济收益分配方案，六个村的分红明细由村务监督委员会审核后张榜，群众没有异议，得到上级部门的肯定。",
    "街道对辖区内三处背街小巷的改造事先公开了设计图纸，征求沿街商户和居民意见后调整了停车位和绿化带的位置，群众反映良好。",
    "我们把社区养老服务中心的收费标准、床位数量和入住排队情况放到公众号上实时更新，子女在外地也能随时查看，相关做法在全县推广。",
    "针对群众反映的夜间施工扰民问题，街道公开了辖区在建工地的施工许可和夜间作业审批情况，并公布了投诉受理电话，全年没有收到相关投诉。",
    "乡里在枸杞采摘季公开了劳务用工信息和工资结算标准，外来务工人员通过扫码就能查到雇主信息和往年的结算记录，这项做法已经形成制度。",
    "为规范村级小微工程，乡党委把工程的立项、招标和验收资料统一公开，村民可以在乡便民服务中心调阅全部档案，群众满意度逐年提高。",
    "乡政府对农村危房改造对象的评定过程全程公开，入户调查的照片和评定结果在村里公示七天后才上报县住建部门，得到上级部门的肯定。",
)


#: The intro every report has: the six parts, named in the template's words.
TEMPLATE_INTRO = (
    "本报告依据《中华人民共和国政府信息公开条例》第五十条的规定编制，包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
    "政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。"
)


def own_report(index: int, year: int = 2021, seed: int = 0) -> SampleReport:
    """Body ``index``'s report: the official template (headings, tables, an intro in its words), its prose its own."""
    report = replace(SampleReport.build("T2021", year, BODIES[index], seed=seed), intro=(TEMPLATE_INTRO,))
    words = OWN_WORDS[index * 3 : index * 3 + 3]
    return report.with_section("s1", words[:2]).with_section("s5", words[2:]).with_section("s6", ("无。",))


def copies(folder, reports, **options):
    paths = write_reports(folder, reports)
    run = lint_batch([folder], select=["RL704"], **options)
    return [d for d in run.diagnostics if d.code == "RL704"], paths, run


def test_a_paragraph_copied_from_another_body_is_found_in_both_reports(tmp_path):
    first, second = own_report(0), own_report(1)
    copied = first.sections["s1"][1]
    second = second.with_section("s1", [second.sections["s1"][0], copied])
    found, paths, run = copies(tmp_path, {"a.txt": first, "b.txt": second})
    assert len(found) == 2
    by_file = {d.path.rsplit("/", 1)[-1]: d for d in found}
    finding, mirror = by_file["b.txt"], by_file["a.txt"]
    text_b, text_a = paths["b.txt"].read_text(encoding="utf-8"), paths["a.txt"].read_text(encoding="utf-8")
    assert text_b[finding.start : finding.end] == copied and finding.severity.label == "warning"
    [related] = finding.related
    assert related.path == paths["a.txt"].as_posix() and text_a[related.start : related.end] == copied
    line = text_a[: related.start].count("\n") + 1
    assert related.location.line == line
    facts = {result.path.rsplit("/", 1)[-1]: result.summary.cross_document for result in run.files}
    share = len("".join(ch for ch in copied if ch.isalnum())) / facts["b.txt"].prose_length
    body = facts["a.txt"].body.name
    assert (
        finding.message
        == f"本段与 {paths['a.txt'].as_posix()}（{body}2021年度报告）第 {line} 行的段落相同（不计地名），本报告正文约 {share:.0%} 与该单位的报告相同"
    )
    assert related.message == f"{body}报告中的段落"
    assert mirror.related[0].path == paths["b.txt"].as_posix()


def test_a_copy_with_the_other_bodys_names_replaced_is_still_found(tmp_path):
    first, second = own_report(2), own_report(3)
    original = f"{BODIES[2].short}把草场承包和禁牧补助发放情况做成双语公示牌，立在{BODIES[2].siblings[0]}等各牧业村的活动中心门口，牧民转场回来也能看到最新的名单。"
    first = first.with_section("s1", [original, first.sections["s1"][1]])
    renamed = original.replace(BODIES[2].short, BODIES[3].short).replace(BODIES[2].siblings[0], BODIES[3].siblings[0])
    second = second.with_section("s1", [renamed, second.sections["s1"][1]])
    found, _, _ = copies(tmp_path, {"a.txt": first, "b.txt": second})
    assert len(found) == 2 and all("的段落相同（不计地名）" in d.message for d in found)


def test_different_bodies_sharing_only_the_official_template_wording_are_not_copied(tmp_path):
    # Every report has the same headings, table labels and the intro listing the six parts in the template's words.
    reports = {f"r{index}.html": own_report(index, seed=index) for index in range(2)}
    found, _, run = copies(tmp_path, reports)
    assert found == []
    assert all(result.summary.cross_document.paragraphs is not None for result in run.files)


def test_an_intro_of_cited_documents_and_the_publication_statement_is_no_copy(tmp_path):
    intro = (
        "根据《中华人民共和国政府信息公开条例》规定和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开"
        "工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）、《甘肃省人民政府办公厅关于认真做好政府信息公开工作年度报告编制"
        "发布工作的通知》（甘政办函〔2022〕4号）要求，现发布《{body}2021年政府信息公开工作年度报告》，本报告统计数据从"
        "2021年1月1日至12月31日。"
    )
    reports = {f"r{index}.txt": replace(own_report(index), intro=(intro.format(body=BODIES[index].name),)) for index in range(2)}
    found, _, _ = copies(tmp_path, reports)
    assert found == []
    cited_and_copied = {
        f"r{index}.txt": replace(own_report(index), intro=(intro.format(body=BODIES[index].name) + OWN_WORDS[-1],)) for index in range(2)
    }
    found, _, _ = copies(tmp_path / "copied", cited_and_copied)
    assert len(found) == 2, "the body's own words after the citations are still compared"


def neighbours_with_intro(intro: str) -> dict[str, SampleReport]:
    """Two townships of one county, each prose its own, whose intros are ``intro`` with their county and name."""
    first = BODIES[0]
    neighbour = replace(first, short=first.siblings[0], siblings=(first.short,))
    second = SampleReport.build("T2021", 2021, neighbour, seed=0)
    second = second.with_section("s1", OWN_WORDS[3:5]).with_section("s5", OWN_WORDS[5:6]).with_section("s6", ("无。",))
    return {
        name: replace(report, intro=(intro.format(county=body.county, body=body.short),))
        for name, report, body in (("r0.txt", own_report(0), first), ("r1.txt", second, neighbour))
    }


@pytest.mark.parametrize(
    "intro",
    [
        # citations, the publication and the period statement
        "根据《中华人民共和国政府信息公开条例》(以下简称《条例》)及《中华人民共和国政府信息公开工作年度报告格式》"
        "(国办公开办函〔2021〕30号)相关要求,现公布{county}{body}人民政府2021年度政府信息公开工作报告。本报告所列数据的"
        "统计期限为2021年1月1日至2021年12月31日。",
        # brackets citing a decree or a (garbled) document number are citations too
        "根据《中华人民共和国政府信息公开条例》(国务院令第711号,以下简称《条例》)以及《国务院办公厅政府信息与政务公开办公室"
        "关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》(国办公开办函〔202130号)要求,现公布{county}{body}"
        "2021年政府信息公开工作年度报告。",
    ],
    ids=["period statement", "bracketed citations"],
)
def test_intros_of_two_neighbours_that_differ_only_in_their_names_are_no_copy(tmp_path, intro):
    found, _, _ = copies(tmp_path, neighbours_with_intro(intro))
    assert found == []


def test_wording_many_bodies_share_is_boilerplate_but_a_pair_stands_out(tmp_path):
    county = "全镇严格落实政府信息公开属性源头认定制度，公文拟制时同步确定公开属性，公开前经分管领导审核签字，做到应公开尽公开、不应公开的坚决不公开。"
    pair = "我们邀请县人大代表和政协委员组成评议组，逐项打分评议本镇公开工作，评议意见作为下一年度改进公开工作的首要依据并向社会公布。"
    reports = {}
    for index in range(5):
        report = own_report(index, seed=index)
        extra = [county, pair] if index in (1, 3) else [county]
        reports[f"r{index}.txt"] = report.with_section("s1", [*report.sections["s1"], *extra])
    found, paths, _ = copies(tmp_path, reports)
    assert {d.path.rsplit("/", 1)[-1] for d in found} == {"r1.txt", "r3.txt"}
    for finding in found:
        text = paths[finding.path.rsplit("/", 1)[-1]].read_text(encoding="utf-8")
        assert text[finding.start : finding.end] == pair, "the county's sentence is in every report: boilerplate"


def test_the_same_body_in_two_years_is_not_another_body(tmp_path):
    earlier = own_report(4, year=2020)
    later = earlier.next_year(seed=5).with_section("s1", earlier.sections["s1"])
    found, _, _ = copies(tmp_path, {"2020.txt": earlier, "2021.txt": later})
    assert found == []


def test_options_boilerplate_and_similarity(tmp_path):
    shared = "街道把辖区十个社区的议事协商结果统一公开，协商议题、参会人员和表决结果在社区公众号上公示三天，居民可以在线提出补充意见。"
    reports = {f"r{index}.txt": own_report(index).with_section("s5", [shared]) for index in range(3)}
    found, _, _ = copies(tmp_path / "default", reports)
    assert len(found) == 6, "three bodies share it: under the default of four, each pair is a copy"
    config = tmp_path / "reportlint.toml"
    config.write_text("[rules.copied-from-another-body]\nboilerplate = 3\n", encoding="utf-8")
    write_reports(tmp_path / "configured", reports)
    run = lint_batch([tmp_path / "configured"], select=["RL704"], config_file=config)
    assert run.diagnostics == []


def test_bodies_the_gazetteer_cannot_place_are_told_apart_by_the_names_they_give_themselves(tmp_path):
    from reportlint.testing.reports import SampleSubject

    first = replace(
        own_report(0), subject=SampleSubject("无名镇", "镇", "甲县", "甲市", "甲省"), title="甲县无名镇2021年政府信息公开工作年度报告"
    )
    second = replace(
        own_report(1), subject=SampleSubject("空白镇", "镇", "乙县", "乙市", "乙省"), title="乙县空白镇2021年政府信息公开工作年度报告"
    )
    first, second = replace(first, signature="无名镇人民政府"), replace(second, signature="空白镇人民政府")
    copied = first.sections["s1"][1]
    second = second.with_section("s1", [second.sections["s1"][0], copied])
    found, _, run = copies(tmp_path / "two", {"a.txt": first, "b.txt": second})
    assert all(result.summary.cross_document.body is None for result in run.files), "neither is in the gazetteer"
    assert sorted(d.path.rsplit("/", 1)[-1] for d in found) == ["a.txt", "b.txt"]
    assert "（乙县空白镇2021年度报告）" in next(d.message for d in found if d.path.endswith("a.txt"))
    later = replace(first, year=2022, title="无名镇2022年政府信息公开工作年度报告")
    same, _, _ = copies(tmp_path / "same", {"a2021.txt": first, "a2022.txt": later})
    assert same == [], "甲县无名镇 and 无名镇 are one body: the same words in two years are not a copy"


def test_a_body_named_by_its_level_alone_is_the_body_on_the_map_with_that_name(tmp_path):
    placed = replace(own_report(0), title="秦安县教育局2021年政府信息公开工作年度报告", signature="秦安县教育局")
    by_level = replace(
        own_report(1, year=2022).with_section("s1", placed.sections["s1"]),
        title="县教育局2022年政府信息公开工作年度报告",
        signature="县教育局",
    )
    found, _, run = copies(tmp_path, {"2021.txt": placed, "2022.txt": by_level})
    bodies = {result.path.rsplit("/", 1)[-1]: result.summary.cross_document.body for result in run.files}
    assert bodies["2021.txt"] is not None and bodies["2022.txt"] is None, "only the first is on the map"
    assert found == [], "县教育局 is 秦安县教育局 of the batch: its own words of another year are no copy"


def test_a_name_by_level_alone_is_no_body_of_the_map_when_several_have_it():
    from reportlint.rules.rl7_copies import _BodiesByLevelName

    placed = _BodiesByLevelName({"秦安县教育局": "620522/教育局", "甘谷县教育局": "620523/教育局", "秦安县兴国镇": "620522101/人民政府"})
    assert placed.key("县教育局") is None
    # a name as written decides before its shortened form: 市卫健委 is 厦门市卫健委, not also 某市卫生健康委员会
    both = _BodiesByLevelName({"厦门市卫健委": "350200/卫健委", "天水市卫生健康委员会": "620500/卫健委"})
    assert both.key("市卫健委") == "350200/卫健委" and both.key("市卫生健康委员会") == "620500/卫健委"
    assert _BodiesByLevelName({"秦安县教育局": "620522/教育局"}).key("县教育局") == "620522/教育局"
    assert placed.key("兴国镇") is None  # a name without its parents is _NamedBodies' business


def test_a_department_named_in_full_or_shortened_by_level_alone_is_one_body():
    from reportlint.rules.rl7_copies import _BodiesByLevelName

    placed = _BodiesByLevelName({"铜陵市枞阳县发展改革委": "340722/发改委", "秦安县人力资源和社会保障局": "620522/人社局"})
    assert placed.key("县发改委") == placed.key("县发展和改革委员会") == "340722/发改委"
    assert placed.key("县人社局") == "620522/人社局"
    assert placed.key("县教育局") is None
    # a name as written decides before its shortened form: 市卫健委 is 厦门市卫健委, not also 某市卫生健康委员会
    both = _BodiesByLevelName({"厦门市卫健委": "350200/卫健委", "天水市卫生健康委员会": "620500/卫健委"})
    assert both.key("市卫健委") == "350200/卫健委" and both.key("市卫生健康委员会") == "620500/卫健委"


def test_body_names_with_and_without_their_parents_are_one_body():
    from reportlint.rules.rl7_copies import _NamedBodies

    names = _NamedBodies()
    assert names.canonical("秦安县兴国镇") == names.canonical("兴国镇") == names.canonical("天水市秦安县兴国镇人民政府")
    assert names.canonical("七里墩街道办事处") == names.canonical("秦州区七里墩街道")
    assert names.canonical("东乡县交通运输局") != names.canonical("洪江区交通运输局")


def test_of_one_bodys_reports_with_the_copy_the_finding_names_the_checked_then_the_later_year(tmp_path):
    copied = own_report(0).sections["s1"][1]

    def with_copy(report: SampleReport) -> SampleReport:
        return report.with_section("s1", [report.sections["s1"][0], copied])

    reports = {"a.txt": own_report(0), "b-2020.txt": with_copy(own_report(1, year=2020)), "b-2021.txt": with_copy(own_report(1, year=2021))}
    found, paths, _ = copies(tmp_path / "together", reports)
    [named] = [d for d in found if d.path.endswith("a.txt")]
    assert [related.path for related in named.related] == [paths["b-2021.txt"].as_posix()], "one finding per body: its later year"
    assert "2021年度报告" in named.message
    assert sorted(d.path.rsplit("/", 1)[-1] for d in found) == ["a.txt", "b-2020.txt", "b-2021.txt"]

    # The later year given only for reference (--previous): the checked report of that body is named instead.
    checked = write_reports(tmp_path / "checked", {name: reports[name] for name in ("a.txt", "b-2020.txt")})
    previous = write_reports(tmp_path / "previous", {"b-2021.txt": reports["b-2021.txt"]})
    run = lint_batch([tmp_path / "checked"], previous=[tmp_path / "previous"], select=["RL704"])
    [named] = [d for d in run.diagnostics if d.path.endswith("a.txt")]
    assert [related.path for related in named.related] == [checked["b-2020.txt"].as_posix()]
    assert all(not d.path.startswith(str(previous["b-2021.txt"].parent)) for d in run.diagnostics)


def test_the_closer_copy_is_named_before_a_later_year(tmp_path):
    copied = OWN_WORDS[0] + OWN_WORDS[1]
    near = copied.replace("星期一", "星期二")  # one character changed: nearly the same
    reports = {
        "a.txt": own_report(0).with_section("s1", [copied]),
        "b-2020.txt": own_report(1, year=2020).with_section("s1", [copied]),
        "b-2021.txt": own_report(1, year=2021).with_section("s1", [near]),
    }
    found, paths, _ = copies(tmp_path, reports)
    by_file = {d.path.rsplit("/", 1)[-1]: d for d in found}
    assert "段落几乎相同" in by_file["b-2021.txt"].message, "the later year's paragraph is a copy too"
    named = by_file["a.txt"]
    assert [related.path for related in named.related] == [paths["b-2020.txt"].as_posix()] and "的段落相同" in named.message
