"""Temporal tagger: finds DATE, TIME, DURATION and SET expressions in English news text and
normalises them to TIMEX3 values (TempEval-3 / TimeML conventions), anchored on the document date.

Pure rules: `pipeline.timex.lexicon` holds the vocabulary, `pipeline.timex.rules` one regex and
resolver per family of expressions, `pipeline.timex.resolve` the calendar arithmetic.

Speed comes from a cheap pre-filter: one compiled regex finds trigger words (month and day
names, digits, time units, "now", ...) and the rules are only tried at the few word starts just
before each trigger, and at each only the rules that can start with the character there.
Among the rules matching at the leftmost such start, the longest wins.
"""
from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from models.records import TimeExpression
from pipeline.timex.alternation import FOLDS_TO_ASCII, first_characters
from pipeline.timex.lexicon import (
    DAY_PARTS,
    DURATION_MODIFIERS,
    HOLIDAYS,
    LEAD_WORDS,
    MONTHS,
    MOVABLE_HOLIDAYS,
    NOT_BEFORE_WEEKDAY,
    POINT_MODIFIERS,
    REFERENCE_WORDS,
    SEASONS,
    WEEKDAY,
    WEEKDAYS,
    alternation,
    trie_pattern,
)
from pipeline.timex.rules import (
    DECADE_WORDS,
    RULES,
    SET_ADVERBS,
    Context,
    Reading,
    Rule,
    writes_day_first,
)

__all__ = ["tag"]

# Words whose presence starts a search; prefixes are enough ("centur" for century, centuries).
CASED_TRIGGERS = [form for word in (*MONTHS, *WEEKDAYS) for form in (word.capitalize(), word.upper())]
TRIGGER_WORDS = [
    *SEASONS, *DAY_PARTS, *HOLIDAYS, *MOVABLE_HOLIDAYS, *REFERENCE_WORDS, *DECADE_WORDS, *SET_ADVERBS,
    "second", "minute", "hour", "day", "week", "fortnight", "month", "quarter", "half", "year", "decade",
    "centur", "nineteen", "eighteen", "latest period", "recent period", "year-end", "year end", "year's end", "today", "tonight", "yesterday", "tomorrow", "noon", "midnight", "midday", "recent", "coming",
]
TRIGGER_WORD = trie_pattern(CASED_TRIGGERS) + "|" + trie_pattern(TRIGGER_WORDS, caseless=True)
# The lookahead on what can follow a word boundary spares the branches at every word's end.
TRIGGER = re.compile(r"\b(?=[\d" + re.escape("".join(sorted(first_characters(TRIGGER_WORD) or ()))) + "])"
                     r"(?:(?<![.,])\d|(?<!')(?:" + TRIGGER_WORD + "))")


def _rules_by_first_character() -> dict[str, tuple[Rule, ...]]:
    """For each ASCII character, and each other character a rule names as its first, the rules
    (in order) that can match at a position holding it, lower-cased."""
    firsts = [_filed_under(first_characters(rule.regex.pattern, rule.regex.flags, digits=string.digits))
              for rule in RULES]
    keys = {chr(code).lower() for code in range(128)} | {char for chars in firsts if chars for char in chars}
    return {key: tuple(rule for rule, chars in zip(RULES, firsts) if chars is None or key in chars) for key in keys}


def _filed_under(firsts: frozenset[str] | None) -> frozenset[str] | None:
    """The keys a rule starting with `firsts` is filed under: ASCII and caseless characters as
    they are, İ ı ſ K as the ASCII letters they fold to (İ comes lower-cased, as i and a dot; a
    text holding one of them is not in the table, and tries every rule). Another character with
    cases, or another script's digit, may be matched by characters other than itself: a rule
    starting with one is filed everywhere."""
    if firsts is None:
        return None
    keys: set[str] = set()
    for char in firsts:
        if len(char) > 1 or char in FOLDS_TO_ASCII:
            keys.update(letter for letter in string.ascii_lowercase if re.fullmatch(letter, char[0], re.IGNORECASE))
        elif char.isascii() or (char.lower() == char.upper() and not char.isdecimal()):
            keys.add(char)
        else:
            return None
    return frozenset(keys)


RULES_BY_FIRST_CHARACTER = _rules_by_first_character()


def rules_starting_with(char: str) -> Sequence[Rule]:
    """The rules that can match where `char` is: by the table, or all for a character it does
    not know (a letter that folds to an ASCII one ignoring case, such as ſ; another script's digit)."""
    return RULES_BY_FIRST_CHARACTER.get(char.lower(), RULES)


# How far before a trigger an expression may start ("each of the past three years").
LOOKBACK = 32
# Words that can open an expression whose trigger comes later ("the past three years").
LEAD_WORD = re.compile(r"(?<![\w'’.-])" + alternation(LEAD_WORDS) + r"(?![\w'’])", re.IGNORECASE)

