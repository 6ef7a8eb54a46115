"""Inputs named by URL: listed and read through fsspec like files and directories."""
from __future__ import annotations

import gzip
import importlib.util
from collections.abc import Iterator

import pytest

fsspec = pytest.importorskip("fsspec")

from models.records import Article, Problem  # noqa: E402
from pipeline.ingest.inputs import iter_files, stamp  # noqa: E402
from pipeline.ingest.read import read_paths  # noqa: E402
from tests.paths import SAMPLES  # noqa: E402


@pytest.fixture
def memory() -> Iterator[fsspec.AbstractFileSystem]:
    filesystem = fsspec.filesystem("memory")
    yield filesystem
    if filesystem.exists("/dump"):
        filesystem.rm("/dump", recursive=True)


def test_a_file_url_lists_what_its_path_lists_in_the_same_order() -> None:
    url = SAMPLES.as_uri()
    listed = [item.removeprefix(url) for item in iter_files([url])]
    assert listed == [item.removeprefix(str(SAMPLES)) for item in iter_files([str(SAMPLES)])]
    assert not any(name.endswith(".gold.json") for name in listed)


def test_hidden_files_and_folders_under_a_url_are_left_out(memory: fsspec.AbstractFileSystem) -> None:
    for name in ("/dump/b.txt", "/dump/a/z.txt", "/dump/.hidden.txt", "/dump/.git/x.txt", "/dump/a.txt"):
        memory.pipe(name, b"text")
    assert list(iter_files(["memory://dump"])) == ["memory://dump/a.txt", "memory://dump/b.txt", "memory://dump/a/z.txt"]


def test_a_gzipped_url_reads_as_its_plain_copy(memory: fsspec.AbstractFileSystem) -> None:
    text = (SAMPLES / "basic" / "101_medway_inadequate_director_quits.txt").read_bytes()
    memory.pipe("/dump/one.txt", text)
    memory.pipe("/dump/two.txt.gz", gzip.compress(text))
    plain, packed = (item for item in read_paths(["memory://dump"]) if isinstance(item, Article))
    assert plain.text == packed.text and plain.published == packed.published


def test_a_missing_url_is_one_problem() -> None:
    assert list(iter_files(["memory://nowhere"])) == [Problem(path="memory://nowhere", reason="no such file or directory")]


@pytest.mark.skipif(importlib.util.find_spec("s3fs") is not None, reason="s3fs is installed")
def test_a_url_whose_filesystem_is_not_installed_says_so() -> None:
    [problem] = iter_files(["s3://bucket/dump/"])
    assert isinstance(problem, Problem) and "s3fs" in problem.reason


def test_a_url_is_never_taken_as_unchanged() -> None:
    """Resumed builds and the output cache judge files by size and time; a URL has neither here."""
    assert stamp(SAMPLES.as_uri() + "/basic/101_medway_inadequate_director_quits.txt") is None
