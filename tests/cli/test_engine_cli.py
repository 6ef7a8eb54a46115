"""`chronicle build --engine dask`: the command line's side of the Dask engine."""
from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")

from cli.main import app  # noqa: E402
from tests.dask_cluster import local_client  # noqa: E402
from tests.paths import SAMPLES  # noqa: E402

BASIC = str(SAMPLES / "basic")


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with local_client() as connected:
        yield connected


def chronicle(*args: str):  # noqa: ANN201 (click's Result)
    return CliRunner().invoke(app, ["build", BASIC, "-f", "json", *args])


def test_a_running_scheduler_given_by_address_builds_the_local_chronology(client: distributed.Client) -> None:
    local = chronicle("--no-cache")
    with distributed.get_task_stream(client=client) as stream:
        dask_run = chronicle("--engine", "dask", "--scheduler", client.scheduler.address)
    assert dask_run.exit_code == local.exit_code == 0, dask_run.stderr
    assert dask_run.stdout == local.stdout
    assert any(record["key"].startswith("analyse_batch") for record in stream.data)


def test_the_cache_is_off_on_the_workers_with_one_line_saying_why(client: distributed.Client) -> None:
    result = chronicle("--engine", "dask", "--scheduler", client.scheduler.address)
    notes = [line for line in result.stderr.splitlines() if "mention cache" in line]
    assert len(notes) == 1 and notes[0].startswith("chronicle: note: Dask workers do not use the mention cache")


def test_the_configured_scheduler_address_is_used_without_the_option(client: distributed.Client) -> None:
    """DASK_SCHEDULER_ADDRESS reaches Dask's config as `scheduler-address` (set here directly:
    Dask reads the environment when it is imported)."""
    with dask.config.set({"scheduler-address": client.scheduler.address}), distributed.get_task_stream(client=client) as stream:
        result = chronicle("--engine", "dask", "--no-cache")
    assert result.exit_code == 0, result.stderr
    assert any(record["key"].startswith("merge_councils") for record in stream.data)


def test_engine_dask_alone_starts_a_local_cluster() -> None:
    assert chronicle("--engine", "dask", "--jobs", "1", "--no-cache").stdout == chronicle("--no-cache").stdout


def test_without_dask_installed_one_line_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pipeline.engine.dask_engine", None)  # import fails as if distributed were missing
    result = chronicle("--engine", "dask", "--no-cache")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "chronicle: error: --engine dask needs Dask's distributed scheduler: pip install 'chronicle[dask]'"
    ]


def test_a_scheduler_without_the_dask_engine_is_a_usage_error() -> None:
    result = chronicle("--scheduler", "tcp://127.0.0.1:8786", "--no-cache")
    assert result.exit_code == 2 and "--scheduler is for --engine dask" in result.stderr


def test_a_scheduler_address_that_is_not_one_is_one_line() -> None:
    result = chronicle("--engine", "dask", "--scheduler", "not-an-address", "--no-cache")
    assert result.exit_code == 2 and result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("chronicle: error: cannot reach the Dask scheduler at not-an-address")
