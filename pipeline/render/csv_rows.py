"""CSV: one row per event for spreadsheets; people, inspectorates, dates and sources that come
in lists are joined into one cell each (" | " between items, which no field contains).
`date_start` and `date_end` (ISO days of the date's interval) are what a spreadsheet sorts by."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence

from models import edtf
from models.records import Event
from pipeline.render.view import ChronologyView
from pipeline.render.words import UrlOf, citations, event_date_words

COLUMNS = (
    "council", "id", "date", "date_start", "date_end", "date_words", "status", "type", "summary", "people", "rating",
    "inspection_kind", "inspectorates", "confidence", "alternative_dates", "sources",
)
JOIN = " | "


def to_csv(view: ChronologyView) -> Iterator[str]:
    """The header row, then each council's rows together."""
    yield _csv_lines([COLUMNS])
    for block in view.councils():
        yield _csv_lines([block.council, *_cells(event, view.url_of)] for event in block.events)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet run a cell as a formula (OWASP's list for CSV injection)."""


def _csv_lines(rows: Iterable[Sequence[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([inert(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def inert(cell: str) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula gets a leading quote."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def _cells(event: Event, url_of: UrlOf) -> list[str]:
    people = [f"{person.name} ({person.role})" if person.role else person.name for person in event.people]
    return [
        event.id,
        event.date or "",
        *(day or "" for day in edtf.bounds(event.date)),
        event_date_words(event),
        event.status,
        event.type,
        event.summary,
        JOIN.join(people),
        event.attributes.rating or "",
        event.attributes.inspection_kind or "",
        JOIN.join(event.attributes.inspectorates),
        f"{event.confidence:.2f}",
        JOIN.join(event.alternative_dates),
        JOIN.join(citations(event, url_of)),
    ]
