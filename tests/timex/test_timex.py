"""Unit tests of the temporal tagger, on sentences written for these tests."""
from __future__ import annotations

import datetime as dt
import re

import spacy

from models.records import TimeExpression
from pipeline.timex.lexicon import FUTURE_MARKERS, LEAD_WORDS, NUMBERS, alternation
from pipeline.timex.rules import RULES
from pipeline.timex.component import FACTORY_NAME
from pipeline.timex.tagger import rules_starting_with, tag
from tests.paths import SAMPLES

SEPT_2011 = dt.date(2011, 9, 7)  # a Wednesday, ISO week 36
MARCH_2012 = dt.date(2012, 3, 14)


def only(text: str, anchor: dt.date | None = SEPT_2011) -> TimeExpression:
    found = tag(text, anchor)
    assert len(found) == 1, found
    return found[0]


def values(text: str, anchor: dt.date | None = SEPT_2011) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, anchor)]


# ------------------------------------------------------------------ absolute dates


def test_day_month_year_is_a_full_date():
    assert values("The panel met on 7 September 2011 to discuss it.") == [("7 September 2011", "DATE", "2011-09-07")]


def test_month_day_comma_year_is_a_full_date():
    assert values("Ofsted visited on September 7, 2011, unannounced.") == [("September 7, 2011", "DATE", "2011-09-07")]


def test_iso_date_is_kept():
    assert values("Minutes dated 2011-09-07 were released.") == [("2011-09-07", "DATE", "2011-09-07")]


def test_month_and_year_excludes_the_preposition():
    timex = only("Councillors approved the plan in May 2010.")
    assert (timex.text, timex.value) == ("May 2010", "2010-05")


def test_offsets_index_the_text():
    text = "Councillors approved the plan in May 2010."
    timex = only(text)
    assert text[timex.start:timex.end] == timex.text


def test_ordinal_month_day_takes_the_anchor_year():
    assert only("The board reconvenes on March 7th.", MARCH_2012).value == "2012-03-07"


def test_ordinal_day_of_month_written_first():
    assert only("It was signed on the 7th of March.", MARCH_2012).value == "2012-03-07"


def test_modal_may_is_not_a_month():
    assert tag("The council may appeal against the ruling.", SEPT_2011) == []


# ------------------------------------------------------------------ underspecified months and weekdays


def test_bare_month_in_past_tense_takes_previous_year():
    assert only("Inspectors visited the service in November.", MARCH_2012).value == "2011-11"


def test_bare_month_in_future_tense_takes_next_year():
    assert only("The service will be inspected again in January.", MARCH_2012).value == "2013-01"


def test_bare_earlier_month_in_past_tense_keeps_anchor_year():
    assert only("An unannounced visit took place in February.").value == "2011-02"


def test_bare_month_just_past_keeps_anchor_year():
    assert only("A follow-up check was carried out in August.").value == "2011-08"


def test_bare_weekday_in_past_tense_is_the_previous_one():
    assert only("The director resigned on Monday.").value == "2011-09-05"


def test_bare_weekday_after_will_is_the_next_one():
    assert only("The cabinet will meet on Friday to decide.").value == "2011-09-09"


def test_month_with_this_year():
    assert only("A report followed in March this year.").value == "2011-03"


# ------------------------------------------------------------------ relative units


def test_last_month_is_the_previous_month():
    assert only("The figures came out last month.").value == "2011-08"


def test_this_week_is_the_anchor_iso_week():
    assert only("The watchdog published its findings this week.").value == "2011-W36"


def test_next_year_is_the_following_year():
    assert only("A new director starts next year.").value == "2012"


def test_units_ago_counts_back_from_the_anchor():
    timex = only("The trust was formed two years ago.")
    assert (timex.text, timex.value) == ("two years ago", "2009")


def test_last_week_keeps_last_in_the_extent():
    assert only("They met last week.").text == "last week"


