"""Date rules: absolute dates ("14 May 2010", "2010-05-14") and points anchored on the
publication date (months, weekdays, day words, seasons, quarters, holidays)."""
from __future__ import annotations

import datetime as dt
import re

from pipeline.timex.lexicon import (
    DAY_PART, DAY_PARTS, HOLIDAY, HOLIDAYS, MONTH, ORDINALS, SEASON, SEASONS, WEEKDAY, alternation,
    month_number, weekday_number,
)
from pipeline.timex.resolve import (
    UNIT_GRANULARITY, UNKNOWN_DATE, Point, Tense, duration_value, month_year, movable_holiday,
    nearest_year, sentence_bounds, shift, weekday_date, weekday_tense,
)
from pipeline.timex.rules.base import (
    DAY, DAY_ORDINAL, QUARTER_ORDINAL, REL, YEAR, Context, Reading, bare_month_year, day_of_month,
    make_date, masked, month_day_reading, point_reading, relative_point, rule,
)

# ------------------------------------------------------------------ absolute dates


@rule(rf"(?:{WEEKDAY},?\s+)?(?P<month>{MONTH})\s+(?:the\s+)?(?P<day>{DAY})(?!\d|:\d)"
      rf"(?:,?\s+(?P<year>{YEAR}))?")
def month_day_year(match: re.Match[str], context: Context) -> Reading | None:
    day = day_of_month(match["day"])
    return month_day_reading(context, match, month_number(match["month"]), day, match["year"]) if day else None


@rule(rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?")
def day_month_year(match: re.Match[str], context: Context) -> Reading | None:
    day = day_of_month(match["day"])
    return month_day_reading(context, match, month_number(match["month"]), day, match["year"]) if day else None


YEAR_BACK_OFFSETS = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1}
""""August of that year", "in March the following year": a year counted from the last date mentioned."""


@rule(rf"(?P<month>{MONTH}),?\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<rel>this|last|next|that|the\s+same|the\s+following|the\s+next|the\s+previous)\s+year)")
def month_and_year(match: re.Match[str], context: Context) -> Reading | None:
    month = month_number(match["month"])
    if match["year"]:
        return point_reading(make_date(int(match["year"]), month, None), "M")
    relation = re.sub(r"\s+", " ", match["rel"].lower())
    if relation in YEAR_BACK_OFFSETS:
        if context.last is None:
            return None  # nothing to count from: the bare month is read alone
        return point_reading(make_date(context.last.day.year + YEAR_BACK_OFFSETS[relation], month, None), "M")
    year_point = relative_point(context, "year", {"this": 0, "last": -1, "next": 1}[relation])
    if year_point is None:
        return Reading("DATE", f"XXXX-{month:02d}")
    return point_reading(make_date(year_point.day.year, month, None), "M")


@rule(r"(?P<year>(?:1[6-9]|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)")
def iso_date(match: re.Match[str], context: Context) -> Reading | None:
    point = make_date(int(match["year"]), int(match["month"]), int(match["day"]))
    return point_reading(point, "D") if point else None


@rule(r"(?P<first>[01]?\d|[0-3]\d)/(?P<second>[0-3]?\d)/(?P<year>(?:19|20)?\d\d)")
def slash_date(match: re.Match[str], context: Context) -> Reading | None:
    """Numeric dates, day first or month first as the document writes them (`writes_day_first`);
    a first number over 12 can only be a day."""
    first, second, year = int(match["first"]), int(match["second"]), int(match["year"])
    if year < 100:
        year += 1900 if year >= 50 else 2000
    month, day = (second, first) if context.day_first or first > 12 else (first, second)
    point = make_date(year, month, day)
    return point_reading(point, "D") if point else None


@rule(r"(?P<lead>(?:fiscal|calendar)(?:\s+year)?\s+|the\s+(?:fiscal\s+|calendar\s+)?year\s+|FY\s*|mid-)?"
      rf"(?<![$£€\d.,])(?P<year>{YEAR})(?!\s*(?:%|percent|per\s+cent)|[.,]\d|-(?:\d\d?|[a-z]+)(?![\d\w]))")
