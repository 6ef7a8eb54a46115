"""Events: from an analysed article (spaCy Doc) to the EventMentions it reports.

For each event trigger outside quoted speech and not negated, in its sentence:
  * the date is the time expression nearest the trigger with no clause boundary between
    them (`event_dates`); a trigger with no date of its own takes the publication month,
    except words that name an event without reporting it ("the inspection found"), which
    are background to the story, not news;
  * the council and the people come from `attribution`;
  * demanded, hypothetical and negated events, standing states ("under an improvement
    notice") and quoted speech give nothing.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Span

from models import edtf
from models.records import Article, Attributes, EventMention, Person, Source
from models.vocabulary import (
    INSPECTION_KINDS,
    INSPECTORATES,
    LEAVINGS,
    PEOPLE_EVENTS,
    RATING,
    RATING_RE,
    TRIGGERS,
    normalise_rating,
)
from pipeline.extract import people
from pipeline.extract.article_context import ArticleContext
from pipeline.extract.attribution import (
    ROLE_RE,
    event_councils,
    inside_name,
    is_distractor,
    is_roundup,
    main_council,
    people_of,
)
from pipeline.extract.event_dates import (
    UNKNOWN_DATE,
    Dated,
    anaphoric_date,
    assign_dates,
    dated_since,
    plural,
)
from pipeline.extract.neighbours import (
    acting_under,
    at_that_time,
    comes_after,
    date_it_came_before,
    judged_in,
    offset_after,
    same_time_as_earlier,
    succeeding,
)
from pipeline.ingest import pubdate
from pipeline.timex.alternation import compile_looking_ahead
from pipeline.timex.component import doc_data, text_of

FUTURE = compile_looking_ahead(
    r"\b(?:will(?!\s+(?:be aware|know|remember|recall|have (?:seen|heard|read)))|shall|is to|are to|(?:is|are) due to|(?:is|are) expected to|expects? to|expected to|expecting|plans? to"
    r"|(?:is|are) set to|(?:is|are) to be|due to be|(?:is|are) due (?:its|their|an?|the)|to be re-?inspected"
    r"|(?:is|are) (?:now |also )?expected(?!\s+(?:by|from|of)\b))\b", re.I
)
NEGATION = compile_looking_ahead(
    r"\b(?:not|never|no plans to|no intention of|ruled out|refused to|declined to|rejected calls|denied"
    r"|(?:calls?|called|calling) (?:for|on)\b[^.]*\bto|calls? to|urged\b[^.]*\bto|pressure\b[^.]*\bto"
    r"|hopes? to|hoping to|would like to|should|ought to|could|might|(?-i:may)|can|cannot|whether to|powers? to|\bif\b[^.]*\bwould"
    r"|(?:is|are) able to|decided against|intention to|intends? to|on track to|stop(?:s|ped)? short of"
    r"|under consideration|(?:is|are|was|were) considering|options?\b[^.]*\binclude)\b|n't\b"
    r"|\b(?:had|have|has) been (?:due|expected|set|poised|ready|preparing|about) to\b|\b(?:had|have) considered\b"
    r"|\b(?:is|are|was|were)\s+[\"“‘']?an?\s+(?:[\w-]+\s+){0,2}$|\b(?:is|are|was|were) minded to\b|\bconsider(?:s|ed|ing)? (?:whether to|issuing|appointing|sending)\b"
    r"|\bthreat(?:ened|ening|s)? (?:to|of)\b|\bwarn(?:ed|s|ing)? (?:that|of)\b[^.]*$", re.I
)
"""Negated, demanded, hypothetical, counterfactual or described events: "did not resign", "stopped
short of appointing a commissioner", "she was an outstanding appointment", "calls for him to
resign", "if he had any sense he would stand down", "until a permanent appointment is made",
"had been due to issue a notice", "is minded to issue a direction", "will decide whether to
issue a notice", "ministers can appoint a commissioner", "options under consideration include
a trust"."""
DEMANDED = compile_looking_ahead(r"\b(?:call(?:s|ed|ing)?|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?)\b[^.;]*\bto\s+(?:[\w-]+\s+)?$", re.I)
"""A demand, however long the clause between ("who had called on Tuesday for the cabinet member
responsible, Richard Boyce, to stand down"): no event."""
GENERIC = compile_looking_ahead(r"(?:Councils|Authorities|Local authorities|Directors|Commissioners)\b[^.;]*$|[^.;]*\b(?:usually|typically|normally|generally|routinely)\b"
                               r"|[^.;]*\bnumber of (?:councils|authorities|local authorities)\b[^.;]*$", re.I)
