"""The rule machinery every rule family shares: the reading a rule gives, the per-document
context, the registry `RULES` and the shared regex fragments."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, partial
from typing import Callable, Literal

from pipeline.timex.lexicon import (
    NUMBER_WORD, ORDINALS, VAGUE_NUMBER, alternation,
)
from pipeline.timex.resolve import (
    UNIT_GRANULARITY, UNKNOWN_DATE, Granularity, Point, Tense, nearest_year, shift, tense_near,
)

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True)
class Reading:
    """What a rule made of a match. `point` is set when the expression names a definite period
    that later anaphora ("that day", "later that year") can refer back to."""

    type: TimexType
    value: str
    mod: str | None = None
    point: Point | None = None
    start: int | None = None  # when the extent differs from the match


MONTH_FIRST_EVIDENCE = re.compile(r"\b[01]?\d/(?:1[3-9]|2\d|3[01])/(?:19|20)?\d\d\b")
"""A numeric date whose second number can only be a day ("10/30/89"): the document writes month first."""


def writes_day_first(text: str) -> bool:
    """Whether a document's numeric dates are day first: the British way ("10/04/2018" is 10 April),
    as the English press that chronicle reads writes them, unless one of its own numeric dates can
    only be month first (TimeBank's American "10/30/89")."""
    return "/" not in text or not MONTH_FIRST_EVIDENCE.search(text)


@dataclass
class Context:
    """Per-document state: the text, the anchor (document date), the last definite point, and
    whether numeric dates are day first."""

    text: str
    anchor: dt.date | None
    last: Point | None = None
    day_first: bool = True
    last_end: int = -1
    """Where the expression that gave `last` ends."""

    def tense(self, match: re.Match[str]) -> Tense | None:
        return tense_near(self.text, match.start(), match.end())


Resolver = Callable[[re.Match[str], Context], Reading | None]


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    resolve: Resolver


RULES: list[Rule] = []
WORD_END = r"(?!\w|['’](?!s\b))"


def rule(pattern: str) -> Callable[[Resolver], Resolver]:
    """Register a resolver with its pattern; a match must end at a word boundary, which may
    be a possessive ("last month's" gives "last month")."""
    def register(resolve: Resolver) -> Resolver:
        regex = re.compile(pattern + WORD_END if not pattern.endswith(".") else pattern, re.IGNORECASE)
        RULES.append(Rule(resolve.__name__, regex, resolve))
        return resolve
    return register


# ------------------------------------------------------------------ shared fragments

NUM = rf"(?:\d+(?:\.\d+)?|{NUMBER_WORD})"
HALF = r"(?:\s+and\s+(?:a\s+)?half|\s+1/2|\s*½)"
COUNT = rf"(?:{NUM}{HALF}?|{VAGUE_NUMBER})"
YEAR = r"(?:1[6-9]|20)\d\d"
DAY_ORDINAL = alternation(word for word, value in ORDINALS.items() if value > 0)
DAY = rf"(?:[0-3]?\d(?:st|nd|rd|th)?|{DAY_ORDINAL})"
REL = r"(?:this\s+past|this\s+coming|this|last|next|past|coming)"
QUARTER_ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)"


def day_of_month(word: str) -> int | None:
    word = word.lower()
    if word in ORDINALS:
        return ORDINALS[word]
    number = int(re.sub(r"\D", "", word))
    return number if 1 <= number <= 31 else None


def masked(granularity: Granularity) -> str:
    """The value of a point whose position the missing anchor leaves unknown."""
    return {"D": UNKNOWN_DATE, "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX", "H": "XXXX-HX",
            "Y": "XXXX", "DE": "XXX", "CE": "XX"}[granularity]


def point_reading(point: Point | None, granularity: Granularity, mod: str | None = None,
                  suffix: str = "", kind: TimexType = "DATE") -> Reading:
    """A DATE (or `kind`) at `point`, with a time-of-day `suffix`; masked when it is unknown."""
    if point is None:
        return Reading(kind, masked(granularity) + suffix, mod)
    return Reading(kind, point.value() + suffix, mod, point)


def relative_point(context: Context, unit: str, offset: int, base: Point | None = None) -> Point | None:
    """The period `offset` units away from `base` (default: the anchor), at the unit's granularity."""
    origin = base.day if base else context.anchor
    if origin is None:
        return None
    return Point(shift(origin, unit, offset), UNIT_GRANULARITY[unit])


# A past-tense bare month counts as last year's once its first day is this far ahead of the anchor
# (a past-tense clause often hangs on a reporting verb: "said ... in early March" in February).
BARE_MONTH_OVERRIDE_DAYS = 30


SINCE_BEFORE = re.compile(r"\bsince\s+$", re.I)


def bare_month_year(context: Context, match: re.Match[str], month: int) -> int | None:
    if context.anchor is None:
        return None
    # Like a month and day: the nearest such month, unless the tense clearly says otherwise; a
    # future marker ("will", "expected") is explicit, so a month already past is next year's.
    # The tense is read once, and only where it can change the year.
    if SINCE_BEFORE.search(context.text, max(0, match.start() - 7), match.start()):
        return context.anchor.year if month <= context.anchor.month else context.anchor.year - 1  # "since April" looks back
    tense = cache(partial(context.tense, match))
    told = _year_told_before(context, match, month)
    if told is not None:
        return told
    if month < context.anchor.month and tense() == "FUTURE":
        return context.anchor.year + 1
    return nearest_year(context.anchor, month, 1, tense, override_days=BARE_MONTH_OVERRIDE_DAYS)


NARRATIVE_REACH = 100
SENTENCE_END = re.compile(r"[.!?]\s")


def _year_told_before(context: Context, match: re.Match[str], month: int) -> int | None:
    """The year of a date just told in the same sentence, when the bare month follows it later in
    that year: "first rated inadequate in February 2013, and by June inspectors found…" is June 2013.
    A year alone says too little ("Hale, who resigned in 2012, was appointed in January")."""
    last = context.last
    if last is None or not 0 <= match.start() - context.last_end <= NARRATIVE_REACH:
        return None
    if SENTENCE_END.search(context.text, context.last_end, match.start()):
        return None
    if last.granularity not in ("M", "D") or month <= last.day.month:
        return None
    if context.anchor and dt.date(last.day.year, month, 1) > context.anchor:
        return None
    return last.day.year


def make_date(year: int | None, month: int, day: int | None) -> Point | None:
    if year is None:
        return None
    try:
        return Point(dt.date(year, month, day or 1), "D" if day else "M")
    except ValueError:
        return None


def month_day_reading(context: Context, match: re.Match[str], month: int, day: int | None,
                      year_text: str | None) -> Reading | None:
    """A date written with a month name: with its own year, or the year the anchor implies."""
    if year_text:
        year: int | None = int(year_text)
    elif day and context.anchor:
        year = nearest_year(context.anchor, month, day, partial(context.tense, match))
    else:
        year = bare_month_year(context, match, month)
    point = make_date(year, month, day)
    if point is None and year is not None:
        return None
    if point is None:
        return Reading("DATE", f"XXXX-{month:02d}" + (f"-{day:02d}" if day else ""))
    return point_reading(point, point.granularity)


