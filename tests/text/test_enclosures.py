"""Quoted and titled stretches: nested marks, line wraps within a paragraph, openers left open."""

from __future__ import annotations

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
