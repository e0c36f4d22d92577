"""People's names.

A capitalised word is a name when a list of first names knows it and it is not
more often an ordinary word, or when its context says "person": a title
("Dr. Mehra"), a relation ("my husband Gary"), an introduction ("named Ana",
"I'm Ana"). Names of places, organisations, drugs, holidays and eponymous
diseases are left alone. A name found once is then found everywhere it recurs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from .base import Document, Rule
from .findings import REVIEW, Finding
from .lexicons import (
    EPONYM_NOUNS,
    EPONYMS,
    INSTITUTIONS,
    LEADING_WORDS,
    MONTHS,
    NOT_NAMES,
    PATIENT_TITLES,
    PLACE_WORDS,
    RELATIONS,
    TITLES,
    common_word_names,
    common_words,
    dictionary_words,
    first_names,
    last_names,
    place_names,
    state_names,
)

__all__ = ["LowercaseNameRule", "NameRule", "UppercaseNameRule"]


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
_SEQUENCE = re.compile(rf"{_CAP_WORD}(?:[^\S\n]+(?:{_PARTICLE}[^\S\n]+)?{_CAP_WORD})*")
_GLUED = frozenset("@#/'’.-_")
_WORD = re.compile(_CAP_WORD)

_TITLE_STEMS = frozenset(t.rstrip(".") for t in TITLES)
_RELATION_WORDS = frozenset(RELATIONS.replace("?", "").split("|")) | {
    "fiance", "fiancé", "fiancee", "fiancée", "neighbor", "neighbour", "counselor", "counsellor",
    "manager", "mum", "mom",
}  # fmt: skip
_DETERMINERS = frozenset("my our his her their your the a an whose".split())
_INTRO_ONE = frozenset(
    "named called name's name’s nicknamed signed regards cheers xoxo rip".split()
)
_INTRO_TWO = frozenset(
    [("name", "is"), ("name", "was"), ("names", "are"), ("ask", "for"), ("asked", "for"),
     ("thanks", "to"), ("thank", "you"), ("known", "as"), ("goes", "by"), ("memory", "of"),
     ("calls", "him"), ("calls", "her"), ("calls", "me"), ("calls", "them"), ("call", "me"),
     ("call", "him"), ("call", "her"), ("called", "him"), ("called", "her"),
     ("called", "me"), ("shout-out", "to"), ("shoutout", "to"), ("love", "you")]
)  # fmt: skip
# Self-introductions: enough for a listed first name or a full name.
_SELF_ONE = frozenset("i'm i’m it's it’s".split())
_SELF_TWO = frozenset([("i", "am"), ("this", "is")])
_PLACE_PREPS = frozenset(
    "in from to near outside around across into toward towards via visiting visit of at".split()
)
_ROLE_WORDS = frozenset("Practitioner Manager Officer Chief Head Senior Charge Assistant".split())
_STRIP = "\"'“”‘’()[],;:*"


def _prev_words(before: str) -> list[str]:
    """The words before a candidate on its own line, nearest last."""
    return before[before.rfind("\n") + 1 :].split()[-7:]


def _clean(word: str) -> str:
    return word.strip(_STRIP).lower()


def _title_before(words: list[str]) -> str | None:
    if not words:
        return None
    stem = words[-1].lstrip("(\"'“‘").rstrip(".")
    if stem in _TITLE_STEMS:
        return stem
    # "Great-uncle Walt", "great-grandma Ines": a kinship title with "great-".
    bare = _GREAT.sub("", stem)
    if bare != stem and bare[:1].upper() + bare[1:] in _TITLE_STEMS:
        return bare[:1].upper() + bare[1:]
    return None


_GREAT = re.compile(r"^(?:(?:great|grand)[-‑])+", re.IGNORECASE)


def _relation_before(words: list[str]) -> bool:
    """Whether a relation comes just before: "my husband", "our night nurse,"."""
    if not words or _clean(words[-1]) not in _RELATION_WORDS:
        return False
    cleaned = [_clean(w) for w in words]
    end = len(cleaned)
    if not end or cleaned[-1] not in _RELATION_WORDS:
        return False
    first = end - 1
    if first and cleaned[first - 1] in _RELATION_WORDS and not words[first - 1].endswith(","):
        first -= 1
    for index in range(first - 1, max(-1, first - 5), -1):
        if words[index][-1:] in ".!?":
            break
        if cleaned[index] in _DETERMINERS:
            return True
    return False


def _appositive(words: list[str], after: str) -> bool:
    """Whether the name is set off after a possessive noun: "our leader, Patrice, kept"."""
    if len(words) < 2 or not words[-1].endswith(",") or not after.startswith(","):
        return False
    for index in range(len(words) - 2, max(-1, len(words) - 5), -1):
        if words[index][-1:] in ".!?,;:":
            return False
        if _clean(words[index]) in ("my", "our", "his", "her", "their", "your"):
            return True
    return False


def _intro_before(words: list[str]) -> bool:
    if not words:
        return False
    last = _clean(words[-1])
    if last in _INTRO_ONE or words[-1] in ("Love,", "-", "--", "—", "~"):
        return True
    return len(words) > 1 and (_clean(words[-2]), last) in _INTRO_TWO


def _self_intro_before(words: list[str]) -> bool:
    if not words:
        return False
    last = _clean(words[-1])
    return last in _SELF_ONE or (len(words) > 1 and (_clean(words[-2]), last) in _SELF_TWO)


def _place_before(words: list[str]) -> bool:
    cleaned = [_clean(w) for w in words[-2:]]
    if cleaned and cleaned[-1] == "the":
        cleaned = cleaned[:-1]
    return bool(cleaned) and cleaned[-1] in _PLACE_PREPS


def _at_sentence_start(before: str) -> bool:
    stripped = before.rstrip(" \t\"'“‘(*-–—")
    if "\n" in before[len(stripped) :] or not stripped:
        return True
    last = stripped[-1]
    if last in ".!?:;…\n":
        return True
    return last in "\"'”’)" and len(stripped) > 1 and stripped[-2] in ".!?"


_AND_I_AFTER = re.compile(r"^[^\S\n]+and[^\S\n]+(?:I|me)\b")
_PLACE_BEFORE = re.compile(
    r"\b(?:in|from|to|near|outside|around|across|into|toward|towards|via|visiting|visit|of|at)"
    r"[^\S\n]+(?:the[^\S\n]+)?$",
    re.IGNORECASE,
)
_EPONYM_AFTER = re.compile(
    rf"^(?:['’]s?)?[^\S\n]+(?:{EPONYM_NOUNS})\b|^['’]s?[^\S\n]+(?:[A-Z]\w*[^\S\n]+)?Day\b",
    re.IGNORECASE,
)
_CONTRACTION = re.compile(r"['’](?:d|ll|ve|re|m|t|s)$|n['’]t$", re.IGNORECASE)


# A capitalised word: (text without a possessive "'s", start, end).
_Token = tuple[str, int, int]


def _tokens(text: str, start: int, end: int) -> list[_Token]:
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
# Capitalised words that are never a name themselves.
_NEVER_NAMES = frozenset(
    "I I'm I’m I've I’ve I'd I’d I'll I’ll The A An My We He She It They Our His Her Their This "
    "That These Those There Then When What Why How Who Where Which If But And So Or In On At For "
    "From To With By Of As After Before During Every Each Some Any One No Not Nobody Everyone "
    "Everybody Someone Anyone Nothing Something Everything Yes Now Today Tonight Yesterday "
    "Tomorrow Later Finally Also Even Still Yet Just Only Maybe Because Since Until While "
    "Once Please Thank Thanks Sorry Hi Hello Hey Oh Well You Your Me Us Them Him Its Was Is Are "
    "Were Be Been Do Did Does Had Has Have Can Could Would Should Must Might Let Don't Didn't "
    "It's That's There's Here Here's What's".split()
)


def _is_titlecase(word: str) -> bool:
    return len(word) > 1 and not word.isupper()


def _is_plain_capitalised(word: str) -> bool:
    """ "Gawande", "Công", "O'Neil": a capital, then lower-case letters only."""
    rest = word[1:].replace("'", "").replace("’", "").replace("-", "")
    return len(word) > 1 and word[0].isupper() and rest.isalpha() and rest.islower()


class NameRule(Rule):
    id = "name.lexicon"
    category = "name"
    severity = REVIEW
    message = "Looks like a person's name."

    def find(self, doc: Document) -> Iterator[Finding]:
        firsts = first_names()
        lasts = last_names()
        wordlike = common_word_names()
        text = doc.text
        found: list[tuple[int, int, str, str]] = []  # start, end, rule id, message

        every: list[_Token] = []
        blocked = _institution_spans(text)
        for seq in _SEQUENCE.finditer(text):
            if seq.start() and (text[seq.start() - 1].isalnum() or text[seq.start() - 1] in _GLUED):
                continue
            tokens = _tokens(text, seq.start(), seq.end())
            if blocked:
                tokens = [t for t in tokens if not any(s <= t[1] < e for s, e in blocked)]
            every.extend(tokens)
            while tokens:
                given = _hyphenated_given(tokens)
                if given:
                    found.append((tokens[0][1], tokens[given - 1][2], "name.given_hyphenated",
                                  "A hyphenated given name, as Korean and Chinese names are "
                                  "written in English."))  # fmt: skip
                    tokens = tokens[given:]
                    continue
                if tokens[0][0] in PLACE_WORDS or tokens[0][0] in _HOLIDAYS:
                    break  # "Memorial Hermann", "Christmas Eve": the rest names a place or day
                if tokens[0][0] in _NEVER_NAMES:
                    tokens = tokens[1:]
                    continue
                before = text[max(0, tokens[0][1] - 60) : tokens[0][1]]
                result = self._classify(
                    doc, tokens, before, firsts=firsts, lasts=lasts, wordlike=wordlike
                )
                if result is None:
                    tokens = tokens[1:]
                    continue
                count, rule_id, message = result
                found.append((tokens[0][1], tokens[count - 1][2], rule_id, message))
                tokens = tokens[count:]

        # Every later mention of a name found once is a name too.
        known, in_full_name = {}, set()
        for start, end, _rule, _msg in found:
            parts = _tokens(text, start, end)
            for word, _s, _e in parts:
                if len(word) >= 3 and word not in NOT_NAMES:
                    known[word] = word in wordlike
                    if len(parts) > 1:
                        in_full_name.add(word)
        covered = [(s, e) for s, e, _r, _m in found]
        for word, start, end in every if known else ():
            if word not in known or any(s <= start < e for s, e in covered):
                continue
            if end < len(text) and (text[end].isalnum() or text[end] == "-"):
                continue
            after = text[end : end + 40]
            if _EPONYM_AFTER.match(after) or _place_word_follows(after):
                continue
            if (
                known[word]
                and _at_sentence_start(text[max(0, start - 60) : start])
                and not _PERSON_AFTER.match(text, end)
                and not (word in in_full_name and text[end : end + 1] == ",")
            ):
                continue  # "Hope is...", but "Dale, if you read this" after "Dale Henninger"
            found.append((start, end, "name.repeat",
                              "Repeats a name found elsewhere in this text."))  # fmt: skip

        for start, end, rule_id, message in found:
            severity = REVIEW
            yield Finding("name", start, end, severity, rule_id, message, "[name]")

    def _classify(self, doc, tokens, before, *, firsts, lasts, wordlike):
        """How many of ``tokens`` form a name, with the rule that says so, or None."""
        word, _first_start, first_end = tokens[0]
        after = doc.text[first_end : first_end + 40]
        if word.isupper() and 2 <= len(word) <= 3 and word not in NOT_NAMES:
            words = _prev_words(before)
            if len(words) > 1 and (_clean(words[-2]), _clean(words[-1])) in _NICKNAMED:
                return 1, "name.context", "A nickname the author introduces."
            return None
        if not _is_titlecase(word) or word in TITLES or word.rstrip(".") in TITLES:
            return None
        if word in EPONYMS or _EPONYM_AFTER.match(after):
            return None
        if word in NOT_NAMES or _CONTRACTION.search(word):
            return None

        org = _org_follows(tokens)
        words = _prev_words(before)
        if words and words[-1] in ("St.", "St", "Saint", "Ste.", "San", "Santa"):
            return None  # St. Luke's, Saint Jude: a church, a hospital, a place
        if len(words) > 1 and words[-1] in ("de", "of") and words[-2] in _DEVOTIONS:
            return None  # the Virgen de Guadalupe, Our Lady of Lourdes
        if _STATE_AFTER.match(doc.text, first_end):
            return None  # Tyler, Texas
        title = _title_before(words)
        if title:
            if word.lower() in _RELATION_WORDS or word in _ROLE_WORDS:
                return None  # "Nurse Practitioner Kim": the name starts later
            count = self._extent(tokens, firsts, lasts, wordlike, strict=False)
            if title in _PATIENT_TITLE_STEMS:
                return count, "name.courtesy_title", "A title (Mr., Mrs., Ms.) followed by a name."
            return count, "name.title", "A title such as Dr. followed by a name."
        if org:
            return None
        if _relation_before(words) or _intro_before(words):
            if word in MONTHS and (word not in firsts or re.match(r"[^\S\n]*(?:\d|of\b)", after)):
                return None
            if not self._plausible_unknown(word) and word not in MONTHS:
                return None
            count = self._extent(tokens, firsts, lasts, wordlike, strict=False)
            return count, "name.context", "A name introduced by a relation or an introduction."
        if _RELATION_AFTER.match(doc.text, first_end) and self._plausible_unknown(word):
            return 1, "name.context", "A name followed by who the person is to the author."
        if _AND_I_AFTER.match(after) and (word in firsts or word in _WORD_NAME_PEOPLE):
            return 1, "name.context", 'A name in "X and I".'
        if (
            _appositive(words, after)
            and (word in firsts or word.lower() not in dictionary_words())
            and word not in wordlike
            and word not in place_names()
            and self._plausible_unknown(word)
        ):
            count = self._extent(tokens, firsts, lasts, wordlike, strict=False)
            return count, "name.context", "A name set off after who the person is."
        if _self_intro_before(words) and word not in wordlike and word not in MONTHS:
            count = self._extent(tokens, firsts, lasts, wordlike, strict=False)
            unknown = word.lower() not in dictionary_words() and word not in place_names()
            if word in firsts or count > 1 or (unknown and after[:1] in (",", ".", "!")):
                return count, "name.context", "A name the author introduces."

        if word not in PLACE_WORDS:
            count = self._extent(tokens, firsts, lasts, wordlike, strict=False)
            places = place_names()
            if (count > 1 and tokens[1][0] not in places) or (
                word not in places and (word in firsts or word.lower() not in dictionary_words())
            ):
                if _AGE_APPOSITION.match(doc.text, tokens[count - 1][2]):
                    return count, "name.context", "A name followed by the person's age."

        at_start = _at_sentence_start(before)
        if at_start and word in LEADING_WORDS and word not in firsts:
            return None
        if word in firsts:
            if word in MONTHS:
                return None
            follows = tokens[1] if len(tokens) > 1 else None
            surname_follows = (
                follows is not None
                and (follows[0] in lasts or follows[0] in firsts)
                and follows[0] not in PLACE_WORDS
                and follows[0] not in NOT_NAMES
            )
            if _place_word_follows(doc.text[first_end : first_end + 40]) and not surname_follows:
                return None
            if word in wordlike:
                if word not in MONTHS and self._word_name_is_person(doc, tokens, words, at_start):
                    return 1, "name.context", "A name that is also a word, used of a person here."
                if surname_follows and follows[0] not in wordlike:
                    return (
                        self._extent(tokens, firsts, lasts, wordlike),
                        "name.lexicon",
                        self.message,
                    )
                if not at_start and word not in MONTHS and word in _WORD_NAME_PEOPLE:
                    return 1, "name.lexicon", self.message
                if _AND_I_AFTER.match(after):
                    return 1, "name.lexicon", self.message
                return None
            if _place_before(words) and word in place_names() and not surname_follows:
                return None
            return self._extent(tokens, firsts, lasts, wordlike), "name.lexicon", self.message
        if (
            word not in lasts
            and word.lower() not in dictionary_words()
            and _PERSON_VERB_AFTER.match(doc.text, first_end)
            and word not in place_names()
        ):
            return 1, "name.subject", "A word that is not in the dictionary, doing what people do."
        return self._unlisted(doc.text, tokens, words, lasts, wordlike)

    def _unlisted(self, doc_text, tokens, words, lasts, wordlike):
        """Names no list knows, found by their shape."""
        word = tokens[0][0]
        dictionary = dictionary_words()
        places = place_names()
        # "the Hendersons", "the Kowalskis": a family by its surname.
        if len(tokens) == 1 and word.endswith("s") and words and _clean(words[-1]) == "the":
            stem = word[:-2] if word.endswith("es") and word[:-2] in lasts else word[:-1]
            if (
                stem in lasts
                and stem.lower() not in dictionary
                and stem not in state_names()
                and word not in places
                and stem not in wordlike
                and (
                    _FAMILY_DOES.match(doc_text, tokens[0][2])
                    or (len(words) > 1 and _clean(words[-2]).rstrip("s") in _RELATION_WORDS)
                )
            ):
                return 1, "name.family", "A family called by its surname."
        if len(tokens) < 2:
            return None
        run = []
        for token in tokens[:4]:
            part = token[0]
            if (
                not _is_plain_capitalised(part)
                or part in NOT_NAMES
                or part in PLACE_WORDS
                or part in TITLES
                or part in MONTHS
                or part in EPONYMS
                or part in places
            ):
                break
            run.append(part)
        if len(run) < 2:
            return None
        # "Trịnh Công Sơn", "Zofia Wójcik": capitalised words with letters English lacks.
        if any(not part.isascii() for part in run):
            return len(run), "name.script", "Capitalised words that read as a non-English name."
        # "Atul Gawande": two words no dictionary knows, one after the other.
        pair = run[:2]
        if all(part.lower() not in dictionary and part not in wordlike for part in pair) and (
            len(pair[0]) > 2 and len(pair[1]) > 2
        ):
            return 2, "name.unlisted", "Two capitalised words no dictionary knows: likely a name."
        return None

    @staticmethod
    def _word_name_is_person(doc, tokens, words, at_start) -> bool:
        """Whether a first name that is also a word ("Faith", "Summer") is a person here."""
        end = tokens[0][2]
        text = doc.text
        if _PERSON_AFTER.match(text, end) and not text[end : end + 3].startswith(" is"):
            return True
        if at_start:
            return False
        # "Summer and Hunter", "Hope and Mason": a list of people.
        partner = _AND_NAME.match(text, end)
        if partner and partner.group(1) in first_names() and partner.group(1) not in _SEASONS:
            if tokens[0][0] not in _SEASONS or partner.group(1) not in common_word_names():
                return True
        if words and _clean(words[-1]) in _PERSON_OBJECT_VERBS and words[-1][-1:] not in ",;:":
            return _clean(words[-1]) not in ("for", "to", "with") or len(tokens) == 1
        # "Summer's room", a vocative "Thanks, Summer!" or "Hang in there, Hunter."
        if text[end : end + 2] in ("'s", "’s"):
            return True
        return bool(words and words[-1].endswith(",") and re.match(r"[!?.]|\s*$", text[end:]))

    @staticmethod
    def _plausible_unknown(word: str) -> bool:
        return word not in PLACE_WORDS and word not in MONTHS and len(word) >= 2

    @staticmethod
    def _extent(tokens, firsts, lasts, wordlike, *, strict=True) -> int:
        """The first token plus the surname-like tokens that follow it (at most four)."""
        count = 1
        for token in tokens[1:4]:
            word = token[0]
            if word in PLACE_WORDS or word in NOT_NAMES or word in MONTHS or word in TITLES:
                break
            if not _is_titlecase(word):
                break
            if strict and word in wordlike and word not in lasts:
                break
            count += 1
        return count


_STATE_AFTER = re.compile(
    r",[^\S\n]+(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware"
    r"|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine"
    r"|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada"
    r"|New\s+\w+|North\s+\w+|South\s+\w+|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode\s+Island"
    r"|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West\s+Virginia|Wisconsin|Wyoming"
    r"|[A-Z]{2})\b"
)
# "Jack, our son," / "Ana, my nurse,": an appositive after the name.
_RELATION_AFTER = re.compile(
    rf",[^\S\n]+(?:my|our|his|her|their|your)[^\S\n]+(?:[\w-]+[^\S\n]+){{0,2}}?(?:{RELATIONS})\b",
    re.IGNORECASE,
)
_PATIENT_TITLE_STEMS = frozenset(t.rstrip(".") for t in PATIENT_TITLES)

# Word-names that, capitalised in mid-sentence, are nearly always people.
_WORD_NAME_PEOPLE = frozenset(
    "Hope Grace Faith Joy Will Bill Mark Art Rose Dawn Sunny Guy Frank Grant Chase Drew Jack "
    "Ray Pat Sue Rob Don Dean Gene Jean Ruby Pearl Amber Crystal Holly Ivy Iris Lily Daisy "
    "Violet Jade Penny Robin Sandy Melody Miles Max Lance Wade Glen Dale Carol Olive Hazel "
    "Ginger Paige Wren Sage Clay Kit Teddy Hunter Destiny Harmony Patience "
    "Charity Serenity Honey Cherry Candy Misty Dusty Rusty Sonny Buddy Stormy Brook Precious "
    "Blessing Marshall Sterling Bunny Nova Heath Reed Pierce Cliff Glen Skip Bud Norm".split()
)
_AND_NAME = re.compile(rf"[^\S\n]+(?:and|&|or)[^\S\n]+({_CAP_WORD})")
_SEASONS = frozenset("Summer Autumn Winter Spring Fall".split())
# What a family does after "the Hendersons": a verb, "next door", a possessive.
_FAMILY_DOES = re.compile(
    r"['’]|[^\S\n]+(?:(?:once|also|still|never|always|just|all|both|finally|even)[^\S\n]+)?"
    r"(?:were|are|have|had|did|do|came|come|said|say|says|sent|send|left|brought|live|lives|lived"
    r"|next[^\S\n]+door|across[^\S\n]+the|from[^\S\n]+(?:next|down|across)|invited|took|gave|forgot|got"
    r"|went|made|told|thought|bought|sat|ran|won|lost|kept|fell|drove|wrote|sang|knew|saw|met|paid|sold"
    r"|stopped|[a-z]{3,}ed)\b"
)
# After these verbs a capitalised word-name is a person: "Tell Summer", "hug Hunter".
_PERSON_OBJECT_VERBS = frozenset(
    "tell give hug thank ask call text kiss congratulate congrats wish send hi hey dear love "
    "missing miss visit visited with for to".split()
)
# A verb after a word-name that only a person does: "Faith restored", "June doesn't know".
_PERSON_AFTER = re.compile(
    r"[^\S\n]+(?:said|says|told|tells|asked|asks|texted|hugged|smiled|laughed|cried|whispered"
    r"|doesn['’]t|didn['’]t|won['’]t|knows|knew|thinks|thought|loves|loved|wants|wanted|came|went"
    r"|brought|gave|took|sat|stood|held|called|emailed|visited|drove|cooked|brought|insisted"
    r"|remembered|noticed|promised|decided|[a-z]{3,}ed\b(?<!\bneed)(?<!\bred)(?<!\bbed)"
    r"|and[^\S\n]+(?:I|me)\b"
    rf"|(?:was|is)[^\S\n]+(?:my|our|his|her|their)[^\S\n]+(?:[\w-]+[^\S\n]+)?(?:{RELATIONS})\b)"
)


# After an unknown capitalised word, these verbs say it is a person.
_PERSON_VERB_AFTER = re.compile(
    r"(?:[^\S\n]+(?:from|at|in|on)[^\S\n]+[^.!?\n]{0,60}?|,[^.!?\n]{0,80}?,|)[^\S\n]+(?:just[^\S\n]+)?"
    r"(?:was[^\S\n]+(?:just[^\S\n]+|recently[^\S\n]+)?(?:diagnosed|born|admitted|discharged)"
    r"|(?:said|says|told|tells|asked|asks|texted|called\s+me|hugged|smiled|laughed|cried|whispered"
    r"|passed\s+away|died|sat\s+with|held\s+my|married|came\s+(?:back|in|over|by|to\s+see)|stayed"
    r"|showed\s+up|walked\s+in|sang|prayed|drove\s+(?:me|us|him|her)|taught\s+(?:me|us)"
    r"|translated|interpreted|braided|joked|teased|waved|volunteered|apologi[sz]ed|listened"
    r"|explained|insisted|promised|remembered|noticed|knew|handed\s+(?:me|us|him|her)))\b"
)


# Devotions whose words a name list may hold: "the Virgen de Guadalupe".
_DEVOTIONS = frozenset("Virgen Virgin Lady Señora Senora Nuestra Santo Santa".split())
# "everyone calls me KK", "she goes by DJ": a nickname in capitals.
_NICKNAMED = frozenset(
    [("calls", "me"), ("call", "me"), ("called", "me"), ("goes", "by"), ("go", "by"),
     ("known", "as"), ("calls", "him"), ("calls", "her"), ("call", "him"), ("call", "her")]
)  # fmt: skip
# "Dale Henninger, 58, was admitted", "Ana Ruiz, a 40-year-old": a person and an age.
_AGE_APPOSITION = re.compile(
    r"(?:['’]s)?,[^\S\n]+(?:(?:a|an|now|age|aged)[^\S\n]+)?\d{1,3}"
    r"(?:,|[^\S\n]*[-‑ ]?[^\S\n]*years?[-‑ ]old\b)"
)

_HOLIDAYS = frozenset(
    "Christmas Easter Thanksgiving Halloween Hanukkah Ramadan Diwali Passover Kwanzaa New "
    "Valentine's Mother's Father's Memorial Labor Independence Veterans".split()
)


def _institution_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for name in INSTITUTIONS:
        start = text.find(name)
        while start != -1:
            spans.append((start, start + len(name)))
            start = text.find(name, start + 1)
    return spans


def _org_follows(tokens: list[_Token]) -> bool:
    """Whether the capitalised run after the first token ends in "Hospital", "House"..."""
    for token in tokens[1:5]:
        if token[0] in PLACE_WORDS or token[0] in EPONYMS:
            return True
    return False


def _place_word_follows(after: str) -> bool:
    match = re.match(rf"^(?:['’]s)?[^\S\n]+({_CAP_WORD})", after)
    if not match:
        return False
    following = match.group(1)
    return following in PLACE_WORDS


class UppercaseNameRule(Rule):
    """Names written in capitals on labels and forms: "DOE, JANE" or "JANE DOE"."""

    id = "name.uppercase"
    category = "name"
    severity = REVIEW
    message = "Looks like a person's name written in capitals."
    pattern = re.compile(
        r"(?=[A-Z]{2})\b([A-Z][A-Z'’-]{1,})(,[^\S\n]*|[^\S\n]+)([A-Z][A-Z'’-]{1,})\b"
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        firsts = first_names()
        lasts = last_names()
        for match in self.pattern.finditer(doc.text):
            one, sep, two = match.group(1).title(), match.group(2), match.group(3).title()
            if sep.startswith(","):
                ok = two in firsts and (one in lasts or one not in firsts)
            else:
                ok = one in firsts and two in lasts
            if ok and one not in NOT_NAMES and two not in NOT_NAMES:
                yield match.span()


def _is_english_word(word: str) -> bool:
    """Whether a lower-case word, or its stem without an inflection, is English."""
    dictionary = dictionary_words()
    if word in dictionary or word in common_words():
        return True
    for ending, stem_end in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                             ("ing", ""), ("ing", "e"), ("er", ""), ("ly", "")):  # fmt: skip
        if word.endswith(ending) and word[: -len(ending)] + stem_end in dictionary:
            return True
    return False


class LowercaseNameRule(Rule):
    """Names typed in lower case, as comments often are: "tell mariana thank you",
    "honestly brianna you're ...", "the okafor family". A word counts only when a
    name list knows it, no English dictionary does, and the words around it
    speak to or of a person."""

    id = "name.lowercase"
    category = "name"
    severity = REVIEW
    message = "Looks like a person's name typed in lower case."
    _word = re.compile(r"(?<![\w@./'’-])[a-z][a-z]{2,}(?:-[a-z]+)?(?![\w@'’]|\.\w|-\w)")
    # Words just before that speak to or of a person: "tell mariana", "thanks keisha".
    _before = frozenset(
        "tell thank thanks thx ty hi hey dear love honestly congrats congratulations hug "
        "miss ask asked named called and with nurse dr doc".split()
    )
    _after = re.compile(
        r"(?:['’]s\b|[^\S\n]+(?:you\b|you['’]re\b|your\b|and[^\S\n]+(?:i|me)\b|(?:is|was)[^\S\n]+"
        rf"(?:my|our|the\s+best)\b|on[^\S\n]+\d|(?:said|says|told|helped|held|made|stayed|sat)\b)"
        rf"|,?[^\S\n]+(?:my|our)[^\S\n]+(?:{RELATIONS})\b)"
    )
    _family = re.compile(r"[^\S\n]+family\b")

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        text = doc.text
        words = doc.word_set & _lowercase_candidates()
        if not words:
            return
        firsts, lasts = first_names(), last_names()
        matches = []
        for word in words:
            for position in doc.word_positions(word):
                if text.startswith(word, position):  # typed in lower case here
                    match = self._word.match(text, position)
                    if match and match.end() == position + len(word):
                        matches.append(match)
        for match in sorted(matches, key=lambda m: m.start()):
            name = match.group().title()
            start, end = match.span()
            place = name in place_names()
            if (
                name in lasts
                and not place
                and self._family.match(text, end)
                and text[:start].endswith("the ")
            ):
                yield start, end
                continue
            if name not in firsts:
                continue
            before = text[max(0, start - 30) : start].split()
            spoken_to = bool(before) and _clean(before[-1]) in self._before
            if spoken_to and _clean(before[-1]) in ("and", "with"):
                spoken_to = not place
            if spoken_to or (not place and self._after.match(text, end)):
                yield start, end


# Lower-case words that a name list knows but that are not names in these texts:
# kinship words, clinical shorthand and food.
_LOWER_NOT_NAMES = frozenset(
    "lola lolo tita tito ate kuya abuela abuelo nana nonna nonno baba mama papa dada "
    "brady tachy afib bradys desat sats gtt prn bid tid qid dulce pan".split()
)


# One romanised Korean or Chinese syllable: "Ji", "yeon", "Hyun", "woo", "Xiao".
_SYLLABLE = r"(?:[bcdfghjklmnpqrstwxyz]{0,3}[aeiouy]{1,3}(?:ng|n|m|k|l|p|t|r)?)"
_GIVEN_HYPHENATED = re.compile(rf"[A-Z]{_SYLLABLE}-{_SYLLABLE}", re.IGNORECASE)
# Hyphenated words of English that have that shape: "Pre-op", "Co-op", "Tie-in".
_HYPHENATED_WORDS = frozenset(
    "co pre post re ex non self mid anti semi sub tie bye hi oh uh ha yo go no so to see sea "
    "tea pay lay day low high up in on op out ups ins off ray year way time wi fi sci".split()
)


def _given_shaped(word: str) -> bool:
    if not _GIVEN_HYPHENATED.fullmatch(word):
        return False
    head, tail = word.lower().split("-", 1)
    if head in _HYPHENATED_WORDS or tail in _HYPHENATED_WORDS or len(tail) < 2:
        return False
    # "Ping-Pong", "Hip-Hop", "Zig-zag": English doubles its words that way.
    return head[0] != tail[0] and head[-2:] != tail[-2:]


def _hyphenated_given(tokens: list[_Token]) -> int:
    """How many tokens make a name with a hyphenated given name ("Park Ji-yeon",
    "Ji-yeon Park", "Jae-won"), or 0."""
    first = tokens[0][0]
    if _given_shaped(first):
        if len(tokens) > 1 and len(tokens[1][0]) <= 5 and _is_plain_capitalised(tokens[1][0]):
            return 2
        return 1
    if (
        len(tokens) > 1
        and _given_shaped(tokens[1][0])
        and len(first) <= 5
        and _is_plain_capitalised(first)
        and first not in NOT_NAMES
        and first not in _NEVER_NAMES
    ):
        return 2
    return 0


@cache
def _lowercase_candidates() -> frozenset[str]:
    """Lower-case forms of listed names that no English word list knows."""
    out = set()
    for name in first_names() | last_names():
        word = name.lower()
        if not word.isascii() or not word.isalpha() or len(word) < 3:
            continue
        if name in NOT_NAMES or name in MONTHS or name in EPONYMS or name in TITLES:
            continue
        if word in _LOWER_NOT_NAMES or _is_english_word(word):
            continue
        out.add(word)
    return frozenset(out)
