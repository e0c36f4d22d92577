"""Abuse: insults aimed at someone, profanity at someone, harassment and threats."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..base import Document, Rule, words_of
from ..findings import REVIEW
from ..gates import rarity_cost
from ..lazy import compile_later, needs_later

__all__ = ["AbuseRule"]

_INSULT_NOUNS = (
    r"idiots?|morons?|imbeciles?|bitch(?:es)?|assholes?|arseholes?|bastards?|scum(?:bags?)?"
    r"|dickheads?|jerks?|losers?|cunts?|twats?|dumbass(?:es)?|jackass(?:es)?|douche\w*|pricks?"
    r"|clowns?|frauds?|quacks?|hacks?|butchers?|monsters?|liars?|pigs?|trash|garbage|freaks?"
    r"|piece\s+of\s+(?:shit|crap|trash|garbage|work)|waste\s+of\s+(?:space|oxygen|skin)|suit"
    r"|creeps?|crooks?|ghouls?|vultures?|parasites?|sadists?|lowlifes?|psychos?|degenerates?|thugs?"
    r"|leeches|vermin|cowards?|bull(?:y|ies)|hypocrites?|sleazebags?|dirtbags?|scoundrels?"
    r"|animals|savages|drama\s+queens?|attention[- ](?:seekers?|whores?)|crybab(?:y|ies)"
    r"|snowflakes?|cretins?|trolls?|brats?|snakes?|shills?|gits?"
)
# Nouns that are an insult wherever they point at someone: "that arrogant bastard".
_STRONG_INSULTS = (
    r"idiots?|morons?|imbeciles?|bastards?|assholes?|arseholes?|scumbags?|dickheads?|cunts?|twats?"
    r"|dumbass(?:es)?|jackass(?:es)?|douche(?:bag)?s?|creeps?|crooks|ghouls?|vultures|parasites"
    r"|sadists?|lowlifes?|psychos?|degenerates|thugs|leeches|vermin|sleazebags?|dirtbags?|liars"
    r"|scoundrels?|hypocrites|cowards|drama\s+queens?|attention[- ]seekers?|crybab(?:y|ies)"
    r"|animals(?!\s+(?:lovers?|shelters?|in\b))|savages"
)
# People a curse can be aimed at: "fucking doctors".
_PEOPLE = (
    r"doctors?|docs?|nurses?|people|staff|admins?|administrators?|receptionists?|surgeons?|managers?"
    r"|bureaucrats?|suits|executives?|pharmacists?|techs?|orderlies|aides?|residents?|idiots?|morons?"
    r"|liars?|crooks|clowns|thieves|billing\s+(?:people|department|office)|insurance\s+(?:people|company)"
)
# Violence, or its consequences, after "if he ever ... again,".
_HARM = (
    r"ambulance|hospital\s+bed|body\s+bag|regret|be\s+sorry|pay\s+for|hurt|kill|beat|break|punch|smash"
    r"|strangle|stab|shoot|do\s+it\s+myself|deal\s+with\s+(?:him|her|them|you)|wish\s+(?:he|she|they|you)"
    r"|teeth|find\s+out|end\s+up|get\s+what"
)
_INSULT_ADJ = (
    r"lazy|useless|spineless|stupid|incompetent|worthless|pathetic|disgusting|smug|cowardly"
    r"|greedy|lying|entitled|ignorant|arrogant|heartless|evil|clueless|dumb|fat|ugly|miserable"
    r"|brainless|gutless|selfish|cruel|vile|despicable|sick|crooked|corrupt|negligent|sorry|sadistic"
    r"|creepy|spiteful|vicious|soulless|two-faced|thick|thickest|dumbest|stupidest"
)
_ABUSE = compile_later(
    # Insults aimed at someone.
    rf"\b(?:you(?:['’]re|\s+are)?|you\s+lot(?:\s+are)?|ur|u\s+are|people\s+like\s+you|you\s+people"
    rf"|(?:he|she)(?:['’]s|\s+is)"
    r"|(?:this|that)\s+(?:guy|man|woman|doctor|nurse|lady|person|surgeon|quack)\s+is"
    rf"|they(?:['’]re|\s+are))\s+(?:an?\s+|such\s+an?\s+|so\s+|too\s+"
    rf"|nothing\s+but\s+(?:an?\s+)?|just\s+(?:an?\s+)?|all\s+)?(?:[\w-]+,?\s+){{0,3}}?"
    rf"(?:{_INSULT_NOUNS}|{_INSULT_ADJ})\b"
    rf"|\b(?:what|such)\s+an?\s+(?:[\w-]+,?\s+){{0,2}}?(?:{_INSULT_NOUNS})\b"
    rf"|\b(?:dr\.?\s+)?[a-z]+\s+is\s+(?:an?|such\s+an?)\s+(?:[\w-]+\s+){{0,2}}?(?:{_INSULT_NOUNS})\b"
    # Profanity at someone.
    r"|\b(?:fuck|screw|damn)\s+(?:you|him|her|them|off)\b|\bgo\s+to\s+hell\b"
    # "fuck every doctor who ignored me", "screw the idiots telling me to do yoga".
    rf"|\b(?:fuck|screw)\s+(?:every|all|the|those|these|that)\s+(?:[\w-]+\s+){{0,3}}?(?:{_PEOPLE}"
    rf"|{_INSULT_NOUNS})\b"
    r"|\bshut\s+(?:the\s+(?:hell|fuck|f\*+)\s+)?(?:up|your\s+(?:mouth|face|trap))\b"
    r"|\b(?:bitch|asshole|motherfucker|cunt)\b"
    r"|\bnobody\s+(?:cares|gives\s+a\s+\w+)\s+about\s+(?:you|your)\b|\bgrow\s+up\b"
    r"|\btoo\s+(?:stupid|dumb|lazy|fat|ugly|selfish)\s+to\s+(?:live|save|help|care|understand)\b"
    r"|\b(?:deserve|deserves)\s+the\s+worst\b"
    r"|\b(?:our|their|your)\s+(?:favou?rite\s+)?(?:[\w-]+\s+){0,2}?(?:idiots?|morons?|imbeciles?"
    r"|bastards?|assholes?|scumbags?|dickheads?|douchebags?|lowlifes?|degenerates?)\b(?=\s*[,.;:!?]|$)"
    r"|\bpiece\s+of\s+(?:shit|trash|garbage)\b"
    # Threats and harassment.
    r"|\byou\s+won['’]?t\s+see\s+me\s+coming\b|\bi\s+know\s+where\s+(?:you|he|she|they)\s+(?:li?ves?|works?)\b"
    r"|\bwatch\s+your\s+back\b|\bdeserves?\s+to\s+(?:feel\s+hunted|suffer|die|rot|be\s+(?:fired|hurt))"
    r"|\b(?:flood|spam|bombard|blow\s+up)\s+(?:his|her|their|your)\s+(?:inbox|phone|email|voicemail)"
    r"|\bi\s+hope\s+(?:you|he|she|they)\s+(?:die|rot|suffer|lose|get\s+fired|burn)"
    r"|\bmake\s+(?:his|her|their|your)\s+life\s+(?:as\s+)?(?:miserable|hell)"
    r"|\bhunt\s+(?:you|him|her|them)\s+down\b|\byou['’]?ll\s+(?:regret|pay\s+for)\b"
    r"|\b(?:i['’]m|i\s+am)\s+going\s+to\s+(?:make\s+sure\s+everyone|find\s+you|expose|ruin|hurt"
    r"|get(?!\s+(?:there|better|through|home|back|it|my|a|the|some|help|well|out|up|to|on|over|ready)\b))"
    r"|\bi\s+found\s+your\s+(?:real\s+name|address|home|house|family)"
    r"|\bi['’]?(?:ll|\s+will)\s+(?:find|hurt|kill|ruin|get|expose)\s+(?:you|him|her|them)\b"
    # Insults pointed at someone without "you are": "that arrogant bastard", "a pack of vultures".
    rf"|\b(?:that|this|those|these|such\s+an?|(?:a\s+)?(?:bunch|pack|gang|band|nest|den)\s+of)\s+"
    rf"(?:[\w-]+,?\s+){{0,2}}?(?:{_STRONG_INSULTS})\b"
    rf"|\b(?:fucking|fuckin|f[\*#@!]+(?:ing|in|kin[g']?|n)|f\*ck(?:ing|in)?|effing|goddamn(?:ed)?|bloody|damn)\s+(?:[\w-]+\s+)?(?:{_PEOPLE})\b"
    rf"|\b(?:are|were|is|was)\s+(?:all\s+)?(?:a\s+bunch\s+of\s+|nothing\s+but\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_STRONG_INSULTS})\b"
    # Threats: a lesson to teach, a reckoning, a watcher who knows your routine.
    r"|\bteach\s+(?:him|her|them|you|that\s+[\w\s-]{1,40}?|this\s+[\w\s-]{1,40}?)\s+a\s+lesson\b"
    r"|\bif\s+i\s+(?:ever\s+)?(?:see|catch|meet|run\s+into)\s+(?:him|her|them|you|that\s+\w+)\b[^.!?]{0,60}"
    r"\b(?:i['’]ll|i\s+will|i['’]m\s+going\s+to|i['’]m\s+gonna)\b"
    rf"|\bif\s+(?:he|she|they|you|that\s+[\w-]+|this\s+[\w-]+)\s+(?:ever\s+)?[^.!?]{{0,60}}\b(?:again|one\s+more\s+time)\b"
    rf"[^.!?]{{0,60}}\b(?:{_HARM})"
    r"|\bi\s+know\s+(?:what\s+time|when|where)\s+(?:your\s+shift\s+(?:ends|starts)|you\s+(?:leave|park|live"
    r"|get\s+off|finish|walk|sleep|go\s+home)|(?:he|she|they)\s+(?:leaves?|parks?|lives?|gets\s+off|walks?|sleeps?))\b"
    r"|\bi\s+know\s+(?:what\s+car|which\s+car|what\s+(?:you|he|she)\s+drives?|(?:you|he|she)\s+drives?|your\s+car"
    r"|your\s+plate)\b"
    r"|\b(?:find\s+out|learn|know|see)\s+what\s+it\s+feels\s+like\s+to\s+be\s+(?:the\s+)?(?:scared|afraid|hunted"
    r"|hurt|helpless|the\s+victim|on\s+the\s+other\s+end)"
    r"|\bone\s+of\s+these\s+(?:days|nights)\b[^.!?]{0,40}\b(?:you|he|she|they)['’]?(?:re|ll|\s+will|\s+are)?\b"
    r"[^.!?]{0,30}\bgoing\s+to\b"
    r"|\b(?:won['’]?t|will\s+never)\s+be\s+(?:operating|working|walking|practi[cs]ing|smiling)\b[^.!?]{0,40}\bafter\b",
)
# Profanity at an illness or a situation is not aimed at a person: "cancer is such a bitch".
_NOT_A_PERSON = compile_later(
    r"\b(?:cancer|diabetes|chemo\w*|radiation|disease|illness|sickness|condition|life|grief|pain|covid"
    r"|lupus|dementia|alzheimer['’]?s|parkinson['’]?s|crohn['’]?s|arthritis|migraines?|depression|anxiety"
    r"|infection|fibro\w*|it|this|that|everything|insurance|recovery|treatment|dialysis|surgery|tumou?r"
    r"|diagnosis|prep|the\s+(?:waiting|wait|drive|commute|weather)|mornings?|nights?|today|this\s+week"
    r"|this\s+year|ms|als|copd|sepsis|leukemia|lymphoma|endometriosis|seizures?|withdrawal|nausea|fatigue|brain|mind|body|addiction|ptsd|ocd)"
    r"\s+(?:is|was|has\s+been|can\s+be|are|were|['’]s)\s+(?:[\w-]+\s+){0,3}$"
)
_NOT_A_PERSON_AFTER = compile_later(
    r"\s+of\s+an?\s+(?:disease|illness|condition|diagnosis|thing|day|week|year|month|night|cancer|recovery"
    r"|treatment|surgery|infection|process|drive|wait)\b"
)


_ABUSE_WORDS = words_of(_INSULT_NOUNS, _INSULT_ADJ) | frozenset(
    "idiot moron imbecile bitch asshole arsehole bastard scum scumbag dickhead jerk loser cunt "
    "twat dumbass jackass douche douchebag prick clown fraud quack hack butcher monster liar "
    "pig freak fuck fucking screw damn hell shut coming live lives watch deserve deserves "
    "inbox voicemail hunt regret pay found die rot suffer lose fired burn kill hurt ruin expose "
    "find everyone flood spam bombard miserable lesson see catch meet again time know feels "
    "operating working walking practicing practising smiling fucking effing goddamn bloody "
    "ghouls crooks vultures ever".split()
)
# What every match of _ABUSE holds (gates.needs): a sentence with a trigger word
# but none of these cannot match.
_ABUSE_NEED = needs_later([_ABUSE.pattern], cost=rarity_cost)


def _aimed_at_a_thing(lower: str, match: re.Match[str]) -> bool:
    """Whether the insult word in ``match`` names an illness or a situation."""
    words = list(re.finditer(r"[\w'’]+", match.group()))
    if not words:
        return False
    last = words[-1]
    head = lower[max(0, match.start() - 40) : match.start() + last.start()]
    return bool(_NOT_A_PERSON.search(head) or _NOT_A_PERSON_AFTER.match(lower, match.end()))


# Belittling without a stock insult word: "a pompous little man", "that jumped-up
# little gatekeeper", "absolute waste of a uniform"; and the insults of English
# outside the US ("a complete wanker", "you're a muppet").
_SCORN_ADJ = (
    r"pompous|smug|petty|jumped[- ]up|self[- ]important|stuck[- ]up|snotty|condescending"
    r"|patroni[sz]ing|sneering|power[- ](?:hungry|tripping|mad)|arrogant|useless|nasty|spiteful"
    r"|bitter|sad|pathetic|horrible|rude|ignorant|lazy|stupid|evil|vile|miserable|bossy|officious"
    r"|spineless|gutless|cowardly|greedy|slimy|smarmy|snivelling|sniveling|weaselly"
)
_BELITTLED = (
    r"man|woman|men|women|boy|girl|person|gatekeeper|tyrant|dictator|hitler|napoleon|jobsworth"
    r"|nobody|upstart|madam|princess|shit|weasel|rat|worm|troll|prick|clerk|bureaucrat"
    r"|know[- ]it[- ]all"
)
_WORLD_INSULTS = (
    r"jobsworths?|wankers?|tossers?|bellends?|knobheads?|gobshites?|numpties|numpty|muppets?"
    r"|pillocks?|plonkers?|prats?|eejits?|galahs?|drongos?|dickheads?|arseholes?|wasters?"
)
_PROFANE = r"(?:fucking|fuckin|f[\*#@!]+(?:ing|in|kin[g']?|n)?|f\*ck(?:ing|in)?|effing|bloody)"
_SCORN = compile_later(
    rf"\b(?:(?:an?|that|this|you|some|such\s+an?|what\s+an?)\s+)?(?:[\w-]+,?\s+){{0,2}}?(?:{_SCORN_ADJ}),?\s+"
    rf"little\s+(?:{_BELITTLED})\b"
    rf"|\b(?:an?|that|this|you|some|such\s+an?|what\s+an?|complete|absolute|total|bunch\s+of|pack\s+of"
    rf"|you['’]re\s+(?:an?\s+)?|you\s+are\s+(?:an?\s+)?)\s*(?:[\w-]+\s+){{0,2}}?(?:{_WORLD_INSULTS})\b"
    r"|\bwaste\s+of\s+(?:an?\s+)?(?:uniform|badge|lanyard|white\s+coat|stethoscope|(?:medical\s+)?degree"
    r"|licen[cs]e|scrubs|space|oxygen|skin|air|a\s+salary)\b"
    rf"|\bwhat\s+an?\s+{_PROFANE}\s+(?:joke|disgrace|embarrassment|clown|shambles)\b"
    # Censored insults and curses: "f*** you", "that sh*tbag of a porter".
    r"|\bf(?:[\*#@!]+|\*ck)k?\s+(?:you|him|her|them|off)\b"
    r"|\b(?:that|this|you|an?|what\s+an?|you['’]re\s+an?|such\s+an?)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:sh|b|c|a|d|tw|pr|tw)[\*#@!]+[a-z]*"
    # A threat left open: "show your face again and see what happens to you".
    r"|\b(?:and|or)\s+see\s+what\s+happens\b(?!\s+(?:next\s+(?:week|time)|with|at))"
    # Censored profanity at people ("f***ing nurses"): its letters are not words the gate reads.
    rf"|\bf(?:[\*#@!]+|\*ck)(?:ing|in|kin[g']?|n)?\s+(?:[\w-]+\s+)?(?:{_PEOPLE})\b"
)
# "crying on the bus like a muppet", "I feel like such a waste of space": the
# author's scorn of themselves (a crisis rule's business), not abuse.
_AT_MYSELF = compile_later(
    r"(?:\blike\s*$|^\s*feel\b|\b(?:i|i['’]m|i\s+am|i\s+was|i\s+feel|i\s+felt|me|myself)\b(?![^.!?]*\b(?:you|he|she|they"
    r"|him|her|them)\b)[^.!?]*$)"
)
_DENIED = compile_later(
    r"(?:you|they|he|she|we)(?:['’](?:re|s)|\s+(?:are|is|were|was))\s+(?:not|never|no)\b"
    r"|(?:you|they|he|she)\s+(?:aren['’]?t|isn['’]?t|weren['’]?t|wasn['’]?t)\b"
)
# "Nobody here thinks you're stupid", "it doesn't mean you're weak": an insult denied
# before it is said.
_DENIED_BEFORE = compile_later(
    r"\b(?:nobody|no\s+one|no-one|none\s+of\s+us|doesn['’]?t\s+mean|does\s+not\s+mean"
    r"|don['’]?t\s+think|do\s+not\s+think|never\s+think)\b[^.!?]{0,30}$"
)
# 'a man shouted "hurry up, you slow idiot" at my father': someone else's insult,
# quoted after their verb of speech (the author's own, "I told him 'you idiot'", counts).
_QUOTED = compile_later(
    r"\b(?!i\b)[\w'’]+\s+(?:shouted|yelled|screamed|called\s+(?:her|him|me|them|us|my\s+\w+)(?:\s+an?)?"
    r"|said|snapped|hissed|muttered|swore|spat)\b[^\"“”]{0,30}[\"“][^\"”]*$"
)
_SCORN_WORDS = frozenset(
    "little waste see jobsworth jobsworths wanker wankers tosser tossers bellend bellends "
    "knobhead knobheads gobshite gobshites numpty numpties muppet muppets pillock pillocks "
    "plonker plonkers prat prats eejit eejits galah galahs drongo drongos dickhead dickheads "
    "arsehole arseholes waster wasters fucking fuckin effing bloody".split()
)
_SCORN_TRIGGER = compile_later(
    rf"\blittle\b|\bwaste\s+of\b|\b[a-z]{{1,2}}[\*#@!]|\bsee\s+what\s+happens\b|\b(?:{_WORLD_INSULTS})\b|\bwhat\s+an?\s+{_PROFANE}"
)


# "lying" as lying down: "you are lying in a hospital bed", "they're lying awake".
_LYING_DOWN = compile_later(
    r"[^\S\n]+(?:in|on|there|here|down|flat|awake|still|back|beside|next|under|around)\b"
)


class AbuseRule(Rule):
    id = "abuse.insult_or_threat"
    category = "abuse"
    severity = REVIEW
    message = "Contains an insult, profanity aimed at someone, harassment or a threat."

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        lower = doc.lower
        for match in doc.scan(_ABUSE_WORDS, _ABUSE, need=_ABUSE_NEED):
            snippet = match.group()
            if _aimed_at_a_thing(lower, match):
                continue
            aimed = re.match(r"(?:you|ur|u|people|(?:he|she|they)\b)", snippet)
            sentence_start = doc.sentence_at(match.start())[0]
            if not aimed and _AT_MYSELF.search(lower, sentence_start, match.start()):
                continue
            if _QUOTED.search(lower, max(sentence_start, match.start() - 80), match.start()):
                continue  # 'a man shouted "you slow idiot" at my father'
            if _DENIED.match(snippet):
                continue  # "You are not lazy. You are not imagining it."
            if _DENIED_BEFORE.search(lower, sentence_start, match.start()):
                continue  # "Nobody here thinks you're stupid for asking."
            if snippet.endswith("lying") and _LYING_DOWN.match(lower, match.end()):
                continue  # "when you are lying in a hospital bed": lying down, not lies
            # "you're so sorry", "you are sick" read as sympathy, not insult.
            if re.search(r"\b(?:sorry|sick)$", snippet) and not re.search(
                r"\bsick\s+(?:fuck|bastard)", snippet
            ):
                continue
            yield match.span()
        censored = "*" in doc.text or "#" in doc.text or "@" in doc.text
        if not censored and _SCORN_WORDS.isdisjoint(doc.word_set):
            return
        for start, end in doc.sentences_with(_SCORN_TRIGGER):
            for match in _SCORN.finditer(lower, start, end):
                before = lower[start : match.start()]
                if _aimed_at_a_thing(lower, match) or _AT_MYSELF.search(before):
                    continue
                if _NOT_A_PERSON.search(lower, max(0, match.start() - 40), match.start()):
                    continue  # "Cancer is a b*tch"
                yield match.span()
