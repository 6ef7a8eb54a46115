"""The terminal table: per council, date (at its precision), the event in words coloured by
type, and source markers that point to the citations printed under the table.

Laid out for an 80-column terminal (dates abbreviated, the event column wraps) and for a
wide one (nothing wraps that fits)."""
from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from models.records import CouncilChronology
from pipeline.render.view import ChronologyView
from pipeline.render.words import TYPE_COLOURS, UrlOf, citation_numbers, event_when

DEFAULT_WIDTH = 100
"""Width of the plain-text table written to a file or a pipe, where there is no terminal to ask."""
WIDE = 120
NARROW_DATE_WIDTH = 24
"""Below WIDE columns the date column is capped at the width of "expected Jun 2011 – Aug 2011"
less "expected ": long dates wrap rather than squeeze the event."""


def to_table(view: ChronologyView, width: int | None = None) -> Iterator[str]:
    """The tables as plain text (no colour codes), for files and pipes: a council at a time."""
    return plain_text_chunks(council_tables(view, width or DEFAULT_WIDTH), width)


def render_table(view: ChronologyView, console: Console) -> None:
    """The tables straight to a console (coloured when it is a terminal), a council at a time."""
    for renderable in council_tables(view, console.width):
        console.print(renderable)


def plain_text(renderables: Iterable[RenderableType], width: int | None = None) -> str:
    """What rich would print, as plain text at a given width."""
    return "".join(plain_text_chunks(renderables, width))


def plain_text_chunks(renderables: Iterable[RenderableType], width: int | None = None) -> Iterator[str]:
    """What rich would print, as plain text at a given width, a renderable at a time."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width or DEFAULT_WIDTH, force_terminal=False, color_system=None)
    for renderable in renderables:
        console.print(renderable)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def council_tables(view: ChronologyView, width: int) -> Iterator[RenderableType]:
    for block in view.councils():
        yield council_table(block, view.url_of, narrow=width < WIDE)
    if not view.totals.councils:
        yield "No events found."


def council_table(block: CouncilChronology, url_of: UrlOf, *, narrow: bool = False) -> Group:
    """The council's table and, beneath it, its numbered citations. Sources that disagree on the
    date each get a line of the date cell; in a narrow terminal the date column is capped so the
    event keeps most of the width."""
    table = Table(title=block.council, title_justify="left", title_style="bold", expand=False)
    table.add_column("Date", max_width=NARROW_DATE_WIDTH if narrow else None, overflow="fold")
    table.add_column("Event", ratio=1, overflow="fold")
    table.add_column("Src", justify="right", max_width=9)
    notes: list[str] = []
    for event in block.events:
        markers = " ".join(str(number) for number in citation_numbers(event, url_of, notes))
        date = Text(event_when(event, short=True, separator="\n"))  # Text, not markup: "[bold]" in a publisher stays words
        table.add_row(date, Text(event.summary, style=TYPE_COLOURS.get(event.type, "")), markers)
    citations = Text("\n".join(f"[{number}] {note}" for number, note in enumerate(notes, 1)), style="dim")
    return Group(table, citations, Text(""))
