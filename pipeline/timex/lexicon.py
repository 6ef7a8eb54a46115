"""Vocabulary of the temporal tagger: words, their values, and regex fragments built from them.

Everything here is data; `pipeline.timex` assembles the fragments into patterns and
`pipeline.timex.resolve` turns matches into TIMEX3 values.
"""
from __future__ import annotations

import re
from typing import Iterable

from pipeline.timex.alternation import FOLDS_TO_ASCII

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
# Abbreviations that are also ordinary words are only months when they carry a dot.
DOTTED_ONLY = {"mar", "jun", "jul", "sep", "dec", "jan", "apr", "aug", "oct", "nov", "feb", "sept"}

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# Parts of the day, as TIMEX3 time-of-day codes.
DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "mid-afternoon": "AF", "mid afternoon": "AF",
    "evening": "EV", "night": "NI", "overnight": "NI",
}

UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
}
TIME_UNITS = {"second", "minute", "hour"}

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12,
    "a couple of": 2, "a couple": 2, "couple of": 2, "single": 1,
}
# Quantities with no definite number: "several years" is PXY.
VAGUE_NUMBERS = ("a few", "few", "several", "some", "many", "a number of", "numerous", "various")

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "last": -1, "final": -1,
}

# Words that, alone, refer to the present, past or future (TIMEX3 *_REF values).
REFERENCE_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "the present": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "recently": "PAST_REF", "more recently": "PAST_REF", "the past": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the distant future": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
}

# Fixed-date holidays (month, day); movable ones are computed in the resolver.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25),
    "christmas eve": (12, 24), "christmas": (12, 25), "boxing day": (12, 26),
    "valentine's day": (2, 14), "halloween": (10, 31), "independence day": (7, 4),
    "bonfire night": (11, 5), "guy fawkes night": (11, 5),
}
MOVABLE_HOLIDAYS = ("thanksgiving day", "thanksgiving", "easter sunday", "easter", "good friday",
                    "election day")

# Modifiers in front of a point in time, with their TIMEX3 mod; TimeBank keeps them in the extent.
POINT_MODIFIERS: dict[str, str | None] = {
    "early": "START", "earlier": None, "late": "END", "later": None, "mid": "MID", "mid-": "MID",
    "the end of": "END", "the beginning of": "START", "the start of": "START",
    "the middle of": "MID", "the turn of": None, "around": "APPROX", "about": "APPROX",
    "sometime": None, "some time": None,
}
# Modifiers that TimeBank leaves out of the extent in front of a day name ("Late Monday").
NOT_BEFORE_WEEKDAY = {"earlier", "later", "late"}
# Modifiers in front of a duration ("nearly two years").
DURATION_MODIFIERS: dict[str, str | None] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
    "under": "LESS_THAN", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "well over": "MORE_THAN", "just over": "MORE_THAN", "just under": "LESS_THAN",
}

# Words that can begin an expression before its trigger word (a month, a unit, a digit...).
LEAD_WORDS = (
    "the", "this", "that", "these", "last", "next", "past", "coming", "previous", "following",
    "preceding", "current", "latest", "most", "same", "each", "every", "per", "a", "an", "another",
    "some", "several", "few", "many", "numerous", "various", "couple", "number", "dozen", "early",
    "late", "mid", "fiscal", "calendar", "fy", "comparable", "prior-year", "year-earlier", "year-ago",
    "recent", "more", "right", "at", "final", "half", "other", "four", *NUMBERS, *ORDINALS,
)

