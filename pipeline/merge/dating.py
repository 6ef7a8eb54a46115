"""Dating the undated: what the archive as a whole says about when an undated article appeared.

An undated article still says a lot about its own date. The latest past date it names bounds
its publication from below ("since the regime was introduced in June 2009"). A year-unknown
mention in it ("the inspection in April") can be the same real event as a dated mention in
another article; when exactly one year fits, the mention takes that year, and the article must
have been published after that April and within the year that followed it (a bare month is
the latest such month not after publication). A present-perfect lead ("has been rated
inadequate") is news of the day: when exactly one dated event of its council and type falls in
the article's window, the article was published then. Each link narrows the article's
*window*; the engine then resolves the article's other dates again on it and files the new
dates as facts for the next round, until nothing changes.

Nothing is guessed: where two years fit, or two links disagree, the article keeps the window it
had. Every function here works on sets of facts, so the result never depends on input order.
This module is pure; `pipeline.engine.dating` reads the workspace and re-runs the extraction.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import NamedTuple

from models import edtf
from models.records import EventMention
from models.vocabulary import LEAVINGS


YEAR_UNKNOWN_MONTH = re.compile(r"XXXX-(\d{2})")
APPOINTMENTS = frozenset({"appointment", "secondment"})
ONCE_A_PERSON = LEAVINGS | APPOINTMENTS | {"intervention"}
"""Events a person has once at a council, a commissioner's appointment among them (an interim
appointment and a permanent one, a suspension and a leaving, are told apart by `stage_of`)."""
INTERIM = re.compile(r"\b(?:interim|acting|temporary)\b", re.I)
PERMANENT = re.compile(r"\bpermanent(?:ly)?\b", re.I)
SUSPENDED = re.compile(r"\bsuspen", re.I)
COMMISSIONER = re.compile(r"\bcommissioner", re.I)
HANDED_OVER = re.compile(r"\b(?:trust|company|hand over|transfer|control)\b", re.I)
INTERIM_REACH = 30
VISIT_KINDS = frozenset({"monitoring visit", "focused visit"})
RELATIVE_YEAR = re.compile(r"\b(last|next|this)\s+year\b", re.I)
""""March last year": a month whose year counts from publication, like "last month"."""
YEARS_BACK = {"last": 1, "this": 0, "next": -1}
MONTH_WORD = re.compile(rf"\b({'|'.join(name for name in edtf.MONTH_NAMES if name)})\b")
WEEKDAY_NAMES = [name.lower() for name in calendar.day_name]
WEEKDAY_WORD = re.compile(rf"\b({'|'.join(WEEKDAY_NAMES)})\b", re.I)
DAY_OF_MONTH = re.compile(r"(?<![\d:])(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?![:.]\d)")
TODAY = re.compile(r"\btoday\b", re.I)
RELATIVE_WINDOW_DAYS = 400
"""The widest window in which words relative to publication may pick an event: a year and a
little, what a bare month's link gives; an article's own wide bounds (2009 to 2019) do not."""
WEEK_DAYS = 7
AFTER_REACH = dt.timedelta(days=183)
"""How long before a dated event the one it "came after" happened: a notice, a resignation or a
commissioner follows the inspection or report that prompted it within months."""
MONTH_FACT_DAYS = 62
"""A fact names its month when it spans at most two ("in March", "19 June to 13 July"); a
season or a quarter ("last summer") names none of its three."""
RELATIVE_REACH_DAYS = 400
"""How long after an event words relative to publication can still name it ("last year")."""
LINK_REACH = dt.timedelta(days=732)
"""How far from an event lie the publication days on which any words of a mention can name it:
a relative stretch's reach, a bare month's year, and "April last year" or "April next year"
up to the end of the year after, or from the start of the year before, the April."""


@dataclass(frozen=True)
class Window:
    """The days an article can have been published on: both ends included, None where open."""

    after: dt.date | None = None
    before: dt.date | None = None

    @classmethod
    def parse(cls, value: str | None) -> Window:
        if not value or "/" not in value:
            return cls()
        left, right = value.split("/", 1)
        return cls(_day(left), _day(right))

    def meet(self, other: Window) -> Window | None:
        """The days both windows allow; None when they allow none (the two disagree)."""
        after = max((d for d in (self.after, other.after) if d), default=None)
        before = min((d for d in (self.before, other.before) if d), default=None)
        if after and before and after > before:
            return None
        return Window(after, before)

    @property
    def pinned(self) -> dt.date | None:
        """The publication day, when the window allows only one."""
        return self.after if self.after and self.after == self.before else None

    @property
    def bounded(self) -> bool:
        return self.after is not None and self.before is not None

    def within(self, days: int) -> bool:
        """Whether the window is bounded on both sides and spans at most `days` days."""
        return self.bounded and (self.before - self.after).days <= days  # type: ignore[operator]

    def edtf(self) -> str | None:
        if not (self.after or self.before):
            return None
        return f"{_iso(self.after)}/{_iso(self.before)}"

    def allows(self, first: dt.date, last: dt.date) -> bool:
        """Whether some day from `first` to `last` lies in the window."""
        return (self.before is None or first <= self.before) and (self.after is None or last >= self.after)


def _day(text: str) -> dt.date | None:
    return None if text in ("", "..") else dt.date.fromisoformat(text)


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ".."


@dataclass(frozen=True)
class Fact:
    """A dated event as one article tells it: what a year-unknown mention may be."""

    council: str
    type: str
    first: dt.date
    last: dt.date
    rating: str | None
    names: frozenset[str]
    article: str
    value: str
    """The date as the article tells it (EDTF)."""
    bounded: bool = False
    """Known only to lie somewhere from `first` to `last`: in the months before a dated event it
    came before ("after a damning inspection"), or in its undated article's window."""
    windowed: bool = False
    """Placed by its undated article's window alone: another mention is this event only where
    the people or the rating say so."""
    visit: bool = False
    """A monitoring or focused visit, which a full inspection is never (see `is_visit`)."""
    stage: str | None = None
    """"interim" for an interim or acting appointment, which a permanent one is never;
    "suspension" for a leaving that is one, which the person's later departure is never (see
    `stage_of`)."""

    @cached_property
    def bare_months(self) -> list[tuple[int, int]]:
        """The months (year, month) a bare month's name ("in April") can be when it is this
        event: the one it begins in and each that begins within it, in order; none when it spans
        more than a month or two and is not known only to lie within its span. Worked out once a
        fact: every round indexes the archive's facts by them."""
        if (self.last - self.first).days > MONTH_FACT_DAYS and not self.bounded:
            return []  # "an inspection in 2008" or "last summer" says nothing of which month
        months = [(self.first.year, self.first.month)]
        year, month = months[0]
        while True:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            if dt.date(year, month, 1) > self.last:
                return months
            months.append((year, month))


