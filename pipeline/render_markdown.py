"""Markdown: a header saying what was read, a section per council, one line per event, and
footnote citations numbered within each council (so a section can be copied out whole)."""
from __future__ import annotations

from models.records import Chronology, CouncilChronology
from pipeline.render_words import article_urls, citation_numbers, event_when, read_line


def to_markdown(chronology: Chronology) -> str:
    urls = article_urls(chronology)
    out = ["# Chronology", "", read_line(chronology), ""]
    for block in chronology.councils:
        out += _council_section(block, urls)
    if not chronology.councils:
        out += ["No events found.", ""]
    if chronology.warnings:
        out += ["## Inputs skipped or read with warnings", ""]
        out += [f"- {warning}" for warning in chronology.warnings] + [""]
    return "\n".join(out)


def _council_section(block: CouncilChronology, urls: dict[str, str]) -> list[str]:
    prefix = _slug(block.council)
    notes: list[str] = []
    lines = [f"## {block.council}", ""]
    for event in block.events:
        marks = "".join(f"[^{prefix}-{number}]" for number in citation_numbers(event, urls, notes))
        lines.append(f"- **{event_when(event)}**: {event.summary}. {marks}")
    lines.append("")
    lines += [f"[^{prefix}-{number}]: {note}" for number, note in enumerate(notes, 1)]
    lines.append("")
    return lines


def _slug(name: str) -> str:
    """A footnote prefix: footnote labels are global in a Markdown document."""
    return "".join(ch for ch in name.lower() if ch.isalnum())[:24]
