"""Near-duplicate text: MinHash signatures of character shingles, and LSH to find similar pairs among many.

A text is compared by its *shingles*, the runs of :data:`SHINGLE_SIZE`
characters of its :func:`comparable_text` (whitespace and punctuation dropped,
numbers kept or folded to 0). The Jaccard similarity of two shingle sets — shared
shingles over all shingles — is estimated from two :data:`SIGNATURE_SIZE`-value
MinHash signatures: the share of positions where they agree. Signatures are
fixed-size bytes, so a batch keeps one per paragraph cheaply and a result cache
can store them.

:class:`LSHIndex` finds the pairs of a set of signatures whose estimated
similarity reaches a threshold without comparing every pair: locality-sensitive
hashing cuts each signature into :data:`BANDS` bands, and only items sharing a
whole band are compared. Items that very many others share a band with are
nearly the same text (boilerplate every report repeats): they are set apart as
a crowd instead of compared pair by pair, so work and memory stay near linear
in the number of items.

Why this and not datasketch: the same MinHash and LSH, but vectorised over a
whole report at once with numpy — datasketch hashes each shingle with SHA-1 in
Python and needs scipy; ``bench/bench_minhash.py`` measures both on generated
report paragraphs (time per report, agreement of the similarity estimates).
numpy is imported on first use only: a run that compares no reports never loads it.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import accumulate, pairwise
from typing import TYPE_CHECKING, Any

from reportlint.text.segmentation import separated_starts
from reportlint.usercache.patterns import compiled

if TYPE_CHECKING:
    import numpy as np

#: Characters per shingle: five Han characters rarely repeat by chance in unrelated sentences.
SHINGLE_SIZE = 5
#: MinHash values per signature (16-bit each, 128 bytes a signature): the similarity estimate is within ±0.05 at 0.8 (one standard deviation).
SIGNATURE_SIZE = 64
#: LSH bands of :data:`SIGNATURE_SIZE` values: eight bands of eight find pairs above 0.8 with probability 0.77 or more, above 0.9 with 0.98.
BANDS = 8
#: Pairs compared at once by :meth:`LSHIndex.scores` (two copies of 16,384 signatures: 4 MiB).
SCORE_CHUNK = 16_384
#: Texts with fewer shingles than this (once template wording is left out) get no signature: too short to call copied.
MIN_SHINGLES = 8

_DROPPED = compiled(r"[\W_]+")
_NUMBER = compiled(r"\d+(?:[.,]\d+)*")
_SEED = 0x5EED_2026
_PRIME = 1_000_003


def comparable_text(text: str) -> str:
    """``text`` as fingerprints compare it: no whitespace or punctuation (:func:`without_numbers` first to compare it
    with every number ``0``)."""
    return _DROPPED.sub("", text)


def without_numbers(text: str) -> str:
    """``text`` with every number ``0`` (parts of a report are compared across years so: their numbers change)."""
    return _NUMBER.sub("0", text)


def comparable_texts(texts: Sequence[str], numbers_from: int | None = None) -> list[str]:
    """``[comparable_text(text) for text in texts]``, in a few array operations; from ``texts[numbers_from]`` on,
    ``comparable_text(without_numbers(text))``.

    A report's paragraphs have a punctuation mark every ten characters or so, and a
    regular expression dropping them builds its result a piece at a time. Here the
    texts are joined by a ``NUL`` (dropped too) and each character looked up in a
    table of what :func:`comparable_text` keeps (the characters ``[\\W_]`` does not
    match: :meth:`str.isalnum`); the kept ones are one string, each text's a slice of
    it. When any text has a character beyond the Basic Multilingual Plane, every
    text of the call is read as :func:`comparable_text` reads it.

    Numbers are folded in the same pass: a number of :func:`without_numbers` is
    decimal digits, runs of them joined by one ``.`` or ``,``; its first digit becomes
    ``0`` and the rest are dropped with the separators (which :func:`comparable_text`
    drops anyway). A digit is not a number's first when the character before it is a
    digit, or is ``.`` or ``,`` after a digit.
    """
    np = _numpy()
    joined = "\x00".join(texts)
    encoded = joined.encode("utf-16-le", "surrogatepass")
    if not texts or len(encoded) != 2 * len(joined):
        folded = len(texts) if numbers_from is None else numbers_from
        return [comparable_text(text if index < folded else without_numbers(text)) for index, text in enumerate(texts)]
    points = np.frombuffer(encoded, dtype=np.uint16)
    kept = word_characters().take(points)
    starts = list(separated_starts(map(len, texts)))
    if numbers_from is not None and numbers_from < len(texts):
        begin = starts[numbers_from]
        tail = points[begin:]
        digits = decimal_digits().take(tail)
        after_digit = np.zeros_like(digits)
        after_digit[1:] = digits[:-1]
        after_digit[2:] |= digits[:-2] & ((tail[1:-1] == 0x2E) | (tail[1:-1] == 0x2C))  # "." or "," after a digit
        kept[begin:] &= ~(digits & after_digit)
        points = points.copy()
        points[begin:][digits & ~after_digit] = 0x30  # "0"
    positions = np.flatnonzero(kept)
    chars = points.take(positions).tobytes().decode("utf-16-le")
    # each text's kept characters: from those before its first character to those before the character after it
    bounds = np.searchsorted(positions, starts).tolist()
    return [chars[start:end] for start, end in pairwise(bounds)]


@lru_cache(maxsize=1)
def word_characters() -> Any:
    """For each character of the Basic Multilingual Plane, whether :func:`comparable_text` keeps it (``[\\W_]`` does
    not match it), as an array indexed by code point."""
    return _plane_table(str.isalnum)


@lru_cache(maxsize=1)
def decimal_digits() -> Any:
    """For each character of the Basic Multilingual Plane, whether it is a decimal digit (``\\d``: :meth:`str.isdecimal`),
    as an array indexed by code point."""
    return _plane_table(str.isdecimal)


def _plane_table(holds: Callable[[str], bool]) -> Any:
    """Whether ``holds(character)`` for each character of the Basic Multilingual Plane, as a (read-only) boolean array
    indexed by code point: the answers written as bytes in one C-level pass, then viewed as the array."""
    return _numpy().frombuffer(bytes(map(holds, map(chr, range(0x10000)))), dtype=bool)


def digest(text: str) -> bytes:
    """Eight bytes identifying ``text`` (equal texts, equal digests)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()


