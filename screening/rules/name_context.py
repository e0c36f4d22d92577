"""What the words around a capitalised word say about it: the pieces ``NameRule`` reads.

A text's capitalised runs are cut into tokens; the words before a token say whether a
title, a relation or an introduction comes first, the words after whether a place, an
eponym, an age or a verb only people do follows.
"""

from __future__ import annotations

import re
from functools import cache

from ..lazy import compile_later
from ..lexicons import (
    EPONYM_NOUNS,
    EPONYMS,
    HYPHENATED_WORDS,
    INSTITUTIONS,
    NEVER_NAMES,
    NOT_NAME_PHRASES,
    NOT_NAMES,
    PATIENT_TITLES,
    PLACE_WORDS,
    RELATIONS,
    TITLES,
    us_states,
    word_list,
)


def _char_class(predicate) -> str:
    ranges = []
    start = prev = None
    for code in range(0x2FFF):
        if predicate(chr(code)):
            if start is None:
                start = code
            elif code != prev + 1:
                ranges.append((start, prev))
                start = code
            prev = code
    if start is not None:
        ranges.append((start, prev))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


_UPPER = _char_class(str.isupper)
_LETTER = r"[^\W\d_]"
# A capitalised word: "Gary", "O'Neil", "Hyun-woo", "Okonkwo-Reyes", "Estévez".
_CAP_WORD = rf"[{_UPPER}]{_LETTER}*(?:[-'’]{_LETTER}+)*"
_PARTICLE = r"(?:de|da|del|della|der|di|du|la|le|van|von|bin|ibn|al|el|dos|das|St\.)"
# Capitalised words in a row on one line, possibly with name particles between.
SEQUENCE = compile_later(rf"{_CAP_WORD}(?:[^\S\n]+(?:{_PARTICLE}[^\S\n]+)?{_CAP_WORD})*")
GLUED = frozenset("@#/'’.-_")
_WORD = compile_later(_CAP_WORD)

_TITLE_STEMS = frozenset(t.rstrip(".") for t in TITLES)
# The relations, and spellings of "fiancé(e)" that only this word set knows.
RELATION_WORDS = frozenset(word_list("relations")) | {"fiance", "fiancee"}
_DETERMINERS = frozenset("my our his her their your the a an whose".split())
_INTRO_ONE = frozenset(
    "named called name's name’s nicknamed signed regards cheers xoxo rip".split()
)
_INTRO_TWO = frozenset(
    [("name", "is"), ("name", "was"), ("names", "are"), ("ask", "for"), ("asked", "for"),
     ("thanks", "to"), ("thank", "you"), ("known", "as"), ("goes", "by"), ("memory", "of"),
     ("calls", "him"), ("calls", "her"), ("calls", "me"), ("calls", "them"), ("call", "me"),
     ("call", "him"), ("call", "her"), ("called", "him"), ("called", "her"),
     ("called", "me"), ("shout-out", "to"), ("shoutout", "to"), ("love", "you"), ("out", "to")]
)  # fmt: skip
# Self-introductions: enough for a listed first name or a full name.
_SELF_ONE = frozenset("i'm i’m it's it’s".split())
_SELF_TWO = frozenset([("i", "am"), ("this", "is")])
_PLACE_PREPS = frozenset(
    "in from to near outside around across into toward towards via visiting visit of at".split()
)
ROLE_WORDS = frozenset("Practitioner Manager Officer Chief Head Senior Charge Assistant".split())
_STRIP = "\"'“”‘’()[],;:*"


def prev_words(before: str) -> list[str]:
    """The words before a candidate on its own line, nearest last."""
    return before[before.rfind("\n") + 1 :].split()[-7:]


def clean(word: str) -> str:
    return word.strip(_STRIP).lower()


