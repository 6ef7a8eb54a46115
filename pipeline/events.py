"""Events: from an analysed article (spaCy Doc) to the EventMentions it reports.

For each event trigger outside quoted speech and not negated, in its sentence:
  * the date is the time expression nearest the trigger with no clause boundary between
    them ("improvement notice in May 2010 after a joint inspection": May 2010 is the
    notice's); a trigger with no date of its own takes the publication month, except an
    inspection, which without a date is background to the story, not news;
  * the council is the one the sentence is about, not a comparison ("like Haringey"), a
    previous employer ("joined from Leeds") or, for a secondment, the lending council;
    with no council in the sentence, the article's main council;
  * people are the named person nearest the trigger, or the person a role phrase, title
    or pronoun points back to.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from models.records import Article, Attributes, EventMention, Person, Source, TimeExpression
from models.vocabulary import INSPECTION_KINDS, INSPECTORATES, PEOPLE_EVENTS, RATING, ROLE, TRIGGERS
from pipeline import edtf, people, pubdate

BARRIER = re.compile(
    r"(?<![\w-])(?:since|when|after|before|following|because|until|while|although|whereas|but|ahead of|prior to"
    r"|and then)(?![\w-])|;|,\s*(?:and|but)\b",
    re.I,
)
"""Words that open another clause: a date beyond one belongs to that clause's verb."""
BEFORE_COST = 1.5
LEFT_ATTACHED = re.compile(r"\w[\w,]*\s+(?:in|on|during|between|from|at|over|by)\s+(?:the\s+)?$", re.I)
LEFT_ATTACHED_PENALTY = 50
"""A dated phrase in mid-sentence ("inspectors who visited in December rated…") modifies the verb
on its left: it reaches a later trigger only when nothing nearer wants it. A fronted one ("In
December, inspectors…") and one closed by a comma carry no penalty."""
"""A date after its trigger ("inspection in February") is the usual order in English news;
one before it ("In February, inspectors visited") is common enough to cost only a little more."""
FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|(?:is|are) due to|(?:is|are) expected to|expects? to|expected to|plans? to"
    r"|(?:is|are) set to|(?:is|are) to be|due to be|to be re-?inspected)\b", re.I
)
NEGATION = re.compile(
    r"\b(?:not|never|no plans to|no intention of|ruled out|refused to|declined to|rejected calls|denied"
    r"|(?:calls?|called|calling) (?:for|on)\b[^.]*\bto|urged\b[^.]*\bto|pressure\b[^.]*\bto"
    r"|hopes? to|hoping to|would like to|should|ought to|could|might|may)\b|n't\b"
    r"|\b(?:until|pending|before|ahead of)\s+(?:a|an|the)?\s*(?:[\w-]+\s+){0,2}$", re.I
)
"""Negated, demanded or hypothetical events: "did not resign", "calls for him to resign",
"until a permanent appointment is made"."""
FRONTED_CHARS = 8
"""A date that opens its sentence ("In May", "Since December", "Last month") may sit a preposition
of up to this many characters from the sentence start."""
RANGE_JOIN = re.compile(r"\s*(?:and|to|until|till|-|–|—)\s*", re.I)
SAME_TIME = re.compile(r"^,?\s*when\b", re.I)
""""in October 2016, when it issued a direction": a when-clause right after a date shares it."""
BACKGROUND = re.compile(r"(?<![\w-])(?:after|following|follows|followed|since|before|when|until|once)(?![\w-])[^,;]*$", re.I)
"""A trigger inside a clause such as "weeks after the authority was rated inadequate" names an
earlier event as background; without a date of its own it cannot be placed."""
STATE_LEAD = re.compile(
    r"\b(?:under|subject to|remains? under|remained under|still under|working under)\s+(?:an?|the|its|their)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)
"""A council "under an improvement notice" is in a state, not at an event."""
STANDING_TYPES = frozenset({"inspection_report", "improvement_notice", "statutory_direction", "intervention"})
"""Events that leave a standing state ("rated inadequate for seven years"); a secondment "for
three months" is still an event."""
STATE_TAIL = re.compile(
    r"[^.;,]{0,30}?\b(?:for (?:almost |nearly |more than |over |about |some )?(?:[\w-]+ )?(?:years?|months?|decades?)|since)\b",
    re.I,
)
ISSUED = re.compile(r",?\s*(?:which was\s+|that was\s+)?(?:issued|served|imposed)\b", re.I)
RELATIVE_CLAUSE = re.compile(
    r",\s*(?:who|which|whose|where|introduced|launched|established|created|set up|founded|adopted)\b[^,;]*(?:,|$)",
    re.I,
)
"""Relative clauses, and the reduced ones that name when something else began ("the ILACS
framework, introduced in January 2018")."""
CONTEXT_CHARS = 60
"""How far before a trigger to look for a modal or a negation: about one clause."""
DISTRACTOR_LEAD = re.compile(
    r"\b(?:like|such as|unlike|similar to|as in|from|neighbouring|compared (?:with|to)|than|including"
    r"|worked (?:in|at|for))\s+(?:the\s+)?(?:\w+\s+){0,2}$"
    r"|\b(?:formerly|former|previously|previous|ex-|currently)\b[^,.;]{0,60}$", re.I
)
HOST_LEAD = re.compile(r"\b(?:to|at|into|in)\s+(?:the\s+)?$", re.I)
ROLE_RE = re.compile(ROLE, re.I)
PRONOUN = re.compile(r"\b(?:he|she)\b", re.I)
POSSESSIVE = re.compile(r"\b(?:his|her)\s+(?:[\w-]+\s+)?$", re.I)
""""her resignation", "his sudden departure": the possessive points at the person only right
before the trigger ("Her duties are carried out by a manager on secondment" does not)."""
OF_PERSON = re.compile(r"\s+of\s+(?:[\w'’-]+\s+){0,4}?", re.I)
"""The person an event noun is "of": "the departure of Philippa Harrow", "the appointment of
interim director Graham Ogundipe"."""
IMPERSONAL_INTERVENTION = re.compile(r"trust|control|powers", re.I)
"""A trust or a loss of control names nobody, unless a commissioner stands beside it."""
PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?$", re.I)
"""Present perfect right before a trigger ("has resigned", "has been rated"): news of the day."""
SPEECH = re.compile(r"\b(?:said|says|told|added|explained|welcomed|praised|described|announced that)\b", re.I)
RATING_RE = re.compile(RATING, re.I)
KINDS = [(kind, re.compile(pattern, re.I)) for kind, pattern in INSPECTION_KINDS]
INSPECTORATE_RES = [(name, re.compile(pattern)) for name, pattern in INSPECTORATES]
LEAVINGS = frozenset({"resignation", "departure"})
NAMED_EVENTS = frozenset({"appointment"})
"""An appointment worth a chronology names who or which post: "appointed two team managers" is not one."""
SPEECH_MIN_WORDS = 4
"""Shorter quotes are scare quotes around a word ("a “good” rating"), not speech."""


@dataclass(frozen=True)
class Context:
    """What every sentence of one article shares."""

    article: Article
    doc: Doc
    text: str
    """`doc.text`, read once: spaCy rebuilds it from every token on each access."""
    anchor: dt.date | None
    cast: people.Cast
    quoted: list[tuple[int, int]]
    councils: list[Span]
    """Council mentions, less those that are part of a person's name ("Philippa Harrow")."""
    distractors: set[int]
    """Token starts of council mentions that name a comparison or a previous employer."""
    main_council: str | None


def extract(article: Article, doc: Doc) -> list[EventMention]:
    """Every event mention in one analysed article."""
    text = doc.text
    cast = people.find_people(text)
    councils = [span for span in doc.spans["councils"] if not _inside_name(cast, span)]
    distractors = {span.start for span in councils if _distractor(text, span)}
    context = Context(
        article=article,
        doc=doc,
        text=text,
        anchor=pubdate.anchor(article.published),
        cast=cast,
        quoted=quoted_ranges(text),
        councils=councils,
        distractors=distractors,
        main_council=main_council([span for span in councils if span.start not in distractors]),
    )
    mentions: list[EventMention] = []
    triggers_by_sentence: dict[int, list[Span]] = {}
    for trigger in doc.spans["triggers"]:
        triggers_by_sentence.setdefault(trigger.sent.start, []).append(trigger)
    for triggers in triggers_by_sentence.values():
        mentions.extend(_sentence_mentions(context, triggers[0].sent, triggers))
    return _without_echoes(mentions)


def _without_echoes(mentions: list[EventMention]) -> list[EventMention]:
    """Drop an undated departure in an article that reports a resignation at the same council:
    "his departure comes after…" is the resignation told again, not a second event."""
    resigned = {m.council for m in mentions if m.type == "resignation"}
    return [m for m in mentions if not (m.type == "departure" and m.date_text is None and m.council in resigned)]


def main_council(councils: Iterable[Span]) -> str | None:
    """The council an article is about: the most mentioned, the first mentioned on a tie."""
    counts = Counter(span.label_ for span in councils)
    if not counts:
        return None
    first = {}
    for span in councils:
        first.setdefault(span.label_, span.start)
    return min(counts, key=lambda name: (-counts[name], first[name]))


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted speech: “…” and "…" pairs, and a paragraph that opens a quote
    and never closes it (the press closes a multi-paragraph quote only at its end)."""
    ranges = []
    for paragraph in re.finditer(r"[^\n]+", text):
        body = paragraph.group()
        for match in re.finditer(r'“[^”]*(?:”|$)|"[^"]*(?:"|$)', body):
            if len(match.group().split()) >= SPEECH_MIN_WORDS:
                ranges.append((paragraph.start() + match.start(), paragraph.start() + match.end()))
    return ranges


def _sentence_mentions(context: Context, sentence: Span, triggers: list[Span]) -> list[EventMention]:
    live = [t for t in triggers if not _quoted(context, t) and not _negated(context.text, sentence, t)]
    dates = _assign_dates(context, sentence, live)
    mentions: list[EventMention] = []
    seen: set[tuple[str, str | None]] = set()
    for trigger in sorted(live, key=lambda t: (dates.get(t.start) is None, t.start)):
        dated = dates.get(trigger.start)
        date = dated[1] if dated else None
        if (trigger.label_, date) in seen or (date is None and any(kind == trigger.label_ for kind, _ in seen)):
            continue
        mention = _mention(context, sentence, trigger, dated)
        if mention:
            seen.add((trigger.label_, date))
            mentions.extend(mention)
    return mentions


def _quoted(context: Context, trigger: Span) -> bool:
    return any(start <= trigger.start_char < end for start, end in context.quoted)


def _negated(text: str, sentence: Span, trigger: Span) -> bool:
    return bool(NEGATION.search(_lead(text, sentence, trigger)))


def _lead(text: str, sentence: Span, trigger: Span) -> str:
    """The clause-sized stretch of the sentence just before a trigger."""
    return text[max(sentence.start_char, trigger.start_char - CONTEXT_CHARS) : trigger.start_char]


def _assign_dates(context: Context, sentence: Span, triggers: list[Span]) -> dict[int, tuple[TimeExpression, str]]:
    """Pair the sentence's time expressions with its triggers, cheapest pair first, each used once:
    in "a report published in March following an inspection in February" each event gets its month.
    A trigger left without a date then shares a date that opens the sentence ("Last month the
    DfE issued a direction and appointed a commissioner"; "Since December the service has been
    run by X, who is on secondment")."""
    text = context.text
    expressions = _joined_ranges(
        text,
        [
            (expression, value)
            for expression in context.doc._.timexes or []
            if sentence.start_char <= expression.start < sentence.end_char
            for value in [edtf.from_timex(expression, text[sentence.start_char : expression.start], context.anchor)]
            if value
        ],
    )
    clauses = [
        (sentence.start_char + m.start(), sentence.start_char + m.end())
        for m in RELATIVE_CLAUSE.finditer(text[sentence.start_char : sentence.end_char])
    ]
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
    fronted = [pair for pair in expressions if pair[0].start - sentence.start_char <= FRONTED_CHARS and pair[0].end < first_trigger]
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
        if LEFT_ATTACHED.search(text[: expression.start]) and not between.lstrip().startswith(","):
            penalty = LEFT_ATTACHED_PENALTY
    if SAME_TIME.match(between):
        return len(between) * weight + penalty
    return None if BARRIER.search(between) else len(between) * weight + penalty


def _mention(
    context: Context, sentence: Span, trigger: Span, dated: tuple[TimeExpression, str] | None
) -> list[EventMention]:
    kind = trigger.label_
    text = context.text
    if dated is None and (TRIGGERS[int(trigger.id_)].needs_date or _in_background(text, sentence, trigger)):
        return []
    if _describes_state(text, sentence, trigger):
        return []
    councils = _event_councils(context, sentence, trigger)
    if not councils:
        return []
    date = dated[1] if dated else _publication_month(context.anchor)
    expected = bool(FUTURE.search(_lead(text, sentence, trigger))) or edtf.is_after(date, context.anchor)
    if expected and date == "XXXX":
        return []  # still to come, and when is unknown: nothing to place on a chronology
    found_people = _people(context, sentence, trigger) if kind in PEOPLE_EVENTS else []
    if kind in NAMED_EVENTS and not (found_people or ROLE_RE.search(sentence.text)):
        return []
    commissioners = [person for person in found_people if context.cast.ever(person.name, "commissioner")]
    if kind == "appointment" and commissioners:
        kind = "intervention"
    if kind == "intervention" and IMPERSONAL_INTERVENTION.search(trigger.text):
        found_people = commissioners
    strength = TRIGGERS[int(trigger.id_)].strength
    source = Source(
        article=context.article.id,
        path=context.article.path,
        title=context.article.title,
        publisher=context.article.publisher,
        published=context.article.published,
        date=date,
        sentence=" ".join(sentence.text.split()),
        start=sentence.start_char,
        end=sentence.end_char,
    )
    mentions = []
    for council, in_sentence in councils:
        confidence = strength * (1.0 if dated else 0.85) * (1.0 if in_sentence else 0.85)
        mentions.append(
            EventMention(
                type=kind,
                council=council,
                date=date,
                status="expected" if expected else "occurred",
                people=found_people,
                attributes=_attributes(sentence.text, kind),
                confidence=round(min(confidence + (0.05 if found_people else 0), 1.0), 2),
                trigger=trigger.text,
                date_text=dated[0].text if dated else None,
                news=not dated and bool(PERFECT.search(_lead(text, sentence, trigger))),
                source=source,
            )
        )
    return mentions


def _describes_state(text: str, sentence: Span, trigger: Span) -> bool:
    """"under an improvement notice", "rated inadequate for almost seven years": a state, not an event."""
    if trigger.label_ in STANDING_TYPES and STATE_TAIL.match(text, trigger.end_char, sentence.end_char):
        return True
    issued = ISSUED.match(text, trigger.end_char)
    return not issued and bool(STATE_LEAD.search(text[sentence.start_char : trigger.start_char]))


def _in_background(text: str, sentence: Span, trigger: Span) -> bool:
    return bool(BACKGROUND.search(text[sentence.start_char : trigger.start_char]))


def _publication_month(anchor: dt.date | None) -> str:
    """The date of news told without one: the month it was published in, or unknown."""
    return f"{anchor:%Y-%m}" if anchor else "XXXX"


def _event_councils(context: Context, sentence: Span, trigger: Span) -> list[tuple[str, bool]]:
    """(council, named in the sentence) for each council the event belongs to: the nearest
    before the trigger, else (except for a leaving, whose later councils are where the person
    goes: "will step down to join Hertfordshire") the nearest after, else the article's own."""
    spans = [span for span in context.councils if sentence.start <= span.start < sentence.end]
    if trigger.label_ == "secondment":
        return _secondment_councils(context, sentence, spans)
    candidates = [span for span in spans if span.start not in context.distractors]
    before = [span for span in candidates if span.start < trigger.start]
    after = [span for span in candidates if span.start >= trigger.end and trigger.label_ not in LEAVINGS]
    if before:
        return [(before[-1].label_, True)]
    if after:
        return [(after[0].label_, True)]
    return [(context.main_council, False)] if context.main_council else []


def _distractor(text: str, span: Span) -> bool:
    """A council named as a comparison, a previous employer or the like ("like Haringey")."""
    return bool(DISTRACTOR_LEAD.search(text[span.sent.start_char : span.start_char]))


def _inside_name(cast: people.Cast, span: Span) -> bool:
    """A council name that is part of a person's name ("Philippa Harrow") is no council."""
    return any(m.start <= span.start_char < m.end for m in cast.mentions)


def _secondment_councils(context: Context, sentence: Span, spans: list[Span]) -> list[tuple[str, bool]]:
    """A secondment belongs to the council the person is lent to, and also to the lender."""
    text = context.text
    hosts = [span for span in spans if HOST_LEAD.search(text[sentence.start_char : span.start_char])]
    host = hosts[0].label_ if hosts else context.main_council
    lenders = [span.label_ for span in spans if span.label_ != host]
    result = [(host, bool(hosts))] if host else []
    return result + [(lenders[0], True)] if lenders else result


def _people(context: Context, sentence: Span, trigger: Span) -> list[Person]:
    named = [
        m
        for m in context.cast.mentions
        if sentence.start_char <= m.start < sentence.end_char and not _speaker(context.text, m, trigger)
    ]
    before = context.text[sentence.start_char : trigger.start_char]
    pointer = _closest_pointer(before)
    of_person = [m for m in named if OF_PERSON.fullmatch(context.text[trigger.end_char : m.start])]
    if of_person:
        return [Person(name=of_person[0].name, role=context.cast.role_of(of_person[0].name))]
    if any(m.start < trigger.start_char for m in named) or (named and not pointer):
        nearest = min(named, key=lambda m: (m.start > trigger.start_char, abs(m.start - trigger.start_char)))
        return [Person(name=nearest.name, role=context.cast.role_of(nearest.name))]
    if not pointer:
        return []
    person = _referent(context, sentence.start_char + pointer.start(), pointer.groupdict().get("role"))
    return [Person(name=person, role=context.cast.role_of(person))] if person else []


def _closest_pointer(before: str) -> re.Match[str] | None:
    """The pronoun, possessive or role phrase nearest before a trigger, unless a speech verb
    comes between them ("the director said the appointment…" points at nobody)."""
    found = [*ROLE_RE.finditer(before), *PRONOUN.finditer(before), *POSSESSIVE.finditer(before)]
    if not found:
        return None
    pointer = max(found, key=lambda match: match.start())
    return None if SPEECH.search(before[pointer.end() :]) else pointer


def _speaker(text: str, mention: people.PersonMention, trigger: Span) -> bool:
    """Whether the person only speaks about the event ("Ransome said he welcomed the appointment")."""
    return mention.end <= trigger.start_char and bool(SPEECH.search(text[mention.end : trigger.start_char]))


def _referent(context: Context, position: int, role: str | None) -> str | None:
    """Who "he", "the director" or "the director of children's services" points back (or, for a
    role named before the person, forward) to."""
    mentions = context.cast.mentions
    if role:
        wanted = _role_key(role)
        fitting = [m for m in mentions if _same_role(_role_key(context.cast.role_of(m.name) or ""), wanted)]
        earlier = [m for m in fitting if m.start < position]
        chosen = earlier[-1] if earlier else (fitting[0] if fitting else None)
        return chosen.name if chosen else None
    earlier = [m for m in mentions if m.start < position]
    return earlier[-1].name if earlier else None


def _same_role(held: str, wanted: str) -> bool:
    """"the director" fits a director of children's services; "chief executive" does not."""
    return bool(held) and (wanted in held or held in wanted)


def _role_key(role: str) -> str:
    words = re.sub(r"\b(?:the|interim|acting|permanent|new|former|outgoing)\b|['’]", " ", role.lower()).split()
    return " ".join(words)


def _attributes(sentence: str, kind: str) -> Attributes:
    rating = None
    if kind == "inspection_report":
        match = RATING_RE.search(sentence)
        rating = normalise_rating(match.group("rating")) if match else None
    kinds = [name for name, pattern in KINDS if pattern.search(sentence)] if kind == "inspection" else []
    inspected = kind in ("inspection", "inspection_report")
    inspectorates = [name for name, pattern in INSPECTORATE_RES if inspected and pattern.search(sentence)]
    return Attributes(rating=rating, inspection_kind=kinds[0] if kinds else None, inspectorates=inspectorates)


def normalise_rating(words: str) -> str:
    text = " ".join(words.lower().replace("-", " ").split())
    if text.startswith("no longer"):
        return "no longer inadequate"
    if text.startswith("require"):
        return "requires improvement"
    return text
