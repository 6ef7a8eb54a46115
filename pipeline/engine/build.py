"""The whole job: paths in, a chronology out (ingest → clean → nlp → events → dedupe → chronology).

The job has two halves. The per-article half (`analyse_batch`) reads an article's file, looks
the article up in the mention cache and, when it is not there, extracts its mentions and its
syndication signature (`pipeline.extract.analysis`): pure work, run in worker processes
(`pipeline.engine.engines`: here, or on a Dask cluster) on batches of inputs, so the process that runs the build only lists
files and collects results, and never imports the NLP. That process does the rest in reading
order: it finds syndicated copies, files each article and its mentions in the build's on-disk
workspace (`pipeline.engine.workspace`) and, once everything is read, dates the undated
articles from the archive as a whole (`pipeline.engine.dating`), deduplicates council by
council and stores each council's chronology for the renderers to stream. Nothing held in memory grows
with the number of articles.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from models.records import (
    MENTIONS,
    Article,
    ArticleSummary,
    Chronology,
    EventMention,
    Problem,
)
from pipeline.engine import memory
from pipeline.engine.cache import (
    CacheError,
    Entry,
    MentionCache,
    build_key,
    extracted,
)
from pipeline.engine.engines import Engine, LocalEngine
from pipeline.engine.parallel import batched, start_server
from pipeline.engine.resume import Ledger
from pipeline.engine.dating import date_undated
from pipeline.engine.workspace import CouncilMentions, Merged, Workspace
from pipeline.ingest.inputs import ReadOptions
from pipeline.ingest.read import plan_paths, read_file
from pipeline.merge import dedupe, syndication
from pipeline.merge.chronology import council_chronology, summarise
from pipeline.render.view import ChronologyView, EventTotals, ReadTotals

BATCH_ITEMS = 16
"""Inputs per task sent to a worker. On the bench's ~200-word articles a batch is ~60 ms of
work (about twice that on its ~500-word ones), so the cost of shipping it to a worker and back is a few per cent;
larger batches only add to memory and to the wait for the last one."""

COUNCILS_PER_TASK = 1
"""Councils per dedupe task sent to a worker: a council of the 20,000-article bench is ~130
articles' mentions, tens of milliseconds of work, enough to be worth shipping alone; and the
councils in flight are all of the mentions held in memory at once, so fewer is flatter."""

ANALYSIS_PRELOAD = ("pipeline.extract.analysis",)
"""What the workers' fork server imports for `analyse_batch` besides this module: the NLP
(spaCy, the date tagger, the extractors), which this process then never imports itself."""


Progress = Callable[[], None]
"""Called once for each article done, in input order."""


@dataclass(frozen=True)
class Setup:
    """What the per-article half needs besides its inputs: how to read files, and the cache to look in."""

    options: ReadOptions = field(default_factory=ReadOptions)
    cache_dir: Path | None = None


@dataclass(frozen=True)
class Analysed:
    """One article as the per-article half hands it back."""

    summary: ArticleSummary
    mentions: list[tuple[str, bytes]]
    """Per council (in order of first mention), its mentions as JSON (`MENTIONS`), in reading order."""
    signature: bytes | None
    cached: bool
    """Whether the mentions came from the cache rather than from extraction."""
    entry: Entry | None = None
    """The cache entry to store: given when the article was analysed now and a cache is in use."""


@dataclass
class BuildResult:
    """A built chronology held in memory, with what was read to build it."""

    chronology: Chronology
    articles: int = 0
    analysed: int = 0
    """Articles whose NLP ran (the rest came from the cache)."""
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Built:
    """A built chronology kept on disk, to render as a stream; close it (or use `with`) when done."""

    view: ChronologyView
    workspace: Workspace
    articles: int = 0
    analysed: int = 0
    problems: list[Problem] = field(default_factory=list)

    def __enter__(self) -> Built:
        return self

    def __exit__(self, *exc: object) -> None:
        self.workspace.close()


@dataclass
class _Reading:
    """What the reading pass has gathered besides the workspace's contents."""

    problems: list[Problem] = field(default_factory=list)
    totals: ReadTotals = field(default_factory=ReadTotals)
    analysed: int = 0
    resumable: bool = False
    """Whether a later build could resume from the workspace (`pipeline.engine.resume`): worth keeping."""


