"""How reportlint's own processes collect garbage: less often than Python's default.

Python collects its youngest objects after every 700 net allocations of
container objects. Checking one report allocates hundreds of thousands of
short-lived ones (tokens, cells, spans, sentences, findings) and almost no
reference cycles, so nearly every collection walks the young objects and finds
nothing to free: at the default threshold this was 7–10 % of the CPU time of a
batch (``bench/bench_speed.py``). The command line's process and every worker
process therefore collect the youngest generation every
:data:`YOUNG_THRESHOLD` allocations. Objects are still freed as soon as they
are unreachable by reference counting; only unreachable cycles wait a little
longer.

A worker also freezes what it inherited from the supervisor when it was forked
(modules, rule sets, templates, the gazetteer): they live as long as the worker,
and walking them in its full collections cost time and wrote to the memory pages
it shares with the supervisor, which then had to be copied.

Library calls that check files in the caller's process (``lint_text``,
``lint_paths`` without a time or memory budget) leave the caller's collector
as it is.
"""

from __future__ import annotations

import gc

#: Net allocations of container objects between two collections of the youngest generation (Python's default: 700).
YOUNG_THRESHOLD = 10_000


def collect_less_often() -> None:
    """Collect the youngest generation every :data:`YOUNG_THRESHOLD` allocations (or less often, if so set already)."""
    young, middle, old = gc.get_threshold()
    if young:  # 0: the collector is off; left so
        gc.set_threshold(max(young, YOUNG_THRESHOLD), middle, old)


def freeze_inherited() -> None:
    """Keep the collector off every object this process has now (a worker's inheritance from its supervisor)."""
    gc.freeze()
