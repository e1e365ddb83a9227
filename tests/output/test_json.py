"""The JSON output's own writer: the bytes ``json.dumps(payload, ensure_ascii=False, indent=2)`` gives, for any values."""

from __future__ import annotations

import enum
import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.core.config import Config
from reportlint.core.diagnostics import Diagnostic, Fix, Related, Severity
from reportlint.core.model import Location
from reportlint.output import json as json_output
from reportlint.run.results import FileResult, PluginFailure, RunResult, SkippedFile


def standard(value: object, depth: int = 0) -> str:
    """What the standard library writes for ``value`` nested ``depth`` levels deep (its continuation lines indented so)."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)


TRICKY_STRINGS = ["", "普通的中文", 'quote " and \\ backslash', "\n\r\t\b\f", "\x00\x01\x1f\x7f", "\u2028\u2029", "😀 e\u0301", "</script>"]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
    | st.sampled_from(TRICKY_STRINGS),
    lambda children: (
        st.lists(children, max_size=4)
        | st.lists(children, max_size=3).map(tuple)
        | st.dictionaries(st.text(max_size=5) | st.sampled_from(TRICKY_STRINGS), children, max_size=4)
        | st.dictionaries(st.integers() | st.floats() | st.booleans() | st.none(), children, max_size=3)
    ),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(value=json_values, depth=st.integers(min_value=0, max_value=6))
def test_any_value_is_written_as_the_standard_encoder_writes_it(value, depth):
    pieces: list[str] = []
    json_output._encode(value, depth, pieces)
    assert "".join(pieces) == standard(value, depth)
    assert json_output._value(value, depth) == standard(value, depth)


class Level(enum.IntEnum):
    LOW = 1


class Label(str, enum.Enum):
    A = "甲"


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        (),
        {"a": {}, "b": [], "c": [{}]},
        [[[[[]]]]],
        [math.nan, math.inf, -math.inf, -0.0, 1e300, 5e-324, 0.1],
        {3: "int key", 2.5: "float key", True: "bool key", False: "false key", None: "none key"},
        {math.inf: 1, -math.inf: 2},
        [True, False, None, 0, -1, 2**100],
        [Level.LOW, Label.A],  # an IntEnum is its number, a str Enum its text, as the standard encoder writes them
        {"深": {"层": {"嵌": {"套": [1, {"x": None}]}}}},
        {f"k{index}": [index] * index for index in range(40)},  # deeper than any precomputed indent
    ],
)
def test_edge_values_are_written_as_the_standard_encoder_writes_them(value):
    assert json_output._value(value, 2) == standard(value, 2)


def test_values_json_cannot_hold_raise_the_standard_errors():
    with pytest.raises(TypeError, match="not JSON serializable"):
        json_output._value({"a": object()}, 0)
    with pytest.raises(TypeError, match="keys must be str"):
        json_output._value({(1, 2): "tuple key"}, 0)


# --------------------------------------------------------------------------- findings


locations = st.builds(
    Location,
    line=st.integers(min_value=1, max_value=10**6),
    column=st.integers(min_value=1, max_value=500),
    end_line=st.integers(min_value=1, max_value=10**6),
    end_column=st.integers(min_value=1, max_value=500),
    logical=st.none() | st.just("") | st.sampled_from(["表格3 第5行 第2列", "第2页 第14行"]) | st.text(max_size=8),
    page=st.none() | st.integers(min_value=0, max_value=300),
)
texts = st.text(max_size=30) | st.sampled_from(TRICKY_STRINGS)
offsets = st.integers(min_value=0, max_value=10**7)
related_places = st.builds(
    Related, start=offsets, end=offsets, message=texts, location=st.none() | locations, path=st.sampled_from(["", "b.txt", "乙/报告.docx"])
)
fixes = st.builds(Fix, start=offsets, end=offsets, replacement=texts, description=texts)
diagnostics = st.builds(
    Diagnostic,
    code=st.sampled_from(["RL301", "RL704", "GS101"]),
    name=st.sampled_from(["row-total", "copied-prose"]),
    severity=st.sampled_from(list(Severity)),
    message=texts,
    start=offsets,
    end=offsets,
    related=st.lists(related_places, max_size=3).map(tuple),
    fix=st.none() | fixes,
    path=st.sampled_from(["a.txt", "目录/甲.docx", 'odd"name\\.txt']),
    location=st.none() | locations,
    fingerprint=st.text(alphabet="0123456789abcdef", max_size=32),
    origin=st.sampled_from(["builtin", "plugin:gansu", "pack:规则.yaml"]),
)


@settings(max_examples=300, deadline=None)
@given(diagnostic=diagnostics, depth=st.integers(min_value=0, max_value=6))
def test_a_finding_is_written_as_its_dict_would_be(diagnostic, depth):
    assert json_output._diagnostic(diagnostic, depth) == standard(json_output.diagnostic_dict(diagnostic), depth)


class PageLocation(Location):
    """A plugin loader's own location class: written through its as_dict."""

    def as_dict(self) -> dict[str, int | str]:
        return {"page_only": self.page or 0}


