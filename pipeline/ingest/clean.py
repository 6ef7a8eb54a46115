"""Cleaning: find the parts of an article body that are the story itself.

Cleaning never rewrites the text. It returns the spans (`Block`s) of the body worth reading,
so every later offset still points into the text as read; `mask` blanks everything else
out with spaces of the same length for the stages that want one string.

A body is cut into units: a line, or several lines when they are one hard-wrapped
paragraph. A unit is dropped when it is
  * site furniture (subscription offers, cookie notices, share labels, "Related articles"
    and the list of headlines that follows such a heading, ...);
  * a caption or stray headline: no sentence shape (it does not end like a sentence), or a
    picture credit at its end;
  * a repeat of a unit already seen (captions and standfirsts are often printed twice).
A caption glued to the start of a paragraph ("...in the backgroundThe council said") is cut
off at the glue.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

FURNITURE = re.compile(
    r"""^\W*(?:
        related\ (?:articles?|stories|content|links|topics)|more\ from\b|more\ on\ this|most\ (?:read|popular|viewed|shared)
        |top\ stories|comments?\ are\ closed|\d+\ comments?$|leave\ a\ comment|subscribe\b|sign\ up\b|newsletter
        |cookies?\b|we\ use\ cookies|we\ and\ our\ partners\ (?:use|store)\b|we\ value\ your\ privacy|accept\ (?:all\ )?cookies|this\ (?:site|website)\ uses
        |share\ (?:this|on|via)\b|^share$|bookmark\ with|e-?mail\ this\b|send\ to\ a\ friend|print(?:able)?\ (?:version|this)\b|hide\ ad|advertisement|on\ air\ now|now\ playing|listen\ live
        |image\ (?:caption|copyright|source)|photograph:|photo:|picture:|credit:|getty\ images|pa\ media
        |follow\ us|read\ more|see\ also|you\ are\ using\ an?\ (?:old|outdated)|upgrade\ your\ browser
        |(?:watch|video|listen|audio|gallery):|external\ link|external$|facebook$|twitter$|email$|print$|whatsapp$|linkedin$
        |job\ of\ the\ week|jobs?\ (?:board|ads?)|latest\ jobs|advertise\ with|from\ £|£\d+\ /
        |all\ rights\ reserved|copyright\ ©|©|terms\ (?:and|&)\ conditions|privacy\ policy
        |published\ \d|posted\ in\b|tags?:|filed\ under|skip\ to
    )""",
    re.IGNORECASE | re.VERBOSE,
)
LIST_HEADINGS = re.compile(
    r"^\W*(related (articles?|stories|content|links)|more from\b|more on this|most (read|popular|viewed|shared)"
    r"|top stories|read more|see also|latest jobs|you may also like)",
    re.IGNORECASE,
)
"""Headings followed by a list of other stories' headlines (which end like no sentence)."""

