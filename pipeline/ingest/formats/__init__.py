"""Input formats: which reader an input goes to.

Each format has one module with one entry point, `read(source, manifest)`, that yields an
Article for every article it finds and a Problem for every part it cannot read:
`text` (plain text with optional YAML front matter), `html` (a saved web page),
`records` (JSON Lines and JSON arrays of article records), `warc` (web archives).

With `auto`, the format is chosen by the cascade in `choose`: first what the content says
beyond doubt (a WARC header, an HTML doctype), then the file extension (a `.gz` suffix looked
through), then what the content looks like (JSON, HTML tags), and plain text when nothing
else fits — the format chronicle read before it read any other.
"""
from __future__ import annotations

import os
import re
from enum import Enum

from pipeline.ingest.formats.stream import HEAD_BYTES


class InputFormat(str, Enum):
    """The formats an input can be read as; `auto` chooses one per input."""

    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"
    json = "json"
    warc = "warc"


EXTENSIONS = {
    ".txt": InputFormat.text, ".text": InputFormat.text, ".md": InputFormat.text,
    ".html": InputFormat.html, ".htm": InputFormat.html, ".xhtml": InputFormat.html,
    ".jsonl": InputFormat.jsonl, ".ndjson": InputFormat.jsonl, ".json": InputFormat.json,
    ".warc": InputFormat.warc,
}
HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
HTML_TAGS = re.compile(rb"<(?:html|head|body|article|div|p|br|h[1-6]|meta|title)\b[^>]*>", re.I)


def choose(requested: InputFormat, path: str, head: bytes) -> InputFormat:
    """The format to read an input as: the one requested, else the first the cascade finds."""
    if requested is not InputFormat.auto:
        return requested
    return _by_signature(head) or _by_extension(path) or _by_content(head)


def named_format(requested: InputFormat, path: str) -> InputFormat | None:
    """The format an input's name (or the request) points to, before its content is read."""
    return _by_extension(path) if requested is InputFormat.auto else requested


def _by_signature(head: bytes) -> InputFormat | None:
    if head.startswith(b"WARC/"):
        return InputFormat.warc
    if HTML_START.match(head):
        return InputFormat.html
    return None


def _by_extension(path: str) -> InputFormat | None:
    suffixes = suffixes_of(path)
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return EXTENSIONS.get(suffixes[-1]) if suffixes else None


def suffixes_of(path: str) -> list[str]:
    """The file name's suffixes, lower-cased, as `PurePath.suffixes` gives them (".tar", ".gz"),
    without building a PurePath: this runs once for every file of an archive."""
    name = os.path.basename(path)
    if name.endswith("."):
        return []
    return ["." + suffix.lower() for suffix in name.lstrip(".").split(".")[1:]]


def _by_content(head: bytes) -> InputFormat:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"["):
        return InputFormat.json
    if start.startswith(b"{"):
        first_line = start.split(b"\n", 1)[0].rstrip()
        return InputFormat.jsonl if first_line.endswith(b"}") else InputFormat.json
    return InputFormat.html if is_html(head) else InputFormat.text


def is_html(head: bytes) -> bool:
    """Whether content is HTML: it starts like a page, or has two or more common tags (a JSON record's
    `<p>…</p><p>…</p>` body); one stray tag in plain text is not enough."""
    return _by_signature(head) is InputFormat.html or len(HTML_TAGS.findall(head[:HEAD_BYTES])) >= 2
