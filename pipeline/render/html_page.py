"""HTML: one self-contained page, a vertical timeline per council and a council picker.

The style sheet and the few lines of script are inline, so the page opens from a file with no
network; without the script every council is shown, with it the picker shows one (or all).
Printing (@media print) prints what is shown, without the picker, no council heading apart from
its first event, each event whole on its page, in the type colours. Event types take the terminal table's colours (`words.TYPE_COLOURS`,
turned into CSS through rich's own palette), so a reader moving between the two sees one key.

Text from articles is untrusted: every piece of it is escaped with `html.escape`, in text and
attributes alike, and a URL becomes a link only when it is http or https (as in Markdown).
"""
from __future__ import annotations

import html
from collections.abc import Iterator
from functools import partial

from rich.style import Style

from models.records import CouncilChronology, Event
from pipeline.render.view import ChronologyView
from pipeline.render.words import TITLE, TYPE_COLOURS, WEB_URL, UrlOf, event_when, read_line, source_line

STYLE = """
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem; line-height: 1.45; color: #1b1b1b; background: #fff; }
h1 { margin-bottom: .25rem; }
.read { color: #555; margin-top: 0; }
.picker { display: none; margin: 1rem 0; }
.js .picker { display: block; }
.picker select { font: inherit; padding: .2rem; }
.council { margin: 2rem 0; }
.timeline { list-style: none; margin: 0; padding: 0 0 0 1.25rem; border-left: 3px solid #d0d0d0; }
.event { position: relative; margin: 0 0 1.1rem; padding: .1rem 0 .1rem .9rem;
         border-left: 5px solid var(--type-colour, #888); break-inside: avoid; }
.event::before { content: ""; position: absolute; left: -2.05rem; top: .45rem; width: .75rem; height: .75rem;
                 border-radius: 50%; background: var(--type-colour, #888); border: 2px solid #fff; }
.when { font-weight: 600; }
.disputed .when { color: #8a1c1c; }
.dispute { margin: .1rem 0; font-size: .9rem; color: #8a1c1c; }
.what { margin: .1rem 0; }
.sources { margin: .3rem 0 0; padding-left: 1.2rem; font-size: .88rem; color: #3d3d3d; }
.sources a { overflow-wrap: anywhere; }
.sentence { display: block; font-style: italic; color: #555; }
.problems { color: #555; font-size: .9rem; }
@media print {
  .picker { display: none !important; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .council h2 { break-after: avoid; }
  a { color: inherit; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
SCRIPT = """
document.documentElement.classList.add("js");
var picker = document.getElementById("council-picker");
var sections = document.querySelectorAll("section.council");
sections.forEach(function (section) {
  var option = document.createElement("option");
  option.value = section.id;
  option.textContent = section.querySelector("h2").textContent;
  picker.appendChild(option);
});
function showChosen() {
  sections.forEach(function (section) {
    section.hidden = picker.value !== "all" && section.id !== picker.value;
  });
}
picker.addEventListener("change", showChosen);
showChosen();
"""
"""Fills the picker from the councils' headings (as text, never markup) and shows the chosen one.
It adds the class `js` first, which is what shows the picker: without the script the page
shows every council and no picker that cannot work."""


def to_html(view: ChronologyView) -> Iterator[str]:
    """The page, a council at a time, in one pass (the script fills the picker from the page)."""
    yield _head(view)
    for number, block in enumerate(view.councils(), 1):
        yield _section(number, block, view.url_of)
    if not view.totals.councils:
        yield "<p>No events found.</p>\n"
    if view.warnings:
        items = "".join(f"<li>{html.escape(warning)}</li>" for warning in view.warnings)
        yield f'<section class="problems"><h2>Inputs skipped or read with warnings</h2><ul>{items}</ul></section>\n'
    yield f"</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"


def _head(view: ChronologyView) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(TITLE)}</title>\n<style>{STYLE}{type_colours_css()}</style>\n</head>\n<body>\n"
        f"<header>\n<h1>{html.escape(TITLE)}</h1>\n<p class=\"read\">{html.escape(read_line(view))}</p>\n"
        '<p class="picker"><label for="council-picker">Council </label><select id="council-picker">'
        '<option value="all">All councils</option></select></p>\n</header>\n<main>\n'
    )


def type_colours_css() -> str:
    """A CSS rule per event type with the table's colour, as rich's palette renders it."""
    rules = []
    for kind, name in TYPE_COLOURS.items():
        style = Style.parse(name)
        rules.append(f".type-{kind} {{ --type-colour: {style.color.get_truecolor().hex}; }}")  # type: ignore[union-attr]
        if style.bold:
            rules.append(f".type-{kind} .what {{ font-weight: 700; }}")
    return "\n".join(rules) + "\n"


def _section(number: int, block: CouncilChronology, url_of: UrlOf) -> str:
    events = "".join(_event_item(event, url_of) for event in block.told())
    return (
        f'<section class="council" id="council-{number}">\n<h2>{html.escape(block.council)}</h2>\n'
        f'<ol class="timeline">\n{events}</ol>\n</section>\n'
    )


def _event_item(event: Event, url_of: UrlOf) -> str:
    """One event: its date at its precision (every source's when they disagree), what happened,
    and each article that tells it, with the sentences it tells it in."""
    classes = f"event type-{event.type}" + (" disputed" if event.alternative_dates else "")
    dispute = '<p class="dispute">Sources disagree on the date.</p>' if event.alternative_dates else ""
    told: dict[str, list[str]] = {}
    for source in event.sources:
        told.setdefault(HTML_SOURCE(source, url_of(source.article)), []).append(source.sentence)
    sources = "".join(f"<li>{citation}{''.join(map(_sentence, sentences))}</li>" for citation, sentences in told.items())
    return (
        f'<li class="{classes}" id="event-{html.escape(event.id)}">'
        f'<div class="when">{html.escape(event_when(event))}</div>{dispute}'
        f'<p class="what">{html.escape(event.summary)}</p><ol class="sources">{sources}</ol></li>\n'
    )


def _sentence(text: str) -> str:
    return f'<span class="sentence">{html.escape(text)}</span>'


def html_link(url: str) -> str:
    """A web address as a link; anything else (javascript:, data:, a path), as inert text."""
    escaped = html.escape(url)
    return f'<a href="{escaped}">{escaped}</a>' if WEB_URL.fullmatch(url) else escaped


HTML_SOURCE = partial(source_line, text=html.escape, link=html_link)
