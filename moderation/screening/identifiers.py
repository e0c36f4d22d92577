"""Identifiers tied to a person: ID numbers, street addresses, dates and great ages."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import Document, RegexRule, Rule, trim_trailing
from .findings import BLOCK, REVIEW
from .lexicons import state_names_pattern

__all__ = [
    "AgeRule",
    "DateMonthYearRule",
    "DateRule",
    "IdKeywordRule",
    "IdPatternRule",
    "PoBoxRule",
    "SsnRule",
    "StreetAddressRule",
    "ZipRule",
]

# ---------------------------------------------------------------- ID numbers

_ID_KEYWORDS = (
    r"MRN|medical record(?:\s+(?:number|no\.?|#))?|(?:hospital|patient|chart)\s+(?:ID|number|#)"
    r"|record\s+(?:number|no\.?|#)|member\s*(?:ID|number|no\.?|#)|subscriber\s+(?:ID|number)"
    r"|group\s+(?:number|no\.?|#)|insurance\s+(?:ID|number|no\.?|#)|policy\s*(?:number|no\.?|#)"
    r"|account\s*(?:number|no\.?|#)|acct\.?\s*#?|claim\s*(?:number|no\.?|#|ID)"
    r"|case\s*(?:number|no\.?|#|file|ID)|(?:board|court|docket)\s+case|file\s+(?:number|#)"
    r"|licen[cs]e(?:\s+(?:number|no\.?|#|plate))?|plate(?:\s+(?:number|no\.?|#))?|tag\s+number"
    r"|serial(?:\s+(?:number|no\.?|#))?|model\s+and\s+serial\s+number|S/N|VIN"
    r"|social\s+security(?:\s+(?:number|no\.?|#))?|SSN|SIN|NHS\s+number|NPI|DEA(?:\s+number)?"
    r"|Medicare\s+(?:number|ID|card)|Medicaid\s+(?:number|ID)|passport(?:\s+(?:number|no\.?))?"
    r"|driver'?s\s+licen[cs]e|employee\s+(?:ID|number|#)|badge\s+(?:number|#)"
    r"|(?:reference|confirmation|tracking|ticket|invoice|order|prescription|Rx)\s*(?:number|no\.?|#)"
    r"|ID(?:\s+(?:number|no\.?|#))?|ID\s*card"
)
_ID_VALUE = r"(?-i:(?:[A-Z]{1,5}[ -]?)?\d[\dA-Z]*(?:[-/.][\dA-Z]+|[ ]\d[\dA-Z]*)*)"


class IdKeywordRule(Rule):
    """A number introduced by what it is: "MRN 123", "claim number is 12-34"."""

    id = "id_number.keyword"
    category = "id_number"
    severity = BLOCK
    message = "Looks like a record, account, licence or other ID number."
    pattern = re.compile(
        rf"\b(?:{_ID_KEYWORDS})(?![a-z])[^\S\n]*(?:[#:=]|\b(?:is|was|of|reads|number|no\.?)\b"
        rf"|[,(]|[^\S\n])*[^\S\n]*(?P<value>{_ID_VALUE})",
        re.IGNORECASE,
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        for match in self.pattern.finditer(doc.text):
            start, end = match.span("value")
            end = trim_trailing(doc.text, start, end, ".,;:-/ ")
            value = doc.text[start:end]
            if sum(c.isdigit() for c in value) >= 4:
                yield start, end


class SsnRule(RegexRule):
    id = "id_number.ssn"
    category = "id_number"
    severity = BLOCK
    message = "Looks like a Social Security number."
    pattern = re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")


class IdPatternRule(RegexRule):
    """Codes that mix capital letters and many digits, like "AB-1234-567"."""

    id = "id_number.pattern"
    category = "id_number"
    severity = BLOCK
    message = "Looks like an ID, serial or plate number."
    pattern = re.compile(
        r"(?<![\w-])(?=[A-Z0-9-]*[A-Z])(?=[A-Z0-9-]*\d)[A-Z0-9]+(?:-[A-Z0-9]+)*(?![\w-])"
    )

    def accept(self, doc: Document, match: re.Match[str]) -> bool:
        value = match.group()
        digits = sum(c.isdigit() for c in value)
        letters = sum(c.isalpha() for c in value)
        return digits >= 4 and letters >= 1 and len(value.replace("-", "")) >= 6


# ------------------------------------------------------------------ addresses

_STREET_SUFFIX = (
    r"Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Place|Pl"
    r"|Parkway|Pkwy|Way|Terrace|Ter|Circle|Cir|Highway|Hwy|Trail|Trl|Square|Sq|Loop|Row"
    r"|Alley|Crescent|Close|Pike|Path|Plaza|Run|Walk|Expressway|Turnpike|Crossing|Xing"
)
_DIRECTION = r"(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?"
_STREET_WORD = r"(?:[A-Z][\w'’.-]*|\d+(?:st|nd|rd|th))"


class StreetAddressRule(RegexRule):
    id = "address.street"
    category = "address"
    severity = BLOCK
    message = "Looks like a street address."
    pattern = re.compile(
        rf"\b\d{{1,6}}[A-Z]?(?:-\d+)?[^\S\n]+(?:{_DIRECTION}[^\S\n]+)?"
        rf"(?:{_STREET_WORD}[^\S\n]+){{0,3}}?{_STREET_WORD}[^\S\n]+(?:{_STREET_SUFFIX})\b\.?"
        rf"(?:[^\S\n]+{_DIRECTION}(?![\w]))?"
        r"(?:,?[^\S\n]+(?:Suite|Ste\.?|Apt\.?|Apartment|Unit|Room|Fl(?:oor)?\.?|#)[^\S\n]*[\w-]+)?"
    )


class PoBoxRule(RegexRule):
    id = "address.po_box"
    category = "address"
    severity = BLOCK
    message = "Looks like a post office box."
    pattern = re.compile(r"\bP\.?[^\S\n]?O\.?[^\S\n]+Box[^\S\n]+\d+\b", re.IGNORECASE)


class ZipRule(Rule):
    """A ZIP code after a state or the word ZIP; a bare five-digit number is not one."""

    id = "address.zip"
    category = "address"
    severity = BLOCK
    message = "Looks like a ZIP code."

    _pattern: re.Pattern[str] | None = None

    @classmethod
    def pattern(cls) -> re.Pattern[str]:
        if cls._pattern is None:
            cls._pattern = re.compile(
                rf"(?:\b(?:{state_names_pattern()}),?[^\S\n]+|\b(?i:zip|zip\s*code|postal\s+code)"
                r"\b[\s:#(]*)(?P<zip>\d{5}(?:-\d{4})?)\b",
            )
        return cls._pattern

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        for match in self.pattern().finditer(doc.text):
            yield match.span("zip")


# ---------------------------------------------------------------------- dates

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"


class DateRule(Rule):
    """A calendar day: "March 4", "4th of March 2024", "3/14/24", "2023-11-08"."""

    id = "date.day"
    category = "date"
    severity = BLOCK
    message = "Looks like a specific date, which can identify a person."
    pattern = re.compile(
        # Month day[, year]
        rf"\b{_MONTH}\.?[^\S\n]+{_DAY}(?![\d:]|[^\S\n]*(?:mg|ml|%|am|pm|a\.m|p\.m)\b)"
        rf"(?:,?[^\S\n]+{_YEAR}\b)?"
        # day [of] Month[, year]
        rf"|\b{_DAY}[^\S\n]+(?:of[^\S\n]+)?{_MONTH}\b(?:,?[^\S\n]+{_YEAR}\b)?"
        # numeric with a year: m/d/yyyy, d.m.yyyy, m/d/yy
        r"|(?<![\d/.-])(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|[12]\d|3[01])/(?:\d{4}|\d{2})(?![\d/]|\.\d)"
        r"|(?<![\d.-])(?:0?[1-9]|[12]\d|3[01])[.-](?:0?[1-9]|1[0-2])[.-](?:19|20)\d\d(?![\d-]|\.\d)"
        r"|(?<![\d.-])(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])-(?:19|20)\d\d(?![\d-]|\.\d)"
        # ISO
        r"|(?<![\d/.-])(?:19|20)\d\d[-/.](?:0[1-9]|1[0-2])[-/.](?:0[1-9]|[12]\d|3[01])(?![\d/-]|\.\d)"
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        for match in self.pattern.finditer(doc.text):
            start, end = match.span()
            snippet = match.group()
            if snippet[:3] == "May" and not _looks_like_month_use(doc.text, start, end):
                continue
            yield start, trim_trailing(doc.text, start, end, " ,")


def _looks_like_month_use(text: str, start: int, end: int) -> bool:
    """ "May 5" is a date; "May 5 of us go" is not, but is rare: accept unless lowercase."""
    return text[start] == "M"


class DateMonthYearRule(RegexRule):
    """A month and year ("March 2021"): less precise, so a moderator decides."""

    id = "date.month_year"
    category = "date"
    severity = REVIEW
    message = "A month and year can help identify a person."
    pattern = re.compile(
        rf"\b(?:January|February|March|April|June|July|August|September|October|November"
        rf"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?,?[^\S\n]+(?:of[^\S\n]+)?"
        rf"{_YEAR}\b"
    )


# ----------------------------------------------------------------------- ages

_AGE_NUM = r"(?:9\d|1[01]\d)"
_AGE_WORD = (
    r"(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|(?:a|one)[- ]hundred(?:(?:[- ]and)?[- ](?:one|two|three|four|five|six|seven|eight|nine"
    r"|ten))?)"
)
_AGE = rf"(?:{_AGE_NUM}|{_AGE_WORD})"
_NOT_A_UNIT = (
    r"(?![^\S\n]*(?:%|percent|mg|mcg|ml|kg|lbs?|pounds|degrees|°|bpm|beats|mmhg|units?|minutes"
    r"|mins?|hours?|days|weeks|months|points|seconds|miles|feet|meters|cm|mm|times|/|-\d|\.\d|,\d))"
)
_AGE_SUBJECT = (
    r"(?:he|she|i|they|who|mom|mum|dad|mother|father|grandma|grandpa|grandmother|grandfather"
    r"|nana|husband|wife|aunt|uncle|patient|gran|granny)"
)


class AgeRule(Rule):
    """An age of 90 or over, in figures or words, in a context that marks it as an age."""

    id = "age.over_89"
    category = "age"
    severity = REVIEW
    message = "An age of 90 or over can identify a person."
    pattern = re.compile(
        rf"\b(?P<a>{_AGE})[^\S\n]*(?:-|[^\S\n])?(?:years?|yrs?)[- ]?old\b"
        rf"|\b(?P<b>{_AGE})[- ]year[- ]old\b"
        rf"|\b(?P<c>{_AGE})(?:st|nd|rd|th)?[^\S\n]+birthday\b"
        rf"|\b(?:aged?|age of)[^\S\n]+(?P<d>{_AGE})\b{_NOT_A_UNIT}"
        rf"|\b{_AGE_SUBJECT}(?:[^\S\n]+(?:was|is|am|turned|turns|will be)|['’]s|['’]m)"
        rf"[^\S\n]+(?:just[^\S\n]+|now[^\S\n]+|almost[^\S\n]+|nearly[^\S\n]+)?"
        rf"(?P<e>{_AGE})\b{_NOT_A_UNIT}"
        rf"|\b(?:at|turned|turning)[^\S\n]+(?P<f>{_AGE})\b(?=[^\S\n]*(?:,|\.|;|$|[^\S\n]+"
        rf"(?:i|he|she|we|you|my|her|his|and still|years)\b)){_NOT_A_UNIT}"
        rf"|\b(?:in[^\S\n]+(?:his|her|their|my)[^\S\n]+)(?P<g>(?:9|10)0['’]?s|nineties)\b",
        re.IGNORECASE,
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        for match in self.pattern.finditer(doc.text):
            before = doc.lower[max(0, match.start() - 40) : match.start()]
            if _MEASUREMENT_BEFORE.search(before):
                continue
            for name in "abcdefg":
                if match.group(name):
                    yield match.span(name)
                    break


# A number after these is a reading ("fever at 101", "sats at 92"), not an age.
_MEASUREMENT_BEFORE = re.compile(
    r"\b(?:fever|temp|temperature|oxygen|o2|spo2|sats?|saturation|glucose|sugars?|heart rate"
    r"|pulse|bp|blood pressure|pressure|weight|weighed|weighs|score|iq|percentile|level|levels"
    r"|count|reading|rate|a1c|number|numbers|speed|mph|grade|room|bed|page|chapter|mile)\b[^.!?]*$"
)
