"""`chronicle explain`: each seed article's events with their reasons; dropped text dimmed."""
from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from typer.testing import CliRunner

from cli.main import app
from pipeline.extract.analysis import extract_article
from pipeline.extract.explain import DROPPED_STYLE, explain, highlighted
from pipeline.ingest.read import read_paths

SEEDS = sorted(Path("/work/shared/seeds").glob("*.txt"))
SEND_CAPTION = "Civic leaders in Peterborough have signed a letter calling for more funding for SEND services"


def article(path: Path):
    (item,) = read_paths([str(path)])
    return item


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_explain_gives_a_reason_for_every_event_build_finds(path: Path) -> None:
    result = CliRunner().invoke(app, ["explain", str(path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    mentions = extract_article(article(path)).mentions
    assert mentions
    assert result.stdout.count("   trigger   “") == len(mentions)
    for mention in mentions:
        assert f"“{mention.trigger}”" in result.stdout
        assert mention.council in result.stdout


def test_explain_uses_the_same_mentions_as_build() -> None:
    seed = article(SEEDS[0])
    assert explain(seed).mentions == extract_article(seed).mentions


def test_send_caption_is_dimmed_and_yields_nothing() -> None:
    explanation = explain(article(SEEDS[0]))
    text: Text = highlighted(explanation)
    start = explanation.article.text.index(SEND_CAPTION)
    styles = [span.style for span in text.spans if span.start <= start < span.end]
    assert text.style == DROPPED_STYLE and "not dim" not in styles
    assert all(SEND_CAPTION not in mention.source.sentence for mention in explanation.mentions)
