"""Offsets from the anchor ("three years ago"), durations ("the past six months"), sets
("every week"), references ("now", "recently") and clock times."""
from __future__ import annotations

import datetime as dt
import re

from pipeline.timex.lexicon import (
    DAY_PART, MONTH, NUMBER_WORD, REFERENCE, REFERENCE_WORDS, SEASON, SEASONS, UNIT, WEEKDAY, alternation,
    month_number, number_value, unit_key, weekday_number,
)
from pipeline.timex.resolve import (
    UNIT_GRANULARITY, UNKNOWN_DATE, Point, duration_value, weekday_date, weekday_tense,
)
from pipeline.timex.rules.base import (
    COUNT, DAY, NUM, Context, Reading, day_of_month, month_day_reading, point_reading, relative_point,
    rule,
)
from pipeline.timex.rules.dates import (
    DAY_WORDS, part_suffix, quarter_in_focus, unremembered, year_before_quarter,
)

# ------------------------------------------------------------------ offsets from the anchor


@rule(rf"(?:(?P<count>{COUNT})\s+)?(?P<unit>{UNIT})s?\s+(?P<direction>ago|earlier|later|from\s+now|hence|back)")
def units_ago(match: re.Match[str], context: Context) -> Reading | None:
    unit = unit_key(match["unit"])
    count = number_value(match["count"]) if match["count"] else None
    direction = match["direction"].lower()
    forward = direction in ("later", "hence") or direction.startswith("from")
    if direction in ("later", "earlier") and (count is None or unit in ("second", "minute", "hour", "day")):
        # TimeML: "three days later", "a day earlier" are durations (P3D) plus a signal. Longer
        # spans ("two years later") resolve against the last date, which chronologies need.
        return None
    if count is None:
        return Reading("DATE", "FUTURE_REF" if forward else "PAST_REF")
    if unit not in UNIT_GRANULARITY:
        return point_reading(relative_point(context, "day", 0), "D") if context.anchor else None
    if unit == "year" and count == 1 and direction in ("ago", "earlier") and quarter_in_focus(context):
        return unremembered(point_reading(year_before_quarter(context), "Q"))  # in quarterly results
    base = context.last if direction == "later" else None
    point = relative_point(context, unit, count if forward else -count, base)
    granularity = "Y" if unit in ("decade", "century") else UNIT_GRANULARITY[unit]
    return unremembered(point_reading(Point(point.day, granularity) if point else None, granularity))


# ------------------------------------------------------------------ durations

DURATION_LEAD = (r"(?:the\s+(?:past|last|next|previous|coming|first|final|following|latest|remaining|"
                 r"entire|full|whole|initial|ensuing|same|other)|each\s+of\s+the\s+(?:past|last|next)|"
                 r"another|an\s+additional|a\s+further|a\s+full|the)")
QUALIFIER = r"(?:(?:long|full|calendar|straight|consecutive|successive|trading|business|working)\s+)"


# An amount, optionally with a plural noun, right before "a year": the expression is a rate.
RATE_BEFORE = re.compile(r"(?:(?:\d[\d,.]*%?|\b(?:million|billion|thousand|hundred|percent|cents?|dollars?|pounds?))"
                         rf"(?:\s+[a-z]+s)?|\b{NUMBER_WORD}\s+[a-z]+s)\s+$", re.IGNORECASE)  # "four flights a week"


@rule(rf"(?:(?P<lead>{DURATION_LEAD})\s+)?(?:(?P<count>{COUNT})(?:\s+more)?\s+{QUALIFIER}?)?"
      rf"(?P<unit>{UNIT})(?P<plural>s)?(?P<half>\s+and\s+a\s+half)?(?!\s+old\b|-[a-z])")
