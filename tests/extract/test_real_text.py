"""What real trade press does that the first rules missed: one test per shape, on sentences
written for these tests in the manner of the press (none is copied from an article)."""
from __future__ import annotations

import pytest

from pipeline.ingest import clean

HEADLINE = "Council news\n\n"
PUBLISHED = "2014-03-12"


def events(mentions, body: str, published: str = PUBLISHED) -> list[tuple[str, str, str | None]]:
    return sorted((m.type, m.council, m.date) for m in mentions(HEADLINE + body, published))


# Coordinated and listed dates: one event per date, never one interval.

def test_a_plural_trigger_with_two_years_is_two_events(mentions) -> None:
    found = events(mentions, "Unannounced inspections of Rochdale Borough Council in 2009 and 2010 found weaknesses.")
    assert found == [("inspection", "Rochdale Borough Council", "2009"), ("inspection", "Rochdale Borough Council", "2010")]


def test_a_list_of_years_is_one_event_each(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council was rated inadequate in 2008, 2011 and 2013.")
    assert [date for *_, date in found] == ["2008", "2011", "2013"]


def test_a_date_told_again_later_in_the_sentence_is_a_second_event(mentions) -> None:
    found = mentions(HEADLINE + "Karen Oduya was first appointed director at Rochdale Borough Council in 2003 and again, "
                     "three years later, in 2006.", PUBLISHED)
    assert sorted(m.date for m in found if m.type == "appointment") == ["2003", "2006"]


def test_two_months_of_one_visit_are_its_span(mentions) -> None:
    found = events(mentions, "Inspectors visited Rochdale Borough Council in January and February and found delays.")
    assert found == [("inspection", "Rochdale Borough Council", "2014-01/2014-02")]


def test_a_day_without_a_year_takes_the_year_that_closes_the_pair(mentions) -> None:
    found = events(mentions, "Ofsted inspectors were at Rochdale Borough Council between 27 January and 7 February 2014.")
    assert found == [("inspection", "Rochdale Borough Council", "2014-01-27/2014-02-07")]


# Triggers in other words.

@pytest.mark.parametrize(
    "sentence",
    [
        "Dawn Pickering was drafted in to run Rochdale Borough Council's children's services in January.",
        "Dawn Pickering took charge of the department at Rochdale Borough Council in January.",
        "Dawn Pickering joined Rochdale Borough Council on 6 January.",
        "Dawn Pickering became joint director of children's and adult services at Rochdale Borough Council in January.",
    ],
)
def test_appointments_in_other_words(mentions, sentence: str) -> None:
    found = [m for m in mentions(HEADLINE + sentence, PUBLISHED) if m.type == "appointment"]
    assert [(m.council, m.date[:7]) for m in found] == [("Rochdale Borough Council", "2014-01")]
    assert [p.name for p in found[0].people] == ["Dawn Pickering"]


def test_in_post_since_a_year_is_an_appointment_then(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council's director, Dawn Pickering, has been in post since 2009, the council said.")
    assert ("appointment", "Rochdale Borough Council", "2009") in found


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Rochdale Borough Council's services were branded 'inadequate' by Ofsted in February.", "2014-02"),
        ("Ofsted's findings on Rochdale Borough Council were made public today.", "2014-03-12"),
        ("Inspectors wrote to Rochdale Borough Council in February setting out their concerns.", "2014-02"),
        ("Rochdale Borough Council received ratings of inadequate in 2011.", "2011"),
    ],
)
def test_reports_in_other_words(mentions, sentence: str, date: str) -> None:
    assert events(mentions, sentence) == [("inspection_report", "Rochdale Borough Council", date)]


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("That verdict on Rochdale Borough Council followed a visit by the watchdog in mid-January.", "2014-01"),
        ("In February, inspectors carried out a two-day focused visit to Rochdale Borough Council.", "2014-02"),
        ("'When inspectors came to Rochdale Borough Council in January they found a service in crisis,' she said.", "2014-01"),
    ],
)
def test_inspections_in_other_words(mentions, sentence: str, date: str) -> None:
    found = events(mentions, sentence)
    assert [(kind, day[:7]) for kind, _, day in found] == [("inspection", date)]


# Discard rules that dropped real events.

def test_a_date_in_a_relative_clause_of_the_trigger_noun_dates_it(mentions) -> None:
    found = events(mentions, "The inspection of Rochdale Borough Council, which took place in January, found delays.")
    assert found == [("inspection", "Rochdale Borough Council", "2014-01")]


def test_the_month_may_is_not_a_modal(mentions) -> None:
    found = events(mentions, "In May, inspectors carried out a monitoring visit to Rochdale Borough Council.", "2014-07-01")
    assert found == [("inspection", "Rochdale Borough Council", "2014-05")]


def test_a_quote_reports_its_dated_past_facts_and_not_its_promises(mentions) -> None:
    past = events(mentions, '"Inspectors rated Rochdale Borough Council inadequate in January, and we accepted that," she said.')
    promise = events(mentions, '"We will appoint a permanent director at Rochdale Borough Council by the summer," she said.')
    assert past == [("inspection_report", "Rochdale Borough Council", "2014-01")]
    assert promise == []


def test_british_single_quotes_are_speech(mentions) -> None:
    found = events(mentions, "Mr Ward said: 'The peer review of Rochdale Borough Council gave us an honest outside view.'")
    assert found == []


# Rows that are not events of the council.

@pytest.mark.parametrize(
    "sentence",
    [
        "The Rochdale Children's Trust said it welcomed the report.",
        "Ofsted rated Rochdale's St Anne's Academy good in February.",
        "Ministers had been due to issue a statutory direction to Rochdale Borough Council, but changed their minds.",
        "The education secretary is minded to issue a statutory direction to Rochdale Borough Council.",
        "Ministers will decide next month whether to issue Rochdale Borough Council with an improvement notice.",
        "Under the rules, ministers can issue an improvement notice to Rochdale Borough Council.",
        "The DfE has the power to appoint a commissioner at Rochdale Borough Council.",
        "Options for Rochdale Borough Council include the appointment of a commissioner.",
        "Rochdale Borough Council, whose children's services are rated good, has offered to help.",
        "She takes over a department that Ofsted judged good at Rochdale Borough Council.",
    ],
)
def test_not_events_of_the_council(mentions, sentence: str) -> None:
    assert events(mentions, sentence) == []


@pytest.mark.parametrize("sentence", [
    "A permanent director of Rochdale Borough Council will be appointed in the spring.",
    "Rochdale Borough Council is due its next full inspection later this year.",
])
def test_future_acts_are_expected(mentions, sentence: str) -> None:
    assert [m.status for m in mentions(HEADLINE + sentence, PUBLISHED)] == ["expected"]


def test_a_neighbouring_council_is_a_council_not_a_name(mentions) -> None:
    found = events(mentions, "Neighbouring Hackney, which was rated good in 2012, has offered to help Rochdale Borough Council.")
    assert found == [("inspection_report", "London Borough of Hackney", "2012")]


def test_a_council_only_inside_a_persons_clause_is_not_the_events(mentions) -> None:
    found = mentions(HEADLINE + "Rochdale Borough Council has a new director.\n\nTom Hale, who resigned as director at Sefton "
                     "in 2012, was confirmed in the post on Wednesday.", PUBLISHED)
    assert {(m.type, m.council) for m in found if m.type == "appointment"} == {("appointment", "Rochdale Borough Council")}


# Types.

def test_a_commissioner_appointed_is_an_intervention(mentions) -> None:
    found = events(mentions, "The education secretary issued a direction to Rochdale Borough Council yesterday, appointing "
                   "Tom Hale, a former director of children's services, as commissioner.")
    assert ("intervention", "Rochdale Borough Council", "2014-03-11") in found


