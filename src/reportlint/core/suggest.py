"""'Did you mean …?' suggestions for unknown keys, codes and names."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A Chinese hint such as ``，您是否想写 “select”？``, or an empty string."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"，您是否想写“{matches[0]}”？" if matches else ""
