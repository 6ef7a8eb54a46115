"""--engine dask: a real `distributed` cluster runs the build's two halves, and the output is the
local engine's byte for byte, in every format, even when a worker is killed mid-build."""
from __future__ import annotations

import gzip
import os
import shutil
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
fsspec = pytest.importorskip("fsspec")

from bench.synthetic import archive  # noqa: E402
from pipeline.engine import dask_engine  # noqa: E402
from pipeline.engine.build import build, build_on_disk  # noqa: E402
from pipeline.engine.dask_engine import DaskEngine  # noqa: E402
from pipeline.engine.engines import Engine, LocalEngine, WorkerLost  # noqa: E402
from pipeline.render import RENDERERS, render_text  # noqa: E402
from tests.dask_cluster import CLUSTER_SECONDS, local_client  # noqa: E402
from tests.paths import DATA, SAMPLES  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with local_client() as connected:
        yield connected


@pytest.fixture(scope="module")
def engine(client: distributed.Client) -> DaskEngine:
    return DaskEngine(client)


def every_format(inputs: list[str], engine: Engine | None = None, progress: Callable[[], None] | None = None) -> dict[str, str]:
    """The build's output in every format (and its warnings), on the engine given or the local one."""
    with build_on_disk(inputs, engine=engine, progress=progress) as built:
        rendered = {fmt: render_text(fmt, built.view) for fmt in RENDERERS}
        rendered["problems"] = "\n".join(problem.line() for problem in built.problems)
        return rendered


