"""Writing results: to standard output, or to a file written whole or not at all."""
from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path


def write_output(chunks: Iterable[str], path: Path | None) -> None:
    """Write text, given in chunks (a renderer's, as it goes), to `path` or standard output."""
    if path is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    write_atomically(path, chunks)


def write_atomically(path: Path, chunks: Iterable[str]) -> None:
    """Write text to `path` whole or not at all (`replace_atomically`)."""

    def write_text(temporary: Path) -> None:
        with temporary.open("w", encoding="utf-8") as stream:
            for chunk in chunks:
                stream.write(chunk)

    replace_atomically(path, write_text)


def replace_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Have `write` make the file at a temporary path beside `path`, then rename it over `path`:
    a reader (or a crash) never sees half a file, and an old file survives a failed run. Binary
    formats (a SQLite database) write the temporary file themselves."""
    folder = path.resolve().parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
