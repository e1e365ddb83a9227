"""The document model: source maps and normalisation keep offsets exact; a plain text's blocks are its lines."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportlint.core.model import Heading, LineIndex, LineParagraphs, Location, Paragraph, Segment, SegmentMap, line_paragraphs
from reportlint.text.normalize import normalize


def test_line_index_counts_cjk_characters_as_one_column():
    text = "第一行\n政府信息公开 公开工作\r\n第三行"
    index = LineIndex(text)
    start = text.index("公开 公开")
    location = index.locate(start, start + 5)
    assert (location.line, location.column, location.end_line, location.end_column) == (2, 5, 2, 10)


def test_empty_range_points_at_its_start():
    location = LineIndex("ab\ncd").locate(4, 4)
    assert (location.line, location.column, location.end_column) == (2, 2, 2)


def test_segment_map_maps_back_to_original_lines_and_logical_places():
    text = "标题\n规章\t0"
    segments = [
        Segment(0, 2, line=10, column=5, logical="第1段"),
        Segment(3, 5, line=20, column=9, logical="表格1 第2行 第1列"),
        Segment(6, 7, line=20, column=30, logical="表格1 第2行 第2列"),
    ]
    source_map = SegmentMap(text, segments)
    title = source_map.locate(0, 2)
    assert (title.line, title.column, title.end_column, title.logical) == (10, 5, 7, "第1段")
    cell = source_map.locate(6, 7)
    assert (cell.line, cell.column, cell.logical) == (20, 30, "表格1 第2行 第2列")


def test_normalize_keeps_length_and_folds_width_quotes_and_script():
    text = "（１２）：“三安全一稳定”，政府資訊公開與處理，縣區鎮"
    folded = normalize(text)
    assert len(folded) == len(text)
    assert folded.startswith('(12):"三安全一稳定",')
    assert "政府资讯公开与处理" in folded
    assert folded.endswith("县区镇")


def test_simplified_text_is_not_converted():
    assert normalize("乾安县于是") == "乾安县于是"


def test_a_documents_lines_are_split_once_and_shared_with_its_report():
    from pathlib import Path

    from reportlint.core.config import Config
    from reportlint.run.linter import load_document
    from reportlint.run.registry import registry_for
    from reportlint.sources import Source

    registry = registry_for(Config())
    text = "标题\r\n\n正文一行\n末行"
    document = load_document(Source(Path("r.txt"), "r.txt", text.encode(), "text"), registry)
    assert [document.text[line.start : line.end] for line in document.lines] == ["标题", "", "正文一行", "末行"]
    assert document.lines is document.lines
    report = registry.report(document, Config(), Path("r.txt"))
    assert report.lines is document.lines


@given(st.text(alphabet="一二、　“”（）29 \t\r\n", max_size=40))
def test_a_documents_line_texts_are_its_lines_in_the_normalised_text(text):
    from reportlint.core.model import Document

    document = Document("r.txt", text, (), LineIndex(text), "text")
    assert document.line_texts == tuple(document.normalized[line.start : line.end] for line in document.lines)


@given(st.text(alphabet="ab\n", max_size=15), st.integers(1, 3), st.integers(1, 3), st.integers(-3, 18), st.integers(-3, 18))
def test_a_line_index_locates_both_ends_by_their_positions(text, first_line, first_column, start, end):
    index = LineIndex(text, first_line, first_column)
    line, column = index.position(start)
    end_line, end_column = index.position(max(start, end - 1))
    expected = Location(line, column, end_line, end_column + (1 if end > start else 0))
    located = index.locate(start, end)
    assert located == expected
    assert repr(located) == repr(expected) and hash(located) == hash(expected)


@given(st.text(alphabet="ab\n\r", max_size=15), st.integers(0, 15))
def test_a_line_index_counts_the_newlines_before_a_position(text, offset):
    offset = min(offset, len(text))
    assert LineIndex(text).position(offset) == (text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset))


_RANGES = st.lists(st.tuples(st.integers(-3, 18), st.integers(-3, 18)), max_size=8)


@given(st.text(alphabet="ab\n", max_size=15), st.integers(1, 3), st.integers(1, 3), _RANGES.map(sorted) | _RANGES)
def test_line_index_places_of_many_ranges_are_those_of_each_alone(text, first_line, first_column, spans):
    # ranges in text order reuse the line of the one before; in any order they are placed as each one alone is
    index = LineIndex(text, first_line, first_column)
    assert index.places(spans) == [place for span in spans for place in index.places([span])]


def test_line_index_places_are_lines_and_columns_of_both_ends():
    text = "第一行\n政府信息公开 公开工作\r\n\n第三行"
    spans = [(0, 3), (1, 1), (2, 6), (4, 10), (17, 18), (19, 22), (-1, 0), (20, 40)]
    assert LineIndex(text).places(spans) == [
        (0, 3, 1, 1, 1, 4),
        (1, 1, 1, 2, 1, 2),  # an empty range: at its start
        (2, 6, 1, 3, 2, 3),  # across a line end
        (4, 10, 2, 1, 2, 7),
        (17, 18, 3, 1, 3, 2),  # the empty line's newline
        (19, 22, 4, 2, 4, 5),
        (-1, 0, 1, 1, 1, 2),  # before the text: its start
        (20, 40, 4, 3, 4, 5),  # past the text: its end
    ]
    shifted = LineIndex(text, first_line=5, first_column=3)  # a fragment that starts inside a line: only its first line shifts
    assert shifted.places([(0, 3), (2, 6), (19, 22)]) == [(0, 3, 5, 3, 5, 6), (2, 6, 5, 5, 6, 3), (19, 22, 8, 2, 8, 5)]
    location = shifted.locate(2, 6)
    assert (location.line, location.column, location.end_line, location.end_column) == (5, 5, 6, 3)


def test_segment_map_places_name_lines_columns_and_the_first_segment_s_logical_place_and_page():
    text = "标题\n规章\t0\n第二\n段落"
    segments = [
        Segment(0, 2, line=10, column=5, logical="第1段", page=1),
        Segment(3, 7, line=20, column=9, logical="表格1 第2行 第1列", page=1),
        Segment(8, 13, line=30, column=1, page=2),
    ]
    spans = [(0, 2), (1, 1), (3, 7), (0, 7), (8, 13), (9, 12), (-1, 0), (12, 20)]
    assert SegmentMap(text, segments).places(spans) == [
        (0, 2, 10, 5, 10, 7, "第1段", 1),
        (1, 1, 10, 6, 10, 6, "第1段", 1),  # an empty range: at its start
        (3, 7, 20, 9, 20, 13, "表格1 第2行 第1列", 1),
        (0, 7, 10, 5, 20, 13, "第1段", 1),  # across segments: the first one's logical place
        (8, 13, 30, 1, 31, 3, None, 2),  # a newline inside a segment starts a line
        (9, 12, 30, 2, 31, 2, None, 2),
        (-1, 0, 10, 5, 10, 6, "第1段", 1),  # before the text: the first segment
        (12, 20, 31, 2, 31, 4, None, 2),  # past the last segment's end: clamped to it
    ]
    assert SegmentMap(text, segments[1:]).places([(0, 2), (8, 13)]) == [
        (0, 2, 20, 9, 20, 10, "表格1 第2行 第1列", 1),  # before the first segment: that segment
        (8, 13, 30, 1, 31, 3, None, 2),
    ]
    assert SegmentMap(text, []).places([(3, 7), (-1, 0)]) == [(3, 7, 1, 4, 1, 8, None, None), (-1, 0, 1, 0, 1, 1, None, None)]
    location = SegmentMap(text, segments).locate(0, 7)
    assert (location.line, location.column, location.end_line, location.end_column, location.logical, location.page) == (
        10,
        5,
        20,
        13,
        "第1段",
        1,
    )


def _spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    paragraphs = line_paragraphs(text, start, end)
    assert all(type(paragraph) is Paragraph for paragraph in paragraphs)
    return [(paragraph.start, paragraph.end) for paragraph in paragraphs]


def test_each_non_blank_line_is_a_paragraph_without_its_carriage_returns():
    text = "标题\r\n\r\n  \n第一段。\r\r\n\u3000\n第二段\n"
    assert _spans(text) == [(0, 2), (9, 13), (18, 21)]
    assert [text[start:end] for start, end in _spans(text)] == ["标题", "第一段。", "第二段"]


def test_a_range_of_the_text_keeps_offsets_in_the_whole_text():
    text = "前言\n一、总体情况\n正文\n附件"
    start, end = text.index("一"), text.index("附")
    assert _spans(text, start, end) == [(3, 9), (10, 12)]
    assert _spans(text, start, end - 1) == [(3, 9), (10, 12)]


def test_paragraphs_made_fast_equal_paragraphs_made_as_usual():
    made = line_paragraphs("甲\n乙")
    assert made == [Paragraph(0, 1), Paragraph(2, 3)]
    assert hash(made[0]) == hash(Paragraph(0, 1)) and repr(made[1]) == "Paragraph(start=2, end=3)"


def test_text_without_lines_has_no_paragraphs():
    assert line_paragraphs("") == []
    assert line_paragraphs(" \n\t\r\n") == []


def test_a_plain_text_s_blocks_are_its_line_paragraphs_as_a_sequence_equal_to_their_tuple():
    text = "标题\r\n\n第一段。\n第二段"
    blocks = LineParagraphs(text)
    made = (Paragraph(0, 2), Paragraph(5, 9), Paragraph(10, 13))
    assert len(blocks) == 3 and blocks[1] == Paragraph(5, 9) and blocks[-1] == made[-1] and blocks[:2] == made[:2]
    assert list(blocks) == list(made) and tuple(blocks) == made
    assert blocks == made and made == blocks and blocks == LineParagraphs(text) and blocks != LineParagraphs("标题")
    assert blocks != list(made)  # as a tuple is not equal to a list
    assert hash(blocks) == hash(made) and repr(blocks) == f"LineParagraphs({made!r})"
    assert LineParagraphs("") == () and not LineParagraphs(" \n")


def test_a_plain_text_report_is_checked_without_making_its_blocks(monkeypatch):
    import reportlint.core.model as model
    from reportlint import lint_text
    from reportlint.testing.reports import SampleReport, render

    def refused(*arguments):
        raise AssertionError("the blocks of a plain text were made")

    monkeypatch.setattr(model, "line_paragraphs", refused)
    text = render(SampleReport.build(balanced=False), "tabs")
    assert {diagnostic.code for diagnostic in lint_text(text, filename="r.txt")} >= {"RL301"}  # read and checked
    with pytest.raises(AssertionError, match="were made"):
        list(LineParagraphs("甲"))


def test_a_document_knows_a_plain_text_has_no_tables_or_headings_and_finds_a_loader_s():
    from reportlint.core.model import Document, Table

    def document(blocks):
        return Document(path="r", text="标题\n表", blocks=blocks, source_map=LineIndex("标题\n表"), format="test")

    plain = document(LineParagraphs("标题\n表"))
    assert plain.tables == () and plain.headings == ()
    table, heading = Table(3, 4, rows=()), Heading(0, 2, level=1)
    loaded = document((heading, table))
    assert loaded.tables == (table,) and loaded.headings == (heading,)