def title_before(words: list[str]) -> str | None:
    if not words:
        return None
    stem = words[-1].lstrip("(\"'“‘").rstrip(".")
    if stem in _TITLE_STEMS:
        return stem
    if stem in _LOWER_TITLES and (words[-1] == "dr." or words[-1][-1:].isalpha()):
        return stem.capitalize()  # "shukran to dr Khalid": a title typed in lower case
    # "Great-uncle Walt", "great-grandma Ines": a kinship title with "great-".
    bare = _GREAT.sub("", stem)
    if bare != stem and bare[:1].upper() + bare[1:] in _TITLE_STEMS:
        return bare[:1].upper() + bare[1:]
    return None


_LOWER_TITLES = frozenset("dr nurse sister matron prof".split())
_GREAT = compile_later(r"^(?:(?:great|grand)[-‑])+", re.IGNORECASE)


def _relation(word: str) -> str:
    """A relation word in the singular: "daughters" is "daughter"."""
    if word not in RELATION_WORDS and word.endswith("s") and word[:-1] in RELATION_WORDS:
        return word[:-1]
    return word


def relation_before(words: list[str]) -> bool:
    """Whether a relation comes just before: "my husband", "our night nurse,", "my
    daughters"."""
    if not words or _relation(clean(words[-1])) not in RELATION_WORDS:
        return False
    cleaned = [_relation(clean(w)) for w in words]
    end = len(cleaned)
    if not end or cleaned[-1] not in RELATION_WORDS:
        return False
    first = end - 1
    if first and cleaned[first - 1] in RELATION_WORDS and not words[first - 1].endswith(","):
        first -= 1
    for index in range(first - 1, max(-1, first - 5), -1):
        if words[index][-1:] in ".!?":
            break
        if cleaned[index] in _DETERMINERS:
            return True
    return False


def appositive(words: list[str], after: str) -> bool:
    """Whether the name is set off after a possessive noun: "our leader, Patrice, kept"."""
    if len(words) < 2 or not words[-1].endswith(",") or not after.startswith(","):
        return False
    for index in range(len(words) - 2, max(-1, len(words) - 5), -1):
        if words[index][-1:] in ".!?,;:":
            return False
        if clean(words[index]) in ("my", "our", "his", "her", "their", "your"):
            return True
        if clean(words[index]) == "the":
            # "the postman, Seánie,", "the epilepsy nurse specialist, Bryn Howells,": a role
            role = " ".join(clean(w) for w in words[-2:])
            return clean(words[-1]) in RELATION_WORDS or role in RELATION_WORDS
    return False


def intro_before(words: list[str]) -> bool:
    if not words:
        return False
    last = clean(words[-1])
    if last in _INTRO_ONE or words[-1] in ("Love,", "-", "--", "—", "~"):
        return True
    return len(words) > 1 and (clean(words[-2]), last) in _INTRO_TWO


def self_intro_before(words: list[str]) -> bool:
    if not words:
        return False
    last = clean(words[-1])
    return last in _SELF_ONE or (len(words) > 1 and (clean(words[-2]), last) in _SELF_TWO)


def place_before(words: list[str]) -> bool:
    cleaned = [clean(w) for w in words[-2:]]
    if cleaned and cleaned[-1] == "the":
        cleaned = cleaned[:-1]
    return bool(cleaned) and cleaned[-1] in _PLACE_PREPS


def at_sentence_start(before: str) -> bool:
    stripped = before.rstrip(" \t\"'“‘(*-–—")
    if "\n" in before[len(stripped) :] or not stripped:
        return True
    last = stripped[-1]
    if last in ".!?:;…\n":
        return True
    return last in "\"'”’)" and len(stripped) > 1 and stripped[-2] in ".!?"


