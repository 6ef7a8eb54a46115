"""Words per second of `pipeline.timex.tag()` alone on the TempEval-3 TBAQ bodies.

    python bench/timex_speed.py [TBAQ_DIR] [--runs N]

Exports the TimeML files once (with the acceptance scorer, into a temporary folder), then tags
every body N times in this one process and prints the median words/s over the runs.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.timex_eval import DEFAULT_TBAQ, SCORER, read_article  # noqa: E402
from pipeline.timex.tagger import tag  # noqa: E402


def load_bodies(tbaq: Path) -> list[tuple[str, object]]:
    export_dir = Path(tempfile.mkdtemp(prefix="timex_speed_"))
    subprocess.run([sys.executable, str(SCORER), "export", str(tbaq), str(export_dir)],
                   check=True, stdout=subprocess.DEVNULL)
    return [read_article(path) for path in sorted(export_dir.glob("*.txt"))]


def one_run(articles: list[tuple[str, object]]) -> float:
    started = time.perf_counter()
    for body, anchor in articles:
        tag(body, anchor)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tbaq", type=Path, nargs="?", default=DEFAULT_TBAQ)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    articles = load_bodies(args.tbaq)
    words = sum(len(body.split()) for body, _ in articles)
    seconds = [one_run(articles) for _ in range(args.runs)]
    rates = [words / s for s in seconds]
    print(f"{len(articles)} articles, {words} words; runs: "
          + ", ".join(f"{rate:,.0f}" for rate in rates))
    print(f"median: {statistics.median(rates):,.0f} words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
