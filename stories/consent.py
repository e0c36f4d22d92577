"""The consent a submitter gives, versioned.

Change the text only together with the version: each submission stores the
version it agreed to, so the exact words can always be shown again.
"""

CONSENT_VERSION = "2026-11-21"

CONSENT_TEXT = (
    "I agree that this hospital may publish my story on this website, edited by a "
    "moderator to remove details that could identify anyone. I understand that my "
    "email address and phone number will never be published and will only be used "
    "to contact me about this story, and that I can withdraw my story at any time "
    "from my private status page."
)

EMPLOYEE_SELF_TEXT = (
    "I am writing for myself, not on behalf of the hospital, and my story follows "
    "my professional obligations of confidentiality."
)

EMPLOYEE_PERMISSION_TEXT = (
    "Any patient I describe has given me written permission to share their story, "
    "or cannot be identified from it."
)