@dataclass(frozen=True)
class Link:
    """What linking one mention to the archive's facts taught: its date and the article's window."""

    index: int
    """The mention's place in its article's mentions."""
    date: str | None
    """The mention's new date, or None when the link dates the article but not the mention."""
    window: Window
    sources: frozenset[str]
    """The articles whose facts decided it."""


def facts_of(article: str, mentions: Iterable[EventMention]) -> list[Fact]:
    """The article's mentions that have a known year, as facts for other articles to link to;
    one the article tells twice (a rating in its lead, the report "published on Tuesday" later)
    carries the rating either telling gives."""
    mentions = list(mentions)
    return _rated_alike(_told_facts(article, mentions), _told_facts(article, mentions, untold=True))


def _rated_alike(facts: list[Fact], tellings: list[Fact]) -> list[Fact]:
    """Each unrated fact with the rating of a telling of its article (a fact, or a mention dated
    only by the publication month: "inspectors rated the council inadequate" beside "the report,
    published today"), of its council and type, that it lies within, or that lies within it."""
    rated = [fact for fact in tellings if fact.rating]
    return [
        fact if fact.rating else next(
            (replace(fact, rating=other.rating) for other in rated
             if (other.council, other.type) == (fact.council, fact.type) and _nested(edtf.Span(other.first, other.last), fact)),
            fact,
        )
        for fact in facts
    ]


def _told_facts(article: str, mentions: Iterable[EventMention], untold: bool = False) -> list[Fact]:
    """The article's dated mentions as facts; with `untold`, those dated only by the publication month too."""
    facts = []
    for mention in mentions:
        span = edtf.parse(mention.date)
        told = untold or mention.date_text is not None or mention.news  # not the publication month a dateless mention falls back on
        if span.known and (mention.status == "occurred" or _announced_for(mention)) and told:
            facts.append(Fact(mention.council, mention.type, span.first, span.last,  # type: ignore[arg-type]
                              mention.attributes.rating, _surnames(mention), article, mention.date, visit=is_visit(mention), stage=stage_of(mention)))  # type: ignore[arg-type]
        elif mention.before and not span.known:
            bound = edtf.parse(mention.before)
            if bound.known:
                facts.append(Fact(mention.council, mention.type, bound.first - AFTER_REACH, bound.last,  # type: ignore[operator, arg-type]
                                  mention.attributes.rating, _surnames(mention), article, mention.before, bounded=True,
                                  visit=is_visit(mention), stage=stage_of(mention)))
    return facts


def _announced_for(mention: EventMention) -> bool:
    """Whether the mention announces, for a date, an event a person has once ("Cath Marlow will
    retire at the end of October"): the one another article tells as done ("the retirement of Cath
    Marlow at the end of last month") is it."""
    return mention.status == "expected" and mention.date_text is not None and _named_once(mention)


Resolver = Callable[[EventMention, dt.date], "str | None"]
"""The date a mention's own words give on a publication day ("last month" on 14 June 2011 is 2011-05)."""


