"""The screening engine: text in, findings out. Plain Python, no Django.

    from screening import screen
    for finding in screen(text, kind="comment", role="reader"):
        ...

See README.md in this folder for the rules, the lists they use and where
those lists come from.
"""

from .engine import RULES, configure, learned_enabled, screen
from .findings import (
    BLOCK,
    CATEGORIES,
    PRIVACY,
    PROFESSIONALISM,
    REPLACEMENTS,
    REVIEW,
    SAFETY,
    SEVERITIES,
    Finding,
)

ENGINE_VERSION = "1.9.0"

__all__ = [
    "BLOCK",
    "CATEGORIES",
    "ENGINE_VERSION",
    "PRIVACY",
    "PROFESSIONALISM",
    "REPLACEMENTS",
    "REVIEW",
    "RULES",
    "SAFETY",
    "SEVERITIES",
    "Finding",
    "configure",
    "learned_enabled",
    "screen",
]
