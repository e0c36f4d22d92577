"""How the author's role and the kind of text raise or lower a finding's severity."""

from __future__ import annotations

from dataclasses import replace

from .findings import BLOCK, Finding

__all__ = ["apply_policy"]


def apply_policy(findings: list[Finding], *, kind: str, role: str | None) -> list[Finding]:
    """Return ``findings`` with severities adjusted for who wrote what.

    - A staff member naming someone as "Mr./Mrs./Ms. X" is most likely naming a
      patient: block.
    - Advertising in a comment is spam rather than a story detail: block.
    - Medical advice from an author who also claims a clinical credential
      carries that authority to readers: block.
    """
    categories = {f.category for f in findings}
    out = []
    for finding in findings:
        severity = finding.severity
        if finding.rule == "name.courtesy_title" and role == "employee":
            severity = BLOCK
        elif finding.category == "promotion" and kind == "comment":
            severity = BLOCK
        elif finding.category == "medical_advice" and "credential_claim" in categories:
            severity = BLOCK
        out.append(finding if severity == finding.severity else replace(finding, severity=severity))
    return out
