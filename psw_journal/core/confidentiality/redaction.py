"""Replace findings with placeholders that stay consistent across a whole export."""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass, field

from psw_journal.core.confidentiality.kinds import Finding, FindingKind

_LABELS = {
    FindingKind.NHS_NUMBER: "[NHS number]", FindingKind.NI_NUMBER: "[NI number]",
    FindingKind.PHONE: "[phone]", FindingKind.EMAIL: "[email]",
    FindingKind.POSTCODE: "[postcode]", FindingKind.DATE_OF_BIRTH: "[date of birth]",
    FindingKind.ADDRESS: "[address]", FindingKind.WARD_OR_SERVICE: "[ward or service]",
    FindingKind.OTHER: "[detail removed]",
}


def _letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = string.ascii_uppercase[rest] + letters
    return letters


@dataclass(slots=True)
class Redactor:
    """Placeholders that stay consistent across a whole export.

    The same person is "[Person A]" in every entry and every field, tags included: a name is
    matched to an earlier one by its full text or by any word of it ("Kerry" after
    "Kerry Tanner"), case-insensitively (the tag ``kerry`` is the same person).
    """

    _people: dict[str, str] = field(default_factory=dict)

    def placeholder(self, finding: Finding) -> str:
        """Return the placeholder for one finding, allotting a new letter to a new person."""
        if finding.kind is not FindingKind.NAME:
            return _LABELS[finding.kind]
        key = finding.text.casefold().lstrip("@")
        parts = key.split()
        for known_part in (key, *parts):
            if known_part in self._people:
                label = self._people[known_part]
                break
        else:
            label = f"[Person {_letters(len(set(self._people.values())))}]"
        for part in (key, *parts):
            self._people.setdefault(part, label)
        return label

    def redact(self, text: str, findings: Sequence[Finding]) -> str:
        """Return ``text`` with every finding replaced by its placeholder."""
        pieces: list[str] = []
        last = 0
        for finding in sorted(findings, key=lambda f: f.start):
            if finding.start < last:
                continue
            pieces.append(text[last:finding.start])
            pieces.append(self.placeholder(finding))
            last = finding.end
        pieces.append(text[last:])
        return "".join(pieces)


def redact(text: str, findings: Sequence[Finding], placeholders: Redactor | None = None) -> str:
    """Replace findings in ``text`` with placeholders.

    Args:
        text: The field the findings were found in.
        findings: Findings of ``find_identifiers`` (or ``find_in_tag``) on that same text.
        placeholders: A Redactor shared by a whole export; a fresh one when None.
    """
    return (placeholders or Redactor()).redact(text, findings)
