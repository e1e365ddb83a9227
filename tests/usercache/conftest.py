"""A fresh user cache folder for each test of the user cache."""

from __future__ import annotations

import pytest

from reportlint import usercache


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    """The user cache folder of the test (not yet created), with the folder lookup forgotten before and after."""
    folder = tmp_path / "user-cache"
    monkeypatch.setenv(usercache.USER_CACHE_ENV, str(folder))
    usercache.user_cache_dir.cache_clear()
    yield folder
    usercache.user_cache_dir.cache_clear()