def year_only(match: re.Match[str], context: Context) -> Reading | None:
    if LAW_NAME.search(context.text, max(0, match.start() - 5), match.start()):
        return None  # "the Children Act 2004": a law's name, not when anything happened
    year = int(match["year"])
    mod = "MID" if (match["lead"] or "").lower() == "mid-" else None
    return Reading("DATE", f"{year:04d}", mod, Point(dt.date(year, 1, 1), "Y"))


LAW_NAME = re.compile(r"\bAct\s+$")


SPELLED_TENS = {"twenty": 2, "thirty": 3, "forty": 4, "fifty": 5, "sixty": 6, "seventy": 7, "eighty": 8, "ninety": 9}
SPELLED_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
SPELLED_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                 "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
SPELLED_CENTURIES = {"eighteen": 18, "nineteen": 19}
_UNIT = alternation(SPELLED_UNITS)
_BELOW_100 = rf"(?:{alternation(SPELLED_TENS)}(?:[-\s]+{_UNIT})?|{alternation(SPELLED_TEENS)}|oh[-\s]+{_UNIT}|hundred)"


def spelled_below_100(words: str) -> int:
    parts = re.split(r"[-\s]+", words.lower())
    if parts[0] == "hundred":
        return 0
    if parts[0] == "oh":
        return SPELLED_UNITS[parts[1]]
    if parts[0] in SPELLED_TEENS:
        return SPELLED_TEENS[parts[0]]
    return 10 * SPELLED_TENS[parts[0]] + (SPELLED_UNITS[parts[1]] if len(parts) > 1 else 0)


@rule(rf"(?:(?P<month>{MONTH}),?\s+|the\s+(?P<season>{SEASON})\s+of\s+|(?P<year_word>the\s+year)\s+)?"
      rf"(?:(?P<century>{alternation(SPELLED_CENTURIES)})\s+(?P<rest>{_BELOW_100})"
      rf"|two\s+thousand(?:\s+(?:and\s+)?(?P<after>{_UNIT}|{alternation(SPELLED_TEENS)}))?)")
def spelled_year(match: re.Match[str], context: Context) -> Reading | None:
    """Years written out, as in broadcast transcripts: "nineteen ninety-six", "January nineteen
    ninety-seven", "the year two thousand" ("two thousand" alone is a number, so it needs "the year")."""
    if match["century"]:
        year = 100 * SPELLED_CENTURIES[match["century"].lower()] + spelled_below_100(match["rest"])
    elif match["year_word"] or match["month"] or match["season"]:
        after = (match["after"] or "").lower()
        year = 2000 + SPELLED_UNITS.get(after, SPELLED_TEENS.get(after, 0))
    else:
        return None
    if match["month"]:
        return point_reading(make_date(year, month_number(match["month"]), None), "M")
    if match["season"]:
        return Reading("DATE", f"{year:04d}-{SEASONS[match['season'].lower()]}")
    return Reading("DATE", f"{year:04d}", point=Point(dt.date(year, 1, 1), "Y"))


DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}


@rule(r"(?:the\s+)?(?:(?P<mod>early|late|mid)(?:-|\s+))?(?:(?P<century>1[0-9]|20)(?P<decade>\d)0'?s|'(?P<short>\d)0'?s|"
      rf"(?P<word>{alternation(DECADE_WORDS)}))")
