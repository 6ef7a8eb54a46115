"""The gazetteer of English councils with children's-services duties.

`models/data/councils.tsv` lists every upper-tier authority (county, metropolitan and London
boroughs, City of London, unitaries, Isles of Scilly) plus the former ones the press of
2008-2020 still names. A council gets its own row when its *area* changed (Bedfordshire and
Cheshire split in 2009, Bournemouth/Poole/Dorset reorganised in 2019, Northamptonshire split in
2021, Cumbria split in 2023); a mere rename of the same area is an alias of the successor
(Buckinghamshire, North Yorkshire and Somerset County Council; Cornwall, Wiltshire and
Shropshire County Council).

Every council is known by its official name, its short place name, "<short> Council", and
"<short> City/County/Borough Council" when the official name has that form, plus the extra
aliases in the TSV; each alias also gets its "&"/"and" and hyphen/space spellings.

When two councils claim the same alias, the stronger claim wins: an official name beats a TSV
alias, which beats a generated one; at equal strength a current council beats a former one
("Dorset" is Dorset Council, not the pre-2019 Dorset County Council). Any other clash is an
error in the data. Deliberate owners of ambiguous names, all made explicit in the TSV:

- "Durham": Durham County Council; the City of Durham district has no children's services.
- "York": City of York Council; the Yorkshire authorities are always named in full.
- "Bedford": Bedford Borough Council; "Bedfordshire" is the county council abolished in 2009.
- "Kingston": Royal Borough of Kingston upon Thames; the press calls Kingston upon Hull "Hull".
- "Newcastle": Newcastle upon Tyne; Newcastle-under-Lyme is a district.
- "Richmond": Richmond upon Thames; Richmondshire is a district.
- "Bournemouth", "Poole": the pre-2019 councils; their successor is "BCP".
"""
from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Iterable

KINDS = frozenset({"county", "metropolitan", "london", "unitary", "other"})
REGIONS = frozenset({
    "North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands",
    "East of England", "London", "South East", "South West",
})

# Longest first, so "Metropolitan Borough Council" is not read as "Borough Council".
_SUFFIXES = ("Metropolitan Borough Council", "City Council", "County Council", "Borough Council")

# Claim strengths, strongest first (see module docstring).
_OFFICIAL, _LISTED, _GENERATED = 0, 1, 2

_APOSTROPHES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'"})


@dataclass(frozen=True)
class Council:
    """One local authority: `name` is the official form a chronology shows."""

    name: str
    short: str
    kind: str
    region: str
    aliases: tuple[str, ...] = ()
    abolished: int | None = None

    @property
    def current(self) -> bool:
        """Whether the authority still exists."""
        return self.abolished is None


def normalise(text: str) -> str:
    """The lookup key of a name: case, spacing, apostrophes, '&', hyphens and stops ignored."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    text = text.replace("&", " and ")
    text = re.sub(r"[-\u2010-\u2014,.]", " ", text)
    text = " ".join(text.split()).casefold()
    return text.removeprefix("the ")


def _spellings(alias: str) -> list[str]:
    """The alias with its '&'/'and' and hyphen/space spellings, for a surface-form matcher."""
    forms = {alias, alias.replace(" and ", " & "), alias.replace(" & ", " and ")}
    return sorted(forms | {form.replace("-", " ") for form in forms})


def _generated(council: Council) -> set[str]:
    """The aliases every council gets from its short name."""
    names = {council.short, f"{council.short} Council"}
    suffix = next((s for s in _SUFFIXES if council.name.endswith(" " + s)), None)
    if suffix:
        names.add(f"{council.short} {suffix}")
    return names


def _claims(council: Council) -> Iterable[tuple[str, int]]:
    """Every surface form the council claims, with the strength of the claim."""
    yield from ((form, _OFFICIAL) for form in _spellings(council.name))
    for alias in council.aliases:
        yield from ((form, _LISTED) for form in _spellings(alias))
    for alias in sorted(_generated(council)):
        yield from ((form, _GENERATED) for form in _spellings(alias))


class Gazetteer:
    """Councils and the names the press uses for them."""

    def __init__(self, councils: Iterable[Council]) -> None:
        self._councils = list(councils)
        self._owners: dict[str, Council] = {}
        self._surfaces: dict[str, Council] = {}
        self._resolve()

    def _resolve(self) -> None:
        """Give every normalised alias one owner; raise ValueError on an unresolvable clash."""
        best: dict[str, tuple[int, bool, Council]] = {}
        surfaces: dict[str, str] = {}
        for council in self._councils:
            for form, strength in _claims(council):
                key = normalise(form)
                surfaces[form] = key
                rank = (strength, not council.current, council)
                held = best.get(key)
                if held is None or rank[:2] < held[:2]:
                    best[key] = rank
                elif rank[:2] == held[:2] and held[2] != council:
                    owners = f"{held[2].name!r} and {council.name!r}"
                    raise ValueError(f"{form!r} is claimed by both {owners}")
        self._owners = {key: rank[2] for key, rank in best.items()}
        self._surfaces = {form: self._owners[key] for form, key in surfaces.items()}

    def all(self) -> list[Council]:
        """Every council, current and former, in file order."""
        return list(self._councils)

    def lookup(self, text: str) -> Council | None:
        """The council a name refers to, or None if the name is not a known alias."""
        return self._owners.get(normalise(text))

    def aliases(self) -> dict[str, Council]:
        """Each surface form (e.g. for a spaCy PhraseMatcher on LOWER) and the council it names."""
        return dict(self._surfaces)

    def closest(self, text: str, n: int = 3) -> list[str]:
        """Up to n official names whose aliases are closest to an unknown name."""
        keys = difflib.get_close_matches(normalise(text), self._owners, n=n * 5)
        names = dict.fromkeys(self._owners[key].name for key in keys)
        return list(names)[:n]


def parse_councils(tsv: str) -> list[Council]:
    """Councils from the gazetteer TSV; raise ValueError on an unknown kind or region."""
    councils = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t"):
        council = Council(
            name=row["name"],
            short=row["short"],
            kind=row["kind"],
            region=row["region"],
            aliases=tuple(alias for alias in row["aliases"].split("|") if alias),
            abolished=int(row["abolished"]) if row["abolished"] else None,
        )
        if council.kind not in KINDS or council.region not in REGIONS:
            bad = f"kind {council.kind!r} or region {council.region!r}"
            raise ValueError(f"{council.name!r}: bad {bad}")
        councils.append(council)
    return councils


@cache
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer, read once per process."""
    tsv = resources.files("models").joinpath("data/councils.tsv").read_text(encoding="utf-8")
    return Gazetteer(parse_councils(tsv))
