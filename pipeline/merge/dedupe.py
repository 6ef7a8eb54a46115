"""Dedupe: one real-world event per group of mentions that report it.

Mentions of the same council and type merge when their dates can be one date at their
precisions and their people do not conflict. The merged date is the most precise consistent
one. A mention without a date of its own joins the event its own article dates near its
publication (never the one of years before that it recalls); a wholly
undated one ("XXXX", from an undated article) otherwise joins only the council's single event
of its type, since it could be any of several. `Cluster.accepts` lists every rule.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from models import edtf
from models.records import EventMention
from pipeline.merge.dating import unplaced

SAME_PERSON_TOLERANCE_DAYS = 62
"""The same person's resignation (or appointment) told by two sources a month or two apart is
one event whose sources disagree: reporters date an announcement, a notice period or a last
day. Two months covers the cases in our corpus; beyond that it is more likely a second event."""


FORETOLD_WITHIN_DAYS = 183
"""Announcements in our corpus ("within weeks", "in the new year") come true within six months;
an event of the same type later than that is more likely another one."""


@dataclass
class Cluster:
    """Mentions judged to be one event, with the date they agree on."""

    origins: Mapping[str, str] = field(default_factory=dict)
    """Syndicated copy's article id → its original's: a copy tells its story as the original does."""
    mentions: list[EventMention] = field(default_factory=list)
    date: str | None = None
    articles: set[str] = field(default_factory=set)
    """The stories (articles, copies counted as their original) that tell this event."""
    names: set[str] = field(default_factory=set)
    """Everyone the mentions name; kept up to date by `add`, since `accepts` asks for every mention."""

    def story(self, mention: EventMention) -> str:
        return _story(self.origins, mention)

    def names_differ(self, mention: EventMention) -> bool:
        """Whether the mention names people and none of them is this event's."""
        names = {person.name for person in mention.people}
        return bool(names and self.names and names.isdisjoint(self.names))

    def accepts(self, mention: EventMention) -> bool:
        if self.names_differ(mention):
            return False
        names = {person.name for person in mention.people}
        same_person = bool(names & self.names)
        told_here = self.story(mention) in self.articles
        return (
            self._dates_agree(mention)
            or (same_person and self._dates_near(mention))
            or (told_here and (_undated(mention) or (mention.news and not names)) and self._news_of(mention))
            or (_undated(mention) and same_person and self._before(mention))
            or self._foretold(mention)
        )

    def _before(self, mention: EventMention) -> bool:
        """Whether this event happened before the mention was published: an undated mention of a
        person's event ("the secondment of Graham Pettifer") can point back, never forward."""
        span, published = edtf.parse(self.date), edtf.parse(mention.date)
        return span.known and published.known and span.last <= published.last  # type: ignore[operator]

    def _foretold(self, mention: EventMention) -> bool:
        """An event announced without a date ("a commissioner will be appointed within weeks")
        is the one that then happens, when it happens within months of the announcement."""
        if not (mention.status == "expected" and _undated(mention)):
            return False
        span, announced = edtf.parse(self.date), edtf.parse(mention.date)
        if not (span.known and announced.known):
            return False
        delay = (span.first - announced.first).days  # type: ignore[operator]
        return 0 <= delay <= FORETOLD_WITHIN_DAYS

    def _news_of(self, mention: EventMention) -> bool:
        """Whether news of the day ("have been graded inadequate"), or an event told without a
        date of its own ("They rated the authority inadequate"), can be this event its article
        dates: one near the publication, not the one of years before it recalls ("also judged
        inadequate in 2012")."""
        return _unknown(mention.date) or _unknown(self.date) or self._dates_near(mention)

    def _dates_near(self, mention: EventMention) -> bool:
        gap = edtf.gap_days(self.date, mention.date)
        return gap is not None and gap <= SAME_PERSON_TOLERANCE_DAYS

    def _dates_agree(self, mention: EventMention) -> bool:
        wholly_unknown = _unknown(mention.date) or _unknown(self.date)
        if wholly_unknown:
            return self.story(mention) in self.articles
        return edtf.compatible(self.date, mention.date)

    def add(self, mention: EventMention) -> None:
        self.mentions.append(mention)
        self.articles.add(self.story(mention))
        self.names.update(person.name for person in mention.people)
        if self.date is not None and _undated(mention):
            return
        if self.date is None or edtf.compatible(self.date, mention.date):
            self.date = mention.date if self.date is None else edtf.more_precise(self.date, mention.date)

    @property
    def disagreeing_dates(self) -> list[str]:
        """Dates some sources give that cannot be the merged date: kept, never dropped."""
        told = [m.date for m in self.mentions if not _undated(m) and not _unknown(m.date)]
        return sorted({date for date in told if not edtf.compatible(self.date, date)})


def _story(origins: Mapping[str, str], mention: EventMention) -> str:
    """The story a mention tells: its article, or the original a syndicated copy reprints."""
    return origins.get(mention.source.article, mention.source.article)


def _undated(mention: EventMention) -> bool:
    """Told without a date of its own: it carries the publication month (or XXXX) instead.
    Such a mention joins the event its own article dates, whatever that date is. News told in
    the present perfect ("has confirmed") is dated: the publication is its date; so is a mention
    the archive dated."""
    no_date = mention.date_text is None or _unknown(mention.date)  # "since then", "yesterday" in an undated article
    return no_date and not mention.news and mention.source.date_basis == "stated"


def _unknown(date: str | None) -> bool:
    return not date or date == "XXXX"


