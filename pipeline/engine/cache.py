"""The mention cache: each article's EventMentions and signature, kept between runs, so that a
re-run on an unchanged dump does no NLP work.

`extract_article` is pure, so its result is a function of the article (text and every metadata
field) and of the code and data that compute it. The key hashes all three: the package
version plus a digest of every source and data file of `pipeline` and `models`, so that any
change to the code or the gazetteer invalidates every entry. Nothing is trusted: an entry is
used only when its stored digest matches its value and the value parses as mentions; anything
else is a miss and is rebuilt. The store is one SQLite database in WAL mode (writes are
transactions, so a killed run leaves no half-written entry, and concurrent runs share it).
Each build first forgets the entries of other code versions, which no key can reach again,
so the cache holds one version's results rather than growing at every upgrade. A third table
keeps each council's last chronology with a digest of the mentions it was merged from, so a
re-run merges again only the councils whose mentions changed.

A second table lists commands' outputs, each stored as a gzip file beside the database and
keyed by `output_key`: the code version, the command's settings, and the path, size and
modification time of every input file (as make and rsync judge a file unchanged). A re-run on
an unchanged dump then reads no article at all; any change to any input reruns the build,
which the mention cache makes cost only the changed articles' NLP. Only the `KEPT_OUTPUTS`
most recent outputs are kept.

A third list holds the workspaces of the last `KEPT_BUILDS` builds, as reading left them
(`pipeline.engine.resume`), keyed by `build_key`, for the next build over the same inputs to start
from. Like outputs, each is used only when its file's digest is the one stored.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import BinaryIO

import platformdirs
from pydantic import TypeAdapter, ValidationError

from models.records import Article, Extracted, Problem
from pipeline.ingest.formats.stream import STDIN
from pipeline.ingest.inputs import iter_files, stamp

ENV_DIR = "CHRONICLE_CACHE_DIR"
"""Where the cache lives when --cache-dir is not given (the test suite points it at a temp dir)."""
FILE_NAME = "mentions-v6.sqlite3"
OLD_FILES = "mentions-v*.sqlite3*"
"""Earlier layouts of the cache (and their WAL files), deleted by `forget_other_versions`."""
OUTPUTS_FOLDER = "outputs"
"""Stored outputs are gzip files beside the database, named by key: written as they are rendered."""
KEPT_OUTPUTS = 8
"""Outputs kept: enough for a few formats and filters of the same dump; a 20,000-article JSON
chronology is ~8 MB compressed."""
BUILDS_FOLDER = "builds"
"""Kept workspaces are SQLite files beside the database, named by key."""
KEPT_BUILDS = 2
"""Workspaces kept: the last archive built and one other; one of 20,000 ~500-word articles is ~120 MB."""
CODE_PACKAGES = ("pipeline", "models")
"""The packages whose files decide what `extract_article` returns (cli/ only presents results)."""
CODE_SUFFIXES = (".py", ".tsv", ".json", ".txt", ".yaml", ".yml")
"""Source and data files; compiled bytecode and caches are left out of the code digest."""
BUSY_TIMEOUT_MS = 30_000
"""How long a writer waits for another run's transaction before giving up on the cache."""
PROBLEMS = TypeAdapter(list[Problem])


Entry = tuple[str, bytes, "bytes | None"]
"""What `put_many` stores for one article: its key, its `Extracted` as JSON (but the signature), its signature."""


@dataclass(frozen=True)
class StoredOutput:
    """A command's output as stored: its gzip file, how many articles it read, the problems it reported."""

    path: Path
    articles: int
    problems: list[Problem]

    def chunks(self) -> Iterator[str]:
        """The output's text, a megabyte or so at a time."""
        with gzip.open(self.path, "rt", encoding="utf-8", newline="") as stream:
            while chunk := stream.read(2**20):
                yield chunk


class CacheError(Exception):
    """The cache cannot be opened or written; the run goes on without it."""


def default_dir() -> Path:
    """$CHRONICLE_CACHE_DIR, else the user cache directory (~/.cache/chronicle on Linux)."""
    return Path(os.environ.get(ENV_DIR) or platformdirs.user_cache_dir("chronicle"))


