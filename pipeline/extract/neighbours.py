"""What an event's neighbours in its sentence say of its date: the event it came at the same
time as ("resigned the same day"), the inspection that gave its rating ("judged good in its
joint area review in 2007"), the event it came before ("a notice in May 2010 after a damning
joint inspection"), or the one it came a stretch after ("five weeks after the second
inadequate rating", for the archive to date, `pipeline.merge.dating`).
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from models import edtf
from models.records import Offset, TimeExpression
from models.vocabulary import LEAVINGS, RATING_RE, normalise_rating
from pipeline.extract.article_context import ArticleContext
from pipeline.extract.event_dates import Dated, event_date

AFTER_LEAD = re.compile(r"\b(?:after|following)\s+(?:[\w'’-]+\s+){0,4}$", re.I)
"""An event named right after "after" or "following" came before the sentence's dated event."""
AFTER_LEAD_CHARS = 60
"""How far before a trigger its "after" may stand: four words or so."""
JUDGED_IN = re.compile(r"[^,;.]{0,40}?\b(?:in|at|during)\s+(?:its|the|their|a|an|this|that)\s+(?:[\w'’-]+\s+){0,3}", re.I)
"""What stands between a rating and the inspection it was given in (one given "following" an
inspection came after it, at the report)."""
JUDGED_BY = re.compile(r"(?:,[^,;.]{0,20},|\s+[\w ]{0,20}?\s+[–—-])?\s+(?:had\s+|has\s+|have\s+)?(?:also\s+)?", re.I)
"""What stands between an inspection and the rating it gave: an aside in commas, an auxiliary,
or a timeline's dash ("Ofsted full inspection February 2022 – found inadequate")."""
SAME_TIME_AS = re.compile(r"\s+(?:on\s+)?(?:the\s+same|that)\s+(?:day|week|month)\b", re.I)
"""Right after a trigger: told as at the time of the event before it."""
SINCE_THEN = re.compile(r"\bsince then\b", re.I)
SINCE_THEN_TYPES = frozenset({"appointment", "intervention", "secondment"})
""""judged inadequate in October, and a commissioner appointed by the government has been working
alongside the council since then": a state that began with the event told before it."""
DURATION_VALUE = re.compile(r"P\d+[YMWD]")
AFTER_WORD = re.compile(r",?\s+(?:after|since|following|on from)\s+", re.I)
COMES_AFTER = re.compile(r"\s*(?:It|This|The (?:move|decision|announcement|notice|direction|appointment|departure|resignation|intervention|visit|inspection|letter|report))\s+(?:comes|came)\s+", re.I)
"""A sentence that puts the news told before it a stretch after an earlier event."""
CLAUSE_BREAK = re.compile(r"[,;.]")
THAT_TIME = re.compile(r"\s*(?:At that time|At the time|At that point|That same (?:day|week|month)|The same (?:day|week|month))\b", re.I)
THAT_TIME_REACH = 300
DIRECTION_GAP = re.compile(r"[^,;.]{0,40}")
APPOINTING = re.compile(r"(?:appoints|installs|names)\b", re.I)
"""What a direction does to the commissioner it names: "a direction issued on Friday appoints X"."""
UNDER_A = re.compile(r"[^,;.]{0,50}?\bunder\s+(?:an?|the|its)\s+", re.I)
SUCCEEDING = re.compile(r"[^,;.]{0,60}?,?\s+(?:following|after|on)\s+(?:the\s+|her\s+|his\s+)?", re.I)
"""What stands between an appointment and the leaving it followed: "took on the role (at the
council) (for 18 months) following the retirement of"."""
TENURE_LEAD = re.compile(r"\bafter\s+(?:almost\s+|nearly\s+|more than\s+|just over\s+|just under\s+|some\s+)?$", re.I)
TENURE_AS = re.compile(r"\s+(?:as|in (?:the|her|his) (?:post|role|job))\b", re.I)
MONTHS = re.compile(r"P\d+M")
"""A tenure counted in months dates a leaving; one of "six years" is as loose as the press's rounding."""
OFFSET_REACH = 50
"""How far after "after" the earlier event's trigger may stand: "three months after Ofsted inspectors rated"."""


def same_time_as_earlier(text: str, sentence: Span, trigger: Span, dates: dict[int, Dated]) -> Dated | None:
    """The date of the sentence's earlier event that this one is told as at the same time as:
    "rated inadequate in November 2016, and the then director resigned the same day", or as
    lasting since (SINCE_THEN)."""
    if not (SAME_TIME_AS.match(text, trigger.end_char, sentence.end_char)
            or (trigger.label_ in SINCE_THEN_TYPES and SINCE_THEN.search(text, trigger.end_char, sentence.end_char))):
        return None
    earlier = [dated for start, dated in sorted(dates.items()) if start < trigger.start]
    return earlier[-1] if earlier else None


def judged_in(text: str, trigger: Span, triggers: list[Span], dates: dict[int, Dated]) -> Dated | None:
    """A rating's date from the inspection it was given in ("judged good for safeguarding in its
    joint area review in 2007") or that gave it ("the previous full inspection, in 2017, had also
    judged the services to require improvement")."""
    if trigger.label_ != "inspection_report":
        return None
    return next((dates[other.start] for other in triggers
                 if other.label_ == "inspection" and other.start in dates
                 and (JUDGED_IN.fullmatch(text, trigger.end_char, other.start_char)
                      or JUDGED_BY.fullmatch(text, other.end_char, trigger.start_char))), None)


