"""Showing a user's value in a message: short and bounded, never a whole ``repr``.

A config or pack value can be huge (a YAML alias bomb expands to gigabytes, a
string can be a megabyte): messages show a bounded ``repr`` of it instead,
with long strings and long or deep containers cut.
"""

from __future__ import annotations

import reprlib
from typing import Any

_SHORT = reprlib.Repr()
_SHORT.maxstring = 60
_SHORT.maxother = 60
_SHORT.maxlevel = 2
_SHORT.maxlist = _SHORT.maxtuple = _SHORT.maxset = _SHORT.maxdict = 4
_SHORT.maxlong = 24

#: The most characters of a user's value a message shows.
MAX_SHOWN = 80


def shown(value: Any) -> str:
    """A bounded ``repr`` of ``value`` for a message (at most :data:`MAX_SHOWN` characters)."""
    try:
        text = _SHORT.repr(value)
    except Exception:  # a value whose repr fails is still named by its type
        text = f"<{type(value).__name__}>"
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def clip(text: str, limit: int = MAX_SHOWN) -> str:
    """``text`` cut to ``limit`` characters (with an ellipsis when cut)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