def windowed_facts(article: str, mentions: Iterable[EventMention], window: Window, resolve: Resolver) -> list[Fact]:
    """The events of an undated article that only its window places, as facts: each lies
    within what its words ("yesterday", "last month", or none: the publication month) give on
    the window's first and last days, those words only moving forward with the day. Only events
    that name people or a rating, by which another article can know them, and only in a window
    of about a year: "Fenwick was dismissed yesterday" in an article of February 2013 to February
    2014 lets another article's "Fenwick's dismissal in April" be April 2013."""
    if not window.within(RELATIVE_WINDOW_DAYS):
        return []
    facts = []
    for mention in mentions:
        if (mention.status != "occurred" or mention.before or mention.date != "XXXX"
                or not (mention.people or mention.attributes.rating)):
            continue
        if mention.date_text:
            first, last = (edtf.parse(resolve(mention, day)) for day in (window.after, window.before))  # type: ignore[arg-type]
        else:
            first, last = edtf.parse(f"{window.after:%Y-%m}"), edtf.parse(window.before.isoformat())  # type: ignore[union-attr]
        if first.known and last.known:
            facts.append(Fact(mention.council, mention.type, first.first, last.last,  # type: ignore[arg-type]
                              mention.attributes.rating, _surnames(mention), article, "XXXX", bounded=True, windowed=True,
                              visit=is_visit(mention), stage=stage_of(mention)))
    return facts


def is_visit(mention: EventMention) -> bool:
    """Whether an inspection is a monitoring or focused visit: one of the several visits a year
    an inadequate council has, never its full inspection ("two monitoring visits, in February and
    June" is not the February inspection another article dates)."""
    return mention.attributes.inspection_kind in VISIT_KINDS


def stage_of(mention: EventMention) -> str | None:
    """Which of two events of a kind at a council the mention is, where there are often two: an
    interim or acting appointment, by the words around its trigger ("appointed interim director";
    not "confirmed as permanent director after a year as interim"), as a person is often
    appointed interim and later permanent; a suspension, as one suspended often leaves months
    later; a commissioner sent in, or services handed to a trust, as one often leads to the other."""
    if mention.type in LEAVINGS:
        return "suspension" if SUSPENDED.search(mention.trigger) else None
    if mention.type == "intervention":
        return "commissioner" if COMMISSIONER.search(mention.trigger) else "trust" if HANDED_OVER.search(mention.trigger) else None
    if mention.type != "appointment":
        return None
    sentence = mention.source.sentence
    at = max(sentence.find(mention.trigger), 0)
    around = sentence[max(0, at - INTERIM_REACH) : at + len(mention.trigger) + INTERIM_REACH]
    return "interim" if INTERIM.search(around) is not None and PERMANENT.search(around) is None else None


def _surnames(mention: EventMention) -> frozenset[str]:
    return frozenset(person.name.split()[-1].lower() for person in mention.people if person.name)


def unplaced(mention: EventMention) -> bool:
    """An event told only as what another came after, that the archive did not date."""
    return mention.before is not None and not edtf.parse(mention.date).known


FactsByKind = dict[tuple[str, str], list[Fact]]
"""Facts by council and type: the only facts a mention of that council and type can be."""


@dataclass(frozen=True)
class FactIndex:
    """The archive's facts as links look them up."""

    kinds: FactsByKind
    months: dict[tuple[str, str, int], list[Fact]]
    """By council, type and month: those a bare month of that name can be ("the inspection in
    April" one that began in April or spans 1 April)."""
    agreeing: dict[tuple, tuple[list[Fact], frozenset[str]]] = field(default_factory=dict, compare=False)
    """What `_candidates` chose, by where it looked and what of a mention it chose by, with the
    articles telling them: a round links every undated article's mentions, and many tell one
    council's event alike (the filter was a seventh of what the pass does in this process on the
    10,000-article bench, `bench/dating.py`, sampled by py-spy)."""


def index_facts(facts: Iterable[Fact]) -> FactIndex:
    """The facts, indexed for `link`."""
    index = FactIndex({}, {})
    for fact in facts:
        index.kinds.setdefault((fact.council, fact.type), []).append(fact)
        for month in {month for _, month in fact.bare_months}:
            index.months.setdefault((fact.council, fact.type, month), []).append(fact)
    return index


def own_window(expressions: Iterable[tuple[str, bool]]) -> Window:
    """What an undated article says of its own date: the start of the latest past date it names
    bounds its publication from below ("since the regime was introduced in June 2009"), the end
    of the earliest date it tells as still to come bounds it from above ("inspectors will return
    in 2013"). `expressions` are (EDTF date, told as still to come) pairs of its time expressions;
    bounds that contradict each other leave only the lower one."""
    spans = [(edtf.parse(value), future) for value, future in expressions]
    firsts = [span.first for span, future in spans if not future and span.first]
    lasts = [span.last for span, future in spans if future and span.last]
    after, before = max(firsts, default=None), min(lasts, default=None)
    if after and before and after > before:
        return Window(after, None)
    return Window(after, before)


