"""Dating undated articles across a build: what the archive pins, and only that, whatever the
reading order, the number of workers, the cache or a resumed build."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from models.records import Article, Chronology, Event
from models.schema import chronology_schema
from pipeline.engine.anchored import TASKS_PER_BATCH, AnchorTask, extract_batch, extract_on_anchors
from pipeline.engine.build import build
from pipeline.engine.cache import MentionCache
from pipeline.engine.engines import LocalEngine
from pipeline.extract.analysis import extract_article, extract_on_days
from pipeline.ingest.inputs import ReadOptions
from pipeline.ingest.read import read_paths

DATED = """---
title: Torbay children's services rated inadequate
published: 2012-05-31
---
Torbay children's services rated inadequate

Ofsted has rated Torbay Council's children's services inadequate in a report published on Wednesday.

The inspection, carried out over two weeks in April, found that too many referrals waited days for a decision.
"""

UNDATED = """Torbay director quits after damning verdict

Torbay Council's director of children's services, Moira Tallis, resigned in May.

The Ofsted report, published on Wednesday, judged the council's services inadequate.

Inspectors who spent two weeks in the town in April found that child protection plans were too often out of date.

The council was previously rated adequate in 2009.
"""

LATER = """Torbay names interim director

Torbay Council has appointed an interim director of children's services, six weeks after the resignation of Moira Tallis in June.

Tallis left after an inspection in April found serious failings.
"""

SECOND_APRIL = """---
published: 2015-05-20
---
Torbay services inspected again

