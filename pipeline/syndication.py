"""Syndicated copies: the same story printed by several outlets counts as one source of evidence.

Two articles are copies when the Jaccard similarity of their word 5-shingles is high. Each
article's MinHash `signature` is computed with the rest of its per-article work (in a worker,
and cached with its mentions), from the text that cleaning kept: furniture is the outlet's,
not the story's, and two outlets' furniture would otherwise hide a copy while one outlet's
furniture makes different stories look alike. `CopyFinder` then finds, in reading order, the
first article each one copies, through banded locality-sensitive hashing, so a dump of tens of
thousands of articles is never compared pair by pair.
"""
from __future__ import annotations

import re
import zlib
from functools import cache

import numpy
from datasketch import MinHash

SHINGLE_WORDS = 5
"""Five words: long enough that shared council names, job titles and stock phrases
("rated inadequate by Ofsted") do not make two different stories look alike."""
THRESHOLD = 0.5
"""Calibrated on sample_articles/: the syndicated pair (203/204, different furniture around the same
story) scores 0.68; every other pair, including stories on the same council and event, 0.05 or less."""
BANDS, ROWS = 32, 4
"""Banding: two articles are candidates when all 4 min-hashes of any of 32 bands agree, which happens
with probability 1 - (1 - J^4)^32 at similarity J: 87% at THRESHOLD, 99% at 0.6 and 99.97% at 0.7
(syndicated copies, once cleaned, score 0.9 to 1.0), against 2% at 0.2, the 99th percentile of
different stories built from the same stock phrases (the bench archive). Each candidate is then
checked against THRESHOLD on all 128 min-hashes. Three rows a band (datasketch's choice for a
threshold of 0.3) made ten times as many candidates, a cost that grows with the archive."""
PERMUTATIONS = 128
"""MinHash estimate error about 1/sqrt(128) ≈ 0.09 at worst, well inside the gap above. Shingles are
hashed with CRC-32: stable across runs (unlike `hash`), and several times faster than datasketch's
default SHA-1."""
SCHEME = "affine32"
"""datasketch's default permutation scheme: the one `signature` computes, with permutations drawn as datasketch draws them."""
MIN_SHINGLES = 20
"""Texts shorter than this (a headline, a stub) share too few shingles to call a copy."""
WORD = re.compile(r"\w+")
SIGNATURE_TYPE = numpy.uint32
"""affine32 min-hashes fit 32 bits: a signature is PERMUTATIONS x 4 bytes, as stored and shipped."""


def signature(text: str) -> bytes | None:
    """The MinHash signature of a text's word shingles; None when it is too short to judge.

    datasketch's affine32 scheme (CRC-32 of each shingle, MurmurHash3's finaliser, then
    a * h + b modulo 2^32 for each permutation, keeping the least), computed here on one array of
    every shingle's hash: building a datasketch `MinHash` for each article cost more than hashing."""
    words = WORD.findall(text.lower())
    shingles = set(map(" ".join, zip(*(words[offset:] for offset in range(SHINGLE_WORDS)))))
    if len(shingles) < MIN_SHINGLES:
        return None
    hashes = numpy.fromiter(map(zlib.crc32, map(str.encode, shingles)), dtype=SIGNATURE_TYPE, count=len(shingles))
    multipliers, offsets = _permutations()
    return (_finalised(hashes)[:, None] * multipliers + offsets).min(axis=0).tobytes()


def _finalised(hashes: numpy.ndarray) -> numpy.ndarray:
    """MurmurHash3's 32-bit finaliser (`fmix32`), which datasketch applies before permuting."""
    hashes = hashes ^ (hashes >> SIGNATURE_TYPE(16))
    hashes = hashes * SIGNATURE_TYPE(0x85EBCA6B)
    hashes = hashes ^ (hashes >> SIGNATURE_TYPE(13))
    hashes = hashes * SIGNATURE_TYPE(0xC2B2AE35)
    return hashes ^ (hashes >> SIGNATURE_TYPE(16))


@cache
def _permutations() -> tuple[numpy.ndarray, numpy.ndarray]:
    """MinHash's random permutations (multipliers, offsets), drawn once from datasketch's fixed seed."""
    multipliers, offsets = MinHash(num_perm=PERMUTATIONS, scheme=SCHEME).permutations
    return multipliers.astype(SIGNATURE_TYPE), offsets.astype(SIGNATURE_TYPE)


