"""Explain: why an article yields the events it does.

Shows the article as chronicle reads it (councils, time expressions and event triggers
highlighted; text the cleaner drops, such as furniture and captions, dimmed), then each event
mention with its reasons: the trigger, the date and the words it came from, the council and
whether the sentence names it, and the confidence. It runs the very functions `build` runs
(`analysis.analyse_article`, `events.extract`): there is no second extraction path to drift.
"""
from __future__ import annotations

from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.text import Text
from spacy.tokens import Doc

from models.edtf import humanise
from models.records import Article, EventMention
from pipeline.extract import events
from pipeline.extract.analysis import analyse_article
from pipeline.ingest.clean import Block
from pipeline.render.table import TYPE_COLOURS

COUNCIL_STYLE = "bold underline blue"
TIMEX_STYLE = "bold magenta"
DROPPED_STYLE = "dim"


@dataclass(frozen=True)
class Explanation:
    """An article, what the cleaner kept of it, its analysis, and the mentions read from it."""

    article: Article
    kept: list[Block]
    doc: Doc
    mentions: list[EventMention]


def explain(article: Article) -> Explanation:
    kept, doc = analyse_article(article)
    return Explanation(article=article, kept=kept, doc=doc, mentions=events.extract(article, doc))


def highlighted(explanation: Explanation) -> Text:
    """The article body with dropped text dimmed and each recognised span styled."""
    text = Text(explanation.article.text, style=DROPPED_STYLE)
    for block in explanation.kept:
        text.stylize("not dim", block.start, block.end)
    spans = explanation.doc.spans
    for span in spans["councils"]:
        text.stylize(COUNCIL_STYLE, span.start_char, span.end_char)
    for span in spans["timex"]:
        text.stylize(TIMEX_STYLE, span.start_char, span.end_char)
    for span in spans["triggers"]:
        text.stylize(f"bold reverse {TYPE_COLOURS.get(span.label_, '')}", span.start_char, span.end_char)
    return text


def reasons(explanation: Explanation) -> Group:
    """One numbered block per event mention: what was found and the words that made it so."""
    blocks = []
    for number, mention in enumerate(explanation.mentions, 1):
        colour = TYPE_COLOURS.get(mention.type, "")
        sentence = Text(mention.source.sentence)
        sentence.highlight_words([mention.trigger], style=f"bold reverse {colour}")
        blocks.append(Text.assemble(
            (f"{number}. {mention.type}", f"bold {colour}"), f" at {mention.council}, ",
            f"confidence {mention.confidence:.2f}\n",
            f"   trigger   “{mention.trigger}”\n",
            f"   date      {date_reason(mention)}\n",
            f"   council   {council_reason(explanation, mention)}\n",
            "   sentence  ", sentence, "\n",
        ))
    return Group(Text("Events and why", style="bold underline"), *blocks)


def date_reason(mention: EventMention) -> str:
    """The date and where it came from: the words in the sentence, or the publication month."""
    status = "expected " if mention.status == "expected" else ""
    source = f"from “{mention.date_text}”" if mention.date_text else "no date in the sentence: the publication month"
    return f"{status}{humanise(mention.date)} ({mention.date or 'unknown'}), {source}"


def council_reason(explanation: Explanation, mention: EventMention) -> str:
    """The council, and whether the sentence names it or it is the article's main council."""
    source = mention.source
    named = any(
        span.label_ == mention.council and source.start <= span.start_char < source.end
        for span in explanation.doc.spans["councils"]
    )
    return f"{mention.council}, {'named in the sentence' if named else 'the council the article is about'}"


def report(explanation: Explanation) -> RenderableType:
    """The whole explanation of one article, ready to print."""
    article = explanation.article
    published = humanise(article.published) if article.published else "undated"
    header = Text(f"{article.path}: “{article.title or 'untitled'}”, {article.publisher or 'publisher unknown'}, "
                  f"{published} (date from {article.date_source.value})", style="bold")
    legend = Text.assemble(
        ("council", COUNCIL_STYLE), "  ", ("date", TIMEX_STYLE), "  ", ("trigger", "bold reverse"), "  ",
        ("dropped by the cleaner", DROPPED_STYLE),
    )
    found = reasons(explanation) if explanation.mentions else Text("No events found.")
    return Group(header, legend, Text(""), highlighted(explanation), Text(""), found)
