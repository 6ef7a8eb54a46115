"""The build's workspace: everything a run has read, kept on disk so that memory stays flat.

An archive of tens of thousands of articles has hundreds of thousands of event mentions, a
syndication index and a chronology of tens of megabytes; held in memory they grow with the
archive. One scratch SQLite database per build holds them instead: each article's summary,
its mentions filed by council (dedupe needs one council's at a time), the syndication index
(`pipeline.merge.syndication.CopyFinder`'s tables) and, once deduplicated, each council's
chronology, which renderers then read back block by block. The file is private to the run
and deleted when the workspace is closed, so it is written without a journal, in one
transaction: nothing is kept if the run dies, and nothing needs to be. A copy of it may be
kept once reading ends (`save_as`), for the next build to start from (`pipeline.engine.resume`).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from typing import NamedTuple

from models.records import MENTIONS, ArticleSummary, CouncilChronology, EventMention


class CouncilMentions(NamedTuple):
    """One council's mentions as the workspace files them, with what dedupe needs to know of their articles."""

    council: str
    mentions: list[bytes]
    """JSON lists of mentions (`MENTIONS`), one per article, in reading order."""
    origins: dict[str, str]
    """Syndicated copy's article id → its original's, for the copies among these articles."""

    def parsed(self) -> list[EventMention]:
        return [mention for value in self.mentions for mention in MENTIONS.validate_json(value)]

    def fingerprint(self) -> str:
        """A digest of everything the council's chronology is made from."""
        digest = hashlib.sha256(self.council.encode())
        for value in self.mentions:
            digest.update(b"\0" + value)
        digest.update(b"\0" + json.dumps(sorted(self.origins.items())).encode())
        return digest.hexdigest()


class Merged(NamedTuple):
    """One council's chronology, merged from its mentions."""

    council: str
    block: bytes
    """The `CouncilChronology` as JSON."""
    events: int


