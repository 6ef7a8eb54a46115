"""Renderers read a ChronologyView a council at a time and yield as they go, and what they
yield, joined, is exactly what rendering the whole chronology at once would give."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cache
from typing import TypeVar

import pytest

from models.records import Chronology, CouncilChronology
from pipeline.engine.build import build
from pipeline.render import RENDERERS, render_text
from pipeline.render.view import ChronologyView
from tests.paths import SAMPLES
from tests.render_fixtures import sample, sample_view

BASIC = str(SAMPLES / "basic")
ONE_PASS_FORMATS = sorted(set(RENDERERS) - {"timelinejs"})
"""TimelineJS counts the events it cannot place before its title, so it reads the councils twice."""
T = TypeVar("T")


@cache
def basic() -> Chronology:
    return build([BASIC]).chronology


def with_awkward_warnings(chronology: Chronology) -> Chronology:
    """Warnings whose JSON needs escaping: quotes, a backslash, a newline, non-ASCII."""
    warnings = ['dump/“Médway”.html: not UTF-8', 'C:\\dump\\a "quoted" name.txt:\nempty']
    return chronology.model_copy(update={"warnings": warnings})


CHRONOLOGIES: dict[str, Callable[[], Chronology]] = {
    "empty": lambda: Chronology(councils=[]),
    "sample": sample,
    "basic": basic,
    "basic with warnings": lambda: with_awkward_warnings(basic()),
}


@pytest.mark.parametrize("name", CHRONOLOGIES)
def test_json_is_pydantics_serialisation_of_the_whole_chronology(name: str) -> None:
    chronology = CHRONOLOGIES[name]()
    assert render_text("json", ChronologyView.of(chronology)) == chronology.model_dump_json(indent=2) + "\n"


@pytest.mark.parametrize("name", ["empty", "sample"])
def test_timelinejs_is_laid_out_as_one_json_document(name: str) -> None:
    text = render_text("timelinejs", ChronologyView.of(CHRONOLOGIES[name]()))
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def once(records: Callable[[], Iterator[T]]) -> Callable[[], Iterator[T]]:
    """A source good for one pass only, like a stream read from disk once."""
    passes = 0

    def one_pass() -> Iterator[T]:
        nonlocal passes
        passes += 1
        assert passes == 1, "a second pass over a one-pass source"
        return records()

    return one_pass


@pytest.mark.parametrize("fmt", ONE_PASS_FORMATS)
def test_one_pass_over_the_councils_is_enough(fmt: str) -> None:
    view = sample_view()
    one_shot = replace(view, councils=once(view.councils), articles=once(view.articles))
    assert render_text(fmt, one_shot) == render_text(fmt, view)


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_each_council_is_written_before_the_next_is_read(fmt: str) -> None:
    view = sample_view()
    reading: list[str] = []

    def councils() -> Iterator[CouncilChronology]:
        for block in view.councils():
            reading.append(block.council)
            yield block

    chunks = RENDERERS[fmt](replace(view, councils=councils))
    first_council = [reading[-1] for chunk in chunks if "Medway Council" in chunk]
    assert first_council and set(first_council) == {"Medway Council"}
