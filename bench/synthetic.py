"""A synthetic archive of trade-press articles about councils' children's services, for benchmarks.

Each article is put together from paragraph templates filled with a council from the gazetteer,
people, dates, ratings and events, with the site furniture real pages carry (share links,
"Related articles" lists, subscription offers), so that every stage of the pipeline has its
usual work to do. The archive depends only on the seed and the article count: the same
command writes the same files, so runs on different days measure the same work.

    python bench/synthetic.py DIR --articles 1000 [--seed 7]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from models.councils import Council, load_gazetteer  # noqa: E402

FILES_PER_FOLDER = 1000
"""Archives are sharded into folders of 1,000 files, as dumps usually are; a flat folder of
60,000 entries is slow to list on some filesystems and proves nothing about chronicle."""

PUBLISHERS = ("Children & Young People Now", "Local Government Chronicle", "Community Care", "LocalGov", "BBC News")
FIRST_NAMES = ("Helen", "John", "Annie", "Marcus", "Priya", "Gareth", "Siobhan", "David", "Fiona", "Tariq",
               "Rachel", "Owen", "Laura", "Kwame", "Bridget", "Simon", "Nadia", "Peter", "Eleanor", "Colin")
SURNAMES = ("Barraclough", "Richards", "Hudson", "Whitfield", "Sharma", "Pritchard", "Doherty", "Lockhart",
            "Mensah", "Okafor", "Fairweather", "Calloway", "Brennan", "Thornbury", "Ashworth", "Kowalski",
            "Haverford", "Lindqvist", "Moorcroft", "Pemberton")
ROLES = ("director of children's services", "interim director of children's services",
         "strategic director for children and families", "chief executive")
RATINGS = ("inadequate", "requires improvement", "good", "adequate")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")

LEADS = (
    "Children's services at {council} have been rated {rating} by Ofsted following an inspection in {month}.",
    "The director of children's services at {council} has resigned, days after inspectors branded the "
    "authority's safeguarding arrangements {rating}.",
    "{council} has been issued with an improvement notice by the Department for Education after its "
    "children's services were judged {rating}.",
    "A commissioner has been appointed to oversee children's services at {council}, the education secretary "
    "announced on {weekday}.",
    "{council} has appointed {person} as its new {role}, the council confirmed this week.",
)
BODY = (
    "{person}, the council's {role}, said the authority accepted the findings in full.",
    "\"We know there is a great deal of work to do and we are determined to do it quickly,\" {they} said.",
    "Inspectors visited the council in {month} {year} and found that assessments were frequently late.",
    "Child protection plans lacked clear outcomes in {n} of the {m} cases inspectors sampled.",
    "Managers had limited grip on frontline practice, the watchdog said.",
    "The report, published on {weekday}, said {pct} per cent of social work posts were filled by agency staff.",
    "Some children had been allocated to {n} different social workers in a single year.",
    "{short} was first rated {rating} in {earlier_year} and has been under an improvement notice since then.",
    "Council leader {leader} said the authority accepted every one of the inspectors' recommendations.",
    "An improvement plan will be published within {n} weeks, {leader} added.",
    "{person} stepped down in {month} after {n} years in the post.",
    "{other} will cover the role on an interim basis, having joined from a neighbouring authority.",
    "The Department for Education said it was considering the report carefully.",
    "Ministers will decide on next steps in the coming weeks, a spokesperson said.",
    "Caseloads had risen by {pct} per cent over two years, the report found.",
    "The number of children in care in {short} reached {m}, its highest level for a decade.",
    "The council expects to be re-inspected within a year.",
    "It has set up an improvement board including the police, local health services and schools.",
    "A monitoring visit in {month} found some progress, but inspectors said the pace of change was too slow.",
    "Leaders needed a clearer picture of the quality of practice, the visit letter said.",
    "{other} will take up the post of {role} on {day} {month}.",
    "{other} served as deputy director at another council for {n} years.",
    "The findings are likely to add to pressure on councils in the {region}.",
    "Councils there are struggling to recruit experienced social workers, {n} vacancies being unfilled.",
    "The council spent £{n} million on agency staff last year, up from £{pct} million.",
    "Unions said social workers had warned managers about workloads {n} months ago.",
    "A serious case review into the death of a child in {short} is due to report next year.",
    "Opposition councillors called the report {adjective} and demanded an urgent debate.",
    "The authority's budget for children's social care is £{m} million this year.",
    "Local MP {leader} said families in {short} deserved better services.",
    "{person} previously led children's services in another part of the {region}.",
    "The council said {pct} per cent of assessments were now completed on time, up from {n} per cent.",
)
ADJECTIVES = ("damning", "deeply worrying", "shocking", "disappointing", "sobering", "a wake-up call")
PARAGRAPHS = (3, 7)
SENTENCES_PER_PARAGRAPH = (1, 3)
"""Articles of ~150-300 words, like the sample corpus's (~225 on average), and paragraphs drawn
sentence by sentence from a pool of 32, so two articles share few 5-word shingles: a synthetic
article is not mistaken for a syndicated copy of another."""
FURNITURE = (
    "Share this\n\nFacebook\nTwitter\nEmail",
    "Related articles\n\n{short} recruits social workers from overseas\nOfsted inspections: the findings so far",
    "Become a member\n\n  • Every issue, in print and online\n  • Daily news and policy analysis\n\n"
    "Membership from £15 a month",
    "Image caption Council offices in {short}",
    "We use cookies to improve your experience of this site.",
)


def archive(root: Path, articles: int, seed: int) -> int:
    """Write `articles` synthetic articles under `root`; return the number of words written."""
    councils = [c for c in load_gazetteer().all() if c.current]
    words = 0
    for index, text in enumerate(iter_articles(councils, articles, seed)):
        folder = root / f"{index // FILES_PER_FOLDER:03d}"
        if index % FILES_PER_FOLDER == 0:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{index:06d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def iter_articles(councils: list[Council], count: int, seed: int) -> Iterator[str]:
    """`count` articles, each from its own random stream so article i is the same at any count."""
    for index in range(count):
        yield article(random.Random(seed * 1_000_003 + index), councils)


def article(rng: random.Random, councils: list[Council]) -> str:
    """One article: front matter or a date line, a headline, a lead, body paragraphs and furniture."""
    council = rng.choice(councils)
    published = dt.date(2008, 1, 1) + dt.timedelta(days=rng.randrange(15 * 365))
    slots = _slots(rng, council, published)
    sentences = iter(rng.sample(BODY, len(BODY)))
    paragraphs = [rng.choice(LEADS)] + [
        " ".join(next(sentences) for _ in range(rng.randint(*SENTENCES_PER_PARAGRAPH)))
        for _ in range(rng.randint(*PARAGRAPHS))
    ]
    body = "\n\n".join(p.format(**slots) for p in paragraphs)
    furniture = "\n\n".join(f.format(**slots) for f in rng.sample(FURNITURE, rng.randint(1, 3)))
    headline = f"{council.short} children's services rated {slots['rating']}"
    return f"{_header(rng, published, headline)}\n\n{body}\n\n{furniture}\n"


def _slots(rng: random.Random, council: Council, published: dt.date) -> dict[str, str]:
    month = rng.randrange(1, published.month + 1)
    return {
        "council": rng.choice((council.name, f"{council.short} Council", council.short)),
        "short": council.short,
        "region": council.region,
        "rating": rng.choice(RATINGS),
        "person": _name(rng),
        "other": _name(rng),
        "leader": _name(rng),
        "they": rng.choice(("he", "she")),
        "role": rng.choice(ROLES),
        "month": MONTHS[month - 1],
        "day": str(rng.randint(1, 28)),
        "year": str(published.year),
        "earlier_year": str(published.year - rng.randint(1, 4)),
        "weekday": published.strftime("%A"),
        "n": str(rng.randint(2, 40)),
        "m": str(rng.randint(100, 900)),
        "pct": str(rng.randint(5, 60)),
        "adjective": rng.choice(ADJECTIVES),
    }


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def _header(rng: random.Random, published: dt.date, headline: str) -> str:
    """Half the articles carry front matter, half a seed-style headline, byline and date line."""
    if rng.random() < 0.5:
        publisher = rng.choice(PUBLISHERS)
        return f"---\ntitle: {headline}\npublisher: {publisher}\npublished: {published.isoformat()}\n---\n{headline}"
    return f"{headline}\n\n{_name(rng)}\n{published:%A, %B} {published.day}, {published.year}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    words = archive(args.root, args.articles, args.seed)
    print(f"{args.articles} articles, {words} words in {args.root}")


if __name__ == "__main__":
    main()
