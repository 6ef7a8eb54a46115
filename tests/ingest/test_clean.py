"""Cleaning: site furniture, captions and repeats are dropped; offsets into the text survive."""
from __future__ import annotations

import itertools
import re

import pytest

from pipeline.ingest.clean import clean, ends_like_sentence, mask

STORY = "Slough Borough Council has been rated inadequate by Ofsted for the second time."


def kept(text: str) -> list[str]:
    return [text[block.start : block.end] for block in clean(text)]


@pytest.mark.parametrize(
    "furniture",
    [
        "We use cookies to give you the best experience on our website.",
        "You are using an outdated browser. Please upgrade your browser to improve your experience.",
        "Sign up to our daily newsletter for the latest children's services news.",
        "Hide Ad",
        "Watch: the council leader responds to the report.",
        "Bookmark with:",
        "Share this article",
        "Facebook",
        "On Air Now",
        "Image caption",
        "Photograph: Andrew Fox/Alamy",
        "Advertisement",
        "Published 1 October 2014",
    ],
)
def test_site_furniture_is_dropped(furniture: str) -> None:
    assert kept(f"{STORY}\n\n{furniture}\n\nThe council said it accepted the findings.") == [
        STORY,
        "The council said it accepted the findings.",
    ]


def test_headlines_after_a_related_stories_heading_are_dropped() -> None:
    text = f"{STORY}\n\nRelated stories:\nKent director quits after damning report\nCouncils face deficit.\n\nThe report was published on Tuesday, six weeks after inspectors left the town."
    assert kept(text) == [STORY, "The report was published on Tuesday, six weeks after inspectors left the town."]


def test_most_read_list_is_dropped() -> None:
    text = f"{STORY}\n\nMost Read\n1. Council tax to rise again\n2. Bin strike ends"
    assert kept(text) == [STORY]


def test_caption_repeated_twice_is_dropped() -> None:
    caption = "Council offices in Slough town centre"
    assert kept(f"{caption}\n{caption}\n\n{STORY}") == [STORY]


def test_related_headline_dropped_between_paragraphs_is_dropped() -> None:
    text = f"{STORY}\n\nCare leavers to get council tax exemption\n\nThe council said it accepted the findings."
    assert kept(text) == [STORY, "The council said it accepted the findings."]


def test_caption_glued_to_a_paragraph_is_cut_off() -> None:
    text = "Council offices in Slough with the town hall in the backgroundThe council said it would appeal."
    assert kept(text) == ["The council said it would appeal."]


def test_camel_case_brand_is_not_taken_for_a_glued_caption() -> None:
    text = "The director of children's services told LocalGov that she would stay."
    assert kept(text) == [text]


def test_repeated_standfirst_is_kept_once() -> None:
    assert kept(f"{STORY}\n\n{STORY}") == [STORY]


def test_hard_wrapped_paragraph_is_one_unit() -> None:
    text = "Slough Borough Council's children's services have been rated inadequate by\nOfsted for the second time in two years."
    assert kept(text) == [text]


def test_mask_keeps_offsets_and_line_breaks() -> None:
    text = f"Hide Ad\n{STORY}"
    masked = mask(text, clean(text))
    assert len(masked) == len(text)
    assert masked.index(STORY) == text.index(STORY)
    assert masked.startswith(" " * len("Hide Ad") + "\n")


def test_repeat_with_other_quotes_is_kept_once() -> None:
    curly = STORY.replace("Slough", "Slough’s council")
    straight = STORY.replace("Slough", "Slough's council")
    assert kept(f"{curly}\n\n{straight}") == [curly]


def test_ends_like_sentence_is_the_sentence_end_regex_it_replaced() -> None:
    regex = re.compile(r"""[.!?…]["'’”)\]]*\s*$|[:;]\s*$|["”’]\s*$""")
    alphabet = ".!?…\"'’”)]:;a \n\t\u00a0"
    for length in range(5):
        for chars in itertools.product(alphabet, repeat=length):
            text = "word" + "".join(chars)
            assert ends_like_sentence(text) == bool(regex.search(text)), repr(text)


def test_a_timelines_dated_bullets_and_heading_are_kept_and_a_list_of_links_is_not() -> None:
    text = ("ROCHDALE\n- Ofsted full inspection February 2022 found inadequate\n- DfE direction April 2022\n\n"
            "Related articles\n- Council rated inadequate in 2019 after review\n")
    kept = [text[block.start : block.end] for block in clean(text)]
    assert kept == ["ROCHDALE", "- Ofsted full inspection February 2022 found inadequate", "- DfE direction April 2022"]


def test_a_dated_standfirst_without_its_full_stop_is_story_but_a_short_subtitle_is_not() -> None:
    standfirst = "Rochdale Council response to the Ofsted report of 23 May 2014"
    assert kept(f"Council responds to Ofsted\n\n{standfirst}\n\n{STORY}") == [standfirst, STORY]
    assert kept(f"Council responds\n\nOfsted report, 23 May 2014\n\n{STORY}") == [STORY]
