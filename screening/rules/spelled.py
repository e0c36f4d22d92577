"""Dates and phone numbers written out in words: "the third of March", "March the
third", "oh seven seven double oh, nine double oh, one two three".

Both start from words that are rare together (an ordinal and a month; seven or
more digit words in a row), looked up in the document's word index, so a text
without them costs a few set look-ups.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Document, Rule
from ..findings import BLOCK
from ..lazy import compile_later

__all__ = ["SpelledDateRule", "SpelledPhoneRule"]

_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
_TEENS = (
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
    "eighteenth nineteenth twentieth thirtieth"
).split()
_ORDINAL = (
    rf"(?:(?:twenty|thirty)[-‑ ]?(?:{'|'.join(_UNITS)})|{'|'.join(_TEENS)}|{'|'.join(_UNITS)})"
)
_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_YEAR = r"(?:1[89]\d\d|20\d\d)"
# Lower-case words whose presence the rule needs: an ordinal's first word, a month.
_ORDINAL_WORDS = frozenset(_UNITS + _TEENS + ["twenty", "thirty"])
_MONTH_WORDS = frozenset(month.lower() for month in _MONTHS)


class SpelledDateRule(Rule):
    """A day written in words: "the third of March", "on the twenty-first of June
    2023", "March the third"."""

    id = "date.spelled"
    category = "date"
    severity = BLOCK
    message = "Looks like a specific date, which can identify a person."
    # Read around each capitalised month: "the third of March", "March the third".
    before = compile_later(rf"\b(?i:{_ORDINAL})[^\S\n]+of[^\S\n]+$")
    after = compile_later(rf"[^\S\n]+the[^\S\n]+(?i:{_ORDINAL})\b")
    year = compile_later(rf",?[^\S\n]+{_YEAR}\b")

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        words = doc.word_set
        if words.isdisjoint(_ORDINAL_WORDS):
            return
        text = doc.text
        for month in _MONTHS:
            lower = month.lower()
            if lower not in words:
                continue
            for position in doc.word_positions(lower):
                if not text.startswith(month, position):
                    continue  # "may", "march": a verb, not the month
                end = position + len(month)
                ordinal = self.before.search(text, max(0, position - 40), position)
                if ordinal:
                    if month == "July" and text.startswith("Fourth", ordinal.start()):
                        continue  # "the Fourth of July": the holiday
                    start = ordinal.start()
                else:
                    following = self.after.match(text, end)
                    if not following:
                        continue
                    start, end = position, following.end()
                year = self.year.match(text, end)
                yield start, year.end() if year else end


# Digit words, and how many digits each stands for ("double" doubles the next).
_DIGIT_WORDS = {
    "zero": 1, "oh": 1, "nought": 1, "one": 1, "two": 1, "three": 1, "four": 1, "five": 1,
    "six": 1, "seven": 1, "eight": 1, "nine": 1,
}  # fmt: skip
_REPEATERS = {"double": 2, "triple": 3}
_SEPS = (" ", ", ", "-")
_RUN = compile_later(
    r"\b(?:(?:double|triple)[^\S\n]+)?(?:zero|oh|nought|one|two|three|four|five|six|seven|eight"
    r"|nine)(?:[^\S\n]*[,-]?[^\S\n]+(?:(?:double|triple)[^\S\n]+)?(?:zero|oh|nought|one|two"
    r"|three|four|five|six|seven|eight|nine)|-(?:zero|oh|nought|one|two|three|four|five|six"
    r"|seven|eight|nine))+\b"
)


class SpelledPhoneRule(Rule):
    """A phone number read out in words, as people write what they would say:
    "zero four one two, three four five, six seven eight", "oh seven seven double oh"."""

    id = "phone.spelled"
    category = "phone"
    severity = BLOCK
    message = "Looks like a phone number written out in words."

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        present = [word for word in _DIGIT_WORDS if word in doc.word_set]
        if len(present) < 4:
            return  # seven digits or more, read out, take four different digit words
        # Two digit words side by side ("seven seven", "four, one") are rare in prose:
        # without a pair, nothing is read out here.
        lower = doc.lower
        if not any(
            f"{one}{sep}{two}" in lower for one in present for two in present for sep in _SEPS
        ):
            return
        # Read the words in order once; only a text with seven digits' worth of digit
        # words in a row is searched for where they are.
        run = longest = repeat = 0
        for token in lower.replace("-", " ").split():
            word = token.strip(",.;:!?()\"'")
            if word in _REPEATERS:
                repeat = _REPEATERS[word]
                continue
            if word in _DIGIT_WORDS:
                run += repeat or 1
                longest = max(longest, run)
            else:
                run = 0
            repeat = 0
            if token[-1:] in ".;:!?":
                run = 0
        if longest < 7:
            return
        for match in _RUN.finditer(lower):
            if 7 <= _digits(match.group()) <= 15:
                yield match.span()


def _digits(run: str) -> int:
    count, repeat = 0, 1
    for word in run.replace(",", " ").replace("-", " ").split():
        if word in _REPEATERS:
            repeat = _REPEATERS[word]
            continue
        count += repeat * _DIGIT_WORDS.get(word, 0)
        repeat = 1
    return count
