"""The accuracy gate: the sample corpus scored against its gold chronologies.

Floors are pinned a little below the scores measured when they were set, so that a change
that loses accuracy fails here; raise them when the tool improves. Three parts were written by
someone who had not seen the extractor, to measure how the rules generalise; their first-run
scores, before any change made for them: `holdout/` 0.73; `press/` (46 articles, eleven
councils, a dozen house styles) 0.634; `dump/` (35 articles, two in three undated, dated only
by each other) 0.489.
"""
from __future__ import annotations

import pytest

from pipeline.engine.build import build
from tests.gold import flatten, load_gold, score
from tests.paths import SAMPLES

FLOORS = {
    # folder: (strict F1, people right on events that name people)
    "basic": (0.98, 0.9),
    "dump": (0.94, 0.7),
    "holdout": (0.96, 0.9),
    "press": (0.94, 0.85),
    "realistic": (0.96, 0.9),
}


@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_sample_corpus_meets_its_accuracy_floor(folder: str) -> None:
    result = score(load_gold(SAMPLES / folder / "chronicle.gold.json"), flatten(build([str(SAMPLES / folder)]).chronology))
    f1_floor, people_floor = FLOORS[folder]
    print(f"{folder}: F1 {result.f1:.3f} P {result.precision:.3f} R {result.recall:.3f} "
          f"missed {result.missed} duplicates {len(result.duplicates)} spurious {len(result.spurious)} "
          f"people {result.people_right}/{result.people_checked}")
    assert result.f1 >= f1_floor
    assert result.people_right >= people_floor * result.people_checked


@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_sample_corpus_has_no_duplicate_events(folder: str) -> None:
    result = score(load_gold(SAMPLES / folder / "chronicle.gold.json"), flatten(build([str(SAMPLES / folder)]).chronology))
    assert result.duplicates == []
