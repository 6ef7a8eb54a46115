"""The `chronicle` command line: parsing, presentation and exit codes only; the work is in `pipeline`.

Exit codes: 0 all inputs read; 1 some input was skipped (the output is still written);
2 a usage error, or no article could be read at all.
"""
from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer
from rich.console import Console

from cli.options import OutputOption, PathsArgument
from cli.output import write_output
from models.records import Problem
from pipeline import dates as dates_stage
from pipeline.build import build as build_chronology
from pipeline.render import RENDERERS, render_table

app = typer.Typer(
    name="chronicle",
    help="Turn dumps of trade-press articles into per-council chronologies of children's-services events.",
    no_args_is_help=True,
    add_completion=True,
)
stderr = Console(stderr=True, highlight=False)

ChronologyFormat = Enum("ChronologyFormat", {name: name for name in RENDERERS}, type=str)  # type: ignore[misc]


class DatesFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def report(problems: list[Problem]) -> None:
    for problem in problems:
        label = "skipped" if problem.skipped else "warning"
        stderr.print(f"chronicle: {label}: {problem.line()}", markup=False)


def summary_line(articles: int, problems: list[Problem]) -> None:
    skipped = sum(1 for problem in problems if problem.skipped)
    if problems:
        stderr.print(f"chronicle: read {articles} articles, skipped {skipped} inputs", markup=False)


def exit_code(articles: int, problems: list[Problem]) -> int:
    if articles == 0:
        return 2
    return 1 if any(problem.skipped for problem in problems) else 0


@app.command()
def build(
    paths: PathsArgument,
    format: Annotated[
        ChronologyFormat, typer.Option("--format", "-f", help="Output format.")
    ] = "table",  # type: ignore[assignment]
    output: OutputOption = None,
) -> None:
    """Build the chronology of every council in the articles.

    Example: chronicle build sample_articles --format md -o chronology.md
    """
    result = build_chronology(paths)
    report(result.problems)
    fmt = ChronologyFormat(format).value
    if fmt == "table" and output is None and sys.stdout.isatty():
        render_table(result.chronology, Console())
    else:
        write_output(RENDERERS[fmt](result.chronology), output)
    summary_line(result.articles, result.problems)
    raise typer.Exit(exit_code(result.articles, result.problems))


@app.command()
def dates(
    paths: PathsArgument,
    format: Annotated[DatesFormat, typer.Option("--format", "-f", help="Output format.")] = DatesFormat.jsonl,
    output: OutputOption = None,
) -> None:
    """List every time expression the tagger finds, with its TIMEX3 type and value.

    Offsets count characters in the article body as read (after any front matter).
    Example: chronicle dates sample_articles/basic --format table
    """
    rows, problems, articles = dates_stage.tag_paths(paths)
    report(problems)
    write_output(dates_stage.RENDERERS[format.value](rows), output)
    summary_line(articles, problems)
    raise typer.Exit(exit_code(articles, problems))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
