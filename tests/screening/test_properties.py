"""Properties that hold for any text at all."""

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screening import (
    CATEGORIES,
    ENGINE_VERSION,
    PRIVACY,
    PROFESSIONALISM,
    RULES,
    SAFETY,
    SEVERITIES,
    Finding,
    screen,
)

# Text that looks a little like a story: words, digits and the punctuation rules key on.
story_like = st.lists(
    st.one_of(
        st.sampled_from(
            "Dr. Mrs. my husband named I'm at on May June 555-0100 (312) @ dot com www. "
            "Hope Grace 91 years old MRN 4410 Street Ave PO Box 2024 11/02/2020 kill myself "
            "stop your meds RN here $49 % off you are lazy idiots \n , . ! ? ' ’".split(" ")
        ),
        st.text(min_size=1, max_size=12),
    ),
    max_size=60,
).map(" ".join)

KINDS = st.sampled_from(["story", "comment"])
ROLES = st.sampled_from([None, "patient", "family", "employee", "reader"])


def check(findings, text):
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.category in CATEGORIES
        assert finding.severity in SEVERITIES
        assert finding.rule and finding.message
        assert (finding.replacement is not None) == (finding.category in PRIVACY)
    starts = [f.start for f in findings]
    assert starts == sorted(starts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(), kind=KINDS, role=ROLES)
def test_arbitrary_unicode_never_crashes_and_spans_lie_inside_the_text(text, kind, role):
    check(screen(text, kind=kind, role=role), text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=story_like, kind=KINDS, role=ROLES)
def test_story_like_text_gives_well_formed_findings(text, kind, role):
    check(screen(text, kind=kind, role=role), text)


@settings(max_examples=200, deadline=None)
@given(text=story_like)
def test_no_two_privacy_findings_cover_the_same_character(text):
    spans = sorted((f.start, f.end) for f in screen(text) if f.category in PRIVACY)
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end <= start


@settings(max_examples=100, deadline=None)
@given(text=story_like)
def test_screening_is_deterministic(text):
    assert screen(text) == screen(text)


def test_empty_and_blank_text_have_no_findings():
    assert screen("") == []
    assert screen("   \n\t ") == []


def test_screen_rejects_anything_but_a_string():
    with pytest.raises(TypeError):
        screen(None)


def test_finding_is_frozen_and_serialises_to_the_contract_fields():
    (finding,) = screen("Call me on (312) 555-0199.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.start = 0
    assert set(finding.to_dict()) == {
        "category", "start", "end", "severity", "rule", "message", "replacement",
    }  # fmt: skip


def test_non_privacy_findings_serialise_without_a_replacement():
    (finding,) = [f for f in screen("You are a lazy idiot.") if f.category == "abuse"]
    assert "replacement" not in finding.to_dict()


def test_public_constants_cover_every_category_of_the_contract():
    assert set(CATEGORIES) == set(PRIVACY) | set(PROFESSIONALISM) | set(SAFETY)
    assert len(CATEGORIES) == 14
    assert ENGINE_VERSION


def test_every_rule_has_a_stable_dotted_id_and_a_message():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert rule.id.split(".")[0] == rule.category
        assert rule.category in CATEGORIES
        assert rule.message.endswith(".")


def test_findings_are_sorted_by_start():
    text = "Email a@example.com or call (312) 555-0199, Dr. Alvarez said on May 4."
    findings = screen(text)
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    assert isinstance(findings[0], Finding)
