"""RL6 text hygiene: exact messages, columns and fixes (the cases that fire and do not fire are in tests/rules/cases/)."""

from __future__ import annotations

import sys

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from reportlint.rules import rl6_hygiene
from reportlint.rules.rl6_hygiene import (
    _REPEAT,
    NUMPY_FROM,
    DuplicatedWord,
    HalfWidthPunctuation,
    UnbalancedBrackets,
    _repeats,
    _repeats_at,
    repeat_starts,
)
from reportlint.run.linter import lint_text

TITLE = "某县某镇2021年政府信息公开工作年度报告\n"


def run(rule, body: str):
    return [(d.code, d.location.line, d.location.column, d.location.end_column, d.message) for d in lint_text(TITLE + body, rules=[rule])]


def test_duplicated_word_across_spaces_and_with_fix():
    [(code, line, column, end, message)] = run(DuplicatedWord, "我镇认真做好政府信息公 开 公 开工作。\n")
    assert (code, line, column, end) == ("RL601", 2, 11, 18)
    assert message == "词语“公开”重复出现：“公 开 公 开”，请删去多余的“公开”"
    [diagnostic] = lint_text(TITLE + "工作工作。\n", rules=[DuplicatedWord])
    text = TITLE + "工作工作。\n"
    fixed = text[: diagnostic.fix.start] + diagnostic.fix.replacement + text[diagnostic.fix.end :]
    assert fixed.endswith("\n工作。\n")


_WRAPPED_HEADER = (
    "行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n"
    "结果 结果 其他 尚未 总\n维持 纠正 结果 审结 计 结果 结果 其他 尚未 总 结果 结果 其他 尚未 总\n"
    "维持 纠正 结果 审结 计 维持 纠正 结果 审结 计\n"
)


@pytest.mark.parametrize(
    ("header", "reported"),
    [
        (_WRAPPED_HEADER, []),  # a PDF wrapped each header cell over two lines: 结果 结果 is two cells
        # the same words in a sentence of the part are a repeat
        ("本年度未发生行政复议 行政复议案件，也未发生行政诉讼。\n" + _WRAPPED_HEADER, ["行政复议 行政复议"]),
    ],
)
def test_duplicated_word_leaves_the_cells_of_a_wrapped_table_header_alone(header, reported):
    from reportlint.testing.reports import SampleReport, render

    text = render(SampleReport.build("T2021", 2021, seed=1), "spaces")
    start = text.index("行政复议 行政诉讼\n")
    end = text.index("\n", text.index("结果维持 结果纠正 其他结果 尚未审结 总计 结果维持")) + 1
    text = text[:start] + header + text[end:]
    assert [text[d.start : d.end] for d in lint_text(text, rules=[DuplicatedWord])] == reported
    assert [d.code for d in lint_text(text, config={"select": ["RL3"]})] == []  # the table is still read


def test_duplicated_word_option_and_title_left_to_rl114():
    assert lint_text("某镇2021年政府信息公开 公开工作年度报告\n", rules=[DuplicatedWord]) == []
    config = {"rules": {"duplicated-word": {"allow": ["工作"]}}}
    assert lint_text(TITLE + "工作工作。\n", rules=[DuplicatedWord], config=config) == []


def test_unbalanced_brackets_lone_closer_and_unclosed_opener():
    found = run(UnbalancedBrackets, "开展政府开放日活动，》，于11月10日。\n请与办公室联系（地址：某路14号，电话：0938-6521510。\n")
    assert [(code, line, column) for code, line, column, _, _ in found] == [("RL602", 2, 11), ("RL602", 3, 8)]
    assert found[0][4] == "多余的“》”：本段前面没有与之配对的“《”"
    assert found[1][4] == "“（”没有闭合：本段中找不到与之配对的“）”"


def test_unbalanced_brackets_leave_a_document_numbers_missing_bracket_to_rl506():
    """One defect, one finding (bench/inject.py's document-number kind had two): RL506 says the 〕 is missing."""
    text = "依据国办公开办函〔202130号开展工作（地址：某路14号。\n"
    assert [message for *_, message in run(UnbalancedBrackets, text)] == ["“（”没有闭合：本段中找不到与之配对的“）”"]
    assert run(UnbalancedBrackets, "依据《条例》（国办公开办函〔202130号）开展工作。\n") == []  # closed around it
    assert [d.code for d in lint_text(TITLE + text, config={"select": ["RL506"]})] == ["RL506"]


