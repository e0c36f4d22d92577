"""The crisis tiers by class of phrasing, with the learned reader off and on.

``block`` (urgent) is kept for intent, a plan, the means or a time; thoughts of
the act without them are a possible crisis (``review``); both tiers hold the
text, so a downgrade keeps it found. Figures of speech, denials and services
named after the word "suicide" are no crisis at all."""

import pytest

from screening import BLOCK, REVIEW, screen

BOTH = pytest.mark.parametrize("learned", [False, True], ids=["rules", "rules+learned"])


def tiers(text, learned, kind="comment"):
    return {
        f.severity
        for f in screen(text, kind=kind, role="patient", learned=learned)
        if f.category == "crisis"
    }


@BOTH
@pytest.mark.parametrize(
    "text",
    [
        "Some nights I think about ending my life.",
        "I'm suicidal and I don't know who to tell.",
        "I've been feeling suicidal since the diagnosis.",
        "I keep thinking about killing myself.",
        "I don't want to kill myself, I want the pain to stop.",
        "On the way home I keep thinking about driving into the river.",
        "Driving back I caught myself thinking how easy it would be to let go of the wheel.",
        "Every shift I drive past the overpass and think about how it'd be a relief.",
        "My family would be better off without me. I've never done anything to hurt myself.",
    ],
)
def test_thoughts_of_the_act_without_intent_a_plan_or_a_time_are_a_possible_crisis(text, learned):
    assert tiers(text, learned) == {REVIEW}


@BOTH
@pytest.mark.parametrize(
    "text",
    [
        "Some nights I think about ending my life, and tonight I'm going to.",
        "I'm suicidal and I've saved up my pills.",
        "I keep thinking about killing myself and I've written the note.",
        "I've been planning to kill myself after the holidays.",
        "I want to kill myself tonight.",
        "I've been stockpiling my oxycodone for weeks.",
    ],
)
def test_thoughts_with_intent_a_plan_the_means_or_a_time_are_urgent(text, learned):
    assert BLOCK in tiers(text, learned)


@BOTH
@pytest.mark.parametrize(
    "text",
    [
        # Hyperbole: overwork, devotion, a chore, a bill.
        "I was killing myself studying for exams that spring.",
        "Honestly I've been killing myself working double shifts.",
        "I'd jump off a bridge for that nurse, honestly. She saved my mum.",
        "I'd rather die than do another audit this month.",
        "I'd rather die than go back there, honestly, that clinic was awful.",
        "I wanted to die when I saw the parking charges at this place.",
        # Services named after the word.
        "My GP referred me to a suicide bereavement counsellor.",
        "Our ward started a suicide support group for staff.",
        # Thoughts denied.
        "I haven't had thoughts of ending my life for a long time now.",
        "I have no thoughts of harming myself, I'm just exhausted.",
        # Self-harm named as clinical work, a history or a category.
        "Night shift in A&E: four self-harm presentations before midnight, all seen by liaison.",
        "One year clean of self harm today! Called my sister instead of slipping.",
        "Looking back, the way I skipped insulin was a form of self-harm.",
        "In clinic I ask teenagers directly about suicide, because asking saves lives.",
        # Someone else's words, the speaker named after them.
        '"I\'m going to end it all" - said the patient, about his smoking, binning the pack.',
        # Goodbyes to a treatment, an idiom of being worn out.
        "Last day of chemo! Goodbye cannula, goodbye cold cap, goodbye ward 4.",
        "I said goodbye to my hair before the chemo could take it.",
    ],
)
def test_figures_of_speech_services_denials_and_goodbyes_to_treatment_are_not_crisis(text, learned):
    assert tiers(text, learned) == set()


@BOTH
@pytest.mark.parametrize(
    "text",
    [
        "When I was fifteen I tried to end my life. I'm thirty-two now, with two kids and a"
        " job I love. If you're reading this in the dark, it does get better.",
        "Back in 2012 I attempted suicide. Today I'm a peer counsellor and grateful to be here.",
    ],
)
def test_a_survivors_past_attempt_told_before_or_after_its_time_is_not_crisis(text, learned):
    assert tiers(text, learned, kind="story") == set()


@BOTH
@pytest.mark.parametrize(
    "text",
    [
        "The GP asked me, quite carefully, whether I was depressed or wanting to end my life."
        " I said no, just tired.",
        "She looked at me over her glasses and said, \"Doctor, I'm ready to die. Help me do it"
        ' properly." She meant hospice.',
        "nurses shouldnt have to hear 'i want to die' from patients ten times a shift without"
        " a debrief",
    ],
)
def test_a_question_put_to_the_author_and_someone_elses_words_are_not_the_authors_crisis(
    text, learned
):
    assert tiers(text, learned, kind="story") == set()
