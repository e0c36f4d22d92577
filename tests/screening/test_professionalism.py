"""Professionalism and safety findings, judged per text."""

import pytest

from screening import BLOCK, REVIEW, screen


def labels(text, **kwargs):
    return {f.category for f in screen(text, **kwargs) if f.group != "privacy"}


# ------------------------------------------------------------- medical advice


@pytest.mark.parametrize(
    "text",
    [
        "If your statin makes your legs ache, just stop taking it and use fish oil instead.",
        "Honestly, you don't need the antidepressants. Quit them and go for long walks.",
        "Skip your evening dose of metoprolol if you feel dizzy.",
        "Take 2,000 mg of turmeric every morning and cut your insulin by half.",
        "You should double your inhaler on bad air days.",
        "Everyone with joint pain should try 1,500 mg of glucosamine a day.",
        "Don't let them put you on blood thinners, they're a racket.",
        "Please stop taking the warfarin and switch to garlic.",
        "When they offer you the epidural, say no and ask for nitrous instead.",
        "Skip the flu shot this year, it does more harm than good.",
        "Sleeping pills are a trap. Quit taking them cold turkey.",
        "Muscle relaxants like tizanidine only hide the problem. Stop taking them.",
        "You should refuse the induction and wait it out.",
    ],
)
def test_telling_readers_to_change_their_treatment_is_medical_advice(text):
    assert "medical_advice" in labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "My oncologist put me on 20 mg of prednisone and tapered it over a month.",
        "I take my blood thinner at 8 every night with dinner.",
        "The nurse told us to give him 5 ml of the syrup every six hours.",
        "Take the respite hours when they are offered. The dishes can wait.",
        "Ask your pharmacist about the timing of your pills.",
        "Take your medication as prescribed and call your doctor with questions.",
        "My obstetrician told me to ask for the epidural early, and I'm glad I did.",
        "I said no to the epidural and asked for nitrous, which was my choice.",
        "The nurse said to keep taking the antibiotics until they were gone.",
        "Please stop by the infusion center and say hi to the nurses.",
        "The pills ran out on Friday. We refused to give up hope.",
    ],
)
def test_reporting_ones_own_treatment_or_general_encouragement_is_not_advice(text):
    assert "medical_advice" not in labels(text)


# ----------------------------------------------------------- credential claims


@pytest.mark.parametrize(
    "text",
    [
        "Charge nurse on the burns unit here, and this is spot on.",
        "I was one of her night nurses in the NICU!",
    ],
)
def test_credentials_stated_in_passing_are_claims(text):
    assert "credential_claim" in labels(text)


@pytest.mark.parametrize(
    "text", ["The nurses here were lovely.", "I was one of his visitors most days."]
)
def test_mentioning_nurses_is_not_a_claim(text):
    assert "credential_claim" not in labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "I've been a hospice nurse for twelve years.",
        "As a licensed occupational therapist I see this every week.",
        "Oncology pharmacist here, and I want to say thank you.",
        "I'm Corinne Batts, RN, BSN, and I run the night shift.",
        "I am a board-certified cardiologist at a teaching hospital.",
        "I'm an ER doc and I read every one of these.",
        "I worked as a CNA for six years before nursing school.",
    ],
)
def test_claiming_a_clinical_credential_is_found(text):
    assert "credential_claim" in labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "Twelve years as a cardiac cath lab tech, and this is the case I remember.",
        "Respiratory therapist for 18 years, and I still tear up at extubations.",
        "Former Navy corpsman and retired paramedic here, so I have seen a lot.",
        "As someone with an RN and a decade in the ICU, I can tell you night shift is hard.",
        "My license as a nurse practitioner means nothing to my own insurer.",
        "I've held my EMT certification since college.",
        "I passed my boards last spring and started on the stroke unit.",
        "I was the charge nurse the night they brought your mother up.",
    ],
)
def test_careers_licences_and_boards_are_claims(text):
    assert "credential_claim" in labels(text, role="employee")


@pytest.mark.parametrize(
    "text",
    [
        "My mother spent thirty years as a nurse in this town.",
        "Former coworkers from the bakery sent flowers.",
        "My license renewal for the food truck came through.",
        "Grandad qualified as a pharmacist in 1961 and ran the chemist on the high street.",
        "I changed the dressing every morning, as the district nurse showed us.",
    ],
)
def test_other_peoples_careers_and_other_licences_are_not_claims(text):
    assert "credential_claim" not in labels(text, role="reader")


