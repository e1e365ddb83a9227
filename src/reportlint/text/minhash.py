"""Near-duplicate text: MinHash signatures of character shingles, and LSH to find similar pairs among many.

A text is compared by its *shingles*, the runs of :data:`SHINGLE_SIZE`
characters of its :func:`comparable_text` (whitespace and punctuation dropped,
numbers kept or folded to 0). The Jaccard similarity of two shingle sets — shared
shingles over all shingles — is estimated from two :data:`SIGNATURE_SIZE`-value
MinHash signatures: the share of positions where they agree. Signatures are
fixed-size bytes, so a batch keeps one per paragraph cheaply and a result cache
can store them.

:func:`similar_pairs` finds the pairs of a set of signatures whose estimated
similarity reaches a threshold without comparing every pair: locality-sensitive
hashing cuts each signature into :data:`BANDS` bands, and only items sharing a
whole band are compared. A band shared by very many items (boilerplate every
report repeats) is compared against a bounded sample, so the cost stays near
linear in the number of items.

Why this and not datasketch: the same MinHash and LSH, but vectorised over a
whole report at once with numpy — datasketch hashes each shingle with SHA-1 in
Python and needs scipy; ``bench/bench_minhash.py`` measures both on generated
report paragraphs (time per report, agreement of the similarity estimates).
numpy is imported on first use only: a run that compares no reports never loads it.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

#: Characters per shingle: five Han characters rarely repeat by chance in unrelated sentences.
SHINGLE_SIZE = 5
#: MinHash values per signature (16-bit each, 128 bytes a signature): the similarity estimate is within ±0.05 at 0.8 (one standard deviation).
SIGNATURE_SIZE = 64
#: LSH bands of :data:`SIGNATURE_SIZE` values: eight bands of eight find pairs above 0.8 with probability 0.77 or more, above 0.9 with 0.98.
BANDS = 8
#: Texts with fewer shingles than this (once template wording is left out) get no signature: too short to call copied.
MIN_SHINGLES = 8

_DROPPED = re.compile(r"[\W_]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SEED = 0x5EED_2026
_PRIME = 1_000_003


def comparable_text(text: str, *, numbers: bool = True) -> str:
    """``text`` as fingerprints compare it: no whitespace or punctuation; with ``numbers=False`` every number is ``0``."""
    if not numbers:
        text = _NUMBER.sub("0", text)
    return _DROPPED.sub("", text)


def digest(text: str) -> bytes:
    """Eight bytes identifying ``text`` (equal texts, equal digests)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()


@lru_cache(maxsize=1)
def _numpy() -> Any:
    import numpy

    return numpy


@lru_cache(maxsize=1)
def _permutations() -> tuple[Any, Any]:
    """The multipliers and offsets of the :data:`SIGNATURE_SIZE` hash functions (fixed: signatures must match across runs)."""
    np = _numpy()
    rng = random.Random(_SEED)
    multipliers = np.array([rng.randrange(1, 1 << 64) | 1 for _ in range(SIGNATURE_SIZE)], dtype=np.uint64)[:, None]
    offsets = np.array([rng.randrange(0, 1 << 64) for _ in range(SIGNATURE_SIZE)], dtype=np.uint64)[:, None]
    return multipliers, offsets


def _shingle_hashes(text: str) -> np.ndarray:
    """A well-mixed 64-bit hash of every shingle of ``text`` (in order, repeats included)."""
    np = _numpy()
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)
    count = len(points) - SHINGLE_SIZE + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    hashes = points[:count].copy()
    prime = np.uint64(_PRIME)
    for offset in range(1, SHINGLE_SIZE):
        hashes = hashes * prime + points[offset : offset + count]
    hashes ^= hashes >> np.uint64(31)
    hashes *= np.uint64(0xBF58476D1CE4E5B9)
    hashes ^= hashes >> np.uint64(29)
    return hashes


