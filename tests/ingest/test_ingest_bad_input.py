"""Bad input: one line on stderr per problem, the rest of the dump read, exit code 0, 1 or 2."""
from __future__ import annotations

import gzip
import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from models.records import Article, Problem
from pipeline.ingest.formats.stream import MAX_BYTES
from pipeline.ingest.read import read_paths
from tests.paths import DATA, SAMPLES
from tests.warc_fixtures import Capture, write_warc

GOOD = SAMPLES / "basic" / "101_medway_inadequate_director_quits.txt"
STORY = GOOD.read_text(encoding="utf-8")


def read(*paths: Path | str) -> tuple[list[Article], list[Problem]]:
    items = list(read_paths([str(path) for path in paths]))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


def build(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["build", "--format", "jsonl", *args])
    return result.exit_code, result.stderr


def test_empty_file_is_skipped_and_the_rest_read() -> None:
    articles, problems = read(DATA / "empty.txt", GOOD)
    assert len(articles) == 1
    assert [(p.path, p.reason, p.skipped) for p in problems] == [(str(DATA / "empty.txt"), "empty file", True)]


def test_binary_file_is_skipped(tmp_path: Path) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)) * 20)
    _, problems = read(binary)
    assert len(problems) == 1 and "binary file" in problems[0].reason


def test_cp1252_in_a_file_claiming_utf8_is_read_with_a_warning() -> None:
    articles, problems = read(DATA / "cp1252_claims_utf8.txt")
    assert "children’s services" in articles[0].text and "£2m" in articles[0].text
    assert "café" in articles[0].text  # the one UTF-8 line is read as UTF-8
    assert [p.skipped for p in problems] == [False] and "not valid UTF-8" in problems[0].reason


def test_html_page_with_no_article_body_is_skipped() -> None:
    articles, problems = read(DATA / "no_body.html")
    assert articles == [] and problems[0].reason == "no article text found in the HTML page"


def test_truncated_gzip_is_skipped(tmp_path: Path) -> None:
    whole = gzip.compress(STORY.encode() * 40)
    truncated = tmp_path / "story.txt.gz"
    truncated.write_bytes(whole[: len(whole) // 2])
    _, problems = read(truncated)
    assert len(problems) == 1 and problems[0].reason.startswith("truncated gzip file")


def test_gzip_text_file_is_read(tmp_path: Path) -> None:
    packed = tmp_path / "story.txt.gz"
    packed.write_bytes(gzip.compress(STORY.encode()))
    articles, problems = read(packed)
    assert problems == [] and articles[0].published == "2012-03-14"


def test_jsonl_line_that_is_not_json_is_reported_by_line_and_the_others_read() -> None:
    articles, problems = read(DATA / "bad_line.jsonl")
    assert [a.path for a in articles] == [f"{DATA / 'bad_line.jsonl'}#L1", f"{DATA / 'bad_line.jsonl'}#L3"]
    assert [p.path for p in problems] == [f"{DATA / 'bad_line.jsonl'}#L2"]
    assert problems[0].reason.startswith("line 2 is not JSON")


def test_json_record_with_no_text_is_reported_by_index_and_the_others_read() -> None:
    articles, problems = read(DATA / "no_text.json")
    assert [a.path for a in articles] == [f"{DATA / 'no_text.json'}#1"]
    assert articles[0].published == "2013-10-22" and articles[0].date_source == "metadata"
    assert problems[0].path == f"{DATA / 'no_text.json'}#0" and problems[0].reason.startswith("record has no text")


def test_warc_non_html_record_is_a_warning_not_a_skip(tmp_path: Path) -> None:
    archive = write_warc(tmp_path / "crawl.warc.gz", [
        Capture("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png"),
        Capture("https://example.org/story", f"<html><body><article>{_paragraphs(STORY)}</article></body></html>".encode()),
    ])
    articles, problems = read(archive)
    assert len(articles) == 1 and articles[0].url == "https://example.org/story"
    assert [(p.path, p.skipped) for p in problems] == [(f"{archive}#3", False)]
    assert "image/png" in problems[0].reason


def test_warc_with_no_html_page_is_skipped(tmp_path: Path) -> None:
    archive = write_warc(tmp_path / "images.warc.gz", [
        Capture("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png"),
    ])
    _, problems = read(archive)
    assert [p.skipped for p in problems] == [False, True]
    assert problems[-1].reason == "no HTML pages in the web archive"


def test_directory_with_a_symlink_loop_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "dump").mkdir()
    (tmp_path / "dump" / "story.txt").write_text(STORY)
    os.symlink(tmp_path / "dump", tmp_path / "dump" / "loop")
    articles, problems = read(tmp_path / "dump")
    assert len(articles) == 1
    assert len(problems) == 1 and "directory loop" in problems[0].reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file whatever its mode")
def test_unreadable_file_is_skipped(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(STORY)
    locked.chmod(0)
    _, problems = read(locked)
    assert problems[0].reason == "permission denied"


def test_file_over_50_mb_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.write(b"Medway Council " * 100)
        handle.truncate(MAX_BYTES + 1)
    started = time.perf_counter()
    _, problems = read(huge)
    assert time.perf_counter() - started < 1.0
    assert problems[0].reason.startswith("file too large")


def test_stderr_names_each_problem_and_counts_read_and_skipped() -> None:
    code, stderr = build(str(DATA / "bad_line.jsonl"), str(DATA / "empty.txt"), str(GOOD))
    assert code == 1
    assert f"{DATA / 'bad_line.jsonl'}#L2: line 2 is not JSON" in stderr
    assert f"{DATA / 'empty.txt'}: empty file" in stderr
    assert "read 3 articles, skipped 2 inputs" in stderr


def test_each_problem_is_one_line_however_long() -> None:
    _, stderr = build(str(DATA / "cp1252_claims_utf8.txt"))
    [line] = [line for line in stderr.splitlines() if "cp1252_claims_utf8.txt" in line]
    assert line.startswith("chronicle: warning: ") and line.endswith("read as cp1252")


def test_exit_code_is_0_when_nothing_was_skipped() -> None:
    code, _ = build(str(DATA / "cp1252_claims_utf8.txt"))
    assert code == 0


def test_exit_code_is_2_when_no_article_could_be_read() -> None:
    code, _ = build(str(DATA / "empty.txt"), str(DATA / "no_body.html"))
    assert code == 2


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{block}</p>" for block in text.split("---")[-1].split("\n\n") if block.strip())
