"""People: names, roles, and the same person followed through an article."""
from __future__ import annotations

import re

from pipeline.extract.people import (
    ROLE_BEFORE,
    ROLE_WINDOW,
    _may_end_with_role,
    find_people,
    whole_words,
)
from tests.paths import SAMPLES


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


def test_capitalised_terms_of_intervention_and_page_furniture_are_not_names() -> None:
    assert names("The DfE issued a Statutory Direction and appointed Malcolm Newsam. Tags for Forum Posts: appeal.") == ["Malcolm Newsam"]


def test_place_name_is_not_a_person_but_can_be_a_surname() -> None:
    assert names("Tower Hamlets said Philippa Harrow would leave.") == ["Philippa Harrow"]


def test_sentence_opening_word_is_not_part_of_a_name() -> None:
    assert names("Following John Richards' resignation, the council acted.") == ["John Richards"]




def sample_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.rglob("*.txt"))]


def test_whole_words_finds_what_the_word_bounded_alternation_finds() -> None:
    words = ["Smith", "Smith-Jones", "Jones", "Hudson", "Lowther", "O’Brien", "Scott"]
    texts = [
        "Smith-Jones met Smith, Jones_ and Smithé; Smith2 and _Smith; O’Brien’s O’Brien. Jones-Smith",
        *(f"{text} Smith-Jones Smith Jones" for text in sample_texts()[:10]),
    ]
    for order in (words, words[::-1]):
        regex = re.compile(r"\b(" + "|".join(map(re.escape, order)) + r")\b")
        for text in texts:
            assert whole_words(text, order) == [(m.start(), m.group(1)) for m in regex.finditer(text)]


def test_the_role_ending_check_passes_every_text_a_role_ends() -> None:
    for text in sample_texts():
        for start in (match.start() for match in re.finditer(r"\b[A-Z]", text)):
            window = text[max(0, start - ROLE_WINDOW) : start]
            if ROLE_BEFORE.search(window):
                assert _may_end_with_role(window), window
    assert _may_end_with_role("the council's director of children's services, ")
    assert _may_end_with_role("the ſocial work ")  # ſ folds to s only when case is ignored
    assert not _may_end_with_role("the council said ")


def test_a_counted_place_opening_a_sentence_is_no_person_and_a_place_surname_alone_is_the_place() -> None:
    assert names("One Southampton social worker said staff were tired. Southampton City Council said little.") == []
    assert names("Philippa Harrow spoke. Harrow Council said nothing. Ms Harrow left.") == ["Philippa Harrow", "Philippa Harrow"]


def test_a_body_for_children_is_no_person() -> None:
    assert names("Brighter Futures for Children runs the service. Achieving for Children agreed.") == []


def test_a_name_after_words_that_cannot_open_one_is_found_whole() -> None:
    assert names("In August Sheila Lock was appointed.") == ["Sheila Lock"]


def test_a_title_between_a_role_and_a_name_keeps_the_role() -> None:
    cast = find_people("Rochdale mayor Sir Alan Brook opened the centre, and Dr Ruth Lane, the director, spoke.")
    assert cast.roles["Alan Brook"] == ["mayor"]
