"""What leaves the app, checked field by field, and redacted from the same findings.

Every field that reaches a document is checked: titles, bodies, tags and evidence notes of
entries; a coursework piece's title, section texts and quotations. The review lists each
finding; redaction replaces exactly those the user left ticked, with one set of placeholders
for the whole document ("[Person A]" everywhere), so what the review shows is what is replaced.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from psw_journal.core.confidentiality import (
    CheckedField,
    Finding,
    Redactor,
    entry_fields,
    find_identifiers,
    find_in_fields,
)
from psw_journal.core.coursework import Coursework, Example, Section
from psw_journal.core.entry import Entry, Link


@dataclass(frozen=True, slots=True)
class FieldFinding:
    """One possible identifying detail, and the field it is in."""

    owner: str  # "entry:12", "coursework:3", "section:mutual", "example:mutual:0"
    where: str  # for people: "Entry of 2026-03-01: First week" or "Section: Mutual"
    field: str  # title, body, tag, evidence note, text, quotation
    text: str  # the whole field, for showing the finding in its sentence
    finding: Finding

    @property
    def key(self) -> tuple[str, str]:
        """Return the field this finding is in (its owner and field name)."""
        return self.owner, self.field


@dataclass(frozen=True, slots=True)
class Checker:
    """The journal's lists, as every check of one export uses them."""

    people: tuple[str, ...] = ()
    own_names: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def check(self, owner: str, where: str, field_name: str, text: str) -> list[FieldFinding]:
        """Return the findings in one field (none for an empty one)."""
        if not text.strip():
            return []
        return [FieldFinding(owner, where, field_name, text, finding)
                for finding in find_identifiers(text, people=self.people,
                                                own_names=self.own_names, ignore=self.ignore)]

    def not_ignored(self, found: Iterable[FieldFinding]) -> list[FieldFinding]:
        """Drop findings the user marked "not identifying" for this journal."""
        skip = {text.casefold() for text in self.ignore}
        return [item for item in found if item.finding.text.casefold() not in skip]


def entry_owner(entry: Entry) -> str:
    """Return the owner key of an entry's fields."""
    return f"entry:{entry.id}"


def entry_where(entry: Entry) -> str:
    """Return how the review names an entry."""
    return f"Entry of {entry.occurred_on.isoformat()}: {entry.title or 'Untitled'}"


def check_entry(checker: Checker, entry: Entry) -> list[FieldFinding]:
    """Check every field of an entry now (title, body, tags, evidence notes)."""
    fields = entry_fields(entry.draft)
    found = find_in_fields(fields, people=checker.people, own_names=checker.own_names)
    return checker.not_ignored(_field_findings(entry, fields, found))


def stored_entry_findings(
    checker: Checker, found: Iterable[tuple[Entry, str, Finding]]
) -> list[FieldFinding]:
    """Turn the journal's (entry, field, finding) triples into review lines, less the ignored."""
    by_entry: dict[int, tuple[Entry, list[tuple[str, Finding]]]] = {}
    for entry, name, finding in found:
        by_entry.setdefault(entry.id, (entry, []))[1].append((name, finding))
    lines = [line for entry, pairs in by_entry.values()
             for line in _field_findings(entry, entry_fields(entry.draft), pairs)]
    return checker.not_ignored(lines)


def _field_findings(entry: Entry, fields: Iterable[CheckedField],
                    found: Iterable[tuple[str, Finding]]) -> list[FieldFinding]:
    texts = {field.name: field.text for field in fields}
    owner, where = entry_owner(entry), entry_where(entry)
    return [FieldFinding(owner, where, name, texts[name], finding) for name, finding in found]


def coursework_findings(checker: Checker, piece: Coursework) -> list[FieldFinding]:
    """Check a piece's title, each section's text and each quotation."""
    owner = f"coursework:{piece.id}"
    found = checker.check(owner, f"Coursework: {piece.title}", "title", piece.title)
    for section in piece.sections:
        where = f"Section: {section.heading}"
        found += checker.check(f"section:{section.key}", where, "text", section.text)
        for index, example in enumerate(section.examples):
            example_owner = f"example:{section.key}:{index}"
            found += checker.check(example_owner, where, "quotation", example.quote)
            found += checker.check(example_owner, where, "entry title", example.entry_title)
    return found


@dataclass(slots=True)
class Redaction:
    """Redact fields from a review's findings, keeping the texts the user unticked."""

    findings: Sequence[FieldFinding]
    keep: frozenset[str] = frozenset()
    redactor: Redactor = field(default_factory=Redactor)
    _by_field: dict[tuple[str, str], list[Finding]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Sort the findings to replace by the field they are in (kept texts left out)."""
        keep = {text.casefold() for text in self.keep}
        for item in self.findings:
            if item.finding.text.casefold() not in keep:
                self._by_field.setdefault(item.key, []).append(item.finding)

    @property
    def count(self) -> int:
        """Return how many details are replaced."""
        return sum(len(found) for found in self._by_field.values())

    def text(self, owner: str, field_name: str, text: str) -> str:
        """Return one field with its ticked findings replaced."""
        found = self._by_field.get((owner, field_name))
        return self.redactor.redact(text, found) if found else text

    def entry(self, entry: Entry) -> Entry:
        """Return an entry with every field redacted."""
        owner, draft = entry_owner(entry), entry.draft
        # In reading order, so placeholders are lettered as a reader meets the people.
        title = self.text(owner, "title", draft.title)
        body = self.text(owner, "body", draft.body)
        tags = tuple(self.text(owner, f"tag {number}", tag)
                     for number, tag in enumerate(draft.tags, start=1))
        links = tuple(Link(link.kind, link.target_id,
                           self.text(owner, f"evidence note:{link.target_id}", link.note))
                      for link in draft.links)
        redacted = dataclasses.replace(draft, title=title, body=body, tags=tags, links=links)
        return dataclasses.replace(entry, draft=redacted)

    def coursework(self, piece: Coursework) -> Coursework:
        """Return a piece with its title, texts and quotations redacted."""
        sections = tuple(
            dataclasses.replace(
                section,
                text=self.text(f"section:{section.key}", "text", section.text),
                examples=self._examples(section),
            )
            for section in piece.sections
        )
        return dataclasses.replace(
            piece, title=self.text(f"coursework:{piece.id}", "title", piece.title),
            sections=sections)

    def _examples(self, section: Section) -> tuple[Example, ...]:
        return tuple(
            dataclasses.replace(
                example,
                quote=self.text(f"example:{section.key}:{index}", "quotation", example.quote),
                entry_title=self.text(f"example:{section.key}:{index}", "entry title",
                                      example.entry_title),
            )
            for index, example in enumerate(section.examples)
        )
