"""Ingest: turn paths (files, directories, '-') into Articles, reporting what cannot be read.

The cascade for one plain-text file is: read bytes → decode (UTF-8, else cp1252 with a
warning) → split off YAML front matter → recognise the seed layout (headline, byline,
date line) → settle the publication date (`pubdate`). Every failure becomes a `Problem`
naming the path and the reason; nothing raises out of `read_paths`.
"""
from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from models.records import Article, DateSource, Problem
from pipeline import pubdate

STDIN = "-"
MAX_BYTES = 50 * 1024 * 1024
"""Files above 50 MB are refused: no single article is that long, and reading one whole would
cost memory for nothing. Calibrated against the largest saved news page we have met (~3 MB)."""

SKIPPED_SUFFIXES = (".gold.json",)
"""Answer keys that sit beside articles (our gold chronology, TempEval exports) are not articles."""


class InputError(Exception):
    """An input that cannot be read; the message is the reason shown to the user."""


@dataclass(frozen=True)
class Decoded:
    text: str
    warning: str | None = None


def read_paths(paths: Iterable[str]) -> Iterator[Article | Problem]:
    """Yield an Article for every readable input under `paths`, a Problem for every other."""
    for path in iter_files(paths):
        if isinstance(path, Problem):
            yield path
            continue
        yield from read_file(path)


def iter_files(paths: Iterable[str]) -> Iterator[str | Problem]:
    """Expand directories recursively (sorted, hidden files left out), guarding against loops."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield str(path)
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
                yield os.path.join(folder, name)


def read_file(path: str) -> Iterator[Article | Problem]:
    try:
        data = _read_bytes(path)
        decoded = decode(data)
    except InputError as error:
        yield Problem(path=path, reason=str(error))
        return
    if decoded.warning:
        yield Problem(path=path, reason=decoded.warning, skipped=False)
    try:
        yield parse_text_article(decoded.text, path)
    except InputError as error:
        yield Problem(path=path, reason=str(error))


def _read_bytes(path: str) -> bytes:
    if path == STDIN:
        return sys.stdin.buffer.read()
    try:
        if os.path.getsize(path) > MAX_BYTES:
            raise InputError(f"file too large ({os.path.getsize(path) // 2**20} MB; the limit is 50 MB)")
        with open(path, "rb") as handle:
            return handle.read()
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None


def decode(data: bytes) -> Decoded:
    """Decode text bytes: UTF-8 (with or without BOM), else cp1252, else refuse as binary."""
    if not data.strip():
        raise InputError("empty file")
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        position = error.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    if _looks_binary(text):
        raise InputError("binary file (mostly control characters), not text")
    return Decoded(text, f"not valid UTF-8 (first bad byte at offset {position}); read as cp1252")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return control > len(sample) * 0.05


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """Split YAML front matter between leading '---' lines from the body."""
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            block = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            try:
                meta = yaml.safe_load(block) or {}
            except yaml.YAMLError as error:
                raise InputError(f"front matter is not valid YAML ({error.__class__.__name__})") from None
            if not isinstance(meta, dict):
                raise InputError("front matter is not a mapping of fields")
            return {str(key).lower(): value for key, value in meta.items()}, body
    return {}, text


def parse_text_article(text: str, path: str, extra: dict[str, object] | None = None) -> Article:
    """Build an Article from a plain-text file: front matter, else the seed layout."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, body = split_front_matter(text)
    meta = {**(extra or {}), **meta}
    if not body.strip():
        raise InputError("no article text")
    header = pubdate.read_header(body)
    published, how = pubdate.settle(meta, path, header)
    title = _text_field(meta, "title") or header.headline
    return make_article(
        path=path,
        text=body,
        title=title,
        publisher=_text_field(meta, "publisher"),
        url=_text_field(meta, "url"),
        author=_text_field(meta, "author") or header.byline,
        published=published,
        date_source=how,
    )


def _text_field(meta: dict[str, object], key: str) -> str | None:
    value = meta.get(key)
    return str(value).strip() or None if value is not None else None


def make_article(**fields: object) -> Article:
    """An Article with its stable id: a hash of everything that makes it what it is."""
    digest = hashlib.sha1()
    for key in sorted(fields):
        digest.update(f"{key}={fields[key]}\x1f".encode("utf-8", "surrogatepass"))
    return Article(id=digest.hexdigest()[:12], **fields)  # type: ignore[arg-type]
