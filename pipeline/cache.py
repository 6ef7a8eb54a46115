"""The mention cache: each article's EventMentions and signature, kept between runs, so that a
re-run on an unchanged dump does no NLP work.

`extract_article` is pure, so its result is a function of the article (text and every metadata
field) and of the code and data that compute it. The key hashes all three: the package
version plus a digest of every source and data file of `pipeline` and `models`, so that any
change to the code or the gazetteer invalidates every entry. Nothing is trusted: an entry is
used only when its stored digest matches its value and the value parses as mentions; anything
else is a miss and is rebuilt. The store is one SQLite database in WAL mode (writes are
transactions, so a killed run leaves no half-written entry, and concurrent runs share it).

A second table keeps each command's last output, keyed by `output_key`: the code version, the
command's settings, and the path, size and modification time of every input file (as make and
rsync judge a file unchanged). A re-run on an unchanged dump then reads no article at all; any
change to any input reruns the build, which the mention cache makes cost only the changed
articles' NLP.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import zlib
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

import platformdirs
from pydantic import TypeAdapter, ValidationError

from models.records import Article, EventMention, Extracted, Problem
from pipeline.formats.stream import STDIN
from pipeline.ingest import iter_files

ENV_DIR = "CHRONICLE_CACHE_DIR"
"""Where the cache lives when --cache-dir is not given (the test suite points it at a temp dir)."""
FILE_NAME = "mentions-v2.sqlite3"
CODE_PACKAGES = ("pipeline", "models")
"""The packages whose files decide what `extract_article` returns (cli/ only presents results)."""
CODE_SUFFIXES = (".py", ".tsv", ".json", ".txt", ".yaml", ".yml")
"""Source and data files; compiled bytecode and caches are left out of the code digest."""
BUSY_TIMEOUT_MS = 30_000
"""How long a writer waits for another run's transaction before giving up on the cache."""

MENTIONS = TypeAdapter(list[EventMention])
PROBLEMS = TypeAdapter(list[Problem])


class CacheError(Exception):
    """The cache cannot be opened or written; the run goes on without it."""


def default_dir() -> Path:
    """$CHRONICLE_CACHE_DIR, else the user cache directory (~/.cache/chronicle on Linux)."""
    return Path(os.environ.get(ENV_DIR) or platformdirs.user_cache_dir("chronicle"))


@cache
def code_version() -> str:
    """The package version and a digest of every file that computes mentions."""
    digest = hashlib.sha256(_package_version().encode())
    root = Path(__file__).resolve().parents[1]
    for package in CODE_PACKAGES:
        for path in sorted((root / package).rglob("*")):
            if path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _package_version() -> str:
    try:
        return metadata.version("chronicle")
    except metadata.PackageNotFoundError:
        return "unknown"


def article_key(article: Article) -> str:
    """The cache key of one article: its every field (text, path, metadata) and the code version."""
    payload = f"{code_version()}\0{article.model_dump_json()}".encode("utf-8", "surrogatepass")
    return hashlib.sha256(payload).hexdigest()


