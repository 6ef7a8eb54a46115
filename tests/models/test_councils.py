"""Tests for the council gazetteer (models/councils.py and models/data/councils.tsv)."""
from __future__ import annotations

import pytest

from models.councils import (
    KINDS,
    REGIONS,
    Council,
    Gazetteer,
    load_gazetteer,
    normalise,
)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def test_at_least_150_current_authorities(gazetteer: Gazetteer) -> None:
    assert len([c for c in gazetteer.all() if c.current]) >= 150


def test_official_names_are_unique(gazetteer: Gazetteer) -> None:
    names = [c.name for c in gazetteer.all()]
    assert len(names) == len(set(names))


def test_every_council_looks_up_by_its_own_name(gazetteer: Gazetteer) -> None:
    assert all(gazetteer.lookup(c.name) == c for c in gazetteer.all())


def test_every_alias_maps_to_the_council_its_normal_form_looks_up(gazetteer: Gazetteer) -> None:
    assert all(gazetteer.lookup(alias) == c for alias, c in gazetteer.aliases().items())


def test_clashing_aliases_of_equal_strength_are_rejected() -> None:
    one = Council("Alpha Council", "Alpha", "unitary", "London", ("Shared",))
    two = Council("Beta Council", "Beta", "unitary", "London", ("Shared",))
    with pytest.raises(ValueError, match="Shared"):
        Gazetteer([one, two])


@pytest.mark.parametrize(
    "text", ["Peterborough", "Peterborough Council", "Peterborough City Council"]
)
def test_peterborough_forms_look_up_peterborough_city_council(
    gazetteer: Gazetteer, text: str
) -> None:
    assert gazetteer.lookup(text).name == "Peterborough City Council"


def test_lookup_ignores_case_and_spacing(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("  kent   COUNTY council ").name == "Kent County Council"


def test_curly_apostrophes_normalise_to_straight() -> None:
    assert normalise("King\u2019s Lynn") == normalise("King's Lynn")


def test_ampersand_looks_up_like_and(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Brighton & Hove").name == "Brighton and Hove City Council"


def test_ampersand_spelling_is_offered_to_the_matcher(gazetteer: Gazetteer) -> None:
    council = gazetteer.aliases()["Royal Borough of Kensington & Chelsea"]
    assert council.short == "Kensington and Chelsea"


def test_hyphenated_names_look_up_without_hyphens(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Stoke on Trent").name == "Stoke-on-Trent City Council"


def test_unknown_name_looks_up_nothing(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Gotham City Council") is None


def test_closest_suggests_peterborough_for_a_misspelling(gazetteer: Gazetteer) -> None:
    assert "Peterborough City Council" in gazetteer.closest("Peterbrough")


def test_closest_returns_at_most_n_distinct_names(gazetteer: Gazetteer) -> None:
    names = gazetteer.closest("Lancshire County Council", n=2)
    assert len(names) <= 2 and len(set(names)) == len(names)


def test_every_council_has_an_allowed_kind(gazetteer: Gazetteer) -> None:
    assert {c.kind for c in gazetteer.all()} <= KINDS


def test_every_council_has_an_allowed_region(gazetteer: Gazetteer) -> None:
    assert {c.region for c in gazetteer.all()} <= REGIONS


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Durham", "Durham County Council"),
        ("York", "City of York Council"),
        ("Bedford", "Bedford Borough Council"),
        ("Bedfordshire", "Bedfordshire County Council"),
        ("Kingston", "Royal Borough of Kingston upon Thames"),
        ("Hull", "Kingston upon Hull City Council"),
        ("Dorset", "Dorset Council"),
        ("Dorset County Council", "Dorset County Council"),
        ("BCP", "Bournemouth, Christchurch and Poole Council"),
    ],
)
def test_ambiguous_short_names_have_the_documented_owner(
    gazetteer: Gazetteer, text: str, name: str
) -> None:
    assert gazetteer.lookup(text).name == name


def test_renamed_county_council_looks_up_its_successor(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Buckinghamshire County Council").name == "Buckinghamshire Council"


def test_split_county_is_a_former_council(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Northamptonshire County Council").abolished == 2021


def test_gazetteer_is_loaded_once() -> None:
    assert load_gazetteer() is load_gazetteer()
