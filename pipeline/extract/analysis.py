"""The NLP of one article: the parts cleaning keeps, the analysed text, the event mentions and
the syndication signature.

`pipeline.engine.build` runs this in its worker processes, for articles the mention cache does not
hold. It is a module of its own so that the process running a build, which lists inputs and
collects results, never imports spaCy, the date tagger or the extractors; on a re-run that
analyses a handful of new articles that import was a tenth of the time.
"""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from models import edtf
from models.records import Article, Extracted
from pipeline.extract import events, nlp
from pipeline.extract.article_context import ArticleContext
from pipeline.ingest import clean, pubdate
from pipeline.merge import dating, syndication
from pipeline.timex.resolve import tense_near
from pipeline.timex.component import doc_data, text_of


def analyse_article(article: Article) -> tuple[list[clean.Block], Doc]:
    """The kept parts of an article and its analysed (masked) text: what `extract_article` reads
    events from, and what `chronicle explain` shows."""
    blocks = clean.clean(article.text)
    return blocks, nlp.analyse(clean.mask(article.text, blocks), pubdate.anchor(article.published))


def extract_article(article: Article) -> Extracted:
    """Every event mention in one article, and the signature its syndicated copies would share."""
    _, doc = analyse_article(article)
    return _extracted(events.context_of(article, doc))


def extract_on_days(article: Article, days: list[str], sentences: frozenset[int] | None = None) -> list[Extracted]:
    """The article's extraction as if published on each of `days` (ISO dates), as dating needs
    for the two ends of an undated article's window: cleaned and analysed once, its time
    expressions tagged again for each further day (`nlp.reanchored`). With `sentences`, only
    their events (`events.extract_in`), and no signature: what dating reads of the article."""
    found: list[Extracted] = []
    for day in days:
        on_day = article.model_copy(update={"published": day})
        if not found:
            _, doc = analyse_article(on_day)
            context = events.context_of(on_day, doc)
        else:
            context = events.on_another_day(context, on_day, nlp.reanchored(context.doc, pubdate.anchor(day)))
        found.append(_extracted(context, sentences))
    return found


def _extracted(context: ArticleContext, sentences: frozenset[int] | None = None) -> Extracted:
    if sentences is not None:
        return Extracted(mentions=events.extract_in(context, sentences))
    return Extracted(
        mentions=events.extract_in(context),
        signature=syndication.signature(context.text),
        own_window=None if context.article.published else _own_window(context.doc, context.article),
    )


def _own_window(doc: Doc, article: Article) -> str | None:
    """The days an undated article can have appeared on, from the dates with a year it tells as
    past and as still to come (`dating.own_window`), the month its URL names and the day it was
    crawled, as an EDTF interval."""
    text = text_of(doc)
    told = [
        (value, tense_near(text, expression.start, expression.end) == "FUTURE")
        for expression in doc_data(doc, "timexes") or []
        if expression.type == "DATE"
        for value in [edtf.from_timex(expression, "", None)]
        if value
    ]
    told_window = dating.own_window(told)
    crawled = dating.Window(before=dt.date.fromisoformat(article.not_after)) if article.not_after else dating.Window()
    named = edtf.parse(pubdate.month_in_url(article.url))
    if named.known:  # the publisher's own month beats what the text seems to tell
        month = dating.Window(named.first, named.last)
        told_window = told_window.meet(month) or month
    return (told_window.meet(crawled) or told_window).edtf()  # a crawl before what it tells is not believed
