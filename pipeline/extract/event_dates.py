"""Event dates: which time expression of a sentence dates which event trigger.

Each trigger takes the cheapest date of its sentence, each date going to one trigger: cost is
distance in characters, a little more for a date before its trigger, much more for a date in
mid-sentence that belongs to the verb on its left, and no pairing at all across a clause
boundary or into or out of a relative clause. Dates joined by "to" are one interval; dates
joined by "and" or listed are one event each when the trigger is plural or the dates are years
("inspections in 2009 and 2010"), else one span ("in May and June"). A date that opens the
sentence dates every trigger left without one.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, NamedTuple

from models import edtf
from models.records import TimeExpression
from pipeline.timex.alternation import compile_looking_ahead

if TYPE_CHECKING:  # dating tries words on candidate days with `event_date`, without spaCy
    from spacy.tokens import Span

BARRIER = compile_looking_ahead(
    r"(?<![\w-])(?<!looked )(?:since|when|after|before|following|follow(?:s|ed)(?=\s+(?:a|an|the|its|their|his|her|this|that|ofsted|inspectors?)\b)|because|until|while|although|whereas|but|ahead of|prior to"
    r"|and then|led to|resulted in|up from|down from|compared (?:with|to)|despite)(?![\w-])|;|,\s*(?:and|but|said|says|told|added)\b"
    r"|\b(?:was|were|is|are|has been|had been)\s+(?:discussed|debated|considered|raised|mentioned|challenged|questioned)\b",
    re.I,
)
"""Words that open another clause: a date beyond one belongs to that clause's verb ("her
departure follows a report in August"; but "a notice followed in 2010" is the notice's). A
speaker's aside ends at its verb: "Ferreira, the interim director seconded from Bexley, said
staff were told this morning" dates the telling, not the secondment."""
SPEAKING_LEAD = re.compile(r"(?:^|[.!?…]\s+|\n\s*)(?:Speaking|Writing|Commenting|Responding|Talking)\b[^,.;\n]*$")
"""A sentence opened by a speech act ("Speaking to the BBC on Monday, …"): its date is the speaking's."""
SPEAKING_CHARS = 80
MONTH_DAYS = 28
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
CONNECTIVES = frozenset({"however", "but", "and", "then", "also", "meanwhile", "separately", "earlier", "later"})
CONNECTIVE_OPENING = re.compile(rf"\s*(?:{'|'.join(CONNECTIVES)}),?\s+(?:(?:in|on|since|by|from|during|early|late)\s+)?", re.I)
"""Or after a connective: "However, in June 2014 it published…"."""
PARENTHESIS_OPEN = re.compile(r"\s*\(\s*")
RANGE_JOIN = re.compile(r"\s*(?:to|until|till|-|–|—)\s*", re.I)
LIST_JOIN = re.compile(r"\s*(?:,|,?\s*and|\s*and\s+(?:again\s+)?in|,\s*and\s+again\s+in|,\s*in)\s*", re.I)
COUNTED_ON = re.compile(r"\b(?:later|afterwards|after that|on)$", re.I)
""""in March 2024, a month later": a stretch counted on from an earlier event restates the date
before it; it lists no second one."""
"""What joins the dates of a list: "2009 and 2010", "2008, 2011 and 2014", "2011 and again in 2014";
not ", and in June", which opens a clause of its own ("in February, and in June inspectors said…")."""
PLURAL_TRIGGER = re.compile(r"(?:ions|ings|reports|visits|notices|directions|reviews|commissioners)\b", re.I)
YEAR_ONLY = re.compile(r"\d{4}")
WRITTEN_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
MONTH_VALUE = re.compile(r"(\d{4})-(\d{2})")
RELATIVE_VALUE = re.compile(r"XXXX-(?:XX(?:-XX)?|WXX(?:-\d)?)(?:T.*)?")
"""What the tagger makes of "yesterday", "last month", "this week" when there is no anchor."""
UNKNOWN_DATE = "XXXX"
COORDINATED_ACTS = frozenset({"statutory_direction", "intervention", "improvement_notice"})
COORDINATED = re.compile(r"[^,;.]{0,120}?\s+and\s+(?:then\s+|also\s+)?", re.I)
"""What joins a government's two acts in one clause: "issued a direction … and appointed"."""
DAY_WITHOUT_YEAR = re.compile(r"XXXX-(\d\d)-\d\d")
"""A day without its year in an undated article ("on 15 March"): its month, for the archive to find the year of."""
AGAIN = re.compile(r"\bagain\b", re.I)
AGAIN_CHARS = 40
"""How far before a date "again" can stand and still mark it a repeat ("again, three years later, in 2006")."""
SAME_TIME = re.compile(r",?\s*when\b", re.I)
""""in October 2016, when it issued a direction": a when-clause right after a date shares it."""
WHEN_CLAUSE_ENDS = re.compile(r"[.;]|\b(?:and|but)\s+(?:has|have|was|were|is|are)\b|\b(?:following|after|before|since)\b", re.I)
"""Where a when-clause's time stops: at its end, or at what came before or after ("June 2019,
when a commissioner was appointed following an inadequate rating": the rating was earlier)."""
STATE_STARTS = frozenset({"appointment", "secondment", "improvement_notice", "statutory_direction"})
"""Events that begin a state, which "since" dates: "in post since 2012", "on secondment since
March", "under an improvement notice since April"."""
SINCE_BEFORE_DATE = re.compile(r"\bsince\s*$", re.I)
SINCE_CHARS = 12
"""How far before a date its "since" can stand (a search from the text's start would read the whole article)."""
SINCE_EVENT = re.compile(r"\bsince\s+(?:the\s+|his\s+|her\s+|its\s+)?(?:[\w'’.-]+\s+){0,3}$", re.I)
"""A state's "since" followed by another event's noun ("interim director since Andrew Fenwick's
dismissal in April"): the state began when that event happened."""
SINCE_REACH = 60
"""How far a "since" date may follow a state's trigger and still be its start ("has led the
service on secondment from Essex since March"); further off it dates another clause."""
ANOTHER_CLAUSE = re.compile(r"\b(?:that|which|who|whose)\s+(?:has|have|had|was|were|is|are)\b", re.I)
""""took over a service that had been judged inadequate since 2009": the since is that clause's."""
OWN_CLAUSE_GAP = 1
"""Characters between a trigger noun and a relative clause that belongs to it: the comma."""
FUTURE_CLAUSE = re.compile(r"\b(?:will|would|shall|is to|are to|expected|due to|set to)\b", re.I)
"""A relative clause about what is still to come ("a review, which will be carried out over the
summer") dates a later stage, not the event its noun names."""
OWN_NOUN_PHRASE = re.compile(r"\s+(?:of|into|at|on)\s+[^,;]{1,80}?", re.I)
"""What may stand between a trigger noun and its relative clause: what it is of or into."""
RELATIVE_CLAUSE = re.compile(
    r",\s*(?:(?:the|a|an)\s+[^,;]{1,60}?\s)?(?:who|which|whose|where|introduced|launched|established|created|set up|founded|adopted|carried out|conducted)\b[^,;]*(?:,|$)",
    re.I,
)
"""Relative clauses, and the reduced ones that name when something else began ("the ILACS
framework, introduced in January 2018"); a clause in an apposition counts from its comma ("Jo
Bloggs, the director who was suspended in January, had left")."""


