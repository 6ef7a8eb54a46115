"""Resuming a build where the previous one over the same inputs left off.

A build reads its inputs in batches, in reading order, and what its workspace holds after a
batch (articles, mentions, the syndication index) depends only on the batches read so far:
their files' contents, given the code and the reading settings. So when reading ends, the
workspace is kept in the cache (`MentionCache.keep_build`) with a ledger of its batches: each
one's files, by path, size and modification time (the test the output cache and make use),
and what the workspace held after it. The next build over the same paths starts from a copy,
keeps it up to the last batch whose files are unchanged, and reads on from there. Articles
added where the reading order ends (a new dated folder, the next file numbers) then cost
only their own reading; a file added, changed or removed earlier makes every batch after
it read again, as without the kept workspace (their NLP still comes from the mention cache).
"""
from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from itertools import chain
from typing import TypeVar

from models.records import Article, Problem
from pipeline.engine.cache import PROBLEMS
from pipeline.engine.workspace import Workspace
from pipeline.ingest.formats.stream import STDIN
from pipeline.ingest.inputs import stamp
from pipeline.render.view import ReadTotals

T = TypeVar("T")


@dataclass
class Resumed:
    """What the kept batches had read: the reading pass goes on from here."""

    batches: int = 0
    stories: int = 0
    totals: ReadTotals = field(default_factory=ReadTotals)
    problems: list[Problem] = field(default_factory=list)


class Ledger:
    """The batches a workspace holds, in reading order: a table of the workspace itself, so a
    kept workspace carries its own ledger."""

    def __init__(self, workspace: Workspace) -> None:
        self._db = workspace.db
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS batches (n INTEGER PRIMARY KEY, files TEXT NOT NULL, stories INTEGER NOT NULL,"
            " totals TEXT NOT NULL, problems BLOB NOT NULL)"
        )
        self._sent: deque[str | None] = deque()
        self._next = 0
        self._open = True
        """Whether every batch so far could be told unchanged: a batch that cannot be (standard
        input, articles read from a JSON file here) ends what a later build can resume."""

    def resume(self, batches: Iterable[list[str | Article | Problem]]) -> tuple[Resumed, Iterator[list[str | Article | Problem]]]:
        """Skip the leading batches whose files the ledger holds unchanged; forget the rest of
        the ledger. Returns what the skipped batches had read, and the batches still to read
        (which `sending` must see on their way to be read)."""
        kept = self._db.execute("SELECT files, stories, totals, problems FROM batches ORDER BY n").fetchall()
        resumed = Resumed()
        batches = iter(batches)
        for files, stories, totals, problems in kept:
            batch = next(batches, None)
            if batch is None:
                break
            if _files_of(batch) != files:
                batches = chain([batch], batches)
                break
            resumed = Resumed(resumed.batches + 1, stories, ReadTotals(**json.loads(totals)),
                              resumed.problems + PROBLEMS.validate_json(problems))
        self._db.execute("DELETE FROM batches WHERE n >= ?", (resumed.batches,))
        self._next = resumed.batches
        return resumed, batches

    def holds_any(self) -> bool:
        """Whether a later build could resume from any batch of this one."""
        return self._db.execute("SELECT 1 FROM batches LIMIT 1").fetchone() is not None

    def sending(self, batches: Iterable[list[T]]) -> Iterator[list[T]]:
        """`batches`, noting each one's files as it goes to be read (before it is read: a file
        changed meanwhile is then seen as changed next time)."""
        for batch in batches:
            self._sent.append(_files_of(batch))
            yield batch

    def read(self, stories: int, totals: ReadTotals, problems: list[Problem]) -> None:
        """Note the next batch sent as read, with what the workspace holds after it (the articles
        its totals count, the stories indexed) and the problems it had."""
        files = self._sent.popleft()
        self._open = self._open and files is not None
        if self._open:
            self._db.execute(
                "INSERT INTO batches VALUES (?, ?, ?, ?, ?)",
                (self._next, files, stories, json.dumps(asdict(totals)), PROBLEMS.dump_json(problems)),
            )
        self._next += 1


def _files_of(batch: list[str | Article | Problem]) -> str | None:
    """The batch's files as the ledger lists them (JSON of path, size and modification time), or
    None when some item is not a file that can be told unchanged."""
    listed = []
    for item in batch:
        found = stamp(item) if isinstance(item, str) and item != STDIN else None
        if found is None:
            return None
        listed.append((item, *found))
    return json.dumps(listed)
