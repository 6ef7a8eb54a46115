"""The rules of the temporal tagger: one regex and one resolver per family of expressions.

Each rule's regex is tried (with `match`) at word starts near a trigger word; its resolver turns
the match into a `Reading` (TIMEX3 type, value, mod) or rejects it by returning None.
Extents follow TimeBank: determiners and quantifiers belong to the expression ("the past three
years", "last week"), prepositions do not ("in May 2010" -> "May 2010").

The families live in `dates` (absolute and anchored dates) and `spans` (offsets, durations,
sets, references, times); importing them registers their rules in `RULES`, dates first, in the
order the tagger tries them.
"""
from pipeline.timex.rules import dates, spans
from pipeline.timex.rules.base import RULES, Context, Reading, Rule, writes_day_first
from pipeline.timex.rules.dates import DECADE_WORDS
from pipeline.timex.rules.spans import SET_ADVERBS

__all__ = ["RULES", "Context", "Reading", "Rule", "DECADE_WORDS", "SET_ADVERBS", "dates", "spans", "writes_day_first"]
