"""EDTF dates (Library of Congress Extended Date/Time Format), as chronologies use them.

Values: `2011-09-07`, `2011-09`, `2011`, `2011-W36`, intervals `2011-03/2011-05`,
unknown year `XXXX-03`, wholly unknown `XXXX`, approximate `2013-03~`. Each value is read as
a `Span` of possible days; comparing spans is how dedupe decides that two dates can be one
date, and how the chronology is ordered. Precision is never invented: the narrower of two
compatible values wins, nothing is narrowed further.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from models.records import TimeExpression

MONTH_NAMES = tuple(calendar.month_name)
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
EDTF_SEASONS = {21: "SP", 22: "SU", 23: "FA", 24: "WI"}
"""EDTF writes seasons as months 21-24 (2010-22 is summer 2010)."""
QUARTER_MONTHS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12)}
DURATION = re.compile(r"^P(?P<count>\d+)(?P<unit>[YMWD])$")
FUTURE_CUE = re.compile(r"\b(?:will|shall|expects?|expected|due|plans?|planned|hopes?|aims?|intends?|scheduled)\b", re.I)
FUTURE_LEAD = re.compile(r"\b(?:in|within|in another|in the next)\s+(?:the\s+next\s+)?$", re.I)


APPROXIMATE_DAY = re.compile(r"\d{4}-\d{2}-\d{2}~")
NEWS_REACH = dt.timedelta(days=7)
DAY_STAY = re.compile(r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}")
MONTH_VALUE = re.compile(r"\d{4}-\d{2}")
STAY_DAYS = (10, 62)
"""How long a stay of days that a month it runs into can tell lasts: weeks, as an inspection
does (not the week or so that "on Monday, ten days after" leaves open)."""
"""An approximate day ("2014-03-12~", news of the day dated by publication) stands for the week
up to it: trade press reports a report or a resignation within days."""
PARSED_DATES = 65536
"""Distinct date strings remembered: a 15-year archive has ~6,000 days, months and intervals."""


@dataclass(frozen=True)
class Span:
    """The days an EDTF value may stand for; `month` alone is known when the year is not."""

    first: dt.date | None = None
    last: dt.date | None = None
    month: int | None = None

    @property
    def known(self) -> bool:
        return self.first is not None

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1 if self.first and self.last else 10**6


@lru_cache(maxsize=PARSED_DATES)
def parse(value: str | None) -> Span:
    """The days an EDTF value stands for. Memoised: dedupe compares every mention with every
    event of its council and type, so one archive asks for the same few thousand dates
    hundreds of thousands of times (80% of dedupe's time on the 5,000-article bench)."""
    if not value:
        return Span()
    if APPROXIMATE_DAY.fullmatch(value):
        day = _known(value[:-1])
        return Span(day.first - NEWS_REACH, day.last, day.month) if day else Span()
    value = value.rstrip("~?%")
    if "/" in value:
        left, right = (parse(part) for part in value.split("/", 1))
        return Span(left.first, right.last) if left.known and right.known else Span()
    unknown_year = re.fullmatch(r"XXXX-(\d{2})", value)
    if unknown_year:
        return Span(month=int(unknown_year.group(1)))
    return _known(value) or Span()


def _known(value: str) -> Span | None:
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
        if month and month in EDTF_SEASONS:
            return parse(_months_interval(year, *SEASON_MONTHS[EDTF_SEASONS[month]]))
        if month and not 1 <= month <= 12:
            return None
        if day and month:
            try:
                date = dt.date(year, month, day)
            except ValueError:
                return None
            return Span(date, date, month)
        if month:
            return Span(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), month)
        return Span(dt.date(year, 1, 1), dt.date(year, 12, 31))
    week = re.fullmatch(r"(\d{4})-W(\d{1,2})", value)
    if week:
        first = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        return Span(first, first + dt.timedelta(days=6))
    return None


