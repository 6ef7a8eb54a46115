"""Calendar arithmetic and TIMEX3 value formatting for the temporal tagger.

Values follow TempEval-3 / TimeML conventions: a point is written at its own granularity
(`2011-09-07`, `2011-W36`, `2011-09`, `2011-Q1`, `2011-SU`, `2011`, `201` for a decade,
`20` for a century), and parts that the anchor cannot supply stay `X`.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Literal

from pipeline.timex.alternation import compile_looking_ahead
from pipeline.timex.lexicon import FUTURE_MARKERS, MODAL_MAY, PAST_MARKERS, UNITS, alternation

Granularity = Literal["D", "W", "M", "Q", "H", "Y", "DE", "CE"]
Tense = Literal["PAST", "FUTURE"]

UNKNOWN_DATE = "XXXX-XX-XX"


@dataclass(frozen=True)
class Point:
    """A date known to some granularity; `day` is any day inside the period."""

    day: dt.date
    granularity: Granularity

    def value(self) -> str:
        return format_point(self.day, self.granularity)


def format_point(day: dt.date, granularity: Granularity) -> str:
    if granularity == "D":
        return day.isoformat()
    if granularity == "W":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if granularity == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "H":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if granularity == "Y":
        return f"{day.year:04d}"
    if granularity == "DE":
        return f"{day.year // 10:03d}"
    return f"{day.year // 100:02d}"


def add_months(day: dt.date, months: int) -> dt.date:
    """Move by whole months, clamping the day to the target month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: dt.date, unit: str, count: int) -> dt.date:
    """`day` moved by `count` of `unit` (a key of UNITS, or 'weekend')."""
    if unit in ("day",):
        return day + dt.timedelta(days=count)
    if unit in ("week", "weekend"):
        return day + dt.timedelta(weeks=count)
    if unit == "fortnight":
        return day + dt.timedelta(weeks=2 * count)
    months_per_unit = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}
    return add_months(day, count * months_per_unit.get(unit, 0))


UNIT_GRANULARITY: dict[str, Granularity] = {
    "day": "D", "week": "W", "weekend": "W", "fortnight": "W", "month": "M", "quarter": "Q",
    "half": "H", "year": "Y", "decade": "DE", "century": "CE",
}


YEARS_PER_UNIT = {"decade": 10, "century": 100}
VAGUE_CODE = {"decade": "Y", "century": "C"}


def duration_value(count: float | None, unit: str) -> str:
    """ISO 8601 duration: (18, 'month') -> P18M, (None, 'year') -> PXY, (2.5, 'year') -> P2Y6M."""
    if unit in YEARS_PER_UNIT:
        # TimeBank writes decades and centuries in years: "two decades" is P20Y, "decades" PXY.
        return f"PX{VAGUE_CODE[unit]}" if count is None else duration_value(count * YEARS_PER_UNIT[unit], "year")
    code = UNITS[unit]
    prefix = "PT" if unit in ("second", "minute", "hour") else "P"
    if unit == "fortnight" and count is not None:
        count *= 2
    if count is None:
        return f"{prefix}X{code}"
    if count == int(count):
        return f"{prefix}{int(count)}{code}"
    return _fractional_duration(count, unit)


# A fractional count is written as whole units plus the remainder in the next smaller unit.
SMALLER_UNIT: dict[str, tuple[str, int]] = {
    "year": ("M", 12), "month": ("D", 30), "week": ("D", 7), "day": ("H", 24), "hour": ("M", 60),
    "minute": ("S", 60), "decade": ("Y", 10), "century": ("Y", 100),
}


def _fractional_duration(count: float, unit: str) -> str:
    whole = int(count)
    smaller, factor = SMALLER_UNIT.get(unit, (UNITS[unit], 1))
    rest = round((count - whole) * factor)
    time = unit in ("hour", "minute") or (unit == "day" and not whole)
    head = f"{whole}{UNITS[unit]}" if whole else ""
    if unit == "day" and whole:
        return f"P{head}T{rest}H"
    return ("PT" if time else "P") + head + f"{rest}{smaller}"


