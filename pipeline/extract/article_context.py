"""What every sentence of one article shares while its events are read."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from models.records import Article, TimeExpression
from pipeline.extract import people


@dataclass(frozen=True)
class ArticleContext:
    """What every sentence of one article shares."""

    article: Article
    doc: Doc
    text: str
    """The doc's text, read once (`timex.text_of`)."""
    sentences: list[Span]
    """The doc's sentences, listed once (spaCy walks every token for `doc.sents`)."""
    timexes: list[TimeExpression]
    """The doc's time expressions (`doc._.timexes`), read once."""
    anchor: dt.date | None
    cast: people.Cast
    quoted: list[tuple[int, int]]
    councils: list[Span]
    """Council mentions, less those that are part of a person's name ("Philippa Harrow")."""
    distractors: set[int]
    """Token starts of council mentions that name a comparison or a previous employer."""
    main_council: str | None
    roundup: bool = False
    """Whether the article is a roundup whose paragraphs each tell of another council (see
    `attribution.is_roundup`): there a sentence naming none is about its paragraph's council."""