@pytest.fixture(scope="module")
def seeds_like(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """A small archive like the user's seeds (~500-word articles, bench/synthetic.py), with a
    JSON Lines dump read by the client and inputs that cannot be read, which become problems."""
    root = tmp_path_factory.mktemp("seeds-like")
    archive(root / "articles", 24, seed=11, length="seed")
    shutil.copy(DATA / "bad_line.jsonl", root / "bad_line.jsonl")
    shutil.copy(DATA / "empty.txt", root / "empty.txt")
    return [str(root), str(root / "missing.txt")]


@pytest.fixture(scope="module")
def sample_outputs(engine: DaskEngine) -> tuple[dict[str, str], dict[str, str]]:
    return every_format([str(SAMPLES)]), every_format([str(SAMPLES)], engine=engine)


@pytest.fixture(scope="module")
def seeds_outputs(engine: DaskEngine, seeds_like: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    return every_format(seeds_like), every_format(seeds_like, engine=engine)


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_sample_articles_are_byte_identical_to_the_local_engine(fmt: str, sample_outputs: tuple[dict, dict]) -> None:
    local, dask = sample_outputs
    assert dask[fmt] == local[fmt] and local[fmt]


@pytest.mark.parametrize("fmt", [*sorted(RENDERERS), "problems"])
def test_seeds_like_archive_is_byte_identical_to_the_local_engine(fmt: str, seeds_outputs: tuple[dict, dict]) -> None:
    local, dask = seeds_outputs
    assert dask[fmt] == local[fmt] and local[fmt]


def test_bad_input_is_the_same_one_line_problem_as_locally(seeds_outputs: tuple[dict, dict]) -> None:
    _, dask = seeds_outputs
    lines = dask["problems"].splitlines()
    assert any("bad_line.jsonl" in line for line in lines) and any("missing.txt" in line for line in lines)
    assert all("Traceback" not in line for line in lines)


def test_both_halves_run_as_tasks_on_the_cluster(engine: DaskEngine, client: distributed.Client) -> None:
    """Even a run too small for the local engine to start workers goes to the cluster's workers."""
    with distributed.get_task_stream(client=client) as stream:
        build([str(SAMPLES / "basic")], engine=engine)
    ran = {(record["key"].split("-", 1)[0], record["worker"]) for record in stream.data}
    workers = set(client.scheduler_info()["workers"])
    assert {name for name, _ in ran} >= {"analyse_batch", "merge_councils"}
    assert {worker for _, worker in ran} <= workers


def test_progress_ticks_once_an_article_as_locally(engine: DaskEngine) -> None:
    ticks = {"local": 0, "dask": 0}

    def tick(name: str) -> Callable[[], None]:
        return lambda: ticks.__setitem__(name, ticks[name] + 1)

    local = build([str(SAMPLES / "basic")], progress=tick("local"))
    build([str(SAMPLES / "basic")], engine=engine, progress=tick("dask"))
    assert ticks["dask"] == ticks["local"] == local.articles > 0


def doubled(batch: list[int]) -> list[int]:
    return [item * 2 for item in batch]


def test_results_come_back_in_input_order_with_few_tasks_in_flight(engine: DaskEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dask_engine, "ARTICLES_PER_TASK", 4)  # two batches of two a task
    pulled = 0

    def batches() -> Iterator[list[int]]:
        nonlocal pulled
        for index in range(60):
            pulled += 1
            yield [index, index]

    limit = engine.in_flight()
    for handed, result in enumerate(engine.map_ordered(doubled, batches())):
        assert result == doubled([handed, handed])
        assert pulled <= handed + 1 + 2 * limit


def test_tasks_carry_batches_until_they_hold_enough_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    """A big council is a task of its own; small ones share one."""
    monkeypatch.setattr(dask_engine, "ARTICLES_PER_TASK", 10)
    councils = [[12], [3], [4], [5], [1]]  # each batch one council, of this many articles
    assert list(dask_engine.grouped(councils, articles_in=lambda articles: articles)) == [[[12]], [[3], [4], [5]], [[1]]]


def test_a_worker_killed_mid_build_is_replaced_and_the_output_is_identical(
    engine: DaskEngine, client: distributed.Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dask_engine, "ARTICLES_PER_TASK", 16)  # a task a batch: both workers busy when one dies
    archive(tmp_path, 240, seed=3, length="short")
    before = client.run(os.getpid)
    victim = sorted(before.values())[0]
    killed = []

    def kill_once() -> None:
        if not killed:  # the first result is back: the other batches are queued or running
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    dask = every_format([str(tmp_path)], engine=engine, progress=kill_once)
    with LocalEngine(jobs=2) as local_engine:
        local = every_format([str(tmp_path)], engine=local_engine)
    assert killed and dask["json"] == local["json"] and dask["md"] == local["md"]
    client.wait_for_workers(2, timeout=CLUSTER_SECONDS)
    assert victim not in client.run(os.getpid).values()


def dies(batch: list[int]) -> list[int]:
    os.kill(os.getpid(), signal.SIGKILL)
    return batch


def test_a_batch_whose_workers_keep_dying_ends_the_map_with_one_clear_error(engine: DaskEngine, client: distributed.Client) -> None:
    """Dask gives up on a task after `allowed-failures` deaths; set to none here, so one death is enough."""
    allowed = client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.allowed_failures)
    client.run_on_scheduler(lambda dask_scheduler: setattr(dask_scheduler, "allowed_failures", 0))
    try:
        with pytest.raises(WorkerLost, match="nothing was written"):
            list(engine.map_ordered(dies, [[1]]))
    finally:
        client.run_on_scheduler(lambda dask_scheduler: setattr(dask_scheduler, "allowed_failures", allowed))
        client.wait_for_workers(2, timeout=CLUSTER_SECONDS)


@pytest.fixture(scope="module")
def in_process_engine() -> Iterator[DaskEngine]:
    """Workers that see the memory:// files this process writes (`local_client`)."""
    with local_client(processes=False) as connected:
        yield DaskEngine(connected)


def events_of(chronology_json: str) -> list[tuple]:
    """What a chronology says happened, leaving out where its articles were read from (article
    ids hash their paths, so URLs and paths give other ids)."""
    from models.records import Chronology

    chronology = Chronology.model_validate_json(chronology_json)
    return [(council.council, event.type, event.date, event.status, [person.name for person in event.people], len(event.sources))
            for council in chronology.councils for event in council.events]


@pytest.fixture(scope="module")
def basic_url_outputs(engine: DaskEngine, in_process_engine: DaskEngine) -> Iterator[dict[str, dict[str, str]]]:
    """sample_articles/basic built from its path, as file:// and as memory:// URLs (most of the
    memory copies gzipped, which fsspec is to look through as ingest does for files)."""
    memory = fsspec.filesystem("memory")
    for path in sorted((SAMPLES / "basic").iterdir()):
        data = path.read_bytes()
        memory.pipe(f"/basic/{path.name}" + (".gz" if path.name.startswith("10") else ""),
                    gzip.compress(data) if path.name.startswith("10") else data)
    file_url = (SAMPLES / "basic").as_uri()
    yield {
        "path": every_format([str(SAMPLES / "basic")]),
        "file local": every_format([file_url]),
        "file dask": every_format([file_url], engine=engine),
        "memory local": every_format(["memory://basic"]),
        "memory dask": every_format(["memory://basic"], engine=in_process_engine),
    }
    memory.rm("/basic", recursive=True)


@pytest.mark.parametrize("scheme", ["file", "memory"])
def test_url_inputs_build_the_same_chronology(scheme: str, basic_url_outputs: dict[str, dict[str, str]]) -> None:
    local, dask = basic_url_outputs[f"{scheme} local"], basic_url_outputs[f"{scheme} dask"]
    assert dask["json"] == local["json"] and dask["csv"] == local["csv"]
    assert events_of(dask["json"]) == events_of(basic_url_outputs["path"]["json"])
    assert f"{scheme}://" in dask["json"]
