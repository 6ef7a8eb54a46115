"""The publication date of a page or record: metadata, then URL path, then text; else undated."""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from models.records import Article, DateSource
from pipeline.extract.analysis import extract_article
from pipeline.ingest import manifest
from pipeline.ingest.read import ReadOptions, read_paths
from tests.warc_fixtures import Capture, write_warc

BODY = """
<p>Ofsted has rated children's services at Sandwell Metropolitan Borough Council inadequate, in a report
that criticises the council's slow response to referrals and the high turnover of its social workers.</p>
<p>Inspectors found that too many children waited weeks for an assessment, and that managers did not have
an accurate picture of the quality of frontline practice across the borough's area teams.</p>
<p>The council said it accepted the findings and had already begun recruiting permanent staff.</p>
"""


def page(*, meta_date: str | None = None, canonical: str = "https://news.example.org/sandwell-inadequate",
         date_line: str = "") -> str:
    meta = f'<meta property="article:published_time" content="{meta_date}">' if meta_date else ""
    line = f"<p>{date_line}</p>" if date_line else ""
    return (f'<!DOCTYPE html><html><head><title>Sandwell rated inadequate</title>{meta}'
            f'<link rel="canonical" href="{canonical}"></head><body><article><h1>Sandwell rated inadequate</h1>'
            f"{line}{BODY}</article></body></html>")


def read_one(path: Path, options: ReadOptions | None = None) -> Article:
    articles = [item for item in read_paths([str(path)], options) if isinstance(item, Article)]
    assert len(articles) == 1
    return articles[0]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_date_from_page_metadata(tmp_path: Path) -> None:
    article = read_one(write(tmp_path, "a.html", page(
        meta_date="2015-06-03T10:00:00+01:00", canonical="https://news.example.org/2015/06/01/sandwell")))
    assert (article.published, article.date_source) == ("2015-06-03", DateSource.METADATA)


def test_date_from_url_path_when_the_page_metadata_has_none(tmp_path: Path) -> None:
    article = read_one(write(tmp_path, "a.html", page(canonical="https://news.example.org/2015/06/01/sandwell")))
    assert (article.published, article.date_source) == ("2015-06-01", DateSource.URL)


def test_date_from_text_when_metadata_and_url_have_none(tmp_path: Path) -> None:
    article = read_one(write(tmp_path, "a.html", page(date_line="Wednesday 3 June 2015")))
    assert (article.published, article.date_source) == ("2015-06-03", DateSource.TEXT)


def test_article_whose_date_nothing_gives_stays_undated(tmp_path: Path) -> None:
    article = read_one(write(tmp_path, "a.html", page()))
    assert (article.published, article.date_source) == (None, DateSource.UNKNOWN)


def test_crawl_date_is_never_the_publication_date(tmp_path: Path) -> None:
    archive = write_warc(tmp_path / "a.warc.gz", [
        Capture("https://news.example.org/sandwell-inadequate", page().encode(), crawled="2015-06-05T12:00:00Z")])
    assert read_one(archive).published is None


def test_crawl_date_bounds_an_undated_pages_window_from_above(tmp_path: Path) -> None:
    archive = write_warc(tmp_path / "a.warc.gz", [
        Capture("https://news.example.org/sandwell-inadequate", page().encode(), crawled="2015-06-05T12:00:00Z")])
    article = read_one(archive)
    assert article.not_after == "2015-06-05"
    assert extract_article(article).own_window == "../2015-06-05"


def test_page_date_later_than_the_crawl_is_discarded(tmp_path: Path) -> None:
    later = page(meta_date="2016-01-01", canonical="https://news.example.org/2015/06/01/sandwell")
    archive = write_warc(tmp_path / "a.warc.gz", [
        Capture("https://news.example.org/2015/06/01/sandwell", later.encode(), crawled="2015-06-05T12:00:00Z")])
    article = read_one(archive)
    assert (article.published, article.date_source) == ("2015-06-01", DateSource.URL)