"""What councils in general do ("Councils rated inadequate are usually issued with a direction",
"the number of councils under improvement notices"): no one council's event."""
SECONDMENT_ENDS = re.compile(r"(?:\s+(?:to|at|with|from)\s+[^,.;]{1,60}?)?\s+(?:ends|ended|will end|is due to end|comes to an end|finishes|expires|runs out)\b", re.I)
""""when her secondment ends in June": its end, not the secondment."""
SECONDED = re.compile(r"\bsecond(?:ed|ment)\b", re.I)
INSPECTORS_LEFT = re.compile(r"\b(?:inspectors|the inspection team)\b,?\s+(?:who\s+)?[^.;]{0,80}?\band\s+$", re.I)
STAFF_LEAVING = re.compile(r"\b(?:social workers|workers|staff|employees|managers|officers|officials|teams|councillors)\s+(?:(?:who|that|have|had|has|were|was|being|been)\s+){0,2}$", re.I)
STAFF_REACH = 40
"""How far before a leaving its plural subject may stand: "social workers suspended", "staff who left"."""
DEPUTYS_POST = re.compile(r"(?:[^.;,]{0,30}?\bas)?\s+(?:an?\s+|the\s+|its\s+)?(?:(?:interim|acting|temporary|permanent|new)\s+)?(?:assistant|deputy)\s+director\b", re.I)
"""What, right after an appointment, makes it a post below the director's: "joined as deputy
director", "joined the council as an interim assistant director"."""
FUTURE_AFTER = re.compile(r"(?:\s+(?:to|of|at|into|on|by|from)\s+[^,.;]{1,60}?)?\s+(?:is|are|will be)\s+(?:now\s+|also\s+)?(?:expected|due|scheduled|planned)\b", re.I)
"""A noun's own verb after it telling it is still to come."""
POSTS_OF_DIRECTORS = frozenset({"appointment", "resignation", "departure"})
OTHER_POSTS = re.compile(r"\b(?:council leader|leader of the council|mayor|cabinet member|lead member)\b", re.I)
CHILDRENS_POST = re.compile(r"\b(?:director|DCS|head of)\b|\bchildren", re.I)
NOT_YET = re.compile(r"[^.;,]{0,40}?\b(?:has|have|had)\s+not\s+(?:yet\s+)?been\s+(?:published|issued|made public)|[^.;,]{0,40}?\b(?:is|are)\s+yet\s+to\s+be\b"
                     r"|[^.;,]{0,60}?\b(?:was|were|has been|had been)\s+(?:called off|cancelled|canceled|postponed|scrapped|abandoned)\b", re.I)
