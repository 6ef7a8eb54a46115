"""The records that flow through the pipeline, from Article to Chronology.

Every stage takes and returns these typed models; the JSON output is their serialisation,
and `chronicle schema` prints the JSON Schema generated from `Chronology`.
"""
from __future__ import annotations

import re
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

SCHEMA_VERSION = "1"
UNSAFE_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udfff]")
"""Characters no output may carry: control characters but newline and tab, bidirectional
controls, lone surrogates."""


def _escaped(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape", "backslashreplace").decode("ascii")


class DateSource(str, Enum):
    """How an article's publication date was known."""

    METADATA = "metadata"
    TEXT = "text"
    URL = "url"
    FILENAME = "filename"
    INFERRED = "inferred"
    UNKNOWN = "unknown"


class Record(BaseModel):
    """Base for all records: immutable, and strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Article(Record):
    """One article as read: its body text and what is known about it."""

    id: str = Field(description="Stable short hash of the article's path, text and metadata.")
    path: str = Field(description="Where the article was read from (file path, path#record, or '-').")
    text: str = Field(description="The article body as read (after any front matter).")
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = Field(None, description="Publication date, ISO 8601 (YYYY-MM-DD).")
    date_source: DateSource = DateSource.UNKNOWN
    date_warning: str | None = Field(None, description="Why a publication date the metadata gives could not be read.")
    not_after: str | None = Field(
        None, description="For an undated article: a day it appeared on or before, known from outside it (a web archive's crawl date)."
    )


TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


class TimeExpression(Record):
    """A temporal expression found in text, normalised as TIMEX3 (TempEval-3 conventions)."""

    start: int = Field(description="Character offset of the first character.")
    end: int = Field(description="Character offset one past the last character.")
    text: str
    type: TimexType
    value: str = Field(description="TIMEX3 value: 2011-09-07, XXXX-03, 2011-W36, P18M, PAST_REF, ...")
    mod: str | None = Field(None, description="TIMEX3 mod: APPROX, START, MID, END, ...")


class Person(Record):
    name: str
    role: str | None = None


EventStatus = Literal["occurred", "expected"]
EventType = Literal[
    "inspection", "inspection_report", "improvement_notice", "statutory_direction", "intervention",
    "resignation", "departure", "appointment", "secondment", "review",
]
"""The ten event types (`models.vocabulary.EVENT_TYPES`); details go in attributes, never in new types."""
_EDTF_PART = r"(?:\d{4}|\d{3}X|\d{2}XX|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?)?[~?%]?"
EDTF_DATE = rf"^{_EDTF_PART}(?:/{_EDTF_PART})?$"
"""The EDTF forms chronicle writes: a year, month or day (digits unknown as X, qualified ~ ? %),
or an interval of two."""
DateBasis = Literal["stated", "inferred"]
"""Whether a date is what a source says, or what chronicle inferred from the archive as a whole."""


class Source(Record):
    """Where an event was read: one article and the sentence in it."""

    article: str
    path: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    date: str | None = Field(None, description="The date this source gives the event (EDTF), so disagreements can be attributed.")
    date_basis: DateBasis = Field("stated", description="'inferred' when the source's year (or day) was learnt from other articles.")
    inferred_from: list[str] = Field(default_factory=list, description="Ids of the articles whose dates decided an inferred date.")
    sentence: str
    start: int
    end: int


class Attributes(Record):
    rating: str | None = None
    inspection_kind: str | None = None
    inspectorates: list[str] = Field(default_factory=list)


class Offset(Record):
    """An event told as a stretch of time after another of its council: "five weeks after the
    second inadequate rating" is P5W after an inspection report rated inadequate."""

    type: str
    duration: str = Field(description="ISO 8601 duration: P5W, P3M.")
    rating: str | None = None


class EventMention(Record):
    """One event as one article tells it."""

    type: str
    council: str
    date: str | None = Field(description="EDTF date: 2011-09, XXXX-03, 2011-09-05/2011-09-11, 2013-03~.")
    status: EventStatus = "occurred"
    people: list[Person] = Field(default_factory=list)
    attributes: Attributes = Field(default_factory=Attributes)
    confidence: float
    trigger: str = Field(description="The words that signalled the event.")
    date_text: str | None = Field(None, description="The words the date was read from, if any.")
    news: bool = Field(
        False, description="Told as news of the day (present perfect: \"has resigned\"), so dated by publication."
    )
    before: str | None = Field(
        None,
        description="For an event told only as what a dated one came after (\"a notice in May 2010 after a damning"
        " inspection\"): that date. Such a mention is evidence for dating; it is shown once the archive dates it.",
    )
    after: Offset | None = Field(
        None, description="For an event told as a stretch of time after another (\"three months after the rating\"): which and how long."
    )
    source: Source


MENTIONS = TypeAdapter(list[EventMention])
"""An article's mentions as JSON: how the cache stores them and a build's workspace files them."""


class Extracted(Record):
    """The per-article stage's product: the article's event mentions and its story's signature."""

    mentions: list[EventMention]
    signature: bytes | None = Field(None, description="MinHash of the kept text's shingles (`pipeline.merge.syndication`).")
    own_window: str | None = Field(
        None, description="For an undated article: the days it can have appeared on, from the dates it tells as past and to come."
    )


class Event(Record):
    """One real-world event, merged from every mention that reports it."""

    id: str = Field(description="Stable hash of council, type, date and people.")
    type: EventType
    date: str | None = Field(
        pattern=EDTF_DATE,
        description="EDTF: 2011-09-07, 2011-09, 2011, XXXX-03 (year unknown), 2013-03~ (approximate),"
        " intervals 2011-09-05/2011-09-11; null when nothing dates it.",
    )
    status: EventStatus = "occurred"
    summary: str
    people: list[Person] = Field(default_factory=list)
    attributes: Attributes = Field(default_factory=Attributes)
    confidence: float
    alternative_dates: list[str] = Field(
        default_factory=list, description="Other dates given by some sources, kept when they disagree."
    )
    date_basis: DateBasis = Field(
        "stated", description="'inferred' when no source states the date: it was learnt from other articles of the archive."
    )
    inferred_from: list[str] = Field(default_factory=list, description="Ids of the articles whose dates decided an inferred date.")
    sources: list[Source]


class CouncilChronology(Record):
    council: str
    events: list[Event]
    undated: list[Event] = Field(
        default_factory=list,
        description="Events the archive gives no date for, not even a month: told and cited, but not placed in the chronology.",
    )

    def told(self) -> list[Event]:
        """Every event, the undated last: what the human formats show."""
        return self.events + self.undated


class ArticleSummary(Record):
    """What the chronology says about each article it read (the body text is left out)."""

    id: str
    path: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None
    date_source: DateSource
    window: str | None = Field(
        None,
        description="For an article with no stated date: the days it can have been published, an EDTF interval"
        " ('2009-06-01/..', '2012-05-31/2013-04-30'), from what it says itself and what other articles date.",
    )
    copy_of: str | None = None


class Problem(Record):
    """Something wrong with one input: the file (and line or record) and the reason."""

    path: str
    reason: str
    skipped: bool = Field(True, description="True when nothing of this input was read.")

    def line(self) -> str:
        """The problem in one printable line: a control character in a file's name is shown
        escaped (\\x1b), never sent to the terminal or into an output."""
        return UNSAFE_CHARACTERS.sub(_escaped, f"{self.path}: {self.reason}")


class Chronology(Record):
    schema_version: str = SCHEMA_VERSION
    councils: list[CouncilChronology]
    articles: list[ArticleSummary] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
