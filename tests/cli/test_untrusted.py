"""Untrusted text stays inert: a dump of crafted files builds in every format with no control
character in any output, Markdown that builds nothing from the articles' text, CSV cells that
start no formula, special files skipped and metadata dates read as British press writes them."""
from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from cli.main import app
from pipeline.ingest.formats.text import parse_text_article
from pipeline.ingest.pubdate import normalise
from pipeline.ingest.safe import safe_article
from pipeline.render.csv_rows import FORMULA_START

FORMATS = ("table", "md", "json", "jsonl", "csv", "timelinejs", "ics")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters a renderer must never pass through (newline and tab are layout; CRLF is
iCalendar's own line ending, so `\\r` is checked apart)."""

CRAFTED = {
    "escape.txt": "---\ntitle: \"Torbay rated inadequate \\e[2J\\e]0;owned\\a\"\npublished: 2012-05-31\n---\n"
                  "Torbay rated inadequate\n\nOfsted has rated Torbay Council's children's services inadequate.\n",
    "vevent.txt": "---\npublisher: \"Local\\nBEGIN:VEVENT\\nSUMMARY:x\"\npublished: 2012-06-14\n---\n"
                  "Torbay director resigns\n\nThe director of children's services at Torbay Council, Ann Hale, has resigned.\n",
    "markup.txt": "---\ntitle: \"<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>\"\n"
                  "url: \"javascript:alert(1)\"\npublished: 2012-07-02\n---\n"
                  "Headline\n\nTorbay Council appointed <b>Jo Ward</b> [click](javascript:alert(2)) as interim director on 1 July.\n",
    "formula.txt": "---\ntitle: \"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"\npublisher: \"+cmd|' /C calc'!A0\"\npublished: 2012-08-01\n---\n"
                   "Headline\n\nTorbay Council was issued with an improvement notice on 31 July.\n",
    "dayfirst.txt": "---\npublished: \"07/09/2011\"\n---\nHeadline\n\nTorbay Council has been rated inadequate by Ofsted.\n",
    "epoch.txt": "---\npublished: 1315353600\n---\nHeadline\n\nTorbay Council has appointed a commissioner.\n",
    "unreadable.txt": "---\npublished: \"the other day\"\n---\nHeadline\n\nTorbay Council's director has resigned.\n",
}


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    folder = tmp_path / "dump"
    folder.mkdir()
    for name, text in CRAFTED.items():
        (folder / name).write_text(text, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    return folder


def build(folder: Path, fmt: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["build", str(folder), "--format", fmt, "--no-cache"])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_crafted_dump_builds_with_no_control_character_in_any_output(dump: Path, fmt: str) -> None:
    code, out, err = build(dump, fmt)
    assert code == 1  # only the named pipe is skipped
    named = [line for line in err.splitlines() if "pipe.txt" in line]
    assert len(named) == 1 and named[0].endswith(f"{dump / 'pipe.txt'}: a named pipe (FIFO), not a regular file")
    assert not CONTROL.search(out.replace("\r\n", "\n") if fmt == "ics" else out)
    assert "\r" not in (out if fmt != "ics" else out.replace("\r\n", ""))
    assert "BEGIN:VEVENT\nSUMMARY:x" not in out.replace("\r\n", "\n")


def test_markdown_builds_no_element_or_link_from_the_articles(dump: Path) -> None:
    _, out, _ = build(dump, "md")
    html = MarkdownIt("commonmark").render(out)
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "javascript:" not in re.sub(r"&[a-z]+;|\\", "", " ".join(re.findall(r'href="([^"]*)"', html)))
    assert all(href.startswith(("http://", "https://", "#")) for href in re.findall(r'href="([^"]*)"', html))


def test_csv_cells_start_no_formula(dump: Path) -> None:
    _, out, _ = build(dump, "csv")
    cells = [cell for row in csv.reader(io.StringIO(out)) for cell in row]
    assert cells and not [cell for cell in cells if cell.startswith(FORMULA_START)]


def test_metadata_dates_are_day_first_epochs_and_rfc_2822() -> None:
    assert normalise("07/09/2011") == "2011-09-07"
    assert normalise(1315353600) == "2011-09-07"
    assert normalise("1315353600000") == "2011-09-07"
    assert normalise("Wed, 07 Sep 2011 10:00:00 +0100") == "2011-09-07"
    assert normalise("the other day") is None


def test_an_unreadable_metadata_date_is_one_warning_and_the_article_undated(dump: Path) -> None:
    _, out, err = build(dump, "json")
    named = [line for line in err.splitlines() if "unreadable.txt" in line]
    assert len(named) == 1
    assert named[0].endswith(f"{dump / 'unreadable.txt'}: publication date 'the other day' cannot be read; the article is read as undated")
    articles = {Path(a["path"]).name: a for a in json.loads(out)["articles"]}
    assert articles["unreadable.txt"]["published"] is None
    assert articles["dayfirst.txt"]["published"] == "2011-09-07"
    assert articles["epoch.txt"]["published"] == "2011-09-07"


FRAGMENTS = ["\x1b[2J", "\x1b]0;x\x07", "\u202e", "\r", "\n", "<script>", "](javascript:", "=1+1", "@", "\ud800", "*_`#|"]
UNTRUSTED = st.lists(
    st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs", "Cc", "Cf"]) | st.sampled_from(FRAGMENTS),
    max_size=200,
).map("".join)
"""Text with control characters, bidi overrides, lone surrogates and markup in it."""


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=UNTRUSTED, body=UNTRUSTED, long_line=st.integers(min_value=0, max_value=3))
def test_arbitrary_text_renders_in_every_format_as_that_format(tmp_path_factory, title: str, body: str, long_line: int) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    text = (f"---\ntitle: {json.dumps(title)}\npublished: 2012-05-31\n---\nHeadline\n\n"
            f"Torbay Council has been rated inadequate by Ofsted. {body}\n{'x' * 20_000 * long_line}\n")
    (folder / "a.txt").write_bytes(text.encode("utf-8", errors="surrogatepass"))  # a lone surrogate: bytes no UTF-8 has
    for fmt in FORMATS:
        code, out, _ = build(folder, fmt)
        assert not CONTROL.search(out.replace("\r\n", "\n") if fmt == "ics" else out)
        if code == 2:  # front matter the stranger made unreadable: named on stderr, nothing to render
            continue
        if fmt in ("json", "timelinejs"):
            json.loads(out)
        elif fmt == "jsonl":
            [json.loads(line) for line in out.splitlines() if line]
        elif fmt == "csv":
            list(csv.reader(io.StringIO(out)))
        elif fmt == "ics":
            Calendar.from_ical(out)
        elif fmt == "md":
            assert "<script" not in MarkdownIt("commonmark").render(out)


def test_a_line_break_in_a_single_line_field_becomes_a_space() -> None:
    article = parse_text_article("---\npublisher: \"Local\\nNews\"\n---\nHeadline\n\nBody text here.\n", "a.txt")
    assert safe_article(article).publisher == "Local News"
