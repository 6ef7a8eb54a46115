"""The SQLite output on sample_articles/: its schema and keys, that it holds what the JSON output
holds, its full-text index, its sortable dates, and that Datasette and sqlite-utils read it."""
from __future__ import annotations

import json
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from models import edtf
from pipeline.render.sqlite_db import TABLES
from tests.paths import DATA, SAMPLES

SERVE_TIMEOUT = 30
"""Seconds Datasette gets to start answering: it starts in 1-2 s on the shared 2-core machine."""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """The samples (and one empty file, a skipped input) as a database and as JSON; no cache,
    since the suite's private cache is set per test and this is built once for the module."""
    folder = tmp_path_factory.mktemp("sqlite")
    database = folder / "chronology.db"
    inputs = [str(SAMPLES), str(DATA / "empty.txt")]
    runner = CliRunner()
    result = runner.invoke(app, ["build", *inputs, "--format", "sqlite", "-o", str(database), "--no-cache", "-q"])
    assert result.exit_code == 1, result.stderr  # the empty file is skipped
    as_json = runner.invoke(app, ["build", *inputs, "--format", "json", "--no-cache", "-q"])
    return database, json.loads(as_json.stdout)


@pytest.fixture
def db(built: tuple[Path, dict]) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(built[0])
    yield connection
    connection.close()


def count(db: sqlite3.Connection, table: str) -> int:
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_tables_have_primary_keys_and_consistent_foreign_keys(db: sqlite3.Connection) -> None:
    for table in TABLES:
        assert any(column[5] for column in db.execute(f"PRAGMA table_info({table})")), table
    linked = {table: {row[2] for row in db.execute(f"PRAGMA foreign_key_list({table})")} for table in TABLES}
    assert linked["events"] == {"councils"}
    assert linked["sources"] == {"events", "articles"}
    assert linked["event_people"] == {"events"}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_rows_are_what_the_json_output_holds(db: sqlite3.Connection, built: tuple[Path, dict]) -> None:
    document = built[1]
    events = [event for block in document["councils"] for event in block["events"]]
    assert count(db, "councils") == len(document["councils"])
    assert count(db, "events") == len(events)
    assert count(db, "sources") == sum(len(event["sources"]) for event in events)
    assert count(db, "event_people") == sum(len(event["people"]) for event in events)
    assert count(db, "articles") == len(document["articles"])
    assert count(db, "problems") == len(document["warnings"]) == 1
    assert count(db, "event_sources") == count(db, "sources")
    assert {row[0] for row in db.execute("SELECT id FROM events")} == {event["id"] for event in events}


def test_edtf_date_is_kept_beside_its_iso_days(db: sqlite3.Connection, built: tuple[Path, dict]) -> None:
    rows = {row[0]: row[1:] for row in db.execute("SELECT id, date, date_start, date_end FROM events")}
    for block in built[1]["councils"]:
        for event in block["events"]:
            assert rows[event["id"]] == (event["date"], *edtf.bounds(event["date"]))


def test_full_text_search_finds_the_sentences_that_use_a_word(db: sqlite3.Connection, built: tuple[Path, dict]) -> None:
    sentences = [source["sentence"] for block in built[1]["councils"] for event in block["events"]
                 for source in event["sources"]]
    word = "commissioner"
    expected = sum(1 for sentence in sentences if re.search(rf"\b{word}\b", sentence, re.I))
    assert expected
    found = db.execute(
        "SELECT sources.sentence FROM sources_fts JOIN sources ON sources.id = sources_fts.rowid "
        "WHERE sources_fts MATCH ?", (word,),
    ).fetchall()
    assert len(found) == expected and all(word in sentence.lower() for (sentence,) in found)


def test_date_columns_order_events_as_the_chronology_does(db: sqlite3.Connection, built: tuple[Path, dict]) -> None:
    councils = dict(db.execute("SELECT name, id FROM councils"))
    for block in built[1]["councils"]:
        in_chronology = [edtf.bounds(event["date"]) for event in block["events"]]
        by_columns = db.execute(
            "SELECT date_start, date_end FROM events WHERE council_id = ? "
            "ORDER BY date_start IS NULL, date_start, date_end", (councils[block["council"]],),
        ).fetchall()
        assert by_columns == in_chronology, block["council"]


def test_sqlite_utils_queries_the_view(built: tuple[Path, dict]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sqlite_utils", "query", str(built[0]),
         "SELECT council, count(DISTINCT event_id) AS events FROM event_sources GROUP BY council"],
        capture_output=True, text=True, timeout=60, check=True,
    )
    counted = {row["council"]: row["events"] for row in json.loads(result.stdout)}
    assert counted == {block["council"]: len(block["events"]) for block in built[1]["councils"] if block["events"]}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_json(url: str, deadline: float) -> object:
    """The JSON at `url`, asking again until the server answers or the deadline passes."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.load(response)
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_datasette_serves_the_events(built: tuple[Path, dict]) -> None:
    database = built[0]
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(database), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}/{database.stem}"
        deadline = time.monotonic() + SERVE_TIMEOUT
        rows = get_json(f"{base}/events.json?_shape=array&_size=max", deadline)
        expected = {event["id"] for block in built[1]["councils"] for event in block["events"]}
        assert {row["id"] for row in rows} == expected  # type: ignore[union-attr]
        searched = get_json(f"{base}/sources.json?_search=commissioner&_shape=array", deadline)
        assert searched and all("commissioner" in row["sentence"].lower() for row in searched)  # type: ignore[union-attr]
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def test_sqlite_is_refused_without_a_file_in_one_line() -> None:
    result = CliRunner().invoke(app, ["build", str(SAMPLES / "basic"), "--format", "sqlite"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "-o" in result.stderr
