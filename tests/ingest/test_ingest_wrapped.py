"""One story, one chronology, whatever its wrapping: saved page, JSON Lines record, web archive."""
from __future__ import annotations

from pathlib import Path

import pytest

from models.records import Article
from pipeline.extract.analysis import extract_article
from pipeline.ingest.read import read_paths
from tests.paths import SAMPLES

WRAPPED = SAMPLES / "wrapped"
ORIGINALS = {
    "101_medway_inadequate_director_quits.html": "basic/101_medway_inadequate_director_quits.txt",
    "203_slough_trust_launch.htm": "realistic/203_slough_trust_launch.txt",
    "export.jsonl#L1": "basic/110_northamptonshire_dcs_resigns.txt",
    "export.jsonl#L2": "basic/112_wirral_inadequate.txt",
    "crawl.warc.gz#3": "basic/105_norfolk_looked_after_inadequate.txt",
}


def articles(path: Path) -> dict[str, Article]:
    return {Path(item.path).name: item for item in read_paths([str(path)]) if isinstance(item, Article)}


def events(article: Article) -> set[tuple[str, str, str | None]]:
    return {(mention.type, mention.council, mention.date) for mention in extract_article(article).mentions}


@pytest.fixture(scope="module")
def wrapped() -> dict[str, Article]:
    return articles(WRAPPED)


def test_every_wrapped_story_is_read(wrapped: dict[str, Article]) -> None:
    assert sorted(wrapped) == sorted(ORIGINALS)


@pytest.mark.parametrize("name", sorted(ORIGINALS))
def test_wrapped_story_gives_the_events_of_its_plain_text_original(wrapped: dict[str, Article], name: str) -> None:
    original = next(iter(articles(SAMPLES / ORIGINALS[name]).values()))
    assert wrapped[name].published == original.published
    assert events(wrapped[name]) == events(original) != set()


def test_page_furniture_is_left_out(wrapped: dict[str, Article]) -> None:
    text = wrapped["101_medway_inadequate_director_quits.html"].text
    for furniture in ("cookies", "Related stories", "Social care", "Advertisement", "when will the government act"):
        assert furniture not in text


def test_paragraphs_stay_separated_by_blank_lines(wrapped: dict[str, Article]) -> None:
    text = wrapped["101_medway_inadequate_director_quits.html"].text
    assert "inadequate.\n\nHelen Barraclough handed in her resignation" in text


def test_page_metadata_fills_title_publisher_author_and_canonical_url(wrapped: dict[str, Article]) -> None:
    page = wrapped["101_medway_inadequate_director_quits.html"]
    assert (page.title, page.publisher, page.author, page.url) == (
        "Medway children's services rated inadequate as director quits", "Children & Young People Now",
        "Tristan Gower", "https://www.cypnow.co.uk/news/1052711/medway-inadequate-director-quits",
    )


def test_record_fields_under_export_names_are_read(wrapped: dict[str, Article]) -> None:
    record = wrapped["export.jsonl#L1"]
    assert (record.title, record.publisher, record.author, record.url) == (
        "Northamptonshire children's director resigns", "Example News", "Kieran Maddox",
        "https://news.example.org/articles/48213",
    )
