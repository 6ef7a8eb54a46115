"""Publication date and header layout of an article.

The date is the anchor for every relative expression, so it is taken from the most
trustworthy place that gives one, in this order: metadata (front matter, JSON field,
manifest), a date line in the article's own header (or a "Page last updated" line),
a date in the URL path, a date in the file name. Nothing else: an article whose date
nothing gives stays undated, and its relative dates keep unknown parts.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import Path

from models.records import DateSource, TimeExpression
from pipeline.ingest.clean import FURNITURE, ends_like_sentence
from pipeline.timex.tagger import tag

HEADER_LINES = 8
"""The header zone: headline, byline, date line and standfirst sit in the first few lines of
every house style we have seen; a date further down belongs to the story or to furniture."""

DATE_LINE_MAX_WORDS = 12
HEADLINE_MAX_WORDS = 20
FIELD_SEPARATOR = "|"
"""Datelines and breadcrumbs separate their fields with bars ("BBC NEWS | England | London");
headlines do not."""
PHOTO_CREDIT = re.compile(r"\b(?:Photograph|Photo|Picture|Image|Credit)s?:", re.I)
PARAGRAPH_MIN_WORDS = 8
"""A line of eight words or more that ends like a sentence is the story itself, so the header is over
(a standfirst counts as story: a date after it belongs to something else)."""
DATE_FIELD_RUN_IN = re.compile(r"\A(\s*date\s+(?:19|20)\d{2}-\d{2}-\d{2})[ \t](?=\S)", re.I)
OWN_DATE_LINE = re.compile(r"^\s*(page last updated|last updated|published|posted|updated|date)\b[:\s]", re.I)
"""Lines that announce the page's own date. "Page last updated" is trusted anywhere in the text
(BBC pages put it at the foot); the others only in the header zone."""
PAGE_DATE_LINE = re.compile(r"^[ \t]*(?:(?P<updated>page last updated)|published)\b", re.I | re.M)
"""A page's own date line below its summary, anywhere in the body: the BBC's "Page last updated
at 10:02 GMT, Monday, 14 May 2012", GOV.UK's "Published 3 April 2017" after a paragraph (under
another story's headline, in a list of related ones, it is that story's date)."""
URL_DATES = (
    re.compile(r"/(?P<year>(?:19|20)\d{2})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?=[/?#]|$)"),  # /2012/05/31/
    re.compile(r"/(?P<year>(?:19|20)\d{2})/(?P<month>[a-z]{3,9})/(?P<day>\d{1,2})(?=[/?#]|$)", re.I),  # /2012/may/31/
    re.compile(r"/(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})(?=[/?#]|$)"),  # /2012-05-31/
    re.compile(r"[-_/](?P<year>(?:19|20)\d{2})(?P<month>\d{2})(?P<day>\d{2})(?=[-_./?#]|$)"),  # -20120531-
)
"""The shapes publishers put a date in a URL path; the query string after it is ignored."""
URL_MONTH = re.compile(r"/(?P<year>(?:19|20)\d{2})/(?P<month>0[1-9]|1[0-2])/(?=[a-z][\w-]*[a-z][\w-]*/?(?:[?#]|$))", re.I)
"""A month and a slug after it, as WordPress makes them (/2016/12/council-rated-inadequate/): the
page was published that month, its day unknown."""
MONTH_NAMES = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTH_NAMES.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTH_NAMES["sept"] = 9
FILENAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})-?(\d{2})-?(\d{2})(?!\d)")
BREADCRUMB = re.compile(r"\s[>»›]\s")
"""Breadcrumbs separate their levels with arrows ("Home > News > Leadership"); headlines do not."""
NAME_MAX_WORDS = 6
NAME_CONNECTIVES = frozenset({"and", "of", "the", "for", "on", "in", "at"})
"""A masthead, publisher, council or section name ("TEESSIDE EVENING POST", "Children & Young
People Now", "Derbyshire County Council", "Newsroom") has a few words, each capitalised but these;
British headlines are written in sentence case ("Medway handed government improvement notice")."""
STANDFIRST_OPENING = re.compile(r"^(?:The|A|An|This|These)\s")
STANDFIRST_MIN_WORDS = 12
"""Headlines drop articles ("Minister sends commissioner into Norfolk"); a line of a dozen words
or more that opens with one is a sentence: a standfirst or a caption, though its full stop is missing."""
POSTED_BY = re.compile(r"(?:posted\s+)?by(?:\s+[\w'’.-]+){0,3}\s+on", re.I)
BYLINE = re.compile(r"^(?:by\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3}$")
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
HAS_DIGIT = re.compile(r"\d")


URL_LINE = re.compile(r"^(?:(?:source|url|link|original url|saved from|retrieved from|from)\s*:?\s*)?<?(https?://[^\s>]+)>?$", re.I)
"""A header line that gives the page's address, as saved pages and clippings tools write it:
"Source: https://…", "URL: https://…", or the bare address."""


@dataclass(frozen=True)
class Header:
    """What the top of a plain-text article says about itself."""

    headline: str | None = None
    byline: str | None = None
    date: str | None = None
    url: str | None = None


def date_field_on_its_line(body: str) -> str:
    """The body with a leading "date 2019-10-11" field that stored pages run into their first
    paragraph ("date 2019-10-11 The Labour opposition …") on a line of its own, where the header
    reads it as a date line and the story starts after it; same length, so offsets hold."""
    return DATE_FIELD_RUN_IN.sub(lambda match: match.group(1) + "\n", body, count=1)


def read_header(body: str) -> Header:
    every_line = [line.strip() for line in body.split("\n") if line.strip()]
    lines = every_line[:HEADER_LINES]
    date = _own_date_line(lines) or _page_date_line(body)
    headline = _headline(lines, Counter(every_line))
    byline = None
    if headline:
        after = lines[lines.index(headline) + 1 :][:2]
        byline = next((line for line in after if BYLINE.match(line) and not _date_of_line(line)), None)
    url = next((match.group(1) for line in lines if (match := URL_LINE.match(line))), None)
    return Header(headline=headline, byline=byline, date=date, url=url)


def _headline(lines: list[str], printed: Counter[str]) -> str | None:
    """The first headline-shaped line of the header that is none of what pages print around a
    headline: a breadcrumb, a caption or standfirst (printed again further down, or a sentence
    by its shape), or a masthead or section name above it (skipped when a headline follows)."""
    candidates = [
        line for line in lines
        if _headline_shaped(line) and not BREADCRUMB.search(line) and printed[line] == 1 and not _sentence_shaped(line)
    ]
    return next((line for line in candidates if not _name_shaped(line)), candidates[0] if candidates else None)


def _name_shaped(line: str) -> bool:
    words = line.split()
    return len(words) <= NAME_MAX_WORDS and all(
        not word[0].isalpha() or word[0].isupper() or word in NAME_CONNECTIVES for word in words
    )


def _sentence_shaped(line: str) -> bool:
    return bool(STANDFIRST_OPENING.match(line)) and len(line.split()) >= STANDFIRST_MIN_WORDS


def _headline_shaped(line: str) -> bool:
    """A headline is short and does not end like a sentence; a page may have none in its text
    (a caption or standfirst at the top is no title)."""
    return (
        len(line.split()) <= HEADLINE_MAX_WORDS
        and not line.rstrip().endswith((".", "!"))
        and not FURNITURE.match(line)
        and not PHOTO_CREDIT.search(line)
        and FIELD_SEPARATOR not in line
        and not _date_of_line(line)
        and not URL_LINE.match(line)
    )


def _own_date_line(lines: list[str]) -> str | None:
    """The first date line of the header: the lines before the story's first paragraph. A site
    notice above the headline ("Your browser is no longer supported. ...") reads like a
    paragraph, so only a paragraph after a headline ends the header."""
    headline_seen = False
    for line in lines:
        if _is_paragraph(line) and headline_seen:
            return None
        value = _date_of_line(line)
        if value:
            return value
        headline_seen = headline_seen or _headline_shaped(line)
    return None


def _is_paragraph(line: str) -> bool:
    """Whether a line is the story's own text (site notices above the headline are not)."""
    return len(line.split()) >= PARAGRAPH_MIN_WORDS and ends_like_sentence(line) and not FURNITURE.match(line)


@lru_cache(maxsize=256)
def _date_of_line(line: str) -> str | None:
    """The full date of a line that is a date line ("Wednesday, September 7, 2011", or a byline
    and a date, "Jo Bloggs 05 October 2018"), else None.
    A dateline of several fields ("Tuesday 1 October 2019 | By Jo Bloggs | LocalGov") is a date
    line when one of its fields is.

    Only a line with a digit can name a year, so only such a line goes to the tagger; and the
    header's lines are asked about more than once (date line, headline, byline), hence the cache."""
    if len(line.split()) > DATE_LINE_MAX_WORDS or not HAS_DIGIT.search(line):
        return None
    if FIELD_SEPARATOR in line:
        return next(filter(None, map(_date_of_line, line.split(FIELD_SEPARATOR))), None)
    for expression in tag(line, None):
        if not FULL_DATE.match(expression.value):
            continue
        rest = (line[: expression.start] + line[expression.end :]).strip(" ,.:-|")
        if not rest or OWN_DATE_LINE.match(line) or _only_time_words(rest) or BYLINE.match(rest) or _posted(line, expression):
            return expression.value[:10]
    return None


def _posted(line: str, expression: TimeExpression) -> bool:
    """Whether the line is a blog's post line around the date: "By Jo Bloggs on 23/05/2014 in
    News, Children's services" (WordPress leaves "By on" where the author's name is empty)."""
    before, after = line[: expression.start].strip(), line[expression.end :].strip()
    return bool(POSTED_BY.fullmatch(before)) and (not after or after.lower().startswith("in "))


def _only_time_words(rest: str) -> bool:
    """A time, a zone, "updated", or the weekday news databases print after the date ("December 15, 2016 Thursday")."""
    return bool(re.fullmatch(r"[\d:.]*\s*(am|pm|gmt|bst|utc)?[\s,]*(updated|(?:mon|tues|wednes|thurs|fri|satur|sun)day)?", rest, re.I))


def _page_date_line(body: str) -> str | None:
    for match in PAGE_DATE_LINE.finditer(body):
        if not (match.group("updated") or ends_like_sentence(body[: match.start()].rstrip())):
            continue
        line_end = body.find("\n", match.start())
        line = body[match.start() : line_end if line_end >= 0 else len(body)]
        value = _date_of_line(line)
        if value:
            return value
    return None


TEXT_ORDER = (DateSource.METADATA, DateSource.TEXT, DateSource.URL, DateSource.FILENAME)
"""Plain text: the article's own date line is written by its publisher, so it beats the URL."""
PAGE_ORDER = (DateSource.METADATA, DateSource.URL, DateSource.TEXT, DateSource.FILENAME)
"""Web pages: the date line is in the page metadata, not the extracted text, so a date left in
the text is more likely to be furniture or story than the URL's /YYYY/MM/DD/ is."""


def settle(
    meta: dict[str, object],
    path: str,
    header: Header,
    *,
    order: tuple[DateSource, ...] = TEXT_ORDER,
    not_after: str | None = None,
) -> tuple[str | None, DateSource]:
    """The publication date and how it was known: the first source in `order` that gives one.

    `not_after` is an upper bound known from outside (a web archive's crawl date): a page cannot
    be published after it was fetched, so a candidate later than it is wrong and passed over.
    """
    candidates = {
        DateSource.METADATA: normalise(meta.get("published") or meta.get("date")),
        DateSource.TEXT: header.date,
        DateSource.URL: date_in_url(str(meta.get("url") or "")),
        DateSource.FILENAME: date_in_filename(path),
    }
    for source in order:
        value = candidates[source]
        if value and (not_after is None or value <= not_after):
            return value, source
    return None, DateSource.UNKNOWN


def normalise(value: object) -> str | None:
    """An ISO date from a metadata value: a date or datetime; an ISO string; an epoch (seconds
    or milliseconds, as JSON exports give them); an RFC 2822 date (RSS `pubDate`); else any
    written date, read day first as British press writes them ("07/09/2011" is 7 September)."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool) or not value:
        return None
    text = str(value).strip()
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match and _valid(*match.groups()):
        return match.group(0)
    return _epoch_date(text) or _rfc_822_date(text) or _day_first_date(text)


def unreadable(meta: dict[str, object]) -> str | None:
    """Why the metadata's publication date cannot be used, when it gives one that cannot be read."""
    value = meta.get("published") or meta.get("date")
    if value is None or value == "" or normalise(value):
        return None
    return f"publication date {str(value)[:60]!r} cannot be read; the article is read as undated"


EPOCH = re.compile(r"\d{9,10}(?:\.\d+)?|\d{12,13}")
EPOCH_YEARS = (1990, 2100)
"""Epochs outside these years are more likely ids than dates."""


def _epoch_date(text: str) -> str | None:
    """A Unix time in seconds (or milliseconds, 13 digits), as a UTC date."""
    if not EPOCH.fullmatch(text):
        return None
    seconds = float(text) / (1000 if len(text) >= 12 and "." not in text else 1)
    day = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date()
    return day.isoformat() if EPOCH_YEARS[0] <= day.year < EPOCH_YEARS[1] else None


DAY_FIRST = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"],
             "PARSERS": ["custom-formats", "absolute-time"], "RETURN_AS_TIMEZONE_AWARE": False}
