"""Quoted and titled stretches: nested marks, line wraps within a paragraph, openers left open."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reportlint.text.enclosures import Enclosures, enclosed_spans


def spans(text: str) -> list[str]:
    return [text[span.start : span.end] for span in enclosed_spans(text)]


def test_quotes_and_titles_outermost_first():
    text = '开展“我为群众办实事”活动，依据《关于<某某>的通知》和"一网通办"。'
    assert spans(text) == ["“我为群众办实事”", "《关于<某某>的通知》", '"一网通办"']


def test_a_title_wrapped_over_two_lines_is_one_stretch_but_not_over_a_blank_line():
    assert spans("印发《上海市贯彻长江三角洲\n实施方案》等文件。") == ["《上海市贯彻长江三角洲\n实施方案》"]
    assert spans("印发《上海市贯彻\n\n实施方案》等文件。") == []


def test_an_opener_without_closer_encloses_nothing_and_contains():
    text = "他说“没有结束。后来《条例》规定。"
    assert spans(text) == ["《条例》"]
    enclosures = Enclosures.of(text)
    position = text.index("条例")
    assert enclosures.contains(position) and enclosures.contains(position, position + 2)
    assert not enclosures.contains(text.index("没有")) and not enclosures.contains(position, position + 6)


def _reference_spans(text: str) -> list[tuple[int, int]]:
    """The stretches as the first version found them: the next opener by search, its closer by counting every mark."""
    from reportlint.text.enclosures import ENCLOSERS, MAX_ENCLOSED

    found, position = [], 0
    while position < len(text):
        openers = [index for index in range(position, len(text)) if text[index] in ENCLOSERS]
        if not openers:
            break
        position = openers[0]
        opener, closer = text[position], ENCLOSERS[text[position]]
        blank = text.find("\n\n", position)
        limit = min(len(text), position + MAX_ENCLOSED, len(text) if blank < 0 else blank)
        depth, close = 0, None
        for index in range(position + 1, limit):
            if text[index] == closer and depth == 0:
                close = index
                break
            if text[index] == closer:
                depth -= 1
            elif text[index] == opener and opener != closer:
                depth += 1
        if close is None:
            position += 1
            continue
        found.append((position, close + 1))
        position = close + 1
    return found


@given(st.text(alphabet='“”‘’《》〈〉"公\n', max_size=40))
def test_stretches_are_those_of_counting_every_mark(text):
    assert [(span.start, span.end) for span in enclosed_spans(text)] == _reference_spans(text)
