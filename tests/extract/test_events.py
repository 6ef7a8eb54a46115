"""Event extraction on sentences written for these tests."""
from __future__ import annotations

import re
from pathlib import Path

from pipeline.extract import nlp
from pipeline.extract.event_dates import _left_attached
from pipeline.extract.events import _sentence_finder
from tests.paths import SAMPLES

HEADLINE = "Council news\n\n"


def kinds(found):
    return sorted((m.type, m.council, m.date) for m in found)


def test_date_goes_to_the_nearest_trigger_not_across_a_clause(mentions):
    found = mentions(
        HEADLINE + "Slough Borough Council was issued with an improvement notice in May 2010 after a critical "
        "inspection by Ofsted.",
        "2011-01-10",
    )
    assert ("improvement_notice", "Slough Borough Council", "2010-05") in kinds(found)
    inspections = [m for m in found if m.type == "inspection"]
    assert [(m.date, m.before) for m in inspections] == [("XXXX", "2010-05")]  # before the notice, for dating to place


def test_each_event_of_a_sentence_takes_its_own_month(mentions):
    found = mentions(
        HEADLINE + "A report on Kent, which was published in March this year following an unannounced "
        "inspection in February, found the council was no longer inadequate.",
        "2011-09-07",
    )
    assert ("inspection_report", "Kent County Council", "2011-03") in kinds(found)
    assert ("inspection", "Kent County Council", "2011-02") in kinds(found)


def test_present_perfect_news_without_a_date_is_the_publication_day_approximately(mentions):
    found = mentions(HEADLINE + "The director of children's services at Torbay Council, Joan Fairley, has resigned.", "2012-06-14")
    assert kinds(found) == [("resignation", "Torbay Council", "2012-06-14~")]
    assert found[0].people[0].name == "Joan Fairley"


def test_undated_article_keeps_the_year_unknown(mentions):
    found = mentions(HEADLINE + "The inspection of Medway Council, in March, found a backlog of cases.")
    assert kinds(found) == [("inspection", "Medway Council", "XXXX-03")]


def test_inspection_without_a_date_is_background(mentions):
    found = mentions(HEADLINE + "The inspection of Medway Council found a backlog of cases.", "2012-03-01")
    assert found == []


def test_inspection_regime_is_not_an_inspection(mentions):
    found = mentions(HEADLINE + "Bristol welcomed the new Ofsted inspection regime introduced in June 2009.", "2010-05-25")
    assert found == []


def test_scare_quoted_rating_is_a_rating(mentions):
    found = mentions(HEADLINE + "Bristol City Council has received a “good” rating from Ofsted.", "2010-05-25")
    assert kinds(found) == [("inspection_report", "Bristol City Council", "2010-05-25~")]
    assert found[0].attributes.rating == "good"


def test_quoted_speech_reports_no_event(mentions):
    found = mentions(HEADLINE + 'The leader of Wirral Council said: "I will not resign over this report, whatever happens."', "2016-10-01")
    assert found == []


def test_negated_resignation_is_no_event(mentions):
    found = mentions(HEADLINE + "The director at Wirral Council, Julia Hensby, has refused to resign.", "2016-10-01")
    assert found == []


def test_future_tense_makes_an_expected_event(mentions):
    found = mentions(HEADLINE + "Surrey County Council's director, Philippa Harlow, will leave at the end of July.", "2018-05-30")
    assert [(m.type, m.status) for m in found] == [("departure", "expected")]


def test_reinspection_in_months_is_an_approximate_expected_date(mentions):
    found = mentions(HEADLINE + "Peterborough City Council expects to be re-inspected in 18 months.", "2011-09-07")
    assert [(m.type, m.date, m.status) for m in found] == [("inspection", "2013-03~", "expected")]


def test_comparison_council_is_not_the_events_council(mentions):
    found = mentions(
        HEADLINE + "Doncaster Council was rated inadequate last week, like Haringey before it.", "2009-10-23"
    )
    assert {m.council for m in found} == {"Doncaster Metropolitan Borough Council"}


