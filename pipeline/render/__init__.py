"""Render: a chronology as text. Every renderer reads the same ChronologyView and derives nothing.

`RENDERERS` maps a format name to a function ChronologyView -> text in chunks; `FILE_WRITERS`
maps the formats that are files rather than text (a SQLite database) to a function that writes
one at a path. The CLI offers exactly these (`FORMATS`). A renderer reads the view council by council and yields as it goes, so an
archive's chronology is written without ever being held whole (in memory or as text). The
machine formats (json, jsonl, csv, timelinejs, ics, sqlite) are pure data; the human ones (table,
md, html) live with the words they share in `render.words`.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from pydantic import BaseModel

from models.records import Chronology
from pipeline.render.csv_rows import to_csv
from pipeline.render.html_page import to_html
from pipeline.render.ics import to_ics
from pipeline.render.json_stream import with_arrays
from pipeline.render.markdown import to_markdown
from pipeline.render.sqlite_db import write_sqlite
from pipeline.render.table import to_table
from pipeline.render.timeline import to_timelinejs
from pipeline.render.view import ChronologyView
from pipeline.render.words import council_events

Renderer = Callable[[ChronologyView], Iterator[str]]


def to_json(view: ChronologyView) -> Iterator[str]:
    """Byte for byte `Chronology.model_dump_json(indent=2)` of the whole chronology, one council or
    article at a time; each is pydantic's own serialisation (7x faster than json.dumps: a
    20,000-article chronology is ~65 MB of JSON)."""
    skeleton = Chronology(schema_version=view.schema_version, councils=[], articles=[], warnings=view.warnings)
    yield from with_arrays(skeleton.model_dump_json(indent=2) + "\n", {
        "councils": _serialised(view.councils),
        "articles": _serialised(view.articles),
    })


def _serialised(records: Callable[[], Iterable[BaseModel]]) -> Iterator[str]:
    """Each record as pydantic writes it; the pass starts only when the first is wanted, so the
    articles are not opened while the councils are being written."""
    for record in records():
        yield record.model_dump_json(indent=2)


def to_jsonl(view: ChronologyView) -> Iterator[str]:
    """One event per line, each carrying its council (the shape `chronicle schema --jsonl` describes)."""
    for council, event in council_events(view):
        yield json.dumps({"council": council, **event.model_dump(mode="json")}, ensure_ascii=False) + "\n"


RENDERERS: dict[str, Renderer] = {
    "table": to_table,
    "md": to_markdown,
    "json": to_json,
    "jsonl": to_jsonl,
    "csv": to_csv,
    "timelinejs": to_timelinejs,
    "ics": to_ics,
    "html": to_html,
}
FileWriter = Callable[[ChronologyView, Path], None]
FILE_WRITERS: dict[str, FileWriter] = {"sqlite": write_sqlite}
FORMATS = (*RENDERERS, *FILE_WRITERS)


def render_text(fmt: str, view: ChronologyView) -> str:
    """The whole output of one format as one string: for tests and small chronologies."""
    return "".join(RENDERERS[fmt](view))