def test_half_width_punctuation_once_per_line_with_count():
    text = (
        "2020年，新村镇认真贯彻《条例》，全面推进公开。\n2020年,新村镇政府信息公开工作以思想为指导,全面贯彻。\n"
        + "全年共公开信息，均已归档。\n" * 20
    )
    [(code, line, column, _, message)] = run(HalfWidthPunctuation, text)
    assert (code, line, column) == ("RL603", 3, 6)
    assert message == "中文句子中使用了半角标点“,”，应为全角“，”，本行共 2 处"
    assert run(HalfWidthPunctuation, "数值为1,024件，时间10:30，网址 http://x.cn。\n") == []


def test_half_width_punctuation_throughout_is_one_info_finding():
    text = "2020年,新村镇政府信息公开工作以思想为指导,全面贯彻。\n" + "主动公开信息56条,依申请公开0件:无。\n" * 2
    [(code, line, column, _, message)] = run(HalfWidthPunctuation, text)
    assert (code, line, column) == ("RL603", 2, 6)
    assert message.startswith("全文的中文句子都使用半角标点（“,”、“:”，共 6 处，3 行）")
    # two slips in a short text are slips, reported line by line
    assert len(run(HalfWidthPunctuation, "一是公开不及时;二是形式单一。\n联系方式:办公室。\n")) == 2


def test_repeated_words_in_spaced_and_plain_lines_come_in_text_order():
    from reportlint.rules.rl6_hygiene import find_repeated_words

    text = "公开公开。\n信 息 信 息\n工作工作 \u3000 研究研究\n"
    found = find_repeated_words(text, 0, len(text))
    # the plain lines are searched in one pass, the spaced line compacted: the findings stay in text order
    assert [(repeat.word, repeat.start, repeat.end) for repeat in found] == [("公开", 0, 4), ("信息", 6, 13), ("工作", 14, 18)]
    assert (found[1].fix.start, found[1].fix.end) == (9, 13)  # the space between the copies goes with the second one
    # a window cut inside a line (RL114's title) sees only its own characters
    assert [(repeat.word, repeat.start) for repeat in find_repeated_words(text, 1, 4)] == []
    assert [(repeat.word, repeat.start) for repeat in find_repeated_words(text, 14, 18)] == [("工作", 14)]


def test_repeated_words_over_a_range_are_the_same_given_every_line_or_those_a_scan_finds():
    from reportlint.rules.rl6_hygiene import find_repeated_words
    from reportlint.text.segmentation import line_spans

    text = "标题标题\n\n公开 公开第二行\n第三行第三行\n"
    lines = tuple(line_spans(text))
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            over = [line for line in lines if line.end > start and line.start < end]  # the lines the bisection must take
            assert find_repeated_words(text, start, end, lines=lines) == find_repeated_words(text, start, end, lines=over)
    assert [repeat.word for repeat in find_repeated_words(text, 0, len(text), lines=lines)] == ["标题", "公开", "第三行"]