INDEFINITE_END = re.compile(r"(?:^|[\"“‘'\s])(?:an?|any)\s+$", re.I)
GENERIC_IS = re.compile(r"\s+(?:is|are)\s+(?:a|an|the|not|never|always|often|usually|only)\b", re.I)
PENDING = compile_looking_ahead(r"\b(?:until|pending|before|ahead of)\s+(?:a|an|the)?\s*(?:[\w-]+\s+){0,2}$", re.I)
"""An event awaited: "until a permanent appointment is made", "pending an inspection"."""
TOLD_AS_PAST = re.compile(r"\s*(?:was|were|had|took place)\b", re.I)
"""What, right after a trigger noun, tells it as past: "before Ofsted visited in February" is no event awaited."""
PRESENT_PASSIVE = re.compile(r"\b(?:is|are|be|being)\s+(?:\w+ly\s+)?$", re.I)
BACKGROUND = compile_looking_ahead(r"(?<![\w-])(?:after|following|follows|followed|since|before|when|until|once|led to|resulted in)(?![\w-])[^,;]*$", re.I)
"""A trigger inside a clause such as "weeks after the authority was rated inadequate" names an
earlier event as background; without a date of its own it cannot be placed."""
ASIDE_OPENS = re.compile(r",\s+(?:the|its|their|his|her|a|an)\b[^,;]*$", re.I)
ASIDE_ENDS = re.compile(r"[^,;.]{0,60},\s*(?:said|says|told|added)\b", re.I)
"""A trigger in an aside on a speaker ("Mark Ferreira, the interim director seconded from
Bexley, said staff were told") describes who speaks; without a date of its own it is no news."""
STATE_LEAD = compile_looking_ahead(
    r"\b(?:under|subject to|remains? under|remained under|still under|working under)\s+(?:an?|the|its|their)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)
"""A council "under an improvement notice" is in a state, not at an event."""
PUBLISHED_AFTER = re.compile(r"(?:\s+(?:of|into)\s+[^,;.]{1,50}?)?,?\s+(?:(?:which|that)\s+)?(?:was\s+|were\s+|has been\s+|had been\s+)?published\b", re.I)
"""An inspection "published" is its report."""
LATER = re.compile(r"[^,;.]{0,40}?\blater\b", re.I)
NARRATED_LATER = re.compile(r"\b(?:later|subsequently|eventually|afterwards)\s+(?:[\w'’-]+\s+){0,4}$", re.I)
"""A history told in order ("The council was later issued with a notice"): undated, it happened
some time after the last date told, never in the month the article appeared."""
SEVERAL_COUNCILS = frozenset({"improvement_notice", "statutory_direction", "intervention", "review"})
"""Acts on councils that, named in the plural and undated, are the government's practice, not one council's event."""
ANNUAL = re.compile(r"\bannual report\b", re.I)
COUNTED = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|a number of|\d+)\s+(?:[\w'’-]+\s+){0,3}?"
                     r"(?:commissioners|notices|directions|reviews|trusts)\b", re.I)
""""five Children's Services Commissioners": events of as many councils."""
COUNTED_CHARS = 40
CLAUSE_OPENER = re.compile(r"\b(?:after|following|since|because|while)\b|\band\s+(?=(?:has|have|had|was|were)\b)", re.I)
"""Words that open a clause of its own ("…will conduct the review and has been appointed"): a
future before one is not the tense of what follows."""
IMMEDIATE = re.compile(r"\b(?:with immediate effect|immediately|from today|as of today)\b", re.I)
"""What "will act as interim director with immediate effect" does happens on the day of the news."""
POSSESSIVE_GAP = re.compile(r"['’]s?\s+")
DESCRIBING = re.compile(
    r"\b(?:that|which)\s+(?:Ofsted|inspectors|the watchdog|it|they)?\s*(?:had\s+)?$"
    r"|\b(?:councils|authorities|areas|services)\s+(?:(?:previously|also|already|now|recently|once)\s+)?$"
    r"|\b(?:a|an|any|every)\s+(?:council|authority|local authority)\s+$|\bcurrently\s+$|\b(?:one of|among)\b[^.;]*$", re.I
)
"""A rating that describes rather than reports: in a relative clause ("a department that Ofsted
judged good"), or of councils in general ("two councils previously rated inadequate", "a council
rated inadequate will normally…")."""
FOUND_CLAUSE = re.compile(r"(?:found|concluded|concludes|finds)\s+(?:that|they|it)\b", re.I)
"""A verb with a clause after it ("services found they remain inadequate") reports; it is no
participle describing services ("services found to be inadequate")."""
REPORTED_FINDING = re.compile(r"""[’'"”]?\s+(?:has|have)\s+(?:found|concluded|revealed|warned)[.!]?[\s’'"”]*$""", re.I)
"""A rating right before the sentence's last words, a finding in the present perfect ("a report
which judged the council inadequate has found."): the clause names the report that is the news."""
PRESENT_STATE = re.compile(
    r"\b(?:which|whose|who|that)\b[^,;]*\b(?:is|are)\s+(?:currently\s+|still\s+|now\s+|also\s+)?$", re.I
)
"""A rating in the present simple in a relative clause, with no date ("Plymouth, whose services
are rated good, …") is where that council stands, not the news of a report; the lead "services
in Torbay are inadequate, inspectors have found" is news."""
STANDING_TYPES = frozenset({"inspection_report", "improvement_notice", "statutory_direction", "intervention"})
"""Events that leave a standing state ("rated inadequate for seven years"); a secondment "for
three months" is still an event."""
STATE_TAIL = re.compile(
    r"[^.;,]{0,30}?\b(?:for (?:almost |nearly |more than |over |about |some )?(?:[\w-]+ )?(?:years?|months?|decades?)"
    r"|since (?:then|(?:early |late )?(?:\d{4}|January|February|March|April|May|June|July|August|September|October"
    r"|November|December)))\b",
    re.I,
)
ACTED_UNDER = compile_looking_ahead(
    r"\b(?:appointed|installed|sent in|brought in|issued|imposed)\b[^,;.]{0,80}\bunder\s+(?:an?|the|its)\s+(?:[\w-]+\s+){0,2}$", re.I
)
"""A direction something was done under ("was appointed commissioner last week under a statutory
direction") is issued then, not a state the council is under."""
ACTED_UNDER_CHARS = 120
A_TRUST_NAMED = re.compile(r"\b(?:of|at|for|from|with|by)\s+(?:an?|the|(?-i:[A-Z])[\w'’-]+)\s+$", re.I)
""""chief executive of a children's services trust", "services run by Doncaster Children's Services
Trust": a trust named as what someone works for or what runs the services, no intervention."""
ADVISER_APPOINTED = re.compile(r"\b(?:an?|the|its)\s+(?:[\w'’-]+\s+){0,3}?(?:advis[eo]rs?|experts?|chair(?:man|woman|s)?|consultants?)\s+$", re.I)
"""Who stands right before "appointed by ministers" when it is no commissioner: "an improvement
board chaired by an independent expert appointed by ministers", "an improvement adviser appointed
by the DfE" work beside a council under a notice; that is no intervention."""
NOTICE_ENDED = re.compile(r"\s+(?:was\s+|has been\s+|had been\s+)?(?:lifted|removed|withdrawn|revoked)\b", re.I)
ISSUED = re.compile(r",?\s*(?:which was\s+|that was\s+)?(?:issued|served|imposed)\b", re.I)
CONTEXT_CHARS = 60
"""How far before a trigger to look for a modal or a negation: about one clause."""
COMES_AFTER_CHARS = 800
"""How far back "It comes … after" reaches for the news it times: a paragraph or two."""
IMPERSONAL_INTERVENTION = re.compile(r"trust|control|powers", re.I)
"""A trust or a loss of control names nobody, unless a commissioner stands beside it."""
PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?$", re.I)
"""Present perfect right before a trigger ("has resigned", "has been rated"): news of the day."""
ANNOUNCED = re.compile(
    r",\s*(?:[\w'’-]+\s+){1,5}?(?:has|have)\s+(?:announced|said|confirmed|revealed|decided|found)[.!]?[\s”\"’']*$", re.I
)
"""A sentence told as what someone "has announced" is news of the day: "Bradford's children's
services are to be run by a trust, the government has announced"."""
PERFECT_WITHIN = re.compile(
    r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?(?:\w+ed|left|quit|stood|taken|given|become|begun|gone|led|sent|brought|found|said)\b", re.I
)
"""The same inside a trigger that names who acted: "the Department for Education has appointed"."""
EARLIER_CLAUSE = re.compile(r"\b(?:since|when|previous(?:ly)?|last (?:full )?inspection)\b", re.I)
"""Where a sentence turns to an earlier judgement ("have deteriorated since the last inspection,
when they were judged to require improvement"): a rating after it is not the report's."""
RATING_PHRASE = compile_looking_ahead(
    r"\b(?:rated|rates|judged|judges|deemed|graded|grades|found|finds|assessed|considered|declared|branded|was|were|is|are|as|to"
    r"|rating of|grade of)\s+(?:them\s+|it\s+|(?:[\w'’-]+\s+){0,5}?services\s+)?(?:as\s+|to be\s+|to have been\s+)?[‘'\"“]?" + RATING,
    re.I,
)
"""A judgement the sentence gives: "rated inadequate", "rates the county's services inadequate"."""
KINDS = [(kind, compile_looking_ahead(pattern, re.I)) for kind, pattern in INSPECTION_KINDS]
ANY_KIND = compile_looking_ahead("|".join(f"(?:{pattern})" for _, pattern in INSPECTION_KINDS), re.I)
"""Whether a sentence names any inspection kind, in one search: most name none."""
INSPECTORATE_RES = [(name, compile_looking_ahead(pattern)) for name, pattern in INSPECTORATES]
NAMED_EVENTS = frozenset({"appointment"})
"""An appointment worth a chronology names who or which post: "appointed two team managers" is not one."""
UNDER_NOTICE = re.compile(
    r"\bunder (?:the terms of )?(?:the|an|its) (?:government |DfE )?(?:improvement )?notice\b"
    r"|\bimprovement advis[eo]r\b(?=.*\bnotice\b)|\bnotice\b.*\bimprovement advis[eo]r\b",
    re.I,
)
SCHOOL = re.compile(r"\b(?:school|schools|academy|academies|nursery|nurseries|college|pupils?|headteacher)\b", re.I)
COUNCIL_SERVICE = re.compile(r"\bchildren['’]?s (?:social care|services)\b|\bsafeguarding\b|\bchild protection\b|\bsocial work", re.I)
"""Ofsted inspects schools too: a school's rating is no event of its council's children's services."""
TAKEN_OVER_BY_BODY = re.compile(r"\btaken over by\s+(?:[\w-]+\s+){0,3}(?:commissioners?|trust|company|government|ministers?)\b", re.I)
"""Services taken over by commissioners or a trust are an intervention; by a person, an appointment."""
REVIEW_REPORT = re.compile(r"\breview\b|\bcommissioner\b", re.I)
"""A report that is a review's, or a commissioner's, where nothing names an inspection."""
INSPECTED = re.compile(r"\b(?:Ofsted|inspect\w*|watchdog|rated|judged|inadequate|requires? improvement|good|outstanding)\b", re.I)
"""A report in a sentence about a review, and no inspection, is the review's ("its report, published last month")."""
CONTROL_DECIDED = re.compile(r"\b(?:retain|retains|retained|keep|keeps|kept)\s+control\b|\bremain with the council\b", re.I)
"""Whether a council keeps its services is a commissioner's or a review's to recommend, never
Ofsted's: a report that says so ("recommended that the council retain control of the service")
is that review's, whatever ratings it mentions."""
TRUST = re.compile(r"\btrust\b", re.I)
TRUST_ACTION = re.compile(
    r"\b(?:set up|setting up|created|creat(?:e|ing|ion)|establish\w*|launch\w*|transferr?\w*|mov(?:e|ed|ing)|hand\w* over"
    r"|handed|run by|will run|to run|taken over|take over|took over|went live|go live|goes live|began|begin|spun out"
    r"|operat\w*|recommend\w*|ordered|direct\w*|replac\w*)\b",
    re.I,
)
"""What a trust's intervention does; a trust that only speaks ("the Children's Trust said") is a body, not an event."""
QUOTATION = re.compile(
    r'“[^”\n]*(?:”|$)|"[^"\n]*(?:"|$)'
    r"|(?<!\w)‘(?:[^’\n]|’(?=\w))*(?:’(?!\w)|$)|(?<![\w'])'(?=[A-Z])(?:[^'\n]|'(?=\w))*(?:'(?!\w)|$)",
    re.M,
)
"""A quotation runs to its closing mark, or to the end of its paragraph (line). British single
quotes count too: ‘...’ and '...', an apostrophe inside a word ("council’s") closing nothing."""
SPEECH_MIN_WORDS = 4
"""Shorter quotes are scare quotes around a word ("a “good” rating"), not speech."""



def extract(article: Article, doc: Doc) -> list[EventMention]:
    """Every event mention in one analysed article."""
    return extract_in(context_of(article, doc))


def context_of(article: Article, doc: Doc) -> ArticleContext:
    """What every sentence of the analysed article shares while its events are read."""
    text = text_of(doc)
    cast = people.find_people(text)
    sentences = list(doc.sents) if len(doc) else []
    sentence_of = _sentence_finder(sentences)
    councils = [span for span in doc.spans["councils"] if not inside_name(cast, span)]
    distractors = {span.start for span in councils if is_distractor(text, sentence_of(span), span)}
    return ArticleContext(
        article=article,
        doc=doc,
        text=text,
        sentences=sentences,
        timexes=doc_data(doc, "timexes") or [],
        anchor=pubdate.anchor(article.published),
        cast=cast,
        quoted=quoted_ranges(text),
        councils=councils,
        distractors=distractors,
        main_council=main_council([span for span in councils if span.start not in distractors]),
        roundup=is_roundup(text, [span for span in councils if span.start not in distractors]),
    )


def on_another_day(context: ArticleContext, article: Article, doc: Doc) -> ArticleContext:
    """The context of the same text as `article` published another day, its time expressions
    tagged again (`nlp.reanchored`): of all the context, only they and the anchor depend on the
    day (finding people, councils and quotes again was about half of what reading an undated
    article again for its undated events took, `bench/dating.py`)."""
    return replace(context, article=article, doc=doc, timexes=doc_data(doc, "timexes") or [], anchor=pubdate.anchor(article.published))


def extract_in(context: ArticleContext, only: frozenset[int] | None = None) -> list[EventMention]:
    """The article's event mentions; with `only` (sentences' character starts), those of these
    sentences alone, and of any that tells a resignation (by which `_without_echoes` drops a
    departure): dating reads an undated article again only for the events it left undated."""
    sentences = context.sentences
    sentence_of = _sentence_finder(sentences)
    mentions: list[EventMention] = []
    triggers_by_sentence: dict[int, tuple[Span, list[Span]]] = {}
    for trigger in context.doc.spans["triggers"]:
        sentence = sentence_of(trigger)
        if only is None or sentence.start_char in only or trigger.label_ == "resignation":
            triggers_by_sentence.setdefault(sentence.start, (sentence, []))[1].append(trigger)
    starts = [sentence.start for sentence in sentences]
    for sentence, triggers in triggers_by_sentence.values():
        following = _next_worded(context.text, sentences, bisect_right(starts, sentence.start))
        mentions.extend(_sentence_mentions(context, sentence, triggers, following))
    return _without_echoes(_stretches_told_next(context, sentences, mentions))


def _stretches_told_next(context: ArticleContext, sentences: list[Span], mentions: list[EventMention]) -> list[EventMention]:
    """"It comes seven weeks after Ofsted rated the council inadequate": the news told just
    before (the last mention with no date of its own, within COMES_AFTER_CHARS) is that stretch
    after the earlier event."""
    for sentence in sentences:
        offset = comes_after(context, sentence)
        if offset is None:
            continue
        before = [index for index, mention in enumerate(mentions)
                  if sentence.start_char - COMES_AFTER_CHARS <= mention.source.start < sentence.start_char
                  and mention.type != offset.type and mention.after is None and not edtf.parse(mention.date).known]
        if before:
            last = max(before, key=lambda index: mentions[index].source.start)
            mentions[last] = mentions[last].model_copy(update={"after": offset})
    return mentions


def _sentence_finder(sentences: list[Span]) -> Callable[[Span], Span]:
    """`span.sent` for the spans of a doc, from its sentences listed once: spaCy's `Span.sent`
    checks every token for sentence starts and walks to both ends of the sentence on each call."""
    starts = [sentence.start for sentence in sentences]
    return lambda span: sentences[bisect_right(starts, span.start) - 1]


def _next_worded(text: str, sentences: list[Span], index: int) -> Span | None:
    """The first sentence from `index` on that has words: spaCy makes a paragraph break a sentence of its own."""
    return next((sentence for sentence in sentences[index:] if not text[sentence.start_char : sentence.end_char].isspace()), None)


def _without_echoes(mentions: list[EventMention]) -> list[EventMention]:
    """Drop an undated departure in an article that reports a resignation at the same council:
    "his departure comes after…" is the resignation told again, not a second event."""
    resigned = {m.council for m in mentions if m.type == "resignation"}
    return [m for m in mentions if not (m.type == "departure" and m.date_text is None and m.council in resigned)]


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted speech: “…” and "…" pairs, and a paragraph that opens a quote
    and never closes it (the press closes a multi-paragraph quote only at its end)."""
    found = QUOTATION.finditer(text)
    return [match.span() for match in found if len(match.group().split()) >= SPEECH_MIN_WORDS]


def _sentence_mentions(
    context: ArticleContext, sentence: Span, triggers: list[Span], following: Span | None
) -> list[EventMention]:
    """The sentence's event mentions. An appointment's trigger that takes a date and names no one
    (the verb in "the trust, which took over the service in April") leaves the date to the others."""
    candidates = [t for t in triggers if not (_negated(context.text, sentence, t) or _secondment_ending(context.text, t)
                                              or _not_yet_or_generic(context.text, sentence, t)
                                              or _others_leaving(context.text, sentence, t) or _deputys_post(context.text, t))]
    mentions, barren = _dated_mentions(context, sentence, candidates, following)
    if barren and len(barren) < len(candidates):
        mentions, _ = _dated_mentions(context, sentence, [t for t in candidates if t not in barren], following)
    return _posts_filled_by_secondment(mentions)


def _outside_childrens_services(context: ArticleContext, person: Person) -> bool:
    """Whether the article gives the person only posts outside children's services: "council
    chief executive Martin Kimber also stepped down", "assistant mayor Vi Dempster has stood
    down" are not the directors' comings and goings a chronology follows."""
    roles = context.cast.roles.get(person.name, [])
    if not roles or any(CHILDRENS_POST.search(role) for role in roles):
        return False
    return all(OTHER_POSTS.search(role) for role in roles) or _councils_chief_executive(context.text, person.name)


def _councils_chief_executive(text: str, name: str) -> bool:
    """"county council chief executive Donna Manson", "Martin Kimber, the council's chief
    executive": the council's own (a children's trust's chief executive runs its services)."""
    named = re.escape(name)
    return bool(re.search(rf"\b(?:council|CC|MBC)(?:['’]s)?\s+chief executive,?\s+{named}"
                          rf"|{named},\s+(?:the\s+)?(?:council['’]s\s+chief executive|chief executive of (?:the\s+)?(?:[\w'’-]+\s+){{0,4}}?council\b)",
                          text, re.I))


def _not_yet_or_generic(text: str, sentence: Span, trigger: Span) -> bool:
    """"the letter from that visit has not yet been published"; "a visit planned for March was
    called off"; "An improvement notice is a clear signal": an event still awaited or called
    off, or one spoken of in general, is none."""
    return bool(NOT_YET.match(text, trigger.start_char, sentence.end_char)
                or (INDEFINITE_END.search(text, sentence.start_char, trigger.start_char) and GENERIC_IS.match(text, trigger.end_char)))


def _others_leaving(text: str, sentence: Span, trigger: Span) -> bool:
    """"Inspectors, who spent four weeks in the town in June and left at the end of the month": the
    inspectors' leaving, no director's; nor is "social workers suspended" or "staff who left"."""
    if trigger.label_ not in LEAVINGS:
        return False
    staff_from = max(sentence.start_char, trigger.start_char - STAFF_REACH)
    return bool(INSPECTORS_LEFT.search(text, sentence.start_char, trigger.start_char)
                or STAFF_LEAVING.search(text, staff_from, trigger.start_char))


def _deputys_post(text: str, trigger: Span) -> bool:
    """"who joined the council as deputy director in October 2019": a post below the director's."""
    return trigger.label_ in ("appointment", "secondment") and DEPUTYS_POST.match(text, trigger.end_char) is not None


def _secondment_ending(text: str, trigger: Span) -> bool:
    return trigger.label_ == "secondment" and SECONDMENT_ENDS.match(text, trigger.end_char) is not None


def _posts_filled_by_secondment(mentions: list[EventMention]) -> list[EventMention]:
    """A sentence's appointment of someone it says is on secondment ("appointed Gail Prendergast,
    on secondment from Portsmouth, as its interim director in September"; "has been interim
    director on secondment since…") is that secondment: one event, dated by whichever of the two
    the sentence dates."""
    seconded = {person.name: index for index, m in enumerate(mentions) if m.type == "secondment" for person in m.people}
    kept = list(mentions)
    for index, appointment in enumerate(mentions):
        if appointment.type != "appointment":
            continue
        if SECONDED.search(appointment.trigger):
            kept[index] = appointment.model_copy(update={"type": "secondment"})
            continue
        own = next((seconded[p.name] for p in appointment.people if p.name in seconded), None)
        if own is not None:
            kept[index] = None  # type: ignore[call-overload]
            if kept[own].date_text is None and appointment.date_text is not None:  # type: ignore[union-attr]
                kept[own] = _dated_like(kept[own], appointment)  # type: ignore[arg-type]
    return [m for m in kept if m is not None]


def _dated_like(mention: EventMention, other: EventMention) -> EventMention:
    """The mention with the date (and tense) another of its sentence gives."""
    source = mention.source.model_copy(update={"date": other.source.date})
    return mention.model_copy(update={"date": other.date, "date_text": other.date_text, "status": other.status,
                                      "news": other.news, "source": source})


def _dated_mentions(
    context: ArticleContext, sentence: Span, candidates: list[Span], following: Span | None
) -> tuple[list[EventMention], list[Span]]:
    """The mentions of the candidate triggers, each with its date, and the dated triggers that gave none."""
    dates = assign_dates(context.text, context.timexes, context.anchor, sentence, candidates)
    live = [t for t in candidates if not _quoted(context, t) or _quoted_fact(context, sentence, t, dates.get(t.start))]
    mentions: list[EventMention] = []
    barren: list[Span] = []
    seen: set[tuple[str, str | None]] = set()
    for trigger in sorted(live, key=lambda t: (dates.get(t.start) is None, t.start)):
        dated = dates.get(trigger.start)
        date = dated[1] if dated else None
        if (trigger.label_, date) in seen or (date is None and any(kind == trigger.label_ for kind, _ in seen)):
            continue
        dated = (dated or same_time_as_earlier(context.text, sentence, trigger, dates)
                 or judged_in(context.text, trigger, candidates, dates) or acting_under(context.text, trigger, candidates, dates)
                 or succeeding(context.text, trigger, candidates, dates) or at_that_time(context, sentence))
        came_before = None if dated else date_it_came_before(context.text, sentence, trigger, dates)
        told = [m for one in _each_date(dated) for m in _mention(context, sentence, trigger, one, came_before, following)]
        if told:
            seen.update((m.type, date) for m in told)
            mentions.extend(told)
        elif dated and trigger.label_ in NAMED_EVENTS:
            barren.append(trigger)  # "took over" naming no one: the verb of the noun's clause
    return mentions, barren


def _each_date(dated: Dated | None) -> list[Dated | None]:
    """A trigger dated by a list ("inspections in 2009 and 2010") is one event per date."""
    if dated is None:
        return [None]
    return [dated._replace(also=()), *(dated._replace(value=value, also=()) for value in dated.also)]


def _quoted(context: ArticleContext, trigger: Span) -> bool:
    """Whether the trigger starts inside quoted speech (the ranges are in order, apart)."""
    position = trigger.start_char
    index = bisect_right(context.quoted, (position, math.inf)) - 1
    return index >= 0 and position < context.quoted[index][1]


def _quoted_fact(context: ArticleContext, sentence: Span, trigger: Span, dated: Dated | None) -> bool:
    """Quoted speech is evidence only of the dated past facts it reports ("'When inspectors came
    in January they found...'"); its promises and hypotheticals ("we will appoint a permanent
    director by the summer") give nothing."""
    if dated is None or _told_as_future(context.text, sentence, trigger):
        return False
    return not edtf.is_after(dated.value, context.anchor)


def _counted(text: str, sentence: Span, trigger: Span) -> bool:
    """Whether the trigger counts several of its events ("has appointed five commissioners")."""
    return COUNTED.search(text, trigger.start_char, min(sentence.end_char, trigger.end_char + COUNTED_CHARS)) is not None


def _negated(text: str, sentence: Span, trigger: Span) -> bool:
    lead = _lead(text, sentence, trigger)
    if NEGATION.search(lead) or (PENDING.search(lead) and not _told_as_past(text, trigger)):
        return True
    clause = text[sentence.start_char : trigger.start_char]
    return bool(DEMANDED.search(clause) or GENERIC.match(clause))


def _told_as_past(text: str, trigger: Span) -> bool:
    """Whether the trigger is a verb in the past ("visited"), or a noun a past verb follows ("the notice was issued")."""
    verb_in_past = text.endswith("ed", trigger.start_char, trigger.end_char) and not PRESENT_PASSIVE.search(text, 0, trigger.start_char)
    return verb_in_past or bool(TOLD_AS_PAST.match(text, trigger.end_char))


def _told_as_future(text: str, sentence: Span, trigger: Span) -> bool:
    """Whether the trigger's own clause tells it as still to come: in "is to leave weeks after
    inspectors rated the service inadequate", the rating is past; "A monitoring visit to the
    council is expected early next year" is to come."""
    lead = _lead(text, sentence, trigger)
    openers = list(CLAUSE_OPENER.finditer(lead))
    return bool(FUTURE.search(lead, openers[-1].end() if openers else 0) or FUTURE_AFTER.match(text, trigger.end_char, sentence.end_char))


def _lead(text: str, sentence: Span, trigger: Span) -> str:
    """The clause-sized stretch of the sentence just before a trigger."""
    return text[max(sentence.start_char, trigger.start_char - CONTEXT_CHARS) : trigger.start_char]


def _mention(
    context: ArticleContext,
    sentence: Span,
    trigger: Span,
    dated: Dated | None,
    came_before: str | None = None,
    following: Span | None = None,
) -> list[EventMention]:
    kind = trigger.label_
    text = context.text
    told_end = sentence.end_char  # the evidence: the sentence, and the next one when that dates it
    if dated is None and not came_before and following is not None:
        dated = anaphoric_date(text, context.timexes, context.anchor, following, kind)
        told_end = following.end_char if dated else told_end
    background = TRIGGERS[int(trigger.id_)].needs_date or _in_background(text, sentence, trigger)
    if dated is None and ((background and not came_before) or LATER.match(text, trigger.end_char, sentence.end_char)
                          or NARRATED_LATER.search(_lead(text, sentence, trigger))):
        return []  # background to the story, or "left a few weeks later": after what, the tagger cannot say
    if kind in SEVERAL_COUNCILS and ((dated is None and plural(text, trigger)) or _counted(text, sentence, trigger)):
        return []  # "has issued improvement notices to a number of councils", "has appointed five commissioners": no one council's event
    if (_describes_state(text, sentence, trigger) and not dated_since(text, dated)) or (dated is None and _rated_now(text, sentence, trigger)):
        return []
    councils = event_councils(context, sentence, trigger)
    if not councils:
        return []
    news = not dated and not came_before and bool(
        PERFECT.search(_lead(text, sentence, trigger)) or PERFECT_WITHIN.search(text, trigger.start_char, trigger.end_char)
        or ANNOUNCED.search(text, trigger.end_char, sentence.end_char)
    )
    date = dated[1] if dated else UNKNOWN_DATE if came_before else _publication_date(context.anchor, news)
    expected = (_told_as_future(text, sentence, trigger) and not IMMEDIATE.search(text, trigger.end_char, sentence.end_char)
                or edtf.is_after(date, context.anchor))
    if expected and (date == "XXXX" or not (dated or news)):
        return []  # still to come, and when is unknown: nothing to place on a chronology
    found_people = people_of(context, sentence, trigger) if kind in PEOPLE_EVENTS else []
    sentence_text = text[sentence.start_char : sentence.end_char]
    told = text[sentence.start_char : told_end]
    if kind in NAMED_EVENTS and not (found_people or ROLE_RE.search(sentence_text)):
        return []
    if kind in POSTS_OF_DIRECTORS and found_people and all(_outside_childrens_services(context, person) for person in found_people):
        return []
    commissioners = [person for person in found_people if context.cast.ever(person.name, "commissioner")]
    if kind == "appointment" and commissioners:
        kind = "intervention"
    trigger_text = text[trigger.start_char : trigger.end_char]  # what `trigger.text` joins from its tokens
    if kind == "inspection" and PUBLISHED_AFTER.match(text, trigger.end_char, sentence.end_char):
        kind = "inspection_report"  # "an inspection of safeguarding published in August 2011"
    if kind == "inspection_report" and _someones_report(context, trigger):
        kind = "review"  # "Derek Mallinson's report": a commissioner's or reviewer's, not Ofsted's
    kind = _kind_in_context(kind, sentence_text)
    if kind == "inspection_report" and ANNUAL.search(trigger_text):
        return []  # a body's annual report is no inspection's
    if kind == "intervention" and TRUST.search(trigger_text) and A_TRUST_NAMED.search(_lead(text, sentence, trigger)):
        return []
    if kind == "intervention" and ADVISER_APPOINTED.search(_lead(text, sentence, trigger)):
        return []
    if kind is None:
        return []
    if kind == "improvement_notice" and NOTICE_ENDED.match(text, trigger.end_char, sentence.end_char):
        return []  # "had an improvement notice lifted": the notice's end is no event of its kind
    if kind == "improvement_notice":
        found_people = []
    if kind == "intervention" and IMPERSONAL_INTERVENTION.search(trigger_text):
        found_people = commissioners
    strength = TRIGGERS[int(trigger.id_)].strength
    attributes = _attributes(sentence_text, trigger_text, kind)
    if not (dated or came_before or news) and context.anchor and _headline_news(context.article.title, kind, attributes.rating):
        news, date = True, _publication_date(context.anchor, True)
    source = Source(
        article=context.article.id,
        path=context.article.path,
        title=context.article.title,
        publisher=context.article.publisher,
        published=context.article.published,
        date=date,
        sentence=" ".join(told.split()),
        start=sentence.start_char,
        end=told_end,
    )
    after = offset_after(context, trigger, told_end)
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
                attributes=attributes,
                confidence=round(min(confidence + (0.05 if found_people else 0), 1.0), 2),
                trigger=trigger_text,
                date_text=dated[0].text if dated else None,
                news=news,
                before=came_before if dated is None else None,
                after=after,
                source=source,
            )
        )
    return mentions


