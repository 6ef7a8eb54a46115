"""Event dates: which time expression of a sentence dates which event trigger.

Each trigger takes the cheapest date of its sentence, each date going to one trigger: cost is
distance in characters, a little more for a date before its trigger, much more for a date in
mid-sentence that belongs to the verb on its left, and no pairing at all across a clause
boundary or into or out of a relative clause. Dates joined by "and"/"to" are one interval, and
a date that opens the sentence dates every trigger left without one.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span

from models import edtf
from models.records import TimeExpression
from pipeline.timex.alternation import compile_looking_ahead

BARRIER = compile_looking_ahead(
    r"(?<![\w-])(?:since|when|after|before|following|because|until|while|although|whereas|but|ahead of|prior to"
    r"|and then)(?![\w-])|;|,\s*(?:and|but)\b",
    re.I,
)
"""Words that open another clause: a date beyond one belongs to that clause's verb."""
BEFORE_COST = 1.5
"""A date after its trigger ("inspection in February") is the usual order in English news;
one before it ("In February, inspectors visited") is common enough to cost only a little more."""
LEFT_PREPOSITIONS = ("in", "on", "during", "between", "from", "at", "over", "by")
LEFT_ATTACHED_BACKWARDS = re.compile(
    rf"\s+(?:eht\s+)?(?:{'|'.join(word[::-1] for word in LEFT_PREPOSITIONS)})\s+[\w,]*\w", re.I
)
"""A date right after a word and a preposition ("visited in the"), that is the text before it
ending in `\\w[\\w,]*\\s+(?:in|on|…)\\s+(?:the\\s+)?$`, spelt backwards to be matched at the start
of that text reversed: one anchored match, where a search for the pattern at the end of the text
tried every position before the date (most of the time spent dating events)."""
LEFT_ATTACHED_PENALTY = 50
"""A dated phrase in mid-sentence ("inspectors who visited in December rated…") modifies the verb
on its left: it reaches a later trigger only when nothing nearer wants it. A fronted one ("In
December, inspectors…") and one closed by a comma carry no penalty."""
FRONTED_CHARS = 8
"""A date that opens its sentence ("In May", "Since December", "Last month") may sit a preposition
of up to this many characters from the sentence start."""
RANGE_JOIN = re.compile(r"\s*(?:and|to|until|till|-|–|—)\s*", re.I)
SAME_TIME = re.compile(r"^,?\s*when\b", re.I)
""""in October 2016, when it issued a direction": a when-clause right after a date shares it."""
RELATIVE_CLAUSE = re.compile(
    r",\s*(?:who|which|whose|where|introduced|launched|established|created|set up|founded|adopted)\b[^,;]*(?:,|$)",
    re.I,
)
"""Relative clauses, and the reduced ones that name when something else began ("the ILACS
framework, introduced in January 2018")."""


def assign_dates(
    text: str, timexes: list[TimeExpression], anchor: dt.date | None, sentence: Span, triggers: list[Span]
) -> dict[int, tuple[TimeExpression, str]]:
    """Pair the sentence's time expressions with its triggers, cheapest pair first, each used once:
    in "a report published in March following an inspection in February" each event gets its month.
    A trigger left without a date then shares a date that opens the sentence ("Last month the
    DfE issued a direction and appointed a commissioner"; "Since December the service has been
    run by X, who is on secondment")."""
    start, end = sentence.start_char, sentence.end_char  # spaCy works each out from the tokens on every read
    expressions = _joined_ranges(
        text,
        [
            (expression, value)
            for expression in timexes
            if start <= expression.start < end
            for value in [edtf.from_timex(expression, text[start : expression.start], anchor)]
            if value
        ],
    )
    clauses = [(start + m.start(), start + m.end()) for m in RELATIVE_CLAUSE.finditer(text[start:end])]
    pairs = sorted(
        (cost, trigger.start, index)
        for trigger in triggers
        for index, (expression, _) in enumerate(expressions)
        for cost in [_cost(text, trigger, expression)]
        if cost is not None and _same_clause(clauses, trigger.end_char - 1, expression.start)
    )
    dates: dict[int, tuple[TimeExpression, str]] = {}
    used: set[int] = set()
    for _, owner, index in pairs:
        if owner not in dates and index not in used:
            dates[owner] = expressions[index]
            used.add(index)
    first_trigger = min((t.start_char for t in triggers), default=0)
    fronted = [pair for pair in expressions if pair[0].start - start <= FRONTED_CHARS and pair[0].end < first_trigger]
    for trigger in triggers:
        if trigger.start not in dates and fronted:
            dates[trigger.start] = fronted[0]
    return dates


def _joined_ranges(text: str, dated: list[tuple[TimeExpression, str]]) -> list[tuple[TimeExpression, str]]:
    """Two dates joined by "and" or "to" ("between September 16 and September 27", "in November
    and December") are one interval: the event's, not one date for it and one for its neighbour."""
    joined: list[tuple[TimeExpression, str]] = []
    for expression, value in dated:
        if joined and RANGE_JOIN.fullmatch(text[joined[-1][0].end : expression.start]):
            first, first_value = joined[-1]
            interval = edtf.interval(first_value, value)
            if interval:
                span = first.model_copy(update={"end": expression.end, "text": text[first.start : expression.end]})
                joined[-1] = (span, interval)
                continue
        joined.append((expression, value))
    return joined


def _same_clause(clauses: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether two offsets are both inside, or both outside, each relative clause: a date in
    ", who became director in 2013," is not the date of the sentence's main verb."""
    return all((start <= a < end) == (start <= b < end) for start, end in clauses)


def _cost(text: str, trigger: Span, expression: TimeExpression) -> float | None:
    """How far a date is from a trigger; None when a clause boundary separates them."""
    penalty = 0.0
    if expression.start >= trigger.end_char:
        between, weight = text[trigger.end_char : expression.start], 1.0
    else:
        between, weight = text[expression.end : trigger.start_char], BEFORE_COST
        if _left_attached(text, expression.start) and not between.lstrip().startswith(","):
            penalty = LEFT_ATTACHED_PENALTY
    if SAME_TIME.match(between):
        return len(between) * weight + penalty
    return None if BARRIER.search(between) else len(between) * weight + penalty


def _left_attached(text: str, start: int) -> bool:
    """Whether what starts at `start` follows a word and a preposition (see LEFT_ATTACHED_BACKWARDS)."""
    return LEFT_ATTACHED_BACKWARDS.match(text[:start][::-1]) is not None
