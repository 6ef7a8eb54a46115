"""Attribution: which council an event belongs to, and who it happened to.

The council is the one the sentence is about: the nearest council named before the trigger that
is not a comparison ("like Haringey"), a previous employer ("joined from Leeds") or part of a
person's name; for a secondment, the host; with none in the sentence, the article's main council
(in a roundup, its paragraph's). The person is the one named nearest the trigger who is not
merely speaking about it, or the person a pronoun, possessive or role phrase points back to.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Span

from models.records import Person
from models.vocabulary import LEAVINGS, ROLE
from pipeline.extract import people
from pipeline.extract.article_context import ArticleContext
from pipeline.extract.event_dates import relative_clauses
from pipeline.timex.alternation import compile_looking_ahead

DISTRACTOR_LEAD = compile_looking_ahead(
    r"\b(?:like|such as|unlike|similar to|as in|from|compared (?:with|to)|than|including"
    r"|worked (?:in|at|for))\s+(?:the\s+)?(?:\w+\s+){0,2}$|\baccording to\s+(?:an?|the)\s+$"
    r"|\bfrom\s+(?:an?|the|his|her|a similar)\s+(?:[\w-]+\s+){0,2}(?:role|post|job|position)\s+(?:at|in|with)\s+(?:the\s+)?$"
    r"|\b(?:formerly|former|previously|previous|ex-|currently)\b(?:(?!\b(?:has|have|had|was|were|is|are|will|been)\b)[^,.;]){0,60}$", re.I
)
INDEFINITE_LEAD = re.compile(r"\b(?:an?|another|one)\s+$", re.I)
PLACE_OF_ANOTHER = re.compile(r"\s+(?:unitary\s+|county\s+|borough\s+|district\s+)?(?:authority|council)\b", re.I)
HOST_LEAD = re.compile(r"\b(?:to|at|into|in)\s+(?:the\s+)?$", re.I)
LENDER_LEAD = re.compile(r"\bfrom\s+(?:the\s+)?(?:neighbouring\s+)?$", re.I)
LENDING_BODY = re.compile(r"\bfrom\s+(?:(?:[A-Z][\w'’-]*|for|of|and|the)\s+){1,6}(?:in|at)\s+$")
LENDING_BODY_CHARS = 70
PASSIVE_LEAD = re.compile(r"\b(?:was|were|been|be|being|is|are|on)\s+$", re.I)
"""Right before "seconded" or "secondment": not a council's own act of lending ("has been seconded", "on secondment")."""
ROLE_RE = compile_looking_ahead(ROLE, re.I)
PRONOUN = re.compile(r"\b(?:he|she)\b", re.I)
POSSESSIVE = re.compile(r"\b(?:his|her)\s+(?:[\w-]+\s+)?$", re.I)
""""her resignation", "his sudden departure": the possessive points at the person only right
before the trigger ("Her duties are carried out by a manager on secondment" does not)."""
OF_PERSON = re.compile(r"\s+of\s+(?:[\w'’-]+\s+){0,6}?", re.I)
"""The person an event noun is "of": "the departure of Philippa Harrow", "the appointment of
interim director Graham Ogundipe", "the appointment of Devon County Council's chief executive
Donna Manson" (six words of role and employer at most)."""
ANAPHORIC_NOUN = re.compile(r"\b(?:the|this|that)\s+(?:appointment|resignation|departure|secondment|move)$", re.I)
"""An event noun with a definite article points back to the event just told; the names after it are others'."""
SPEECH = re.compile(r"\b(?:said|says|told|added|explained|welcomed|praised|described|announced that)\b", re.I)
PREDECESSOR = re.compile(r"\b(?:his|her|their|its)\s+predecessor\s+(?:had\s+|has\s+)?$", re.I)
LEAVER_BEFORE = re.compile(r"\b(?:retirement|resignation|departure|dismissal|exit|suspension|death)\s+of\s+$", re.I)
LINES_A_PARAGRAPH = 3
"""Below one blank line in this many lines, a text's lines are its paragraphs (where each is
parted by a blank line, about one line in two is blank)."""
PARAGRAPH_BREAKS_KEPT = 16
ISLAND = re.compile(r"\bthe island\b", re.I)
ISLAND_COUNCIL = re.compile(r"\bIsles? of\b")
ROUNDUP_COUNCILS = 3
ROUNDUP_HEADINGS = 2
DROPPED_LINE = re.compile(r"\n\n {2,}\n")
"""A paragraph the cleaning blanked: a heading, a caption or furniture."""
PARAGRAPH_OPENING_CHARS = 40
APPOSITION_OPEN = re.compile(r",\s+[^,;.]*")
APPOSITION_CLOSE = re.compile(r"[^,;.]*,\s+(?:(?:has|had|was|is|have|to|will|would|is to|is set to)\s+)?(?:been\s+|be\s+)?(?:\w+ly\s+)?")
APPOSITION_CHARS = 80
LEFT_OBJECT = re.compile(r"\s+(?:(?:as|from)\s+(?:[\w'’-]+\s+){0,7}?(?:at|of|in|with)\s+|from\s+)?(?:the\s+)?")
"""A council right after a leaving is the one left ("who left Kent County Council in 2014",
"who resigned as director at Sefton in 2013")."""

