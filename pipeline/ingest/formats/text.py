"""Plain-text articles: decode, split off YAML front matter, read the header, settle the date.

This is also where every other reader ends: a web page, a JSON record or an archived page
becomes body text plus metadata fields, and `parse_text_article` turns those into an Article
the same way for all of them, so one story gives one chronology whatever its wrapping.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from models.records import Article, DateSource, Problem
from pipeline.ingest import pubdate
from pipeline.ingest.formats.stream import Input, InputError
from pipeline.ingest.manifest import Fields, Manifest

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser where PyYAML has it: the same safe constructors, ~10x faster on front matter."""


@dataclass(frozen=True)
class Decoded:
    text: str
    warning: str | None = None


def read(source: Input, manifest: Manifest) -> Iterator[Article | Problem]:
    """The one article of a plain-text file; the manifest fills in what its front matter lacks."""
    decoded = decode(source.read_all())
    if decoded.warning:
        yield Problem(path=source.path, reason=decoded.warning, skipped=False)
    yield parse_text_article(decoded.text, source.path, manifest.lookup(source.path))


def decode(data: bytes) -> Decoded:
    """Decode text bytes: UTF-8 (with or without BOM), else line by line UTF-8 or cp1252; refuse binary."""
    if not data.strip():
        raise InputError("empty file")
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        position = error.start
    text = "".join(_decode_line(line) for line in data.splitlines(keepends=True))
    if _looks_binary(text):
        raise InputError("binary file (mostly control characters), not text")
    return Decoded(text, f"not valid UTF-8 (first bad byte at offset {position}); lines that are not UTF-8 read as cp1252")


def _decode_line(line: bytes) -> str:
    """One line of a file that is not all UTF-8: dumps pasted together from several sources mix
    encodings line by line, so each line is read as UTF-8 when it is, else as cp1252."""
    for encoding in ("utf-8", "cp1252"):
        try:
            return line.decode(encoding)
        except UnicodeDecodeError:
            continue
    return line.decode("latin-1")


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
                meta = yaml.load(block, Loader=SAFE_LOADER) or {}
            except yaml.YAMLError as error:
                raise InputError(f"front matter is not valid YAML ({error.__class__.__name__})") from None
            if not isinstance(meta, dict):
                raise InputError("front matter is not a mapping of fields")
            return {str(key).lower(): value for key, value in meta.items()}, body
    return {}, text


def parse_text_article(
    text: str,
    path: str,
    extra: Fields | None = None,
    *,
    date_order: tuple[DateSource, ...] = pubdate.TEXT_ORDER,
    not_after: str | None = None,
) -> Article:
    """Build an Article from body text: front matter wins over `extra` fields, which win over the header.

    `date_order` and `not_after` tune the date cascade for where the text came from (see `pubdate.settle`).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, body = split_front_matter(text)
    meta = {**(extra or {}), **meta}
    if not body.strip():
        raise InputError("no article text")
    body = pubdate.date_field_on_its_line(body)
    header = pubdate.read_header(body)
    if header.url and not meta.get("url"):
        meta["url"] = header.url
    published, how = pubdate.settle(meta, path, header, order=date_order, not_after=not_after)
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
        **_date_warning(meta, how),
        **({"not_after": not_after} if not_after and not published else {}),  # as the warning: other ids unchanged
    )


def _date_warning(meta: dict[str, object], how: DateSource) -> dict[str, str]:
    """The article's date warning as a field, only when there is one: the id of every article
    whose date reads is the hash of the fields it had before warnings existed. A date taken
    from the metadata was read, so only another outcome reads the metadata's date again."""
    warning = pubdate.unreadable(meta) if how is not DateSource.METADATA else None
    return {"date_warning": warning} if warning else {}


def _text_field(meta: dict[str, object], key: str) -> str | None:
    value = meta.get(key)
    return str(value).strip() or None if value is not None else None


def make_article(**fields: object) -> Article:
    """An Article with its stable id: a hash of everything that makes it what it is."""
    digest = hashlib.sha1()
    for key in sorted(fields):
        digest.update(f"{key}={fields[key]}\x1f".encode("utf-8", "surrogatepass"))
    return Article(id=digest.hexdigest()[:12], **fields)  # type: ignore[arg-type]
