"""The ways press text says each kind of event, on sentences written for these tests."""
from __future__ import annotations

import pytest

HEADLINE = "Council news\n\n"
PUBLISHED = "2015-06-10"


@pytest.mark.parametrize(
    "sentence",
    [
        "Kent County Council's director, Ann Rowley, left the authority last month.",
        "Kent County Council's director, Ann Rowley, was suspended last month.",
        "Kent County Council's director, Ann Rowley, departed by mutual agreement in May.",
        "Kent County Council's director, Ann Rowley, will leave at the end of July.",
        "Kent County Council's director, Ann Rowley, is to retire in September.",
    ],
)
def test_departure_wordings(mentions, sentence: str) -> None:
    found = mentions(HEADLINE + sentence, PUBLISHED)
    assert [(m.type, m.people[0].name) for m in found] == [("departure", "Ann Rowley")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kent County Council's director, Ann Rowley, stepped down last month.",
        "Kent County Council's director, Ann Rowley, resigned last month.",
        "Kent County Council's director, Ann Rowley, has quit.",
    ],
)
def test_resignation_wordings(mentions, sentence: str) -> None:
    assert [m.type for m in mentions(HEADLINE + sentence, PUBLISHED)] == ["resignation"]


@pytest.mark.parametrize(
    ("sentence", "rating"),
    [
        ("Ofsted judged Kent County Council's children's services inadequate last week.", "inadequate"),
        ("Kent County Council has been rated 'requires improvement to be good' by Ofsted.", "requires improvement"),
        ("Kent County Council has been downgraded to inadequate by Ofsted.", "inadequate"),
        ("Kent County Council is no longer inadequate, according to an Ofsted report.", "no longer inadequate"),
        ("The overall effectiveness of Kent County Council's services was judged to be inadequate.", "inadequate"),
        ("Kent County Council received an “outstanding” rating from inspectors.", "outstanding"),
    ],
)
def test_ratings_in_many_words(mentions, sentence: str, rating: str) -> None:
    found = mentions(HEADLINE + sentence, PUBLISHED)
    assert [(m.type, m.attributes.rating) for m in found] == [("inspection_report", rating)]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Kent County Council had an ILACS inspection in March.", "ILACS"),
        ("Kent County Council had an unannounced inspection of contact, referral and assessment in March.", "unannounced"),
        ("Ofsted carried out a focused visit to Kent County Council in March.", "focused visit"),
        ("Ofsted made a monitoring visit to Kent County Council in March.", "monitoring visit"),
        ("A joint targeted area inspection (JTAI) of Kent County Council took place in March.", "joint"),
        ("A joint area review of Kent County Council was carried out in March.", "joint"),
        ("Kent County Council was inspected under the single inspection framework (SIF) in March.", "SIF"),
    ],
)
def test_inspection_kinds(mentions, sentence: str, kind: str | None) -> None:
    found = mentions(HEADLINE + sentence, PUBLISHED)
    assert [(m.type, m.date) for m in found] == [("inspection", "2015-03")]
    assert found[0].attributes.inspection_kind == kind


def test_annual_performance_assessment_is_a_judgement(mentions) -> None:
    found = mentions(HEADLINE + "Kent County Council's annual performance assessment in December rated it poor.", PUBLISHED)
    assert [(m.type, m.date) for m in found] == [("inspection_report", "2014-12")]


def test_history_paragraph_gives_each_event_its_own_date(mentions) -> None:
    found = mentions(
        HEADLINE + "Doncaster Council was rated inadequate in 2009. An improvement notice followed in 2010, "
        "and commissioners were appointed in 2013.",
        "2017-08-15",
    )
    assert sorted((m.type, m.date) for m in found) == [
        ("improvement_notice", "2010"),
        ("inspection_report", "2009"),
        ("intervention", "2013"),
    ]


def test_interim_and_acting_posts_are_kept_in_the_role(mentions) -> None:
    found = mentions(HEADLINE + "Torbay Council has appointed acting director of children's services Fiona Marsh.", "2010-06-03")
    assert found[0].people[0].role == "acting director of children's services"


def test_visit_by_inspectors_is_an_inspection(mentions) -> None:
    found = mentions(HEADLINE + "The report on Devon County Council follows a two-week visit by inspectors in April.", PUBLISHED)
    assert ("inspection", "2015-04") in [(m.type, m.date) for m in found]
