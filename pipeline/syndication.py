"""Syndicated copies: the same story printed by several outlets counts as one source of evidence.

Articles are compared by the Jaccard similarity of their word 5-shingles, estimated with MinHash
and found with locality-sensitive hashing (datasketch), so a dump of thousands of articles is not
compared pair by pair. A copy points (`copy_of`) at the first article of its story in reading
order; a copy of a copy points at that same first article.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from datasketch import MinHash, MinHashLSH

from models.records import Article, Problem

SHINGLE_WORDS = 5
"""Five words: long enough that shared council names, job titles and stock phrases
("rated inadequate by Ofsted") do not make two different stories look alike."""
THRESHOLD = 0.5
"""Calibrated on sample_articles/: the syndicated pair (203/204, different furniture around the same
story) scores 0.68; every other pair, including stories on the same council and event, 0.05 or less."""
PERMUTATIONS = 128
"""MinHash estimate error about 1/sqrt(128) ≈ 0.09 at worst, well inside the gap above."""
MIN_SHINGLES = 20
"""Texts shorter than this (a headline, a stub) share too few shingles to call a copy."""
WORD = re.compile(r"\w+")


class CopyFinder:
    """Remembers the articles seen so far and tells, for each new one, which earlier one it copies."""

    def __init__(self) -> None:
        self._index = MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS)
        self._signatures: dict[int, MinHash] = {}
        self._origins: dict[int, str] = {}

    def origin_of(self, article: Article) -> str | None:
        """The id of the first article this one is a copy of, or None when it is the first of its story."""
        signature = _signature(article.text)
        if signature is None:
            return None
        matches = sorted(
            key for key in self._index.query(signature)
            if self._signatures[key].jaccard(signature) >= THRESHOLD
        )
        key = len(self._signatures)
        origin = self._origins[matches[0]] if matches else None
        self._index.insert(key, signature)
        self._signatures[key] = signature
        self._origins[key] = origin or article.id
        return origin


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
    signature = MinHash(num_perm=PERMUTATIONS)
    signature.update_batch([shingle.encode("utf-8") for shingle in shingles])
    return signature
