"""Resuming a build from the kept workspace: the same chronology as a build from scratch, for
whatever changed among the files, and only the batches from the first change on read again."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pipeline.engine import build as build_module
from pipeline.engine.build import BATCH_ITEMS, BuildResult, build
from pipeline.engine.cache import BUILDS_FOLDER, MentionCache
from pipeline.engine.workspace import Workspace
from tests.paths import SAMPLES


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A copy of the realistic corpus, with its syndicated copy left out (to be added later)."""
    root = tmp_path / "archive"
    shutil.copytree(SAMPLES / "realistic", root, ignore=shutil.ignore_patterns("*.gold.json", "*syndicated*"))
    return root


@pytest.fixture
def files_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the builds of a test send to be read, in order."""
    read: list[str] = []
    real = build_module.analyse_batch

    def counting(items: list) -> list:
        read.extend(item for item in items if isinstance(item, str))
        return real(items)

    monkeypatch.setattr(build_module, "analyse_batch", counting)
    return read


def resumed_and_from_scratch(archive: Path, cache_dir: Path) -> tuple[BuildResult, BuildResult]:
    return build([str(archive)], cache=MentionCache(cache_dir)), build([str(archive)])


def assert_same(resumed: BuildResult, scratch: BuildResult) -> None:
    assert resumed.chronology.model_dump_json() == scratch.chronology.model_dump_json()
    assert resumed.articles == scratch.articles and resumed.problems == scratch.problems


def test_articles_added_at_the_end_are_read_alone(archive: Path, tmp_path: Path, files_read: list[str]) -> None:
    build([str(archive)], cache=MentionCache(tmp_path / "cache"))
    before = len(files_read)
    shutil.copy(SAMPLES / "realistic" / "204_slough_trust_launch_syndicated.txt", archive / "zz_syndicated.txt")
    resumed, scratch = resumed_and_from_scratch(archive, tmp_path / "cache")
    assert_same(resumed, scratch)
    again = files_read[before:len(files_read) - scratch.articles]
    assert str(archive / "zz_syndicated.txt") in again
    assert len(again) <= BATCH_ITEMS  # the last batch, which the new file joined, and no other
    assert any(article.copy_of for article in resumed.chronology.articles)  # a copy of an article kept from before


@pytest.mark.parametrize("change", ["add first", "change one", "remove one", "touch one"])
def test_any_change_gives_the_chronology_of_a_build_from_scratch(archive: Path, tmp_path: Path, change: str) -> None:
    build([str(archive)], cache=MentionCache(tmp_path / "cache"))
    first = sorted(archive.iterdir())[0]
    if change == "add first":
        shutil.copy(SAMPLES / "realistic" / "204_slough_trust_launch_syndicated.txt", archive / "000_syndicated.txt")
    elif change == "change one":
        first.write_text(first.read_text().replace("Ofsted", "the inspectorate Ofsted"))
    elif change == "remove one":
        first.unlink()
    else:
        os.utime(first, ns=(0, 0))
    assert_same(*resumed_and_from_scratch(archive, tmp_path / "cache"))


def test_unchanged_files_are_not_read_again_and_problems_are_still_reported(archive: Path, tmp_path: Path, files_read: list[str]) -> None:
    (archive / "0_empty.txt").write_bytes(b"")
    first = build([str(archive)], cache=MentionCache(tmp_path / "cache"))
    before = len(files_read)
    again = build([str(archive)], cache=MentionCache(tmp_path / "cache"))
    assert files_read[before:] == []
    assert again.chronology.model_dump_json() == first.chronology.model_dump_json()
    assert again.problems == first.problems and len(first.problems) == 1


def test_a_damaged_kept_build_is_not_trusted(archive: Path, tmp_path: Path) -> None:
    build([str(archive)], cache=MentionCache(tmp_path / "cache"))
    (kept,) = (tmp_path / "cache" / BUILDS_FOLDER).iterdir()
    kept.write_bytes(kept.read_bytes()[:-4096] + b"\0" * 4096)
    assert_same(*resumed_and_from_scratch(archive, tmp_path / "cache"))


def test_records_read_by_the_building_process_end_what_can_be_resumed(tmp_path: Path, files_read: list[str]) -> None:
    """Articles of a JSON Lines dump cannot be told unchanged one by one: the batch holding them
    and every batch after it are read again (their NLP from the mention cache)."""
    root = tmp_path / "mixed"
    shutil.copytree(SAMPLES / "basic", root, ignore=shutil.ignore_patterns("*.gold.json"))
    shutil.copy(SAMPLES / "wrapped" / "export.jsonl", root / "000_dump.jsonl")  # read first
    first = build([str(root)], cache=MentionCache(tmp_path / "cache"))
    before = len(files_read)
    again = build([str(root)], cache=MentionCache(tmp_path / "cache"))
    assert again.chronology.model_dump_json() == first.chronology.model_dump_json()
    assert files_read[before:] == files_read[:before] and again.analysed == 0


def test_nothing_is_kept_when_nothing_could_be_resumed(tmp_path: Path) -> None:
    build([str(SAMPLES / "wrapped" / "export.jsonl")], cache=MentionCache(tmp_path / "cache"))
    assert not list((tmp_path / "cache" / BUILDS_FOLDER).glob("*"))


def test_the_same_relative_path_in_another_directory_is_another_archive(archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files of the same names, sizes and times but other contents, under the same relative path."""
    other = tmp_path / "elsewhere" / "archive"
    shutil.copytree(archive, other)
    for path in other.iterdir():
        stat = path.stat()
        path.write_text(path.read_text().replace("Slough", "Slowgh"))
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    monkeypatch.chdir(tmp_path)
    build(["archive"], cache=MentionCache(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert_same(build(["archive"], cache=MentionCache(tmp_path / "cache")), build(["archive"]))


def test_a_workspace_started_from_a_file_that_is_not_one_starts_empty(tmp_path: Path) -> None:
    (tmp_path / "kept.sqlite3").write_bytes(b"not a database" * 1000)
    workspace = Workspace(start_from=tmp_path / "kept.sqlite3")
    try:
        assert workspace.articles_filed == 0 and list(workspace.articles()) == []
    finally:
        workspace.close()