COUNCIL_HEADING = re.compile(
    r"\s*(?:(?:London|Royal) Borough of (?:[A-Z][\w'’-]*\s?){1,3}|(?:(?:[A-Z][\w'’-]*|and|upon|with|of)\s+){1,5}Council)\s*"
)
"""A council's name alone on its line heads a roundup's section ("Dudley Metropolitan Borough
Council", then its news): kept, so that the section's sentences can be its council's."""
CUT_OFF_MIN_WORDS = 12
"""A paragraph cut off mid-sentence is still this long; captions rarely are."""
FULL_STOPS = (".", "!", "?", "…")
CLOSING_MARKS = "\"'’”)]"
"""What may follow a full stop at the end of a sentence: "…in May.”", "(…in May.)"."""
OPEN_ENDINGS = (":", ";", '"', "”", "’")
"""A unit ending in one of these (a colon before a quote, a closing quote) still ends like a sentence."""
BULLET = re.compile(r"^\s*[•·▪‣◦*–-]\s")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
TIMELINE_MIN_WORDS = 4
DATED_STANDFIRST_MIN_WORDS = 10
"""Fewer words, and a dated line under the headline is a dateline, a byline or a subtitle. (The
header's test, `pubdate.STANDFIRST_MIN_WORDS`, asks a dozen words of a line that opens with an
article, to tell a standfirst from a headline.)"""
TIMELINE_HEADING_WORDS = 6
GLUED_CAPTION = re.compile(r"[A-Z](?<=[a-z)][A-Z])(?=[a-z])")
"""Where a caption ends and a paragraph starts, glued ("...in the backgroundThe council"): the match
is the capital. It opens on the capital, the character before checked by a lookbehind after it,
so that the engine skips from capital to capital (3x faster than opening on the lookbehind)."""
GLUED_CAPTION_WORDS = (3, 30)
"""A glued caption has between 3 and 30 words: fewer is more likely a camel-case name
("McDonald"), more is a paragraph that lost its full stop."""
PLAIN_QUOTES = (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'))
"""A repeat is a repeat whatever its quotes: pages print a standfirst once with curly
apostrophes and again with straight ones."""
WRAPPED_WIDTH = (55, 100)
"""Hard-wrapped exports break lines at 60-80 characters; a line of that width that stops
mid-phrase runs on, even into a capitalised word ("rated inadequate by / Ofsted")."""
CAMEL_CASE_WORDS = re.compile(r"(?:LocalGov|YouTube|PwC|iPlayer|Mc[A-Z]|Mac[A-Z]|CYPNow|TheGuardian)$")


@dataclass(frozen=True)
class Block:
    """A kept span of the body: [start, end) offsets into the text as read."""

    start: int
    end: int


CREDITED = re.compile(r"[(\s](?:picture|photo|photograph|image|credit)s?:\s*[^.]{1,60}\)?\s*$", re.I)
"""A unit that ends with its picture credit ("... launched in April. Picture: Sandwell Council")
is a caption, however sentence-like: it may tell an older story than the article's."""


def clean(text: str) -> list[Block]:
    """The spans of `text` that are the story: no furniture, captions or repeats. A timeline
    (bullets that each give a year, as council-watchers' posts list a council's history) is
    story too, with the heading that names whose it is."""
    blocks: list[Block] = []
    seen: set[str] = set()
    in_list = False
    units = list(_units(text))
    for index, (start, end) in enumerate(units):
        unit = text[start:end]
        if LIST_HEADINGS.match(unit):
            in_list = True
            continue
        if not in_list and (_dated_bullet(unit) or _timeline_heading(unit, _unit_text(text, units, index + 1))):
            blocks.append(Block(start, end))
            continue
        if FURNITURE.match(unit) or BULLET.match(unit) or CREDITED.search(unit):
            continue
        start = _after_glued_caption(text, start, end)
        unit = text[start:end]
        if not (ends_like_sentence(unit) or _cut_off(text, unit, end) or COUNCIL_HEADING.fullmatch(unit)
                or (index and not blocks and _dated_standfirst(unit))):
            continue
        in_list = in_list and len(unit.split()) < 12
        key = _repeat_key(unit)
        if in_list or key in seen:
            continue
        seen.add(key)
        blocks.append(Block(start, end))
    return blocks


def _dated_bullet(unit: str) -> bool:
    """A bullet of a timeline: some words and a year ("- DfE improvement notice December 2018")."""
    return bool(BULLET.match(unit)) and len(unit.split()) >= TIMELINE_MIN_WORDS and YEAR.search(unit) is not None


def _unit_text(text: str, units: list[tuple[int, int]], index: int) -> str:
    """The text of the unit at `index`, or nothing past the last."""
    if index >= len(units):
        return ""
    start, end = units[index]
    return text[start:end]


def _timeline_heading(unit: str, following: str) -> bool:
    """A short heading right above a timeline's first bullet ("BRADFORD")."""
    return len(unit.split()) <= TIMELINE_HEADING_WORDS and not BULLET.match(unit) and _dated_bullet(following)


def _dated_standfirst(unit: str) -> bool:
    """A standfirst under the headline, before the story's first paragraph, that tells dated
    news in a sentence without its full stop ("Rochdale Borough Council response to the Ofsted
    report published on 23 May 2014"): a sentence's length and a year."""
    return len(unit.split()) >= DATED_STANDFIRST_MIN_WORDS and YEAR.search(unit) is not None


def _cut_off(text: str, unit: str, end: int) -> bool:
    """Whether a unit that stops mid-sentence is the story's last paragraph, cut off (excerpts
    and truncated saves are common): a paragraph's length, and nothing after it that ends like
    a sentence. A caption is shorter, and a story goes on after it."""
    if len(unit.split()) < CUT_OFF_MIN_WORDS:
        return False
    return not any(ends_like_sentence(text[start:stop]) and not FURNITURE.match(text[start:stop])
                   for start, stop in _units(text[end:]))


def _repeat_key(unit: str) -> str:
    """What two printings of one unit share: lower case, plain quotes, single spaces. The quotes
    are replaced one by one: `str.translate` costs ten times more on text that has none."""
    key = unit.lower()
    for curly, plain in PLAIN_QUOTES:
        key = key.replace(curly, plain)
    return " ".join(key.split())


def _units(text: str) -> Iterator[tuple[int, int]]:
    """Lines, with hard-wrapped paragraph lines joined: a line that ends mid-sentence and is
    followed by a line starting in lower case continues onto it."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    index = 0
    while index < len(lines):
        start, end = lines[index]
        while index + 1 < len(lines) and _continues(text, end, lines[index + 1]):
            index += 1
            end = lines[index][1]
        stripped_start = start + len(text[start:end]) - len(text[start:end].lstrip())
        stripped_end = start + len(text[start:end].rstrip())
        if stripped_end > stripped_start:
            yield stripped_start, stripped_end
        index += 1


def _continues(text: str, end: int, following: tuple[int, int]) -> bool:
    if following[0] != end + 1:
        return False
    line = text[text.rfind("\n", 0, end) + 1 : end]
    next_line = text[following[0] : following[1]].lstrip()
    if not next_line or ends_like_sentence(line) or next_line == line.strip() or BULLET.match(next_line):
        return False
    return next_line[0].islower() or (WRAPPED_WIDTH[0] <= len(line) <= WRAPPED_WIDTH[1] and line.rstrip()[-1:].islower())


def ends_like_sentence(text: str) -> bool:
    """Whether `text` ends with a full stop (then closing marks) or an open ending, then only
    space. Told from the end of the string: a regex search for the same shape tried every
    position of every line."""
    stripped = text.rstrip()
    return stripped.endswith(OPEN_ENDINGS) or stripped.rstrip(CLOSING_MARKS).endswith(FULL_STOPS)


def _after_glued_caption(text: str, start: int, end: int) -> int:
    """Where the paragraph really starts when a caption has been glued onto its front."""
    unit = text[start:end]
    match = GLUED_CAPTION.search(unit)
    if not match:
        return start
    left = unit[: match.start()]
    words = len(left.split())
    low, high = GLUED_CAPTION_WORDS
    glued_word = left.split()[-1] + unit[match.start() :].split()[0] if words else ""
    if low <= words <= high and not re.search(r"[.!?]", left) and not CAMEL_CASE_WORDS.search(glued_word):
        return start + match.start()
    return start


def mask(text: str, blocks: list[Block]) -> str:
    """`text` with everything outside `blocks` blanked (newlines kept), offsets unchanged."""
    pieces: list[str] = []
    position = 0
    for block in blocks:
        pieces.append(_blank(text[position : block.start]))
        pieces.append(text[block.start : block.end])
        position = block.end
    pieces.append(_blank(text[position:]))
    return "".join(pieces)


def _blank(text: str) -> str:
    """Spaces for every character but newlines (twice as fast as a regex substitution)."""
    return "\n".join(" " * len(line) for line in text.split("\n"))
