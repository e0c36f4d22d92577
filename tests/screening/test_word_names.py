"""Given names that are English words ("Rose", "Faith", "Sky"): a person when a verb
only people do follows, at the start of a sentence too, or a relation comes before;
a word otherwise."""

import pytest

from screening import screen


def names(text, **kwargs):
    return [text[f.start : f.end] for f in screen(text, **kwargs) if f.category == "name"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rose said the new dressing stung less than the old one.", "Rose"),
        ("Faith cried in the corridor when the consultant left.", "Faith"),
        ("Hope laughed so hard at the physio that her stitches ached.", "Hope"),
        ("Grace whispered the numbers to me while they took bloods.", "Grace"),
        ("Sky wept when she saw the scan of the baby.", "Sky"),
        ("Honey sang lullabies to every baby in the unit.", "Honey"),
        ("Dot rang the ward at six every morning to ask after him.", "Dot"),
        ("Willow waved at every porter who went past.", "Willow"),
        ("Bud wrote to the health board about the waiting times.", "Bud"),
        ("Cliff hugged the nurse who had sat with his wife.", "Cliff"),
        ("Ivy phoned the surgery three times before anyone answered.", "Ivy"),
    ],
)
def test_a_word_name_at_a_sentence_start_before_a_persons_verb_is_a_name(text, name):
    assert names(text) == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My sister Hope took the night shifts at the hospice.", "Hope"),
        ("Our neighbour Joy brought soup every single day.", "Joy"),
        ("Her carer Melody reads the paper to her after lunch.", "Melody"),
        ("I owe my son Hunter more than I can say.", "Hunter"),
        ("My partner Sky slept in the chair by my bed.", "Sky"),
        ("His wife Precious kept the medication chart.", "Precious"),
    ],
)
def test_a_word_name_after_a_relation_is_a_name(text, name):
    assert names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Hope is what kept the ward going that winter.",
        "Faith kept me going when the tests came back.",
        "Grace under pressure is the job description in resus.",
        "Patience is a virtue nobody has at four in the morning.",
        "Rose petals covered the coffin.",
        "Summer drew to a close and the chemo finally ended.",
        "Sky was grey for the whole of my stay.",
        "Rain fell against the window all night.",
        "Justice was never done for the families.",
        "Honey and lemon were all I could swallow.",
        "Frank conversations with the team helped us decide.",
    ],
)
def test_a_word_name_used_as_a_word_is_not_a_name(text):
    assert names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Rain lashed the windows of the day unit.",
        "Honey helped my throat more than the lozenges.",
        "Star shaped stickers covered the chart.",
        "Sky darkened before the storm.",
        "Justice prevailed at the inquest.",
        "We went to Trinity for the cathedral service.",
        "I fought for Justice for my mum.",
        "I had a Kit Kat from the machine.",
    ],
)
def test_a_word_the_name_lists_miss_is_a_name_only_when_it_does_what_only_people_do(text):
    assert names(text) == []