def test_earlier_this_year_keeps_the_modifier():
    assert only("Earlier this year the trust merged.").text == "Earlier this year"


def test_yesterday_is_the_day_before_the_anchor():
    assert only("The chief executive spoke yesterday.").value == "2011-09-06"


def test_now_is_present_ref():
    assert only("The service is now improving.").value == "PRESENT_REF"


# ------------------------------------------------------------------ durations


def test_in_months_is_a_duration_without_the_preposition():
    timex = only("Another inspection is due in 18 months.")
    assert (timex.text, timex.type, timex.value) == ("18 months", "DURATION", "P18M")


def test_for_six_months_is_a_duration():
    assert values("She was seconded for six months.") == [("six months", "DURATION", "P6M")]


def test_hyphenated_period_is_a_duration():
    timex = only("He joined for an initial three-month period.")
    assert (timex.text, timex.type, timex.value) == ("three-month period", "DURATION", "P3M")


def test_the_past_n_years_is_one_duration():
    assert values("Referrals rose over the past three years.") == [("the past three years", "DURATION", "P3Y")]


def test_vague_plural_unit_is_an_x_duration():
    assert only("The backlog took months to clear.").value == "PXM"


def test_half_years_become_months():
    assert only("The review lasted 2 1/2 years.").value == "P2Y6M"


def test_ages_are_not_durations():
    assert tag("A 6-year-old boy was taken into care.", SEPT_2011) == []


# ------------------------------------------------------------------ seasons and quarters


def test_last_autumn_is_the_previous_autumn():
    assert only("The board was replaced last autumn.", MARCH_2012).value == "2011-FA"


def test_the_first_quarter_is_in_the_anchor_year():
    assert only("Spending fell in the first quarter.").value == "2011-Q1"


def test_quarter_with_year():
    assert only("Results for the third quarter of 2009 were poor.").value == "2009-Q3"


# ------------------------------------------------------------------ ranges, weeks, sets, times


def test_range_between_two_dates_gives_two_timexes():
    assert values("Consultation ran between January 14 and February 1.", MARCH_2012) == [
        ("January 14", "DATE", "2012-01-14"), ("February 1", "DATE", "2012-02-01")]


def test_year_range_is_split():
    assert [t.value for t in tag("The plan covers 2009-2010.", SEPT_2011)] == ["2009", "2010"]


def test_the_week_of_a_date_is_that_iso_week():
    assert only("Hearings are set for the week of March 5.", MARCH_2012).value == "2012-W10"


def test_daily_is_a_set():
    assert (only("Visits happen daily.").type, only("Visits happen daily.").value) == ("SET", "P1D")


def test_each_weekday_is_a_weekly_set():
    assert only("The panel sits each Tuesday.").value == "XXXX-WXX-2"


def test_clock_time_with_weekday():
    assert only("The meeting starts at 2 p.m. Friday.", dt.date(2011, 9, 9)).value == "2011-09-09T14:00"


def test_that_day_refers_to_the_last_date():
    found = tag("The report came on 3 June 2010. Later that day the director quit.", SEPT_2011)
    assert [t.value for t in found] == ["2010-06-03", "2010-06-03"]


# ------------------------------------------------------------------ no anchor


def test_bare_month_without_anchor_keeps_year_unknown():
    assert only("The inspection, in March, found a backlog.", None).value == "XXXX-03"


def test_relative_year_without_anchor_is_unknown():
    assert only("The trust merged last year.", None).value == "XXXX"


def test_explicit_year_without_anchor_is_kept():
    assert only("It was rated inadequate in May 2010.", None).value == "2010-05"


# ------------------------------------------------------------------ the seed article's expressions


def test_seed_this_week_in_september_2011():
    assert only("Ofsted's findings came out this week.").value == "2011-W36"


def test_seed_in_may_2010():
    assert only("A notice was served in May 2010 after the visit.").value == "2010-05"


