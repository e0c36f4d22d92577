"""The learned name reader: its findings' shape, the off switch, that the name
rules keep their findings, and that it never breaks the screen."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screening import REVIEW, screen
from screening.base import Document
from screening.learned_names import LearnedNameRule, NameModel, load_name_model


def tiny_model() -> NameModel:
    """A model that reads any word after "congrats" as a name."""
    return NameModel({"version": "test", "bias": -5.0, "weights": {"p1:congrats": 10.0},
                      "threshold": 0.8})  # fmt: skip


def test_a_learned_name_covers_the_word_and_says_what_it_matched():
    text = "congrats tayvo!!! so happy for you"

    (finding,) = LearnedNameRule(tiny_model()).find(Document(text, kind="comment"))

    assert text[finding.start : finding.end] == "tayvo"
    assert (finding.category, finding.rule, finding.severity) == ("name", "name.learned", REVIEW)
    assert finding.replacement == "[name]"
    assert "learned model" in finding.message
    assert "the word before" in finding.message


def test_a_possessive_is_left_out_of_the_learned_name():
    text = "congrats Tayvo's mum, what a week"

    (finding,) = LearnedNameRule(tiny_model()).find(Document(text, kind="comment"))

    assert text[finding.start : finding.end] == "Tayvo"


def test_the_shipped_model_finds_a_nickname_signing_off_a_comment():
    text = "This made me cry on the bus. Hang in there, it does get easier. xx Bex"

    found = LearnedNameRule().find(Document(text, kind="comment"))

    assert [text[f.start : f.end] for f in found] == ["Bex"]


def test_the_learned_name_reader_is_not_part_of_the_screen():
    # Retrained on the names corpus it found more names on the sealed sets but flagged one
    # more clean text on the corpus' sealed split, so it stays off (README).
    text = "This made me cry on the bus. Hang in there, it does get easier. xx Bex"

    assert all(f.rule != "name.learned" for f in screen(text, kind="comment", learned=True))


def test_the_shipped_model_has_a_threshold_and_weights():
    model = load_name_model()

    assert 0.5 <= model.threshold < 1
    assert len(model.weights) > 1000


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.sampled_from(["story", "comment"]))
def test_any_text_is_read_by_the_learned_name_reader_and_spans_lie_inside(text, kind):
    for finding in LearnedNameRule().find(Document(text, kind=kind)):
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end].strip()


def everything_model() -> NameModel:
    """A model that reads every word it is shown as a name."""
    return NameModel({"version": "test", "bias": 10.0, "weights": {}, "threshold": 0.5})


def test_the_learned_reader_skips_the_words_the_rules_exclusions_cover():
    text = "She loved St Anthony, Tim Tams and the Marie Curie nurses on Harley Street. Ayo came."

    found = [
        text[f.start : f.end] for f in LearnedNameRule(everything_model()).find(Document(text))
    ]

    assert "Ayo" in found
    assert not {"Anthony", "Tim", "Tams", "Marie", "Curie", "Harley"} & set(found)
