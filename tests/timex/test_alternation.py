"""The dispatched alternation finds exactly what the plain alternation finds, only faster."""
from __future__ import annotations

import random
import re
import sys

import pytest

from models.vocabulary import TRIGGERS
from pipeline.timex.alternation import (
    FOLDS_TO_ASCII,
    Alternation,
    Gate,
    first_characters,
    looking_ahead,
)
from tests.paths import SAMPLES


def plain(patterns: list[str], flags: int, text: str) -> list[tuple[int, tuple[int, int]]]:
    regex = re.compile("|".join(f"(?P<t{i}>{p})" for i, p in enumerate(patterns)), flags)
    return [(int(m.lastgroup[1:]), m.span()) for m in regex.finditer(text)]


def dispatched(patterns: list[str], flags: int, text: str) -> list[tuple[int, tuple[int, int]]]:
    return [(index, match.span()) for index, match in Alternation(patterns, flags).finditer(text)]


def test_event_triggers_match_as_the_plain_alternation_on_the_sample_corpus() -> None:
    patterns = [trigger.pattern for trigger in TRIGGERS]
    for path in sorted(SAMPLES.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert dispatched(patterns, re.I, text) == plain(patterns, re.I, text), path.name


@pytest.mark.parametrize(
    ("patterns", "flags", "text"),
    [
        (["ab", "a", "b"], 0, "abab a b"),  # the first pattern that matches wins, as in an alternation
        (["x?y", "\\w+"], 0, "xy y zz"),  # a class such as \w can start anywhere
        (["a*", "b"], 0, "aab b"),  # a pattern that can match nothing
        (["(?i:cat)", "dog"], 0, "CAT Dog dog"),  # a case-insensitive group in a sensitive pattern
        (["\\bfeel", "[‘']?good rating"], re.I, "feelgood rating, ‘Good rating"),
    ],
)
def test_matches_as_the_plain_alternation(patterns: list[str], flags: int, text: str) -> None:
    assert dispatched(patterns, flags, text) == plain(patterns, flags, text)


def test_first_characters_of_a_pattern() -> None:
    assert first_characters(r"\b(?:re-?)?inspect", re.I) == frozenset("ri")
    assert first_characters(r"[‘']?good") == frozenset("‘'g")
    assert first_characters(r"\w+") is None


def test_only_four_characters_outside_ascii_match_an_ascii_letter_ignoring_case() -> None:
    everything = "".join(map(chr, range(128, sys.maxunicode + 1)))
    assert set(re.findall("[a-z]", everything, re.I)) == FOLDS_TO_ASCII


def scrambled_articles(count: int) -> list[str]:
    """Sample-article words reshuffled in runs, case changed and spacing varied: texts where
    triggers start, overlap and break off in places no article has them."""
    words = " ".join(path.read_text(encoding="utf-8") for path in sorted(SAMPLES.rglob("*.txt"))).split(" ")
    rng = random.Random(7)
    texts = []
    for _ in range(count):
        start = rng.randrange(len(words))
        run = words[start:start + 400]
        if rng.random() < 0.3:
            rng.shuffle(run)
        text = rng.choice([" ", "  ", "\n", "-"]).join(run)
        texts.append(rng.choice([str, str.upper, str.title, str.lower])(text))
    return texts


def test_the_literal_gate_never_drops_a_match_of_the_full_scan() -> None:
    scan = Alternation([trigger.pattern for trigger in TRIGGERS], re.I)
    assert scan.gates is not None
    for text in [*scrambled_articles(300), "She reſigned; the İnspection", "\u212aent’s director resigned"]:
        gated = [(index, match.span()) for index, match in scan.finditer(text)]
        assert gated == [(int(m.lastgroup.split("_")[0][1:]), m.span()) for m in scan.regex.finditer(text)]


def test_the_literals_a_text_holds_are_those_a_search_of_the_text_for_each_finds() -> None:
    index = Alternation([trigger.pattern for trigger in TRIGGERS], re.I).index
    literals = [*index.bits, *index.opened_by]
    for text in [*scrambled_articles(100), "carried\tout; it was carried  out", "inspectors carried out", "has been", ""]:
        lowered = text.lower()
        held = index.literals.held(lowered)
        assert {literal for literal in literals if literal in held} == {literal for literal in literals if literal in lowered}


def test_a_gate_holds_the_literals_a_match_starts_with_and_cannot_do_without() -> None:
    gate = Gate.of(r"\b(?:will|to|is due to)\s+leave\b", re.I)
    assert gate is not None
    assert gate.openings == {"will": 0, "to": 0, "is due to": 0}
    assert frozenset({"leave"}) in gate.clauses
    assert Gate.of(r"[‘']?(?:good|poor)\s+rating", re.I).openings == {"good": 1, "poor": 1}  # type: ignore[union-attr]
    assert Gate.of(r"\b(?:has|had) been", re.I).openings == {"has been": 0, "had been": 0}  # type: ignore[union-attr]


def test_a_pattern_without_an_opening_literal_has_no_gate() -> None:
    assert Gate.of(r"\w+ing") is None
    assert Gate.of(r"a*") is None
    assert Gate.of(r"\s+left") is None


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"(?P<title>(?:Mr|Dr)\.?\s+)?(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})", 0),
        (r"(?:the\s+)?(?:spring|summer)", re.I),  # under re.I the lookahead folds case as the pattern does
        (r"\w+ly", 0),  # no telling where it starts: no lookahead
    ],
)
def test_a_lookahead_on_the_first_characters_keeps_every_match(pattern: str, flags: int) -> None:
    faster = re.compile(looking_ahead(pattern, flags), flags)
    plain = re.compile(pattern, flags)
    for text in [*scrambled_articles(40), "Dr Sarah Smith and ſpring, Mr. Jones; THE SUMMER"]:
        assert [m.span() for m in faster.finditer(text)] == [m.span() for m in plain.finditer(text)]
