"""Render: a Chronology as text. Every renderer reads the same Chronology and derives nothing.

`RENDERERS` maps a format name to a function Chronology -> str; the CLI offers exactly these.
"""
from __future__ import annotations

import io
import json
from collections.abc import Callable

from rich.console import Console
from rich.table import Table

from models.records import Chronology, CouncilChronology, Event, Source
from pipeline.edtf import humanise

TYPE_COLOURS = {
    "inspection": "cyan",
    "inspection_report": "bright_cyan",
    "improvement_notice": "red",
    "statutory_direction": "red",
    "intervention": "bold red",
    "resignation": "yellow",
    "departure": "yellow",
    "appointment": "green",
    "secondment": "green",
    "review": "magenta",
}


def event_date_words(event: Event) -> str:
    words = humanise(event.date)
    return f"expected {words}" if event.status == "expected" else words


def to_json(chronology: Chronology) -> str:
    return json.dumps(chronology.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def to_jsonl(chronology: Chronology) -> str:
    """One event per line, each carrying its council."""
    lines = [
        json.dumps({"council": block.council, **event.model_dump(mode="json")}, ensure_ascii=False)
        for block in chronology.councils
        for event in block.events
    ]
    return "".join(line + "\n" for line in lines)


def source_line(source: Source) -> str:
    """A citation: title, publisher, date (each when known) and where it was read."""
    parts = [f"“{source.title}”" if source.title else source.path]
    parts += [part for part in (source.publisher, humanise(source.published) if source.published else "undated") if part]
    return ", ".join(parts)


def to_markdown(chronology: Chronology) -> str:
    out = ["# Chronology", "", _read_line(chronology), ""]
    for block in chronology.councils:
        out += _markdown_council(block)
    if chronology.warnings:
        out += ["## Inputs skipped or read with warnings", ""]
        out += [f"- {warning}" for warning in chronology.warnings] + [""]
    return "\n".join(out)


def _read_line(chronology: Chronology) -> str:
    articles = chronology.articles
    dated = sorted(a.published for a in articles if a.published)
    span = f", published {humanise(dated[0])} to {humanise(dated[-1])}" if dated else ""
    undated = sum(1 for a in articles if not a.published)
    events = sum(len(block.events) for block in chronology.councils)
    return (
        f"Read {len(articles)} articles{span} ({undated} undated); "
        f"{events} events at {len(chronology.councils)} councils."
    )


def _markdown_council(block: CouncilChronology) -> list[str]:
    """A section: one line per event, footnote citations numbered within the council."""
    prefix = _slug(block.council)
    lines = [f"## {block.council}", ""]
    notes: list[str] = []
    for event in block.events:
        numbers = []
        for source in event.sources:
            note = source_line(source)
            if note not in notes:
                notes.append(note)
            numbers.append(notes.index(note) + 1)
        marks = "".join(f"[^{prefix}-{number}]" for number in sorted(set(numbers)))
        lines.append(f"- **{event_date_words(event)}**{_disagreement(event)}: {event.summary}. {marks}")
    lines.append("")
    lines += [f"[^{prefix}-{number}]: {note}" for number, note in enumerate(notes, 1)]
    lines.append("")
    return lines


def _disagreement(event: Event) -> str:
    if not event.alternative_dates:
        return ""
    return f" (other sources: {', '.join(humanise(date) for date in event.alternative_dates)})"


def _slug(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())[:24]


def to_table(chronology: Chronology, width: int | None = None) -> str:
    console = Console(file=io.StringIO(), width=width or 100, force_terminal=False, color_system=None)
    render_table(chronology, console)
    return console.file.getvalue()  # type: ignore[attr-defined]


def render_table(chronology: Chronology, console: Console) -> None:
    """One rich table per council, straight to a console (coloured when it is a terminal)."""
    for block in chronology.councils:
        table = Table(title=block.council, title_justify="left", expand=False, show_lines=False)
        table.add_column("Date", no_wrap=True)
        table.add_column("Event", ratio=1)
        table.add_column("Src", justify="right", no_wrap=True)
        for event in block.events:
            colour = TYPE_COLOURS.get(event.type, "white")
            table.add_row(event_date_words(event), f"[{colour}]{event.summary}[/]", str(len(event.sources)))
        console.print(table)
    if not chronology.councils:
        console.print("No events found.")


RENDERERS: dict[str, Callable[[Chronology], str]] = {
    "table": to_table,
    "md": to_markdown,
    "json": to_json,
    "jsonl": to_jsonl,
}