def test_seed_march_this_year():
    assert only("An update appeared in March this year.").value == "2011-03"


def test_seed_past_tense_february():
    assert only("It followed a surprise visit in February.").value == "2011-02"


def test_seed_august_check():
    assert only("Inspectors returned in August and found gaps.").value == "2011-08"


def test_seed_in_18_months_is_a_duration():
    timex = only("Progress will be reviewed in 18 months.")
    assert (timex.type, timex.value) == ("DURATION", "P18M")


def test_seed_undated_march_inspection():
    assert only("The visit, in March, uncovered 230 unallocated cases.", None).value == "XXXX-03"


# ------------------------------------------------------------------ spaCy component


def test_spacy_component_sets_timexes_and_spans():
    nlp = spacy.blank("en")
    nlp.add_pipe(FACTORY_NAME)
    doc = nlp.make_doc("The report was published this week.")
    doc._.published = SEPT_2011
    doc = nlp.get_pipe(FACTORY_NAME)(doc)
    assert [t.value for t in doc._.timexes] == ["2011-W36"]
    assert [(span.text, span.label_) for span in doc.spans["timex"]] == [("this week", "DATE")]


def test_spacy_component_without_published_date_masks_the_year():
    nlp = spacy.blank("en")
    nlp.add_pipe(FACTORY_NAME)
    doc = nlp("The inspection in March was damning.")
    assert [t.value for t in doc._.timexes] == ["XXXX-03"]


def test_age_in_years_old_is_not_a_duration():
    assert tag("The man, 37 years old, was released.", SEPT_2011) == []


def test_possessive_ends_the_expression():
    assert only("Last month's report was critical.").text == "Last month"


# ------------------------------------------------------------------ product bugs: tense and anaphora

OCT_2013 = dt.date(2013, 10, 22)


def test_regular_past_verb_beats_a_distant_by():
    text = ("Its director, Michael Fairbrother, departed by mutual agreement in August after less "
            "than two years in the job.")
    assert values(text, OCT_2013)[0] == ("August", "DATE", "2013-08")


def test_by_right_before_a_month_still_looks_ahead():
    assert only("The council must publish its plan by August.", OCT_2013).value == "2014-08"


def test_the_following_spring_counts_from_the_last_year_mentioned():
    text = "The council was rated inadequate in 2009. An improvement notice came the following spring."
    assert values(text, dt.date(2017, 8, 15)) == [("2009", "DATE", "2009"),
                                                  ("the following spring", "DATE", "2010-SP")]


def test_anaphoric_years_follow_the_narrative():
    text = ("The council was rated inadequate in 2009. The following year it improved. "
            "Later that year it slipped. Two years later it failed again.")
    assert [v for _, _, v in values(text, dt.date(2017, 8, 15))] == ["2009", "2010", "2010", "2012"]


def test_a_month_of_that_year_counts_from_the_last_year_mentioned():
    text = "The council was rated inadequate in 2013. In August of that year a director came, and in May the following year left."
    assert [v for _, _, v in values(text, dt.date(2016, 11, 18))] == ["2013", "2013-08", "2014-05"]


def test_a_bare_month_later_in_the_sentence_than_a_month_told_with_its_year_is_in_that_year():
    text = "It was rated inadequate in February 2013, and by June inspectors found its schools work ineffective."
    assert [v for _, _, v in values(text, dt.date(2016, 11, 18))] == ["2013-02", "2013-06"]


def test_the_end_of_the_year_told_as_past_in_january_is_the_year_just_ended():
    text = "Her predecessor retired at the end of the year."
    assert values(text, dt.date(2017, 1, 18))[0][2] == "2016"
    assert values(text, dt.date(2016, 12, 20))[0][2] == "2016"


def test_the_year_of_a_laws_name_is_no_date():
    assert values("Under the Children Act 2004 and in 2005 the council changed.", dt.date(2016, 1, 1)) == [("2005", "DATE", "2005")]


