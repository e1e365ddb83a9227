"""Starting quickly: reportlint's modules imported with the cyclic garbage collector paused.

Importing reportlint makes tens of thousands of objects that live as long as the
process (modules, classes, functions, compiled patterns) and almost no garbage,
yet Python's collector walked them again and again while they were being made:
about 3 % of the instructions of checking one report in a fresh process.
:func:`paused_collection` turns the collector off while a block of imports runs
and restores it after. The command line, whose process is its own, also freezes
what its imports made (:func:`gc.freeze`), so no later collection walks it; a
program that imports reportlint as a library keeps its collector as it was.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collection(freeze: bool = False) -> Iterator[None]:
    """Run the block with automatic garbage collection off, then turn it back on if it was (``freeze``: first move every
    object made so far out of the collector's sight)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if collecting:
            gc.enable()
