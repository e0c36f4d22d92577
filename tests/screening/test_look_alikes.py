"""What the name and age rules must not take for a person or an age: places, brands,
songs, religious names, kin words and greetings of other languages, and laboratory
values over 90."""

import pytest

from screening import screen


def privacy(text, **kwargs):
    return [
        (f.category, text[f.start : f.end]) for f in screen(text, **kwargs) if f.group == "privacy"
    ]


@pytest.mark.parametrize(
    "text",
    [
        # places outside the US that the city list misses
        "We moved from Punjab to Brampton when I was six.",
        "She was treated in Westmeath and then in Mullingar.",
        "Wagga Wagga to Canberra is a long drive after chemo.",
        "Dad was born in Tipperary and has never left it.",
        # brands and shops
        "A box of Tim Tams and a flask of tea got us through the night.",
        "The Tim Hortons in the lobby never closes.",
        "I bought the dressings at Holland & Barrett and the rest at Marks & Spencer.",
        # songs and hymns
        "The choir sang Danny Boy in the chapel.",
        "They played Waltzing Matilda at the memorial.",
        "Calon Lân always makes me cry.",
        "Sweet Caroline came on the radio in theatre.",
        # religious names
        "We prayed to Waheguru and read from the Guru Granth Sahib.",
        "Mum kept a picture of Padre Pio and a Santo Niño by the bed.",
        "Guru Nanak's teachings carried my father through.",
        # kin words of other languages
        "Lola and Lolo came from the province to mind the kids.",
        "Nani, Dadi and Mamaji took turns at the bedside.",
        "Taid and Nain both had their flu jabs.",
        "Our kuia and koro stayed with the whānau.",
        "Appa waited outside while Amma had the scan.",
        # greetings and blessings
        "Kia ora from Whanganui, and kia kaha to you.",
        "Dia dhuit from Galway!",
        "Sat Sri Akal to the whole renal team.",
        "Salamat po, and Mabuhay to every nurse reading this.",
        # laboratory values over 90
        "My ferritin was 98 and my eGFR 92.",
        "MCV was 104, which is why they checked my B12.",
        "Her ALT was 95 last week and 120 today.",
        "Sats were 91 on room air, so they put her on oxygen.",
    ],
)
def test_look_alikes_are_not_flagged(text):
    assert privacy(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tita Marivic flew in from Cebu.", "Marivic"),
        ("Kuya Rodel drove us to the hospital.", "Rodel"),
        ("Kia ora koutou, thanks to Aroha for the lift.", "Aroha"),
        ("We sang Amazing Grace, and then Tamsin sang a Welsh hymn.", "Tamsin"),
    ],
)
def test_a_name_beside_a_look_alike_is_still_found(text, name):
    assert [t for c, t in privacy(text) if c == "name"] == [name]


def test_a_person_over_89_is_still_an_age_beside_a_lab_value():
    text = "Nan is 94 and her sodium was 131."
    assert privacy(text) == [("age", "94")]
