"""The whole job: paths in, Chronology out (ingest → clean → nlp → events → dedupe → chronology).

`mentions_of` is the per-article part: pure (same article, same mentions), so it can be
cached and run in worker processes. Dedupe and the chronology then work on mentions only.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from models.records import Article, ArticleSummary, Chronology, EventMention, Problem
from pipeline import clean, dedupe, events, nlp, pubdate
from pipeline.chronology import assemble, summarise
from pipeline.ingest import ReadOptions, read_paths


@dataclass
class BuildResult:
    chronology: Chronology
    articles: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return sum(1 for problem in self.problems if problem.skipped)


def analyse_article(article: Article) -> tuple[list[clean.Block], Doc]:
    """The kept parts of an article and its analysed (masked) text: what `mentions_of` reads
    events from, and what `chronicle explain` shows."""
    blocks = clean.clean(article.text)
    return blocks, nlp.analyse(clean.mask(article.text, blocks), pubdate.anchor(article.published))


def mentions_of(article: Article) -> list[EventMention]:
    """Every event mention in one article."""
    _, doc = analyse_article(article)
    return events.extract(article, doc)


def build(paths: Iterable[str], options: ReadOptions | None = None) -> BuildResult:
    articles: list[ArticleSummary] = []
    problems: list[Problem] = []
    mentions: list[EventMention] = []
    for item in read_paths(paths, options):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        articles.append(summarise(item))
        mentions.extend(mentions_of(item))
    chronology = assemble(dedupe.cluster(mentions), articles, problems)
    return BuildResult(chronology=chronology, articles=len(articles), problems=problems)