def acting_under(text: str, trigger: Span, triggers: list[Span], dates: dict[int, Dated]) -> Dated | None:
    """The date of the direction an appointment was made under: "was appointed commissioner
    last week under a statutory direction" (the date went to the direction, the nearer), "a
    statutory direction issued on Friday appoints Ruth Dalrymple"."""
    if trigger.label_ not in ("intervention", "appointment"):
        return None
    return next((dates[other.start] for other in triggers
                 if other.label_ == "statutory_direction" and other.start in dates
                 and (UNDER_A.fullmatch(text, trigger.end_char, other.start_char)
                      or (DIRECTION_GAP.fullmatch(text, other.end_char, trigger.start_char)
                          and APPOINTING.match(text, trigger.start_char)))), None)


def succeeding(text: str, trigger: Span, triggers: list[Span], dates: dict[int, Dated]) -> Dated | None:
    """The date of the leaving an appointment followed: "took on the role following the
    retirement of Jo Olsson in December 2020" (the date went to the retirement, the nearer): a
    successor, interim or not, takes up a post as it falls empty."""
    if trigger.label_ not in ("appointment", "secondment"):
        return None
    return next((dates[other.start] for other in triggers
                 if other.label_ in LEAVINGS and other.start in dates
                 and SUCCEEDING.fullmatch(text, trigger.end_char, other.start_char)), None)


def at_that_time(context: ArticleContext, sentence: Span) -> Dated | None:
    """"At that time the director announced she would step down": a sentence opening with the
    time just told takes the last date told before it, within a sentence or two."""
    if not THAT_TIME.match(context.text, sentence.start_char, sentence.end_char):
        return None
    told = [one for one in context.timexes
            if sentence.start_char - THAT_TIME_REACH <= one.start < sentence.start_char and one.type == "DATE"]
    if not told:
        return None
    value = event_date(told[-1], "", context.anchor)
    return Dated(told[-1], value) if value and edtf.parse(value).known else None


def date_it_came_before(text: str, sentence: Span, trigger: Span, dates: dict[int, Dated]) -> str | None:
    """The date of the sentence's earlier event that this undated one came before: "served with
    a notice in May 2010 after a damning joint inspection" puts the inspection before May 2010."""
    if not AFTER_LEAD.search(text, max(sentence.start_char, trigger.start_char - AFTER_LEAD_CHARS), trigger.start_char):
        return None
    earlier = [dated.value for start, dated in dates.items() if start < trigger.start and edtf.parse(dated.value).known]
    return earlier[-1] if earlier else None


def offset_after(context: ArticleContext, trigger: Span, told_end: int) -> Offset | None:
    """The event this one is told as a stretch of time after, when what tells it says so after
    the trigger: "resigned on Wednesday, five weeks after the second inadequate rating"."""
    triggers = context.doc.spans["triggers"]
    for expression in context.timexes:
        if not (trigger.end_char <= expression.start < told_end and DURATION_VALUE.fullmatch(expression.value)):
            continue
        if any(trigger.end_char <= other.start_char < expression.start and other.label_ != trigger.label_ for other in triggers):
            return None  # the stretch belongs to a nearer event ("has left by mutual agreement, a month after" is one)
        return _stretch_after(context, expression) or _tenure(context, trigger, expression)
    return None


def _tenure(context: ArticleContext, trigger: Span, expression: TimeExpression) -> Offset | None:
    """A leaving told as the end of a stretch in post ("who left last week, after 21 months as
    interim director"): that stretch after the leaver's appointment, which dating finds by name."""
    text = context.text
    if trigger.label_ not in LEAVINGS or not (TENURE_LEAD.search(text, max(0, expression.start - 30), expression.start)
                                              and TENURE_AS.match(text, expression.end) and MONTHS.fullmatch(expression.value)):
        return None
    return Offset(type="appointment", duration=expression.value)


def comes_after(context: ArticleContext, sentence: Span) -> Offset | None:
    """The stretch a sentence such as "The move comes seven weeks after Ofsted rated the council
    inadequate" puts between the news told before it and an earlier event."""
    opening = COMES_AFTER.match(context.text, sentence.start_char, sentence.end_char)
    if not opening:
        return None
    expression = next((one for one in context.timexes if opening.end() <= one.start <= opening.end() + 12), None)
    if expression is None or not DURATION_VALUE.fullmatch(expression.value):
        return None
    return _stretch_after(context, expression)


def _stretch_after(context: ArticleContext, expression: TimeExpression) -> Offset | None:
    """The offset a duration ("five weeks") gives when "after" and an event's trigger follow it."""
    text = context.text
    link = AFTER_WORD.match(text, expression.end)
    if link is None:
        return None
    triggers = context.doc.spans["triggers"]
    earlier = next((other for other in triggers if link.end() <= other.start_char <= link.end() + OFFSET_REACH), None)
    if earlier is None:
        return None
    if earlier.label_ == "inspection":  # "seven weeks after a joint inspection by Ofsted rated the council inadequate": the rating
        earlier = next((other for other in triggers if other.label_ == "inspection_report"
                        and earlier.end_char <= other.start_char <= earlier.end_char + OFFSET_REACH
                        and not CLAUSE_BREAK.search(text, earlier.end_char, other.start_char)), earlier)
    rating = RATING_RE.search(text, link.end(), earlier.end_char)  # type: ignore[union-attr]
    return Offset(type=earlier.label_, duration=expression.value,
                  rating=normalise_rating(rating.group("rating")) if rating else None)
