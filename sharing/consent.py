"""Consent texts kept in versions, in each language of the site: how the story form's
(``stories.consent``) and the directory's (``directory.consent``) are looked up.

A text is changed only together with its version: what someone agreed to is stored
as its language and version, so the exact words can always be shown again. The
words live in code, not in the translation files: a translation that changes must
not change what someone agreed to.
"""

from django.conf import settings
from django.utils.translation import get_language


def current_in(consents, language=None):
    """The consent shown now in ``language`` (the active one by default): the latest
    version in that language of ``consents`` (``{language: [oldest, ..., latest]}``),
    else in the site's default language."""
    code = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    versions = consents.get(code) or consents[settings.LANGUAGE_CODE]
    return versions[-1]


def version_in(consents, language, version):
    """The consent of ``consents`` someone agreed to, or None if there is no such
    version in that language."""
    for consent in consents.get(language, []):
        if consent.version == version:
            return consent
    return None
