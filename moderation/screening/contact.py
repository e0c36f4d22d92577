"""Contact details: phone numbers, email addresses, web addresses and handles."""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

from .base import Document, RegexRule, Rule, trim_trailing
from .findings import BLOCK

__all__ = ["EmailRule", "ObfuscatedEmailRule", "PhoneRule", "UrlRule", "HandleRule"]

# A run of digits and separators long enough to hold a phone number; the
# matcher from libphonenumber only looks inside these, which keeps a long
# story fast.
_PHONE_CANDIDATE = re.compile(r"(?:\+\s?|\(\s?)?\d[\d\s().\-–]{5,22}\d")
_YEAR_RANGE = re.compile(r"^(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d$")
_SSN = re.compile(r"^\d{3}-\d{2}-\d{4}$")
_DATE_LIKE = re.compile(r"^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}$")
_REGIONS = ("US", "GB")


class PhoneRule(Rule):
    """Phone numbers in any common format, found by libphonenumber."""

    id = "phone.libphonenumber"
    category = "phone"
    severity = BLOCK
    message = "Looks like a phone number."

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        text = doc.text
        for cand in _PHONE_CANDIDATE.finditer(text):
            lo = max(0, cand.start() - 2)
            window = text[lo : cand.end() + 1]
            seen = False
            for region in _REGIONS:
                for match in PhoneNumberMatcher(window, region, leniency=Leniency.POSSIBLE):
                    raw = match.raw_string.strip()
                    if _YEAR_RANGE.match(raw) or _SSN.match(raw) or _DATE_LIKE.match(raw):
                        continue
                    if not _plausible(match.number):
                        continue
                    seen = True
                    yield lo + match.start, lo + match.end
                if seen:
                    break


def _plausible(number: phonenumbers.PhoneNumber) -> bool:
    digits = len(str(number.national_number))
    return digits >= 7


class EmailRule(RegexRule):
    id = "email.address"
    category = "email"
    severity = BLOCK
    message = "Looks like an email address."
    pattern = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b", re.UNICODE)


_AT = r"(?:\s*[\[({]\s*at\s*[\])}]\s*|\s+at\s+)"
_DOT = r"(?:\s*[\[({]\s*dot\s*[\])}]\s*|\s+dot\s+)"
_TLD = r"(?:com|org|net|edu|gov|io|co|us|uk|ca|info|me|biz|health|example)"


class ObfuscatedEmailRule(RegexRule):
    """Addresses written out to dodge filters: "jo dot smith at mail dot com"."""

    id = "email.obfuscated"
    category = "email"
    severity = BLOCK
    message = "Looks like an email address written out in words."
    pattern = re.compile(
        rf"\b[\w+-]+(?:(?:{_DOT}|\.)[\w+-]+)*{_AT}[\w-]+(?:(?:{_DOT}|\.)[\w-]+)*"
        rf"(?:{_DOT}|\.){_TLD}\b",
        re.IGNORECASE,
    )

    def accept(self, doc: Document, match: re.Match[str]) -> bool:
        snippet = match.group().lower()
        # "at" between plain words is everyday English: insist on a spelled-out dot
        # or a bracketed [at].
        return bool(re.search(r"[\[({]\s*at|\bdot\b", snippet))


_TLDS = (
    "com|org|net|edu|gov|mil|int|io|co|us|uk|ca|au|nz|ie|in|de|fr|es|it|nl|info|biz|me|"
    "app|dev|health|care|clinic|example|ly|tv|ai|shop|store|online|site|blog|page|link|"
    "fm|gg|xyz|club|life|live|world|news|org\\.uk|co\\.uk"
)


class UrlRule(Rule):
    """Web addresses, with or without a scheme or "www"."""

    id = "url.web"
    category = "url"
    severity = BLOCK
    message = "Looks like a web address."
    pattern = re.compile(
        r"\bhttps?://[^\s<>\"']+"
        r"|\bwww\.[^\s<>\"']+"
        rf"|(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_TLDS})\b(?![@\w-])"
        r"(?:/[^\s<>\"']*)?",
        re.IGNORECASE,
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        for match in self.pattern.finditer(doc.text):
            start, end = match.span()
            end = trim_trailing(doc.text, start, end)
            if end - start > 4:
                yield start, end


class HandleRule(RegexRule):
    """Social media handles such as "@someone" or "u/someone"."""

    id = "url.handle"
    category = "url"
    severity = BLOCK
    message = "Looks like a social media handle."
    pattern = re.compile(
        r"(?<![\w@.+-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])"
        r"|(?<![\w/])u/[A-Za-z0-9_-]{3,20}\b"
    )

    def accept(self, doc: Document, match: re.Match[str]) -> bool:
        # "@ 5pm" or "@3" are shorthand for "at".
        return not match.group()[1:].isdigit()