def link(index: int, mention: EventMention, article: str, window: Window,
         facts: FactIndex, resolve: Resolver, siblings: Sequence[EventMention] = ()) -> Link | None:
    """What the archive's facts, and the article's other mentions (`siblings`), say of one
    mention of an undated article, if exactly one thing."""
    month = YEAR_UNKNOWN_MONTH.fullmatch(mention.date or "")
    relative = bool(mention.date_text) and mention.date == "XXXX"
    if mention.after and mention.status == "occurred" and not edtf.parse(mention.date).known:
        found = _date_after(index, mention, article, window, facts, resolve) or _date_after_own(index, mention, window, siblings, resolve)
        if found:
            return found
    if mention.status != "occurred" or not (mention.before or month or relative or mention.news):
        return None  # dated already, or told with nothing that could date it
    leaving = mention.type in LEAVINGS and bool(mention.people)
    known_by = _known_by(mention)
    if not (mention.before or month or window.within(RELATIVE_WINDOW_DAYS) or known_by):
        # A council is rated, or appoints a director, more than once, and the one event that fits
        # may be the only one the archive dates: words relative to publication ("yesterday", "has
        # been rated") pick an event only in a window of about a year (which other links give), or
        # when the event says which it is: who left, who came, what rating it gave.
        return None
    if mention.before:
        return _date_of_bounded(index, mention.before, _candidates(mention, article, facts))
    if month:
        named = int(month.group(1))
        counted = RELATIVE_YEAR.search(mention.date_text or "") and _day_of_relative(
            index, mention, window, [fact for fact in _candidates(mention, article, facts) if not fact.bounded], resolve)
        if counted:
            return counted
        months = _months_named(mention.date_text)
        holding = [fact for fact in _candidates(mention, article, facts, named)
                   if len(months) < 2 or months <= {told for _, told in fact.bare_months}]
        day = _weekday_and_day(mention)
        holding = [fact for fact in holding if day is None or _falls_on_its_weekday(day, named, fact)]
        found = _year_of_month(index, named, window, holding, _years_back(mention))
        if day is None:
            return found
        return _on_its_weekday(found, mention, named, day) if found else _year_of_weekday(index, mention, named, window, day)
    candidates = [fact for fact in _candidates(mention, article, facts)
                  if not fact.bounded and (window.within(RELATIVE_WINDOW_DAYS) or not known_by or known_by(fact))]
    if leaving:
        stage = stage_of(mention)
        candidates = [fact for fact in candidates if fact.names & _surnames(mention) and _stages_agree(mention.type, stage, fact)]
    # A rating alone, in an open window, may be another inadequate report than the one the archive
    # dates (the seeds' 2010 report is not the 2011 one): only words as precise as a day say it is.
    by_rating_alone = known_by is not None and not window.within(RELATIVE_WINDOW_DAYS) and not _named_once(mention)
    if relative:
        return _day_of_relative(index, mention, window, candidates, resolve, precise=by_rating_alone)
    return None if by_rating_alone else _day_of_news(index, window, candidates)


def _known_by(mention: EventMention) -> Callable[[Fact], bool] | None:
    """What tells a fact to be the mention's own event when nothing bounds the article: the same
    rating given ("published today … rates the council inadequate" is the inadequate report dated
    elsewhere), or the same person leaving, seconded or appointed (interim, or not); None when the
    mention tells neither."""
    names, rating = _surnames(mention), mention.attributes.rating
    if _named_once(mention):
        stage = stage_of(mention)
        return lambda fact: bool(names & fact.names) and _stages_agree(mention.type, stage, fact)
    if rating and mention.type == "inspection_report":
        return lambda fact: fact.rating == rating
    return None


def _named_once(mention: EventMention) -> bool:
    """Whether the mention names the person of an event a person has once at a council."""
    return bool(_surnames(mention)) and mention.type in ONCE_A_PERSON


def _candidates(mention: EventMention, article: str, facts: FactIndex, month: int | None = None) -> list[Fact]:
    """The facts of other articles, of its council and type, that the mention can be: nothing
    the two say tells them apart (rating and people, where both give them; a visit and a full
    inspection). A council appoints many people: an appointment that names someone is only one
    that names them too. `month`: only those a bare month of that name can be (`FactIndex.months`).
    The list may be the index's own, read by every mention alike: it is never changed."""
    key = (mention.council, mention.type, month, *_told_apart_by(mention))
    if key not in facts.agreeing:
        looked_in = facts.kinds.get(key[:2], ()) if month is None else facts.months.get(key[:3], ())
        found = _agreeing(mention.type, *key[3:], looked_in)
        facts.agreeing[key] = found, frozenset(fact.article for fact in found)
    found, articles = facts.agreeing[key]
    return [fact for fact in found if fact.article != article] if article in articles else found


def _told_apart_by(mention: EventMention) -> tuple[str | None, frozenset[str], bool, str | None]:
    """What of a mention `_agreeing` tells facts apart by: its rating, people's surnames, whether
    it is a visit, and an intervention's stage."""
    stage = stage_of(mention) if mention.type == "intervention" else None
    return mention.attributes.rating, _surnames(mention), is_visit(mention), stage


def may_link(mention: EventMention, article: str, window: Window, fact: Fact) -> bool:
    """Whether `link` may look at the fact for a mention of `article` in `window`: one of another
    article, of the mention's council, that is of its type and can be it (`_candidates`) or of
    the type of the event it is told as coming after; for a mention told with neither a stretch
    nor a bound, one the window comes within two years of (`LINK_REACH`). A fact that no mention
    of an article may look at cannot move its links."""
    if fact.article == article or fact.council != mention.council:
        return False
    if mention.after and fact.type == mention.after.type:
        return True
    if fact.type != mention.type or not (mention.before or window.allows(fact.first - LINK_REACH, fact.last + LINK_REACH)):
        return False
    return bool(_agreeing(mention.type, *_told_apart_by(mention), [fact]))