class Signer:
    """Signs texts with MinHash, leaving out the shingles of ``ignored`` texts (the official template's wording).

    :meth:`sign` takes all texts of one report at once: the shingles of all of
    them are hashed in one vectorised pass.
    """

    def __init__(self, ignored: Iterable[str] = ()) -> None:
        np = _numpy()
        hashes = [_shingle_hashes(comparable_text(text)) for text in ignored]
        self._ignored = np.unique(np.concatenate(hashes)) if hashes else np.zeros(0, dtype=np.uint64)

    def sketch(self, text: str) -> bytes:
        """The :data:`SKETCH_SIZE` smallest 16-bit shingle hashes of an (already comparable) text, sorted: all of them for a short text.

        Sixteen bits make two different shingles agree once in 65,536 pairs: with
        a few hundred shingles a text, the similarity is off by well under 0.01.

        For comparing two long texts (a whole part of a report) more precisely
        than a signature does: see :func:`sketch_similarity`.
        """
        np = _numpy()
        hashes = _shingle_hashes(text)
        if len(self._ignored) and len(hashes):
            positions = np.minimum(np.searchsorted(self._ignored, hashes), len(self._ignored) - 1)
            hashes = hashes[self._ignored[positions] != hashes]
        return np.unique((hashes >> np.uint64(48)).astype(np.uint16))[:SKETCH_SIZE].astype("<u2").tobytes()

    def sign(self, texts: Sequence[str]) -> list[bytes | None]:
        """The signature of each (already comparable) text; None for a text with fewer than :data:`MIN_SHINGLES` shingles left.

        All texts are hashed and signed in a few array operations: one row of
        hash values over every shingle of every text, then the minimum of each
        text's stretch of it (repeated shingles do not change a minimum).
        """
        np = _numpy()
        if not texts:
            return []
        hashes = _shingle_hashes("\x00".join(texts))
        lengths = np.array([max(0, len(text) - SHINGLE_SIZE + 1) for text in texts], dtype=np.int64)
        starts = np.concatenate(([0], np.cumsum(np.array([len(text) + 1 for text in texts], dtype=np.int64))[:-1]))
        # Which text each shingle belongs to; shingles across the separator between two texts belong to none.
        owner = np.full(len(hashes), -1, dtype=np.int64)
        for index, (start, length) in enumerate(zip(starts.tolist(), lengths.tolist(), strict=True)):
            owner[start : start + length] = index
        keep = owner >= 0
        if len(self._ignored) and len(hashes):
            positions = np.minimum(np.searchsorted(self._ignored, hashes), len(self._ignored) - 1)
            keep &= self._ignored[positions] != hashes
        kept, kept_owner = hashes[keep], owner[keep]
        counts = np.bincount(kept_owner, minlength=len(texts))
        signatures: list[bytes | None] = [None] * len(texts)
        if not len(kept):
            return signatures
        multipliers, offsets = _permutations()
        values = (kept[None, :] * multipliers + offsets) >> np.uint64(48)  # 16 bits a value: chance agreements are 1 in 65,536
        present = np.flatnonzero(counts)
        boundaries = np.concatenate(([0], np.cumsum(counts[present])[:-1]))
        minimums = np.minimum.reduceat(values, boundaries, axis=1).astype("<u2")
        for column, index in enumerate(present.tolist()):
            # Enough shingles, counted with their repeats; only a short text needs its distinct ones counted.
            if counts[index] >= 2 * MIN_SHINGLES or len(np.unique(kept[kept_owner == index])) >= MIN_SHINGLES:
                signatures[index] = minimums[:, column].tobytes()
        return signatures


#: Shingle hashes a sketch keeps (see :meth:`Signer.sketch`): a text with fewer shingles is kept whole.
SKETCH_SIZE = 256


def sketch_similarity(first: bytes, second: bytes) -> float:
    """The Jaccard similarity of the texts two sketches were made from: exact when both are whole, else estimated.

    The estimate is the bottom-k one: of the :data:`SKETCH_SIZE` smallest hashes
    of the union, the share that both texts have.
    """
    np = _numpy()
    a = np.frombuffer(first, dtype="<u2")
    b = np.frombuffer(second, dtype="<u2")
    if not len(a) or not len(b):
        return 0.0
    union = np.union1d(a, b)
    if len(a) < SKETCH_SIZE and len(b) < SKETCH_SIZE:
        return float(len(np.intersect1d(a, b, assume_unique=True))) / len(union)
    smallest = union[:SKETCH_SIZE]
    both = np.intersect1d(np.intersect1d(a, b, assume_unique=True), smallest, assume_unique=True)
    return float(len(both)) / len(smallest)


