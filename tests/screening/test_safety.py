"""The crisis rules: what they find, what they skip, and their two tiers.

These test the rules, which stay the floor under the learned crisis reader, so
they screen with ``learned=False``; the reader has its own tests
(``test_learned.py``)."""

import pytest

from screening import BLOCK, REVIEW, screen


def crisis(text, **kwargs):
    return [f for f in screen(text, learned=False, **kwargs) if f.category == "crisis"]


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


@pytest.mark.parametrize(
    "text",
    [
        "I started cutting again after the scan results and I can't stop.",
        "Last night I picked up the razor again. Nobody knows.",
        "I burned my arms with a lighter again last night.",
        "I've got a month of my oxycodone saved up in a shoebox.",
        "Honestly my kids would be better off without me around.",
        "It would be easier for all of them without me in the way.",
        "Nobody would even notice if I was gone.",
        "I've been thinking of ending things. I'm so tired.",
        "I don't trust myself alone with my meds tonight.",
        "I lie awake wishing I could just go to sleep and not wake up.",
        "What's the point of going on when every scan is worse?",
        "I really don't see the point in going on.",
        "It would be so easy to just take them all and stop.",
        "Every night I count out my pills and think about taking all of them.",
        "I keep picturing how long it would be before anyone found me.",
        "I've been hoarding my gabapentin for months and tonight I'm going to take them.",
    ],
)
def test_other_phrasings_of_current_self_harm_are_crisis(text):
    assert crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "The prior authorisation forms are slowly murdering me.",
        "I nearly died of embarrassment when the gown fell open.",
        "I'd rather die laughing than live bored, as Grandma used to say.",
        "My sister's sickle cell pain crisis put her in the ICU for a week.",
        "My brother said he felt like everyone would be better off without him.",
        "Ten years ago I planned to end my life. I'm not there anymore, and I'm glad I stayed.",
        "Back then I was sure my family would be better off without me. "
        "Therapy got me through, and I haven't felt that way in years.",
        "I haven't thought about dying in a long time.",
        "I counted my pills into the weekly organiser every Sunday.",
        "I started cutting back on sugar after my diagnosis.",
        "I don't trust myself around cake.",
        "I'm not thinking about ending it; I'm just exhausted and venting.",
        "Suicide is never the answer, whatever the diagnosis.",
        "What's the point of going to a meeting that could have been an email?",
    ],
)
def test_idioms_past_crises_and_other_peoples_crises_are_not_crisis(text):
    assert crisis(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # Two kinds of warning sign close together: getting ready, the means, an end.
        "I found a family to take my parrot and sold the truck. After the wedding on the 9th "
        "there is nothing else I need to stay for.",
        "I've been keeping back a couple of my sleeping tablets every night. I think I have "
        "enough by now. Nobody needs to worry about me after this month.",
        "My will is signed and I wrote a note for my brother. I'm ready to go.",
        "I won't be a burden to anyone much longer, and honestly that feels like relief.",
        "Three weeks ago I stopped taking my heart pills on purpose. I want it to be over.",
        "Since the divorce I keep driving to the overpass near the clinic and just standing "
        "there. I'm tired of being alive.",
        "got the blade out again tonight. its the only thing that helps",
        "I'll be with my husband again soon, I've made my peace with it.",
        "Every night I ask God to take me in my sleep and every morning I'm angry to wake up.",
        "im done with everything, being alive included.",
    ],
)
def test_indirect_warning_signs_together_are_crisis(text):
    assert crisis(text, kind="comment", role="patient")


@pytest.mark.parametrize(
    "text",
    [
        "We gave away the baby clothes and paid off the hospital bill. Time to plan a vacation!",
        "My knee surgery is finally on the calendar; it won't be a problem much longer.",
        'He kept saying "I want to die" after the stroke, and his doctor found a bladder '
        "infection and treated it. He's much calmer now.",
        "Two years ago I wrote letters to my kids and planned to overdose. Today I'm two years "
        "into recovery and I run a peer group.",
        "With hospice and my doctors, I've decided I want to die at home, in my own bed.",
        "My cousin died by suicide in 2019, and I volunteer with a suicide-loss group now.",
        "I'm done fighting with the billing office. Next week I'm calling the state instead.",
        "The bridge on my commute is closed, so the drive to dialysis takes forever.",
        "If you're thinking about ending it, please call or text 988 tonight.",
        "I keep a safety plan in my wallet, my brother holds my pills, and I'm doing well.",
    ],
)
def test_ordinary_plans_past_crises_and_other_peoples_words_are_not_crisis(text):
    assert crisis(text, kind="comment", role="patient") == []