def test_an_adviser_under_an_improvement_notice_is_that_notice(mentions) -> None:
    found = events(mentions, "Under the notice, Tom Hale has been appointed as Rochdale Borough Council's improvement adviser.")
    assert [kind for kind, *_ in found] == ["improvement_notice"]


def test_the_report_of_a_review_is_the_review(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council asked for an independent review, and its report, published last month, "
                   "found the team was stretched.")
    assert {kind for kind, *_ in found} == {"review"}


# Precision.

def test_a_present_perfect_lead_is_the_publication_day_approximately(mentions) -> None:
    assert events(mentions, "Rochdale Borough Council has been rated inadequate by Ofsted.") == [
        ("inspection_report", "Rochdale Borough Council", "2014-03-12~")
    ]


def test_what_the_government_has_announced_is_news_of_the_day(mentions) -> None:
    found = events(mentions, "Children's services at Rochdale Borough Council are to be removed from council control, "
                             "the government has announced.")
    assert found == [("intervention", "Rochdale Borough Council", "2014-03-12~")]


def test_a_trigger_that_names_who_acted_in_the_present_perfect_is_news(mentions) -> None:
    found = events(mentions, "The Department for Education has appointed a commissioner at Rochdale Borough Council.")
    assert found == [("intervention", "Rochdale Borough Council", "2014-03-12~")]


def test_published_today_is_the_day(mentions) -> None:
    found = events(mentions, "The report on Rochdale Borough Council, published today (Wednesday, 12 March), rated it inadequate.")
    assert found == [("inspection_report", "Rochdale Borough Council", "2014-03-12")]


def test_the_next_sentence_that_names_the_event_gives_its_date(mentions) -> None:
    found = events(mentions, "A serious case review has found that agencies in Rochdale missed chances to protect a baby.\n\n"
                             "The review, published on Monday by the safeguarding board, made 12 recommendations.")
    assert found == [("review", "Rochdale Borough Council", "2014-03-10")]


def test_a_next_sentence_about_another_kind_of_event_gives_no_date(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council has been rated inadequate by Ofsted.\n\n"
                             "The review, published on Monday by the safeguarding board, made 12 recommendations.")
    assert found == [("inspection_report", "Rochdale Borough Council", "2014-03-12~")]


def test_an_event_told_as_a_stretch_after_another_records_which_and_how_long(mentions) -> None:
    found = mentions(HEADLINE + "Rochdale Borough Council's director resigned on Wednesday, five weeks after the second "
                     "inadequate rating.", None)
    assert [(m.type, m.after.type, m.after.duration, m.after.rating) for m in found if m.after] == [
        ("resignation", "inspection_report", "P5W", "inadequate")]


def test_a_reduced_clause_of_the_trigger_noun_dates_it_and_looked_after_is_no_clause_boundary(mentions) -> None:
    found = events(mentions, "The joint inspection of safeguarding and looked after children's services, carried out by "
                             "Ofsted over two weeks in January, judged Rochdale Borough Council's services inadequate.")
    assert ("inspection", "Rochdale Borough Council", "2014-01") in found


