"""Names that initials, a role or a kin word give away, and the look-alikes beside
them that are not people: pets, wards and buildings named after someone, and
characters of children's books and films."""

import pytest

from screening import screen


def names(text, **kwargs):
    return [text[f.start : f.end] for f in screen(text, **kwargs) if f.category == "name"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Huge thanks to Staff Nurse B. Okwuosa for the night she stayed late.", "B. Okwuosa"),
        ("The letter was signed by K. L. Ferreira-Lopes, the registrar.", "K. L. Ferreira-Lopes"),
        ("We only knew her as S. Mbeki from her badge.", "S. Mbeki"),
        ("Cards went to D.J. Whitcombe and the ward team.", "D.J. Whitcombe"),
        ("My consultant, R. O'Sullivan, rang me himself.", "R. O'Sullivan"),
    ],
)
def test_a_surname_after_initials_is_a_name(text, name):
    assert name in names(text, kind="comment")


@pytest.mark.parametrize(
    "text",
    [
        "P.S. Thanks everyone for the cards.",
        "He served with the U.S. Army before the stroke.",
        "Her temperature hit 102 F. She was shivering.",
        "My pension is with J. P. Morgan, believe it or not.",
    ],
)
def test_initials_before_an_everyday_word_a_unit_or_a_bank_are_no_name(text):
    assert names(text, kind="comment") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Oluwaseun the midwife never once raised her voice.", "Oluwaseun"),
        ("Bronagh the night nurse made me toast at 3am.", "Bronagh"),
        ("Penny the stoma nurse deserves a medal.", "Penny"),
        ("Precious, the healthcare assistant, held my hand.", "Precious"),
        ("Midwife Tegan talked me through every push.", "Tegan"),
        ("Porter Dermot sang all the way to theatre.", "Dermot"),
    ],
)
def test_a_name_beside_the_persons_care_role_is_a_name(text, name):
    assert name in names(text, kind="comment")


@pytest.mark.parametrize(
    "text",
    [
        "Will the nurse come back before the night shift?",
        "Hope the midwife gets some rest after that.",
        "Monday the consultant finally came round.",
        "Christmas the porters dressed as elves.",
    ],
)
def test_a_verb_a_weekday_or_a_holiday_before_a_role_is_no_name(text):
    assert names(text, kind="comment") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("thank u auntie pam for the lasagne x", "pam"),
        ("uncle tony drove us every day", "tony"),
        ("missing you nana joan, the garden looks lovely", "joan"),
        ("my gran nell would have loved this ward", "nell"),
    ],
)
def test_a_given_name_typed_in_lower_case_after_a_kin_word_is_a_name(text, name):
    assert name in names(text, kind="comment")


@pytest.mark.parametrize(
    "text",
    [
        "my auntie may have the same thing",
        "my uncle will be there on friday",
        "nana said the nurses were lovely",
    ],
)
def test_an_everyday_word_after_a_kin_word_is_no_name(text):
    assert names(text, kind="comment") == []


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Me, Gwenllian, Bernie and Sal took the night shifts between us.", {"Gwenllian"}),
        ("Thank you Meenakshi, Vidya and Suresh on the renal unit.", {"Vidya"}),
    ],
)
def test_every_member_of_a_list_with_names_is_a_name(text, wanted):
    assert wanted <= set(names(text, kind="comment"))


def test_places_in_a_list_with_a_name_stay_places():
    found = names("Sarah, Leeds, Hull and Halifax: we did them all in a week.", kind="comment")

    assert found == ["Sarah"]


@pytest.mark.parametrize(
    "text",
    [
        "Our spaniel Murphy waited by the door the whole time I was in.",
        "The hospice let our old labrador, Bramble, visit every Sunday.",
        "My daughter's hamster is called Doris and she asked after him daily.",
        "We brought her kitten Mabel in a basket.",
    ],
)
def test_a_pet_is_no_person(text):
    assert names(text, kind="comment") == []


def test_someone_who_works_with_pets_is_still_a_person():
    assert "Sam" in names("My dog walker Sam fed the cat while I was in.", kind="comment")


@pytest.mark.parametrize(
    "text",
    [
        "I did my first placement on the Florence Nightingale ward.",
        "The Mary Seacole building is where the simulation suite is.",
        "She was moved onto Edith Cavell ward on the third floor.",
    ],
)
def test_a_ward_or_a_building_named_after_someone_is_no_name(text):
    assert names(text, kind="comment") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Winnie the Pooh stickers on the drip stand made him smile.",
        "We watched Mary Poppins three times in one night.",
        "Her Peppa Pig pyjamas were the talk of the ward.",
        "Mr Men books in every bay, bless them.",
        "Fill in the forms, sign here, and Bob's your uncle.",
        "A slice of Victoria sponge from the WI stall.",
    ],
)
def test_a_character_a_saying_or_a_cake_is_no_name(text):
    assert names(text, kind="comment") == []


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("My daughters Oksana and Yevheniia translate for me.", {"Oksana", "Yevheniia"}),
        ("Our nurses Bronwen and Keziah were there at the end.", {"Bronwen", "Keziah"}),
        ("My sons Tadhg and Oisín took turns at night.", {"Tadhg", "Oisín"}),
    ],
)
def test_names_after_a_relation_in_the_plural_are_names(text, wanted):
    assert wanted <= set(names(text, kind="comment"))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ngozi and I sat in that waiting room for nine hours.", "Ngozi"),
        ("Thanks for writing this. Yusuf and I read it twice.", "Yusuf"),
    ],
)
def test_a_name_no_list_knows_in_x_and_i_is_a_name(text, name):
    assert name in names(text, kind="comment")