class Workspace:
    """The scratch store of one build; `close` it when done."""

    def __init__(self, start_from: Path | None = None) -> None:
        """A new workspace: empty, or a copy of a saved one (`save_as`) when `start_from` is given
        and is one (anything else there is ignored)."""
        self._folder = tempfile.TemporaryDirectory(prefix="chronicle-")
        self.path = Path(self._folder.name) / "workspace.sqlite3"
        try:
            self.db = self._open(start_from)
        except (OSError, sqlite3.DatabaseError):
            self.path.unlink(missing_ok=True)
            self.db = self._open(None)
        self.db.execute("BEGIN")
        self._articles = self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def _open(self, start_from: Path | None) -> sqlite3.Connection:
        if start_from is not None:
            shutil.copyfile(start_from, self.path)
        db = sqlite3.connect(self.path, isolation_level=None)
        try:
            # SQLite's default page cache (2 MB) is kept: the syndication index, looked up at random,
            # would be ~20% faster with 16 MB at 20,000 articles, but a cache fills as the archive
            # grows, and with 16 MB it was most of what the build's memory still grew by.
            for pragma in ("journal_mode = OFF", "synchronous = OFF"):
                db.execute(f"PRAGMA {pragma}")
            db.execute("CREATE TABLE IF NOT EXISTS articles (seq INTEGER PRIMARY KEY, path TEXT, id TEXT, url TEXT, copy_of TEXT, summary BLOB)")
            db.execute("CREATE TABLE IF NOT EXISTS mentions (council TEXT, seq INTEGER, mentions BLOB)")
            db.execute("CREATE TABLE IF NOT EXISTS councils (council TEXT PRIMARY KEY, block BLOB)")
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    @property
    def articles_filed(self) -> int:
        return self._articles

    def forget_from(self, seq: int) -> None:
        """Drop every article from the `seq`-th in reading order on, with its mentions."""
        self.db.execute("DELETE FROM articles WHERE seq >= ?", (seq,))
        self.db.execute("DELETE FROM mentions WHERE seq >= ?", (seq,))
        self._articles = seq

    def save_as(self, target: Path) -> None:
        """Copy what the workspace holds to `target`, whole or not at all. Done when reading ends,
        before `index`: a copy is started from only to read more articles into it."""
        self.db.execute("COMMIT")
        try:
            with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".saving-", delete=False) as pending:
                partial = Path(pending.name)
            try:
                shutil.copyfile(self.path, partial)
                os.replace(partial, target)
            finally:
                partial.unlink(missing_ok=True)
        finally:
            self.db.execute("BEGIN")

    def close(self) -> None:
        self.db.close()
        self._folder.cleanup()

    def add_article(self, summary: ArticleSummary, mentions_by_council: list[tuple[str, bytes]]) -> None:
        """One article's summary and its mentions: per council, a JSON list in reading order."""
        seq = self._articles
        self._articles += 1
        self.db.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?)",
            (seq, summary.path, summary.id, summary.url, summary.copy_of, summary.model_dump_json().encode()),
        )
        self.db.executemany("INSERT INTO mentions VALUES (?, ?, ?)", [(council, seq, value) for council, value in mentions_by_council])

    def index(self) -> None:
        """Index what has been read for the lookups that follow: built once, after the last insert,
        which costs less than keeping indexes up to date insert by insert."""
        self.db.execute("CREATE INDEX mentions_by_council ON mentions (council, seq)")
        self.db.execute("CREATE INDEX mentions_by_article ON mentions (seq)")  # dating reads and refiles an article's
        self.db.execute("CREATE INDEX articles_by_id ON articles (id)")
        self.db.execute("CREATE INDEX articles_in_order ON articles (path, id)")  # read in this order: no sort in memory

    def mentions_by_council(self) -> Iterator[CouncilMentions]:
        """Each council (by name) with every mention of it, in reading order."""
        rows = self.db.execute(
            "SELECT council, mentions, id, copy_of FROM mentions JOIN articles USING (seq) ORDER BY council, seq"
        )
        for council, group in groupby(rows, key=lambda row: row[0]):
            values, origins = [], {}
            for _, value, article, copy_of in group:
                values.append(value)
                if copy_of:
                    origins[article] = copy_of
            yield CouncilMentions(council, values, origins)

    def undated_articles(self) -> Iterator[tuple[int, ArticleSummary, list[EventMention]]]:
        """Each article with no publication date, in reading order, with all its mentions."""
        return self._with_mentions("WHERE json_extract(summary, '$.published') IS NULL")

    def bounded_articles(self, councils: set[str]) -> Iterator[tuple[int, ArticleSummary, list[EventMention]]]:
        """Each dated article with an event of one of `councils` told only as what another came
        after (its mention has a "before"), in reading order, with all its mentions."""
        marks = ",".join("?" * len(councils))
        return self._with_mentions(
            "WHERE json_extract(summary, '$.published') IS NOT NULL AND seq IN (SELECT seq FROM mentions"
            f" WHERE council IN ({marks}) AND instr(mentions, '\"before\":\"') > 0)",
            sorted(councils),
        )

    def _with_mentions(self, where: str, parameters: list[str] | None = None) -> Iterator[tuple[int, ArticleSummary, list[EventMention]]]:
        rows = self.db.execute(
            f"SELECT seq, summary, mentions FROM articles LEFT JOIN mentions USING (seq) {where} ORDER BY seq, council",
            parameters or [],
        )
        for seq, group in groupby(rows, key=lambda row: row[0]):
            group = list(group)
            mentions = [mention for *_, value in group if value for mention in MENTIONS.validate_json(value)]
            yield seq, ArticleSummary.model_validate_json(group[0][1]), mentions

    def dated_mentions(self, councils: set[str]) -> Iterator[tuple[str, list[EventMention]]]:
        """(article id, its mentions of one council) for every dated article that mentions one of `councils`."""
        for council in sorted(councils):
            rows = self.db.execute(
                "SELECT id, mentions FROM mentions JOIN articles USING (seq)"
                " WHERE council = ? AND json_extract(summary, '$.published') IS NOT NULL ORDER BY seq",
                (council,),
            )
            for article, value in rows:
                yield article, MENTIONS.validate_json(value)

    def replace_article(self, seq: int, summary: ArticleSummary, mentions: list[EventMention]) -> None:
        """File an article's summary and mentions again, as the dating of undated articles left them."""
        self.db.execute("UPDATE articles SET summary = ? WHERE seq = ?", (summary.model_dump_json().encode(), seq))
        self.db.execute("DELETE FROM mentions WHERE seq = ?", (seq,))
        groups: dict[str, list[EventMention]] = {}
        for mention in mentions:
            groups.setdefault(mention.council, []).append(mention)
        self.db.executemany(
            "INSERT INTO mentions VALUES (?, ?, ?)", [(council, seq, MENTIONS.dump_json(group)) for council, group in groups.items()]
        )

    def add_council(self, council: str, block: bytes) -> None:
        """One council's chronology, as JSON (`CouncilChronology`)."""
        self.db.execute("INSERT INTO councils VALUES (?, ?)", (council, block))

    def councils(self) -> Iterator[CouncilChronology]:
        """The chronology, council by council, by name."""
        for (block,) in self.db.execute("SELECT block FROM councils ORDER BY council"):
            yield CouncilChronology.model_validate_json(block)

    def articles(self) -> Iterator[ArticleSummary]:
        """Every article read, by path and then id."""
        for (summary,) in self.db.execute("SELECT summary FROM articles ORDER BY path, id"):
            yield ArticleSummary.model_validate_json(summary)

    def url_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT url FROM articles WHERE id = ? AND url IS NOT NULL", (article_id,)).fetchone()
        return row[0] if row else None
