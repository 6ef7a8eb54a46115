"""The whole job: paths in, Chronology out (ingest → clean → nlp → events → dedupe → chronology).

`extract_article` is the per-article part: pure (same article, same mentions and signature), so
it is cached (`pipeline.cache`) and run in worker processes (`pipeline.parallel`). Articles stream
through: the reader yields them one by one, batches go to the workers a few at a time, and only
each article's summary and mentions are kept; syndicated copies are found from the signatures,
in reading order. Dedupe and the chronology then work on mentions only.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from spacy.tokens import Doc

from models.records import Article, ArticleSummary, Chronology, EventMention, Extracted, Problem
from pipeline import clean, dedupe, events, nlp, pubdate, syndication
from pipeline.cache import MentionCache, article_key
from pipeline.chronology import assemble, summarise
from pipeline.ingest import ReadOptions, read_paths
from pipeline.parallel import ordered_map
from pipeline.timex import text_of

BATCH_ARTICLES = 16
"""Articles per task sent to a worker. On the 20,000-article bench (~220 words an article) a
batch is ~60 ms of work, so the cost of shipping it to a worker and back is a few per cent;
larger batches only add to memory and to the wait for the last one."""

Progress = Callable[[], None]
"""Called once for each article done, in input order."""


@dataclass
class BuildResult:
    chronology: Chronology
    articles: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return sum(1 for problem in self.problems if problem.skipped)


def analyse_article(article: Article) -> tuple[list[clean.Block], Doc]:
    """The kept parts of an article and its analysed (masked) text: what `extract_article` reads
    events from, and what `chronicle explain` shows."""
    blocks = clean.clean(article.text)
    return blocks, nlp.analyse(clean.mask(article.text, blocks), pubdate.anchor(article.published))


def extract_article(article: Article) -> Extracted:
    """Every event mention in one article, and the signature its syndicated copies would share."""
    _, doc = analyse_article(article)
    return Extracted(mentions=events.extract(article, doc), signature=syndication.signature(text_of(doc)))


def build(
    paths: Iterable[str],
    options: ReadOptions | None = None,
    *,
    jobs: int = 1,
    cache: MentionCache | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """The chronology of every article under `paths`; the same for any `jobs` and any cache."""
    articles: list[ArticleSummary] = []
    problems: list[Problem] = []
    mentions: list[EventMention] = []
    copies = syndication.CopyFinder()

    def readable() -> Iterator[Article]:
        for item in read_paths(paths, options):
            if isinstance(item, Problem):
                problems.append(item)
            else:
                yield item

    for article, found in extract(readable(), jobs=jobs, cache=cache):
        articles.append(summarise(article, copies.origin_of(article.id, found.signature)))
        mentions.extend(found.mentions)
        if progress:
            progress()
    origins = {article.id: article.copy_of for article in articles if article.copy_of}
    chronology = assemble(dedupe.cluster(mentions, origins), articles, problems)
    return BuildResult(chronology=chronology, articles=len(articles), problems=problems)


Lookup = list[tuple[Article, str | None, Extracted | None]]
"""(article, cache key, cached result or None) for each article of a batch, in order."""


def extract(articles: Iterable[Article], *, jobs: int = 1, cache: MentionCache | None = None) -> Iterator[tuple[Article, Extracted]]:
    """Each article with its extracted result, in input order: from the cache where it has them,
    else computed (in `jobs` worker processes) and stored."""
    batches = (_look_up(batch, cache) for batch in _batched(articles, BATCH_ARTICLES))
    for lookup, computed in ordered_map(extract_batch, batches, jobs, initializer=nlp.load_pipeline):
        fresh = iter(computed)
        results = [cached if cached is not None else next(fresh) for _, _, cached in lookup]
        if cache is not None:
            cache.put_many((key, found) for (_, key, cached), found in zip(lookup, results) if cached is None and key)
        yield from ((article, found) for (article, _, _), found in zip(lookup, results))


def extract_batch(articles: list[Article]) -> list[Extracted]:
    """`extract_article` for each article of a batch: the unit of work of a worker process."""
    return [extract_article(article) for article in articles]


def _look_up(batch: list[Article], cache: MentionCache | None) -> tuple[Lookup, list[Article]]:
    """The batch's cache lookups, and the articles the cache does not have."""
    if cache is None:
        return [(article, None, None) for article in batch], batch
    lookup: Lookup = [(article, key, cache.get(key)) for article, key in zip(batch, map(article_key, batch))]
    return lookup, [article for article, _, cached in lookup if cached is None]


def _batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
