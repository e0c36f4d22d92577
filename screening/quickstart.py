"""Patterns rewritten so that the regex engine can skip to where a match may start.

CPython's ``re`` searches quickly when a pattern begins with a literal or a
character set: it jumps to the next character that can start a match instead
of trying the whole pattern at every position of the text. It does not look
past a leading ``\\b``, a lookaround or a counted repeat, so ``\\d{5}``,
``\\b(?:you|ur)`` and ``(?<!\\w)(?:in|from)`` are tried at every position.

``compile_quick(source, flags)`` compiles the same pattern with its first
character moved to the front: ``\\d{5}`` as ``\\d\\d{4}``; an assertion before the
first character as a lookbehind after it (``\\bin`` as ``i(?<=\\bi)n``, where the
lookbehind tests what ``\\b`` tested, at the same place); into every
alternative of a leading alternation. Each rewrite accepts exactly the strings,
spans and groups the source does, in the same order, so no finding changes
(``tests/screening/test_quickstart.py`` compares both on every rule's pattern).
A pattern the rewrites do not speed up, or one this Python's private parser
(``re._parser``, as in ``gates``) reads otherwise, is compiled as it is.
"""

from __future__ import annotations

import re

try:  # CPython's own modules, private: another Python may lack them or change them
    import _sre
    import re._compiler as sre_compile
    import re._constants as sre
    import re._parser as sre_parse
except ImportError:  # pragma: no cover - depends on the interpreter
    _sre = sre = sre_compile = sre_parse = None

__all__ = ["compile_quick", "quick_tree"]


