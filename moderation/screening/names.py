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
from dataclasses import dataclass

from .base import Document, Rule
from .findings import REVIEW, Finding
from .lexicons import (
    EPONYM_NOUNS,
    EPONYMS,
    LEADING_WORDS,
    MONTHS,
    NOT_NAMES,
    PATIENT_TITLES,
    PLACE_WORDS,
    RELATIONS,
    TITLES,
    common_word_names,
    dictionary_words,
    first_names,
    last_names,
    place_names,
)

__all__ = ["NameRule", "UppercaseNameRule"]


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
_SEQUENCE = re.compile(
    rf"(?<![\w@#/'’.-]){_CAP_WORD}(?:[^\S\n]+(?:{_PARTICLE}[^\S\n]+)?{_CAP_WORD})*"
)
_WORD = re.compile(_CAP_WORD)

_TITLE_BEFORE = re.compile(
    r"(?:^|(?<=[\s(\"'“]))(?P<title>"
    + "|".join(re.escape(t) for t in sorted({t.rstrip(".") for t in TITLES}, key=len, reverse=True))
    + r")\.?[^\S\n]+$"
)
_RELATION_BEFORE = re.compile(
    rf"\b(?:my|our|his|her|their|your|the|a|an|whose)[^\S\n]+(?:[\w-]+[^\S\n]+){{0,3}}?"
    rf"(?:{RELATIONS})(?:[^\S\n]+(?:{RELATIONS}))?,?[^\S\n]+$",
    re.IGNORECASE,
)
_INTRO_BEFORE = re.compile(
    r"(?:\bnamed|\bname\s+(?:is|was)|\bname['’]s|\bnames\s+are|\bcalled|\bcalls?\s+(?:him|her|me|them)"
    r"|\bknown\s+as|\bgoes\s+by|\bI['’]m|\bI\s+am|\bthis\s+is|\bit['’]s|\bask\s+for|\basked\s+for"
    r"|\bthanks?\s+(?:you\s+)?to|\bshout-?out\s+to|\bsigned|\blove|\bregards|\bcheers|\bxoxo"
    r"|^[^\S\n]*-+|\bRIP|\bin\s+memory\s+of|\bmiss\s+you)[,:]?[^\S\n]+$",
    re.IGNORECASE,
)
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
_POSSESSIVE = re.compile(r"['’]s?$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;…\n]|[.!?][\"'”’)]+)[\s\"'“‘(*-]*$")


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int
    end: int


def _tokens(doc: Document, start: int, end: int) -> list[_Token]:
    out = []
    for match in _WORD.finditer(doc.text, start, end):
        word = match.group()
        stripped = _POSSESSIVE.sub("", word) if len(word) > 3 else word
        out.append(_Token(stripped, match.start(), match.start() + len(stripped)))
    return out