def test_a_location_of_another_class_is_written_through_its_as_dict():
    diagnostic = Diagnostic("PL101", "x", Severity.INFO, "消息", location=PageLocation(1, 1, 1, 2, page=3))
    assert json_output._diagnostic(diagnostic, 4) == standard(json_output.diagnostic_dict(diagnostic), 4)
    assert '"page_only": 3' in json_output._diagnostic(diagnostic, 4)


@settings(max_examples=60, deadline=None)
@given(
    files=st.lists(
        st.builds(
            FileResult,
            path=st.sampled_from(["a.txt", "目录/甲.docx", "b\x01.txt"]),
            diagnostics=st.lists(diagnostics, max_size=3).map(tuple),
            format=st.none() | st.sampled_from(["text", "docx"]),
        ),
        max_size=4,
    ),
    skipped=st.lists(st.builds(SkippedFile, path=texts, reason=texts), max_size=2).map(tuple),
    failures=st.lists(st.builds(PluginFailure, plugin=texts, message=texts), max_size=2).map(tuple),
)
def test_a_whole_document_is_the_standard_encoding_of_its_payload(files, skipped, failures):
    run = RunResult(files=tuple(files), rules=(), failures=failures, config=Config(), skipped=skipped)
    reporter = json_output.JsonReporter()
    expected = json.dumps(json_output.payload(run), ensure_ascii=False, indent=2) + "\n"
    assert reporter.render(run) == expected
    assert reporter.render_bytes(run) == expected.encode("utf-8")


@pytest.mark.parametrize(
    "diagnostic",
    [
        Diagnostic("PL1", "x", Severity.ERROR, "m", start=True, end=2.5),  # type: ignore[arg-type]
        Diagnostic("PL1", "x", Severity.ERROR, "m", location=Location(1.0, 2, 3, 4)),  # type: ignore[arg-type]
        Diagnostic("PL1", "x", Severity.ERROR, "m", location=Location(1, 2, 3, 4, logical=7, page=True)),  # type: ignore[arg-type]
        Diagnostic("PL1", "x", Severity.ERROR, "m", related=(Related(0, 1, 5, None, "b.txt"),)),  # type: ignore[arg-type]
        Diagnostic("PL1", "x", Severity.ERROR, "m", related=(Related(0, 1, "另一处", Location(1, 1, 1, 1.5)),)),  # type: ignore[arg-type]
        Diagnostic("PL1", "x", Severity.ERROR, 12, fingerprint=None),  # type: ignore[arg-type]
        Diagnostic("PL1", "x", Severity.ERROR, "m", fix=Fix(0, 1.0, "改", "说明")),  # type: ignore[arg-type]
    ],
)
def test_a_finding_holding_values_of_other_types_is_still_written_as_its_dict_would_be(diagnostic):
    assert json_output._diagnostic(diagnostic, 4) == standard(json_output.diagnostic_dict(diagnostic), 4)
