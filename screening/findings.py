"""The finding type and the vocabulary of categories and severities."""

from __future__ import annotations

from dataclasses import asdict, dataclass

BLOCK = "block"
REVIEW = "review"
SEVERITIES = (BLOCK, REVIEW)

PRIVACY = ("name", "phone", "email", "address", "date", "id_number", "url", "age")
PROFESSIONALISM = (
    "medical_advice",
    "credential_claim",
    "patient_disclosure",
    "abuse",
    "promotion",
)
SAFETY = ("crisis",)

CATEGORIES = {
    "name": "Personal name",
    "phone": "Phone number",
    "email": "Email address",
    "address": "Street address or ZIP code",
    "date": "Date tied to a person",
    "id_number": "Record, account or ID number",
    "url": "Web address or social media handle",
    "age": "Age of 90 or over",
    "medical_advice": "Medical advice to readers",
    "credential_claim": "Claim of a clinical credential",
    "patient_disclosure": "Another patient's clinical details",
    "abuse": "Abuse, insult or threat",
    "promotion": "Advertising or selling",
    "crisis": "Risk of self-harm",
}

#: The text a moderator's one-click redaction puts in place of a privacy finding.
REPLACEMENTS = {
    "name": "[name]",
    "phone": "[phone number]",
    "email": "[email address]",
    "address": "[address]",
    "date": "[date]",
    "id_number": "[ID number]",
    "url": "[web address]",
    "age": "[age 90+]",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One flagged span of a text: ``text[start:end]``, end exclusive."""

    category: str
    start: int
    end: int
    severity: str
    rule: str
    message: str
    replacement: str | None = None

    @property
    def group(self) -> str:
        if self.category in PRIVACY:
            return "privacy"
        if self.category in SAFETY:
            return "safety"
        return "professionalism"

    def to_dict(self) -> dict:
        data = asdict(self)
        if self.replacement is None:
            del data["replacement"]
        return data
