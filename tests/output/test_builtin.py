"""The built-in formats are registered by name and imported when chosen: the registered classes say what the real ones say."""

from __future__ import annotations

import importlib

import pytest

from reportlint.loaders.builtin import LazyLoader, reportlint_loaders
from reportlint.output.builtin import BUILTIN_REPORTERS


@pytest.mark.parametrize("lazy", BUILTIN_REPORTERS, ids=lambda reporter: reporter.name)
def test_a_registered_reporter_matches_its_implementation(lazy):
    module, _, name = lazy.implementation.partition(":")
    real = getattr(importlib.import_module(module), name)
    assert [getattr(lazy, key) for key in ("name", "description", "needs_text", "binary")] == [
        getattr(real, key) for key in ("name", "description", "needs_text", "binary")
    ]
    assert type(lazy()) is real


@pytest.mark.parametrize(
    "lazy", [loader for loader in reportlint_loaders() if issubclass(loader, LazyLoader)], ids=lambda loader: loader.format
)
def test_a_registered_loader_matches_its_implementation(lazy):
    module, _, name = lazy.implementation.partition(":")
    real = getattr(importlib.import_module(module), name)
    assert (lazy.format, lazy.extensions, lazy.sniff(b"", ".x")) == (real.format, real.extensions, real.sniff(b"", ".x"))