def month_year(anchor: dt.date, month: int, tense: Tense | None) -> int:
    """The year of a bare month name: the anchor's year, unless the tense puts the month on the
    other side of the anchor (past-tense "in November" in a March article is last November)."""
    if tense == "PAST" and month > anchor.month:
        return anchor.year - 1
    if tense == "FUTURE" and month < anchor.month:
        return anchor.year + 1
    return anchor.year


# A month and day more than this many days from the anchor, on the side the tense contradicts,
# is moved a year (past-tense "Oct. 23" in a May article is last October). Tuned on TimeBank.
TENSE_OVERRIDE_DAYS = 60


def no_tense() -> Tense | None:
    return None


def nearest_year(anchor: dt.date, month: int, day: int, tense: Callable[[], Tense | None] = no_tense,
                 override_days: int = TENSE_OVERRIDE_DAYS) -> int:
    """The year that puts month/day closest to the anchor ("Feb. 1" in late October is next
    February), unless the tense clearly says otherwise; on TimeBank this beats tense alone.
    `tense` is asked only when the nearest date lies more than `override_days` away, where it can
    change the answer: reading it is the costliest part of dating a month."""
    def offset(year: int) -> int:
        return (dt.date(year, month, min(day, 28)) - anchor).days
    year = min((anchor.year - 1, anchor.year, anchor.year + 1), key=lambda y: abs(offset(y)))
    if abs(offset(year)) <= override_days:
        return year
    said = tense()
    if said == "PAST" and offset(year) > override_days:
        return year - 1
    if said == "FUTURE" and offset(year) < -override_days:
        return year + 1
    return year