# Modifiers kept in the extent of the expression they precede: "early next year", "nearly two years".
MODIFIER = re.compile(
    r"(?<![\w-])(?P<word>" + alternation({**POINT_MODIFIERS, **DURATION_MODIFIERS}) + r")(?:\s+|-)$",
    re.IGNORECASE,
)
DURATION_ONLY_MODIFIERS = {"over", "under", "some", "well over", "just over", "just under"}
# Words that are prepositions, not modifiers, in front of a determiner: "over the past decade".
PREPOSITION_LIKE = {"over", "under", "some", "around", "about"}
MODIFIER_REACH = 24
WEEKDAY_START = re.compile(WEEKDAY)


def tag(text: str, anchor: dt.date | None) -> list[TimeExpression]:
    """Find the temporal expressions in `text`, resolving relative ones against `anchor`
    (the publication date); with no anchor, parts it would supply stay X (`XXXX-03`)."""
    context = Context(text, anchor, day_first=writes_day_first(text))
    found: list[TimeExpression] = []
    position = 0
    for trigger in _scan(text).triggers:
        if trigger < position:
            continue
        best = longest_match(context, position, trigger)
        if best is None:
            continue
        start, end, reading = best
        start, mod = extend_with_modifier(text, max(start, position), reading)
        found.append(TimeExpression(start=start, end=end, text=text[start:end], type=reading.type,
                                    value=reading.value, mod=reading.mod or mod))
        if reading.point is not None:
            context.last, context.last_end = reading.point, end
        position = end
    return found


def longest_match(context: Context, floor: int, trigger: int) -> tuple[int, int, Reading] | None:
    """The leftmost-longest rule match that starts in the word starts before `trigger` (not
    before `floor`) and reaches it; rejected matches (resolver returns None) do not count."""
    text = context.text
    starts = [match.start() for match in LEAD_WORD.finditer(text, max(floor, trigger - LOOKBACK), trigger)]
    for start in [*starts, trigger]:
        best: tuple[int, int, Reading] | None = None
        for rule, match in matches_at(text, start):
            if match.end() <= trigger or (best and match.end() <= best[1]):
                continue
            reading = rule.resolve(match, context)
            if reading is not None:
                best = (reading.start if reading.start is not None else start, match.end(), reading)
        if best is not None:
            return best
    return None


TEXTS_MATCHED = 256
"""Documents whose scan is kept: a document is tagged again on the second end of a window
(`nlp.reanchored`)."""
SENTENCES_MATCHED = 8192
"""Sentences whose scan is kept: dating tags one sentence on many publication days
(`pipeline.engine.dating`, ~27,000 taggings of a few thousand sentences on the 10,000-article
bench, `bench/dating.py`), and a document's few hundred kept were far too few for them. A
sentence's scan takes a few kilobytes, a document's tens."""
SENTENCE_CHARS = 1000
"""The longest text kept among the sentences."""


@dataclass
class Scan:
    """What tagging a text finds whatever the anchor: where its trigger words start (the search
    for them was most of tagging a sentence again), and the rules that match at each start
    tried so far (filled by `matches_at`)."""

    triggers: list[int]
    matches: dict[int, list[tuple[Rule, re.Match[str]]]] = field(default_factory=dict)


def _scanned(text: str) -> Scan:
    return Scan([trigger.start() for trigger in TRIGGER.finditer(text)])


_document_scan = lru_cache(maxsize=TEXTS_MATCHED)(_scanned)
_sentence_scan = lru_cache(maxsize=SENTENCES_MATCHED)(_scanned)


def _scan(text: str) -> Scan:
    """The text's scan, kept among the sentences' or the documents'."""
    return _sentence_scan(text) if len(text) <= SENTENCE_CHARS else _document_scan(text)


def matches_at(text: str, start: int) -> list[tuple[Rule, re.Match[str]]]:
    """The rules that match `text` at `start`, in order, with their matches: what a rule's regex
    matches does not depend on the anchor, so a text tagged again on another day matches once."""
    found = _scan(text).matches
    if start not in found:
        found[start] = [(rule, match) for rule in rules_starting_with(text[start]) if (match := rule.regex.match(text, start))]
    return found[start]


def extend_with_modifier(text: str, start: int, reading: Reading) -> tuple[int, str | None]:
    """Move `start` left over a modifier TimeBank keeps in the extent ("late", "nearly", "mid-");
    return the new start and the modifier's TIMEX3 mod."""
    match = MODIFIER.search(text, max(0, start - MODIFIER_REACH), start)
    if match is None or reading.value.endswith("_REF") or reading.type == "SET":
        return start, None
    word = re.sub(r"\s+", " ", match["word"].lower())
    if word in DURATION_ONLY_MODIFIERS and reading.type != "DURATION":
        return start, None
    if word in PREPOSITION_LIKE and text.startswith(("the ", "The "), start):
        return start, None
    if word in NOT_BEFORE_WEEKDAY and WEEKDAY_START.match(text, start):
        return start, None
    return match.start(), POINT_MODIFIERS.get(word) or DURATION_MODIFIERS.get(word)
