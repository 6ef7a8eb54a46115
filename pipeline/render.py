"""Render: a Chronology as text. Every renderer reads the same Chronology and derives nothing.

`RENDERERS` maps a format name to a function Chronology -> str; the CLI offers exactly these.
The machine formats (json, jsonl, csv, timelinejs, ics) are pure data; the human ones (table,
md) live with the words they share in `render_words`.
"""
from __future__ import annotations

import json
from collections.abc import Callable

from models.records import Chronology
from pipeline.render_csv import to_csv
from pipeline.render_ics import to_ics
from pipeline.render_markdown import to_markdown
from pipeline.render_table import to_table
from pipeline.render_timeline import to_timelinejs
from pipeline.render_words import council_events


def to_json(chronology: Chronology) -> str:
    """pydantic's own serialiser: the same text `json.dumps(model_dump(), indent=2)` gives, 7x faster
    (a 20,000-article chronology is ~65 MB of JSON)."""
    return chronology.model_dump_json(indent=2) + "\n"


def to_jsonl(chronology: Chronology) -> str:
    """One event per line, each carrying its council (the shape `chronicle schema --jsonl` describes)."""
    lines = (
        json.dumps({"council": council, **event.model_dump(mode="json")}, ensure_ascii=False)
        for council, event in council_events(chronology)
    )
    return "".join(line + "\n" for line in lines)


RENDERERS: dict[str, Callable[[Chronology], str]] = {
    "table": to_table,
    "md": to_markdown,
    "json": to_json,
    "jsonl": to_jsonl,
    "csv": to_csv,
    "timelinejs": to_timelinejs,
    "ics": to_ics,
}