AND_I_AFTER = compile_later(r"^[^\S\n]+and[^\S\n]+(?:I|i|me)\b")
EPONYM_AFTER = compile_later(
    rf"^(?:['’]s?)?[^\S\n]+(?:{EPONYM_NOUNS})\b|^['’]s?[^\S\n]+(?:[A-Z]\w*[^\S\n]+)?Day\b",
    re.IGNORECASE,
)
CONTRACTION = compile_later(r"['’](?:d|ll|ve|re|m|t|s)$|n['’]t$", re.IGNORECASE)


# A capitalised word: (text without a possessive "'s", start, end).
Token = tuple[str, int, int]


def capitalised_tokens(text: str, start: int, end: int) -> list[Token]:
    if " " not in text[start:end]:
        word = text[start:end]
        if len(word) > 3 and word[-2:] in _POSSESSIVE_ENDINGS:
            word = word[:-2]
        return [(word, start, start + len(word))]
    out = []
    for match in _WORD.finditer(text, start, end):
        word = match.group()
        if len(word) > 3 and word[-2:] in _POSSESSIVE_ENDINGS:
            word = word[:-2]
        out.append((word, match.start(), match.start() + len(word)))
    return out


_POSSESSIVE_ENDINGS = frozenset(("'s", "’s"))


def is_titlecase(word: str) -> bool:
    return len(word) > 1 and not word.isupper()


def is_plain_capitalised(word: str) -> bool:
    """ "Gawande", "Công", "O'Neil": a capital, then lower-case letters only."""
    rest = word[1:].replace("'", "").replace("’", "").replace("-", "")
    return len(word) > 1 and word[0].isupper() and rest.isalpha() and rest.islower()


@cache
def state_after() -> re.Pattern[str]:
    """ ", Texas", ", Rhode Island", ", NY" after a word: then the word is a town. Any
    "New …", "North …" or "South …" and any two capitals count as a state too."""
    states = "|".join(re.escape(state).replace(r"\ ", r"\s+") for state in us_states())
    return re.compile(rf",[^\S\n]+(?:{states}|New\s+\w+|North\s+\w+|South\s+\w+|[A-Z]{{2}})\b")


# "Jack, our son," / "Ana, my nurse,": an appositive after the name.
RELATION_AFTER = compile_later(
    rf",[^\S\n]+(?:my|our|his|her|their|your)[^\S\n]+(?:[\w-]+[^\S\n]+){{0,2}}?(?:{RELATIONS})\b",
    re.IGNORECASE,
)
# "Mark (my husband) had", "Faith my daughter was": who the person is, without a comma.
RELATION_AFTER_BARE = compile_later(
    rf"(?:[^\S\n]*\(|[^\S\n]+)(?:my|our)[^\S\n]+(?:[\w-]+[^\S\n]+){{0,1}}?(?:{RELATIONS})\b"
    r"(?![\w'’-])",
    re.IGNORECASE,
)
PATIENT_TITLE_STEMS = frozenset(t.rstrip(".") for t in PATIENT_TITLES)