def similarity(first: bytes, second: bytes) -> float:
    """The estimated Jaccard similarity of the texts two signatures were made from (0–1)."""
    np = _numpy()
    a = np.frombuffer(first, dtype="<u2")
    b = np.frombuffer(second, dtype="<u2")
    return float(np.count_nonzero(a == b)) / len(a)


@lru_cache(maxsize=4)
def _band_weights(width: int) -> np.ndarray:
    np = _numpy()
    rng = random.Random(_SEED + width)
    return np.array([rng.randrange(1, 1 << 64) | 1 for _ in range(width)], dtype=np.uint64)


def signature_matrix(signatures: Sequence[bytes]) -> np.ndarray:
    """Signatures as one ``(n, SIGNATURE_SIZE)`` array of unsigned 16-bit values."""
    np = _numpy()
    if not signatures:
        return np.zeros((0, SIGNATURE_SIZE), dtype=np.uint16)
    return np.frombuffer(b"".join(signatures), dtype="<u2").reshape(len(signatures), SIGNATURE_SIZE).astype(np.uint16)


def similar_pairs(
    matrix: np.ndarray,
    threshold: float,
    owners: Sequence[int] | None = None,
    *,
    crowd: int = 64,
    chunk: int = 200_000,
) -> Iterator[tuple[int, int, float]]:
    """Pairs ``(i, j, similarity)`` with ``i < j`` (of different ``owners`` when given) and estimated similarity ≥ ``threshold``.

    ``matrix`` holds one signature per row (:func:`signature_matrix`). Only
    rows sharing a whole LSH band are compared; in a band shared by more than
    ``crowd`` rows, each row is compared with the first ``crowd`` of them only
    (such a band is boilerplate repeated by many reports).
    """
    np = _numpy()
    count = len(matrix)
    if count < 2:
        return
    rows_per_band = matrix.shape[1] // BANDS
    firsts: list[Any] = []
    seconds: list[Any] = []
    for band in range(BANDS):
        part = matrix[:, band * rows_per_band : (band + 1) * rows_per_band].astype(np.uint64)
        keys = (part * _band_weights(rows_per_band)).sum(
            axis=1, dtype=np.uint64
        )  # equal bands, equal keys; a rare false match is only compared
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        boundaries = np.flatnonzero(sorted_keys[1:] != sorted_keys[:-1]) + 1
        starts = np.concatenate(([0], boundaries))
        stops = np.concatenate((boundaries, [count]))
        for start, stop in zip(starts[stops - starts > 1], stops[stops - starts > 1], strict=True):
            members = order[start:stop]
            sample = members[:crowd]
            left = np.repeat(members, len(sample))
            right = np.tile(sample, len(members))
            firsts.append(left)
            seconds.append(right)
    if not firsts:
        return
    left = np.concatenate(firsts)
    right = np.concatenate(seconds)
    low, high = np.minimum(left, right), np.maximum(left, right)
    wanted = low != high
    if owners is not None:
        owner = np.asarray(owners)
        wanted &= owner[low] != owner[high]
    codes = np.unique(low[wanted].astype(np.int64) * count + high[wanted])
    minimum = int(np.ceil(threshold * matrix.shape[1] - 1e-9))
    for begin in range(0, len(codes), chunk):
        part = codes[begin : begin + chunk]
        first, second = part // count, part % count
        agreeing = np.count_nonzero(matrix[first] == matrix[second], axis=1)
        chosen = agreeing >= minimum
        for i, j, agree in zip(first[chosen].tolist(), second[chosen].tolist(), agreeing[chosen].tolist(), strict=True):
            yield i, j, agree / matrix.shape[1]
