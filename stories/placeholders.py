"""The words a moderator's redaction puts in place of a privacy finding, in the
story's language: a Spanish story reads "[nombre]", not the screen's "[name]".

The screening package proposes its English placeholder (``screening.REPLACEMENTS``);
the story is redacted with the translation of it into its own language.
"""

import functools

from django.conf import settings
from django.utils.translation import override, pgettext_lazy

#: Each privacy category's placeholder, as translated for the story's language.
PLACEHOLDERS = {
    "name": pgettext_lazy("redaction placeholder", "[name]"),
    "phone": pgettext_lazy("redaction placeholder", "[phone number]"),
    "email": pgettext_lazy("redaction placeholder", "[email address]"),
    "address": pgettext_lazy("redaction placeholder", "[address]"),
    "date": pgettext_lazy("redaction placeholder", "[date]"),
    "id_number": pgettext_lazy("redaction placeholder", "[ID number]"),
    "url": pgettext_lazy("redaction placeholder", "[web address]"),
    "age": pgettext_lazy("redaction placeholder", "[age 90+]"),
}


def placeholder(category, language, default=None):
    """The placeholder of ``category`` in ``language`` (``default`` for a category
    with none of its own)."""
    if category not in PLACEHOLDERS:
        return default
    with override(language or settings.LANGUAGE_CODE):
        return str(PLACEHOLDERS[category])


@functools.cache
def every_placeholder():
    """Every placeholder in every language of the site, longest first."""
    found = {
        placeholder(category, code)
        for category in PLACEHOLDERS
        for code, _name in settings.LANGUAGES
    }
    return tuple(sorted(found, key=len, reverse=True))
