"""The build's parallel halves on a Dask cluster (`distributed`): one machine's, a Slurm
allocation's or a cloud's, with the output of the local engine byte for byte.

Consecutive batches go to the cluster together, a Dask task of about `ARTICLES_PER_TASK`
articles, named after its function (`analyse_batch-…`, `merge_councils-…`, as the dashboard and
the task stream show them). Only a window of tasks is in the cluster at once; results are taken
as they complete (`distributed.as_completed`), held until every task before them has come back,
and handed on in input order, so the client never holds the archive and the order, so the
chronology, is the local engine's. A worker lost mid-build (killed, pre-empted, out of memory)
has its tasks run again elsewhere by the scheduler, which also recomputes the results it held;
the build goes on.

A map's initializer (the per-article half's reading setup, which carries the manifest) is sent
once, as a task of its own that every task of the map depends on, rather than with each; being a
task, it is recomputed on a worker that joins or restarts. Each worker process runs it once,
before its first batch of that map.

The workers never open the mention cache (`workers_share_disk` is False): on a cluster they
run on other hosts, and one SQLite file must not be written from several. Importing this
module imports `distributed`; `engines.open_engine` does so only when Dask is asked for.
"""
from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import ClassVar, Generic, TypeVar

import dask
from distributed import Client, Future, LocalCluster, as_completed
from distributed.scheduler import KilledWorker

from pipeline.engine.engines import EngineUnavailable, WorkerLost
from pipeline.engine.parallel import IN_FLIGHT_PER_WORKER

T = TypeVar("T")
R = TypeVar("R")

ARTICLES_PER_TASK = 128
"""Articles a task carries (8 of build's batches of 16; one council, or several small ones, for
dedupe, whose batches count a council's articles). A task costs the client, the scheduler and a
worker ~4 ms together (bench/dask_engine.py, all three on the shared 2-core machine), and 128
seed-length articles ~1 s of work (8 ms an article on one worker), so under 1%. The scheduler
is one process: at a task a batch it would have taken 2.2 h of a 30-million-article run on
100 nodes, whose workers need 0.02 h; at 128 articles, 0.28 h. Larger tasks would only lengthen
the wait for the last ones and the work a lost worker takes with it."""
CONNECT_SECONDS = 30
"""How long to wait for a scheduler given by address: a scheduler on a busy login node can take
seconds to answer; an address that is wrong should fail the build well within a minute."""


@dataclass(frozen=True)
class _Initializer:
    """A map's initializer with the token by which a worker knows it has already run it."""

    token: str
    run: Callable[[], None]


_ran: str | None = None
"""The token of the initializer this worker process last ran (`_call`)."""


def _given(initializer: _Initializer) -> _Initializer:
    """The initializer as a task's result, for the batches of its map to depend on."""
    return initializer


def _call(function: Callable[[list[T]], list[R]], initializer: _Initializer | None, batches: list[list[T]]) -> list[list[R]]:
    """One task: each of its batches' results, after the map's initializer if this worker
    process has not run it yet."""
    global _ran
    if initializer is not None and _ran != initializer.token:
        initializer.run()
        _ran = initializer.token
    return [function(batch) for batch in batches]


def grouped(batches: Iterable[list[T]], articles_in: Callable[[T], int]) -> Iterator[list[list[T]]]:
    """Consecutive batches, together until they hold `ARTICLES_PER_TASK` articles: one task each."""
    group: list[list[T]] = []
    articles = 0
    for batch in batches:
        group.append(batch)
        articles += sum(articles_in(item) for item in batch)
        if articles >= ARTICLES_PER_TASK:
            yield group
            group, articles = [], 0
    if group:
        yield group


