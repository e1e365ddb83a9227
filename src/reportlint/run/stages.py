"""Where the check of a file is: the stage a worker records, so a timeout, memory error or crash can name it.

The linter enters a stage as it goes (reading the file, loading it, the template
reading, the place analysis, each rule, putting the findings in order). In the
main process the record is two attributes; in a supervised worker it is also
written to a small block of memory shared with the supervisor
(:class:`SharedStages`), which reads it when the worker runs out of time or
dies: the one finding for that file then names the stage and, for a rule, the rule.
"""

from __future__ import annotations

import struct
import time
from enum import IntEnum


class Stage(IntEnum):
    """The stages of checking one file, in order."""

    IDLE = 0
    READ = 1
    LOAD = 2
    READING = 3
    PLACES = 4
    RULE = 5
    FINISH = 6
    #: What batch rules compare of the report (runs that compare reports only); after the rules, before finishing.
    SUMMARY = 7

    @property
    def chinese(self) -> str:
        """The stage's name in messages."""
        return _NAMES[self]


_NAMES = {
    Stage.IDLE: "准备检查",
    Stage.READ: "读取文件",
    Stage.LOAD: "解析文档",
    Stage.READING: "模板阅读",
    Stage.PLACES: "地名分析",
    Stage.RULE: "运行规则",
    Stage.FINISH: "整理结果",
    Stage.SUMMARY: "提取跨文档摘要",
}


def describe(stage: Stage, label: str = "") -> str:
    """``规则 RL109`` for a rule (``label`` is its code), the stage's name otherwise."""
    return f"规则 {label}" if stage is Stage.RULE and label else stage.chinese


class Stages:
    """The stage of the file being checked in this process (the in-process record)."""

    def __init__(self) -> None:
        self.stage = Stage.IDLE
        self.label = ""

    def begin(self, index: int) -> None:
        """A new file (``index`` in the run's order) starts."""
        self.stage, self.label = Stage.IDLE, ""

    def enter(self, stage: Stage, label: str = "") -> tuple[Stage, str]:
        """Enter a stage (``label``: the rule's code); returns the previous one, to go back to."""
        previous = self.stage, self.label
        self.stage, self.label = stage, label
        return previous

    def describe(self) -> str:
        """The current stage for a message."""
        return describe(self.stage, self.label)


#: Layout of the shared block: file index, start time (monotonic), stage, label length, label bytes.
_HEADER = struct.Struct("=qdBB")
#: The block's two parts as the worker writes them, one after the other: the file index; its start time and stage.
_INDEX = struct.Struct("=q")
_TIMING = struct.Struct("=dBB")
LABEL_SIZE = 46
BLOCK_SIZE = _HEADER.size + LABEL_SIZE
#: Where the stage byte is: the stage, the label's length and the label follow each other from there.
_RECORD_START = _HEADER.size - 2


class SharedStages(Stages):
    """A worker's stage record, mirrored into memory shared with its supervisor."""

    def __init__(self, block: memoryview) -> None:
        super().__init__()
        self._block = block
        #: The bytes written for each (stage, label): stage, label length, label — one slice assignment per stage.
        self._records: dict[tuple[Stage, str], bytes] = {}

    def begin(self, index: int) -> None:
        super().begin(index)
        # The start time first, the index last: the supervisor reads the block while it is written, and one that
        # sees the new index must not see the start time of an idle worker (0.0, "long past": a false timeout).
        _TIMING.pack_into(self._block, _INDEX.size, time.monotonic(), Stage.IDLE, 0)
        _INDEX.pack_into(self._block, 0, index)

    def enter(self, stage: Stage, label: str = "") -> tuple[Stage, str]:
        previous = self.stage, self.label
        self.stage, self.label = stage, label
        record = self._records.get((stage, label))
        if record is None:
            encoded = label.encode("utf-8", "replace")[:LABEL_SIZE]
            record = self._records[stage, label] = bytes((stage, len(encoded))) + encoded
        self._block[_RECORD_START : _RECORD_START + len(record)] = record
        return previous


def read_shared(block: memoryview) -> tuple[int, float, Stage, str]:
    """What a worker last recorded: file index (-1 when idle), start time, stage and label.

    A block read halfway through :func:`mark_idle` (the index still there, the start time cleared) is idle.
    """
    index, started, stage, length = _HEADER.unpack_from(block, 0)
    if started <= 0.0:
        index = -1
    label = bytes(block[_HEADER.size : _HEADER.size + min(length, LABEL_SIZE)]).decode("utf-8", "replace")
    return index, started, Stage(stage) if stage in Stage._value2member_map_ else Stage.IDLE, label


def mark_idle(block: memoryview) -> None:
    """Record that a worker is between files (the index first: see :meth:`SharedStages.begin`)."""
    _INDEX.pack_into(block, 0, -1)
    _TIMING.pack_into(block, _INDEX.size, 0.0, Stage.IDLE, 0)
