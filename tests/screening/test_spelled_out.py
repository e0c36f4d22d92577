"""Dates, phone numbers and ages written out in words."""

import pytest

from screening import BLOCK, screen


def found(text, category, **kwargs):
    return [text[f.start : f.end] for f in screen(text, **kwargs) if f.category == category]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The biopsy was on the fifth of October.", "fifth of October"),
        ("Gran died on the twenty-third of April 2022.", "twenty-third of April 2022"),
        ("They discharged me on the thirty first of January.", "thirty first of January"),
        ("We got the call on November the twelfth.", "November the twelfth"),
        ("He was born on the Ninth of December.", "Ninth of December"),
    ],
)
def test_spelled_out_dates_are_found(text, date):
    assert found(text, "date") == [date]


@pytest.mark.parametrize(
    "text",
    [
        "The first of my scans came back clear in May.",
        "We had a party on the Fourth of July, right there on the ward.",
        "Second of all, March was the worst month.",
        "It was the third time in June that they cancelled.",
    ],
)
def test_ordinals_that_are_not_dates_are_left_alone(text):
    assert found(text, "date") == []


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Ring me on oh seven nine double one, four five six, seven eight nine.",
         "oh seven nine double one, four five six, seven eight nine"),
        ("My mobile is zero four one three, two two two, nine eight seven.",
         "zero four one three, two two two, nine eight seven"),
        ("Text zero-two-one five five five one two three four any time.",
         "zero-two-one five five five one two three four"),
        ("It's oh two oh, triple seven, one two three four.",
         "oh two oh, triple seven, one two three four"),
    ],
)  # fmt: skip
def test_phone_numbers_written_in_words_are_found_and_block(text, phone):
    assert found(text, "phone") == [phone]
    assert all(f.severity == BLOCK for f in screen(text) if f.category == "phone")


@pytest.mark.parametrize(
    "text",
    [
        "One, two, three, four: the physio counted every step I took.",
        "I have three kids: one is nine, one is seven and one is two.",
        "Oh, one more thing: the parking is free after six.",
    ],
)
def test_counting_in_words_is_not_a_phone_number(text):
    assert found(text, "phone") == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Grandad is ninety-seven years old and still gardening.", "ninety-seven"),
        ("My great-gran turned a hundred and one in the care home.", "a hundred and one"),
        ("Nana is ninety two and sharper than any of us.", "ninety two"),
        ("At the age of ninety-five he had his first ever operation.", "ninety-five"),
    ],
)
def test_ages_over_89_in_words_are_found(text, age):
    assert found(text, "age") == [age]
