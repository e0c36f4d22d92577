"""The learned name reader: a logistic regression over a word and its context.

The name rules know names by lists, titles, relations and verbs; a name the
lists miss, or one that is also an English word, is found only where a rule's
context fits. ``LearnedNameRule`` reads every capitalised word (and every lower-case
word a name list knows and no dictionary does) with features of the word
itself (its letters, its shape, which lists know it) and of its neighbours
(the words before and after, whether it starts a sentence), scored by a
linear model trained by ``screening/training/train_names.py`` on the names
labelled in the tuning sets and on sentences made from the name lists and
templates (see README.md).

The weights are ``data/name_model.json``; scoring is a sum of dictionary
look-ups. The rules stay the floor: a learned finding is added only over words
no name rule has flagged, and only at a high threshold.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from .base import Document, Rule
from .findings import REVIEW, Finding
from .lexicons import (
    EPONYMS,
    GIVEN_WORD_NAMES,
    HOLIDAYS,
    KINSHIP_TITLES,
    MONTHS,
    NEVER_NAMES,
    NOT_NAMES,
    PLACE_WORDS,
    TITLES,
    common_word_names,
    dictionary_words,
    first_names,
    last_names,
    place_names,
)
from .rules.cased_names import is_english_word
from .rules.name_context import institution_spans, phrase_spans

__all__ = [
    "NAME_MODEL_PATH",
    "LearnedNameRule",
    "candidates",
    "eligible",
    "token_features",
    "tokens",
]

NAME_MODEL_PATH = Path(__file__).parent / "data" / "name_model.json"

_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+|[^\w\s]|\n")
_SENTENCE_END = frozenset('.!?:;…\n"“”')
_TITLE_WORDS = frozenset(t.rstrip(".").lower() for t in TITLES)

Tok = tuple[str, int, int]


def tokens(text: str) -> list[Tok]:
    """Words, numbers, punctuation marks and line breaks, with their offsets."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _is_word(tok: str) -> bool:
    return tok[:1].isalpha()


def _stem(word: str) -> str:
    return word[:-2] if word[-2:] in ("'s", "’s") else word


def candidates(toks: list[Tok]) -> Iterator[int]:
    """The indexes of the words the model reads: capitalised words of two letters
    or more, and lower-case words of three or more that no English word list knows
    (nor their stem), as names typed in lower case are."""
    for i, (tok, _s, _e) in enumerate(toks):
        if not _is_word(tok) or len(tok) < 2:
            continue
        if tok[0].isupper():
            if tok.isupper():
                continue  # acronyms and words in capitals: the upper-case rule's
            yield i
        elif tok.islower():
            word = _stem(tok)
            if len(word) >= 3 and "'" not in word and "’" not in word and not is_english_word(word):
                yield i


# Words before a capitalised word that make it part of a place's or saint's name
# ("San Jose", "St Anthony", "Te Aro", "Port Talbot", "Ward Nightingale").
_PLACE_PREFIXES = frozenset(
    "st saint san santa santo são sao te port fort mount mt lake ward upper lower"
    " north south east west".split()
)


def eligible(text: str, toks: list[Tok], word_set: frozenset[str]) -> Iterator[int]:
    """The candidates the rules' exclusions leave: not inside a song, brand,
    greeting or devotion (``not_name_phrases.txt``) nor a health system named after
    a person, not a word the lists say is never a name here (a title, a kinship
    word, an eponym, a holiday), not after a place or saint prefix ("San Jose",
    "St Anthony"), not before a place or organisation word ("Harley Street")."""
    blocked = (
        institution_spans(text)
        + phrase_spans(text, word_set)
        + phrase_spans(text.lower(), word_set, lowered=True)
    )
    for i in candidates(toks):
        raw, start, end = toks[i]
        if any(s <= start and end <= e for s, e in blocked):
            continue
        word = _stem(raw)
        title = word[:1].upper() + word[1:]
        if title in NEVER_NAMES or title in NOT_NAMES or title in KINSHIP_TITLES:
            continue
        if title in EPONYMS or title in HOLIDAYS or title.rstrip(".").lower() in _TITLE_WORDS:
            continue
        before = toks[i - 1][0] if i else ""
        if before == "." and i > 1:
            before = toks[i - 2][0]  # "St. Anthony"
        if raw[:1].isupper() and before[:1].isupper() and before.lower() in _PLACE_PREFIXES:
            continue
        after = toks[i + 1][0] if i + 1 < len(toks) else ""
        if raw == word and after in PLACE_WORDS:
            continue
        yield i


def _shape(word: str) -> str:
    out = []
    for ch in word:
        kind = "X" if ch.isupper() else "x" if ch.islower() else ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)


def _neighbour(toks: list[Tok], i: int, step: int) -> str:
    j = i + step
    if j < 0 or j >= len(toks):
        return "<edge>"
    tok = toks[j][0]
    if _is_word(tok):
        if tok[0].isupper():
            return "C:" + tok.lower() if tok.lower() in _TITLE_WORDS else "<cap>"
        return tok.lower()
    return "<num>" if tok.isdigit() else tok


