"""Names the words around them give away: sign-offs, people spoken to, praise
only people get, a lower-case title and surname, more cultures' given names."""

import pytest

from screening import screen


def names(text, **kwargs):
    return [text[f.start : f.end] for f in screen(text, **kwargs) if f.category == "name"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Thank you for writing this, it helped me more than you know. xx Tash", "Tash"),
        ("Sending strength from one cancer mum to another - kez", "kez"),
        ("Brilliant post, made my week. Cheers from Hobart, Gazza", "Gazza"),
        ("Thinking of you all.\nLove\nBex", "Bex"),
    ],
)
def test_the_name_a_comment_signs_off_with_is_a_name(text, name):
    assert name in names(text, kind="comment")


@pytest.mark.parametrize(
    "text",
    [
        "Ringing that bell was the best moment.",
        "So glad you're home. Love, Mum",
        "Same thing happened to us - awful.",
        "Great work everyone xx",
    ],
)
def test_an_ordinary_last_word_or_a_relation_is_not_a_sign_off(text):
    assert names(text, kind="comment") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("colin if youre reading this, the biscuits were from me", "colin"),
        (
            "Marguerite, if you're reading this, thank you for the night you sat with me.",
            "Marguerite",
        ),
        ("congrats tolu!!! the whole ward is cheering", "tolu"),
    ],
)
def test_a_person_spoken_to_is_a_name(text, name):
    assert name in names(text, kind="comment")


def test_everyone_spoken_to_is_not_a_name():
    assert names("Everyone, if you're reading this, please book your smear test.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Faith is an absolute angel, she held my hand through every scan.", "Faith"),
        ("robin on the night shift was a lifesaver", "robin"),
        ("The porters were great. Hope, who did my discharge, even found my glasses.", "Hope"),
    ],
)
def test_a_word_name_that_only_a_persons_praise_follows_is_a_name(text, name):
    assert name in names(text, kind="comment")


def test_praise_of_a_place_is_not_a_name():
    assert names("The hospice garden is a gem and the cafe is a lifesaver.", kind="comment") == []


def test_a_lower_case_title_and_surname_is_a_name():
    assert "adeyemi" in names("saw dr adeyemi on friday and he was lovely", kind="comment")


def test_a_lower_case_title_before_a_word_is_not_a_name():
    assert names("dr appointment moved again, nurse practitioner instead", kind="comment") == []


@pytest.mark.parametrize("name", ["Thabo", "Nomvula", "Sibusiso", "Tendai"])
def test_southern_african_given_names_are_names(name):
    assert name in names(f"{name} stayed with me until the ambulance came.")


def test_imperatives_after_a_lists_bullets_are_not_names():
    text = "What helped me:\n- Ask for the discharge letter.\n- Keep a diary of your doses."
    assert names(text) == []


def test_a_contraction_after_a_capitalised_word_is_not_a_name():
    assert names("Things I've learned since the diagnosis, in no order.") == []
