"""Fixtures of the engine's tests: watching the worker pools a build starts."""
from __future__ import annotations

import pytest

from pipeline.engine import parallel


@pytest.fixture
def workers_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start workers from the first batch, so that even a small corpus goes through them."""
    monkeypatch.setattr(parallel, "WORKERS_WORTH_IT", 0)


@pytest.fixture
def pools_started(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The worker pools started from here on, by their number of workers."""
    started: list[int] = []
    start = parallel._pool

    def counted(jobs, *args):  # type: ignore[no-untyped-def]
        started.append(jobs)
        return start(jobs, *args)

    monkeypatch.setattr(parallel, "_pool", counted)
    return started
