"""Syndicated copies: found by signature, pointed at the first article of their story."""
from __future__ import annotations

import random
import sqlite3
import zlib

import numpy
from datasketch import MinHash

from pipeline.merge.syndication import (
    BANDS,
    ROWS,
    BandIndex,
    CopyFinder,
    Digests,
    _permutations,
    _similar,
    signature,
)

STORY = (
    "Ofsted inspectors rated the children's services of Oakshire County Council inadequate after a "
    "visit in March, finding that social workers carried caseloads of up to forty children and that "
    "managers had not checked the quality of assessments for more than a year. The council's director "
    "said an improvement plan would go to cabinet next month and that extra staff had been recruited."
)
OTHER = (
    "Birchfield Borough Council has appointed a new director of children's services after a search "
    "lasting six months, choosing a candidate who ran early help services in a neighbouring county and "
    "who will start in the autumn, the council's leader told a meeting of the full council on Tuesday "
    "evening, adding that the interim director would stay on to hand over the role."
)


def test_a_lightly_edited_copy_points_at_the_first_article_of_its_story() -> None:
    finder = CopyFinder()
    edited = STORY.replace("next month", "in the coming weeks")
    assert finder.origin_of("first", signature(STORY)) is None
    assert finder.origin_of("other", signature(OTHER)) is None
    assert finder.origin_of("copy", signature(edited)) == "first"
    assert finder.origin_of("copy of copy", signature(STORY)) == "first"


def test_a_text_too_short_to_judge_has_no_signature() -> None:
    assert signature("Council rated inadequate") is None
    assert CopyFinder().origin_of("stub", None) is None


def test_band_index_finds_exactly_the_signatures_that_share_a_band() -> None:
    rng, choose = numpy.random.default_rng(1), random.Random(1)
    db = sqlite3.connect(":memory:")
    index = BandIndex(db)
    stored = [rng.integers(0, 2**32, size=128, dtype=numpy.uint64).astype(numpy.uint32) for _ in range(3000)]
    for identifier, row in enumerate(stored):
        index.insert(index.keys(row), identifier)
    for _ in range(50):
        probe = rng.integers(0, 2**32, size=128, dtype=numpy.uint64).astype(numpy.uint32)
        planted = sorted(choose.sample(range(len(stored)), 3))
        for identifier, band in zip(planted, choose.sample(range(BANDS), 3)):
            probe[band * ROWS : (band + 1) * ROWS] = stored[identifier][band * ROWS : (band + 1) * ROWS]
        keys = index.keys(probe)
        assert index.stories_sharing(keys) == planted


def test_signature_is_datasketch_minhash_of_the_word_shingles() -> None:
    words = STORY.lower().replace(",", "").replace(".", "").replace("'", " ").split()
    shingles = {" ".join(words[i : i + 5]) for i in range(len(words) - 4)}
    reference = MinHash(num_perm=128, hashfunc=zlib.crc32, scheme="affine32")
    reference.update_batch([shingle.encode("utf-8") for shingle in shingles])
    assert signature(STORY) == reference.hashvalues.astype(numpy.uint32).tobytes()


def test_permutations_are_datasketchs() -> None:
    multipliers, offsets = MinHash(num_perm=128, scheme="affine32").permutations
    assert (_permutations()[0] == multipliers).all() and (_permutations()[1] == offsets).all()


def test_digests_keep_every_story_a_signature_copies_and_rule_out_unrelated_ones() -> None:
    rng = numpy.random.default_rng(2)
    stored = rng.integers(0, 2**32, size=(Digests.BLOCK + 500, 128), dtype=numpy.uint64).astype(numpy.uint32)
    probe = rng.integers(0, 2**32, size=128, dtype=numpy.uint64).astype(numpy.uint32)
    for story in rng.choice(len(stored), size=40, replace=False):
        shared = rng.choice(128, size=int(rng.integers(40, 100)), replace=False)
        stored[story][shared] = probe[shared]
    digests = Digests()
    assert [digests.add(row) for row in stored] == list(range(len(stored)))
    everyone = list(range(len(stored)))
    copies = [story for story in everyone if _similar(stored[story], probe)]
    assert copies and set(copies) <= set(digests.possible_copies(everyone, probe))
    unrelated = rng.integers(0, 2**32, size=128, dtype=numpy.uint64).astype(numpy.uint32)
    assert digests.possible_copies(everyone, unrelated) == []
