"""The `chronicle` command line: parsing, presentation and exit codes only; the work is in `pipeline`.

Exit codes: 0 all inputs read; 1 some input was skipped (the output is still written);
2 a usage error, or no article could be read at all.

The NLP stack (spaCy, the temporal tagger, the HTML extractor: ~1.5 s to import) is imported
inside the commands that read articles, and in `build` only once the output cache has missed,
so `--help`, `councils`, `schema` and a cached re-run do not wait for it.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from enum import Enum
from functools import partial
from importlib.metadata import version as package_version
from itertools import islice
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.text import Text

from cli.options import (
    CacheDirOption,
    ChronologyFormat,
    CouncilOption,
    EngineOption,
    FormatOption,
    GroupOption,
    InputFormatOption,
    JobsOption,
    ManifestOption,
    MinConfidenceOption,
    NoCacheOption,
    OutputOption,
    PathsArgument,
    QuietOption,
    SchedulerOption,
    SinceOption,
    TimelineGroup,
    TypeOption,
    UntilOption,
    filters_from,
    read_options,
)
from cli.output import replace_atomically, write_output
from cli.progress import progress_bar
from models.councils import KINDS, load_gazetteer
from models.records import Article, Chronology, Problem
from models.schema import chronology_schema, event_line_schema
from pipeline.engine.cache import CacheError, MentionCache, output_key
from pipeline.engine.cache import default_dir as default_cache_dir
from pipeline.engine.engines import EngineName, EngineUnavailable, WorkerLost, open_engine
from pipeline.engine.parallel import WORKERS_WORTH_IT, default_jobs
from pipeline.ingest.formats import InputFormat
from pipeline.ingest.inputs import iter_files
from pipeline.render import FILE_WRITERS, RENDERERS, Renderer, filters
from pipeline.render import councils as render_councils
from pipeline.render.inference import dating_chain
from pipeline.render.table import render_table

app = typer.Typer(
    name="chronicle",
    help="Turn dumps of trade-press articles into per-council chronologies of children's-services events.\n\n"
    "Example: chronicle build sample_articles --format md",
    no_args_is_help=True,
    add_completion=True,
)
stderr = Console(stderr=True, highlight=False)

class DatesFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def report(problems: list[Problem]) -> None:
    for problem in problems:
        label = "skipped" if problem.skipped else "warning"
        stderr.print(f"chronicle: {label}: {problem.line()}", markup=False, soft_wrap=True)


def summary_line(articles: int, problems: list[Problem]) -> None:
    skipped = sum(1 for problem in problems if problem.skipped)
    if problems:
        stderr.print(f"chronicle: read {articles} articles, skipped {skipped} inputs", markup=False, soft_wrap=True)


def exit_code(articles: int, problems: list[Problem]) -> int:
    if articles == 0:
        return 2
    return 1 if any(problem.skipped for problem in problems) else 0


def open_cache(directory: Optional[Path], disabled: bool) -> Optional[MentionCache]:
    """The mention cache the options ask for; one that cannot be opened is a warning, not an error."""
    if disabled:
        return None
    try:
        return MentionCache(directory or default_cache_dir())
    except CacheError as error:
        stderr.print(f"chronicle: warning: {error}", markup=False, soft_wrap=True)
        return None


@app.command()
def build(
    paths: PathsArgument,
    format: FormatOption = "table",  # type: ignore[assignment]
    output: OutputOption = None,
    group: GroupOption = None,
    council: CouncilOption = None,
    type: TypeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_confidence: MinConfidenceOption = None,
    input_format: InputFormatOption = InputFormat.auto,
    manifest: ManifestOption = None,
    jobs: JobsOption = None,
    engine: EngineOption = EngineName.local,
    scheduler: SchedulerOption = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    quiet: QuietOption = False,
) -> None:
    """Build the chronology of every council in the articles.

    Filters choose what is shown, after the whole chronology is built: an event keeps every
    source that reports it. Events with an unknown year are left out when --since or --until
    is given.

    Example: chronicle build sample_articles --format md -o chronology.md

    Example: chronicle build sample_articles --council Medway --since 2012 --type resignation

    Example: chronicle build s3://bucket/dump/ --engine dask --scheduler tcp://10.0.0.5:8786 -f json -o chronology.json
    """
    fmt = ChronologyFormat(format).value
    if fmt in FILE_WRITERS and output is None:
        stderr.print(
            f"chronicle: error: --format {fmt} writes a binary file, not text; name it with -o "
            "(for example -o chronology.db)", markup=False, soft_wrap=True,
        )
        raise typer.Exit(2)
    if group is not None and fmt != "timelinejs":
        raise typer.BadParameter(f"applies to --format timelinejs only, not {fmt}", param_hint="--group")
    if scheduler and engine is not EngineName.dask:
        raise typer.BadParameter("--scheduler is for --engine dask", param_hint="--scheduler")
    options = read_options(input_format, manifest)
    cache = open_cache(cache_dir, no_cache)
    to_terminal = fmt == "table" and output is None and sys.stdout.isatty()
    settings = repr((fmt, council, type, since, until, min_confidence, input_format.value, *([group.value] if group else [])))
    inputs = [*paths, str(manifest)] if manifest else paths  # a changed manifest changes the output too
    key = output_key(inputs, settings) if cache and fmt in RENDERERS and not to_terminal else None
    stored = cache.get_output(key) if cache and key else None
    if stored is not None:
        report(stored.problems)
        write_output(stored.chunks(), output)
        summary_line(stored.articles, stored.problems)
        raise typer.Exit(exit_code(stored.articles, stored.problems))
    jobs = jobs or default_jobs()
    from pipeline.engine.build import build_on_disk, start_workers_early

    if engine is EngineName.local and jobs > 1 and many_files(paths):
        start_workers_early()

    try:
        with open_engine(engine, jobs, scheduler) as running, progress_bar(stderr, paths, quiet) as tick:
            if cache and not running.workers_share_disk:
                note_cache_off()
            built = build_on_disk(paths, options, cache=cache, progress=tick, engine=running)
    except (EngineUnavailable, WorkerLost) as error:
        stderr.print(f"chronicle: error: {error}", markup=False, soft_wrap=True)
        raise typer.Exit(2) from None
    except BrokenProcessPool:
        stderr.print(
            "chronicle: error: a worker process stopped before it finished (killed, or out of memory); "
            "nothing was written. Try again with fewer --jobs.", markup=False, soft_wrap=True,
        )
        raise typer.Exit(2) from None
    with built:
        report(built.problems)
        view = filters.apply(built.view, filters_from(council, type, since, until, min_confidence))
        if to_terminal:
            render_table(view, Console())
        elif fmt in FILE_WRITERS and output is not None:
            replace_atomically(output, lambda temporary: FILE_WRITERS[fmt](view, temporary))
        elif cache and key:
            with cache.storing_output(key, built.articles, built.problems) as keep:
                write_output(kept(text_renderer(fmt, group)(view), keep), output)
        else:
            write_output(text_renderer(fmt, group)(view), output)
    if cache and cache.warning:
        stderr.print(f"chronicle: warning: {cache.warning}", markup=False, soft_wrap=True)
    summary_line(built.articles, built.problems)
    raise typer.Exit(exit_code(built.articles, built.problems))


def text_renderer(fmt: str, group: Optional[TimelineGroup]) -> Renderer:
    """The format's renderer, told its grouping when --group was given (timelinejs only)."""
    return partial(RENDERERS[fmt], group=group.value) if group else RENDERERS[fmt]
