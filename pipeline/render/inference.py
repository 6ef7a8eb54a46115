"""How the archive dated an article, in words for `chronicle explain --archive`: the window it
was published in and, for each date learnt from other articles, which articles decided it."""
from __future__ import annotations

from rich.text import Text

from models.edtf import humanise
from models.records import ArticleSummary, Chronology, DateSource, Source


def dating_chain(article: ArticleSummary, chronology: Chronology) -> Text:
    """The reasoning behind an article's dates ("undated; published after 1 April 2012"; "its
    inspection (…): April 2012, from what “…”, 31 May 2012 tells"), or why there is none."""
    articles = {summary.id: summary for summary in chronology.articles}
    lines = [_dated_line(article)]
    for block in chronology.councils:
        for event in block.events:
            for source in event.sources:
                if source.article == article.id and source.date_basis == "inferred":
                    lines.append(_inferred_line(event.type, source, articles))
    return Text("\n".join(lines))


def _dated_line(article: ArticleSummary) -> str:
    if article.published and article.date_source != DateSource.INFERRED:
        return f"dated {humanise(article.published)} ({article.date_source.value})"
    if article.published:
        return f"undated; the archive pins its publication to {humanise(article.published)}"
    if not article.window:
        return "undated; nothing in it or in the archive bounds when it appeared"
    after, _, before = article.window.partition("/")
    bounds = [f"after {humanise(after)}" if after != ".." else "", f"before {humanise(before)}" if before != ".." else ""]
    return "undated; published " + " and ".join(bound for bound in bounds if bound)


def _inferred_line(kind: str, source: Source, articles: dict[str, ArticleSummary]) -> str:
    deciders = "; ".join(_cited(articles[name]) for name in source.inferred_from if name in articles)
    return f"its {kind.replace('_', ' ')} (“{source.sentence[:70]}…”): {humanise(source.date)}, from what {deciders} tells"


def _cited(article: ArticleSummary) -> str:
    published = humanise(article.published) if article.published else "undated"
    return f"“{article.title or article.path}”, {published}"
