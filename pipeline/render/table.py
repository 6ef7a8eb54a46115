"""The terminal table: per council, date (at its precision), the event in words coloured by
type, and source markers that point to the citations printed under the table.

Laid out for an 80-column terminal (dates abbreviated, the event column wraps) and for a
wide one (nothing wraps that fits). Citations are left for the terminal to wrap, one per line."""
from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

from rich.console import Console, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text

from models.records import CouncilChronology
from pipeline.render.view import ChronologyView
from pipeline.render.words import TYPE_COLOURS, WEB_URL, UrlOf, citation_numbers, event_when

DEFAULT_WIDTH = 100
"""Width of the plain-text table written to a file or a pipe, where there is no terminal to ask."""
WIDE = 120
NARROW_DATE_WIDTH = 24
"""Below WIDE columns the date column is capped at the width of "expected Jun 2011 – Aug 2011"
less "expected ": long dates wrap rather than squeeze the event."""


def to_table(view: ChronologyView, width: int | None = None) -> Iterator[str]:
    """The tables as plain text (no colour codes), for files and pipes: a council at a time."""
    buffer = io.StringIO()
    for _ in print_tables(view, _plain_console(buffer, width)):
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def render_table(view: ChronologyView, console: Console) -> None:
    """The tables straight to a console (coloured when it is a terminal), a council at a time."""
    for _ in print_tables(view, console):
        pass


def plain_text(renderables: Iterable[RenderableType], width: int | None = None) -> str:
    """What rich would print, as plain text at a given width."""
    buffer = io.StringIO()
    console = _plain_console(buffer, width)
    for renderable in renderables:
        console.print(renderable)
    return buffer.getvalue()


def _plain_console(buffer: io.StringIO, width: int | None) -> Console:
    return Console(file=buffer, width=width or DEFAULT_WIDTH, force_terminal=False, color_system=None)


def print_tables(view: ChronologyView, console: Console) -> Iterator[None]:
    """Print each council's table, then its citations, pausing after each council (so that text
    written to a buffer can be handed on as it goes). Citations are soft-wrapped: rich never
    breaks them, the terminal wraps them where it must, so a web address is never cut by a
    hard newline and copies (or clicks, as an OSC 8 hyperlink) whole."""
    for block in view.councils():
        table, notes = council_table(block, view.url_of, narrow=console.width < WIDE)
        console.print(table)
        console.print(citation_lines(notes), soft_wrap=True)
        console.print()
        yield
    if not view.totals.councils:
        console.print("No events found.")
        yield


def council_table(block: CouncilChronology, url_of: UrlOf, *, narrow: bool = False) -> tuple[Table, list[str]]:
    """The council's table and the citations its source markers number. Sources that disagree on
    the date each get a line of the date cell; in a narrow terminal the date column is capped so
    the event keeps most of the width."""
    table = Table(title=block.council, title_justify="left", title_style="bold", expand=False)
    table.add_column("Date", max_width=NARROW_DATE_WIDTH if narrow else None, overflow="fold")
    table.add_column("Event", ratio=1, overflow="fold")
    table.add_column("Src", justify="right", max_width=9)
    notes: list[str] = []
    for event in block.told():
        markers = " ".join(str(number) for number in citation_numbers(event, url_of, notes))
        date = Text(event_when(event, short=True, separator="\n"))  # Text, not markup: "[bold]" in a publisher stays words
        table.add_row(date, Text(event.summary, style=TYPE_COLOURS.get(event.type, "")), markers)
    return table, notes


def citation_lines(notes: list[str]) -> Text:
    """The numbered citations, dim; each web address in them is a hyperlink where the terminal
    shows them (rich writes OSC 8 only to a terminal)."""
    lines = Text("\n".join(f"[{number}] {note}" for number, note in enumerate(notes, 1)), style="dim")
    for address in WEB_URL.finditer(lines.plain):
        lines.stylize(Style(link=address.group()), address.start(), address.end())
    return lines