def duration(match: re.Match[str], context: Context) -> Reading | None:
    unit = unit_key(match["unit"])
    if not match["count"] and not match["plural"]:
        return None  # "the year", "the week" are points: relative_unit
    count_text = (match["count"] or "").lower()
    if count_text in ("a", "an") and match["lead"] is None and RATE_BEFORE.search(
            context.text, max(0, match.start() - 40), match.start()):
        return None  # a rate, not a duration: "$2 million a year", "24 hours a day"
    if unit == "second" and count_text in ("a", "one") and not match["plural"] and ORDINAL_SECOND.match(
            context.text, match.end()):
        return None  # "a second group", "a second time": the ordinal
    if match["unit"][0].isupper() and re.fullmatch(r"\d+", count_text):
        return None  # a title: CBS's "60 Minutes", "48 Hours"
    if not count_text and unit == "hour" and re.search(r"\b(?:early|wee|small)\s+$", context.text[max(0, match.start() - 8):match.start()], re.I):
        return None  # "in the early hours of Thursday": a part of the day, not a duration
    if not count_text and match["lead"] is None and unit in ("second", "minute", "quarter"):
        return None  # "seconds", "minutes" (of a meeting), "quarters" (rooms) are not times
    count = number_value(count_text) if count_text else None
    if count is not None and match["half"]:
        count += 0.5
    half = re.search(r"(?:1/2|½|half)$", count_text)
    if half:
        count = (number_value(re.sub(r"\s*(?:and\s+(?:a\s+)?half|1/2|½)$", "", count_text)) or 0) + 0.5
    if count is None and re.fullmatch(r"\d+(?:\.\d+)?", count_text):
        count = float(count_text)
    if count == 0:
        return None
    # "the weeks before": TimeBank leaves the article out of a bare plural.
    start = match.start("unit") if match["lead"] and match["lead"].lower() == "the" and not count_text else None
    return Reading("DURATION", duration_value(count, unit), start=start)


ORDINAL_SECOND = re.compile(r"\s+(?!(?:or|and|later|earlier|ago|before|after|of|to|in|per|from)\b)[a-z]",
                            re.IGNORECASE)
ADJECTIVE_NOUN = r"(?:period|term|stint|spell|span|window|stretch)"


@rule(rf"(?:an?\s+)?(?P<count>\d+(?:\.\d+)?|{NUMBER_WORD}|half)-(?P<unit>{UNIT})(?:-long)?(?!-old)"
      rf"(?:\s+(?P<noun>{ADJECTIVE_NOUN}))?")
def hyphenated_duration(match: re.Match[str], context: Context) -> Reading | None:
    """"three-month period", "two-year"; ages ("6-year-old") are not tagged; an article belongs to the extent only
    when a noun like "period" follows ("a three-year period", but "a two-year [contract]")."""
    count_text = match["count"].lower()
    count = 0.5 if count_text == "half" else number_value(count_text)
    start = match.start() if match["noun"] else match.start("count")
    return Reading("DURATION", duration_value(count, unit_key(match["unit"])), start=start)


@rule(rf"(?P<unit>{UNIT})(?P<plural>s)?-long")
def long_duration(match: re.Match[str], context: Context) -> Reading | None:
    """"day-long" is P1D, "decades-long" PXDE."""
    count = None if match["plural"] else 1
    return Reading("DURATION", duration_value(count, unit_key(match["unit"])))


@rule(r"(?P<when>recent|the\s+coming|coming|the\s+recent|the\s+past\s+several)\s+(?P<unit>"
      + UNIT + r")s")
def vague_recent_units(match: re.Match[str], context: Context) -> Reading | None:
    """"the coming weeks" is PXW; "recent years" (and decades) is the past as a whole, PAST_REF."""
    unit = unit_key(match["unit"])
    if match["when"].lower().endswith("recent") and unit in ("year", "decade"):
        return Reading("DATE", "PAST_REF")
    return Reading("DURATION", duration_value(None, unit))


# ------------------------------------------------------------------ sets

# "quarterly" is left out: in business news it is mostly an adjective ("quarterly profit").
SET_ADVERBS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "fortnightly": "P2W",
               "biweekly": "P2W", "monthly": "P1M", "annually": "P1Y",
               "yearly": "P1Y", "hourly": "PT1H", "biannually": "P6M", "semiannually": "P6M"}
FREQUENCY = re.compile(r"(?:once|twice|thrice|times|\d+\s*x)\s+$", re.IGNORECASE)


@rule(rf"(?P<adverb>{alternation(SET_ADVERBS)})")
def set_adverb(match: re.Match[str], context: Context) -> Reading | None:
    if RATE_BEFORE.search(context.text, max(0, match.start() - 40), match.start()):
        return None  # a rate, like "$2 million a year": "rise 8.5% annually", "10,000 units annually"
    return Reading("SET", SET_ADVERBS[match["adverb"].lower()])


@rule(rf"(?P<quantifier>every|each|per|a)\s+(?:(?P<count>{NUM}|other)\s+)?"
      rf"(?:(?P<unit>{UNIT})s?|(?P<weekday>{WEEKDAY})|(?P<month>{MONTH})|(?P<season>{SEASON})|(?P<part>{DAY_PART}))")
