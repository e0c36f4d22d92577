"""The consent a representative gives, versioned in each language of the site, as
a story's is (``stories.consent``, which the directory does not import).

Change a text only together with its version: each proposal stores the version
it agreed to and the language it read it in, so the exact words can always be
shown again (``consent_for(language, version)``). The words are here, not in the
translation files: a translation that changes must not change what someone
agreed to.
"""

from dataclasses import dataclass

from sharing.consent import current_in, version_in


@dataclass(frozen=True)
class Consent:
    language: str
    version: str
    text: str


CONSENTS = {
    "en": [
        Consent(
            language="en",
            version="2026-12-02",
            text=(
                "I represent this organisation and may speak for its official accounts. I "
                "agree that the organisation's name, place, web site and the accounts above "
                "may be published in the directory and its open data once a moderator has "
                "checked them. I understand that my name, role and work email will never be "
                "published and will only be used to contact me about this entry."
            ),
        ),
    ],
    "es": [
        Consent(
            language="es",
            version="2026-12-03",
            text=(
                "Represento a esta organización y puedo hablar en nombre de sus cuentas "
                "oficiales. Acepto que el nombre de la organización, su localidad, su sitio "
                "web y las cuentas indicadas arriba se publiquen en el directorio y en sus "
                "datos abiertos una vez que un moderador los haya revisado. Entiendo que mi "
                "nombre, mi cargo y mi correo electrónico de trabajo nunca se publicarán y "
                "solo se usarán para contactarme sobre esta entrada."
            ),
        ),
    ],
}

# The English consent's current version (the site's first language).
CONSENT_VERSION = CONSENTS["en"][-1].version


def current_consent(language=None):
    """The consent shown now in ``language`` (the active one by default)."""
    return current_in(CONSENTS, language)


def consent_for(language, version):
    """The consent someone agreed to, or None if there is no such version."""
    return version_in(CONSENTS, language, version)