def _elsewhere(toks: list[Tok]) -> tuple[set[str], set[str]]:
    """The words of a text capitalised in mid-sentence, and those written in lower case."""
    mid, low = set(), set()
    for j, (tok, _s, _e) in enumerate(toks):
        if not _is_word(tok):
            continue
        if tok[0].isupper():
            if j and toks[j - 1][0] not in _SENTENCE_END:
                mid.add(_stem(tok))
        elif tok.islower():
            low.add(_stem(tok))
    return mid, low


def token_features(toks: list[Tok], i: int, elsewhere=None) -> list[str]:
    """The features of word ``i`` among ``toks`` (``elsewhere``: ``_elsewhere(toks)``,
    made once a text)."""
    if elsewhere is None:
        elsewhere = _elsewhere(toks)
    raw = toks[i][0]
    word = _stem(raw)
    title = word[:1].upper() + word[1:]
    lower = word.lower()
    start = i == 0 or toks[i - 1][0] in _SENTENCE_END
    capital = raw[:1].isupper()
    lists = []
    if title in first_names():
        lists.append("first")
    if title in last_names():
        lists.append("last")
    if lower in dictionary_words():
        lists.append("dict")
    if title in place_names() or title in PLACE_WORDS:
        lists.append("place")
    if title in common_word_names():
        lists.append("wordname")
    if title in GIVEN_WORD_NAMES:
        lists.append("givenword")
    if title in NOT_NAMES or title in KINSHIP_TITLES or title in EPONYMS:
        lists.append("notname")
    if title in MONTHS or title in HOLIDAYS:
        lists.append("month")
    if not word.isascii():
        lists.append("script")
    p1, p2 = _neighbour(toks, i, -1), _neighbour(toks, i, -2)
    n1, n2 = _neighbour(toks, i, 1), _neighbour(toks, i, 2)
    pos = "start" if start else "mid"
    case = "cap" if capital else "low"
    feats = [
        "bias",
        "w:" + lower,
        "shape:" + _shape(word),
        "s3:" + lower[-3:],
        "s2:" + lower[-2:],
        "p3:" + lower[:3],
        "len:" + str(min(len(word), 9)),
        "pos:" + pos,
        "case:" + case,
        "poss:" + str(raw != word),
        "p1:" + p1,
        "p2:" + p2,
        "n1:" + n1,
        "n2:" + n2,
        "p2p1:" + p2 + "_" + p1,
        "n1n2:" + n1 + "_" + n2,
        "lists:" + "+".join(lists),
    ]
    feats.extend("in:" + name for name in lists)
    feats.extend(f"{pos}{case}:{name}" for name in lists or ["none"])
    feats.extend(f"n1{pos}:{n1}_{name}" for name in lists or ["none"])
    feats.append(f"p1:{p1}_{'+'.join(lists)}")
    nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
    if nxt[:1].islower():
        feats.append("n1s2:" + nxt[-2:])
    if capital and start and title in elsewhere[0]:
        feats.append("else:cap_mid")
    if capital and lower in elsewhere[1]:
        feats.append("else:lower")
    return feats


class NameModel:
    def __init__(self, data: dict) -> None:
        self.version = data["version"]
        self.bias = data["bias"]
        self.weights: dict[str, float] = data["weights"]
        self.threshold = data["threshold"]

    def score(self, feats: list[str]) -> tuple[float, list[tuple[float, str]]]:
        get = self.weights.get
        total = self.bias
        pushes = []
        for name in feats:
            weight = get(name)
            if weight is not None:
                total += weight
                if weight > 0:
                    pushes.append((weight, name))
        if total < -30:
            return 0.0, pushes
        return 1 / (1 + math.exp(-total)), pushes


@cache
def load_name_model(path: Path = NAME_MODEL_PATH) -> NameModel:
    with open(path, encoding="utf-8") as handle:
        return NameModel(json.load(handle))


_EXPLAINED = {
    "p1": "the word before",
    "n1": "the word after",
    "p2": "two words before",
    "n2": "two words after",
    "in": "a name list",
    "w": "the word itself",
}


class LearnedNameRule(Rule):
    id = "name.learned"
    category = "name"
    severity = REVIEW
    message = "Reads like a person's name (learned model)."

    def __init__(self, model: NameModel | None = None) -> None:
        self._model = model

    @property
    def model(self) -> NameModel:
        return self._model or load_name_model()

    def find(self, doc: Document) -> Iterator[Finding]:
        model = self.model
        toks = tokens(doc.text)
        elsewhere = _elsewhere(toks)
        for i in eligible(doc.text, toks, doc.word_set):
            probability, pushes = model.score(token_features(toks, i, elsewhere))
            if probability < model.threshold:
                continue
            raw, start, end = toks[i]
            end = start + len(_stem(raw))
            yield Finding(
                category=self.category,
                start=start,
                end=end,
                severity=self.severity,
                rule=self.id,
                message=_message(probability, pushes),
                replacement="[name]",
            )


def _message(probability: float, pushes: list[tuple[float, str]]) -> str:
    signals = []
    for _weight, name in sorted(pushes, reverse=True):
        kind = name.split(":", 1)[0]
        if kind in _EXPLAINED and _EXPLAINED[kind] not in signals:
            signals.append(_EXPLAINED[kind])
        if len(signals) == 2:
            break
    said = " and ".join(signals)
    return f"Reads like a person's name (learned model, {probability:.2f})" + (
        f"; strongest signals: {said}." if said else "."
    )
