"""`chronicle build` end to end on articles written for these tests."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from pipeline.engine import build as build_module
from pipeline.render import FILE_WRITERS
from tests.paths import REPO

ARTICLE = """---
title: Torbay director suspended
publisher: Example Press
published: 2010-06-03
---
Torbay director suspended

Torbay Council has suspended its director of children's services, Richard Bowden, after an inspection in April found serious weaknesses.
"""


def write_articles(folder: Path) -> Path:
    folder.mkdir()
    (folder / "one.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_output_file_is_written_whole_and_equals_stdout(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "in")
    runner = CliRunner()
    printed = runner.invoke(app, ["build", str(folder), "--format", "json"])
    target = tmp_path / "chronology.json"
    written = runner.invoke(app, ["build", str(folder), "--format", "json", "-o", str(target)])
    assert written.exit_code == 0
    assert target.read_text(encoding="utf-8") == printed.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chronology.json", "in"]


def test_output_into_a_missing_folder_fails_without_a_partial_file(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "in")
    target = tmp_path / "missing" / "out.json"
    result = CliRunner().invoke(app, ["build", str(folder), "--format", "json", "-o", str(target)])
    assert result.exit_code != 0
    assert not target.parent.exists()


def test_a_database_that_fails_midway_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    def half_written(view: object, path: Path) -> None:
        path.write_bytes(b"SQLite format 3\x00 half")
        raise OSError("disk full")

    monkeypatch.setitem(FILE_WRITERS, "sqlite", half_written)
    target = tmp_path / "chronology.db"
    target.write_bytes(b"old")
    result = CliRunner().invoke(app, ["build", str(write_articles(tmp_path / "in")), "-f", "sqlite", "-o", str(target)])
    assert result.exit_code != 0
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chronology.db", "in"]


def test_a_database_is_written_where_asked(tmp_path: Path) -> None:
    target = tmp_path / "chronology.db"
    result = CliRunner().invoke(app, ["build", str(write_articles(tmp_path / "in")), "-f", "sqlite", "-o", str(target)])
    assert result.exit_code == 0 and result.stdout == ""
    with sqlite3.connect(target) as db:
        assert ("departure",) in db.execute("SELECT type FROM events").fetchall()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chronology.db", "in"]


def test_missing_path_is_named_and_the_rest_is_read(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "in")
    result = CliRunner().invoke(app, ["build", str(folder), str(tmp_path / "nope.txt"), "--format", "jsonl"])
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr
    assert '"type": "departure"' in result.stdout


def test_markdown_names_the_event_and_its_source(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "in")
    result = CliRunner().invoke(app, ["build", str(folder), "--format", "md"])
    assert "## Torbay Council" in result.stdout
    assert "Richard Bowden" in result.stdout
    assert "Example Press" in result.stdout


def test_a_worker_that_dies_is_one_clear_line_and_no_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def worker_killed(*args: object, **kwargs: object) -> None:
        raise BrokenProcessPool("A process in the process pool was terminated abruptly")

    monkeypatch.setattr(build_module, "build_on_disk", worker_killed)
    target = tmp_path / "chronology.json"
    result = CliRunner().invoke(app, ["build", str(write_articles(tmp_path / "in")), "-f", "json", "-o", str(target), "--no-cache"])
    assert result.exit_code == 2 and not target.exists()
    assert "worker process stopped" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("module", ["cli.main", "pipeline.engine.build"])
def test_the_command_line_and_the_building_process_start_without_the_nlp_stack(module: str) -> None:
    """`--help`, `councils`, `schema` and a cached re-run answer without importing spaCy (~1.5 s),
    and the process running a build imports it only if it analyses articles itself."""
    probe = f"import sys, {module}; print(sorted(m for m in ('spacy', 'trafilatura', 'pipeline.timex.tagger') if m in sys.modules))"
    imported = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO)
    assert imported.stdout.strip() == "[]"
