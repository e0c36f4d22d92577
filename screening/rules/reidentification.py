"""Re-identification: details harmless alone that together can point to one person.

A rare condition or a small town narrows a story down to a few people; a second
detail (the other of those two, an exact date, an age, a job, a hospital unit)
can narrow it to one. The rule says which words combine, so that a moderator can
decide which of them to leave out. Small towns are the US places of fewer than
20,000 people (HIPAA's Safe Harbor threshold) in ``data/small_towns.txt.gz``;
rare conditions the curated ``data/rare_conditions.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..base import Document, Rule
from ..findings import REVIEW, Finding
from ..lexicons import PLACE_WORDS, small_towns, state_names_pattern, word_list

CONDITION = "a rare condition"
TOWN = "a town of fewer than 20,000 people"
DATE = "an exact date"
AGE = "an age"
JOB = "a job"
UNIT = "a hospital unit"
# What stands out on its own; each also counts as the other's second detail.
ANCHORS = (CONDITION, TOWN)

MAX_QUOTED = 4


def _loose(entry: str) -> str:
    """A rare_conditions.txt entry as a pattern: "'s" optional (either apostrophe, or none), a
    hyphen or a space matching either."""
    out = []
    for part in re.split(r"('s|-| )", entry):
        if part == "'s":
            out.append(r"(?:['’]?s)?")
        elif part in ("-", " "):
            out.append(r"[-\s]+")
        elif part:
            out.append(re.escape(part))
    return "".join(out)


@cache
def _conditions() -> re.Pattern[str]:
    entries = sorted(word_list("rare_conditions"), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(_loose(entry) for entry in entries)})(?![\w-])")


@cache
def _condition_triggers() -> tuple[frozenset[str], tuple[str, ...]]:
    """The first word of each condition ("cystic", "huntington", "huntingtons"): the
    pattern runs only in the sentences that hold one. A first word that is not plain
    ASCII ("behçet's") is looked for as a fragment of the text instead."""
    words, fragments = set(), []
    for entry in word_list("rare_conditions"):
        first = re.split(r"[-\s]", entry)[0]
        stem = first.removesuffix("'s")
        if stem.isascii() and stem.isalpha():
            words.add(stem)
            if stem != first:
                words.add(stem + "s")
        else:
            fragments.append(stem)
    return frozenset(words), tuple(fragments)


def _condition_spans(doc: Document) -> Iterator[tuple[int, int]]:
    words, fragments = _condition_triggers()
    if any(fragment in doc.lower for fragment in fragments):
        matches = _conditions().finditer(doc.lower)
    else:
        matches = doc.scan(words, _conditions())
    for match in matches:
        yield match.span()


_CAPITALISED = r"[A-Z][\w'’.-]*"
_RUN = rf"{_CAPITALISED}(?:[ ]{_CAPITALISED}){{0,3}}"
# "in Kewanee", "from Punta Gorda", "the mayor of Altus".
_TOWN_AFTER = re.compile(
    r"(?<!\w)(?:[Ii]n|[Ff]rom|[Nn]ear|[Oo]utside|[Aa]round|[Tt]o|[Aa]t|[Oo]f|[Cc]alled)"
    rf"\s+(?=[A-Z])(?P<run>{_RUN})"
)


@cache
def _town_before_state() -> re.Pattern[str]:
    """ "Kewanee, Illinois", "Kewanee, IL"."""
    return re.compile(rf"(?P<run>{_RUN}),[^\S\n]+(?:{state_names_pattern()})\b")


_MONTH = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
# "March 3", "3rd of March, 2024", "3/14/2024" (the text as written: months capitalised).
_DATE = re.compile(
    rf"\b(?:(?:{_MONTH})\.?[^\S\n]+\d{{1,2}}(?:st|nd|rd|th)?(?![\d:])(?:,?[^\S\n]+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?[^\S\n]+(?:of[^\S\n]+)?(?:{_MONTH})\b(?:,?[^\S\n]+\d{{4}})?"
    r"|\d{1,2}/\d{1,2}/\d{2,4}\b)"
)
_NUMBER = (
    r"\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
)
# In the lower-cased text: "34-year-old", "aged 34", "at the age of 34", "she was 34,".
_AGE = re.compile(
    rf"\b(?:{_NUMBER})[- ](?:years?|months?|weeks?)[- ]old\b"
    r"|\baged?[^\S\n]+\d{1,3}\b(?![.,]\d)"
    r"|\bat[^\S\n]+the[^\S\n]+age[^\S\n]+of[^\S\n]+\d{1,3}\b"
    r"|\b(?:i|he|she)[^\S\n]+(?:was|is|am|turned)[^\S\n]+\d{1,3}"
    r"(?=[^\S\n]*(?:[,;!?)]|\.(?!\d)|$|[^\S\n]+(?:when|and|but|years)\b))"
)
_KIN = (
    r"husband|wife|son|daughter|father|mother|dad|mum|mom|partner|brother|sister"
    r"|grandfather|grandmother|grandpa|grandma"
)


@cache
def _job() -> re.Pattern[str]:
    """A job said of the author or their family: "I am a teacher", "my husband, a
    farmer", "she worked as a nurse" (in the lower-cased text)."""
    jobs = "|".join(
        re.escape(job).replace(r"\ ", r"[^\S\n]+")
        for job in sorted(word_list("occupations"), key=len, reverse=True)
    )
    return re.compile(
        rf"\b(?:i[^\S\n]+am|i['’]m|i[^\S\n]+was|i[^\S\n]+(?:work|worked)[^\S\n]+as"
        rf"|(?:he|she)[^\S\n]+(?:is|was|works[^\S\n]+as|worked[^\S\n]+as)|(?:he|she)['’]s"
        rf"|my[^\S\n]+(?:{_KIN})[^\S\n]+(?:is|was)|(?:{_KIN}),)"
        rf"[^\S\n]+(?:a|an)[^\S\n]+(?:(?:retired|former|local|school)[^\S\n]+)?"
        rf"(?P<job>{jobs})s?\b"
    )


