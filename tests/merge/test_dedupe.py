"""Dedupe: one real-world event per cluster of mentions."""
from __future__ import annotations

import random

import pytest

from models.records import EventMention, Person, Source
from pipeline.merge import dedupe
from pipeline.merge.dedupe import Cluster, cluster


def mention(date: str | None, article: str = "a", *, people: tuple[str, ...] = (), kind: str = "inspection",
            dated: bool = True, status: str = "occurred") -> EventMention:
    return EventMention(
        type=kind,
        council="Medway Council",
        date=date,
        status=status,  # type: ignore[arg-type]
        people=[Person(name=name) for name in people],
        confidence=0.8,
        trigger="t",
        date_text="when" if dated else None,
        source=Source(article=article, path=f"{article}.txt", sentence="s", start=len(date or ""), end=9),
    )


def test_same_event_told_at_two_precisions_is_one_with_the_precise_date() -> None:
    [event] = cluster([mention("2012-01", "a"), mention("2012-01-16", "b")])
    assert event.date == "2012-01-16"
    assert event.articles == {"a", "b"}


def test_different_months_are_different_events() -> None:
    assert len(cluster([mention("2012-01"), mention("2012-07")])) == 2


def test_unknown_year_month_joins_the_one_event_it_fits() -> None:
    [event] = cluster([mention("2010-03", "a"), mention("XXXX-03", "b")])
    assert event.date == "2010-03"


def test_unknown_year_month_fitting_two_events_stays_apart() -> None:
    assert len(cluster([mention("2010-03", "a"), mention("2011-03", "b"), mention("XXXX-03", "c")])) == 3


def test_different_people_do_not_merge() -> None:
    events = cluster([mention("2012-03", people=("Ann Smith",), kind="resignation"),
                      mention("2012-03", "b", people=("Joe Bloggs",), kind="resignation")])
    assert len(events) == 2


def test_an_unknown_date_naming_someone_else_does_not_join_the_only_event() -> None:
    events = cluster([mention("2019", people=("Rob Hale",), kind="appointment"),
                      mention("XXXX", people=("Cathy Ng",), kind="appointment", dated=False)])
    assert len(events) == 2


def test_news_of_the_day_does_not_join_the_event_of_years_before_its_article_recalls() -> None:
    recalled = mention("2012-03", "a", kind="inspection_report")
    news = mention("2017-01-10~", "a", kind="inspection_report", dated=False).model_copy(update={"news": True})
    assert len(cluster([recalled, news])) == 2


def test_same_person_a_month_apart_is_one_event_with_the_disagreement_kept() -> None:
    [event] = cluster([mention("2012-03", people=("Ann Smith",), kind="resignation"),
                       mention("2012-04", "b", people=("Ann Smith",), kind="resignation")])
    assert event.disagreeing_dates == ["2012-04"]


def test_undated_mention_joins_the_event_its_article_dates() -> None:
    [event] = cluster([mention("2014-01", "a", kind="inspection_report"),
                       mention("2014-02", "a", kind="inspection_report", dated=False)])
    assert event.date == "2014-01"


def test_undated_mention_does_not_join_the_event_of_years_before_its_article_recalls() -> None:
    recalled = mention("2012", "a", kind="inspection_report")
    told_now = mention("2016-03", "a", kind="inspection_report", dated=False)  # "They rated the authority inadequate"
    assert sorted(event.date for event in cluster([recalled, told_now])) == ["2012", "2016-03"]


def test_undated_mention_of_a_person_points_back_not_forward() -> None:
    earlier = [mention("2012-03", "a", people=("Graham Pettifer",), kind="secondment"),
               mention("2012-10", "b", people=("Graham Pettifer",), kind="secondment", dated=False)]
    assert len(cluster(earlier)) == 1
    later = [mention("2011-03", "a", people=("Fiona March",), kind="appointment"),
             mention("2010-06", "b", people=("Fiona March",), kind="appointment", dated=False)]
    assert len(cluster(later)) == 2


def test_announced_event_joins_the_event_that_happens_within_months() -> None:
    [event] = cluster([mention("2015-11", "a", kind="intervention", dated=False, status="expected"),
                       mention("2016-02", "b", kind="intervention")])
    assert event.date == "2016-02"


def test_syndicated_copy_tells_its_originals_story() -> None:
    events = cluster([mention("2015-10-01", "a", kind="intervention"),
                      mention("XXXX", "copy", kind="intervention", dated=False),
                      mention("2014-10", "c", kind="intervention")], origins={"copy": "a"})
    assert sorted(e.date for e in events) == ["2014-10", "2015-10-01"]


VARIED_DATES = ("2012-01-16", "2012-01", "2012", "2012-W03", "2012-12-30", "2013-01-02", "2012-12/2013-02",
                "2012-22", "2013-03~", "XXXX-01", "XXXX-12", "XXXX", None, "201X", "2011-11", "2013-06")


def _varied_mentions(seed: int, count: int) -> list[EventMention]:
    """Mentions of one council and type at every kind of date, some sharing people or stories."""
    chosen = random.Random(seed)
    return [
        mention(chosen.choice(VARIED_DATES), chosen.choice("abcdefg"), kind="resignation",
                people=tuple(chosen.sample(("Ann Smith", "Joe Bloggs", "Fiona March"), chosen.randint(0, 2))),
                dated=chosen.random() < 0.7, status=chosen.choice(("occurred", "expected")))
        .model_copy(update={"news": chosen.random() < 0.2})
        for _ in range(count)
    ]


def _told(events: list[Cluster]) -> list[tuple]:
    return [(e.date, [(m.source.article, m.date, m.date_text, m.status) for m in e.mentions]) for e in events]


@pytest.mark.parametrize("seed", range(20))
def test_index_finds_the_events_asking_every_event_finds(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    mentions, origins = _varied_mentions(seed, 60), {"g": "a"}
    indexed = _told(cluster(mentions, origins))
    monkeypatch.setattr(dedupe._Index, "candidates", lambda index, _: list(index.clusters))
    assert indexed == _told(cluster(mentions, origins))
