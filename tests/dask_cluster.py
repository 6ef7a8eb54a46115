"""The Dask clusters the engine's tests run on: real `distributed` clusters on this machine."""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import distributed

CLUSTER_SECONDS = 60
"""Bound on starting or reaching a test cluster: it starts in a few seconds on the loaded 2-core
CI machine; a hang fails the test instead of stalling the suite."""


@contextmanager
def local_client(processes: bool = True) -> Iterator[distributed.Client]:
    """A client of two single-threaded workers, as `--engine dask` starts on a 2-core machine:
    worker processes, or threads of this process (`processes=False`), which alone see what a
    test writes to fsspec's memory:// filesystem (one per process)."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=processes, dashboard_address=":0",
        silence_logs=logging.ERROR, timeout=CLUSTER_SECONDS,
    ) as cluster, distributed.Client(cluster, timeout=CLUSTER_SECONDS) as client:
        client.wait_for_workers(2, timeout=CLUSTER_SECONDS)
        yield client
