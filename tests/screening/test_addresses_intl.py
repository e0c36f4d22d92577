"""Postcodes and street forms of Canada, Australia, India, Ireland, New Zealand and
the UK, and the numbers and places beside them that are not addresses."""

import pytest

from screening import BLOCK, screen


def addresses(text, **kwargs):
    return [text[f.start : f.end] for f in screen(text, **kwargs) if f.category == "address"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Canada: postal codes, French street forms
        ("Cards to 310 Elgin St, Ottawa ON K2P 1M3 please.", ["310 Elgin St", "K2P 1M3"]),
        ("Her postal code is H2T1S6, in the Plateau.", ["H2T1S6"]),
        ("We live at 4411 rue Saint-Denis, Montréal.", ["4411 rue Saint-Denis"]),
        ("The clinic moved to 900 boul. de Maisonneuve in March.", ["900 boul. de Maisonneuve"]),
        # Australia: state and postcode, unit/number
        ("Post it to 8 Jacaranda Ave, Toowong QLD 4066.", ["8 Jacaranda Ave", "4066"]),
        ("I'm in Unit 5/42 Station Street, Box Hill.", ["Unit 5/42 Station Street"]),
        ("Our place is 2/14 Pearl Parade, Scarborough WA 6019.", ["2/14 Pearl Parade", "6019"]),
        # India: PIN codes, flats and buildings
        ("Flat 12, Shanti Apartments, Pune 411001 is where Amma stays.",
         ["Flat 12, Shanti Apartments", "411001"]),
        ("Send it to H.No. 8-2-293, Road No. 10, Hyderabad.", ["H.No. 8-2-293"]),
        ("Our pin code is 110 017.", ["110 017"]),
        # Ireland: Eircodes, named houses
        ("The hospice is at Eircode A92 X4T7 if you are driving.", ["A92 X4T7"]),
        ("Mam lives at The Lodge, Chapel Road, Ennis, V95 H2C8.",
         ["The Lodge, Chapel Road", "V95 H2C8"]),
        # New Zealand: a postcode after the town that ends an address
        ("Flat 1, 9 Tui Street, Mount Eden, Auckland 1024 is the address.",
         ["Flat 1, 9 Tui Street", "1024"]),
        # UK street forms
        ("Drop it round to 7 The Paddocks, Ely CB6 3XY.", ["7 The Paddocks", "CB6 3XY"]),
        ("The office is at 210 Kingsway, up the hill.", ["210 Kingsway"]),
        ("My flat is 3 Wellington Quay, by the river.", ["3 Wellington Quay"]),
        ("They live in Ivy Cottage, Station Road, in the village.", ["Ivy Cottage, Station Road"]),
    ],
)  # fmt: skip
def test_addresses_outside_the_us_are_found(text, found):
    assert addresses(text) == found


def test_an_eircode_blocks_and_offers_a_redaction():
    (finding,) = [f for f in screen("Eircode D04 C932, top bell.") if f.category == "address"]
    assert finding.severity == BLOCK
    assert finding.replacement == "[address]"


@pytest.mark.parametrize(
    "text",
    [
        "We drove from Killarney to Cork every week for the radiotherapy.",
        "Mum was transferred from Ludhiana to a bigger hospital in Punjab.",
        "I grew up in Aberystwyth and trained in Cardiff.",
        "The 2011 earthquake in Christchurch, Canterbury changed everything.",
        "He is in room 1024, bed 3, on the fourth floor.",
        "I wore two N95 masks and took my B12 tablets.",
        "Three Galway nurses and a Norway-born doctor ran the unit.",
        "My step count was 8000, Auckland to Hamilton and back, in 2019.",
        "Flat 3 weeks after the operation, I was finally walking.",
        "The 400 metres to the bus stop, Mumbai traffic or not, felt like miles.",
    ],
)
def test_places_and_numbers_that_are_not_addresses_are_left_alone(text):
    assert addresses(text) == []
