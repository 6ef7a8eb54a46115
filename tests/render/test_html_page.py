"""The timeline page: self-contained, every event and source shown at its precision, the
table's colours, print styles, article text made inert, and (in headless Chromium, when it is
installed) a page that renders and holds every event of sample_articles/."""
from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rich.style import Style
from typer.testing import CliRunner

from cli.main import app
from pipeline.render import render_text
from pipeline.render.html_page import SCRIPT
from pipeline.render.table import TYPE_COLOURS
from tests.paths import SAMPLES
from tests.render_fixtures import sample, sample_view

CHROMIUM_TIMEOUT = 120
"""Seconds for one headless Chromium run: 2-5 s here, far more on a loaded 2-core machine."""


class Page(HTMLParser):
    """What a browser would build of a page: its elements with their attributes, its text and
    its scripts."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)

    def ids(self, prefix: str) -> set[str]:
        return {attrs["id"][len(prefix):] for _, attrs in self.elements if (attrs.get("id") or "").startswith(prefix)}

    def hrefs(self) -> list[str]:
        return [attrs["href"] or "" for tag, attrs in self.elements if "href" in attrs]


def test_page_has_a_section_per_council_and_every_event() -> None:
    page = Page(render_text("html", sample_view()))
    chronology = sample()
    assert page.ids("event-") == {event.id for block in chronology.councils for event in block.told()}
    assert page.ids("council-") == {"1", "2", "picker"}
    assert [attrs.get("value") for tag, attrs in page.elements if tag == "option"] == ["all"]  # the script adds the rest


def test_dates_keep_their_precision_and_disagreements_are_shown() -> None:
    text = " ".join(Page(render_text("html", sample_view())).text)
    for words in ("7 September 2011", "expected about March 2013", "week of 5 September 2011",
                  "June 2011 – August 2011", "March (year unknown)", "date unknown"):
        assert words in text
    assert "February 2011 (CYP Now) / March 2011 (Community Care)" in text
    assert text.count("Sources disagree on the date.") == 1


def test_every_source_is_cited_and_its_web_address_linked() -> None:
    page = Page(render_text("html", sample_view()))
    assert page.hrefs() == ["https://example.org/a1"] * 2  # a1 tells two events
    text = " ".join(page.text)
    assert "“Story a2”, Community Care, 1 April 2011" in text and "A sentence." in text


def test_event_types_take_the_terminal_tables_colours() -> None:
    document = render_text("html", sample_view())
    for kind, style in TYPE_COLOURS.items():
        colour = Style.parse(style).color.get_truecolor().hex  # type: ignore[union-attr]
        assert f".type-{kind} {{ --type-colour: {colour}; }}" in document
    classes = {attrs.get("class") for _, attrs in Page(document).elements}
    assert "event type-inspection_report disputed" in classes and "event type-resignation" in classes


def test_page_needs_no_network_and_prints() -> None:
    document = render_text("html", sample_view())
    page = Page(document)
    assert not any("src" in attrs for _, attrs in page.elements)
    assert not any(tag in {"link", "iframe", "object", "embed", "img"} for tag, _ in page.elements)
    assert "@import" not in document and "url(" not in document
    assert "@media print" in document
    assert [script.strip() for script in page.scripts] == [SCRIPT.strip()]


HOSTILE = """---
title: <script>alert("title")</script> Torbay story
publisher: <img src=x onerror=alert(1)>
url: {url}
published: 2010-06-03
---
Torbay director suspended

Torbay Council has suspended its director of children's services, Richard Bowden, after an inspection in April found <b onmouseover=alert(2)>serious</b> weaknesses.
"""


def test_nothing_from_an_article_is_left_as_markup(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text(HOSTILE.format(url="javascript:alert(3)"), encoding="utf-8")
    (folder / "two.txt").write_text(HOSTILE.format(url='https://example.org/a"onmouseover="alert(4)'), encoding="utf-8")
    (folder / "<img src=y onerror=alert(5)>.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(folder), "--format", "html"])
    assert result.exit_code == 1, result.stderr  # the empty file is skipped, and listed on the page
    page = Page(result.stdout)
    assert {tag for tag, _ in page.elements} <= {"html", "head", "meta", "title", "style", "body", "header", "h1",
                                                  "h2", "p", "label", "select", "option", "main", "section", "ol",
                                                  "ul", "li", "div", "span", "a", "script"}
    assert not any(name.startswith("on") for _, attrs in page.elements for name in attrs)
    assert set(page.hrefs()) == {'https://example.org/a"onmouseover="alert(4)'}
    assert [script.strip() for script in page.scripts] == [SCRIPT.strip()]
    text = " ".join(page.text)
    for shown in ('<script>alert("title")</script>', "<img src=x onerror=alert(1)>", "javascript:alert(3)",
                  "<b onmouseover=alert(2)>serious</b>", "<img src=y onerror=alert(5)>"):
        assert shown in text


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def headless(browser: str, profile: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """One headless Chromium run with its own profile (runs beside it share none), no sandbox
    (CI runs as root, where Chromium's sandbox will not start)."""
    return subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         f"--user-data-dir={profile}", *arguments],
        capture_output=True, text=True, timeout=CHROMIUM_TIMEOUT, check=True,
    )


def test_chromium_renders_every_event_of_the_samples(tmp_path: Path) -> None:
    browser = chromium()
    if browser is None:
        pytest.skip("chromium is not installed (.ci/run installs Debian's where apt-get can)")
    page_path = tmp_path / "timeline.html"
    runner = CliRunner()
    built = runner.invoke(app, ["build", str(SAMPLES), "--format", "html", "-o", str(page_path), "--no-cache", "-q"])
    assert built.exit_code == 0, built.stderr
    as_json = json.loads(runner.invoke(app, ["build", str(SAMPLES), "--format", "json", "--no-cache", "-q"]).stdout)
    screenshot = tmp_path / "timeline.png"
    headless(browser, tmp_path / "profile", f"--screenshot={screenshot}", "--window-size=1100,1400", page_path.as_uri())
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 10_000
    dom = Page(headless(browser, tmp_path / "profile", "--dump-dom", page_path.as_uri()).stdout)
    assert ("html", {"lang": "en", "class": "js"}) in dom.elements  # the inline script ran
    events = {event["id"] for block in as_json["councils"] for event in block["events"] + block["undated"]}
    assert dom.ids("event-") == events
    options = [attrs.get("value") for tag, attrs in dom.elements if tag == "option"]
    assert options == ["all", *(f"council-{number}" for number in range(1, len(as_json["councils"]) + 1))]
    assert {text.strip() for text in dom.text} >= {block["council"] for block in as_json["councils"]}
