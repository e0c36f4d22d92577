"""The consent a submitter gives, versioned in each language of the site.

Change a text only together with its version: each submission stores the
version it agreed to and the language it read it in, so the exact words can
always be shown again (``consent_for(language, version)``). The words are here,
not in the translation files, for the same reason: a translation that changes
must not change what someone agreed to.
"""

from dataclasses import dataclass

from sharing.consent import current_in, version_in


@dataclass(frozen=True)
class Consent:
    language: str
    version: str
    text: str
    employee_self: str
    employee_permission: str


CONSENTS = {
    "en": [
        Consent(
            language="en",
            version="2026-11-21",
            text=(
                "I agree that this hospital may publish my story on this website, edited by a "
                "moderator to remove details that could identify anyone. I understand that my "
                "email address and phone number will never be published and will only be used "
                "to contact me about this story, and that I can withdraw my story at any time "
                "from my private status page."
            ),
            employee_self=(
                "I am writing for myself, not on behalf of the hospital, and my story follows "
                "my professional obligations of confidentiality."
            ),
            employee_permission=(
                "Any patient I describe has given me written permission to share their story, "
                "or cannot be identified from it."
            ),
        ),
    ],
    "es": [
        Consent(
            language="es",
            version="2026-12-03",
            text=(
                "Acepto que este hospital publique mi historia en este sitio web, editada por "
                "un moderador para quitar los datos que pudieran identificar a alguien. "
                "Entiendo que mi correo electrónico y mi número de teléfono nunca se publicarán "
                "y solo se usarán para contactarme sobre esta historia, y que puedo retirar mi "
                "historia en cualquier momento desde mi página privada de seguimiento."
            ),
            employee_self=(
                "Escribo en mi propio nombre, no en nombre del hospital, y mi historia respeta "
                "mis obligaciones profesionales de confidencialidad."
            ),
            employee_permission=(
                "Todo paciente que describo me ha dado permiso por escrito para compartir su "
                "historia, o no se le puede identificar en ella."
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