@lru_cache(maxsize=1)
def _numpy() -> Any:
    import numpy

    return numpy


@lru_cache(maxsize=1)
def permutations() -> tuple[Any, Any]:
    """The multipliers and offsets of the :data:`SIGNATURE_SIZE` hash functions (fixed: signatures must match across runs)."""
    np = _numpy()
    rng = random.Random(_SEED)
    multipliers = np.array([rng.randrange(1, 1 << 64) | 1 for _ in range(SIGNATURE_SIZE)], dtype=np.uint64)[:, None]
    offsets = np.array([rng.randrange(0, 1 << 64) for _ in range(SIGNATURE_SIZE)], dtype=np.uint64)[:, None]
    return multipliers, offsets


@lru_cache(maxsize=1)
def _hash_functions() -> tuple[tuple[Any, Any], ...]:
    """:func:`permutations` as one ``(multiplier, offset)`` pair per hash function, each a zero-dimensional array: with one,
    a ufunc on a one-dimensional array takes its plain loop (a numpy scalar is converted to an array at every call)."""
    multipliers, offsets = permutations()
    return tuple((multipliers[index, 0, ...], offsets[index, 0, ...]) for index in range(SIGNATURE_SIZE))


def _shingle_hashes(text: str) -> np.ndarray:
    """A well-mixed 64-bit hash of every shingle of ``text`` (in order, repeats included)."""
    np = _numpy()
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)
    count = len(points) - SHINGLE_SIZE + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    hashes = points[:count].copy()
    prime = np.uint64(_PRIME)
    for offset in range(1, SHINGLE_SIZE):  # in place: no new array a step
        hashes *= prime
        hashes += points[offset : offset + count]
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
        self._functions = _hash_functions()

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
        return _sketch_of(hashes)

    def sign(self, texts: Sequence[str]) -> list[bytes | None]:
        """The signature of each (already comparable) text; None for a text with fewer than :data:`MIN_SHINGLES` shingles left.

        All texts are hashed and signed in a few array operations: one row of
        hash values over every shingle of every text, then the minimum of each
        text's stretch of it (repeated shingles do not change a minimum).
        """
        return self.sign_and_sketch(texts, None)[0]

    def sign_and_sketch(self, texts: Sequence[str], sketched: int | None) -> tuple[list[bytes | None], bytes]:
        """:meth:`sign` of ``texts`` and :meth:`sketch` of ``texts[sketched]`` (``b""`` when None), its shingles hashed once."""
        np = _numpy()
        if not texts:
            return [], b""
        hashes = _shingle_hashes("\x00".join(texts))
        sizes = [len(text) for text in texts]
        lengths = [size - SHINGLE_SIZE + 1 if size >= SHINGLE_SIZE else 0 for size in sizes]
        # The shingles of each text, without those across the separator between two texts: text i's are
        # hashes[start_i : start_i + lengths[i]], start_i the characters (and separators) of the texts before it.
        # (made as bytes: one array operation rather than one for each text)
        within = b"".join(b"\x01" * length + b"\x00" * (size + 1 - length) for size, length in zip(sizes, lengths, strict=True))
        kept = hashes[np.frombuffer(within, dtype=bool)[: len(hashes)]]
        if len(self._ignored) and len(kept):
            owner = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
            positions = np.minimum(np.searchsorted(self._ignored, kept), len(self._ignored) - 1)
            chosen = self._ignored[positions] != kept
            kept, owner = kept[chosen], owner[chosen]
            counts = np.bincount(owner, minlength=len(texts)).tolist()
        else:
            counts = lengths
        sketch = b""
        if sketched is not None:
            begin = sum(counts[:sketched])
            sketch = _sketch_of(kept[begin : begin + counts[sketched]])
        signatures: list[bytes | None] = [None] * len(texts)
        if not len(kept):
            return signatures, sketch
        values = np.empty((SIGNATURE_SIZE, len(kept)), dtype=np.uint64)  # a row per hash function: SIGNATURE_SIZE times the shingles
        multiply, add = np.multiply, np.add
        for row, (multiplier, offset) in zip(values, self._functions, strict=True):
            # One row at a time, in place: a whole-array ``kept * multipliers + offsets`` broadcasts its operands through
            # numpy's buffered iterator, which copies both into buffers and cost more than the arithmetic.
            multiply(kept, multiplier, row)
            add(row, offset, row)
        present = [index for index, count in enumerate(counts) if count]
        boundaries = list(accumulate([counts[index] for index in present[:-1]], initial=0))
        # 16 bits a value (chance agreements are 1 in 65,536): the top bits of the minimum are the minimum of the top bits;
        # transposed, so each text's signature is one run of bytes
        minimums = np.ascontiguousarray((np.minimum.reduceat(values, boundaries, axis=1) >> np.uint64(48)).astype("<u2").T).tobytes()
        size = 2 * SIGNATURE_SIZE
        for column, (index, begin) in enumerate(zip(present, boundaries, strict=True)):
            # Enough shingles, counted with their repeats; only a short text needs its distinct ones counted.
            count = counts[index]
            if count >= 2 * MIN_SHINGLES or len(set(kept[begin : begin + count].tolist())) >= MIN_SHINGLES:
                signatures[index] = minimums[column * size : (column + 1) * size]
        return signatures, sketch


