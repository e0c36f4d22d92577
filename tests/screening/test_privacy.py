"""Privacy findings: what must be found, and the look-alikes that must not be."""

import pytest

from screening import BLOCK, screen


def found(text, category, **kwargs):
    return [text[f.start : f.end] for f in screen(text, **kwargs) if f.category == category]


def privacy(text, **kwargs):
    return [
        (f.category, text[f.start : f.end]) for f in screen(text, **kwargs) if f.group == "privacy"
    ]


# ---------------------------------------------------------------- phone numbers


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Ring the ward desk on (312) 555-0199 after six.", "(312) 555-0199"),
        ("My cell is 312.555.0123 if you want to talk.", "312.555.0123"),
        ("Text 312 555 0123 any time.", "312 555 0123"),
        ("The helpline, 1-888-555-0134, was useless.", "1-888-555-0134"),
        ("My cousin in Leeds is on +44 7700 900877.", "+44 7700 900877"),
        ("Dial +1 (415) 555-0172 for the group.", "+1 (415) 555-0172"),
        ("Her extension was 555-0186 back then.", "555-0186"),
    ],
)
def test_phone_numbers_in_common_formats_are_found(text, number):
    assert found(text, "phone") == [number]


def test_phone_findings_block_and_offer_a_redaction():
    (finding,) = screen("Call me on (312) 555-0199.")
    assert finding.severity == BLOCK
    assert finding.replacement == "[phone number]"
    assert finding.rule == "phone.libphonenumber"


@pytest.mark.parametrize(
    "text",
    [
        "Her blood pressure was 142/91 and her pulse 88.",
        "I was on 10,000 IU of vitamin D for a while.",
        "The bill came to $12,480 before the appeal.",
        "She worked there from 1998-2004 and loved it.",
        "My A1C went from 9.4 to 6.8 in a year.",
        "I waited 1,200 days for a kidney.",
    ],
)
def test_numbers_that_are_not_phone_numbers_are_left_alone(text):
    assert found(text, "phone") == []


# ------------------------------------------------------------- email and urls


def test_plain_email_address_is_found():
    text = "Write to me at sam.okafor+group@example.org any time."
    assert found(text, "email") == ["sam.okafor+group@example.org"]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Email lena dot marsh at example dot com.", "lena dot marsh at example dot com"),
        ("Reach me at lena[at]example[dot]org please.", "lena[at]example[dot]org"),
    ],
)
def test_email_written_out_in_words_is_found(text, address):
    assert found(text, "email") == [address]


def test_the_word_at_between_words_is_not_an_email():
    assert found(text := "We met at church on a rainy day.", "email") == [], text


@pytest.mark.parametrize(
    ("text", "url"),
    [
        (
            "See https://example.org/our-story?id=4 for photos.",
            "https://example.org/our-story?id=4",
        ),
        ("It is all on www.example.com/blog.", "www.example.com/blog"),
        ("I wrote it up at mykidneyjourney.example/part-two.", "mykidneyjourney.example/part-two"),
        ("Follow me @brave.little.heart for updates.", "@brave.little.heart"),
    ],
)
def test_web_addresses_and_handles_are_found(text, url):
    assert found(text, "url") == [url]


def test_email_domain_is_not_reported_again_as_a_url():
    assert privacy("Mail nora@example.net today.") == [("email", "nora@example.net")]


@pytest.mark.parametrize(
    "text",
    [
        "We left at 6 a.m. and got there by noon.",
        "Meds, e.g. insulin, need a cool bag.",
        "The ward is open 24/7 @ the new wing.",
    ],
)
def test_abbreviations_are_not_web_addresses(text):
    assert found(text, "url") == []


# ------------------------------------------------------------------ addresses


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Drop cards at 418 Maple Hollow Dr., thanks.", "418 Maple Hollow Dr."),
        ("We live at 77 W Quarry Road now.", "77 W Quarry Road"),
        ("The office is at 900 N Birch Ave, Suite 210, downtown.", "900 N Birch Ave, Suite 210"),
        ("Send it to PO Box 3321 please.", "PO Box 3321"),
        ("The farm is at 2210 County Road 14 past the silo.", "2210 County Road 14"),
    ],
)
def test_street_addresses_and_po_boxes_are_found(text, address):
    assert found(text, "address") == [address]