def _headline_news(title: str | None, kind: str, rating: str | None) -> bool:
    """Whether a rating told without a date ("They rated the authority inadequate overall") is
    the news its headline gives ("Cumbria children's services rated 'inadequate' by Ofsted"):
    then it is the publication day's, as news told in the present perfect is."""
    return kind == "inspection_report" and rating is not None and any(
        normalise_rating(match.group("rating")) == rating for match in RATING_RE.finditer(title or ""))


def _kind_in_context(kind: str, sentence: str) -> str | None:
    """What the sentence makes of a trigger's type: an adviser appointed under an improvement
    notice is that notice; a review's report is the review's; a school's inspection and a trust
    that is only named (the Borough Children's Trust said) are no events of the council."""
    if kind == "appointment" and UNDER_NOTICE.search(sentence):
        return "improvement_notice"
    if kind == "appointment" and TAKEN_OVER_BY_BODY.search(sentence):
        return "intervention"
    if kind == "inspection_report" and _a_reviews_report(sentence):
        return "review"
    if kind in ("inspection", "inspection_report") and SCHOOL.search(sentence) and not COUNCIL_SERVICE.search(sentence):
        return None
    if kind == "intervention" and TRUST.search(sentence) and not TRUST_ACTION.search(sentence):
        return None
    return kind