@pytest.mark.parametrize(
    "text",
    [
        "After the C-section, double up on the stool softeners and skip the oxycodone.",
        "Don't let them send you home without antibiotics; demand a Z-pack.",
        "Give him a capful of MiraLAX every night, it works.",
        "Kids with a fever need alternating Tylenol and Motrin, no matter what the "
        "pediatrician says.",
        "If your child has asthma, keep using the rescue inhaler at home instead of the ER.",
    ],
)
def test_more_ways_of_telling_readers_what_to_take_are_advice(text):
    assert "medical_advice" in labels(text, kind="comment", role="reader")


@pytest.mark.parametrize(
    "text",
    [
        "I'm not a doctor, but I have read a lot about my condition.",
        "My wife is a nurse and she spotted it first.",
        "I'm a hospital chaplain and a retired teacher.",
        "I work in the kitchen and deliver the meal trays.",
        "Our cardiologist was patient with all my questions.",
    ],
)
def test_other_jobs_and_other_peoples_credentials_are_not_claims(text):
    assert "credential_claim" not in labels(text)


# ---------------------------------------------------------- patient disclosure


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "I work nights on the cardiac floor. A young mother came in last week with a clot "
            "that had travelled to her lung.",
            None,
        ),
        ("Mr. Delacroix in bed 3 had his second stroke on my shift.", "employee"),
        ("Oh, I remember her! The lady in room 12 with the broken hip who knitted.", "employee"),
        ("I work in radiology. Teodora Vasquez came in with a cough and a mass.", None),
    ],
)
def test_staff_describing_one_patient_with_one_clinical_detail_is_a_disclosure(text, role):
    assert "patient_disclosure" in labels(text, role=role)


@pytest.mark.parametrize(
    "text",
    [
        "I work nights on the cardiac floor. A volunteer came in with cookies for the team.",
        "I work in registration. A man came in asking for directions to the cafeteria.",
    ],
)
def test_staff_describing_visitors_is_not_a_disclosure(text):
    assert "patient_disclosure" not in labels(text, role="employee")


def test_family_describing_their_own_relative_is_not_a_disclosure():
    text = "My grandmother came in for a hip replacement and the staff were wonderful."
    assert "patient_disclosure" not in labels(text, role="family")


@pytest.mark.parametrize(
    "text",
    [
        "Mrs. Pellegrino came in septic from a nursing home. Her lactate was 5.1 and "
        "she was intubated within the hour.",
        "A patient named Rufus, 47, came to us with a stroke. His CT showed a bleed "
        "and he needed surgery that night.",
        "The girl in the next bed had relapsed twice. Her counts were so low she was "
        "in isolation the whole month.",
        "The man in bed 6 had end-stage cirrhosis and kept pulling out his IV.",
        "My patient this morning, a 52-year-old teacher, learned the tumor had spread.",
    ],
)
def test_describing_another_patients_clinical_details_is_found(text):
    assert "patient_disclosure" in labels(text, role="employee")


@pytest.mark.parametrize(
    "text",
    [
        "My son Arlo was diagnosed with leukemia in the spring. His counts are better now.",
        "Patients tell me all kinds of things while I clean their rooms.",
        "Dr. Haddad explained the biopsy and the surgery plan to us.",
    ],
)
def test_own_family_staff_and_general_remarks_are_not_disclosures(text):
    assert "patient_disclosure" not in labels(text, role="family")


@pytest.mark.parametrize(
    "text",
    [
        "Wheeled a man in his sixties up to cath lab on Friday night; his troponin was through "
        "the roof and he kept apologising for the fuss.",
        "The older lady I sit with on Wednesdays has COPD and is on four liters of oxygen now.",
        "One of my regulars came back this week with her sugar at 480 and a foot ulcer.",
        "Drew blood on a 15-year-old in bay 6 yesterday whose platelets were almost gone.",
        "The gentleman in 412 has a pressure ulcer we keep dressing twice a day.",
        "Kenji, who's been on our floor since August, finally got his transplant.",
    ],
)
def test_staff_describing_one_person_in_their_care_is_a_disclosure(text):
    assert "patient_disclosure" in labels(text, role="employee")