Inspectors returned to Torbay Council in April to check on progress, and found services still inadequate.
Ofsted judged Torbay Council's services inadequate again in a report published on Wednesday.
"""


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def events_of(chronology: Chronology, kind: str) -> list[Event]:
    return [event for block in chronology.councils for event in block.events if event.type == kind]


def test_year_unknown_month_takes_the_one_year_another_article_gives(tmp_path: Path) -> None:
    folder = write(tmp_path / "dump", {"a.txt": DATED, "b.txt": UNDATED})
    chronology = build([str(folder)]).chronology
    inspections = events_of(chronology, "inspection")
    assert [event.date for event in inspections] == ["2012-04"]
    assert len(inspections[0].sources) == 2  # one event, told by both
    undated = next(article for article in chronology.articles if article.path.endswith("b.txt"))
    assert undated.date_source == "inferred" and undated.window


def test_an_inferred_date_is_marked_and_names_the_articles_that_decided_it(tmp_path: Path) -> None:
    folder = write(tmp_path / "dump", {"a.txt": DATED, "b.txt": UNDATED})
    chronology = build([str(folder)]).chronology
    dated_id = next(article.id for article in chronology.articles if article.path.endswith("a.txt"))
    resignation = events_of(chronology, "resignation")
    assert [event.date_basis for event in resignation] == ["inferred"]
    assert resignation[0].inferred_from == [dated_id]
    assert resignation[0].date and not resignation[0].date.startswith("XXXX")


def test_with_two_fitting_years_the_year_stays_unknown(tmp_path: Path) -> None:
    folder = write(tmp_path / "dump", {"a.txt": DATED, "b.txt": UNDATED, "c.txt": SECOND_APRIL})
    chronology = build([str(folder)]).chronology
    undated = [source for event in events_of(chronology, "inspection") for source in event.sources
               if source.path.endswith("b.txt")]
    assert [source.date_basis for source in undated] == ["stated"]
    assert not any(event.date_basis == "inferred" for event in events_of(chronology, "inspection"))


def test_removing_the_dated_article_undates_what_only_it_dated(tmp_path: Path) -> None:
    folder = write(tmp_path / "dump", {"a.txt": DATED, "b.txt": UNDATED})
    cache = MentionCache(tmp_path / "cache")
    assert any(event.date_basis == "inferred" for event in events_of(build([str(folder)], cache=cache).chronology, "resignation"))
    (folder / "a.txt").unlink()
    chronology = build([str(folder)], cache=cache).chronology
    assert all(event.date_basis == "stated" for block in chronology.councils for event in block.events)
    assert [event.date for event in events_of(chronology, "inspection")] == ["XXXX-04"]


def test_an_article_dated_by_another_dates_a_third(tmp_path: Path) -> None:
    folder = write(tmp_path / "dump", {"a.txt": DATED, "b.txt": UNDATED, "c.txt": LATER})
    chronology = build([str(folder)]).chronology
    inspections = events_of(chronology, "inspection")
    assert [event.date for event in inspections] == ["2012-04"]
    assert {Path(source.path).name for source in inspections[0].sources} == {"a.txt", "b.txt", "c.txt"}


@pytest.mark.parametrize("names", [("a.txt", "b.txt", "c.txt"), ("z.txt", "m.txt", "a.txt"), ("m.txt", "a.txt", "z.txt")])
def test_inference_does_not_depend_on_reading_order(tmp_path: Path, names: tuple[str, str, str]) -> None:
    folder = write(tmp_path / "dump", dict(zip(names, (DATED, UNDATED, LATER))))
    chronology = build([str(folder)]).chronology
    dated = sorted((event.type, event.date, event.date_basis) for block in chronology.councils for event in block.events)
    reference = write(tmp_path / "reference", {"a.txt": DATED, "b.txt": UNDATED, "c.txt": LATER})
    expected = build([str(reference)]).chronology
    assert dated == sorted((event.type, event.date, event.date_basis) for block in expected.councils for event in block.events)


def test_inference_is_the_same_with_workers_the_cache_and_a_resumed_build(tmp_path: Path) -> None:
    folder = write(tmp_path / "dump", {"a.txt": DATED, "b.txt": UNDATED})
    cold = build([str(folder)]).chronology.model_dump_json()
    assert build([str(folder)], jobs=2).chronology.model_dump_json() == cold
    cache = MentionCache(tmp_path / "cache")
    assert build([str(folder)], cache=cache).chronology.model_dump_json() == cold
    assert build([str(folder)], cache=cache).chronology.model_dump_json() == cold  # from the cache
    shutil.copy(folder / "b.txt", tmp_path / "b.txt")
    (folder / "b.txt").unlink()
    build([str(folder)], cache=cache)
    shutil.copy(tmp_path / "b.txt", folder / "b.txt")  # added back after the kept build: resumed
    assert build([str(folder)], cache=cache).chronology.model_dump_json() == cold


class CountingEngine(LocalEngine):
    """The local engine, counting what each function it runs was given."""

    def __init__(self, jobs: int = 1) -> None:
        super().__init__(jobs)
        self.given: dict[str, list] = {}

    def map_ordered(self, function, batches, *args, **kwargs):  # type: ignore[no-untyped-def]
        batches = list(batches)
        self.given.setdefault(function.__name__, []).extend(item for batch in batches for item in batch)
        return super().map_ordered(function, batches, *args, **kwargs)


def test_articles_narrowed_are_extracted_again_by_the_builds_engine(tmp_path: Path) -> None:
    folder = write(tmp_path / "dump", {"a.txt": DATED, "b.txt": UNDATED})
    engine = CountingEngine()
    chronology = build([str(folder)], engine=engine).chronology
    tasks = engine.given["extract_batch"]
    assert [(Path(task.path).name, task.anchor) for task in tasks] == [("b.txt", "2012-05-30"), ("b.txt", "2012-06-05")]
    assert chronology.model_dump_json() == build([str(folder)]).chronology.model_dump_json()


def test_the_reading_workers_extract_again_and_date_as_this_process_does(tmp_path: Path, workers_at_once: None, pools_started: list[int]) -> None:
    folder = write(tmp_path / "dump", {"a.txt": DATED, "b.txt": UNDATED})
    in_process = build([str(folder)]).chronology.model_dump_json()
    with CountingEngine(jobs=2) as engine:
        assert build([str(folder)], engine=engine).chronology.model_dump_json() == in_process
    assert engine.given["extract_batch"] and pools_started == [2]  # reading, dating and dedupe: one pool


def test_an_article_analysed_once_for_two_anchors_reads_as_if_extracted_on_each(tmp_path: Path) -> None:
    folder = write(tmp_path / "dump", {"b.txt": UNDATED})
    article = next(item for item in read_paths([str(folder / "b.txt")], ReadOptions()) if isinstance(item, Article))
    days = ["2012-05-30", "2013-01-08"]
    together = [found.mentions for found in extract_on_days(article, days)]
    apart = [extract_article(article.model_copy(update={"published": day})).mentions for day in days]
    assert together == apart and together[0] != together[1]


def test_an_article_read_for_one_sentence_tells_its_events_as_the_whole_reading_does(tmp_path: Path) -> None:
    folder = write(tmp_path / "dump", {"b.txt": UNDATED})
    article = next(item for item in read_paths([str(folder / "b.txt")], ReadOptions()) if isinstance(item, Article))
    days = ["2012-05-30", "2013-01-08"]
    whole = extract_on_days(article, days)
    visit = next(mention.source.start for mention in whole[0].mentions if mention.type == "inspection")
    part = extract_on_days(article, days, frozenset({visit}))
    for read_whole, read_part in zip(whole, part):
        # the resignation's sentence is always read: a departure told beside one is no event of its own
        assert read_part.mentions == [mention for mention in read_whole.mentions
                                      if mention.source.start == visit or mention.type == "resignation"]
        assert {mention.type for mention in read_part.mentions} == {"inspection", "resignation"}
        assert read_part.signature is None and read_whole.signature is not None


TWO_RATINGS = """---
title: Wigan director resigns
published: 2011-09-07
---
Wigan director resigns

