"""Dating the undated articles of a build, once every article is read (`pipeline.merge.dating`).

Rounds over the whole archive: each undated article's year-unknown mentions are linked to the
facts other articles give; an article whose window moved is read again and extracted on the
window's two ends, and the date both ends agree on, or the month that holds what each gives,
is taken, marked inferred. The new dates are facts for the next round. Articles are re-read
from their files, since the workspace keeps no text; this costs one or two extractions for
each undated article that something dates (run by the build's engine, all of a round's at
once: `pipeline.engine.anchored`), and nothing for a dump whose articles all carry a date.
"""
from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from models import edtf
from models.records import ArticleSummary, DateSource, EventMention
from pipeline.engine.anchored import AnchorTask, extract_on_anchors
from pipeline.engine.cache import MentionCache
from pipeline.engine.engines import Engine, LocalEngine
from pipeline.engine.workspace import Workspace
from pipeline.ingest.formats.stream import STDIN
from pipeline.ingest.inputs import ReadOptions
from pipeline.merge.dating import (
    Fact,
    FactIndex,
    FactsByKind,
    Link,
    Window,
    changed_facts,
    facts_of,
    facts_to_look_at,
    index_facts,
    link,
    may_link,
    narrowed,
    windowed_facts,
)

RESOLVED_KEPT = 65536
"""Sentences tried on publication days: a few hundred days for each of a few candidate events."""
NARROW_WINDOW_DAYS = 334
"""Up to this a window's two ends can agree on some date they resolve (a bare month other than
the one that made a year-long window); at a year or more they agree on none, so the article is
not extracted again."""
MAX_ROUNDS = 6
"""Chains in real dumps are short (A dates B, B dates C); the rounds stop as soon as nothing changes."""


@dataclass
class OpenArticle:
    """One article the archive may date (undated, or telling an event only as what another came after) and what the rounds have made of it so far."""

    seq: int
    summary: ArticleSummary
    original: list[EventMention]
    own: Window
    window: Window
    links: list[Link] = field(default_factory=list)
    found: dict[int, Link] = field(default_factory=dict)
    """What linking each original mention (by index) found on `linked_on`, before `narrowed` kept some."""
    linked_on: Window | None = None
    mentions: list[EventMention] = field(default_factory=list)
    anchored: dict[dt.date, list[EventMention]] = field(default_factory=dict)
    """Its mentions extracted on a publication day, by day."""
    told: list[Fact] = field(default_factory=list)
    """What it tells other articles (`_facts`) with its present window and mentions."""

    @property
    def changed(self) -> bool:
        return self.mentions != self.original or self.window != self.own


@contextmanager
def _cyclic_collection_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the pass. The pass holds every open article's
    mentions and facts to its end, and each full collection went through all of them (and the
    whole of spaCy) again: a fifth of the pass's time on the 10,000-article bench
    (`bench/dating.py`). What the pass frees is still freed at once, by reference counting; what
    it leaves in cycles (3,000 objects on that bench) waits for the collector's next run."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@_cyclic_collection_paused()
def date_undated(workspace: Workspace, options: ReadOptions, cache: MentionCache | None = None,
                 engine: Engine | None = None) -> list[str]:
    """Infer what the archive pins of its undated articles, and file it; the publication days
    it pinned (of articles that are now dated). The articles a round narrows are extracted again
    by `engine` (this process when none is given)."""
    engine = engine or LocalEngine()
    cache_dir = cache.path.parent if cache and engine.workers_share_disk else None
    undated = [_open(row) for row in workspace.undated_articles()]
    if not undated:
        return []
    councils = {mention.council for one in undated for mention in one.original}
    # Events that dated articles tell only as what another came after, in these councils: other
    # articles may date them (elsewhere the dated articles already have).
    undated += [_open(row) for row in workspace.bounded_articles(councils)]
    stated = [fact for article, mentions in workspace.dated_mentions(councils) for fact in facts_of(article, mentions)]
    for one in undated:
        one.told = _facts(one)
    changed: FactsByKind | None = None  # the first round links every article
    for _ in range(MAX_ROUNDS):
        facts = index_facts(stated + [fact for one in undated for fact in one.told])
        narrow = _narrow_already(undated) if changed is None else set()
        linked = _relinked_and_extracted(undated, facts, changed, options, cache, cache_dir, engine, narrow)
        if not linked:
            break
        changed = _retold(linked)
    pinned = []
    for one in undated:
        if one.changed:
            summary = _summary(one)
            workspace.replace_article(one.seq, summary, one.mentions)
            if summary.published and not one.summary.published:
                pinned.append(summary.published)
    return pinned


