"""Prose statements of numbers the tables hold: which table cells a sentence such as ``收到政府信息公开申请3件`` speaks of.

A :class:`TableQuantity` names one or more template cells (summed), a
:class:`CountStatement` a sentence pattern stating such a number (or stating
that there is none). The text ↔ table rule (RL313) checks these statements
against the report's own tables; the cross-year rule RL705 checks the changes
they state (``较上年增加12件``) against last year's tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING

from reportlint.core.diagnostics import Related
from reportlint.text.changes import Change, find_changes
from reportlint.text.numbers import parse_amount
from reportlint.text.quantities import NUMBER
from reportlint.text.segmentation import Span, clause_start
from reportlint.usercache.patterns import compiled

if TYPE_CHECKING:
    from reportlint.template.filled import FilledCell
    from reportlint.template.reading import Reading
    from reportlint.template.spec import TableSpec


@dataclass(frozen=True)
class TableValue:
    """What the tables hold for a prose statement: the cells read and their sum; their names in messages are worked
    out when a message asks (most statements agree with the tables and need none)."""

    cells: tuple[FilledCell, ...]
    #: Where each cell is: its table's spec, row id and column id.
    places: tuple[tuple[TableSpec, str, str], ...]
    total: int | Decimal

    @cached_property
    def names(self) -> tuple[str, ...]:
        """Each cell as messages name it: ``第三部分表格“…”“一、本年新收…”行“总计”列``."""
        return tuple(spec.display + spec.cell_name(row, column) for spec, row, column in self.places)

    @cached_property
    def description(self) -> str:
        """The cells as a message names them (``…表格“…”中A与B之和`` for several cells of one table)."""
        return _describe([spec.display for spec, _, _ in self.places], [spec.cell_name(row, column) for spec, row, column in self.places])

    def related(self) -> list[Related]:
        """Each cell as a related location of a diagnostic."""
        return [
            Related(cell.start, cell.end, f"{name} = {cell.value}")
            for name, cell in zip(self.names, self.cells, strict=True)
            if cell.start is not None and cell.end is not None
        ]


@dataclass(frozen=True)
class TableQuantity:
    """A number of the filled tables a prose statement can be checked against: one or more cells summed.

    ``cells`` are (table, row, column candidates); the first candidate column the
    table's template has is used (``made`` in T2021, ``new_made`` in T2019).
    """

    cells: tuple[tuple[str, str, tuple[str, ...]], ...]

    def read(self, reading: Reading) -> TableValue | None:
        """The cells and their sum; None when a table or cell is absent or not readable with confidence."""
        cells: list[FilledCell] = []
        places: list[tuple[TableSpec, str, str]] = []
        total: int | Decimal = 0
        for table_id, row, columns in self.cells:
            table = reading.table(table_id)
            if table is None:
                return None
            column = next((column for column in columns if any(spec.id == column for spec in table.spec.columns)), None)
            if column is None:
                return None
            cell = table.cell(row, column)
            if not cell.is_readable:
                return None
            cells.append(cell)
            places.append((table.spec, row, column))
            total += cell.value  # type: ignore[operator]  # (a readable cell has a value)
        return TableValue(tuple(cells), tuple(places), total)


def _describe(tables: Sequence[str], names: Sequence[str]) -> str:
    """``第三部分表格“…”“一、本年新收…”行“总计”列``, or ``…表格“…”中A与B之和`` for several cells of one table."""
    if len(names) == 1:
        return tables[0] + names[0]
    if len(set(tables)) == 1:
        return f"{tables[0]}中" + "与".join(names) + "之和"
    return "与".join(table + name for table, name in zip(tables, names, strict=True)) + "之和"


APPLICATIONS = TableQuantity((("s3", "r1", ("c_total",)),))
REVIEWS = TableQuantity((("s4", "cases", ("rv_total",)),))
LAWSUITS = TableQuantity((("s4", "cases", ("ld_total",)), ("s4", "cases", ("lr_total",))))
NORMATIVE_MADE = TableQuantity((("s2_20_1", "normative", ("made", "new_made")),))

# A comparison with last year before a number: the number is a change, not a count.
_COMPARISON = compiled(r"较|同比|比上|比去|与上一?年|与去年")
# A gap inside one clause that holds no number.
_GAP = r"[^,;:。!?\d\n]"
_NEGATION = r"(?:未发生|没有发生|未出现|没有出现|不存在|未有|没有|未被|未因|未|无(?![法论]))"


@dataclass(frozen=True)
class CountStatement:
    """A sentence pattern stating a number the tables also hold (group ``n``), or stating that there is none."""

    pattern: re.Pattern
    quantity: TableQuantity
    #: What a count statement states, for messages (none-statements are quoted instead).
    subject: str = ""
    #: Words that, inside the matched text, mean the statement is something else
    #: (行政复议和行政诉讼 counted together; 可以提起行政诉讼 is a right, not an event).
    excluded: tuple[str, ...] = ()
    #: A word every match holds (one of :data:`STATEMENT_WORDS`): a sentence without it is not searched.
    word: str = ""

    def matches(self, text: str, sentence: Span) -> Iterator[re.Match]:
        """The statements in a sentence (a number that is a change against last year, ``较上年减少1件``, is not one)."""
        for match in self.pattern.finditer(text, sentence.start, sentence.end):
            if any(word in match.group() for word in self.excluded):
                continue
            if "n" in self.pattern.groupindex and _COMPARISON.search(text, match.start(), match.start("n")):
                continue
            yield match


COUNT_STATEMENTS = (
    CountStatement(
        compiled(
            rf"(?:收到|接到|受理|接收|新收){_GAP}{{0,12}}?(?:政府信息公开申请|依申请公开(?:政府信息)?(?:申请)?){_GAP}{{0,6}}?(?P<n>{NUMBER})\s*件(?!次)"
        ),
        APPLICATIONS,
        "收到政府信息公开申请",
        word="申请",
    ),
    CountStatement(compiled(rf"行政复议(?:案件|申请)?{_GAP}{{0,6}}?(?P<n>{NUMBER})\s*[件起宗次]"), REVIEWS, "行政复议", ("诉讼",), "复议"),
    CountStatement(
        compiled(rf"(?<!复议[和及、与])行政诉讼(?:案件)?{_GAP}{{0,6}}?(?P<n>{NUMBER})\s*[件起宗次]"),
        LAWSUITS,
        "行政诉讼",
        ("复议",),
        "诉讼",
    ),
    CountStatement(
        compiled(rf"(?:制发|出台|制定|印发|新制作){_GAP}{{0,6}}?规范性文件{_GAP}{{0,4}}?(?P<n>{NUMBER})\s*[件个份部]"),
        NORMATIVE_MADE,
        "制发规范性文件",
        word="规范性文件",
    ),
)
# 可以/应当 申请行政复议 is a right explained, 将 a plan: neither says whether a case happened.
_NOT_AN_EVENT = ("可", "应", "将")
NONE_STATEMENTS = (
    CountStatement(compiled(rf"(?:未|没有|无)(?:收到|接到|受理){_GAP}{{0,10}}?申请(?!人)"), APPLICATIONS, word="申请"),
    CountStatement(compiled(rf"{_NEGATION}{_GAP}{{0,24}}?行政复议"), REVIEWS, excluded=_NOT_AN_EVENT, word="复议"),
    CountStatement(compiled(rf"{_NEGATION}{_GAP}{{0,24}}?诉讼"), LAWSUITS, excluded=_NOT_AN_EVENT, word="诉讼"),
    CountStatement(compiled(rf"(?:未|没有|无)(?:制发|出台|制定|印发){_GAP}{{0,6}}?规范性文件"), NORMATIVE_MADE, word="规范性文件"),
)

#: The statements' words (:attr:`CountStatement.word`): the text ↔ table rule finds them once in the whole text (one
#: :meth:`str.find` scan per word, half what a regular expression of the four costs) and tries on each sentence
#: only the statements whose word it holds (most sentences hold none).
STATEMENT_WORDS = ("申请", "复议", "诉讼", "规范性文件")

#: What a change against last year is about when its clause names the quantity without stating it (``行政复议案件较上年减少1件``).
_CHANGE_SUBJECTS = (
    (compiled("政府信息公开申请|依申请公开"), COUNT_STATEMENTS[0]),
    (compiled("行政复议"), COUNT_STATEMENTS[1]),
    (compiled("行政诉讼"), COUNT_STATEMENTS[2]),
    (compiled("规范性文件"), COUNT_STATEMENTS[3]),
)
# What may stand between a count and the change stated right after it (``15件，较上年…``, ``15件，比…``).
_BETWEEN = compiled(r"[\s,，]*")


@dataclass(frozen=True)
class StatedChange:
    """A change against last year of a number the tables hold: which statement it is about, the number stated, the change."""

    statement: CountStatement
    stated: int | Decimal | None
    change: Change


def stated_changes(text: str, sentence: Span) -> Iterator[StatedChange]:
    """The changes against last year in a sentence that are about a table quantity.

    A change right after a count statement (``收到政府信息公开申请15件，较上年增加12件``)
    is about that count, which the sentence states; a change whose own clause
    names the quantity (``依申请公开数量较上年增加12件``) is about it without
    stating this year's number.
    """
    changes = find_changes(text, sentence.start, sentence.end)
    if not changes:
        return
    counts = sorted(
        ((match, statement) for statement in COUNT_STATEMENTS for match in statement.matches(text, sentence)),
        key=lambda item: item[0].end(),
    )
    previous: StatedChange | None = None
    for change in changes:
        found: StatedChange | None = None
        for match, statement in reversed(counts):
            if match.end() <= change.start and _BETWEEN.fullmatch(text, match.end(), change.start):
                found = StatedChange(statement, parse_amount(match.group("n")), change)
                break
        if found is None and previous is not None and _BETWEEN.fullmatch(text, previous.change.end, change.start):
            found = StatedChange(previous.statement, previous.stated, change)  # 较上年增加12件，增长80%
        if found is None:
            clause = text[clause_start(text, change.start, sentence.start) : change.start]
            statement = next((statement for pattern, statement in _CHANGE_SUBJECTS if pattern.search(clause)), None)
            found = StatedChange(statement, None, change) if statement is not None else None
        if found is not None:
            yield found
        previous = found