def decade(match: re.Match[str], context: Context) -> Reading | None:
    digit = int(match["decade"] or match["short"] or DECADE_WORDS.get((match["word"] or "").lower(), 0))
    if match["century"]:
        century = match["century"]
    elif context.anchor and not match["word"]:
        # "the '90s" belongs to the last such decade before the anchor.
        century = str(context.anchor.year // 100 - (digit > context.anchor.year // 10 % 10))
    elif context.anchor:
        century = "19"
    else:
        century = "XX"
    mod = {"early": "START", "late": "END", "mid": "MID"}.get((match["mod"] or "").lower())
    return Reading("DATE", f"{century}{digit}", mod)


@rule(rf"(?:the\s+)?(?P<ordinal>\d{{1,2}}(?:st|nd|rd|th)|{DAY_ORDINAL}|(?P<this>this|last|next))[-\s]century")
def century(match: re.Match[str], context: Context) -> Reading | None:
    if match["this"]:
        point = relative_point(context, "century", {"this": 0, "last": -1, "next": 1}[match["this"].lower()])
        return point_reading(point, "CE")
    number = day_of_month(match["ordinal"]) or 0
    return Reading("DATE", f"{number - 1:02d}") if number > 1 else None


# ------------------------------------------------------------------ anchored points


def month_point(context: Context, match: re.Match[str], month: int, relation: str) -> Point | None:
    anchor = context.anchor
    if anchor is None:
        return None
    if relation in ("last", "past", "this past"):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif relation in ("next", "coming", "this coming"):
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif relation == "this":
        year = anchor.year
    else:
        year = bare_month_year(context, match, month)
    return make_date(year, month, None)


MARCH_EVENT = re.compile(r"\s+(?:for|of\s+the)\b")


@rule(rf"(?:(?P<rel>{REL})\s+)?(?P<month>{MONTH})(?!\s+(?:the\s+)?\d)")
def bare_month(match: re.Match[str], context: Context) -> Reading | None:
    relation = re.sub(r"\s+", " ", (match["rel"] or "").lower())
    possessive = context.text.startswith(("'s", "’s"), match.end())  # "May's Ofsted report"
    if match["month"] in ("May", "MAY") and not relation and not possessive and not preceded_by_time_preposition(context, match):
        return None  # the modal verb, or a surname
    if (match["month"] == "March" and not relation and MARCH_EVENT.match(context.text, match.end())
            and not preceded_by_time_preposition(context, match)):
        return None  # "the March for Life", "the March of the Combatant Mothers"
    month = month_number(match["month"])
    point = month_point(context, match, month, relation)
    return point_reading(point, "M") if context.anchor else Reading("DATE", f"XXXX-{month:02d}")


TIME_PREPOSITION = re.compile(r"(?:in|since|by|until|till|from|of|during|before|after|through|to|"
                              r"between|and|or|early|late|mid|last|next|this|around|on|for)[\s-]+$",
                              re.IGNORECASE)


def preceded_by_time_preposition(context: Context, match: re.Match[str]) -> bool:
    return TIME_PREPOSITION.search(context.text, max(0, match.start() - 10), match.start()) is not None


def part_suffix(part: str | None) -> str:
    return "T" + DAY_PARTS[re.sub(r"\s+", " ", part.lower())] if part else ""


@rule(rf"(?:(?P<rel>{REL}|the\s+previous|the\s+following)\s+)?(?P<weekday>{WEEKDAY})(?P<plural>s)?"
      rf"(?:\s+(?P<part>{DAY_PART}))?")
def weekday(match: re.Match[str], context: Context) -> Reading | None:
    number = weekday_number(match["weekday"])
    suffix = part_suffix(match["part"])
    if match["plural"]:
        return Reading("SET", f"XXXX-WXX-{number}{suffix}")
    if context.anchor is None:
        return Reading("DATE", f"XXXX-WXX-{number}{suffix}")
    relation = re.sub(r"\s+", " ", (match["rel"] or "").lower())
    anchor = context.anchor
    if relation in ("the previous", "the following") and context.last is not None and context.last.granularity == "D":
        anchor = context.last.day  # "the previous Friday": the one before the day just mentioned
    if relation in ("last", "past", "this past", "the previous"):
        day = weekday_date(anchor - dt.timedelta(days=1), number, "PAST")
    elif relation in ("next", "coming", "this coming", "the following"):
        day = weekday_date(anchor + dt.timedelta(days=1), number, "FUTURE")
    else:
        day = weekday_date(anchor, number, "FUTURE" if relation == "this" else weekday_tense(context.text, match.start(), match.end()))
    return point_reading(Point(day, "D"), "D", suffix=suffix)


DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
             "the day before yesterday": -2, "the day after tomorrow": 2}


GENERIC_TODAY = re.compile(r"['’]s\s+(?:youth|world|society|generation|young)\b", re.IGNORECASE)