ANAPHOR_NOUNS = {
    "report": ("inspection_report", "review"),
    "findings": ("inspection_report", "review"),
    "judgement": ("inspection_report",),
    "judgment": ("inspection_report",),
    "verdict": ("inspection_report",),
    "letter": ("inspection_report",),
    "review": ("review",),
    "inspection": ("inspection",),
    "visit": ("inspection",),
    "notice": ("improvement_notice",),
    "direction": ("statutory_direction",),
}
"""The nouns by which the next sentence refers back to an event of each type."""
ANAPHOR = re.compile(
    r"\s*(?:According to\s+)?(?:(?:the|its|this|that|their)\s+(?:[\w’'-]+\s+){0,3}?|[\w-]+[’']s?\s+(?:[\w-]+\s+){0,2}?)"
    rf"(?P<noun>{'|'.join(ANAPHOR_NOUNS)})\b"
    r"(?P<link>\s*,?\s*(?:(?:which|that)\s+(?:was|were)\s+)?(?:published|released|issued|served|made public|carried out"
    r"|conducted|completed|sent|took place|happened|was held)?\s*(?:(?:in|on|at|during|over|from)\s+)?(?:the\s+)?)",
    re.I,
)
"""A sentence that opens by naming the event of the sentence before and, right after, its date:
"The review, published today by the safeguarding board, …", "According to the report, which was
published on Tuesday, …", "The watchdog's report, released last week, …". The press gives the
news first and its date in the next sentence."""