def _sketch_of(hashes: np.ndarray) -> bytes:
    """The sketch of a text from its shingle hashes, template wording left out (see :meth:`Signer.sketch`)."""
    np = _numpy()
    values = np.sort((hashes >> np.uint64(48)).astype(np.uint16))
    if len(values) > 1:  # np.unique's result, without its set-up (which costs more than the sort of a few hundred values)
        values = values[np.concatenate(([True], values[1:] != values[:-1]))]
    return values[:SKETCH_SIZE].astype("<u2").tobytes()


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


def signature_matrix(signatures: Sequence[bytes] | bytearray) -> np.ndarray:
    """Signatures as one ``(n, SIGNATURE_SIZE)`` array of unsigned 16-bit values.

    ``signatures`` is a list of signatures or all of them one after another in a
    ``bytearray`` (read without a copy: a batch's signatures are never held twice).
    """
    np = _numpy()
    if not signatures:
        return np.zeros((0, SIGNATURE_SIZE), dtype=np.uint16)
    packed = signatures if isinstance(signatures, bytearray) else b"".join(signatures)
    matrix = np.frombuffer(packed, dtype="<u2").reshape(len(packed) // (2 * SIGNATURE_SIZE), SIGNATURE_SIZE)
    return matrix if matrix.dtype == np.uint16 else matrix.astype(np.uint16)  # no copy on little-endian machines (read-only)


class LSHIndex:
    """Signatures cut into :data:`BANDS` bands and sorted by each band, to find the rows that share a band with others.

    Memory is two arrays of row numbers and keys per band (a few dozen bytes a
    row); nothing grows with the number of similar pairs. :meth:`pairs` finds
    the similar pairs, :meth:`neighbours` the rows similar to one row.
    """

    def __init__(self, matrix: np.ndarray) -> None:
        np = _numpy()
        self.matrix = matrix
        self.rows_per_band = matrix.shape[1] // BANDS
        self.keys: list[Any] = []
        self.orders: list[Any] = []
        self.sorted_keys: list[Any] = []
        weights = _band_weights(self.rows_per_band)
        for band in range(BANDS):
            part = matrix[:, band * self.rows_per_band : (band + 1) * self.rows_per_band].astype(np.uint64)
            keys = (part * weights).sum(axis=1, dtype=np.uint64)  # equal bands, equal keys; a rare false match is only compared
            order = np.argsort(keys, kind="stable")
            self.keys.append(keys)
            self.orders.append(order)
            self.sorted_keys.append(keys[order])

    def scores(self, first: Any, second: Any) -> Any:
        """The estimated similarity of each pair of rows ``(first[k], second[k])``.

        Compared :data:`SCORE_CHUNK` pairs at a time, so the rows copied for the
        comparison never take more than a few megabytes however many pairs there are.
        """
        np = _numpy()
        width = self.matrix.shape[1]
        if len(first) <= SCORE_CHUNK:
            return np.count_nonzero(self.matrix[first] == self.matrix[second], axis=1) / width
        result = np.empty(len(first), dtype=np.float64)
        for start in range(0, len(first), SCORE_CHUNK):
            stop = start + SCORE_CHUNK
            result[start:stop] = np.count_nonzero(self.matrix[first[start:stop]] == self.matrix[second[start:stop]], axis=1) / width
        return result

    def pairs(self, threshold: float, *, crowd: int = 64) -> tuple[list[tuple[int, int, float]], list[Any]]:
        """Pairs ``(i, j, similarity)``, ``i < j``, with estimated similarity ≥ ``threshold``; and the crowds.

        Rows sharing a band are compared when at most ``crowd`` share it. A
        larger bucket is split by the next band too (rows sharing sixteen values
        are nearly the same text); a part still larger than ``crowd`` is a
        *crowd*: that many rows are nearly the same (boilerplate), so they are
        returned as such rather than compared pair by pair. Work and memory stay
        proportional to the rows times ``crowd``.
        """
        first, second, scores, crowds = self.pair_arrays(threshold, crowd=crowd)
        return list(zip(first.tolist(), second.tolist(), scores.tolist(), strict=True)), crowds

    def pair_arrays(self, threshold: float, *, crowd: int = 64) -> tuple[Any, Any, Any, list[Any]]:
        """:meth:`pairs` as three arrays (first rows, second rows, similarities; ordered by pair) and the crowds.

        A batch of 10,000 reports has a few hundred thousand similar pairs of
        paragraphs: as arrays they take a few megabytes, as Python tuples ten times as much.
        """
        np = _numpy()
        count = len(self.matrix)
        codes = np.zeros(0, dtype=np.int64)  # each pair once, as first × count + second, sorted
        found = np.zeros(0, dtype=np.float64)
        crowds: list[Any] = []
        for band in range(BANDS):
            groups: list[Any] = []
            for members in _runs(self.sorted_keys[band], self.orders[band]):
                if len(members) <= crowd:
                    groups.append(members)
                    continue
                finer = self.keys[(band + 1) % BANDS][members]
                order = np.argsort(finer, kind="stable")
                for part in _runs(finer[order], members[order]):
                    (groups if len(part) <= crowd else crowds).append(part)
            band_codes, band_scores = [codes], [found]
            for first, second in _pairs_in_chunks(groups):
                scores = self.scores(first, second)
                chosen = scores >= threshold - 1e-9
                low, high = np.minimum(first[chosen], second[chosen]), np.maximum(first[chosen], second[chosen])
                band_codes.append(low.astype(np.int64) * count + high)
                band_scores.append(scores[chosen])
            if len(band_codes) > 1:  # a pair found in several bands counts once: merged band by band, so memory stays at the pairs found
                codes, position = np.unique(np.concatenate(band_codes), return_index=True)
                found = np.concatenate(band_scores)[position]
        return codes // count, codes % count, found, crowds

    def neighbours(self, row: int, floor: float, *, limit: int = 64) -> list[tuple[int, float]]:
        """The rows with estimated similarity ≥ ``floor`` to ``row`` among those sharing a band with it (``limit`` a band)."""
        others, scores = self.neighbour_arrays(row, floor, limit=limit)
        return list(zip(others.tolist(), scores.tolist(), strict=True))

    def neighbour_arrays(self, row: int, floor: float, *, limit: int = 64) -> tuple[Any, Any]:
        """:meth:`neighbours` as two arrays, rows and similarities (compact enough to keep for every row of a batch)."""
        np = _numpy()
        mates = []
        for band in range(BANDS):
            key = self.keys[band][row]
            low = int(np.searchsorted(self.sorted_keys[band], key, side="left"))
            high = int(np.searchsorted(self.sorted_keys[band], key, side="right"))
            mates.append(self.orders[band][low : min(high, low + limit + 1)])
        others = np.unique(np.concatenate(mates))
        others = others[others != row]
        if not len(others):
            return others.astype(np.int32), np.zeros(0, dtype=np.float64)
        scores = self.scores(np.full(len(others), row), others)
        chosen = scores >= floor - 1e-9
        return others[chosen].astype(np.int32), scores[chosen]


def _runs(sorted_keys: Any, rows: Any) -> Iterator[Any]:
    """The rows of each run of two or more equal keys."""
    np = _numpy()
    if len(sorted_keys) < 2:
        return
    boundaries = np.flatnonzero(sorted_keys[1:] != sorted_keys[:-1]) + 1
    starts = np.concatenate(([0], boundaries))
    stops = np.concatenate((boundaries, [len(sorted_keys)]))
    for start, stop in zip(starts[stops - starts > 1].tolist(), stops[stops - starts > 1].tolist(), strict=True):
        yield rows[start:stop]


def _pairs_in_chunks(groups: Sequence[Any]) -> Iterator[tuple[Any, Any]]:
    """Every pair of rows within each group, as two arrays, about :data:`SCORE_CHUNK` pairs at a time."""
    chunk: list[Any] = []
    pairs = 0
    for members in groups:
        chunk.append(members)
        pairs += len(members) * (len(members) - 1) // 2
        if pairs >= SCORE_CHUNK:
            yield _all_pairs(chunk)
            chunk, pairs = [], 0
    if pairs:
        yield _all_pairs(chunk)


def _all_pairs(groups: Sequence[Any]) -> tuple[Any, Any]:
    """Every pair of rows within each group, as two arrays."""
    np = _numpy()
    firsts, seconds = [], []
    for members in groups:
        left, right = _positions_of_pairs(len(members))
        firsts.append(members[left])
        seconds.append(members[right])
    if not firsts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    return np.concatenate(firsts), np.concatenate(seconds)


@lru_cache(maxsize=256)
def _positions_of_pairs(size: int) -> tuple[Any, Any]:
    """The positions ``(i, j)``, ``i < j``, of every pair among ``size`` rows (read-only arrays, made once per size).

    A 10,000-report batch has tens of thousands of small groups of rows sharing a
    band, of a few dozen sizes: making the positions anew for each (``np.triu_indices``)
    was half of finding the similar pairs.
    """
    np = _numpy()
    left, right = np.triu_indices(size, 1)
    left.setflags(write=False)
    right.setflags(write=False)
    return left, right
