"""`chronicle dates`: every time expression of every article, as the tagger understood it.

Offsets are into the article body as read (after front matter), and the tagger sees the
whole body, uncleaned: this command shows what the tagger finds, not what the chronology uses.
"""
from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable

from rich.console import Console
from rich.table import Table

from models.records import Problem
from pipeline.ingest import pubdate
from pipeline.ingest.read import ReadOptions, read_paths
from pipeline.timex.tagger import tag

Row = dict[str, object]


def tag_paths(paths: Iterable[str], options: ReadOptions | None = None) -> tuple[list[Row], list[Problem], int]:
    """(one row per expression, the problems met, how many articles were read)."""
    rows: list[Row] = []
    problems: list[Problem] = []
    articles = 0
    for item in read_paths(paths, options):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        articles += 1
        for expression in tag(item.text, pubdate.anchor(item.published)):
            rows.append({"article": item.path, **expression.model_dump(exclude_none=True)})
    return rows, problems, articles


def to_jsonl(rows: list[Row]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def to_json(rows: list[Row]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def to_table(rows: list[Row]) -> str:
    console = Console(file=io.StringIO(), width=120, color_system=None)
    table = Table("article", "start", "end", "text", "type", "value")
    for row in rows:
        table.add_row(*(str(row[key]) for key in ("article", "start", "end", "text", "type", "value")))
    console.print(table)
    return console.file.getvalue()  # type: ignore[attr-defined]


RENDERERS: dict[str, Callable[[list[Row]], str]] = {"jsonl": to_jsonl, "json": to_json, "table": to_table}