# A named or numbered ward or unit: "Ward 7B", "Unit 4", "5 West", "the NICU", "the burns unit".
_UNIT = re.compile(
    r"\b(?:[Ww]ard|[Uu]nit|[Ff]loor|[Bb]ay|[Pp]od)[^\S\n]+(?:\d{1,2}[A-Z]?|[A-HJ-Z]\d{0,2})\b"
    r"|\b\d{1,2}[^\S\n]?(?:North|South|East|West)\b"
    r"|\b(?:NICU|PICU|CICU|CVICU|SICU|MICU)\b"
    r"|\b(?i:(?:burns?|stroke|spinal|transplant|oncology|dialysis|neonatal|psychiatric"
    r"|maternity|rehabilitation|rehab|step-down|renal|haematology|hematology)"
    r"[^\S\n]+(?:unit|ward))\b"
)


def _towns(doc: Document) -> Iterator[tuple[int, int]]:
    """Small towns named as places: after "in", "from"... or before a state. Not the
    start of an organisation's name ("at Lakeshore Regional", "Adelphi University"):
    hospitals are named after regions as often as after their towns."""
    towns = small_towns()
    for match in _TOWN_AFTER.finditer(doc.text):
        words = match.group("run").split(" ")
        for size in range(len(words), 0, -1):  # the longest name the run starts with
            name = " ".join(words[:size]).rstrip(".'’")
            if size < len(words) and words[size].rstrip(".,'’") in PLACE_WORDS:
                break
            if name in towns:
                start = match.start("run")
                yield start, start + len(name)
                break
    for match in _town_before_state().finditer(doc.text):
        words = match.group("run").split(" ")
        for size in range(len(words), 0, -1):  # the longest name the run ends with
            name = " ".join(words[-size:])
            if name in towns:
                end = match.end("run")
                yield end - len(name), end
                break


class ReidentificationRule(Rule):
    """A rare condition or a small town, with a second detail that narrows it down."""

    id = "address.reidentification"
    category = "address"
    severity = REVIEW
    message = "These details together could identify someone."

    def details(self, doc: Document) -> list[tuple[int, int, str]]:
        """Every detail the rule knows, as (start, end, kind), in text order."""
        found: set[tuple[int, int, str]] = set()
        found.update((*span, CONDITION) for span in _condition_spans(doc))
        found.update((*span, TOWN) for span in _towns(doc))
        if not found:
            return []
        found.update((*m.span(), DATE) for m in _DATE.finditer(doc.text))
        found.update((*m.span(), AGE) for m in _AGE.finditer(doc.lower))
        found.update((*m.span("job"), JOB) for m in _job().finditer(doc.lower))
        found.update((*m.span(), UNIT) for m in _UNIT.finditer(doc.text))
        return sorted(found)

    def find(self, doc: Document) -> Iterator[Finding]:
        details = self.details(doc)
        anchors = [d for d in details if d[2] in ANCHORS]
        if not anchors:
            return
        # Each wording once; a second detail is one of another kind than the first
        # anchor (the other anchor kind counts: "cystic fibrosis" in "Kewanee").
        first = anchors[0]
        words: dict[str, tuple[int, int, str]] = {}
        for start, end, kind in details:
            words.setdefault(doc.text[start:end].lower(), (start, end, kind))
        others = [d for d in words.values() if d[2] != first[2]]
        if not others:
            return
        quoted = [first, others[0]]
        quoted += [d for d in words.values() if d not in quoted][: MAX_QUOTED - 2]
        quoted.sort()
        listed = [f"“{doc.text[start:end]}” ({kind})" for start, end, kind in quoted]
        together = ", ".join(listed[:-1]) + " and " + listed[-1]
        start, end, kind = first
        yield Finding(
            category=self.category,
            start=start,
            end=end,
            severity=self.severity,
            rule=self.id,
            message=f"Together these could identify someone: {together}.",
            replacement="[town]" if kind == TOWN else None,
        )
