"""What every rule shares: the document it reads and the way it reports."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

from .findings import REPLACEMENTS, Finding

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")


class Document:
    """A text to screen, with the facts about it that several rules need."""

    def __init__(self, text: str, *, kind: str = "story", role: str | None = None) -> None:
        self.text = text
        self.kind = kind
        self.role = role

    @cached_property
    def lower(self) -> str:
        # str.lower() can change the length of a few characters (e.g. "İ");
        # casefold-free lowering that keeps offsets aligned.
        lowered = self.text.lower()
        if len(lowered) == len(self.text):
            return lowered
        return "".join(c.lower() if len(c.lower()) == 1 else c for c in self.text)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence, split on end punctuation and line breaks."""
        spans = []
        start = 0
        for match in _SENTENCE_END.finditer(self.text):
            if match.start() > start:
                spans.append((start, match.start()))
            start = match.end()
        if start < len(self.text):
            spans.append((start, len(self.text)))
        return spans

    def sentence_at(self, pos: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= pos < end:
                return start, end
        return pos, pos


class Rule:
    """A named check. Subclasses set the class attributes and implement ``spans``."""

    id: str = ""
    category: str = ""
    severity: str = ""
    message: str = ""

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        raise NotImplementedError

    def find(self, doc: Document) -> Iterator[Finding]:
        for start, end in self.spans(doc):
            if start < end:
                yield self.finding(start, end)

    def finding(self, start: int, end: int, *, severity: str | None = None) -> Finding:
        return Finding(
            category=self.category,
            start=start,
            end=end,
            severity=severity or self.severity,
            rule=self.id,
            message=self.message,
            replacement=REPLACEMENTS.get(self.category),
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id}>"


class RegexRule(Rule):
    """A rule that is one compiled pattern; ``group`` names the flagged part."""

    pattern: re.Pattern[str]
    group: int | str = 0

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        for match in self.pattern.finditer(doc.text):
            if self.accept(doc, match):
                yield match.span(self.group)

    def accept(self, doc: Document, match: re.Match[str]) -> bool:
        return True


def trim_trailing(text: str, start: int, end: int, chars: str = ".,;:!?)]}'\"”’") -> int:
    """The end of ``text[start:end]`` without trailing punctuation."""
    while end > start and text[end - 1] in chars:
        end -= 1
    return end