@given(st.text(alphabet="公开信息工作一研究 \u3000\na\U00020000", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_repeats_tried_where_two_han_characters_recur_are_those_of_a_search_everywhere(text, start, end):
    import numpy

    end = min(max(start, end), len(text))
    expected = [match.span() for match in _REPEAT.finditer(text, start, end)]
    places = repeat_starts(numpy, text, start, end)
    assert {span[0] for span in expected} <= set(places)
    assert [match.span() for match in _repeats_at(text, end, places)] == expected
    assert [match.span() for match in _repeats(text, start, end)] == expected


def test_repeats_are_looked_for_with_numpy_from_a_length_on(monkeypatch):
    import numpy  # noqa: F401  (loaded: the fast path may be taken)

    text = "公开工作工作" * (NUMPY_FROM // 6 + 1)
    tried: list[int] = []

    def counted(*arguments):
        tried.append(arguments[3] - arguments[2])
        return repeat_starts(*arguments)

    monkeypatch.setattr(rl6_hygiene, "repeat_starts", counted)
    short = [match.span() for match in _repeats(text, 0, NUMPY_FROM - 1)]
    long = [match.span() for match in _repeats(text, 0, len(text))]
    assert tried == [len(text)]  # the title-sized range is searched with the pattern alone
    assert short == [match.span() for match in _REPEAT.finditer(text, 0, NUMPY_FROM - 1)]
    assert long == [match.span() for match in _REPEAT.finditer(text)] != []


def test_repeated_words_are_the_same_with_or_without_numpy(monkeypatch):
    import numpy  # noqa: F401  (loaded: the fast path)

    body = "我镇政府信息信息公开工作工作扎实，公 开 公 开栏更新。\n研究研究后，一项一项落实。\n"
    with_numpy = run(DuplicatedWord, body)
    monkeypatch.setitem(sys.modules, "numpy", None)  # as in a run that has not loaded numpy
    assert run(DuplicatedWord, body) == with_numpy
    assert [finding[1:3] for finding in with_numpy] == [(2, 5), (2, 11), (2, 18)]


@given(st.text(alphabet="（）()《》“”‘’【】公开1一、。 \n", max_size=60))
@example("(\n\n)")  # a mark past the paragraphs checked was taken for their own (it paired the “(” up)
def test_unbalanced_brackets_of_a_text_are_those_of_its_paragraphs_each_alone(text):
    from types import SimpleNamespace

    from reportlint.text.normalize import normalize
    from reportlint.text.segmentation import line_spans, paragraph_spans

    paragraphs = tuple(paragraph_spans(text, line_spans(text)))

    def findings(among: tuple) -> list:
        report = SimpleNamespace(text=text, normalized=normalize(text), reading=SimpleNamespace(truncation=None), paragraphs=among)
        return [(d.message, d.start, d.end) for d in UnbalancedBrackets().check(report)]  # type: ignore[arg-type]

    assert findings(paragraphs) == [found for paragraph in paragraphs for found in findings((paragraph,))]


def _paired_by_a_stack(kinds: list[str], numbers: list[int]) -> bool:
    """Each paragraph's marks walked with a stack: every closer closes the last mark still open, none stays open."""
    closers = {closer: opener for opener, closer in rl6_hygiene._OPENERS.items()}
    for number in dict.fromkeys(numbers):
        stack: list[str] = []
        for kind, its in zip(kinds, numbers, strict=True):
            if its != number:
                continue
            if kind in rl6_hygiene._OPENERS:
                stack.append(kind)
            elif not stack or stack.pop() != closers[kind]:
                return False
        if stack:
            return False
    return True


@given(
    st.lists(st.sampled_from(["(", ")", "（", "）", "《", "》", "“", "”", "‘", "’", "【", "】", "〔", "〕", "「", "」"]), max_size=14),
    st.data(),
)
def test_marks_pair_up_in_their_paragraphs_as_a_stack_finds(marks, data):
    # (the quick test of UnbalancedBrackets: the marks of every paragraph pair up, so it has nothing to report)
    from reportlint.text.normalize import normalize

    text = "".join(marks)
    normalized = normalize(text)
    positions = list(range(len(text)))
    numbers = sorted(data.draw(st.lists(st.integers(1, 3), min_size=len(text), max_size=len(text))))
    kinds = [text[index] if text[index] in "“”‘’" else normalized[index] for index in positions]
    assert rl6_hygiene._paired_in_paragraphs(text, normalized, positions, numbers) == _paired_by_a_stack(kinds, numbers)


@pytest.mark.parametrize(
    ("marks", "numbers", "paired"),
    [
        ("", [], True),
        ("（《》）“”", [1, 1, 1, 1, 1, 1], True),
        ("(）【】", [1, 1, 2, 2], True),  # (the widths pair up)
        ("（）", [1, 2], False),  # a paragraph's mark does not pair with the next one's
        ("“（”）", [1, 1, 1, 1], False),
        ("”“", [1, 1], False),
        ("《（）", [1, 1, 1], False),
        ("《（）》「」〔〕‘’", [1, 1, 1, 1, 3, 3, 3, 3, 3, 3], True),
    ],
)
def test_marks_pair_up_in_their_paragraphs(marks, numbers, paired):
    from reportlint.text.normalize import normalize

    positions = list(range(len(marks)))
    assert rl6_hygiene._paired_in_paragraphs(marks, normalize(marks), positions, numbers) is paired
