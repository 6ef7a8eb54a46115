"""The Dask engine against the local one on a synthetic archive, and what the scheduler costs a task.

    python bench/dask_engine.py --articles 20000 [--runs 3] [--length seed|short] [--tasks 2000]
                                [--nodes 100] [--cores-per-node 32] [--national 30000000]

Writes a synthetic archive (`bench/synthetic.py`, fixed seed) to a temp dir and measures:
  * builds: `chronicle build --format json --quiet --no-cache` as a subprocess timed from start
    to exit, with the local engine (every core), then `--engine dask --jobs 1` and `--jobs 2`
    (a local cluster of one or two worker processes, its start-up included), the three
    alternated in each of --runs rounds so the machine's load falls on all alike; medians;
  * per-task overhead, on a local cluster of one worker, median of three: --tasks trivial
    tasks submitted one by one, as the engine submits them, all in flight, then gathered (the
    client's, the scheduler's and the worker's cost of a task: what bounds a big cluster, where
    the engine's window of 3 tasks a worker thread hides round trips); and what a batch of 16
    trivial items costs through `DaskEngine.map_ordered`, which sends batches in tasks of
    `ARTICLES_PER_TASK` articles (8 batches) and keeps 3 tasks a worker thread in flight;
  * the client's own time: one build in this process on that cluster, timing how long the
    client waits for results; the rest is its serial share (listing, filing, syndication,
    dating, rendering), which no number of workers shortens;
and from these a paper estimate of a --nodes run of a --national archive: the workers' share,
the scheduler's (tasks x per-task cost; it is one process) and the client's, whichever is longest.
The code is copied to the temp dir when the bench starts, as in `bench/throughput.py`.
"""
from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, TypeVar

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.synthetic import LENGTHS, archive  # noqa: E402
from bench.throughput import CHRONICLE, measure, snapshot  # noqa: E402
from pipeline.engine.build import BATCH_ITEMS, build_on_disk  # noqa: E402
from pipeline.engine.dask_engine import ARTICLES_PER_TASK, DaskEngine  # noqa: E402
from pipeline.render import render_text  # noqa: E402

T = TypeVar("T")
R = TypeVar("R")

ENGINES = {"local": [], "dask, 1 worker": ["--engine", "dask", "--jobs", "1"], "dask, 2 workers": ["--engine", "dask", "--jobs", "2"]}


def nothing(batch: list[int]) -> list[int]:
    """A task with no work: what is left of its time is the engine's."""
    return batch


@dataclass
class Waiting:
    """An engine that counts how long its caller waits for results, less the time the caller's
    own batches take to make (listing files, reading a council from the workspace): the rest of
    a build is the caller's own time."""

    engine: DaskEngine
    seconds: float = 0.0
    workers_share_disk: ClassVar[bool] = False

    def map_ordered(self, function: Callable[[list[T]], list[R]], batches: Iterable[list[T]], *args: object, **kwargs: object) -> Iterator[list[R]]:
        results = self.engine.map_ordered(function, self._made(batches), *args, **kwargs)  # type: ignore[arg-type]
        while True:
            start = time.perf_counter()
            result = next(results, None)
            self.seconds += time.perf_counter() - start
            if result is None:
                return
            yield result

    def _made(self, batches: Iterable[list[T]]) -> Iterator[list[T]]:
        batches = iter(batches)
        while True:
            start = time.perf_counter()
            batch = next(batches, None)
            self.seconds -= time.perf_counter() - start
            if batch is None:
                return
            yield batch


def builds(root: Path, code: Path, runs: int) -> dict[str, float]:
    """Median wall time of each engine's cold build, the engines alternated in each round."""
    times: dict[str, list[float]] = {name: [] for name in ENGINES}
    for round_ in range(runs):
        for name, options in ENGINES.items():
            command = [*CHRONICLE, "build", str(root), "--format", "json", "--quiet", "--no-cache", *options]
            times[name].append(measure(command, code).seconds)
        print(f"  round {round_ + 1}: " + ", ".join(f"{name} {seconds[-1]:.1f} s" for name, seconds in times.items()), flush=True)
    return {name: statistics.median(seconds) for name, seconds in times.items()}


def per_task(run: Callable[[], object], tasks: int) -> float:
    """Median seconds a trivial task costs, over three runs of `run` (`tasks` of them)."""
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        run()
        runs.append((time.perf_counter() - start) / tasks)
    return statistics.median(runs)


