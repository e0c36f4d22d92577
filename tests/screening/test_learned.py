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


INTENT = "tonight i am going to stop existing"


@pytest.mark.parametrize(
    ("urgent_bias", "sentence", "severity"),
    [(-3.0, WISH, REVIEW), (-3.0, INTENT, REVIEW), (3.0, INTENT, BLOCK)],
)
def test_a_learned_finding_covers_the_sentence_with_its_tier_and_what_it_matched(
    urgent_bias, sentence, severity
):
    text = "Long week on the ward. " + sentence.capitalize() + ". Anyway, thanks for reading."
    doc = Document(text, kind="comment", role="reader")

    (finding,) = LearnedCrisisRule(tiny_model(urgent_bias)).find(doc)

    assert finding.category == "crisis"
    assert finding.rule == "crisis.learned"
    assert finding.severity == severity
    assert text[finding.start : finding.end] == sentence.capitalize() + "."
    assert "learned model" in finding.message
    assert "“existing”" in finding.message or "“stop existing”" in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        WISH,
        "i counted out my pills and now i want to stop existing, like always",
        "i want to stop existing before my scan",
        "i said goodbye to my hair and want to stop existing",
    ],
)
def test_an_urgent_reading_without_intent_a_plan_or_a_time_is_for_review(sentence):
    """The model's urgent reading alone does not block: the words must say
    intent, a plan, the means or a time, and not a routine or a treatment."""
    doc = Document(sentence.capitalize() + ".", kind="comment", role="patient")

    (finding,) = LearnedCrisisRule(tiny_model(3.0)).find(doc)

    assert finding.severity == REVIEW
    assert "wish not to be alive" in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        "tonight i am going to stop existing",
        "i have decided to stop existing on friday",
        "i have saved enough to stop existing",
        "i wrote the note and i want to stop existing",
    ],
)
def test_an_urgent_reading_with_intent_a_plan_the_means_or_a_time_is_blocked(sentence):
    doc = Document(sentence.capitalize() + ".", kind="comment", role="patient")

    (finding,) = LearnedCrisisRule(tiny_model(3.0)).find(doc)

    assert finding.severity == BLOCK
    assert "intent, a plan or the means" in finding.message


def test_the_learned_reader_reads_a_denial_without_its_words():
    """'I'm not suicidal' holds a word the model reads as crisis: it is blanked first."""
    weights = {name: [40.0, 0.0] for name in features("suicidal") if name.startswith("w:")}
    model = Model(
        {
            "version": "test",
            "bias": [-2.0, -3.0],
            "weights": weights,
            "thresholds": {"crisis": {"comment": 0.5, "story": 0.5}, "urgent": 0.5},
        }
    )
    rule = LearnedCrisisRule(model)

    for denial in (
        "I'm not suicidal, I just hate this ward.",
        "To be clear, I am not suicidal.",
        "I have no thoughts of suicide, only of home.",
    ):
        assert list(rule.find(Document(denial, kind="comment"))) == []
    assert list(rule.find(Document("Honestly I feel suicidal on this ward.", kind="comment")))


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