Wigan Council was served with a government improvement notice in May 2010 after a damning joint inspection.

A follow-up check carried out in August led inspectors to rule that services were inadequate, in a report published on Monday.
"""

FIRST_RATING_UNDATED = """Wigan safeguarding rated inadequate

Wigan Council's safeguarding services have been rated as inadequate by Ofsted.

The inspection, in March, found that managers held more than 30 cases each.
"""


def test_a_rating_alone_does_not_make_an_open_article_the_one_inadequate_report_dated(tmp_path: Path) -> None:
    folder = write(tmp_path / "dump", {"a.txt": TWO_RATINGS, "b.txt": FIRST_RATING_UNDATED})
    chronology = build([str(folder)]).chronology
    inspections = [event.date for council in chronology.councils for event in council.events if event.type == "inspection"]
    assert "2010-03" in inspections  # the damning inspection before the May 2010 notice, not a March of 2011


def test_an_article_gone_from_its_file_gives_no_mentions_on_an_anchor(tmp_path: Path) -> None:
    folder = write(tmp_path / "dump", {"b.txt": UNDATED})
    task = AnchorTask(str(folder / "b.txt"), "not-its-id", "2012-06-01", ReadOptions())
    assert extract_batch([task]) == [([], None)]


def test_anchored_extractions_come_back_with_their_keys_before_the_later_tasks_are_made(tmp_path: Path) -> None:
    folder = write(tmp_path / "dump", {"b.txt": UNDATED})
    article = next(item for item in read_paths([str(folder / "b.txt")], ReadOptions()) if isinstance(item, Article))
    days = ["2012-05-30", "2013-01-08"] * TASKS_PER_BATCH  # two batches
    made = []

    def keyed():  # type: ignore[no-untyped-def]
        for key, day in enumerate(days):
            made.append(key)
            yield key, AnchorTask(str(folder / "b.txt"), article.id, day, ReadOptions())

    extracted = extract_on_anchors(LocalEngine(1), keyed(), None)
    key, mentions = next(extracted)
    assert key == 0 and len(made) < len(days)  # what makes the tasks (dating's linking) goes on after
    assert mentions == extract_article(article.model_copy(update={"published": days[0]})).mentions
    assert [key for key, _ in extracted] == list(range(1, len(days)))


@pytest.mark.parametrize("fmt", ["md", "table"])
def test_an_inferred_date_is_said_to_be_inferred_in_the_human_formats(tmp_path: Path, fmt: str) -> None:
    folder = write(tmp_path / "dump", {"a.txt": DATED, "b.txt": UNDATED})
    result = CliRunner().invoke(app, ["build", str(folder), "--format", fmt])
    assert result.exit_code == 0
    assert "May 2012 (inferred)" in result.stdout


def test_the_schema_documents_what_was_inferred() -> None:
    schema = json.dumps(chronology_schema())
    for field in ("date_basis", "inferred_from", "window"):
        assert f'"{field}"' in schema


def test_explain_shows_how_the_archive_dates_an_article(tmp_path: Path) -> None:
    folder = write(tmp_path / "dump", {"a.txt": DATED, "b.txt": UNDATED})
    result = CliRunner().invoke(app, ["explain", str(folder / "b.txt"), "--archive", str(folder)])
    assert result.exit_code == 0
    assert "How the archive dates it" in result.stdout
    assert "undated; published after 30 May 2012" in result.stdout
    assert "April 2012, from what “Torbay children's services rated inadequate”, 31 May 2012 tells" in " ".join(result.stdout.split())


def test_an_undated_page_whose_url_names_its_month_resolves_its_dates_on_it(tmp_path: Path) -> None:
    page = ('<html><head><title>Torbay rated inadequate</title>'
            '<link rel="canonical" href="https://news.example.org/2016/12/torbay-rated-inadequate/"></head><body><article>'
            "<h1>Torbay rated inadequate</h1><p>Torbay Council's children's services have been rated inadequate.</p>"
            "<p>Inspectors spent four weeks in the town, between September 26 and October 20, and found serious failures.</p>"
            "</article></body></html>")
    folder = write(tmp_path / "dump", {"a.html": page})
    inspections = events_of(build([str(folder)]).chronology, "inspection")
    assert [(event.date, event.date_basis) for event in inspections] == [("2016-09-26/2016-10-20", "inferred")]


def test_words_that_give_one_year_on_both_ends_of_a_window_date_their_event_to_it(tmp_path: Path) -> None:
    page = ("Torbay director quits\n\n"
            "Torbay Council has been under an improvement notice since June 2009. Inspectors will return to the "
            "council in 2009.\n\nTorbay Council's director of children's services, Moira Tallis, resigned last month.\n")
    folder = write(tmp_path / "dump", {"b.txt": page})
    chronology = build([str(folder)]).chronology
    assert next(article.window for article in chronology.articles) == "2009-06-01/2009-12-31"
    assert [(event.date, event.date_basis) for event in events_of(chronology, "resignation")] == [("2009", "inferred")]


def test_a_date_an_undated_article_states_with_its_year_dates_another_undated_one(tmp_path: Path) -> None:
    history = ("Shoesmith appeal\n\nSharon Shoesmith was sacked by a Haringey Council disciplinary panel on 8 December 2008, "
               "a week after the minister removed her from her post.\n")
    news = ("Children's chief sacked\n\nHaringey Council's director of children's services, Sharon Shoesmith, "
            "was sacked today by a panel of councillors.\n")
    chronology = build([str(write(tmp_path / "dump", {"a.txt": history, "b.txt": news}))]).chronology
    assert [event.date for event in events_of(chronology, "departure")] == ["2008-12-08"]
    undated = next(article for article in chronology.articles if article.path.endswith("b.txt"))
    assert undated.published == "2008-12-08" or undated.window == "2008-12-08/2008-12-08"


def test_an_event_the_archive_gives_no_date_for_is_kept_apart_from_the_chronology(tmp_path: Path) -> None:
    undated = "Torbay news\n\nTorbay Council's director of children's services, Moira Tallis, has resigned.\n"
    chronology = build([str(write(tmp_path / "dump", {"a.txt": undated}))]).chronology
    block, = chronology.councils
    assert block.events == [] and [(event.type, event.date) for event in block.undated] == [("resignation", "XXXX")]
    table = CliRunner().invoke(app, ["build", str(tmp_path / "dump"), "--no-cache", "-q"]).stdout
    assert "date unknown" in table and "Tallis" in table
