"""People: names, roles, and the same person followed through an article."""
from __future__ import annotations

from pipeline.people import find_people


def names(text: str) -> list[str]:
    return [mention.name for mention in find_people(text).mentions]


def test_role_before_the_name() -> None:
    cast = find_people("Cambridgeshire's director of children's services Adrian Lowther has been seconded.")
    assert cast.role_of("Adrian Lowther") == "director of children's services"


def test_role_after_the_name_in_apposition() -> None:
    cast = find_people("Annie Hudson, the council's interim director of children's services, said she was proud.")
    assert cast.role_of("Annie Hudson") == "interim director of children's services"


def test_title_and_surname_resolve_to_the_full_name() -> None:
    assert names("Julia Hensby resigned. Ms Hensby had led the service since 2013.") == ["Julia Hensby", "Julia Hensby"]


def test_lone_surname_resolves_to_the_full_name() -> None:
    assert names("Sheila Scott ordered a review. Scott said it would report in six months.") == ["Sheila Scott", "Sheila Scott"]


def test_council_and_organisation_words_are_not_names() -> None:
    assert names("Peterborough City Council and the Care Quality Commission met Ofsted in Kent.") == []


def test_place_name_is_not_a_person_but_can_be_a_surname() -> None:
    assert names("Tower Hamlets said Philippa Harrow would leave.") == ["Philippa Harrow"]


def test_sentence_opening_word_is_not_part_of_a_name() -> None:
    assert names("Following John Richards' resignation, the council acted.") == ["John Richards"]
