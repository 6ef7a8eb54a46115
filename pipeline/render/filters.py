"""Filters: which events of a built chronology to show. Filtering is presentation, not
extraction: it runs after the chronology is built, so dedupe has seen every mention and an
event keeps all its sources whatever is filtered out. It is lazy: a filtered view filters each
pass over the councils as it is read.

Dates compare as spans of days (`models.edtf`): an event is kept by `since` when it may
fall on or after the first day of `since`, and by `until` when it may fall on or before the
last day of `until` ("--since 2011-06" keeps an event dated "2011", which may be in June).
Events with an unknown year cannot be placed in time and are left out whenever a date filter
is given. Councils are named by any alias the gazetteer knows; unknown names and types raise
`FilterError` with the closest known ones.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from models import edtf
from models.councils import load_gazetteer
from models.records import CouncilChronology, Event
from models.vocabulary import EVENT_TYPES
from pipeline.render.view import ChronologyView, EventTotals

ISO_PARTIAL = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


class FilterError(ValueError):
    """A filter names something chronicle does not know; the message suggests what it may mean."""


@dataclass(frozen=True)
class Filters:
    """What to keep. Empty collections and None keep everything."""

    councils: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()
    since: str | None = None
    until: str | None = None
    min_confidence: float | None = None

    @property
    def active(self) -> bool:
        return bool(self.councils or self.types or self.since or self.until or self.min_confidence is not None)


def council_name(text: str) -> str:
    """The official name of the council `text` names (any alias); FilterError if none."""
    gazetteer = load_gazetteer()
    council = gazetteer.lookup(text)
    if council is None:
        raise FilterError(f"unknown council {text!r}; closest known: {_or_none(gazetteer.closest(text))}")
    return council.name


def event_type(text: str) -> str:
    """The event type `text` names ("inspection-report" and "Inspection report" both work)."""
    key = "_".join(text.lower().replace("-", " ").split())
    if key not in EVENT_TYPES:
        close = difflib.get_close_matches(key, EVENT_TYPES, n=3, cutoff=0.5)
        raise FilterError(f"unknown event type {text!r}; closest known: {_or_none(close)} (all: {', '.join(EVENT_TYPES)})")
    return key


def iso_date(text: str) -> str:
    """A partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD) that names real days; FilterError if not."""
    if not ISO_PARTIAL.fullmatch(text) or not edtf.parse(text).known:
        raise FilterError(f"not a date: {text!r}; give YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def _or_none(names: Iterable[str]) -> str:
    return ", ".join(names) or "none"


def apply(view: ChronologyView, filters: Filters) -> ChronologyView:
    """The view with only the events `filters` keep; councils left empty are dropped. Its event
    totals are recounted (one pass now); what was read (articles, read totals, warnings) is kept
    whole: it describes the input, not the selection."""
    if not filters.active:
        return view

    def councils() -> Iterator[CouncilChronology]:
        return kept_councils(view.councils(), filters)

    return replace(view, councils=councils, totals=EventTotals.of(councils()))


def kept_councils(blocks: Iterable[CouncilChronology], filters: Filters) -> Iterator[CouncilChronology]:
    """Each council `filters` keeps, with only its events they keep; none left empty."""
    for block in blocks:
        if filters.councils and block.council not in filters.councils:
            continue
        events = [event for event in block.events if keeps(filters, event)]
        undated = [event for event in block.undated if keeps(filters, event)]
        if events or undated:
            yield CouncilChronology(council=block.council, events=events, undated=undated)


def keeps(filters: Filters, event: Event) -> bool:
    """Whether one event passes the type, confidence and date filters."""
    if filters.types and event.type not in filters.types:
        return False
    if filters.min_confidence is not None and event.confidence < filters.min_confidence:
        return False
    return _in_period(event.date, filters.since, filters.until)


def _in_period(date: str | None, since: str | None, until: str | None) -> bool:
    if not (since or until):
        return True
    span = edtf.parse(date)
    if not span.known:
        return False
    after_start = since is None or span.last >= edtf.parse(since).first  # type: ignore[operator]
    before_end = until is None or span.first <= edtf.parse(until).last  # type: ignore[operator]
    return after_start and before_end