def test_previous_employer_is_not_the_events_council(mentions):
    found = mentions(
        HEADLINE + "Sandwell Council has appointed Jonathan Pask, a former director of children's services in "
        "Shropshire, as interim director.",
        "2015-11-20",
    )
    assert kinds(found) == [("appointment", "Sandwell Metropolitan Borough Council", "2015-11-20~")]


def test_secondment_belongs_to_the_host_not_the_lender(mentions):
    found = mentions(
        HEADLINE + "Cambridgeshire's director of children's services Adrian Lowther has been seconded to "
        "Peterborough for three months.",
        "2011-09-07",
    )
    assert {m.council for m in found} == {"Peterborough City Council"}
    assert all(m.people[0].name == "Adrian Lowther" for m in found)
    assert found[0].people[0].role == "director of children's services"


def test_role_phrase_points_forward_to_the_named_director(mentions):
    found = mentions(
        HEADLINE + "A damning report has prompted the director of children's services at Slough to resign.\n\n"
        "Director of children's services Ruth Ampleforth said she accepted new leadership was needed.",
        "2013-05-02",
    )
    assert found[0].people[0].name == "Ruth Ampleforth"


def test_title_and_surname_resolve_to_the_full_name(mentions):
    found = mentions(
        HEADLINE + "Tower Hamlets Council's director, Owen Pritchard, was praised by the mayor.\n\n"
        "Mr Pritchard resigned on Friday.",
        "2017-04-10",
    )
    assert [p.name for m in found for p in m.people] == ["Owen Pritchard"]


def test_speaker_is_not_the_person_of_the_event(mentions):
    found = mentions(
        HEADLINE + "Council leader Gerald Ransome said he welcomed the appointment of Philip Anscombe as "
        "interim director at Norfolk County Council.",
        "2013-10-24",
    )
    assert [p.name for m in found for p in m.people] == ["Philip Anscombe"]


def test_person_named_like_a_council_is_a_person(mentions):
    found = mentions(
        HEADLINE + "Surrey County Council's director, Philippa Harrow, has resigned.", "2018-05-30"
    )
    assert {m.council for m in found} == {"Surrey County Council"}


def test_state_is_not_an_event(mentions):
    found = mentions(HEADLINE + "At Torbay Council the improvement notice remains in place.", "2011-03-25")
    assert found == []


def test_background_clause_without_date_is_not_an_event(mentions):
    found = mentions(
        HEADLINE + "The director of Northamptonshire County Council, Carolyn Pryce, has resigned, weeks after the "
        "authority was rated inadequate by Ofsted.",
        "2014-02-10",
    )
    assert [m.type for m in found] == ["resignation"]


def test_commissioner_appointment_is_an_intervention(mentions):
    found = mentions(
        HEADLINE + "Last month the Department for Education appointed Eleanor Grant as commissioner for Wirral Council.",
        "2016-11-02",
    )
    assert kinds(found) == [("intervention", "Wirral Council", "2016-10")]


def test_ratings_are_normalised(mentions):
    found = mentions(
        HEADLINE + "Norfolk County Council has been rated 'requires improvement to be good' by Ofsted.", "2015-02-11"
    )
    assert found[0].attributes.rating == "requires improvement"


def test_no_council_in_article_means_no_event(mentions):
    assert mentions(HEADLINE + "The director of children's services has resigned.", "2015-02-11") == []


def test_standing_state_is_not_an_event(mentions):
    found = mentions(HEADLINE + "Birmingham City Council's services have been rated inadequate for almost seven years.", "2016-01-13")
    assert found == []


def test_fronted_date_dates_every_trigger_of_its_sentence(mentions):
    found = mentions(
        HEADLINE + "Since December the service at Stoke-on-Trent City Council has been run by Priya Rattan, "
        "who is on secondment from Shropshire Council.",
        "2011-02-03",
    )
    assert {(m.council, m.date) for m in found} == {
        ("Stoke-on-Trent City Council", "2010-12"),
    }