def weekday_date(anchor: dt.date, weekday: int, tense: Tense | None) -> dt.date:
    """The date of a bare weekday (1 = Monday): the nearest such day on or before the anchor,
    or on or after it when the sentence speaks of the future."""
    difference = weekday - anchor.isoweekday()
    if tense == "FUTURE":
        return anchor + dt.timedelta(days=difference % 7)
    return anchor - dt.timedelta(days=(-difference) % 7)


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth (1-based) `weekday` (1 = Monday) of a month."""
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))


def movable_holiday(name: str, year: int) -> dt.date:
    name = name.lower()
    if name.startswith("thanksgiving"):
        return nth_weekday(year, 11, 4, 4)
    if name == "good friday":
        return easter(year) - dt.timedelta(days=2)
    if name == "election day":  # US: the Tuesday after the first Monday of November
        return nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    return easter(year)


# Tense is read from the nearest marker word in the same sentence: a past-tense verb
# ("said", "-ed") or a future marker ("will", "expected").
IRREGULAR_PAST = ("said", "told", "came", "went", "began", "took", "made", "found", "saw", "gave",
                  "left", "met", "held", "paid", "sold", "won", "lost", "rose", "fell", "became",
                  "got", "put", "wrote", "ran", "brought", "bought", "thought", "knew",
                  "spent", "struck", "hit", "cut", "quit", "led", "felt", "kept", "sent", "built")
# "had been scheduled to expire Friday": a plan in the past perfect is over.
NOT_PAST_PERFECT = r"(?<!\bhad\sbeen\s)"
FUTURE_RE = compile_looking_ahead(r"\b" + NOT_PAST_PERFECT + "(?:" + alternation(FUTURE_MARKERS) + "|" + MODAL_MAY + r")\b", re.I)
# A participle after "be" ("will be inspected", "will be held") is passive, not past, and one
# after a determiner ("the reduced dividend") is an adjective.
NOT_AFTER = r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\btheir\s)"
PAST_RE = compile_looking_ahead(r"\b(?:" + alternation(PAST_MARKERS) + "|" + NOT_AFTER + "(?:" + alternation(IRREGULAR_PAST)
                                + r"|set(?!\s+(?:to|for)\b)|[a-z]{3,}ed))\b", re.I)  # "set for April" looks ahead
SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'(])|\n")
# How far (characters) to look for a tense marker on either side of the expression.
TENSE_WINDOW = 120


STRONG_FUTURE_RE = compile_looking_ahead(r"\b" + NOT_PAST_PERFECT + r"(?:will|'ll|shall|would|going\s+to|planning|plans?\s+to|planned|"
                                         r"scheduled|as\s+(?:soon|early)\s+as|expected\s+to|is\s+to|are\s+to|due\s+to|set\s+to)\b",
                                         re.I)
# A bare weekday in news is nearly always the one just past; only a future marker before it in
# the clause ("will meet ... on Thursday", "planned a rally in Little Havana on Saturday")
# points forward. Measured on TBAQ: 60 characters.
WEEKDAY_FUTURE_WINDOW = 60
# "Wednesday's ruling", "Saturday was canceled": the weekday itself is spoken of in the past.
WEEKDAY_PAST_AFTER = re.compile(r"['’]s\b|\s+(?:was|were|had)\b", re.IGNORECASE)


TENSES_KEPT = 8192
"""Tenses judged, kept by text and place: what is said around an expression does not depend on
the anchor, and a text is tagged again on other days (dating tries a sentence on many
publication days, `pipeline.engine.dating`; a document is tagged again on a window's second
end, `pipeline.extract.nlp.reanchored`)."""


@lru_cache(maxsize=TENSES_KEPT)
def weekday_tense(text: str, start: int, end: int | None = None) -> Tense:
    if end is not None and WEEKDAY_PAST_AFTER.match(text, end):
        return "PAST"
    left = max(sentence_bounds(text, start, start)[0], start - WEEKDAY_FUTURE_WINDOW)
    closest: tuple[int, Tense] | None = None
    for regex, tense in ((STRONG_FUTURE_RE, "FUTURE"), (PAST_RE, "PAST")):
        for match in regex.finditer(text, left, start):
            if closest is None or match.end() > closest[0]:
                closest = (match.end(), tense)
    return closest[1] if closest else "PAST"


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - TENSE_WINDOW)
    left = lo
    for boundary in SENTENCE_END.finditer(text, lo, start + 1):  # +1: the lookahead may see text[start]
        left = boundary.end()
    right_match = SENTENCE_END.search(text, end, end + TENSE_WINDOW)
    right = right_match.start() if right_match else min(len(text), end + TENSE_WINDOW)
    return left, right


# Prepositions that look ahead only right before the expression ("by August", "until the end of
# May"); further away they lose to any verb in the clause ("departed by mutual agreement in August").
WEAK_MARKERS = frozenset({"by", "until", "effective"})
WEAK_MARKER_GAP = re.compile(
    r"\s*(?:from\s+)?(?:the\s+)?(?:(?:end|start|beginning|middle)\s+of\s+(?:the\s+)?|early\s+|late\s+|mid-?)?", re.I
)
"""What may stand between such a preposition and its date: "by the end of", "until early";
"a visit by inspectors in April" is an agent, not a deadline."""


CLAUSE_PENALTY = 40
"""Characters added to a marker's distance across a comma: in "Brayfield, appointed in June, is
due to report" the date's own clause is past, though "is due to" stands nearer."""


@lru_cache(maxsize=TENSES_KEPT)
def tense_near(text: str, start: int, end: int) -> Tense | None:
    """The tense of the clause around text[start:end], judged by the closest marker; a weak
    marker (a preposition such as "by") counts only right before the expression."""
    left, right = sentence_bounds(text, start, end)
    best: tuple[int, Tense] | None = None
    for regex, tense in ((FUTURE_RE, "FUTURE"), (PAST_RE, "PAST")):
        for match in regex.finditer(text, left, right):
            if start <= match.start() < end:
                continue
            between = (match.end(), start) if match.end() <= start else (end, match.start())
            distance = between[1] - between[0] + (CLAUSE_PENALTY if "," in text[between[0] : between[1]] else 0)
            if match.group().lower() in WEAK_MARKERS and not (
                match.end() <= start and WEAK_MARKER_GAP.fullmatch(text, match.end(), start)
            ):
                continue
            if best is None or distance < best[0]:
                best = (distance, tense)
    return best[1] if best else None