def test_uk_postcode_is_found():
    assert found("Cards to 9 Mill Lane, Leeds LS6 2QT please.", "address") == [
        "9 Mill Lane",
        "LS6 2QT",
    ]


def test_zip_code_after_a_state_or_the_word_zip_is_found():
    assert found("We moved to Tulsa, OK 74103 last year.", "address") == ["74103"]
    assert found("Anyone near zip code 30307 want to meet?", "address") == ["30307"]


@pytest.mark.parametrize(
    "text",
    [
        "She was in room 4410 on the cardiac floor.",
        "I walked 12000 steps on Tuesday.",
        "We drove up from Tulsa to see her.",
        "I stayed on the 5 West unit for ten days.",
    ],
)
def test_rooms_counts_and_cities_are_not_addresses(text):
    assert found(text, "address") == []


# ---------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Surgery was on April 9, 2023 at dawn.", "April 9, 2023"),
        ("She was discharged on Nov. 3rd and went home.", "Nov. 3rd"),
        ("He was born on the 21st of October.", "21st of October"),
        ("Date of birth 07/14/1950 on the band.", "07/14/1950"),
        ("The scan on 2022-03-17 was clear.", "2022-03-17"),
        ("Biopsy on 3/5/21 and results a week later.", "3/5/21"),
        ("The transplant was on March the 9th.", "March the 9th"),
        ("She was born 6/14 and came home a month later.", "6/14"),
    ],
)
def test_specific_dates_are_found(text, date):
    assert found(text, "date") == [date]


@pytest.mark.parametrize(
    "text",
    [
        "I was diagnosed in 2019 and started treatment.",
        "Every Thursday we go for labs.",
        "It took three weeks to get an answer.",
        "My pain was 7/10 most days.",
        "Her BP was 120/80 this morning.",
        "We spent Valentine's Day in the ICU.",
        "I may 5 times a day forget my keys.",
        "My pain on 8/10 days keeps me in bed.",
    ],
)
def test_years_weekdays_durations_and_ratios_are_not_dates(text):
    assert found(text, "date") == []


def test_month_and_year_of_a_life_event_is_held_for_review():
    text = "I was diagnosed in March 2021."
    (finding,) = [f for f in screen(text) if f.category == "date"]
    assert finding.severity == "review"


def test_month_and_year_of_a_public_event_is_not_a_date():
    assert found("Everything changed in March 2020 when the pandemic hit.", "date") == []


# ---------------------------------------------------------------- id numbers


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("His MRN is 00482716 on every sticker.", "00482716"),
        ("My member ID: XQJ551200931 was on the card.", "XQJ551200931"),
        ("The claim number is 21-4471-00938.", "21-4471-00938"),
        ("Her SSN, 123-45-6789, was on the form.", "123-45-6789"),
        ("The plate was 6KPL204 and I wrote it down.", "6KPL204"),
        ("Serial number WC-8812-44B is on the chair.", "WC-8812-44B"),
        ("The card ending in 7719 was charged twice.", "7719"),
    ],
)
def test_record_account_plate_and_serial_numbers_are_found(text, number):
    assert found(text, "id_number") == [number]


@pytest.mark.parametrize(
    "text",
    [
        "They moved him to room 5120 and then bed 14.",
        "She's on COVID-19 precautions.",
        "I got my A1C down to 6.5.",
        "Take 500 mg twice a day, the label said.",
        "We stayed in chair 12 for four hours.",
    ],
)
def test_rooms_beds_doses_and_lab_names_are_not_id_numbers(text):
    assert found(text, "id_number") == []