FUTURE_MARKERS = (
    "will", "'ll", "shall", "would", "going to", "expects", "expected", "plans to", "planned to", "plan to",
    "scheduled", "planned for", "planning", "due", "hopes", "aims", "intends", "is to", "are to", "set to", "until", "by",
    "next", "upcoming", "forthcoming", "coming", "later", "is likely", "could", "might", "effective",
)
MODAL_MAY = r"(?-i:may)"
"""The modal is a future marker in lower case only: "May" is the month ("in May and June")."""
PAST_MARKERS = ("was", "were", "had", "did", "ago", "last", "earlier", "previous", "has been", "have been")


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of the words ignoring case, spaces standing for any run of space; of
    words sharing a start the longest is tried first, so that prefixes do not shadow them. Written
    as a case-folded trie (see `trie_pattern`), which the engine tries several times faster than
    the plain alternation under re.IGNORECASE, with the same matches."""
    return "(?-i:" + trie_pattern(words, caseless=True, space=r"\s+") + ")"


def trie_pattern(words: Iterable[str], *, caseless: bool = False, space: str = r"\ ") -> str:
    """A regex matching any of the words, factored as a character trie ("mon(?:day|th)").
    Python's engine tries alternatives one by one; a trie makes a failing position cost one
    character test instead of one test per word, which keeps the trigger scan fast.

    `caseless` writes each letter as the class of what it matches under re.IGNORECASE
    ("[mM][oO][nN]"): the same matches, but the engine tests a class in line, where it steps into
    every case-insensitive branch in turn (5x faster on word starts). `space` is what a space in
    a word becomes. Where words share a prefix the longer is tried first, so the first word to
    match is the one a plain alternation of the words, longest first, would give."""
    trie: dict = {}
    for word in words:
        node = trie
        word = word.lower() if caseless else word  # "FY" and "fy" are one branch, as their classes are one
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def written(char: str) -> str:
        if char == " ":
            return space
        return caseless_character(char) if caseless else re.escape(char)

    def build(node: dict) -> str:
        branches = [written(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def caseless_character(char: str) -> str:
    """A pattern for what `char` matches under re.IGNORECASE, without the flag: an ASCII letter
    matches its two cases and whichever of İ ı ſ K folds to it; other characters are left to the
    engine's own case folding."""
    if not (char.isascii() and char.isalpha()):
        return f"(?i:{re.escape(char)})" if char.lower() != char.upper() else re.escape(char)
    folds = sorted(fold for fold in FOLDS_TO_ASCII if re.fullmatch(char, fold, re.IGNORECASE))
    return "[" + char.lower() + char.upper() + "".join(folds) + "]"


def capitalised(words: Iterable[str]) -> str:
    """Case-sensitive alternation accepting Title case and UPPER case: month and weekday names
    are only names when capitalised ("may", "march", "sun" are words)."""
    forms = [form for word in words for form in (word.capitalize(), word.upper())]
    return "(?-i:" + trie_pattern(forms, space=r"\s+") + ")"


def _month_pattern() -> str:
    full_or_plain = [name for name in MONTHS if name not in DOTTED_ONLY]
    dotted = [name + "." for name in DOTTED_ONLY]
    plain_abbreviations = [name for name in MONTHS if len(name) <= 4 and name not in DOTTED_ONLY]
    return capitalised(full_or_plain + dotted + plain_abbreviations)


MONTH = _month_pattern()
WEEKDAY = capitalised(WEEKDAYS)
SEASON = alternation(SEASONS)
DAY_PART = alternation(DAY_PARTS)
NUMBER_WORD = alternation([*NUMBERS, *(f"{tens}-{unit}" for tens in ("twenty", "thirty", "forty", "fifty",
                                                                     "sixty", "seventy", "eighty", "ninety")
                                       for unit in ("one", "two", "three", "four", "five", "six",
                                                    "seven", "eight", "nine"))])
VAGUE_NUMBER = alternation(VAGUE_NUMBERS)
ORDINAL_WORD = alternation(ORDINALS)
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centurie)"
POINT_MODIFIER = alternation(POINT_MODIFIERS)
DURATION_MODIFIER = alternation(DURATION_MODIFIERS)
REFERENCE = alternation(REFERENCE_WORDS)
HOLIDAY = alternation([*HOLIDAYS, *MOVABLE_HOLIDAYS])


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    return WEEKDAYS[word.lower()]


def number_value(word: str) -> int | None:
    """The integer a quantity word stands for; None for vague ones ("several")."""
    word = re.sub(r"\s+", " ", word.lower().replace(",", ""))
    if word.isdigit():
        return int(word)
    if word in NUMBERS:
        return NUMBERS[word]
    tens, _, unit = word.replace(" ", "-").partition("-")
    if tens in NUMBERS and unit in NUMBERS:
        return NUMBERS[tens] + NUMBERS[unit]
    return None


def unit_key(word: str) -> str:
    """'Years' -> 'year', 'centuries' -> 'century'."""
    word = word.lower()
    if word.startswith("centur"):
        return "century"
    return word[:-1] if word.endswith("s") else word
