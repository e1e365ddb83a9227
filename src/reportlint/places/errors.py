"""Errors the gazetteer raises for problems a user can cause: bad data files, bad extra places."""

from __future__ import annotations


class GazetteerError(Exception):
    """A gazetteer input the user supplied is unusable; the message is in Chinese, for users."""


class GazetteerDataError(GazetteerError):
    """A data file that cannot be read as reportlint gazetteer data (missing, malformed, inconsistent)."""