AND_NAME = compile_later(rf"[^\S\n]+(?:and|&|or)[^\S\n]+({_CAP_WORD})")
SEASONS = frozenset("Summer Autumn Winter Spring Fall".split())
# What a family does after "the Hendersons": a verb, "next door", a possessive.
FAMILY_DOES = compile_later(
    r"['’]|[^\S\n]+(?:(?:once|also|still|never|always|just|all|both|finally|even)[^\S\n]+)?"
    r"(?:were|are|have|had|did|do|came|come|said|say|says|sent|send|left|brought|live|lives|lived"
    r"|next[^\S\n]+door|across[^\S\n]+the|from[^\S\n]+(?:next|down|across)|invited|took|gave|forgot|got"
    r"|went|made|told|thought|bought|sat|ran|won|lost|kept|fell|drove|wrote|sang|knew|saw|met|paid|sold"
    r"|stopped|[a-z]{3,}ed)\b"
)
# After these verbs a capitalised word-name is a person: "Tell Summer", "hug Hunter".
PERSON_OBJECT_VERBS = frozenset(
    "tell give hug thank ask call text kiss congratulate congrats wish send hi hey dear love "
    "missing miss visit visited with for to".split()
)
# A verb after a word-name that only a person does: "Faith restored", "June doesn't know".
PERSON_AFTER = compile_later(
    r"[^\S\n]+(?:said|says|told|tells|asked|asks|texted|hugged|smiled|laughed|cried|whispered"
    r"|doesn['’]t|didn['’]t|won['’]t|knows|knew|thinks|thought|loves|loved|wants|wanted|came|went"
    r"|brought|gave|took|sat|stood|held|called|emailed|visited|drove|cooked|brought|insisted"
    r"|remembered|noticed|promised|decided|[a-z]{3,}ed\b(?<!\bneed)(?<!\bred)(?<!\bbed)"
    r"|wept|sang|spoke|rang|wrote|slept|swore|cries|laughs|smiles|whispers|sings|prays|hugs"
    r"|drew(?![^\S\n]+(?:to|near|nearer|closer|on|in|out|up|breath)\b)"
    r"|and[^\S\n]+(?:I|me)\b"
    rf"|(?:was|is)[^\S\n]+(?:my|our|his|her|their)[^\S\n]+(?:[\w-]+[^\S\n]+)?(?:{RELATIONS})\b)"
)

# The verbs of PERSON_AFTER that only a person does, without its open "-ed" ending
# ("Rain lashed", "Honey helped"): for words that are names far less often than words.
PERSON_SPEAKS_AFTER = compile_later(
    r"[^\S\n]+(?:said|says|told|tells|asked|asks|texted|hugged|smiled|laughed|cried|whispered"
    r"|wept|sobbed|sang|rang|phoned|wrote|insisted|nodded|sighed|shouted|joked|winked|grinned"
    r"|giggled|apologi[sz]ed|promised|emailed|waved|cooked|visited|doesn['’]t|didn['’]t"
    r"|and[^\S\n]+(?:I|me))\b"
)

# After an unknown capitalised word, these verbs say it is a person.
PERSON_VERB_AFTER = compile_later(
    r"(?:[^\S\n]+(?:from|at|in|on)[^\S\n]+[^.!?\n]{0,60}?|,[^.!?\n]{0,80}?,|)[^\S\n]+(?:just[^\S\n]+)?"
    r"(?:was[^\S\n]+(?:just[^\S\n]+|recently[^\S\n]+)?(?:diagnosed|born|admitted|discharged)"
    r"|(?:said|says|told|tells|asked|asks|texted|called\s+me|hugged|smiled|laughed|cried|whispered"
    r"|passed\s+away|died|sat\s+with|held\s+my|married|came\s+(?:back|in|over|by|to\s+see)|stayed"
    r"|showed\s+up|walked\s+in|sang|prayed|drove\s+(?:me|us|him|her)|taught\s+(?:me|us)"
    r"|translated|interpreted|braided|joked|teased|waved|volunteered|apologi[sz]ed|listened"
    r"|explained|insisted|promised|remembered|noticed|knew|handed\s+(?:me|us|him|her)))\b"
)


# Devotions whose words a name list may hold: "the Virgen de Guadalupe".
DEVOTIONS = frozenset("Virgen Virgin Lady Señora Senora Nuestra Santo Santa".split())
# "everyone calls me KK", "she goes by DJ": a nickname in capitals.
NICKNAMED = frozenset(
    [("calls", "me"), ("call", "me"), ("called", "me"), ("goes", "by"), ("go", "by"),
     ("known", "as"), ("calls", "him"), ("calls", "her"), ("call", "him"), ("call", "her")]
)  # fmt: skip
# "Dale Henninger, 58, was admitted", "Ana Ruiz, a 40-year-old": a person and an age.
AGE_APPOSITION = compile_later(
    r"(?:['’]s)?,[^\S\n]+(?:(?:a|an|now|age|aged)[^\S\n]+)?\d{1,3}"
    r"(?:,|[^\S\n]*[-‑ ]?[^\S\n]*years?[-‑ ]old\b)"
)


