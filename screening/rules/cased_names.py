"""Names written all in capitals ("DOE, JANE") or all in lower case ("tell mariana")."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from ..base import Document, Rule, covers
from ..findings import REVIEW
from ..lazy import compile_later
from ..lexicons import (
    EPONYMS,
    LOWERCASE_NOT_NAMES,
    MONTHS,
    NOT_NAMES,
    RELATIONS,
    TITLES,
    common_words,
    dictionary_words,
    first_names,
    last_names,
    place_names,
)
from .name_context import clean, phrase_spans

__all__ = ["LowercaseNameRule", "UppercaseNameRule", "is_english_word"]


class UppercaseNameRule(Rule):
    """Names written in capitals on labels and forms: "DOE, JANE" or "JANE DOE"."""

    id = "name.uppercase"
    category = "name"
    severity = REVIEW
    message = "Looks like a person's name written in capitals."
    pattern = compile_later(
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


def is_english_word(word: str) -> bool:
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
    _word = compile_later(r"(?<![\w@./'’-])[a-z][a-z]{2,}(?:-[a-z]+)?(?![\w@'’]|\.\w|-\w)")
    # Words just before that speak to or of a person: "tell mariana", "thanks keisha".
    _before = frozenset(
        "tell thank thanks thx ty hi hey dear love honestly congrats congratulations hug "
        "miss ask asked named called and with nurse dr doc cheers ta give ok okay bravo yay "
        "omg wow aww diolch gracias merci salamat asante obrigado obrigada danke grazie "
        "shukran dzięki".split()
    )
    _after = compile_later(
        r"(?:['’]s\b|[^\S\n]+(?:you\b|you['’](?:re|ve)\b|your\b|ur\b|this[^\S\n]+is[^\S\n]+so\b|and[^\S\n]+(?:i|me)\b|(?:is|was)[^\S\n]+"
        rf"(?:my|our|the\s+best)\b|on[^\S\n]+\d|(?:said|says|told|helped|held|made|stayed|sat)\b)"
        rf"|,?[^\S\n]+(?:my|our)[^\S\n]+(?:{RELATIONS})\b)"
    )
    _family = compile_later(r"[^\S\n]+family\b")
    # Titles typed in lower case before a surname: "dr okafor", "nurse mensah".
    _titles = frozenset("dr doc doctor nurse sister mr mrs ms prof professor matron".split())

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
        phrases = phrase_spans(doc.lower, doc.word_set, lowered=True)
        in_phrase = covers(phrases) if phrases else None
        for match in sorted(matches, key=lambda m: m.start()):
            name = match.group().title()
            start, end = match.span()
            if in_phrase and in_phrase(start):
                continue  # "kia kaha", "sat sri akal": a greeting, not a name
            place = name in place_names()
            if (
                name in lasts
                and not place
                and self._family.match(text, end)
                and text[:start].endswith("the ")
            ):
                yield start, end
                continue
            before = text[max(0, start - 30) : start].split()
            titled = bool(before) and clean(before[-1]).rstrip(".") in self._titles
            if name in lasts and titled and not place:
                yield start, end  # "had dr okafor for my follow up": a title and a surname
                continue
            if name not in firsts:
                continue
            spoken_to = bool(before) and clean(before[-1]) in self._before
            if spoken_to and clean(before[-1]) in ("and", "with"):
                spoken_to = not place
            if spoken_to or (not place and self._after.match(text, end)):
                yield start, end


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
        if word in LOWERCASE_NOT_NAMES or is_english_word(word):
            continue
        out.add(word)
    return frozenset(out)