def start_workers_early() -> None:
    """Start the workers' fork server now, rather than when the first batch of articles is
    ready: its imports then run on another core while this process lists the inputs."""
    start_server((__name__, *ANALYSIS_PRELOAD))


def build(
    paths: Iterable[str],
    options: ReadOptions | None = None,
    *,
    jobs: int = 1,
    cache: MentionCache | None = None,
    progress: Progress | None = None,
    engine: Engine | None = None,
) -> BuildResult:
    """The chronology of every article under `paths`, in memory: for tests and small inputs."""
    with build_on_disk(paths, options, jobs=jobs, cache=cache, progress=progress, engine=engine) as built:
        return BuildResult(built.view.materialise(), built.articles, built.analysed, built.problems)


def build_on_disk(
    paths: Iterable[str],
    options: ReadOptions | None = None,
    *,
    jobs: int = 1,
    cache: MentionCache | None = None,
    progress: Progress | None = None,
    engine: Engine | None = None,
) -> Built:
    """The chronology of every article under `paths`, kept on disk; the same for any `jobs`, any
    cache and any engine (`jobs` local worker processes when none is given, stopped at the end).
    The workers look in the mention cache only when they share this machine's disk; this process
    keeps using it."""
    with nullcontext(engine) if engine is not None else LocalEngine(jobs) as running:
        return _built(list(paths), options or ReadOptions(), running, cache, progress)


def _built(paths: list[str], options: ReadOptions, engine: Engine, cache: MentionCache | None,
           progress: Progress | None) -> Built:
    """`build_on_disk` by a running engine."""
    setup = Setup(options, cache.path.parent if cache and engine.workers_share_disk else None)
    key = build_key(paths, repr(setup.options))
    if cache is not None:
        cache.forget_other_versions()
    workspace = Workspace(start_from=cache.kept_build(key) if cache else None)
    try:
        reading = _read(workspace, plan_paths(paths, setup.options), setup, engine, cache, progress)
        if cache is not None and reading.resumable:
            cache.keep_build(key, workspace.save_as)  # before dating: a resumed build dates again from what it reads
        workspace.index()
        for published in date_undated(workspace, setup.options, cache, engine):
            reading.totals = reading.totals.dating(published)
        totals = _deduplicate(workspace, engine, cache)
    except BaseException:
        workspace.close()
        raise
    view = ChronologyView(
        councils=workspace.councils,
        articles=workspace.articles,
        url_of=workspace.url_of,
        read=reading.totals,
        totals=totals,
        warnings=[problem.line() for problem in reading.problems],
    )
    return Built(view, workspace, reading.totals.articles, reading.analysed, reading.problems)


def _read(
    workspace: Workspace,
    items: Iterable[str | Article | Problem],
    setup: Setup,
    engine: Engine,
    cache: MentionCache | None,
    progress: Progress | None,
) -> _Reading:
    """Analyse every input (by the engine) and file the results in reading order, going on from
    what the workspace already holds of them (`pipeline.engine.resume`)."""
    ledger = Ledger(workspace)
    resumed, batches = ledger.resume(batched(items, BATCH_ITEMS))
    workspace.forget_from(resumed.totals.articles)
    copies = syndication.CopyFinder(workspace.db, kept=resumed.stories)
    reading = _Reading(problems=resumed.problems, totals=resumed.totals)
    if progress:
        for _ in range(resumed.totals.articles):
            progress()
    prepare(setup)
    for results in engine.map_ordered(analyse_batch, ledger.sending(batches), partial(prepare, setup), preload=ANALYSIS_PRELOAD):
        problems = [result for result in results if isinstance(result, Problem)]
        reading.problems.extend(problems)
        for result in results:
            if isinstance(result, Problem):
                continue
            summary = result.summary
            origin = copies.origin_of(summary.id, result.signature)
            if origin:
                summary = summary.model_copy(update={"copy_of": origin})
            workspace.add_article(summary, result.mentions)
            reading.totals = reading.totals.adding(summary.published)
            reading.analysed += not result.cached
            if progress:
                progress()
        ledger.read(copies.stories, reading.totals, problems)
        if cache is not None:
            cache.put_many(result.entry for result in results if isinstance(result, Analysed) and result.entry)
    reading.resumable = ledger.holds_any()
    return reading