@cache
def code_version() -> str:
    """The package version and a digest of every file that computes mentions."""
    digest = hashlib.sha256(_package_version().encode())
    root = _code_root()
    for path in code_files():
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def code_files() -> list[Path]:
    """The source and data files of `CODE_PACKAGES`, in a fixed order."""
    root = _code_root()
    return [path for package in CODE_PACKAGES for path in sorted((root / package).rglob("*"))
            if path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts]


def _code_root() -> Path:
    """The folder holding `pipeline/` and `models/` (this file is pipeline/engine/cache.py)."""
    return Path(__file__).resolve().parents[2]


def _package_version() -> str:
    try:
        return metadata.version("chronicle")
    except metadata.PackageNotFoundError:
        return "unknown"


def entry_of(key: str, found: Extracted) -> Entry:
    """What `put_many` stores of one article's `Extracted`."""
    return key, found.model_dump_json(exclude={"signature"}).encode(), found.signature


def extracted(article: Article, cache: MentionCache | None) -> tuple[Extracted, Entry | None]:
    """The article's extraction, from the cache when it holds it, else from the NLP; and the
    entry to store when it was extracted now and there is a cache (None otherwise)."""
    key = article_key(article) if cache else None
    found = cache.get(key) if cache and key else None
    if found is not None:
        return found, None
    from pipeline.extract.analysis import extract_article  # the NLP, imported only where it runs

    found = extract_article(article)
    return found, entry_of(key, found) if key else None


def extracted_on_days(article: Article, days: list[str], cache: MentionCache | None,
                      sentences: frozenset[int] | None = None) -> list[tuple[Extracted, Entry | None]]:
    """`extracted` for the article as if published on each of `days` (of `sentences` only, when
    given: `analysis.extract_on_days`): those the cache lacks are analysed together, once."""
    anchored = [article.model_copy(update={"published": day}) for day in days]
    keys = [article_key(one, sentences) if cache else None for one in anchored]
    held = [cache.get(key) if cache and key else None for key in keys]
    missing = [index for index, found in enumerate(held) if found is None]
    if missing:
        from pipeline.extract.analysis import extract_on_days  # the NLP, imported only where it runs

        for index, found in zip(missing, extract_on_days(article, [days[index] for index in missing], sentences)):
            held[index] = found
    return [(found, entry_of(key, found) if key and index in missing else None)  # type: ignore[arg-type]
            for index, (found, key) in enumerate(zip(held, keys))]


def article_key(article: Article, sentences: frozenset[int] | None = None) -> str:
    """The cache key of one article: its every field (text, path, metadata) and the code
    version; and the sentences read, when only some are (a part is never taken for the whole)."""
    read = "" if sentences is None else f"\0{sorted(sentences)}"
    payload = f"{code_version()}\0{article.model_dump_json()}{read}".encode("utf-8", "surrogatepass")
    return hashlib.sha256(payload).hexdigest()


def build_key(paths: Iterable[str], settings: str) -> str:
    """The key of a build's kept workspace: the code version, the reading settings and the
    paths given, made absolute (the same relative path elsewhere is another archive; which
    files the paths hold is the workspace's own business: `pipeline.engine.resume`)."""
    absolute = [path if path == STDIN else os.path.abspath(path) for path in paths]
    return _digest(f"{code_version()}\0{settings}".encode("utf-8", "surrogatepass"), "\0".join(absolute).encode("utf-8", "surrogatepass"))