@lru_cache(maxsize=PARSED_DATES)
def compatible(a: str | None, b: str | None) -> bool:
    """Whether two dates can be the same date told at different precisions. Memoised, as `parse`:
    dedupe asks it of each mention and the events it could join, the chronology of every source."""
    left, right = parse(a), parse(b)
    if left.known and right.known:
        return (_within(left, right) or _within(right, left) or _day_within(a, right) or _day_within(b, left)
                or _stay_into_month(a, b) or _stay_into_month(b, a))
    if left.known or right.known:
        known, partial = (left, right) if left.known else (right, left)
        return bool(partial.month) and partial.month in months_of(known)
    if left.month and right.month:
        return left.month == right.month
    return not left.month and not right.month and not left.known and not right.known


def _stay_into_month(stay: str | None, month: str | None) -> bool:
    """Whether a stay of days ("20 June to 13 July") runs into a month told of it elsewhere
    ("an Ofsted inspection last July"): a visit of weeks told by one of its months."""
    if not (stay and month and DAY_STAY.fullmatch(stay) and MONTH_VALUE.fullmatch(month)):
        return False
    days, told = parse(stay), parse(month)
    shortest, longest = STAY_DAYS
    return shortest <= days.days <= longest and told.first <= days.last and days.first <= told.last  # type: ignore[operator]


def _day_within(value: str | None, span: Span) -> bool:
    """Whether an approximate day ("2018-10-05~", the week up to it) has its day in `span`: news
    of the day told in one source is "since October" in another."""
    return bool(value and APPROXIMATE_DAY.fullmatch(value)) and _within(parse(value[:-1]), span)


def months_of(span: Span) -> set[int]:
    """The calendar months a known span touches, when it is shorter than a year (else none:
    "a March" could be any March, but not the March of a date we know no better than its year)."""
    if span.days >= 365:
        return set()
    months, day = set(), span.first
    while day <= span.last:  # type: ignore[operator]
        months.add(day.month)  # type: ignore[union-attr]
        day = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)  # type: ignore[union-attr]
    return months


def _within(inner: Span, outer: Span) -> bool:
    return outer.first <= inner.first and inner.last <= outer.last  # type: ignore[operator]


def interval(first: str, last: str) -> str | None:
    """The EDTF interval from one known date to a later one ("2013-09-16/2013-09-27"), else None."""
    start, end = parse(first), parse(last)
    if not (start.known and end.known) or end.last < start.first or "/" in first + last:  # type: ignore[operator]
        return None
    return f"{first.rstrip('~')}/{last.rstrip('~')}"


def gap_days(a: str | None, b: str | None) -> int | None:
    """Days between two known dates (0 when they overlap); None when either is not known."""
    left, right = parse(a), parse(b)
    if not (left.known and right.known):
        return None
    if left.last < right.first:  # type: ignore[operator]
        return (right.first - left.last).days  # type: ignore[operator]
    if right.last < left.first:  # type: ignore[operator]
        return (left.first - right.last).days  # type: ignore[operator]
    return 0


def more_precise(a: str | None, b: str | None) -> str | None:
    """The narrower of two compatible dates (a known year beats an unknown one); of two as
    narrow, the one told plainly ("2014-01" over "2014-01~"), whichever comes first."""
    left, right = parse(a), parse(b)
    if left.known != right.known:
        return a if left.known else b
    if left.month != right.month and not (left.known or right.known):
        return a if left.month else b
    if right.days == left.days:
        return min(a, b, key=lambda value: (bool(value) and value.endswith("~"), value or ""))
    return b if right.days < left.days else a


def container(values: set[str | None]) -> str | None:
    """The one value when all agree, else the month that holds every one of them: "yesterday"
    read on both ends of a June window is some day of June; else the two months running into
    each other that do (`2010-06/2010-07`). None when one is unknown or they fall further apart
    (a year would hold them, but a month told of an undated article, the publication month its
    dateless events fall back on, says nothing of the year's others).
    News of the day read on both ends of an April window ("2013-04-01~", "2013-04-30~", the
    first's week reaching into March) is about April: `2013-04~`."""
    if len(values) == 1:
        return next(iter(values))
    month = _one_month([parse(value) for value in values])
    if month is None and all(value and APPROXIMATE_DAY.fullmatch(value) for value in values):
        days = [parse(value[:-1]) for value in values]  # type: ignore[index]
        month = _one_month(days)
        return f"{month}~" if month else _two_months(days)
    return month or _two_months([parse(value) for value in values])


