"""Chronology: merged events, per council, in date order (undated last), ready to render.

Everything a renderer shows is decided here (summary, people, attributes, confidence,
order, ids), so every output format tells the same story.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

from models import edtf
from models.records import (
    Article,
    ArticleSummary,
    Attributes,
    CouncilChronology,
    Event,
    EventMention,
    Person,
    Source,
)
from pipeline.merge.dedupe import Cluster

CORROBORATION_BONUS = 0.05
"""Each further independent source adds a little confidence; capped at 1."""

TYPE_WORDS = {
    "inspection": "Inspection",
    "inspection_report": "Inspection report",
    "improvement_notice": "Improvement notice",
    "statutory_direction": "Statutory direction",
    "intervention": "Government intervention",
    "resignation": "Resignation",
    "departure": "Departure",
    "appointment": "Appointment",
    "secondment": "Secondment",
    "review": "Review ordered",
}


def council_chronology(council: str, clusters: Iterable[Cluster], origins: Mapping[str, str]) -> CouncilChronology:
    """One council's events in date order, and apart from them those with no date at all
    (`placed`); `origins` as for `to_event`."""
    events = sorted((to_event(cluster, origins) for cluster in clusters), key=_event_order)
    return CouncilChronology(council=council, events=[event for event in events if placed(event)],
                             undated=[event for event in events if not placed(event)])


def placed(event: Event) -> bool:
    """Whether the event has a place in time: a year, or at least a month ("XXXX-03", which
    another source may date). "XXXX" says only that something happened once: a chronology has
    no row for it, and most such mentions are history told without a date."""
    span = edtf.parse(event.date)
    return span.known or span.month is not None


def _event_order(event: Event) -> tuple:
    return edtf.sort_key(event.date), event.type, event.id


def to_event(cluster: Cluster, origins: Mapping[str, str] | None = None) -> Event:
    """One event from a cluster; `origins` maps a syndicated copy's article id to its original's,
    so that copies of one story count once as corroboration."""
    mentions = cluster.mentions
    first = mentions[0]
    people = merge_people(mentions)
    in_reading_order = sorted(mentions, key=_reading_order)
    attributes = merge_attributes(in_reading_order)
    sources = list({_source_key(m.source): m.source for m in in_reading_order}.values())
    origins = origins or {}
    independent = len({origins.get(m.source.article, m.source.article) for m in mentions})
    confidence = min(1.0, max(m.confidence for m in mentions) + CORROBORATION_BONUS * (independent - 1))
    status = "expected" if all(m.status == "expected" for m in mentions) else "occurred"
    return Event(
        id=event_id(first.council, first.type, cluster.date, sources),
        type=first.type,
        date=cluster.date,
        status=status,
        summary=summary(first.type, people, attributes),
        people=people,
        attributes=attributes,
        confidence=round(confidence, 2),
        alternative_dates=cluster.disagreeing_dates,
        sources=sources,
        **_date_basis(cluster),
    )


def _date_basis(cluster: Cluster) -> dict:
    """An event's date is inferred when no source states a date with a year: then the articles
    that decided the inferred dates are named."""
    if not edtf.parse(cluster.date).known:
        return {}
    if any(m.source.date_basis == "stated" and edtf.parse(m.date).known for m in cluster.mentions):
        return {}
    return {"date_basis": "inferred",
            "inferred_from": sorted({article for m in cluster.mentions for article in m.source.inferred_from})}


def _source_key(source: Source) -> tuple:
    return source.published or "9999", source.path, source.start


def _reading_order(mention: EventMention) -> tuple:
    return _source_key(mention.source)


def event_id(council: str, kind: str, date: str | None, sources: list[Source]) -> str:
    """Stable across runs: same council, type, date and citing sentences, same id."""
    digest = hashlib.sha1(f"{council}|{kind}|{date}".encode())
    for source in sources:
        digest.update(f"|{source.article}:{source.start}".encode())
    return digest.hexdigest()[:12]


def merge_people(mentions: list[EventMention]) -> list[Person]:
    """Everyone named, once each, with the fullest role any source gives."""
    merged: dict[str, Person] = {}
    for mention in mentions:
        for person in mention.people:
            known = merged.get(person.name)
            if known is None or (person.role and not known.role):
                merged[person.name] = person
    return sorted(merged.values(), key=lambda p: p.name)


def merge_attributes(mentions: list[EventMention]) -> Attributes:
    """The first rating and kind (`mentions` are in reading order: a story leads with its verdict),
    every inspectorate."""
    return Attributes(
        rating=next((m.attributes.rating for m in mentions if m.attributes.rating), None),
        inspection_kind=next((m.attributes.inspection_kind for m in mentions if m.attributes.inspection_kind), None),
        inspectorates=sorted({name for m in mentions for name in m.attributes.inspectorates}),
    )


def summary(kind: str, people: list[Person], attributes: Attributes) -> str:
    """One line in words: what happened, to whom, with what result."""
    parts = [TYPE_WORDS.get(kind, kind)]
    if attributes.inspection_kind:
        parts[0] = f"{parts[0]} ({attributes.inspection_kind})"
    if people:
        parts.append(", ".join(f"{p.name} ({p.role})" if p.role else p.name for p in people))
    if attributes.rating:
        rating = attributes.rating
        parts.append(rating if rating.startswith("no longer") else f"rated {rating}")
    if attributes.inspectorates:
        parts.append("by " + " and ".join(attributes.inspectorates))
    text = ": ".join(parts[:2]) + ("; " + "; ".join(parts[2:]) if len(parts) > 2 else "")
    return text


def summarise(article: Article, copy_of: str | None = None, window: str | None = None) -> ArticleSummary:
    """What the chronology lists of an article; `copy_of` is the article it syndicates, if any,
    and `window` the days an undated article can have been published on."""
    return ArticleSummary(
        id=article.id,
        path=article.path,
        title=article.title,
        publisher=article.publisher,
        url=article.url,
        published=article.published,
        date_source=article.date_source,
        window=None if article.published else window,
        copy_of=copy_of,
    )
