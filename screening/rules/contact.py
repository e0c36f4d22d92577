"""Contact details: phone numbers, email addresses, web addresses and handles."""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

from ..base import Document, RegexRule, Rule, at_word_start, trim_trailing
from ..findings import BLOCK
from ..lazy import compile_later

__all__ = ["EmailRule", "ObfuscatedEmailRule", "PhoneRule", "UrlRule", "HandleRule"]

# A run of digits and separators long enough to hold a phone number; the
# matcher from libphonenumber only looks inside these, which keeps a long
# story fast.
_PHONE_CANDIDATE = compile_later(r"(?:\+\s?|\(\s?)?\d[\d\s().\-–]{5,22}\d")
_YEAR_RANGE = compile_later(r"^(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d$")
_SSN = compile_later(r"^\d{3}-\d{2}-\d{4}$")
_DATE_LIKE = compile_later(r"^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}$")
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
            digits = sum(c.isdigit() for c in cand.group())
            if digits < 7 or digits > 15:
                continue
            lo = max(0, cand.start() - 2)
            window = text[lo : cand.end() + 1]
            seen = False
            regions = _REGIONS if cand.group()[0] in "+0" else _REGIONS[:1]
            for region in regions:
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


class EmailRule(Rule):
    id = "email.address"
    category = "email"
    severity = BLOCK
    message = "Looks like an email address."
    local = compile_later(r"[\w.+-]+$")
    domain = compile_later(r"@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        text = doc.text
        at = text.find("@")
        while at != -1:
            domain = self.domain.match(text, at)
            local = self.local.search(text, max(0, at - 64), at) if domain else None
            if domain and local:
                yield local.start(), domain.end()
            at = text.find("@", at + 1)


_AT = r"(?:\s*[\[({]\s*at\s*[\])}]\s*|\s+at\s+)"
_OBFUSCATION_MARKS = ("dot ", "dot]", "dot)", "dot}", "[at", "(at", "{at")
_DOT = r"(?:\s*[\[({]\s*dot\s*[\])}]\s*|\s+dot\s+)"
_TLD = r"(?:com|org|net|edu|gov|io|co|us|uk|ca|info|me|biz|health|example)"


class ObfuscatedEmailRule(RegexRule):
    """Addresses written out to dodge filters: "jo dot smith at mail dot com"."""

    id = "email.obfuscated"
    category = "email"
    severity = BLOCK
    message = "Looks like an email address written out in words."
    pattern = compile_later(
        rf"\b[\w+-]+(?:(?:{_DOT}|\.)[\w+-]+)*{_AT}[\w-]+(?:(?:{_DOT}|\.)[\w-]+)*"
        rf"(?:{_DOT}|\.){_TLD}\b",
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        if any(mark in doc.lower for mark in _OBFUSCATION_MARKS):
            for match in self.pattern.finditer(doc.lower):
                if self.accept(doc, match):
                    yield match.span()

    def accept(self, doc: Document, match: re.Match[str]) -> bool:
        snippet = match.group()
        # "at" between plain words is everyday English: insist on a spelled-out dot
        # or a bracketed [at].
        return bool(re.search(r"[\[({]\s*at|\bdot\b", snippet))


_TLDS = (
    "com|org|net|edu|gov|mil|int|io|co|us|uk|ca|au|nz|ie|in|de|fr|es|it|nl|info|biz|me|"
    "app|dev|health|care|clinic|example|ly|tv|ai|shop|store|online|site|blog|page|link|"
    "fm|gg|xyz|club|life|live|world|news|org\\.uk|co\\.uk|ee|be|eu|ch|se|dk|fi|pl|pt|br|mx|jp|za|"
    "ng|ke|gh|ph|sg|cc|ws|fyi|tech|space|website|art|events|family|foundation|fund|help|support|"
    "team|academy|network|social|media|tips|guide|coach|fitness|yoga|bio|link|one|tube"
)


class UrlRule(Rule):
    """Web addresses, with or without a scheme or "www"."""

    id = "url.web"
    category = "url"
    severity = BLOCK
    message = "Looks like a web address."
    prefixed = compile_later(r"(?:https?://|www\.)[^\s<>\"']+")
    # A bare domain is found from its ending (".com", ".org/path"), then widened.
    tld = compile_later(rf"\.(?:{_TLDS})(?![\w@-])")
    host = compile_later(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")
    path = compile_later(r"/[^\s<>\"']*")

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        lower = doc.lower
        if "." not in lower:
            return
        if "http" in lower or "www." in lower:
            for match in self.prefixed.finditer(lower):
                start = match.start()
                if at_word_start(lower, start):
                    yield start, trim_trailing(lower, start, match.end())
        for match in self.tld.finditer(lower):
            host = self.host.search(lower, max(0, match.start() - 80), match.start())
            if not host or host.start() == host.end():
                continue
            start = host.start()
            if start and (lower[start - 1] in "@.-/:" or lower[start - 1].isalnum()):
                continue
            end = match.end()
            path = self.path.match(lower, end)
            if path:
                end = path.end()
            end = trim_trailing(lower, start, end)
            if end - start > 4:
                yield start, end


class HandleRule(RegexRule):
    """Social media handles such as "@someone" or "u/someone"."""

    id = "url.handle"
    category = "url"
    severity = BLOCK
    message = "Looks like a social media handle."
    pattern = compile_later(
        r"@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])|u/[A-Za-z0-9_-]{3,20}\b"
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        if "@" in doc.text or "u/" in doc.text:
            yield from super().spans(doc)

    def accept(self, doc: Document, match: re.Match[str]) -> bool:
        start = match.start()
        if start and (doc.text[start - 1].isalnum() or doc.text[start - 1] in "_@.+-/"):
            return False
        # "@ 5pm" or "@3" are shorthand for "at".
        return not match.group()[1:].isdigit()
