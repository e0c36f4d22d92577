"""Crisis: an author who says they are thinking of ending their life, now.

These rules lean towards finding: a missed crisis costs far more than a
moderator reading a post that turns out to be safe. They still skip talk about
someone else ("he wanted to die"), denials ("not because I wanted to hurt
myself") and advice to others ("if you are thinking of suicide, call 988").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..base import Document, Rule
from ..findings import BLOCK, REVIEW, Finding
from ..gates import rarity_cost
from ..lazy import compile_later, needs_later

__all__ = [
    "WISH_IN",
    "IDEATION_BEFORE",
    "INTENT",
    "only_thought_of",
    "BACK_THEN",
    "CAME_THROUGH",
    "CARE_PLAN",
    "DIE_AT_HOME",
    "ASKED",
    "NEGATED_BEFORE",
    "REPORTED_SPEECH",
    "JOKING",
    "CrisisRule",
    "Wish",
    "quoted_by_someone_else",
]

_I = r"\bi(?:['’](?:m|ve|d|ll))?"


class Wish(str):
    """A pattern for a passive wish to be dead or gone, a burden, no way on
    ("I don't want to be here anymore"): a possible crisis, for review. The
    others say intent, a plan, the means or a goodbye: urgent, blocked."""

    __slots__ = ()


_PATTERNS = (
    # Direct statements.
    rf"{_I}\b[^.!?\n]{{0,40}}\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|shoot|hang|drown)"
    r"\s+myself\b",
    r"\b(?:end|ending|take|taking)\s+my\s+(?:own\s+)?life\b",
    rf"{_I}\b[^.!?\n]{{0,30}}\b(?:want|wanted|going|planning|plan|ready|thinking about|think about"
    r"|thought about)\s+(?:to\s+)?(?:end|ending)\s+(?:it|it all|everything|things)\b",
    r"\bsuicid(?:e|al)\b",
    Wish(
        rf"{_I}\b[^.!?\n]{{0,20}}\b(?:don['’]?t|do not|no longer|never)\s+(?:really\s+)?"
        r"want\s+to\s+"
        r"(?:be here|be alive|live|exist|wake up|go on|keep going|be around|do this)"
        r"(?:\s+any\s*more)?"
    ),
    Wish(
        rf"{_I}\b[^.!?\n]{{0,20}}\b(?:want|wanted|wish|wished)\s+(?:to\s+die|i\s+(?:was|were)\s+dead"
        r"|i\s+(?:could|would)\s+(?:just\s+)?(?:die|disappear|not wake up)"
        r"|i\s+(?:wouldn['’]?t|didn['’]?t)\s+wake\s+up|to\s+disappear\s+forever|it\s+(?:would|could)\s+(?:all\s+)?(?:end|stop))"
    ),
    Wish(
        r"\b(?:better\s+off\s+(?:dead|without\s+me)|no\s+(?:reason|point)\s+(?:to|in)\s+"
        r"(?:live|living|go\s+on|going\s+on|being\s+alive|staying\s+alive))\b"
    ),
    Wish(r"\bcan['’]?t\s+(?:go\s+on|keep\s+going)\b(?!\s+(?:like|with|at|in|working))"),
    # Method and plan.
    r"\bhow\s+(?:much|many)\s+(?:of\s+)?(?:my\s+|the\s+|her\s+|his\s+|these\s+)?(?:[\w'’-]+\s+){0,2}"
    r"(?:pills|medications?|meds|tablets|insulin|medicine)\s+(?:it\s+)?(?:would|will)\s+take\b",
    r"\b(?:swallow|swallowing)\s+(?:all|the\s+rest|every\s+one|the\s+whole\s+bottle)"
    r"(?:\s+of)?\s+(?:my|mine|the|her|his|them|these|those|it)\b",
    r"\b(?:down|overdose\s+on)\s+(?:all|the\s+rest|every\s+one|the\s+whole\s+bottle)(?:\s+of)?\s+"
    r"(?:my|the|her|his)\s+(?:[\w-]+\s+)?(?:pills|meds|tablets|medication|bottle)\b",
    r"\btak(?:e|ing)\s+(?:all|every\s+one)\s+of\s+(?:my|the|her|his|them)\s+(?:[\w-]+\s+)?"
    r"(?:pills|meds|tablets)\s+at\s+once|\btak(?:e|ing)\s+the\s+whole\s+bottle\b",
    r"\b(?:thought|thinking|think|planning|plan|want|wanted|going)\s+(?:about\s+|of\s+|to\s+)?"
    r"overdos(?:e|ing)\b",
    Wish(
        r"\b(?:rather|prefer\s+to)\s+(?:be\s+dead|die|not\s+wake\s+up|not\s+be\s+here|be\s+with\s+(?:him|her|them)"
        r"|join\s+(?:him|her|them))\b[^.!?\n]{0,40}\bthan\b"
        # Not "I'd rather die than do another audit": an ordinary chore after "than".
        r"(?!\s+(?:work|do|sit|eat|wait|watch|listen|use|fill|attend|pay|queue|drink|wear|deal\s+with"
        r"|go\s+back\s+(?:there|to\s+(?:that|this|the))|another\s+\w+|more\s+\w+|ask)\b)"
    ),
    Wish(
        r"\brather\s+[^.!?\n]{0,40}\bthan\s+(?:wake\s+up|live|be\s+alive|go\s+on|keep\s+living)\b"
    ),
    Wish(
        r"\b(?:easy|easier|simple)\s+it\s+would\s+be\s+to\s+(?:just\s+)?(?:[\w']+\s+){0,3}?"
        r"(?:turn\s+the\s+wheel|jump|drive\s+off|swallow|end|stop|not\s+wake|let\s+go|disappear|step)"
    ),
    r"\b(?:turn|jerk|swerve|steer)\s+the\s+wheel\b",
    r"\b(?:whether|if)\s+today\s+(?:was|is|would\s+be)\s+the\s+day\b",
    r"\b(?:written|wrote|writing)\s+(?:the\s+|my\s+|some\s+)?goodbye\s+(?:letters?|notes?)\b"
    r"|\b(?:written|wrote)\s+(?:the|my)\s+letters\b|\bsuicide\s+note\b",
    # Means and intent.
    r"\bstockpil\w*\s+(?:my\s+|the\s+|her\s+|his\s+)?(?:[\w-]+\s+)?(?:pills|meds|medications?|"
    r"oxy\w*|opioids|painkillers|insulin|tablets|sleeping\s+pills|[a-z]+(?:codone|pam|lam))\b",
    r"\b(?:planning|plan|going|want|wanted|thinking\s+about|think\s+about|decided|ready)\s+(?:to\s+)?"
    r"(?:take|swallow|taking|swallowing|down)\s+(?:all|every\s+one|the\s+rest|the\s+whole\s+bottle)\b",
    r"\b(?:know|knows|found)\s+where\s+(?:my|the|his|her)\s+(?:[\w-]+\s+){0,2}?(?:keeps\s+)?"
    r"(?:his\s+|her\s+|the\s+)?(?:gun|pistol|rifle|firearm)s?\b|\b(?:bought|got|loaded)\s+(?:a|the|my)\s+gun\b",
    r"\bdriv\w*\s+(?:my\s+car\s+|the\s+car\s+)?(?:into|off)\s+(?:the\s+|a\s+)?(?:lake|river|wall|tree"
    r"|bridge|cliff|ocean|water|overpass|oncoming\s+traffic|traffic|median|truck|embankment)\b",
    r"\b(?:tonight|today)\s+(?:feels\s+like|is|will\s+be|might\s+be)\s+the\s+(?:night|day)\b",
    Wish(
        r"\b(?:everyone|everybody|they|my\s+(?:family|kids|husband|wife)|the\s+world|people)\s+"
        r"(?:would|will)\s+be\s+better\s+off\s+(?:if\s+i|without\s+me)"
    ),
    Wish(
        r"\bif\s+i\s+(?:just\s+)?(?:disappeared|wasn['’]?t\s+(?:here|around)|were\s+(?:gone|dead)|died)\b"
    ),
    Wish(
        r"\b(?:don['’]?t|do\s+not|can['’]?t|cannot)\s+(?:really\s+|even\s+)?see\s+(?:the|any)\s+point\b[^.!?\n]{0,40}"
        r"\b(?:any\s*more|living|life|going\s+on|being\s+here|being\s+alive)\b"
    ),
    Wish(r"\bi\s+can['’]?t\s+do\s+this\s+any\s*more\b"),
    r"\b(?:giving|given|gave)\s+(?:away\s+)?(?:my|all\s+my)\s+(?:things|stuff|belongings|possessions)"
    r"|\bstarted\s+giving\s+things\s+away\b",
    r"\bputting\s+my\s+(?:things|affairs|life)\s+in\s+order\b",
    Wish(r"\bi\s+don['’]?t\s+know\s+if\s+i(?:['’]ll|\s+will)\b[^.!?\n]{0,30}\btomorrow\b"),
    r"\bthink(?:ing)?\s+about\s+doing\s+it\b",
    Wish(
        r"\b(?:hope|wish|want|pray|praying)\b[^.!?\n]{0,40}\b(?:not|never|won['’]?t|wouldn['’]?t|don['’]?t)\s+wake\s+up\b"
    ),
    Wish(
        r"\bnot\s+going\s+to\s+(?:wait\s+for\s+the\s+(?:cancer|disease|tumou?r|end)|be\s+(?:here|around)"
        r"\s+(?:much\s+longer|for\s+long|tomorrow))"
    ),
    r"\b(?:jump|jumping)\s+(?:off|from)\s+(?:a|the|my)\s+(?:bridge|roof|building|overpass|ledge|balcony"
    r"|cliff|parking\s+garage)|\bin\s+front\s+of\s+a\s+(?:train|bus|truck)\b",
    r"\b(?:bridge|overpass|rooftop|ledge|train\s+tracks)\b[^.!?\n]{0,60}\b(?:easy|jump)\b",
    r"\b(?:self[- ]harm|cutting\s+again|relapsed\s+on\s+cutting)\b",
    # Self-harm in other words: the act, its tools, a relapse.
    r"\b(?:started|start|began|back\s+to|went\s+back\s+to)\s+(?:cutting|burning|hurting)\b(?!\s+(?:back|down|out|it|the|my\s+hair))",
    r"\b(?:cut|cutting|slit|slitting|slash\w*|burn\w*|carv\w*)\s+(?:my|into\s+my)\s+(?:own\s+)?"
    r"(?:wrists?|arms?|forearms?|thighs?|legs?|skin|stomach)\b",
    # "held the lighter against my wrist until it blistered": the act without its name.
    r"\b(?:held|hold|holding|pressed|press|pressing)\s+[^.!?\n]{1,40}?\b(?:against|to|into)\s+my\s+(?:own\s+)?"
    r"(?:wrists?|arms?|forearms?|thighs?|legs?|skin|stomach)\b[^.!?\n]{0,20}\buntil\b",
    r"\b(?:relaps\w*|picked\s+up|reached\s+for|went\s+back\s+to|hid|hiding|hidden)\s+(?:on\s+)?(?:to\s+)?(?:the\s+|my\s+)?"
    r"(?:razors?|razor\s+blades?|blades?|lighter)\b",
    r"\bunalive\s+myself\b",
    r"\b(?:saving|saved|hoarding|hoarded|stashing|stashed)\s+(?:up\s+)?(?:my|the|his|her)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:for\s+(?:weeks|months|days|a\s+while)|up|away)\b",
    r"\b(?:tonight|today|this\s+weekend)\b[^.!?\n]{0,40}\b(?:going\s+to|gonna|will)\s+(?:use|take|do)\s+"
    r"(?:it|them)\b",
    # Being a burden gone: "easier for everyone without me in it".
    Wish(
        r"\b(?:would|will|['’]d|could)\s+(?:all\s+)?(?:be\s+)?(?:so\s+)?(?:much\s+|a\s+lot\s+)?(?:better|easier|happier|lighter)"
        r"\s+(?:off\s+)?(?:for\s+(?:\w+\s+){0,3}?)?(?:without\s+me\b|if\s+i\s+(?:was|were|wasn['’]?t|weren['’]?t|died|left)\b)"
    ),
    Wish(
        r"\b(?:nobody|no\s+one|no-one)\s+would\s+(?:even\s+|really\s+)?(?:notice|care|miss\s+me)\b[^.!?\n]{0,30}"
        r"\bif\s+i\b(?!\s+(?:skipped|missed|left\s+early|took\s+a|wore|changed|didn['’]?t\s+(?:go|come|show|turn)))"
    ),
    Wish(r"\bif\s+i\s+(?:was|were)\s+(?:gone|dead|not\s+here|not\s+around)\b"),
    # Means at hand, held back, counted.
    r"\b(?:saved|saving|hoarded|hoarding|stashed|stashing|collected|collecting|squirreled|hiding|hidden)\s+"
    r"(?:up\s+|away\s+)?(?:a\s+(?:\w+\s+)?(?:of|worth\s+of)\s+|enough\s+|all\s+)?(?:of\s+)?(?:my\s+|the\s+|her\s+|his\s+|these\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?:pills|meds|medications?|tablets|painkillers|insulin|oxy\w*|opioids)\b",
    r"\b(?:pills|meds|tablets|painkillers)\s+(?:saved|stashed|hidden|hoarded|put\s+aside)\s*(?:up|away)?\b",
    r"\b(?:a\s+(?:week|month|year)['’]?s?\s+(?:worth\s+)?of|enough)\s+(?:my\s+|the\s+|his\s+|her\s+)?(?:[\w'’-]+\s+){1,2}?"
    r"(?:saved|stashed|hidden|hoarded|put\s+aside)\b",
    r"\b(?:kept|keeping|have|got|hoarded)\s+(?:a\s+(?:week|month|year)['’]?s?\s+(?:worth\s+)?of|enough)\s+"
    r"(?:my\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?(?:pills|meds|medications?|tablets|painkillers|insulin)\b",
    r"\b(?:counted|counting|count)\s+(?:out\s+)?(?:all\s+)?(?:the|my|his|her)\s+(?:[\w'’-]+\s+){0,2}?(?:pills|meds|tablets)\b"
    r"[^.!?\n]{0,80}\b(?:all\s+of\s+them|enough|at\s+once|end|die|take\s+them)",
    r"\b(?:thought|thinking|think|dream\w*)\s+(?:about|of)\s+(?:taking|swallowing|downing)\s+"
    r"(?:all|every\s+one|the\s+rest|the\s+whole|them\s+all)\b",
    r"\b(?:don['’]?t|do\s+not|can['’]?t|cannot)\s+trust\s+myself\b(?!\s+(?:around|with)\s+(?:food|cake|sweets|chocolate"
    r"|snacks|money|a\s+credit\s+card))",
    r"\b(?:until|before|when)\s+(?:someone|somebody|anyone|they|my\s+\w+)\s+(?:found|finds|would\s+find)\s+me\b",
    r"\bmake\s+sure\s+i\s+(?:don['’]?t|never|won['’]?t|do\s+not)\s+wake\s+up\b",
    Wish(r"\b(?:go\s+to\s+sleep|fall\s+asleep|sleep)\s+and\s+(?:never|not)\s+wake\s+up\b"),
    Wish(
        r"\bit\s+would\s+be\s+(?:so\s+)?(?:easy|easier|simple)\s+to\s+(?:just\s+)?(?:stop\s+(?:fighting|trying|breathing)"
        r"|end\s+it|give\s+up|let\s+go|disappear|not\s+wake\s+up|take\s+(?:them|it|all|the\s+whole)|swallow|jump|drive\s+off)"
    ),
    Wish(
        r"\b(?:what['’]?s|what\s+is|there['’]?s|there\s+is)\s+(?:even\s+)?(?:the\s+|no\s+)?point\s+(?:of|in)\s+"
        r"(?:anything|living|going\s+on|trying|being\s+here|staying|any\s+of\s+it)\b"
    ),
    Wish(
        r"\bno\s+(?:reason|point)\s+(?:to|in)\s+(?:keep\s+going|keep\s+living|keep\s+trying|stay|staying|be\s+here|fight)\b"
    ),
    r"\b(?:thinking|thought|think)\s+(?:about|of)\s+(?:ending\s+(?:it|things|everything)|not\s+being\s+here|dying|killing\s+myself)\b",
    r"\b(?:just\s+)?end\s+it\s+(?:all\s+)?(?:tonight|today|now|soon|this\s+week)\b",
)
_PATTERN = compile_later("|".join(f"(?:{p})" for p in _PATTERNS))
# Each alternative alone, to tell which one a match came from (the first that
# matches where it starts, as in the alternation): read only at a match.
_EACH = tuple((compile_later(p), isinstance(p, Wish)) for p in _PATTERNS)
# "thinking about not being here", "thinking of dying": passive, inside an urgent pattern.
WISH_IN = compile_later(
    r"\bnot\s+being\s+here\b|\bdying\b|\bbe\s+dead\b|\bstop\s+existing\b|\bnot\s+exist\b"
)

# "Some nights I think about ending my life", "I don't want to kill myself but",
# "I'm suicidal": thoughts of the act, without intent, a plan, the means or a
# time, are a possible crisis (review), as the crisis corpus tiers them.
IDEATION_BEFORE = compile_later(
    r"\b(?:think|thinks|thinking|thought|thoughts|imagine|imagining|imagined|wonder|wondering"
    r"|wondered|fantasi[sz]\w*|daydream\w*|picture|picturing|how\s+easy|caught\s+myself"
    r"|don['’]?t\s+(?:really\s+)?want\s+to|do\s+not\s+want\s+to)\b[^.!?\n]*$"
)
_IDEATION_IN = compile_later(
    r"^(?:i\s+)?(?:\w+\s+){0,3}?(?:think|thinking|thought)\b|\bsuicidal\b"
    r"|\bdon['’]?t\s+(?:really\s+)?want\s+to\s+(?:kill|hurt|harm|cut)\b"
)
# What makes thoughts urgent: intent, a plan, the means, a time.
INTENT = compile_later(
    r"\b(?:tonight|today|tomorrow|this\s+(?:weekend|week|time|month)|going\s+to|gonna|plan\w*"
    r"|decided|ready|will|i['’]ll|bought|saved|saving|stockpil\w*|stash\w*|enough|how\s+(?:much|many)"
    r"|written|wrote|note|letters?|goodbye|gun|pistol|rifle|rope|pills|tablets|razor|blade|bridge"
    r"|soon|now|after\s+(?:the|my)\s+(?:holidays|birthday|wedding|funeral|appointment|shift|exams?)"
    r"|(?:after|when)\s+(?:she|he|they)\s+(?:goes|leaves|dies|is\s+gone)|method|attempt\w*"
    r"|tried|trying|try|keep\s+(?:the|a|my)|kept|have\s+(?:the|a)|got\s+(?:the|a))\b"
)


def only_thought_of(sentence: str, before: str, matched: str) -> bool:
    """Whether the words are thoughts of the act, not intent: framed by thinking
    or a "don't want to", or "suicidal" alone, and nothing in the sentence says
    intent, a plan, the means or a time."""
    if not (IDEATION_BEFORE.search(before) or _IDEATION_IN.search(matched)):
        return False
    return not INTENT.search(sentence)


# Every pattern above needs one of these words; only sentences holding one are read.
_TRIGGER = frozenset(
    "stockpiling stockpile stockpiled gun pistol rifle firearm driving drive drove lake river "
    "tonight better disappeared gone died point anymore more goodbye "
    "myself suicide suicidal life want wanted wish wished rather prefer better reason point go "
    "going keep pills meds medication medications tablets insulin medicine swallow swallowing "
    "bottle overdose overdosing wheel today letters letter note things stuff belongings "
    "possessions affairs tomorrow doing wake jump jumping front bridge overpass rooftop ledge "
    "tracks harm cutting end ending die dead alive started start began burning cut slit wrists "
    "held hold holding pressed press pressing "
    "wrist arms arm forearms thighs legs skin stomach razor razors blade blades lighter unalive "
    "easier happier without notice care miss saved saving hoarded hoarding stashed stashing "
    "collected collecting squirreled hiding hidden painkillers oxy opioids kept keeping enough "
    "counted counting count thought thinking dreaming trust found finds sure asleep sleep "
    "fighting trying breathing pointless dying tonight easy simple weeks months days".split()
)
# What every match of a pattern above holds (gates.needs): a rare word where it can.
_NEED = needs_later(_PATTERNS, cost=rarity_cost)

# Before a match, these make it a denial, a report about someone else, or advice.
_NOT_ABOUT_ME = compile_later(
    r"(?:\bnot\s+because|\bnot\s+that|\bnever\s+(?:wanted|tried|thought)|\bif\s+you|\bif\s+anyone"
    r"|\banyone\s+(?:who|here|reading)|\bsomeone\s+who|\bwhen\s+someone|\byou['’]re|\byou\s+are"
    r"|\bhe\b|\bshe\b|\bthey\b|\bhis\b|\bher\b|\bhim\b|\bpatients?\b|\bpeople\b|\bfriend|\bsons?\b"
    r"|\bdaughter|\bbrother|\bsister|\bmother|\bfather|\bmom\b|\bdad\b|\bwife\b|\bhusband\b"
    r"|\bprevention\b|\bawareness\b|\bhotline\b|\blifeline\b|\bcrisis\s+line\b|\b988\b)"
    r"[^.!?\n]*$",
)
_NOT_WANT = compile_later(
    r"(?:n['’]t|\bnot|\bnever)\s+(?:really\s+)?(?:want|wanted|wish)\s+to\s+die\b"
)
_DENIAL = compile_later(
    r"\bnot\s+because\b|\bnot\s+that\b|\bif\s+you\b|\banyone\b(?!\s+(?:found|finds|would\s+find))"
)
# "suicide prevention", "suicidal patients": the word names a topic, not a state.
_NOT_ABOUT_CRISIS_AFTER = compile_later(
    r"\s+(?:prevention|hotline|line|awareness|survivors?|loss|rates?|risk\s+assessment|watch\s+(?:on|for)"
    r"|patients?|screening|training|bereavement|counsel\w*|support|services?|groups?|research"
    r"|presentations?|cases?|admissions?|assessments?|referrals?|liaison|history|scars?|team|policy"
    r"|statistics|of\s+(?:my|a|his|her|their))\b",
)
# "I tried to kill myself in 2015. Today I'm five years sober": a survivor's story.
_PAST_ATTEMPT = compile_later(
    r"\b(?:tried|attempted|attempt|survived)\b[^.!?\n]*\b(?:in\s+(?:19|20)\d\d|years\s+ago|when\s+i\s+was"
    r"|back\s+in|as\s+a\s+(?:teen\w*|kid|student)|at\s+(?:age\s+)?\d\d?\b)"
    r"|\b(?:in\s+(?:19|20)\d\d|years\s+ago|when\s+i\s+was|back\s+in|as\s+a\s+(?:teen\w*|kid|student))\b"
    r"[^.!?\n]*\b(?:tried|attempted|attempt|survived)\b"
)
_RECOVERED = compile_later(
    r"\b(?:today|now|these\s+days|since\s+then)\b[^.!?\n]{0,60}\b(?:sober|alive|grateful|glad|better"
    r"|recovery|recovered|thriving|doing\s+well|peer|counsel|volunteer|happy|love|married|kids)"
    r"|\bit\s+(?:does|really|will|did)\s+get\s+better\b"
)
_FIRST_PERSON = compile_later(r"\b(?:i|i['’]m|i['’]ve|i['’]d|i['’]ll|me|my|mine|myself)\b")
# "I haven't thought about dying in years": the match is denied just before it.
NEGATED_BEFORE = compile_later(
    r"(?:n['’]t|\bnot|\bnever|\bno\s+longer)\s+(?:really\s+|even\s+|once\s+)?$"
)
# "I wanted to die of embarrassment": a figure of speech, not a wish.
_IDIOM_AFTER = compile_later(
    r"\s+(?:of|from)\s+(?:the\s+)?(?:embarrassment|shame|laughter|laughing|boredom|humiliation|cringe"
    r"|mortification|jealousy|envy|happiness|joy|curiosity|exhaustion|heat|cuteness)\b"
    r"|\s+laughing\b"
    r"|\s+when\s+i\s+saw\s+(?:the|my|that|how\s+much)\s+(?:\w+\s+)?(?:bill|price|prices|charges?|parking|queue|photos?"
    r"|pictures?|menu|cost|invoice|rota|schedule)\b"
    # "I was killing myself studying", "I'd jump off a bridge for that nurse": hyperbole.
    r"|\s+(?:working|studying|trying|training|running|revising|cleaning|cooking|rushing|juggling"
    r"|commuting|practi[cs]ing|at\s+(?:work|the\s+gym)|over\s+(?:this|that|it|nothing))\b"
    r"|\s+for\s+(?:her|him|them|you|that|this|those|these|our|a\s+\w+|the\s+(?:job|team|kids))\b(?!\s+to\b)"
)
_IDIOM_IN = compile_later(r"\bdie\s+(?:laughing|of\s+(?:embarrassment|shame|laughter|boredom))\b")
# "I'm not thinking about ending it": denied inside the match.
_DENIED_IN = compile_later(
    r"\b(?:i['’]m|i\s+am|i['’]ve|i\s+have)\s+not\s+(?:been\s+)?(?:thinking|planning|going|ready)\b"
)
# A sentence without "I" is still the author's unless it is about someone else.
_SOMEONE_ELSE = compile_later(
    r"\b(?:he|she|his|her|him|they|their|they['’]re|patients?|people|friend|son|daughter|brother|sister"
    r"|mother|father|mom|dad|mum|wife|husband|partner|you|your)\b"
)
# A story told from the other side of a crisis: "I'm not there anymore".
_RECOVERY_TEXT = compile_later(
    r"\b(?:i['’]m|i\s+am)\s+not\s+(?:there|in\s+that\s+place)\s+any\s*more\b|\bglad\s+i\s+(?:stayed|held\s+on|am\s+still\s+here"
    r"|['’]m\s+still\s+here|didn['’]?t|reached\s+out|told\s+someone)\b|\bhaven['’]?t\s+(?:thought\s+about|felt|wanted)\s+"
    r"[^.!?\n]{0,30}\bin\s+(?:a\s+long\s+time|years|months)\b|\b(?:got|pulled)\s+me\s+through\b|\bwhere\s+i\s+was\b"
    r"|\b(?:years|months)\s+(?:sober|clean|later|since)\b|\bi\s+survived\b|\bin\s+recovery\b|\bmade\s+it\s+through\b"
)
# The sentence is set in the past: a time back then, and nothing that says "now".
_PAST_FRAME = compile_later(
    r"\b(?:years?\s+ago|months\s+ago|back\s+then|at\s+the\s+time|in\s+(?:19|20)\d\d|when\s+i\s+was|that\s+(?:year|winter"
    r"|summer|spring|fall|autumn)|after\s+my\s+(?:first|second|third|\w+\s+baby)|looked\s+like|i\s+had|i\s+was|i\s+wrote"
    r"|planned|wanted|felt)\b"
)
_NOW = compile_later(
    r"\b(?:now|today|tonight|again|any\s*more|still|lately|these\s+days|this\s+week|right\s+now|keep|i['’]m|i\s+am"
    r"|i\s+have|i['’]ve|i\s+want|i\s+don['’]?t|i\s+can['’]?t|i\s+will|i['’]ll|am|is|are)\b"
)


def _is_wish(match: re.Match[str]) -> bool:
    """Whether a match of ``_PATTERN`` says a wish rather than intent or a plan."""
    for pattern, wish in _EACH:
        if pattern.match(match.string, match.start(), match.endpos):
            return wish or bool(WISH_IN.search(match.group()))
    return bool(WISH_IN.search(match.group()))


class CrisisRule(Rule):
    id = "crisis.self_harm"
    category = "crisis"
    severity = BLOCK
    message = "The author may be at risk of suicide or self-harm now: act on this first."
    wish_message = (
        "The author may wish not to be alive, or feel a burden or trapped: a possible crisis, "
        "read it first."
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        for match in self._matches(doc):
            yield match.span()

    def find(self, doc: Document) -> Iterator[Finding]:
        text = doc.lower
        for match in self._matches(doc):
            s_start, s_end = doc.sentence_at(match.start())
            thought = only_thought_of(
                text[s_start:s_end], text[s_start : match.start()], match.group()
            )
            if thought or _is_wish(match):
                yield replace(
                    self.finding(*match.span(), severity=REVIEW), message=self.wish_message
                )
            else:
                yield self.finding(*match.span())

    def _matches(self, doc: Document) -> Iterator[re.Match[str]]:
        text = doc.lower
        for match in doc.scan(_TRIGGER, _PATTERN, need=_NEED):
            s_start, s_end = doc.sentence_at(match.start())
            sentence = text[s_start:s_end]
            before = text[s_start : match.start()]
            if _NOT_ABOUT_ME.search(before) and not _FIRST_PERSON.search(match.group()):
                continue
            if _DENIAL.search(before[-30:] + match.group()) or _NOT_WANT.search(match.group()):
                continue
            if _NOT_ABOUT_CRISIS_AFTER.match(text, match.end()):
                continue
            if not _FIRST_PERSON.search(sentence) and (
                _SOMEONE_ELSE.search(sentence) or "suicid" in match.group()
            ):
                continue
            if _DENIED_IN.search(match.group()):
                continue
            if _PAST_ATTEMPT.search(sentence) and doc.found_from(_RECOVERED, s_start):
                continue
            if NEGATED_BEFORE.search(before[-20:]) and not _FIRST_PERSON.match(match.group()):
                continue
            if _IDIOM_AFTER.match(text, match.end()) or _IDIOM_IN.search(match.group()):
                continue
            if _past_and_recovered(doc, sentence, match):
                continue
            if _HARM_DENIED.search(match.group()) or _BY_SUICIDE.search(before[-20:]):
                continue
            if _THOUGHTS_DENIED.search(before[-45:] + match.group()):
                continue
            if _TOPIC_BEFORE.search(before[-40:]):
                continue
            if (
                text[match.start() - 1 : match.start()] == "-"
                or text[match.end() : match.end() + 1] == "-"
            ):
                continue  # "survivors-of-suicide-loss", "suicide-prevention": a compound
            if _told_of(doc, text, s_start, s_end, before):
                continue
            if ASKED.search(before) or JOKING.search(sentence):
                continue
            if quoted_by_someone_else(text, s_start, match.start(), match.end(), s_end):
                continue
            yield match


# "I haven't hurt myself in three years": denied inside the match.
_HARM_DENIED = compile_later(
    r"(?:n['’]t|\bnot|\bnever)\s+(?:\w+\s+)?(?:hurt|harm|cut|kill)"
    # "I've never done anything to hurt myself", "never made any plans to harm myself".
    r"|(?:n['’]t|\bnever)\s+(?:\w+\s+)?(?:done|made|had|got)\s+(?:any\s+|anything\s+)?(?:plans?\s+)?(?:to\s+)?"
    r"(?:hurt|harm|cut|kill)|\bno\s+(?:intention|plans?|desire|urge)\s+(?:of|to)\s+(?:hurt|harm|cut|kill)"
)
# Before the words, they name a topic or a history, not the author's act now:
# "clean of self-harm", "a form of self-harm", "I ask them directly about suicide".
_TOPIC_BEFORE = compile_later(
    r"\b(?:clean|free)\s+(?:of|from)\s+$|\b(?:form|kind|type|sort)\s+of\s+$"
    r"|\b(?:ask|asks|asked|asking|talk|talks|talked|talking|speak\w*|teach\w*|educat\w*|lectur\w*"
    r"|writ\w*|wrote|read|reading)\s+(?:\w+\s+){0,2}?(?:about|on)\s+$"
)
# "I haven't had thoughts of ending my life for years", "no thoughts of harming myself".
_THOUGHTS_DENIED = compile_later(
    r"(?:\bno|n['’]t\s+(?:had|have|been\s+having)(?:\s+any)?|\bnot\s+having(?:\s+any)?)\s+"
    r"(?:suicidal\s+)?(?:thoughts?|urges?|plans?|intentions?|ideas?)\s+(?:of|about|to)\b"
)
# "My sister died by suicide": a death, not a wish.
_BY_SUICIDE = compile_later(r"\b(?:died|death|lost\s+\w+|loss|losses)\s+(?:by|to|from)\s+$")


def _told_of(doc: Document, text: str, start: int, end: int, before: str) -> bool:
    """Whether the sentence tells of a crisis that is someone else's or over:
    reported speech ("he keeps saying 'I want to die'"), dying planned with the
    care team, or a past crisis in a text that says the author came through."""
    sentence = text[start:end]
    if REPORTED_SPEECH.search(before) or (
        doc.found_anywhere(CARE_PLAN) and DIE_AT_HOME.search(sentence)
    ):
        return True
    if not doc.found_anywhere(CAME_THROUGH):
        return False
    if BACK_THEN.search(sentence):
        return True
    previous = doc.sentence_at(max(0, start - 2))
    return bool(
        previous[1] <= start
        and BACK_THEN.search(text, previous[0], previous[1])
        and _PAST_TENSE.search(sentence)
        and not _NOW.search(sentence)
    )


_PAST_TENSE = compile_later(
    r"\b(?:told|wanted|wrote|was|were|used\s+to|felt|thought|started|tried|hoped|meant)\b"
)


def _past_and_recovered(doc: Document, sentence: str, match: re.Match[str]) -> bool:
    """A survivor's story: the sentence is set in the past, nothing in it says
    "now", and elsewhere the author says they came through."""
    rest = sentence.replace(match.group(), " ")
    if not _PAST_FRAME.search(sentence) or _NOW.search(rest):
        return False
    return doc.found_anywhere(_RECOVERY_TEXT)


# What both crisis rules read to tell a crisis that is someone else's or over.
# A sentence that tells of a crisis that is over: set in the past, with a time back then.
BACK_THEN = compile_later(
    r"\b(?:years?\s+ago|months\s+ago|back\s+(?:then|in)|at\s+the\s+time|in\s+(?:19|20)\d\d|when\s+i\s+was"
    r"|used\s+to|for\s+(?:a\s+long\s+time|years)\s+after|around\s+\d\d|at\s+\d\d\b|that\s+(?:night|year|winter)"
    r"|the\s+first\s+(?:months|weeks|year)|after\s+(?:the|my)\s+\w+\s+(?:surgery|diagnosis|accident|crash))"
)
CAME_THROUGH = compile_later(
    r"\b(?:today|now|these\s+days|since\s+then)\b[^.!?\n]{0,80}\b(?:sober|alive|grateful|glad|better|home"
    r"|recovery|recovered|thriving|well|coach|volunteer|happy|preschool|pregnant|counsel\w*|work|danc\w+)"
    r"|\b(?:a\s+|six\s+|few\s+|two\s+|three\s+)?(?:weeks?|months?|years?)\s+later\b"
    r"|\b(?:grateful|glad)\s+(?:now|nobody|that|i)\b|\bnot\s+that\s+(?:woman|man|person|girl|boy)\s+any\s*more\b"
    r"|\bhaven['’]?t\s+(?:hurt|cut|harmed)\s+myself\s+in\b|\bhow\s+far\s+i['’]?ve\s+come\b|\bi\s+went\s+back\s+to\b"
    r"|\bthings\s+(?:got|get)\s+better\b|\b(?:one|two|three|four|five|six|\d+)\s+(?:years?|months?)\s+(?:clean|free)\b"
    r"|\bhaven['’]?t\s+(?:\w+\s+){0,2}?in\s+(?:\d+|a|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|many)\s+(?:years?|months?)\b"
    r"|\bthings\s+change\b|\bit\s+(?:gets|does\s+get|really\s+does\s+get|will\s+get)\s+better\b|\bi['’]m\s+(?:still\s+)?here\b|\bstill\s+here\b"
)
# Someone else's words or state: "he started saying 'I want to die'", "my sister died by suicide".
REPORTED_SPEECH = compile_later(
    r"\b(?:he|she|they|dad|mom|mum|father|mother|patients?|son|daughter|kids?|child|boy|girl"
    r"|husband|wife|partner|friend|brother|sister|grand(?:ma|pa|mother|father|son|daughter)"
    r"|nan|someone|everyone)\s+(?:\w+\s+){0,3}?(?:saying|says|said|keeps\s+saying|told)\b"
    r"[^.!?\n]{0,6}[\"“']"
)
# Dying planned with the care team: "I want to die at home, with hospice".
CARE_PLAN = compile_later(
    r"\b(?:hospice|palliative|comfort\s+care|my\s+(?:care\s+)?team|dnr|end[- ]of[- ]life)\b"
)
DIE_AT_HOME = compile_later(r"\bdie\s+(?:at\s+home|in\s+my\s+own|peacefully|surrounded)\b")

# "She asked me whether I'd had any thoughts of ending my life": a question put
# to the author (a clinician's screening question), not the author's words.
ASKED = compile_later(
    r"\b(?:ask(?:ed|s|ing)?|questions?|questioned|questionnaire|screen(?:ed|ing)?)\b[^.!?\n]{0,60}?"
    r"\b(?:whether|if|how)\b[^.!?\n]*$"
)
# "I literally want to die lol": a joke, marked as one in the same sentence.
JOKING = compile_later(
    r"\b(?:lol|lmao|lmfao|rofl|haha\w*|jk|kidding)\b|\bi\s+(?:joke|joked|jokingly)\b|\bmotto\b"
    r"|[\U0001F602\U0001F923]"
)
# What names the words in quotation marks as someone's words, a title or a joke.
_SPEECH = compile_later(
    r"\b(?:said|says|saying|say|told|tells|telling|wrote|writes|texted|posted|shouted|yelled"
    r"|screamed|screams|asks|asked|called|title|titled|song|lyrics?|joke|jokes|line|quote|hear|heard"
    r"|hearing)\b"
)
_AUTHOR_SPEAKS = compile_later(
    r"\bi\s+(?:\w+\s+){0,2}?(?:said|say|told|tell|wrote|write|texted|typed|posted|screamed|shouted"
    r"|keep\s+saying|kept\s+saying)\b[^\"“‘']*$"
)
_AUTHOR_SPOKE_AFTER = compile_later(
    r"[\"”’']\s*[,.!?]?\s*i\s+(?:said|told|wrote|texted|typed|screamed)\b"
)
_OTHER_SPOKE_AFTER = compile_later(
    r"[\"”’']\s*[,!?\-–—]?\s*(?!i\s)(?:[a-z]+\s+){1,3}?(?:said|says|told|asked|whispered|replied|added|insisted"
    r"|shouted|yelled|sobbed|muttered|kept\s+saying|would\s+say|used\s+to\s+say)\b"
    # '"I'm going to end it all" - said the patient': the verb first.
    r"|[\"”’']\s*[,!?\-–—]?\s*(?:said|says|asked|replied|added)\s+(?!i\b|me\b)(?:the\s+|my\s+|her\s+|his\s+)?[a-z]+"
)
_OPENING = compile_later(r"(?:^|(?<=[\s(:,]))[\"“‘'](?=\w)")
_CLOSING = compile_later(r"(?<=[\w.!?,])[\"”’'](?!\w)")


def quoted_by_someone_else(text: str, s_start: int, start: int, end: int, s_end: int) -> bool:
    """Whether ``text[start:end]`` is inside quotation marks that someone other
    than the author speaks, or that quote a title or a joke ("my roommate says
    'I'm going to kms'", "that song 'I hate myself and want to die'",
    "stop saying 'I'll kill myself' as a joke"); not "I told her 'I want to die'"."""
    openings = [m for m in _OPENING.finditer(text, s_start, end) if m.start() < start]
    if not openings:
        return False
    opening = openings[-1]
    if _CLOSING.search(text[:start], opening.end()):
        return False  # the quotation closed before the words
    # A quotation may run on past its first sentence: '"Doctor, I'm ready to die. Help me."'
    closing = _CLOSING.search(text, end, s_end + 2) or _CLOSING.search(text, end, end + 300)
    if closing is None:
        return False
    if _AUTHOR_SPOKE_AFTER.match(text, closing.start()):
        return False
    if _OTHER_SPOKE_AFTER.match(text, closing.start()):
        return True  # '"I want to die in my own bed," she said.'
    lead = text[s_start : opening.start()]
    return bool(_SPEECH.search(lead)) and not _AUTHOR_SPEAKS.search(lead)
