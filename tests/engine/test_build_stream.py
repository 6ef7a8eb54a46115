"""The build on disk: the chronology it streams is the one built in memory, files are read
where they are analysed, and the workspace leaves nothing behind."""
from __future__ import annotations

import json
from pathlib import Path

from models.records import Article, Problem
from pipeline.engine.build import build_on_disk
from pipeline.ingest.read import plan_paths, read_paths
from pipeline.render import RENDERERS, render_text
from pipeline.render.view import ChronologyView
from tests.paths import SAMPLES
from tests.warc_fixtures import Capture, write_warc


def test_streamed_chronology_renders_as_the_one_held_in_memory() -> None:
    with build_on_disk([str(SAMPLES)]) as built:
        in_memory = ChronologyView.of(built.view.materialise())
        for fmt in RENDERERS:
            assert render_text(fmt, built.view) == render_text(fmt, in_memory), fmt
    assert built.view.read.articles == built.articles == len(in_memory.materialise().articles)


def test_workspace_is_deleted_when_the_build_is_closed() -> None:
    with build_on_disk([str(SAMPLES / "basic")]) as built:
        folder = Path(built.workspace.db.execute("PRAGMA database_list").fetchone()[2]).parent
        assert folder.is_dir()
    assert not folder.exists()


def test_single_article_files_are_planned_as_paths_and_record_files_read_here(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Medway Council's director of children's services has resigned.\n")
    records = tmp_path / "b.jsonl"
    records.write_text(json.dumps({"text": "Slough's trust was launched in October 2015."}) + "\n")
    planned = list(plan_paths([str(article), str(records), str(tmp_path / "missing.txt")]))
    assert planned[0] == str(article)
    assert isinstance(planned[1], Article) and "Slough" in planned[1].text
    assert isinstance(planned[2], Problem)
    assert [type(item) for item in read_paths([str(article), str(records)])] == [Article, Article]


def test_a_file_named_as_one_article_is_planned_unopened_and_still_read_by_its_content(tmp_path: Path) -> None:
    page = b"<html><body><p>Medway Council's director of children's services has resigned.</p></body></html>"
    mislabelled = write_warc(tmp_path / "crawl.txt", [Capture("https://example.org/1", page), Capture("https://example.org/2", page)])
    assert list(plan_paths([str(mislabelled)])) == [str(mislabelled)]
    assert [type(item) for item in read_paths([str(mislabelled)])] == [Article, Article]


def test_a_file_whose_name_says_nothing_is_opened_to_plan_it(tmp_path: Path) -> None:
    records = tmp_path / "export"
    records.write_text(json.dumps({"text": "Slough's trust was launched in October 2015."}) + "\n")
    [planned] = plan_paths([str(records)])
    assert isinstance(planned, Article) and "Slough" in planned.text
