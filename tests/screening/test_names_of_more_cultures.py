"""Given names of cultures the Census and Faker lists miss: Irish, Welsh, Scottish,
Punjabi, Filipino, Māori and Pasifika, West African, South Indian, Somali, Afrikaans
(the curated ``data/given_names_<culture>.txt``)."""

import pytest

from screening import screen
from screening.lexicons import (
    GIVEN_NAME_CULTURES,
    WORD_NAMES,
    common_words,
    first_names,
    word_list,
)


def names(text, **kwargs):
    return [text[f.start : f.end] for f in screen(text, **kwargs) if f.category == "name"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Irish, with and without the fada
        ("Thanks a million to Sinéad and Ciarán on the day unit.", ["Sinéad", "Ciarán"]),
        ("Tadhg brought me tea at two in the morning.", ["Tadhg"]),
        ("Roisin from the palliative team rang every week.", ["Roisin"]),
        # Welsh
        (
            "Diolch to Gwenllian and Rhodri, who taught me to inject myself.",
            ["Gwenllian", "Rhodri"],
        ),
        ("Our midwife Lowri stayed past the end of her shift.", ["Lowri"]),
        # Scottish Gaelic
        ("Seonaid on the stroke ward had Dad standing by day four.", ["Seonaid"]),
        # Punjabi
        ("Jaspreet explained the insulin pen to Mum in Punjabi.", ["Jaspreet"]),
        ("The dietitian, Sukhdeep, never once lectured us.", ["Sukhdeep"]),
        # Filipino
        ("Marites and Rowena covered the whole night between them.", ["Marites", "Rowena"]),
        # Māori and Pasifika
        ("Wiremu drove us home from the marae clinic.", ["Wiremu"]),
        ("Sione carried Nana up the stairs after the op.", ["Sione"]),
        # West African, South Indian, Somali, Afrikaans
        ("Chiamaka in the lab ran the sample twice to be sure.", ["Chiamaka"]),
        ("Senthil at the eye clinic spoke Tamil with my grandmother.", ["Senthil"]),
        ("My link worker Hodan found us an interpreter.", ["Hodan"]),
        ("Riaan in physio got me walking without the frame.", ["Riaan"]),
    ],
)
def test_names_of_more_cultures_are_found(text, found):
    assert names(text) == found


def test_every_curated_given_name_is_read_into_the_first_names():
    firsts = first_names()
    for culture in GIVEN_NAME_CULTURES:
        entries = word_list(f"given_names_{culture}")
        assert entries, culture
        assert set(entries) <= firsts, culture


def test_curated_given_names_are_capitalised_listed_once_and_not_everyday_words():
    seen = {}
    everyday = common_words()
    for culture in GIVEN_NAME_CULTURES:
        for name in word_list(f"given_names_{culture}"):
            assert name[:1].isupper() and not name.isupper(), name
            assert name not in seen, f"{name} in {culture} and {seen.get(name)}"
            seen[name] = culture
            # an everyday word ("Will", "Hope") belongs in given_word_names.txt and
            # word_names.txt, where it needs a person's verb, a relation or a title
            assert name.lower() not in everyday, name


def test_english_word_given_names_are_word_names_too():
    # so that they need a verb, relation or title before they count
    assert set(word_list("given_word_names")) <= WORD_NAMES


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My nan Maureen thought the porter was a priest.", "Maureen"),
        ("Our lola Remedios cooked for the whole ward.", "Remedios"),
        ("My nain, Gwenllian, knitted hats for the babies.", "Gwenllian"),
        ("My mam Bridget sat up with me all night.", "Bridget"),
        ("Our koro Hemi waited in the car park.", "Hemi"),
    ],
)
def test_a_name_after_a_kin_word_of_another_language_is_found(text, name):
    assert names(text) == [name]
