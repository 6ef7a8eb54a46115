"""Throughput and memory of `chronicle build` on a synthetic archive, against the naive peer.

    python bench/throughput.py --articles 20000 [--runs 3] [--naive-articles 300] [--scale 5000 40000]
                               [--length seed|short]

Writes a synthetic archive (`bench/synthetic.py`, fixed seed; --length `seed`, ~500 words an
article like the user's real ones, or `short`, ~200 like earlier benchmarks') to a temp dir and
runs, each as a subprocess timed from start to exit:
  * cold: `chronicle build --format json` with an empty cache dir (default --jobs: every core);
  * cached: the same command again on the unchanged archive and the cache the cold run left
    (the stored output: no article is read);
  * one article added: the same command after one new file is added to the first folder
    (every article read after it in reading order is read and filed again, its NLP from the
    cache, and only the new one analysed);
  * a week added: the same command again after --week-articles new articles are written to a
    new folder that sorts last, as a dump grows (the build resumes from the kept workspace and
    reads only them);
  * --jobs 1: cold, one process;
  * naive: en_core_web_sm over every article and dateparser.search_dates over every sentence
    (`bench/naive.py`), on the first --naive-articles files only (it is ~100x slower), its
    words/s extrapolated to the archive;
  * --scale N...: one cold run per archive size, for peak memory against size.
The code is copied to the temp dir when the bench starts and every run uses that copy: the
working tree may change under a long bench (and any change would rightly empty the cache).
Reports medians over --runs. Peak memory is sampled from /proc five times a second over the
whole process tree (chronicle, its fork server and its workers): `peak RSS` is the largest
single process, `tree` the largest sum over the tree at one instant.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.synthetic import LENGTHS, archive  # noqa: E402
from pipeline.engine.parallel import default_jobs  # noqa: E402

CHRONICLE = [sys.executable, "-m", "cli.main"]
CODE = ("cli", "pipeline", "models")
SAMPLE_SECONDS = 0.2
"""/proc sampling period: peaks here last seconds (the mentions held for dedupe), so 5 Hz
catches them while costing the measured run well under 1% of a core."""
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


@dataclass
class Run:
    seconds: float
    peak_kb: int
    tree_kb: int


def snapshot(scratch: Path) -> Path:
    """A copy of chronicle's code as it is now, to run every measurement on."""
    code = scratch / "code"
    for package in CODE:
        shutil.copytree(REPO / package, code / package, ignore=shutil.ignore_patterns("__pycache__"))
    return code


def measure(command: list[str], code: Path) -> Run:
    """Run `command` in `code` to completion; its wall time and peak memory (module docstring)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=code, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks = [0, 0]
    done = threading.Event()
    sampler = threading.Thread(target=_sample, args=(child.pid, peaks, done), daemon=True)
    sampler.start()
    _, stderr = child.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if child.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{stderr.decode()}")
    return Run(seconds, peaks[0], peaks[1])


def _sample(root: int, peaks: list[int], done: threading.Event) -> None:
    while not done.is_set():
        sizes = [_rss_kb(pid) for pid in _tree(root)]
        peaks[0] = max(peaks[0], *sizes, 0)
        peaks[1] = max(peaks[1], sum(sizes))
        done.wait(SAMPLE_SECONDS)


def _tree(root: int) -> list[int]:
    """`root` and every process descended from it."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        tree.extend(frontier)
    return tree