def changed_facts(told: Iterable[tuple[list[Fact], list[Fact]]]) -> FactsByKind:
    """The facts that articles told before and not now, or now and not before (as often as
    their counts differ), by council and type: `told` pairs what each article told before with
    what it tells now."""
    changed: FactsByKind = {}
    for before, now in told:
        held, held_before = Counter(now), Counter(before)
        for fact in ((held - held_before) + (held_before - held)).elements():
            changed.setdefault((fact.council, fact.type), []).append(fact)
    return changed


def facts_to_look_at(mention: EventMention, facts: FactsByKind) -> Iterator[Fact]:
    """Of facts by council and type, those of the council and types that linking the mention
    looks at: its own type's, and that of the event it is told as coming after."""
    yield from facts.get((mention.council, mention.type), ())
    if mention.after and mention.after.type != mention.type:
        yield from facts.get((mention.council, mention.after.type), ())


def _agreeing(kind: str, rating: str | None, names: frozenset[str], visit: bool, stage: str | None,
              facts: Iterable[Fact]) -> list[Fact]:
    """The facts that a mention of `kind` with that rating, those names, visit or not and at that
    stage (`stage_of`, for an intervention) can be."""
    return [fact for fact in facts
            if _ratings_agree(rating, fact.rating)
            and visit == fact.visit
            and _people_agree(kind, names, fact.names)
            and (kind != "intervention" or _stages_agree(kind, stage, fact))
            and (not fact.windowed or bool(names & fact.names) or (rating is not None and rating == fact.rating))]


def _stages_agree(kind: str, stage: str | None, fact: Fact) -> bool:
    """Whether a mention of `kind` at `stage` (`stage_of`) and a fact can be one event: the same
    stage; for an intervention, the same where both tell theirs (a commissioner sent in is never
    the trust ordered later, but "the government has appointed" may be either)."""
    if kind == "intervention":
        return not (stage and fact.stage) or stage == fact.stage
    return stage == fact.stage


def _ratings_agree(rating: str | None, other: str | None) -> bool:
    return not (rating and other) or rating == other


def _people_agree(kind: str, names: frozenset[str], others: frozenset[str]) -> bool:
    if names and kind in APPOINTMENTS:
        return bool(names & others)
    return not (names and others) or bool(names & others)


def _date_after(index: int, mention: EventMention, article: str, window: Window,
                facts: FactIndex, resolve: Resolver) -> Link | None:
    """"Five weeks after the second inadequate rating": when exactly one event of that type and
    rating that the archive dates to a month or better can be the one meant (its stretch later,
    the mention lies in the window), the mention lies that stretch after it; words relative to publication ("on
    Wednesday") then place the article as for any dated event."""
    offset = mention.after
    # "after it was rated inadequate" counts from a report that rated it so, not from an unrated letter
    names = _surnames(mention) if offset.type in APPOINTMENTS else frozenset()  # type: ignore[union-attr]
    earlier = [fact for fact in facts.kinds.get((mention.council, offset.type), ())  # type: ignore[union-attr]
               if fact.article != article and not fact.bounded
               and (not offset.rating or fact.rating == offset.rating)  # type: ignore[union-attr]
               and (not names or bool(fact.names & names))]  # "after 21 months as interim director": her own appointment
    return _placed_after(index, mention, window, earlier, resolve)


def _date_after_own(index: int, mention: EventMention, window: Window, siblings: Sequence[EventMention],
                    resolve: Resolver) -> Link | None:
    """"Their report was published on Tuesday, six weeks after the inspection ended": a stretch
    counted from an event the article itself tells by its month alone ("four weeks in June")
    places the article, in a window of a year or so, in the one year where the month, the
    stretch and the words fit. The year is the window's, so the link cites no article."""
    offset = mention.after
    if not window.within(RELATIVE_WINDOW_DAYS):
        return None
    months = {int(told.group(1)) for sibling in siblings
              if (sibling.council, sibling.type) == (mention.council, offset.type)  # type: ignore[union-attr]
              and (told := YEAR_UNKNOWN_MONTH.fullmatch(sibling.date or ""))}
    if len(months) != 1:
        return None
    month = months.pop()
    earlier = [_month_fact(mention.council, offset.type, year, month)  # type: ignore[union-attr]
               for year in range(window.after.year - 1, window.before.year + 1)]  # type: ignore[union-attr]
    found = _placed_after(index, mention, window, earlier, resolve)
    return replace(found, sources=frozenset()) if found else None


def _month_fact(council: str, kind: str, year: int, month: int) -> Fact:
    value = f"{year}-{month:02d}"
    span = edtf.parse(value)
    return Fact(council, kind, span.first, span.last, None, frozenset(), "", value)  # type: ignore[arg-type]


