"""The learned label reader: its findings' shape, the rules as its floor, the
off switch, and that it never breaks the screen."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screening import BLOCK, PROFESSIONALISM, REVIEW, screen
from screening.base import Document
from screening.learned import features
from screening.learned_labels import LABELS, LabelModel, LearnedLabelRule, load_label_model

# What the shipped model makes of a phrasing depends on its training, so the
# shape tests use a model made here; the shipped one is only asked about texts
# like those it was trained on.
PITCH = "our turmeric drops are on the shelf"


def tiny_model(label: str) -> LabelModel:
    """A model that reads the content words of ``PITCH`` as ``label``."""
    at = LABELS.index(label)
    weights = {
        name: [40.0 if i == at else 0.0 for i in range(len(LABELS))]
        for name in features("turmeric drops shelf")
        if name.startswith("w:")
    }
    return LabelModel(
        {
            "version": "test",
            "labels": list(LABELS),
            "bias": [-4.0] * len(LABELS),
            "weights": weights,
            "thresholds": {lab: {"comment": 0.5, "story": 0.5} for lab in LABELS},
        }
    )


@pytest.mark.parametrize("label", LABELS)
def test_a_learned_finding_covers_the_sentence_with_its_label_and_what_it_matched(label):
    text = "Lovely post. " + PITCH.capitalize() + ". See you all on Friday."

    (finding,) = LearnedLabelRule(tiny_model(label)).find(Document(text, kind="comment"))

    assert finding.category == label
    assert finding.rule == f"{label}.learned"
    assert finding.severity == REVIEW
    assert text[finding.start : finding.end] == PITCH.capitalize() + "."
    assert "learned model" in finding.message
    assert "“turmeric”" in finding.message or "“drops”" in finding.message


def test_the_shipped_model_has_a_threshold_for_each_label_and_kind():
    model = load_label_model()

    assert model.labels == LABELS
    assert all(set(model.thresholds[lab]) == {"comment", "story"} for lab in LABELS)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Hi all!! I am a distributor of Herbalife, message me on WhatsApp for the best "
            "price in Manila!",
            "promotion",
        ),
        (
            "Kindly stop the BP tablets once your reading is normal for one week, no need to "
            "continue lifelong.",
            "medical_advice",
        ),
    ],
)
def test_the_shipped_model_reads_a_phrasing_no_rule_knows(text, label):
    rules = {f.category for f in screen(text, kind="comment", learned=False)}
    found = [f for f in screen(text, kind="comment", learned=True) if f.category == label]

    assert label not in rules
    assert [f.rule for f in found] == [f"{label}.learned"]


def test_the_learned_label_reader_can_be_turned_off():
    text = "Hi all!! I am a distributor of Herbalife, message me on WhatsApp for the best price!"

    assert not any(f.rule.endswith(".learned") for f in screen(text, learned=False))


def test_a_rule_keeps_its_explanation_where_both_fire():
    text = "Use code HEAL20 for 20% off my coaching program, link in bio."

    promotion = [f for f in screen(text, kind="comment", learned=True) if f.category == "promotion"]

    assert promotion and all(f.rule == "promotion.sales_pitch" for f in promotion)


def test_the_policy_applies_to_learned_findings():
    text = "Hi all!! I am a distributor of Herbalife, message me on WhatsApp for the best price!"

    (promotion,) = [
        f for f in screen(text, kind="comment", learned=True) if f.category == "promotion"
    ]

    assert promotion.severity == BLOCK  # selling in a comment is spam


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.sampled_from(["story", "comment"]))
def test_any_text_screens_with_the_label_reader_and_spans_lie_inside(text, kind):
    for finding in screen(text, kind=kind, learned=True):
        assert 0 <= finding.start < finding.end <= len(text)
        if finding.rule.endswith(".learned") and finding.category in PROFESSIONALISM:
            snippet = text[finding.start : finding.end]
            assert snippet == snippet.strip() and snippet


@pytest.mark.parametrize(
    "text",
    [
        "Dia dhuit from Galway. This made me ring my own mam. Slán for now.",
        "Same thing happened to my dad at the Royal. Message me on here.",
    ],
)
def test_the_shipped_reader_takes_a_comments_sign_off_or_call_to_reply_for_no_sale(text):
    found = LearnedLabelRule().find(Document(text, kind="comment"))

    assert "promotion" not in {f.category for f in found}