@rule(rf"(?P<word>{alternation(DAY_WORDS)})(?:\s+(?P<part>{DAY_PART}))?")
def day_word(match: re.Match[str], context: Context) -> Reading | None:
    word = re.sub(r"\s+", " ", match["word"].lower())
    if word == "today" and GENERIC_TODAY.match(context.text, match.end()):
        return None  # "today's youth", "in today's world": the present age, not a day
    if word == "tomorrow" and re.search(r"(?<!\bas\s)\bof\s+$", context.text[max(0, match.start() - 7):match.start()], re.I):
        return None  # "the people of tomorrow": the future in general
    part = "night" if word == "tonight" else match["part"]
    return point_reading(relative_point(context, "day", DAY_WORDS[word]), "D", suffix=part_suffix(part))


@rule(rf"(?P<rel>this|last|tomorrow|yesterday)\s+(?P<part>{DAY_PART})|(?:mid-?)?(?P<part2>{DAY_PART})\s+(?P<rel2>yesterday|today|tomorrow)")
def part_of_day(match: re.Match[str], context: Context) -> Reading | None:
    """"yesterday afternoon", "this morning", "mid-afternoon yesterday"."""
    relation = (match["rel"] or match["rel2"]).lower()
    part = match["part"] or match["part2"]
    offset = {"yesterday": -1, "tomorrow": 1}.get(relation, -1 if relation == "last" else 0)
    return point_reading(relative_point(context, "day", offset), "D", suffix=part_suffix(part), kind="TIME")


RELATION_OFFSETS = {
    "this": 0, "the current": 0, "current": 0, "the": 0, "this past": -1, "last": -1, "past": -1,
    "the past": -1, "the last": -1, "the previous": -1, "previous": -1, "the latest": -1,
    "latest": -1, "the most recent": -1, "next": 1, "the next": 1, "coming": 1, "the coming": 1,
    "this coming": 1, "that": 0, "the same": 0, "the following": 1, "the preceding": -1, "the full": 0,
}
ANAPHORIC = {"that", "the same", "the following", "the preceding"}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@rule(rf"(?P<rel>{alternation(RELATION_OFFSETS)})\s+(?:fiscal\s+)?(?P<unit>day|week|weekend|month|year|quarter|"
      rf"decade|fortnight|{SEASON})")
def relative_unit(match: re.Match[str], context: Context) -> Reading | None:
    relation = re.sub(r"\s+", " ", match["rel"].lower())
    unit = match["unit"].lower()
    offset = RELATION_OFFSETS[relation]
    if match.group() == "This Week" and re.search(r"[\"“'`]$", context.text[max(0, match.start() - 1):match.start()]):
        return None  # the title of a programme: ABC's "This Week"
    if unit == "day":
        return anaphoric_day(context, relation, offset, match.start())
    base = anaphoric_base(context, match, relation)
    if unit in SEASONS:
        return season_reading(context, match, SEASONS[unit], relation, base)
    if relation == "the":
        return the_unit(match, context, unit)
    if unit == "decade" and relation in ("the past", "the last", "the next", "the coming"):
        return Reading("DURATION", "P10Y")
    if unit == "quarter" and relation in ("the latest", "latest", "the most recent"):
        offset = -1
    if unit == "year" and relation == "last" and compares_quarters(context, match):
        quarter_back = point_reading(year_before_quarter(context), "Q")
        return Reading("DATE", quarter_back.value, point=relative_point(context, "year", -1))
    if base is not None and GRANULARITY_RANK[base.granularity] > GRANULARITY_RANK[UNIT_GRANULARITY[unit]]:
        # "the following month" after "in 2009": the year is known, the month is not.
        year = base.day.year + (offset if unit in ("year", "decade") else 0)
        return Reading("DATE", f"{year:04d}" + masked(UNIT_GRANULARITY[unit])[4:])
    point = relative_point(context, "week" if unit == "weekend" else unit, offset, base)
    if relation == "the following" and base is None:
        return None
    reading = point_reading(point, UNIT_GRANULARITY[unit])
    return Reading("DATE", reading.value + "-WE", point=point) if unit == "weekend" else reading


GRANULARITY_RANK = {"D": 0, "W": 1, "M": 2, "Q": 3, "H": 4, "Y": 5, "DE": 6, "CE": 7}


