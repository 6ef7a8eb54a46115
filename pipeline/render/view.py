"""A chronology as renderers read it: council by council, never all of it at once.

An archive's chronology is too big to hold whole (65 MB of JSON at 20,000 articles), so the
build keeps it on disk (`pipeline.engine.workspace`) and renderers stream it: each pass over
`councils()` or `articles()` reads it afresh, one block at a time. What a renderer needs to
know before the first block (how many articles and events, the span of publication dates) is
counted while the chronology is built and carried here. `ChronologyView.of` gives the same
view of a Chronology held in memory (tests, `chronicle explain`, small library use).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from models.records import SCHEMA_VERSION, ArticleSummary, Chronology, CouncilChronology


@dataclass(frozen=True)
class ReadTotals:
    """What was read: article count, how many undated, and the span of publication dates."""

    articles: int = 0
    undated: int = 0
    first_published: str | None = None
    last_published: str | None = None

    def adding(self, published: str | None) -> ReadTotals:
        """These totals with one more article, published on `published` (None: undated)."""
        if published is None:
            return replace(self, articles=self.articles + 1, undated=self.undated + 1)
        return replace(
            self,
            articles=self.articles + 1,
            first_published=min(published, self.first_published or published),
            last_published=max(published, self.last_published or published),
        )

    def dating(self, published: str) -> ReadTotals:
        """These totals once an undated article is known to be published on `published`."""
        dated = replace(self, articles=self.articles - 1, undated=self.undated - 1)
        return dated.adding(published)

    @classmethod
    def of(cls, articles: Iterable[ArticleSummary]) -> ReadTotals:
        totals = cls()
        for article in articles:
            totals = totals.adding(article.published)
        return totals


@dataclass(frozen=True)
class EventTotals:
    """How many events, at how many councils: counted before rendering, for the header."""

    events: int = 0
    councils: int = 0

    @classmethod
    def of(cls, blocks: Iterable[CouncilChronology]) -> EventTotals:
        events = councils = 0
        for block in blocks:
            events += len(block.told())
            councils += 1
        return cls(events=events, councils=councils)


@dataclass(frozen=True)
class ChronologyView:
    """A chronology to render. `councils()` and `articles()` start a fresh pass each call, in
    chronology order (councils by name; articles by path, then id)."""

    councils: Callable[[], Iterator[CouncilChronology]]
    articles: Callable[[], Iterator[ArticleSummary]]
    url_of: Callable[[str], str | None]
    """An article's URL by its id (sources name their article; the article knows its URL)."""
    read: ReadTotals
    totals: EventTotals
    warnings: list[str] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION

    @classmethod
    def of(cls, chronology: Chronology) -> ChronologyView:
        """The view of a chronology held in memory."""
        urls = {article.id: article.url for article in chronology.articles if article.url}
        return cls(
            councils=lambda: iter(chronology.councils),
            articles=lambda: iter(chronology.articles),
            url_of=urls.get,
            read=ReadTotals.of(chronology.articles),
            totals=EventTotals.of(chronology.councils),
            warnings=list(chronology.warnings),
            schema_version=chronology.schema_version,
        )

    def materialise(self) -> Chronology:
        """The whole chronology in memory (for tests and small inputs only)."""
        return Chronology(
            schema_version=self.schema_version,
            councils=list(self.councils()),
            articles=list(self.articles()),
            warnings=self.warnings,
        )
