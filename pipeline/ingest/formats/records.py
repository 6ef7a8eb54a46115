"""Article records: JSON Lines (one object a line) and JSON (an array of objects, one object, or an
object wrapping an array, as news-API exports do).

Field names differ from one export to the next, so each field is looked for under the names in
`FIELD_NAMES`, in order, case-insensitively. A body that is HTML is extracted like a saved page.
Each record is read on its own: a line that is not JSON, or a record without text, is one
Problem naming `file.jsonl#L12` (line) or `file.json#3` (record index from 0) and the rest is read.
"""
from __future__ import annotations

import json
from collections.abc import Iterator

from models.records import Article, Problem
from pipeline.ingest.formats import html as html_format
from pipeline.ingest.formats import is_html
from pipeline.ingest.formats.stream import Input, InputError
from pipeline.ingest.formats.text import decode, parse_text_article
from pipeline.ingest.manifest import Fields, Manifest

FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article"),
    "title": ("title", "headline"),
    "published": ("published", "date", "publication_date", "pubdate"),
    "url": ("url", "link"),
    "publisher": ("publisher", "source", "site"),
    "author": ("author", "byline"),
}
NESTED_KEYS = ("name", "rendered", "value", "text")
"""Where a field given as an object keeps its value (NewsAPI `source.name`, WordPress `content.rendered`)."""
WRAPPER_KEYS = ("articles", "records", "items", "data", "results")
"""Where exports that wrap their array in an object keep it (NewsAPI: `articles`)."""


def read_jsonl(source: Input, manifest: Manifest) -> Iterator[Article | Problem]:
    """One article per line; blank lines are passed over, a bad line is reported by its number."""
    found = False
    for number, raw in enumerate(source.lines(), start=1):
        if not raw.strip():
            continue
        path = f"{source.path}#L{number}"
        try:
            decoded = decode(raw)
            record = json.loads(decoded.text)
        except (InputError, ValueError, RecursionError) as error:
            yield Problem(path=path, reason=f"line {number} is not JSON ({_why(error)})")
            continue
        found = True
        if decoded.warning:
            yield Problem(path=path, reason=decoded.warning, skipped=False)
        yield _read_record(record, path, manifest)
    if not found:
        raise InputError("no JSON records")


def read_json(source: Input, manifest: Manifest) -> Iterator[Article | Problem]:
    """One article per record of a JSON document; a document that is not JSON is one Problem."""
    try:
        document = json.loads(decode(source.read_all()).text)
    except (ValueError, RecursionError) as error:
        raise InputError(f"not JSON ({_why(error)})") from None
    records = _records(document)
    if not records:
        raise InputError("no JSON records")
    for index, record in enumerate(records):
        yield _read_record(record, f"{source.path}#{index}", manifest)


def _records(document: object) -> list[object]:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        for key in WRAPPER_KEYS:
            if isinstance(document.get(key), list):
                return document[key]
        return [document]
    return []


def _read_record(record: object, path: str, manifest: Manifest) -> Article | Problem:
    if not isinstance(record, dict):
        return Problem(path=path, reason=f"record is a JSON {type(record).__name__}, not an object")
    fields = record_fields(record)
    body = fields.pop("text", None)
    if not isinstance(body, str) or not body.strip():
        return Problem(path=path, reason="record has no text (looked for: " + ", ".join(FIELD_NAMES["text"]) + ")")
    given = {**manifest.lookup(path), **fields}
    try:
        if is_html(body.encode("utf-8", "replace")):
            return html_format.page_article(body, path, given)
        return parse_text_article(body, path, given)
    except InputError as error:
        return Problem(path=path, reason=str(error))


def record_fields(record: dict[object, object]) -> Fields:
    """The record's fields under chronicle's names, with values given as objects or lists flattened to text."""
    lowered = {str(key).lower(): value for key, value in record.items()}
    fields: Fields = {}
    for name, candidates in FIELD_NAMES.items():
        value = next((lowered[key] for key in candidates if _present(lowered.get(key))), None)
        if isinstance(value, dict):
            value = next((value[key] for key in NESTED_KEYS if isinstance(value.get(key), str)), None)
        if isinstance(value, list):
            value = ", ".join(str(item) for item in value if isinstance(item, (str, int, float)))
        if _present(value):
            fields[name] = value
    return fields


def _present(value: object) -> bool:
    return value is not None and value != "" and value != [] and value != {}


def _why(error: Exception) -> str:
    """Where and why the JSON parser gave up, without the exception's boilerplate."""
    if isinstance(error, json.JSONDecodeError):
        where = f"line {error.lineno} column {error.colno}" if error.lineno > 1 else f"column {error.colno}"
        return f"{error.msg.removesuffix(' at')} at {where}"
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return str(error)