def compile_quick(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, rewritten to start quickly where that helps
    (read once: the tree that is not rewritten is compiled as it was read)."""
    try:
        tree = _parsed(source, flags)
        if tree is not None:
            return _compiled(_rewritten(tree, flags) or tree, source, flags)
    except Exception:  # noqa: S110 - a tree of a shape this code does not know
        pass
    return re.compile(source, flags)


def _compiled(tree, source: str, flags: int) -> re.Pattern[str]:
    """``re._compiler.compile`` of a parse tree, keeping ``source`` as the pattern's
    ``pattern`` (which tools such as hypothesis read)."""
    code = sre_compile._code(tree, flags)
    groupindex = tree.state.groupdict
    indexgroup = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return _sre.compile(
        source, flags | tree.state.flags, code, tree.state.groups - 1, groupindex, tuple(indexgroup)
    )


def quick_tree(source: str, flags: int = 0):
    """The rewritten parse tree of ``source``, or None when there is nothing to gain."""
    tree = _parsed(source, flags)
    return None if tree is None else _rewritten(tree, flags)


def _parsed(source: str, flags: int):
    if sre_parse is None or flags & re.IGNORECASE or not isinstance(source, str):
        return None
    return sre_parse.parse(source, flags)


def _rewritten(tree, flags: int):
    if tree.state.flags & re.IGNORECASE or _starts_quickly(tree, flags):
        return None
    if tree.data and tree.data[0] in (
        (sre.AT, sre.AT_BEGINNING),
        (sre.AT, sre.AT_BEGINNING_STRING),
    ):
        return None  # "^x": the engine tries the start alone
    data = _lead(list(tree.data), (), tree.state)
    if data is None:
        return None
    rewritten = sre_parse.SubPattern(tree.state, data)
    if not _starts_quickly(rewritten, flags) or _share(_first_chars(rewritten, flags)) > 0.12:
        return None
    return rewritten


def _starts_quickly(tree, flags: int) -> bool:
    return _first_chars(tree, flags) is not None


def _first_chars(tree, flags: int):
    """The set the engine skips to, as ``IN`` items; None when it has none."""
    prefix, _skip, _all = sre_compile._get_literal_prefix(tree, flags)
    if prefix:
        return [(sre.LITERAL, prefix[0])]
    return sre_compile._get_charset_prefix(tree, flags)


# About how often each lower-case letter occurs in English text, per character.
_LETTER_SHARE = dict(
    zip(
        "etaoinshrdlcumwfgypbvkjxqz",
        (0.10, 0.073, 0.066, 0.06, 0.056, 0.054, 0.05, 0.049, 0.048, 0.034, 0.032, 0.022, 0.022,
         0.019, 0.019, 0.018, 0.016, 0.016, 0.015, 0.012, 0.008, 0.006, 0.001, 0.001, 0.001, 0.001),
        strict=True,
    )
)  # fmt: skip


def _char_share(code: int) -> float:
    char = chr(code)
    if char in _LETTER_SHARE:
        return _LETTER_SHARE[char]
    if char == " ":
        return 0.17
    return 0.002  # a capital, a digit, a mark, a line break


def _share(items) -> float:
    """About what share of a text's characters ``items`` (a character set) matches:
    where the engine still tries the whole pattern. A set of common letters saves
    little and adds a lookbehind at each of them, so such a rewrite is not made."""
    total = 0.0
    for op, av in items:
        if op is sre.LITERAL:
            total += _char_share(av)
        elif op is sre.RANGE:
            total += sum(_char_share(code) for code in range(av[0], min(av[1], 0x2FF) + 1))
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            total += 0.02
        else:  # a negated set, words, spaces, anything else: assume much of the text
            return 1.0
    return total


def _char(item) -> bool:
    """A node that consumes exactly one character."""
    return item[0] is sre.LITERAL or item[0] is sre.IN


def _plain(seq) -> bool:
    """Nodes without groups (safe to copy into a lookbehind)."""
    for op, av in seq:
        if op is sre.SUBPATTERN or op is sre.GROUPREF or op is sre.BRANCH:
            return False
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and not _plain(av[2]):
            return False
        if op in (sre.ASSERT, sre.ASSERT_NOT) and not _plain(av[1]):
            return False
    return True


def _movable(item) -> bool:
    """A zero-width test that can be made after the first character instead of before it."""
    op, av = item
    if op is sre.AT:
        return av in (
            sre.AT_BOUNDARY,
            sre.AT_NON_BOUNDARY,
            sre.AT_BEGINNING,
            sre.AT_BEGINNING_STRING,
        )
    if op is sre.ASSERT or op is sre.ASSERT_NOT:
        direction, body = av
        if direction == -1:
            return _plain(body)
        return len(body) == 1 and _char(body[0])
    return False


def _moved(item, char, state):
    """``item``, tested before ``char``, as a lookbehind tested after it."""
    op, av = item
    if op is sre.AT:
        return (sre.ASSERT, (-1, sre_parse.SubPattern(state, [item, char])))
    direction, body = av
    if direction == -1:
        return (op, (-1, sre_parse.SubPattern(state, [*body, char])))
    return (op, (-1, sre_parse.SubPattern(state, list(body))))


def _lead(seq, pending, state):
    """``seq`` with the zero-width tests ``pending`` before it, rewritten to begin
    with one character (or with an alternation whose branches each begin with a
    literal); None when it cannot be."""
    if not seq:
        return None
    op, av = seq[0]
    if _char(seq[0]):
        return [seq[0], *(_moved(item, seq[0], state) for item in pending), *seq[1:]]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, body = av
        if op is sre.MAX_REPEAT and (low, high) == (0, 1) and body.getwidth()[0] > 0:
            # "x?y" is "(?:xy|y)": the same strings, tried in the same order.
            with_it = sre_parse.SubPattern(state, [*body, *seq[1:]])
            without = sre_parse.SubPattern(state, list(seq[1:]))
            return _lead([(sre.BRANCH, (None, [with_it, without]))], pending, state)
        if low < 1 or len(body) != 1 or not _char(body[0]):
            return None
        rest = (
            []
            if high == 1
            else [(op, (low - 1, high if high == sre.MAXREPEAT else high - 1, body))]
        )
        return _lead([body[0], *rest, *seq[1:]], pending, state)
    if _movable(seq[0]):
        return _lead(seq[1:], (*pending, seq[0]), state)
    if op is sre.BRANCH:
        leds = [_lead(list(branch), pending, state) for branch in av[1]]
        if None in leds and seq[1:]:
            # "(?:^|,\\s*)(?:RN|MD)" is "(?:^(?:RN|MD)|,\\s*(?:RN|MD))": what follows,
            # in every branch, gives the branches that start with a test a character.
            alternatives = [sre_parse.SubPattern(state, [*branch, *seq[1:]]) for branch in av[1]]
            return _lead([(sre.BRANCH, (None, alternatives))], pending, state)
        branches = []
        for led in leds:
            if led is None:
                return None
            if led[0][0] is sre.BRANCH:  # "(?:(?:a|b)x|c)" is "(?:ax|bx|c)"
                branches.extend([*inner, *led[1:]] for inner in led[0][1][1])
            elif _letters(led[0]):  # "[wc]x" is "(?:wx|cx)": one of them can match here
                branches.extend([letter, *led[1:]] for letter in _letters(led[0]))
            else:
                branches.append(led)
        if all(branch[0][0] is sre.LITERAL for branch in branches):
            alternatives = [sre_parse.SubPattern(state, branch) for branch in branches]
            return [(sre.BRANCH, (None, alternatives)), *seq[1:]]
        return _hoisted(branches, seq[1:], state)
    if op is sre.SUBPATTERN:
        group, add_flags, del_flags, body = av
        inner = None if add_flags or del_flags else _lead(list(body), pending, state)
        if inner is None:
            return None
        return [(sre.SUBPATTERN, (group, 0, 0, sre_parse.SubPattern(state, inner))), *seq[1:]]
    return None


def _hoisted(branches, rest, state):
    """A few branches that each begin with one character, as one character from
    any of their sets, then each branch testing its own by lookbehind: "(?:\\d|\\+)x"
    as "[\\d+](?:(?<=\\d)|(?<=\\+))x"."""
    if len(branches) > 8:
        return None  # a lookbehind in each of many branches costs more than it saves
    chars = []
    for branch in branches:
        op, av = branch[0]
        items = [(op, av)] if op is sre.LITERAL else list(av)
        if any(item[0] is sre.NEGATE for item in items):
            return None
        chars.extend(items)
    alternatives = [
        sre_parse.SubPattern(
            state, [(sre.ASSERT, (-1, sre_parse.SubPattern(state, [branch[0]]))), *branch[1:]]
        )
        for branch in branches
    ]
    return [(sre.IN, chars), (sre.BRANCH, (None, alternatives)), *rest]


def _letters(item) -> list:
    """A set of a few single characters as literals, in order, each once; else []."""
    op, av = item
    if op is not sre.IN or len(av) > 6 or any(o is not sre.LITERAL for o, _a in av):
        return []
    return [(sre.LITERAL, code) for code in dict.fromkeys(a for _o, a in av)]
