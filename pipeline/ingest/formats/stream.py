"""Opening one input: a file, standard input or a URL (`remote`), gzip or not, within a size limit.

Every reader works on an `Input`: its first bytes (to choose a format by), a fresh stream of its
decompressed bytes (for the formats read record by record: JSON Lines, WARC), and its whole
content (for the formats read at once: text, HTML, JSON), which is refused above `MAX_BYTES`
before anything is read. Every failure is an `InputError` whose message is the reason shown.
"""
from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO

STDIN = "-"
MAX_BYTES = 50 * 1024 * 1024
"""Whole-read inputs above 50 MB are refused: no single article is that long, and reading one
whole would cost memory for nothing. Calibrated against the largest saved news page we have met
(~3 MB). Inputs read record by record (JSON Lines, WARC) have no total limit, only this one per
record."""
HEAD_BYTES = 64 * 1024
"""Enough of the start to recognise a format: a WARC header, a doctype, a first JSON line."""
GZIP_MAGIC = b"\x1f\x8b"


class InputError(Exception):
    """An input that cannot be read; the message is the reason shown to the user."""


@dataclass(frozen=True)
class Input:
    """One input to read: where it came from, its first bytes, and how to read the rest."""

    path: str
    head: bytes
    opener: Callable[[], BinaryIO]
    size: int | None = None
    """Size on disk of an uncompressed file, known before reading; None when it is not."""

    def stream(self) -> BinaryIO:
        """A fresh stream of the decompressed bytes, from the start."""
        return self.opener()

    def read_all(self) -> bytes:
        """The whole decompressed content, refused (before reading, where the size is known) above MAX_BYTES."""
        if self.size is not None and self.size > MAX_BYTES:
            raise InputError(f"file too large ({self.size // 2**20} MB; the limit is {MAX_BYTES // 2**20} MB)")
        if self.size is not None and len(self.head) == self.size:
            return self.head  # a small file is all in its first bytes: no second read
        with guarded(), self.stream() as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(f"too large once decompressed (over {MAX_BYTES // 2**20} MB)")
        return data

    def lines(self) -> Iterator[bytes]:
        """The lines of the decompressed content, each cut at MAX_BYTES so one huge line cannot exhaust memory."""
        with guarded(), self.stream() as handle:
            while line := handle.readline(MAX_BYTES):
                yield line

    @classmethod
    def of(cls, path: str, opener: Callable[[], BinaryIO], size: int | None = None) -> Input:
        """An input whose first bytes are read now, to choose its format by."""
        return cls(path=path, head=_head(opener), opener=opener, size=size)

    @classmethod
    def from_bytes(cls, path: str, data: bytes) -> Input:
        """An input held in memory (standard input, a test), decompressed if it is gzip."""
        if data.startswith(GZIP_MAGIC):
            return cls.of(path, lambda: gzip.GzipFile(fileobj=io.BytesIO(data)))
        return cls.of(path, lambda: io.BytesIO(data))


def open_input(path: str) -> Input:
    """Open a file (or '-' for standard input, or a URL) far enough to know its first bytes."""
    if path == STDIN:
        return Input.from_bytes(STDIN, _read_stdin())
    from pipeline.ingest import remote  # it imports this module

    if remote.is_url(path):
        return remote.open_url(path)
    with guarded():
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
            size = os.fstat(handle.fileno()).st_size
        if head.startswith(GZIP_MAGIC):
            return Input.of(path, lambda: gzip.open(path, "rb"))
        return Input(path=path, head=head, opener=lambda: open(path, "rb"), size=size)


def _read_stdin() -> bytes:
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"standard input too large (over {MAX_BYTES // 2**20} MB)")
    return data


def _head(opener: Callable[[], BinaryIO]) -> bytes:
    with guarded(), opener() as handle:
        return handle.read(HEAD_BYTES)


@contextmanager
def guarded() -> Iterator[None]:
    """Turn the ways reading a file or a gzip stream fails into an InputError with a plain reason."""
    try:
        yield
    except (EOFError, OSError, zlib.error) as error:
        raise InputError(_reason(error)) from None


def _reason(error: BaseException) -> str:
    if isinstance(error, EOFError):
        return "truncated gzip file (the compressed data ends early)"
    if isinstance(error, (gzip.BadGzipFile, zlib.error)):
        return f"corrupt gzip file ({error})"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error)