def _deduplicate(workspace: Workspace, engine: Engine, cache: MentionCache | None) -> EventTotals:
    """Merge each council's mentions into events (councils are independent, so by the engine) and
    store its chronology; count what was stored. A council whose mentions are those of a
    cached chronology takes it from the cache: adding a week's articles to an archive changes
    a few councils, and only those are merged again."""
    totals = EventTotals()
    fingerprints: dict[str, str] = {}  # of the councils sent to be merged, until they come back to be cached

    def keep(merged: Merged) -> None:
        nonlocal totals
        workspace.add_council(merged.council, merged.block)
        totals = EventTotals(events=totals.events + merged.events, councils=totals.councils + 1)

    def not_cached() -> Iterator[CouncilMentions]:
        for council in workspace.mentions_by_council():
            if cache is None:
                yield council
                continue
            fingerprint = council.fingerprint()
            stored = cache.get_council(council.council, fingerprint)
            if stored is None:
                fingerprints[council.council] = fingerprint
                yield council
            else:
                keep(Merged(council.council, *stored))

    workers_start = memory.return_large_buffers
    batches = batched(not_cached(), COUNCILS_PER_TASK)
    for merged in engine.map_ordered(merge_councils, batches, workers_start, articles_in=lambda council: len(council.mentions)):
        for one in merged:
            keep(one)
            if cache is not None:
                cache.put_council(one.council, fingerprints.pop(one.council), one.block, one.events)
    return totals


def merge_councils(councils: list[CouncilMentions]) -> list[Merged]:
    """Each council's chronology: the unit of work of dedupe."""
    merged = []
    for council in councils:
        block = council_chronology(council.council, dedupe.cluster(council.parsed(), council.origins), council.origins)
        merged.append(Merged(council.council, block.model_dump_json().encode(), len(block.told())))
    return merged


_setup = Setup()
_cache: MentionCache | None = None
"""The per-article half's setup in this process: given to each worker once when it starts
(rather than with every batch: a manifest can be large), and set in the building process for
the batches it runs itself."""


def prepare(setup: Setup) -> None:
    """Ready this process to run `analyse_batch` with `setup`: each worker's initializer. The
    spaCy pipeline is loaded on first use, so a worker given only cached articles never loads it."""
    global _setup, _cache
    memory.return_large_buffers()
    _setup = setup
    try:
        _cache = MentionCache(setup.cache_dir) if setup.cache_dir else None
    except CacheError:
        _cache = None  # the building process has already warned


def analyse_batch(items: list[str | Article | Problem]) -> list[Analysed | Problem]:
    """Each input of a batch analysed: a path is read here (every article in its file), an
    article analysed, a problem passed on. The unit of work of a worker process."""
    results: list[Analysed | Problem] = []
    for item in items:
        for found in read_file(item, _setup.options) if isinstance(item, str) else [item]:
            results.append(found if isinstance(found, Problem) else analyse(found))
    return results


def analyse(article: Article) -> Analysed:
    """One article's summary, mentions by council and signature: from the cache when it has them."""
    found, entry = extracted(article, _cache)  # the NLP, when it runs, is imported there: see ANALYSIS_PRELOAD
    cached = _cache is not None and entry is None
    summary = summarise(article, window=found.own_window)
    return Analysed(summary, _by_council(found.mentions), found.signature, cached, entry)


def _by_council(mentions: list[EventMention]) -> list[tuple[str, bytes]]:
    groups: dict[str, list[EventMention]] = {}
    for mention in mentions:
        groups.setdefault(mention.council, []).append(mention)
    return [(council, MENTIONS.dump_json(group)) for council, group in groups.items()]