def test_an_illness_or_a_place_in_x_and_i_is_no_name():
    assert names("Cancer and I have history. Leeds and I never got on.", kind="comment") == []


def test_a_shop_before_and_i_is_no_name():
    text = "I was in the queue at Bunnings and I sat down on the mulch bags."

    assert names(text, kind="comment") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Desmond (my husband) drove through the night to get here.", "Desmond"),
        ("Patience my daughter was in the NICU for six weeks.", "Patience"),
        ("Olumide my brother is the one who noticed the lump.", "Olumide"),
        ("so my mate Kezia said i should write this up", "Kezia"),
        ("Hollie and i did the hospital fun run last year.", "Hollie"),
        ("there was Blessing, who sang hymns at night, and there was Zosia who did hair.", "Zosia"),
        ("The play specialist, Tamsin, brought him a doll with a line in it.", "Tamsin"),
        ("big thanks to dr Siddharth Rao for explaining it all", "Siddharth Rao"),
    ],
)
def test_a_name_told_with_who_the_person_is_is_a_name(text, name):
    assert name in names(text, kind="comment")


@pytest.mark.parametrize(
    "text",
    [
        "Hope my husband gets home before Christmas.",
        "On Eid my father was finally discharged.",
        "Then my sister took over the night shift.",
        "Please don't shout at the triage nurse. Call the ward directly.",
    ],
)
def test_a_wish_a_holiday_or_a_sentence_break_before_my_relation_is_no_name(text):
    assert names(text, kind="comment") == []


@pytest.mark.parametrize(
    "text",
    [
        "By the morning he was sitting up and asking for a Milo.",
        "He had a condition called IgA nephropathy for years.",
        "I blamed the dry Alberta winter for the cough at first.",
        "Bhai rang me at four in the morning from the emergency department at Apollo.",
        "Didi and I took turns sleeping in the recliner.",
        "fa'afetai to everyone at Middlemore, you were amazing",
        "The operation was done at Guy's and I was home in two days.",
        "Aroha nui to you and your whānau.",
        "The nurse held my hand and sang to me in Welsh.",
    ],
)
def test_a_drink_a_test_a_place_a_hospital_or_a_kin_word_is_no_name(text):
    assert names(text, kind="comment") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Will came in every night after his shift to sit with mum.", "Will"),
        ("The ward was packed. Will drove us home at 2am.", "Will"),
        ("Hope's first birthday was spent on the ward.", "Hope"),
        ("Grace's mum slept in the chair for a week.", "Grace"),
        ("dr nwosu and nurse oyelaran, you saved my life", "oyelaran"),
        ("sister adebayo held my hand the whole time", "adebayo"),
    ],
)
def test_a_word_name_doing_what_people_do_or_a_lower_case_surname_after_a_title_is_a_name(
    text, name
):
    assert name in names(text, kind="comment")


@pytest.mark.parametrize(
    "text",
    [
        "Will it hurt? Will they let me go home?",
        "Hope's a funny thing on a cancer ward.",
        "the nurse begged me to eat something",
        "got a dr appt tmrw, the nurse coordinator rang",
        "Popo and Gung Gung send their love from Ipoh.",
        "Simbang Gabi in the hospital chapel was beautiful this year.",
        "Ramazan Bayramı at home with the family is the best medicine.",
        "Thank you, Scottish Ambulance Service, for getting there in eight minutes.",
        "The surgeon called it a Sister Mary Joseph nodule.",
    ],
)
def test_a_question_a_verb_a_kin_word_a_feast_or_a_service_is_no_name(text):
    assert names(text, kind="comment") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We're all thinking of you. Berkay and the kids send their love.", "Berkay"),
        ("love from Hamilton, Wiremu and the whole whānau", "Wiremu"),
        ("Grace and the team on the day unit were unbelievable.", "Grace"),
        ("Femi, who runs the porters, found us a wheelchair.", "Femi"),
        ("Shout out to Tayla-Rose and Jaxon for the bake sale.", "Tayla-Rose"),
        ("Sending love to you and all of Stuart's family.", "Stuart"),
    ],
)
def test_a_name_before_and_the_kids_or_who_or_after_a_shout_out_is_a_name(text, name):
    assert name in names(text, kind="comment")


@pytest.mark.parametrize(
    "text",
    [
        "Christmas and the kids were chaos this year.",
        "We moved to Leeds and the kids settled in fast.",
        "London, who knew it had so many hospitals?",
    ],
)
def test_a_holiday_or_a_place_before_and_the_kids_or_who_is_no_name(text):
    assert names(text, kind="comment") == []