def test_a_bare_month_in_the_next_sentence_is_read_alone():
    text = "It was rated inadequate in February 2013. In June the director left."
    assert [v for _, _, v in values(text, dt.date(2016, 11, 18))] == ["2013-02", "2016-06"]


def test_the_next_month_after_a_year_keeps_only_the_year():
    text = "Inspectors visited in 2009. The next month the director resigned."
    assert values(text, dt.date(2017, 8, 15))[1] == ("The next month", "DATE", "2009-XX")


def test_the_next_month_after_a_month_counts_from_it():
    text = "Inspectors visited in March 2012. The next month the director resigned."
    assert values(text, dt.date(2017, 8, 15))[1] == ("The next month", "DATE", "2012-04")


def test_the_next_month_in_the_future_counts_from_the_anchor():
    assert only("The board will meet the next month.", OCT_2013).value == "2013-11"


def test_a_day_range_is_two_past_dates():
    assert values("Inspectors visited between September 16 and September 27.", OCT_2013) == [
        ("September 16", "DATE", "2013-09-16"), ("September 27", "DATE", "2013-09-27")]


def test_a_range_across_months_takes_the_same_tense():
    assert [v for _, _, v in values("Inspectors visited between January 14 and February 1.", OCT_2013)] == [
        "2013-01-14", "2013-02-01"]


def test_paired_months_in_the_past():
    assert [v for _, _, v in values("Inspectors visited in June and July.", OCT_2013)] == ["2013-06", "2013-07"]
    assert [v for _, _, v in values("Inspectors visited during September and October.", OCT_2013)] == [
        "2013-09", "2013-10"]


def test_paired_months_in_the_future():
    assert [v for _, _, v in values("Inspectors will return in January and February.", OCT_2013)] == [
        "2014-01", "2014-02"]


def test_numeric_dates_are_day_first_as_the_british_press_writes_them():
    assert [v for _, _, v in values("Published: 10/04/2018. Reports dated 05/06/2011 and 25/06/2011.", OCT_2013)] == [
        "2018-04-10", "2011-06-05", "2011-06-25"]


def test_a_document_whose_numeric_dates_can_only_be_month_first_is_read_month_first():
    assert [v for _, _, v in values("Filed 11/02/89, amended 10/30/89.", OCT_2013)] == ["1989-11-02", "1989-10-30"]


def test_no_anchor_never_invents_a_year():
    found = values("Last month the council said this week that yesterday it had acted. "
                   "Today it met. On Monday it met again, as it did in December.", None)
    assert found == [("Last month", "DATE", "XXXX-XX"), ("this week", "DATE", "XXXX-WXX"),
                     ("yesterday", "DATE", "XXXX-XX-XX"), ("Today", "DATE", "XXXX-XX-XX"),
                     ("Monday", "DATE", "XXXX-WXX-1"), ("December", "DATE", "XXXX-12")]


def test_weekday_and_date_before_a_colon_are_one_expression():
    assert values("The paper said in an editorial on Saturday, April 25: the ruling stands.",
                  dt.date(1998, 4, 24)) == [("Saturday, April 25", "DATE", "1998-04-25")]


def test_as_early_as_a_weekday_looks_ahead():
    assert only("The director could start as early as Tuesday.", dt.date(2013, 10, 21)).value == "2013-10-22"


def test_adjectival_participle_is_not_past_tense():
    # "reduced" after a determiner is an adjective; the date is the nearest 2 January.
    assert only("The reduced dividend is payable Jan. 2 to holders.", dt.date(1989, 11, 2)).value == "1990-01-02"


def test_effective_date_looks_ahead():
    assert only("The bank created a new office, effective Feb. 1.", dt.date(1989, 10, 26)).value == "1990-02-01"


def test_plan_as_a_noun_is_not_future():
    assert only("The thrift announced the plan Aug. 21.", dt.date(1989, 10, 27)).value == "1989-08-21"