class DaskEngine:
    """An `Engine` on a `distributed` cluster, through `client`."""

    workers_share_disk: ClassVar[bool] = False

    def __init__(self, client: Client) -> None:
        self.client = client

    @classmethod
    @contextmanager
    def connect(cls, scheduler: str | None, jobs: int) -> Iterator[DaskEngine]:
        """An engine on the cluster at `scheduler` (else Dask's configured `scheduler-address`),
        or on a local cluster of `jobs` single-threaded worker processes (the NLP holds the GIL,
        so threads would not run it in parallel), closed afterwards."""
        address = scheduler or dask.config.get("scheduler-address", None)
        if address is None:
            with LocalCluster(n_workers=jobs, threads_per_worker=1, dashboard_address=":0", silence_logs=logging.ERROR) as cluster:
                with Client(cluster) as client:
                    yield cls(client)
            return
        try:
            client = Client(address, timeout=CONNECT_SECONDS)
        except (OSError, ValueError) as error:  # unreachable; not an address
            raise EngineUnavailable(f"cannot reach the Dask scheduler at {address} ({error})") from None
        with client:
            yield cls(client)

    def map_ordered(
        self,
        function: Callable[[list[T]], list[R]],
        batches: Iterable[list[T]],
        initializer: Callable[[], None] | None = None,
        articles_in: Callable[[T], int] = lambda item: 1,
        preload: Sequence[str] = (),
    ) -> Iterator[list[R]]:
        """`function(batch)` for each batch, in tasks on the cluster (`grouped`), results in
        input order (`Engine.map_ordered`); every batch goes to the cluster, however few."""
        name = f"{function.__name__}-{uuid.uuid4().hex}"
        prepared = self._prepared(initializer, name)
        window: _Window[list[R]] = _Window(self.in_flight(), as_completed(loop=self.client.loop))
        try:
            for index, group in enumerate(grouped(batches, articles_in)):
                window.add(index, self.client.submit(_call, function, prepared, group, key=f"{name}-{index}"))
                while window.full():
                    yield from window.next_results()
                if (index + 1) % window.limit == 0:
                    window.limit = self.in_flight()  # an adaptive or Slurm cluster grows and shrinks as it runs
            while window.held():
                yield from window.next_results()
        finally:
            window.cancel(self.client)

    def _prepared(self, initializer: Callable[[], None] | None, name: str) -> Future | None:
        if initializer is None:
            return None
        token = f"prepare-{name}"
        return self.client.submit(_given, _Initializer(token, initializer), key=token)

    def in_flight(self) -> int:
        """Tasks to keep in the cluster: as many per worker thread as the local engine keeps
        per process (`parallel.IN_FLIGHT_PER_WORKER`), so none waits for its next; at least
        one worker's worth while none has joined yet."""
        return max(sum(self.client.nthreads().values()), 1) * IN_FLIGHT_PER_WORKER


@dataclass
class _Window(Generic[R]):
    """The tasks sent and not yet handed on: running, or back but waiting for an earlier one."""

    limit: int
    running: as_completed
    """The tasks running, on this client's loop (not the default client's: a process may have several)."""
    index_of: dict[Future, int] = field(default_factory=dict)
    results: dict[int, list[R]] = field(default_factory=dict)
    """Each task's batches' results, by task."""
    handed: int = 0
    """Tasks handed on so far: the index of the next one to hand on."""

    def add(self, index: int, future: Future) -> None:
        self.index_of[future] = index
        self.running.add(future)

    def held(self) -> int:
        return len(self.index_of) + len(self.results)

    def full(self) -> bool:
        return self.held() >= self.limit

    def next_results(self) -> Iterator[R]:
        """Wait for the next task to complete, then hand on each batch's result now in order.
        Its future is dropped once its result is here, so the cluster forgets it."""
        future = next(self.running)
        try:
            self.results[self.index_of.pop(future)] = future.result()
        except KilledWorker as error:
            raise WorkerLost(f"{error} (killed, or out of memory); nothing was written") from None
        while self.handed in self.results:
            yield from self.results.pop(self.handed)
            self.handed += 1

    def cancel(self, client: Client) -> None:
        """Stop what is still running (the build failed or stopped reading)."""
        if self.index_of:
            client.cancel(list(self.index_of))