def _is_titlecase(word: str) -> bool:
    return len(word) > 1 and not word.isupper()


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

        for seq in _SEQUENCE.finditer(text):
            tokens = _tokens(doc, seq.start(), seq.end())
            while tokens:
                before = text[max(0, tokens[0].start - 60) : tokens[0].start]
                result = self._classify(
                    doc, tokens, before, firsts=firsts, lasts=lasts, wordlike=wordlike
                )
                if result is None:
                    tokens = tokens[1:]
                    continue
                count, rule_id, message = result
                found.append((tokens[0].start, tokens[count - 1].end, rule_id, message))
                tokens = tokens[count:]

        # Every later mention of a name found once is a name too.
        known = {}
        for start, end, _rule, _msg in found:
            for token in _tokens(doc, start, end):
                if len(token.text) >= 3 and token.text not in NOT_NAMES:
                    known[token.text] = token.text in wordlike
        covered = {(s, e) for s, e, _r, _m in found}
        if known:
            pattern = re.compile(
                r"(?<![\w'’-])(?:" + "|".join(re.escape(k) for k in known) + r")(?![\w-])"
            )
            for match in pattern.finditer(text):
                span = match.span()
                if any(s <= span[0] < e for s, e in covered):
                    continue
                after = text[span[1] : span[1] + 40]
                if _EPONYM_AFTER.match(after) or _place_word_follows(after):
                    continue
                before = text[max(0, span[0] - 60) : span[0]]
                if known[match.group()] and _SENTENCE_START.search(before):
                    continue
                found.append((span[0], span[1], "name.repeat",
                              "Repeats a name found elsewhere in this text."))  # fmt: skip

        for start, end, rule_id, message in found:
            severity = REVIEW
            yield Finding("name", start, end, severity, rule_id, message, "[name]")

    def _classify(self, doc, tokens, before, *, firsts, lasts, wordlike):
        """How many of ``tokens`` form a name, with the rule that says so, or None."""
        first = tokens[0]
        word = first.text
        after = doc.text[first.end : first.end + 40]
        if not _is_titlecase(word) or word in TITLES or word.rstrip(".") in TITLES:
            return None
        if word in EPONYMS or _EPONYM_AFTER.match(after):
            return None
        if word in NOT_NAMES or _CONTRACTION.search(word):
            return None

        org = _org_follows(tokens)
        title = _TITLE_BEFORE.search(before)
        if title:
            count = self._extent(tokens, firsts, lasts, wordlike, strict=False)
            if (
                title.group("title") + "." in PATIENT_TITLES
                or title.group("title") in PATIENT_TITLES
            ):
                return count, "name.title", "A title (Mr., Mrs., Ms.) followed by a name."
            return count, "name.title", "A title such as Dr. followed by a name."
        if org:
            return None
        if _RELATION_BEFORE.search(before) or _INTRO_BEFORE.search(before):
            if word in MONTHS and word not in firsts:
                return None
            if (word not in firsts and word in wordlike) or not self._plausible_unknown(word):
                return None
            count = self._extent(tokens, firsts, lasts, wordlike, strict=False)
            return count, "name.context", "A name introduced by a relation or an introduction."

        at_start = bool(_SENTENCE_START.search(before))
        if at_start and word in LEADING_WORDS and word not in firsts:
            return None
        if word in firsts:
            if word in MONTHS:
                return None
            follows = tokens[1] if len(tokens) > 1 else None
            surname_follows = (
                follows is not None
                and (follows.text in lasts or follows.text in firsts)
                and follows.text not in PLACE_WORDS
                and follows.text not in NOT_NAMES
            )
            if _place_word_follows(doc.text[first.end : first.end + 40]) and not surname_follows:
                return None
            if word in wordlike:
                if surname_follows and follows.text not in wordlike:
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
            if _PLACE_BEFORE.search(before) and word in place_names() and not surname_follows:
                return None
            return self._extent(tokens, firsts, lasts, wordlike), "name.lexicon", self.message
        if (
            word not in lasts
            and word.lower() not in dictionary_words()
            and _PERSON_VERB_AFTER.match(doc.text, first.end)
            and word not in place_names()
        ):
            return 1, "name.subject", "A word that is not in the dictionary, doing what people do."
        return None

    @staticmethod
    def _plausible_unknown(word: str) -> bool:
        return word not in PLACE_WORDS and word not in MONTHS and len(word) >= 2

    @staticmethod
    def _extent(tokens, firsts, lasts, wordlike, *, strict=True) -> int:
        """The first token plus the surname-like tokens that follow it (at most four)."""
        count = 1
        for token in tokens[1:4]:
            word = token.text
            if word in PLACE_WORDS or word in NOT_NAMES or word in MONTHS or word in TITLES:
                break
            if not _is_titlecase(word):
                break
            if strict and word in wordlike and word not in lasts:
                break
            count += 1
        return count


# Word-names that, capitalised in mid-sentence, are nearly always people.
_WORD_NAME_PEOPLE = frozenset(
    "Hope Grace Faith Joy Will Bill Mark Art Rose Dawn Sunny Guy Frank Grant Chase Drew Jack "
    "Ray Pat Sue Rob Don Dean Gene Jean Ruby Pearl Amber Crystal Holly Ivy Iris Lily Daisy "
    "Violet Jade Penny Robin Sandy Melody Miles Max Lance Wade Glen Dale Carol Olive Hazel "
    "Ginger Paige Wren Sage Clay Kit Teddy".split()
)


# After an unknown capitalised word, these verbs say it is a person.
_PERSON_VERB_AFTER = re.compile(
    r"(?:[^\S\n]+(?:from|at|in|on)[^\S\n]+[^.!?\n]{0,60}?|,[^.!?\n]{0,80}?,|)[^\S\n]+(?:just[^\S\n]+)?"
    r"(?:was[^\S\n]+(?:just[^\S\n]+|recently[^\S\n]+)?(?:diagnosed|born|admitted|discharged)"
    r"|(?:said|says|told|tells|asked|asks|texted|called\s+me|hugged|smiled|laughed|cried|whispered"
    r"|passed\s+away|died|sat\s+with|held\s+my|married))\b"
)


def _org_follows(tokens: list[_Token]) -> bool:
    """Whether the capitalised run after the first token ends in "Hospital", "House"..."""
    for token in tokens[1:5]:
        if token.text in PLACE_WORDS or token.text in EPONYMS:
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
    pattern = re.compile(r"\b([A-Z][A-Z'’-]{1,})(,[^\S\n]*|[^\S\n]+)([A-Z][A-Z'’-]{1,})\b")

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
