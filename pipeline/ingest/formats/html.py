"""Saved web pages: the story's text and metadata out of the page around it.

trafilatura finds the main text (leaving out navigation, adverts, cookie banners, comments and
related-story lists) and the title, site name, author and canonical URL; htmldate finds the
publication date in the page's own metadata. The date cascade for a page is: explicit fields
and manifest, the page metadata, the URL path, the text (`pubdate.PAGE_ORDER`).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import htmldate
import trafilatura

from models.records import Article, Problem
from pipeline.ingest import pubdate
from pipeline.ingest.formats.stream import Input, InputError
from pipeline.ingest.formats.text import decode, parse_text_article
from pipeline.ingest.manifest import Fields, Manifest


@dataclass(frozen=True)
class Page:
    """What a web page says: its story's paragraphs, blank-line separated, and its metadata fields."""

    text: str
    fields: Fields


def read(source: Input, manifest: Manifest) -> Iterator[Article | Problem]:
    """The one article of a saved page; the manifest wins over what is extracted from the page."""
    decoded = decode(source.read_all())
    if decoded.warning:
        yield Problem(path=source.path, reason=decoded.warning, skipped=False)
    yield page_article(decoded.text, source.path, manifest.lookup(source.path))


def page_article(
    html: str, path: str, given: Fields, *, url: str | None = None, not_after: str | None = None
) -> Article:
    """An Article from one page: `given` fields win over the page's; `url` is where it was fetched from;
    `not_after` (the crawl date) bounds its publication date."""
    page = extract(html, url=url, not_after=not_after)
    return parse_text_article(
        page.text, path, {**page.fields, **given}, date_order=pubdate.PAGE_ORDER, not_after=not_after
    )


def extract(html: str, *, url: str | None = None, not_after: str | None = None) -> Page:
    """The story and metadata of a page; InputError when the page holds no article text."""
    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
        )
        published = _page_date(html, not_after)
    except (ValueError, TypeError, LookupError, AttributeError) as error:
        # lxml and the extractors raise these on markup they cannot make sense of.
        raise InputError(f"HTML could not be parsed ({error.__class__.__name__})") from None
    paragraphs = [line.strip() for line in (getattr(document, "text", None) or "").split("\n") if line.strip()]
    if not paragraphs:
        raise InputError("no article text found in the HTML page")
    fields: Fields = {
        "title": document.title,
        "publisher": document.sitename,
        "author": document.author,
        "url": document.url or url,
        "published": published,
    }
    return Page(text="\n\n".join(paragraphs), fields={key: value for key, value in fields.items() if value})


def _page_date(html: str, not_after: str | None) -> str | None:
    """The original publication date from the page's metadata only: `url=""` keeps htmldate from
    reading the canonical URL (the cascade does that itself, and records that the date came from it)
    and `extensive_search=False` from guessing out of free text."""
    kwargs = {"max_date": not_after} if not_after else {}
    return htmldate.find_date(html, url="", extensive_search=False, original_date=True, **kwargs)
