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
import sqlite3
import zlib
from functools import cache, lru_cache

import numpy

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
DATASKETCH_SEED = 1
"""datasketch's default seed: `signature` computes datasketch's default (affine32) scheme with
the permutations datasketch draws from it."""
MIN_SHINGLES = 20
"""Texts shorter than this (a headline, a stub) share too few shingles to call a copy."""
WORD = re.compile(r"\w+")
SIGNATURE_TYPE = numpy.uint32
"""affine32 min-hashes fit 32 bits: a signature is PERMUTATIONS x 4 bytes, as stored and shipped."""


SIGNATURES_KEPT = 2
"""Texts whose signature is kept: dating extracts an undated article on both ends of its window,
one text analysed once (`pipeline.extract.analysis.extract_on_days`); a signature of a 500-word
article costs about 0.24 ms of the ~4 ms of each such extraction."""


@lru_cache(maxsize=SIGNATURES_KEPT)
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
    """MinHash's random permutations (odd multipliers, offsets), drawn as datasketch draws its
    affine32 ones from its fixed seed, so signatures are datasketch's (`tests/test_syndication.py`
    checks both). datasketch itself is not imported: it pulls in scipy, ~2 s of every process's start."""
    draw = numpy.random.RandomState(DATASKETCH_SEED)
    multipliers = draw.randint(0, 1 << 31, PERMUTATIONS, dtype=SIGNATURE_TYPE) * SIGNATURE_TYPE(2) + SIGNATURE_TYPE(1)
    offsets = draw.randint(0, 1 << 32, PERMUTATIONS, dtype=SIGNATURE_TYPE)
    return multipliers, offsets


def _similar(stored: numpy.ndarray, signature: numpy.ndarray) -> numpy.ndarray:
    """Which rows of `stored` agree with `signature` on enough min-hashes to be the same story."""
    return numpy.count_nonzero(stored == signature, axis=-1) >= THRESHOLD * PERMUTATIONS


class CopyFinder:
    """Remembers the first article of every story seen so far and tells, for each new article, which
    of them it copies. Only first articles are indexed: copies of a story add nothing to find it by.
    Stories and their bands live in SQLite tables (the build's on-disk workspace; an in-memory
    database by default), so memory stays flat however many articles are read; only each
    story's `Digests` row is kept in memory.

    A database that already holds an index (a resumed build's, `pipeline.engine.resume`) is taken up
    where it stands after its first `kept` stories; the stories after those are dropped."""

    def __init__(self, db: sqlite3.Connection | None = None, kept: int = 0) -> None:
        self._db = db or sqlite3.connect(":memory:")
        self._db.execute("CREATE TABLE IF NOT EXISTS stories (story INTEGER PRIMARY KEY, article TEXT NOT NULL, signature BLOB NOT NULL)")
        self._bands = BandIndex(self._db)
        self._digests = Digests()
        self._take_up(kept)

    @property
    def stories(self) -> int:
        """Stories indexed so far."""
        return self._digests.count

    def _take_up(self, kept: int) -> None:
        if self._db.execute("SELECT 1 FROM stories WHERE story >= ? LIMIT 1", (kept,)).fetchone():
            self._db.execute("DELETE FROM stories WHERE story >= ?", (kept,))
            self._bands.forget_from(kept)
        for (stored,) in self._db.execute("SELECT signature FROM stories ORDER BY story"):
            self._digests.add(numpy.frombuffer(stored, dtype=SIGNATURE_TYPE))

    def origin_of(self, article_id: str, signature_bytes: bytes | None) -> str | None:
        """The id of the first article this one copies, or None when it is the first of its story."""
        if signature_bytes is None:
            return None
        signature = numpy.frombuffer(signature_bytes, dtype=SIGNATURE_TYPE)
        keys = self._bands.keys(signature)
        for story in self._digests.possible_copies(self._bands.stories_sharing(keys), signature):
            article, stored = self._db.execute("SELECT article, signature FROM stories WHERE story = ?", (story,)).fetchone()
            if _similar(numpy.frombuffer(stored, dtype=SIGNATURE_TYPE), signature):
                return article
        story = self._digests.add(signature)
        self._db.execute("INSERT INTO stories VALUES (?, ?, ?)", (story, article_id, signature_bytes))
        self._bands.insert(keys, story)
        return None


class Digests:
    """The low byte of each min-hash of every story, in memory, stories numbered in order of adding.

    Two signatures that agree on a min-hash agree on its low byte, so a story whose digest agrees
    on too few cannot be a copy: almost every candidate the bands give (40 an article on the
    bench archive, whose articles share stock phrases) is ruled out here, and only the rest have
    their signatures read from disk. 128 bytes a story: 5 MB at 40,000 stories."""

    BLOCK = 4096
    """Stories a block holds: blocks are added as stories are, so nothing is ever copied to grow."""

    def __init__(self) -> None:
        self._blocks: list[numpy.ndarray] = []
        self.count = 0

    def add(self, signature: numpy.ndarray) -> int:
        """File a story's digest; return the story's number."""
        story = self.count
        block, row = divmod(story, self.BLOCK)
        if block == len(self._blocks):
            self._blocks.append(numpy.empty((self.BLOCK, PERMUTATIONS), dtype=numpy.uint8))
        self._blocks[block][row] = signature.astype(numpy.uint8)
        self.count += 1
        return story

    def possible_copies(self, stories: list[int], signature: numpy.ndarray) -> list[int]:
        """Those of `stories` (ascending) whose digest agrees with `signature` on enough min-hashes."""
        if not stories:
            return []
        numbers = numpy.asarray(stories)
        by_block = numpy.split(numbers, numpy.searchsorted(numbers, numpy.arange(1, len(self._blocks)) * self.BLOCK))
        rows = numpy.concatenate([block[part % self.BLOCK] for block, part in zip(self._blocks, by_block)])
        return numbers[_similar(rows, signature.astype(numpy.uint8))].tolist()


class BandIndex:
    """Banded LSH: a signature's BANDS runs of ROWS min-hashes hashed to one 64-bit key each; two
    signatures that share any key are candidates. Keys are rows of an indexed SQLite table."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._mixers = numpy.random.default_rng(0).integers(1, 2**63, size=(BANDS, ROWS), dtype=numpy.uint64) | 1
        db.execute("CREATE TABLE IF NOT EXISTS bands (key INTEGER, story INTEGER, PRIMARY KEY (key, story)) WITHOUT ROWID")

    def keys(self, signature: numpy.ndarray) -> list[int]:
        """The signature's band keys, as the signed 64-bit integers SQLite stores."""
        bands = signature.astype(numpy.uint64).reshape(BANDS, ROWS)
        return (bands * self._mixers).sum(axis=1, dtype=numpy.uint64).view(numpy.int64).tolist()

    def stories_sharing(self, keys: list[int]) -> list[int]:
        """Every indexed story that shares a key with `keys`, each once, in order."""
        query = f"SELECT DISTINCT story FROM bands WHERE key IN ({','.join('?' * len(keys))}) ORDER BY story"
        return [story for (story,) in self._db.execute(query, keys)]

    def insert(self, keys: list[int], story: int) -> None:
        self._db.executemany("INSERT INTO bands VALUES (?, ?)", [(key, story) for key in keys])

    def forget_from(self, story: int) -> None:
        """Drop the keys of every story numbered `story` or later."""
        self._db.execute("DELETE FROM bands WHERE story >= ?", (story,))
