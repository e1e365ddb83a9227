"""The stage record a worker shares with its supervisor: read while it is written, it never shows a false start time."""

from __future__ import annotations

import struct

import pytest

from reportlint.run import stages
from reportlint.run.stages import BLOCK_SIZE, SharedStages, Stage, mark_idle, read_shared


def _block() -> memoryview:
    block = memoryview(bytearray(BLOCK_SIZE))
    mark_idle(block)
    return block


def test_a_worker_records_its_file_stage_and_rule():
    block = _block()
    shared = SharedStages(block)
    shared.begin(7)
    shared.enter(Stage.RULE, "RL301")
    index, started, stage, label = read_shared(block)
    assert (index, stage, label) == (7, Stage.RULE, "RL301") and started > 0
    mark_idle(block)
    assert read_shared(block)[0] == -1


def test_a_block_read_halfway_through_mark_idle_is_idle():
    block = _block()
    SharedStages(block).begin(7)
    struct.pack_into("=d", block, 8, 0.0)  # mark_idle has cleared the start time, not yet the index
    assert read_shared(block)[0] == -1


class _Recorded:
    """A struct whose writes are recorded in order (which part of the block each wrote)."""

    def __init__(self, name: str, real: struct.Struct, writes: list[str]) -> None:
        self.name, self.real, self.writes, self.size = name, real, writes, real.size

    def pack_into(self, block, offset, *values):
        self.writes.append(self.name)
        self.real.pack_into(block, offset, *values)


@pytest.fixture
def writes(monkeypatch):
    order: list[str] = []
    monkeypatch.setattr(stages, "_INDEX", _Recorded("index", stages._INDEX, order))
    monkeypatch.setattr(stages, "_TIMING", _Recorded("start time", stages._TIMING, order))
    return order


def test_a_file_begins_with_its_start_time_and_then_its_index(writes):
    block = _block()
    writes.clear()
    SharedStages(block).begin(3)
    # a supervisor reading between the two writes sees an idle worker, never file 3 started at 0.0 (long past)
    assert writes == ["start time", "index"]
    assert read_shared(block)[0] == 3


def test_a_worker_goes_idle_with_its_index_and_then_its_start_time(writes):
    block = _block()
    SharedStages(block).begin(3)
    writes.clear()
    mark_idle(block)
    assert writes == ["index", "start time"]
