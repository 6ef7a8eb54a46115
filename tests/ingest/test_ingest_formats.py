"""Choosing the format of an input, standard input, and syndicated copies."""
from __future__ import annotations

import gzip
import json
from pathlib import Path, PurePath

import pytest
from typer.testing import CliRunner

from cli.main import app
from models.records import Problem
from pipeline.engine.build import build
from pipeline.ingest.formats import InputFormat, choose, suffixes_of
from pipeline.ingest.read import ReadOptions, read_paths
from tests.paths import SAMPLES

STORY = SAMPLES / "realistic" / "203_slough_trust_launch.txt"
COPY = SAMPLES / "realistic" / "204_slough_trust_launch_syndicated.txt"


@pytest.mark.parametrize(("name", "head", "expected"), [
    ("crawl.warc.gz", b"WARC/1.0\r\n", InputFormat.warc),
    ("page.txt", b"<!DOCTYPE html><html>", InputFormat.html),
    ("page.HTM", b"<div>", InputFormat.html),
    ("export.jsonl.gz", b'{"text": "x"}', InputFormat.jsonl),
    ("export.json", b'{"text": "x"}', InputFormat.json),
    ("dump", b'[{"text": "x"}]', InputFormat.json),
    ("dump", b'{"text": "x"}\n{"text": "y"}\n', InputFormat.jsonl),
    ("dump", b'{\n  "articles": []\n}', InputFormat.json),
    ("dump", b"<p>One</p><p>Two</p>", InputFormat.html),
    ("notes.txt", b"Medway Council <said> so", InputFormat.text),
    ("-", b"Medway Council resigned", InputFormat.text),
])
def test_format_is_chosen_by_content_then_extension(name: str, head: bytes, expected: InputFormat) -> None:
    assert choose(InputFormat.auto, name, head) is expected


def test_requested_format_overrides_the_guess() -> None:
    assert choose(InputFormat.text, "page.html", b"<!DOCTYPE html>") is InputFormat.text


def test_input_format_option_reads_an_extensionless_file_as_jsonl(tmp_path: Path) -> None:
    dump = tmp_path / "dump"
    dump.write_text(json.dumps({"text": STORY.read_text()}) + "\n")
    items = list(read_paths([str(dump)], ReadOptions(input_format=InputFormat.jsonl)))
    assert [item.path for item in items] == [f"{dump}#L1"]


def test_json_object_wrapping_an_article_array(tmp_path: Path) -> None:
    dump = tmp_path / "newsapi.json"
    dump.write_text(json.dumps({"status": "ok", "articles": [
        {"title": "Slough trust", "source": {"id": None, "name": "Slough Express"}, "content": STORY.read_text()}]}))
    [article] = read_paths([str(dump)])
    assert (article.path, article.publisher) == (f"{dump}#0", "Slough Express")


def test_stdin_is_sniffed() -> None:
    record = json.dumps({"title": "Slough trust", "published": "2015-10-01", "text": STORY.read_text()})
    result = CliRunner().invoke(app, ["dates", "-", "--format", "jsonl"], input=gzip.compress(record.encode()))
    assert result.exit_code == 0
    assert json.loads(result.stdout.splitlines()[0])["article"] == "-#L1"


def test_manifest_without_path_column_is_a_usage_error(tmp_path: Path) -> None:
    listing = tmp_path / "manifest.csv"
    listing.write_text("file,published\na.txt,2015-06-02\n")
    result = CliRunner().invoke(app, ["build", str(STORY), "--manifest", str(listing)])
    assert result.exit_code == 2 and "no 'path' column" in result.stderr


def test_syndicated_copy_points_at_the_first_copy() -> None:
    original, copy = build([str(STORY), str(COPY)]).chronology.articles
    assert original.copy_of is None and copy.copy_of == original.id


def test_different_stories_on_the_same_council_are_not_copies() -> None:
    articles = build([str(SAMPLES / "realistic")]).chronology.articles
    copies = sorted(Path(article.path).name for article in articles if article.copy_of)
    assert copies == ["204_slough_trust_launch_syndicated.txt"]


def test_syndicated_copies_count_once_as_corroboration() -> None:
    alone = build([str(STORY)]).chronology
    with_copy = build([str(STORY), str(COPY)]).chronology
    confidence = {e.type: e.confidence for c in alone.councils for e in c.events}
    for council in with_copy.councils:
        for event in council.events:
            assert len({source.article for source in event.sources}) == 2
            assert event.confidence == confidence[event.type]


def test_problems_never_escape_as_exceptions(tmp_path: Path) -> None:
    weird = tmp_path / "weird.json"
    weird.write_text("[" * 100_000)
    items = list(read_paths([str(weird)]))
    assert all(isinstance(item, Problem) for item in items) and items


@pytest.mark.parametrize("path", ["a.txt", "dir.x/a", "a.tar.GZ", ".bashrc", "a.", "..a.b", "x/.hidden.txt", "a..b", "noext", "a .b"])
def test_suffixes_are_those_pathlib_gives(path: str) -> None:
    assert suffixes_of(path) == [suffix.lower() for suffix in PurePath(path).suffixes]


def test_no_sample_takes_page_furniture_for_its_title() -> None:
    """Across every sample: no title is a publisher's name (any sample's), a masthead in capitals,
    a breadcrumb, a share label or a sentence-long standfirst."""
    articles = [item for item in read_paths([str(SAMPLES)]) if not isinstance(item, Problem)]
    publishers = {article.publisher.casefold() for article in articles if article.publisher}
    titles = [article.title for article in articles if article.title]
    assert len(titles) > len(articles) * 0.9
    for title in titles:
        assert title.casefold() not in publishers and not title.isupper(), title
        assert not any(mark in title for mark in (" > ", " | ", "E-mail", "Printable")), title
        assert len(title.split()) < 20, title