FIRST_DAY_OF_PAIR = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s*(?:and|&|-|–|to)\s*")
""""5 and 6 February": the tagger reads the date from its second day."""
CLAUSE_NOUN = re.compile(r"(?:['’]s)?\s+(?:[\w'’-]+\s+){0,2}?(?:report|inspection|visit|judgement|review|letter|notice)")
"""What may stand between a date and the relative clause of the noun it dates ("Tuesday's report, which…")."""


class Dated(NamedTuple):
    """The date a trigger takes: the expression, its EDTF value, and the further dates of a list
    ("inspections in 2009 and 2010", "rated inadequate in 2011 and again in 2014"): one event each."""

    expression: TimeExpression
    value: str
    also: tuple[str, ...] = ()


def assign_dates(
    text: str, timexes: list[TimeExpression], anchor: dt.date | None, sentence: Span, triggers: list[Span]
) -> dict[int, Dated]:
    """Pair the sentence's time expressions with its triggers, cheapest pair first, each used once:
    in "a report published in March following an inspection in February" each event gets its month.
    A trigger left without a date then shares a date that opens the sentence ("Last month the
    DfE issued a direction and appointed a commissioner"; "Since December the service has been
    run by X, who is on secondment")."""
    start, end = sentence.start_char, sentence.end_char  # spaCy works each out from the tokens on every read
    several = {trigger.start: plural(text, trigger) for trigger in triggers}
    expressions = _joined_ranges(
        text,
        [
            Dated(expression, value)
            for expression in timexes
            if start <= expression.start < end
            for value in [event_date(expression, text[start : expression.start], anchor)]
            if value
        ],
    )
    clauses = relative_clauses(text, start, end)
    opening = [_opens_sentence(text, start, expression.start) for expression, *_ in expressions]
    pairs = sorted(
        (cost, trigger.start, index)
        for trigger in triggers
        for index, (expression, *_) in enumerate(expressions)
        for cost in [_cost(text, trigger, expression, opening[index])]
        if cost is not None and _may_date(text, clauses, trigger, expression)
    )
    dates: dict[int, Dated] = {}
    used: set[int] = set()
    for _, owner, index in pairs:
        if owner not in dates and index not in used:
            dates[owner] = _listed(text, expressions[index], several[owner])
            used.add(index)
    _add_repeats(text, expressions, used, dates)
    _share_when_clauses(text, expressions, triggers, dates)
    _share_since_events(text, triggers, dates)
    _share_coordinated_acts(text, triggers, dates)
    first_trigger = min((t.start_char for t in triggers), default=0)
    fronted = [pair for index, pair in enumerate(expressions) if opening[index] and pair[0].end < first_trigger]
    for trigger in triggers:
        if trigger.start not in dates and fronted and not _fronted_too_fine(text, fronted[0], trigger):
            dates[trigger.start] = fronted[0]
    return dates


def _opens_sentence(text: str, start: int, at: int) -> bool:
    """Whether a date at `at` opens the sentence starting at `start`, a preposition or a
    connective before it ("In May", "However, in June 2014")."""
    return at - start <= FRONTED_CHARS or CONNECTIVE_OPENING.fullmatch(text, start, at) is not None


def _fronted_too_fine(text: str, fronted: Dated, trigger: Span) -> bool:
    """Whether a fronted date is too precise to date a trigger in a clause of its own: "Last
    week X resigned, after the services were rated inadequate" is not the rating's week, while
    "In 2015 …, later that year X resigned after a review found…" is the review's year."""
    span = edtf.parse(fronted.value)
    fine = not span.known or (span.last - span.first).days < MONTH_DAYS  # type: ignore[operator]
    return fine and BARRIER.search(text, fronted.expression.end, trigger.start_char) is not None