def test_minister_appointing_someone_is_an_intervention(mentions):
    found = mentions(HEADLINE + "The children's minister appointed Ruth Ester to Croydon Council on Tuesday.", "2017-10-19")
    assert [m.type for m in found] == ["intervention"]


def test_event_called_for_is_no_event(mentions):
    found = mentions(HEADLINE + "The opposition called for the director of Croydon Council, Jo Bates, to resign.", "2017-10-19")
    assert found == []


def test_leaving_belongs_to_the_council_left_not_the_one_joined(mentions):
    found = mentions(
        HEADLINE + "At Southend-on-Sea City Council, the director will step down in December.\n\n"
        "Rhiannon Peltz will step down at the end of December to join Hertfordshire County Council.",
        "2022-11-10",
    )
    assert {m.council for m in found} == {"Southend-on-Sea City Council"}


def test_present_perfect_news_is_dated_by_publication(mentions):
    found = mentions(HEADLINE + "Worcestershire County Council has confirmed Cat Pell as its permanent director.", "2018-03-08")
    assert [(m.date, m.news) for m in found] == [("2018-03-08~", True)]


def test_capitalised_lede_still_names_the_council(mentions):
    found = mentions(HEADLINE + "WORCESTERSHIRE County Council has appointed Cat Pell as its director.", "2018-03-08")
    assert [m.council for m in found] == ["Worcestershire County Council"]


def test_since_opening_another_clause_is_no_state(mentions):
    found = mentions(
        HEADLINE + "Bristol has become the first city to receive a “good” rating since the new regime began in 2009.",
        "2010-05-25",
    )
    assert [(m.type, m.date) for m in found] == [("inspection_report", "2010-05")]


def test_a_bare_rating_word_in_a_quote_is_no_rating(mentions):
    found = mentions(
        HEADLINE + 'A report on Medway Council published this week left "children without adequate protection".\n\n'
        "Inspectors judged Medway Council's services inadequate.",
        "2012-03-14",
    )
    assert {m.attributes.rating for m in found} == {None, "inadequate"}


def test_council_left_is_the_leavings_council(mentions):
    found = mentions(
        HEADLINE + "Essex County Council has appointed Mark Smyth, who left Kent County Council in 2014, as its director.",
        "2016-05-10",
    )
    assert sorted((m.type, m.council) for m in found) == [
        ("appointment", "Essex County Council"),
        ("departure", "Kent County Council"),
    ]


def test_the_backwards_left_attachment_check_matches_the_forward_pattern():
    forward = re.compile(r"\w[\w,]*\s+(?:in|on|during|between|from|at|over|by)\s+(?:the\s+)?$", re.I)
    samples = SAMPLES
    texts = [path.read_text(encoding="utf-8") for path in sorted(samples.rglob("*.txt"))[:15]]
    texts += ["x,,,,,,   in   the   2011", "In the 2011", "\n in \n2011", "visited IN THE 2011", "visited in\n2011",
              "went, in 2011", "_ at the 2011", "é  by\t2011", "then on the\n\n2011", "between 2011"]
    for text in texts:
        for start in range(len(text) + 1):
            if start == len(text) or text[start - 1 : start].isspace():
                assert _left_attached(text, start) == bool(forward.search(text[:start])), text[max(0, start - 40) : start]


def test_sentence_finder_gives_each_span_the_sentence_spacy_gives_it() -> None:
    for path in sorted(Path("sample_articles/realistic").glob("*.txt"))[:10]:
        doc = nlp.analyse(path.read_text(encoding="utf-8"), None)
        sentence_of = _sentence_finder(list(doc.sents))
        for span in [*doc.spans["councils"], *doc.spans["triggers"], *(doc[i : i + 1] for i in range(len(doc)))]:
            assert sentence_of(span) == span.sent