"""dateparser's settings for a metadata date: day first, a whole date, never relative to the clock."""


def _day_first_date(text: str) -> str | None:
    import dateparser  # only for a metadata date in no standard shape

    parsed = dateparser.parse(text[:80], languages=["en"], settings=DAY_FIRST)  # type: ignore[arg-type]
    return parsed.date().isoformat() if parsed else None


def _rfc_822_date(text: str) -> str | None:
    """RSS `pubDate` and e-mail style dates ("Wed, 07 Sep 2011 10:00:00 +0100"), as feeds export them."""
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def date_in_url(url: str) -> str | None:
    """The date in a URL's path, in any of `URL_DATES`' shapes."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    for shape in URL_DATES:
        for match in shape.finditer(path):
            month = match["month"]
            number = str(MONTH_NAMES.get(month.lower(), 0)) if month.isalpha() else month
            if _valid(match["year"], number, match["day"]):
                return f"{int(match['year']):04d}-{int(number):02d}-{int(match['day']):02d}"
    return None


def month_in_url(url: str | None) -> str | None:
    """The month (YYYY-MM) a URL's path names with no day (`URL_MONTH`)."""
    match = URL_MONTH.search((url or "").split("?", 1)[0].split("#", 1)[0])
    return f"{match['year']}-{match['month']}" if match else None


def date_in_filename(path: str) -> str | None:
    match = FILENAME_DATE.search(Path(path).name)
    if match and _valid(*match.groups()):
        return "-".join(match.groups())
    return None


def _valid(year: str, month: str, day: str) -> bool:
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def anchor(published: str | None) -> dt.date | None:
    """The publication date as a date, for anchoring relative expressions."""
    return dt.date.fromisoformat(published) if published else None
