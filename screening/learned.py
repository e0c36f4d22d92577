"""The learned crisis reader: a linear model over word and character n-grams.

The crisis rules are classes of phrasing; people in crisis write in more ways
than any list of phrasings holds. ``LearnedCrisisRule`` scores each sentence,
and each pair of neighbouring sentences, with two logistic regressions trained
by ``screening/training/train_crisis.py`` on labelled texts (see README.md):

- ``crisis``: does this read like the author's own suicidal thoughts or intent?
- ``urgent``: given that it does, is it explicit intent, a plan, the means or a
  goodbye (``block``), or a passive wish, a burden, a trap (``review``)?

The weights are a JSON file in ``data/``; scoring is a sum of dictionary
look-ups in plain Python, so the runtime needs neither scikit-learn nor numpy.
The rules stay the floor: a learned finding is kept only where no crisis rule
has flagged the text.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from .base import Document, Rule
from .findings import BLOCK, REVIEW, Finding
from .rules.crisis import BACK_THEN, CAME_THROUGH, CARE_PLAN, DIE_AT_HOME, REPORTED_SPEECH
from .rules.crisis_signals import TO_A_TREATMENT

__all__ = [
    "MODEL_PATH",
    "LearnedCrisisRule",
    "eligible",
    "features",
    "load_model",
    "unit_score",
    "urgent_evidence",
    "unit_features",
    "units",
]

MODEL_PATH = Path(__file__).parent / "data" / "crisis_model.json"

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_CHAR_SIZES = (3, 4, 5)
# Longest unit scored: a story's paragraph without end punctuation is cut here.
_MAX_UNIT = 600


# What the crisis rules know about words that are someone else's or over, read
# over a unit before the model is: advice to readers, quoted speech, a unit
# about someone else with nothing of the author in it.
_TO_READERS = re.compile(
    r"\bif\s+you\b|\byou['’]re\s+not\s+alone\b|\b988\b|\bif\s+anyone\b|\badvice\s+to\b"
    r"|\bto\s+(?:every|all|any)\s+readers?\b"
)
# An imperative to the reader without the author in it: "Please stop taking the metformin."
_IMPERATIVE = re.compile(
    r"^\W*(?:so\s+)?(?:please\s+)?(?:stop|don['’]?t|do\s+not|never|keep|start|take|ask|call|tell|go)\b"
)
_FIRST_PERSON = re.compile(r"\b(?:i|i['’]m|im|i['’]ve|ive|i['’]d|i['’]ll|me|my|mine|myself)\b")
_SOMEONE_ELSE = re.compile(
    r"\b(?:he|she|his|her|him|they|their|he['’]s|she['’]s|they['’]re|patients?|friend|son"
    r"|daughter|brother|sister|mother|father|mom|dad|mum|wife|husband|partner)\b"
)


# "I'm not suicidal", "I want to live": a denial, whose words read like crisis
# to the model ("suicidal", "live"); they are blanked before it reads the unit.
_DENIED = re.compile(
    r"\b(?:i['’]?m|i\s+am)\s+not\s+(?:suicidal|going\s+to\s+(?:kill|hurt|harm)\s+myself|giving\s+up)\b"
    r"|\bi\s+(?:really\s+)?(?:want|wanted)\s+to\s+live\b|\bi\s+don['’]?t\s+want\s+to\s+die\b"
    r"|\b(?:no|n['’]t\s+had\s+(?:any\s+)?)\s*(?:suicidal\s+)?thoughts\s+(?:of|about)\s+"
    r"(?:suicide|ending\s+(?:it|my\s+life)|killing\s+myself|harming\s+myself|hurting\s+myself)\b"
)
# Hyperbole the crisis rules skip, blanked the same way: "I'd rather die than do
# another audit", "killing myself studying", "jump off a bridge for that nurse".
_HYPERBOLE = re.compile(
    r"\b(?:rather|prefer\s+to)\s+(?:be\s+dead|die)\s+than\s+(?:work|do|sit|eat|wait|watch|listen|use|fill"
    r"|attend|pay|queue|drink|wear|deal\s+with|go\s+back\s+(?:there|to\s+(?:that|this|the))|another|more|ask)\b"
    r"|\bkill(?:ing)?\s+myself\s+(?:working|studying|trying|training|running|revising|cleaning|cooking"
    r"|rushing|juggling|commuting|at\s+(?:work|the\s+gym))\b"
    r"|\b(?:jump\s+off\s+a\s+bridge|take\s+a\s+bullet|walk\s+through\s+fire)\s+for\b"
    r"|\b(?:die|died|dying)\s+(?:of|from)\s+(?:embarrassment|shame|laughter|boredom|cringe|cuteness)\b"
    r"|\b(?:wanted|want)\s+to\s+die\s+when\s+i\s+saw\s+(?:the|my|that|how\s+much)\b"
)
# What a learned "urgent" reading needs in its words to be blocked: intent, a
# plan, the means or a time ("tonight", "going to", "I've decided", "saved",
# "the note", "I've got the..."). Without it the finding is for review: on the
# training texts, by cross-validation, most urgent readings without any were
# benign plans and routines ("counted out my pills for the week", "goodbye
# cannula"), and a missed urgent tier still holds the text, first in the queue.
_URGENT_CUE = re.compile(
    r"\b(?:tonight|today|tomorrow|now|this\s+(?:weekend|time|week|evening|morning|afternoon)|the\s+night"
    r"|last\s+night|going\s+to|gonna|i['’]?ll|i\s+will|will|decided|chosen|done\s+it|did\s+it|swallowed"
    r"|took|taken|heading|climbed|tied|friday|saturday|sunday|monday|tuesday|wednesday|thursday|weekend"
    r"|when\s+i\s+finish|right\s+after|after\s+(?:i|she|he|they|mum|mom|dad)|once|ready|plan\w*|enough"
    r"|saved|stash\w*|hidden|hid|bought|ordered|got\s+the|have\s+the|i['’]ve\s+got|i\s+have\s+(?:the|enough)"
    rf"|note|letters?|goodbye(?!{TO_A_TREATMENT})|last)\b"
)
# A routine is not a plan: "counted out my pills for the week, like always".
_ROUTINE = re.compile(
    r"\b(?:like\s+always|as\s+(?:usual|always|prescribed)|every\s+(?:week|day|morning|night|evening)"
    r"|for\s+the\s+week|pill\s+(?:box|organi[sz]er)|dosette|check-?up|appointment|scan)\b"
    # Nor getting rid of a dead person's pills, nor a natural death in its time.
    r"|\b(?:don['’]?t\s+want\s+them\s+(?:in|around|sitting)|get\s+rid\s+of|dispos\w+|take\s+(?:them\s+)?back"
    r"|when\s+my\s+time\s+comes|until\s+then)\b"
)


def urgent_evidence(unit: str) -> bool:
    """Whether a unit the model reads as urgent says intent, a plan, the means
    or a time in so many words, and is not a routine."""
    lower = unit.lower()
    return bool(_URGENT_CUE.search(lower)) and not _ROUTINE.search(lower)


def features(text: str) -> list[str]:
    """The features of a piece of text, each once: words (``w:``), pairs of
    words (``b:``), character 3- to 5-grams inside padded words (``c:``)."""
    lower = text.lower().replace("’", "'")
    words = _TOKEN.findall(lower)
    found = {"w:" + word for word in words}

    found.update(f"b:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    for word in set(words):
        padded = f" {word} "
        for size in _CHAR_SIZES:
            for i in range(len(padded) - size + 1):
                found.add("c:" + padded[i : i + size])
    return sorted(found)


def unit_features(doc: Document, start: int, end: int) -> list[str]:
    """``features`` of a span of ``doc``, made once for the learned crisis and
    label readers, which score the same spans."""
    memo = doc.__dict__.setdefault("_learned_features", {})
    found = memo.get((start, end))
    if found is None:
        found = memo[start, end] = features(doc.text[start:end])
    return found


# Words too common to explain a finding to a moderator.
_FUNCTION_WORDS = frozenset(
    "i me my the a an and or but to of in on at for with it is was be im i'm i've ive "
    "that this so just you your we our they he she his her".split()
)


class Model:
    """Two linear scores over the same features."""

    def __init__(self, data: dict) -> None:
        self.version = data["version"]
        self.bias = data["bias"]  # [crisis, urgent]
        self.weights: dict[str, tuple[float, float]] = {
            name: (pair[0], pair[1]) for name, pair in data["weights"].items()
        }
        # By kind of text: a story has many more sentences to be wrong about.
        self.crisis_thresholds: dict[str, float] = data["thresholds"]["crisis"]
        self.urgent_threshold = data["thresholds"]["urgent"]

    def score(self, feats: list[str]) -> tuple[float, float, list[tuple[float, str]]]:
        """(P(crisis), P(urgent | crisis), the features that pushed crisis up most)."""
        if not feats:
            return 0.0, 0.0, []
        scale = 1 / math.sqrt(len(feats))
        crisis, urgent = 0.0, 0.0
        pushes = []
        get = self.weights.get
        for name in feats:
            pair = get(name)
            if pair is not None:
                crisis += pair[0]
                urgent += pair[1]
                if pair[0] > 0 and name[0] in "bw" and name[2:] not in _FUNCTION_WORDS:
                    pushes.append((pair[0], name))
        return (
            _sigmoid(self.bias[0] + crisis * scale),
            _sigmoid(self.bias[1] + urgent * scale),
            pushes,
        )


def _sigmoid(x: float) -> float:
    if x < -30:
        return 0.0
    return 1 / (1 + math.exp(-x))


@cache
def load_model(path: Path = MODEL_PATH) -> Model:
    with open(path, encoding="utf-8") as handle:
        return Model(json.load(handle))


def units(doc: Document) -> Iterator[tuple[int, int]]:
    """The spans scored: each sentence, each sentence with the one before, and
    a short text (a comment) whole."""
    previous = None
    count = 0
    for start, end in doc.sentences:
        if not doc.text[start:end].strip():
            continue
        count += 1
        yield start, min(end, start + _MAX_UNIT)
        if previous is not None and end - previous <= _MAX_UNIT:
            yield previous, end
        previous = start
    if count > 2 and len(doc.text) <= _MAX_UNIT:
        yield 0, len(doc.text)


def unit_score(model: Model, doc: Document, start: int, end: int):
    """``model.score`` of a unit, with a denial's or a hyperbole's words blanked first."""
    unit = doc.lower[start:end]
    if _DENIED.search(unit) or _HYPERBOLE.search(unit):
        return model.score(features(_HYPERBOLE.sub(" ", _DENIED.sub(" ", unit))))
    return model.score(unit_features(doc, start, end))


def eligible(doc: Document, start: int, end: int) -> bool:
    """Whether the model reads this unit: not advice or quoted speech, not about
    someone else alone, not a past crisis in a text that says the author came through."""
    unit = doc.lower[start:end]
    if _TO_READERS.search(unit) or REPORTED_SPEECH.search(unit):
        return False
    if _IMPERATIVE.search(unit) and not _FIRST_PERSON.search(unit):
        return False
    if _SOMEONE_ELSE.search(unit) and not _FIRST_PERSON.search(unit):
        return False
    if BACK_THEN.search(unit) and doc.found_anywhere(CAME_THROUGH):
        return False
    return not (DIE_AT_HOME.search(unit) and doc.found_anywhere(CARE_PLAN))


class LearnedCrisisRule(Rule):
    id = "crisis.learned"
    category = "crisis"
    severity = REVIEW
    message = "Reads like the author may be at risk of suicide or self-harm (learned model)."

    def __init__(self, model: Model | None = None) -> None:
        self._model = model

    @property
    def model(self) -> Model:
        return self._model or load_model()

    def find(self, doc: Document) -> Iterator[Finding]:
        model = self.model
        best: dict[tuple[int, int], tuple[float, float, list]] = {}
        threshold = model.crisis_thresholds["comment" if doc.kind == "comment" else "story"]
        for start, end in units(doc):
            if not eligible(doc, start, end):
                continue
            crisis, urgent, pushes = unit_score(model, doc, start, end)
            if crisis >= threshold:
                best[start, end] = (crisis, urgent, pushes)
        # Of overlapping flagged spans, keep the most confident.
        taken: list[tuple[int, int]] = []
        for (start, end), (crisis, urgent, pushes) in sorted(
            best.items(), key=lambda item: -item[1][0]
        ):
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            start, end = _trim(doc.text, start, end)
            if start >= end:
                continue
            urgent_now = urgent >= model.urgent_threshold and urgent_evidence(doc.text[start:end])
            severity = BLOCK if urgent_now else REVIEW
            yield Finding(
                category=self.category,
                start=start,
                end=end,
                severity=severity,
                rule=self.id,
                message=_message(severity, crisis, pushes),
                replacement=None,
            )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _message(severity: str, crisis: float, pushes: list[tuple[float, str]]) -> str:
    what = (
        "intent, a plan or the means to end their life"
        if severity == BLOCK
        else "a wish not to be alive, or of being a burden or trapped"
    )
    strongest = [name[2:] for _weight, name in sorted(pushes, reverse=True)[:3]]
    said = ", ".join(f"“{words}”" for words in strongest)
    return f"Reads like {what} (learned model, {crisis:.2f})" + (
        f"; strongest words: {said}." if said else "."
    )
