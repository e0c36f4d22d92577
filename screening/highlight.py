"""A text cut into plain and flagged pieces, for the moderators."""

from . import CATEGORIES


def highlight(text, findings):
    """``[(piece, finding or None), ...]`` covering ``text``; overlapping findings
    are shown from the first one's start to the furthest end."""
    pieces = []
    position = 0
    for finding in sorted(findings, key=lambda f: (f["start"], -f["end"])):
        start, end = max(finding["start"], position), min(finding["end"], len(text))
        if start >= end:
            continue
        if start > position:
            pieces.append((text[position:start], None))
        label = CATEGORIES.get(finding["category"], finding["category"])
        pieces.append((text[start:end], {**finding, "label": label}))
        position = end
    if position < len(text):
        pieces.append((text[position:], None))
    return pieces