@pytest.mark.parametrize(
    "text",
    [
        "My coworker at the bakery just had a stent put in after a heart attack, and he is "
        "already back on the early shift.",
        "The man next door was diagnosed with lung cancer in May and starts chemo on Monday.",
    ],
)
def test_a_reader_describing_a_coworkers_or_neighbours_diagnosis_is_a_disclosure(text):
    assert "patient_disclosure" in labels(text, role="reader", kind="comment")


@pytest.mark.parametrize(
    "text",
    [
        "When a patient finally comes off the vent, the whole unit cheers.",
        "It's the one part of the day a patient gets to choose, so the coffee should be hot.",
        "Take a baby aspirin only if your own doctor says so.",
        "Apparently I'm the guy in bed 9 with the broken pelvis everyone talks about.",
        "A good nurse notices when the patient in front of her is scared.",
    ],
)
def test_general_remarks_and_the_author_themselves_are_not_disclosures(text):
    assert "patient_disclosure" not in labels(text, role="employee")


# ---------------------------------------------------------------------- abuse


@pytest.mark.parametrize(
    "text",
    [
        "You are a useless, heartless excuse for a doctor.",
        "People like you are lazy idiots who should never work in a hospital.",
        "Dr. Foyle, you're a lying piece of garbage.",
        "I know where you live, and you won't see me coming.",
        "Shut your mouth and stop posting your fake cures.",
        "That surgeon is a butcher and a fraud.",
        "The admins who run that clinic's front desk are a pack of heartless vultures.",
        "Those bean-counting leeches in billing should be ashamed of themselves.",
        "The fucking receptionists laughed at my mother while she cried.",
        "Our new charge nurse is a sadistic bully who enjoys watching people squirm.",
    ],
)
def test_insults_and_threats_are_abuse(text):
    assert "abuse" in labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "If that orderly ever lays a hand on my mother again, he'll leave in an ambulance.",
        "Somebody ought to teach that smug surgeon a lesson he won't forget.",
        "I know what time your shift ends, and which car is yours.",
        "If I ever run into him at the store, I'll make him wish he'd never met me.",
        "Soon you'll find out what it feels like to be the scared one.",
    ],
)
def test_threats_without_the_word_threat_are_abuse(text):
    assert "abuse" in labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "Diabetes is an absolute bastard of a disease. Hang in there.",
        "Cancer is such a bitch, and the chemo was worse.",
        "This fucking tumour has taken everything from us.",
        "The therapy clowns came by the children's ward and made my son laugh.",
        "If you ever need a lift to the clinic again, I'll drive you.",
        "I know when you're on shift, so I'll bring cookies for the whole team.",
        "The needle prick was the worst part.",
    ],
)
def test_profanity_at_an_illness_and_kind_offers_are_not_abuse(text):
    assert "abuse" not in labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "That line about the coffee killed me. I'm dying laughing.",
        "Losing my hair sucks, and I hated every minute of chemo.",
        "I was angry and exhausted, and I'm not proud of it.",
        "You are so brave for sharing this.",
        "What a stupid policy, and nobody will change it.",
        "Screw cancer, honestly.",
    ],
)
def test_strong_feelings_without_a_target_are_not_abuse(text):
    assert "abuse" not in labels(text)


# ------------------------------------------------------------------ promotion