def anaphoric_date(text: str, timexes: list[TimeExpression], anchor: dt.date | None, following: Span, kind: str) -> Dated | None:
    """The date the sentence `following` gives an undated event of type `kind` in the sentence
    before it, when it opens by naming that event (see ANAPHOR)."""
    opening = ANAPHOR.match(text, following.start_char, following.end_char)
    if not opening or kind not in ANAPHOR_NOUNS[opening.group("noun").lower()]:
        return None
    reach = opening.end() + (day.end() - day.start() if (day := FIRST_DAY_OF_PAIR.match(text, opening.end())) else 0)
    expression = next((one for one in timexes if opening.end("noun") <= one.start <= reach), None)
    value = expression and event_date(expression, text[following.start_char : expression.start], anchor)
    return Dated(expression, value) if value else None  # type: ignore[arg-type]


def event_date(expression: TimeExpression, before: str, anchor: dt.date | None) -> str | None:
    """The date an expression gives an event. With no publication date, an expression relative
    to it ("last month", "on Tuesday") still dates its event, as unknown ("XXXX"): the event is
    kept, with the words, for the archive to date (`pipeline.merge.dating`)."""
    value = edtf.from_timex(expression, before, anchor)
    if value is None and anchor is None and RELATIVE_VALUE.fullmatch(expression.value):
        return UNKNOWN_DATE
    day_of_month = DAY_WITHOUT_YEAR.fullmatch(expression.value) if value is None and anchor is None else None
    return f"XXXX-{day_of_month.group(1)}" if day_of_month else value


def dated_since(text: str, dated: Dated | None) -> bool:
    """Whether a date is the start of a state ("since April")."""
    if dated is None:
        return False
    start = dated.expression.start
    return bool(SINCE_BEFORE_DATE.search(text, max(0, start - SINCE_CHARS), start))


def relative_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The character ranges of the relative clauses in text[start:end]."""
    return [(start + m.start(), start + m.end()) for m in RELATIVE_CLAUSE.finditer(text[start:end])]


def plural(text: str, trigger: Span) -> bool:
    """Whether a trigger names several events ("inspections", "ratings of inadequate")."""
    return bool(PLURAL_TRIGGER.search(text, trigger.start_char, trigger.end_char))


def _listed(text: str, dated: Dated, plural: bool) -> Dated:
    """A list of dates is one event per date when the trigger is plural or the dates are years
    ("inspections in 2009 and 2010"); otherwise it is one event's span ("in May and June")."""
    if not dated.also:
        return dated
    if plural or all(YEAR_ONLY.fullmatch(value) for value in (dated.value, *dated.also)):
        return dated
    return Dated(dated.expression, edtf.interval(dated.value, dated.also[-1]) or dated.value)


def _add_repeats(text: str, expressions: list[Dated], used: set[int], dates: dict[int, Dated]) -> None:
    """"first appointed in 2003 and again, three years later, in 2006": an unused date told as a
    repeat is one more date of the event dated just before it."""
    for index, dated in enumerate(expressions):
        if index in used or not AGAIN.search(text, max(0, dated.expression.start - AGAIN_CHARS), dated.expression.start):
            continue
        earlier = [(other.expression.end, owner) for owner, other in dates.items() if other.expression.end <= dated.expression.start]
        if earlier:
            owner = max(earlier)[1]
            dates[owner] = dates[owner]._replace(also=(*dates[owner].also, dated.value))
            used.add(index)


def _share_when_clauses(text: str, expressions: list[Dated], triggers: list[Span], dates: dict[int, Dated]) -> None:
    """"judged inadequate in March 2010, when the then director stepped down within days": a
    trigger left undated in a when-clause right after a date shares it with its event."""
    for trigger in triggers:
        if trigger.start in dates:
            continue
        before = [one for one in expressions if one.expression.end <= trigger.start_char
                  and SAME_TIME.match(text, one.expression.end, trigger.start_char)
                  and not WHEN_CLAUSE_ENDS.search(text, one.expression.end, trigger.start_char)]
        if before:
            dates[trigger.start] = before[-1]


