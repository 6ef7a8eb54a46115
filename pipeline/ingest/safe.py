"""Text from articles is untrusted: made inert once, at ingest, so every stage and renderer can
trust it.

A body keeps its newlines and tabs and loses every other control character (C0, DEL, C1: the
escape sequences that clear a terminal or retitle its window), the bidirectional overrides
that make text read other than it is stored, and lone surrogates (from undecodable bytes),
which become U+FFFD. A single-line field (title, publisher, author, URL) also has every run of
whitespace, line breaks included, made one space: a line break in a publisher would break a
table row, a Markdown footnote or an iCalendar line.
"""
from __future__ import annotations

import re

from models.records import UNSAFE_CHARACTERS, Article

WHITESPACE = re.compile(r"\s+")
SINGLE_LINE_FIELDS = ("title", "publisher", "author", "url")


def safe_text(text: str) -> str:
    """A body with nothing a terminal or a document would act on."""
    if not UNSAFE_CHARACTERS.search(text):
        return text
    return UNSAFE_CHARACTERS.sub(lambda match: "\ufffd" if "\ud800" <= match.group() <= "\udfff" else "", text)


def safe_line(text: str | None) -> str | None:
    """A single-line field: safe, with whitespace runs made one space; None when nothing is left."""
    if text is None:
        return None
    line = WHITESPACE.sub(" ", safe_text(text)).strip()
    return line or None


def safe_article(article: Article) -> Article:
    """The article with its body and single-line fields made safe (the same object when they were)."""
    update: dict[str, str | None] = {}
    text = safe_text(article.text)
    if text != article.text:
        update["text"] = text
    for name in SINGLE_LINE_FIELDS:
        value = getattr(article, name)
        line = safe_line(value)
        if line != value:
            update[name] = line
    return article.model_copy(update=update) if update else article
