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
    "{person}, the council's {role}, said the authority accepted the findings in full. \"We know there is a "
    "great deal of work to do and we are determined to do it quickly,\" {they} said.",
    "Inspectors visited the council in {month} {year} and found that assessments were frequently late, that "
    "child protection plans lacked clear outcomes and that managers had limited grip on frontline practice.",
    "The report, published on {weekday}, said more than a third of social work posts in the assessment teams "
    "were filled by agency staff, and that some children had been allocated to four social workers in a year.",
    "{short} was first rated {rating} in {earlier_year} and has been working under an improvement notice since then.",
    "Council leader {leader} said the authority \"accepts every one of the inspectors' recommendations\" and "
    "would publish an improvement plan within weeks.",
    "{person} stepped down in {month} after three years in the post and will be replaced on an interim basis "
    "by {other}, who joined from a neighbouring authority.",
    "The Department for Education said it was considering the report carefully and would decide on next steps "
    "in the coming weeks.",
    "Caseloads had risen by a fifth over two years, the report found, while the number of children in care "
    "in {short} reached its highest level for a decade.",
    "The council expects to be re-inspected within a year and has set up an improvement board including "
    "representatives of the police, local health services and schools.",
    "A monitoring visit in {month} found some progress, but inspectors said the pace of change was too slow "
    "and that leaders needed a clearer picture of the quality of practice.",
    "{other} will take up the post of {role} on {day} {month}, after serving as deputy director at another "
    "council for four years.",
    "The findings are likely to add to pressure on councils in the {region}, which are struggling to recruit "
    "experienced social workers.",
)
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
    paragraphs = [rng.choice(LEADS)] + rng.sample(BODY, rng.randint(4, 8))
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
