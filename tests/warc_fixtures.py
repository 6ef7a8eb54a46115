"""Builds small web archives for tests (and built sample_articles/wrapped/*.warc.gz once).

Kept as code, not as committed binaries, so a test shows exactly what its archive holds.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@dataclass(frozen=True)
class Capture:
    """One fetched URL as an archive records it."""

    url: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    crawled: str = "2020-01-01T00:00:00Z"
    status: str = "200 OK"


def write_warc(path: Path, captures: list[Capture]) -> Path:
    """A gzipped WARC with a warcinfo record, then a request and a response record per capture."""
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "chronicle tests"}))
        for capture in captures:
            date = {"WARC-Date": capture.crawled}
            request = StatusAndHeaders(f"GET {capture.url} HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(
                capture.url, "request", http_headers=request, warc_headers_dict=date))
            headers = StatusAndHeaders(capture.status, [("Content-Type", capture.content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                capture.url, "response", payload=io.BytesIO(capture.body), http_headers=headers,
                warc_headers_dict=date))
    return path