def _a_reviews_report(sentence: str) -> bool:
    """Whether a report the sentence tells of is a review's or a commissioner's, not Ofsted's."""
    return bool(CONTROL_DECIDED.search(sentence) or (REVIEW_REPORT.search(sentence) and not INSPECTED.search(sentence)))


def _describes_state(text: str, sentence: Span, trigger: Span) -> bool:
    """"under an improvement notice", "rated inadequate for almost seven years": a state, not an event."""
    if trigger.label_ in STANDING_TYPES and STATE_TAIL.match(text, trigger.end_char, sentence.end_char):
        return True
    issued = ISSUED.match(text, trigger.end_char)
    acted_under = ACTED_UNDER.search(text, max(sentence.start_char, trigger.start_char - ACTED_UNDER_CHARS), trigger.start_char)
    return not (issued or acted_under) and bool(STATE_LEAD.search(text[sentence.start_char : trigger.start_char]))


def _someones_report(context: ArticleContext, trigger: Span) -> bool:
    """Whether the trigger is a report a named person wrote ("Derek Mallinson's report, published today")."""
    return context.text.startswith("report", trigger.start_char) and any(
        POSSESSIVE_GAP.fullmatch(context.text, person.end, trigger.start_char) for person in context.cast.mentions
        if person.end <= trigger.start_char <= person.end + 4
    )


