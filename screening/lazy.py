"""Patterns and gates made on first use, so that importing the screen is quick.

The rules' large alternations take most of a second to compile and to read
gates from (``gates.needs``); a process that imports the screen without
screening anything (a migration, a management command, a worker that never
gets a story) need not pay for them. ``compile_later(pattern, flags)`` stands
for ``re.compile(pattern, flags)`` and ``needs_later(sources, cost)`` for
``gates.needs(sources, cost)``: each does its work the first time it is used,
once, and then holds the result's attributes itself, so a later call costs
what a call on the compiled pattern (or the ``Need``) costs.

``pattern`` is the source and is there at once: other patterns and gates are
built from it without compiling it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .gates import Need, needs
from .quickstart import compile_quick

__all__ = ["LazyNeed", "LazyPattern", "compile_later", "needs_later", "resolved"]

# What a rule asks of a compiled pattern.
_PATTERN_ATTRIBUTES = (
    "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
    "scanner", "flags", "groups", "groupindex",
)  # fmt: skip


class LazyPattern:
    """``re.compile(pattern, flags)``, compiled the first time it is used."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiling it now if it is not yet)."""
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            # Two threads may both compile: the same pattern, set twice, harmless.
            compiled = compile_quick(self.pattern, self._flags)
            self.__dict__["_compiled"] = compiled
            for name in _PATTERN_ATTRIBUTES:
                self.__dict__[name] = getattr(compiled, name)
        return compiled

    def __getattr__(self, name: str):
        # Called only for attributes not set yet: the compiled pattern's, before first use.
        if name not in _PATTERN_ATTRIBUTES:
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"compile_later({self.pattern!r}, {self._flags!r})"


class LazyNeed:
    """``gates.needs(sources, cost)``, read off the patterns the first time a gate is asked."""

    def __init__(self, sources: Iterable[str], cost: Callable[[str], float]) -> None:
        self._sources = tuple(sources)
        self._cost = cost

    def need(self) -> Need:
        """The ``Need`` (reading it off the patterns now if it is not yet)."""
        need = self.__dict__.get("_need")
        if need is None:
            need = needs(self._sources, self._cost)
            self._need = need
            self.words, self.fragments, self.everywhere = (
                need.words,
                need.fragments,
                need.everywhere,
            )
        return need

    def __getattr__(self, name: str):
        # Called only until the Need's fields are set on this object.
        if name not in ("words", "fragments", "everywhere"):
            raise AttributeError(name)
        return getattr(self.need(), name)

    def __repr__(self) -> str:
        return f"needs_later({self._sources!r}, {self._cost!r})"


def resolved(thing):
    """What a lazy pattern or gate stands for (the compiled pattern, the ``Need``),
    made now; anything else as it is."""
    if isinstance(thing, LazyPattern):
        return thing.compiled()
    if isinstance(thing, LazyNeed):
        return thing.need()
    return thing


def compile_later(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)


def needs_later(sources: Iterable[str], cost: Callable[[str], float]) -> LazyNeed:
    return LazyNeed(sources, cost)
