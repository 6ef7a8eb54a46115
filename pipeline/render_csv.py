"""CSV: one row per event for spreadsheets; people, inspectorates, dates and sources that come
in lists are joined into one cell each (" | " between items, which no field contains)."""
from __future__ import annotations

import csv
import io

from models.records import Chronology, Event
from pipeline.render_words import article_urls, citations, council_events, event_date_words

COLUMNS = (
    "council", "id", "date", "date_words", "status", "type", "summary", "people", "rating",
    "inspection_kind", "inspectorates", "confidence", "alternative_dates", "sources",
)
JOIN = " | "


def to_csv(chronology: Chronology) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    urls = article_urls(chronology)
    for council, event in council_events(chronology):
        writer.writerow([council, *_cells(event, urls)])
    return buffer.getvalue()


def _cells(event: Event, urls: dict[str, str]) -> list[str]:
    people = [f"{person.name} ({person.role})" if person.role else person.name for person in event.people]
    return [
        event.id,
        event.date or "",
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
        JOIN.join(citations(event, urls)),
    ]
