"""Safety: an author who says they are thinking of ending their life, now.

These rules lean towards finding: a missed crisis costs far more than a
moderator reading a post that turns out to be safe. They still skip talk about
someone else ("he wanted to die"), denials ("not because I wanted to hurt
myself") and advice to others ("if you are thinking of suicide, call 988").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import Document, Rule
from .findings import BLOCK

__all__ = ["CrisisRule"]

_I = r"\bi(?:['’](?:m|ve|d|ll))?"
_PATTERNS = (
    # Direct statements.
    rf"{_I}\b[^.!?\n]{{0,40}}\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|shoot|hang|drown)"
    r"\s+myself\b",
    r"\b(?:end|ending|take|taking)\s+my\s+(?:own\s+)?life\b",
    rf"{_I}\b[^.!?\n]{{0,30}}\b(?:want|wanted|going|planning|plan|ready|thinking about|think about"
    r"|thought about)\s+(?:to\s+)?(?:end|ending)\s+(?:it|it all|everything|things)\b",
    r"\bsuicid(?:e|al)\b",
    rf"{_I}\b[^.!?\n]{{0,20}}\b(?:don['’]?t|do not|no longer|never)\s+(?:really\s+)?want\s+to\s+"
    r"(?:be here|be alive|live|exist|wake up|go on|keep going|be around|do this)"
    r"(?:\s+any\s*more)?",
    rf"{_I}\b[^.!?\n]{{0,20}}\b(?:want|wanted|wish|wished)\s+(?:to\s+die|i\s+(?:was|were)\s+dead"
    r"|i\s+(?:could|would)\s+(?:just\s+)?(?:die|disappear|not wake up)"
    r"|i\s+(?:wouldn['’]?t|didn['’]?t)\s+wake\s+up|to\s+disappear\s+forever|it\s+(?:would|could)\s+(?:all\s+)?(?:end|stop))",
    r"\b(?:better\s+off\s+(?:dead|without\s+me)|no\s+(?:reason|point)\s+(?:to|in)\s+"
    r"(?:live|living|go\s+on|going\s+on|being\s+alive|staying\s+alive))\b",
    r"\bcan['’]?t\s+(?:go\s+on|keep\s+going)\b(?!\s+(?:like|with|at|in|working))",
    # Method and plan.
    r"\bhow\s+(?:much|many)\s+(?:of\s+)?(?:my\s+|the\s+|her\s+|his\s+|these\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:pills|medications?|meds|tablets|insulin|medicine)\s+(?:it\s+)?(?:would|will)\s+take\b",
    r"\b(?:swallow|swallowing)\s+(?:all|the\s+rest|every\s+one|the\s+whole\s+bottle)"
    r"(?:\s+of)?\s+(?:my|mine|the|her|his|them|these|those|it)\b",
    r"\b(?:down|overdose\s+on)\s+(?:all|the\s+rest|every\s+one|the\s+whole\s+bottle)(?:\s+of)?\s+"
    r"(?:my|the|her|his)\s+(?:[\w-]+\s+)?(?:pills|meds|tablets|medication|bottle)\b",
    r"\btak(?:e|ing)\s+(?:all|every\s+one)\s+of\s+(?:my|the|her|his|them)\s+(?:[\w-]+\s+)?"
    r"(?:pills|meds|tablets)\s+at\s+once|\btak(?:e|ing)\s+the\s+whole\s+bottle\b",
    r"\b(?:thought|thinking|think|planning|plan|want|wanted|going)\s+(?:about\s+|of\s+|to\s+)?"
    r"overdos(?:e|ing)\b",
    r"\b(?:rather|prefer\s+to)\s+(?:be\s+dead|die|not\s+wake\s+up|not\s+be\s+here|be\s+with\s+(?:him|her|them)"
    r"|join\s+(?:him|her|them))\b[^.!?\n]{0,40}\bthan\b",
    r"\brather\s+[^.!?\n]{0,40}\bthan\s+(?:wake\s+up|live|be\s+alive|go\s+on|keep\s+living)\b",
    r"\b(?:easy|easier|simple)\s+it\s+would\s+be\s+to\s+(?:just\s+)?(?:[\w']+\s+){0,3}?"
    r"(?:turn\s+the\s+wheel|jump|drive\s+off|swallow|end|stop|not\s+wake|let\s+go|disappear|step)",
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
    r"\b(?:everyone|everybody|they|my\s+(?:family|kids|husband|wife)|the\s+world|people)\s+"
    r"(?:would|will)\s+be\s+better\s+off\s+(?:if\s+i|without\s+me)",
    r"\bif\s+i\s+(?:just\s+)?(?:disappeared|wasn['’]?t\s+(?:here|around)|were\s+(?:gone|dead)|died)\b",
    r"\b(?:don['’]?t|do\s+not|can['’]?t|cannot)\s+see\s+(?:the|any)\s+point\b[^.!?\n]{0,40}"
    r"\b(?:any\s*more|living|life|going\s+on|being\s+here|being\s+alive)\b",
    r"\bi\s+can['’]?t\s+do\s+this\s+any\s*more\b",
    r"\b(?:giving|given|gave)\s+(?:away\s+)?(?:my|all\s+my)\s+(?:things|stuff|belongings|possessions)"
    r"|\bstarted\s+giving\s+things\s+away\b",
    r"\bputting\s+my\s+(?:things|affairs|life)\s+in\s+order\b",
    r"\bi\s+don['’]?t\s+know\s+if\s+i(?:['’]ll|\s+will)\b[^.!?\n]{0,30}\btomorrow\b",
    r"\bthink(?:ing)?\s+about\s+doing\s+it\b",
    r"\b(?:hope|wish|want|pray|praying)\b[^.!?\n]{0,40}\b(?:not|never|won['’]?t|wouldn['’]?t)\s+wake\s+up\b",
    r"\bnot\s+going\s+to\s+(?:wait\s+for\s+the\s+(?:cancer|disease|tumou?r|end)|be\s+(?:here|around)"
    r"\s+(?:much\s+longer|for\s+long|tomorrow))",
    r"\b(?:jump|jumping)\s+(?:off|from)\s+(?:a|the|my)\s+(?:bridge|roof|building|overpass|ledge|balcony"
    r"|cliff|parking\s+garage)|\bin\s+front\s+of\s+a\s+(?:train|bus|truck)\b",
    r"\b(?:bridge|overpass|rooftop|ledge|train\s+tracks)\b[^.!?\n]{0,60}\b(?:easy|jump)\b",
    r"\b(?:self[- ]harm|cutting\s+again|relapsed\s+on\s+cutting)\b",
)
_PATTERN = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))

# Every pattern above needs one of these words; only sentences holding one are read.
_TRIGGER = frozenset(
    "stockpiling stockpile stockpiled gun pistol rifle firearm driving drive drove lake river "
    "tonight better disappeared gone died point anymore more goodbye "
    "myself suicide suicidal life want wanted wish wished rather prefer better reason point go "
    "going keep pills meds medication medications tablets insulin medicine swallow swallowing "
    "bottle overdose overdosing wheel today letters letter note things stuff belongings "
    "possessions affairs tomorrow doing wake jump jumping front bridge overpass rooftop ledge "
    "tracks harm cutting end ending die dead alive".split()
)

# Before a match, these make it a denial, a report about someone else, or advice.
_NOT_ABOUT_ME = re.compile(
    r"(?:\bnot\s+because|\bnot\s+that|\bnever\s+(?:wanted|tried|thought)|\bif\s+you|\bif\s+anyone"
    r"|\banyone\s+(?:who|here|reading)|\bsomeone\s+who|\bwhen\s+someone|\byou['’]re|\byou\s+are"
    r"|\bhe\b|\bshe\b|\bthey\b|\bhis\b|\bher\b|\bhim\b|\bpatients?\b|\bpeople\b|\bfriend|\bsons?\b"
    r"|\bdaughter|\bbrother|\bsister|\bmother|\bfather|\bmom\b|\bdad\b|\bwife\b|\bhusband\b"
    r"|\bprevention\b|\bawareness\b|\bhotline\b|\blifeline\b|\bcrisis\s+line\b|\b988\b)"
    r"[^.!?\n]*$",
)
_NOT_WANT = re.compile(
    r"(?:n['’]t|\bnot|\bnever)\s+(?:really\s+)?(?:want|wanted|wish)\s+to\s+die\b"
)
_DENIAL = re.compile(r"\bnot\s+because\b|\bnot\s+that\b|\bif\s+you\b|\banyone\b")
# "suicide prevention", "suicidal patients": the word names a topic, not a state.
_NOT_ABOUT_CRISIS_AFTER = re.compile(
    r"\s+(?:prevention|hotline|line|awareness|survivors?|loss|rates?|risk\s+assessment|watch\s+(?:on|for)"
    r"|patients?|screening|training|of\s+(?:my|a|his|her|their))\b",
)
# "I tried to kill myself in 2015. Today I'm five years sober": a survivor's story.
_PAST_ATTEMPT = re.compile(
    r"\b(?:tried|attempted|attempt|survived)\b[^.!?\n]*\b(?:in\s+(?:19|20)\d\d|years\s+ago|when\s+i\s+was"
    r"|back\s+in|as\s+a\s+(?:teen\w*|kid|student)|at\s+(?:age\s+)?\d\d?\b)"
)
_RECOVERED = re.compile(
    r"\b(?:today|now|these\s+days|since\s+then)\b[^.!?\n]{0,60}\b(?:sober|alive|grateful|glad|better"
    r"|recovery|recovered|thriving|doing\s+well|peer|counsel|volunteer|happy)"
)
_FIRST_PERSON = re.compile(r"\b(?:i|i['’]m|i['’]ve|i['’]d|i['’]ll|me|my|mine|myself)\b")


class CrisisRule(Rule):
    id = "crisis.self_harm"
    category = "crisis"
    severity = BLOCK
    message = "The author may be at risk of suicide or self-harm now: act on this first."

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        text = doc.lower
        for match in doc.scan(_TRIGGER, _PATTERN):
            s_start, s_end = doc.sentence_at(match.start())
            sentence = text[s_start:s_end]
            before = text[s_start : match.start()]
            if _NOT_ABOUT_ME.search(before) and not _FIRST_PERSON.search(match.group()):
                continue
            if _DENIAL.search(before[-30:] + match.group()) or _NOT_WANT.search(match.group()):
                continue
            if _NOT_ABOUT_CRISIS_AFTER.match(text, match.end()):
                continue
            if not _FIRST_PERSON.search(sentence):
                continue
            if _PAST_ATTEMPT.search(sentence) and _RECOVERED.search(text, s_start):
                continue
            yield match.span()
