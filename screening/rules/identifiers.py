"""Identifiers tied to a person: ID numbers, street addresses, dates and great ages."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..base import Document, RegexRule, Rule, at_word_start, trim_trailing
from ..findings import BLOCK, REVIEW
from ..lazy import compile_later
from ..lexicons import state_names_pattern

__all__ = [
    "AgeRule",
    "DateShortRule",
    "PostcodeRule",
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
    r"|ID(?:\s+(?:number|no\.?|#))?|ID\s*card|card"
)


class IdKeywordRule(Rule):
    """A number introduced by what it is: "MRN 123", "claim number is 12-34"."""

    id = "id_number.keyword"
    category = "id_number"
    severity = BLOCK
    message = "Looks like a record, account, licence or other ID number."
    # Found from the number backwards: numbers are rarer than words.
    value = compile_later(r"\d[\dA-Z]*(?:[-/.][\dA-Z]+|[ ]\d[\dA-Z]*)*")
    keyword_before = compile_later(
        rf"(?<![a-z])(?:{_ID_KEYWORDS.lower()})(?![a-z])[^\S\n]*"
        r"(?:[#:=]|\b(?:is|was|of|reads|number|no\.?|ending\s+in|ends\s+in|starting\s+with)\b"
        r"|[,(]|[^\S\n])*$"
    )
    letter_prefix = compile_later(r"(?<![A-Za-z])[A-Z]{1,5}[ -]?$")

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        text = doc.text
        for match in self.value.finditer(text):
            start, end = match.span()
            if start and (text[start - 1].isdigit() or text[start - 1] in "-/."):
                continue
            end = trim_trailing(text, start, end, ".,;:-/ ")
            if sum(c.isdigit() for c in text[start:end]) < 4:
                continue
            prefix = self.letter_prefix.search(text, max(0, start - 6), start)
            value_start = start
            if prefix and not self.keyword_before.search(doc.lower, 0, start):
                value_start = prefix.start()
            lo = max(0, value_start - 50)
            if self.keyword_before.search(doc.lower, lo, value_start):
                yield value_start, end


class SsnRule(RegexRule):
    id = "id_number.ssn"
    category = "id_number"
    severity = BLOCK
    message = "Looks like a Social Security number."
    pattern = compile_later(r"\d{3}-\d{2}-\d{4}(?![\d-])")

    def accept(self, doc: Document, match: re.Match[str]) -> bool:
        start = match.start()
        return not start or not (doc.text[start - 1].isdigit() or doc.text[start - 1] == "-")


class IdPatternRule(RegexRule):
    """Codes that mix capital letters and many digits, like "AB-1234-567"."""

    id = "id_number.pattern"
    category = "id_number"
    severity = BLOCK
    message = "Looks like an ID, serial or plate number."
    # A run of capitals, digits and hyphens; what it holds is checked after.
    pattern = compile_later(r"[A-Z0-9][A-Z0-9-]{4,}(?![\w-])")

    def accept(self, doc: Document, match: re.Match[str]) -> bool:
        start, value = match.start(), match.group()
        if start and (doc.text[start - 1].isalnum() or doc.text[start - 1] in "_-"):
            return False
        if value.endswith("-") or "--" in value:
            return False
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
    """A house number, a capitalised street name and a street type: "12 Elm St"."""

    id = "address.street"
    category = "address"
    severity = BLOCK
    message = "Looks like a street address."
    pattern = compile_later(
        # "4500 Highway 61", "12 County Road 9"
        # (A digit first lets the engine skip ahead; the lookbehind then drops
        # matches that start inside a longer number.)
        r"\d(?<!\d\d)(?:"
        r"\d{0,5}[^\S\n]+(?:(?:State|County|US|U\.S\.|Farm\s+to\s+Market)[^\S\n]+)?"
        r"(?:Highway|Hwy\.?|Route|Rte\.?|Road)[^\S\n]+\d{1,4}\b|"
        rf"\d{{0,5}}[A-Z]?(?:-\d+)?[^\S\n]+(?:{_DIRECTION}[^\S\n]+)?"
        rf"(?:{_STREET_WORD}[^\S\n]+){{0,3}}?{_STREET_WORD}[^\S\n]+(?:{_STREET_SUFFIX})\b\.?"
        rf"(?:[^\S\n]+{_DIRECTION}(?![\w]))?"
        r"(?:,?[^\S\n]+(?:Suite|Ste\.?|Apt\.?|Apartment|Unit|Room|Fl(?:oor)?\.?|#)[^\S\n]*[\w-]+)?"
        r")"
    )

    def accept(self, doc: Document, match: re.Match[str]) -> bool:
        start = match.start()
        return not start or not (doc.text[start - 1].isalnum() or doc.text[start - 1] in ".,-/")

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        text = doc.text
        for start, end in super().spans(doc):
            # "Flat 3, 27 Marlborough Road": the flat or unit belongs to the address.
            unit = UNIT_BEFORE.search(text, max(0, start - 24), start) if start else None
            yield (unit.start() if unit else start), end


# "Flat 3, 27 …", "Unit 3/27 …", "Apartment 5, 3 …": a flat or unit before the number.
UNIT_BEFORE = compile_later(
    r"\b(?:Flat|Apartment|Apt\.?|Unit|Suite)[^\S\n]+(?:\d{1,4}[A-Za-z]?,?[^\S\n]*)?$"
)


class PoBoxRule(RegexRule):
    id = "address.po_box"
    category = "address"
    severity = BLOCK
    message = "Looks like a post office box."
    pattern = compile_later(r"\bp\.?[^\S\n]?o\.?[^\S\n]+box[^\S\n]+\d+\b")

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        if "box" in doc.lower:
            for match in self.pattern.finditer(doc.lower):
                yield match.span()


class ZipRule(Rule):
    """A ZIP code after a state or the word ZIP; a bare five-digit number is not one."""

    id = "address.zip"
    category = "address"
    severity = BLOCK
    message = "Looks like a ZIP code."
    value = compile_later(r"\d{5}(?:-\d{4})?(?![\d-])")
    _before: re.Pattern[str] | None = None

    @classmethod
    def before(cls) -> re.Pattern[str]:
        if cls._before is None:
            cls._before = re.compile(
                rf"(?:\b(?:{state_names_pattern()}),?[^\S\n]+|\b(?i:zip|zip\s*code|postal\s+code)"
                r"\b[\s:#(]*)$"
            )
        return cls._before

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        text = doc.text
        for match in self.value.finditer(text):
            start = match.start()
            if start and (text[start - 1].isalnum() or text[start - 1] in "-/.$"):
                continue
            if self.before().search(text, max(0, start - 30), start):
                yield match.span()


class PostcodeRule(RegexRule):
    """A UK postcode ("SW1A 1AA"), which locates a handful of homes."""

    id = "address.postcode"
    category = "address"
    severity = BLOCK
    message = "Looks like a postcode."
    # A capital first lets the engine skip ahead; the lookbehind stands for a leading \b.
    pattern = compile_later(r"[A-Z](?<!\w[A-Z])[A-Z]?\d[A-Z\d]?[^\S\n]\d[A-Z]{2}\b")


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
    # No branch starts with an anchor, so the regex engine can skip ahead to a
    # capital or a digit; word boundaries are checked on each match instead.
    pattern = compile_later(
        # The lookahead lets the engine skip to a digit or a month's capital.
        r"(?=[\dJFMASOND])(?:"
        # Month [the] day[, year]
        rf"{_MONTH}\.?[^\S\n]+(?:the[^\S\n]+)?{_DAY}(?![\d:]|[^\S\n]*(?:mg|ml|%|am|pm|a\.m|p\.m)\b)"
        rf"(?:,?[^\S\n]+{_YEAR}\b)?"
        # day [of] Month[, year]
        rf"|{_DAY}[^\S\n]+(?:of[^\S\n]+)?{_MONTH}\b(?:,?[^\S\n]+{_YEAR}\b)?"
        # numeric with a year: m/d/yyyy, m/d/yy, d.m.yyyy, m-d-yyyy
        r"|(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|[12]\d|3[01])/(?:\d{4}|\d{2})(?![\d/]|\.\d)"
        r"|(?:0?[1-9]|[12]\d|3[01])[.-](?:0?[1-9]|1[0-2])[.-](?:19|20)\d\d(?![\d-]|\.\d)"
        r"|(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])-(?:(?:19|20)\d\d|\d\d)(?![\d-]|\.\d)"
        # ISO
        r"|(?:19|20)\d\d[-/.](?:0[1-9]|1[0-2])[-/.](?:0[1-9]|[12]\d|3[01])(?![\d/-]|\.\d)"
        r")"
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        text = doc.text
        for match in self.pattern.finditer(text):
            start, end = match.span()
            if start:
                previous = text[start - 1]
                if previous.isalnum() or (text[start].isdigit() and previous in "/.-"):
                    continue
            yield start, trim_trailing(text, start, end, " ,")


class DateShortRule(Rule):
    """A month/day without a year, where the words before say it is a date: "on 9/12"."""

    id = "date.short"
    category = "date"
    severity = BLOCK
    message = "Looks like a specific date, which can identify a person."
    pattern = compile_later(
        r"\b(?:on|born|dob:?|date\s+of\s+birth:?|since|until|by|from|as\s+of)[^\S\n]+"
        r"(?P<date>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))(?![\d/])"
        r"(?![^\S\n]+(?:days?|pain|scale|nights?|times|of\s+the))"
    )
    # "pain on 9/10 days", "rated it on 8/10": a score, not a date.
    score_before = compile_later(
        r"\b(?:pain|scale|rate|rated|rating|score|level|out\s+of)\b[^.!?\n]*$"
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        if "/" in doc.text:
            for match in self.pattern.finditer(doc.lower):
                start = match.start()
                if not self.score_before.search(doc.lower, max(0, start - 25), start):
                    yield match.span("date")


class DateMonthYearRule(RegexRule):
    """A month and year ("March 2021"): less precise, so a moderator decides."""

    id = "date.month_year"
    category = "date"
    severity = REVIEW
    message = "A month and year can help identify a person."
    pattern = compile_later(
        rf"(?:January|February|March|April|June|July|August|September|October|November"
        rf"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?,?[^\S\n]+(?:of[^\S\n]+)?"
        rf"{_YEAR}\b"
    )

    # Only a month that dates something in someone's life; "March 2020" alone
    # is as often the pandemic as a person.
    life_event = compile_later(
        r"\b(?:born|birth|died|death|passed|diagnos\w*|admitted|discharged|surgery|operation"
        r"|transplant|delivered|married|retired|buried|funeral|birthday|biopsy|scan|stroke"
        r"|heart\s+attack|accident|fell|relapse\w*|remission|started|finished|miscarr\w*)\b"
    )
    not_personal = compile_later(r"\b(?:pandemic|covid|lockdown|election|hurricane|storm|season)\b")

    def accept(self, doc: Document, match: re.Match[str]) -> bool:
        if not at_word_start(doc.text, match.start()):
            return False
        start, end = doc.sentence_at(match.start())
        sentence = doc.lower[start:end]
        return bool(self.life_event.search(sentence)) and not self.not_personal.search(sentence)


# ----------------------------------------------------------------------- ages

_AGE_NUM = r"(?:9\d|1[01]\d)"
_AGE_WORD = (
    r"(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|(?:a|one)[- ]hundred(?:(?:[- ]and)?[- ](?:one|two|three|four|five|six|seven|eight|nine"
    r"|ten))?)"
)
_NOT_A_UNIT = (
    r"(?![^\S\n]*(?:%|percent|mg|mcg|ml|kg|lbs?|pounds|degrees|°|bpm|beats|mmhg|units?|minutes"
    r"|mins?|hours?|days|weeks|months|points|seconds|miles|feet|meters|cm|mm|times|dollars|bucks"
    r"|cents|pages|people|patients|steps|calories|copies|items|stitches|staples|/|-\d|\.\d|,\d))"
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
    # Found from the number outwards: the number is rare, its context is not.
    value = compile_later(rf"{_AGE_NUM}(?!\d)|{_AGE_WORD}\b")
    number = compile_later(
        rf"{_AGE_NUM}(?!\d)|ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\b"
    )
    after = compile_later(
        r"[^\S\n]*(?:-|[^\S\n])?(?:years?|yrs?)[- ]?old\b|[- ]year[- ]old\b"
        r"|(?:st|nd|rd|th)?[^\S\n]+birthday\b|[^\S\n]?(?:yo|y/o|y\.o\.)(?![a-z])"
    )
    # "Gloria (93)", "Mr. Hale, 94, was": an age set after a name.
    after_name = compile_later(r"(?:[A-Z][a-z'’-]+,[^\S\n]|[A-Z][a-z'’-]+[^\S\n]\()$")
    before = compile_later(
        rf"(?:\b(?:aged?|age\s+of)"
        rf"|\b{_AGE_SUBJECT}(?:[^\S\n]+(?:was|is|am|turned|turns|will\s+be)|['’]s|['’]m)"
        r"|\b(?:was|is|turned|turns|will\s+be|be|being|reached|reaches|hit|hits)"
        r"(?:[^\S\n]+(?:just|now|almost|nearly))?"
        r"|\b(?:at|turned|turning))[^\S\n]+$"
    )
    at_tail = compile_later(
        r"(?=[^\S\n]*(?:,|\.|;|!|\)|$|[^\S\n]+(?:i|he|she|we|you|my|her|his|and|but|when|years|now|last"
        r"|this|in|on|three|two|four|five|six|a|just|already|before|after|yesterday|today)\b))"
    )
    not_a_unit = compile_later(_NOT_A_UNIT)
    generic = compile_later(
        r"\b(?:if|your|anyone|someone|people|patients|parents|when\s+(?:a|an|you))\b"
    )
    decade = compile_later(r"\bin[^\S\n]+(?:his|her|their|my)[^\S\n]+((?:9|10)0['’]?s|nineties)\b")

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        lower = doc.lower
        for match in (self.value if "hundred" in lower else self.number).finditer(lower):
            start, end = match.span()
            if start and (lower[start - 1].isalnum() or lower[start - 1] in ".,$/-"):
                continue
            if self.after.match(lower, end):
                if not _MEASUREMENT_BEFORE.search(lower, max(0, start - 40), start):
                    yield start, end
                continue
            if self.after_name.search(doc.text, max(0, start - 30), start) and (
                doc.text[end : end + 1] in (",", ")")
            ):
                yield start, end
                continue
            context = self.before.search(lower, max(0, start - 40), start)
            if not context or not self.not_a_unit.match(lower, end):
                continue
            if _MEASUREMENT_BEFORE.search(lower, max(0, start - 40), start):
                continue
            first = context.group().strip().split()[0]
            if first in ("at", "was", "is", "be", "being", "reached", "reaches", "hit", "hits"):
                if not self.at_tail.match(lower, end):
                    continue
            yield start, end
        if "in " in lower:
            for match in self.decade.finditer(lower):
                # "If your parent is in their nineties": anyone's parent, not a person.
                s_start = doc.sentence_at(match.start())[0]
                if self.generic.search(lower, s_start, match.start()):
                    continue
                yield match.span(1)


# A number after these is a reading ("fever at 101", "sats at 92"), not an age.
_MEASUREMENT_BEFORE = compile_later(
    r"\b(?:fever|temp|temperature|oxygen|o2|spo2|sats?|saturation|glucose|sugars?|heart rate"
    r"|pulse|bp|blood pressure|pressure|weight|weighed|weighs|score|iq|percentile|level|levels"
    r"|count|reading|rate|a1c|number|numbers|speed|mph|grade|room|bed|page|chapter|mile|sodium|potassium"
    r"|hemoglobin|haemoglobin|creatinine|platelets|cost|price|total|charge|balance|copay|fraction"
    r"|ef|bmi|pressure|iq|exam|test|quiz|marks?|flight|bus|route|highway|interstate|exit"
    # laboratory values: "ferritin 98", "MCV was 102", "eGFR 92"
    r"|mcv|mch|mchc|rdw|egfr|gfr|ferritin|ldl|hdl|cholesterol|triglycerides?|alt|ast|alp|ggt"
    r"|crp|esr|inr|tsh|t4|b12|folate|vitamin|iron|calcium|albumin|bilirubin|wbc|rbc|hb|hgb"
    r"|hba1c|psa|troponin|lactate|urea|bun|lipase|amylase|magnesium|phosphate|ketones|cortisol"
    r"|ck|neutrophils|lymphocytes|hematocrit|haematocrit|fev1|peak\s+flow)"
    r"\b[^.!?]*$"
)
