"""Private links kept out of logs.

An author's status link and a reader's confirm, mute and unsubscribe links are
bearer tokens: whoever has one may edit or withdraw a story or speak for a reader.
Log lines (Django's, and gunicorn's access line) show their paths with the token
replaced. No Django import: gunicorn's logger uses it too.
"""

import re

PRIVATE_PATH = re.compile(
    r"(/share/(?:status|received)/|/directory/(?:status|received)/"
    r"|/comments/(?:confirm|mute|unsubscribe)/)[^/\s\"'?#]+"
)
MASK = "[token]"


def without_tokens(text):
    """``text`` with the token of every private link in it masked."""
    return PRIVATE_PATH.sub(rf"\g<1>{MASK}", text) if text else text
