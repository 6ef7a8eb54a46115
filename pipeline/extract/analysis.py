"""The NLP of one article: the parts cleaning keeps, the analysed text, the event mentions and
the syndication signature.

`pipeline.engine.build` runs this in its worker processes, for articles the mention cache does not
hold. It is a module of its own so that the process running a build, which lists inputs and
collects results, never imports spaCy, the date tagger or the extractors; on a re-run that
analyses a handful of new articles that import was a tenth of the time.
"""
from __future__ import annotations

from spacy.tokens import Doc

from models.records import Article, Extracted
from pipeline.extract import events, nlp
from pipeline.ingest import clean, pubdate
from pipeline.merge import syndication
from pipeline.timex.tagger import text_of


def analyse_article(article: Article) -> tuple[list[clean.Block], Doc]:
    """The kept parts of an article and its analysed (masked) text: what `extract_article` reads
    events from, and what `chronicle explain` shows."""
    blocks = clean.clean(article.text)
    return blocks, nlp.analyse(clean.mask(article.text, blocks), pubdate.anchor(article.published))


def extract_article(article: Article) -> Extracted:
    """Every event mention in one article, and the signature its syndicated copies would share."""
    _, doc = analyse_article(article)
    return Extracted(mentions=events.extract(article, doc), signature=syndication.signature(text_of(doc)))