def test_crisis_is_blocked_with_an_urgent_message():
    (finding,) = crisis("Tonight I just want to end it all.")
    assert finding.severity == BLOCK
    assert finding.group == "safety"
    assert "now" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "I've been stockpiling my oxycodone for weeks.",
        "I wrote goodbye letters to my kids last night.",
        "I know where my dad keeps his gun.",
        "Tonight I just want to end it all.",
        "Cut again last night.",
    ],
)
def test_intent_plans_means_and_goodbyes_are_blocked(text):
    findings = crisis(text, kind="comment", role="patient")

    assert findings and {f.severity for f in findings} == {BLOCK}


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to be here anymore.",
        "Honestly everyone would be better off without me.",
        "I'm so tired of being alive.",
        "What's the point of going on?",
        "I wish I could go to sleep and never wake up.",
    ],
)
def test_passive_wishes_and_burden_are_a_possible_crisis_for_review(text):
    findings = crisis(text, kind="comment", role="patient")

    assert findings and {f.severity for f in findings} == {REVIEW}
    assert all("possible crisis" in f.message for f in findings)


def test_a_blocked_crisis_finding_wins_over_a_review_one_on_the_same_words():
    text = "I'm so tired of being alive and I've been stockpiling my pills for weeks."

    assert {f.severity for f in crisis(text, kind="comment", role="patient")} == {BLOCK}


@pytest.mark.parametrize(
    "text",
    [
        # A clinician's screening question is put to the author, not said by them.
        "At the check-up my GP asked whether I'd had thoughts of killing myself, and I said no.",
        "The nurse asked me, very gently, if I had thought about ending my life. I told her no.",
        # Words in quotation marks that someone else says, or that name a title or a joke.
        "My flatmate says 'I want to die' every time the wifi drops.",
        "Our youngest keeps saying \"I'm going to kill myself\" about homework, he's nine.",
        "Please stop saying 'I'll kill myself' as a joke on the ward, it isn't funny.",
        # A joke marked as one.
        "This printer is broken again, I literally want to die lol",
    ],
)
def test_questions_quotes_and_jokes_are_not_crisis(text):
    assert crisis(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # The author's own words in quotation marks still count.
        "I finally told my therapist 'I want to die' and she listened.",
        # The answer to the question can still be the crisis.
        "She asked if I was safe. Last night I held the lighter against my arm until it blistered.",
    ],
)
def test_the_authors_own_quoted_words_and_self_injury_are_crisis(text):
    assert crisis(text)


def test_words_in_quotation_marks_with_someone_else_as_the_speaker_after_are_not_crisis():
    text = '"I just want to die in my own bed," Grandad said, and the palliative nurse nodded.'
    assert crisis(text) == []


def test_means_kept_and_preparations_made_far_apart_in_a_long_story_are_urgent():
    text = (
        "I have been out of the army for six years now. "
        "Last month I gave my brother all my hunting gear and told him I was done with it. "
        "Most days are the same. I get up, I walk the dog, I sit in the yard. "
        "The doctors at the clinic are kind and the group on Tuesdays is fine. "
        "My sister calls on Sundays and I tell her I'm okay. "
        "The weather has been rotten and the roof leaks over the porch. "
        "The VA sent another letter about my hearing appointment and I put it on the fridge. "
        "My neighbour's kids ride their bikes up and down the street until it gets dark. "
        "I watch a lot of baseball and I fall asleep in the chair before the ninth inning. "
        "But I kept one handgun back, in the glovebox, and I sit with it in the car most nights."
    )
    found = crisis(text, kind="story")
    assert found and any(f.severity == BLOCK for f in found)
