"""Whatever the bytes, reading them yields Articles and Problems and never raises."""
from __future__ import annotations

import gzip
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.records import Article, Problem
from pipeline.ingest.formats import InputFormat
from pipeline.ingest.formats.stream import Input, InputError
from pipeline.ingest.read import ReadOptions, read_input

FORMATS = list(InputFormat)
FIELDS = ["text", "body", "content", "article", "title", "headline", "published", "date", "pubDate",
          "url", "link", "publisher", "source", "site", "author"]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=200),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), inner, max_size=5),
    max_leaves=12,
)
html_fragments = st.lists(
    st.sampled_from(["<html>", "<p>", "</p>", "<div>", "<meta property='og:title' content='x'>", "<br>",
                     "<article>", "Medway Council", " was rated inadequate. ", "&amp;", "<!--", "\x00", "é"]),
    max_size=40,
).map("".join)
quick = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_all(name: str, data: bytes, input_format: InputFormat) -> list[Article | Problem]:
    try:
        source = Input.from_bytes(name, data)
    except InputError:  # opening's one way to fail, which `read_file` reports as a Problem
        return []
    items = list(read_input(source, ReadOptions(input_format=input_format)))
    assert all(isinstance(item, (Article, Problem)) for item in items)
    return items


@quick
@given(data=st.binary(max_size=2048), input_format=st.sampled_from(FORMATS), packed=st.booleans())
def test_random_bytes_in_any_format(data: bytes, input_format: InputFormat, packed: bool) -> None:
    read_all("dump", gzip.compress(data) if packed else data, input_format)


@quick
@given(records=st.lists(json_values, max_size=5))
def test_random_json_records(records: list[object]) -> None:
    read_all("dump.json", json.dumps(records).encode(), InputFormat.json)
    read_all("dump.jsonl", "".join(json.dumps(r) + "\n" for r in records).encode(), InputFormat.jsonl)


@quick
@given(markup=html_fragments)
def test_random_markup_as_a_page_and_as_a_record_body(markup: str) -> None:
    read_all("page.html", markup.encode("utf-8", "surrogatepass"), InputFormat.html)
    read_all("dump.jsonl", (json.dumps({"content": markup}) + "\n").encode(), InputFormat.jsonl)
