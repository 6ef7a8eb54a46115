"""Every output format end to end through the CLI on sample_articles/basic: machine formats
are pure data on stdout, and output is byte-identical across runs."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from functools import cache

import icalendar
import jsonschema
import pytest
from typer.testing import CliRunner, Result

from cli.main import app
from models import edtf
from models.schema import event_line_schema
from models.vocabulary import EVENT_TYPES
from pipeline.render import FILE_WRITERS, RENDERERS
from pipeline.render.words import type_words
from tests.render.test_render_machine import check_timelinejs

BASIC = "sample_articles/basic"


@cache
def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def build(fmt: str, *extra: str) -> str:
    result = run("build", BASIC, "--format", fmt, *extra)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_every_renderer_is_offered_and_tested() -> None:
    assert set(RENDERERS) == {"table", "md", "json", "jsonl", "csv", "timelinejs", "ics", "html"}
    assert set(FILE_WRITERS) == {"sqlite"}  # tests/render/test_sqlite_db.py


def test_table() -> None:
    text = build("table")
    assert "Medway Council" in text and "Helen Barraclough" in text and "12 Mar 2012" in text


def test_markdown() -> None:
    text = build("md")
    assert text.startswith("# Chronology\n\nRead 15 articles")
    assert "## Norfolk County Council" in text and "[^medwaycouncil-1]:" in text


def test_json_validates_against_chronicle_schema() -> None:
    schema = json.loads(run("schema").stdout)
    document = json.loads(build("json"))
    jsonschema.validate(document, schema)
    assert len(document["councils"]) >= 5


def test_jsonl_lines_validate_against_the_line_schema() -> None:
    schema = json.loads(run("schema", "--jsonl").stdout)
    assert schema == json.loads(json.dumps(event_line_schema()))
    lines = build("jsonl").splitlines()
    assert lines
    for line in lines:
        jsonschema.validate(json.loads(line), schema)


def test_csv() -> None:
    rows = list(csv.DictReader(io.StringIO(build("csv"))))
    assert rows and all(row["council"] and row["type"] for row in rows)


def test_timelinejs() -> None:
    document = json.loads(build("timelinejs"))
    check_timelinejs(document)
    assert document["events"]


def test_html() -> None:
    page = build("html")
    assert page.startswith("<!DOCTYPE html>") and "Medway Council" in page  # tests/render/test_html_page.py


def test_ics() -> None:
    calendar = icalendar.Calendar.from_ical(build("ics"))
    assert calendar.walk("VEVENT")


@pytest.mark.parametrize("fmt", ["json", "ics"])
def test_output_is_byte_identical_across_runs(fmt: str) -> None:
    first = CliRunner().invoke(app, ["build", BASIC, "--format", fmt])
    second = CliRunner().invoke(app, ["build", BASIC, "--format", fmt])
    assert first.stdout_bytes == second.stdout_bytes


def test_filters_on_the_command_line() -> None:
    rows = list(csv.DictReader(io.StringIO(build("csv", "--council", "Medway", "--since", "2012-04", "--type", "inspection"))))
    assert rows and {row["council"] for row in rows} == {"Medway Council"}
    assert {row["type"] for row in rows} == {"inspection"}
    assert all(edtf.parse(row["date"]).last >= dt.date(2012, 4, 1) for row in rows)


def test_unknown_council_is_a_usage_error_naming_the_closest() -> None:
    result = run("build", BASIC, "--council", "Medwya")
    assert result.exit_code == 2 and "Medway Council" in result.stderr and result.stdout == ""


def test_bad_date_is_a_usage_error() -> None:
    assert run("build", BASIC, "--since", "March 2012").exit_code == 2


def test_councils_command_filters_the_gazetteer() -> None:
    result = run("councils", "peterborough", "--format", "json")
    assert [row["name"] for row in json.loads(result.stdout)] == ["Peterborough City Council"]
    london = json.loads(run("councils", "--region", "London", "--kind", "london", "--format", "json").stdout)
    assert len(london) >= 30 and {row["region"] for row in london} == {"London"}
    assert run("councils", "--kind", "shire").exit_code == 2


def test_timelinejs_group_type_keeps_one_row_per_event_type() -> None:
    document = json.loads(build("timelinejs", "--group", "type"))
    check_timelinejs(document)
    assert {slide["group"] for slide in document["events"]} <= {type_words(kind) for kind in EVENT_TYPES}


def test_group_is_refused_for_formats_other_than_timelinejs() -> None:
    result = run("build", BASIC, "--format", "md", "--group", "type")
    assert result.exit_code == 2 and "--group" in result.stderr and result.stdout == ""
