"""Ingest: turn paths (files, directories, '-') into Articles, reporting what cannot be read.

For each input: expand directories (`pipeline.ingest.inputs`) → open it (gzip looked through, size
limit) → choose its format (`pipeline.ingest.formats.choose`) → its reader yields Articles and
Problems. Every failure becomes a `Problem` naming the path (and line or record) and the
reason; nothing raises out of `read_paths`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from importlib import import_module

from models.records import Article, Problem
from pipeline.ingest.formats import InputFormat, choose, named_format
from pipeline.ingest.formats.stream import STDIN, Input, InputError, open_input
from pipeline.ingest.inputs import ReadOptions, iter_files, saved_by
from pipeline.ingest.manifest import Manifest
from pipeline.ingest.safe import safe_article

Reader = Callable[[Input, Manifest], Iterator[Article | Problem]]
READERS: dict[InputFormat, tuple[str, str]] = {
    InputFormat.text: ("pipeline.ingest.formats.text", "read"),
    InputFormat.html: ("pipeline.ingest.formats.html", "read"),
    InputFormat.jsonl: ("pipeline.ingest.formats.records", "read_jsonl"),
    InputFormat.json: ("pipeline.ingest.formats.records", "read_json"),
    InputFormat.warc: ("pipeline.ingest.formats.warc", "read"),
}
"""Each format's reader, as (module, function): imported when a file of that format is read,
since readers bring heavy libraries (trafilatura for HTML, the date tagger for text) that the
process listing an archive of one-article files never needs."""


def read_paths(paths: Iterable[str], options: ReadOptions | None = None) -> Iterator[Article | Problem]:
    """Yield an Article for every article under `paths`, a Problem for everything that cannot be read."""
    options = options or ReadOptions()
    for item in plan_paths(paths, options):
        if isinstance(item, str):
            yield from read_file(item, options)
        else:
            yield item


ONE_ARTICLE_FORMATS = frozenset({InputFormat.text, InputFormat.html})
"""Formats whose file is one article: such a file can be read where it is analysed (a worker
process), so the process reading the inputs only lists them."""


def plan_paths(paths: Iterable[str], options: ReadOptions | None = None) -> Iterator[str | Article | Problem]:
    """What `read_paths` yields, except that a file of one article is yielded as its path, for
    `read_file` to read later; files of many articles (JSON, JSON Lines, WARC) and standard
    input are read here, one article at a time.

    A file whose name (or the requested format) says it is one article is not even opened
    here (opening it here as well as in the worker cost this process ~25 µs a file, 0.5 s of
    CPU at 20,000 files). `read_file` still chooses its format from its content, so a
    mislabelled file reads the same, only all at once."""
    options = options or ReadOptions()
    for path in iter_files(paths):
        if isinstance(path, Problem):
            yield path
            continue
        if path != STDIN and named_format(options.input_format, path) in ONE_ARTICLE_FORMATS:
            yield path
            continue
        source = _opened(path)
        if isinstance(source, Problem):
            yield source
        elif path != STDIN and choose(options.input_format, source.path, source.head) in ONE_ARTICLE_FORMATS:
            yield path
        else:
            yield from read_input(source, options)


def read_file(path: str, options: ReadOptions) -> Iterator[Article | Problem]:
    """Every article in one file (or '-'), and a Problem for each part that cannot be read."""
    source = _opened(path)
    if isinstance(source, Problem):
        yield source
    else:
        yield from read_input(source, options)


def _opened(path: str) -> Input | Problem:
    """The input opened far enough to know its first bytes, or why it cannot be."""
    try:
        return open_input(path)
    except InputError as error:
        return Problem(path=path, reason=str(error))


def read_input(source: Input, options: ReadOptions) -> Iterator[Article | Problem]:
    """Every article in one opened input, read as its chosen format, its text made safe (`safe`)."""
    module, function = READERS[choose(options.input_format, source.path, source.head)]
    reader: Reader = getattr(import_module(module), function)
    saved = saved_by(source.path)
    try:
        for item in reader(source, options.manifest):
            if isinstance(item, Article) and item.date_warning:
                yield Problem(path=item.path, reason=item.date_warning, skipped=False)
            yield safe_article(_bounded_by_saving(item, saved)) if isinstance(item, Article) else item
    except InputError as error:
        yield Problem(path=source.path, reason=str(error))


def _bounded_by_saving(article: Article, saved: str | None) -> Article:
    """An undated article with the day its file was saved by (`inputs.saved_by`) as the last it
    can have appeared on, or a crawl date before it: what bounds its window from above, where
    what it tells as still to come does not ("published today (Monday 19 November)" after a 2015
    inspection is the 2018 Monday, not the 2029 one). Its id stays the hash of what it says:
    the same page saved twice is one article."""
    if article.published or saved is None:
        return article
    return article.model_copy(update={"not_after": min(article.not_after or saved, saved)})
