"""Markdown: a header saying what was read, a section per council, one line per event, and
footnote citations numbered within each council (so a section can be copied out whole)."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import partial

from models.records import CouncilChronology
from pipeline.render.view import ChronologyView
from pipeline.render.words import WEB_URL, UrlOf, citation_numbers, event_when, read_line, source_line


def to_markdown(view: ChronologyView) -> Iterator[str]:
    """The document, a section at a time."""
    return _joined(_sections(view))


def _sections(view: ChronologyView) -> Iterator[list[str]]:
    yield ["# Chronology", "", read_line(view), ""]
    for block in view.councils():
        yield _council_section(block, view.url_of)
    if not view.totals.councils:
        yield ["No events found.", ""]
    if view.warnings:
        yield ["## Inputs skipped or read with warnings", "", *(f"- {markdown_text(warning)}" for warning in view.warnings), ""]


def _joined(sections: Iterable[list[str]]) -> Iterator[str]:
    """"\\n".join of every section's lines taken together, one section at a time."""
    separator = ""
    for lines in sections:
        yield separator + "\n".join(lines)
        separator = "\n"


def _council_section(block: CouncilChronology, url_of: UrlOf) -> list[str]:
    prefix = _slug(block.council)
    notes: list[str] = []
    lines = [f"## {markdown_text(block.council)}", ""]
    for event in block.told():
        marks = "".join(f"[^{prefix}-{number}]" for number in citation_numbers(event, url_of, notes, MARKDOWN_SOURCE))
        lines.append(f"- **{markdown_text(event_when(event))}**: {markdown_text(event.summary)}. {marks}")
    lines.append("")
    lines += [f"[^{prefix}-{number}]: {note}" for number, note in enumerate(notes, 1)]
    lines.append("")
    return lines


MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>#!|~])")
"""What Markdown (CommonMark and GitHub's tables and strikethrough) or HTML could read as syntax
mid-line: emphasis, code, links and images, HTML tags and autolinks. "(" is harmless once "]" is
escaped, and our escaped text never starts a line, where "-", "+" and "1." would be markers."""


def markdown_text(text: str) -> str:
    """Text taken from an article, inert in Markdown: every character Markdown or HTML could
    read as syntax is backslash-escaped ("<script>", "[x](javascript:…)", "*", "#"), and "&"
    written as an entity, so a renderer shows it as written and builds nothing from it."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", text.replace("&", "&amp;"))


def markdown_link(url: str) -> str:
    """A web address as an autolink (<https://…>); anything else, as inert text."""
    return f"<{url}>" if WEB_URL.fullmatch(url) else markdown_text(url)


MARKDOWN_SOURCE = partial(source_line, text=markdown_text, link=markdown_link)


def _slug(name: str) -> str:
    """A footnote prefix: footnote labels are global in a Markdown document."""
    return "".join(ch for ch in name.lower() if ch.isalnum())[:24]
