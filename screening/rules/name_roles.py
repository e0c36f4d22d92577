"""Names that a role or an initial gives away: a surname after initials ("Staff
Nurse A. Mwale", "J. P. Hollingsworth"), a name before who the person is
("Tigist the midwife", "Penny the dementia nurse") or after a role used as a
title ("Midwife Shan"), and a given name typed in lower case after a kin word
("auntie pam", "uncle tony", "nana joan").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..base import Document, Rule
from ..findings import REVIEW
from ..lazy import compile_later
from ..lexicons import (
    EPONYMS,
    GIVEN_WORD_NAMES,
    HOLIDAYS,
    LOWERCASE_NOT_NAMES,
    MONTHS,
    NEVER_NAMES,
    NOT_NAMES,
    PLACE_WORDS,
    TITLES,
    WORD_NAMES,
    common_words,
    first_names,
    last_names,
    place_names,
)
from .cased_names import is_english_word
from .name_context import CONTRACTION, RELATION_WORDS, institution_spans, phrase_spans

__all__ = ["InitialsNameRule", "KinLowercaseNameRule", "RoleNameRule", "TitledLowercaseNameRule"]

_NOT_INITIALS = frozenset("P.S. U.S. U.K. E.U. A.M. P.M. I.".split())
_SURNAME = r"[A-Z](?:[a-z]+|['’][A-Z][a-z]+)(?:-[A-Z][a-z]+)?"
_CAP = r"[A-Z][a-z]+(?:['’-][A-Za-z]+)*"
_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
# Words that are names but, before "the nurse", are verbs or questions: "Will the
# nurse come?", "Hope the midwife is ok", "Thank the porter".
_VERB_LIKE = frozenset(
    "Will May Can Hope Mark Bill Sue Pat Rob Trust Wish Pray Thank Tell Ask Let Get Call "
    "Ring Meet Bless Love Miss Watch Guess Grant Chase Drew Dawn".split()
)
# Hospital and care roles that stand after "the" in "Tigist the midwife".
_ROLES = frozenset(
    word
    for word in RELATION_WORDS
    if word
    not in {
        "baby",
        "toddler",
        "kid",
        "child",
        "patient",
        "student",
        "ex",
        "twin",
        "sibling",
        "friend",
        "buddy",
        "pal",
    }
)


def _not_a_person_word(word: str) -> bool:
    return (
        word in NOT_NAMES
        or word in NEVER_NAMES
        or word in MONTHS
        or word in _WEEKDAYS
        or word in HOLIDAYS
        or word in TITLES
        or word in PLACE_WORDS
        or word in EPONYMS
        or word.lower() in RELATION_WORDS
    )


def _blocked(doc: Document) -> list[tuple[int, int]]:
    return institution_spans(doc.text) + phrase_spans(doc.text, doc.word_set)


def _inside(spans: list[tuple[int, int]], start: int) -> bool:
    return any(s <= start < e for s, e in spans)


# Gates read off the words every match holds: a role's last run of a-z letters (the
# words of ``Document.word_set``; a role with none lets every text through), and a
# word of each care-role title.
_ROLE_RUNS = [re.findall(r"[a-z]+", role) for role in _ROLES]
_ROLE_GATE = frozenset(runs[-1] for runs in _ROLE_RUNS) if all(_ROLE_RUNS) else None
_ROLE_TITLE_GATE = frozenset(
    "midwife porter physio chaplain paramedic matron assistant hca nurse visitor carer".split()
)


class InitialsNameRule(Rule):
    """A surname after one to three initials: "A. Mwale", "J. P. Hollingsworth",
    "M.K. Anand". The surname is a listed surname that is no everyday word, or a
    word no English list or place list knows ("U.S. Army", "P.S. Thanks" are not)."""

    id = "name.initials"
    category = "name"
    severity = REVIEW
    message = "Initials and a surname: a person's name."
    _pattern = compile_later(
        rf"(?<![\w.’'-])((?:[A-Z]\.[^\S\n]?){{1,3}})({_SURNAME})(?![\w’'-]|\.\w)"
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        if "." not in doc.text:
            return
        blocked = None
        for match in self._pattern.finditer(doc.text):
            surname = match.group(2)
            if match.group(1).replace(" ", "") in _NOT_INITIALS:
                continue  # "P.S. Thanks", "U.S. Army"
            if re.search(r"\d[^\S\n]?\Z", doc.text[max(0, match.start() - 2) : match.start()]):
                continue  # "101 F. He'd", "5 p.m.": a unit after a number
            if CONTRACTION.search(surname):
                continue
            if _not_a_person_word(surname):
                continue
            if surname in place_names() and len(match.group(1).replace(" ", "")) < 4:
                continue  # "St. Ives" has no initials, but "N. Wales" may: two are a name
            low = surname.lower()
            listed = surname in last_names() and low not in common_words()
            if not listed and is_english_word(low):
                continue
            if blocked is None:
                blocked = _blocked(doc)
            if _inside(blocked, match.start(2)):
                continue  # "J. P. Morgan": a bank
            yield match.start(), match.end()


class RoleNameRule(Rule):
    """A name right before who the person is ("Tigist the midwife", "Penny the
    dementia nurse", "Precious, the nursery nurse,") or after a care role written as
    a title ("Midwife Shan", "Porter Dermot"). The word is a listed given name, a
    word-name, or a word no English list knows; not a place, month, weekday, holiday
    or a verb that reads as a question or a wish ("Will the nurse come?")."""

    id = "name.role"
    category = "name"
    severity = REVIEW
    message = "A name next to the person's role: most likely a name."
    # "Tigist the midwife", "Penny, the dementia nurse": one or two words between.
    _before_role = compile_later(
        rf"(?<![\w’'.-])({_CAP})(,?)[^\S\n]+the[^\S\n]+([a-z]+(?:[^\S\n]+[a-z]+){{0,2}})"
    )
    _role_title = compile_later(
        r"(?<![\w’'-])(Midwife|Porter|Physio|Chaplain|Paramedic|Matron|Healthcare Assistant|"
        rf"Care Assistant|HCA|Staff Nurse|Charge Nurse|Health Visitor|Carer)[^\S\n]+({_CAP})"
        r"(?![\w’'-])"
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        text = doc.text
        firsts = first_names()
        blocked = None
        if " the " in text and (_ROLE_GATE is None or doc.word_set & _ROLE_GATE):
            for match in self._before_role.finditer(text):
                word, comma, role = match.group(1), match.group(2), match.group(3)
                words = role.split()
                if not any(
                    words[k] in _ROLES or " ".join(words[k - 1 : k + 1]) in _ROLES
                    for k in range(len(words))
                ):
                    continue
                if not self._candidate(word, firsts, comma=bool(comma)):
                    continue
                if blocked is None:
                    blocked = _blocked(doc)
                if _inside(blocked, match.start(1)):
                    continue  # "Bob the Builder" is in lower case no role, but be safe
                yield match.span(1)
        if not doc.word_set & _ROLE_TITLE_GATE:
            return
        for match in self._role_title.finditer(text):
            word = match.group(2)
            if _not_a_person_word(word):
                continue
            yield match.span(2)

    @staticmethod
    def _candidate(word: str, firsts, *, comma: bool) -> bool:
        if _not_a_person_word(word) or word in place_names() or word in _VERB_LIKE:
            return False
        if word in firsts or word in WORD_NAMES or word in GIVEN_WORD_NAMES:
            return True
        return not is_english_word(word.lower())


class KinLowercaseNameRule(Rule):
    """A given name typed in lower case right after a kin word: "auntie pam",
    "uncle tony", "nana joan", "my nan nell". A listed given name that is not one of
    the everyday English words ("auntie may have", "dad will")."""

    id = "name.kin_lowercase"
    category = "name"
    severity = REVIEW
    message = 'A given name typed in lower case after a kin word ("auntie pam").'
    _pattern = compile_later(
        r"(?<![\w’'-])(?:auntie|aunty|aunt|uncle|nana|nanna|nan|gran|granny|grandma|grandad|"
        r"granddad|grandpa|nanny|cousin|tita|tito|lola|lolo)[^\S\n]+([a-z]{3,})(?![\w’'-])"
    )
    _not_after = frozenset(
        "and the who was is has had said says went came told gave got lives lived used "
        "would could will can did does made always never still just too".split()
    )

    _kin = frozenset(
        "auntie aunty aunt uncle nana nanna nan gran granny grandma grandad granddad "
        "grandpa nanny cousin tita tito lola lolo".split()
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        if not doc.word_set & self._kin:  # every match starts with one of them
            return
        firsts = first_names()
        everyday = common_words()
        for match in self._pattern.finditer(doc.text):
            word = match.group(1)
            if word in self._not_after or word in everyday:
                continue
            title = word.title()
            if title not in firsts or _not_a_person_word(title):
                continue
            yield match.span(1)


class TitledLowercaseNameRule(Rule):
    """A surname no list knows, typed in lower case after a title in lower case:
    "nurse oyelaran", "dr nwachukwu", "sister adebayo". The word is no English word,
    not an abbreviation ("dr appt": a word of four letters or more with two vowels)."""

    id = "name.lowercase_titled"
    category = "name"
    severity = REVIEW
    message = "Looks like a surname typed in lower case after a title."
    _pattern = compile_later(
        r"(?<![\w’'-])(?:dr|doc|nurse|sister|matron|midwife|prof)\.?[^\S\n]+([a-z]{4,})(?![\w’'@-])"
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        if not doc.word_set & _TITLE_WORDS:
            return
        everyday = common_words()
        for match in self._pattern.finditer(doc.text):
            word = match.group(1)
            if word in everyday or is_english_word(word) or word in LOWERCASE_NOT_NAMES:
                continue
            if sum(ch in "aeiou" for ch in word) < 2:
                continue  # "dr appt", "nurse pls"
            if word.endswith(_WORD_ENDINGS):
                continue  # "the nurse begged", "nurse coordinator": a verb or a job
            if word.title() in place_names() or _not_a_person_word(word.title()):
                continue
            yield match.span(1)


_WORD_ENDINGS = ("ed", "ing", "er", "or", "ist", "ian", "ant", "ent", "ly", "tion", "ship", "ness")
_TITLE_WORDS = frozenset("dr doc nurse sister matron midwife prof".split())
