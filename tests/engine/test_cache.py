"""The mention cache: a re-run reads it instead of the pipeline, and never trusts a bad entry."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cli.main import app
from models.records import Article
from pipeline.engine import build as build_module
from pipeline.engine import cache as cache_module
from pipeline.engine.build import BuildResult, build
from pipeline.engine.cache import (
    BUILDS_FOLDER,
    FILE_NAME,
    OUTPUTS_FOLDER,
    MentionCache,
    article_key,
)
from pipeline.extract import analysis, nlp
from tests.paths import REPO, SAMPLES

CORPUS = str(SAMPLES / "basic")


def chronology_json(cache: MentionCache | None) -> str:
    return built(cache).chronology.model_dump_json()


def built(cache: MentionCache | None) -> BuildResult:
    return build([CORPUS], cache=cache)


def forbid_nlp(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(article: Article) -> None:
        raise AssertionError(f"{article.path} was analysed again")

    monkeypatch.setattr(analysis, "extract_article", fail)


def tamper(directory: Path, value: bytes) -> int:
    """Damage every mention entry, and drop the kept build, so that every article is read again."""
    shutil.rmtree(directory / BUILDS_FOLDER)
    with sqlite3.connect(directory / FILE_NAME) as db:
        return db.execute("UPDATE mentions SET value = ?", (value,)).rowcount


def test_second_run_reads_every_article_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = chronology_json(MentionCache(tmp_path))
    forbid_nlp(monkeypatch)
    result = built(MentionCache(tmp_path))
    assert result.chronology.model_dump_json() == first
    assert result.analysed == 0 and result.articles > 0


def test_cached_run_does_not_load_the_spacy_pipeline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chronology_json(MentionCache(tmp_path))
    monkeypatch.setattr(nlp, "load_pipeline", lambda: pytest.fail("pipeline loaded"))
    chronology_json(MentionCache(tmp_path))


@pytest.mark.parametrize("damage", [b"[{\"type\": \"resig", b"[]", b"\x00\xff not json"])
def test_damaged_entry_is_rebuilt_not_trusted(tmp_path: Path, damage: bytes) -> None:
    first = chronology_json(MentionCache(tmp_path))
    damaged = tamper(tmp_path, damage)  # entries of articles, and of undated ones extracted on an inferred date
    result = built(MentionCache(tmp_path))
    assert result.chronology.model_dump_json() == first
    assert result.analysed == result.articles <= damaged
    assert chronology_json(MentionCache(tmp_path)) == first


def test_file_that_is_not_a_database_is_replaced(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_bytes(b"this is not an SQLite database" * 100)
    first = chronology_json(MentionCache(tmp_path))
    result = built(MentionCache(tmp_path))
    assert result.chronology.model_dump_json() == first and result.analysed == 0


def test_key_changes_with_the_article_and_with_the_code(monkeypatch: pytest.MonkeyPatch) -> None:
    article = Article(id="a", path="a.txt", text="Medway Council's director resigned.")
    key = article_key(article)
    assert article_key(article.model_copy(update={"path": "b.txt"})) != key
    assert article_key(article.model_copy(update={"published": "2012-03-14"})) != key
    assert article_key(article, frozenset({0})) != key  # some of its sentences read are not all
    monkeypatch.setattr(cache_module, "code_version", lambda: "another version")
    assert article_key(article) != key


def test_no_cache_neither_reads_nor_writes(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["build", CORPUS, "--format", "json", "--no-cache", "--cache-dir", str(tmp_path)])
    assert result.exit_code == 0
    assert not (tmp_path / FILE_NAME).exists()


def test_cli_cache_dir_is_used_and_output_unchanged(tmp_path: Path) -> None:
    runs = [CliRunner().invoke(app, ["build", CORPUS, "-f", "json", "--cache-dir", str(tmp_path)]) for _ in range(2)]
    assert (tmp_path / FILE_NAME).exists()
    assert runs[0].exit_code == runs[1].exit_code == 0 and runs[0].stdout == runs[1].stdout


def invoke_build(folder: Path, cache_dir: Path, *options: str) -> Result:
    return CliRunner().invoke(app, ["build", str(folder), "-f", "json", "--cache-dir", str(cache_dir), *options])


def copy_of_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(CORPUS, folder)
    return folder


def test_rerun_on_unchanged_inputs_gives_the_stored_output_without_building(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = copy_of_corpus(tmp_path)
    first = invoke_build(folder, tmp_path / "cache")
    monkeypatch.setattr(build_module, "build_on_disk", lambda *args, **kwargs: pytest.fail("built again"))
    again = invoke_build(folder, tmp_path / "cache")
    assert again.exit_code == first.exit_code == 0 and again.stdout == first.stdout


def test_changed_input_or_settings_build_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = copy_of_corpus(tmp_path)
    first = invoke_build(folder, tmp_path / "cache")
    built: list[object] = []
    real_build = build_module.build_on_disk
    monkeypatch.setattr(build_module, "build_on_disk", lambda *args, **kwargs: built.append(args) or real_build(*args, **kwargs))
    filtered = invoke_build(folder, tmp_path / "cache", "--council", "Medway")
    article = next(folder.glob("*.txt"))
    article.write_text(article.read_text() + "\nA further paragraph.\n")
    changed = invoke_build(folder, tmp_path / "cache")
    assert len(built) == 2 and filtered.stdout != first.stdout and changed.exit_code == 0


def test_damaged_stored_output_is_rebuilt(tmp_path: Path) -> None:
    folder = copy_of_corpus(tmp_path)
    first = invoke_build(folder, tmp_path / "cache")
    [stored] = (tmp_path / "cache" / OUTPUTS_FOLDER).glob("*.gz")
    stored.write_bytes(b"not compressed")
    assert invoke_build(folder, tmp_path / "cache").stdout == first.stdout


def test_only_the_newest_outputs_are_kept(tmp_path: Path) -> None:
    folder = copy_of_corpus(tmp_path)
    for confidence in range(cache_module.KEPT_OUTPUTS + 2):
        invoke_build(folder, tmp_path / "cache", "--min-confidence", f"0.{confidence}")
    assert len(list((tmp_path / "cache" / OUTPUTS_FOLDER).glob("*.gz"))) == cache_module.KEPT_OUTPUTS


def test_output_is_written_when_the_cache_cannot_keep_it(tmp_path: Path) -> None:
    folder = copy_of_corpus(tmp_path)
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / OUTPUTS_FOLDER).write_text("a file where the folder should be")
    result = invoke_build(folder, tmp_path / "cache")
    assert result.exit_code == 0 and json.loads(result.stdout)["councils"]
    assert "the output was not kept" in result.stderr


def test_entries_of_other_code_versions_and_old_cache_files_are_forgotten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mentions-v2.sqlite3").write_bytes(b"an earlier layout")
    monkeypatch.setattr(cache_module, "code_version", lambda: "an older chronicle")
    chronology_json(MentionCache(tmp_path))
    monkeypatch.undo()
    result = built(MentionCache(tmp_path))
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        versions = db.execute("SELECT version, count(*) FROM mentions GROUP BY version").fetchall()
    assert [version for version, _ in versions] == [cache_module.code_version()]
    assert versions[0][1] >= result.articles
    assert not (tmp_path / "mentions-v2.sqlite3").exists()


def test_a_rerun_merges_again_only_the_councils_whose_mentions_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = copy_of_corpus(tmp_path)
    build([str(folder)], cache=MentionCache(tmp_path / "cache"))
    (folder / "zz_new.txt").write_text("Torbay Council's director of children's services resigned in May 2013.\n")
    merged: list[str] = []
    real_merge = build_module.merge_councils
    monkeypatch.setattr(build_module, "merge_councils", lambda councils: merged.extend(c.council for c in councils) or real_merge(councils))
    again = build([str(folder)], cache=MentionCache(tmp_path / "cache"))
    assert merged == ["Torbay Council"]
    assert again.chronology == build([str(folder)]).chronology


def test_a_damaged_council_chronology_is_merged_again_not_trusted(tmp_path: Path) -> None:
    first = chronology_json(MentionCache(tmp_path))
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        assert db.execute("UPDATE councils SET block = ?", (b'{"council": "Nowhere", "events": []}',)).rowcount > 0
    assert chronology_json(MentionCache(tmp_path)) == first


def test_the_same_relative_path_elsewhere_is_not_given_the_stored_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files of the same names, sizes and times but other contents, under the same relative path."""
    copy_of_corpus(tmp_path)
    other = copy_of_corpus(tmp_path / "elsewhere")
    for path in other.glob("*.txt"):
        stat = path.stat()
        path.write_text(path.read_text().replace("Medway", "Medwey"))
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    monkeypatch.chdir(tmp_path)
    first = invoke_build(Path("articles"), tmp_path / "cache")
    monkeypatch.chdir(tmp_path / "elsewhere")
    again = invoke_build(Path("articles"), tmp_path / "cache")
    assert again.exit_code == first.exit_code == 0 and again.stdout != first.stdout


def test_the_code_version_digests_the_files_that_compute_mentions() -> None:
    # a digest of no file would let a cache keep mentions the code no longer computes
    names = {path.relative_to(REPO).as_posix() for path in cache_module.code_files()}
    assert {"pipeline/extract/events.py", "models/vocabulary.py", "pipeline/merge/dating.py"} <= names