def test_a_rating_takes_the_date_of_the_inspection_it_was_given_in(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council was judged good for safeguarding in its joint area review in 2007.")
    assert ("inspection_report", "Rochdale Borough Council", "2007") in found


def test_a_rating_takes_the_date_of_the_inspection_that_gave_it(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council was rated good. The previous full inspection, in 2011, had also "
                             "judged the council's services to require improvement.")
    assert ("inspection_report", "Rochdale Borough Council", "2011") in found


def test_a_second_rating_after_but_is_a_second_event(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council was rated adequate in 2010 but inadequate in 2012.")
    assert [date for kind, _, date in found if kind == "inspection_report"] == ["2010", "2012"]


def test_a_date_of_the_noun_dates_the_rating_in_its_clause(mentions) -> None:
    found = events(mentions, "The direction follows Ofsted's November report, which rated Rochdale Borough Council inadequate.")
    assert ("inspection_report", "Rochdale Borough Council", "2013-11") in found


def test_a_verb_that_gives_no_event_leaves_its_date_to_the_trigger_noun(mentions) -> None:
    found = events(mentions, "Rochdale Children's Trust, which took over the running of Rochdale Borough Council's "
                             "children's services in January, has met for the first time.")
    assert ("intervention", "Rochdale Borough Council", "2014-01") in found


def test_an_inspection_published_is_its_report(mentions) -> None:
    found = events(mentions, "An inspection of safeguarding published in August 2011 also found Rochdale Borough Council inadequate.")
    assert found == [("inspection_report", "Rochdale Borough Council", "2011-08")]


def test_an_inspection_that_was_published_is_its_report(mentions) -> None:
    found = events(mentions, "By the time the inspection was published in June, Rochdale Borough Council had a new director.")
    assert found == [("inspection_report", "Rochdale Borough Council", "2013-06")]


def test_a_date_in_the_triggers_noun_phrase_before_a_clause_is_its_own(mentions) -> None:
    found = events(mentions, "Inspectors gave a damning verdict of Rochdale Borough Council's children's services in June, "
                             "where they found serious concerns about leadership.")
    assert found == [("inspection_report", "Rochdale Borough Council", "2013-06")]


def test_a_visit_before_which_something_was_done_happened(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council said it had begun investing in the service before Ofsted visited in February and March.")
    assert found == [("inspection", "Rochdale Borough Council", "2014-02/2014-03")]


@pytest.mark.parametrize("sentence", [
    "A report from commissioner Eleanor Hale in December found Rochdale Borough Council could not improve on its own.",
    "Rochdale Borough Council said: “As you will be aware, the commissioner published his report in December.”",
])
def test_a_commissioners_report_is_a_review(mentions, sentence: str) -> None:
    assert ("review", "Rochdale Borough Council", "2013-12") in events(mentions, sentence)


def test_a_start_on_a_day_is_an_arrival(mentions) -> None:
    found = events(mentions, "Dr Dawn Pickering will start at Rochdale Borough Council on Thursday, March 20.")
    assert found == [("appointment", "Rochdale Borough Council", "2014-03-20")]


def test_what_an_event_led_to_needs_a_date_of_its_own(mentions) -> None:
    found = events(mentions, "A court ruling in April 2012 led to a non-statutory improvement notice for Rochdale Borough Council.")
    assert [kind for kind, *_ in found] == []


@pytest.mark.parametrize("sentence", [
    "Councils rated inadequate are usually issued with a statutory direction, as Rochdale Borough Council was told.",
    "Jo Bloggs has led improvement at two councils previously rated inadequate, Rochdale Borough Council said.",
    "Under the framework, a council rated inadequate at Rochdale Borough Council's level will normally face a notice.",
])
def test_what_councils_in_general_do_is_no_event(mentions, sentence: str) -> None:
    assert events(mentions, sentence) == []


def test_a_report_does_not_take_the_rating_of_the_earlier_inspection_it_is_compared_with(mentions) -> None:
    found = mentions(HEADLINE + "The report on Rochdale Borough Council, published today, says services have "
                     "deteriorated since the last inspection, when they were judged to require improvement.", PUBLISHED)
    assert [(m.type, m.date, m.attributes.rating) for m in found] == [("inspection_report", "2014-03-12", None)]


def test_who_has_left_a_stretch_after_a_rating_is_news_told_after_it(mentions) -> None:
    found, = mentions(HEADLINE + "Rochdale Borough Council's director has left by mutual agreement, a month after "
                      "Ofsted rated its services inadequate.", None)
    assert (found.type, found.news, found.after.duration, found.after.rating) == ("departure", True, "P1M", "inadequate")


def test_it_comes_a_stretch_after_an_event_times_the_news_told_before(mentions) -> None:
    found = mentions(HEADLINE + "The minister has issued Rochdale Borough Council with an improvement notice. "
                     "The notice, issued on Friday, sets targets.\n\nIt comes seven weeks after a joint inspection "
                     "by Ofsted and the Care Quality Commission rated the council inadequate.", None)
    notice = next(m for m in found if m.type == "improvement_notice")
    assert (notice.after.type, notice.after.duration, notice.after.rating) == ("inspection_report", "P7W", "inadequate")


def test_the_visit_came_a_stretch_after_a_report_times_the_visit_told_before(mentions) -> None:
    found = mentions(HEADLINE + "Inspectors found early signs of progress at Rochdale Borough Council.\n\n"
                     "The monitoring visit, on 15 and 16 October, looked at the front door.\n\n"
                     "The visit came almost a year after Ofsted's full inspection report rated the council inadequate.", None)
    visit = next(m for m in found if m.type == "inspection")
    assert (visit.after.type, visit.after.duration) == ("inspection_report", "P1Y")


def test_a_speakers_aside_is_no_news_and_lends_no_date_to_the_event_it_names(mentions) -> None:
    found = mentions(HEADLINE + "Mark Ferreira, the interim director seconded from Bexley, said staff at Havering "
                     "Council had been told of the decision at a meeting this morning.", PUBLISHED)
    assert [m.type for m in found] == []


def test_a_date_after_the_speakers_verb_dates_the_telling_not_the_event_in_the_aside(mentions) -> None:
    found = mentions(HEADLINE + "Jo Hale, the interim director seconded to Rochdale Borough Council from Bury, said on "
                     "Monday that caseloads had fallen.", PUBLISHED)
    assert [(m.type, m.date) for m in found] == []


def test_a_reinspection_that_found_services_remain_inadequate_is_the_news_of_a_report(mentions) -> None:
    found = mentions(HEADLINE + "A re-inspection of Rochdale Borough Council's children's services found they remain "
                     "'inadequate'.\n\nHowever, a new report from Ofsted has concluded the council's services remain 'inadequate'.",
                     PUBLISHED)
    assert [(m.type, m.attributes.rating) for m in found] == [("inspection_report", "inadequate")] * 2


def test_a_bracketed_day_restates_a_weekday_in_an_undated_article(mentions) -> None:
    found = mentions(HEADLINE + "Rochdale Borough Council's new children's trust was officially launched on Sunday (April 1).", None)
    assert [(m.type, m.date) for m in found] == [("intervention", "XXXX-04")]


def test_a_report_conducted_between_two_days_dates_the_inspection_even_undated(mentions) -> None:
    found = mentions(HEADLINE + "Tower Hamlets Council's services are condemned as 'inadequate' by an Ofsted report "
                     "conducted between 23 January to 16 February 2017.", None)
    assert {(m.type, m.date) for m in found} == {("inspection", "2017-01-23/2017-02-16"), ("inspection_report", "XXXX")}


def test_more_of_the_press_words_for_visits_appointments_and_commissioners(mentions) -> None:
    found = mentions(HEADLINE + "Ofsted inspectors visiting Walsall Council in June rated its services as inadequate.\n\n"
                     "Debbie Jones took up an interim position at Walsall Council in July 2013.\n\n"
                     "Two officials become commissioners at Walsall Council in October 2013.", PUBLISHED)
    assert [(m.type, m.date) for m in found] == [("inspection", "2013-06"), ("inspection_report", "2014-03"),
                                                 ("appointment", "2013-07"), ("intervention", "2013-10")]


def test_a_direction_issued_and_a_commissioner_appointed_in_one_clause_share_its_date(mentions) -> None:
    found = mentions(HEADLINE + "The Department for Education issued a statutory direction in relation to Rochdale Borough "
                     "Council's children's services and appointed a commissioner, Jo Hale, in November 2013.", PUBLISHED)
    assert sorted((m.type, m.date) for m in found) == [("intervention", "2013-11"), ("statutory_direction", "2013-11")]


def test_a_director_who_announced_her_retirement_resigned_but_a_council_announcing_it_did_not(mentions) -> None:
    found = mentions(HEADLINE + "Ms Archer, the director of children's services at Leeds City Council, announced her "
                     "retirement in October.\n\nLeeds City Council announced her departure yesterday.", PUBLISHED)
    assert [(m.type, m.date) for m in found] == [("resignation", "2013-10"), ("departure", "2014-03-11")]


def test_a_visit_inspectors_made_or_undertook_is_an_inspection_and_one_called_off_is_none(mentions) -> None:
    found = mentions(HEADLINE + "Following a visit to Lambeth Council in January and February this year inspectors found "
                     "faster progress.\n\nOfsted undertook a Single Inspection Framework inspection of Barnet Council during "
                     "April and May 2013.\n\nA visit to Sefton Council originally planned for March was called off by Ofsted.",
                     PUBLISHED)
    assert [(m.council, m.type, m.date) for m in found] == [("London Borough of Lambeth", "inspection", "2014-01/2014-02"),
                                                             ("London Borough of Barnet", "inspection", "2013-04/2013-05")]


def test_a_chief_executive_or_a_mayor_standing_down_is_no_directors_event(mentions) -> None:
    found = mentions(HEADLINE + "Rotherham Metropolitan Borough Council's chief executive Martin Kimber also stepped down.\n\n"
                     "Leicester City Council's assistant mayor Vi Dempster has stood down.\n\n"
                     "Jo Hale, Rotherham Metropolitan Borough Council's director of children's services, has resigned.", PUBLISHED)
    assert [(m.type, [p.name for p in m.people]) for m in found] == [("resignation", ["Jo Hale"])]


def test_a_childrens_trusts_chief_executive_leaving_is_a_directors_event(mentions) -> None:
    found = mentions(HEADLINE + "Paul Moxham, chief executive of Doncaster Children's Services Trust, will leave "
                     "Doncaster Metropolitan Borough Council's trust at the end of September.", PUBLISHED)
    assert [(m.type, [p.name for p in m.people]) for m in found] == [("departure", ["Paul Moxham"])]


def test_a_director_who_commenced_in_post_or_took_responsibility_was_appointed(mentions) -> None:
    found = mentions(HEADLINE + "Jill Colbert commenced in post as director of children's services at Sunderland City "
                     "Council in July, 2013.\n\nThe joint director, Alison Botham, took responsibility for Torbay Council "
                     "on Friday 6 December 2013.", PUBLISHED)
    assert [(m.type, m.date) for m in found] == [("appointment", "2013-07"), ("appointment", "2013-12-06")]


def test_social_workers_suspended_or_staff_who_left_are_no_directors_leaving(mentions) -> None:
    found = mentions(HEADLINE + "In 2009 an investigation was launched at Sandwell Council and social workers suspended.\n\n"
                     "Many managers who have left Bradford Council were replaced.\n\n"
                     "Sandwell Council suspended its director, Helen Smith, in January.", PUBLISHED)
    assert [(m.type, m.date) for m in found] == [("departure", "2014-01")]


def test_a_deputys_post_and_oversight_stepped_down_are_no_directors_events(mentions) -> None:
    found = mentions(HEADLINE + "Nancy Meehan joined Torbay Council as deputy director in October 2013.\n\n"
                     "Oversight of improvements at Torbay Council would be stepped down from April.\n\n"
                     "Jo Hale, the deputy director, was appointed director of children's services at Torbay Council in May.",
                     PUBLISHED)
    assert [(m.type, m.date, [p.name for p in m.people]) for m in found] == [("appointment", "2013-05", ["Jo Hale"])]


def test_the_number_of_councils_under_notices_since_a_year_is_no_councils_notice(mentions) -> None:
    found = mentions(HEADLINE + "Nottingham City Council's notice brings the number of councils under improvement notices "
                     "to its highest level since 2011.", PUBLISHED)
    assert found == []


def test_a_roundup_files_each_paragraph_under_the_council_it_opens_with(mentions) -> None:
    body = ("Our weekly roundup of inspection results.\n\n"
            "Kirklees Council has been judged to require improvement.\n\nThe report was published on Tuesday.\n\n"
            "In contrast, Herefordshire Council has been rated inadequate. Its director, Jo Hale, resigned the same day.\n\n"
            "Wiltshire Council has been rated good. The report was published on Monday.")
    found = [(m.type, m.council, m.date) for m in mentions(HEADLINE + body, PUBLISHED)]
    assert ("inspection_report", "Kirklees Council", "2014-03-11") in found
    assert ("resignation", "Herefordshire Council", "2014-03-11") in found  # the same day as the report before
    assert ("inspection_report", "Wiltshire Council", "2014-03-10") in found
    assert {council for _, council, _ in found} == {"Kirklees Council", "Herefordshire Council", "Wiltshire Council"}


def test_a_roundup_of_appointments_files_each_section_under_its_heading_council(mentions) -> None:
    body = ("A round-up of the latest senior appointments.\n\n"
            "Dudley Metropolitan Borough Council\n\n"
            "Overall verdict: a new interim\n\n"
            "Sarah Kelso started as interim director of children's services on Monday.\n\n"
            "Kelso joins on secondment from City of Wolverhampton Council, where she was deputy director.\n\n"
            "Salford City Council\n\n"
            "Salford has confirmed Marcus Lyle as its permanent director of children's services.\n\n"
            "Charity sector\n\n"
            "Children's charity Safer Steps has appointed Dr Yasmin Ortiz as chief executive.")
    found = sorted((m.type, m.council, [p.name for p in m.people]) for m in mentions(HEADLINE + body, PUBLISHED))
    assert found == [("appointment", "Dudley Metropolitan Borough Council", ["Sarah Kelso"]),
                     ("appointment", "Salford City Council", ["Marcus Lyle"]),
                     ("secondment", "Dudley Metropolitan Borough Council", ["Sarah Kelso"])]  # the charity's is no council's


def test_a_roundup_paragraph_naming_no_council_is_the_one_the_paragraph_before_named_last(mentions) -> None:
    body = ("Our weekly roundup.\n\n"
            "Kirklees Council has been judged to require improvement.\n\n"
            "Wiltshire Council has been rated good.\n\n"
            "Herefordshire Council has been rated inadequate.\n\n"
            "Children's minister Edward Timpson has confirmed that Rochdale Borough Council will keep control of its services.\n\n"
            "In his report, published last month, commissioner Derek Wormald concluded that removing them would do harm.")
    found = [(m.type, m.council, m.date) for m in mentions(HEADLINE + body, PUBLISHED)]
    assert ("review", "Rochdale Borough Council", "2014-02") in found


def test_the_next_sentence_that_tells_when_a_visit_took_place_dates_it(mentions) -> None:
    found = events(mentions, "Ofsted's first monitoring visit to Rochdale Borough Council found progress. "
                             "The visit took place on 5 and 6 February.")
    assert found == [("inspection", "Rochdale Borough Council", "2014-02-06")]


def test_a_leaving_in_a_when_clause_after_a_date_shares_it(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council was judged inadequate in March 2010, when the then director, "
                             "Keith Lomax, stepped down within days of the report.")
    assert ("resignation", "Rochdale Borough Council", "2010-03") in found


def test_the_employer_in_an_appointees_apposition_is_not_the_council_appointing(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council has a new director. Dev Banerjee, assistant director for "
                             "safeguarding at Trafford Council, was named as director of children's services on Tuesday.")
    assert ("appointment", "Rochdale Borough Council", "2014-03-11") in found
    assert "Trafford Council" not in {council for _, council, _ in found}


def test_a_commissioner_appointed_under_a_direction_dates_both(mentions) -> None:
    found = events(mentions, "Peter Lang, a former chief executive of a children's services trust, was appointed commissioner "
                             "for Rochdale Borough Council last week under a statutory direction.")
    assert found == [("intervention", "Rochdale Borough Council", "2014-03-03/2014-03-09"),
                     ("statutory_direction", "Rochdale Borough Council", "2014-03-03/2014-03-09")]


@pytest.mark.parametrize(("sentence", "date"), [
    ("Services to protect children in Rochdale Borough Council are inadequate, inspectors said today.", "2014-03-12"),
    ("Children's services at Rochdale Borough Council are 'inadequate', Ofsted has said.", "2014-03-12~"),
    ("Services to protect children in Rochdale Borough Council are inadequate, according to a report by Ofsted.", "2014-03"),
])
def test_a_rating_told_as_what_inspectors_said_is_the_report(mentions, sentence: str, date: str) -> None:
    assert events(mentions, sentence) == [("inspection_report", "Rochdale Borough Council", date)]


def test_a_suspended_sentence_is_no_departure(mentions) -> None:
    assert events(mentions, "The carer was given a suspended prison sentence at Lincoln Crown Court, Rochdale Borough Council said.") == []


def test_who_left_before_an_arrival_is_not_the_one_appointed(mentions) -> None:
    found, = mentions(HEADLINE + "Rochdale Borough Council has appointed an interim director following the retirement of Clive Ashdown.", PUBLISHED)
    assert (found.type, found.people) == ("appointment", [])


def test_a_timeline_post_gives_each_dated_bullet_under_its_heading(mentions) -> None:
    body = ("Councils rated inadequate: where they stand\n\nROCHDALE\n- Ofsted full inspection February 2022 – found inadequate\n"
            "- DfE direction April 2022 to work with an adviser\n\nBURY\n- Rated inadequate by Ofsted in December 2021\n"
            "- DfE improvement notice January 2022\n\nWIGAN\n- Ofsted monitoring visit November 2022\n")
    found = events(mentions, body)
    assert ("inspection", "Rochdale Borough Council", "2022-02") in found
    assert ("statutory_direction", "Rochdale Borough Council", "2022-04") in found
    assert ("inspection_report", "Bury Council", "2021-12") in found
    assert ("improvement_notice", "Bury Council", "2022-01") in found
    assert ("inspection", "Wigan Council", "2022-11") in found


def test_a_rating_given_following_an_inspection_is_not_dated_by_it(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council's services were found inadequate following an inspection in November.")
    assert ("inspection", "Rochdale Borough Council", "2013-11") in found
    assert ("inspection_report", "Rochdale Borough Council", "2013-11") not in found


def test_a_fronted_week_does_not_date_what_came_before_the_news(mentions) -> None:
    found = events(mentions, "Last week Duncan Clark resigned as director at Rochdale Borough Council, after the "
                             "authority's safeguarding services were rated as inadequate.")
    assert found == [("resignation", "Rochdale Borough Council", "2014-03-03/2014-03-09")]


def test_at_that_time_is_the_time_just_told(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council's services were branded 'inadequate' by Ofsted in February, "
                             "and in June inspectors said its early help was ineffective.\n\n"
                             "At that time the director, Lisa Christensen, announced she would step down.\n\n"
                             "In August Sheila Lock was appointed interim director.")
    assert found == [("appointment", "Rochdale Borough Council", "2013-08"),
                     ("inspection_report", "Rochdale Borough Council", "2014-02"),
                     ("resignation", "Rochdale Borough Council", "2013-06")]


def test_a_date_after_an_opening_connective_opens_the_sentence(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council's safeguarding board started no new case this year. However in June "
                             "2013 it published a serious case review into Child C which was completed during the previous year.")
    assert found == [("review", "Rochdale Borough Council", "2013-06")]


@pytest.mark.parametrize("sentence", [
    "Since January 2013 the Secretary of State has appointed five commissioners, Rochdale Borough Council said.",
    "Under the Children and Social Work Act 2017, serious case reviews will be replaced, Rochdale Borough Council said.",
    "Commissioners are appointed where Ofsted find persistent failure, Rochdale Borough Council said.",
])
def test_what_is_said_of_many_councils_or_of_a_law_is_no_event(mentions, sentence: str) -> None:
    assert events(mentions, sentence) == []


def test_who_retired_from_a_council_left_that_one(mentions) -> None:
    found = events(mentions, "Steve Hale, who retired from Calderdale in 2012 and has since advised the DfE, "
                             "will start at Rochdale Borough Council on April 3.")
    assert found == [("appointment", "Rochdale Borough Council", "2014-04-03"), ("departure", "Calderdale Council", "2012")]


def test_a_commissioner_appointed_at_a_council_is_its_intervention_not_the_employers(mentions) -> None:
    found = events(mentions, "Hampshire County Council's chief executive John Hale has been appointed children's "
                             "commissioner at Rochdale Borough Council.")
    assert found == [("intervention", "Rochdale Borough Council", "2014-03-12~")]


def test_a_former_inspector_brought_in_to_help_a_council_is_its_arrival(mentions) -> None:
    found = events(mentions, "A former Ofsted chief has been brought in to help Rochdale Borough Council's failing "
                             "services. Sally Rowe has been appointed as director of the department.\n\n"
                             "Ms Rowe joined from a similar role in Luton.")
    assert ("appointment", "Rochdale Borough Council", "2014-03-12~") in found
    assert "Luton Borough Council" not in {council for _, council, _ in found}


def test_the_publication_today_of_a_commissioners_report_is_that_days_review(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council has welcomed the publication today of the commissioner's report, "
                             "which recommends that the council keeps control of its services.")
    assert found == [("review", "Rochdale Borough Council", "2014-03-12")]


def test_a_notice_lifted_is_no_notice_and_a_rating_discussed_last_night_was_not_given_then(mentions) -> None:
    found = events(mentions, "Back in March 2012 Rochdale Borough Council had an improvement notice lifted.\n\n"
                             "The department's 'inadequate' rating was discussed at a meeting of Rochdale Borough Council last night.\n\n"
                             "Published in October, the report said services had deteriorated.")
    assert found == [("inspection_report", "Rochdale Borough Council", "2013-10")]


def test_a_date_in_brackets_restates_the_one_before_it(mentions) -> None:
    found = events(mentions, "A new report published by Ofsted earlier this year (January 29) found failures at Rochdale Borough Council.")
    assert found == [("inspection_report", "Rochdale Borough Council", "2014-01-29")]


def test_a_council_department_in_special_measures_is_no_school(mentions) -> None:
    found = events(mentions, "Slammed as 'inadequate' by Ofsted in 2011, the Rochdale Borough Council-run department "
                             "was placed into special measures.")
    assert found == [("inspection_report", "Rochdale Borough Council", "2011")]


@pytest.mark.parametrize(("sentence", "date", "rating"), [
    ("Ofsted has published its findings into Rochdale Borough Council's children's services, giving the authority "
     "a rating of 'requires improvement'.", "2014-03-12~", "requires improvement"),
    ("Rochdale Borough Council's services have been given a clean bill of health by Ofsted, which rated them good "
     "in a report published on Friday.", "2014-03-07", "good"),
])
def test_a_report_published_gives_the_rating_the_sentence_tells(mentions, sentence: str, date: str, rating: str) -> None:
    found = [(m.type, m.date, m.attributes.rating) for m in mentions(HEADLINE + sentence, PUBLISHED)]
    assert found == [("inspection_report", date, rating)]


def test_what_managers_had_left_staff_without_is_no_departure(mentions) -> None:
    assert events(mentions, "High turnover among managers at Rochdale Borough Council had left staff without support.") == []


def test_a_predecessor_who_left_is_not_the_newcomer_named_before(mentions) -> None:
    found = [(m.type, [p.name for p in m.people]) for m in mentions(
        HEADLINE + "Lorna Haskett took up the post at Rochdale Borough Council on Monday, a month after her "
        "predecessor left at the end of January.", PUBLISHED)]
    assert ("departure", []) in found and ("appointment", ["Lorna Haskett"]) in found


def test_a_commissioner_a_dated_direction_appoints_or_at_work_since_then_shares_its_date(mentions) -> None:
    found = events(mentions, "A statutory direction issued on Friday appoints Ruth Dale as commissioner for Rochdale "
                             "Borough Council.\n\nRochdale Borough Council was judged inadequate by Ofsted in October, "
                             "and a commissioner appointed by the government has been working alongside it since then.")
    assert ("intervention", "Rochdale Borough Council", "2014-03-07") in found
    assert ("intervention", "Rochdale Borough Council", "2013-10") in found


def test_a_states_start_dates_no_leaving(mentions) -> None:
    found = events(mentions, "Tom Mayhew, director of children's services at Rochdale Borough Council since 2013, left on Friday.")
    assert found == [("departure", "Rochdale Borough Council", "2014-03-07")]


def test_a_secondee_is_filed_under_where_they_go_not_their_employer(mentions) -> None:
    found = events(mentions, "The council has arranged for Judith Okafor, deputy director at Hampshire County Council, "
                             "to be seconded to Rochdale Borough Council as interim director from next week.")
    assert {council for _, council, _ in found} == {"Rochdale Borough Council"}


@pytest.mark.parametrize("sentence", [
    "Ministers are able to issue Rochdale Borough Council with an improvement notice.",
    "It means ministers have decided against appointing a commissioner for Rochdale Borough Council.",
    "Neither director at Rochdale Borough Council has indicated an intention to step down.",
    "Rochdale Borough Council is one of around 20 councils currently rated inadequate.",
    "It had 17 applicants, a high number for an authority rated inadequate, Rochdale Borough Council said.",
])
def test_what_could_be_or_is_the_case_is_no_event(mentions, sentence: str) -> None:
    assert events(mentions, sentence) == []


@pytest.mark.parametrize("sentence", [
    "Rochdale Children's Trust has published its first annual report.",
    "Rochdale Borough Council was rated inadequate in 2011, and its director left the council a few weeks later.",
])
def test_no_event_where_the_text_gives_no_date_for_it(mentions, sentence: str) -> None:
    assert [kind for kind, _, date in events(mentions, sentence) if date != "2011"] == []


def test_a_state_since_a_date_began_then(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council has been under an improvement notice since April.")
    assert found == [("improvement_notice", "Rochdale Borough Council", "2013-04")]


@pytest.mark.parametrize("sentence", [
    "The director of Rochdale Borough Council had faced calls to resign over the report.",
    "Rochdale Borough Council is expecting a full inspection later this year.",
])
def test_demanded_or_awaited_events_are_not_events_that_happened(mentions, sentence: str) -> None:
    assert [m for m in mentions(HEADLINE + sentence, PUBLISHED) if m.status == "occurred"] == []


def test_a_report_judges_in_the_present_tense(mentions) -> None:
    found = events(mentions, "A report by Ofsted, published today, judges the overall effectiveness of Rochdale Borough "
                             "Council's safeguarding services adequate.")
    assert found == [("inspection_report", "Rochdale Borough Council", "2014-03-12")]


def test_undated_notices_in_the_plural_are_no_councils_event(mentions) -> None:
    found = events(mentions, "The DfE has issued improvement notices to a number of councils, among them neighbours of Rochdale Borough Council.")
    assert found == []


def test_a_departure_that_follows_a_dated_report_does_not_take_its_date(mentions) -> None:
    found = events(mentions, "Hale's departure follows an Ofsted visit to Rochdale Borough Council in July and a report in August.")
    assert ("departure", "Rochdale Borough Council", "2013-08") not in found


@pytest.mark.parametrize(("sentence", "kind", "date"), [
    ("Rochdale Borough Council began working with a government-appointed commissioner in September 2012.", "intervention", "2012-09"),
    ("Tom Hale joined in 2012 to lead children's services at Rochdale Borough Council.", "appointment", "2012"),
])
def test_more_ways_to_tell_an_arrival(mentions, sentence: str, kind: str, date: str) -> None:
    assert (kind, "Rochdale Borough Council", date) in events(mentions, sentence)


def test_the_same_day_is_the_day_of_the_event_before_it(mentions) -> None:
    found = events(mentions, "Ofsted rated Rochdale Borough Council inadequate in November 2012, and its director resigned the same day.")
    assert ("resignation", "Rochdale Borough Council", "2012-11") in found


def test_a_named_persons_report_is_a_review(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council has a commissioner, Derek Mallinson.\n\nDerek Mallinson's report, "
                             "published today, says the council cannot improve on its own.")
    assert ("review", "Rochdale Borough Council", "2014-03-12") in found


@pytest.mark.parametrize(("sentence", "expected"), [
    ("An interim director of Rochdale Borough Council will be appointed in the coming weeks.", []),
    ("Deputy director Tom Hale will act as interim director of Rochdale Borough Council with immediate effect.",
     [("appointment", "occurred")]),
])
def test_what_is_still_to_come_needs_a_date_of_its_own(mentions, sentence: str, expected: list) -> None:
    assert [(m.type, m.status) for m in mentions(HEADLINE + sentence, PUBLISHED)] == expected


def test_a_day_without_its_year_in_an_undated_article_keeps_its_month(mentions) -> None:
    found = events(mentions, "Ofsted inspectors visited Rochdale Borough Council on 2 and 3 November.", None)
    assert found == [("inspection", "Rochdale Borough Council", "XXXX-11")]


def test_who_has_run_the_service_on_an_interim_basis_since_a_date_was_appointed_then(mentions) -> None:
    found = events(mentions, "She succeeds Nadia Foulkes, who has run the service on an interim basis since December, "
                             "Rochdale Borough Council said.")
    assert found == [("appointment", "Rochdale Borough Council", "2013-12")]


def test_who_has_led_the_department_since_a_date_was_appointed_then(mentions) -> None:
    found = mentions(HEADLINE + "Tom Hale, who has led the department since November 2012, will leave Rochdale Borough "
                     "Council to take up the director's post at Kent County Council.", PUBLISHED)
    assert ("appointment", "Rochdale Borough Council", "2012-11") in [(m.type, m.council, m.date) for m in found]


# Councils and people.

def test_an_event_named_after_its_verb_belongs_to_that_council(mentions) -> None:
    found = events(mentions, "Tom Hale, who resigned as director at Sefton in 2012, was appointed by Rochdale Borough Council in January.")
    assert ("resignation", "Sefton Council", "2012") in found
    assert ("appointment", "Rochdale Borough Council", "2014-01") in found


def test_an_arrival_belongs_to_the_council_joined_not_the_employer_named_before(mentions) -> None:
    found = events(mentions, "Mark Fenn, Bexley's deputy director of children's social care, started on Monday as "
                             "Havering's interim director of children's services.")
    assert found == [("appointment", "London Borough of Havering", "2014-03-10")]


def test_a_party_label_before_a_place_is_no_name(mentions) -> None:
    found = mentions(HEADLINE + "Tory Bexley appointed Dawn Pickering as interim director of children's services in January.", PUBLISHED)
    assert [p.name for m in found for p in m.people] == ["Dawn Pickering"]


# Cleaning.

def test_a_last_paragraph_cut_off_is_still_article_text() -> None:
    text = "Headline here\n\nRochdale Borough Council was rated inadequate in January, inspectors said.\n\nThe council said it would appoint an interim director of children's services within"
    kept = clean.mask(text, clean.clean(text))
    assert "appoint an interim director" in kept


def test_a_caption_naming_a_report_file_is_a_caption_and_a_body_line_naming_a_pdf_is_text() -> None:
    text = ("Headline here\n\nRochdale Borough Council was rated inadequate in January, inspectors said.\n\n"
            "Ofsted report into Rochdale children's services (PDF, 412KB)\n\n"
            "The full report, published as a PDF on the Ofsted website, runs to 40 pages and sets out twelve recommendations.")
    kept = clean.mask(text, clean.clean(text))
    assert "(PDF, 412KB)" not in kept
    assert "runs to 40 pages" in kept


def test_the_last_inspection_with_its_date_is_an_event(mentions) -> None:
    found = events(mentions, "At the last inspection, in 2012, Ofsted rated Rochdale Borough Council's services inadequate.")
    assert ("inspection_report", "Rochdale Borough Council", "2012") in found


def test_a_background_clause_that_states_a_dated_fact_is_an_event(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council apologised after an Ofsted report in January rated it inadequate.")
    assert ("inspection_report", "Rochdale Borough Council", "2014-01") in found


def test_a_return_that_is_expected_is_expected(mentions) -> None:
    found = mentions(HEADLINE + "Ofsted inspectors are expected to return to Rochdale Borough Council in June.", PUBLISHED)
    assert [(m.type, m.status) for m in found] == [("inspection", "expected")]


def test_the_same_damning_verdict_is_a_report(mentions) -> None:
    found = events(mentions, "Ofsted has delivered the same damning verdict on Rochdale Borough Council that it reached in 2010.")
    assert ("inspection_report", "Rochdale Borough Council", "2010") in found


def test_a_monitoring_report_last_year_is_a_report(mentions) -> None:
    found = events(mentions, "A monitoring report on Rochdale Borough Council in April last year found some progress.")
    assert [(kind, date) for kind, _, date in found] in ([("inspection_report", "2013-04")], [("inspection", "2013-04")])


def test_services_taken_over_by_a_person_is_an_appointment(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council's children's services were taken over by Dawn Pickering in January.")
    assert ("appointment", "Rochdale Borough Council", "2014-01") in found


def test_a_state_since_a_dismissal_began_with_it(mentions) -> None:
    found = mentions(HEADLINE + "Kathryn Morel, who has been interim director at Rochdale Borough Council since Andrew "
                     "Fenwick's dismissal in April last year, said the report was fair.", PUBLISHED)
    assert sorted((m.type, m.date, [p.name for p in m.people][0]) for m in found) == [
        ("appointment", "2013-04", "Kathryn Morel"), ("departure", "2013-04", "Andrew Fenwick")]


def test_since_opening_a_sentence_is_not_part_of_a_name(mentions) -> None:
    found = mentions(HEADLINE + "Since Andrew Fenwick's dismissal in April last year, Rochdale Borough Council has had "
                     "an interim director.", PUBLISHED)
    assert [(m.type, m.date, [p.name for p in m.people]) for m in found] == [("departure", "2013-04", ["Andrew Fenwick"])]


def test_a_report_that_rates_the_councils_services_gives_their_rating(mentions) -> None:
    found = mentions(HEADLINE + "• 14 May 2019 - Ofsted report rates Rochdale Borough Council's services inadequate in all areas",
                     "2021-07-27")
    assert [(m.type, m.date, m.attributes.rating) for m in found] == [("inspection_report", "2019-05-14", "inadequate")]


def test_a_stretch_counted_on_after_a_date_restates_it(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council was rated inadequate in February 2013. A statutory direction "
                             "followed in March 2013, a month later.")
    assert ("statutory_direction", "Rochdale Borough Council", "2013-03") in found


def test_stopping_short_of_an_event_is_none(mentions) -> None:
    found = events(mentions, "The department stopped short of appointing a commissioner at Rochdale Borough Council.")
    assert found == []


def test_a_person_called_an_appointment_is_no_appointment(mentions) -> None:
    found = events(mentions, 'Rochdale Borough Council\'s leader, Cllr Amy Hart, said she was "an outstanding appointment".')
    assert found == []


def test_an_appointees_employer_in_apposition_before_will_is_not_the_council_appointing(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council's director will retire. Jo Kelso, deputy director at Oldham Council, "
                             "will take up the post on 1 April as interim director.")
    assert ("appointment", "Rochdale Borough Council", "2014-04-01") in found


def test_ofsteds_lowest_rating_is_inadequate(mentions) -> None:
    found = mentions(HEADLINE + "Rochdale Borough Council was handed Ofsted's lowest rating in 2011.", PUBLISHED)
    assert [(m.type, m.date, m.attributes.rating) for m in found] == [("inspection_report", "2011", "inadequate")]


def test_months_after_rating_the_council_count_from_that_report(mentions) -> None:
    found = mentions(HEADLINE + "Inspectors returned to Rochdale Borough Council on 4 and 5 October, eight months after "
                     "rating the council's children's services inadequate.", None)
    assert [(m.type, m.after.duration, m.after.rating) for m in found if m.after] == [("inspection", "P8M", "inadequate")]


def test_an_appointment_on_secondment_is_one_secondment(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council appointed Gail Prendergast, on secondment from Oldham Council, as its "
                             "interim director in September.")
    assert found == [("secondment", "Rochdale Borough Council", "2013-09")]
    found = events(mentions, "Gail Prendergast, who has been interim director at Rochdale Borough Council on secondment "
                             "since September last year, said the plan was working.")
    assert found == [("secondment", "Rochdale Borough Council", "2013-09")]


def test_a_secondment_that_ends_is_not_one_beginning(mentions) -> None:
    found = events(mentions, "Gail Prendergast will return to Oldham when her secondment to Rochdale Borough Council ends in June.")
    assert found == []


def test_an_event_told_later_in_a_history_without_a_date_is_not_this_months(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council was rated inadequate in 2009. The council was later issued with "
                             "a government improvement notice.")
    assert found == [("inspection_report", "Rochdale Borough Council", "2009")]


def test_a_rating_a_when_clause_says_came_first_does_not_share_its_date(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council has been under a direction since June 2012, when a commissioner "
                             "was appointed following an inadequate rating.")
    assert ("inspection_report", "Rochdale Borough Council", "2012-06") not in found
    assert ("intervention", "Rochdale Borough Council", "2012-06") in found


def test_what_someone_would_do_if_is_no_event(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council's director was criticised. \"If he had any sense he would stand down today.\"")
    assert found == []


def test_a_commissioner_appointed_to_take_charge_is_one_intervention(mentions) -> None:
    found = events(mentions, "The government has appointed a commissioner to take charge of improvement at Rochdale Borough Council.")
    assert [kind for kind, *_ in found] == ["intervention"]


def test_children_being_left_at_risk_is_no_departure(mentions) -> None:
    found = events(mentions, "Ofsted found Rochdale Borough Council's children were being left in situations of neglect.")
    assert [kind for kind, *_ in found if kind == "departure"] == []


def test_a_county_named_as_the_place_of_another_council_is_not_that_county(mentions) -> None:
    found = events(mentions, "An Essex unitary authority has been rated as requiring improvement by Ofsted, Thurrock Council said.")
    assert found == [("inspection_report", "Thurrock Council", "2014-03-12~")]  # news of the day


def test_a_trust_named_as_what_runs_the_services_is_no_intervention(mentions) -> None:
    found = events(mentions, "Inspectors praised services run by Rochdale Children's Services Trust at Rochdale Borough Council.")
    assert [kind for kind, *_ in found] == []


def test_a_council_ordered_to_hand_over_its_services_is_an_intervention(mentions) -> None:
    assert events(mentions, "Rochdale Borough Council was ordered to hand over its services in November 2012.") == [
        ("intervention", "Rochdale Borough Council", "2012-11")]
    assert events(mentions, "The government today ordered Rochdale Borough Council to hand over its children's services.") == [
        ("intervention", "Rochdale Borough Council", "2014-03-12")]


def test_a_commissioner_the_minister_appointed_is_an_intervention(mentions) -> None:
    found = events(mentions, "The minister accepted the advice of the commissioner he appointed to Rochdale Borough Council in April.",
                   "2014-11-25")
    assert found == [("intervention", "Rochdale Borough Council", "2014-04")]


def test_a_rating_told_without_a_date_is_the_news_its_headline_gives(mentions) -> None:
    body = ("---\ntitle: Rochdale children's services rated 'inadequate' by Ofsted\npublished: 2016-03-08\n---\n"
            "Rochdale children's services rated 'inadequate' by Ofsted\n\n"
            "Inspectors rated Rochdale Borough Council inadequate overall. It was also judged inadequate in 2012.")
    found = sorted((m.type, m.date) for m in mentions(body))
    assert found == [("inspection_report", "2012"), ("inspection_report", "2016-03-08~")]


def test_a_letter_not_yet_published_and_a_notice_spoken_of_in_general_are_no_events(mentions) -> None:
    assert events(mentions, "Inspectors returned to Rochdale Borough Council in January; the letter from that visit has "
                            "not yet been published.") == [("inspection", "Rochdale Borough Council", "2014-01")]
    assert events(mentions, 'Jo Ng said of Rochdale Borough Council: "An improvement notice is a clear signal of how much '
                            'we have to do."') == []


def test_a_visit_expected_with_no_date_in_an_undated_article_is_no_event(mentions) -> None:
    assert mentions(HEADLINE + "A monitoring visit to Rochdale Borough Council is expected early next year.", None) == []


def test_a_secondment_from_a_body_in_another_council_is_the_hosts_since_its_month(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council has brought in Alison Crake, on secondment from Brighter Futures for "
                             "Children in Oldham since December, to lead its front door.")
    assert found == [("secondment", "Rochdale Borough Council", "2013-12")]


def test_a_since_inside_another_clause_dates_no_appointment(mentions) -> None:
    found = events(mentions, "At Rochdale Borough Council Jo Hart took over a service that had been judged inadequate since 2009.")
    assert ("appointment", "Rochdale Borough Council", "2009") not in found


def test_a_leaving_after_months_in_post_counts_from_the_appointment(mentions) -> None:
    found = mentions(HEADLINE + "He succeeds Kathryn Morel, who left Rochdale Borough Council last week, after 21 months as "
                     "interim director.", None)
    assert [(m.type, m.after.type, m.after.duration) for m in found if m.after] == [("departure", "appointment", "P21M")]
    found = mentions(HEADLINE + "Kathryn Morel has left Rochdale Borough Council, after six years as director.", None)
    assert [m.after for m in found] == [None]  # years in post are rounded too loosely to count from


def test_inspectors_who_left_are_no_departure(mentions) -> None:
    found = events(mentions, "Inspectors, who spent four weeks at Rochdale Borough Council in June and left at the end of "
                             "the month, found that the response was timely.")
    assert [kind for kind, *_ in found] == ["inspection"]
    assert events(mentions, "Inspectors criticised Rochdale Borough Council and its director left in May.") == [
        ("departure", "Rochdale Borough Council", "2013-05")]


def test_the_latest_inspection_with_its_date_is_the_news(mentions) -> None:
    found = events(mentions, "Ofsted found serious failures at Rochdale Borough Council after its latest inspection in January.")
    assert ("inspection", "Rochdale Borough Council", "2014-01") in found


def test_the_last_inspection_before_the_news_is_no_inspection_of_its_own(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council was rated good at its last inspection in 2010.")
    assert [kind for kind, *_ in found] == ["inspection_report"]


def test_a_commissioner_for_the_services_at_a_council_is_that_councils_whatever_employer_is_named_first(mentions) -> None:
    found = events(mentions, "Jo Bloggs, director of children's services at Oldham Council, has been appointed as "
                             "commissioner for children's services at Rochdale Borough Council.")
    assert [(kind, council) for kind, council, _ in found] == [("intervention", "Rochdale Borough Council")]


def test_a_rating_in_the_clause_naming_the_report_that_has_found_is_news(mentions) -> None:
    found = events(mentions, 'Children in Rochdale are left at risk, an Ofsted report which rated Rochdale Borough Council '
                             '"inadequate" has found.')
    assert found == [("inspection_report", "Rochdale Borough Council", "2014-03")]


def test_a_date_in_a_clause_of_an_apposition_is_not_the_main_verbs(mentions) -> None:
    found = mentions(HEADLINE + "Last week, Rochdale Borough Council confirmed that Jo Bloggs, the director of children's "
                     "services who was suspended in January, had left the authority by mutual agreement.", PUBLISHED)
    assert sorted((m.trigger, m.date) for m in found) == [("had left", "2014-03-03/2014-03-09"), ("suspended", "2014-01")]


@pytest.mark.parametrize("earlier", ["previous Ofsted inspections", "previous full inspections", "last Ofsted inspections"])
def test_an_earlier_inspection_named_as_the_occasion_of_a_rating_is_no_inspection_of_its_own(mentions, earlier: str) -> None:
    found = events(mentions, f"The {earlier} in 2010 and 2012 had judged Rochdale Borough Council's services to be adequate.")
    assert [kind for kind, *_ in found] == ["inspection_report", "inspection_report"]


@pytest.mark.parametrize(
    "sentence",
    [
        "An improvement board at Rochdale Borough Council, chaired by an independent expert appointed by ministers, will meet monthly.",
        "Rochdale Borough Council must work with an improvement adviser appointed by the Department for Education.",
    ],
)
def test_an_adviser_or_expert_appointed_by_ministers_is_no_intervention(mentions, sentence: str) -> None:
    assert [kind for kind, *_ in events(mentions, sentence)] == []


def test_a_report_recommending_the_council_keep_control_is_a_review_whatever_ratings_it_names(mentions) -> None:
    found = events(mentions, 'In a report published in January, Jo Bloggs said "good progress" had been made and recommended '
                             "that Rochdale Borough Council retain control of its children's services.")
    assert found == [("review", "Rochdale Borough Council", "2014-01")]
    assert found == [("review", "Rochdale Borough Council", "2014-01")]


def test_joining_as_an_interim_assistant_director_is_no_directors_appointment(mentions) -> None:
    found = events(mentions, "Jo Bloggs joined Rochdale Borough Council as an interim assistant director for early help in 2011.")
    assert found == []


def test_inspectors_the_government_appointed_make_no_intervention(mentions) -> None:
    found = events(mentions, "Rochdale Borough Council has been given an overall good rating by Government appointed inspectors.")
    assert [kind for kind, *_ in found] == ["inspection_report"]


def test_the_island_in_a_story_told_from_the_mainland_is_the_island_council(mentions) -> None:
    body = ("Hampshire County Council is to run the Isle of Wight Council's children's services.\n\n"
            "Hampshire County Council said the deal would not cost Hampshire taxpayers.\n\n"
            "According to a Hampshire report, Ofsted rated the island's children's services inadequate in November.")
    assert events(mentions, body) == [("inspection_report", "Isle of Wight Council", "2013-11")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Jo Bloggs resumed the role at Rochdale Borough Council in January.",
        "Jo Bloggs took on the role at Rochdale Borough Council in January.",
        "Jo Bloggs then became children's director at Rochdale Borough Council in January.",
    ],
)
def test_taking_on_or_resuming_the_role_and_becoming_childrens_director_are_appointments(mentions, sentence: str) -> None:
    assert events(mentions, sentence) == [("appointment", "Rochdale Borough Council", "2014-01")]


def test_the_last_inspection_published_on_a_date_is_that_report(mentions) -> None:
    found = events(mentions, "The rating comes four years after the last Ofsted inspection of children's services at Rochdale "
                             "Borough Council, published in March 2010, rated safeguarding and looked-after children services as good.")
    assert found == [("inspection_report", "Rochdale Borough Council", "2010-03")]


@pytest.mark.parametrize("between", [" for two years following the", " following the", ", after the"])
def test_an_appointment_following_a_dated_leaving_takes_its_date(mentions, between: str) -> None:
    body = f"Sam Okafor took on the role at Rochdale Borough Council{between} retirement of Jo Bloggs in August 2011."
    assert events(mentions, body) == [("appointment", "Rochdale Borough Council", "2011-08"),
                                      ("departure", "Rochdale Borough Council", "2011-08")]


def test_a_titled_mayor_taking_over_political_responsibility_is_no_directors_appointment(mentions) -> None:
    body = ("Rochdale Borough Council's children's services were rated inadequate in January. "
            "Rochdale mayor Sir Alan Brook then stepped in to take over political responsibility for the department.")
    assert events(mentions, body) == [("inspection_report", "Rochdale Borough Council", "2014-01")]


def test_bullets_under_a_capitals_heading_of_a_roundup_without_blank_lines_are_its_councils(mentions) -> None:
    body = ("COUNCILS RATED INADEQUATE\nTOWER HAMLETS\n- Ofsted inspection May 2013 found services inadequate\n"
            "- DfE improvement notice July 2013\nOLDHAM\n- DfE improvement notice December 2013")
    found = events(mentions, body)
    assert ("improvement_notice", "London Borough of Tower Hamlets", "2013-07") in found
    assert ("improvement_notice", "Oldham Council", "2013-12") in found


def test_the_date_of_a_speech_act_opening_the_sentence_is_the_speakings(mentions) -> None:
    spoken = events(mentions, "Speaking to reporters on Monday, the leader was shocked at the Ofsted report rating "
                              "Rochdale Borough Council inadequate.")
    assert spoken == [("inspection_report", "Rochdale Borough Council", "2014-03")]  # the publication month, not Monday
    assert events(mentions, "On Monday, Ofsted rated Rochdale Borough Council inadequate.") == [
        ("inspection_report", "Rochdale Borough Council", "2014-03-10")]


def test_the_appointment_of_a_person_named_after_a_long_role_is_theirs(mentions) -> None:
    chief = mentions(HEADLINE + "Ofsted praised the appointment of Rochdale Borough Council's chief executive Sam Okafor "
                     "in 2013.", PUBLISHED)
    assert chief == []  # the council's own chief executive: no director's event
    director = mentions(HEADLINE + "Ofsted praised the appointment of interim director of children's services Jo Bloggs "
                        "at Rochdale Borough Council in 2013.", PUBLISHED)
    assert [(m.type, [p.name for p in m.people]) for m in director] == [("appointment", ["Jo Bloggs"])]