def _retold(linked: list[tuple[OpenArticle, list[EventMention]]]) -> FactsByKind:
    """Date the linked articles' mentions, and what they tell other articles again; the facts
    that changed, by council and type. Only a linked article's window and mentions change, so only its
    facts can."""
    told = []
    for one, mentions in linked:
        one.mentions = _redated(one, mentions)
        told.append((one.told, _facts(one)))
        one.told = told[-1][1]
    return changed_facts(told)


def _narrow_already(undated: list[OpenArticle]) -> set[int]:
    """The articles whose own window is narrow enough to resolve their dates on (a URL's month,
    /2016/12/): the first round reads them on its ends, as it does the ones a link moved."""
    return {one.seq for one in undated if _anchors(one, one.original)}


def _concerned(one: OpenArticle, changed: FactsByKind | None) -> Iterable[int]:
    """The article's mentions (by index) that a fact added or dropped since its last linking may
    link to (`may_link`): only theirs can move while its window stays; all when the window moved
    (or on the first round: `changed` None). A round that dates one council's reports relinks
    only the mentions of such a report (of a rating and people it can be, within reach of the
    window), or of an event told as a stretch after one. On a 3,000-article archive of
    `bench/dating.py` that is 20,400 links in all where relinking every mention of an article
    that council and type alone concerned made 37,800."""
    if changed is None or one.linked_on != one.window:
        return range(len(one.original))
    return [index for index, mention in enumerate(one.original)
            if any(may_link(mention, one.summary.id, one.window, fact) for fact in facts_to_look_at(mention, changed))]


def _own_window(summary: ArticleSummary) -> Window:
    """What an article says of its own date: its day when it has one, else its window."""
    if summary.published:
        day = dt.date.fromisoformat(summary.published)
        return Window(day, day)
    return Window.parse(summary.window)


def _open(row: tuple[int, ArticleSummary, list[EventMention]]) -> OpenArticle:
    seq, summary, mentions = row
    return OpenArticle(seq, summary, mentions, _own_window(summary), _own_window(summary), mentions=mentions)


def _facts(one: OpenArticle) -> list[Fact]:
    """What an open article tells other articles: the dates its words state with their years
    ("sacked by a panel on 8 December 2008") and those inferred for it, and the events its window places."""
    return facts_of(one.summary.id, one.mentions) + windowed_facts(one.summary.id, one.mentions, one.window, resolved)


def _relinked(one: OpenArticle, facts: FactIndex, changed: FactsByKind | None) -> bool:
    """Link the article's mentions that may move again (`_concerned`); whether its window or links moved."""
    concerned = _concerned(one, changed)
    if not concerned:
        return False
    for index in concerned:
        found = link(index, one.original[index], one.summary.id, one.window, facts, resolved, one.original)
        if found:
            one.found[index] = found
        else:
            one.found.pop(index, None)
    one.linked_on = one.window
    window, kept = narrowed(one.own, list(one.found.values()))
    if window == one.window and kept == one.links:
        return False
    one.window, one.links = window, kept
    return True


def _relinked_and_extracted(articles: Iterable[OpenArticle], facts: FactIndex, changed: FactsByKind | None,
                            options: ReadOptions, cache: MentionCache | None, cache_dir: Path | None,
                            engine: Engine, narrow: set[int]) -> list[tuple[OpenArticle, list[EventMention]]]:
    """Link the articles again (the mentions that the facts `changed` since may move), and
    extract those whose window or links moved (and those of `narrow`) on the ends of their
    windows not tried before (by the engine); each such article with its mentions with what its
    links date. An article's extractions are sent as soon as it is linked, so the
    workers extract while this process links the rest: one waited for the other, and each took
    about as long (`bench/dating.py`)."""
    moved: list[tuple[OpenArticle, list[EventMention]]] = []

    def wanted() -> Iterator[tuple[tuple[OpenArticle, dt.date], AnchorTask]]:
        for one in articles:
            if not _relinked(one, facts, changed) and one.seq not in narrow:
                continue
            linked = _linked(one)
            moved.append((one, linked))
            for anchor in _anchors(one, linked):
                if anchor not in one.anchored:
                    task = AnchorTask(one.summary.path.split("#", 1)[0], one.summary.id, anchor.isoformat(), options, cache_dir,
                                      _left_undated(one))
                    yield (one, anchor), task

    for (one, anchor), mentions in extract_on_anchors(engine, wanted(), cache):
        one.anchored[anchor] = mentions
    return moved