def one_year(values: set[str | None]) -> str | None:
    """The year that holds every value, if one does."""
    held = _held([parse(value) for value in values])
    return f"{held[0]:%Y}" if held and held[0].year == held[1].year else None


def _two_months(spans: list[Span]) -> str | None:
    """The two months running into each other that hold every span ("today" read on both ends of
    a June-to-July window is June or July, `2010-06/2010-07`), if two do."""
    held = _held(spans)
    if held is None:
        return None
    first, last = held
    return f"{first:%Y-%m}/{last:%Y-%m}" if (last.year - first.year) * 12 + last.month - first.month == 1 else None


def _one_month(spans: list[Span]) -> str | None:
    """The month that holds every span, if one does."""
    held = _held(spans)
    return f"{held[0]:%Y-%m}" if held and (held[0].year, held[0].month) == (held[1].year, held[1].month) else None


def _held(spans: list[Span]) -> tuple[dt.date, dt.date] | None:
    """The first and last day the spans cover, when all are known."""
    if not all(span.known for span in spans):
        return None
    return min(span.first for span in spans), max(span.last for span in spans)  # type: ignore[type-var, return-value]


PRECISION_STEPS = (1, 7, 31, 92, 366)
"""Day, week, month, season or quarter, year: spans within one step are equally precise."""


@lru_cache(maxsize=PARSED_DATES)
def precision(value: str | None) -> int:
    """0 for a day, 1 a week, 2 a month, 3 a season, 4 a year, 5 anything vaguer."""
    days = parse(value).days
    return next((rank for rank, limit in enumerate(PRECISION_STEPS) if days <= limit), len(PRECISION_STEPS))


def bounds(value: str | None) -> tuple[str | None, str | None]:
    """The first and last day a date may stand for, as ISO dates ("2011-09" is 2011-09-01 to
    2011-09-30), or (None, None) when its year is unknown. Spreadsheets and databases sort these
    chronologically; EDTF text does not ("2011-W36" and "2011-03~" sort after "2011-12")."""
    span = parse(value)
    if not span.known:
        return None, None
    return span.first.isoformat(), span.last.isoformat()  # type: ignore[union-attr]


@lru_cache(maxsize=PARSED_DATES)
def sort_key(value: str | None) -> tuple[int, str, int]:
    """Known dates first, in order; then month-only dates by month; wholly unknown last."""
    span = parse(value)
    if span.known:
        return 0, span.first.isoformat(), span.days  # type: ignore[union-attr]
    if span.month:
        return 1, f"{span.month:02d}", 0
    return 2, "", 0


def from_timex(expression: TimeExpression, before: str, anchor: dt.date | None) -> str | None:
    """The EDTF date an event takes from a time expression, or None when it gives no point in time.

    "Now" and "recently" give no point either: the event then takes the publication month.
    Durations are points only when they count forward from publication in a sentence about the
    future ("expects to be re-inspected in 18 months", not "for the second time in two years");
    the result is approximate (`2013-03~`). `before` is the sentence up to the expression."""
    value = expression.value
    if expression.type == "DURATION":
        return _counted_forward(value, before, anchor)
    if expression.type == "SET":
        return None
    if value.endswith("REF"):
        return None
    return _date_part(value)


@lru_cache(maxsize=PARSED_DATES)
def _date_part(value: str) -> str | None:
    value = value.split("T", 1)[0]
    season = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])", value)
    if season:
        return _months_interval(int(season.group(1)), *{**SEASON_MONTHS, **QUARTER_MONTHS}[season.group(2)])
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?|\d{4}-W\d{1,2}|XXXX(-\d{2})?", value):
        return _week_as_days(value)
    if re.fullmatch(r"\d{3}X|\d{2}XX", value):
        return value
    return None


def _months_interval(year: int, first: int, last: int) -> str:
    """An interval of whole months; `last` may run past December (winter: 12 to 14)."""
    return f"{year}-{first:02d}/{year + (last - 1) // 12}-{(last - 1) % 12 + 1:02d}"


def _week_as_days(value: str) -> str:
    """A week as the EDTF interval of its days (EDTF has no weeks): "2013-W03" is
    "2013-01-14/2013-01-20", which an EDTF parser reads and which sorts among the days."""
    week = re.fullmatch(r"(\d{4})-W(\d{1,2})", value)
    if not week:
        return value
    first = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
    return f"{first.isoformat()}/{(first + dt.timedelta(days=6)).isoformat()}"


