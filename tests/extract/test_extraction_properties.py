"""No text makes extraction fail: random prose built from the words triggers, dates and council
names are made of, in any order, through the whole per-article pipeline."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.analysis import extract_article
from pipeline.ingest.formats.text import parse_text_article

WORDS = [
    "Peterborough", "Kent", "County", "Council's", "director", "of", "children's", "services", "Mr", "Ms", "Jo",
    "Bloggs", "resigned", "was", "appointed", "as", "interim", "seconded", "to", "from", "rated", "inadequate",
    "“good”", "inspection", "report", "published", "in", "March", "last", "week", "2011", "18", "months",
    "will", "leave", "at", "the", "end", "July", "commissioner", "trust", "improvement", "notice", "under",
    "since", "after", "which", "who", ",", ".", "\n", "\n\n", '"', "“", "”", "'", "between", "and", "—",
    "not", "called", "for", "Friday", "today", "she", "he", "her", "review", "ordered", "Haringey", "like",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=80), st.sampled_from([None, "2011-09-07"]))
def test_random_prose_never_breaks_extraction(words: list[str], published: str | None) -> None:
    body = "Headline\n\n" + " ".join(words) + "."
    front = f"---\npublished: {published}\n---\n" if published else ""
    for mention in extract_article(parse_text_article(front + body, "fuzz.txt")).mentions:
        assert mention.source.start <= mention.source.end <= len(body)
        assert mention.council and mention.type


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode_never_breaks_extraction(text: str) -> None:
    extract_article(parse_text_article("Headline\n\n" + text, "fuzz.txt")).mentions