@pytest.mark.parametrize(
    "text",
    [
        "My 8-week gut healing program is $349. The first 15 sign-ups get a free 20-minute "
        "consult, so book now!",
        "Visit my online shop for hand-poured recovery candles. Message me for prices.",
        "I'm offering coaching to anyone on dialysis. Sessions are $80, text HEAL to 555-0101.",
    ],
)
def test_packages_consults_and_shops_are_promotion(text):
    assert "promotion" in labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our family set up a fundraiser for Dad's transplant; every bit helps.",
        "I loved the book The Body Keeps the Score, no affiliation, just a fan.",
        "My coach at cardiac rehab was wonderful, and the program is free for patients.",
        "The parking pass was $12 a day, which adds up.",
    ],
)
def test_fundraisers_recommendations_and_costs_are_not_promotion(text):
    assert "promotion" not in labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "My 30-day gut reset course is $99 this week only. Use code HEAL10 for 10% off!",
        "Selling my late mother's lift chair, $300 or best offer, cash only.",
        "DM me for a free consultation, link in bio.",
        "I charge a flat $200 and nothing up front, details at my site.",
        "We sell knitted port covers on Etsy, shop now before the holidays.",
    ],
)
def test_selling_and_advertising_is_promotion(text):
    assert "promotion" in labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "The bill was $18,200 until the appeal went through.",
        "Our support group is free and always will be. Email us to join.",
        "I keep a blog about recovery at mystory.example if it helps anyone.",
    ],
)
def test_prices_of_bills_and_free_groups_are_not_promotion(text):
    assert "promotion" not in labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "Night nanny service, CPR certified, $30 an hour. Text Dana at 555-0110 to book.",
        "Drowning in medical debt? We fight your bills for a flat fee. Call 555-0144 now.",
        "I joined an incredible wellness team last year and now I earn from home! "
        "Message me to hear more.",
        "My meal-prep course is half price until Friday. Book at eatwell.example.",
        "Use code HEAL15 at calmcandles.example for anything in the shop.",
    ],
)
def test_services_for_hire_recruiting_and_codes_are_promotion(text):
    assert "promotion" in labels(text, kind="comment", role="reader")


@pytest.mark.parametrize(
    "text",
    [
        "Shut the hell up and stop whining, nobody cares about your knee.",
        "You people at the front desk are animals.",
        "Guess who is back again, our favourite drunk idiot.",
        "Some people are too stupid to save.",
        "What an attention seeker you are. Grow up.",
    ],
)
def test_insults_in_other_words_are_abuse(text):
    assert "abuse" in labels(text, kind="comment", role="reader")


@pytest.mark.parametrize(
    "text",
    [
        "I know how I'm going to get there: one physio session at a time.",
        "Watching your time-in-range creep up is its own kind of hope.",
        "Our receptionist is a gem and the parking is free.",
    ],
)
def test_plans_and_praise_are_not_abuse(text):
    assert "abuse" not in labels(text, kind="comment", role="reader")


@pytest.mark.parametrize(
    "text",
    [
        # Belittling without a stock insult word.
        "The ward manager is a smug little man who thinks a clipboard makes him God.",
        "that petty little jobsworth at the front desk sent my nan home in the rain",
        "Honestly the night registrar is a total waste of a white coat.",
        # Insults of English outside the US.
        "The consultant was a complete wanker to my mum from start to finish.",
        "you're an absolute muppet, you gave my dad the wrong tablets twice",
        # Censored profanity aimed at people.
        "the f***ing nurses on that ward couldn't care less",
        "Dr Reyes didn't even examine me. What a f*cking joke.",
    ],
)
def test_scorn_without_a_stock_insult_word_is_abuse(text):
    assert "abuse" in labels(text, kind="comment", role="reader")


@pytest.mark.parametrize(
    "text",
    [
        "I felt like such an idiot asking the same question three times.",
        "Sobbed through the whole film like a muppet, the nurses were so kind.",
        "What a sweet little girl in the bed next to me, she sang all morning.",
        "My brain is a liar some days, but the meds help.",
        "The f***ing scanner broke down again, we waited four hours.",
    ],
)
def test_scorn_of_oneself_or_of_things_is_not_abuse(text):
    assert "abuse" not in labels(text, kind="comment", role="reader")


@pytest.mark.parametrize(
    "text",
    [
        "The old gentleman in the bed opposite mine had a stroke and was tube fed after.",
        "the lass in the next bay was anorexic and on a nasogastric tube, only fourteen",
        "The poor lad in the bed next to me had pneumonia and they put him on a ventilator.",
    ],
)
def test_a_patient_describing_a_fellow_patient_in_the_next_bed_is_a_disclosure(text):
    assert "patient_disclosure" in labels(text, kind="comment", role="patient")


def test_a_fellow_patient_without_clinical_details_is_not_a_disclosure():
    text = "The lady in the bed opposite me lent me her crossword book every afternoon."
    assert "patient_disclosure" not in labels(text, kind="comment", role="patient")


@pytest.mark.parametrize(
    "text",
    [
        "im an lpn in ohio and honestly the night ratios are the real problem",
        "Speaking as an FY2 on nights, please don't shout at the receptionist.",
        "I'm a ward sister on a busy surgical floor in Leeds and I read every one of these.",
        "I was a registrar in Dublin before I moved into general practice.",
        "Thirty years qualified and I still cry at some discharges.",
    ],
)
def test_titles_outside_the_us_and_untidy_typing_are_credential_claims(text):
    assert "credential_claim" in labels(text, kind="comment", role="reader")


