"""Web archives (WARC, WARC.gz): every archived HTML page is an article.

A page is a `response` record with HTTP status 200 and an HTML content type; its target URI is
where it was fetched from. The record's WARC-Date is when it was crawled, not when it was
published: it is only an upper bound on the publication date. Requests, metadata and the
archive's own info are not pages and are passed over in silence; any other response (an image,
a PDF, a redirect) gets a warning line. An archive with no page at all is a skipped input.
"""
from __future__ import annotations

from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from models.records import Article, Problem
from pipeline.ingest.formats.html import page_article
from pipeline.ingest.formats.stream import MAX_BYTES, Input, InputError, guarded
from pipeline.ingest.formats.text import decode
from pipeline.ingest.manifest import Manifest

PAGE_RECORDS = ("response", "resource")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def read(source: Input, manifest: Manifest) -> Iterator[Article | Problem]:
    """One article per archived HTML page, in archive order; `file.warc.gz#N` is the N-th record (from 1)."""
    pages = 0
    try:
        with guarded(), source.stream() as stream:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                item = _read_record(record, f"{source.path}#{number}", manifest)
                if isinstance(item, Article):
                    pages += 1
                if item is not None:
                    yield item
    except (ArchiveLoadFailed, StatusAndHeadersParserException, ValueError) as error:
        yield Problem(path=source.path, reason=f"web archive damaged; read no further ({error})", skipped=pages == 0)
        return
    if pages == 0:
        raise InputError("no HTML pages in the web archive")


def _read_record(record: ArcWarcRecord, path: str, manifest: Manifest) -> Article | Problem | None:
    kind = record.rec_type
    if kind not in PAGE_RECORDS:
        return None
    reason = _not_a_page(record)
    if reason:
        return Problem(path=path, reason=f"{reason}; not an article page", skipped=False)
    data = record.content_stream().read(MAX_BYTES + 1)
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    crawled = (headers.get_header("WARC-Date") or "")[:10] or None
    try:
        if len(data) > MAX_BYTES:
            raise InputError(f"page too large (over {MAX_BYTES // 2**20} MB)")
        return page_article(decode(data).text, path, manifest.lookup(path), url=url, not_after=crawled)
    except InputError as error:
        return Problem(path=path, reason=str(error))


def _not_a_page(record: ArcWarcRecord) -> str | None:
    """Why a response record is not an HTML page (its status or content type), or None when it is one."""
    http = record.http_headers
    if http is not None:
        status = http.get_statuscode()
        if status != "200":
            return f"HTTP status {status}"
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        return f"content type {content_type or 'unknown'}"
    return None
