"""Markdown: a header saying what was read, a section per council, one line per event, and
footnote citations numbered within each council (so a section can be copied out whole)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from models.records import CouncilChronology
from pipeline.render.view import ChronologyView
from pipeline.render.words import UrlOf, citation_numbers, event_when, read_line


def to_markdown(view: ChronologyView) -> Iterator[str]:
    """The document, a section at a time."""
    return _joined(_sections(view))


def _sections(view: ChronologyView) -> Iterator[list[str]]:
    yield ["# Chronology", "", read_line(view), ""]
    for block in view.councils():
        yield _council_section(block, view.url_of)
    if not view.totals.councils:
        yield ["No events found.", ""]
    if view.warnings:
        yield ["## Inputs skipped or read with warnings", "", *(f"- {warning}" for warning in view.warnings), ""]


def _joined(sections: Iterable[list[str]]) -> Iterator[str]:
    """"\\n".join of every section's lines taken together, one section at a time."""
    separator = ""
    for lines in sections:
        yield separator + "\n".join(lines)
        separator = "\n"


def _council_section(block: CouncilChronology, url_of: UrlOf) -> list[str]:
    prefix = _slug(block.council)
    notes: list[str] = []
    lines = [f"## {block.council}", ""]
    for event in block.events:
        marks = "".join(f"[^{prefix}-{number}]" for number in citation_numbers(event, url_of, notes))
        lines.append(f"- **{event_when(event)}**: {event.summary}. {marks}")
    lines.append("")
    lines += [f"[^{prefix}-{number}]: {note}" for number, note in enumerate(notes, 1)]
    lines.append("")
    return lines


def _slug(name: str) -> str:
    """A footnote prefix: footnote labels are global in a Markdown document."""
    return "".join(ch for ch in name.lower() if ch.isalnum())[:24]
