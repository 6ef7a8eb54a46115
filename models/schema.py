"""The JSON Schema of chronicle's output, generated from the record models so it cannot drift.

`chronicle schema` prints the schema of `--format json` (a Chronology); `--jsonl` prints the
schema of one `--format jsonl` line (an Event with its council).
"""
from __future__ import annotations

from typing import Any

from models.records import Chronology, Event

DIALECT = "https://json-schema.org/draft/2020-12/schema"


class EventLine(Event):
    """One line of JSON Lines output: an event and the council it belongs to."""

    council: str


def chronology_schema() -> dict[str, Any]:
    return {"$schema": DIALECT, **Chronology.model_json_schema()}


def event_line_schema() -> dict[str, Any]:
    return {"$schema": DIALECT, **EventLine.model_json_schema()}