def institution_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for name in INSTITUTIONS:
        start = text.find(name)
        while start != -1:
            spans.append((start, start + len(name)))
            start = text.find(name, start + 1)
    return spans


@cache
def _phrases_by_key(lowered: bool) -> dict[str, tuple[str, ...]]:
    """The not-name phrases (lower-cased if ``lowered``) by the first run of ASCII
    letters of their lower-cased form, which ``Document.word_set`` holds whenever the
    phrase is in the text."""
    keyed: dict[str, list[str]] = {}
    for phrase in NOT_NAME_PHRASES:
        key = re.search(r"[a-z]+", phrase.lower())
        entry = phrase.lower() if lowered else phrase
        group = keyed.setdefault(key.group() if key else "", [])
        if entry not in group:
            group.append(entry)
    return {key: tuple(group) for key, group in keyed.items()}


def phrase_spans(
    text: str, word_set: frozenset[str], *, lowered: bool = False
) -> list[tuple[int, int]]:
    """Where the songs, brands, greetings and devotions of ``not_name_phrases.txt``
    stand in ``text`` as whole words: no name is found inside them. With ``lowered``,
    ``text`` is the lower-cased text and the phrases are matched in lower case."""
    spans = []
    for key, phrases in _phrases_by_key(lowered).items():
        if key not in word_set:
            continue
        for phrase in phrases:
            start = text.find(phrase)
            while start != -1:
                end = start + len(phrase)
                if (not start or not text[start - 1].isalnum()) and (
                    end == len(text) or not text[end].isalnum()
                ):
                    spans.append((start, end))
                start = text.find(phrase, end)
    return spans


def org_follows(tokens: list[Token]) -> bool:
    """Whether the capitalised run after the first token ends in "Hospital", "House"..."""
    for token in tokens[1:5]:
        if token[0] in PLACE_WORDS or token[0] in EPONYMS:
            return True
    return False


def place_word_follows(after: str) -> bool:
    match = re.match(rf"^(?:['’]s)?[^\S\n]+({_CAP_WORD})", after)
    if not match:
        return False
    following = match.group(1)
    return following in PLACE_WORDS


# One romanised Korean or Chinese syllable: "Ji", "yeon", "Hyun", "woo", "Xiao".
_SYLLABLE = r"(?:[bcdfghjklmnpqrstwxyz]{0,3}[aeiouy]{1,3}(?:ng|n|m|k|l|p|t|r)?)"
_GIVEN_HYPHENATED = compile_later(rf"[A-Z]{_SYLLABLE}-{_SYLLABLE}", re.IGNORECASE)


def _given_shaped(word: str) -> bool:
    if not _GIVEN_HYPHENATED.fullmatch(word):
        return False
    head, tail = word.lower().split("-", 1)
    if head in HYPHENATED_WORDS or tail in HYPHENATED_WORDS or len(tail) < 2:
        return False
    # "Ping-Pong", "Hip-Hop", "Zig-zag": English doubles its words that way.
    return head[0] != tail[0] and head[-2:] != tail[-2:]


def hyphenated_given(tokens: list[Token]) -> int:
    """How many tokens make a name with a hyphenated given name ("Park Ji-yeon",
    "Ji-yeon Park", "Jae-won"), or 0."""
    first = tokens[0][0]
    if _given_shaped(first):
        if len(tokens) > 1 and len(tokens[1][0]) <= 5 and is_plain_capitalised(tokens[1][0]):
            return 2
        return 1
    if (
        len(tokens) > 1
        and _given_shaped(tokens[1][0])
        and len(first) <= 5
        and is_plain_capitalised(first)
        and first not in NOT_NAMES
        and first not in NEVER_NAMES
    ):
        return 2
    return 0
