"""The learned crisis reader: its findings' shape, the off switch, and that it
never breaks the screen."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import screening
from screening import BLOCK, REVIEW, screen
from screening.base import Document
from screening.learned import LearnedCrisisRule, Model, features, load_model

# Phrasings no crisis rule knows; what the model makes of them depends on its
# training, so the shape tests use a model made here, and the shipped model is
# only asked to flag texts it was trained on.
WISH = "i just wish i could stop existing"


def tiny_model(urgent_bias: float) -> Model:
    """A model that reads "stop existing" as crisis, with a chosen tier."""
    weights = {name: [40.0, 0.0] for name in features("stop existing") if name.startswith("w:")}
    return Model(
        {
            "version": "test",
            "bias": [-2.0, urgent_bias],
            "weights": weights,
            "thresholds": {"crisis": {"comment": 0.5, "story": 0.5}, "urgent": 0.5},
        }
    )


@pytest.mark.parametrize(("urgent_bias", "severity"), [(-3.0, REVIEW), (3.0, BLOCK)])
def test_a_learned_finding_covers_the_sentence_with_its_tier_and_what_it_matched(
    urgent_bias, severity
):
    text = "Long week on the ward. " + WISH.capitalize() + ". Anyway, thanks for reading."
    doc = Document(text, kind="comment", role="reader")

    (finding,) = LearnedCrisisRule(tiny_model(urgent_bias)).find(doc)

    assert finding.category == "crisis"
    assert finding.rule == "crisis.learned"
    assert finding.severity == severity
    assert text[finding.start : finding.end] == WISH.capitalize() + "."
    assert "learned model" in finding.message
    assert "“existing”" in finding.message or "“stop existing”" in finding.message


def test_the_learned_reader_skips_advice_to_readers_and_quoted_speech():
    rule = LearnedCrisisRule(tiny_model(-3.0))

    for text in (
        "If you want to stop existing, call 988.",
        'My dad keeps saying "I want to stop existing" since his stroke.',
    ):
        assert list(rule.find(Document(text, kind="comment"))) == []


def test_the_shipped_model_flags_a_wish_no_rule_knows():
    assert set(load_model().crisis_thresholds) == {"comment", "story"}
    found = [f for f in screen(WISH, kind="comment", learned=True) if f.category == "crisis"]

    assert [f.rule for f in found] == ["crisis.learned"]


def test_the_learned_reader_can_be_turned_off():
    assert [f for f in screen(WISH, kind="comment", learned=False) if f.category == "crisis"] == []


def test_configure_sets_the_default_and_an_argument_overrides_it():
    before = screening.learned_enabled()
    try:
        screening.configure(learned=False)
        assert not any(f.rule == "crisis.learned" for f in screen(WISH, kind="comment"))
        assert any(f.rule == "crisis.learned" for f in screen(WISH, kind="comment", learned=True))
        screening.configure(learned=True)
        assert any(f.rule == "crisis.learned" for f in screen(WISH, kind="comment"))
    finally:
        screening.configure(learned=before)


def test_a_crisis_rule_keeps_its_explanation_where_both_fire():
    text = "I have been stockpiling my oxycodone and I wish I could stop existing."

    crisis = [f for f in screen(text, learned=True) if f.category == "crisis"]

    assert crisis and all(f.rule != "crisis.learned" for f in crisis)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.sampled_from(["story", "comment"]))
def test_any_text_screens_with_the_learned_reader_and_spans_lie_inside(text, kind):
    for finding in screen(text, kind=kind, learned=True):
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.severity in (BLOCK, REVIEW)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "I looked up how many it takes.",
                "no point anymore",
                "Thanks for sharing!",
                "my mum said she's fine",
                "\n\n",
                "i'm done.",
                "  ",
                "We went home on Tuesday.",
            ]
        ),
        max_size=12,
    )
)
def test_learned_findings_cover_whole_sentences_without_surrounding_space(parts):
    text = " ".join(parts)
    for finding in screen(text, kind="comment", learned=True):
        if finding.rule == "crisis.learned":
            snippet = text[finding.start : finding.end]
            assert snippet == snippet.strip() and snippet
