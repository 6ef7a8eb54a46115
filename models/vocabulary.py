"""What chronicle knows about the domain: event types, their trigger words, ratings,
inspection kinds, inspectorates and the roles people hold.

The trigger patterns are regular expressions over running text (case-insensitive). They run
once over a whole article, which is far cheaper than a token Matcher; each is written to
catch the event, not the topic: "inspection regime" is no inspection, "review staff" is no
review.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import get_args

from models.records import EventType

EVENT_TYPES: tuple[str, ...] = get_args(EventType)

PEOPLE_EVENTS = frozenset({"resignation", "departure", "appointment", "secondment", "review", "intervention"})
"""Event types that happen to a person (or that a person orders, or that sends one in: a
commissioner), so they name one."""
LEAVINGS = frozenset({"resignation", "departure"})
"""Event types of a person leaving a post."""

RATINGS = ("outstanding", "good", "requires improvement", "adequate", "inadequate", "no longer inadequate")
RATING_WORDS = (
    r"(?:outstanding|good|requir(?:es?|ing)[ -]improvement(?: to be good)?|adequate|inadequate|poor|satisfactory"
    r"|no longer (?:deemed |judged |rated |considered )?(?:to be |as )?inadequate"
    r"|(?:lowest|worst|highest|top) (?:possible )?(?:rating|grade|judgement))"
)
RATING = f"(?P<rating>{RATING_WORDS})"
RATING_RE = re.compile(RATING, re.I)


def normalise_rating(words: str) -> str:
    """A rating as the press words it, in one spelling: "require improvement", "Requires-Improvement"."""
    text = " ".join(words.lower().replace("-", " ").split())
    if text.startswith("no longer"):
        return "no longer inadequate"
    if text.startswith("requir"):  # "requires improvement", "requiring improvement"
        return "requires improvement"
    if text.endswith(("rating", "grade", "judgement")):  # "Ofsted's lowest rating"
        return "inadequate" if text.startswith(("lowest", "worst")) else "outstanding"
    return text


Q = r"""[‘'"“]?"""  # ratings are often quoted: rated ‘inadequate’

PAST_REFERENCE = r"(?<!last )(?<!last full )(?<!last Ofsted )(?<!previous )(?<!previous full )(?<!previous Ofsted )(?<!most recent )(?<!recent )"
""""rated good at its last full inspection in 2018", "the previous Ofsted inspections in 2010 and
2012 had judged it adequate": a past inspection named as the occasion of a
rating, which takes its date, is not an inspection event of its own. "The latest inspection in
November" is the one the story reports, so it stays."""
NOT_AN_INSPECTION = (
    r"(?!\s+(?:regime|framework|system|burden|areas?|reports?|findings|results?|judgements?|outcomes?|ratings?"
    r"|grades?|process|criteria|handbook|team|teams|agency|body|bodies|regimes|programme|schedule|services?"
    r"|of (?:schools|nurseries|the (?:regime|framework))))"
)


@dataclass(frozen=True)
class Trigger:
    """One way of saying that an event of `type` happened."""

    type: str
    pattern: str
    strength: float = 0.8
    """How sure the words alone make us (0-1); feeds the event's confidence."""
    needs_date: bool = False
    """Words that name an event without reporting it ("the inspection found", "an Ofsted report",
    "a rating of requires improvement") make an event only with a date of their own: undated,
    they are background to the story."""


TRIGGERS: tuple[Trigger, ...] = (
    Trigger("inspection", PAST_REFERENCE + r"\b(?:re-?)?inspect(?:ion|ions)\b" + NOT_AN_INSPECTION, 0.7, needs_date=True),
    Trigger("inspection", r"\b(?:was|were|been|being|be|is|are)\s+(?:re-?)?inspected\b", 0.8, needs_date=True),
    Trigger("inspection", r"\b(?:inspectors|Ofsted|the watchdog|the inspectorate),?\s+(?:who\s+)?(?:first\s+|last\s+)?(?:visited|visiting|returned|arrived|came|went in|carried out|spent|were in|were at)\b", 0.8, needs_date=True),
    Trigger("inspection", r"\b(?:monitoring|focused|follow-?up|unannounced)\s+(?:visit|check|inspection)s?\b" + NOT_AN_INSPECTION, 0.9, needs_date=True),
    Trigger("inspection", r"\b(?:ILACS|Ofsted|inspection|inspectors['’]?)\s+visits?\b", 0.85, needs_date=True),
    Trigger("inspection", r"\bvisits?\s+(?:by|from)\s+(?:Ofsted\s+)?inspectors\b", 0.85, needs_date=True),
    Trigger("inspection", r"\bvisits?\s+(?:by|from)\s+(?:the\s+)?(?:watchdog|regulator|inspectorate|Ofsted)\b", 0.85, needs_date=True),
    Trigger("inspection", r"\b(?:inspectors|Ofsted)\s+(?:(?:is|are|will be)\s+)?(?:expected|due|set|scheduled)\s+to\s+(?:return|revisit|re-?inspect|visit)\b", 0.8, needs_date=True),
    Trigger("inspection", r"\binspectors\s+(?:were\s+in|were\s+at|spent)\b|\binspectors\s+(?:from\s+[\w ]{2,40}?\s+)?carried out\b", 0.8, needs_date=True),
    Trigger("inspection", r"\b(?:conducted|carried out)\s+(?=between\b|from\b)", 0.8, needs_date=True),
    Trigger("inspection", r"\b(?:carried out|conducted|began|started|undertook|undertaken)\s+(?:an?|the|its)\s+(?:[\w-]+\s+){0,3}(?:inspection|visit)\b", 0.85, needs_date=True),
    Trigger("inspection", r"\bvisits?\b(?=[^.;]{0,80}?\b(?:inspectors|Ofsted)\b)", 0.8, needs_date=True),
    Trigger("inspection", r"\b(?:JTAI|joint targeted area inspection|joint area review|ILACS)\b" + NOT_AN_INSPECTION, 0.9, needs_date=True),
    Trigger("inspection_report", r"\b(?:handed|given|received|awarded|gained|earned)\s+(?:Ofsted['’]s\s+|the\s+|its\s+)?(?:lowest|worst|highest|top)\s+(?:possible\s+)?(?:rating|grade|judgement)\b", 0.85),
    Trigger("inspection_report", r"\bannual performance assessments?\b", 0.85, needs_date=True),
    Trigger("inspection_report", r"\b(?:findings|results|report|judgement)s?\b[^.;]{0,60}?\bmade public\b", 0.85),
    Trigger("inspection_report", r"\b(?:inspectors|Ofsted)\s+wrote\s+to\b", 0.85, needs_date=True),
    Trigger("inspection_report", r"\b(?:delivered|reached|gave|issued)\s+(?:a|an|the|its)\s+(?:[\w-]+\s+){0,3}(?:verdict|judgement)\b|\b(?:verdict|judgement)\s+(?:it\s+)?reached\b", 0.85),
    Trigger("inspection_report", r"\bratings?\s+of\s+" + Q + RATING_WORDS, 0.9, needs_date=True),
    Trigger("inspection_report", r"\breports?(?:\s+(?:on|into|by)\s+[\w'’ ]{1,40}?)?,?\s+(?:(?:which|that)\s+)?(?:was\s+|were\s+|has been\s+|had been\s+)?(?:also\s+|then\s+|finally\s+)?(?:published|released|issued|out)\b", 0.8),
    Trigger("inspection_report", r"\b(?:results|findings|verdict|judgement|letter)s?\b[^.;]{0,40}?\b(?:published|released)\b", 0.8),
    Trigger("inspection_report", r"\b(?:published|released|issued)\s+(?:a|an|its|the|their|his|her)\s+(?:\w+\s+){0,2}(?:report|findings)\b", 0.8),
    Trigger("inspection_report", r"\bPublished\s+(?:in|on|last)\s+[^,.;]{3,30},\s+(?:the|its|Ofsted['’]s)\s+(?:[\w-]+\s+)?report\b", 0.8),
    Trigger("inspection_report", r"\bpublication\s+(?:today\s+|yesterday\s+|this week\s+)?of\s+(?:the|its|an?|their)\s+(?:[\w'’-]+\s+){0,4}?(?:report|findings)\b", 0.8),
    Trigger("inspection_report", r"\b(?:inspection|monitoring|ofsted|inspectors['’]?)\s+(?:reports?|letters?)\b", 0.7, needs_date=True),
    Trigger("inspection_report", r"\b(?:last|previous)\s+(?:full\s+|Ofsted\s+)?inspection(?:\s+of\s+[^,;.]{1,50}?)?,\s+published\b", 0.8, needs_date=True),
    Trigger("inspection_report", r"\b(?:rated|judged|deemed|graded|found to be|found|assessed as|considered|declared|branded|slammed|ranked|labelled|labeled|condemned)\s+(?:as\s+|to be\s+|to have been\s+)?" + Q + RATING_WORDS, 0.9),
    Trigger("inspection_report", r"\b(?:rated|judged|graded|found|rates|judges|rating|judging|grading|concluded|concludes|labelled|labeled|branded)\s+(?:(?!and\b|but\b)[\w'’-]+\s+){1,6}?(?:as\s+|to be\s+)?" + Q + RATING_WORDS + r"\b", 0.85),
    Trigger("inspection_report", Q + RATING_WORDS + r"""[’'"”]?\s+(?:rating|judgement|verdict|grade)\b""", 0.9, needs_date=True),
    Trigger("inspection_report", r"\b(?:receive|received|receives|receiving|was given|been given|earned|awarded|handed|got|gets)\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+)?" + Q + RATING_WORDS + r"""[’'"”]?\s+(?:rating|judgement|verdict|grade)\b""", 0.9),
    Trigger("inspection_report", r"\b(?:rating|judgement|verdict) of\s+" + Q + RATING_WORDS, 0.9, needs_date=True),
    Trigger("inspection_report", r"\b(?:is|are)\s+(?:still\s+|now\s+)?" + Q + RATING_WORDS + r"""[’'"”]?,?\s+(?:(?:Ofsted|inspectors|the watchdog|the regulator|the inspectorate)\s+(?:has\s+|have\s+)?(?:said|says|found|finds|ruled|concluded|warned|judged)|according to)\b""", 0.85),
    Trigger("inspection_report", r"\boverall effectiveness\b[^.;]{0,80}?\b(?:was|were|is|as)\s+" + Q + RATING_WORDS, 0.9),
    Trigger("inspection_report", r"\b(?:downgraded|upgraded)\b", 0.8),
    Trigger("inspection_report", r"\b(?:but|then)\s+" + Q + RATING_WORDS + r"""[’'"”]?(?=\s+(?:in|by)\s+(?:19|20)\d\d\b)""", 0.8),
    Trigger("inspection_report", r"\bno longer\s+(?:deemed |judged |rated |considered )?(?:to be |as )?inadequate\b", 0.9),
    Trigger("improvement_notice", r"\bimprovement notices?\b(?!\s+(?:remains?|remained|is still|was still|stays?|still|in place))", 0.95),
    Trigger("statutory_direction", r"\b(?:statutory|government|ministerial|formal|DfE|Department for Education)\s+directions?\b", 0.9),
    Trigger("statutory_direction", r"\bdirection,?\s+(?:was\s+|which was\s+)?issued\b", 0.8),
    Trigger("statutory_direction", r"\b(?:issued|served|given)\s+(?:with\s+)?a\s+direction\b", 0.8),
    Trigger("intervention", r"\bcommissioners?\s+(?:was\s+|were\s+|has been\s+|have been\s+|had been\s+|will be\s+|is to be\s+)?(?:appointed|installed|sent in|brought in|named|put in)\b", 0.9),
    Trigger("intervention", r"\bcommissioners?\s+(?:(?:who|whom|that)\s+)?(?:he|she|they|ministers?|the (?:minister|government|department|DfE|education secretary))\s+(?:had\s+|has\s+)?appointed\b", 0.9),
    Trigger("intervention", r"\b(?:ordered|directed|instructed|told)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:council|authority|borough|county)\s+to\s+(?:hand over|transfer|give up|outsource)\b"
            r"|\b(?:was|were|been|being)\s+(?:ordered|directed|instructed|told)\s+to\s+(?:hand over|transfer|give up|outsource)\b", 0.85),
    Trigger("intervention", r"\b(?:became|become|becomes)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?commissioners?\b", 0.85),
    Trigger("intervention", r"\bcommissioner['’]s appointment\b|\bappointment of (?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}commissioner\b", 0.9),
    Trigger("intervention", r"\bappointed\b(?=[^.;]{0,40}?\bunder\s+(?:a\s+|the\s+)?(?:statutory\s+|government\s+)?direction\b)", 0.85),
    Trigger("intervention", r"\b(?:minister|ministers|secretary of state|education secretary|department for education|dfe|government)\s+(?:has\s+|have\s+|had\s+)?appointed\b(?!\s+inspectors\b)", 0.85),
    Trigger("intervention", r"\b(?:appointed|sent in|brought in|installed)\s+by\s+(?:the\s+)?(?:department for education|dfe|government|ministers?|(?:education|children'?s) (?:secretary|minister)|secretary of state)\b", 0.85),
    Trigger("intervention", r"(?<!-)\bappoint(?:ed|ing|s)\b[^.;]{0,120}?\bas\s+(?:an?\s+|the\s+|its\s+)?(?:[\w'’-]+\s+){0,2}commissioner\b", 0.9),
    Trigger("intervention", r"(?<!-)\b(?:appoint\w*|install\w*|sent in|send in|brought in|named)\s+(?:as\s+)?(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}commissioners?\b", 0.9),
    Trigger("intervention", r"\b(?:independent|children['’]?s|new|voluntary)\s+(?:services\s+)?trust\b", 0.8),
    Trigger("intervention", r"\b(?:taken|removed|stripped)\s+(?:out\s+of|from)\s+(?:the\s+)?(?:council['’]?s?\s+)?control\b", 0.9),
    Trigger("intervention", r"\b(?:transferred|transfers)\s+(?:[\w'’-]+\s+){0,6}?(?:to|into)\b[^.;]{0,80}?\b(?:company|trust)\b", 0.8),
    Trigger("intervention", r"\bstripped of (?:its |their )?(?:control|powers)\b", 0.9),
    Trigger("intervention", r"\b(?:began|begun|started|starts|begins)\s+working\s+with\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?commissioner\b", 0.85),
    Trigger("resignation", r"\bresign(?:s|ed|ing|ation)?\b", 0.9),
    Trigger("resignation", r"(?<!be )(?<!been )(?<!being )\b(?:stepp(?:ed|ing)|steps?|stood|stands?|standing)\s+down\b", 0.9),
    Trigger("resignation", r"\bquit(?:s|ting)?\b", 0.8),
    Trigger("resignation", r"\bannounc(?:ed|es|ing)\s+(?:her|his|their)\s+(?:retirement|decision to (?:retire|leave|step down|stand down))\b", 0.85),
    Trigger("departure", r"\b(?:has|had|have|who)\s+left\b(?!\s+(?:staff|children|young people|families|vulnerable|them|some|many|social workers|teams?|cases?)\b)|\bleft\s+(?:the|his|her|their|its)\s+(?:[\w£,'’-]+\s+){0,2}?(?:council|authority|post|role|job|position)\b", 0.8),
    Trigger("departure", r"(?<!been )(?<!being )(?<!was )(?<!were )(?<!be )(?<!are )(?<!is )\bleft\s+(?:in|on|at the end of|last|earlier|after)\b", 0.7),
    Trigger("departure", r"\b(?:will|to|would|is set to|is due to)\s+leave\b", 0.8),
    Trigger("departure", r"\b(?:departed|departure|departing|suspended(?!\s+(?:prison\s+|jail\s+)?sentence)|suspension|sacked|sacking|dismissed|dismissal|retire|retired|retirement|retires|retiring)\b", 0.8),
    Trigger("departure", r"\b(?:parted company|mutual agreement|mutual consent)\b", 0.9),
    Trigger("appointment", r"(?<!-)\b(?:appointed|appointment|appoints|appointing)\b", 0.85),
    Trigger("appointment", r"\b(?:named|confirmed|unveiled|chosen|recruited|hired|installed)\s+(?:[\w'’-]+\s+){0,4}as\b", 0.85),
    Trigger("appointment", r"\b(?:named|confirmed|appointed)\s+(?:as\s+)?(?:the\s+|its\s+|their\s+)?(?:(?:new|permanent|interim|acting)\s+)*(?:director|dcs|chief executive|head)\b", 0.85),
    Trigger("appointment", r"\b(?:confirmed|appointed|installed)\s+(?:in|to)\s+(?:the|her|his)\s+(?:new\s+|permanent\s+)?(?:role|post|job|position)\b", 0.85),
    Trigger("appointment", r"\b(?:act|acting|step in|stepped in|steps in|stand in|standing in)\s+as\s+(?:the\s+|its\s+)?(?:interim|acting|temporary)\b", 0.8),
    Trigger("appointment", r"\b(?:started|starts|start|began|begins|begin)\s+(?:work|in post|the job|in (?:the|her|his) (?:new\s+)?(?:role|post|job))\b", 0.8),
    Trigger("appointment", r"\b(?:has|had) been (?:the\s+)?(?:(?:new|interim|acting|permanent)\s+)*(?:director|dcs|chief executive)\b[^.;]{0,60}?\bsince\b", 0.75),
    Trigger("appointment", r"\b(?:took|takes|take|taking)\s+over\b", 0.7),
    Trigger("appointment", r"\b(?:(?:takes?|took|taking)\s+(?:up|on)|resum(?:ed|es|ing))\s+(?:the\s+|his\s+|her\s+|an?\s+)?(?:(?:new|interim|acting|permanent|temporary)\s+)?(?:post|role|position)\b", 0.85),
    Trigger("appointment", r"\b(?:joins|joined|will join|to join)\s+(?:\w+\s+){0,4}as\b", 0.8),
    Trigger("appointment", r"\bto succeed\b", 0.7),
    Trigger("appointment", r"\b(?:commenced|commences|started|starts|began|begins)\s+in\s+(?:post|(?:the|her|his)\s+(?:post|role|job))\b"
            r"|\b(?:took|takes|taking|take)\s+(?:over\s+)?responsibility\s+for\b", 0.8),
    Trigger("appointment", r"\b(?:will start|starts?|started|will begin|begins?|began)\b"
            r"(?=(?:\s+(?:at|with)\s+[^.,;]{1,50}?)?\s+(?:on\s+(?:\w+day|\d{1,2}|January|February|March|April|May|June|July"
            r"|August|September|October|November|December)\b|next\s+(?:week|month)\b))", 0.7),
    Trigger("appointment", r"\b(?:joined|joins)\s+(?=in\s+(?:19|20)\d\d\b)", 0.75),
    Trigger("appointment", r"\b(?:started|starts|began|begins)\s+as\s+(?:the\s+|its\s+)?(?:(?:new|interim|acting|permanent)\s+)*(?:director|dcs|chief executive)\b", 0.8),
    Trigger("appointment", r"(?<!\bto )\b(?:took|takes|take|taking|taken)\s+(?:over\s+)?charge\s+of\b", 0.85),
    Trigger("appointment", r"\b(?:drafted|parachuted|brought|called)\s+in\s+(?:to|as)\b", 0.85),
    Trigger("appointment", r"\b(?:joins|joined|will join|to join)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:council|authority|borough|county|department|service)\b", 0.75),
    Trigger("appointment", r"\b(?:became|becomes|become)\s+(?:the\s+|its\s+)?(?:(?:new|joint|interim|acting|permanent|executive|first|children['’]s)\s+)*(?:director|dcs|chief executive)\b", 0.85),
    Trigger("appointment", r"\bin\s+(?:the\s+)?(?:post|role|job)\s+since\b", 0.8),
    Trigger("appointment", r"\b(?:has|had|have)\s+(?:led|run|headed)\s+(?:the|its|their)\s+(?:department|service|services|directorate)(?:\s+(?:on|as|in)\s+(?:an?\s+)?[\w-]+(?:\s+basis)?)?\s+since"
            r"(?=\s+(?:(?:early|late|mid-?)\s*)?(?:(?:19|20)\d\d|January|February|March|April|May|June|July|August|September"
            r"|October|November|December|last)\b)", 0.8),
    Trigger("appointment", r"\b(?:were|was|have been|has been|had been)\s+taken over by\b", 0.75),
    Trigger("secondment", r"\bsecond(?:ed|ment)\b", 0.95),
    Trigger("review", r"\b(?:independent|serious case|external|peer|case|urgent|immediate|full|rapid|practice|learning|safeguarding)\s+(?:and\s+independent\s+)?reviews?\b", 0.8),
    Trigger("review", r"\b(?:ordered|commissioned|launched|announced|called for)\s+(?:an?|the)\s+(?:\w+\s+){0,3}review\b", 0.85),
    Trigger("review", r"\breview\s+(?:was|were|has been|had been)\s+(?:published|commissioned|launched|ordered)\b", 0.85),
    Trigger("review", r"\breports?\s+(?:by|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?commissioner\b", 0.8, needs_date=True),
)

SPECIFICITY = {"intervention": 3, "secondment": 3, "improvement_notice": 3, "statutory_direction": 3}
"""When triggers of two types overlap ("appointed a commissioner"), the more specific type wins."""

INSPECTION_KINDS = (
    ("unannounced", r"\bunannounced\b"),
    ("joint", r"\bjoint (?:inspection|area review)\b|\bJTAI\b|\bjoint targeted\b"),
    ("monitoring visit", r"\bmonitoring visit"),
    ("focused visit", r"\bfocused visit"),
    ("follow-up", r"\bfollow-?up\b"),
    ("ILACS", r"\bILACS\b|\binspection of local authority children['’]?s services\b"),
    ("SIF", r"\bSIF\b|\bsingle inspection framework\b"),
    ("joint area review", r"\bjoint area review\b"),
    ("annual performance assessment", r"\bannual performance assessment\b"),
    ("contact, referral and assessment", r"\bcontact,? referral and assessment\b"),
)

INSPECTORATES = (
    ("Ofsted", r"\bOfsted\b"),
    ("CQC", r"\bCare Quality Commission\b|\bCQC\b"),
    ("HMIC", r"\bHMIC(?:FRS)?\b|\bInspectorate of Constabulary\b"),
    ("HMI Probation", r"\bHMI Probation\b|\bInspectorate of Probation\b"),
)

ROLE = (
    r"(?P<role>(?:(?:interim|acting|permanent|new|former|outgoing|executive|strategic|corporate|assistant|deputy|joint)\s+)*"
    r"(?:director(?:\s+(?:of|for)\s+(?:children|children['’]?s|young|people|families|education|social|care|learning|"
    r"adult|communities|services|the)[\w ,'’-]{0,50}?(?:services|care|skills|families|learning|education|people))?"
    r"|DCS|chief executive|cabinet member for [\w ,'’-]{3,50}?(?:services|care|families|people|education)"
    r"|lead member for [\w ,'’-]{3,50}?(?:services|care|families|people|education)"
    r"|(?:children['’]?s services )?commissioner|head of (?:children['’]?s services|social care|social work)"
    r"|council leader|leader of the council|mayor))"
)