def _placed_after(index: int, mention: EventMention, window: Window, earlier: list[Fact], resolve: Resolver) -> Link | None:
    """The link of a mention told a stretch after one of `earlier` (see `_date_after`)."""
    offset = mention.after
    told = {value: fact for fact in earlier if (fact.last - fact.first).days <= MONTH_FACT_DAYS
            and (value := edtf.shifted(fact.value, offset.duration))  # type: ignore[union-attr]
            and window.allows(edtf.parse(value).first, dt.date.max)}  # type: ignore[arg-type]
    if mention.date_text:  # "resigned on Monday, eleven days after the report": stretches the words can end in the window
        placed = {value: found for value, fact in told.items() if (found := _ended_by_words(index, mention, window, fact, value, resolve))}
        best = _one_value(placed)
        if best is not None:  # placed within a week, the words date the mention once it is read on that window
            found = placed[best]
            date = None if found.window.within(WEEK_DAYS) else _told_within(mention, best, resolve)
            return replace(found, date=date, window=_published_after(found.window, date),
                           sources=frozenset(told[value].article for value in placed))
    value = _one_value(told)
    if value is None:
        return None  # none, or two events that fit ("after the inadequate rating" of 2013 or of 2015)
    span = edtf.parse(value)
    sources = frozenset(fact.article for fact in told.values())
    if mention.news:  # "has left, a month after the rating": published in that stretch's end
        return Link(index, value, Window(span.first, span.last), sources)
    return Link(index, value, Window(after=span.first), sources)


def _published_after(window: Window, date: str | None) -> Window:
    """The window of an article that tells as past ("the visit, on 15 and 16 October, looked at")
    an event its link dates: published on or after the event's first day."""
    first = edtf.parse(date).first if date else None
    return (window.meet(Window(after=first)) or window) if first else window


def _told_within(mention: EventMention, stretch: str, resolve: Resolver) -> str:
    """The mention's own date, as its words give it read at the stretch's end, when they name a
    month ("on 4 and 5 October", eight months after a February report) and it lies within the
    stretch: the words are more precise than the count; else the stretch."""
    if not YEAR_UNKNOWN_MONTH.match(mention.date or ""):
        return stretch  # "on Thursday" counts from publication, not from the stretch
    span = edtf.parse(stretch)
    words = resolve(mention, span.last)  # type: ignore[arg-type]
    own = edtf.parse(words)
    inside = own.known and span.first <= own.first and own.last <= span.last  # type: ignore[operator]
    return words if inside else stretch  # type: ignore[return-value]


def _one_value(told: Mapping[str, object]) -> str | None:
    """The most precise of the values, when all the others hold it (one event told at two
    precisions); None when there are none or two events."""
    value = min(told, key=lambda one: edtf.parse(one).days, default=None)
    return value if value is not None and all(edtf.compatible(value, other) for other in told) else None


def _ended_by_words(index: int, mention: EventMention, window: Window, fact: Fact, value: str,
                    resolve: Resolver) -> Link | None:
    """Where the mention's words ("on Monday") can name a day of the stretch's end `value` after `fact`."""
    span = edtf.parse(value)
    stretch = replace(fact, first=span.first, last=span.last, value=value)
    return _day_of_relative(index, mention, window, [stretch], resolve)  # type: ignore[arg-type]


def _date_of_bounded(index: int, before: str, candidates: list[Fact]) -> Link | None:
    """An event told only as what a dated one came after takes the date of the one event of its
    kind, in the months before, that the archive dates."""
    bound = edtf.parse(before)
    if not bound.known:
        return None
    first = bound.first - AFTER_REACH  # type: ignore[operator]
    fitting = {fact.value: fact for fact in candidates
               if not fact.bounded and first <= fact.first and fact.last <= bound.last}  # type: ignore[operator]
    if len({(fact.first, fact.last) for fact in fitting.values()}) != 1:
        return None
    value = min(fitting, key=lambda one: edtf.parse(one).days)
    sources = frozenset(fact.article for fact in candidates if (fact.first, fact.last) == (fitting[value].first, fitting[value].last))
    return Link(index, value, Window(), sources)


def _day_of_relative(index: int, mention: EventMention, window: Window, candidates: list[Fact],
                     resolve: Resolver, precise: bool = False) -> Link | None:
    """"published yesterday", "resigned last month": when exactly one candidate event is what the
    words can say on some publication day in the window (the one event told at two precisions
    counting once), the article appeared on a day that makes the words name a date within it or
    holding it: "last month" of a report of 6 May, "on Friday" of a commissioner another article
    dates to January, "on Friday" of the week five weeks after a report. With `precise`, the
    words must name a date holding it ("yesterday" cannot be a report of "May")."""
    fitting: dict[tuple[dt.date, dt.date], tuple[Fact, set[str]]] = {}
    for (first, last), alike in _reachable_by_span(candidates, window).items():
        fact = alike[0]  # the words are tried once for the facts of one span, which many articles tell
        if any(_nested(span, fact) for _, span in _runs_telling(mention, fact, window, resolve)):
            fitting[first, last] = fact, {one.article for one in alike}
            if not all(_spans_nest(span, other) for span in fitting for other in fitting):
                return None  # two events the words can name: "March last year" of 2010 or of 2015; one told at two precisions is one
    if not fitting:
        return None
    fact = fitting[min(fitting, key=lambda span: span[1] - span[0])][0]
    sources = set().union(*(articles for _, articles in fitting.values()))
    days = [day for run, span in _runs_telling(mention, fact, window, resolve)
            if (span.first <= fact.first and fact.last <= span.last if precise else _nested(span, fact))  # type: ignore[operator]
            for day in run]
    return Link(index, None, Window(min(days), max(days)), frozenset(sources)) if days else None


