"""What dating the undated costs: a cold build of a synthetic archive whose every third article
has lost its date, timed whole and in its dating pass.

The archive is `bench/synthetic.py`'s (fixed seed), with the publication date taken off two
articles in three, as in real dumps of saved pages (front matter keeps its title and publisher;
a date line goes). The build runs in this process, as `chronicle build --format json --no-cache`
would, with `pipeline.engine.dating.date_undated` wrapped in a timer; the same archive with its
dates kept is built too, for the words/s of both.

    python bench/dating.py --articles 20000 [--runs 3] [--undated 0.67]
"""
from __future__ import annotations

import argparse
import io
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.synthetic import archive  # noqa: E402
from pipeline.engine import build as build_module  # noqa: E402
from pipeline.engine import dating  # noqa: E402
from pipeline.engine.build import build_on_disk  # noqa: E402
from pipeline.engine.parallel import default_jobs  # noqa: E402
from pipeline.render import RENDERERS  # noqa: E402

DATE_LINE = re.compile(r"^(?:published: .*|\w+day, \w+ \d{1,2}, \d{4})\n", re.M)


def undate(root: Path, share: float, seed: int) -> int:
    """Take the publication date off `share` of the articles under `root`; the number undated."""
    rng = random.Random(seed)
    undated = 0
    for path in sorted(root.rglob("*.txt")):
        if rng.random() < share:
            path.write_text(DATE_LINE.sub("", path.read_text(encoding="utf-8")), encoding="utf-8")
            undated += 1
    return undated


def timed_build(root: Path) -> tuple[float, float, int]:
    """Seconds for the whole build (with the JSON written), seconds in dating, articles dated."""
    spent = {"dating": 0.0, "pinned": 0}
    real = dating.date_undated

    def timing(*args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        pinned = real(*args, **kwargs)
        spent["dating"] += time.perf_counter() - start
        spent["pinned"] += len(pinned)
        return pinned

    build_module.date_undated = timing
    try:
        start = time.perf_counter()
        with build_on_disk([str(root)], jobs=default_jobs()) as built:
            for chunk in RENDERERS["json"](built.view):
                io.StringIO().write(chunk)
        return time.perf_counter() - start, spent["dating"], int(spent["pinned"])
    finally:
        build_module.date_undated = real


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--undated", type=float, default=0.67, help="share of articles that lose their date")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        dated, undated = Path(scratch) / "dated", Path(scratch) / "undated"
        words = archive(dated, args.articles, args.seed, "seed")
        archive(undated, args.articles, args.seed, "seed")
        count = undate(undated, args.undated, args.seed)
        print(f"{args.articles} articles, {words} words; {count} undated in the second archive")
        for name, root in (("dated", dated), ("undated", undated)):
            runs = [timed_build(root) for _ in range(args.runs)]
            total = statistics.median(run[0] for run in runs)
            spent = statistics.median(run[1] for run in runs)
            print(f"{name:8} cold build median {total:6.1f} s, {words / total:9,.0f} words/s; "
                  f"dating {spent:5.2f} s ({100 * spent / total:4.1f}% of the build); articles pinned {runs[0][2]}")


if __name__ == "__main__":
    main()
