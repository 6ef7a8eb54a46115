"""Manifests: a CSV that supplies metadata for articles whose files lack it.

Columns: `path` (required), and any of `published`, `publisher`, `url`, `title`, `author`;
other columns and empty cells are ignored. A relative path is relative to the manifest's
folder. A row may name a whole file (`export.jsonl`) or one record in it (`export.jsonl#L3`,
`export.json#2`, `crawl.warc.gz#5`); the record's row is used before the file's.

Precedence, highest first: the article's own explicit fields (front matter, JSON record
fields), then the manifest, then what is extracted from a page (title, site name, metadata
date) or guessed from its header, URL and file name. The manifest fills gaps and corrects
extraction; it does not overrule what the dump's author wrote down.
"""
from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

Fields = dict[str, object]
"""Metadata fields by name (title, publisher, url, author, published), as files and records give them."""

COLUMNS = ("published", "publisher", "url", "title", "author")
RECORD_SUFFIX = re.compile(r"#(?:L?\d+)$")


class ManifestError(Exception):
    """A manifest that cannot be used at all (a usage error, not a skipped input)."""


@dataclass(frozen=True)
class Manifest:
    """Metadata rows keyed by the real path of the file (plus '#record' for one record)."""

    rows: dict[str, Fields] = field(default_factory=dict)

    def lookup(self, path: str) -> Fields:
        """The manifest's fields for an article path: its record's row, else its file's, else none."""
        if not self.rows:
            return {}
        file_part, record = _split(path)
        key = _key(file_part)
        return dict(self.rows.get(key + record) or self.rows.get(key) or {})


def load(path: Path) -> Manifest:
    """Read a manifest CSV; raise ManifestError when it cannot be read or has no `path` column."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            names = {name.strip().lower(): name for name in reader.fieldnames or []}
            if "path" not in names:
                raise ManifestError(f"{path}: manifest has no 'path' column")
            rows = [row for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ManifestError(f"{path}: manifest cannot be read ({error})") from None
    folder = path.parent
    table: dict[str, Fields] = {}
    for row in rows:
        target = (row.get(names["path"]) or "").strip()
        if not target:
            continue
        fields = {column: value.strip() for column in COLUMNS
                  if column in names and (value := row.get(names[column]) or "").strip()}
        file_part, record = _split(target)
        table[_key(str(folder / file_part)) + record] = fields
    return Manifest(rows=table)


def _split(path: str) -> tuple[str, str]:
    """('export.jsonl', '#L3') from 'export.jsonl#L3'; ('a.txt', '') from 'a.txt'."""
    record = RECORD_SUFFIX.search(path)
    return (path[: record.start()], record.group(0)) if record else (path, "")


def _key(path: str) -> str:
    return os.path.realpath(path)
