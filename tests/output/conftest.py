"""A supervising office's batch: 50 sample reports in every layout with varied defects, linted once per session."""

from __future__ import annotations

import pytest

from reportlint.output import ReporterOptions
from reportlint.run.options import RunOptions
from reportlint.run.runner import lint_paths
from reportlint.testing.reports import write_batch

#: How the batch is drawn: the same files every time.
BATCH_SIZE, BATCH_SEED, MOST_DEFECTS = 50, 15, 3


@pytest.fixture(scope="session")
def office_batch(tmp_path_factory):
    """The folder of the 50 reports (``r00000.txt`` …)."""
    folder = tmp_path_factory.mktemp("batch")
    write_batch(folder, BATCH_SIZE, seed=BATCH_SEED, most_defects=MOST_DEFECTS)
    return folder


@pytest.fixture(scope="session")
def office_run(office_batch):
    """The run over the batch, texts kept (what ``-f html`` sees)."""
    return lint_paths([str(office_batch)], RunOptions(isolated=True, keep_text=True, jobs=1))


@pytest.fixture
def render_format():
    """``render_format("html", run)`` → the output of a built-in format."""
    from reportlint.core.config import Config
    from reportlint.run.registry import registry_for

    def render(name: str, run, **options):
        reporter = registry_for(Config()).reporter(name)
        assert reporter is not None
        return reporter(ReporterOptions(**options)).render(run)

    return render