JOINED_OBJECT = re.compile(r"(?:\s+(?:on|in|from|last|this|next)\s+\w+)?\s+(?:as\s+(?:(?:[\w'’-]+\s+){0,6}?(?:at|of|for|in)\s+)?|for\s+(?:[\w'’-]+\s+){1,3}?(?:at|in)\s+|(?:at|for)\s+)(?:the\s+)?")
"""A council right after an arrival's "as", or "at" or "for", is the one joined ("started on
Monday as Havering's interim director", "was appointed as director of children's services at
Kent", "appointed children's commissioner at West Sussex", "appointed as commissioner for
children's services at Bradford"), whatever employer the sentence names before."""


def main_council(councils: Iterable[Span]) -> str | None:
    """The council an article is about: the most mentioned, the first mentioned on a tie."""
    counts = Counter(span.label_ for span in councils)  # counts keep the order of first mention
    return counts.most_common(1)[0][0] if counts else None


def event_councils(context: ArticleContext, sentence: Span, trigger: Span) -> list[tuple[str, bool]]:
    """(council, named in the sentence) for each council the event belongs to: the council a
    leaving names as left or an arrival as joined, else the nearest before the trigger, else
    (except for a leaving, whose later councils are where the person goes: "will step down to
    join Hertfordshire") the nearest after, else the article's own."""
    spans = [span for span in context.councils if sentence.start <= span.start < sentence.end]
    if trigger.label_ == "secondment":
        return _secondment_councils(context, sentence, trigger, spans)
    candidates = _outside_other_clauses(context.text, sentence, trigger, [span for span in spans if span.start not in context.distractors])
    left = [  # "retired from Calderdale" names the council left, though "from" marks a former employer elsewhere
        span
        for span in spans
        if (trigger.label_ in LEAVINGS and LEFT_OBJECT.fullmatch(context.text, trigger.end_char, span.start_char))
        or (span in candidates and trigger.label_ in ("appointment", "intervention")
            and JOINED_OBJECT.fullmatch(context.text, trigger.end_char, span.start_char))
    ]
    rated_inside = trigger.label_ == "inspection_report"  # "found Medway Council inadequate"
    before = [span for span in candidates if span.start < (trigger.end if rated_inside else trigger.start)
              and not (trigger.label_ == "appointment" and _in_appointees_apposition(context, span, trigger))]
    clause_end = _own_clause_end(context.text, sentence, trigger)
    after = [span for span in candidates
             if trigger.end <= span.start and span.start_char < clause_end and trigger.label_ not in LEAVINGS]
    if left:
        return [(left[0].label_, True)]
    if before:
        return [(before[-1].label_, True)]
    if after:
        return [(after[0].label_, True)]
    council = _island(context, sentence) or (_paragraph_council(context, sentence) if context.roundup else context.main_council)
    return [(council, False)] if council else []


def _island(context: ArticleContext, sentence: Span) -> str | None:
    """The island council a sentence naming no council points to ("the island's children's
    services"), when the article names one: the story may be told from the mainland council's
    side, that names itself more often."""
    if not ISLAND.search(context.text, sentence.start_char, sentence.end_char):
        return None
    return next((span.label_ for span in context.councils if ISLAND_COUNCIL.search(span.label_)), None)


def is_roundup(text: str, councils: Iterable[Span]) -> bool:
    """Whether at least ROUNDUP_COUNCILS councils each open a paragraph, or two head sections
    of their own ("Dudley Metropolitan Borough Council" alone on its line, then its news): a
    roundup of results or of appointments."""
    opening = [span for span in councils if _opens_paragraph(text, span.start_char)]
    headings = {span.label_ for span in opening if _heads_a_section(text, span)}
    return len({span.label_ for span in opening}) >= ROUNDUP_COUNCILS or len(headings) >= ROUNDUP_HEADINGS


def _heads_a_section(text: str, span: Span) -> bool:
    """Whether a council's name is its paragraph, whole: a section's heading."""
    brk = _paragraph_break(text)
    start, end = text.rfind(brk, 0, span.start_char), text.find(brk, span.end_char)
    return text[max(0, start) : end if end >= 0 else len(text)].strip() == span.text.strip()


