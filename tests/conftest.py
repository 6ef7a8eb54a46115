"""Shared fixtures: articles written inline, run through the real pipeline."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from models.records import EventMention
from pipeline.extract.analysis import extract_article
from pipeline.ingest.formats.text import parse_text_article


@pytest.fixture(autouse=True)
def _private_cache(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every test's runs cache in a fresh temp directory: the suite never reads or writes the
    user's cache, and no test sees another's results."""
    monkeypatch.setenv("CHRONICLE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def _front_matter(published: str | None) -> str:
    return f"---\npublished: {published}\n---\n" if published else ""


@pytest.fixture
def mentions() -> Callable[..., list[EventMention]]:
    """mentions(body, published=None): the event mentions the pipeline reads in an article."""

    def run(body: str, published: str | None = None) -> list[EventMention]:
        article = parse_text_article(_front_matter(published) + body, "test.txt")
        return extract_article(article).mentions

    return run
