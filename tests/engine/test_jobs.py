"""--jobs: worker processes change the speed, never the chronology."""
from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from pipeline.engine import parallel
from pipeline.engine.build import build
from pipeline.engine.parallel import IN_FLIGHT_PER_WORKER, Workers
from tests.paths import SAMPLES


def squares(items: list[int]) -> list[int]:
    return [item * item for item in items]


def echo(items: list[int]) -> list[int]:
    return items


def process_ids(items: list[int]) -> list[int]:
    return [os.getpid() for _ in items]


_marked = False
"""Set in a worker by `mark`, the initializer of a later map."""


def mark() -> None:
    global _marked
    _marked = True


def marked(items: list[int]) -> list[bool]:
    return [_marked for _ in items]


def test_chronology_is_identical_for_one_and_two_jobs(workers_at_once: None) -> None:
    one, two = (build([str(SAMPLES)], jobs=jobs).chronology.model_dump_json() for jobs in (1, 2))
    assert one == two


def test_results_come_back_in_input_order(workers_at_once: None) -> None:
    batches = [list(range(index % 5 * 50)) for index in range(20)]
    with Workers(2) as workers:
        assert list(workers.map_ordered(squares, batches)) == [squares(batch) for batch in batches]


def test_input_is_read_only_a_few_batches_ahead(workers_at_once: None) -> None:
    pulled = 0
    lock = threading.Lock()

    def batches():
        nonlocal pulled
        for index in range(100):
            with lock:
                pulled += 1
            yield [index]

    with Workers(2) as workers:
        for [index] in workers.map_ordered(echo, batches()):
            assert pulled <= index + 1 + 2 * IN_FLIGHT_PER_WORKER


def test_small_runs_stay_in_process() -> None:
    in_process_only = lambda items: [item + 1 for item in items]  # noqa: E731 (a lambda cannot reach a worker)
    with Workers(2) as workers:
        assert list(workers.map_ordered(in_process_only, [[1, 2], [3]])) == [[2, 3], [4]]


def test_workers_started_by_one_map_serve_the_next_however_small(monkeypatch: pytest.MonkeyPatch, pools_started: list[int]) -> None:
    monkeypatch.setattr(parallel, "WORKERS_WORTH_IT", 4)
    with Workers(2) as workers:
        first = [pid for batch in workers.map_ordered(process_ids, [[1, 2], [3, 4]]) for pid in batch]
        small = [pid for batch in workers.map_ordered(process_ids, [[5]]) for pid in batch]
    assert os.getpid() not in first + small and pools_started == [2]


def test_a_later_maps_initializer_runs_in_the_kept_workers_before_its_batches(workers_at_once: None) -> None:
    with Workers(2) as workers:
        assert list(workers.map_ordered(marked, [[1], [2]])) == [[False], [False]]
        assert list(workers.map_ordered(marked, [[index] for index in range(8)], mark)) == [[True]] * 8


def test_records_read_here_and_files_read_in_workers_give_one_chronology(workers_at_once: None, tmp_path: Path) -> None:
    """A JSON Lines dump is read by this process and its articles sent to workers; text files are
    read by the workers themselves. Mixed, the chronology is the one a single process builds."""
    texts = sorted((SAMPLES / "basic").glob("*.txt"))
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"text": path.read_text(), "url": f"https://example.org/{path.stem}"}) + "\n" for path in texts[:6]))
    inputs = [str(dump), *map(str, texts[6:])]
    one, two = (build(inputs, jobs=jobs).chronology for jobs in (1, 2))
    assert one == two and len(one.articles) == len(texts)
