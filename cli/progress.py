"""The progress bar of long commands: on stderr, and only when stderr is a terminal.

Its total is the number of input files, known from a quick walk before reading starts; for a
dump of one article per file that is the number of articles. When files hold several articles
(JSONL, WARC) the count runs past it and the bar simply stays full while the rate still shows.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from pipeline.ingest.inputs import iter_files


class RateColumn(ProgressColumn):
    """Articles per second, smoothed by rich over its recent samples."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:,.0f} articles/s", style="progress.data.speed")


@contextmanager
def progress_bar(console: Console, paths: Iterable[str], quiet: bool) -> Iterator[Callable[[], None] | None]:
    """A callback to tick once per article, or None when no bar is to be shown."""
    if quiet or not console.is_terminal:
        yield None
        return
    paths = list(paths)
    total = sum(1 for path in iter_files(paths) if isinstance(path, str))
    columns = (TextColumn("reading"), BarColumn(), MofNCompleteColumn(), RateColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("articles", total=total)
        yield lambda: bar.advance(task)
