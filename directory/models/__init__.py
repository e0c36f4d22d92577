"""The directory's models, one module a family (re-exported here)."""

from .entries import (
    NAME_MAX_CHARS,
    PERMISSION,
    PLACE_MAX_CHARS,
    PLATFORM_ORDER,
    Account,
    Organisation,
    OrganisationType,
    Platform,
    Proposal,
    token_digest,
)
from .pages import DirectoryPage

__all__ = [
    "NAME_MAX_CHARS",
    "PERMISSION",
    "PLACE_MAX_CHARS",
    "PLATFORM_ORDER",
    "Account",
    "DirectoryPage",
    "Organisation",
    "OrganisationType",
    "Platform",
    "Proposal",
    "token_digest",
]
