"""Filters on a built chronology's view: councils by any alias, types, dates as spans,
confidence; applied lazily, on each pass over the councils."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from models.records import CouncilChronology
from pipeline.render.filters import (
    FilterError,
    Filters,
    apply,
    council_name,
    event_type,
    iso_date,
)
from pipeline.render.view import EventTotals
from tests.render_fixtures import sample_view


def ids(filters: Filters) -> list[str]:
    return [event.id for block in apply(sample_view(), filters).councils() for event in block.told()]


def test_no_filter_keeps_the_view_as_it_is() -> None:
    view = sample_view()
    assert apply(view, Filters()) is view


def test_council_is_named_by_any_alias() -> None:
    assert council_name("Peterborough") == council_name("Peterborough City Council") == "Peterborough City Council"
    assert ids(Filters(councils=frozenset({council_name("peterborough")}))) == ["e7", "e8"]


def test_unknown_council_suggests_the_closest() -> None:
    with pytest.raises(FilterError, match="Peterborough City Council"):
        council_name("Peterborugh")


def test_unknown_type_suggests_the_closest() -> None:
    with pytest.raises(FilterError, match="resignation"):
        event_type("resignaton")


def test_type_accepts_words_or_underscores() -> None:
    assert event_type("Inspection report") == event_type("inspection-report") == "inspection_report"


def test_since_keeps_events_that_may_fall_after_it_and_drops_unknown_years() -> None:
    assert ids(Filters(since="2011-06")) == ["e2", "e3", "e4", "e5"]


def test_until_compares_with_the_last_day_of_a_partial_date() -> None:
    assert ids(Filters(until="2011-02")) == ["e1", "e7"]


def test_a_year_event_overlaps_a_month_filter() -> None:
    assert "e7" in ids(Filters(since="2010-12", until="2010-12"))


def test_min_confidence_and_type_combine() -> None:
    assert ids(Filters(types=frozenset({"inspection", "review"}), min_confidence=0.6)) == ["e4"]


def test_councils_left_empty_are_dropped_but_articles_and_warnings_kept() -> None:
    view = sample_view()
    filtered = apply(view, Filters(types=frozenset({"resignation"})))
    assert [block.council for block in filtered.councils()] == ["Medway Council"]
    assert list(filtered.articles()) == list(view.articles())
    assert filtered.read == view.read and filtered.warnings == view.warnings


def test_filtered_totals_count_only_what_is_kept() -> None:
    filtered = apply(sample_view(), Filters(types=frozenset({"resignation", "intervention"})))
    assert filtered.totals == EventTotals(events=2, councils=2)


def test_each_pass_over_a_filtered_view_reads_its_source_afresh() -> None:
    view = sample_view()
    passes = []

    def councils() -> Iterator[CouncilChronology]:
        passes.append(len(passes))
        return view.councils()

    filtered = apply(replace(view, councils=councils), Filters(since="2011-06"))
    assert len(passes) == 1  # the totals are counted once, when the filter is applied
    assert list(filtered.councils()) == list(filtered.councils())
    assert len(passes) == 3


@pytest.mark.parametrize("text", ["2011-13", "March 2011", "11-03-2011", "2011-02-30"])
def test_bad_dates_are_refused(text: str) -> None:
    with pytest.raises(FilterError):
        iso_date(text)
