"""Names that come in groups or are introduced as names: a given name in a list
with another name ("Kath and Bev", "Rachel, Imogen and Carlos"), a family by its
surname ("the whole Okonkwo family", "familia Gutiérrez"), people "from the
respiratory team", and a name said to be one ("Brownie is what we all called my
nan").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..base import Document, Rule
from ..findings import REVIEW, Finding
from ..lazy import compile_later
from ..lexicons import (
    GIVEN_WORD_NAMES,
    HOLIDAYS,
    PLACE_WORDS,
    WORD_NAMES,
    common_words,
    first_names,
    last_names,
    place_names,
)
from .cased_names import is_english_word
from .name_signals import _not_a_name

__all__ = [
    "AddressedNameRule",
    "CalledNameRule",
    "FamilyNameRule",
    "ListedNameRule",
    "TeamNameRule",
]

_CAP = r"[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*"


def _windows(lower: str, needles: tuple[str, ...], before: int, after: int):
    """Stretches of the text around each of ``needles`` (found in ``lower``, the
    lower-cased text), merged where they meet: the rules below read only these, so
    a long story costs a few string searches where none is."""
    spans = []
    for needle in needles:
        at = lower.find(needle)
        while at != -1:
            spans.append((max(0, at - before), min(len(lower), at + len(needle) + after)))
            at = lower.find(needle, at + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _given(word: str, *, places: bool = True) -> bool:
    """Whether a capitalised word can be a given name here: a listed given name or a
    word-name, or a word no English list, place list or not-name list knows."""
    title = word[:1].upper() + word[1:]
    if len(word) < 2 or any(ch.isupper() for ch in word[1:]):
        return False  # "PharmD", "GutGlow", "NHS"
    if _not_a_name(word, places=False):
        return False
    if title in PLACE_WORDS or title in HOLIDAYS:
        return False
    if title in first_names() or title in WORD_NAMES or title in GIVEN_WORD_NAMES:
        return True
    if places and title in place_names():
        return False
    return not is_english_word(word.lower())


class ListedNameRule(Rule):
    """A given name in a list with a name the other rules found: "Kath and Bev",
    "Rachel, Imogen and Carlos", "Precious and Comfort", "- Rivka and Shmuel".
    Read by ``beside``, over the name findings of the other rules."""

    id = "name.list"
    category = "name"
    severity = REVIEW
    message = "In a list with a person's name: most likely a name too."
    _after = compile_later(
        rf"(?:['’]s)?(?:[^\S\n]*,[^\S\n]*(?:(?:and|&)[^\S\n]+)?|[^\S\n]+(?:and|&|or)[^\S\n]+"
        rf"|[^\S\n]*&[^\S\n]*)({_CAP})(?![\w'’-])"
    )
    # Before a name only "X and": "Salamat, Joy" and "Diolch, Nerys" greet.
    _before = compile_later(rf"(?<![\w'’-])({_CAP})(?:[^\S\n]+and[^\S\n]+|[^\S\n]*&[^\S\n]*)\Z")

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        return iter(())

    def beside(self, doc: Document, names: Iterable[Finding]) -> list[Finding]:
        text = doc.text
        todo = sorted({(f.start, f.end) for f in names})
        taken = bytearray(len(text))  # the characters inside a name: linear in the text
        for start, end in todo:
            taken[start:end] = b"\x01" * (end - start)
        added: list[Finding] = []
        while todo:
            start, end = todo.pop()
            found = []
            after = self._after.match(text, end)
            if after:
                found.append(after.span(1))
            before = self._before.search(text, max(0, start - 40), start)
            if before:
                found.append(before.span(1))
            for s, e in found:
                if any(taken[s:e]) or not _given(text[s:e]):
                    continue
                taken[s:e] = b"\x01" * (e - s)
                todo.append((s, e))
                added.append(self.finding(s, e))
        if taken and (" and " in text or "&" in text):
            added.extend(self._in_long_list(text, taken))
        return added

    _list = compile_later(
        rf"(?<![\w'’-])(?:{_CAP})(?:[^\S\n]*,[^\S\n]*{_CAP}){{1,6}},?[^\S\n]+(?:and|&)[^\S\n]+"
        rf"{_CAP}(?![\w'’-])"
    )
    _member = compile_later(_CAP)

    def _in_long_list(self, text: str, taken: bytearray) -> list[Finding]:
        """Every member of a list of three or more single capitalised words that holds
        a name ("Me, Kath, Bernie and Sal", "Meenakshi, Vidya and Suresh"): a given
        name that is also a rare English word ("Kath", "Sal", "Vidya") counts here,
        but not an everyday word, a place, a relation or a holiday."""
        added = []
        for match in self._list.finditer(text):
            members = [m.span() for m in self._member.finditer(text, match.start(), match.end())]
            members = [(s, e) for s, e in members if text[s:e] not in ("and",)]
            if not any(any(taken[s:e]) for s, e in members):
                continue
            for s, e in members:
                if any(taken[s:e]) or not _lax_given(text[s:e]):
                    continue
                taken[s:e] = b"\x01" * (e - s)
                added.append(self.finding(s, e))
        return added


def _lax_given(word: str) -> bool:
    """A capitalised word that may be a given name in a list of names: not an
    everyday English word, a place, a relation, a title or a holiday."""
    if len(word) < 2 or any(ch.isupper() for ch in word[1:]) or word in ("Me", "I"):
        return False
    if _not_a_name(word) or word in PLACE_WORDS or word in HOLIDAYS:
        return False
    return word.lower() not in common_words()


class FamilyNameRule(Rule):
    """A family by its surname: "the whole Okonkwo family", "the Doherty family",
    "Morrison family here", "- The Fitzgerald family", "familia Gutiérrez",
    "the Villanueva clan"."""

    id = "name.family_of"
    category = "name"
    severity = REVIEW
    message = "A family called by its surname."
    pattern = compile_later(
        rf"\b(?i:the|our|your|their|his|her)[^\S\n]+(?:(?:whole|entire|wider|extended|lovely)[^\S\n]+)?"
        rf"({_CAP})[^\S\n]+(?:family|families|clan|household)\b"
        rf"|(?:^|(?<=[\n.!?]))[^\S\n]*({_CAP})[^\S\n]+family[^\S\n]+here\b"
        rf"|\b(?i:familia|famille|família|familie|rodzina|pamilya)[^\S\n]+({_CAP})"
    )
    _gate = frozenset("family families clan household familia famille familie".split())

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        if self._gate.isdisjoint(doc.word_set) and "família" not in doc.lower:
            return
        needles = ("famil", "clan", "household")
        windows = _windows(doc.lower, needles, 60, 40)
        for match in (m for lo, hi in windows for m in self.pattern.finditer(doc.text, lo, hi)):
            group = next(g for g in (1, 2, 3) if match.group(g))
            word = match.group(group)
            title = word[:1].upper() + word[1:]
            if any(ch.isupper() for ch in word[1:]):
                continue  # "the GutGlow family" of a brand
            if _not_a_name(word, places=False) or title in PLACE_WORDS:
                continue
            # "the Royal family", "the Addams family" of a song: a surname, or no English word.
            low = word.lower()
            if low in common_words() or (title not in last_names() and is_english_word(low)):
                continue
            if title in place_names():
                continue  # "the whole Leeds family" is a town's
            yield match.span(group)


class TeamNameRule(Rule):
    """People named with the team they are from: "Drew from the chaplaincy",
    "May from the diabetes team", "Olya from physio", "Mark and Mercy from the
    respiratory team"."""

    id = "name.from_team"
    category = "name"
    severity = REVIEW
    message = "Looks like the name of someone from a team or unit."
    _teams = (
        r"team|unit|ward|hospice|chaplaincy|physio|physiotherapy|OT|pharmacy|reception|theatres?"
        r"|group|night\s+shift|day\s+shift|nights|clinic|department|service|crew|staff|practice"
        r"|surgery|radiology|oncology|cardiology|maternity|ICU|HDU|NICU|A&E|ER|dialysis|wards?"
        r"|circle|club|choir|society|support\s+group|church|parish|mosque|temple|gurdwara"
    )
    pattern = compile_later(
        rf"(?<![\w'’-])({_CAP})(?:(?:[^\S\n]*,[^\S\n]*|[^\S\n]+(?:and|&)[^\S\n]+|[^\S\n]*&[^\S\n]*)"
        rf"({_CAP}))?[^\S\n]+(?:from|on|in)[^\S\n]+(?:the[^\S\n]+|our[^\S\n]+)?"
        rf"(?:[\w'’&-]+[^\S\n]+){{0,3}}?(?:{_teams})\b"
    )
    _gate = frozenset(
        "team unit ward hospice chaplaincy physio physiotherapy ot pharmacy reception theatre "
        "theatres group shift nights clinic department service crew staff practice surgery "
        "radiology oncology cardiology maternity icu hdu nicu er dialysis wards circle club choir "
        "society church parish mosque temple gurdwara".split()
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        if self._gate.isdisjoint(doc.word_set) or " from " not in doc.text:
            return
        windows = _windows(doc.lower, (" from ",), 70, 60)
        for match in (m for lo, hi in windows for m in self.pattern.finditer(doc.text, lo, hi)):
            if " from " not in match.group():
                continue  # "on the ward" and "in the unit" say where, not who
            for group in (1, 2):
                word = match.group(group)
                if word and _given(word) and word[:1].upper() + word[1:] not in place_names():
                    yield match.span(group)


class CalledNameRule(Rule):
    """A word said to be a name: "Brownie is what we all called my nan", "Buzz is
    the nickname the nurses gave my son", "Noonan is my married name", "Cristiano
    is my son's name"."""

    id = "name.called"
    category = "name"
    severity = REVIEW
    message = "A word the text says is someone's name or nickname."
    pattern = compile_later(
        rf"(?<![\w'’-])({_CAP})[^\S\n]+(?:is|was|'s|’s)[^\S\n]+"
        r"(?:what[^\S\n]+(?:we|everyone|everybody|they|people|the\s+\w+|he|she|i|I)"
        r"(?:[^\S\n]+all)?[^\S\n]+(?:call|calls|called)\b"
        r"|(?:the|my|his|her|our|their)[^\S\n]+(?:[\w'’-]+[^\S\n]+)?"
        r"(?:(?:nick|pet|married|maiden|middle|first|last|given|real)[^\S\n]*)?name\b"
        r"(?![^\S\n]+(?:of|for)\b))"
    )
    _gate = frozenset(("call", "calls", "called", "name", "nickname"))

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        if self._gate.isdisjoint(doc.word_set):
            return
        windows = _windows(doc.lower, (" call", "name"), 80, 12)
        for match in (m for lo, hi in windows for m in self.pattern.finditer(doc.text, lo, hi)):
            word = match.group(1)
            if re.fullmatch(r"It|This|That|He|She|What|Which|Who|There|Here", word):
                continue
            if _not_a_name(word, places=False):
                continue
            yield match.span(1)


class AddressedNameRule(Rule):
    """A person the author speaks to or asks someone to speak to: "Sue, you're so
    strong", "Achilleas, your strength…", "Beautifully written, Caelan.", "Tell
    Poppy she's a superhero", "give Gaz a hug"."""

    id = "name.addressed"
    category = "name"
    severity = REVIEW
    message = "Looks like the name of a person the author speaks to."
    _you = compile_later(
        rf"(?:^|(?<=[\n.!?]))[^\S\n]*({_CAP}),[^\S\n]+(?:you|you['’](?:re|ve|ll)|youre|your|if[^\S\n]+that['’]s[^\S\n]+you)\b"
    )
    _end = compile_later(rf"(?<=\w),[^\S\n]+({_CAP})[^\S\n]*(?:[.!]+|\Z)(?=\s|\Z)")
    _tell = compile_later(
        rf"\b(?i:tell|give|hug|ask)[^\S\n]+({_CAP})[^\S\n]+(?i:she|he|they|that|i|we|a|how|from)\b"
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        text, lower = doc.text, doc.lower
        reads = [(self._you, _windows(lower, (", you", ", if"), 40, 30))]
        if doc.kind == "comment":
            # A story's ", Texas." or ", Dad." is not someone spoken to.
            reads.append((self._end, [(0, len(text))]))
        if not {"tell", "give", "hug", "ask"}.isdisjoint(doc.word_set):
            reads.append((self._tell, _windows(lower, ("tell", "give", "hug", "ask"), 2, 60)))
        for pattern, windows in reads:
            for lo, hi in windows:
                for match in pattern.finditer(text, lo, hi):
                    if _given(match.group(1)):
                        yield match.span(1)
