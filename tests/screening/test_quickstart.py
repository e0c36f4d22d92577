"""Patterns rewritten to start quickly (``screening.quickstart``) match exactly as
written: the same spans and groups, on every rule's pattern, over real texts."""

import importlib
import json
import pkgutil
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import screening.rules
from screening.lazy import LazyPattern
from screening.quickstart import compile_quick, quick_tree

DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data"
SETS = ("screen_tune.jsonl", "screen_holdout.jsonl", "crisis_tune.jsonl")


def _texts():
    texts = []
    for name in SETS:
        with (DATA / name).open(encoding="utf-8") as lines:
            texts.extend(json.loads(line)["text"] for line in lines if line.strip())
    return texts


def _patterns():
    """Every lazy pattern of the rule modules, at module or class level, in lists too."""
    found = {}
    for info in pkgutil.iter_modules(screening.rules.__path__):
        module = importlib.import_module(f"screening.rules.{info.name}")
        spaces = [(info.name, vars(module))]
        spaces += [
            (f"{info.name}.{name}", vars(value))
            for name, value in vars(module).items()
            if isinstance(value, type) and value.__module__ == module.__name__
        ]
        for where, namespace in spaces:
            for name, value in namespace.items():
                items = value if isinstance(value, (list, tuple)) else [value]
                for item in items:
                    for part in item if isinstance(item, tuple) else [item]:
                        if isinstance(part, LazyPattern):
                            found[id(part)] = (f"{where}.{name}", part)
    return list(found.values())


TEXTS = _texts()
PATTERNS = _patterns()
REWRITTEN = [(name, item) for name, item in PATTERNS if quick_tree(item.pattern, item._flags)]


def _found(pattern, text, pos=0, endpos=None):
    endpos = len(text) if endpos is None else endpos
    return [(m.span(), m.groups()) for m in pattern.finditer(text, pos, endpos)]


def test_the_common_slow_starts_are_rewritten():
    for source in (
        r"\d{5}(?:-\d{4})?",  # a counted repeat
        r"\bin\s+(?:his|her)\b",  # a word boundary
        r"(?<!\w)(?:[Ii]n|[Ff]rom)\s",  # a lookbehind before an alternation
        r"(?=[\dJ])(?:Jan|\d+/\d+)",  # a lookahead
        r"(?:\+\s?|\(\s?)?\d{3}",  # an optional start
    ):
        assert quick_tree(source) is not None, source
    # Already quick, or with nothing to skip to: compiled as written.
    assert quick_tree(r"[A-Z]\w+") is None
    assert quick_tree(r"(?:\w+\s+){0,2}?years") is None
    assert quick_tree(r"\bkill", re.IGNORECASE) is None


def test_many_of_the_rules_patterns_start_quickly_now():
    assert len(REWRITTEN) > 40


def test_a_pattern_left_as_written_is_the_pattern_as_written():
    for _name, item in PATTERNS:
        quick, plain = (
            compile_quick(item.pattern, item._flags),
            re.compile(item.pattern, item._flags),
        )
        assert (quick.pattern, quick.flags, quick.groups, quick.groupindex) == (
            plain.pattern,
            plain.flags,
            plain.groups,
            plain.groupindex,
        )
    text = "Ward 7B, (312) 555-0199, in his 90s."
    for _name, item in PATTERNS:
        if (_name, item) not in REWRITTEN:
            quick = compile_quick(item.pattern, item._flags)
            plain = re.compile(item.pattern, item._flags)
            assert _found(quick, text) == _found(plain, text)


@pytest.mark.parametrize(("name", "item"), REWRITTEN, ids=[name for name, _item in REWRITTEN])
def test_a_rewritten_rule_pattern_finds_what_it_finds_as_written(name, item):
    quick, plain = compile_quick(item.pattern, item._flags), re.compile(item.pattern, item._flags)
    assert (quick.pattern, quick.flags, quick.groups, quick.groupindex) == (
        plain.pattern,
        plain.flags,
        plain.groups,
        plain.groupindex,
    )
    rng = random.Random(name)
    for text in TEXTS:
        for subject in (text, text.lower()):
            assert _found(quick, subject) == _found(plain, subject), subject
            start = rng.randrange(len(subject) + 1)
            end = rng.randrange(start, len(subject) + 1)
            assert _found(quick, subject, start, end) == _found(plain, subject, start, end)
            assert bool(quick.match(subject, start)) == bool(plain.match(subject, start))


SHAPES = [
    r"\d{5}(?:-(\d{4}))?(?![\d-])",
    r"\b(?:you(?:['’]re|\s+are)?|ur|u)\b\s*(\w+)",
    r"(?<![\w-])(?:[Ii]n|[Ff]rom|at)\s+(?=[A-Z])([A-Z]\w*)",
    r"(?=[\dJM])(?:(?:Jan|Mar)\.?\s+\d{1,2}|\d{1,2}/\d{1,2})",
    r"(?:\+\s?|\(\s?)?\d[\d\s().-]{2,8}\d",
    r"(?:9\d|1[01]\d)(?!\d)|ninety(?:[- ](?:one|two))?\b",
    r"\bin\s+(?:his|her)\s+((?:9|10)0['’]?s|nineties)\b",
    r"\B(?:a|b)+x|\b(?:ab|a)\b",
]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SHAPES), st.text(alphabet="aAbxJMnu 9015-/(+’'.\n", max_size=40))
def test_rewritten_shapes_match_as_written_on_any_text(source, text):
    assert _found(compile_quick(source), text) == _found(re.compile(source), text)
