"""Renderers on a hand-made chronology: what each shows, at what precision, in what width."""
from __future__ import annotations

import csv
import io
from dataclasses import replace

from markdown_it import MarkdownIt
from rich.console import Console

from models import edtf
from pipeline.render import render_text
from pipeline.render.csv_rows import COLUMNS
from pipeline.render.table import render_table, to_table
from pipeline.render.words import dated_accounts, event_date_words, source_line
from tests.render_fixtures import sample, sample_view


def table(width: int) -> str:
    return "".join(to_table(sample_view(), width=width))


def test_table_dates_are_abbreviated_at_their_precision() -> None:
    text = table(120)
    for words in ("7 Sep 2011", "Feb 2011", "expected ~Mar 2013", "Mar (year unknown)", "week of 5 Sep 2011",
                  "Jun 2011 – Aug 2011", "2010", "date unknown"):
        assert words in text


def test_table_fits_an_80_column_terminal() -> None:
    text = table(80)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "resignation summary" in text


def test_wide_table_keeps_each_event_on_one_line() -> None:
    lines = table(200).splitlines()
    assert any("expected ~Mar 2013" in line and "inspection summary" in line for line in lines)
    assert any("Feb 2011 (CYP Now)" in line and "inspection_report summary" in line for line in lines)
    assert any("Mar 2011 (Community Care)" in line for line in lines)


def test_table_marks_sources_and_lists_their_citations() -> None:
    text = table(160)
    assert "[1] “Story a1”, CYP Now, 10 March 2011, https://example.org/a1" in text
    assert "[2] “Story a2”, Community Care, 1 April 2011" in text


def test_disagreeing_sources_are_named_with_their_dates() -> None:
    event = sample().councils[0].events[0]
    assert dated_accounts(event) == "February 2011 (CYP Now) / March 2011 (Community Care)"


def test_expected_event_says_so() -> None:
    assert event_date_words(sample().councils[0].events[2]) == "expected about March 2013"


def test_markdown_has_a_header_sections_and_footnotes() -> None:
    text = render_text("md", sample_view())
    assert "Read 3 articles, published 10 March 2011 to 8 September 2011 (0 undated); 1 inputs skipped" in text
    assert "## Medway Council" in text and "## Peterborough City Council" in text
    assert "- **February 2011 (CYP Now) / March 2011 (Community Care)**: inspection\\_report summary. [^medwaycouncil-1][^medwaycouncil-2]" in text
    assert "[^medwaycouncil-1]: “Story a1”, CYP Now, 10 March 2011, <https://example.org/a1>" in text
    assert "- broken.html: not UTF-8" in text


def test_csv_has_one_row_per_event_with_lists_joined() -> None:
    rows = list(csv.DictReader(io.StringIO(render_text("csv", sample_view()))))
    assert len(rows) == 7  # the chronology's events: the one with no date at all is only in the table and JSON
    assert tuple(rows[0]) == COLUMNS
    first = rows[0]
    assert first["council"] == "Medway Council" and first["date"] == "2011-02"
    assert first["alternative_dates"] == "2011-03"
    assert first["sources"].count(" | ") == 1
    assert rows[1]["people"] == "Jo Bloggs (director of children's services)"


def test_csv_dates_sort_chronologically_as_iso_days() -> None:
    rows = list(csv.DictReader(io.StringIO(render_text("csv", sample_view()))))
    medway = [row for row in rows if row["council"] == "Medway Council"]
    by_day = {row["id"]: (row["date_start"], row["date_end"]) for row in medway}
    assert by_day["e1"] == ("2011-02-01", "2011-02-28")
    assert by_day["e5"] == ("2011-09-05", "2011-09-11")
    assert by_day["e6"] == ("", "")
    known = [row for row in medway if row["date_start"]]
    in_sheet_order = sorted(known, key=lambda row: (row["date_start"], row["date_end"]))
    in_date_order = sorted(known, key=lambda row: edtf.sort_key(row["date"]))
    assert [row["id"] for row in in_sheet_order] == [row["id"] for row in in_date_order]


LONG_URL = "https://www.example.org/services/children/a-council-rated-inadequate-by-ofsted-after-a-long-inspection/5054980.article"


def terminal_output(**console: object) -> str:
    buffer = io.StringIO()
    view = replace(sample_view(), url_of=lambda article: LONG_URL if article == "a2" else None)
    render_table(view, Console(file=buffer, width=80, **console))  # type: ignore[arg-type]
    return buffer.getvalue()


def test_an_80_column_terminal_gets_every_source_url_unbroken() -> None:
    text = terminal_output(force_terminal=False, color_system=None)
    assert len(LONG_URL) > 80
    assert "[2] “Story a2”, Community Care, 1 April 2011, " + LONG_URL + "\n" in text
    assert max(len(line) for line in text.splitlines() if "http" not in line) <= 80


def test_a_terminal_gets_source_urls_as_hyperlinks() -> None:
    text = terminal_output(force_terminal=True, color_system="truecolor")
    assert "\x1b]8;" in text and LONG_URL in text


def test_markdown_footnote_urls_are_links_once_rendered() -> None:
    rendered = MarkdownIt("commonmark").render(render_text("md", sample_view()))
    assert '<a href="https://example.org/a1">https://example.org/a1</a>' in rendered


def test_an_untitled_source_is_cited_by_publisher_and_date_not_path() -> None:
    untitled = sample().councils[0].events[0].sources[0].model_copy(update={"title": None})
    assert source_line(untitled) == "CYP Now, 10 March 2011"
    assert source_line(untitled.model_copy(update={"publisher": None})) == "a1.txt, 10 March 2011"
