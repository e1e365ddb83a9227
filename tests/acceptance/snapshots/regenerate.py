"""Writes the output snapshots of this directory: every output format on the examples and test corpora.

Run ``python tests/acceptance/snapshots/regenerate.py`` from the repository root after a change
that is *meant* to change what reportlint prints, and review the diff of the
stored files. ``tests/acceptance/test_snapshots.py`` checks that today's outputs are
byte-identical to the stored ones, so a refactoring that changes nothing users
see keeps every snapshot as it is.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent

#: Folders whose reports are snapshotted, relative to the repository root.
CORPORA = ("examples", "tests/fixtures/reports", "tests/loaders/fixtures")
#: Every output format of ``reportlint check``, with the snapshot file's suffix.
FORMATS = {
    "text": "txt",
    "full": "full.txt",
    "json": "json",
    "sarif": "sarif",
    "github": "github.txt",
    "gitlab": "gitlab.json",
    "html": "html",
    "csv": "csv",
}
#: The date the review page states (``SOURCE_DATE_EPOCH``, 2026-01-01), so the snapshots do not change every day.
SOURCE_DATE_EPOCH = "1767225600"


def snapshot_name(corpus: str, suffix: str) -> str:
    """The snapshot file of one corpus in one format (``examples.json``)."""
    return corpus.replace("/", "__") + "." + suffix


def corpus_files(corpus: str) -> list[Path]:
    """The report files of a corpus folder, sorted, relative to the repository root."""
    folder = REPO / corpus
    return sorted(path.relative_to(REPO) for path in folder.iterdir() if path.suffix in {".txt", ".md", ".html"})


def invoke(*args: str) -> str:
    """Run the ``reportlint`` command in this process (from the repository root) and return its stdout."""
    from typer.testing import CliRunner

    from reportlint.cli import app

    result = CliRunner().invoke(app, list(args), env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
    assert result.exit_code in (0, 1), result.output
    return machine_independent(result.stdout)


def machine_independent(output: str) -> str:
    """The output with this checkout's absolute location (SARIF's ``originalUriBaseIds``) replaced by a placeholder."""
    return output.replace(REPO.as_uri() + "/", "file:///REPOSITORY/")


def outputs() -> Iterator[tuple[str, str]]:
    """Every snapshot as (file name, content); the checkout's own location (SARIF's ``%SRCROOT%``) reads ``file:///REPO/``."""
    for corpus in CORPORA:
        paths = [str(path) for path in corpus_files(corpus)]
        for fmt, suffix in FORMATS.items():
            output = invoke("check", "--isolated", "--no-progress", "-j", "1", "-f", fmt, *paths)
            yield snapshot_name(corpus, suffix), output.replace(REPO.as_uri() + "/", "file:///REPO/")
        for path in paths:
            yield "parse__" + path.replace("/", "__") + ".txt", invoke("parse", "--isolated", path)


def main() -> None:
    os.chdir(REPO)
    os.environ["REPORTLINT_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    for name, content in outputs():
        (HERE / name).write_text(content, encoding="utf-8", newline="")
        print(name, file=sys.stderr)


if __name__ == "__main__":
    main()
