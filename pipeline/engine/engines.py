"""Where a build's two parallel halves run: this machine's worker processes, or a Dask cluster.

The per-article half and dedupe are each one `map_ordered` of a module-level function over
batches, results in input order; the build is written against this one call, so it is the
same build, byte for byte, on either engine. `LocalEngine` is `parallel.Workers`, whose
processes serve every map of the build; `DaskEngine` (`pipeline.engine.dask_engine`) sends the
batches to a `distributed` cluster and is imported only when asked for, so chronicle runs
without Dask installed.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from typing import ClassVar, Protocol, TypeVar

from pipeline.engine.parallel import Workers
from pipeline.ingest.remote import HOW_TO_INSTALL

T = TypeVar("T")
R = TypeVar("R")


class EngineName(str, Enum):
    """The engines `chronicle build --engine` offers."""

    local = "local"
    dask = "dask"


class EngineUnavailable(Exception):
    """The engine asked for cannot run here; the message says what to install or fix."""


class WorkerLost(Exception):
    """A batch could not be finished because the workers given it kept dying; nothing is written."""


class Engine(Protocol):
    """Runs `function` over batches somewhere, giving its results back in input order."""

    workers_share_disk: ClassVar[bool]
    """Whether the workers run on this machine, so may open the mention cache's SQLite file
    (which must never be written from several hosts)."""

    def map_ordered(
        self,
        function: Callable[[list[T]], list[R]],
        batches: Iterable[list[T]],
        initializer: Callable[[], None] | None = None,
        articles_in: Callable[[T], int] = lambda item: 1,
        preload: Sequence[str] = (),
    ) -> Iterator[list[R]]:
        """`function(batch)` for each batch, in input order, with only a few batches in flight.
        `function` is module-level and `initializer` (run once in each worker before its first
        batch) one or a `functools.partial` of one: both reach workers by pickling.
        `articles_in` and `preload` are hints an engine may use (`parallel.Workers`)."""
        ...


class LocalEngine(Workers):
    """This machine's worker processes (`parallel.Workers`), `jobs` of them, started by the first
    map worth them and kept for every later one until the engine is closed (or left as a
    context)."""

    workers_share_disk: ClassVar[bool] = True


@contextmanager
def open_engine(name: EngineName, jobs: int, scheduler: str | None = None) -> Iterator[Engine]:
    """The engine named, ready for one or more builds, and shut down afterwards. A Dask engine
    joins the cluster at `scheduler` (else at Dask's configured `scheduler-address`, which
    `DASK_SCHEDULER_ADDRESS` sets) or, with neither, starts a local cluster of `jobs` workers."""
    if name is EngineName.local:
        with LocalEngine(jobs) as engine:
            yield engine
        return
    try:
        from pipeline.engine.dask_engine import DaskEngine
    except ImportError:
        raise EngineUnavailable(f"--engine dask needs Dask's distributed scheduler: {HOW_TO_INSTALL}") from None
    with DaskEngine.connect(scheduler, jobs) as engine:
        yield engine
