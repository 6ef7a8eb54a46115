"""`chronicle schema` is generated from the record models and matches real output."""
from __future__ import annotations

import json

import jsonschema
import pytest

from models.records import SCHEMA_VERSION
from models.schema import chronology_schema, event_line_schema
from pipeline.engine.build import build
from pipeline.render import render_text
from tests.paths import SAMPLES
from tests.render_fixtures import sample_view


def test_schemas_are_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(chronology_schema())
    jsonschema.Draft202012Validator.check_schema(event_line_schema())


def test_json_output_validates() -> None:
    document = json.loads(render_text("json", sample_view()))
    jsonschema.validate(document, chronology_schema())
    assert document["schema_version"] == SCHEMA_VERSION


def test_every_jsonl_line_validates() -> None:
    for line in render_text("jsonl", sample_view()).splitlines():
        jsonschema.validate(json.loads(line), event_line_schema())


def test_schema_rejects_unknown_fields() -> None:
    document = json.loads(render_text("json", sample_view()))
    document["councils"][0]["events"][0]["colour"] = "red"
    assert not jsonschema.Draft202012Validator(chronology_schema()).is_valid(document)


@pytest.mark.parametrize(("field", "value"), [("type", "bogus"), ("date", "not-a-date"), ("date", "2013-W03")])
def test_schema_rejects_a_type_or_date_chronicle_never_writes(field: str, value: str) -> None:
    document = json.loads(render_text("json", sample_view()))
    document["councils"][0]["events"][0][field] = value
    assert not jsonschema.Draft202012Validator(chronology_schema()).is_valid(document)


def test_every_date_of_the_samples_is_one_the_schema_accepts() -> None:
    chronology = build([str(SAMPLES)]).chronology
    document = json.loads(chronology.model_dump_json())
    jsonschema.validate(document, chronology_schema())
    dates = [event["date"] for block in document["councils"] for event in block["events"] if event["date"]]
    assert len(dates) > 300 and not [date for date in dates if "W" in date]