def cluster(mentions: Iterable[EventMention], origins: Mapping[str, str] | None = None) -> list[Cluster]:
    """Group mentions into events, per council and type, in a deterministic order.

    Precise dates are placed first so that a vague mention joins the event it fits, rather
    than a vague mention seeding a cluster that two different precise events then share. An
    event told only as what another came after, that dating did not place, is left out: it is
    evidence for dating, not an event with a date."""
    groups: dict[tuple[str, str], list[EventMention]] = {}
    for mention in mentions:
        if not unplaced(mention):
            groups.setdefault((mention.council, mention.type), []).append(mention)
    clusters: list[Cluster] = []
    for key in sorted(groups):
        clusters.extend(_cluster_group(sorted(groups[key], key=_placing_order), origins or {}))
    return clusters


def _placing_order(mention: EventMention) -> tuple:
    return (
        _undated(mention),
        edtf.precision(mention.date),
        edtf.sort_key(mention.date),
        mention.source.article,
        mention.source.start,
    )


def _cluster_group(mentions: list[EventMention], origins: Mapping[str, str]) -> list[Cluster]:
    events = _Index(origins)
    for mention in mentions:
        events.add(mention, _home(events.clusters, events.candidates(mention), mention))
    return events.clusters


def _home(clusters: list[Cluster], candidates: list[Cluster], mention: EventMention) -> Cluster | None:
    """The event a mention belongs to; None for a new one. When several fit, the mention's own
    article decides; a month of unknown year that fits several events stays apart rather than
    being given a year by guesswork. A wholly undated mention joins the council's only event of
    its type, if it has only one and names no one else. Only `candidates` (those of `clusters` that could) are asked."""
    fitting = [c for c in candidates if c.accepts(mention)]
    if not fitting and _unknown(mention.date) and len(clusters) == 1 and not clusters[0].names_differ(mention):
        return clusters[0]
    if len(fitting) > 1:
        own = [c for c in fitting if c.story(mention) in c.articles]
        if own:
            return own[0]
        if mention.date and mention.date.startswith("XXXX"):
            return None
    return fitting[0] if fitting else None


Key = tuple[str, "str | int"]
"""What an event is filed under: a story it tells, a person it names, a year its date touches,
a month it touches when shorter than a year, its month when its year is unknown, or its date
being one nothing can read ("201X")."""


class _Index:
    """The events of one council and type in the order they were found, filed so that a mention
    is asked of only those that could accept it: the events its story tells, those naming its
    people, and those whose date can be its date (or, for an announcement, follow it within
    months). Every rule of `Cluster.accepts` needs one of these, so the events passed over are
    ones that would refuse the mention, and asking the rest in order finds what asking all would.
    Without it dedupe is quadratic in a council's events (2.3 million `accepts` on 20,000 articles)."""

    def __init__(self, origins: Mapping[str, str]) -> None:
        self.clusters: list[Cluster] = []
        self._origins = origins
        self._positions: dict[int, int] = {}
        self._events: dict[Key, set[int]] = {}

    def candidates(self, mention: EventMention) -> list[Cluster]:
        """The events that could accept the mention, in the order they were found."""
        story = _story(self._origins, mention)
        foretold = mention.status == "expected" and _undated(mention)
        found: set[int] = set(self._events.get(("story", story), ()))
        for person in mention.people:
            found.update(self._events.get(("person", person.name), ()))
        for key in _dates_wanted(mention.date, foretold):
            found.update(self._events.get(key, ()))
        return [self.clusters[position] for position in sorted(found)]

    def add(self, mention: EventMention, home: Cluster | None) -> None:
        """Add the mention to its event (a new one when `home` is None) and file the event under
        the mention's story and people, and under its date if that has changed."""
        if home is None:
            home = Cluster(self._origins)
            self._positions[id(home)] = len(self.clusters)
            self.clusters.append(home)
        position, date = self._positions[id(home)], home.date
        home.add(mention)
        self._file(position, ("story", home.story(mention)))
        for person in mention.people:
            self._file(position, ("person", person.name))
        if home.date != date:
            for key in _dates_filed(date):
                self._events[key].discard(position)
            for key in _dates_filed(home.date):
                self._file(position, key)

    def _file(self, position: int, key: Key) -> None:
        self._events.setdefault(key, set()).add(position)


@lru_cache(maxsize=edtf.PARSED_DATES)
def _dates_filed(date: str | None) -> frozenset[Key]:
    """Where an event of this date is filed for `_dates_wanted` to find."""
    if _unknown(date):
        return frozenset()
    span = edtf.parse(date)
    if span.known:
        years = range(span.first.year, span.last.year + 1)  # type: ignore[union-attr]
        months = edtf.months_of(span)
        return frozenset([("year", year) for year in years] + [("touches month", month) for month in months])
    return frozenset([("month of unknown year", span.month) if span.month else ("unread", "")])


@lru_cache(maxsize=edtf.PARSED_DATES)
def _dates_wanted(date: str | None, foretold: bool) -> frozenset[Key]:
    """Where the events are filed whose dates could be this one (`edtf.compatible`): a known span
    shares a year with any span it lies within or contains; a month of unknown year fits spans
    shorter than a year that touch that month; dates nothing can read fit only each other.
    A date wholly unknown fits by story alone. An announcement also looks `FORETOLD_WITHIN_DAYS` on."""
    if _unknown(date):
        return frozenset()
    span = edtf.parse(date)
    if span.known:
        last = span.last
        if foretold:
            last = max(last, span.first + dt.timedelta(days=FORETOLD_WITHIN_DAYS))  # type: ignore[operator]
        years = range(span.first.year, last.year + 1)  # type: ignore[union-attr]
        months = edtf.months_of(span)
        return frozenset([("year", year) for year in years] + [("month of unknown year", month) for month in months])
    if span.month:
        return frozenset([("touches month", span.month), ("month of unknown year", span.month)])
    return frozenset([("unread", "")])
