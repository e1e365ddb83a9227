"""'Did you mean …?' suggestions for unknown keys, codes and names, ranked by edit distance.

The distance counts insertions, deletions, substitutions and swaps of two
neighbouring characters, case-insensitively; a letter typed for the digit it
looks like (``O``/``0``, ``I``/``1``, ``l``/``1``) costs half, so ``RL3O1``
suggests ``RL301`` rather than ``RL311``.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlint.core.values import clip

#: Characters that look alike, typed for one another at half the cost of another substitution.
_LOOKALIKES = frozenset({("o", "0"), ("0", "o"), ("i", "1"), ("1", "i"), ("l", "1"), ("1", "l"), ("s", "5"), ("5", "s")})


def edit_distance(first: str, second: str) -> float:
    """Optimal-string-alignment distance between two strings, case-insensitive, look-alike characters at half cost."""
    a, b = first.lower(), second.lower()
    previous_row: list[float] = []
    row = [float(index) for index in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        before_previous, previous_row = previous_row, row
        row = [float(i)] + [0.0] * len(b)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                cost = 0.0
            elif (a[i - 1], b[j - 1]) in _LOOKALIKES:
                cost = 0.5
            else:
                cost = 1.0
            row[j] = min(previous_row[j] + 1, row[j - 1] + 1, previous_row[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], before_previous[j - 2] + 1)
    return row[len(b)]


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate nearest to ``word`` within a third of its length (at least one edit), or None.

    A candidate whose length differs from the word's by more than that is not measured: the distance is at least the
    difference (and measuring costs the product of the lengths: a config naming a rule with a 50,000-character
    string took minutes to be refused).
    """
    limit = max(1, len(word) // 3)
    ranked = sorted(
        (
            (edit_distance(word, candidate), abs(len(candidate) - len(word)), candidate)
            for candidate in set(candidates)
            if candidate != word and abs(len(candidate) - len(word)) <= limit
        ),
    )
    if not ranked or ranked[0][0] > limit:
        return None
    return ranked[0][2]


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A Chinese hint such as ``，您是否想写“select”？``, or an empty string."""
    match = closest(word, candidates)
    return f"，您是否想写“{match}”？" if match else ""


def unknown_name(word: str, candidates: Iterable[str]) -> str:
    """An unknown name as a message shows it: quoted, clipped to a readable length (a hostile config may give one of
    50,000 characters), then the :func:`did_you_mean` hint, as in ``“selcet”，您是否想写“select”？``."""
    return f"“{clip(word)}”{did_you_mean(word, candidates)}"
