"""Worker processes for the per-article stage: results in input order, bounded memory.

`ProcessPoolExecutor.map` and `Pool.imap` both read their whole input ahead of the workers,
which for an archive means every article's text in memory at once. `ordered_map` instead keeps
only a few batches in flight per worker and yields each batch's results as soon as it and every
batch before it are done, so output order (and so the chronology) is the same for any number
of jobs, and memory stays flat however long the archive.
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

IN_FLIGHT_PER_WORKER = 3
"""Batches queued per worker: one running and two waiting, so a worker finds its next batch
ready even when the reader stalls on a slow file; 3 x 16 articles per worker is all the
article text held at once, whatever the size of the archive."""
WORKERS_WORTH_IT = 200
"""Articles waiting before worker processes are started. A worker costs ~1.5 s to start
(interpreter, spaCy, the pipeline) on the 2-core bench machine, the time this process takes
for ~200 synthetic articles itself; smaller runs (the sample corpus, tests) stay in-process."""


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ordered_map(
    function: Callable[[list[T]], list[R]],
    batches: Iterable[list[T]],
    jobs: int,
    initializer: Callable[[], None] | None = None,
    articles_in: Callable[[T], int] = lambda item: 1,
    preload: Sequence[str] = (),
) -> Iterator[list[R]]:
    """`function(batch)` for each batch, in input order.

    With `jobs` > 1 the calls run in worker processes, started only once `WORKERS_WORTH_IT`
    articles are waiting (`articles_in` tells how many an item holds; one by default): a small
    run computes in this process and starts none. `function` must
    be a module-level function and `initializer` one or a `functools.partial` of one (workers
    get them by pickling). Workers start from a fork server rather than as forks of this
    process, which may hold threads (a progress bar) that a fork would copy mid-flight; the
    server imports `function`'s module and the modules named in `preload` once for them all."""
    held: list[list[T]] = []
    batches = iter(batches)
    if jobs > 1:
        for batch in batches:
            held.append(batch)
            if sum(articles_in(item) for batch in held for item in batch) >= WORKERS_WORTH_IT:
                modules = (function.__module__, *preload)
                yield from _in_workers(function, chain(held, batches), jobs, initializer, modules)
                return
    yield from (function(batch) for batch in chain(held, batches))


def _in_workers(
    function: Callable[[list[T]], list[R]],
    batches: Iterable[list[T]],
    jobs: int,
    initializer: Callable[[], None] | None,
    modules: Sequence[str],
) -> Iterator[list[R]]:
    with _pool(jobs, initializer, modules) as pool:
        pending: deque[Future[list[R]]] = deque()
        for batch in batches:
            pending.append(pool.submit(function, batch))
            while len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


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