def test_passive_irregular_after_be_is_not_past():
    assert only("The summit will be held on April 24.", dt.date(1999, 2, 10)).value == "1999-04-24"


def test_spelled_out_years():
    assert values("She left in January nineteen ninety-seven, before the year two thousand.", MARCH_2012) == [
        ("January nineteen ninety-seven", "DATE", "1997-01"), ("the year two thousand", "DATE", "2000")]
    assert only("It was built in the winter of nineteen ninety-four.", MARCH_2012).value == "1994-WI"


def test_two_thousand_alone_is_a_number():
    assert tag("About two thousand children are in care.", MARCH_2012) == []


def test_recent_years_is_the_past():
    assert values("Demand has risen in recent years.") == [("recent years", "DATE", "PAST_REF")]
    assert values("Demand will rise in the coming weeks.") == [("the coming weeks", "DURATION", "PXW")]


def test_an_amount_a_year_is_a_rate_not_a_duration():
    assert tag("The service costs $2 million a year.", MARCH_2012) == []
    assert values("The post stayed vacant for a year.", MARCH_2012) == [("a year", "DURATION", "P1Y")]


def test_year_ended_is_a_reporting_period():
    assert values("Profit rose in the year ended March 31.", MARCH_2012) == [
        ("the year", "DURATION", "P1Y"), ("March 31", "DATE", "2012-03-31")]
    assert values("Costs were high for the year.", MARCH_2012) == [("the year", "DATE", "2012")]


def test_reporting_periods_in_results():
    anchor = dt.date(1989, 10, 26)
    text = "Net rose in the third quarter. It earned $2 million in the 1988 quarter."
    assert values(text, anchor)[1] == ("the 1988 quarter", "DATE", "1988-Q3")
    assert values("Sales rose in the latest period.", anchor) == [("the latest period", "DATE", "1989-Q3")]


def test_year_earlier_adjective_is_not_a_duration():
    found = values("Net was $2 million, compared with a year-earlier loss.", dt.date(1989, 10, 26))
    assert [t for t, _, _ in found] == ["year-earlier"]


def test_days_later_is_a_duration_but_years_later_a_date():
    text = "Inspectors visited on March 3, 2009. Three days later the director resigned. Two years later it failed."
    assert values(text, dt.date(2017, 8, 15)) == [("March 3, 2009", "DATE", "2009-03-03"),
                                                  ("Three days", "DURATION", "P3D"),
                                                  ("Two years later", "DATE", "2011")]


def test_current_alone_is_the_present():
    assert values("The current system is failing.") == [("current", "DATE", "PRESENT_REF")]


def test_year_end():
    assert values("The deal should close by year-end.", dt.date(1989, 10, 26)) == [("year-end", "DATE", "1989")]
    assert values("Shares are up 20% since year-end.", dt.date(1989, 10, 26)) == [("year-end", "DATE", "1988")]


def test_the_full_year():
    assert values("It forecast higher profit for the full year.", dt.date(1989, 10, 26)) == [
        ("the full year", "DATE", "1989")]


def test_part_of_day_after_the_day_word():
    assert values("At mid-afternoon yesterday the shares were up.", dt.date(1989, 11, 2)) == [
        ("mid-afternoon yesterday", "TIME", "1989-11-01TAF")]


def test_later_in_the_day_is_the_anchor_day():
    assert values("He arrived in Leeds later in the day.", dt.date(1998, 2, 13))[-1] == ("the day", "DATE", "1998-02-13")


def test_planned_for_looks_ahead():
    assert only("The accession was planned for early March.", dt.date(1999, 2, 10)).value == "1999-03"


def test_a_day_earlier_is_a_duration():
    assert values("A day earlier, trucks crossed the border.", dt.date(1990, 8, 16)) == [("A day", "DURATION", "P1D")]


