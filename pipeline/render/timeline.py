"""TimelineJS3 JSON (Knight Lab, https://timeline.knightlab.com/docs/json-format.html).

A slide's `start_date` (and `end_date` for a span) carries only the parts the event's date
gives: a month-precision event has no `day`, never an invented first of the month. Year,
month and day are numbers, as TimelineJS requires of `year`. Events whose year is unknown
cannot be placed on a timeline: they are left out and the title slide says how many, which
is counted in a first pass over the councils, since the title is written before any slide.
"""
from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Iterator

from models import edtf
from models.records import Event
from pipeline.render.json_stream import with_arrays
from pipeline.render.view import ChronologyView
from pipeline.render.words import (
    TITLE,
    UrlOf,
    citations,
    council_events,
    counted,
    event_date_words,
    placeable,
    read_line,
    type_words,
)

GROUPS = ("council", "type")
"""What a slide's `group` (its row on the timeline) is: its council, or its event type. TimelineJS
gives each group a row; a many-council file is readable as rows of types, or cut with --council."""


def to_timelinejs(view: ChronologyView, group: str = "council") -> Iterator[str]:
    """The title slide, then one slide at a time (two passes over the councils)."""
    left_out = sum(1 for block in view.councils() for event in block.told() if not placeable(event))
    title = {"text": {"headline": TITLE, "text": _title_text(view, left_out)}}
    skeleton = json.dumps({"title": title, "events": []}, ensure_ascii=False, indent=2) + "\n"
    yield from with_arrays(skeleton, {"events": _slides(view, group)})


def _slides(view: ChronologyView, group: str) -> Iterator[str]:
    for council, event in council_events(view):
        if placeable(event):
            yield json.dumps(_slide(council, event, view.url_of, group), ensure_ascii=False, indent=2)


def _title_text(view: ChronologyView, left_out: int) -> str:
    note = f"<p>{counted(left_out, 'event')} with an unknown year left out: a timeline cannot place them.</p>" if left_out else ""
    return f"<p>{html.escape(read_line(view))}</p>{note}"


def _slide(council: str, event: Event, url_of: UrlOf, group: str) -> dict:
    """One event's slide; grouped by type, its headline names the council its row no longer does."""
    value = (event.date or "").rstrip("~?%")
    first, _, last = value.partition("/")
    slide: dict = {"start_date": date_object(first)}
    if last or "W" in first:
        slide["end_date"] = date_object(last) if last else _day(edtf.parse(first).last)  # type: ignore[arg-type]
    cited = "".join(f"<li>{html.escape(note)}</li>" for note in citations(event, url_of))
    headline = event.summary if group == "council" else f"{council}: {event.summary}"
    slide.update({
        "display_date": event_date_words(event),
        "text": {"headline": html.escape(headline), "text": f"<ul>{cited}</ul>"},
        "group": council if group == "council" else type_words(event.type),
        "unique_id": event.id,
    })
    return slide


def date_object(value: str) -> dict[str, int]:
    """A TimelineJS date at the value's precision: {"year"}, {"year", "month"} or all three.
    A week starts on its Monday (day precision)."""
    span = edtf.parse(value)
    if "W" in value:
        return _day(span.first)
    parts = ("year", "month", "day")[: value.count("-") + 1]
    whole = {"year": span.first.year, "month": span.first.month, "day": span.first.day}  # type: ignore[union-attr]
    return {part: whole[part] for part in parts}


def _day(day: dt.date) -> dict[str, int]:
    return {"year": day.year, "month": day.month, "day": day.day}