def _share_coordinated_acts(text: str, triggers: list[Span], dates: dict[int, Dated]) -> None:
    """"the DfE issued a statutory direction and appointed a commissioner, Malcolm Newsam, in
    November 2018": one subject's two acts joined by "and", the date told after the second,
    happened together."""
    for trigger in triggers:
        if trigger.start in dates or trigger.label_ not in COORDINATED_ACTS:
            continue
        joined = next((other for other in triggers if other.start_char >= trigger.end_char and other.start in dates
                       and other.label_ in COORDINATED_ACTS and other.label_ != trigger.label_
                       and COORDINATED.fullmatch(text, trigger.end_char, other.start_char)
                       and dates[other.start].expression.start >= other.end_char), None)
        if joined is not None:
            dates[trigger.start] = dates[joined.start]


def _share_since_events(text: str, triggers: list[Span], dates: dict[int, Dated]) -> None:
    """"has been interim director since Andrew Fenwick's dismissal in April": a state's trigger
    left undated, whose "since" names a dated event, began with it."""
    for trigger in triggers:
        if trigger.start in dates or trigger.label_ not in STATE_STARTS:
            continue
        named = [other for other in triggers if other.start in dates and other.start_char >= trigger.end_char - len("since")
                 and SINCE_EVENT.search(text, trigger.start_char, other.start_char)]
        if named:
            dates[trigger.start] = dates[named[0].start]


def _joined_ranges(text: str, dated: list[Dated]) -> list[Dated]:
    """Dates joined by "to" ("from September to November") are one interval. Dates joined by
    "and" or listed ("in November and December", "in 2008, 2011 and 2014") are kept as a list,
    which `_listed` makes one span or several events once it knows the trigger."""
    joined: list[Dated] = []
    for current in dated:
        if joined and _restated(text, joined[-1], current):
            joined[-1] = current._replace(expression=joined[-1].expression.model_copy(update={
                "end": current.expression.end, "text": text[joined[-1].expression.start : current.expression.end]}))
            continue
        if joined and not COUNTED_ON.search(current.expression.text):
            previous = _borrowing_year(joined[-1], current)
            between = text[previous.expression.end : current.expression.start]
            last = previous.also[-1] if previous.also else previous.value
            value = _same_year(last, current.value)
            span = previous.expression.model_copy(
                update={"end": current.expression.end, "text": text[previous.expression.start : current.expression.end]}
            )
            if RANGE_JOIN.fullmatch(between) and edtf.interval(previous.value, value):
                joined[-1] = Dated(span, edtf.interval(previous.value, value))  # type: ignore[arg-type]
                continue
            if LIST_JOIN.fullmatch(between) and edtf.parse(value).known == edtf.parse(previous.value).known:
                joined[-1] = Dated(span, previous.value, (*previous.also, value))
                continue
        joined.append(current)
    return joined


def _restated(text: str, previous: Dated, current: Dated) -> bool:
    """Whether a date in brackets right after another restates it more precisely ("earlier this
    year (January 29)", "on Sunday (April 1)"): the two are one date, the bracketed one's."""
    if not PARENTHESIS_OPEN.fullmatch(text, previous.expression.end, current.expression.start):
        return False
    if not text.startswith(")", current.expression.end):
        return False
    inner, outer = edtf.parse(current.value), edtf.parse(previous.value)
    if not outer.known:  # "on Sunday (April 1)" in an undated article: the bracketed day, its year still to learn
        return current.value != UNKNOWN_DATE
    return inner.known and outer.first <= inner.first <= inner.last <= outer.last  # type: ignore[operator]


def _borrowing_year(previous: Dated, current: Dated) -> Dated:
    """"between 27 April and 21 May 2015": a date without a year takes the year of the date that
    closes the pair, rather than the one the tagger guessed for it alone (or, in an undated
    article, than none)."""
    year = WRITTEN_YEAR.search(current.expression.text)
    if not year or WRITTEN_YEAR.search(previous.expression.text) or previous.also:
        return previous
    told = previous.expression.value if previous.value.startswith(UNKNOWN_DATE) else previous.value  # its day, undated
    value = re.sub(r"^(?:\d{4}|XXXX)", year.group(), told)
    return previous._replace(value=value) if edtf.parse(value).known else previous