def _anchors(one: OpenArticle, linked: list[EventMention]) -> list[dt.date]:
    """The days to extract an article on: its window's ends, when the window is narrow enough
    for them to agree on a date and a mention is still undated (standard input cannot be read twice)."""
    still_unknown = any(not edtf.parse(mention.date).known for mention in linked)
    if one.summary.published or one.summary.path == STDIN or not still_unknown or not one.window.within(NARROW_WINDOW_DAYS):
        return []
    return sorted({one.window.after, one.window.before})  # type: ignore[type-var]


def _left_undated(one: OpenArticle) -> frozenset[int]:
    """Where the events the article's first reading left undated are told (their sentences'
    starts): all of it that an extraction on a day can date (`_redated` reads no other)."""
    return frozenset(mention.source.start for mention in one.original if not edtf.parse(mention.date).known)


def _linked(one: OpenArticle) -> list[EventMention]:
    """The article's mentions with the dates its links give."""
    sources = _sources(one)
    mentions = list(one.original)
    for found in one.links:
        if found.date:
            mentions[found.index] = _with_date(mentions[found.index], found.date, sources)
    return mentions


def _sources(one: OpenArticle) -> list[str]:
    return sorted({article for found in one.links for article in found.sources})


def _redated(one: OpenArticle, linked: list[EventMention]) -> list[EventMention]:
    """The article's mentions with what its links (`linked`) and its window now date: what both
    ends of the window give (`edtf.container`), or for words of the mention's own ("resigned last
    month") the year that holds both; a dateless mention's publication month says nothing of it."""
    mentions = list(linked)
    runs = [_by_place(one.anchored[anchor]) for anchor in _anchors(one, linked)]
    if not runs:
        return mentions
    sources = _sources(one)
    for index, mention in enumerate(mentions):
        if edtf.parse(mention.date).known:
            continue
        told = {run[_place(mention)].date if _place(mention) in run else None for run in runs}
        date = edtf.container(told) or (edtf.one_year(told) if mention.date_text else None)
        if edtf.parse(date).known:
            mentions[index] = _with_date(mention, date, sources)  # type: ignore[arg-type]
    return mentions


def resolved(mention: EventMention, published: dt.date) -> str | None:
    """The date the mention's own words give had its article been published on `published`."""
    return _resolved(mention.source.sentence, mention.date_text or "", published)


@lru_cache(maxsize=RESOLVED_KEPT)
def _resolved(sentence: str, words: str, published: dt.date) -> str | None:
    # imported only when an undated article's words are tried (the tagger and dating need no spaCy)
    from pipeline.extract.event_dates import event_date
    from pipeline.timex.tagger import tag

    for expression in tag(sentence, published):
        if expression.text == words:
            return event_date(expression, sentence[: expression.start], published)
    return None


def _with_date(mention: EventMention, date: str, sources: list[str]) -> EventMention:
    source = mention.source.model_copy(update={"date": date, "date_basis": "inferred", "inferred_from": sources})
    return mention.model_copy(update={"date": date, "source": source})


def _place(mention: EventMention) -> tuple:
    """What identifies a mention across extractions of one article on different anchors."""
    return mention.type, mention.council, mention.source.start, mention.trigger


def _by_place(mentions: list[EventMention]) -> dict[tuple, EventMention]:
    return {_place(mention): mention for mention in mentions}


def _summary(one: OpenArticle) -> ArticleSummary:
    if one.summary.published:
        return one.summary
    update: dict = {"window": one.window.edtf()}
    if one.links:
        update["date_source"] = DateSource.INFERRED
    if one.window.pinned:
        update["published"] = one.window.pinned.isoformat()
    return one.summary.model_copy(update=update)
