"""The gates read off the patterns (``screening.gates``): sound, and safe to lose."""

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screening import screen
from screening.base import Document
from screening.engine import screen_document
from screening.gates import NO_GATE, Need, derive_needs, needs, parser_works, rarity_cost
from screening.lazy import resolved
from screening.rules import abuse, credentials, crisis, crisis_signals, patient_disclosure

DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data"
# The sets the rules were tuned and checked on; the sealed set is left alone.
SETS = (
    "screen_tune.jsonl",
    "screen_holdout.jsonl",
    "crisis_tune.jsonl",
    "professionalism_tune.jsonl",
)


def _items():
    for name in SETS:
        with (DATA / name).open(encoding="utf-8") as lines:
            for line in lines:
                item = json.loads(line)
                yield item["text"], item.get("kind", "story"), item.get("role")


ITEMS = list(_items())
DOCS = [Document(text, kind=kind, role=role) for text, kind, role in ITEMS]

# Every gated pattern with the gate the rule reads it through.
SENTENCE_GATED = (
    [(re.compile(p), crisis._NEED) for p in crisis._PATTERNS]
    + [(abuse._ABUSE, abuse._ABUSE_NEED), (credentials._CLAIM, credentials._CLAIM_NEED)]
    + [pair for pairs in crisis_signals._SIGNAL_RES.values() for pair in pairs]
    + list(crisis_signals._OUTRIGHT_RES)
)
STRETCH_GATED = [
    (pattern, need)
    for (_gate, pattern), need in zip(
        patient_disclosure._SUBJECT_PATTERNS, patient_disclosure._SUBJECT_NEEDS, strict=True
    )
    if need is not None
]


def test_the_gates_are_derived_exactly_when_the_parser_can_be_read():
    derived = [resolved(need) for _p, need in SENTENCE_GATED + STRETCH_GATED]
    assert all((need is NO_GATE) is (not parser_works()) for need in derived)


def test_on_this_python_the_parser_is_read():
    # CPython 3.11-3.13 ship re._parser; if this fails, the gates are all off (slow, not wrong).
    assert parser_works()


def test_a_pattern_that_cannot_be_read_gets_no_gate():
    with pytest.raises(ValueError):
        derive_needs([r"(?i)kill\s+myself"], rarity_cost)
    assert needs([r"(?i)kill\s+myself"], rarity_cost) is NO_GATE
    assert needs([r"\d+"], rarity_cost) is NO_GATE  # nothing every match holds


def test_no_gate_lets_every_sentence_through():
    doc = Document("First one. Second, with a comma! Third")
    assert all(doc.holds(NO_GATE, *span) for span in doc.sentences)
    assert doc.sentences_holding(NO_GATE) == doc.sentences
    assert doc.unpunctuated(NO_GATE) == [(0, len(doc.text))]
    assert not doc.holds(Need(frozenset({"absent"}), ()), 0, len(doc.text))


@pytest.mark.parametrize("index", range(len(SENTENCE_GATED)))
def test_sentence_gates_pass_every_sentence_their_pattern_matches_in(index):
    pattern, need = SENTENCE_GATED[index]
    for doc in DOCS:
        for start, end in doc.sentences:
            if pattern.search(doc.lower, start, end):
                assert doc.holds(need, start, end), (pattern.pattern, doc.text[start:end])


@pytest.mark.parametrize("index", range(len(SENTENCE_GATED)))
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_sentence_gates_pass_text_made_to_match_their_pattern(index, data):
    pattern, need = SENTENCE_GATED[index]
    text = data.draw(st.from_regex(resolved(pattern), alphabet=st.characters(codec="ascii")))
    doc = Document(text)
    for start, end in doc.sentences:
        if pattern.search(doc.lower, start, end):
            assert doc.holds(need, start, end), (pattern.pattern, text)


def test_stretch_gates_hold_every_match_of_their_pattern():
    for pattern, need in STRETCH_GATED:
        for doc in DOCS:
            stretches = doc.unpunctuated(need)
            for match in pattern.finditer(doc.text):
                assert any(s <= match.start() and match.end() <= e for s, e in stretches), (
                    pattern.pattern,
                    match.group(),
                )


def test_screening_without_any_gate_gives_the_same_findings():
    for text, kind, role in ITEMS:
        ungated = screen_document(Document(text, kind=kind, role=role, gated=False))
        assert ungated == screen(text, kind=kind, role=role)