def _reachable_by_span(candidates: Iterable[Fact], window: Window) -> dict[tuple[dt.date, dt.date], list[Fact]]:
    """The candidates that an article in the window, published from the event to a reach after
    it, can tell by words relative to publication, by their first and last days."""
    reach = dt.timedelta(days=RELATIVE_REACH_DAYS)
    by_span: dict[tuple[dt.date, dt.date], list[Fact]] = {}
    for fact in candidates:
        if fact.first <= (window.before or dt.date.max) and fact.last + reach >= (window.after or dt.date.min):
            by_span.setdefault((fact.first, fact.last), []).append(fact)
    return by_span


def _runs_telling(mention: EventMention, fact: Fact, window: Window, resolve: Resolver) -> Iterator[tuple[list[dt.date], edtf.Span]]:
    """The runs of publication days, from the event on and within the window, on which the
    mention's words give one date that may overlap the fact's, in order, each with that date.

    Words relative to publication ("yesterday", "last month", "on Tuesday") give a date that
    never moves back as the publication day moves on, so the days that reach the fact start
    at the first day whose told date does not end before it; binary search finds it. And the
    days between two that tell one date all tell it, so the runs are found a few days each
    (`_run_end`: "on Tuesday" tells one date a week, "next year" one a year), up to the first
    whose told date starts after the fact."""
    first = max(fact.first, window.after or fact.first)
    last = min(fact.first + dt.timedelta(days=RELATIVE_REACH_DAYS), window.before or dt.date.max)
    if first > last:
        return
    days = (last - first).days + 1

    def told(offset: int) -> edtf.Span:
        return edtf.parse(resolve(mention, first + dt.timedelta(days=offset)))

    if not (told(0).known or told(days - 1).known):
        return  # words that give no date on any day of the window
    low, high = 0, days
    while low < high:  # the first day whose told date ends on or after the fact's start
        middle = (low + high) // 2
        span = told(middle)
        if span.known and span.last < fact.first:  # type: ignore[operator]
            low = middle + 1
        else:
            high = middle
    start, length = low, 1
    while start < days:
        span = told(start)
        end = _run_end(told, start, days - 1, length) if span.known else start
        if span.known:
            if span.first > fact.last:  # type: ignore[operator]
                return
            yield [first + dt.timedelta(days=offset) for offset in range(start, end + 1)], span
        start, length = end + 1, end - start + 1


def _run_end(told: Callable[[int], edtf.Span], start: int, limit: int, guess: int) -> int:
    """The last day, from `start` up to `limit`, that tells what `start` tells, when the run of
    such days is likely `guess` days long (as long as the one before): the run's last day is
    tried first, then the day after it, then doubling strides, and binary search settles the end."""
    span = told(start)
    low, step, stride = start, max(guess - 1, 1), 1
    while low + step <= limit and told(low + step) == span:
        low += step
        step, stride = stride, stride * 2
    high = min(low + step, limit + 1)  # from here on another date is told, or the scan has ended
    while high - low > 1:
        middle = (low + high) // 2
        if told(middle) == span:
            low = middle
        else:
            high = middle
    return low


def _months_named(words: str | None) -> set[int]:
    """The months words name ("February and March": 2 and 3): an event they tell is one that
    spans them all, never a January-to-February inspection."""
    return {edtf.MONTH_NAMES.index(name) for name in MONTH_WORD.findall(words or "")}


def _years_back(mention: EventMention) -> int | None:
    """How many years before publication's the year of a month told with one is ("April last
    year" 1, "in March this year" 0); None for a bare month."""
    counted = RELATIVE_YEAR.search(mention.date_text or "")
    return YEARS_BACK[counted.group(1).lower()] if counted else None


def _year_of_month(index: int, month: int, window: Window, candidates: list[Fact],
                   years_back: int | None = None) -> Link | None:
    """A month ("in April", "April last year") that exactly one year of the candidates can be."""
    fitting: dict[int, list[Fact]] = {}
    for fact in candidates:
        for year in (year for year, named in fact.bare_months if named == month):
            implied = _published_naming(dt.date(year, month, 1), years_back)
            if window.allows(implied.after, implied.before):  # type: ignore[arg-type]
                fitting.setdefault(year, []).append(fact)
    if len(fitting) != 1:
        return None
    (year, facts), = fitting.items()
    implied = _published_naming(dt.date(year, month, 1), years_back)
    date = f"{year}-{month:02d}"
    told_alike = all(_nested(edtf.parse(date), fact) for fact in facts)
    # "in April" of an inspection the other source dates 30 April to 11 May: the year dates the
    # article, and the mention keeps its month, which dedupe matches to the interval as before.
    return Link(index, date if told_alike else None, implied, frozenset(fact.article for fact in facts))


class NamedDay(NamedTuple):
    """A day of the month told with its weekday ("Monday 19 November")."""

    weekday: int
    """Monday 0, as `datetime.date.weekday` counts."""
    day: int
    weekday_told: re.Match[str]
    """Where the words tell the weekday (`_published_on_weekday` reads what follows it)."""


