"""Postcodes and street forms outside the US: Canada, Australia, India, Ireland
(Eircodes), New Zealand and the UK.

The US forms (house number, street name, street type; ZIP codes after a state)
and UK postcodes are in ``identifiers.py``. What is here is read from the
characters that are rare in a text (a digit, a postcode's shape) outwards.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Document, RegexRule, Rule, trim_trailing
from ..findings import BLOCK
from ..lazy import compile_later
from ..lexicons import place_names
from .identifiers import UNIT_BEFORE

__all__ = [
    "AustralianPostcodeRule",
    "CanadianPostcodeRule",
    "EircodeRule",
    "HouseNameRule",
    "IndianAddressRule",
    "PostcodeAfterPlaceRule",
    "StreetFormRule",
]


class CanadianPostcodeRule(RegexRule):
    """A Canadian postal code, "M5H 2M9": letter, digit, letter, then digit, letter, digit."""

    id = "address.postcode_ca"
    category = "address"
    severity = BLOCK
    message = "Looks like a postal code."
    # Canada Post never uses D, F, I, O, Q or U, nor W or Z first. (A letter first lets
    # the engine skip ahead; the lookbehind then drops letters inside a word.)
    pattern = compile_later(
        r"[ABCEGHJ-NPRSTVXY](?<![\w-][A-Z])\d[ABCEGHJ-NPRSTV-Z][^\S\n]?\d[ABCEGHJ-NPRSTV-Z]\d\b"
    )


class EircodeRule(RegexRule):
    """An Irish Eircode, "D02 X285", "A65 F4E2": a routing key and a unique identifier."""

    id = "address.eircode"
    category = "address"
    severity = BLOCK
    message = "Looks like an Eircode (an Irish postcode), which locates one home."
    # Routing keys: a letter and two digits ("D6W" in Dublin 6W); the identifier is
    # four of the letters and digits Eircodes use, with at least one letter and one digit.
    pattern = compile_later(
        r"[AC-FHKNPRTV-Y](?<![\w-][A-Z])(?:\d\d|(?<=D)6W)[^\S\n]?"
        r"(?=[0-9A-Z]{0,3}\d)(?=[0-9A-Z]{0,3}[AC-FHKNPRTV-Y])[0-9AC-FHKNPRTV-Y]{4}\b"
    )


class AustralianPostcodeRule(Rule):
    """A postcode after an Australian state or territory: "Bondi NSW 2026"."""

    id = "address.postcode_au"
    category = "address"
    severity = BLOCK
    message = "Looks like a postcode."
    pattern = compile_later(
        r"(?<![\w-])(?:NSW|VIC|Vic|QLD|Qld|WA|SA|TAS|Tas|NT|ACT|New[^\S\n]+South[^\S\n]+Wales"
        r"|Victoria|Queensland|Western[^\S\n]+Australia|South[^\S\n]+Australia|Tasmania"
        r"|Northern[^\S\n]+Territory),?[^\S\n]+(\d{4})(?![\w-])"
    )

    states = frozenset(
        "nsw vic qld wa sa tas nt act victoria queensland tasmania australia wales "
        "territory".split()
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        if doc.word_set.isdisjoint(self.states):
            return
        for match in self.pattern.finditer(doc.text):
            yield match.span(1)


class PostcodeAfterPlaceRule(Rule):
    """A postcode after the town that ends an address written out on one line
    ("23 Ponsonby Road, Ponsonby, Auckland 1011", "Andheri West, Mumbai 400053",
    "Bengaluru - 560038"), or after the word PIN or postcode."""

    id = "address.postcode_tail"
    category = "address"
    severity = BLOCK
    message = "Looks like a postcode."
    # Four digits (New Zealand, Australia, much of Europe) or six (an Indian PIN,
    # also written "560 038").
    value = compile_later(r"\d(?<![\w/.,-]\d)(?:\d{3}|\d{2}[^\S\n]?\d{3})(?![\w/-]|[.,]\d)")
    # The town: capitalised words after a comma, just before the number.
    town = compile_later(
        r",[^\S\n]*(?:[A-Z][\w'’.-]*[^\S\n]+){0,2}[A-Z][\w'’.-]*[^\S\n]*(?:[-–—][^\S\n]*)?$"
    )
    keyword = compile_later(
        r"\b(?:PIN|Pin|pin|PIN[^\S\n]+code|Pin[^\S\n]+code|pin[^\S\n]*code|pincode|Pincode"
        r"|post[^\S\n]?code|Post[^\S\n]?code|postal[^\S\n]+code|Postal[^\S\n]+code)"
        r"(?:[^\S\n]+is)?[^\S\n]*[:#-]?[^\S\n]*$"
    )
    # Before the town, on the same line: a house or flat number and a comma.
    house = compile_later(r"(?<![\w.])\d{1,5}[A-Za-z]?(?:[-/]\d{1,5})?\b[^\n]*,")

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        text = doc.text
        for match in self.value.finditer(text):
            start, end = match.span()
            word = _word_before(text, start)
            if not word or not (word[0].isupper() or word.lower() in _KEYWORD_ENDS):
                continue  # "in 2016", "about 1200": only a town or a keyword comes first
            lo = max(0, start - 25)
            if self.keyword.search(text, lo, start):
                yield start, end
                continue
            if len(match.group()) > 4 and _after_place(text, start):
                yield start, end  # "Mumbai 400053": six digits after a town are a PIN
                continue
            line_start = max(text.rfind("\n", 0, start) + 1, start - 140)
            town = self.town.search(text, max(line_start, start - 60), start)
            if not town:
                continue
            # A street or building first ("23 Ponsonby Road, Ponsonby, Auckland 1011"), not
            # any number ("2 tablets, Panadol 1000"; "Christchurch, Canterbury 2011").
            if _street_before(text, line_start, town.start()) and self.house.search(
                text, line_start, town.start() + 1
            ):
                yield start, end


_KEYWORD_ENDS = frozenset("pin code pincode postcode is".split())


def _word_before(text: str, start: int) -> str:
    """The word before ``start``, past spaces, a dash, a colon or a comma."""
    end = start
    while end > 0 and text[end - 1] in " \t,:#-–—":
        end -= 1
    begin = end
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "'’."):
        begin -= 1
    return text[begin:end]


_PLACE_BEFORE = compile_later(r"([A-Z][\w'’.-]*),?[^\S\n]*(?:[-–—][^\S\n]*)?$")


def _after_place(text: str, start: int) -> bool:
    """Whether a town or city from the place lists ends just before ``start``."""
    before = _PLACE_BEFORE.search(text, max(0, start - 30), start)
    return bool(before) and before.group(1) in place_names()


_STREET_TYPE = (
    r"Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Crescent|Cres|Close|Court|Ct|Place|Pl"
    r"|Terrace|Tce|Parade|Pde|Grove|Gr|Way|Highway|Hwy|Quay|Esplanade|Esp|Boulevard|Blvd"
    r"|Circuit|Cct|Rise|Gardens|Gdns|Mews|Square|Sq|Row|Walk|Cross|Main|Marg|Nagar|Quay|Green"
    r"|Complex|Apartments?|Residency|Society|Towers?|Enclave|Colony|Layout"
)
_STREET_BEFORE = compile_later(rf"\b(?:{_STREET_TYPE})\b")


def _street_before(text: str, start: int, end: int) -> bool:
    return bool(_STREET_BEFORE.search(text, start, end))


# Words that end a UK street name after "The": "14 The Green", "3 The Paddocks".
_THE_STREETS = (
    r"Green|Crescent|Close|Drive|Avenue|Grove|Parade|Paddocks?|Maltings|Ridgeway|Square"
    r"|Terrace|Street|Row|Walk|Causeway|Strand|Broadway|Promenade|Esplanade|Orchard|Meadows?"
    r"|Willows|Laurels|Limes|Elms|Oaks|Beeches|Chase|Glebe|Nook|Spinney|Copse|Hollow|Dell"
    r"|Mews|Circus|Quadrant|Crofts?|Brambles|Larches|Pines|Firs|Birches|Poplars|Rowans"
    r"|Hawthorns|Sycamores|Cedars|Leys|Fairway|Hyde|Drove|Wynd|Vennel|Brae|Loan|Steading"
)
# One-word streets: "Kingsway", "Broadway", "Southgate" (not "Norway", "Galway").
_ONE_WORD_STREET = r"[A-Z][a-z]{2,}(?:way|gate)"
_NOT_STREETS = frozenset(
    "Norway Galway Conway Midway Subway Gateway Doorway Hallway Runway Railway Stairway "
    "Anyway Halfway Highway Motorway Freeway Expressway Pathway Walkway Driveway Causeway "
    "Fairway Getaway Takeaway Giveaway Hideaway Breakaway Headway Airway Waterway Someway "
    "Harrogate Reigate Ramsgate Margate Tollgate Watergate Floodgate Tailgate".split()
)
# French street words before the name: "2150 boul. René-Lévesque", "45 rue Saint-Denis".
_FRENCH_STREET = r"(?:rue|boul\.?|boulevard|bd\.?|av\.|avenue|chemin|ch\.|rang|montée|côte|place)"
_NAME_PARTICLE = r"(?:(?:de|du|des|de[^\S\n]+la|la|le)[^\S\n]+|[dl][’'])"
_CAP = r"[A-ZÀ-Ý][\w'’.]*(?:-[\w'’.]+)*"


class StreetFormRule(Rule):
    """Street addresses in the forms of the UK, Ireland, Canada, Australia and New
    Zealand that the US form misses: "14 The Green", "1187 Kingsway", "Unit 3/27 Beach
    Road", "2150 boul. René-Lévesque", "Apartment 5, 3 Hanover Quay"."""

    id = "address.street_intl"
    category = "address"
    severity = BLOCK
    message = "Looks like a street address."
    # From the house number (a digit lets the engine skip ahead; the lookbehind drops
    # numbers inside longer ones, decimals and codes).
    pattern = compile_later(
        r"\d(?<![\w/.-]\d)\d{0,4}[A-Za-z]?(?:"
        # "14 The Green"
        rf"[^\S\n]+The[^\S\n]+(?:{_THE_STREETS})\b"
        # "1187 Kingsway"
        rf"|[^\S\n]+(?P<one>{_ONE_WORD_STREET})\b"
        # "2150 boul. René-Lévesque", "45 rue de la Montagne"
        rf"|,?[^\S\n]+{_FRENCH_STREET}[^\S\n]+{_NAME_PARTICLE}?{_CAP}(?:[^\S\n]+{_CAP})?"
        # "3 Hanover Quay", "9 Marine Parade": street types the US form lacks
        rf"|[^\S\n]+(?:{_CAP}[^\S\n]+){{1,3}}(?:Quay|Parade|Esplanade|Grove|Gardens|Mews|Rise"
        r"|Circuit|Promenade|Wharf|Heights|Cres|Pde|Tce|Gdns|Cct|Crt|Esp)\b\.?"
        # "3/27 Beach Road": a unit, a slash, the house number, a street
        rf"|/\d{{1,5}}[A-Za-z]?(?:[^\S\n]+{_CAP}){{1,3}}[^\S\n]+(?:{_STREET_TYPE})\b\.?"
        r")"
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        text = doc.text
        for match in self.pattern.finditer(text):
            one = match.group("one")
            if one and one in _NOT_STREETS:
                continue
            start = match.start()
            unit = UNIT_BEFORE.search(text, max(0, start - 24), start)
            yield (unit.start() if unit else start), trim_trailing(text, start, match.end(), ",")


class HouseNameRule(RegexRule):
    """A named house and its street, as UK and Irish addresses run: "Rose Cottage,
    Mill Lane", "The Cottage, Ballymore Road"."""

    id = "address.house_name"
    category = "address"
    severity = BLOCK
    message = "Looks like a home's name and street."
    pattern = compile_later(
        r"(?:The|[A-Z][a-z]+)[^\S\n]+(?:Cottage|Farmhouse|Farm|Lodge|Barn|Bungalow|Villa|Manor"
        r"|Grange|Rectory|Vicarage|Croft|Cabin)"
        r",[^\S\n]+(?:[A-Z][\w'’-]*[^\S\n]+){1,3}(?:Lane|Road|Street|Way|Hill|Close|Drive|Row"
        r"|Avenue|Terrace|Crescent|Green)\b"
    )
    houses = frozenset(
        "cottage farmhouse farm lodge barn bungalow villa manor grange rectory vicarage croft "
        "cabin".split()
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        if not doc.word_set.isdisjoint(self.houses):
            yield from super().spans(doc)


class IndianAddressRule(Rule):
    """A flat or house number with a named building, colony or cross road, as Indian
    addresses run: "B-204, Lokhandwala Complex", "Flat 302, Sai Residency, 14th Cross",
    "H.No. 12-3-456", "Plot 45"."""

    id = "address.street_in"
    category = "address"
    severity = BLOCK
    message = "Looks like a street address."
    # From the number: "204, Lokhandwala Complex", "302, Sai Residency, 14th Cross".
    pattern = compile_later(
        r"\d(?<![\w/.]\d)\d{0,3}(?:-\d{1,4}){0,3}[A-Z]?,?(?:[^\S\n]+[A-Z][\w'’.-]*){1,3}"
        r"[^\S\n]+(?:Complex|Apartments?|Residency|Society|Towers?|Enclave|Nagar|Colony|Layout"
        r"|Niwas|Bhavan|Bhawan|Sadan|Chawl|Vihar|Marg)\b"
        r"(?:,[^\S\n]+\d+(?:st|nd|rd|th)[^\S\n]+(?:Cross|Main)(?:[^\S\n]+Road)?\b)?"
    )
    # "Flat 302, ", "B-204, ", "#45, ", "H.No. ": what may come before that number.
    prefix = compile_later(
        r"(?:\b(?:Flat|Flat[^\S\n]+No\.?|H\.[^\S\n]?No\.?|House[^\S\n]+No\.?|Door[^\S\n]+No\.?"
        r"|Plot(?:[^\S\n]+No\.?)?|Block|Shop[^\S\n]+No\.?)[^\S\n]*|(?<![\w-])[A-Z]-|#[^\S\n]?)$"
    )
    # "H.No. 12-3-456", "Plot No. 45", "Door No. 7": enough on their own.
    numbered = compile_later(
        r"\b(?:H\.[^\S\n]?No\.?|House[^\S\n]+No\.|Door[^\S\n]+No\.?|Plot(?:[^\S\n]+No\.?)?)"
        r"[^\S\n]*\d{1,4}(?:-\d{1,4}){0,3}\b"
    )

    buildings = frozenset(
        "complex apartment apartments residency society tower towers enclave nagar colony "
        "layout niwas bhavan bhawan sadan chawl vihar marg".split()
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        text = doc.text
        if not doc.word_set.isdisjoint(self.buildings):
            for match in self.pattern.finditer(text):
                start = match.start()
                before = self.prefix.search(text, max(0, start - 14), start)
                yield (before.start() if before else start), match.end()
        if any(key in text for key in ("No.", "H.No", "H. No", "House No", "Door No", "Plot")):
            for match in self.numbered.finditer(text):
                yield match.span()
