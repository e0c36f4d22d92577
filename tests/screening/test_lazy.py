"""Patterns compiled on first use: the same matches as compiled at once, and every
one of the rules' patterns compiles (a bad one no longer fails at import)."""

import importlib
import pkgutil
import re

import pytest

import screening.rules
from screening.gates import needs, rarity_cost
from screening.lazy import LazyNeed, LazyPattern, compile_later, needs_later, resolved


def lazy_objects():
    """Every lazy pattern and gate the rule modules hold, at module or class level."""
    found = {}
    for info in pkgutil.iter_modules(screening.rules.__path__):
        module = importlib.import_module(f"screening.rules.{info.name}")
        stack = [(info.name, vars(module))]
        while stack:
            where, namespace = stack.pop()
            for name, value in namespace.items():
                if isinstance(value, type) and value.__module__ == module.__name__:
                    stack.append((f"{where}.{name}", vars(value)))
                for item in _flatten(value):
                    if isinstance(item, (LazyPattern, LazyNeed)):
                        found[id(item)] = (f"{where}.{name}", item)
    return list(found.values())


def _flatten(value, depth=0):
    yield value
    if depth < 3 and isinstance(value, (tuple, list)):
        for item in value:
            yield from _flatten(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _flatten(item, depth + 1)


LAZY = lazy_objects()


def test_the_rules_patterns_are_compiled_on_first_use():
    assert sum(isinstance(item, LazyPattern) for _name, item in LAZY) > 100
    assert sum(isinstance(item, LazyNeed) for _name, item in LAZY) > 50


@pytest.mark.parametrize(("name", "item"), LAZY, ids=[name for name, _item in LAZY])
def test_every_lazy_pattern_and_gate_of_the_rules_can_be_made(name, item):
    made = resolved(item)
    assert isinstance(made, re.Pattern) if isinstance(item, LazyPattern) else made.words is not None


def test_a_lazy_pattern_matches_as_the_compiled_one_does():
    source = r"\b(?:kill|hurt)\s+(myself|me)\b"
    text = "I would never hurt myself, she said; kill me now, he joked."
    lazy, compiled = compile_later(source, re.IGNORECASE), re.compile(source, re.IGNORECASE)
    assert lazy.pattern == source  # the source is there before it is compiled
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.search(text, 20).group(1) == "me"
    assert lazy.sub("*", text) == compiled.sub("*", text)
    assert lazy.flags == compiled.flags
    assert resolved(lazy) is resolved(lazy)  # compiled once


def test_a_bad_pattern_fails_when_first_used():
    lazy = compile_later(r"(unclosed")
    with pytest.raises(re.error):
        lazy.search("text")


def test_a_lazy_gate_is_the_gate_the_pattern_gives():
    sources = [r"\bpills\s+(?:saved|hidden)\b|\bgun\b"]
    lazy = needs_later(sources, rarity_cost)
    eager = needs(sources, rarity_cost)
    assert (lazy.words, lazy.fragments, lazy.everywhere) == (
        eager.words,
        eager.fragments,
        eager.everywhere,
    )
    assert resolved(lazy) == eager