def test_record_date_in_rss_form(tmp_path: Path) -> None:
    record = {"title": "Sandwell rated inadequate", "pubDate": "Wed, 03 Jun 2015 10:00:00 +0100",
              "text": "Ofsted has rated children's services at Sandwell Council inadequate."}
    article = read_one(write(tmp_path, "a.jsonl", json.dumps(record) + "\n"))
    assert (article.published, article.date_source) == ("2015-06-03", DateSource.METADATA)


def test_manifest_date_wins_over_page_metadata(tmp_path: Path) -> None:
    write(tmp_path, "a.html", page(meta_date="2015-06-03"))
    listing = write(tmp_path, "manifest.csv", "path,published,publisher\na.html,2015-06-02,Express & Star\n")
    article = read_one(tmp_path / "a.html", ReadOptions(manifest=manifest.load(listing)))
    assert (article.published, article.date_source, article.publisher) == (
        "2015-06-02", DateSource.METADATA, "Express & Star")


def test_manifest_fills_a_plain_text_file_but_front_matter_wins(tmp_path: Path) -> None:
    write(tmp_path, "bare.txt", "Ofsted has rated children's services at Sandwell Council inadequate.\n")
    write(tmp_path, "fronted.txt", "---\npublished: 2015-06-04\n---\nOfsted has rated Sandwell Council inadequate.\n")
    listing = write(tmp_path, "manifest.csv", "path,published\nbare.txt,2015-06-02\nfronted.txt,2015-06-02\n")
    options = ReadOptions(manifest=manifest.load(listing))
    assert read_one(tmp_path / "bare.txt", options).published == "2015-06-02"
    assert read_one(tmp_path / "fronted.txt", options).published == "2015-06-04"


def test_manifest_row_for_one_record(tmp_path: Path) -> None:
    lines = [{"text": "Ofsted has rated Sandwell Council inadequate."}, {"text": "Kent County Council was rated good."}]
    write(tmp_path, "export.jsonl", "".join(json.dumps(line) + "\n" for line in lines))
    listing = write(tmp_path, "manifest.csv", "path,published\nexport.jsonl#L2,2015-06-02\n")
    items = list(read_paths([str(tmp_path / "export.jsonl")], ReadOptions(manifest=manifest.load(listing))))
    assert [item.published for item in items] == [None, "2015-06-02"]


def test_a_month_in_the_url_bounds_an_undated_pages_window_to_that_month(tmp_path: Path) -> None:
    article = read_one(write(tmp_path, "a.html", page(canonical="https://news.example.org/2016/12/sandwell-rated-inadequate/")))
    assert article.published is None
    assert extract_article(article).own_window == "2016-12-01/2016-12-31"


UNDATED_TEXT = "Ofsted has rated children's services at Torbay Council inadequate, inspectors said in a report.\n"


def saved(path: Path, day: str) -> Path:
    """The file, its modification time set to noon UTC of `day`."""
    moment = dt.datetime.fromisoformat(f"{day}T12:00:00+00:00").timestamp()
    os.utime(path, (moment, moment))
    return path


def test_the_day_a_file_was_saved_bounds_its_undated_articles_window_from_above(tmp_path: Path) -> None:
    undated = tmp_path / "undated.txt"
    undated.write_text(UNDATED_TEXT)
    saved(undated, "2019-03-20")
    [article] = read_paths([str(undated)])
    assert article.not_after == "2019-03-21"  # a day of slack for a publisher's time zone
    assert article.id == next(read_paths([str(saved(undated, "2024-01-05"))])).id  # the same page saved twice is one article


def test_a_dated_article_or_a_placeholder_time_takes_no_bound_from_its_file(tmp_path: Path) -> None:
    dated = tmp_path / "dated.txt"
    dated.write_text("Published 4 March 2019\n\n" + UNDATED_TEXT)
    undated = tmp_path / "undated.txt"
    undated.write_text(UNDATED_TEXT)
    [article] = read_paths([str(saved(dated, "2019-03-20"))])
    assert article.published == "2019-03-04" and article.not_after is None
    [article] = read_paths([str(saved(undated, "1980-01-01"))])  # an unpacked zip's placeholder
    assert article.not_after is None
