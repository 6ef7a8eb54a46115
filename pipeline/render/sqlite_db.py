"""SQLite: the chronology as a database for Datasette and `sqlite-utils query`.

One table per kind of record, keyed and linked by foreign keys, so a newsroom can join and
facet without reading JSON: `councils`, `events` (each date as EDTF text beside the ISO days it
covers, `date_start` and `date_end`, which sort chronologically where EDTF text does not),
`event_people`, `sources` (one sentence of one article that tells an event), `articles` and
`problems` (inputs skipped or read with warnings). `sources_fts` indexes the source sentences
(FTS5, external content, named as Datasette looks for it), and the view `event_sources` lists
each event with its council and every source.

Written with the standard library's sqlite3: the schema below is the whole contract, and
readers need nothing but SQLite. The database is built at the path given, in one transaction,
a council at a time; the CLI gives a temporary path and renames it into place.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from models import edtf
from models.records import ArticleSummary, Event, Source
from pipeline.render.view import ChronologyView
from pipeline.render.words import event_date_words, event_when

SCHEMA = """
CREATE TABLE councils (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    title TEXT,
    publisher TEXT,
    url TEXT,
    published TEXT,
    date_source TEXT NOT NULL,
    "window" TEXT,
    copy_of TEXT REFERENCES articles(id)
);
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id),
    position INTEGER NOT NULL,
    type TEXT NOT NULL,
    date TEXT,
    date_start TEXT,
    date_end TEXT,
    date_words TEXT NOT NULL,
    date_accounts TEXT NOT NULL,
    status TEXT NOT NULL,
    summary TEXT NOT NULL,
    rating TEXT,
    inspection_kind TEXT,
    inspectorates TEXT NOT NULL,
    confidence REAL NOT NULL,
    alternative_dates TEXT NOT NULL,
    date_basis TEXT NOT NULL,
    inferred_from TEXT NOT NULL
);
CREATE TABLE event_people (
    event_id TEXT NOT NULL REFERENCES events(id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT,
    PRIMARY KEY (event_id, position)
);
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id),
    article_id TEXT NOT NULL REFERENCES articles(id),
    date TEXT,
    date_basis TEXT NOT NULL,
    inferred_from TEXT NOT NULL,
    sentence TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE TABLE problems (
    id INTEGER PRIMARY KEY,
    message TEXT NOT NULL
);
CREATE INDEX events_council ON events(council_id, position);
CREATE INDEX events_dates ON events(date_start, date_end);
CREATE INDEX sources_event ON sources(event_id);
CREATE INDEX sources_article ON sources(article_id);
CREATE VIRTUAL TABLE sources_fts USING fts5(sentence, content="sources", content_rowid="id");
CREATE VIEW event_sources AS
SELECT councils.name AS council, events.id AS event_id, events.date, events.date_start, events.date_end,
       events.date_words, events.type, events.summary, articles.title, articles.publisher,
       articles.published, articles.url, sources.sentence
FROM events
JOIN councils ON councils.id = events.council_id
JOIN sources ON sources.event_id = events.id
JOIN articles ON articles.id = sources.article_id
ORDER BY councils.name, events.position, sources.id;
"""
TABLES = ("councils", "events", "event_people", "sources", "articles", "problems")


def write_sqlite(view: ChronologyView, path: Path) -> None:
    """Build the database at `path` (a new file): articles first, so every source's article is
    there to point to, then each council's events with their people and sources."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        with connection:
            connection.executescript(SCHEMA)
            connection.executemany("INSERT INTO problems (message) VALUES (?)", ((line,) for line in view.warnings))
            _insert_articles(connection, view.articles())
            for number, block in enumerate(view.councils(), 1):
                connection.execute("INSERT INTO councils (id, name) VALUES (?, ?)", (number, block.council))
                for position, event in enumerate(block.events):
                    _insert_event(connection, number, position, event)
            connection.execute("INSERT INTO sources_fts (sources_fts) VALUES ('rebuild')")
    finally:
        connection.close()


def _insert_articles(connection: sqlite3.Connection, articles: Iterable[ArticleSummary]) -> None:
    """Articles in one statement with foreign keys deferred: a copy may be listed before the
    article it is a copy of."""
    connection.execute("PRAGMA defer_foreign_keys = ON")
    connection.executemany(
        "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ((a.id, a.path, a.title, a.publisher, a.url, a.published, a.date_source.value, a.window, a.copy_of)
         for a in articles),
    )


def _insert_event(connection: sqlite3.Connection, council_id: int, position: int, event: Event) -> None:
    start, end = edtf.bounds(event.date)
    attributes = event.attributes
    connection.execute(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (event.id, council_id, position, event.type, event.date, start, end, event_date_words(event),
         event_when(event), event.status, event.summary, attributes.rating, attributes.inspection_kind,
         _json(attributes.inspectorates), event.confidence, _json(event.alternative_dates), event.date_basis,
         _json(event.inferred_from)),
    )
    connection.executemany(
        "INSERT INTO event_people VALUES (?, ?, ?, ?)",
        ((event.id, number, person.name, person.role) for number, person in enumerate(event.people)),
    )
    connection.executemany(
        "INSERT INTO sources (event_id, article_id, date, date_basis, inferred_from, sentence, start, \"end\")"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        _source_rows(event.id, event.sources),
    )


def _source_rows(event_id: str, sources: Iterable[Source]) -> Iterator[tuple[object, ...]]:
    for source in sources:
        yield (event_id, source.article, source.date, source.date_basis, _json(source.inferred_from),
               source.sentence, source.start, source.end)


def _json(values: list[str]) -> str:
    """A list as a JSON array: what Datasette and sqlite-utils show and query as one (json_each)."""
    return json.dumps(values, ensure_ascii=False)
