"""The pure reasoning of dating: windows, and links from year-unknown mentions to dated facts."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from models.records import Attributes, EventMention, Offset, Person, Source
from pipeline.merge.dating import (
    Fact,
    Window,
    changed_facts,
    facts_of,
    facts_to_look_at,
    index_facts,
    link,
    may_link,
    narrowed,
    own_window,
    stage_of,
    windowed_facts,
)


def mention(date: str, kind: str = "inspection", *, rating: str | None = None, people: tuple[str, ...] = (),
            date_text: str | None = "April", before: str | None = None, inspection_kind: str | None = None) -> EventMention:
    source = Source(article="undated", path="u.txt", sentence="s", start=0, end=1, date=date)
    return EventMention(type=kind, council="Torbay Council", date=date, confidence=0.8, trigger="t",
                        date_text=date_text, people=[Person(name=name) for name in people],
                        attributes=Attributes(rating=rating, inspection_kind=inspection_kind), before=before, source=source)


def fact(first: str, last: str | None = None, kind: str = "inspection", *, article: str = "dated",
         rating: str | None = None, names: frozenset[str] = frozenset(), bounded: bool = False) -> Fact:
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last or first)
    return Fact("Torbay Council", kind, start, end, rating, names, article, first if not last else f"{first}/{last}", bounded)


def no_words(mention: EventMention, published: dt.date) -> str | None:
    return None


def test_windows_meet_and_disagree() -> None:
    since_2009 = Window(dt.date(2009, 6, 1), None)
    assert since_2009.meet(Window(None, dt.date(2010, 1, 1))) == Window(dt.date(2009, 6, 1), dt.date(2010, 1, 1))
    assert since_2009.meet(Window(None, dt.date(2009, 1, 1))) is None
    assert Window.parse(since_2009.edtf()) == since_2009 and since_2009.edtf() == "2009-06-01/.."


def test_the_latest_past_date_bounds_publication_from_below_and_the_earliest_one_to_come_from_above() -> None:
    assert own_window([("2009-06", False), ("2007", False), ("2015", True), ("2013", True)]) == Window(
        dt.date(2009, 6, 1), dt.date(2013, 12, 31)
    )
    assert own_window([("2015", True)]) == Window(None, dt.date(2015, 12, 31))
    assert own_window([("2016", False), ("2013", True)]) == Window(dt.date(2016, 1, 1), None)  # they disagree


def test_an_own_wide_window_lets_no_relative_words_pick_an_event() -> None:
    facts = index_facts([fact("2012-05-30", kind="inspection_report")])
    told = mention("XXXX", "inspection_report", date_text="yesterday")

    def yesterday(_: EventMention, published: dt.date) -> str:
        return (published - dt.timedelta(days=1)).isoformat()

    assert link(0, told, "undated", Window(dt.date(2009, 1, 1), dt.date(2019, 12, 31)), facts, yesterday) is None


def test_a_month_takes_the_one_year_that_fits() -> None:
    facts = index_facts([fact("2012-04-10", "2012-04-20"), fact("2011-02-01", "2011-02-28")])
    found = link(0, mention("XXXX-04"), "undated", Window(), facts, no_words)
    assert found and found.date == "2012-04" and found.sources == {"dated"}
    assert found.window == Window(dt.date(2012, 4, 1), dt.date(2013, 3, 31))


def test_two_months_named_are_an_event_that_spans_both() -> None:
    facts = index_facts([fact("2014-01-01", "2014-02-28")])  # a January-to-February inspection
    assert link(0, mention("XXXX-02", date_text="February and March"), "undated", Window(), facts, no_words) is None
    found = link(0, mention("XXXX-01", date_text="January and February"), "undated", Window(), facts, no_words)
    assert found and found.date == "2014-01"


def test_two_years_that_fit_give_no_year() -> None:
    facts = index_facts([fact("2012-04-10"), fact("2014-04-02", article="other")])
    assert link(0, mention("XXXX-04"), "undated", Window(), facts, no_words) is None


def test_the_window_rules_out_a_year() -> None:
    facts = index_facts([fact("2012-04-10"), fact("2014-04-02", article="other")])
    found = link(0, mention("XXXX-04"), "undated", Window(dt.date(2013, 6, 1), None), facts, no_words)
    assert found and found.date == "2014-04"


def test_a_rating_or_a_person_that_differs_is_another_event() -> None:
    facts = index_facts([fact("2012-04-10", rating="good"), fact("2014-04-02", rating="inadequate")])
    found = link(0, mention("XXXX-04", rating="inadequate"), "undated", Window(), facts, no_words)
    assert found and found.date == "2014-04"


def test_a_year_alone_names_no_month() -> None:
    facts = index_facts([fact("2012-01-01", "2012-12-31")])
    assert link(0, mention("XXXX-04"), "undated", Window(), facts, no_words) is None


def test_words_relative_to_publication_need_a_bounded_window() -> None:
    facts = index_facts([fact("2012-05-30", kind="inspection_report")])
    told = mention("XXXX", "inspection_report", date_text="yesterday")

    def yesterday(_: EventMention, published: dt.date) -> str:
        return (published - dt.timedelta(days=1)).isoformat()

    assert link(0, told, "undated", Window(dt.date(2012, 4, 1), None), facts, yesterday) is None
    found = link(0, told, "undated", Window(dt.date(2012, 4, 1), dt.date(2013, 4, 1)), facts, yesterday)
    assert found and found.window == Window(dt.date(2012, 5, 31), dt.date(2012, 5, 31))


def test_in_an_unbounded_window_the_rating_a_report_gives_says_which_it_is() -> None:
    facts = index_facts([fact("2012-05-30", kind="inspection_report", rating="inadequate"),
                         fact("2015-06-02", kind="inspection_report", rating="good")])
    told = mention("XXXX", "inspection_report", rating="inadequate", date_text="yesterday")
    found = link(0, told, "undated", Window(), facts, yesterday)
    assert found and found.window == Window(dt.date(2012, 5, 31), dt.date(2012, 5, 31))
    unrated = mention("XXXX", "inspection_report", date_text="yesterday")
    assert link(0, unrated, "undated", Window(), facts, yesterday) is None


def test_an_event_told_as_what_another_came_after_takes_the_one_date_before_it() -> None:
    facts = index_facts([fact("2010-03-01", "2010-03-31"), fact("2011-02-01", "2011-02-28")])
    found = link(0, mention("XXXX", date_text=None, before="2010-05"), "bounding", Window(), facts, no_words)
    assert found and found.date == "2010-03-01/2010-03-31"


def test_links_that_leave_no_day_in_common_are_all_dropped() -> None:
    facts = index_facts([fact("2012-04-10"), fact("2015-06-01", kind="resignation")])
    april = link(0, mention("XXXX-04"), "undated", Window(), facts, no_words)
    june = link(1, mention("XXXX-06", "resignation", date_text="June"), "undated", Window(), facts, no_words)
    assert april and june
    assert narrowed(Window(), [april, june]) == (Window(), [])


def yesterday(_: EventMention, published: dt.date) -> str:
    return (published - dt.timedelta(days=1)).isoformat()


def test_an_undated_article_places_who_left_within_its_window() -> None:
    dismissed = mention("XXXX", "departure", people=("Andrew Fenwick",), date_text="yesterday")
    window = Window(dt.date(2013, 2, 1), dt.date(2014, 2, 1))
    placed, = windowed_facts("undated", [dismissed], window, yesterday)
    assert (placed.first, placed.last, placed.windowed) == (dt.date(2013, 1, 31), dt.date(2014, 1, 31), True)
    # "Fenwick's dismissal in April", in a third article: April 2013 is the only April in the window
    found = link(0, mention("XXXX-04", "departure", people=("Andrew Fenwick",)), "later", Window(), index_facts([placed]), no_words)
    assert found and found.date == "2013-04" and found.sources == {"undated"}


def test_an_event_placed_by_a_window_is_another_only_where_people_say_so() -> None:
    placed = windowed_facts("undated", [mention("XXXX", "departure", people=("Andrew Fenwick",), date_text="yesterday")],
                            Window(dt.date(2013, 2, 1), dt.date(2014, 2, 1)), yesterday)
    assert link(0, mention("XXXX-04", "departure"), "later", Window(), index_facts(placed), no_words) is None
    assert windowed_facts("undated", [mention("XXXX", "departure", date_text="yesterday")],
                          Window(dt.date(2013, 2, 1), dt.date(2014, 2, 1)), yesterday) == []  # names nobody
    assert windowed_facts("undated", [mention("XXXX", "departure", people=("Andrew Fenwick",), date_text="yesterday")],
                          Window(dt.date(2011, 2, 1), dt.date(2014, 2, 1)), yesterday) == []  # a window of years


def test_a_stretch_after_the_one_dated_event_it_names_dates_the_mention() -> None:
    after = Offset(type="inspection_report", duration="P3M", rating="inadequate")
    told = mention("XXXX", "improvement_notice", date_text=None).model_copy(update={"after": after})
    facts = index_facts([fact("2018-10-01", "2018-10-31", "inspection_report", rating="inadequate"),
                         fact("2016-05-01", "2016-05-31", "inspection_report", rating="good")])
    found = link(0, told, "undated", Window(), facts, no_words)
    assert found and found.date == "2019-01" and found.window == Window(dt.date(2019, 1, 1), None)


def test_news_a_stretch_after_a_dated_event_was_published_in_that_stretchs_end() -> None:
    after = Offset(type="inspection_report", duration="P1M", rating="inadequate")
    told = mention("XXXX", "departure", date_text=None).model_copy(update={"after": after, "news": True})
    facts = index_facts([fact("2022-04-20", kind="inspection_report", rating="inadequate")])
    found = link(0, told, "undated", Window(), facts, no_words)
    assert found and found.date == "2022-05" and found.window == Window(dt.date(2022, 5, 1), dt.date(2022, 5, 31))


def test_a_report_told_today_takes_the_rating_its_article_gives_beside_it() -> None:
    today = mention("2022-04-20", "inspection_report", date_text="today")
    rated = mention("2022-04", "inspection_report", rating="inadequate", date_text=None)
    placed, = facts_of("dated", [today, rated])
    assert (placed.value, placed.rating) == ("2022-04-20", "inadequate")


def test_a_monitoring_visit_is_never_the_full_inspection_another_article_dates() -> None:
    facts = index_facts([fact("2015-02-01", "2015-02-28")])
    assert link(0, mention("XXXX-02", inspection_kind="monitoring visit"), "undated", Window(), facts, no_words) is None
    assert link(0, mention("XXXX-02"), "undated", Window(), facts, no_words) is not None


def test_a_month_of_last_year_counts_from_publication_and_one_event_told_twice_is_one() -> None:
    facts = index_facts([fact("2015-03-19", kind="inspection_report", rating="inadequate"),
                         fact("2015-03-01", "2015-03-31", kind="inspection_report", rating="inadequate", article="other"),
                         fact("2010-03-01", "2010-03-31", kind="inspection_report", rating="inadequate", article="old")])
    told = mention("XXXX-03", "inspection_report", rating="inadequate", date_text="March last year")

    def march_last_year(_: EventMention, published: dt.date) -> str:
        return f"{published.year - 1}-03"

    found = link(0, told, "undated", Window(dt.date(2015, 1, 1), None), facts, march_last_year)
    assert found and found.window.after == dt.date(2016, 1, 1) and found.sources == {"dated", "other"}


def test_a_month_of_last_year_known_only_within_a_window_puts_publication_in_the_year_after() -> None:
    # the dated side is itself an undated article's event, placed only by its window (Feb 2013 to Jan 2014)
    facts = index_facts([fact("2013-02-01", "2014-01-31", kind="appointment", names=frozenset({"morel"}), bounded=True)])
    told = mention("XXXX-04", "appointment", people=("Kathryn Morel",), date_text="April last year")
    found = link(0, told, "undated", Window(), facts, no_words)
    assert found and found.date == "2013-04"
    assert found.window == Window(dt.date(2014, 1, 1), dt.date(2014, 12, 31))  # not the year from April 2013


def test_a_weekday_a_stretch_of_weeks_after_a_dated_event_is_the_day_in_that_week() -> None:
    after = Offset(type="inspection_report", duration="P7W", rating="inadequate")
    told = mention("XXXX", "improvement_notice", date_text="on Friday").model_copy(update={"after": after})
    facts = index_facts([fact("2012-04-27", kind="inspection_report", rating="inadequate")])

    def last_friday(_: EventMention, published: dt.date) -> str:
        return (published - dt.timedelta(days=(published.weekday() - 4) % 7)).isoformat()

    found = link(0, told, "undated", Window(), facts, last_friday)
    assert found and found.date is None and found.window.after == dt.date(2012, 6, 15)


def test_an_interim_appointment_is_not_the_same_persons_permanent_one() -> None:
    permanent = mention("2012-09", "appointment", people=("Sunita Rehal",), date_text="September")
    permanent = permanent.model_copy(update={"source": permanent.source.model_copy(update={
        "sentence": "Sunita Rehal, who was confirmed as permanent director in September after a year as interim, spoke."}),
        "trigger": "confirmed as"})
    facts = index_facts(facts_of("dated", [permanent]))
    interim = mention("XXXX", "appointment", people=("Sunita Rehal",), date_text=None).model_copy(update={"news": True})
    interim = interim.model_copy(update={"trigger": "appointed", "source": interim.source.model_copy(update={
        "sentence": "Sunita Rehal has been appointed interim director with immediate effect."})})
    assert link(0, interim, "undated", Window(), facts, no_words) is None


def test_a_stretch_after_a_rating_counts_from_a_report_that_gave_it_not_an_unrated_letter() -> None:
    after = Offset(type="inspection_report", duration="P10D", rating="inadequate")
    told = mention("XXXX", "departure", date_text=None).model_copy(update={"after": after})
    facts = index_facts([fact("2016-08-09", kind="inspection_report", rating="inadequate"),
                         fact("2019-03-04", "2019-03-10", kind="inspection_report", article="letter")])
    found = link(0, told, "undated", Window(), facts, no_words)
    assert found and found.date == "2016-08-19"


def test_words_that_can_end_only_one_of_two_stretches_in_the_window_pick_it() -> None:
    after = Offset(type="inspection_report", duration="P11D")
    told = mention("XXXX", "resignation", date_text="on Monday").model_copy(update={"after": after})
    facts = index_facts([fact("2015-03-19", kind="inspection_report"),
                         fact("2010-03-01", "2010-03-31", kind="inspection_report", article="old")])

    def last_monday(_: EventMention, published: dt.date) -> str:
        return (published - dt.timedelta(days=published.weekday())).isoformat()

    found = link(0, told, "undated", Window(dt.date(2011, 1, 1), None), facts, last_monday)
    assert found and found.window.after == dt.date(2015, 3, 30) and found.sources == {"dated"}


def test_a_commissioner_named_on_a_weekday_is_the_one_another_article_dates_to_a_month() -> None:
    facts = index_facts([fact("2021-01-01", "2021-01-31", kind="intervention", names=frozenset({"dalrymple"}))])
    told = mention("XXXX", "intervention", people=("Ruth Dalrymple",), date_text="on Friday")

    def last_friday(_: EventMention, published: dt.date) -> str:
        return (published - dt.timedelta(days=(published.weekday() - 4) % 7)).isoformat()

    found = link(0, told, "undated", Window(), facts, last_friday)
    assert found and found.window.after == dt.date(2021, 1, 1) and found.window.before <= dt.date(2021, 2, 7)


def test_a_stretch_after_two_fitting_events_dates_nothing() -> None:
    after = Offset(type="inspection_report", duration="P3M", rating="inadequate")
    told = mention("XXXX", "improvement_notice", date_text=None).model_copy(update={"after": after})
    facts = index_facts([fact("2018-10-01", "2018-10-31", "inspection_report", rating="inadequate"),
                         fact("2013-05-01", "2013-05-31", "inspection_report", rating="inadequate", article="other")])
    assert link(0, told, "undated", Window(), facts, no_words) is None


def test_an_appointment_that_names_someone_is_not_one_that_names_nobody() -> None:
    facts = index_facts([fact("2018-01-08", kind="appointment")])
    assert link(0, mention("XXXX-01", "appointment", people=("Graham Esterhuizen",)), "undated", Window(), facts, no_words) is None
    named = index_facts([fact("2018-01-08", kind="appointment", names=frozenset({"esterhuizen"}))])
    found = link(0, mention("XXXX-01", "appointment", people=("Graham Esterhuizen",)), "undated", Window(), named, no_words)
    assert found and found.date == "2018-01"


def test_a_leaving_announced_for_a_date_is_a_fact_and_one_announced_without_none() -> None:
    announced = mention("2021-10", "departure", people=("Cath Marlow",), date_text="the end of October").model_copy(
        update={"status": "expected"})
    assert [(fact.value, fact.names) for fact in facts_of("dated", [announced])] == [("2021-10", frozenset({"marlow"}))]
    vague = announced.model_copy(update={"date_text": None})
    unnamed = mention("2021-10", "inspection", date_text="October").model_copy(update={"status": "expected"})
    assert facts_of("dated", [vague, unnamed]) == []


def test_a_suspension_is_never_the_same_persons_later_departure() -> None:
    suspended = fact("2017-03-03", kind="departure", names=frozenset({"farrell"}))
    facts = index_facts([replace(suspended, stage="suspension"), fact("2017-03-31", kind="departure", names=frozenset({"farrell"}))])
    told = mention("XXXX", "departure", people=("Dominic Farrell",), date_text="last month").model_copy(update={"trigger": "left"})

    def last_month(_: EventMention, published: dt.date) -> str:
        return f"{(published.replace(day=1) - dt.timedelta(days=1)):%Y-%m}"

    found = link(0, told, "undated", Window(dt.date(2017, 4, 1), dt.date(2017, 4, 30)), facts, last_month)
    assert found and found.sources == {"dated"} and found.window == Window(dt.date(2017, 4, 1), dt.date(2017, 4, 30))
    assert stage_of(told.model_copy(update={"trigger": "was suspended"})) == "suspension" and stage_of(told) is None


def test_a_day_told_months_after_a_dated_report_takes_its_year_and_keeps_its_days() -> None:
    after = Offset(type="inspection_report", duration="P8M", rating="inadequate")
    told = mention("XXXX-10", "inspection", date_text="4 and 5 October").model_copy(update={"after": after})
    facts = index_facts([fact("2022-02-18", kind="inspection_report", rating="inadequate")])

    def fourth_and_fifth_of_october(_: EventMention, published: dt.date) -> str:
        year = published.year if published >= dt.date(published.year, 10, 5) else published.year - 1
        return f"{year}-10-04/{year}-10-05"

    found = link(0, told, "undated", Window(), facts, fourth_and_fifth_of_october)
    assert found and found.date == "2022-10-04/2022-10-05"


def test_a_visit_told_as_past_puts_publication_after_the_days_its_stretch_dates() -> None:
    after = Offset(type="inspection_report", duration="P1Y")
    told = mention("XXXX-10", "inspection", date_text="15 and 16 October").model_copy(update={"after": after})
    facts = index_facts([fact("2018-11-20", kind="inspection_report", rating="inadequate")])

    def nearest_october(_: EventMention, published: dt.date) -> str:  # a day and month read as the nearest such date
        year = min((published.year - 1, published.year, published.year + 1),
                   key=lambda one: abs((dt.date(one, 10, 16) - published).days))
        return f"{year}-10-15/{year}-10-16"

    found = link(0, told, "undated", Window(), facts, nearest_october)
    assert found and found.date == "2019-10-15/2019-10-16"
    assert found.window.after == dt.date(2019, 10, 15)


def test_a_trust_ordered_is_never_the_commissioner_sent_in_before_it() -> None:
    sent_in = replace(fact("2015-04-22", kind="intervention"), stage="commissioner")
    ordered = replace(fact("2015-11-12", kind="intervention"), stage="trust")
    told = mention("XXXX", "intervention", date_text="today").model_copy(update={"trigger": "ordered the council to hand over"})

    def today(_: EventMention, published: dt.date) -> str:
        return published.isoformat()

    found = link(0, told, "undated", Window(dt.date(2015, 4, 1), dt.date(2016, 3, 31)), index_facts([sent_in, ordered]), today)
    assert found and found.window == Window(dt.date(2015, 11, 12), dt.date(2015, 11, 12))
    assert stage_of(told) == "trust" and stage_of(told.model_copy(update={"trigger": "appointed a commissioner"})) == "commissioner"


def test_a_tenure_counts_from_the_leavers_own_appointment() -> None:
    after = Offset(type="appointment", duration="P21M")
    told = mention("XXXX", "departure", people=("Kathryn Morel",), date_text=None).model_copy(update={"after": after})
    facts = index_facts([fact("2013-04-01", "2013-04-30", kind="appointment", names=frozenset({"morel"})),
                         fact("2014-03-01", "2014-03-31", kind="appointment", names=frozenset({"nwachukwu"}), article="other")])
    found = link(0, told, "undated", Window(), facts, no_words)
    assert found and found.date == "2015-01" and found.sources == {"dated"}


def test_a_stretch_from_the_articles_own_month_places_it_in_the_one_year_its_window_allows() -> None:
    after = Offset(type="inspection", duration="P6W")
    report = mention("XXXX", "inspection_report", date_text="on Tuesday").model_copy(update={"after": after})
    june = mention("XXXX-06", "inspection", date_text="June")

    def tuesday_before(_: EventMention, published: dt.date) -> str:
        return (published - dt.timedelta(days=(published.weekday() - 1) % 7)).isoformat()

    in_2014 = Window(dt.date(2014, 1, 1), dt.date(2014, 12, 31))
    found = link(0, report, "undated", in_2014, index_facts([]), tuesday_before, [report, june])
    assert found and found.sources == frozenset() and found.window.after.month in (7, 8) and found.window.before.month == 8
    assert link(0, report, "undated", in_2014, index_facts([]), tuesday_before, [report]) is None
    two_years = Window(dt.date(2013, 1, 1), dt.date(2014, 12, 31))
    assert link(0, report, "undated", two_years, index_facts([]), tuesday_before, [report, june]) is None


def test_only_a_fact_a_link_may_read_concerns_a_mention() -> None:
    april = mention("XXXX-04", "inspection_report", rating="inadequate")
    in_2013 = Window(dt.date(2013, 1, 1), dt.date(2013, 12, 31))
    assert may_link(april, "undated", in_2013, fact("2012-04-10", kind="inspection_report", rating="inadequate"))
    assert not may_link(april, "undated", in_2013, fact("2012-04-10", kind="inspection_report", rating="good"))
    assert not may_link(april, "undated", in_2013, fact("2012-04-10", kind="resignation"))
    assert not may_link(april, "undated", in_2013, fact("2012-04-10", kind="inspection_report", article="undated"))
    assert not may_link(april, "undated", in_2013, fact("2008-04-10", kind="inspection_report"))  # years before the window
    assert may_link(april, "undated", Window(), fact("2008-04-10", kind="inspection_report"))


def test_the_facts_that_changed_are_those_told_before_or_now_but_not_both() -> None:
    kept, dropped, added = fact("2012-04-10"), fact("2012-05-01"), fact("2012-06-01", kind="resignation")
    changed = changed_facts([([kept, dropped], [kept, added]), ([kept], [kept])])
    assert changed == {("Torbay Council", "inspection"): [dropped], ("Torbay Council", "resignation"): [added]}
    assert changed_facts([([kept], [kept, kept])]) == {("Torbay Council", "inspection"): [kept]}  # told twice now


def test_a_mention_told_after_another_event_looks_at_the_facts_of_both_types() -> None:
    report, notice = fact("2012-04-10", kind="inspection_report"), fact("2012-07-01", kind="improvement_notice")
    by_kind = {("Torbay Council", "inspection_report"): [report], ("Torbay Council", "improvement_notice"): [notice]}
    later = mention("XXXX", "improvement_notice", date_text=None).model_copy(
        update={"after": Offset(type="inspection_report", duration="P3M")})
    assert list(facts_to_look_at(later, by_kind)) == [notice, report]
    assert list(facts_to_look_at(mention("XXXX", "improvement_notice"), by_kind)) == [notice]


def test_a_weekday_with_its_day_and_month_takes_the_one_year_the_window_allows() -> None:
    told = mention("XXXX-03", "inspection_report", date_text="today (Thursday 14 March")
    window = Window(dt.date(2016, 1, 1), dt.date(2022, 6, 30))  # a Thursday 14 March in 2013, 2019 and 2024
    found = link(0, told, "undated", window, index_facts([]), no_words)
    assert found is not None and found.date == "2019-03-14" and found.window == Window(dt.date(2019, 3, 14), dt.date(2019, 3, 14))
    assert found.sources == frozenset()


def test_a_weekday_that_two_years_of_the_window_allow_gives_no_year() -> None:
    told = mention("XXXX-03", "inspection_report", date_text="today (Thursday 14 March")
    assert link(0, told, "undated", Window(dt.date(2012, 1, 1), dt.date(2022, 6, 30)), index_facts([]), no_words) is None
    assert link(0, told, "undated", Window(dt.date(2016, 1, 1), None), index_facts([]), no_words) is None  # open above


def test_a_leading_weekday_puts_publication_in_the_week_after_and_a_date_line_weekday_within_the_year() -> None:
    window = Window(dt.date(2016, 1, 1), dt.date(2022, 6, 30))
    led = link(0, mention("XXXX-03", "intervention", date_text="Thursday (March 14"), "undated", window, index_facts([]), no_words)
    assert led is not None and led.date == "2019-03-14" and led.window == Window(dt.date(2019, 3, 14), dt.date(2019, 3, 20))
    plain = link(0, mention("XXXX-03", date_text="on Thursday 14 March"), "undated", window, index_facts([]), no_words)
    assert plain is not None and plain.window == Window(dt.date(2019, 3, 14), dt.date(2020, 2, 29))


def test_a_weekday_that_is_not_its_day_in_any_year_of_the_window_gives_nothing() -> None:
    told = mention("XXXX-03", date_text="on Friday 14 March")  # Friday 14 March: 2014, 2025
    assert link(0, told, "undated", Window(dt.date(2016, 1, 1), dt.date(2022, 6, 30)), index_facts([]), no_words) is None


def test_a_weekday_rules_out_a_dated_event_of_a_year_whose_day_falls_on_another() -> None:
    told = mention("XXXX-03", "inspection_report", date_text="on Thursday 14 March")
    window = Window(dt.date(2012, 1, 1), dt.date(2022, 6, 30))  # Thursday 14 March: 2013 and 2019, too many to say
    facts = index_facts([fact("2014-03-14", kind="inspection_report"), fact("2019-03-14", kind="inspection_report", article="other")])
    found = link(0, told, "undated", window, facts, no_words)  # 14 March 2014 was a Friday
    assert found is not None and found.date == "2019-03-14" and found.sources == frozenset({"other"})


def test_a_month_another_article_dates_is_the_day_its_weekday_names_and_today_is_that_day() -> None:
    told = mention("XXXX-03", "inspection_report", date_text="today (Thursday 14 March")
    facts = index_facts([fact("2019-03-14", kind="inspection_report")])
    found = link(0, told, "undated", Window(dt.date(2012, 1, 1), None), facts, no_words)
    assert found is not None and found.date == "2019-03-14" and found.sources == frozenset({"dated"})
    assert found.window == Window(dt.date(2019, 3, 14), dt.date(2019, 3, 14))