def all_in_flight(client: object, tasks: int) -> Callable[[], object]:
    """`tasks` trivial tasks submitted one by one and then gathered: the pace of the client's
    submits and the scheduler, with no round trip waited for."""
    return lambda: client.gather([client.submit(nothing, [index], pure=False) for index in range(tasks)])  # type: ignore[attr-defined]


def through_engine(engine: DaskEngine, batches: int) -> Callable[[], object]:
    """`batches` trivial batches of build's size through the engine, as the build sends them."""
    return lambda: list(engine.map_ordered(nothing, ([index] * BATCH_ITEMS for index in range(batches))))


def client_share(engine: DaskEngine, root: Path) -> tuple[float, float]:
    """One build here on `engine`, rendered as JSON: its wall time and the client's own time in it."""
    waiting = Waiting(engine)
    start = time.perf_counter()
    with build_on_disk([str(root)], engine=waiting) as built:  # type: ignore[arg-type]
        render_text("json", built.view)
    wall = time.perf_counter() - start
    return wall, wall - waiting.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--length", choices=LENGTHS, default=LENGTHS[0])
    parser.add_argument("--tasks", type=int, default=2000, help="trivial tasks timed for the per-task cost")
    parser.add_argument("--nodes", type=int, default=100)
    parser.add_argument("--cores-per-node", type=int, default=32)
    parser.add_argument("--national", type=int, default=30_000_000, help="articles of the archive estimated")
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, load average before {load[0]:.2f} {load[1]:.2f}")
    with tempfile.TemporaryDirectory(prefix="chronicle-dask-bench-") as scratch_name:
        scratch = Path(scratch_name)
        code = snapshot(scratch)
        root = scratch / "archive"
        words = archive(root, args.articles, args.seed, args.length)
        print(f"archive: {args.articles:,} articles, {words:,} words (--length {args.length}, seed {args.seed}); "
              f"medians of {args.runs} rounds, engines alternated")
        medians = builds(root, code, args.runs)
        for name, seconds in medians.items():
            print(f"{name:<16} {seconds:8.2f} s {words / seconds:10,.0f} words/s   {medians['local'] / seconds:5.2f}x the local engine's words/s")
        from distributed import Client, LocalCluster

        with LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=":0", silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            engine = DaskEngine(client)
            overhead = per_task(all_in_flight(client, args.tasks), args.tasks)
            per_batch = per_task(through_engine(engine, args.tasks), args.tasks)
            print(f"per-task overhead ({args.tasks:,} trivial tasks, one worker, median of 3): {overhead * 1000:.2f} ms "
                  f"a task, all in flight; {per_batch * 1000:.2f} ms a batch of {BATCH_ITEMS} through the engine "
                  f"({ARTICLES_PER_TASK // BATCH_ITEMS} batches a task)")
            wall, own = client_share(engine, root)
            print(f"client's own time in a one-worker build here: {own:.1f} s of {wall:.1f} s, {own / args.articles * 1e6:.0f} µs an article")
        estimate(args, words / args.articles, medians["dask, 1 worker"] / args.articles, overhead, own / args.articles)
    load = os.getloadavg()
    print(f"load average after {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


def estimate(args: argparse.Namespace, words_each: float, worker_seconds: float, overhead: float, client_seconds: float) -> None:
    """The paper estimate: each share of a national build on `args.nodes` nodes, the longest the bound."""
    workers = args.nodes * args.cores_per_node
    tasks = args.national / ARTICLES_PER_TASK
    shares = {
        f"workers ({workers:,} single-threaded, at the 1-worker rate)": args.national * worker_seconds / workers,
        f"scheduler and submits ({tasks:,.0f} tasks x {overhead * 1000:.2f} ms)": tasks * overhead,
        "client (its own time an article, serial)": args.national * client_seconds,
    }
    print(f"paper estimate, {args.national:,} articles ({args.national * words_each:,.0f} words) on {args.nodes} nodes:")
    for name, seconds in shares.items():
        print(f"  {name:<60} {seconds / 3600:7.2f} h")
    print(f"  bound: {max(shares.values()) / 3600:.2f} h, set by the {max(shares, key=shares.get).split(' (')[0]}")


if __name__ == "__main__":
    main()
