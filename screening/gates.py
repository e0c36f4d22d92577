"""Gates in front of large patterns, read off the patterns themselves.

A rule with a large alternation (``safety._PATTERNS``) only runs it in the
sentences that could hold a match. ``needs(sources)`` reads each pattern's
parse tree and returns a ``Need``: for every alternative, a few whole words (or,
failing that, a literal fragment) that every one of its matches contains.
A sentence with none of them cannot match, so skipping it changes nothing.

A word counts only where the pattern puts a non-word character, ``\\b`` or the
edge of the match against both its ends, and only when all its letters are
lower-case ASCII (the rules match the lower-cased text): such a word is then
one of ``Document``'s indexed words, at the same place.

The parse tree comes from CPython's private ``re._parser``. Where that module is
missing, or reads a probe pattern differently from the way this code expects
(a Python whose parser changed), ``needs`` returns ``NO_GATE``, which lets every
sentence through: the findings stay the same, only slower.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

try:  # CPython's own modules, private: another Python may lack them or change them
    import re._constants as sre  # the parse tree's node types (CPython 3.11+)
    import re._parser as sre_parse
except ImportError:  # pragma: no cover - depends on the interpreter
    sre = sre_parse = None

__all__ = [
    "COMMON_WORDS",
    "NO_GATE",
    "Need",
    "derive_needs",
    "needs",
    "parser_works",
    "rarity_cost",
]


@dataclass(frozen=True)
class Need:
    """Every match holds one of ``words`` as a whole word or one of ``fragments``;
    with ``everywhere``, nothing is known and every text may hold a match."""

    words: frozenset[str]
    fragments: tuple[str, ...]
    everywhere: bool = False


#: The gate that lets everything through: what ``needs`` gives when it cannot
#: read the patterns. ``Document.holds`` is always true for it.
NO_GATE = Need(frozenset(), (), everywhere=True)


def needs(sources: Iterable[str], cost: Callable[[str], float]) -> Need:
    """What every match of every pattern in ``sources`` holds, choosing, for each
    alternative, the words of lowest total ``cost`` (rare words cost little);
    ``NO_GATE`` when this Python's regex parser cannot be read (see ``parser_works``)."""
    sources = list(sources)
    if not parser_works():
        return NO_GATE
    try:
        return derive_needs(sources, cost)
    except Exception:  # a parse tree of a shape this code does not know
        return NO_GATE


@cache
def parser_works() -> bool:
    """Whether ``re._parser`` is there and reads probe patterns as this code expects."""
    if sre_parse is None:
        return False
    try:
        probes = (
            derive_needs([r"\bkill\s+myself\b"], rarity_cost),
            derive_needs([r"\b(?:pills|meds)\s+(?:saved|hidden)\b|\bgun\b"], rarity_cost),
            derive_needs([r"[^.!?]{0,40}\bthan\s+(?:live|die)"], rarity_cost),
            derive_needs([r"9\d{2}-xyz"], rarity_cost),
        )
    except Exception:
        return False
    return probes == (
        Need(frozenset({"myself"}), ()),
        Need(frozenset({"saved", "hidden", "gun"}), ()),
        Need(frozenset({"than"}), ()),
        Need(frozenset(), ("-xyz",)),
    )


def derive_needs(sources: Iterable[str], cost: Callable[[str], float]) -> Need:
    """``needs`` without the fallback: reads the parse trees, and raises when it cannot."""
    words: set[str] = set()
    fragments: set[str] = set()
    for source in sources:
        parsed = sre_parse.parse(source)
        if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
            raise ValueError(f"needs() reads plain lower-case patterns only: {source!r}")
        options = _options(list(parsed), left=False, right=False)
        if options:
            words |= min((_resolve(o, cost) for o in options), key=lambda r: r[0])[1]
        else:
            fragments.add(_fragment(list(parsed), source))
    return Need(frozenset(words), tuple(sorted(fragments)))


def _resolve(option, cost) -> tuple[float, frozenset[str]]:
    """An option is a word set, or ("any", [options per branch]): one set from each branch."""
    if isinstance(option, frozenset):
        return sum(cost(word) for word in option), option
    total, chosen = 0.0, frozenset()
    for branch in option[1]:
        best = min((_resolve(o, cost) for o in branch), key=lambda r: r[0])
        total, chosen = total + best[0], chosen | best[1]
    return total, chosen


def _fragment(seq, source: str) -> str:
    """The longest run of plain characters that every match holds."""
    best = run = ""
    for op, av in seq:
        run = run + chr(av) if op is sre.LITERAL else ""
        best = max(best, run, key=len)
    if len(best) < 3:
        raise ValueError(f"needs() finds nothing every match holds: {source!r}")
    return best