def _opens_paragraph(text: str, start: int) -> bool:
    """Whether a council is named in the first words of its paragraph ("In contrast, Herefordshire has…")."""
    return len(text[max(0, text.rfind(_paragraph_break(text), 0, start)) : start].strip()) <= PARAGRAPH_OPENING_CHARS


@lru_cache(maxsize=PARAGRAPH_BREAKS_KEPT)
def _paragraph_break(text: str) -> str:
    """What ends a paragraph: a blank line, or a line's end in a text whose lines are mostly not
    parted by blank lines (a page saved a paragraph a line, a blog's bulleted roundup under a
    headline). Counted once a text: every council and sentence of a roundup asks."""
    return "\n" if text.count("\n\n") * LINES_A_PARAGRAPH < text.count("\n") + 1 else "\n\n"


def _paragraph_council(context: ArticleContext, sentence: Span) -> str | None:
    """In a roundup, the council its paragraph opens with, or the paragraph before it, or the
    section's heading ("Dudley Metropolitan Borough Council" on its own line, two paragraphs
    up), or else the last its section names, from the heading the cleaning dropped ("The minister
    confirmed that Cumbria County Council will…", then "In his report…"); None before the first
    (the roundup's own introduction is no council's)."""
    text = context.text
    brk = _paragraph_break(text)
    own = text.rfind(brk, 0, sentence.start_char)
    previous = text.rfind(brk, 0, own) if own > 0 else -1
    for start in (own, previous):
        opener = next((span for span in context.councils if start <= span.start_char < sentence.start_char
                       and span.start not in context.distractors), None)
        if opener is not None and _opens_paragraph(text, opener.start_char):
            return opener.label_
    heading = [span for span in context.councils if span.start_char < sentence.start_char and _heads_a_section(text, span)]
    if heading and not _section_ended(text, heading[-1].end_char, sentence.start_char):
        return heading[-1].label_
    section = _section_start(text, sentence.start_char)
    named = [span for span in context.councils if section <= span.start_char < sentence.start_char
             and span.start not in context.distractors]
    return named[-1].label_ if named else None  # "the council" of the section, that named it late


def _section_start(text: str, at: int) -> int:
    """Where the section holding `at` starts: after the last paragraph the cleaning dropped before
    it (a heading, "CUMBRIA: SERVICES STAY IN-HOUSE"), else at the text's start."""
    dropped = [match.end() for match in DROPPED_LINE.finditer(text, 0, at)]
    return dropped[-1] if dropped else 0


def _section_ended(text: str, start: int, end: int) -> bool:
    """Whether a paragraph the cleaning dropped, after some of the section's story, lies between
    `start` and `end`: another heading ("Charity sector"). One right under the heading is its
    subtitle ("Overall judgement: good")."""
    return any(text[start : dropped.start()].strip() for dropped in DROPPED_LINE.finditer(text, start, end))


def _in_appointees_apposition(context: ArticleContext, span: Span, trigger: Span) -> bool:
    """Whether a council stands in the role set off by commas after a person named before an
    appointment or secondment: their employer till now ("Dev Banerjee, assistant director at
    Trafford MBC, was named as executive director"), not the council appointing them."""
    text = context.text
    return any(person.end <= span.start_char and APPOSITION_OPEN.fullmatch(text, person.end, span.start_char)
               and APPOSITION_CLOSE.fullmatch(text, span.end_char, trigger.start_char)
               for person in context.cast.mentions if span.start_char - APPOSITION_CHARS <= person.end <= span.start_char)


def _own_clause_end(text: str, sentence: Span, trigger: Span) -> int:
    """Where the relative clause the trigger is in ends (the sentence's end when it is in none):
    a council after that is the main clause's ("Peltier, who has led the department since 2017,
    will take up the post at Hertfordshire")."""
    return next((end for start, end in relative_clauses(text, sentence.start_char, sentence.end_char)
                 if start <= trigger.start_char < end), sentence.end_char)


def _outside_other_clauses(text: str, sentence: Span, trigger: Span, spans: list[Span]) -> list[Span]:
    """The councils not inside a relative clause that the trigger is outside of: in "Ellery, who
    resigned as director at Sefton in 2013, was appointed by Haringey" the appointment is Haringey's."""
    clauses = relative_clauses(text, sentence.start_char, sentence.end_char)
    own = [(start, end) for start, end in clauses if start <= trigger.start_char < end]
    return [span for span in spans
            if not any(start <= span.start_char < end for start, end in clauses if (start, end) not in own)]


def is_distractor(text: str, sentence: Span, span: Span) -> bool:
    """A council named as a comparison, a previous employer, the author of a source ("according
    to a Hampshire report") or the like ("like Haringey"), or as the place of another ("an Essex
    unitary authority" is Thurrock, not Essex County Council)."""
    lead = text[sentence.start_char : span.start_char]
    return bool(DISTRACTOR_LEAD.search(lead)) or bool(INDEFINITE_LEAD.search(lead) and PLACE_OF_ANOTHER.match(text, span.end_char))


