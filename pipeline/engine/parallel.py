"""Worker processes for the build's parallel halves: results in input order, bounded memory.

`ProcessPoolExecutor.map` and `Pool.imap` both read their whole input ahead of the workers,
which for an archive means every article's text in memory at once. `Workers.map_ordered`
instead keeps only a few batches in flight per worker and yields each batch's results as soon
as it and every batch before it are done, so output order (and so the chronology) is the same
for any number of jobs, and memory stays flat however long the archive. One `Workers` serves
every map of a build: the reading, dating's extraction rounds and dedupe share its processes.
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, count, islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
W = TypeVar("W", bound="Workers")

IN_FLIGHT_PER_WORKER = 3
"""Batches queued per worker: one running and two waiting, so a worker finds its next batch
ready even when the reader stalls on a slow file; 3 x 16 articles per worker is all the
article text held at once, whatever the size of the archive."""
WORKERS_WORTH_IT = 200
"""Articles waiting before worker processes are started. A worker costs ~1.5 s to start
(interpreter, spaCy, the pipeline) on the 2-core bench machine, the time this process takes
for ~200 synthetic articles itself; smaller runs (the sample corpus, tests) stay in-process.
Once started, the workers take every later map, however small."""


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Workers:
    """`jobs` worker processes, started by the first map with work enough for them and kept
    for the maps after it until `close`. Dating extracts an undated article again in the
    workers that read the archive, which have spaCy and chronicle's pipeline loaded: in a
    pool of its own each round paid for starting one, and a round too small for a pool
    imported spaCy in the building process (`bench/dating.py`)."""

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None
        self._maps = count()
        """Numbers the maps, so that each worker runs a map's initializer once."""

    def map_ordered(
        self,
        function: Callable[[list[T]], list[R]],
        batches: Iterable[list[T]],
        initializer: Callable[[], None] | None = None,
        articles_in: Callable[[T], int] = lambda item: 1,
        preload: Sequence[str] = (),
    ) -> Iterator[list[R]]:
        """`function(batch)` for each batch, in input order.

        With `jobs` > 1 the calls run in worker processes, started only once `WORKERS_WORTH_IT`
        articles are waiting (`articles_in` tells how many an item holds; one by default): a small
        run computes in this process and starts none. `function` must be a module-level
        function and `initializer` (run once in each worker before its first batch of this map)
        one or a `functools.partial` of one: workers get them by pickling. Workers start from a
        fork server rather than as forks of this process, which may hold threads (a progress
        bar) that a fork would copy mid-flight; the server imports `function`'s module and the
        modules named in `preload` once for them all."""
        batches = iter(batches)
        if self._pool is None and self.jobs > 1:
            held, worth_it = _held_until_worth_it(batches, articles_in)
            batches = chain(held, batches)
            if worth_it:
                self._pool = _pool(self.jobs, initializer, (function.__module__, *preload))
                initializer = None  # the pool's own, run as each worker starts
        if self._pool is None:
            yield from (function(batch) for batch in batches)
        else:
            yield from self._in_workers(self._pool, function, batches, initializer)

    def _in_workers(
        self,
        pool: ProcessPoolExecutor,
        function: Callable[[list[T]], list[R]],
        batches: Iterable[list[T]],
        initializer: Callable[[], None] | None,
    ) -> Iterator[list[R]]:
        key = next(self._maps)
        pending: deque[Future[list[R]]] = deque()
        for batch in batches:
            pending.append(pool.submit(_initialised_call, key, initializer, function, batch))
            while len(pending) >= self.jobs * IN_FLIGHT_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        """Stop the workers (waiting for what they are doing); a later map starts others."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self: W) -> W:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _held_until_worth_it(batches: Iterator[list[T]], articles_in: Callable[[T], int]) -> tuple[list[list[T]], bool]:
    """The first batches, taken until they hold `WORKERS_WORTH_IT` articles or there are no
    more, and whether they hold that many."""
    held: list[list[T]] = []
    articles = 0
    for batch in batches:
        held.append(batch)
        articles += sum(articles_in(item) for item in batch)
        if articles >= WORKERS_WORTH_IT:
            return held, True
    return held, False


_initialised: set[int] = set()
"""In a worker: the maps whose initializer it has run."""


def _initialised_call(key: int, initializer: Callable[[], None] | None, function: Callable[[list[T]], list[R]],
                      batch: list[T]) -> list[R]:
    """`function(batch)` in a worker, after the map's `initializer` if this worker has not run it yet."""
    if initializer is not None and key not in _initialised:
        initializer()
        _initialised.add(key)
    return function(batch)


def start_server(modules: Sequence[str]) -> None:
    """Start the fork server now, importing `modules`, rather than when the first pool needs it:
    its imports then run on another core while this process does its own, instead of after."""
    if _forkserver_context(modules):
        multiprocessing.forkserver.ensure_running()


def _pool(jobs: int, initializer: Callable[[], None] | None, modules: Sequence[str]) -> ProcessPoolExecutor:
    """Workers forked from a fork server that has imported `modules` (the work's): importing
    chronicle's pipeline costs a process ~1.5 s, paid once by the server instead of by every
    worker of every pool."""
    context = _forkserver_context(modules) or multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=initializer)


def _forkserver_context(modules: Sequence[str]) -> multiprocessing.context.BaseContext | None:
    """The fork-server context, its server set to import `modules`; None where there is no fork server."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return None
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(modules))
    return context


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last may be shorter), read as they are needed."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
