"""The article's own date, told apart from the other dates on the page."""
from __future__ import annotations

import pytest

from models.records import DateSource
from pipeline.ingest.formats.text import parse_text_article
from pipeline.ingest.pubdate import date_in_url, month_in_url, read_header

BODY = "Kent County Council has been rated inadequate by Ofsted.\n\nThe council said it would appeal."


def test_date_line_under_the_byline() -> None:
    header = read_header(f"Kent rated inadequate\n\nJo Bloggs\nWednesday, September 7, 2011\n\n{BODY}")
    assert (header.headline, header.byline, header.date) == ("Kent rated inadequate", "Jo Bloggs", "2011-09-07")


def test_a_news_database_export_dates_its_article_with_the_weekday_after() -> None:
    header = read_header(f"Page 1 of 1\n\nKent rated inadequate\n\nKent Messenger\n\nDecember 15, 2016 Thursday\nFirst Edition\n\n{BODY}")
    assert (header.headline, header.date) == ("Kent rated inadequate", "2016-12-15")


def test_leading_date_field_line() -> None:
    assert read_header(f" date 2017-08-15\nKent rated inadequate\n\n{BODY}").date == "2017-08-15"


def test_a_date_field_run_into_the_first_paragraph_dates_the_page_and_leaves_the_story() -> None:
    text = " date 2019-10-11 The Labour opposition says Kent County Council's children's services are failing.\n\nMore."
    article = parse_text_article(text, "story.txt")
    assert (article.published, article.date_source) == ("2019-10-11", DateSource.TEXT)
    assert len(article.text) == len(text) and article.text.splitlines()[1].startswith("The Labour opposition")


def test_page_last_updated_line_at_the_foot_is_the_articles_own() -> None:
    text = f"Kent rated inadequate\n\n{BODY}\n\nPage last updated at 10:45 GMT, Friday, 23 October 2009"
    assert read_header(text).date == "2009-10-23"


def test_a_published_line_after_the_summary_is_the_pages_own_but_not_one_under_another_storys_headline() -> None:
    assert read_header(f"Direction issued to Kent\n\n{BODY}\n\nPublished 3 April 2017").date == "2017-04-03"
    assert read_header(f"Kent rated inadequate\n\n{BODY}\n\nRelated\n\nSurrey still failing, Ofsted finds\nPublished 30 May 2018").date is None


@pytest.mark.parametrize("line", ["Source: https://www.example.co.uk/news/2012/08/22/kent-rated-inadequate",
                                  "https://www.example.co.uk/news/2012/08/22/kent-rated-inadequate"])
def test_an_address_line_above_a_saved_page_gives_its_url_and_date_and_is_no_headline(line: str) -> None:
    article = parse_text_article(f"{line}\n\nKent rated inadequate\n\n{BODY}", "story.txt")
    assert (article.url, article.title) == (line.split()[-1], "Kent rated inadequate")
    assert (article.published, article.date_source) == ("2012-08-22", DateSource.URL)


def test_date_beside_a_related_link_is_not_the_articles() -> None:
    text = f"Kent rated inadequate\n\n{BODY}\n\nRelated stories:\nSurrey director to leave\nPublished 1 October 2014"
    article = parse_text_article(text, "story.txt")
    assert (article.published, article.date_source) == (None, DateSource.UNKNOWN)


def test_date_in_the_body_is_not_the_publication_date() -> None:
    text = f"Kent rated inadequate\n\n{BODY}\n\nThe inspection took place on 7 March 2011 and lasted two weeks."
    assert parse_text_article(text, "story.txt").published is None


def test_front_matter_wins_over_the_date_line() -> None:
    text = f"---\npublished: 2012-01-02\n---\nKent rated inadequate\n\nWednesday, September 7, 2011\n\n{BODY}"
    article = parse_text_article(text, "story.txt")
    assert (article.published, article.date_source) == ("2012-01-02", DateSource.METADATA)


def test_date_in_the_file_name_is_the_last_resort() -> None:
    article = parse_text_article(f"Kent rated inadequate\n\n{BODY}", "dump/2013-05-02_kent.txt")
    assert (article.published, article.date_source) == ("2013-05-02", DateSource.FILENAME)


def test_caption_or_standfirst_at_the_top_is_not_taken_for_the_headline() -> None:
    text = f"The trust's offices in the city centre. Photograph: Jo Bloggs\n\n{BODY}"
    assert read_header(text).headline is None


