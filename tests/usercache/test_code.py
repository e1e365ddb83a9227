"""Code kept in the user cache is the code Python compiles: dataclasses made with it are the ones Python makes, relation functions read back run alike; a missing or damaged store means compiling afresh."""

from __future__ import annotations

import dataclasses
import marshal

import pytest

from reportlint import usercache
from reportlint.usercache import code


@pytest.fixture
def store(cache_dir):
    """The folder of the kept code (dataclass methods, relation functions), and a process that has read nothing from it yet."""
    code.CODE.reload()
    yield cache_dir / "code"
    code.CODE.reload()


def _make_cell_class() -> type:
    @dataclasses.dataclass(frozen=True)
    class Cell:
        row: str
        column: str
        value: int | None = None

    return Cell


def _next_process() -> None:
    """What a new run sees: what this process kept, written as at exit and read again."""
    code.CODE.save()
    code.CODE.reload()


def test_importing_reportlint_installs_the_cache_in_dataclasses_only():
    import reportlint  # noqa: F401

    assert vars(dataclasses)["exec"] is code._exec
    assert "exec" not in vars(marshal)


def test_a_dataclass_made_from_kept_code_behaves_as_python_makes_it(store):
    _make_cell_class()
    _next_process()
    [kept_file] = store.iterdir()
    kept = marshal.loads(kept_file.read_bytes())
    assert any("def __init__(self,row:_type_row,column:_type_column,value:_type_value" in source for source in kept)
    cell_class = _make_cell_class()
    assert not code.CODE._new  # every method came from the file
    cell = cell_class("（一）予以公开", "自然人", 3)
    assert cell == cell_class("（一）予以公开", "自然人", 3) != cell_class("（一）予以公开", "自然人", 4)
    assert repr(cell).endswith("Cell(row='（一）予以公开', column='自然人', value=3)")
    assert hash(cell) == hash(cell_class("（一）予以公开", "自然人", 3))
    with pytest.raises(dataclasses.FrozenInstanceError):
        cell.value = 4  # type: ignore[misc]
    assert cell_class("（七）总计", "总计").value is None


def test_a_damaged_file_is_ignored_and_rewritten(store):
    _make_cell_class()
    _next_process()
    [kept_file] = store.iterdir()
    kept_file.write_bytes(b"\x00not marshal")
    assert _make_cell_class()("a", "b", 1).value == 1
    assert code.CODE._new
    _next_process()
    assert any(
        "def __init__(self,row:_type_row,column:_type_column,value:_type_value" in source
        for source in marshal.loads(kept_file.read_bytes())
    )


def test_a_kept_value_that_is_not_code_is_compiled_afresh(store):
    _make_cell_class()
    _next_process()
    [kept_file] = store.iterdir()
    kept = marshal.loads(kept_file.read_bytes())
    kept_file.write_bytes(marshal.dumps(dict.fromkeys(kept, "not code")))
    assert _make_cell_class()("a", "b").column == "b"
    assert code.CODE._new


def test_with_the_user_cache_off_nothing_is_written(store, monkeypatch):
    monkeypatch.setenv(usercache.USER_CACHE_ENV, "off")
    usercache.user_cache_dir.cache_clear()
    assert _make_cell_class()("a", "b", 2).value == 2
    code.CODE.save()
    assert not store.exists()


def test_a_relation_function_is_compiled_once_and_kept_with_its_file_name(store):
    source = "def holds(read, scope, others):\n    return (not True) or (read(1) == read(2))\n"
    first = code.compiled_code(source, "<relation a == b>")
    assert first.co_filename == "<relation a == b>"
    _next_process()
    kept = code.compiled_code(source, "<relation a == b>")
    assert not code.CODE._new  # read back, not compiled again
    assert kept.co_filename == "<relation a == b>" and kept.co_code == first.co_code
    namespace: dict = {}
    exec(kept, namespace)
    assert namespace["holds"]({1: 3, 2: 3}.get, None, ()) is True
    assert namespace["holds"]({1: 3, 2: 4}.get, None, ()) is False
