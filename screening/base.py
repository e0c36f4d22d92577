"""What every rule shares: the document it reads and the way it reports."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cached_property

from .findings import REPLACEMENTS, Finding
from .gates import Need
from .quickstart import compile_quick

_LOWER_WORD = re.compile(r"[a-z]+")
# Bytes as themselves if a-z, else a space: ``_LOWER_WORD``'s runs, read by ``split``.
_SPACE_BUT_LETTERS = bytes(code if 97 <= code <= 122 else 32 for code in range(256))
# What the patterns read by ``Document.unpunctuated`` never consume.
_PUNCTUATION = re.compile(r"[^\w\s-]")
# Read with a quick start: the engine skips to the next mark or line break.
_SENTENCE_END = compile_quick(r"[.!?][\"'”’)]*\s+|\n+")


class Document:
    """A text to screen, with the facts about it that several rules need."""

    def __init__(
        self, text: str, *, kind: str = "story", role: str | None = None, gated: bool = True
    ) -> None:
        self.text = text
        self.kind = kind
        self.role = role
        # With ``gated=False`` every ``Need`` is read as ``gates.NO_GATE``: the rules
        # run their patterns everywhere, as they do when the gates cannot be derived.
        self.gated = gated

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
        text = self.text
        for match in _SENTENCE_END.finditer(text):
            end = match.start() + (text[match.start()] in ".!?")
            if end > start:
                spans.append((start, end))
            start = match.end()
        if start < len(self.text):
            spans.append((start, len(self.text)))
        return spans

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [start for start, _end in self.sentences]

    @cached_property
    def _searches(self) -> dict[re.Pattern[str], tuple[int | None, int]]:
        return {}

    def found_anywhere(self, pattern: re.Pattern[str]) -> bool:
        """Whether ``pattern`` matches anywhere in the lowered text; searched once
        per document, however many findings ask (screening stays linear)."""
        return self.found_from(pattern, 0)

    def found_from(self, pattern: re.Pattern[str], pos: int) -> bool:
        """Whether ``pattern`` matches at or after ``pos`` in the lowered text.

        Remembers the furthest match start seen and the first position from which
        nothing matched, so that asking for every sentence in turn scans the text
        about once instead of once per sentence.
        """
        none_from, match_at = self._searches.get(pattern, (None, -1))
        if pos <= match_at:
            return True
        if none_from is not None and pos >= none_from:
            return False
        match = pattern.search(self.lower, pos)
        if match is not None:
            self._searches[pattern] = (none_from, max(match_at, match.start()))
            return True
        self._searches[pattern] = (pos if none_from is None else min(none_from, pos), match_at)
        return False

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos`` (or the gap before the next one)."""
        index = bisect_right(self._sentence_starts, pos) - 1
        if index >= 0:
            start, end = self.sentences[index]
            if pos < end:
                return start, end
        return pos, pos

    def end_of_sentences(self, pos: int, count: int) -> int:
        """The end of the ``count``-th sentence after the one holding ``pos``."""
        index = bisect_right(self._sentence_starts, pos) - 1
        index = min(len(self.sentences) - 1, max(0, index) + count)
        return max(pos, self.sentences[index][1]) if self.sentences else pos

    @cached_property
    def word_set(self) -> frozenset[str]:
        """The lower-case ASCII words of the text: built once, shared by the rules."""
        return frozenset(self._letters.decode("ascii").split())

    @cached_property
    def _letters(self) -> bytes:
        """The lowered text with every character but a-z (any non-ASCII one too) made
        a space, offset for offset after one space more at each end: its words are
        the runs of a-z, read in C."""
        return b" " + self.lower.encode("ascii", "replace").translate(_SPACE_BUT_LETTERS) + b" "

    @cached_property
    def _positions(self) -> dict[str, list[int]]:
        return {}

    def word_positions(self, word: str) -> list[int]:
        """Where ``word`` starts as a whole word (no other letter touching it) in the
        lower-cased text. Found on demand and kept: rules ask for a few dozen words,
        far fewer than the text holds, so indexing every word up front costs more."""
        return list(self._word_starts(word))

    def _word_starts(self, word: str) -> list[int]:
        """``word_positions`` itself, not a copy: for this class's own reading."""
        positions = self._positions.get(word)
        if positions is None:
            positions = self._positions[word] = self._find_word(word)
        return positions

    def _find_word(self, word: str) -> list[int]:
        if not (word.isascii() and word.isalpha() and word.islower()):
            return self._find_any_word(word)
        # A run of a-z equal to ``word`` is the word where no other letter touches
        # it; only a non-ASCII neighbour ("é") can be one, and is read as text.
        lower, letters, out = self.lower, self._letters, []
        needle, size = b" " + word.encode("ascii") + b" ", len(word)
        index = letters.find(needle)
        while index != -1:  # ``index`` is where the word starts in the text
            end = index + size
            if (index == 0 or lower[index - 1].isascii() or not lower[index - 1].isalpha()) and (
                end == len(lower) or lower[end].isascii() or not lower[end].isalpha()
            ):
                out.append(index)
            index = letters.find(needle, end)
        return out

    def _find_any_word(self, word: str) -> list[int]:
        lower, out, size = self.lower, [], len(word)
        index = lower.find(word)
        while index != -1:
            end = index + size
            if (index == 0 or not lower[index - 1].isalpha()) and (
                end == len(lower) or not lower[end].isalpha()
            ):
                out.append(index)
            index = lower.find(word, end)
        return out

    def sentences_with_words(
        self, words: frozenset[str], suffixes: tuple[str, ...] = ()
    ) -> list[tuple[int, int]]:
        """Sentences holding any of ``words`` (or a word ending in one of ``suffixes``)."""
        spans = self._sentences_with_any(words)
        if suffixes:
            for word in self.word_set:
                if word.endswith(suffixes):
                    spans |= self._word_sentences(word)
        return sorted(spans)

    def _sentences_with_any(self, words: frozenset[str]) -> set[tuple[int, int]]:
        """The sentences in which one of ``words`` is a whole word, in no order."""
        spans: set[tuple[int, int]] = set()
        for word in words & self.word_set:
            spans |= self._word_sentences(word)
        return spans

    def _word_sentences(self, word: str) -> frozenset[tuple[int, int]]:
        """The sentences in which ``word`` is a whole word: found once a document,
        since the rules' trigger sets and gates share many of their words."""
        found = self._sentences_of.get(word)
        if found is None:
            starts, sentences, spans = self._sentence_starts, self.sentences, set()
            for position in self._word_starts(word):
                index = bisect_right(starts, position) - 1
                if index >= 0 and position < sentences[index][1]:
                    spans.add(sentences[index])
            found = self._sentences_of[word] = frozenset(spans)
        return found

    @cached_property
    def _sentences_of(self) -> dict[str, frozenset[tuple[int, int]]]:
        return {}

    @cached_property
    def _punctuation(self) -> list[int]:
        return [match.start() for match in _PUNCTUATION.finditer(self.text)]

    def unpunctuated(self, need: Need) -> list[tuple[int, int]]:
        """The stretches between punctuation (anything but word characters, spaces
        and hyphens) that hold one of ``need``'s words, in order. A pattern that
        consumes nothing else finds the same matches in these as in the whole text."""
        if need.everywhere or not self.gated:
            return [(0, len(self.text))]
        if need.fragments:
            raise ValueError("unpunctuated() reads whole words only")
        marks, spans = self._punctuation, set()
        for word in need.words & self.word_set:
            for position in self._word_starts(word):
                index = bisect_right(marks, position)
                start = marks[index - 1] + 1 if index else 0
                spans.add((start, marks[index] if index < len(marks) else len(self.text)))
        return sorted(spans)

    def holds(self, need: Need, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds one of ``need``'s words or fragments.
        Its runs of a-z letters are read once and kept: a run is every word the
        index knows there, and maybe a few more, so this never says no wrongly."""
        if need.everywhere or not self.gated:
            return True
        words = self._span_words.get((start, end))
        if words is None:
            words = self._span_words[start, end] = set(_LOWER_WORD.findall(self.lower, start, end))
        if not need.words.isdisjoint(words):
            return True
        return any(self.lower.find(f, start, end) != -1 for f in need.fragments)

    @cached_property
    def _span_words(self) -> dict[tuple[int, int], set[str]]:
        return {}

    def sentences_holding(self, need: Need) -> list[tuple[int, int]]:
        """The sentences that hold one of ``need``'s words or fragments, in order."""
        if need.everywhere or need.fragments or not self.gated:
            return [span for span in self.sentences if self.holds(need, *span)]
        return self.sentences_with_words(need.words)

    def scan(
        self,
        words: frozenset[str],
        pattern: re.Pattern[str],
        suffixes: tuple[str, ...] = (),
        need: Need | None = None,
    ) -> Iterator[re.Match[str]]:
        """Matches of ``pattern`` in the lower-cased text, looked for only in the
        sentences that hold one of the trigger ``words``: a dictionary look-up is
        far cheaper than a large regex over the whole text. With ``need`` (see
        ``gates.needs``), only in those that also hold what every match holds."""
        spans = self.sentences_with_words(words, suffixes)
        if spans and need is not None and not need.everywhere and self.gated:
            # (A gate is read off its pattern only once a sentence asks.) A word
            # every match holds is a whole word there (``gates``): the
            # sentences that hold one are known without reading any sentence.
            holding = self._sentences_with_any(need.words)
            spans = [
                (start, end)
                for start, end in spans
                if (start, end) in holding
                or any(self.lower.find(f, start, end) != -1 for f in need.fragments)
            ]
        for start, end in spans:
            yield from pattern.finditer(self.lower, start, end)

    def sentences_with(self, trigger: re.Pattern[str]) -> list[tuple[int, int]]:
        """Sentences in which ``trigger`` matches the lower-cased text, in order."""
        seen: dict[tuple[int, int], None] = {}
        for match in trigger.finditer(self.lower):
            span = self.sentence_at(match.start())
            if span[0] < span[1]:
                seen[span] = None
        return list(seen)


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


def words_of(*sources: str) -> frozenset[str]:
    """The plain words in regex sources (with singulars), to use as cheap triggers."""
    words = set()
    for source in sources:
        for word in re.findall(r"(?<![\\])[a-z]{2,}", source):
            words.add(word)
            if word.endswith("s"):
                words.add(word[:-1])
    return frozenset(words)


def at_word_start(text: str, index: int) -> bool:
    """Whether ``index`` begins a word (a cheap stand-in for a leading ``\\b``)."""
    return index == 0 or not (text[index - 1].isalnum() or text[index - 1] == "_")


def trim_trailing(text: str, start: int, end: int, chars: str = ".,;:!?)]}'\"”’") -> int:
    """The end of ``text[start:end]`` without trailing punctuation."""
    while end > start and text[end - 1] in chars:
        end -= 1
    return end


class DisjointSpans:
    """Spans that do not overlap one another, asked "does this span overlap one of
    you?" in logarithmic time (keeps the resolution of findings linear-ish)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        # The kept span starting last before ``end`` ends last of those: it decides.
        index = bisect_left(self._starts, end) - 1
        return index >= 0 and self._ends[index] > start

    def add(self, start: int, end: int) -> None:
        index = bisect_left(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)


def covers(spans: list[tuple[int, int]]):
    """A test of whether a position lies inside any of ``spans`` (which may overlap)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    starts = [start for start, _end in merged]

    def inside(pos: int) -> bool:
        index = bisect_right(starts, pos) - 1
        return index >= 0 and pos < merged[index][1]

    return inside
