"""Words every human-facing renderer shares: dates, citations, disagreements, what was read.

One function per phrase, so the table, Markdown, CSV, TimelineJS and iCalendar outputs say
the same thing the same way.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from models.edtf import humanise, parse
from models.records import Event, Source
from pipeline.render.view import ChronologyView

UrlOf = Callable[[str], str | None]
"""An article's URL by its id (`ChronologyView.url_of`)."""
Escape = Callable[[str], str]
"""Makes text taken from an article inert in one output's medium (Markdown escapes its syntax)."""
SourceLine = Callable[[Source, str | None], str]
WEB_URL = re.compile(r"https?://[^\s<>\\]+", re.I)
"""The only URLs an output makes links of: http and https (never javascript:, data: or a path)."""

TITLE = "Children's services chronology"
"""The heading of the formats that have one (the timeline page, TimelineJS's title slide)."""
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
"""Each event type's colour (rich style names): the terminal table's, which the timeline page
takes through rich's palette, so both show one key."""


def type_words(kind: str) -> str:
    """An event type as a label: "inspection_report" is "Inspection report"."""
    return kind.replace("_", " ").capitalize()


def event_date_words(event: Event, *, short: bool = False) -> str:
    """The event's date at its precision, marked when it is still to come."""
    words = humanise(event.date, short=short)
    if event.date_basis == "inferred":
        words += " (inferred)"
    return f"expected {words}" if event.status == "expected" else words


def as_is(text: str) -> str:
    return text


def source_line(source: Source, url: str | None = None, *, text: Escape = as_is, link: Escape = as_is) -> str:
    """A citation: title, publisher, date (each when known), then the URL when known; `text`
    and `link` escape what came from the article for the output's medium. An untitled article
    is named by its publisher and date; by its path only when nothing else names it."""
    if source.title:
        parts = [f"“{text(source.title)}”"]
    else:
        parts = [] if source.publisher else [text(source.path)]
    parts += [text(part) for part in (source.publisher, humanise(source.published) if source.published else "undated") if part]
    if url:
        parts.append(link(url))
    return ", ".join(parts)


def citation_numbers(event: Event, url_of: UrlOf, notes: list[str], line: SourceLine = source_line) -> list[int]:
    """The numbers of an event's citations in `notes`, appending citations not yet listed:
    a council's events share one numbered list, so an article cited twice has one number."""
    numbers = []
    for note in citations(event, url_of, line):
        if note not in notes:
            notes.append(note)
        numbers.append(notes.index(note) + 1)
    return sorted(numbers)


def citations(event: Event, url_of: UrlOf, line: SourceLine = source_line) -> list[str]:
    """The event's citations, once per article (two sentences of one article are one citation)."""
    return list(dict.fromkeys(line(source, url_of(source.article)) for source in event.sources))


def teller(source: Source) -> str:
    """The shortest name a reader knows a source by: publisher, else title, else path."""
    return source.publisher or source.title or source.path


def dated_accounts(event: Event, *, short: bool = False, separator: str = " / ") -> str:
    """Each date sources give and who gives it: "February 2011 (CYP Now) / March 2011 (Community Care)".

    A source whose own date agrees with the merged date at another precision (it said "2011"
    where another said "February 2011") counts for the merged date."""
    tellers: dict[str | None, list[str]] = {date: [] for date in [event.date, *event.alternative_dates]}
    for source in event.sources:
        names = tellers[source.date if source.date in tellers else event.date]
        if teller(source) not in names:
            names.append(teller(source))
    return separator.join(
        f"{humanise(date, short=short)} ({', '.join(names)})" if names else humanise(date, short=short)
        for date, names in tellers.items()
    )


def event_when(event: Event, *, short: bool = False, separator: str = " / ") -> str:
    """The date as shown beside an event: every account when sources disagree."""
    if not event.alternative_dates:
        return event_date_words(event, short=short)
    accounts = dated_accounts(event, short=short, separator=separator)
    return f"expected {accounts}" if event.status == "expected" else accounts


def council_events(view: ChronologyView) -> Iterator[tuple[str, Event]]:
    """(council, event) in chronology order, in one pass: the flat view of line-per-event formats."""
    for block in view.councils():
        for event in block.events:
            yield block.council, event


def placeable(event: Event) -> bool:
    """Whether an event can go on a calendar or timeline: its year (so its days) is known."""
    return parse(event.date).known


def read_line(view: ChronologyView) -> str:
    """What was read: articles, their date range, skipped inputs, and what came of it
    (from the view's totals, so the header is written before the first council is read)."""
    read, totals = view.read, view.totals
    span = ""
    if read.first_published and read.last_published:
        span = f", published {humanise(read.first_published)} to {humanise(read.last_published)}"
    problems = f"; {len(view.warnings)} inputs skipped or read with warnings" if view.warnings else ""
    return (
        f"Read {counted(read.articles, 'article')}{span} ({read.undated} undated){problems}; "
        f"{counted(totals.events, 'event')} at {counted(totals.councils, 'council')}."
    )


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