def _options(seq, *, left: bool, right: bool) -> list:
    """Word sets of which every match of ``seq`` holds one. ``left``/``right``: whether
    what comes before/after ``seq`` is sure to be a non-word character or an edge."""
    found: list = []
    for a in range(len(seq)):
        if not _nonword_before(seq, a, left):
            continue
        for b in range(a + 1, len(seq) + 1):
            strings = _strings(seq[a:b])
            if strings is None:
                break
            if "" not in strings and _nonword_after(seq, b, right):
                found.append(frozenset(strings))
    for index, (op, av) in enumerate(seq):
        inner_left = _nonword_before(seq, index, left)
        inner_right = _nonword_after(seq, index + 1, right)
        if op is sre.BRANCH:
            branches = [_options(list(alt), left=inner_left, right=inner_right) for alt in av[1]]
            if all(branches):
                found.append(("any", branches))
        elif op is sre.SUBPATTERN:
            found.extend(_options(list(av[-1]), left=inner_left, right=inner_right))
    return found


def _strings(seq, limit: int = 400) -> set[str] | None:
    """All the strings ``seq`` matches, if they are a few, of lower-case ASCII letters."""
    out = {""}
    for op, av in seq:
        if op is sre.LITERAL and 97 <= av <= 122:
            parts: set[str] | None = {chr(av)}
        elif op is sre.IN and all(o is sre.LITERAL and 97 <= a <= 122 for o, a in av):
            parts = {chr(a) for _o, a in av}
        elif op is sre.BRANCH:
            parts = set()
            for alt in av[1]:
                sub = _strings(alt, limit)
                if sub is None:
                    return None
                parts |= sub
        elif op is sre.SUBPATTERN:
            parts = _strings(av[-1], limit)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[1] <= 2:
            body = _strings(av[2], limit)
            if body is None:
                return None
            parts, power = set(), {""}
            for count in range(av[1] + 1):
                if count >= av[0]:
                    parts |= power
                power = {a + b for a in power for b in body}
        else:
            return None
        if parts is None:
            return None
        out = {a + b for a in out for b in parts}
        if len(out) > limit:
            return None
    return out


def _nonword_char(code: int) -> bool:
    char = chr(code)
    return not (char.isalnum() or char == "_")


def _nonword_item(op, av) -> bool:
    """A node that consumes one character, never a word character."""
    if op is sre.LITERAL:
        return _nonword_char(av)
    if op is not sre.IN or not av:
        return False
    if av[0][0] is sre.NEGATE:  # [^\S...]: whitespace at most
        return any(o is sre.CATEGORY and a is sre.CATEGORY_NOT_SPACE for o, a in av[1:])
    return all(
        (o is sre.CATEGORY and a in (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD))
        or (o is sre.LITERAL and _nonword_char(a))
        for o, a in av
    )


def _nonword_before(seq, j: int, outer: bool) -> bool:
    """Whether the character before position ``j`` of ``seq`` is a non-word one or
    the edge, given that the character at ``j`` is a word character."""
    if j == 0:
        return outer
    op, av = seq[j - 1]
    if _nonword_item(op, av):
        return True
    if op is sre.AT:
        return av is sre.AT_BOUNDARY or _nonword_before(seq, j - 1, outer)
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return _nonword_before(seq, j - 1, outer)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, _high, body = av
        previous = _nonword_before(seq, j - 1, outer)
        return _nonword_before(body, len(body), previous) and (low > 0 or previous)
    if op is sre.BRANCH:
        previous = _nonword_before(seq, j - 1, outer)
        return all(_nonword_before(alt, len(alt), previous) for alt in av[1])
    if op is sre.SUBPATTERN:
        return _nonword_before(av[-1], len(av[-1]), _nonword_before(seq, j - 1, outer))
    return False


def _nonword_after(seq, j: int, outer: bool) -> bool:
    """Whether the character at position ``j`` of ``seq`` is a non-word one or the
    edge, given that the character before ``j`` is a word character."""
    if j == len(seq):
        return outer
    op, av = seq[j]
    if _nonword_item(op, av):
        return True
    if op is sre.AT:
        return av is sre.AT_BOUNDARY or _nonword_after(seq, j + 1, outer)
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return _nonword_after(seq, j + 1, outer)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, _high, body = av
        following = _nonword_after(seq, j + 1, outer)
        return _nonword_after(body, 0, following) and (low > 0 or following)
    if op is sre.BRANCH:
        following = _nonword_after(seq, j + 1, outer)
        return all(_nonword_after(alt, 0, following) for alt in av[1])
    if op is sre.SUBPATTERN:
        return _nonword_after(av[-1], 0, _nonword_after(seq, j + 1, outer))
    return False


# Words so common that a gate on them lets most sentences through.
COMMON_WORDS = frozenset(
    "a an the i me my mine we our you your he she it they them his her this that these those "
    "was were is are am be been being will would could should can do did does have has had go "
    "going get got make want wanted not no all about up down off into in on at of to for with "
    "and or but if so here there where when what how".split()
)


def rarity_cost(word: str) -> float:
    """A guess at how often ``word`` occurs: common and short words cost more."""
    return (1000 if word in COMMON_WORDS else 1) * 2.0 ** (8 - len(word))
