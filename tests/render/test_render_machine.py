"""TimelineJS3 and iCalendar output: the field rules each consumer enforces."""
from __future__ import annotations

import datetime as dt
import json

import icalendar

from pipeline.render import render_text
from pipeline.render.timeline import to_timelinejs
from tests.render_fixtures import sample_view


def check_timelinejs(document: dict) -> None:
    """TimelineJS3 field rules: year required and an integer; month 1-12 and day 1-31 when given
    (a day only with a month); headline text; unique_id unique among slides."""
    assert isinstance(document["title"]["text"]["headline"], str)
    assert isinstance(document["events"], list)
    seen = set()
    for slide in document["events"]:
        for key in ("start_date", "end_date"):
            if key not in slide:
                assert key == "end_date"
                continue
            date = slide[key]
            assert set(date) <= {"year", "month", "day"}
            assert isinstance(date["year"], int)
            assert 1 <= date.get("month", 1) <= 12 and isinstance(date.get("month", 1), int)
            assert 1 <= date.get("day", 1) <= 31 and isinstance(date.get("day", 1), int)
            assert "day" not in date or "month" in date
        assert slide["text"]["headline"] and slide["display_date"] and slide["group"]
        assert slide["unique_id"] not in seen
        seen.add(slide["unique_id"])


def test_timelinejs_follows_the_field_rules() -> None:
    check_timelinejs(json.loads(render_text("timelinejs", sample_view())))


def test_timelinejs_dates_keep_their_precision() -> None:
    slides = {slide["unique_id"]: slide for slide in json.loads(render_text("timelinejs", sample_view()))["events"]}
    assert slides["e1"]["start_date"] == {"year": 2011, "month": 2}
    assert slides["e2"]["start_date"] == {"year": 2011, "month": 9, "day": 7}
    assert slides["e7"]["start_date"] == {"year": 2010}
    assert slides["e4"]["end_date"] == {"year": 2011, "month": 8}
    assert slides["e5"]["end_date"] == {"year": 2011, "month": 9, "day": 11}
    assert slides["e2"]["group"] == "Medway Council"


def test_timelinejs_leaves_out_unknown_years_and_says_so() -> None:
    document = json.loads(render_text("timelinejs", sample_view()))
    assert {slide["unique_id"] for slide in document["events"]}.isdisjoint({"e6", "e8"})
    assert "2 events with an unknown year left out" in document["title"]["text"]["text"]


def vevents() -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(render_text("ics", sample_view()))
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_ics_parses_and_skips_unknown_years() -> None:
    events = vevents()
    assert set(events) == {f"e{n}@chronicle" for n in (1, 2, 3, 4, 5, 7)}


def test_ics_day_is_one_all_day_event_and_a_month_spans_the_month() -> None:
    events = vevents()
    day = events["e2@chronicle"]
    assert day.decoded("dtstart") == dt.date(2011, 9, 7) and "dtend" not in day
    month = events["e1@chronicle"]
    assert month.decoded("dtstart") == dt.date(2011, 2, 1) and month.decoded("dtend") == dt.date(2011, 3, 1)
    year = events["e7@chronicle"]
    assert year.decoded("dtend") == dt.date(2011, 1, 1)


def test_ics_is_byte_identical_across_runs() -> None:
    first = render_text("ics", sample_view())
    assert first == render_text("ics", sample_view())
    assert "DTSTAMP:20110908T000000Z" in first


def test_timelinejs_grouped_by_type_has_a_row_per_type_and_names_each_council() -> None:
    document = json.loads("".join(to_timelinejs(sample_view(), group="type")))
    check_timelinejs(document)
    slides = {slide["unique_id"]: slide for slide in document["events"]}
    assert slides["e1"]["group"] == "Inspection report" and slides["e7"]["group"] == "Improvement notice"
    assert slides["e1"]["text"]["headline"] == "Medway Council: inspection_report summary"
    assert slides["e7"]["text"]["headline"].startswith("Peterborough City Council: ")


def test_timelinejs_is_grouped_by_council_by_default() -> None:
    assert "".join(to_timelinejs(sample_view(), group="council")) == render_text("timelinejs", sample_view())
