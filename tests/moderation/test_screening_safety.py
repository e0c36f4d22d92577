"""Crisis findings: must never be missed, and are always urgent."""

import pytest

from moderation.screening import BLOCK, screen


def crisis(text, **kwargs):
    return [f for f in screen(text, **kwargs) if f.category == "crisis"]


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to be alive anymore.",
        "Some nights I think about ending my life.",
        "I've been looking up how many of my sleeping pills it would take.",
        "I keep thinking everyone would be better off without me.",
        "Honestly I want to die. I can't see a way out of this.",
        "I've been planning to kill myself after the holidays.",
        "I'm suicidal and I don't know who to tell.",
        "I would rather be dead than go through another round.",
        "I've started giving my things away and I wrote the letters.",
        "I wish I could go to sleep and never wake up.",
        "I've been stockpiling my painkillers and tonight feels like the night.",
        "My family would be better off if I just disappeared.",
        "On the way home I keep thinking about driving into the river.",
        "I don't see the point of living anymore.",
        "I'm planning to swallow all of them after my shift.",
    ],
)
def test_first_person_statements_of_suicidal_thoughts_are_crisis(text):
    assert crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "I called the line, not because I wanted to hurt myself, but because I was lonely.",
        "My brother told his therapist he wanted to die, and they admitted him.",
        "If you are having thoughts of suicide, please call or text 988.",
        "I volunteer for a suicide prevention hotline on weekends.",
        "I'm dying to try the new cafe on the ground floor.",
        "That joke killed me.",
        "I take all of my pills on time now, with an app.",
        "I wanted to tear down every one of those posters.",
        "I don't want to die, so I finally booked the scan.",
        "I attempted suicide in 2009. Today I'm twelve years into recovery and volunteer.",
        "Can't wait to go home tomorrow!",
    ],
)
def test_denials_other_people_advice_and_idioms_are_not_crisis(text):
    assert crisis(text) == []


def test_crisis_is_blocked_with_an_urgent_message():
    (finding,) = crisis("Tonight I just want to end it all.")
    assert finding.severity == BLOCK
    assert finding.group == "safety"
    assert "now" in finding.message
