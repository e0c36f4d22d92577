"""The learned label reader: a linear model over word and character n-grams
for the five professionalism labels.

The professionalism rules were tuned on five to ten examples a label, and on
text they have not seen they miss half the medical advice and promotion (the
phrasings of people who never read them). ``LearnedLabelRule`` scores the same
spans as the learned crisis reader (each sentence, each sentence with the one
before, a short text whole) with one logistic regression a label, trained by
``screening/training/train_labels.py`` (see README.md):

- ``medical_advice``: telling readers to take, stop or change a treatment;
- ``credential_claim``: the author claims a clinical credential or title;
- ``patient_disclosure``: the author describes another patient's clinical details;
- ``abuse``: insults, profanity at people, harassment, threats;
- ``promotion``: selling a product or service.

The weights are a JSON file in ``data/``; scoring is a sum of dictionary
look-ups in plain Python, as for the crisis reader. The rules stay the floor: a
learned finding is kept only where no rule of its category has flagged any of
its words.
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
from .learned import units

__all__ = [
    "LABELS",
    "LABELS_MODEL_PATH",
    "LabelModel",
    "LearnedLabelRule",
    "label_features",
    "load_label_model",
]

LABELS_MODEL_PATH = Path(__file__).parent / "data" / "labels_model.json"

#: The categories the reader scores, in the order of each weight's values.
LABELS = ("medical_advice", "credential_claim", "patient_disclosure", "abuse", "promotion")

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[,.;:!?]")
_CHAR_SIZES = (3, 4, 5)
# A predicate denied: "you are not lazy", "you're not a burden", "it doesn't mean
# you're weak", "nobody thinks you're stupid". Its words, to the next punctuation
# or "but" (five at most), are read as denied ("n:lazy"), not as said.
_DENIAL = frozenset("not never n't".split())
_COPULA = frozenset("are is am was were 're 's 'm".split())
_DENIED_VERBS = frozenset("aren't isn't wasn't weren't".split())
_SCOPE_ENDS = frozenset([*",.;:!?", "but"])

# "My mother spent thirty years as a nurse": a relation or a third person and
# nothing of the author, where a career or title is someone else's.
_AUTHOR = re.compile(r"\b(?:i|i['’]m|im|i['’]ve|ive|i['’]d|i['’]ll)\b")
_SOMEONE_ELSE = re.compile(
    r"\b(?:he|she|they|his|her|their|(?:(?:my|our)\s+(?:[\w-]+\s+)?)?(?:mother|mom|mum|father|dad"
    r"|wife|husband|son|daughter|sister|brother|aunt|uncle|friend|grand\w*|gran|nan|cousin"
    r"|partner|neighbou?r|colleague)s?)\b"
)


def label_features(text: str) -> list[str]:
    """The crisis reader's kinds of features (``learned.features``: words, pairs
    of words, character 3- to 5-grams inside words), with the words of a denied
    predicate marked ``n:`` and left out of the character n-grams."""
    lower = text.lower().replace("’", "'")
    tokens = _TOKEN.findall(lower)
    words: list[str] = []
    plain: set[str] = set()
    scope = 0
    previous = ""
    for word in tokens:
        if word in _SCOPE_ENDS:
            scope = 0
            previous = word
            if word != "but":
                continue
        if scope:
            words.append("n:" + word)
            scope -= 1
        else:
            words.append(word)
            plain.add(word)
        if (word in _DENIAL and previous in _COPULA) or word in _DENIED_VERBS:
            scope = 5
        elif word in ("mean", "thinks") and previous in ("doesn't", "nobody", "not"):
            scope = 5
        elif word.endswith(("'re", "'s")) or word in ("i'm",):
            previous = word[word.index("'") :]
            continue
        previous = word
    found = {w if w.startswith("n:") else "w:" + w for w in words}
    found.update(f"b:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    for word in plain:
        padded = f" {word} "
        for size in _CHAR_SIZES:
            for i in range(len(padded) - size + 1):
                found.add("c:" + padded[i : i + size])
    return sorted(found)


# What a moderator is told each label's finding reads like.
_READS_LIKE = {
    "medical_advice": "advice to readers to take, stop or change a treatment",
    "credential_claim": "the author claiming a clinical credential or title",
    "patient_disclosure": "another patient's clinical details",
    "abuse": "an insult, abuse or a threat aimed at someone",
    "promotion": "advertising or selling",
}

# Words too common to explain a finding to a moderator.
_FUNCTION_WORDS = frozenset(
    "i me my the a an and or but to of in on at for with it is was be im i'm i've ive "
    "that this so just you your we our they he she his her a's it's".split()
)


class LabelModel:
    """One linear score a label over the same features."""

    def __init__(self, data: dict) -> None:
        self.version = data["version"]
        self.labels: tuple[str, ...] = tuple(data["labels"])
        self.bias: list[float] = data["bias"]
        self.weights: dict[str, list[float]] = data["weights"]
        # By label, then by kind of text ("comment", "story").
        self.thresholds: dict[str, dict[str, float]] = data["thresholds"]

    def score(self, feats: list[str]) -> list[tuple[float, list[tuple[float, str]]]]:
        """For each label: (P(label), the word features that pushed it up most)."""
        n = len(self.labels)
        if not feats:
            return [(0.0, []) for _ in range(n)]
        scale = 1 / math.sqrt(len(feats))
        sums = [0.0] * n
        pushes: list[list[tuple[float, str]]] = [[] for _ in range(n)]
        get = self.weights.get
        for name in feats:
            values = get(name)
            if values is None:
                continue
            explains = name[0] in "bw" and name[2:] not in _FUNCTION_WORDS
            for i, value in enumerate(values):
                sums[i] += value
                if explains and value > 0:
                    pushes[i].append((value, name))
        return [(_sigmoid(self.bias[i] + sums[i] * scale), pushes[i]) for i in range(n)]


#: Lowest thresholds, over the cross-validated ones of the model file: a promotion
#: threshold of 0.525 for comments flagged short sign-offs and calls to reply
#: ("Slán for now.", "Message me on here.") at 0.59-0.68 on clean comments of the
#: tuning sets, while no promotion comment of prof_train, professionalism_tune or the
#: tuning sets scores under 0.7.
THRESHOLD_FLOORS: dict[tuple[str, str], float] = {("promotion", "comment"): 0.7}


def _sigmoid(x: float) -> float:
    if x < -30:
        return 0.0
    return 1 / (1 + math.exp(-x))


@cache
def load_label_model(path: Path = LABELS_MODEL_PATH) -> LabelModel:
    with open(path, encoding="utf-8") as handle:
        return LabelModel(json.load(handle))


class LearnedLabelRule(Rule):
    """Findings of the five professionalism categories, one rule id each:
    ``<category>.learned``."""

    id = "labels.learned"
    category = "professionalism"
    severity = REVIEW
    message = "Reads like a professionalism problem (learned model)."

    def __init__(self, model: LabelModel | None = None) -> None:
        self._model = model

    @property
    def model(self) -> LabelModel:
        return self._model or load_label_model()

    def find(self, doc: Document) -> Iterator[Finding]:
        model = self.model
        kind = "comment" if doc.kind == "comment" else "story"
        best: list[dict[tuple[int, int], tuple[float, list]]] = [{} for _ in model.labels]
        cut = [
            max(model.thresholds[label][kind], THRESHOLD_FLOORS.get((label, kind), 0.0))
            for label in model.labels
        ]
        for start, end in units(doc):
            scores = model.score(label_features(doc.text[start:end]))
            for i, (p, pushes) in enumerate(scores):
                if p >= cut[i] and (
                    model.labels[i] != "credential_claim" or _of_the_author(doc, start, end)
                ):
                    best[i][start, end] = (p, pushes)
        for i, label in enumerate(model.labels):
            # Of overlapping flagged spans, keep the most confident.
            taken: list[tuple[int, int]] = []
            for (start, end), (p, pushes) in sorted(best[i].items(), key=lambda kv: -kv[1][0]):
                if any(s < end and start < e for s, e in taken):
                    continue
                taken.append((start, end))
                start, end = _trim(doc.text, start, end)
                if start < end:
                    yield Finding(
                        category=label,
                        start=start,
                        end=end,
                        severity=REVIEW,
                        rule=f"{label}.learned",
                        message=_message(label, p, pushes),
                        replacement=None,
                    )


def _of_the_author(doc: Document, start: int, end: int) -> bool:
    """Whether a span may tell the author's own credential: not one about a
    relation or a third person with nothing of the author in it."""
    unit = doc.lower[start:end]
    return bool(_AUTHOR.search(unit)) or not _SOMEONE_ELSE.search(unit)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _message(label: str, p: float, pushes: list[tuple[float, str]]) -> str:
    strongest = [name[2:] for _weight, name in sorted(pushes, reverse=True)[:3]]
    said = ", ".join(f"“{words}”" for words in strongest)
    return f"Reads like {_READS_LIKE[label]} (learned model, {p:.2f})" + (
        f"; strongest words: {said}." if said else "."
    )