def inside_name(cast: people.Cast, span: Span) -> bool:
    """A council name that is part of a person's name ("Philippa Harrow") is no council."""
    return any(m.start <= span.start_char < m.end for m in cast.mentions)


def _secondment_councils(context: ArticleContext, sentence: Span, trigger: Span, spans: list[Span]) -> list[tuple[str, bool]]:
    """A secondment belongs to the council the person is lent to (the lender's chronology is not
    where readers look for who runs a service): one named as where they go ("seconded to
    Peterborough"), else one named that is not the lender ("led Torbay's services on secondment
    from Devon"), else the article's own when it is not the lender."""
    text = context.text
    lenders = {span.label_ for span in spans if _lends(text, sentence, trigger, span) or _in_appointees_apposition(context, span, trigger)}
    others = [span for span in spans if span.label_ not in lenders]
    hosts = [span for span in others if HOST_LEAD.search(text[sentence.start_char : span.start_char])]
    if hosts or others:
        return [((hosts or others)[0].label_, True)]
    own = _paragraph_council(context, sentence) if context.roundup else context.main_council
    return [(own, False)] if own and own not in lenders else []


def _lends(text: str, sentence: Span, trigger: Span, span: Span) -> bool:
    """Whether a council is the one lending: named after "from", or the subject of an active
    "has seconded" ("Devon County Council, which has seconded its deputy director")."""
    if LENDER_LEAD.search(text, max(sentence.start_char, span.start_char - 30), span.start_char):
        return True
    if LENDING_BODY.search(text, max(sentence.start_char, span.start_char - LENDING_BODY_CHARS), span.start_char):
        return True  # "on secondment from Brighter Futures for Children in Reading": the lender's council
    return span.end_char <= trigger.start_char and not PASSIVE_LEAD.search(text, max(sentence.start_char, trigger.start_char - 12), trigger.start_char)


def people_of(context: ArticleContext, sentence: Span, trigger: Span) -> list[Person]:
    named = [
        m
        for m in context.cast.mentions
        if sentence.start_char <= m.start < sentence.end_char and not _speaker(context.text, m, trigger)
    ]
    of_person = [m for m in named if OF_PERSON.fullmatch(context.text[trigger.end_char : m.start])]
    if of_person:
        return [Person(name=of_person[0].name, role=context.cast.role_of(of_person[0].name))]
    if PREDECESSOR.search(context.text, max(sentence.start_char, trigger.start_char - 30), trigger.start_char):
        return []  # "a month after her predecessor left": someone the sentence does not name
    if any(m.start < trigger.start_char for m in named):
        return [_nearest(context, named, trigger)]
    if ANAPHORIC_NOUN.search(context.text, max(sentence.start_char, trigger.start_char - 12), trigger.end_char):
        return []  # "The appointment follows the decision by Tessa Kirwan": the event told just before, not hers
    pointer = _closest_pointer(context.text[sentence.start_char : trigger.start_char])  # sought only now: it costs three searches
    if named and not pointer:
        return [_nearest(context, named, trigger)]
    if not pointer:
        return []
    person = _referent(context, sentence.start_char + pointer.start(), pointer.groupdict().get("role"))
    return [Person(name=person, role=context.cast.role_of(person))] if person else []


def _nearest(context: ArticleContext, named: list[people.PersonMention], trigger: Span) -> Person:
    """The person named nearest the trigger, one before it first."""
    nearest = min(named, key=lambda m: (m.start > trigger.start_char, abs(m.start - trigger.start_char)))
    return Person(name=nearest.name, role=context.cast.role_of(nearest.name))


def _closest_pointer(before: str) -> re.Match[str] | None:
    """The pronoun, possessive or role phrase nearest before a trigger, unless a speech verb
    comes between them ("the director said the appointment…" points at nobody)."""
    found = [*ROLE_RE.finditer(before), *PRONOUN.finditer(before), *POSSESSIVE.finditer(before)]
    if not found:
        return None
    pointer = max(found, key=lambda match: match.start())
    return None if SPEECH.search(before[pointer.end() :]) else pointer


def _speaker(text: str, mention: people.PersonMention, trigger: Span) -> bool:
    """Whether the person only speaks about the event ("Ransome said he welcomed the appointment"),
    or is named as the one who left before an arrival ("appointed an interim following the
    retirement of Clive Ashdown")."""
    if trigger.label_ == "appointment" and LEAVER_BEFORE.search(text, max(0, mention.start - 20), mention.start):
        return True
    return mention.end <= trigger.start_char and bool(SPEECH.search(text[mention.end : trigger.start_char]))


def _referent(context: ArticleContext, position: int, role: str | None) -> str | None:
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
