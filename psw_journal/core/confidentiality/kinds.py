"""What a finding is: its kind, its place in a field, and which kind wins an overlap."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class FindingKind(enum.StrEnum):
    """What kind of identifying detail a finding is."""

    NAME = "name"
    NHS_NUMBER = "nhs_number"
    NI_NUMBER = "ni_number"
    PHONE = "phone"
    EMAIL = "email"
    POSTCODE = "postcode"
    DATE_OF_BIRTH = "date_of_birth"
    ADDRESS = "address"
    WARD_OR_SERVICE = "ward_or_service"
    OTHER = "other"

    @property
    def label(self) -> str:
        """Return the kind as a review list shows it: "NI number", "Ward or service"."""
        return _LABELS[self]


_LABELS = {
    FindingKind.NAME: "Name", FindingKind.NHS_NUMBER: "NHS number",
    FindingKind.NI_NUMBER: "NI number", FindingKind.PHONE: "Phone", FindingKind.EMAIL: "Email",
    FindingKind.POSTCODE: "Postcode", FindingKind.DATE_OF_BIRTH: "Date of birth",
    FindingKind.ADDRESS: "Address", FindingKind.WARD_OR_SERVICE: "Ward or service",
    FindingKind.OTHER: "Other detail",
}


#: Kinds found by their shape rather than by words: redaction must never leave one behind.
STRUCTURED_KINDS = frozenset({
    FindingKind.NHS_NUMBER, FindingKind.NI_NUMBER, FindingKind.PHONE, FindingKind.EMAIL,
    FindingKind.POSTCODE, FindingKind.DATE_OF_BIRTH, FindingKind.ADDRESS,
})


@dataclass(frozen=True, slots=True)
class Finding:
    """One identifying detail: ``text == field[start:end]`` (Python offsets, end exclusive)."""

    start: int
    end: int
    kind: FindingKind
    text: str


def make_finding(text: str, start: int, end: int, kind: FindingKind) -> Finding:
    """Return the finding of ``text[start:end]``."""
    return Finding(start, end, kind, text[start:end])


# Structured kinds win over services and names when spans overlap.
_PRIORITY = {
    FindingKind.EMAIL: 0, FindingKind.NHS_NUMBER: 1, FindingKind.NI_NUMBER: 2,
    FindingKind.DATE_OF_BIRTH: 3, FindingKind.POSTCODE: 4, FindingKind.PHONE: 5,
    FindingKind.ADDRESS: 6, FindingKind.WARD_OR_SERVICE: 7, FindingKind.OTHER: 8,
    FindingKind.NAME: 9,
}


def resolve_overlaps(found: list[Finding]) -> list[Finding]:
    """Keep one finding per stretch of text: the highest kind, then the longest; by position."""
    ranked = sorted(found, key=lambda f: (_PRIORITY[f.kind], -(f.end - f.start), f.start))
    kept: list[Finding] = []
    if len(ranked) < 64:
        for finding in ranked:
            if all(finding.end <= other.start or finding.start >= other.end for other in kept):
                kept.append(finding)
    else:  # a 10 MB entry can hold 100,000 findings: mark what is taken instead of comparing
        taken = bytearray(max(f.end for f in ranked))
        for finding in ranked:
            if taken.find(1, finding.start, finding.end) == -1:
                taken[finding.start:finding.end] = b"\1" * (finding.end - finding.start)
                kept.append(finding)
    return sorted(kept, key=lambda f: f.start)
