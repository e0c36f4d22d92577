"""The consent a representative gives, versioned like a story's (see stories.consent):
change the text only together with the version."""

CONSENT_VERSION = "2026-12-02"

CONSENT_TEXT = (
    "I represent this organisation and may speak for its official accounts. I agree that "
    "the organisation's name, place, web site and the accounts above may be published in "
    "the directory and its open data once a moderator has checked them. I understand that "
    "my name, role and work email will never be published and will only be used to "
    "contact me about this entry."
)
