"""Undated articles extracted again as if published on given days: the one costly step of the
dating rounds (`pipeline.engine.dating`), run as engine tasks like the per-article half.

A task names the article's file, its id, the day and the sentences to read (those that tell
the events the first reading left undated: only their dates are wanted, and reading only them
cut the extraction's time by two fifths on `bench/dating.py`), and the worker reads the file itself (on a
cluster the workers read the files, not this process). It hands back the mentions and the
cache entry to store: workers look in the mention cache but never write it, as in the
per-article half.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from typing import TypeVar

from models.records import Article, EventMention
from pipeline.engine.cache import CacheError, Entry, MentionCache, extracted_on_days
from pipeline.engine.engines import Engine
from pipeline.engine.parallel import batched
from pipeline.ingest.inputs import ReadOptions
from pipeline.ingest.read import read_paths

K = TypeVar("K")

TASKS_PER_BATCH = 8
"""Extractions per engine task: about the work of one batch of the per-article half (16
articles read once), since each undated article is extracted on both ends of its window."""


@dataclass(frozen=True)
class AnchorTask:
    """One article to extract as if published on `anchor` (an ISO day)."""

    path: str
    article: str
    anchor: str
    options: ReadOptions
    cache_dir: Path | None = None
    """The mention cache to look in, when the workers share this machine's disk."""
    sentences: frozenset[int] | None = None
    """The character starts of the sentences whose events to read (None: all)."""


def extract_on_anchors(engine: Engine, keyed: Iterable[tuple[K, AnchorTask]],
                       cache: MentionCache | None) -> Iterator[tuple[K, list[EventMention]]]:
    """Each task's mentions, in task order, with the key it came with (which stays in this
    process); new extractions are stored in `cache` once all are back. The tasks are read as
    the engine takes them, so what yields them (dating's linking) runs while the workers
    extract."""
    keys: deque[list[K]] = deque()  # of the batches sent, in order: a batch's results follow its sending

    def batches() -> Iterator[list[AnchorTask]]:
        for batch in batched(keyed, TASKS_PER_BATCH):
            keys.append([key for key, _ in batch])
            yield [task for _, task in batch]

    entries = []
    for results in engine.map_ordered(extract_batch, batches()):
        for key, (mentions, entry) in zip(keys.popleft(), results):
            if entry is not None:
                entries.append(entry)
            yield key, mentions
    if cache is not None and entries:
        cache.put_many(entries)  # one transaction for the round


def extract_batch(tasks: list[AnchorTask]) -> list[tuple[list[EventMention], Entry | None]]:
    """A batch of anchored extractions; the unit of work of a worker. An article's anchors come
    one after the other: it is read and analysed once for them all. An article whose file no
    longer holds it gives no mentions."""
    results: list[tuple[list[EventMention], Entry | None]] = []
    for _, group in groupby(tasks, key=lambda task: (task.path, task.article, task.sentences)):
        same = list(group)
        article = _article(same[0])
        if article is None:
            results.extend(([], None) for _ in same)
            continue
        days = [task.anchor for task in same]
        for found, entry in extracted_on_days(article, days, _cache(same[0].cache_dir), same[0].sentences):
            results.append((found.mentions, entry))
    return results


def _article(task: AnchorTask) -> Article | None:
    return next((item for item in read_paths([task.path], task.options)
                 if isinstance(item, Article) and item.id == task.article), None)


@lru_cache(maxsize=4)
def _cache(directory: Path | None) -> MentionCache | None:
    """The worker's connection to the mention cache, opened once."""
    if directory is None:
        return None
    try:
        return MentionCache(directory)
    except CacheError:
        return None  # the building process has already warned
