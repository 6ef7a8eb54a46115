"""iCalendar (RFC 5545): one all-day VEVENT per event whose year is known.

A day-precision date is a one-day event (DTSTART;VALUE=DATE alone); a month, year, week or
interval starts on its first day with a DTEND (exclusive) the day after its last, so a
calendar shows the whole period. Output is byte-identical across runs: DTSTAMP is derived
from the data (the latest publication date among the event's sources), never the clock.

The calendar is written as icalendar would write it whole, without holding every VEVENT in
one Calendar: its opening lines, each VEVENT's own serialisation, then its closing line.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from models import edtf
from models.records import Event
from pipeline.render.view import ChronologyView
from pipeline.render.words import (
    UrlOf,
    citations,
    council_events,
    event_when,
    placeable,
)

PRODID = "-//chronicle//children's services chronology//EN"
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
"""DTSTAMP of an event no dated source reports: fixed, so output stays deterministic."""
CLOSING = "END:VCALENDAR\r\n"
"""The calendar's last content line: its VEVENTs are written before it."""


def to_ics(view: ChronologyView) -> Iterator[str]:
    """The calendar's opening, one VEVENT at a time, then its closing."""
    yield _empty_calendar().removesuffix(CLOSING)
    for council, event in council_events(view):
        if placeable(event):
            yield _vevent(council, event, view.url_of).to_ical().decode("utf-8")
    yield CLOSING


def _empty_calendar() -> str:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Children's services chronology")
    return calendar.to_ical().decode("utf-8")


def _vevent(council: str, event: Event, url_of: UrlOf) -> CalendarEvent:
    span = edtf.parse(event.date)
    vevent = CalendarEvent()
    vevent.add("uid", f"{event.id}@chronicle")
    vevent.add("dtstamp", _stamp(event))
    vevent.add("dtstart", span.first)
    if span.days > 1:
        vevent.add("dtend", span.last + dt.timedelta(days=1))  # type: ignore[operator]
    vevent.add("summary", f"{council}: {event.summary}")
    cited = "\n".join(citations(event, url_of))
    vevent.add("description", f"{event_when(event)}\n\n{cited}")
    vevent.add("categories", [event.type])
    vevent.add("status", "TENTATIVE" if event.status == "expected" else "CONFIRMED")
    return vevent


def _stamp(event: Event) -> dt.datetime:
    published = sorted(source.published for source in event.sources if source.published)
    if not published:
        return EPOCH
    return dt.datetime.combine(dt.date.fromisoformat(published[-1]), dt.time(), tzinfo=dt.timezone.utc)
