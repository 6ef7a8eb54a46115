"""EDTF dates: spans, compatibility at different precisions, and dates in words."""
from __future__ import annotations

import datetime as dt

import pytest

from models import edtf
from models.records import TimeExpression


@pytest.mark.parametrize(
    ("a", "b"),
    [("2011-09", "2011-09-07"), ("2011-W36", "2011-09"), ("XXXX-03", "2010-03"), ("XXXX-07", "2018-06/2018-08"), ("XXXX", "XXXX"),
     ("2018-10-05~", "2018-10"), ("2017-06-20/2017-07-13", "2017-07")],
)
def test_compatible_dates(a: str, b: str) -> None:
    assert edtf.compatible(a, b) and edtf.compatible(b, a)


@pytest.mark.parametrize(("a", "b"), [("2011-02", "2011-03"), ("XXXX-03", "2011-02"), ("XXXX-03", "2010"), ("XXXX", "2011"),
                                      ("2017-06-20/2017-07-13", "2017-08"), ("2017-02-27/2017-03-06", "2017-03")])
def test_incompatible_dates(a: str, b: str) -> None:
    assert not edtf.compatible(a, b)


def test_more_precise_keeps_the_narrower_date() -> None:
    assert edtf.more_precise("2011-09", "2011-W36") == "2011-W36"
    assert edtf.more_precise("XXXX-03", "2010-03") == "2010-03"
    assert edtf.more_precise("2014-01~", "2014-01") == edtf.more_precise("2014-01", "2014-01~") == "2014-01"  # told plainly, in any order


def test_edtf_seasons_are_read_as_month_ranges() -> None:
    span = edtf.parse("2010-22")
    assert (span.first, span.last) == (dt.date(2010, 6, 1), dt.date(2010, 8, 31))


def test_invalid_month_is_unknown_not_an_error() -> None:
    assert not edtf.parse("2010-13").known


def test_unknown_dates_sort_last() -> None:
    values = ["XXXX", "XXXX-03", "2011-09", "2010-05"]
    assert sorted(values, key=edtf.sort_key) == ["2010-05", "2011-09", "XXXX-03", "XXXX"]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2011-09-07", "7 September 2011"),
        ("2010-05", "May 2010"),
        ("2011", "2011"),
        ("XXXX-03", "March (year unknown)"),
        ("XXXX", "date unknown"),
        ("2013-03~", "about March 2013"),
    ],
)
def test_humanise_keeps_the_precision(value: str, words: str) -> None:
    assert edtf.humanise(value) == words


def _timex(value: str, kind: str = "DATE") -> TimeExpression:
    return TimeExpression(start=10, end=19, text="x", type=kind, value=value)  # type: ignore[arg-type]


def test_duration_counted_forward_only_in_a_sentence_about_the_future() -> None:
    anchor = dt.date(2011, 9, 7)
    assert edtf.from_timex(_timex("P18M", "DURATION"), "We expect to be re-inspected in ", anchor) == "2013-03~"
    assert edtf.from_timex(_timex("P2Y", "DURATION"), "Rated inadequate for the second time in ", anchor) is None


def test_seasons_and_quarters_become_intervals() -> None:
    assert edtf.from_timex(_timex("2010-SP"), "", None) == "2010-03/2010-05"
    assert edtf.from_timex(_timex("2010-WI"), "", None) == "2010-12/2011-02"
    assert edtf.from_timex(_timex("2011-Q3"), "", None) == "2011-07/2011-09"


def test_vague_references_give_no_date() -> None:
    assert edtf.from_timex(_timex("PRESENT_REF"), "", dt.date(2011, 9, 7)) is None


def test_one_year_holds_values_of_one_year_only() -> None:
    assert edtf.one_year({"2009-05", "2009-11"}) == "2009"
    assert edtf.one_year({"2009-12", "2010-01"}) is None
    assert edtf.one_year({"2009-05", None}) is None


def test_interval_needs_two_known_dates_in_order() -> None:
    assert edtf.interval("2013-09-16", "2013-09-27") == "2013-09-16/2013-09-27"
    assert edtf.interval("2013-09-27", "2013-09-16") is None
    assert edtf.interval("XXXX-01", "XXXX-02") is None


def test_the_container_of_dates_is_their_one_value_or_their_month() -> None:
    assert edtf.container({"2013-04-02", "2013-04-29"}) == "2013-04"
    assert edtf.container({"2013-04-30~", "2013-04-12~"}) == "2013-04"  # the week up to each day
    assert edtf.container({"2013-04-01~", "2013-04-30~"}) == "2013-04~"  # news of April, the first week reaching into March
    assert edtf.container({"2013-04-01~", "2013-05-01~"}) == "2013-04/2013-05"  # news of April or May
    assert edtf.container({"2013-04-01~", "2013-06-01~"}) is None
    assert edtf.container({"2013-04"}) == "2013-04"
    assert edtf.container({"2013-04-30", "2013-05-01"}) == "2013-04/2013-05"  # two months running into each other
    assert edtf.container({"2013-04-30", "2013-06-01"}) is None  # a year would hold them, but says too little
    assert edtf.container({"2013-04-30", None}) is None


def test_a_stretch_after_a_date_keeps_the_precision_the_two_allow() -> None:
    assert edtf.shifted("2018-10", "P3M") == "2019-01"
    assert edtf.shifted("2015-03-03", "P5W") == "2015-04-04/2015-04-10"  # weeks are counted loosely
    assert edtf.shifted("2018-10-23", "P3M") == "2019-01"
    assert edtf.shifted("2015-03", "P5W") == "2015-04-02/2015-05-08"
    assert edtf.shifted("2012", "P2Y") == "2014"
    assert edtf.shifted("2013-01-31", "P10D") == "2013-02-10"
    assert edtf.shifted("XXXX-03", "P1M") is None


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2011-09-07", "2011-09-07", "2011-09-07"),
        ("2011-09", "2011-09-01", "2011-09-30"),
        ("2012", "2012-01-01", "2012-12-31"),
        ("2011-W36", "2011-09-05", "2011-09-11"),
        ("2011-06/2011-08", "2011-06-01", "2011-08-31"),
        ("2013-03~", "2013-03-01", "2013-03-31"),
        ("XXXX-03", None, None),
        (None, None, None),
    ],
)
def test_bounds_are_the_iso_days_a_date_covers(value: str | None, first: str | None, last: str | None) -> None:
    assert edtf.bounds(value) == (first, last)


def test_bounds_sort_chronologically_where_edtf_text_does_not() -> None:
    values = ["2011-12", "2011-W36", "2011-03~", "2011-10-02"]
    assert sorted(values) != sorted(values, key=edtf.sort_key)
    assert sorted(values, key=edtf.bounds) == sorted(values, key=edtf.sort_key)