def test_a_healthcare_assistant_or_a_sibling_is_not_a_credential_claim():
    text = "I'm a sister to three brothers and I've been a healthcare assistant for a year."
    assert "credential_claim" not in labels(text, kind="comment", role="reader")


def test_promotion_in_a_comment_is_blocked():
    text = "Great story! DM me for 20% off my detox tea, link in bio."
    (finding,) = [f for f in screen(text, kind="comment") if f.category == "promotion"]
    assert finding.severity == BLOCK


def test_professionalism_findings_in_stories_are_held_for_review():
    text = "You are a lazy idiot."
    (finding,) = [f for f in screen(text) if f.category == "abuse"]
    assert finding.severity == REVIEW


def test_advice_from_an_author_claiming_a_credential_is_blocked():
    text = "I'm an ER nurse. Stop your blood pressure pills if you feel dizzy."
    (finding,) = [f for f in screen(text) if f.category == "medical_advice"]
    assert finding.severity == BLOCK


@pytest.mark.parametrize(
    "text",
    [
        "gutless little worm of a manager, hiding in his office while we wait",
        "f*** you and your 'policy', you know exactly what you did",
        "that sh*tbag of a porter left my gran in the corridor",
        "Come near my sister's bed again and see what happens.",
        "i know where you work and your boss will hear about this",
    ],
)
def test_censored_insults_and_open_threats_are_abuse(text):
    assert "abuse" in labels(text, kind="comment", role="reader")


@pytest.mark.parametrize(
    "text",
    [
        "You are not lazy and you are not making it up. Keep going.",
        "MS is a b*tch, but I'm still here.",
        "Book the follow-up and see what happens next week with the new dose.",
        "No one on this forum thinks you're pathetic for crying in the car park.",
        "Needing a wheelchair some days doesn't mean you're lazy.",
    ],
)
def test_reassurance_and_curses_at_an_illness_are_not_abuse(text):
    assert "abuse" not in labels(text, kind="comment", role="reader")


@pytest.mark.parametrize(
    "text",
    [
        "To the surgeon who sent me home: you are a heartless coward.",
        "And fuck every receptionist who laughed at me.",
        "Screw the idiots who told me to try meditation.",
        "You utter cretin. Learn to read.",
        "You lot are thick as a brick, honestly.",
        "ur the dumbest doctor on this site",
    ],
)
def test_insults_at_someone_beside_the_authors_own_words_are_abuse(text):
    assert "abuse" in labels(text, kind="comment", role="reader")


@pytest.mark.parametrize(
    "text",
    [
        'On the bus a woman screamed "move, you fat cow" at my mum, and nobody said a thing.',
        'A patient called him a "useless prick" and he still finished the dressing.',
        "My hair grew back thick and curly after chemo.",
    ],
)
def test_someone_elses_insult_quoted_and_thick_hair_are_not_abuse(text):
    assert "abuse" not in labels(text, kind="comment", role="family")


@pytest.mark.parametrize(
    "text",
    [
        "handmade hospital gowns, all sizes, DM me or email orders@gownsbyliz.example",
        "Knitted NICU hats, made to order, message me for prices.",
        "Taking orders now for my recovery cushions, $25 each, DM me.",
    ],
)
def test_a_sale_with_sizes_orders_or_an_orders_address_is_promotion(text):
    assert "promotion" in {f.category for f in screen(text, kind="comment")}


@pytest.mark.parametrize(
    "text",
    [
        "Keep your policy number handy for when you are lying in a hospital bed abroad.",
        "When you're lying awake at 3am, the night nurses are there.",
        "Eighteen months ago I was admitted to a psychiatric unit and had ECT and lithium.",
        "Eight weeks ago I was diagnosed with MS after losing the sight in one eye.",
        "The ward in Napier was lovely. I was admitted with sepsis and a chest infection.",
    ],
)
def test_lying_down_and_the_authors_own_admission_are_no_professionalism_problem(text):
    found = {f.category for f in screen(text, kind="story", role="patient")}

    assert not found & {"abuse", "patient_disclosure"}
