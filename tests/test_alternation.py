"""The dispatched alternation finds exactly what the plain alternation finds, only faster."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from models.vocabulary import TRIGGERS
from pipeline.alternation import Alternation, first_characters

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"


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
