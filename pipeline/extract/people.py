"""People in an article: names with their roles, followed through the article.

Names are found by shape (two or three capitalised words that are not places, months or
organisations), roles by the phrases around them ("director of children's services John
Richards", "Annie Hudson, the council's director of children's services"). A person named in
full once is then recognised by surname ("Mr Richards", "Richards said"), so every event
names the full name and the role.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from models.councils import load_gazetteer
from models.vocabulary import ROLE
from pipeline.timex.alternation import FOLDS_TO_ASCII, closing_literals, looking_ahead

TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Baroness|Cllr|Councillor)\.?\s+)"
WORD = r"[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O[’'][A-Z][a-z]+"
NAME = re.compile(looking_ahead(rf"(?P<title>{TITLE})?(?P<name>(?:{WORD})(?:\s+(?:{WORD})){{0,2}})"))
ROLE_BEFORE = re.compile(ROLE + r"(?:,)?\s+$", re.I)
TITLE_AT_END = re.compile(TITLE + "$")
ROLE_ENDINGS = tuple(closing_literals(ROLE, re.I) or ("",))
"""What a role ends with ("services", "chief executive"): a text ending otherwise before a name
cannot hold one, which spares the role search (the costliest in finding people) most names."""
ROLE_AFTER = re.compile(r"^,\s+(?:the\s+|who\s+is\s+(?:the\s+)?|now\s+|as\s+)?(?:[\w’']+['’]s?\s+)?" + ROLE + r"\b", re.I)
ROLE_WINDOW = 90
"""Characters looked at on each side of a name for its role: a role phrase runs to ~70."""

NOT_NAME_WORDS = frozenset(
    """
    The A An In On At Of For And But Or As By To From With After Before Following Since Until Meanwhile However Earlier Later
    Last Next This That These Those Its It He She They We I His Her Their Our Mr Mrs Ms Dr Council Councils County City
    Borough Metropolitan District Royal London Children Childrens Children's Services Service Director Directors
    Department Education Secretary State Minister Ministers Care Quality Commission Local Government Association
    England English British Britain Wales Scotland Social Work Workers Safeguarding Board Trust Cabinet Member
    Chief Executive Inspectors Inspector Ofsted Report Reports Government Parliament House Commons Lords Labour
    Conservative Liberal Democrats Tory Party Inspection Inspections Partnership Health Police NHS Court High Family
    January February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday Spring Summer Autumn Winter Street Road Centre Hall Office Offices
    Interim Acting New Former Outgoing Permanent Deputy Assistant Head Leader Lead Young People Families Skills
    Learning Agency Authority Authorities Unit Team Community Now CYP LGC BBC News Today Press Association Times Post
    Guardian Mail Telegraph Independent Echo Star Herald Mirror Express Sun Mercury Standard Evening Gazette
    Advertiser Chronicle Journal Observer Argus Eye Magazine Online Digital Review Serious Case Improvement Notice
    Department's Commissioner Commissioners Judge Justice Prime Whitehall Westminster Downing DfE DfES Sure Start
    Academy School Schools Primary Secondary University College Hospital Foundation Barnardo's NSPCC Unison Union
    Image Caption Photograph Copyright Getty Images Share Facebook Twitter Email Related Read Most Comments Click
    Subscribe Sign Cookie Cookies Watch Video Audio Listen Bookmark Hide Ad Published Updated Page
    Neighbouring Nearby Neighbour Neighbours Fellow Rival Both Elsewhere Across Unlike Like Neither Nor Only
    One Two Three Four Five Another Every Each Some Many Several All Any Other Most Few Crown
    Statutory Direction Directions Forum Forums Posts Tags Blog Division Intervention Early Help Risk Programme Measures
    """.split()
)
TRAILING_POSSESSIVE = re.compile(r"['’]s?$")
ORGANISATION_AFTER = re.compile(r"\s+for\s+(?:Children|Families|Young)\b")
NON_SPACE = re.compile(r"\S+")


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    name: str
    role: str | None = None


@dataclass
class Cast:
    """The people of one article: full names by surname, and their roles."""

    by_surname: dict[str, str] = field(default_factory=dict)
    roles: dict[str, list[str]] = field(default_factory=dict)
    """Every role the article gives each person, in reading order."""
    mentions: list[PersonMention] = field(default_factory=list)

    def role_of(self, name: str) -> str | None:
        """The role the article introduces the person with."""
        roles = self.roles.get(name)
        return roles[0] if roles else None

    def ever(self, name: str, word: str) -> bool:
        """Whether any role the article gives the person contains `word` ("commissioner")."""
        return any(word in role.lower() for role in self.roles.get(name, []))


@cache
def _place_words() -> frozenset[str]:
    words: set[str] = set()
    for council in load_gazetteer().all():
        words.update(council.short.split())
    return frozenset(words)


def find_people(text: str) -> Cast:
    """Every person mentioned in `text`, resolved to full names, with roles where given."""
    cast = Cast()
    position = 0
    while match := NAME.search(text, position):
        match = _past_leading_words(text, match)
        for start, end, words, titled in _name_parts(match):
            _register(cast, text, start, end, words, titled)
        position = match.end()
    covered = {offset for mention in cast.mentions for offset in range(mention.start, mention.end)}
    cast.mentions.extend(m for m in _lone_surnames(text, cast) if m.start not in covered)
    cast.mentions.sort(key=lambda mention: mention.start)
    return cast


def _past_leading_words(text: str, match: re.Match[str]) -> re.Match[str]:
    """The run matched again from its first word that can be a name, when words that cannot
    open it ("In August Sheila Lock"): a run holds three words at most, so the name's last
    would be cut off."""
    if match.group("title"):
        return match
    for word in NON_SPACE.finditer(match.group("name")):
        if TRAILING_POSSESSIVE.sub("", word.group()) not in NOT_NAME_WORDS:
            start = match.start("name") + word.start()
            return match if start == match.start() else (NAME.match(text, start) or match)
    return match


def _name_parts(match: re.Match[str]) -> list[tuple[int, int, list[str], bool]]:
    """Split a run of capitalised words at words that cannot be part of a name. A place name
    cannot start a name, but may end one (the surname Harrow)."""
    titled = bool(match.group("title"))
    if not titled and len(match.group("name").split(maxsplit=1)) == 1:
        return []  # one untitled word, most runs ("The", "Ofsted"), is no name by itself
    if ORGANISATION_AFTER.match(match.string, match.end()):
        return []  # "Brighter Futures for Children", "Achieving for Children": a body, not a person
    base = match.start("name")
    parts: list[tuple[int, int, list[str], bool]] = []
    current: list[tuple[int, int, str]] = []
    for word in NON_SPACE.finditer(match.group("name")):
        text = TRAILING_POSSESSIVE.sub("", word.group())
        if text in NOT_NAME_WORDS or (text in _place_words() and not current and not titled):  # "Ms Harrow" is a person
            if current:
                parts.append(_part(current, base, titled))
            current, titled = [], False
            continue
        current.append((word.start(), word.start() + len(text), text))
    if current:
        parts.append(_part(current, base, titled))
    return [part for part in parts if (len(part[2]) >= 2 or part[3]) and not (_all_places(part[2]) and not part[3])]


def _all_places(words: list[str]) -> bool:
    """"Tower Hamlets" is a place; "Philippa Harrow" is a person with a place for a surname."""
    return all(word in _place_words() for word in words)


def _part(words: list[tuple[int, int, str]], base: int, titled: bool) -> tuple[int, int, list[str], bool]:
    return base + words[0][0], base + words[-1][1], [w for _, _, w in words], titled


def _register(cast: Cast, text: str, start: int, end: int, words: list[str], titled: bool) -> None:
    if len(words) >= 2:
        name = " ".join(words)
        cast.by_surname.setdefault(words[-1], name)
    else:
        name = cast.by_surname.get(words[0])
        if name is None:
            return
    role = _role_around(text, start, end)
    if role:
        cast.roles.setdefault(name, []).append(role)
    cast.mentions.append(PersonMention(start, end, name, role))


def _role_around(text: str, start: int, end: int) -> str | None:
    window = TITLE_AT_END.sub("", text[max(0, start - ROLE_WINDOW) : start])  # "Leicester mayor Sir Peter Soulsby"
    before = ROLE_BEFORE.search(window) if _may_end_with_role(window) else None
    if before:
        return _tidy(before.group("role"))
    after = ROLE_AFTER.match(text[end : end + ROLE_WINDOW])
    if after:
        return _tidy(after.group("role"))
    return None


def _may_end_with_role(window: str) -> bool:
    """False only where ROLE_BEFORE cannot match: `window` must end in a role's last word, then
    an optional comma and some space."""
    if not window[-1:].isspace():
        return False
    if not FOLDS_TO_ASCII.isdisjoint(window):
        return True  # lower-casing does not show the letters these fold to
    return window.rstrip().removesuffix(",").lower().endswith(ROLE_ENDINGS)


def _tidy(role: str) -> str:
    """One spelling per role: straight apostrophes, single spaces, lower case unless an acronym
    ("Director of children's services" at a sentence start is the same role)."""
    role = " ".join(role.replace("’", "'").split())
    first, _, rest = role.partition(" ")
    return f"{first if first.isupper() else first.lower()} {rest}".strip()


def _lone_surnames(text: str, cast: Cast) -> list[PersonMention]:
    """Lone surnames of known people ("Scott has also ordered…"), which `find_people` cannot
    see because a single capitalised word is not a name on its own; a lone place word
    ("Harrow" of Philippa Harrow) is the place."""
    return [
        PersonMention(start, start + len(surname), name, cast.role_of(name))
        for start, surname in whole_words(text, [surname for surname in cast.by_surname if surname not in _place_words()])
        for name in [cast.by_surname[surname]]
    ]


def whole_words(text: str, words: list[str]) -> list[tuple[int, str]]:
    """Where `\\b(?:word|word…)\\b` matches in `text`, and which word: at each position the first
    of `words` standing whole there, matches not overlapping. Found with `str.find`, since
    compiling a regex of each article's own names cost more than the rest of finding people."""
    first_at: dict[int, str] = {}
    for word in words:
        start = text.find(word)
        while start >= 0:
            if start not in first_at and _boundary(text, start) and _boundary(text, start + len(word)):
                first_at[start] = word
            start = text.find(word, start + 1)
    found: list[tuple[int, str]] = []
    end = 0
    for start in sorted(first_at):
        if start >= end:
            found.append((start, first_at[start]))
            end = start + len(first_at[start])
    return found


def _boundary(text: str, at: int) -> bool:
    """Whether `\\b` holds at `at`: a word character on one side only (the regex engine's \\w is
    str.isalnum or an underscore)."""
    return _word_character(text[at - 1 : at]) != _word_character(text[at : at + 1])


def _word_character(char: str) -> bool:
    return char.isalnum() or char == "_"
