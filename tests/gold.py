"""Scoring a chronology against a gold chronology, for the accuracy tests.

A gold event is found by a predicted event of the same council (compared through the
gazetteer, so "Peterborough Council" is "Peterborough City Council"), the same type, and a
date the gold accepts: its date or one of its `accept` dates, or a more precise date lying
inside one of them. Each gold event is found at most once; further predictions that would
have found it are duplicates and count against precision, as do predictions that find
nothing. Gold events marked `required: false` count when found and are not missed.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from models import edtf
from models.councils import load_gazetteer
from models.records import Chronology


@dataclass
class Score:
    found: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    duplicates: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)
    people_right: int = 0
    people_checked: int = 0
    required: int = 0

    @property
    def precision(self) -> float:
        predicted = len(self.found) + len(self.duplicates) + len(self.spurious)
        return len(self.found) / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        return (self.required - len(self.missed)) / self.required if self.required else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def council_name(name: str) -> str:
    council = load_gazetteer().lookup(name)
    return council.name if council else name


def date_accepted(predicted: str | None, gold: dict) -> bool:
    if not predicted:
        return False
    accepted = [gold["date"], *gold.get("accept", [])]
    bare = predicted.rstrip("~?%")
    if predicted in accepted or bare in accepted:
        return True
    inner = edtf.parse(bare)
    for value in accepted:
        outer = edtf.parse(value)
        if inner.known and outer.known and outer.first <= inner.first and inner.last <= outer.last:
            return True
    return False


def flatten(chronology: Chronology) -> list[dict]:
    return [
        {"council": block.council, "type": event.type, "date": event.date, "people": [p.name for p in event.people]}
        for block in chronology.councils
        for event in block.events
    ]


def _matches(predicted: dict, gold: dict) -> bool:
    return (
        council_name(predicted["council"]) == council_name(gold["council"])
        and predicted["type"] == gold["type"]
        and date_accepted(predicted["date"], gold)
    )


def score(gold_events: list[dict], predicted: list[dict]) -> Score:
    result = Score(required=sum(1 for g in gold_events if g.get("required", True)))
    used: set[int] = set()
    matched: list[dict] = []
    for gold in sorted(gold_events, key=lambda g: not g.get("required", True)):
        hit = next((i for i, p in enumerate(predicted) if i not in used and _matches(p, gold)), None)
        if hit is None:
            if gold.get("required", True):
                result.missed.append(gold["id"])
            continue
        used.add(hit)
        matched.append(gold)
        result.found.append(gold["id"])
        if gold.get("people"):
            result.people_checked += 1
            names = " ".join(predicted[hit]["people"]).lower()
            result.people_right += all(n.split()[-1].lower() in names for n in gold["people"])
    for index, prediction in enumerate(predicted):
        if index in used:
            continue
        if any(_matches(prediction, gold) for gold in matched):
            result.duplicates.append(prediction)
        else:
            result.spurious.append(prediction)
    return result


def load_gold(path: Path, scenario: str = "as_given") -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["scenarios"][scenario]["events"]
