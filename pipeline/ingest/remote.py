"""Inputs named by URL (`s3://bucket/dump/`, `file:///data/dump`, `memory://…`): listed and opened
through fsspec, so that on a cluster the workers read the files where they are, not the client.

The one place ingest meets fsspec: `inputs.iter_files` lists a URL here and
`formats.stream.open_input` opens one here; everything after (formats, readers) sees an
`Input` like any other. fsspec is imported only when a URL is given, and a missing fsspec (or a
missing filesystem package, such as s3fs for `s3://`) is that input's `Problem`, not a crash.
A URL is never fingerprinted (`inputs.stamp`): filesystems disagree on what a modification
time is, so URL inputs are read afresh by every build.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from models.records import Problem
from pipeline.ingest.formats.stream import GZIP_MAGIC, HEAD_BYTES, Input, InputError, guarded

URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
"""A scheme and `://`: what fsspec takes as a URL (a Windows drive, `C:\\`, has no `//`)."""
HOW_TO_INSTALL = "pip install 'chronicle[dask]'"
"""The extra that brings fsspec, and Dask for `--engine dask` (`pipeline.engine.engines`)."""


def is_url(path: str) -> bool:
    """Whether an input is a URL for fsspec rather than a path on this machine."""
    return URL.match(path) is not None


def list_files(url: str, skipped_suffixes: tuple[str, ...]) -> Iterator[str | Problem]:
    """The files under a URL as `inputs.iter_files` lists a directory: recursively, in the order
    `os.walk` gives them there (a folder's files, sorted, then its folders, sorted), hidden
    names and `skipped_suffixes` left out; each named as the URL given plus its relative path."""
    try:
        fs, root = _filesystem(url)
        with guarded():
            if not fs.exists(root):
                yield Problem(path=url, reason="no such file or directory")
                return
            if not fs.isdir(root):
                yield url
                return
            base = url.rstrip("/")
            for folder, dirs, files in fs.walk(root):
                dirs[:] = sorted(name for name in dirs if not name.startswith("."))
                relative = folder[len(root.rstrip("/")):]
                for name in sorted(files):
                    if not name.startswith(".") and not name.endswith(skipped_suffixes):
                        yield f"{base}{relative}/{name}"
    except InputError as error:
        yield Problem(path=url, reason=str(error))


def open_url(url: str) -> Input:
    """A URL opened far enough to know its first bytes (gzip looked through, as for a file)."""
    fs, path = _filesystem(url)
    with guarded():
        with fs.open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
        if head.startswith(GZIP_MAGIC):
            return Input.of(url, lambda: fs.open(path, "rb", compression="gzip"))
        return Input(path=url, head=head, opener=lambda: fs.open(path, "rb"), size=fs.size(path))


def _filesystem(url: str) -> tuple[Any, str]:
    """The fsspec filesystem of a URL and the path within it; an InputError saying what to
    install when fsspec, or the filesystem's own package, is missing."""
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise InputError(f"reading URLs needs fsspec: {HOW_TO_INSTALL}") from None
    try:
        return url_to_fs(url)
    except (ImportError, ValueError) as error:
        raise InputError(f"cannot be opened ({error})") from None