# ----------------------------------------------------------------------- ages


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("My great-aunt is 96 years old and sharp.", "96"),
        ("He was 93, a retired welder.", "93"),
        ("She turned ninety-one in June.", "ninety-one"),
        ("At 97, she still gardens.", "97"),
        ("a 102-year-old patient on our ward", "102"),
        ("A 96 yo man came in with chest pain.", "96"),
        ("Mr. Ostrowski, 93, asked for the crossword.", "93"),
        ("Granddad turned 94 three weeks before the fall.", "94"),
        ("My great-aunt Wilhelmina was ninety-six when we got her a stair lift.", "ninety-six"),
        ("Our neighbour is 91, and she still drives to bingo.", "91"),
        ("She hit 100 last spring and got a card from the mayor.", "100"),
        ("He was aged 92 at the time of the operation.", "92"),
    ],
)
def test_ages_of_ninety_and_over_are_found(text, age):
    assert found(text, "age") == [age]


@pytest.mark.parametrize(
    "text",
    [
        "She is 86 and lives alone.",
        "His oxygen was 92 percent on room air.",
        "I ran a fever at 101 all night.",
        "My heart rate was 95 at rest.",
        "I lost 90 pounds in two years.",
        "The bill was 95 dollars after insurance.",
        "Her sodium was 128 and her potassium was 95 before the fix.",
        "If your parent is in their nineties and falls, ask about the program.",
        "I scored 92 on the exam after surgery.",
        "Room 94 was the quiet one.",
    ],
)
def test_younger_ages_and_readings_are_not_flagged_as_age(text):
    assert found(text, "age") == []


# ---------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My surgeon, Dr. Priyanka Venkatesan, was kind.", "Priyanka Venkatesan"),
        ("Mrs. Oyelaran asked for her glasses.", "Oyelaran"),
        ("My husband Declan drove me every day.", "Declan"),
        ("Our night nurse, Thuy, sang to the baby.", "Thuy"),
        ("A volunteer named Ximena held my hand.", "Ximena"),
        ("Later that week Melissa brought soup.", "Melissa"),
        ("I'm Rosalind, and this is my story.", "Rosalind"),
        ("Our group leader, Ottoline, kept us laughing.", "Ottoline"),
        ("Kestrel, our son, drove down every weekend.", "Kestrel"),
        ("My wife Summer kept a binder of every result.", "Summer"),
        ("The organiser, Tamika Osei, set up the meal rota.", "Tamika Osei"),
    ],
)
def test_names_are_found_from_lists_and_from_context(text, name):
    assert found(text, "name") == [name]


def test_a_name_found_once_is_found_again_later():
    text = "My brother Osric drove me. Osric never complained."
    assert found(text, "name") == ["Osric", "Osric"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Please tell Autumn and Hunter we are thinking of them.", ["Autumn", "Hunter"]),
        ("Thanks for everything, Summer!", ["Summer"]),
        ("The scan results came back and Faith cried with me.", ["Faith"]),
        ("Grace told me to rest, and she was right.", ["Grace"]),
        ("My sister-in-law, June, came to stay. June doesn't know we worry.", ["June", "June"]),
        ("Great-uncle Walt flew in for the surgery.", ["Walt"]),
        ("Our neighbours, the Ostrowskis, had us over for dinner.", ["Ostrowskis"]),
        ("The Nakamuras next door mowed our lawn all summer.", ["Nakamuras"]),
        ("We sang songs by Phạm Duy at the bedside.", ["Phạm Duy"]),
        ("I read a memoir by Siddhartha Mukherjee during chemo.", ["Siddhartha Mukherjee"]),
        ("Abuela Remedios says the soup cures everything.", ["Remedios"]),
        ("Tomasz Wierzbicki, 71, was admitted twice last winter.", ["Tomasz Wierzbicki"]),
        ("The man in bed two, Ossie Marchetti, 64, asked for his glasses.", ["Ossie Marchetti"]),
        ("A clerk in the grievance office, Park Ji-yeon, finally called back.", ["Park Ji-yeon"]),
        (
            "My boyfriend Min-jun and his sister Seo-yeon Kim sat with me.",
            ["Min-jun", "Seo-yeon Kim"],
        ),
        ("Abdiwali from the night shift came back to say goodbye.", ["Abdiwali"]),
        ("I'm Kayleigh, but everyone calls me KK.", ["Kayleigh", "KK"]),
        (
            "Dale Okonkwo-Reyes, 58, came in again. Dale, if you read this, we miss you.",
            ["Dale Okonkwo-Reyes", "Dale"],
        ),
    ],
)
def test_names_that_are_words_or_in_no_list_are_found_from_their_context(text, names):
    assert found(text, "name") == names