def _rated_now(text: str, sentence: Span, trigger: Span) -> bool:
    """An undated rating that describes a council or service rather than reports news: in the
    present simple, or inside a relative clause ("a department that Ofsted judged good"), unless
    that clause is the subject of the finding the sentence reports ("…, an Ofsted report which
    rated the authority inadequate has found")."""
    lead = _lead(text, sentence, trigger)
    return (trigger.label_ == "inspection_report" and not FOUND_CLAUSE.match(trigger.text)
            and bool(PRESENT_STATE.search(lead) or DESCRIBING.search(lead))
            and not REPORTED_FINDING.match(text, trigger.end_char, sentence.end_char))


def _in_background(text: str, sentence: Span, trigger: Span) -> bool:
    lead = text[sentence.start_char : trigger.start_char]
    return bool(BACKGROUND.search(lead) or (ASIDE_OPENS.search(lead) and ASIDE_ENDS.match(text, trigger.end_char, sentence.end_char)))


def _publication_date(anchor: dt.date | None, news: bool) -> str:
    """The date of an event told without one: news of the day ("has been rated inadequate") is
    the publication day, approximately (it may be a day or a week old); anything else the month
    it was published in; unknown without a publication date."""
    if anchor is None:
        return "XXXX"
    return f"{anchor.isoformat()}~" if news else f"{anchor:%Y-%m}"


def _attributes(sentence: str, trigger: str, kind: str) -> Attributes:
    """Rating, inspection kind and inspectorates. The rating is the trigger's own ("rated
    inadequate"), else one the sentence gives as a judgement: a bare "adequate" in a quote
    ("adequate protection arrangements") is no rating."""
    rating = None
    if kind == "inspection_report":
        earlier = EARLIER_CLAUSE.search(sentence)
        match = RATING_RE.search(trigger) or RATING_PHRASE.search(sentence, 0, earlier.start() if earlier else len(sentence))
        rating = normalise_rating(match.group("rating")) if match else None
    inspection_kind = _inspection_kind(sentence) if kind == "inspection" else None
    inspected = kind in ("inspection", "inspection_report")
    inspectorates = [name for name, pattern in INSPECTORATE_RES if pattern.search(sentence)] if inspected else []
    return Attributes(rating=rating, inspection_kind=inspection_kind, inspectorates=inspectorates)


def _inspection_kind(sentence: str) -> str | None:
    """The first of `KINDS` the sentence names."""
    if not ANY_KIND.search(sentence):
        return None
    return next((name for name, pattern in KINDS if pattern.search(sentence)), None)
