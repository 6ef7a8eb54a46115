"""A synthetic archive of trade-press articles about councils' children's services, for benchmarks.

Each article is put together from paragraph templates filled with a council from the gazetteer,
people, dates, ratings and events, with the site furniture real pages carry (share links,
"Related articles" lists, subscription offers), so that every stage of the pipeline has its
usual work to do. The archive depends only on the seed, the article count and the length: the
same command writes the same files, so runs on different days measure the same work.

Two lengths (`LENGTHS`), since words/s depends on article length through per-article costs:
  * `seed` (the default): ~500 words an article, 350-650, the length of the user's two real
    seed articles (621 and 374 words) and the one the issue's target assumes (100,000 words/s,
    so a 60,000-article archive in under 5 minutes: 500 words an article). Each is its `short`
    namesake with more paragraphs, made as longer trade-press stories are: quotes (council
    leaders, unions, the Department for Education, charities, Ofsted), context (national
    figures, funding, workforce, caseloads) and a little dated background (earlier
    inspections, notices, directors) that the pipeline reads as events;
  * `short`: ~200 words, mostly 120-290, the archive of earlier benchmarks (same files for the same
    seed and count), to compare with their figures.
Every quote, figure and person is invented.

    python bench/synthetic.py DIR --articles 1000 [--seed 7] [--length seed|short]
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
"""A `short` article has ~150-300 words, like the sample corpus's (~225 on average), in paragraphs
drawn sentence by sentence from a pool of 32, so two articles share few 5-word shingles: a
synthetic article is not mistaken for a syndicated copy of another."""
FURNITURE = (
    "Share this\n\nFacebook\nTwitter\nEmail",
    "Related articles\n\n{short} recruits social workers from overseas\nOfsted inspections: the findings so far",
    "Become a member\n\n  • Every issue, in print and online\n  • Daily news and policy analysis\n\n"
    "Membership from £15 a month",
    "Image caption Council offices in {short}",
    "We use cookies to improve your experience of this site.",
)

LENGTHS = ("seed", "short")
"""Article lengths (module docstring); the first is the default."""
SEED_WORDS = (340, 640)
"""The word count (the whole file's, header and furniture included) a `seed` article is lengthened
to, drawn uniformly; the last sentence added overshoots by ~12 words, for ~500 on average."""
QUOTES = (
    "\"Every one of these children deserves a service that notices them early and stays with them,\" {leader} "
    "said. \"We have not provided that consistently, and I am sorry for it.\"",
    "{union_rep}, regional organiser for {union}, said members had raised concerns about caseloads \"time and "
    "time again\" without a proper response from senior managers.",
    "\"Social workers in {short} are doing their best in impossible circumstances,\" said {union_rep} of {union}. "
    "\"They are carrying {caseload} families each, and the council has to face up to that.\"",
    "A Department for Education spokesperson said: \"We will not hesitate to act where children are not getting "
    "the help and protection they need.\"",
    "A spokesperson for the Department for Education said officials were in regular contact with {short} and "
    "would \"keep a close eye on progress\".",
    "{campaigner}, chief executive of {charity}, said the findings showed \"what happens when early help is cut "
    "to the bone and families only get support at crisis point\".",
    "\"Behind every statistic here is a child whose life has been made harder,\" said {campaigner} of {charity}. "
    "\"Councils cannot fix this on their own; they need proper long-term funding.\"",
    "Ofsted's regional director, {inspector}, said: \"Leaders in {short} understand where practice falls short. "
    "What matters now is that they turn that understanding into consistent change for children.\"",
    "{inspector}, who leads Ofsted's work in the {region}, said senior officers had been \"open and honest\" "
    "throughout the week.",
    "Cabinet member for children's services {councillor} said: \"I want to thank our frontline staff, who have "
    "kept going through an extremely difficult period. They deserve a service that backs them properly.\"",
    "\"We are not going to pretend this is anything other than a serious setback,\" {councillor} told a meeting "
    "of the full council.",
    "\"The pace of change has not been quick enough, and I take responsibility for that,\" {person} said. "
    "\"But I am confident the foundations are now in place.\"",
    "Opposition group leader {opposition} said residents had been \"kept in the dark\" about the scale of the problems "
    "and asked for a public apology.",
    "{minister}, the children's minister, said: \"Where councils are struggling we will offer expert support, "
    "and we will be clear about what we expect in return.\"",
    "\"This is about children, not structures,\" {minister} told MPs. \"The question I ask of every council is "
    "simple: is this child safer today than yesterday?\"",
    "A spokesperson for {charity} said its own projects in {short} had seen a rise in families asking for help "
    "with housing, debt and mental health.",
    "\"Thresholds have drifted upwards for years,\" said {campaigner}. \"Families who would once have had a social "
    "worker are now told to come back when things get worse.\"",
    "{union_rep} added: \"Nobody comes into this profession to fill in forms all day. Give social workers the time "
    "to see children and they will stay.\"",
    "\"We have listened to our staff, and the message is clear,\" said {person}. \"They want manageable caseloads, "
    "regular supervision and a say in how the service is run.\"",
    "The Local Government Association said councils were \"doing everything they can\" but that demand for "
    "children's social care was outstripping the money available.",
    "A spokesperson for the Local Government Association's children and young people board said: \"Councils are "
    "being asked to do more every year with less. Without a sustainable settlement, services will stay under "
    "severe strain.\"",
    "The Association of Directors of Children's Services called the figures \"a stark reminder\" of the pressure "
    "on the whole system.",
    "\"We are seeing more children with more complex needs, and the placements they need simply do not exist in "
    "sufficient numbers,\" said {campaigner}.",
    "\"I have met the inspectors and I have read every page,\" {leader} said. \"There are no excuses, and I will "
    "not offer any.\"",
    "Council chief executive {other} said the authority had \"a plan, the people and the political backing\" to "
    "put things right.",
    "\"We owe it to the children of {short} to get this right, and we will,\" {councillor} said.",
    "A spokesperson for {union} said: \"Our members have been sounding the alarm for months. Management must now "
    "listen to the people who do this work every day.\"",
    "{campaigner} said: \"Care leavers tell us the same thing again and again: they want one trusted adult who "
    "does not change every few months.\"",
    "\"There is some strong work going on in {short}, and inspectors recognised that,\" {person} said. \"Our job "
    "is to make it the norm rather than the exception.\"",
    "Ofsted said in a statement that its judgements were \"based on the evidence of children's experiences\" and "
    "that it stood by them.",
    "\"Families in {short} need to know that when they ask for help, someone will answer,\" said local MP {mp}.",
    "{mp}, who represents part of the area in Parliament, said a letter had gone to the education secretary "
    "asking for \"urgent assurances\".",
    "A Department for Education source said ministers were \"watching the situation closely\" but had no plans "
    "to intervene for now.",
    "\"It is not acceptable for any child to wait weeks to be seen,\" said {councillor}. \"Those days must be "
    "over.\"",
    "Speaking at a scrutiny committee, {person} told councillors that staff morale was \"improving, but "
    "fragile\".",
    "\"Agency workers have kept the service going, but they cannot be the long-term answer,\" {leader} said.",
    "{union_rep} said {union} would be seeking urgent talks with the chief executive over pay and workloads.",
    "\"We have brought children's voices into everything we do, from how plans are written to how we train "
    "staff,\" {person} said.",
    "{charity} said the findings should prompt a national conversation about how children's services are "
    "paid for.",
    "\"Early help is always the first thing to go when budgets are squeezed, and it is always the most expensive "
    "mistake,\" said {campaigner}.",
    "A spokesperson for {council} said: \"We recognise the concerns raised and are already acting on them. "
    "Children's safety remains our absolute priority.\"",
    "\"The message to every director in the country is that the basics matter,\" {inspector} said. \"Visits, "
    "plans and supervision are not paperwork; they are how we keep children safe.\"",
    "{minister} said the government had given councils an extra £{grant} million for children's social care and "
    "expected to see \"results on the ground\".",
    "A shadow education minister called it \"the predictable result of a decade of cuts to local "
    "government\".",
    "\"Our foster carers have been the unsung heroes of the last two years,\" said {councillor}. \"We want more "
    "families in {short} to come forward.\"",
    "{campaigner} of {charity} said older teenagers were \"falling through the gaps\" between children's and "
    "adult services.",
    "\"Social work is a skilled job, and it has been treated as if it were an administrative one,\" {union_rep} "
    "said.",
    "{person} said {they} was \"under no illusions\" about the size of the task but \"proud of the commitment "
    "shown by staff\".",
    "\"What we need is stability,\" said {leader}. \"Children have had too many changes of worker, and so has this "
    "council.\"",
    "A spokesperson for the education secretary said: \"Every child deserves to grow up safe and supported. "
    "Councils must meet that standard, and we will hold them to it.\"",
    "{campaigner}, a former social worker who now chairs a parents' support group in {short}, said families had "
    "found the system \"cold and bewildering\".",
    "\"I would say to any social worker thinking about a move: come to {short}, because we are building "
    "something here,\" {person} said.",
    "\"The honest truth is that some of our systems were not fit for purpose,\" {leader} said. \"We have "
    "replaced them, and we are training every team to use the new ones.\"",
    "{union_rep} warned that a recruitment freeze elsewhere in the council was \"piling pressure on to the "
    "teams that can least afford it\".",
    "\"We cannot recruit our way out of this on our own,\" said {person}. \"We need national action on pay, on "
    "agency rules and on the cost of placements.\"",
)
CONTEXT = (
    "Nationally, the number of children in care in England has passed {national_care}, according to the "
    "latest government figures.",
    "Councils in England received around {referrals} referrals to children's social care last year, the "
    "equivalent of more than one a minute.",
    "Analysis by the Local Government Association suggests councils face a funding gap of £{gap} billion a year "
    "in children's services by the end of the decade.",
    "Spending on residential placements has risen sharply, with some councils paying more than £{placement},000 "
    "a week for a single child.",
    "Across England around {vacancy} per cent of children's social worker posts are vacant, and one in {one_in} "
    "is filled by an agency worker.",
    "Turnover among children's social workers has stayed stubbornly high, at about {turnover} per cent a year "
    "nationally.",
    "In {short}, the average caseload is {caseload} children per social worker, against the {goal} the council "
    "says it is aiming for.",
    "The council overspent its children's services budget by £{overspend} million last year, largely because of "
    "the cost of placements.",
    "More than {national_cp} children across England are the subject of a child protection plan, among the "
    "highest figures since records began.",
    "Demand for assessments in {short} has grown by {growth} per cent in three years, while the number of "
    "qualified staff has barely moved.",
    "The number of section 47 enquiries, made where a child is thought to be at risk of significant harm, has "
    "almost doubled nationally in a decade.",
    "Unaccompanied asylum-seeking children now make up around {uasc} per cent of children in care in some "
    "authorities on the south coast.",
    "Department for Education statistics show councils spent £{national_spend} billion on children's social care "
    "in the most recent financial year.",
    "Spending on early help and family support has fallen by almost half in real terms over the past decade, "
    "according to a coalition of children's charities.",
    "Agency social workers can cost councils up to {premium} per cent more than permanent staff once fees are "
    "included.",
    "{short} currently employs {agency_count} agency social workers, around a {fraction} of its frontline "
    "workforce.",
    "The council's own figures show {timely} per cent of children's plans were updated on time in the last "
    "quarter.",
    "A national shortage of foster carers means many councils are relying on independent fostering agencies, "
    "which charge considerably more.",
    "The number of children placed more than 20 miles from home has risen in each of the last five years.",
    "Nearly {unregistered} children in England spent time in unregistered children's homes last year, official "
    "figures suggest.",
    "Statutory guidance says children on a protection plan should be seen by their social worker at least every "
    "{visit_days} working days.",
    "Child poverty, rising housing costs and cuts to youth services have all been cited by directors as drivers "
    "of demand.",
    "Research by academics at a northern university found children in the most deprived neighbourhoods were "
    "{times} times as likely to be in care as those in the least deprived.",
    "{short}'s children's services budget for the year is £{budget} million, about {share} per cent of the "
    "council's total net spending.",
    "The council has set aside £{invest} million over three years to pay for more social workers and a training "
    "academy for new recruits.",
    "Starting salaries for newly qualified social workers in {short} were raised to £{salary},000 this year in an "
    "attempt to attract applicants.",
    "Like many councils in the {region}, {short} has struggled to hold on to experienced managers, with several "
    "team manager posts filled on an interim basis.",
    "The authority's front door handled {contacts} contacts about children's welfare last year, of which around "
    "{converted} per cent became formal referrals.",
    "Re-referral rates, a measure of whether families get the right help first time, stand at {rereferral} per "
    "cent in {short}, against an England average of about 22 per cent.",
    "Inspectors nationally have repeatedly raised concerns about the quality of management oversight in "
    "authorities with high staff turnover.",
    "Under the current arrangements, councils in difficulty are usually offered support from a stronger "
    "neighbouring authority.",
    "The sector-led improvement programme pairs struggling councils with experienced directors from elsewhere, "
    "who work with them as advisers.",
    "Cafcass, which represents children in the family courts, received around {care_apps} new care applications "
    "over the year.",
    "Care proceedings nationally now take an average of about {court_weeks} weeks, well beyond the 26-week limit "
    "set in law.",
    "About {adoptions} children were adopted from care in England over the past year, a fall of around a third "
    "since the peak.",
    "The number of children's homes run by private providers has grown rapidly, and the largest groups now "
    "operate hundreds of beds each.",
    "Profits in the private children's homes sector have drawn scrutiny from the Competition and Markets "
    "Authority.",
    "In {short}, {outside} per cent of children in care live outside the council's boundary, many of them in "
    "residential homes.",
    "Recruitment drives overseas have brought social workers from South Africa, Zimbabwe and India to several "
    "English councils.",
    "The national workforce census shows the average children's social worker has been with their current "
    "employer for less than {tenure} years.",
    "Sickness absence among frontline staff in {short} averaged {sick} days per person last year, above the "
    "council-wide figure.",
    "The council says its new practice model, built on relationships with families rather than processes, is "
    "being rolled out team by team.",
    "Government funding for the Supporting Families programme has been extended, although councils say the "
    "sums are modest compared with demand.",
    "Schools have become a bigger source of referrals, and now raise more concerns about neglect than they did "
    "before the pandemic.",
    "Police notifications of domestic abuse account for around {abuse} per cent of the contacts the council "
    "receives.",
    "The rate of children in care in {short} stands at {care_rate} per 10,000 children, against a national "
    "average of about 70.",
    "Regional fostering hubs are being piloted in a number of areas in an effort to widen the pool of carers.",
    "Directors have warned that a handful of very expensive placements can wipe out savings made everywhere "
    "else in the budget.",
    "The number of children on protection plans in {short} rose from {plans_before} to {plans_now} over two "
    "years.",
    "The council's children's scrutiny panel has asked for monthly updates on recruitment, caseloads and how "
    "promptly children are seen.",
    "Most of {short}'s agency workers are on rolling contracts of three to six months, which managers say makes "
    "it hard to build stable teams.",
    "The average weekly cost of a place in a children's home in England has passed £{home_cost},000, according "
    "to sector analysts.",
    "Councils in the {region} collectively spend more than £{regional_spend} million a year on agency staff in "
    "children's services.",
    "Only {foster_share} per cent of children in care in {short} live with the council's own foster carers, one "
    "of the lowest proportions in the {region}.",
    "The family hubs being opened across {short} are meant to bring midwives, health visitors and family "
    "support workers under one roof.",
)
BACKGROUND = (
    "Inspectors last went into {short} in {inspected}, when services were judged {old_rating}.",
    "At its previous full inspection, in {inspected}, {short} was rated {old_rating} overall.",
    "An Ofsted inspection in {inspected} judged help and protection for children {old_rating}.",
    "The council was served with an improvement notice in {noticed}, following an inspection that exposed "
    "weaknesses in child protection.",
    "Ministers issued an improvement notice to {short} in {noticed}, setting out the changes they expected.",
    "In {noticed} the Department for Education issued a statutory direction requiring the council to work "
    "with an improvement adviser.",
    "{former}, the council's previous director of children's services, stepped down in {departed} after "
    "{tenure} years in charge.",
    "{former} left the council in {departed} to become director at another authority.",
    "The post has been filled on an interim basis since {former} resigned in {departed}.",
    "When inspectors returned for a monitoring visit in {visited}, they reported progress in some teams but "
    "not in others.",
    "A joint targeted area inspection in {visited} looked at how agencies in {short} respond to children at "
    "risk of exploitation.",
    "A previous director, {former}, was suspended in {departed} and did not return to the council.",
    "The authority was judged {old_rating} in {inspected} and {rating} at its most recent inspection.",
    "A serious case review in {visited} found agencies had missed chances to share what they knew about the "
    "family.",
    "In {departed}, {former} quit as director after councillors passed a motion of no confidence in the "
    "department's leadership.",
    "Ofsted's focused visit in {visited}, which looked at the front door, identified delays in deciding what "
    "help families needed.",
    "{short} came out of an improvement notice in {noticed}, only for standards to slip again.",
    "Ministers sent in a commissioner in {noticed} to assess whether the council had the capacity to improve.",
    "{former} was seconded to lead the service in {departed} and stayed for {tenure} years.",
    "Before {former} stepped down in {departed}, the council had had three directors in five years.",
    "Children's services in {short} were graded {old_rating} by inspectors who visited in {inspected}.",
    "A peer review carried out by another council in {visited} warned that frontline managers were "
    "stretched too thin.",
)
EXTRA = QUOTES + CONTEXT + BACKGROUND
"""The sentences that lengthen a `seed` article (1-3 to a paragraph, placed after the lead), drawn
without repeats: 55 quotes, 55 sentences of context and 22 of dated background, so about one
sentence in six tells an event, as in the seed articles. The pool is four times BODY's, and
most sentences carry a figure or name of their own, so two `seed` articles still share few
5-word shingles."""
UNIONS = ("Unison", "the GMB", "Unite", "the Social Workers Union")
CHARITIES = ("the NSPCC", "Barnardo's", "Action for Children", "The Children's Society", "Become", "Coram",
             "Family Rights Group", "Home-Start")
FRACTIONS = ("third", "quarter", "fifth", "sixth")
FIGURES = {
    "national_care": (64_000, 84_000), "referrals": (560_000, 680_000), "gap": (1, 3), "placement": (4, 15),
    "vacancy": (8, 24), "one_in": (5, 9), "turnover": (14, 22), "caseload": (14, 32), "goal": (12, 18),
    "overspend": (3, 40), "national_cp": (43_000, 58_000), "growth": (10, 45), "uasc": (5, 15),
    "national_spend": (8, 12), "premium": (30, 70), "agency_count": (15, 120), "timely": (55, 95),
    "unregistered": (3_000, 7_000), "visit_days": (10, 15), "times": (6, 10), "budget": (40, 260),
    "share": (20, 40), "invest": (4, 30), "salary": (28, 36), "contacts": (8_000, 40_000), "converted": (20, 45),
    "rereferral": (15, 35), "care_apps": (12_000, 16_000), "court_weeks": (40, 48), "adoptions": (2_800, 3_600),
    "outside": (25, 55), "tenure": (2, 9), "sick": (9, 16), "abuse": (15, 30), "care_rate": (40, 130),
    "plans_before": (150, 400), "plans_now": (250, 600), "home_cost": (5, 8), "regional_spend": (60, 240),
    "foster_share": (35, 60), "grant": (100, 900),
}
"""The numbers EXTRA's sentences quote, each drawn from its range per article; the national ones
are of the order of England's published figures, the local ones of a council's."""


def archive(root: Path, articles: int, seed: int, length: str, start: int = 0) -> int:
    """Write `articles` synthetic articles of `length` under `root`, numbered from `start` (a
    later number sorts later: more articles for an archive already written); return the number
    of words written."""
    councils = [c for c in load_gazetteer().all() if c.current]
    words = 0
    for index, text in enumerate(iter_articles(councils, articles, seed, length, start), start):
        folder = root / f"{index // FILES_PER_FOLDER:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{index:06d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def iter_articles(councils: list[Council], count: int, seed: int, length: str, start: int = 0) -> Iterator[str]:
    """`count` articles from the `start`-th, each from its own random stream so article i is the
    same at any count, and article i of `seed` length is article i of `short` length with
    paragraphs added."""
    for index in range(start, start + count):
        yield article(random.Random(seed * 1_000_003 + index), councils, length)


def article(rng: random.Random, councils: list[Council], length: str) -> str:
    """One article: front matter or a date line, a headline, a lead, body paragraphs and furniture;
    a `seed` article then has further paragraphs put in after the lead, drawn after everything
    else so that its `short` namesake is unchanged."""
    council = rng.choice(councils)
    published = dt.date(2008, 1, 1) + dt.timedelta(days=rng.randrange(15 * 365))
    slots = _slots(rng, council, published)
    sentences = iter(rng.sample(BODY, len(BODY)))
    paragraphs = [rng.choice(LEADS)] + [
        " ".join(next(sentences) for _ in range(rng.randint(*SENTENCES_PER_PARAGRAPH)))
        for _ in range(rng.randint(*PARAGRAPHS))
    ]
    body = [p.format(**slots) for p in paragraphs]
    furniture = "\n\n".join(f.format(**slots) for f in rng.sample(FURNITURE, rng.randint(1, 3)))
    header = _header(rng, published, f"{council.short} children's services rated {slots['rating']}")
    if length == "seed":
        shortfall = rng.randint(*SEED_WORDS) - len(_page(header, body, furniture).split())
        _lengthen(rng, body, slots | _background_slots(rng, published), shortfall)
    return _page(header, body, furniture)


def _page(header: str, body: list[str], furniture: str) -> str:
    return "\n\n".join([header, *body, furniture]) + "\n"


def _lengthen(rng: random.Random, body: list[str], slots: dict[str, str], shortfall: int) -> None:
    """Put paragraphs of EXTRA sentences into `body` after its lead until they add `shortfall` words."""
    sentences = _extra_sentences(rng, slots, shortfall)
    while sentences:
        take = rng.randint(*SENTENCES_PER_PARAGRAPH)
        body.insert(rng.randint(1, len(body)), " ".join(sentences[:take]))
        sentences = sentences[take:]


def _extra_sentences(rng: random.Random, slots: dict[str, str], shortfall: int) -> list[str]:
    """EXTRA sentences drawn without repeats, filled in, until they add up to `shortfall` words."""
    sentences: list[str] = []
    for template in rng.sample(EXTRA, len(EXTRA)):
        if shortfall <= 0:
            break
        sentences.append(template.format(**slots))
        shortfall -= len(sentences[-1].split())
    return sentences


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


def _background_slots(rng: random.Random, published: dt.date) -> dict[str, str]:
    """The further slots of EXTRA: the people quoted, and months of the past in order, an inspection
    2-5 years before publication, then a notice, then a visit, and a director's departure."""
    inspected = published - dt.timedelta(days=rng.randint(730, 1825))
    noticed = inspected + dt.timedelta(days=rng.randint(30, 180))
    visited = noticed + dt.timedelta(days=rng.randint(120, 540))
    departed = published - dt.timedelta(days=rng.randint(90, 900))
    people = {role: _name(rng) for role in ("former", "union_rep", "campaigner", "inspector", "minister", "mp",
                                           "councillor", "opposition")}
    figures = {name: f"{rng.randint(*bounds):,}" for name, bounds in FIGURES.items()}
    return people | figures | {
        "union": rng.choice(UNIONS),
        "charity": rng.choice(CHARITIES),
        "fraction": rng.choice(FRACTIONS),
        "old_rating": rng.choice(RATINGS),
        "inspected": f"{inspected:%B %Y}",
        "noticed": f"{noticed:%B %Y}",
        "visited": f"{visited:%B %Y}",
        "departed": f"{departed:%B %Y}",
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
    parser.add_argument("--length", choices=LENGTHS, default=LENGTHS[0], help="article length (module docstring)")
    args = parser.parse_args()
    words = archive(args.root, args.articles, args.seed, args.length)
    print(f"{args.articles} articles, {words} words ({words / args.articles:.0f} an article) in {args.root}")


if __name__ == "__main__":
    main()
