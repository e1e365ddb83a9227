"""The pytest plugin of the testing kit: the ``reportlint_linter`` fixture.

Not loaded by merely installing reportlint: a plugin's test suite asks for it in
its ``conftest.py``::

    pytest_plugins = ["reportlint.testing.pytest_plugin"]

or on the command line, ``pytest -p reportlint.testing.pytest_plugin``.
"""

from __future__ import annotations

import pytest

from reportlint.testing import Linter


@pytest.fixture
def reportlint_linter() -> Linter:
    """Lint texts, files and ``#!``-marked fixtures in a plugin's tests."""
    return Linter()
