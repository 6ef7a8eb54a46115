"""A small hand-made Chronology for renderer and filter tests: every kind of date a renderer
must handle (day, month, year, approximate, week, interval, month of unknown year, and one
unknown, kept apart from the chronology's events),
a disagreement between two sources, and an expected event."""
from __future__ import annotations

from models.records import (
    ArticleSummary,
    Attributes,
    Chronology,
    CouncilChronology,
    Event,
    Person,
    Source,
)
from pipeline.render.view import ChronologyView


def source(article: str, publisher: str, published: str, date: str | None) -> Source:
    return Source(
        article=article, path=f"{article}.txt", title=f"Story {article}", publisher=publisher,
        published=published, date=date, sentence="A sentence.", start=0, end=11,
    )


def event(id: str, kind: str, date: str | None, *sources: Source, status: str = "occurred",
          alternatives: tuple[str, ...] = (), confidence: float = 0.9) -> Event:
    return Event(
        id=id, type=kind, date=date, status=status, summary=f"{kind} summary", confidence=confidence,
        people=[Person(name="Jo Bloggs", role="director of children's services")] if kind == "resignation" else [],
        attributes=Attributes(rating="inadequate") if kind == "inspection_report" else Attributes(),
        alternative_dates=list(alternatives), sources=list(sources),
    )


CYP = source("a1", "CYP Now", "2011-03-10", "2011-02")
CC = source("a2", "Community Care", "2011-04-01", "2011-03")
LGC = source("a3", "LGC", "2011-09-08", "2011-09-07")


def sample() -> Chronology:
    return Chronology(
        councils=[
            CouncilChronology(council="Medway Council", events=[
                event("e1", "inspection_report", "2011-02", CYP, CC, alternatives=("2011-03",)),
                event("e2", "resignation", "2011-09-07", LGC),
                event("e3", "inspection", "2013-03~", LGC, status="expected", confidence=0.5),
                event("e4", "review", "2011-06/2011-08", LGC),
                event("e5", "appointment", "2011-09-05/2011-09-11", LGC),
                event("e6", "departure", "XXXX-03", CYP),
            ]),
            CouncilChronology(council="Peterborough City Council", events=[
                event("e7", "improvement_notice", "2010", CC),
            ], undated=[event("e8", "intervention", "XXXX", CC)]),
        ],
        articles=[
            ArticleSummary(id="a1", path="a1.txt", publisher="CYP Now", published="2011-03-10",
                           url="https://example.org/a1", date_source="metadata"),
            ArticleSummary(id="a2", path="a2.txt", publisher="Community Care", published="2011-04-01", date_source="text"),
            ArticleSummary(id="a3", path="a3.txt", publisher="LGC", published="2011-09-08", date_source="metadata"),
        ],
        warnings=["broken.html: not UTF-8"],
    )


def sample_view() -> ChronologyView:
    """The sample as renderers and filters read it."""
    return ChronologyView.of(sample())
