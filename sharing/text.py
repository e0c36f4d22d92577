"""Plain text as people type it.

Stories, comments and names are stored as typed and escaped wherever they are
shown; nothing here removes what looks like HTML (``<not>``, ``<Ward B>`` and
``a < b > c`` are words, not tags). Only what no person means is normalised:
Unicode to NFC, line endings to ``\\n``, control characters (NUL included) and
byte-order marks out, spaces at the ends of lines and of the text.
"""

import re
import unicodedata

from django import forms

# Control characters but the line feed and the tab; the byte-order mark.
_UNWANTED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def normalise_plain_text(value, *, single_line=False):
    """``value`` as stored: see the module's docstring. ``single_line`` turns line
    breaks into spaces (titles, names)."""
    text = unicodedata.normalize("NFC", value or "")
    text = _NEWLINES.sub("\n", text)
    text = _UNWANTED.sub("", text)
    lines = [line.rstrip() for line in text.split("\n")]
    if single_line:
        return " ".join(line.strip() for line in lines if line.strip())
    return "\n".join(lines).strip()


class PlainTextField(forms.CharField):
    """A form field for plain text: normalised (as above) before it is validated, so
    that a NUL or a lone byte-order mark is dropped, not refused, and a value empty
    once normalised is asked for again ("This field is required")."""

    def __init__(self, *, single_line=False, **kwargs):
        self.single_line = single_line
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_plain_text(value, single_line=self.single_line)
