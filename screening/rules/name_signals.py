"""Names that the words around them give away, whatever lists know them: a
comment's sign-off ("xx Mo", "- jo", "Cheers from Perth, Shaz"), someone spoken
to ("dean, if you're reading this", "congrats bayo!!"), and a given name that
only a person's praise follows ("Grace is an angel", "Joy, who does my nights,").
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Document, Rule
from ..findings import REVIEW
from ..lazy import compile_later
from ..lexicons import (
    KINSHIP_TITLES,
    MONTHS,
    NEVER_NAMES,
    NOT_NAMES,
    RELATIONS,
    TITLES,
    common_words,
    first_names,
    last_names,
    place_names,
)
from .cased_names import is_english_word

__all__ = ["PraisedNameRule", "SignOffNameRule", "SpokenToNameRule"]

# Words that end a comment after a dash or kisses and are not a name.
_NOT_SIGNATURES = frozenset(
    "x xx xxx xo xoxo thanks thank cheers love lol haha ok okay all everyone everybody team "
    "again bless god amen peace soon later bye ta regards best anon anonymous me us mum mom dad "
    "nan nana gran grandma grandad family friends".split()
)


def _not_a_name(word: str, *, places: bool = True) -> bool:
    title = word[:1].upper() + word[1:].lower()
    low = word.lower()
    return (
        low in _NOT_SIGNATURES
        or title in NOT_NAMES
        or title in NEVER_NAMES
        or title in MONTHS
        or title in TITLES
        or title in KINSHIP_TITLES
        or (places and title in place_names())
        or RELATIONS_RE.fullmatch(low) is not None
    )


RELATIONS_RE = compile_later(rf"(?:{RELATIONS})")


class SignOffNameRule(Rule):
    """The one word that signs a comment off after a dash, kisses, "cheers" or
    "love": "... thank them enough. - jo", "xx Bren", "Cheers from Perth, Shaz"."""

    id = "name.signoff"
    category = "name"
    severity = REVIEW
    message = "Looks like the name the author signed with."
    _end = compile_later(
        r"(?:(?:^|\s)[-–—~]+\s*|\b[xX]{1,4}[oO]?\s+|\b(?i:cheers|thanks|love|ta|regards|best)"
        r"(?:(?:\s+from\s+[A-Z][\w'’-]+)?,[^\S\n]*|[^\S\n]*\n\s*))([A-Za-z][a-z]{1,11})[\s.!]*\Z"
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        tail_at = max(0, len(doc.text) - 60)
        match = self._end.search(doc.text, tail_at)
        if match is None:
            return
        word = match.group(1)
        if _not_a_name(word, places=False):
            return  # a town signs off as "Cheers from Perth", a person as "Shaz"
        # A word that is an everyday English word is a name here only if a list
        # knows it as one ("Mo", "Dawn"); anything else that ends a comment so is.
        low = word.lower()
        title = low.title()
        known = title in first_names() or title in last_names()
        if (low in common_words() or is_english_word(low)) and not known:
            return
        yield match.span(1)


class SpokenToNameRule(Rule):
    """A person spoken to: "dean, if you're reading this", "Jack if youre reading
    this", "congrats bayo!!!", "well done Thandi!"."""

    id = "name.spoken_to"
    category = "name"
    severity = REVIEW
    message = "Looks like the name of a person the author speaks to."
    _reading = compile_later(
        r"(?:^|(?<=[.!?\n]))\s*([A-Za-z][a-z]{1,14})\s*,?\s+if\s+(?:you['’]?re|youre|you\s+are|ur|u\s+r)"
        r"\s+(?:ever\s+)?reading\s+this\b"
    )
    _cheer = compile_later(
        r"\b(?:congrats|congratulations|well\s+done|happy\s+birthday|get\s+well\s+soon|go\s+on)"
        r",?\s+([A-Za-z][a-z]{1,14})\s*(?:!|[.,]\s|\s*$)"
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        lower = doc.lower
        patterns = []
        if "reading this" in lower:
            patterns.append(self._reading)
        if any(w in lower for w in ("congrat", "well done", "birthday", "well soon", "go on")):
            patterns.append(self._cheer)
        for pattern in patterns:
            for match in pattern.finditer(doc.text):
                word = match.group(1)
                if _not_a_name(word) or word.lower() in (
                    "you",
                    "everyone",
                    "all",
                    "guys",
                    "anyone",
                ):
                    continue
                if pattern is self._cheer:
                    low = word.lower()
                    if is_english_word(low) and low.title() not in first_names():
                        continue
                yield match.span(1)


class PraisedNameRule(Rule):
    """A listed given name, even one that is a word and starts a sentence, that
    only a person's praise or a relative clause of a person follows: "Grace is a
    hero", "dawn on the ward was an angel", "Joy, who does my nights,"."""

    id = "name.praised"
    category = "name"
    severity = REVIEW
    message = "Looks like a person's name: what follows is said only of people."
    _praise = (
        r"hero|angel|legend|saint|star|superstar|gem|lifesaver|life\s*saver|godsend|diamond|treasure"
        r"|sweetheart|darling|rock"
    )
    pattern = compile_later(
        r"(?<![\w'’-])([A-Za-z][a-z]{1,14})"
        r"(?:(?:\s+(?:on|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:ward|unit|desk|reception|nights|night\s+shift"
        r"|days|team))?\s+(?:is|was|were|are)\s+(?:an?\s+|such\s+an?\s+|an\s+absolute\s+|our\s+|my\s+)"
        rf"(?:[\w-]+\s+)?(?:{_praise})\b"
        r"|,\s+who\s+(?:does|did|was|is|has|had|looked|works|worked|sat|stayed|held|brought|came|made|kept"
        r"|checks|checked|runs|ran)\b)"
    )
    _gate = compile_later(rf"\b(?:{_praise})\b|,\s+who\b")
    _words = frozenset(
        "hero angel legend saint star superstar gem lifesaver life saver godsend diamond "
        "treasure sweetheart darling rock who".split()
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        if self._words.isdisjoint(doc.word_set) or not self._gate.search(doc.lower):
            return
        firsts = first_names()
        # Read only the sentences that hold a word of praise or ", who".
        gates = self._gate.finditer(doc.lower)
        sentences = dict.fromkeys(doc.sentence_at(g.start()) for g in gates)
        matches = (m for span in sentences for m in self.pattern.finditer(doc.text, *span))
        for match in matches:
            word = match.group(1)
            title = word[:1].upper() + word[1:].lower()
            # "Hope, who did my discharge": a place does not do things; "Paris is a gem" is a place.
            who = ", who" in match.group()
            if title not in firsts or _not_a_name(word, places=not who):
                continue
            yield match.span(1)