def test_hyphenated_quarter_leaves_the_article_out():
    assert values("It reported the third-quarter results.", dt.date(1989, 10, 26)) == [
        ("third-quarter", "DATE", "1989-Q3")]
    assert values("Profit fell in the third quarter.", dt.date(1989, 10, 26)) == [
        ("the third quarter", "DATE", "1989-Q3")]


def test_the_previous_weekday_counts_from_the_day_mentioned():
    text = "The offer expired on Oct. 27. Talks had stalled the previous Friday."
    assert values(text, dt.date(1989, 10, 30))[-1] == ("the previous Friday", "DATE", "1989-10-20")


def test_weekday_future_marker_further_back_and_possessive_past():
    anchor = dt.date(2000, 1, 7)  # a Friday
    text = "Protesters planned a large demonstration in Little Havana on Saturday."
    assert [t.value for t in tag(text, anchor)] == ["2000-01-08"]
    text = "They would look for ways to challenge Wednesday's ruling by the agency."
    assert [t.value for t in tag(text, anchor)] == ["2000-01-05"]


def test_last_year_in_a_quarterly_comparison_is_that_quarter():
    anchor = dt.date(1989, 11, 2)
    text = ("In the third quarter, net was $24 million, compared with a loss of $3 million last year. "
            "Last year the company was sold.")
    assert [t.value for t in tag(text, anchor)] == ["1989-Q3", "1988-Q3", "1988"]


def test_bare_month_is_the_nearest_unless_the_tense_says_otherwise():
    anchor = dt.date(1989, 10, 30)
    assert [t.value for t in tag("The loans run through January.", anchor)] == ["1990-01"]
    assert [t.value for t in tag("The first trading day for November transactions.", anchor)] == ["1989-11"]
    assert [t.value for t in tag("Sales collapsed in April.", dt.date(2012, 3, 1))] == ["2011-04"]


def test_march_as_an_event_name_is_not_a_month():
    anchor = dt.date(1999, 1, 22)
    assert tag("Protesters at the annual March for Life on Capitol Hill.", anchor) == []
    assert [t.value for t in tag("He stepped down in March for health reasons.", anchor)] == ["1998-03"]


def test_non_temporal_uses_are_left_alone():
    anchor = dt.date(1999, 3, 12)
    for text in ("Now, the company says it will recover.", "Sales will rise 8.5% annually.",
                 "The case is for today's youth a lesson.", "A second group of directors objected.",
                 "A poster from the film \"High Noon\" hung there.", "He spoke on ABC's \"This Week\" programme."):
        assert tag(text, anchor) == [], text
    assert [t.value for t in tag("Now the alliance is larger. It meets annually.", anchor)] == ["PRESENT_REF", "P1Y"]


def test_clock_time_takes_a_weekday_after_a_parenthesis():
    text = "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building."
    assert [t.value for t in tag(text, dt.date(1998, 8, 8))][0] == "1998-08-07T10:35"


def test_a_plan_in_the_past_perfect_is_over():
    anchor = dt.date(1989, 10, 30)  # a Monday
    assert [t.value for t in tag("The offer had been due to expire Friday evening.", anchor)] == ["1989-10-27TEV"]
    assert [t.value for t in tag("The offer is due to expire Friday evening.", anchor)] == ["1989-11-03TEV"]


def test_then_current_and_ahead_of_the_weekend():
    anchor = dt.date(1989, 10, 30)  # a Monday
    assert [t.value for t in tag("Holders may buy shares at half the then current market price.", anchor)] == ["PAST_REF"]
    assert [t.value for t in tag("Traders squared positions ahead of the weekend.", anchor)] == ["1989-W44-WE"]


def test_that_day_without_a_day_to_refer_to_is_generic():
    anchor = dt.date(1989, 10, 27)
    assert tag("You get a news item and you have strong redemptions that day.", anchor) == []
    assert [t.value for t in tag("The vote was on March 3. That day, protesters gathered.", anchor)] == ["1989-03-03", "1989-03-03"]