def _year_of_weekday(index: int, mention: EventMention, month: int, window: Window, day: NamedDay) -> Link | None:
    """"published today (Monday 19 November)", "launched on Sunday (April 1)": a weekday with
    its day and month falls on that weekday in one year of each few (a Monday 19 November in
    2012, 2018, 2029), so a window bounded on both sides that allows exactly one of them gives
    the year, and the day. The article appeared on that day when the words say "today", within
    the week after when the weekday leads ("Sunday (April 1)": a day of the past week), and
    before the day came round again otherwise. The year is the window's, so the link cites no
    article; two fitting years, or an open window, give none."""
    if not window.bounded:
        return None
    fitting = {}
    for year in range(window.after.year, window.before.year + 1):  # type: ignore[union-attr]
        told = _on_weekday(year, month, day)
        if told:
            published = _published_on_weekday(told, mention.date_text or "", day.weekday_told)
            if window.allows(published.after, published.before):  # type: ignore[arg-type]
                fitting[told] = published
    if len(fitting) != 1:
        return None
    (told, published), = fitting.items()
    return Link(index, told.isoformat(), published, frozenset())


def _on_its_weekday(found: Link, mention: EventMention, month: int, day: NamedDay) -> Link:
    """A month's link made a day by the weekday its words name with the day: "published today
    (Friday 27 November)" of the November another article dates to 2015 is 27 November 2015,
    and the article appeared that day (`_published_on_weekday`)."""
    year = found.window.after.year - (_years_back(mention) or 0) if found.window.after else None  # the window `_year_of_month` implies
    told = _on_weekday(year, month, day) if year else None
    published = _published_on_weekday(told, mention.date_text or "", day.weekday_told) if told else None
    met = found.window.meet(published) if published else None
    return replace(found, date=told.isoformat(), window=met) if told and met else found


def _weekday_and_day(mention: EventMention) -> NamedDay | None:
    """The weekday and day of the month the mention's words name together ("Monday 19
    November"); None unless they name both."""
    words = mention.date_text or ""
    weekday, day = WEEKDAY_WORD.search(words), DAY_OF_MONTH.search(words)
    if not (weekday and day):
        return None
    return NamedDay(WEEKDAY_NAMES.index(weekday.group(1).lower()), int(day.group(1)), weekday)


def _on_weekday(year: int, month: int, day: NamedDay) -> dt.date | None:
    """The day of that year the weekday and day of the month name, if it falls on that weekday."""
    try:
        told = dt.date(year, month, day.day)
    except ValueError:  # a 31st of a 30-day month, or a 29 February of a common year
        return None
    return told if told.weekday() == day.weekday else None


def _falls_on_its_weekday(day: NamedDay, month: int, fact: Fact) -> bool:
    """Whether a fact can be the mention's event by the weekday its words name with the day:
    "Monday 19 November" is no November of a year whose 19th is a Tuesday."""
    return any(_on_weekday(year, month, day) for year, named in fact.bare_months if named == month)


def _published_on_weekday(told: dt.date, words: str, weekday: re.Match[str]) -> Window:
    """The days an article can tell the day `told` by these words on (see `_year_of_weekday`)."""
    if TODAY.search(words):
        return Window(told, told)
    if words[weekday.end():].lstrip().startswith("("):
        return Window(told, told + dt.timedelta(days=WEEK_DAYS - 1))
    return Window(told, _until_it_comes_again(told))


def _published_naming(first: dt.date, years_back: int | None) -> Window:
    """The days an article can name the month starting on `first` on: by its bare name from then
    until it comes again; "last year" and the like in the year they count from."""
    if years_back is None:
        return Window(first, _until_it_comes_again(first))
    year = first.year + years_back
    return Window(dt.date(year, 1, 1), dt.date(year, 12, 31))


def _until_it_comes_again(first: dt.date) -> dt.date:
    """The last day an article can call the month starting on `first` by its bare name ("in
    April"): the day before that month comes round again, since the tagger resolves a bare
    month to the latest such month not after publication."""
    return dt.date(first.year + 1, first.month, 1) - dt.timedelta(days=1)


def _nested(span: edtf.Span, fact: Fact) -> bool:
    return _spans_nest((span.first, span.last), (fact.first, fact.last))  # type: ignore[arg-type]


def _spans_nest(one: tuple[dt.date, dt.date], other: tuple[dt.date, dt.date]) -> bool:
    """Whether either of two spans of days lies within the other."""
    return (one[0] <= other[0] and other[1] <= one[1]) or (other[0] <= one[0] and one[1] <= other[1])


def _day_of_news(index: int, window: Window, candidates: list[Fact]) -> Link | None:
    """News of the day ("has been rated inadequate", "published today"): when exactly one dated
    event of its council and type falls in the window, the article appeared when it did."""
    fitting = {(fact.first, fact.last) for fact in candidates if window.allows(fact.first, fact.last)}
    if len(fitting) != 1:
        return None
    (first, last), = fitting
    sources = frozenset(fact.article for fact in candidates if (fact.first, fact.last) == (first, last))
    implied = Window(first, last + dt.timedelta(days=1) if first == last else last)
    return Link(index, None, implied, sources)


def narrowed(own: Window, links: Iterable[Link]) -> tuple[Window, list[Link]]:
    """The article's window once its links are met, and the links kept: all of them, or none
    when they disagree (two links that leave no day in common cannot both be right)."""
    links = sorted(links, key=lambda one: one.index)
    window: Window | None = own
    for one in links:
        window = window.meet(one.window) if window else None
    return (window, links) if window else (own, [])
