"""The screen: run every rule, resolve overlaps, apply the policy."""

from __future__ import annotations

from .base import DisjointSpans, Document, Rule
from .findings import BLOCK, PRIVACY, Finding
from .learned import LearnedCrisisRule
from .learned_labels import LearnedLabelRule
from .policy import apply_policy
from .rules.abuse import AbuseRule
from .rules.addresses_intl import (
    AustralianPostcodeRule,
    CanadianPostcodeRule,
    EircodeRule,
    HouseNameRule,
    IndianAddressRule,
    PostcodeAfterPlaceRule,
    StreetFormRule,
)
from .rules.cased_names import LowercaseNameRule, UppercaseNameRule
from .rules.contact import EmailRule, HandleRule, ObfuscatedEmailRule, PhoneRule, UrlRule
from .rules.credentials import CredentialClaimRule
from .rules.crisis import CrisisRule
from .rules.crisis_signals import CrisisSignalsRule
from .rules.identifiers import (
    AgeRule,
    DateMonthYearRule,
    DateRule,
    DateShortRule,
    IdKeywordRule,
    IdPatternRule,
    PoBoxRule,
    PostcodeRule,
    SsnRule,
    StreetAddressRule,
    ZipRule,
)
from .rules.medical_advice import MedicalAdviceRule
from .rules.name_groups import (
    AddressedNameRule,
    CalledNameRule,
    FamilyNameRule,
    ListedNameRule,
    TeamNameRule,
)
from .rules.name_roles import (
    InitialsNameRule,
    KinLowercaseNameRule,
    RoleNameRule,
    TitledLowercaseNameRule,
)
from .rules.name_signals import PraisedNameRule, SignOffNameRule, SpokenToNameRule
from .rules.names import NameRule
from .rules.patient_disclosure import PatientDisclosureRule
from .rules.promotion import PromotionRule
from .rules.reidentification import ReidentificationRule
from .rules.spelled import SpelledDateRule, SpelledPhoneRule

__all__ = ["RULES", "configure", "learned_enabled", "screen", "screen_document"]

#: Every rule, in no particular order; overlaps are settled by ``_PRIORITY``.
RULES: tuple[Rule, ...] = (
    EmailRule(),
    ObfuscatedEmailRule(),
    UrlRule(),
    HandleRule(),
    SsnRule(),
    IdKeywordRule(),
    IdPatternRule(),
    PhoneRule(),
    SpelledPhoneRule(),
    DateRule(),
    SpelledDateRule(),
    DateMonthYearRule(),
    DateShortRule(),
    StreetAddressRule(),
    PoBoxRule(),
    ZipRule(),
    PostcodeRule(),
    CanadianPostcodeRule(),
    EircodeRule(),
    AustralianPostcodeRule(),
    PostcodeAfterPlaceRule(),
    StreetFormRule(),
    HouseNameRule(),
    IndianAddressRule(),
    ReidentificationRule(),
    AgeRule(),
    UppercaseNameRule(),
    LowercaseNameRule(),
    NameRule(),
    SignOffNameRule(),
    SpokenToNameRule(),
    PraisedNameRule(),
    FamilyNameRule(),
    TeamNameRule(),
    CalledNameRule(),
    AddressedNameRule(),
    InitialsNameRule(),
    RoleNameRule(),
    KinLowercaseNameRule(),
    TitledLowercaseNameRule(),
    CrisisRule(),
    CrisisSignalsRule(),
    MedicalAdviceRule(),
    CredentialClaimRule(),
    PatientDisclosureRule(),
    AbuseRule(),
    PromotionRule(),
)

# When privacy findings overlap, the more specific category keeps the span.
_PRIORITY = {
    "email": 0,
    "url": 1,
    "id_number": 2,
    "date": 3,
    "phone": 4,
    "address": 5,
    "age": 6,
    "name": 7,
}
#: Names in a list with a name the rules found ("Kath and Bev"), read after them.
LISTED_NAMES = ListedNameRule()

# Within a category, keyword-anchored rules beat pattern guesses.
_RULE_PRIORITY = {"id_number.keyword": 0, "id_number.ssn": 1, "date.day": 0}


# Whether ``screen`` also runs the learned readers when not told (``configure``).
_LEARNED = {"on": True}


def configure(*, learned: bool) -> None:
    """Set whether ``screen`` runs the learned crisis and label readers by default."""
    _LEARNED["on"] = bool(learned)


def learned_enabled() -> bool:
    return _LEARNED["on"]


def screen(
    text: str, *, kind: str = "story", role: str | None = None, learned: bool | None = None
) -> list[Finding]:
    """Screen ``text`` and return its findings, sorted by start offset.

    ``kind`` is "story" or "comment"; ``role`` is the author's role
    ("patient", "family", "employee", "reader") or None when unknown.
    ``learned`` runs the learned crisis and label readers beside the rules (None: as
    ``configure`` set it, on unless turned off).
    """
    if not isinstance(text, str):
        raise TypeError(f"screen() needs a str, not {type(text).__name__}")
    if not text.strip():
        return []
    return screen_document(Document(text, kind=kind, role=role), learned=learned)


def screen_document(doc: Document, *, learned: bool | None = None) -> list[Finding]:
    """``screen`` for a ``Document`` already made (``Document(..., gated=False)`` runs
    every pattern without its gate)."""
    privacy: list[Finding] = []
    other: list[Finding] = []
    for rule in RULES:
        for finding in rule.find(doc):
            (privacy if finding.category in PRIVACY else other).append(finding)
    privacy.extend(LISTED_NAMES.beside(doc, [f for f in privacy if f.category == "name"]))
    if _LEARNED["on"] if learned is None else learned:
        other.extend(_learned_findings(doc, other))
    findings = _resolve_privacy(privacy) + _resolve_same_category(other)
    findings = apply_policy(findings, kind=doc.kind, role=doc.role)
    findings.sort(key=lambda f: (f.start, f.end, f.category))
    return findings


def _learned_findings(doc: Document, found: list[Finding]) -> list[Finding]:
    """The learned readers' crisis and professionalism findings where no rule of
    their category flagged any of their words: the rules keep their
    explanations, the models add what they miss."""
    learned = [*LearnedCrisisRule().find(doc), *LearnedLabelRule().find(doc)]
    return [
        f
        for f in learned
        if not any(r.category == f.category and r.start < f.end and f.start < r.end for r in found)
    ]


def _resolve_privacy(findings: list[Finding]) -> list[Finding]:
    """Keep at most one privacy finding over any character."""
    ranked = sorted(
        findings,
        key=lambda f: (
            _PRIORITY[f.category],
            _RULE_PRIORITY.get(f.rule, 5),
            -(f.end - f.start),
            f.start,
        ),
    )
    kept: list[Finding] = []
    spans = DisjointSpans()
    for finding in ranked:
        if not spans.overlaps(finding.start, finding.end):
            kept.append(finding)
            spans.add(finding.start, finding.end)
    return kept


def _resolve_same_category(findings: list[Finding]) -> list[Finding]:
    """Drop a finding that overlaps an earlier one of the same category."""
    kept: list[Finding] = []
    spans: dict[str, DisjointSpans] = {}
    # A crisis finding that is blocked is kept before a review one over the same words.
    urgent_first = sorted(
        findings,
        key=lambda f: (f.category == "crisis" and f.severity != BLOCK, f.start, -(f.end - f.start)),
    )
    for finding in urgent_first:
        category = spans.setdefault(finding.category, DisjointSpans())
        if not category.overlaps(finding.start, finding.end):
            kept.append(finding)
            category.add(finding.start, finding.end)
    return kept
