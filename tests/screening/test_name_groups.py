"""Names that come in groups or are introduced as names: a name in a list with
another, a family by its surname, someone from a team, a word said to be a
name; and names after a role set off with "the", a grandad, a cheer."""

import pytest

from screening import screen


def names(text, **kwargs):
    return [text[f.start : f.end] for f in screen(text, **kwargs) if f.category == "name"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Thank you Rachel, Imogen and Carlos. He adored you all.", "Imogen"),
        ("Thanks to Zarelle and Odwin, who sat with Dad all night.", "Odwin"),
        ("Big love to Agnieszka and Precious on the night shift.", "Precious"),
        ("Love to Siobhan and Comfort, your two favourite cleaners.", "Comfort"),
    ],
)
def test_a_given_name_in_a_list_with_a_name_is_a_name(text, name):
    assert name in names(text, kind="comment")


@pytest.mark.parametrize(
    "text",
    [
        "Diolch, Nerys, for every shift.",
        "I'm Tamsin Okonkwo-Reyes, PharmD, and I run the counter.",
        "Thanks Sarah and Radiology for fitting me in.",
        "Sarah, Manchester is lovely in spring.",
    ],
)
def test_a_greeting_a_credential_a_department_or_a_place_beside_a_name_is_not_one(text):
    found = names(text, kind="comment")

    assert not {"Diolch", "PharmD", "Radiology", "Manchester"} & set(found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("If you read this, the whole Okonkwo family says thank you.", "Okonkwo"),
        ("Sending love from the whole Mensah family in Leeds.", "Mensah"),
        ("Morrison family here — thank you for the lovely card.", "Morrison"),
        ("Mam would have been so pleased. - The Fitzgerald family", "Fitzgerald"),
        ("Dile a tu mamá que toda la familia Gutiérrez está rezando.", "Gutiérrez"),
        ("Padayon! The whole Dimaculangan clan is praying for you.", "Dimaculangan"),
    ],
)
def test_a_family_called_by_its_surname_is_a_name(text, name):
    assert name in names(text, kind="comment")


@pytest.mark.parametrize(
    "text",
    [
        "Then I joined the GutGlow family and never looked back.",
        "We watched the Royal family on the telly in the day room.",
        "The whole Leeds family of runners turned out for the 5k.",
    ],
)
def test_a_brand_or_a_word_or_a_town_before_family_is_not_a_name(text):
    assert names(text, kind="comment") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Mark and Mercy from the respiratory team came to the ward.", ["Mark", "Mercy"]),
        ("Drew from the chaplaincy sat with Grandad all night.", ["Drew"]),
        ("She says thank you to Olya from physio.", ["Olya"]),
    ],
)
def test_a_name_said_with_the_team_someone_is_from_is_a_name(text, found):
    assert set(found) <= set(names(text, kind="comment"))


@pytest.mark.parametrize(
    "text",
    [
        "Bill from the hospital finally arrived and it was huge.",
        "Love from the ICU team, we miss you.",
        "Greetings from the oncology ward!",
    ],
)
def test_a_bill_or_a_greeting_from_a_team_is_not_a_name(text):
    assert names(text, kind="comment") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Brownie is what we all called my nan because of her tan.", "Brownie"),
        ("Buzz is the nickname the nurses gave my son on day one.", "Buzz"),
        ("Noonan is my married name and I had a double take.", "Noonan"),
        ("Cristiano is my son's name and yes, he has heard the jokes.", "Cristiano"),
    ],
)
def test_a_word_the_text_says_is_a_name_is_a_name(text, name):
    assert name in names(text, kind="comment")


def test_what_something_is_called_is_not_a_name():
    assert names("It is what we all called the day room.", kind="comment") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("She lay there for hours before the postman, Seánie, heard her.", "Seánie"),
        ("My grandad Takeshi was in the same hospital for his knee.", "Takeshi"),
        ("cheers priya, proper useful post.", "priya"),
    ],
)
def test_a_role_set_off_a_grandad_or_a_cheer_says_a_name(text, name):
    assert name in names(text, kind="comment")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sue, you're so strong. My sister is having the same op.", "Sue"),
        ("Achilleas, your strength through all this amazes me.", "Achilleas"),
        ("Beautifully written, Caelan.", "Caelan"),
        ("Tell Poppy she's a superhero.", "Poppy"),
        ("please tell Adeyemi that the whole church is praying", "Adeyemi"),
    ],
)
def test_a_person_spoken_to_or_to_be_told_is_a_name(text, name):
    assert name in names(text, kind="comment")


@pytest.mark.parametrize(
    "text",
    [
        "Honestly, you have no idea how much this helped.",
        "Mum, you would have loved the nurses.",
        "We moved back to Austin, Texas.",
        "Thank you all so much, Amen.",
    ],
)
def test_a_word_a_relation_or_a_place_before_you_or_at_the_end_is_not_a_name(text):
    assert names(text, kind="comment") == []