def anaphoric_base(context: Context, match: re.Match[str], relation: str) -> Point | None:
    """The point "that year", "the following spring" refer back to: the last one mentioned.
    "the next month" and "the previous year" are anaphoric only in a past-tense narrative
    after a date; otherwise they count from the anchor."""
    if relation in ANAPHORIC:
        return context.last
    if relation in ("the next", "the previous") and context.last is not None and context.tense(match) == "PAST":
        return context.last
    return None


def anaphoric_day(context: Context, relation: str, offset: int, start: int = 0) -> Reading | None:
    """"that day", "the same day", "the next day": relative to the last date mentioned."""
    if relation == "the" and re.search(r"\b(?:later|earlier)\s+in\s+$", context.text[max(0, start - 16):start], re.I):
        return point_reading(relative_point(context, "day", 0), "D")  # "later in the day": the anchor's day
    if relation not in ANAPHORIC | {"the next", "the previous"}:
        return None
    if context.last is None or context.last.granularity != "D":
        return None  # no day to refer back to: "trades made that day" is generic
    return point_reading(relative_point(context, "day", offset, context.last), "D")


PERIOD_ENDED = re.compile(r"\s+(?:ended|ending|to)\s+(?:on\s+)?(?:" + MONTH + r"|tomorrow|today|yesterday)")


def the_unit(match: re.Match[str], context: Context, unit: str) -> Reading | None:
    """"the year", "the quarter", "the weekend": the current period, except that financial
    news means the last completed quarter, and "for the year" is a duration."""
    if unit == "quarter":
        return point_reading(relative_point(context, "quarter", -1), "Q")
    if unit == "weekend":
        return weekend_reading(context, match)
    if unit in ("year", "month", "week") and PERIOD_ENDED.match(context.text, match.end()):
        return Reading("DURATION", duration_value(1, unit))  # "the year ended March 31": a reporting period
    before = context.text[max(0, match.start() - 12):match.start()]
    if re.search(r"\b(?:over|throughout)\s+$", before, re.I) or (unit != "year" and re.search(r"\bfor\s+$", before, re.I)):
        return Reading("DURATION", duration_value(1, unit)) if unit in ("year", "month", "week") else None
    if unit == "year" and _year_just_ended(match, context):
        return point_reading(relative_point(context, "year", -1), "Y")
    if unit in ("year", "month", "week"):
        return point_reading(relative_point(context, unit, 0), UNIT_GRANULARITY[unit])
    return None


END_OF_BEFORE = re.compile(r"\b(?:end|close)\s+of\s+$", re.IGNORECASE)
NEW_YEAR_MONTHS = 2


def _year_just_ended(match: re.Match[str], context: Context) -> bool:
    """"retired at the end of the year", told in January or February: the year just ended."""
    anchor = context.anchor
    return (anchor is not None and anchor.month <= NEW_YEAR_MONTHS
            and END_OF_BEFORE.search(context.text, max(0, match.start() - 10), match.start()) is not None
            and context.tense(match) == "PAST")


def weekend_reading(context: Context, match: re.Match[str]) -> Reading:
    """The weekend just past (or coming, in the future tense); ISO weeks end on Sunday."""
    anchor = context.anchor
    if anchor is None:
        return Reading("DATE", "XXXX-WXX-WE")
    ahead = re.search(r"\b(?:ahead\s+of|before)\s+$", context.text[max(0, match.start() - 10):match.start()], re.I)
    if ahead or context.tense(match) == "FUTURE" or anchor.isoweekday() >= 6:
        point = Point(anchor, "W")
    else:
        point = Point(anchor - dt.timedelta(weeks=1), "W")
    return Reading("DATE", point.value() + "-WE", point=point)


def season_reading(context: Context, match: re.Match[str], season: str, relation: str,
                   base: Point | None = None) -> Reading:
    start = SEASON_START[season]
    if base is not None:
        return Reading("DATE", f"{anaphoric_season_year(base, start, relation):04d}-{season}")
    anchor = context.anchor
    if anchor is None:
        return Reading("DATE", f"XXXX-{season}")
    if relation == "this past":
        year = anchor.year if start < anchor.month else anchor.year - 1  # the one just gone
    elif relation in ("last", "past", "the past", "the last", "the previous"):
        year = anchor.year - 1  # TimeBank: "last spring" in October is the previous year's
    elif relation in ("next", "coming", "this coming", "the next", "the coming", "the following"):
        year = anchor.year if start > anchor.month else anchor.year + 1
    elif relation in ("this", "the", "the current", "current"):
        year = anchor.year if relation == "this" else season_year(context, match, start)
    else:
        return Reading("DATE", f"XXXX-{season}")
    return Reading("DATE", f"{year:04d}-{season}")