def _same_year(previous: str, value: str) -> str:
    """"in May and June": the second month of a pair takes the first's year, the tagger having
    read it alone (a June a month before publication may be read as next June)."""
    first, second = MONTH_VALUE.fullmatch(previous), MONTH_VALUE.fullmatch(value)
    if first and second and first.group(1) != second.group(1) and second.group(2) > first.group(2):
        return f"{first.group(1)}-{second.group(2)}"
    return value


def _may_date(text: str, clauses: list[tuple[int, int]], trigger: Span, expression: TimeExpression) -> bool:
    """Whether no relative clause parts a date from a trigger: both stand inside, or both outside,
    each clause (`_same_clause`), taking a clause of the trigger's own as where it stands; a date
    in the trigger's noun phrase, before its own clause, is the trigger's ("a verdict of the
    county's services in June, where inspectors found…"); so is one naming the noun whose clause
    the trigger is in (`_dates_the_clause_noun`)."""
    own = _own_clause(text, clauses, trigger)
    if trigger.start_char <= expression.start < (own if own is not None else trigger.end_char):
        return True  # inside the trigger ("the publication today of the report, which…") or its noun phrase
    point = trigger.end_char - 1 if own is None else own
    return _same_clause(clauses, point, expression.start) or _dates_the_clause_noun(text, clauses, trigger, expression)


def _own_clause(text: str, clauses: list[tuple[int, int]], trigger: Span) -> int | None:
    """Where the trigger's own relative clause starts, if it has one: right after a trigger noun
    and what it is of ("the inspection, which took place in July", "the inspection of the
    council, which…")."""
    own = [start for start, end in clauses
           if (0 <= start - trigger.end_char <= OWN_CLAUSE_GAP or OWN_NOUN_PHRASE.fullmatch(text, trigger.end_char, start))
           and not FUTURE_CLAUSE.search(text, start, end)]
    return own[0] if own else None


def _dates_the_clause_noun(text: str, clauses: list[tuple[int, int]], trigger: Span, expression: TimeExpression) -> bool:
    """Whether the date names the noun whose relative clause the trigger is in: "Ofsted's
    November report, which rated the county inadequate"."""
    return any(start <= trigger.start_char < end and expression.end <= start
               and CLAUSE_NOUN.fullmatch(text, expression.end, start) for start, end in clauses)


def _same_clause(clauses: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether two offsets are both inside, or both outside, each relative clause: a date in
    ", who became director in 2013," is not the date of the sentence's main verb."""
    return all((start <= a < end) == (start <= b < end) for start, end in clauses)


def _cost(text: str, trigger: Span, expression: TimeExpression, opening: bool = False) -> float | None:
    """How far a date is from a trigger; None when a clause boundary separates them. A date that
    opens its sentence (`opening`) is never left-attached."""
    penalty = 0.0
    if expression.start >= trigger.end_char:
        between, weight = text[trigger.end_char : expression.start], 1.0
    else:
        between, weight = text[expression.end : trigger.start_char], BEFORE_COST
        if not opening and _left_attached(text, expression.start) and not between.lstrip().startswith(","):
            penalty = LEFT_ATTACHED_PENALTY
    if SAME_TIME.match(between):
        return len(between) * weight + penalty
    if expression.end <= trigger.start_char and between.startswith(",") and SPEAKING_LEAD.search(text, max(0, expression.start - SPEAKING_CHARS), expression.start):
        return None  # "Speaking this morning, she was shocked at the Ofsted report": when she spoke
    if trigger.label_ not in STATE_STARTS and SINCE_BEFORE_DATE.search(text, max(0, expression.start - SINCE_CHARS), expression.start):
        return None  # "director since 2013, left on Friday": a state's start dates no leaving
    if (trigger.label_ in STATE_STARTS and expression.start >= trigger.end_char and len(between) <= SINCE_REACH
            and not ANOTHER_CLAUSE.search(between)):
        between = SINCE_BEFORE_DATE.sub("", between)  # "seconded from the DfE since April": when it began
    return None if BARRIER.search(between) else len(between) * weight + penalty


def _left_attached(text: str, start: int) -> bool:
    """Whether what starts at `start` follows a word and a preposition (see LEFT_ATTACHED_BACKWARDS)."""
    return LEFT_ATTACHED_BACKWARDS.match(text[:start][::-1]) is not None
