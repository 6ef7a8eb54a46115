"""`chronicle councils`: the gazetteer, selected and rendered as a table or JSON."""
from __future__ import annotations

import json

from rich.table import Table

from models.councils import Council, Gazetteer, normalise
from pipeline.render.table import plain_text


def select(gazetteer: Gazetteer, term: str | None = None, region: str | None = None, kind: str | None = None) -> list[Council]:
    """Councils in the region and of the kind given, whose name or any alias contains `term`
    (compared as the gazetteer compares names: case, '&', hyphens and apostrophes ignored)."""
    aliases: dict[str, list[str]] = {}
    for alias, council in gazetteer.aliases().items():
        aliases.setdefault(council.name, []).append(normalise(alias))
    wanted = normalise(term) if term else ""
    return [
        council for council in gazetteer.all()
        if (region is None or normalise(council.region) == normalise(region))
        and (kind is None or council.kind == kind)
        and any(wanted in alias for alias in aliases.get(council.name, [normalise(council.name)]))
    ]


def as_record(council: Council) -> dict[str, object]:
    return {
        "name": council.name, "short": council.short, "aliases": list(council.aliases),
        "region": council.region, "kind": council.kind, "abolished": council.abolished,
    }


def to_json(councils: list[Council]) -> str:
    return json.dumps([as_record(c) for c in councils], ensure_ascii=False, indent=2) + "\n"


def to_table(councils: list[Council], width: int | None = None) -> str:
    return plain_text([council_table(councils)], width)


def council_table(councils: list[Council]) -> Table:
    table = Table(title=f"{len(councils)} councils", title_justify="left")
    for column in ("Name", "Also known as", "Region", "Authority"):
        table.add_column(column, overflow="fold")
    for council in councils:
        kind = council.kind if council.current else f"{council.kind}, abolished {council.abolished}"
        also = ", ".join(dict.fromkeys([council.short, *council.aliases]))
        table.add_row(council.name, also, council.region, kind)
    return table


RENDERERS = {"table": to_table, "json": to_json}