@pytest.mark.parametrize(
    "text",
    [
        "Hope is not a plan, my surgeon likes to say.",
        "We spent Summer at the lake and Autumn in the hospital.",
        "We wiped down the Legos and the Duplos after every visit.",
        "My Babcia taught me to make pierogi.",
        "She signed it PharmD, as pharmacists do.",
        "Bà Nội lit incense for my grandfather every evening.",
        "I watched the Yankees lose from my hospital bed.",
        "The Andes trip had to wait until after radiation.",
    ],
)
def test_kinship_words_credentials_seasons_and_plurals_of_things_are_not_names(text):
    assert found(text, "name") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("please tell mariana on 5 north that we said thank you!!", ["mariana"]),
        ("honestly brianna you're the reason I kept going", ["brianna"]),
        ("the okafor family sends their love to the night nurses", ["okafor"]),
        ("thanks keisha, you made the worst week bearable", ["keisha"]),
    ],
)
def test_names_typed_in_lower_case_are_found_from_their_context(text, names):
    assert found(text, "name", kind="comment") == names


@pytest.mark.parametrize(
    "text",
    [
        "my lola flew in from manila to help with the twins",
        "the numbers on the monitor kept dropping, brady after brady",
        "tell everyone on the unit thanks, and bring pan dulce next time",
        "we used the wi-fi in the pre-op bay, and the hip-hop playlist helped",
        "She lights a candle to the Virgen de Guadalupe every night.",
        "They call it the Wi-Fi lounge, next to the Pre-op desk.",
    ],
)
def test_lower_case_words_kinship_and_devotions_are_not_names(text):
    assert found(text, "name", kind="comment") == []


def test_name_written_in_capitals_on_a_label_is_found():
    assert found("The wristband said NAKAMURA, HELEN in red.", "name") == ["NAKAMURA, HELEN"]


@pytest.mark.parametrize(
    "text",
    [
        "Hope is what got me through the winter.",
        "Grace under pressure is a nurse's whole job.",
        "Faith matters a lot to my family.",
        "Will you please read the whole thing?",
        "Mark my words, rehab is the hard part.",
        "Art therapy helped more than I expected.",
        "Bill me later, I told the pharmacy.",
        "In May we finally went home.",
        "He has had Parkinson's for a decade.",
        "My Crohn's flared again after Thanksgiving.",
        "I was treated for Hodgkin lymphoma at nineteen.",
        "The nurses used a Hoyer lift and a Foley.",
        "Her Apgar scores were fine.",
        "We stayed at Ronald McDonald House for a month.",
        "She volunteers at Grace Memorial Hospital.",
        "My daughter flew in from Savannah overnight.",
        "We moved to Austin for the clinic.",
        "They switched me to Tylenol and Allegra.",
        "God was with us that night.",
        "Every Sunday we pray together.",
        "I had my transplant at St. Luke's and my rehab at Kaiser Permanente.",
        "We spent Christmas Eve in the emergency room.",
        "I grew up in Tyler, Texas before moving north.",
        "My second opinion was at MD Anderson.",
    ],
)
def test_words_places_drugs_and_diseases_are_not_names(text):
    assert found(text, "name") == []


def test_names_are_held_for_review_with_a_redaction():
    (finding,) = screen("Dr. Okonjo came by at noon.")
    assert (finding.category, finding.severity, finding.replacement) == ("name", "review", "[name]")


def test_staff_naming_a_patient_by_title_is_blocked():
    text = "Mr. Abernathy refused breakfast again."
    (finding,) = [f for f in screen(text, role="employee") if f.category == "name"]
    assert finding.severity == BLOCK