def test_rates_with_spelled_counts_and_the_early_hours():
    anchor = dt.date(1998, 2, 13)
    assert tag("Qantas is up from the current four flights a week.", anchor)[-1].text == "current"
    assert [t.text for t in tag("He was arrested in the early hours of Thursday morning.", anchor)] == ["Thursday morning"]


def test_this_past_season_is_the_one_just_gone():
    assert [t.value for t in tag("It scrapped the business this past spring.", dt.date(1989, 10, 30))] == ["1989-SP"]
    assert [t.value for t in tag("It scrapped the business last spring.", dt.date(1989, 10, 30))] == ["1988-SP"]


def test_a_capitalised_unit_after_digits_is_a_title():
    assert tag("Gonzalez said on CBS's ''60 Minutes.''", dt.date(2000, 4, 17)) == []
    assert [t.value for t in tag("The talks lasted 60 minutes.", dt.date(2000, 4, 17))] == ["PT60M"]


def test_the_people_of_tomorrow_is_generic():
    anchor = dt.date(1989, 11, 2)
    assert tag("If I were choosing the people of tomorrow, I would choose them.", anchor) == []
    assert [t.value for t in tag("The offer expires as of tomorrow.", anchor)] == ["1989-11-03"]


def test_recently_before_a_date_defers_to_it():
    anchor = dt.date(1999, 2, 6)
    assert [t.text for t in tag("Doctors were killed, most recently last October.", anchor)] == ["last October"]
    assert [t.value for t in tag("The company recently cut its dividend.", anchor)] == ["PAST_REF"]


def test_distant_preposition_by_does_not_make_a_bare_date_future():
    text = 'Inspectors rated services run by the Doncaster trust as "requires improvement to be good" following an inspection between June 5 and June 29.'
    assert [value for _, _, value in values(text, dt.date(2017, 8, 15))] == ["2017-06-05", "2017-06-29"]


# ------------------------------------------------------------------ the fast paths find what the plain ones find



def varied_texts() -> list[str]:
    """Sample articles as written, in capitals and in lower case, and words whose letters fold
    to ASCII ones only when case is ignored, or digits of another script."""
    articles = [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.rglob("*.txt"))[:12]]
    odd = "Laſt week, the İnspection in ſpring; \u212aey dates: ٣ May, 12 ٣ 2011, fy2011 FY 2011, the  past  few years."
    return [odd, *articles, *(text.upper() for text in articles[:4]), *(text.lower() for text in articles[:4])]


def test_a_caseless_trie_matches_as_the_case_insensitive_longest_first_alternation() -> None:
    words = [*LEAD_WORDS, *FUTURE_MARKERS, *NUMBERS, "FY", "Mid-Afternoon", "a couple", "ſome", "jan."]
    longest_first = sorted(set(words), key=len, reverse=True)
    plain = re.compile(r"\b(?:" + "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in longest_first) + r")\b",
                       re.IGNORECASE)
    trie = re.compile(r"\b" + alternation(words) + r"\b", re.IGNORECASE)
    for text in varied_texts():
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_rules_left_out_where_a_character_is_could_not_match_there() -> None:
    for text in varied_texts()[::3]:
        for start in range(len(text)):
            kept = rules_starting_with(text[start])
            assert all(rule in kept for rule in RULES if rule.regex.match(text, start)), (text[start:start + 30])


def test_a_future_marker_beyond_the_comma_does_not_move_a_past_month():
    text = "Commissioner Colin Brayfield, appointed by the DfE in June, is due to report before Christmas."
    assert [v for _, _, v in values(text, OCT_2013)][0] == "2013-06"


def test_since_a_bare_month_looks_back():
    assert [v for _, _, v in values("The council has been under a notice since November.", OCT_2013)] == ["2012-11"]


def test_mays_report_is_the_month_of_may():
    assert [v for _, _, v in values("May's Ofsted report judged services inadequate.", OCT_2013)] == ["2013-05"]
