"""The user cache keeps parsed shipped data between runs, keyed by the source's bytes; an edit or damage means a fresh parse."""

from __future__ import annotations

import marshal
import os
import time

import pytest

from reportlint import usercache
from reportlint.core.yamlio import read_yaml
from reportlint.places import datafile
from reportlint.places.datafile import read_division_file
from reportlint.places.matcher import lengths_by_ending


def test_parsed_yaml_is_kept_and_an_edited_file_is_parsed_again(cache_dir, tmp_path):
    spec = tmp_path / "pack.yaml"
    spec.write_text("rules:\n  - code: GS101\n", encoding="utf-8")
    assert read_yaml(spec, with_lines=False) == {"rules": [{"code": "GS101"}]}
    [kept] = (cache_dir / "yaml-safe").iterdir()
    spec.write_text("rules:\n  - code: GS102\n", encoding="utf-8")
    assert read_yaml(spec, with_lines=False) == {"rules": [{"code": "GS102"}]}
    assert len(list((cache_dir / "yaml-safe").iterdir())) == 2
    kept.write_bytes(b"\x00damaged")
    spec.write_text("rules:\n  - code: GS101\n", encoding="utf-8")
    assert read_yaml(spec, with_lines=False) == {"rules": [{"code": "GS101"}]}
    assert read_yaml(spec, with_lines=False) == {"rules": [{"code": "GS101"}]}


def test_a_cached_value_is_the_made_value_and_make_runs_once(cache_dir):
    calls = []

    def make():
        calls.append(1)
        return {"names": ["秦安县"], "codes": [620522]}

    assert (
        usercache.cached("test", b"source", make) == usercache.cached("test", b"source", make) == {"names": ["秦安县"], "codes": [620522]}
    )
    assert len(calls) == 1
    assert usercache.cached("test", b"other source", make) == {"names": ["秦安县"], "codes": [620522]}
    assert len(calls) == 2


def test_values_marshal_cannot_hold_are_made_every_time(cache_dir):
    import datetime as dt

    assert usercache.cached("test", b"x", lambda: dt.date(2022, 1, 1)) == dt.date(2022, 1, 1)
    assert not (cache_dir / "test").exists() or not list((cache_dir / "test").iterdir())


def test_the_gazetteer_columns_are_the_same_from_the_cache(cache_dir, monkeypatch):
    first = read_division_file()
    second = read_division_file()
    assert list((cache_dir / f"gazetteer-{datafile._CACHED_FORMAT}").iterdir())
    monkeypatch.setenv(usercache.USER_CACHE_ENV, "off")
    usercache.user_cache_dir.cache_clear()
    fresh = read_division_file()
    assert first == second == fresh
    assert len(fresh.names) > 40000
    assert fresh.name_lengths == lengths_by_ending([*fresh.names, *fresh.aliases]) and fresh.name_lengths["乌镇"][-1] == 2  # 乌镇 itself
    assert [fresh.names[index] for index in fresh.aliases["杨梅乡"]] == ["杨梅彝族苗族回族乡"]  # an ethnic township's usual name


def test_old_values_of_a_kind_are_removed_when_a_new_one_is_written(cache_dir):
    usercache.cached("test", b"old", lambda: "old")
    usercache.cached("test", b"recent", lambda: "recent")
    files = {marshal.loads(path.read_bytes()): path for path in (cache_dir / "test").iterdir()}
    long_ago = time.time() - usercache.MAX_AGE - 60
    os.utime(files["old"], (long_ago, long_ago))
    assert usercache.cached("test", b"old", lambda: "made again") == "old", "a kept value is used whatever its age"
    usercache.cached("test", b"new", lambda: "new")
    assert not files["old"].exists() and files["recent"].exists()
    assert usercache.cached("test", b"old", lambda: "made again") == "made again"


def test_a_store_grown_too_large_keeps_only_what_the_process_used_and_added(cache_dir, monkeypatch):
    monkeypatch.setattr(usercache, "MAX_KEPT_ENTRIES", 10)
    store = usercache.InterpreterStore("test-store")
    for number in range(8):
        store.put(("old", number), number)
    store.save()
    other = usercache.InterpreterStore("test-store")  # the next process
    assert other.get(("old", 1)) == 1
    for number in range(3):
        other.put(("new", number), number)
    other.save()  # 11 entries: over the bound
    kept = usercache.InterpreterStore("test-store")
    wanted = [("old", 1), ("new", 0), ("new", 1), ("new", 2)]
    assert [kept.get(key) for key in wanted] == [1, 0, 1, 2]
    assert kept.get(("old", 2)) is None
    third = usercache.InterpreterStore("test-store")
    third.put(("more", 0), 0)
    third.save()  # 5 entries: under the bound, all kept
    assert usercache.InterpreterStore("test-store").get(("old", 1)) == 1


def test_a_file_is_replaced_whole_and_no_temporary_file_stays(tmp_path):
    target = tmp_path / "values.bin"
    target.write_bytes(b"old")
    usercache.write_atomically(str(target), b"new" * 1000)
    assert target.read_bytes() == b"new" * 1000
    with pytest.raises(TypeError):
        usercache.write_atomically(str(target), "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"new" * 1000, "a failed write leaves the old file"
    assert [path.name for path in tmp_path.iterdir()] == ["values.bin"]
