"""--jobs: worker processes change the speed, never the chronology."""
from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from pipeline.engine import parallel
from pipeline.engine.build import build
from pipeline.engine.parallel import IN_FLIGHT_PER_WORKER, ordered_map
from tests.paths import SAMPLES


def squares(items: list[int]) -> list[int]:
    return [item * item for item in items]


def echo(items: list[int]) -> list[int]:
    return items


@pytest.fixture
def workers_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start workers from the first batch, so that even a small corpus goes through them."""
    monkeypatch.setattr(parallel, "WORKERS_WORTH_IT", 0)


def test_chronology_is_identical_for_one_and_two_jobs(workers_at_once: None) -> None:
    one, two = (build([str(SAMPLES)], jobs=jobs).chronology.model_dump_json() for jobs in (1, 2))
    assert one == two


def test_results_come_back_in_input_order(workers_at_once: None) -> None:
    batches = [list(range(index % 5 * 50)) for index in range(20)]
    assert list(ordered_map(squares, batches, jobs=2)) == [squares(batch) for batch in batches]


def test_input_is_read_only_a_few_batches_ahead(workers_at_once: None) -> None:
    pulled = 0
    lock = threading.Lock()

    def batches():
        nonlocal pulled
        for index in range(100):
            with lock:
                pulled += 1
            yield [index]

    for [index] in ordered_map(echo, batches(), jobs=2):
        assert pulled <= index + 1 + 2 * IN_FLIGHT_PER_WORKER


def test_small_runs_stay_in_process() -> None:
    in_process_only = lambda items: [item + 1 for item in items]  # noqa: E731 (a lambda cannot reach a worker)
    assert list(ordered_map(in_process_only, [[1, 2], [3]], jobs=2)) == [[2, 3], [4]]


def test_records_read_here_and_files_read_in_workers_give_one_chronology(workers_at_once: None, tmp_path: Path) -> None:
    """A JSON Lines dump is read by this process and its articles sent to workers; text files are
    read by the workers themselves. Mixed, the chronology is the one a single process builds."""
    texts = sorted((SAMPLES / "basic").glob("*.txt"))
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"text": path.read_text(), "url": f"https://example.org/{path.stem}"}) + "\n" for path in texts[:6]))
    inputs = [str(dump), *map(str, texts[6:])]
    one, two = (build(inputs, jobs=jobs).chronology for jobs in (1, 2))
    assert one == two and len(one.articles) == len(texts)