def every_unit(match: re.Match[str], context: Context) -> Reading | None:
    quantifier = match["quantifier"].lower()
    if quantifier == "a" and not FREQUENCY.search(context.text, max(0, match.start() - 12), match.start()):
        return None
    if quantifier in ("a", "per"):
        start = match.start() + len(quantifier) + 1 if quantifier == "per" else None
        if match["unit"] is None:
            return None
    else:
        start = None
    if match["weekday"]:
        return Reading("SET", f"XXXX-WXX-{weekday_number(match['weekday'])}")
    if match["month"]:
        return Reading("SET", f"XXXX-{month_number(match['month']):02d}")
    if match["season"]:
        return Reading("SET", f"XXXX-{SEASONS[match['season'].lower()]}")
    if match["part"]:
        return Reading("SET", f"XXXX-XX-XX{part_suffix(match['part'])}")
    count_text = (match["count"] or "").lower()
    count = 2 if count_text == "other" else number_value(count_text) if count_text else 1
    return Reading("SET", duration_value(count, unit_key(match["unit"])), start=start)


# ------------------------------------------------------------------ references and times


RECENTLY_BEFORE_DATE = re.compile(rf"\s+(?:(?:last|this|earlier|early|late)\s|(?:in\s+)?{MONTH}\b)")


@rule(rf"(?P<word>{REFERENCE})")
def reference(match: re.Match[str], context: Context) -> Reading | None:
    if match.group() == "Now" and context.text.startswith(",", match.end()):
        return None  # "Now, the company...": a discourse marker, not the present
    if match["word"].lower() == "recently" and RECENTLY_BEFORE_DATE.match(context.text, match.end()):
        return None  # "most recently last October": the date that follows says when
    then = re.search(r"\bthen[\s-]$", context.text[max(0, match.start() - 5):match.start()], re.IGNORECASE)
    if then and match["word"].lower() == "current":
        return Reading("DATE", "PAST_REF", start=match.start() - len(then.group()))  # "the then-current price"
    return Reading("DATE", REFERENCE_WORDS[re.sub(r"\s+", " ", match["word"].lower())])


TIME_DAY = rf"(?P<weekday>{WEEKDAY})|(?P<dayword>today|tonight|yesterday|tomorrow)|(?P<month>{MONTH})\s+(?P<dom>{DAY})"


@rule(r"(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<half>[ap])\.?\s?m\b\.?"
      r"(?:\s+(?P<zone>(?-i:[A-Z]{2,4}))\b)?(?:,?\s+(?:" + TIME_DAY + "))?"
      r"|(?P<named>noon|midnight|midday)(?:,?\s+(?:" + TIME_DAY.replace("?P<", "?P<n_") + "))?")
def clock_time(match: re.Match[str], context: Context) -> Reading | None:
    """"10:35 a.m.", "5 p.m. EST Nov. 9", "noon Thursday"."""
    if match["named"] and re.search(r"\bhigh\s+$", context.text[max(0, match.start() - 6):match.start()], re.I):
        return None  # "High Noon"
    if match["named"]:
        hour, minute = {"noon": 12, "midday": 12, "midnight": 24}[match["named"].lower()], 0
        prefix = "n_"
    else:
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        if hour > 12:
            return None
        hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
        prefix = ""
    day = time_day(match, context, prefix)
    date_value = day.isoformat() if day else UNKNOWN_DATE
    clock = "24:00" if hour == 24 else f"{hour:02d}:{minute:02d}"
    return Reading("TIME", f"{date_value}T{clock}")


def time_day(match: re.Match[str], context: Context, prefix: str) -> dt.date | None:
    """The day a clock time is on: the day named beside it, else the anchor."""
    anchor = context.anchor
    if match[prefix + "month"]:
        point = month_day_reading(context, match, month_number(match[prefix + "month"]),
                                  day_of_month(match[prefix + "dom"]), None)
        return point.point.day if point and point.point else None
    if anchor is None:
        return None
    if match[prefix + "weekday"]:
        return weekday_date(anchor, weekday_number(match[prefix + "weekday"]), context.tense(match))
    if not match[prefix + "dayword"]:
        day = day_after_time(context, match.end())
        if day is not None:
            return day
    word = (match[prefix + "dayword"] or "today").lower()
    return anchor + dt.timedelta(days=DAY_WORDS[word])


DAY_AFTER_TIME = re.compile(rf"\s*(?:\([^()]{{1,20}}\)\s*|on\s+)?(?P<weekday>{WEEKDAY})\b")


def day_after_time(context: Context, end: int) -> dt.date | None:
    """"10:35 a.m. (0735 GMT) Friday": a weekday just after the time, past a parenthesis."""
    match = DAY_AFTER_TIME.match(context.text, end)
    if match is None or context.anchor is None:
        return None
    return weekday_date(context.anchor, weekday_number(match["weekday"]), weekday_tense(context.text, end, match.end()))


