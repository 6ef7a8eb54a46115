"""What to read: the files under the paths given, and how to read them.

Kept apart from `pipeline.ingest`, whose readers bring in the HTML extractor and the temporal
tagger, so that what only lists or fingerprints the inputs (the output cache, the progress bar,
the command line) starts quickly.
"""
from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from models.records import Problem
from pipeline.ingest.formats import InputFormat
from pipeline.ingest.formats.stream import STDIN
from pipeline.ingest.manifest import Manifest
from pipeline.ingest.remote import is_url, list_files

SKIPPED_SUFFIXES = (".gold.json",)
"""Answer keys that sit beside articles (our gold chronology, TempEval exports) are not articles."""


@dataclass(frozen=True)
class ReadOptions:
    """How to read the inputs: one format for all (or `auto`, per input) and metadata to add."""

    input_format: InputFormat = InputFormat.auto
    manifest: Manifest = field(default_factory=Manifest)


def iter_files(paths: Iterable[str]) -> Iterator[str | Problem]:
    """Expand directories recursively (sorted, hidden files left out), guarding against loops;
    URLs are listed through fsspec (`pipeline.ingest.remote`)."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        if is_url(raw):
            yield from list_files(raw, SKIPPED_SUFFIXES)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield _regular(str(path))
        else:
            yield Problem(path=raw, reason="no such file or directory")


def _walk(root: Path) -> Iterator[str | Problem]:
    seen: set[str] = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            dirs.clear()
            yield Problem(path=folder, reason="directory loop (symbolic link back to a parent); not followed")
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and not name.endswith(SKIPPED_SUFFIXES):
                yield _regular(os.path.join(folder, name))


SPECIAL_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                 (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def _regular(path: str) -> str | Problem:
    """The path of a regular file, or why it is skipped: reading a FIFO, a socket or a device
    would block for ever or never end."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return Problem(path=path, reason=f"cannot be read ({error.strerror or error})")
    if stat.S_ISREG(mode):
        return path
    kind = next((name for test, name in SPECIAL_KINDS if test(mode)), "not a regular file")
    return Problem(path=path, reason=f"{kind}, not a regular file")


def stamp(path: str) -> tuple[int, int] | None:
    """A file's size and modification time (ns), by which make and rsync judge it unchanged
    (the output cache and resumed builds do too); None when it cannot be read, or is a URL
    (`pipeline.ingest.remote`)."""
    if is_url(path):
        return None
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns


SAVED_SLACK = dt.timedelta(days=1)
"""A file's modification day is taken in UTC; a page published just after midnight in a time
zone ahead of UTC can carry the day after."""
PLACEHOLDER_TIMES_BEFORE = dt.date(1995, 1, 1)
"""Modification times before the web's news archives are placeholders (an unpacked zip's 1980,
the Unix epoch), not the day a page was saved."""


def saved_by(path: str) -> str | None:
    """The last day a file's articles can have been published on: a page is saved after it
    appears, and a file is last written after it is saved (ISO date, a day of slack for time
    zones); None for standard input, a URL, an unreadable file or a placeholder time."""
    found = stamp(path) if path != STDIN else None
    if found is None:
        return None
    day = dt.datetime.fromtimestamp(found[1] / 1e9, dt.timezone.utc).date()
    return None if day < PLACEHOLDER_TIMES_BEFORE else (day + SAVED_SLACK).isoformat()