def anaphoric_season_year(base: Point, start_month: int, relation: str) -> int:
    """The year of "the following spring" (the first spring after `base`), "the previous
    spring" (the last one before it) or "that spring" (the one in its year)."""
    year = base.day.year
    whole_year = base.granularity in ("Y", "DE", "CE")
    if relation in ("the following", "the next"):
        return year + 1 if whole_year or start_month <= base.day.month else year
    if relation in ("the preceding", "the previous"):
        return year - 1 if whole_year or start_month >= base.day.month else year
    return year


def season_year(context: Context, match: re.Match[str], start_month: int) -> int:
    assert context.anchor is not None
    return month_year(context.anchor, start_month, context.tense(match))


@rule(rf"(?:(?P<the>the)\s+)?(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<year>{YEAR}))?")
def season(match: re.Match[str], context: Context) -> Reading | None:
    code = SEASONS[match["season"].lower()]
    if match["year"]:
        return Reading("DATE", f"{match['year']}-{code}")
    if code in ("SP", "FA") and not match["the"]:
        return None  # "spring" and "fall" are ordinary words too
    if code in ("SP", "FA") and not preceded_by_time_preposition(context, match):
        return None
    return season_reading(context, match, code, "the")


@rule(rf"the\s+week\s+of\s+(?P<month>{MONTH})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?")
def week_of(match: re.Match[str], context: Context) -> Reading | None:
    month, day = month_number(match["month"]), day_of_month(match["day"])
    if day is None:
        return None
    year = int(match["year"]) if match["year"] else nearest_year(context.anchor, month, day) if context.anchor else None
    point = make_date(year, month, day)
    return point_reading(Point(point.day, "W") if point else None, "W")


@rule(rf"(?:the\s+)?(?:(?P<year>{YEAR})\s+|(?P<rel>this|last|next)\s+year's\s+|"
      r"(?P<ago>year-earlier|year-ago|comparable|prior-year)\s+)?(?:fiscal\s+|calendar\s+)?"
      rf"(?P<ordinal>{QUARTER_ORDINAL})[-\s](?P<unit>quarter|half)"
      rf"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<year2>{YEAR})|(?P<rel2>this|last|next)\s+year))?")
def quarter(match: re.Match[str], context: Context) -> Reading | None:
    ordinal = match["ordinal"].lower()
    count = 4 if match["unit"].lower() == "quarter" else 2
    number = count if ordinal in ("final", "last") else int(ORDINALS.get(ordinal) or ordinal[0])
    if number > count:
        return None
    code = "Q" if count == 4 else "H"
    year_text = match["year"] or match["year2"]
    relation = (match["rel"] or match["rel2"] or "").lower()
    if year_text:
        year = int(year_text)
    elif context.anchor is None:
        return Reading("DATE", f"XXXX-{code}{number}")
    elif relation or match["ago"]:
        year = context.anchor.year + {"this": 0, "last": -1, "next": 1}.get(relation, -1)
    else:
        year = quarter_year(context, match, number, count)
    first_month = (number - 1) * 12 // count + 1
    # "the third-quarter results": TimeBank leaves the article out of the adjectival (hyphenated) form.
    article = re.match(r"the\s+", match.group(), re.IGNORECASE)
    start = match.start() + article.end() if article and "-" in match.group()[match.end("ordinal") - match.start():] else None
    return Reading("DATE", f"{year:04d}-{code}{number}", point=Point(dt.date(year, first_month, 1), "Q")
                   if code == "Q" else None, start=start)


def quarter_year(context: Context, match: re.Match[str], number: int, count: int) -> int:
    """Business news means the latest such quarter: "the fourth quarter" in January is last year's."""
    assert context.anchor is not None
    current = (context.anchor.month - 1) * count // 12 + 1
    if number > current and context.tense(match) != "FUTURE":
        return context.anchor.year - 1
    return context.anchor.year


