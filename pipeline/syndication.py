"""Syndicated copies: the same story printed by several outlets counts as one source of evidence.

Articles are compared by the Jaccard similarity of their word 5-shingles, estimated with MinHash
and found with locality-sensitive hashing (datasketch), so a dump of thousands of articles is not
compared pair by pair. A copy points (`copy_of`) at the first article of its story in reading
order.
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator
from functools import cache

from datasketch import MinHash, MinHashLSH

from models.records import Article, Problem

SHINGLE_WORDS = 5
"""Five words: long enough that shared council names, job titles and stock phrases
("rated inadequate by Ofsted") do not make two different stories look alike."""
THRESHOLD = 0.5
"""Calibrated on sample_articles/: the syndicated pair (203/204, different furniture around the same
story) scores 0.68; every other pair, including stories on the same council and event, 0.05 or less."""
CANDIDATE_THRESHOLD = 0.3
"""The index looks wider than THRESHOLD, and each candidate is then checked against THRESHOLD: banded
LSH set at 0.5 itself missed the sample pair (estimated 0.59), as it misses a fair share of pairs
just above its threshold."""
PERMUTATIONS = 128
"""MinHash estimate error about 1/sqrt(128) ≈ 0.09 at worst, well inside the gap above. Shingles are
hashed with CRC-32: stable across runs (unlike `hash`), and several times faster than datasketch's
default SHA-1, which took most of the reading time of a large JSON Lines export."""
SCHEME = "affine32"
"""datasketch's default permutation scheme, named because reused permutations must say which they are."""
MIN_SHINGLES = 20
"""Texts shorter than this (a headline, a stub) share too few shingles to call a copy."""
WORD = re.compile(r"\w+")


class CopyFinder:
    """Remembers the first article of every story seen so far and tells, for each new article, which
    of them it copies. Only first articles are indexed: a dump of many copies of a few stories would
    otherwise fill the index's buckets with copies and make every look-up scan them all."""

    def __init__(self) -> None:
        self._index = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=PERMUTATIONS)
        self._firsts: list[tuple[str, MinHash]] = []

    def origin_of(self, article: Article) -> str | None:
        """The id of the first article this one is a copy of, or None when it is the first of its story."""
        signature = _signature(article.text)
        if signature is None:
            return None
        for key in sorted(self._index.query(signature)):
            origin, known = self._firsts[key]
            if known.jaccard(signature) >= THRESHOLD:
                return origin
        self._index.insert(len(self._firsts), signature)
        self._firsts.append((article.id, signature))
        return None


def mark_copies(items: Iterable[Article | Problem]) -> Iterator[Article | Problem]:
    """Pass items through, setting `copy_of` on every article that is a near-duplicate of an earlier one."""
    finder = CopyFinder()
    for item in items:
        if isinstance(item, Article):
            origin = finder.origin_of(item)
            if origin is not None and origin != item.id:
                item = item.model_copy(update={"copy_of": origin})
        yield item


def _signature(text: str) -> MinHash | None:
    words = WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    if len(shingles) < MIN_SHINGLES:
        return None
    signature = MinHash(num_perm=PERMUTATIONS, hashfunc=zlib.crc32, permutations=_permutations(), scheme=SCHEME)
    signature.update_batch([shingle.encode("utf-8") for shingle in shingles])
    return signature


@cache
def _permutations() -> tuple:
    """MinHash's random permutations, drawn once (from its fixed seed) instead of for every article."""
    return MinHash(num_perm=PERMUTATIONS, scheme=SCHEME).permutations