def output_key(paths: Iterable[str], settings: str) -> str | None:
    """The key of a command's output: None when an input cannot be fingerprinted (standard input)."""
    digest = hashlib.sha256(f"{code_version()}\0{settings}".encode("utf-8", "surrogatepass"))
    for item in iter_files(paths):
        if item == STDIN:
            return None
        if isinstance(item, Problem):
            digest.update(f"\0problem {item.line()}".encode("utf-8", "surrogatepass"))
            continue
        found = stamp(item)
        if found is None:
            return None
        where = f"{item}\0{os.path.abspath(item)}"  # as given (outputs name it) and where it is
        digest.update(f"\0{where}\0{found[0]}\0{found[1]}".encode("utf-8", "surrogatepass"))
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
        return _decode(row) if row else None

    def put_many(self, entries: Iterable[Entry]) -> None:
        """Store entries in one transaction: all of them or, if the write fails, none."""
        version = code_version()
        rows = [(key, _digest(value, signature), value, signature, version) for key, value, signature in entries]
        if rows:
            self._write("INSERT OR REPLACE INTO mentions VALUES (?, ?, ?, ?, ?)", rows)

    def get_council(self, council: str, fingerprint: str) -> tuple[bytes, int] | None:
        """A council's stored chronology (as JSON, and its number of events) when it was merged
        from the mentions `fingerprint` digests by this version of the code; None otherwise."""
        try:
            row = self._db.execute(
                "SELECT digest, block, events FROM councils WHERE council = ? AND fingerprint = ? AND version = ?",
                (council, fingerprint, code_version()),
            ).fetchone()
        except sqlite3.Error:
            return None
        if row is None or not isinstance(row[1], bytes) or _digest(row[1], fingerprint.encode()) != row[0]:
            return None
        return row[1], row[2]

    def put_council(self, council: str, fingerprint: str, block: bytes, events: int) -> None:
        """Keep a council's chronology, replacing any earlier one of the same council: one a
        council, so the table stays the size of one chronology."""
        row = (council, fingerprint, _digest(block, fingerprint.encode()), block, events, code_version())
        self._write("INSERT OR REPLACE INTO councils VALUES (?, ?, ?, ?, ?, ?)", [row])

    def forget_other_versions(self) -> None:
        """Delete what other versions of chronicle stored: entries whose keys hash another code
        version can never be asked for again, and files of earlier cache layouts are unreadable.
        Without this the cache would grow by a whole archive's results at every upgrade."""
        self._write("DELETE FROM mentions WHERE version != ?", [(code_version(),)])
        self._write("DELETE FROM councils WHERE version != ?", [(code_version(),)])
        for path in self.path.parent.glob(OLD_FILES):
            if not path.name.startswith(FILE_NAME):
                try:
                    path.unlink(missing_ok=True)
                except OSError:
                    pass  # someone else's file, or read-only: it only costs space

    def get_output(self, key: str) -> StoredOutput | None:
        """A stored output, or None when absent or damaged (its file missing or not the one stored)."""
        try:
            row = self._db.execute("SELECT digest, problems FROM outputs WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        path = self._output_path(key)
        if row is None or not isinstance(row[1], bytes) or _file_digest(path, row[1]) != row[0]:
            return None
        try:
            articles, _, listed = row[1].partition(b"\0")
            return StoredOutput(path, int(articles), PROBLEMS.validate_json(listed))
        except ValueError:
            return None

    @contextmanager
    def storing_output(self, key: str, articles: int, problems: list[Problem]) -> Iterator[Callable[[str], None]]:
        """Keep, as the output of `key`, the text passed chunk by chunk to the function this yields:
        compressed into a temporary file as it comes, and kept (renamed into place, then listed)
        only when the block ends without error, so an output is stored whole or not at all. A
        cache that cannot be written is a warning, as in `_write`; the output itself goes on."""
        pending = _PendingOutput.start(self.path.parent / OUTPUTS_FOLDER)
        try:
            yield pending.write
            pending.finish(self._output_path(key))
        finally:
            pending.discard()
        if pending.error:
            self.warning = self.warning or f"cache {self.path.parent} cannot be written ({pending.error}); the output was not kept"
            return
        listed = str(articles).encode() + b"\0" + PROBLEMS.dump_json(problems)
        self._write("INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, ?)", [(key, _file_digest(self._output_path(key), listed), listed, time.time())])
        self._prune_outputs()

    def _prune_outputs(self) -> None:
        self._prune("outputs", KEPT_OUTPUTS, self._output_path)

    def _output_path(self, key: str) -> Path:
        return self.path.parent / OUTPUTS_FOLDER / f"{key}.gz"

    def kept_build(self, key: str) -> Path | None:
        """The workspace kept as `key`'s, or None when absent or damaged (not the file stored)."""
        try:
            row = self._db.execute("SELECT digest FROM builds WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        path = self._build_path(key)
        return path if row is not None and _file_digest(path, b"") == row[0] else None

    def keep_build(self, key: str, save: Callable[[Path], None]) -> None:
        """Keep a workspace as `key`'s: `save` writes it, whole or not at all, to the path it is
        given. A cache that cannot be written is a warning, as in `_write`."""
        path = self._build_path(key)
        try:
            path.parent.mkdir(exist_ok=True)
            save(path)
        except OSError as error:
            self.warning = self.warning or f"cache {self.path.parent} cannot be written ({error}); the build was not kept"
            return
        self._write("INSERT OR REPLACE INTO builds VALUES (?, ?, ?)", [(key, _file_digest(path, b""), time.time())])
        self._prune("builds", KEPT_BUILDS, self._build_path)

    def _build_path(self, key: str) -> Path:
        return self.path.parent / BUILDS_FOLDER / f"{key}.sqlite3"

    def _prune(self, table: str, kept: int, path_of: Callable[[str], Path]) -> None:
        """Forget all but the `kept` most recently stored rows of `table` (outputs or builds),
        and delete their files."""
        try:
            old = [key for (key,) in self._db.execute(f"SELECT key FROM {table} ORDER BY stored DESC LIMIT -1 OFFSET ?", (kept,))]
        except sqlite3.Error:
            return
        self._write(f"DELETE FROM {table} WHERE key = ?", [(key,) for key in old])
        for key in old:
            path_of(key).unlink(missing_ok=True)

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


@dataclass
class _PendingOutput:
    """An output being compressed into a temporary file; a write failure is kept, not raised."""

    temporary: Path | None = None
    raw: BinaryIO | None = None
    stream: gzip.GzipFile | None = None
    error: OSError | None = None

    @classmethod
    def start(cls, folder: Path) -> _PendingOutput:
        try:
            folder.mkdir(exist_ok=True)
            handle, name = tempfile.mkstemp(dir=folder, suffix=".tmp")
        except OSError as error:
            return cls(error=error)
        raw = os.fdopen(handle, "wb")
        return cls(Path(name), raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1))

    def write(self, chunk: str) -> None:
        if self.stream is not None and not self.error:
            try:
                self.stream.write(chunk.encode("utf-8"))
            except OSError as error:
                self.error = error

    def finish(self, path: Path) -> None:
        """Close the file and move it to `path`, unless a write has failed."""
        if self.stream is None or self.raw is None or self.temporary is None or self.error:
            return
        try:
            self.stream.close()
            self.raw.close()
            os.replace(self.temporary, path)
            self.temporary = None
        except OSError as error:
            self.error = error

    def discard(self) -> None:
        """Remove the temporary file, if it was not moved into place."""
        if self.raw is not None:
            self.raw.close()
        if self.temporary is not None:
            self.temporary.unlink(missing_ok=True)


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")  # WAL stays consistent; a crash may lose the last entries only
    db.execute(
        "CREATE TABLE IF NOT EXISTS mentions (key TEXT PRIMARY KEY, digest TEXT NOT NULL, value BLOB NOT NULL, signature BLOB, version TEXT NOT NULL)"
    )
    db.execute(
        "CREATE TABLE IF NOT EXISTS councils (council TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, digest TEXT NOT NULL,"
        " block BLOB NOT NULL, events INTEGER NOT NULL, version TEXT NOT NULL)"
    )
    db.execute("CREATE TABLE IF NOT EXISTS outputs (key TEXT PRIMARY KEY, digest TEXT NOT NULL, problems BLOB NOT NULL, stored REAL NOT NULL)")
    db.execute("CREATE TABLE IF NOT EXISTS builds (key TEXT PRIMARY KEY, digest TEXT NOT NULL, stored REAL NOT NULL)")
    db.isolation_level = ""  # `with db:` then groups writes into one transaction
    return db


def _decode(row: tuple[str, bytes, bytes | None]) -> Extracted | None:
    digest, value, signature = row
    if not isinstance(value, bytes) or not isinstance(signature, (bytes, type(None))) or _digest(value, signature) != digest:
        return None
    try:
        return Extracted.model_validate_json(value).model_copy(update={"signature": signature})
    except ValidationError:
        return None


def _file_digest(path: Path, extra: bytes) -> str | None:
    """What the digest column of a stored file (an output, a kept build) must hold: a hash of the
    file and of `extra` (an output's problems); None when the file cannot be read."""
    content = hashlib.sha256()
    try:
        with open(path, "rb") as stream:
            while block := stream.read(2**20):
                content.update(block)
    except OSError:
        return None
    return _digest(content.digest(), extra)


def _digest(value: bytes, extra: bytes | None) -> str:
    """What a stored row's digest column must hold: a hash of its value and its other blob."""
    return hashlib.sha256(value + b"\0" + (extra or b"")).hexdigest()