@rule(r"year(?:-|\s+|['’]s\s+)end")
def year_end(match: re.Match[str], context: Context) -> Reading | None:
    """"by year-end", "since year end": the end of the current year, or of the last one when the
    clause looks back ("since year-end")."""
    if context.anchor is None:
        return Reading("DATE", "XXXX", "END")
    back = re.search(r"\bsince\s+$", context.text[max(0, match.start() - 8):match.start()], re.IGNORECASE)
    return Reading("DATE", f"{context.anchor.year - (1 if back else 0):04d}", "END")


@rule(rf"the\s+(?:(?P<year>{YEAR})\s+(?P<what>quarter|period)|(?:latest|most\s+recent)\s+(?P<latest>period))")
def reporting_period(match: re.Match[str], context: Context) -> Reading | None:
    """Financial reports: "the 1988 quarter" (the quarter under discussion, in 1988), "the 1989
    period" (likewise when a quarter is in focus, else the year), "the latest period"."""
    focus = context.last if quarter_in_focus(context) else relative_point(context, "quarter", -1)
    if match["latest"]:
        return unremembered(point_reading(focus, "Q"))
    year = int(match["year"])
    if match["what"].lower() == "period" and not quarter_in_focus(context) or focus is None:
        return Reading("DATE", f"{year:04d}")
    return unremembered(point_reading(Point(focus.day.replace(year=year), "Q"), "Q"))


@rule(r"(?:the\s+)?(?:comparable\s+|same\s+)?(?:year-earlier|year-ago|year\s+earlier|prior-year)"
      r"(?:\s+(?P<what>quarter|period))?")
def year_earlier(match: re.Match[str], context: Context) -> Reading | None:
    if match["what"] or quarter_in_focus(context):
        return unremembered(point_reading(year_before_quarter(context), "Q"))
    return unremembered(point_reading(relative_point(context, "year", -1), "Y"))


# A figure set against another: "net of $3 million, compared with a loss last year".
COMPARISON = re.compile(r"\b(?:compared\s+(?:with|to)|from|versus|vs\.)\b", re.IGNORECASE)


def compares_quarters(context: Context, match: re.Match[str]) -> bool:
    """In quarterly results, "last year" set against this quarter's figure is the same quarter
    a year back (TimeML: the comparison's granularity)."""
    if not quarter_in_focus(context):
        return False
    left = sentence_bounds(context.text, match.start(), match.end())[0]
    return COMPARISON.search(context.text, left, match.start()) is not None


def unremembered(reading: Reading) -> Reading:
    """Comparisons ("a year earlier") are not what later anaphora refer back to."""
    return Reading(reading.type, reading.value, reading.mod, None, reading.start)


def quarter_in_focus(context: Context) -> bool:
    return context.last is not None and context.last.granularity == "Q"


def year_before_quarter(context: Context) -> Point | None:
    """The quarter a year before the one under discussion (default: the last completed one)."""
    base = context.last if quarter_in_focus(context) else relative_point(context, "quarter", -1)
    return Point(shift(base.day, "year", -1), "Q") if base else None


@rule(rf"(?:(?P<rel>last|this|next)\s+)?(?P<name>{HOLIDAY})(?:\s+(?P<year>{YEAR}))?")
def holiday(match: re.Match[str], context: Context) -> Reading | None:
    name = re.sub(r"\s+", " ", match["name"].lower())
    if match["year"]:
        year: int | None = int(match["year"])
    elif context.anchor is None:
        year = None
    else:
        month = HOLIDAYS.get(name, (11, 1))[0] if name in HOLIDAYS or "thanks" in name or "elect" in name else 4
        relation = (match["rel"] or "").lower()
        tense: Tense | None = {"last": "PAST", "next": "FUTURE"}.get(relation) or context.tense(match)
        year = month_year(context.anchor, month, tense)
    if year is None:
        month_day = HOLIDAYS.get(name)
        return Reading("DATE", f"XXXX-{month_day[0]:02d}-{month_day[1]:02d}" if month_day else UNKNOWN_DATE)
    day = dt.date(year, *HOLIDAYS[name]) if name in HOLIDAYS else movable_holiday(name, year)
    return point_reading(Point(day, "D"), "D")


