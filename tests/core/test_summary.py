"""The summary types: places and values packed small, and what reports repeat shared once they travel between processes."""

from __future__ import annotations

import pickle
from array import array
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from reportlint.core.model import Location
from reportlint.core.summary import (
    Body,
    CellValues,
    ChangeClaim,
    CrossDocument,
    Paragraphs,
    Places,
    ReportSummary,
    SectionPrints,
    signed,
    unsigned,
)


def fresh(text: str) -> str:
    """A string equal to ``text`` but a new object (as one read from a worker's pickle or a cache file is)."""
    return "".join(list(text))


def test_places_each_on_one_line_are_four_numbers_and_located_as_given():
    spans = [(5, 8, Location(2, 3, 2, 6)), (10, 10, Location(3, 1, 3, 1)), (12, 14, Location(3, 3, 3, 5))]
    places = Places.of(spans)
    assert places.width == 4 and len(places) == 3 and len(places.packed) == 12 and places.packed.typecode == "H"
    assert [places.offsets(index) for index in range(3)] == [(5, 8), (10, 10), (12, 14)]
    assert [places.location(index) for index in range(3)] == [location for _, _, location in spans]


def test_places_over_several_lines_or_with_other_ends_keep_six_numbers():
    paragraph = [(5, 8, Location(2, 3, 2, 6)), (20, 90, Location(4, 1, 6, 12))]
    extracted = [(5, 8, Location(2, 3, 2, 9))]  # the end is not three columns on: a source map that is not a plain text
    for spans in (paragraph, extracted):
        places = Places.of(spans)
        assert places.width == 6 and len(places) == len(spans)
        assert [places.location(index) for index in range(len(spans))] == [location for _, _, location in spans]


def test_logical_places_and_pages_are_kept():
    spans = [(0, 2, Location(1, 1, 1, 3, "表格1 第2行 第3列", 2)), (3, 5, Location(1, 4, 1, 6))]
    places = Places.of(spans)
    assert [places.location(index) for index in range(2)] == [location for _, _, location in spans]
    assert Places.of([(0, 2, Location(1, 1, 1, 3))]).logical == () and Places.of([(0, 2, Location(1, 1, 1, 3))]).pages == ()


def test_numbers_past_sixteen_bits_are_packed_in_thirty_two():
    places = Places.of([(70_000, 70_010, Location(5_000, 1, 5_000, 11))])
    assert places.packed.typecode == "I" and places.location(0) == Location(5_000, 1, 5_000, 11)
    assert unsigned([0, 65_535]).typecode == "H" and unsigned([65_536]).typecode == "I" and unsigned([]).typecode == "H"
    assert signed([-32_768, 32_767]).typecode == "h" and signed([32_768]).typecode == "i" and signed([-32_769]).typecode == "i"


@given(st.lists(st.integers(0, 2**32 - 1) | st.integers(0, 2**16 + 1)))
def test_unsigned_packs_as_an_array_of_the_narrowest_type_would(values):
    simple = array("H" if not values or max(values) < 1 << 16 else "I", values)
    packed = unsigned(values)
    assert packed.typecode == simple.typecode and packed == simple and unsigned(iter(values)) == simple


@given(st.lists(st.integers(-(2**31), 2**31 - 1) | st.integers(-(2**15) - 1, 2**15)))
def test_signed_packs_as_an_array_of_the_narrowest_type_would(values):
    simple = array("h" if not values or (min(values) >= -(1 << 15) and max(values) < 1 << 15) else "i", values)
    packed = signed(values)
    assert packed.typecode == simple.typecode and packed == simple


def test_cell_values_read_back_whatever_their_width():
    keys = ("s3/r1/c_np", "s3/r1/c_total", "s2_20_8/fees/fee_amount")
    places = Places.of([(index, index + 1, Location(1, index + 1, 1, index + 2)) for index in range(3)])
    cells = CellValues(keys, signed([7, 70_000, 0]), places, {"s3": "T2021"}, {2: Decimal("3.20")})
    assert cells.values.typecode == "i"
    assert [cells.value("s3", "r1", "c_np"), cells.value("s3", "r1", "c_total")] == [7, 70_000]
    assert cells.value("s2_20_8", "fees", "fee_amount") == Decimal("3.20") and cells.location("s3", "r1", "c_total") == Location(1, 2, 1, 3)


def _summary(seed: int) -> ReportSummary:
    keys = tuple(fresh(key) for key in ("s3/r1/c_np", "s3/r1/c_total"))
    places = Places.of([(1, 2, Location(1, 2, 1, 3, fresh("表格1 第2行 第2列"))), (3, 4, Location(1, 4, 1, 5))])
    cells = CellValues(keys, signed([seed, seed + 1]), places, {fresh("s3"): fresh("T2021")})
    claim = ChangeClaim(
        fresh("收到政府信息公开申请"), ((fresh("s3"), "r1", ("c_total",)),), None, Decimal(2), "件", Decimal(1), "较上年增加2件", places
    )
    body = Body(fresh("620522101"), fresh("人民政府"), fresh("秦安县陇城镇人民政府"))
    paragraphs = Paragraphs(bytes([1, 5]), unsigned([60, 80]), bytes(16), bytes(range(8)), 2, places)
    sections = SectionPrints((fresh("s1"), fresh("s5")), bytes(16), bytes(range(8)), 2, fresh("s5"), bytes(4), unsigned([60, 80]), places)
    facts = CrossDocument(body=body, cells=cells, paragraphs=paragraphs, sections=sections, claims=(claim,), prose_length=140)
    return ReportSummary(subject=fresh("秦安县陇城镇"), year=2021, template=fresh("T2021"), cross_document=facts)


def test_summaries_from_another_process_share_what_every_report_repeats():
    first, second = (pickle.loads(pickle.dumps(_summary(seed))) for seed in (1, 2))
    assert first == _summary(1) and second == _summary(2)
    one, other = first.cross_document, second.cross_document
    assert one is not None and other is not None and one.cells is not None and other.cells is not None and one.body is not None
    assert one.cells.keys is other.cells.keys and one.cells.templates is other.cells.templates
    assert one.body.organ is other.body.organ and one.body.name is other.body.name and one.body.code is other.body.code
    assert first.subject is second.subject and first.template is second.template
    assert one.claims[0].quantity is other.claims[0].quantity and one.claims[0].cells is other.claims[0].cells
    assert one.cells.places.logical[0] is other.cells.places.logical[0]
    assert one.sections is not None and other.sections is not None and one.sections.sections is other.sections.sections
    assert one.paragraphs is not None and one.paragraphs.signature(1) == bytes(range(4, 8)) and one.prose_length == 140
