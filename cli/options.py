"""Arguments and options shared by several commands, declared once so they behave the same everywhere."""
from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional, TypeVar

import typer

from pipeline.engine.engines import EngineName
from pipeline.ingest import manifest
from pipeline.ingest.formats import InputFormat
from pipeline.ingest.inputs import ReadOptions
from pipeline.render import FORMATS, filters
from pipeline.render.timeline import GROUPS

T = TypeVar("T")

PathsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Article files, directories (read recursively), URLs of either (s3://bucket/dump/, file:///data; "
        "needs fsspec) or - for standard input.", show_default=False,
    ),
]
OutputOption = Annotated[
    Optional[Path],
    typer.Option("--output", "-o", help="Write to FILE (whole or not at all) instead of standard output."),
]

ChronologyFormat = Enum("ChronologyFormat", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]
FormatOption = Annotated[
    ChronologyFormat,
    typer.Option(
        "--format", "-f",
        help="Output format: table (terminal), md, json, jsonl, csv, timelinejs (TimelineJS3 JSON), ics "
        "(iCalendar), html (a self-contained timeline page) or sqlite (a database for Datasette; needs -o FILE). "
        "Machine formats write pure data to standard output. Example: --format sqlite -o chronology.db",
    ),
]

TimelineGroup = Enum("TimelineGroup", {name: name for name in GROUPS}, type=str)  # type: ignore[misc]
GroupOption = Annotated[
    Optional[TimelineGroup],
    typer.Option(
        "--group", "-g", show_default="council",
        help="For --format timelinejs: give each council a row (council) or each event type (type), which "
        "keeps a many-council file readable. Example: --format timelinejs --group type",
    ),
]


def _checked(parse: Callable[[str], T]) -> Callable[[Optional[str]], Optional[T]]:
    """A click callback applying `parse`: a FilterError becomes a usage error (exit 2) naming the option."""

    def callback(value: Optional[str]) -> Optional[T]:
        try:
            return parse(value) if value is not None else None
        except filters.FilterError as error:
            raise typer.BadParameter(str(error)) from error

    return callback


def _each_checked(parse: Callable[[str], T]) -> Callable[[Optional[list[str]]], Optional[list[T]]]:
    """`_checked` for a repeatable option."""
    check = _checked(parse)
    return lambda values: [check(value) for value in values] if values else values  # type: ignore[misc]


CouncilOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--council", "-c", callback=_each_checked(filters.council_name), show_default=False,
        help="Only this council, by any name the press uses; repeat for several. "
        "Example: --council Peterborough --council \"Medway Council\"",
    ),
]
TypeOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--type", "-t", callback=_each_checked(filters.event_type), show_default=False,
        help="Only events of this type; repeat for several. Example: --type resignation --type appointment",
    ),
]


def _date_bound(flag: str, side: str, example: str) -> object:
    """--since and --until: the same date check and wording, one bound each."""
    return typer.Option(
        flag, callback=_checked(filters.iso_date),
        help=f"Only events that may fall on or {side} this date (YYYY, YYYY-MM or YYYY-MM-DD); events with an "
        f"unknown year are left out. Example: {flag} {example}",
    )


SinceOption = Annotated[Optional[str], _date_bound("--since", "after", "2011-06")]
UntilOption = Annotated[Optional[str], _date_bound("--until", "before", "2012")]
MinConfidenceOption = Annotated[
    Optional[float],
    typer.Option(
        "--min-confidence", min=0.0, max=1.0,
        help="Only events at least this confident (0 to 1). Example: --min-confidence 0.7",
    ),
]


def filters_from(
    councils: Optional[list[str]], types: Optional[list[str]], since: Optional[str], until: Optional[str],
    min_confidence: Optional[float],
) -> filters.Filters:
    """The filter options of one command, checked by their callbacks, as one `Filters`."""
    return filters.Filters(
        councils=frozenset(councils or ()), types=frozenset(types or ()), since=since, until=until,
        min_confidence=min_confidence,
    )

InputFormatOption = Annotated[
    InputFormat,
    typer.Option(
        "--input-format", case_sensitive=False,
        help="Read every input as this format instead of choosing per input by content and extension "
        "(auto). Example: --input-format jsonl",
    ),
]
ManifestOption = Annotated[
    Optional[Path],
    typer.Option(
        "--manifest", dir_okay=False,
        help="CSV of metadata for articles whose files lack it: columns path, published, publisher, url, "
        "title (any subset besides path). Example: --manifest dump/manifest.csv",
    ),
]


def read_options(input_format: InputFormat, manifest_path: Optional[Path]) -> ReadOptions:
    """The input options of one command as one `ReadOptions`; a manifest that cannot be read is a usage error."""
    try:
        loaded = manifest.load(manifest_path) if manifest_path else manifest.Manifest()
    except manifest.ManifestError as error:
        raise typer.BadParameter(str(error), param_hint="--manifest") from error
    return ReadOptions(input_format=input_format, manifest=loaded)

JobsOption = Annotated[
    Optional[int],
    typer.Option(
        "--jobs", "-j", min=1, show_default="the number of cores",
        help="Worker processes for reading articles (with --engine dask, those of the local cluster it starts); "
        "the output is the same for any number. Example: --jobs 1",
    ),
]
CacheDirOption = Annotated[
    Optional[Path],
    typer.Option(
        "--cache-dir", file_okay=False, show_default="$CHRONICLE_CACHE_DIR, else the user cache directory",
        help="Keep each article's results (and the last output of each command) here, so a re-run "
        "analyses only what changed, and on unchanged files reads nothing. "
        "Example: --cache-dir ~/.cache/chronicle",
    ),
]
NoCacheOption = Annotated[
    bool,
    typer.Option("--no-cache", help="Neither read nor write the cache. Example: --no-cache"),
]
QuietOption = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="No progress bar, even on a terminal (warnings are still shown). Example: -q"),
]
EngineOption = Annotated[
    EngineName,
    typer.Option(
        "--engine", case_sensitive=False,
        help="Where articles are analysed and councils merged: local (worker processes on this machine) or "
        "dask (a Dask cluster: a local one sized to the machine, or the one --scheduler names; needs "
        "pip install 'chronicle[dask]'). The output is the same on either. Example: --engine dask",
    ),
]
SchedulerOption = Annotated[
    Optional[str],
    typer.Option(
        "--scheduler", show_default="$DASK_SCHEDULER_ADDRESS, else a local cluster",
        help="With --engine dask, the address of a running Dask scheduler to send the work to (--jobs is then "
        "the cluster's business). Example: --scheduler tcp://10.0.0.5:8786",
    ),
]