def output_key(paths: Iterable[str], settings: str) -> str | None:
    """The key of a command's output: None when an input cannot be fingerprinted (standard input)."""
    digest = hashlib.sha256(f"{code_version()}\0{settings}".encode("utf-8", "surrogatepass"))
    for item in iter_files(paths):
        if item == STDIN:
            return None
        if isinstance(item, Problem):
            digest.update(f"\0problem {item.line()}".encode("utf-8", "surrogatepass"))
            continue
        try:
            stat = os.stat(item)
        except OSError:
            return None
        digest.update(f"\0{item}\0{stat.st_size}\0{stat.st_mtime_ns}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class MentionCache:
    """Extracted results by article key, in one SQLite file under `directory`."""

    def __init__(self, directory: Path) -> None:
        self.path = Path(directory) / FILE_NAME
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._open()
        except (OSError, sqlite3.Error) as error:
            raise CacheError(f"cache {self.path} cannot be opened ({error}); running without it") from None
        self.hits = 0
        self.misses = 0
        self.warning: str | None = None

    def _open(self) -> sqlite3.Connection:
        """Open the database, starting afresh when the file is not a usable cache."""
        try:
            return _connect(self.path)
        except sqlite3.DatabaseError:
            self.path.unlink(missing_ok=True)
            return _connect(self.path)

    def get(self, key: str) -> Extracted | None:
        """The cached result, or None when absent, damaged or unreadable."""
        try:
            row = self._db.execute("SELECT digest, value, signature FROM mentions WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            row = None
        found = _decode(row) if row else None
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def put_many(self, entries: Iterable[tuple[str, Extracted]]) -> None:
        """Store entries in one transaction: all of them or, if the write fails, none."""
        rows = [(key, *_encode(found)) for key, found in entries]
        if rows:
            self._write("INSERT OR REPLACE INTO mentions VALUES (?, ?, ?, ?)", rows)

    def get_output(self, key: str) -> tuple[str, int, list[Problem]] | None:
        """A stored output (text, articles read, problems reported), or None when absent or damaged."""
        try:
            row = self._db.execute("SELECT digest, value, problems FROM outputs WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        if row is None or not all(isinstance(part, bytes) for part in (row[1], row[2])):
            return None
        digest, value, problems = row
        if _digest(value, problems) != digest:
            return None
        try:
            text = zlib.decompress(value).decode("utf-8")
            articles, _, listed = problems.partition(b"\0")
            return text, int(articles), PROBLEMS.validate_json(listed)
        except (zlib.error, UnicodeDecodeError, ValueError):
            return None

    def put_output(self, key: str, text: str, articles: int, problems: list[Problem]) -> None:
        """Keep one output (replacing any other of the same key), like `put_many`: whole or not at all."""
        value = zlib.compress(text.encode("utf-8"), 1)
        listed = str(articles).encode() + b"\0" + PROBLEMS.dump_json(problems)
        self._write("INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, ?)", [(key, _digest(value, listed), value, listed)])

    def _write(self, statement: str, rows: list[tuple]) -> None:
        """Run `statement` for every row in one transaction. A cache that cannot be written (disk
        full, read-only) is a warning, not a failed run: writing stops."""
        if self.warning:
            return
        try:
            with self._db:
                self._db.executemany(statement, rows)
        except sqlite3.Error as error:
            self.warning = f"cache {self.path} cannot be written ({error}); new results were not kept"

    def close(self) -> None:
        self._db.close()


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")  # WAL stays consistent; a crash may lose the last entries only
    db.execute("CREATE TABLE IF NOT EXISTS mentions (key TEXT PRIMARY KEY, digest TEXT NOT NULL, value BLOB NOT NULL, signature BLOB)")
    db.execute("CREATE TABLE IF NOT EXISTS outputs (key TEXT PRIMARY KEY, digest TEXT NOT NULL, value BLOB NOT NULL, problems BLOB NOT NULL)")
    db.isolation_level = ""  # `with db:` then groups writes into one transaction
    return db


def _encode(found: Extracted) -> tuple[str, bytes, bytes | None]:
    value = MENTIONS.dump_json(found.mentions)
    return _digest(value, found.signature), value, found.signature


def _decode(row: tuple[str, bytes, bytes | None]) -> Extracted | None:
    digest, value, signature = row
    if not isinstance(value, bytes) or not isinstance(signature, (bytes, type(None))) or _digest(value, signature) != digest:
        return None
    try:
        return Extracted(mentions=MENTIONS.validate_json(value), signature=signature)
    except ValidationError:
        return None


def _digest(value: bytes, extra: bytes | None) -> str:
    """What a stored row's digest column must hold: a hash of its value and its other blob."""
    return hashlib.sha256(value + b"\0" + (extra or b"")).hexdigest()