def note_cache_off() -> None:
    """Say why a cluster's workers analyse every article: they need not share this machine's disk."""
    stderr.print(
        "chronicle: note: Dask workers do not use the mention cache (they may run on other hosts, and one "
        "SQLite file must not be written from several), so every article is analysed; councils, dating and "
        "the output are still cached here", markup=False, soft_wrap=True,
    )


def many_files(paths: list[str]) -> bool:
    """Whether the inputs are enough files for worker processes to start (counted no further)."""
    return sum(1 for _ in islice(iter_files(paths), WORKERS_WORTH_IT)) >= WORKERS_WORTH_IT


def kept(chunks: Iterable[str], keep: Callable[[str], None]) -> Iterator[str]:
    """The chunks, each also handed to `keep` (the output cache) on its way out."""
    for chunk in chunks:
        keep(chunk)
        yield chunk


@app.command()
def dates(
    paths: PathsArgument,
    format: Annotated[DatesFormat, typer.Option("--format", "-f", help="Output format.")] = DatesFormat.jsonl,
    output: OutputOption = None,
    input_format: InputFormatOption = InputFormat.auto,
    manifest: ManifestOption = None,
) -> None:
    """List every time expression the tagger finds, with its TIMEX3 type and value.

    Offsets count characters in the article body as read (after any front matter).
    Example: chronicle dates sample_articles/basic --format table
    """
    from pipeline.engine import dates as dates_stage

    rows, problems, articles = dates_stage.tag_paths(paths, read_options(input_format, manifest))
    report(problems)
    write_output([dates_stage.RENDERERS[format.value](rows)], output)
    summary_line(articles, problems)
    raise typer.Exit(exit_code(articles, problems))