class CopyFinder:
    """Remembers the first article of every story seen so far and tells, for each new article, which
    of them it copies. Only first articles are indexed: copies of a story add nothing to find it by."""

    def __init__(self) -> None:
        self._firsts: list[str] = []
        self._signatures = _GrowingRows(PERMUTATIONS)
        self._bands = BandIndex()

    def origin_of(self, article_id: str, signature_bytes: bytes | None) -> str | None:
        """The id of the first article this one copies, or None when it is the first of its story."""
        if signature_bytes is None:
            return None
        signature = numpy.frombuffer(signature_bytes, dtype=SIGNATURE_TYPE)
        keys = self._bands.keys(signature)
        candidates = self._bands.query(keys)
        if len(candidates):
            agreement = (self._signatures.rows(candidates) == signature).mean(axis=1)
            copied = numpy.flatnonzero(agreement >= THRESHOLD)
            if len(copied):
                return self._firsts[candidates[copied[0]]]
        self._bands.insert(keys, len(self._firsts))
        self._signatures.append(signature)
        self._firsts.append(article_id)
        return None


class BandIndex:
    """Banded LSH: a signature's BANDS runs of ROWS min-hashes hashed to one 64-bit key each; two
    signatures that share any key are candidates. Keys live in sorted numpy arrays (12 bytes a band,
    where a dict of band hashes costs over a hundred), with new keys in a small dict until it is
    merged in."""

    def __init__(self) -> None:
        self._mixers = numpy.random.default_rng(0).integers(1, 2**63, size=(BANDS, ROWS), dtype=numpy.uint64) | 1
        self._sorted_keys = numpy.empty(0, dtype=numpy.uint64)
        self._sorted_ids = numpy.empty(0, dtype=numpy.int64)
        self._recent: dict[int, list[int]] = {}

    def keys(self, signature: numpy.ndarray) -> numpy.ndarray:
        """One key per band: the band's rows mixed with odd multipliers (a different set per band,
        so equal values in different bands give different keys)."""
        bands = signature[: BANDS * ROWS].reshape(BANDS, ROWS).astype(numpy.uint64)
        return (bands * self._mixers).sum(axis=1, dtype=numpy.uint64)

    def query(self, keys: numpy.ndarray) -> numpy.ndarray:
        """The ids of every indexed signature sharing a key with `keys`, ascending."""
        low = numpy.searchsorted(self._sorted_keys, keys, side="left")
        high = numpy.searchsorted(self._sorted_keys, keys, side="right")
        found = [self._sorted_ids[start:end] for start, end in zip(low, high) if end > start]
        found.extend(numpy.asarray(self._recent[key]) for key in keys.tolist() if key in self._recent)
        return numpy.unique(numpy.concatenate(found)) if found else numpy.empty(0, dtype=numpy.int64)

    def insert(self, keys: numpy.ndarray, identifier: int) -> None:
        for key in keys.tolist():
            self._recent.setdefault(key, []).append(identifier)
        if len(self._recent) >= max(4096, len(self._sorted_keys) // 4):
            self._merge()

    def _merge(self) -> None:
        """Move the recent keys into the sorted arrays. Merging when the recent keys reach a quarter
        of the sorted ones keeps the total merge work proportional to the number of articles."""
        recent_keys = [key for key, ids in self._recent.items() for _ in ids]
        recent_ids = [identifier for ids in self._recent.values() for identifier in ids]
        keys = numpy.concatenate([self._sorted_keys, numpy.array(recent_keys, dtype=numpy.uint64)])
        ids = numpy.concatenate([self._sorted_ids, numpy.array(recent_ids, dtype=numpy.int64)])
        order = numpy.argsort(keys, kind="stable")
        self._sorted_keys, self._sorted_ids = keys[order], ids[order]
        self._recent = {}


class _GrowingRows:
    """A numpy matrix appended to row by row, with room doubled as needed."""

    def __init__(self, width: int) -> None:
        self._data = numpy.empty((1024, width), dtype=SIGNATURE_TYPE)
        self._count = 0

    def append(self, row: numpy.ndarray) -> None:
        if self._count == len(self._data):
            self._data = numpy.concatenate([self._data, numpy.empty_like(self._data)])
        self._data[self._count] = row
        self._count += 1

    def rows(self, indices: numpy.ndarray) -> numpy.ndarray:
        return self._data[indices]