def _is_week(left: str, right: str) -> bool:
    """Whether an interval is an ISO week, Monday to Sunday (what `_week_as_days` makes of one)."""
    days = re.fullmatch(r"\d{4}-\d{2}-\d{2}", left) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", right)
    if not days:
        return False
    first, last = dt.date.fromisoformat(left), dt.date.fromisoformat(right)
    return first.isoweekday() == 1 and (last - first).days == 6


def _counted_forward(value: str, before: str, anchor: dt.date | None) -> str | None:
    match = DURATION.match(value)
    if not (match and anchor and FUTURE_LEAD.search(before[-40:]) and FUTURE_CUE.search(before)):
        return None
    count, unit = int(match.group("count")), match.group("unit")
    if unit == "Y":
        return f"{anchor.year + count}~"
    if unit == "M":
        months = anchor.year * 12 + anchor.month - 1 + count
        return f"{months // 12}-{months % 12 + 1:02d}~"
    day = anchor + dt.timedelta(days=count * (7 if unit == "W" else 1))
    return f"{day.isoformat()}~"


WEEKS_LOOSENESS = dt.timedelta(days=3)


def shifted(value: str, duration: str) -> str | None:
    """The date a stretch of time ("P3M") after a known date, told as precisely as the two allow:
    three months after October 2018, or after 23 October, is January 2019; five weeks after 3
    March 2015 is the week from 4 to 10 April (the press counts weeks loosely: "just under seven
    weeks"); five weeks after March 2015 is the days from 2 April to 8 May."""
    span, match = parse(value), DURATION.fullmatch(duration)
    if not (span.known and match):
        return None
    count, unit = int(match.group("count")), match.group("unit")
    first, last = (_plus(day, count, unit) for day in (span.first, span.last))  # type: ignore[arg-type]
    if unit == "W":
        first, last = first - WEEKS_LOOSENESS, last + WEEKS_LOOSENESS
    if unit == "Y":
        return f"{first:%Y}"
    if unit == "M" or precision(value) == 2 and (first.year, first.month) == (last.year, last.month):
        return f"{first:%Y-%m}"  # months counted from a day are no more precise than a month
    return first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"


def _plus(day: dt.date, count: int, unit: str) -> dt.date:
    if unit in "MY":
        months = day.year * 12 + day.month - 1 + count * (12 if unit == "Y" else 1)
        year, month = divmod(months, 12)
        return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
    return day + dt.timedelta(days=count * (7 if unit == "W" else 1))


def is_after(value: str | None, anchor: dt.date | None) -> bool:
    """Whether a date lies wholly after the publication date (so the event is still to come)."""
    span = parse(value)
    return bool(anchor and span.known and span.first > anchor)  # type: ignore[operator]


def humanise(value: str | None, *, short: bool = False) -> str:
    """A date in words at its own precision: "7 September 2011", "May 2010", "March (year unknown)".

    `short` abbreviates for narrow columns: "7 Sep 2011", "~Mar 2013", "Mar (year unknown)"."""
    if not value or value == "XXXX":
        return "date unknown"
    months = calendar.month_abbr if short else MONTH_NAMES
    approximate = "~" if value.endswith("~") else ""
    value = value.rstrip("~?%")
    if "/" in value:
        left, right = value.split("/", 1)
        if _is_week(left, right):
            return f"week of {humanise(left, short=short)}{approximate}"
        return f"{humanise(left, short=short)} – {humanise(right, short=short)}{approximate}"
    span = parse(value)
    if not span.known:
        return f"{months[span.month]} (year unknown)" if span.month else value
    if "W" in value:
        return f"week of {humanise(span.first.isoformat(), short=short)}"  # type: ignore[union-attr]
    first: dt.date = span.first  # type: ignore[assignment]
    precision = value.count("-")
    text = (str(first.year), f"{months[first.month]} {first.year}", f"{first.day} {months[first.month]} {first.year}")[precision]
    if not approximate:
        return text
    return f"~{text}" if short else f"about {text}"