class ListFormat(str, Enum):
    table = "table"
    json = "json"


@app.command()
def schema(
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Describe one line of --format jsonl instead. Example: --jsonl")] = False,
) -> None:
    """Print the JSON Schema of `build --format json` output, generated from chronicle's record models.

    Example: chronicle schema > chronology.schema.json
    """
    document = event_line_schema() if jsonl else chronology_schema()
    write_output([json.dumps(document, ensure_ascii=False, indent=2) + "\n"], None)


@app.command()
def councils(
    search: Annotated[
        Optional[str], typer.Argument(help="Only councils whose name or an alias contains this. Example: york", show_default=False)
    ] = None,
    region: Annotated[
        Optional[str], typer.Option("--region", help="Only this region. Example: --region \"North West\"")
    ] = None,
    kind: Annotated[
        Optional[str], typer.Option("--kind", help=f"Only this type of authority ({', '.join(sorted(KINDS))}). Example: --kind london")
    ] = None,
    format: Annotated[ListFormat, typer.Option("--format", "-f", help="table or json. Example: --format json")] = ListFormat.table,
) -> None:
    """List the councils chronicle knows: official name, the names the press uses, region, type of authority.

    Example: chronicle councils peter

    Example: chronicle councils --region London --kind london --format json
    """
    if kind is not None and kind not in KINDS:
        raise typer.BadParameter(f"unknown kind {kind!r}; known: {', '.join(sorted(KINDS))}", param_hint="--kind")
    selected = render_councils.select(load_gazetteer(), search, region, kind)
    write_output([render_councils.RENDERERS[format.value](selected)], None)


@app.command()
def explain(
    file: Annotated[Path, typer.Argument(help="One article file (a file holding several, such as JSONL, explains each). Example: article.txt", show_default=False)],
    archive: Annotated[
        Optional[list[Path]],
        typer.Option("--archive", help="The dump the article belongs to: also show how the archive dates it. Example: --archive dump/", show_default=False),
    ] = None,
) -> None:
    """Show an article as chronicle reads it, and why it yields each event.

    Councils, dates and event triggers are highlighted; text the cleaner drops (site furniture,
    captions, repeats) is dimmed. Each event is listed with its trigger, the words its date came
    from, its council and its confidence.

    Example: chronicle explain sample_articles/basic/101_medway_inadequate_director_quits.txt
    """
    from pipeline.extract import explain as explain_stage
    from pipeline.ingest.read import read_paths

    items = list(read_paths([str(file)]))
    articles = [item for item in items if isinstance(item, Article)]
    problems = [item for item in items if isinstance(item, Problem)]
    report(problems)
    console = Console()
    chronology = _archive_chronology(archive, file) if archive else None
    for article in articles:
        console.print(explain_stage.report(explain_stage.explain(article)))
        if chronology is not None:
            summary = next((one for one in chronology.articles if one.id == article.id), None)
            if summary is not None:
                console.print(Text("How the archive dates it", style="bold underline"), dating_chain(summary, chronology))
    raise typer.Exit(exit_code(len(articles), problems))


def _archive_chronology(archive: list[Path], file: Path) -> Chronology:
    """The chronology of the article's dump (and the article), for what dating learnt of it."""
    from pipeline.engine.build import build as build_archive

    inside = any(path.resolve() in (file.resolve(), *file.resolve().parents) for path in archive)
    result = build_archive([str(path) for path in (archive if inside else [*archive, file])])
    report(result.problems)
    return result.chronology


def show_version(value: bool) -> None:
    if value:
        print(f"chronicle {package_version('chronicle')}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=show_version, is_eager=True, help="Print the version and exit. Example: chronicle --version")
    ] = False,
) -> None:
    """Options of chronicle itself (the app's help text is the Typer's)."""


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
