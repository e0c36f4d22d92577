"""Re-identification: a rare condition or a small town, with a second detail that
narrows it down to one person, is a review finding that says which words combine."""

import pytest

from screening import REVIEW, RULES, screen
from screening.lexicons import small_towns, word_list

RULE = "address.reidentification"


def reidentification(text, **kwargs):
    return [f for f in screen(text, learned=False, **kwargs) if f.rule == RULE]


@pytest.mark.parametrize(
    ("text", "anchor", "words"),
    [
        (
            "I was diagnosed with cystic fibrosis at the age of 34, and the nurses were kind.",
            "cystic fibrosis",
            ["“cystic fibrosis” (a rare condition)", "“at the age of 34” (an age)"],
        ),
        (
            "We live in Kewanee and my husband, a farmer, drove me to every appointment.",
            "Kewanee",
            ["“Kewanee” (a town of fewer than 20,000 people)", "“farmer” (a job)"],
        ),
        (
            "My daughter was born on March 3 in Punta Gorda, two weeks early.",
            "Punta Gorda",
            ["“March 3” (an exact date)", "“Punta Gorda” (a town of fewer than 20,000 people)"],
        ),
        (
            "Our son has Ehlers-Danlos syndrome, and the team on Ward 7B knew him by name.",
            "Ehlers-Danlos",
            ["“Ehlers-Danlos” (a rare condition)", "“Ward 7B” (a hospital unit)"],
        ),
        (
            "Huntingtons disease runs in my family. I'm a teacher, so I notice the small things.",
            "Huntingtons disease",
            ["“Huntingtons disease” (a rare condition)", "“teacher” (a job)"],
        ),
        (
            "My son was treated for Ewings sarcoma when he was aged 9.",
            "Ewings sarcoma",
            ["“Ewings sarcoma” (a rare condition)", "“aged 9” (an age)"],
        ),
        (
            "Behçet’s disease found me at 30: I was 30, and alone.",
            "Behçet’s disease",
            ["“Behçet’s disease” (a rare condition)", "“I was 30” (an age)"],
        ),
        (
            "Few people in Tekamah, Nebraska have heard of Wilson’s disease.",
            "Tekamah",
            [
                "“Tekamah” (a town of fewer than 20,000 people)",
                "“Wilson’s disease” (a rare condition)",
            ],
        ),
    ],
)
def test_a_rare_condition_or_a_small_town_with_a_second_detail_is_for_review(text, anchor, words):
    (finding,) = reidentification(text)

    assert text[finding.start : finding.end] == anchor
    assert finding.category == "address" and finding.severity == REVIEW
    assert finding.message.startswith("Together these could identify someone: ")
    for quoted in words:
        assert quoted in finding.message


@pytest.mark.parametrize(
    "text",
    [
        # A rare condition alone, or a small town alone.
        "Living with cystic fibrosis has taught me patience, and the clinic taught me hope.",
        "We moved to Kewanee, Illinois last spring and the clinic there was lovely.",
        # A second detail without either: a big city, a common condition.
        "I grew up in Denver. I am a teacher, and I was 40 when I had my surgery.",
        "The nurses on Ward 7B were patient with my asthma. I am 54 and grateful.",
        # A hospital named after a region is not its town.
        "My hip was replaced on March 4, 2024 at Lakeshore Regional by a kind surgeon.",
        # A town's name that is also a word or a person's name is not in the list.
        "In Hope I found the courage to ask, and my nurse Marion was 30 years old.",
        # The nurse of the story is not the author's job.
        "A rare condition like scleroderma scares people; the nurse explained it all.",
    ],
)
def test_no_finding_without_two_kinds_of_detail(text):
    assert reidentification(text) == []


def test_the_finding_offers_to_redact_a_town_not_a_condition():
    (town,) = reidentification("In Kewanee everyone knew I was 34 when I got sick.")
    (condition,) = reidentification("I was 34 when I learned I had mesothelioma.")

    assert town.replacement == "[town]"
    assert condition.replacement is None


def test_the_message_names_each_wording_once_and_at_most_four():
    text = (
        "In Kewanee, at the age of 34, I learned I had cystic fibrosis. Cystic fibrosis "
        "meant weeks on Ward 4 and in the NICU with our son, born on May 2. I am a teacher."
    )

    (finding,) = reidentification(text)

    assert finding.message.count("cystic fibrosis”") == 1
    assert finding.message.count("“") == 4
    assert text[finding.start : finding.end] == "Kewanee"


def test_the_rule_has_its_own_id_and_a_message():
    (rule,) = [rule for rule in RULES if rule.id == RULE]
    assert rule.category == "address" and rule.severity == REVIEW
    assert rule.message.endswith(".")


def test_the_lists_hold_small_towns_and_rare_conditions_only():
    towns = small_towns()
    assert {"Kewanee", "Tekamah", "Punta Gorda"} <= towns
    # Larger places, and towns named like people or words, are not in it.
    assert not {"Denver", "Springfield", "Marion", "Hope", "Paris"} & towns
    conditions = word_list("rare_conditions")
    assert "cystic fibrosis" in conditions and "asthma" not in conditions
    assert all(entry == entry.lower() for entry in conditions)