def test_dateline_of_several_fields_gives_the_date() -> None:
    assert read_header(f"Kent rated inadequate\n\nTuesday 1 October 2019 | By Jo Bloggs | LocalGov\n\n{BODY}").date == "2019-10-01"


def test_breadcrumb_is_not_the_headline() -> None:
    assert read_header(f"BBC NEWS | England | Kent\n\nKent rated inadequate\n\n{BODY}").headline == "Kent rated inadequate"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.co.uk/news/2012/05/31/torbay-rated-inadequate/",
        "https://www.example.co.uk/society/2012/may/31/torbay-rated-inadequate?CMP=share",
        "https://www.example.co.uk/news/torbay-rated-inadequate-20120531-1234",
        "https://www.example.co.uk/2012-05-31/torbay-rated-inadequate",
        "https://www.example.co.uk/news/2012/05/31",
    ],
)
def test_dates_in_urls_in_every_common_shape(url: str) -> None:
    assert date_in_url(url) == "2012-05-31"


@pytest.mark.parametrize(
    "url",
    ["https://www.example.co.uk/news/2012/13/31/x", "https://www.example.co.uk/page?id=20120531", "https://example.co.uk/story-123456789"],
)
def test_no_date_where_a_url_holds_none(url: str) -> None:
    assert date_in_url(url) is None


def test_share_and_print_labels_are_not_the_headline() -> None:
    text = f"E-mail this to a friend\n\nPrintable version\n\nKent rated inadequate\n\n{BODY}"
    assert read_header(text).headline == "Kent rated inadequate"


@pytest.mark.parametrize("masthead", ["KENT MESSENGER", "Children & Young People Now", "LocalGov.co.uk", "Kent County Council"])
def test_masthead_above_the_headline_is_not_the_headline(masthead: str) -> None:
    assert read_header(f"{masthead}\n\nKent rated inadequate\n\n{BODY}").headline == "Kent rated inadequate"
    assert read_header(f"{masthead}\nNews | Kent\nKent rated inadequate\n\n{BODY}").headline == "Kent rated inadequate"


def test_a_name_shaped_line_is_the_headline_when_nothing_else_is() -> None:
    assert read_header(f"Kent Rated Inadequate\n\n{BODY}").headline == "Kent Rated Inadequate"


def test_arrowed_breadcrumb_is_not_the_headline() -> None:
    assert read_header(f"Home > News > Kent\n\nKent rated inadequate\n\n{BODY}").headline == "Kent rated inadequate"


def test_caption_printed_again_below_is_not_the_headline() -> None:
    caption = "County Hall in Maidstone, where Kent County Council meets"
    text = f"{caption}\nKent rated inadequate\n\n{BODY}\n\n{caption}\n\nThe council said it would appeal again."
    assert read_header(text).headline == "Kent rated inadequate"


def test_standfirst_without_a_headline_leaves_the_article_untitled() -> None:
    standfirst = 'The county\'s second director in three years to go has cited "personal reasons" for his decision'
    assert read_header(f"{standfirst}\n\n{BODY}").headline is None


def test_consent_banner_is_not_the_headline() -> None:
    banner = "We and our partners use cookies to personalise content and ads. [Accept] [Reject]"
    assert read_header(f"{banner}\n\nKent rated inadequate\n\n{BODY}").headline == "Kent rated inadequate"


@pytest.mark.parametrize(
    ("url", "month"),
    [("https://tamesidereporter.example/2016/12/council-rated-inadequate/", "2016-12"),
     ("https://example.org/news/2016/12/council-rated-inadequate?share=1", "2016-12"),
     ("https://example.org/news/2016/12/31/council-rated-inadequate", None),  # a day: date_in_url's
     ("https://example.org/archive/2016/12/", None), ("https://example.org/2016/13/council", None), (None, None)],
)
def test_a_month_with_a_slug_after_it_is_the_urls_month(url: str | None, month: str | None) -> None:
    assert month_in_url(url) == month


@pytest.mark.parametrize("line", ["By on 23/05/2014 in Cllr Jones, News", "Posted by Jo Bloggs on 23 May 2014"])
def test_a_blogs_post_line_dates_the_page(line: str) -> None:
    article = parse_text_article(f"Council responds to Ofsted report\n\n{line}\n\nThe council said it accepted the findings.\n", "a.txt")
    assert article.published == "2014-05-23"


def test_words_before_a_date_that_are_no_post_line_do_not_date_the_page() -> None:
    article = parse_text_article("Council news\n\nBy the end of 23 May 2014 in Rochdale\n\nThe council said it accepted the findings.\n", "a.txt")
    assert article.published is None