def _rss_kb(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0


def build_command(root: Path, cache: Path, jobs: int | None) -> list[str]:
    command = [*CHRONICLE, "build", str(root), "--format", "json", "--quiet", "--cache-dir", str(cache)]
    return command + (["--jobs", str(jobs)] if jobs else [])


def cold_runs(root: Path, runs: int, jobs: int | None, scratch: Path) -> tuple[list[Run], Path]:
    """`runs` cold builds, each with a fresh cache dir; also the last one's cache dir."""
    results, cache = [], scratch
    for index in range(runs):
        cache = scratch / f"cache-{jobs or 'default'}-{index}"
        results.append(measure(build_command(root, cache, jobs), scratch / "code"))
    return results, cache


def add_article(root: Path) -> Path:
    """Add one new article to the archive (the first one, retold), as a week's news would; `root`."""
    first = min(root.rglob("*.txt"))
    (first.parent / "added-article.txt").write_text(first.read_text().replace("Ofsted", "the inspectorate Ofsted"))
    return root


def median(runs: list[Run]) -> Run:
    return Run(*(statistics.median(getattr(run, name) for run in runs) for name in ("seconds", "peak_kb", "tree_kb")))


def naive(root: Path, articles: int) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, str(REPO / "bench" / "naive.py"), str(root), "--articles", str(articles)],
        cwd=REPO, check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(output.splitlines()[-1])


def line(label: str, run: Run, articles: int, words: int) -> str:
    return (f"{label:<22} {run.seconds:8.2f} s {articles / run.seconds:9,.0f} articles/s {words / run.seconds:10,.0f} words/s"
            f"   peak RSS {run.peak_kb / 1024:6.0f} MB (tree {run.tree_kb / 1024:6.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--length", choices=LENGTHS, default=LENGTHS[0], help="article length (bench/synthetic.py)")
    parser.add_argument("--week-articles", type=int, default=115, help="a week of a 60,000-article, ten-year archive")
    parser.add_argument("--naive-articles", type=int, default=300)
    parser.add_argument("--scale", type=int, nargs="*", default=[], help="further archive sizes, one cold run each")
    parser.add_argument("--skip-jobs1", action="store_true", help="leave out the --jobs 1 comparison")
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, default --jobs {default_jobs()}, load average before {load[0]:.2f} {load[1]:.2f}")
    with tempfile.TemporaryDirectory(prefix="chronicle-bench-") as scratch_name:
        scratch = Path(scratch_name)
        snapshot(scratch)
        root = scratch / "archive"
        words = archive(root, args.articles, args.seed, args.length)
        print(f"archive: {args.articles:,} articles, {words:,} words, {words / args.articles:,.0f} an article "
              f"(--length {args.length}, seed {args.seed}); medians of {args.runs} runs")
        cold, cache = cold_runs(root, args.runs, None, scratch)
        cold_median = median(cold)
        print(line("cold (default jobs)", cold_median, args.articles, words))
        cached = median([measure(build_command(root, cache, None), scratch / "code") for _ in range(args.runs)])
        print(line("cached re-run", cached, args.articles, words) + f"   {cached.seconds / cold_median.seconds:.1%} of cold")
        added = measure(build_command(add_article(root), cache, None), scratch / "code")
        print(line("one article added", added, args.articles, words) + f"   {added.seconds / cold_median.seconds:.1%} of cold")
        if not args.skip_jobs1:
            print(line("cold --jobs 1", median(cold_runs(root, args.runs, 1, scratch)[0]), args.articles, words))
        archive(root, args.week_articles, args.seed, args.length, start=args.articles)
        week = measure(build_command(root, cache, None), scratch / "code")
        print(line(f"{args.week_articles} added at the end", week, args.articles, words) + f"   {week.seconds / cold_median.seconds:.1%} of cold")
        peer = naive(root, args.naive_articles)
        peer_rate = peer["words"] / peer["seconds"]
        print(f"{'naive peer':<22} {peer['seconds']:8.2f} s on the first {peer['articles']:.0f} articles "
              f"({peer['words']:,.0f} words): {peer_rate:,.0f} words/s, extrapolated to the archive "
              f"{words / peer_rate:,.0f} s")
        print(f"ratio: chronicle cold is {words / cold_median.seconds / peer_rate:.0f}x the naive peer's words/s")
        for size in args.scale:
            scaled = scratch / f"archive-{size}"
            scaled_words = archive(scaled, size, args.seed, args.length)
            print(line(f"cold, {size:,} articles", measure(build_command(scaled, scratch / f"cache-scale-{size}", None), scratch / "code"),
                       size, scaled_words))
    load = os.getloadavg()
    print(f"load average after {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
