"""Title and subject of real copies: broken titles, bullets, metadata, the intro, self-references."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportlint.core.config import Config
from reportlint.run.linter import load_document
from reportlint.run.registry import registry_for
from reportlint.sources import Source
from reportlint.template.identity import TextSpan, _body_of_the_office, _lines
from reportlint.template.reading import read_report
from reportlint.text.segmentation import line_spans

BODY = "一、总体情况\n2021年，我镇认真贯彻落实《条例》。\n"


@pytest.fixture(scope="module")
def read():
    registry = registry_for(Config())

    def read(text: str):
        document = load_document(Source(Path("r.txt"), "r.txt", text.encode(), "text"), registry)
        return read_report(document, registry.template_set)

    return read


@pytest.mark.parametrize(
    ("head", "title", "subject"),
    [
        ("某县某镇2021年政府\n信息公开工作年度报告\n", "某县某镇2021年政府信息公开工作年度报告", "某县某镇"),
        ("• 某县某镇2021年政府信息公开工作年度报告\n", "某县某镇2021年政府信息公开工作年度报告", "某县某镇"),
        ("标题：某县某镇2021年政府信息公开工作年度报告\n", "某县某镇2021年政府信息公开工作年度报告", "某县某镇"),
        (
            "某县某镇人民政府关于2021年政府信息公开工作情况的报告\n",
            "某县某镇人民政府关于2021年政府信息公开工作情况的报告",
            "某县某镇人民政府",
        ),
        (
            "某县某镇\n2021年政府信息公开工作年度报告\n2021年政府信息公开工作年度报告\n",
            "某县某镇2021年政府信息公开工作年度报告",
            "某县某镇",
        ),
        ("某县某镇2021年政府信息公开工作年度报告 现将有关情况报告如下：", "某县某镇2021年政府信息公开工作年度报告", "某县某镇"),
        ("2021某县某镇2021年度政府信息公开工作年度报告\n", "2021某县某镇2021年度政府信息公开工作年度报告", "某县某镇"),
        ("2021年某县某镇人民政府信息公开工作年度报告\n", "2021年某县某镇人民政府信息公开工作年度报告", "某县某镇人民政府"),
        # the last row of a page's metadata table above the title is no part of it
        ("时 效 | 有效 |\n某县某镇2021年度政府信息公开工作报告\n", "某县某镇2021年度政府信息公开工作报告", "某县某镇"),
        ("图片\n某县某镇2021年政府信息公开工作年度报告\n", "某县某镇2021年政府信息公开工作年度报告", "某县某镇"),
        # the page's metadata table copied as rows of cells
        (
            "索 引 号 | 0001/2022-00050 | 分 类 | 其他 |\n标 题 | 某县某镇2021年政府信息公开工作年度报告 | ||\n",
            "某县某镇2021年政府信息公开工作年度报告",
            "某县某镇",
        ),
        # a metadata label left empty (“有效性:”) right above the title: the title is no value of it
        ("成文日期: 2022-01-18\n有效性:\n\n某县某局2021年政府信息公开工作年度报告\n", "某县某局2021年政府信息公开工作年度报告", "某县某局"),
        # a date's label left empty over the body's line and the title's: the body's line is no date, so no value of it
        (
            "更新时间:\n某区人民政府办公室\n2020年政府信息公开工作年度报告\n",
            "某区人民政府办公室2020年政府信息公开工作年度报告",
            "某区人民政府办公室",
        ),
        # the value of a label standing alone is no title (主题分类 / 政府信息公开年度报告)
        ("主题分类\n政府信息公开年度报告\n某县某镇2021年政府信息公开工作年度报告\n", "某县某镇2021年政府信息公开工作年度报告", "某县某镇"),
        # the page's metadata table copied as Markdown, under the site's banner
        (
            "某县人民政府\n| 标题: | 某县某局2021年政府信息公开工作年度报告 | ||\n|---|---|---|---|\n| 发文日期: | 2022-01-29 | 发布机构: | 某县某局 |\n",
            "某县某局2021年政府信息公开工作年度报告",
            "某县某局",
        ),
        # the page's metadata table as a PDF gives it: the title's cell wrapped over three lines, the first after its label
        (
            "某县人民政府\n标题: 某县某某镇人民政府\n2025年政府信息公开工作\n年度报告\n发文日期: 2026-01-26\n",
            "某县某某镇人民政府2025年政府信息公开工作年度报告",
            "某县某某镇人民政府",
        ),
        # a note of the page's version after the title is no part of it
        ("某县某镇2021年政府信息公开工作年度报告(文字版)\n", "某县某镇2021年政府信息公开工作年度报告", "某县某镇"),
        ("某县某镇2021年政府信息公开工作年度报告（图解版）\n", "某县某镇2021年政府信息公开工作年度报告", "某县某镇"),
    ],
)
def test_titles_as_real_copies_write_them(read, head, title, subject):
    reading = read(head + BODY)
    assert reading.title.text == title and reading.subject.name == subject and reading.subject.source == "title"


@pytest.mark.parametrize(
    ("title", "subject", "level"),
    [
        ("某南州人民政府2022年政府信息公开工作年度报告", "某南州人民政府", "州"),  # an autonomous prefecture by its short name
        ("某安盟2024年政府信息公开工作年度报告", "某安盟", "市"),  # a league
        ("某港街2023年政府信息公开工作年度报告", "某港街", "街道"),  # a street office as Tianjin and Guangzhou call it
    ],
)
def test_bodies_named_as_their_places_call_them(read, title, subject, level):
    reading = read(title + "\n" + BODY)
    assert (reading.subject.name, reading.subject.level, reading.subject.source) == (subject, level, "title")


def test_a_line_naming_the_bodys_organs_opens_the_title_below_it(read):
    reading = read("某县人民政府机关\n2021年政府信息公开工作年度报告\n" + BODY)
    assert reading.title.text == "某县人民政府机关2021年政府信息公开工作年度报告"


@pytest.mark.parametrize(
    ("intro", "subject", "level"),
    [
        ("本报告由某县某镇人民政府编制。", "某县某镇人民政府", "镇"),
        # the body whose report is compiled, not the office named in the notice cited before it
        (
            "根据《某县人民政府办公室关于2024年政府信息公开工作年度报告编制发布工作的通知》规定,特编制某县某乡2024年政府信息公开工作年度报告。",
            "某县某乡",
            "乡",
        ),
        ("现公布某市某区某街道2024年政府信息公开工作年度报告。", "某市某区某街道", "街道"),
        ("某县教育局根据《中华人民共和国政府信息公开条例》编制本报告。", "某县教育局", "部门"),
        ("根据上级通知要求，某县某乡政府编制2021年政府信息公开年度报告。", "某县某乡政府", "乡"),
        ("2021年度，某区交通运输局认真贯彻实施《条例》。", "某区交通运输局", "部门"),
        # the report's own title, quoted
        ("现发布《某市审计局2023年政府信息公开工作年度报告》，本报告统计数据从2023年1月1日至12月31日。", "某市审计局", "部门"),
        # a department's office compiles the department's report
        ("根据《条例》要求，由某市某区农业农村局办公室编制本报告。", "某市某区农业农村局", "部门"),
        ("本报告由某县人民政府办公室编制。", "某县人民政府办公室", "部门"),
        # the report's own title quoted, its 》 left out
        ("现发布《某市审计局2023年政府信息公开工作年度报告,本报告统计数据从2023年1月1日至12月31日。", "某市审计局", "部门"),
        # a government's office named without its place is a body all the same
        ("2022年,区政府办公室认真贯彻执行《中华人民共和国政府信息公开条例》。", "区政府办公室", "部门"),
        # the year first, then the body and the report's name
        ("根据《条例》规定,现公布2025年某区某某镇政府信息公开工作年度报告。", "某区某某镇", "镇"),
        ("根据《条例》规定,现公布2023年某县水利局信息公开工作年度报告。", "某县水利局", "部门"),
        ("根据《条例》有关要求,现将某县人民政府2024年政府信息公开工作年度报告予以公开。", "某县人民政府", "县"),
        ("按照《条例》要求,现向社会公开《某市人民政府2024年度政府信息公开工作年度报告》。", "某市人民政府", "市"),
        ("本年报是按照《条例》要求,由某市某区某某镇人民政府编制的2023年度政府信息公开年度报告。", "某市某区某某镇人民政府", "镇"),
        ("根据县政府办公室通知要求,某县市场监督管理局结合单位实际,编制本单位2022年度报告。", "某县市场监督管理局", "部门"),
        ("2025年,某某街道在区委、区政府的正确领导下,全面推进政务公开。", "某某街道", "街道"),
        ("2022年,某某乡政府信息公开工作在县委、县政府的正确领导下,按照《条例》规定推进。", "某某乡", "乡"),
        ("结合我区2020年政府信息公开工作开展情况,编制《某某区2020年度政府信息公开工作年度报告》。", "某某区", "区"),
        ("根据《条例》规定和区委、区政府工作要求,特向社会公布2021年度某某镇政府信息公开年度报告。", "某某镇", "镇"),
        ("按照有关要求,结合我区2020年政府信息公开工作开展情况,编制《某某区2020年度政府信息公开工作报告》并向社会公布。", "某某区", "区"),
        (
            "根据《条例》关于年度报告的法定要求,本机关编制《某市国防动员办公室2023年政府信息公开工作年度报告》。",
            "某市国防动员办公室",
            "部门",
        ),
        ("根据有关规定要求,某某镇人民政府编制《2021年政府信息公开工作年度报告》。", "某某镇人民政府", "镇"),
        ("为提升政府工作的透明度和公信力,某某镇人民政府特此编制2024年度政府信息公开工作年度报告。", "某某镇人民政府", "镇"),
        ("根据《条例》要求,由某市某区某某路街道办事处编制,全文包括总体情况等六个部分。", "某市某区某某路街道办事处", "街道"),
        # 以来 after a year is no verb after a body (2024年以来)
        ("2024年以来,某某镇人民政府严格按照《条例》要求,扎实推进政府信息公开工作。", "某某镇人民政府", "镇"),
        # a township's office compiles the township's report
        ("本报告由某市某某镇人民政府党政办公室结合有关统计数据编制。", "某市某某镇人民政府", "镇"),
        ("依据《条例》的规定,现予以公开2025年某某铺镇政府信息公开工作年度报告。", "某某铺镇", "镇"),
        # the 政府 of 某镇人民政府信息公开 is the body's and the topic's
        ("根据《条例》文件要求,现特向社会公布2024年某水镇人民政府信息公开工作年度报告。", "某水镇人民政府", "镇"),
        ("根据《条例》等文件要求,由某市某区人民政府某某街道办事处编制而成。", "某市某区人民政府某某街道办事处", "街道"),
        ("本报告依据《条例》要求,结合2022年某某区民政局政府信息公开工作编制而成。", "某某区民政局", "部门"),
        # a sub-heading of part 一 run into its text is no part of the name
        ("1.主动公开某某镇始终坚持以习近平新时代中国特色社会主义思想为指导。", "某某镇", "镇"),
        # the name's other name in brackets after it
        ("根据《条例》要求,现发布《某市民族事务委员会(宗教事务局)2024年政府信息公开工作年度报告》。", "某市民族事务委员会", "部门"),
    ],
)
def test_subject_from_the_intro_when_the_title_names_none(read, intro, subject, level):
    reading = read("2021年政府信息公开工作年度报告\n" + intro + "\n" + BODY)
    assert (reading.subject.name, reading.subject.level, reading.subject.source) == (subject, level, "intro")


@pytest.mark.parametrize("intro", ["相关科室、社区积极组织群众参加宣传活动。", "街道工委、办事处高度重视政务公开工作。"])
def test_words_ending_as_a_body_does_but_naming_none_are_no_subject(read, intro):
    reading = read("2021年政府信息公开工作年度报告\n" + intro + "\n" + BODY)
    assert reading.subject is None or reading.subject.name not in ("社区", "办事处")


def test_a_sites_links_are_no_body_and_a_metadata_tables_publisher_needs_no_colon(read):
    # the site's banner of links over a metadata table copied cell after cell (发文机关某镇人民政府 主题词)
    head = "中国政府网  |   某省政府  |   某市政府\n索引号000014349/2024-03341\n发文机关某某镇人民政府 主题词\n"
    reading = read(head + "2023年政府信息公开工作年度报告\n" + BODY)
    assert (reading.subject.name, reading.subject.level, reading.subject.source) == ("某某镇人民政府", "镇", "metadata")


def test_a_body_the_intro_names_under_the_government_on_the_line_above_is_the_subject(read):
    text = "某市某区人民政府\n2019年12月3日星期二\n根据《条例》要求，现发布某市某区某某镇2025年政府信息公开年度报告。\n" + BODY
    reading = read(text)
    assert (reading.subject.name, reading.subject.level, reading.subject.source) == ("某市某区某某镇", "镇", "intro")
    other = read("某市某区人民政府\n根据《条例》要求，现发布某县教育局2025年政府信息公开年度报告。\n" + BODY)
    assert (other.subject.name, other.subject.source) == ("某市某区人民政府", "issuer")  # (not under it: the line stands)


def test_a_government_the_intro_names_is_the_subject_where_the_metadata_names_its_office(read):
    text = (
        "发布机构: | 某区政府办公室 |\n"
        "根据《条例》和国办公开办函〔2021〕30号等上级文件要求,发布某区人民政府2024年政府信息公开工作年度报告。\n" + BODY
    )
    reading = read(text)
    assert (reading.subject.name, reading.subject.level, reading.subject.source) == ("某区人民政府", "区", "intro")


def test_a_list_item_cut_after_a_body_name_ending_is_no_signature(read):
    text = "一、总体情况\n（二）公开平台建设深入推进。\n一是在服务热线方面，全年共受理各类咨询2226条。\n二是在门户网站\n"
    reading = read(text)
    assert reading.subject is None and reading.truncation is not None


@pytest.mark.parametrize(
    "intro",
    [
        "2021年，在县委县政府的坚强领导下，认真贯彻落实《中华人民共和国政府信息公开条例》以及县委县政府积极推进透明政府建设。",
        "2021年，县委县政府认真贯彻落实《中华人民共和国政府信息公开条例》。",
    ],
)
def test_a_government_named_by_its_level_alone_is_no_subject(read, intro):
    reading = read("2021年政府信息公开工作年度报告\n" + intro + "\n" + BODY)
    assert reading.subject is None or reading.subject.name not in ("以及县委县政府", "县委县政府")


def test_a_name_opening_a_cited_documents_title_is_no_subject(read):
    intro = "为做好重点用工企业服务，结合人社工作制定发布《某某县进一步做好重点用工企业服务保障工作的通知》。"
    reading = read("2021年政府信息公开工作年度报告\n" + intro + "\n" + BODY)
    assert reading.subject is None or reading.subject.name != "某某县"


def test_subject_from_page_metadata(read):
    reading = read("发布机构：某县某乡人民政府\n2021年政府信息公开工作年度报告\n" + BODY)
    assert (reading.subject.name, reading.subject.source) == ("某县某乡人民政府", "metadata")


def test_an_office_named_as_publisher_posts_the_report_of_the_body_the_intro_names(read):
    """发布机构：县卫健局办公室, and the text opens with 浦江县卫生健康局's work: the office posted its bureau's report."""
    reading = read("发布机构：县卫健局办公室\n一、总体情况\n2022年浦江县卫生健康局全面贯彻落实《条例》，主动公开信息56条。\n")
    assert (reading.subject.name, reading.subject.source) == ("浦江县卫生健康局", "intro")
    # a web page's metadata gives the publisher as a name (its loader read it), and the same holds
    named = TextSpan("浦江县卫生健康局", 30, 38)
    assert _body_of_the_office("县卫健局办公室", lambda: named) is named
    assert _body_of_the_office("浦江县卫生健康局", lambda: named) is None  # a body, not an office: its own name stands


@pytest.mark.parametrize(
    ("head", "published"),
    [
        ("发布日期：2022-01-20\n", "2022-01-20"),
        ("日期:2022-01-20\n", "2022-01-20"),  # the bare labels CMS pages put by the title
        ("来源:某县政务公开办 时间:2022-01-20 09:05:25 点击量:\n", "2022-01-20"),
        ("发布机构 | 某县政务公开办 | 发文日期 | 2022-01-20 |\n", "2022-01-20"),  # the metadata table as a row of cells
        ("信息提供日期 : 2022-01-20 11:13来源 : 某街道办\n", "2022-01-20"),  # a CMS's own label
        ("统计时间:2022-01-20\n", None),  # inside a word: not a page's label
        # a metadata table with the date written and the date published: the page published it on the latter, as the
        # web page loader takes it
        ("成文日期 2022-01-08 发布日期 2022-09-06\n", "2022-09-06"),
        ("时间：2021年1月1日至2021年12月31日\n", None),  # a period, not a publication date
    ],
)
def test_the_page_date_from_a_label_by_the_title(read, head, published):
    publication = read(head + "某县某镇2021年政府信息公开工作年度报告\n" + BODY).publication
    assert (publication.date.isoformat() if publication is not None and publication.source == "page" else None) == published


@pytest.mark.parametrize(
    ("word", "level"), [("我镇", "镇"), ("我乡", "乡"), ("本街道", "街道"), ("我局", "部门"), ("我委", "部门"), ("我办", "部门")]
)
def test_level_from_self_references_when_no_name_is_given(read, word, level):
    reading = read(f"一、总体情况\n2021年，{word}认真落实《条例》，{word}全年公开信息56条。\n")
    assert (reading.subject.name, reading.subject.level, reading.subject.source) == ("", level, "self-reference")
    assert reading.subject.display == f"报告主体（自称“{word}”）"


def test_mixed_self_references_give_no_level(read):
    assert read("一、总体情况\n我镇和我局联合公开信息。\n").subject is None


def test_chrome_is_never_the_title_or_the_subject(read):
    text = "首页 > 政务公开 > 年度报告\n【字体：大 中 小】 打印本页\n某县某镇2021年政府信息公开工作年度报告\n" + BODY
    reading = read(text)
    assert reading.title.text == "某县某镇2021年政府信息公开工作年度报告" and reading.chrome


def _lines_by_splitting(document, limit_end: int, start: int = 0) -> list[TextSpan]:
    """What :func:`_lines` gives, computed plainly: the text from the line of ``start`` to the line of ``limit_end``, split."""
    text = document.normalized
    begin = text.rfind("\n", 0, start) + 1
    if limit_end <= begin:
        return []
    stop = text.find("\n", limit_end - 1)
    stop = len(text) if stop < 0 else stop
    found = []
    for line in line_spans(text[begin:stop]):
        content = text[begin + line.start : min(begin + line.end, max(limit_end, begin + line.start))]
        if content.strip():
            left = begin + line.start + len(content) - len(content.lstrip())
            found.append(TextSpan(content.strip(), left, left + len(content.strip())))
    return found


@given(st.lists(st.sampled_from(["", " ", "某县某镇", "  二、主动公开 ", "\r", "a\r"]), min_size=1, max_size=8).map("\n".join), st.data())
def test_the_lines_near_a_position_are_the_lines_of_the_text_there(text, data):
    document = load_document(Source(Path("r.txt"), "r.txt", text.encode(), "text"), registry_for(Config()))
    length = len(document.text)
    start = data.draw(st.integers(0, length))
    limit_end = data.draw(st.integers(0, length))
    assert _lines(document, limit_end, start) == _lines_by_splitting(document, limit_end, start)


PERIOD_2021 = "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。\n"


TITLE_2020 = "某县某镇2020年政府信息公开工作年度报告\n"
#: part one without a sentence the year opens
PLAIN_BODY = "一、总体情况\n我镇认真贯彻落实《条例》。\n"


@pytest.mark.parametrize(
    ("text", "year", "source"),
    [
        # the title left at 2020; the period and the page's own date say 2021
        ("发布日期：2022-01-31\n" + TITLE_2020 + PERIOD_2021 + BODY, 2021, "period+page-date"),
        # the same with the date under the signature in 2022: a title a year behind them is the part left over
        (TITLE_2020 + PERIOD_2021 + PLAIN_BODY + "某县某镇人民政府\n2022年1月20日\n", 2021, "period+signature"),
        # the same with the text's own sentences of work done in 2021 (“2021年，我镇……”), none in 2020
        (TITLE_2020 + PERIOD_2021 + BODY, 2021, "period+text"),
        ("2020年度某县某镇政府信息公开工作年度报告\n" + PERIOD_2021 + BODY, 2021, "period+text"),  # (the title's own 2020)
        # … or after the short label of a sub-heading (“（一）主动公开：2021年，……”)
        (TITLE_2020 + PERIOD_2021 + PLAIN_BODY + "（一）主动公开：2021年，我镇公开信息56条。\n", 2021, "period+text"),
        # a label's date is no clause of work done
        (TITLE_2020 + PERIOD_2021 + PLAIN_BODY + "成文日期：2021年1月5日\n", 2020, "title"),
        # a sentence of 2020's work too: no clear witness
        (TITLE_2020 + PERIOD_2021 + BODY + "2020年，我镇收到申请3件。\n", 2020, "title"),
        # a sentence of plans is no witness; nor is the period alone
        (TITLE_2020 + PERIOD_2021 + PLAIN_BODY + "2021年，我镇将继续推进政务公开。\n", 2020, "title"),
        (TITLE_2020 + PERIOD_2021 + PLAIN_BODY, 2020, "title"),
        # last year's report copied and its title updated: period, text and signature left at 2021 never outvote it
        ("某县某镇2022年政府信息公开工作年度报告\n" + PERIOD_2021 + BODY + "某县某镇人民政府\n2022年1月20日\n", 2022, "title"),
        # … but the page date agrees with the title
        ("发布日期：2023-01-31\n某县某镇2022年政府信息公开工作年度报告\n" + PERIOD_2021 + BODY, 2022, "title"),
        # a period that is not one whole year outvotes nothing
        ("发布日期：2022-01-31\n" + TITLE_2020 + "本报告统计期限自2021年3月1日起至2021年12月31日止。\n" + BODY, 2020, "title"),
    ],
)
def test_the_title_year_gives_way_only_to_a_whole_year_period_and_a_second_witness(read, text, year, source):
    reading = read(text)
    assert (reading.year, reading.year_source) == (year, source)


@pytest.mark.parametrize(
    ("text", "year", "source"),
    [
        # no title, no period: the year the clauses of work done open with, not last year's assessment the text cites
        (
            "一、总体情况\n落实《关于2022年度政务公开第三方评估反馈意见整改工作提示》要求，认真查摆2022年度我局政务公开情况。\n"
            "二是积极做好主动公开。2023年，我局主动公开文件63件。\n三是规范答复依申请公开。2023年，我局受理申请39件。\n",
            2023,
            "clauses",
        ),
        # no clause of work done opens with a year: the most frequent year, as before
        ("一、总体情况\n我局落实2022年度评估意见，全年公开2023年度预算等信息。\n我局2022年度工作平稳。\n", 2022, "text"),
        # a plan opens no clause of work done
        ("一、总体情况\n全年公开信息56条，2022年度评估良好。\n2023年，我局将继续推进公开。\n", 2022, "text"),
        # one clause alone is no witness against the year the text names most (a sentence left from another year's report)
        ("现将某镇2022年度政府信息公开工作报告如下：\n一、总体情况\n2022年度工作平稳。\n2021年，全镇公开信息56条。\n", 2022, "text"),
    ],
)
def test_without_a_title_or_a_period_the_year_is_the_one_clauses_of_work_done_open_with(read, text, year, source):
    reading = read(text)
    assert (reading.year, reading.year_source) == (year, source)


@pytest.mark.parametrize(
    ("period", "body", "year"),
    [
        # one of a two-year period's years mistyped: the one the text's sentences of work done open with
        ("本报告统计期限自2021年1月1日起至2022年12月31日止。\n", BODY, 2021),
        ("本报告统计期限自2020年1月1日起至2021年12月31日止。\n", BODY, 2021),
        # no such sentence, or one for each year: the end's year, as before
        ("本报告统计期限自2021年1月1日起至2022年12月31日止。\n", PLAIN_BODY, 2022),
        ("本报告统计期限自2021年1月1日起至2022年12月31日止。\n", BODY + "2022年，我镇收到申请3件。\n", 2022),
    ],
)
def test_a_period_over_two_years_gives_the_year_the_text_opens_its_sentences_with(read, period, body, year):
    reading = read("某县某镇政府信息公开工作年度报告\n" + period + body)
    assert (reading.year, reading.year_source) == (year, "period")


@pytest.mark.parametrize(
    ("body", "year"),
    [
        # the only year is the one work is carried into: the report's year is not known
        ("全年受理申请86件，办理完成78件，余8件转2023年度办理。\n", None),
        ("全年受理申请86件，余8件结转至 2023年办理。\n", None),
        # the report's own years count; the year carried into does not outvote them
        ("2022年，我镇受理申请86件，余8件转2023年度办理。2022年，我镇主动公开信息120条。\n", 2022),
    ],
)
def test_a_year_that_work_is_carried_into_is_not_the_report_year(read, body, year):
    reading = read("一、总体情况\n" + body)
    assert reading.year == year
    assert reading.year_source == ("clauses" if year else "")  # (the two clauses of 2022's work give it)


def test_the_period_is_the_range_after_its_label_not_a_date_before_it(read):
    """A PDF joined the page's date line to the intro: the period is the range after 统计起止时间, not 2025-01-15 to it."""
    reading = read(
        "某县某镇2024年政府信息公开工作年度报告\n信息提供日期: 2025-01-15 11:13来源: 某街道办本年度报告中所列数据的"
        "统计起止时间为2024年1月1日至2024年12月31日。\n" + BODY
    )
    assert (reading.period.start_date.isoformat(), reading.period.end_date.isoformat()) == ("2024-01-01", "2024-12-31")


def test_a_plan_named_after_the_report_is_another_document(read):
    # the report's own title is quoted whole (…年度报告》 or …信息公开工作报告》); a plan for it is another document
    intro = "根据《某某县2021年政府信息公开工作年度报告编制方案》要求，现编制本报告。"
    reading = read("2021年政府信息公开工作年度报告\n" + intro + "\n" + BODY)
    assert reading.subject is None or reading.subject.name != "某某县"
