"""Journal entries as one document: by principle, by competence, by date, or for supervision.

Every chosen entry appears, in full exactly once: under its first principle (or competence)
in framework order, with a one-line reference under the others, and in a "Not linked" group
when it has none. Entries' own headings are demoted below the document's structure, their
footnotes made unique, and the appendix counts what is evidenced without listing every
competence that is not.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from psw_journal.core.documents.model import Byline, Document, DocumentInfo, whole_blocks
from psw_journal.core.documents.text import (
    escape_inline,
    escape_table_cell,
    one_line,
    open_questions,
    prepare_body,
)
from psw_journal.core.entry import Entry, LinkKind, count_words
from psw_journal.core.framework import Framework


class Shape(enum.StrEnum):
    """How entries are arranged in a document."""

    PRINCIPLE = "principle"
    COMPETENCE = "competence"
    DATE = "date"
    SUPERVISION = "supervision"


TITLES = {
    Shape.PRINCIPLE: "Reflections on the principles of peer support",
    Shape.COMPETENCE: "Portfolio of evidence",
    Shape.DATE: "Reflective journal",
    Shape.SUPERVISION: "Supervision agenda",
}


@dataclass(frozen=True, slots=True)
class Selection:
    """Which entries to export. Empty filters do not limit; both link filters are 'any of'."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    tags: tuple[str, ...] = ()
    principle_ids: frozenset[str] = frozenset()
    competence_ids: frozenset[str] = frozenset()
    entry_ids: frozenset[int] | None = None

    def choose(self, entries: Iterable[Entry]) -> list[Entry]:
        """Return the live entries this selection takes, oldest first."""
        wanted_tags = {tag.casefold() for tag in self.tags}
        chosen = [
            entry for entry in entries
            if not entry.is_trashed
            and (self.date_from is None or entry.occurred_on >= self.date_from)
            and (self.date_to is None or entry.occurred_on <= self.date_to)
            and (not wanted_tags or wanted_tags & {tag.casefold() for tag in entry.tags})
            and (self.entry_ids is None or entry.id in self.entry_ids)
            and self.links_any_chosen(entry)
        ]
        return sorted(chosen, key=lambda entry: (entry.occurred_on, entry.id))

    def links_any_chosen(self, entry: Entry) -> bool:
        """Tell whether an entry links to a chosen principle or competence (True if none)."""
        if not self.principle_ids and not self.competence_ids:
            return True
        return bool(self.principle_ids.intersection(entry.draft.principle_ids())
                    or self.competence_ids.intersection(entry.draft.competence_ids()))


def compose_entries(
    entries: Sequence[Entry],
    framework: Framework,
    shape: Shape,
    *,
    byline: Byline | None = None,
    period: str = "",
) -> Document:
    """Return the document of the given entries (already chosen, and redacted if asked).

    Args:
        entries: The entries, oldest first; each appears in full once.
        framework: The framework whose wording the headings use.
        shape: The arrangement.
        byline: Who the document is by, and the date on the title page (today by default).
        period: The dates it covers, for the title page (worked out if empty).
    """
    writer = _Writer(framework)
    blocks = whole_blocks([
        f"{len(entries)} {'entry' if len(entries) == 1 else 'entries'}.\n\n",
        *_SHAPES[shape](entries, writer),
        *_appendix(entries, writer),
    ])
    if not period and entries:
        period = f"{entries[0].occurred_on.isoformat()} to {entries[-1].occurred_on.isoformat()}"
    byline = byline or Byline()
    info = DocumentInfo(
        title=TITLES[shape], profile=byline.profile, period=period,
        framework=f"{framework.title}, version {framework.version}",
        made_on=byline.day, words=sum(writer.words(e) for e in entries),
        words_note="journal entries", subject=TITLES[shape],
    )
    return Document(info, blocks, tuple(writer.part_words.items()))


@dataclass(slots=True)
class _Writer:
    """Renders entries once and keeps count of words per part."""

    framework: Framework
    part_words: dict[str, int] = field(default_factory=dict)
    placed: dict[int, str] = field(default_factory=dict)  # entry id -> the part it is in
    _words: dict[int, int] = field(default_factory=dict)
    _labels: dict[tuple[LinkKind, str], str] = field(default_factory=dict)
    _headings: dict[int, str] = field(default_factory=dict)

    def words(self, entry: Entry) -> int:
        if entry.id not in self._words:
            self._words[entry.id] = count_words(entry.body)
        return self._words[entry.id]

    def heading(self, entry: Entry) -> str:
        """Return an entry's heading text (worked out once per entry)."""
        if entry.id not in self._headings:
            self._headings[entry.id] = heading(entry)
        return self._headings[entry.id]

    def entry(self, entry: Entry, part: str, level: int) -> str:
        """Return an entry in full (recording where it is), or a reference if already placed."""
        self.part_words.setdefault(part, 0)
        if entry.id in self.placed:
            return ""
        self.placed[entry.id] = part
        self.part_words[part] += self.words(entry)
        lines = [f"{'#' * level} {self.heading(entry)}\n\n"]
        if entry.tags:
            lines.append(f"*Tags: {escape_inline(', '.join(entry.tags))}*\n\n")
        body = prepare_body(entry.body, base_level=min(level + 1, 6), label=f"e{entry.id}")
        if body.strip():
            lines.append(body.rstrip() + "\n\n")
        lines.append(self.evidence(entry))
        return "".join(lines)

    def references(self, entries: Iterable[Entry], part: str) -> str:
        """Return one line per entry already in full elsewhere, saying where."""
        items = [f"- {self.heading(e)} (in full under {escape_inline(self.placed[e.id])})\n"
                 for e in entries if self.placed.get(e.id, part) != part]
        if not items:
            return ""
        return f"*Also about {escape_inline(part)}:*\n\n" + "".join(items) + "\n"

    def evidence(self, entry: Entry) -> str:
        notes = []
        for link in entry.draft.links:
            note = f": {escape_inline(link.note)}" if link.note.strip() else ""
            notes.append(f"- {self.label(link.kind, link.target_id)}{note}\n")
        return "**Evidences:**\n\n" + "".join(notes) + "\n" if notes else ""

    def label(self, kind: LinkKind, target_id: str) -> str:
        """Return a link's target as escaped Markdown (worked out once per target)."""
        key = (kind, target_id)
        if key not in self._labels:
            if kind is LinkKind.COMPETENCE:
                competence = self.framework.find_competence(target_id)
                text = one_line(competence.statement) if competence else target_id
            else:
                principle = self.framework.find_principle(target_id)
                text = f"Principle: {principle.name if principle else target_id}"
            self._labels[key] = escape_inline(text)
        return self._labels[key]


def heading(entry: Entry) -> str:
    """Return an entry's heading text: its date and title."""
    return f"{entry.occurred_on.isoformat()}: {escape_inline(entry.title) or 'Untitled'}"


def _linked(entries: Sequence[Entry], kind: LinkKind) -> dict[str, list[Entry]]:
    index: dict[str, list[Entry]] = {}
    for entry in entries:
        ids = (entry.draft.principle_ids() if kind is LinkKind.PRINCIPLE
               else entry.draft.competence_ids())
        for target in dict.fromkeys(ids):
            index.setdefault(target, []).append(entry)
    return index


def _by_principle(entries: Sequence[Entry], writer: _Writer) -> Iterator[str]:
    linked = _linked(entries, LinkKind.PRINCIPLE)
    for principle in writer.framework.principles:
        yield f"## {principle.name}\n\n"
        if principle.definition:
            yield f"> {one_line(principle.definition)}\n\n"
        these = linked.get(principle.id, [])
        if not these:
            yield "*No reflections linked to this principle yet.*\n\n"
        yield from (writer.entry(entry, principle.name, 3) for entry in these)
        yield writer.references(these, principle.name)
    yield from _not_linked(entries, writer, "principle", 3)


def _by_competence(entries: Sequence[Entry], writer: _Writer) -> Iterator[str]:
    linked = _linked(entries, LinkKind.COMPETENCE)
    for domain in writer.framework.domains:
        competences = [c for area in domain.areas for c in area.competences if c.id in linked]
        if not competences:
            continue
        yield f"## {one_line(domain.name)}\n\n"
        for competence in competences:
            part = one_line(competence.statement)
            yield f"### {escape_inline(part)}\n\n"
            these = linked[competence.id]
            yield from (writer.entry(entry, part, 4) for entry in these)
            yield writer.references(these, part)
    yield from _not_linked(entries, writer, "competence", 3)


def _not_linked(entries: Sequence[Entry], writer: _Writer, kind: str,
                level: int) -> Iterator[str]:
    """Yield the entries linked to no principle (or competence), so that none is left out."""
    unplaced = [entry for entry in entries if entry.id not in writer.placed]
    if unplaced:
        part = f"Not linked to a {kind}"
        yield f"## {part}\n\n"
        yield from (writer.entry(entry, part, level) for entry in unplaced)


def _by_date(entries: Sequence[Entry], writer: _Writer) -> Iterator[str]:
    month = ""
    for entry in entries:
        label = entry.occurred_on.strftime("%B %Y")
        if label != month:
            month = label
            yield f"## {label}\n\n"
        yield writer.entry(entry, label, 3)


def _supervision(entries: Sequence[Entry], writer: _Writer) -> Iterator[str]:
    yield "## Agenda\n\n"
    agenda = [(entry, open_questions(entry.body)) for entry in entries]
    asked = False
    for entry, questions in agenda:
        if questions:
            asked = True
            yield f"- **{escape_inline(entry.title) or 'Untitled'}** ({entry.occurred_on})\n"
            yield from (f"    - {question}\n" for question in questions)
    if not asked:
        yield "*No open questions in these entries.*\n"
    yield "\n## Entries\n\n"
    for entry, _ in agenda:
        yield writer.entry(entry, "Entries", 3)


_SHAPES = {
    Shape.PRINCIPLE: _by_principle,
    Shape.COMPETENCE: _by_competence,
    Shape.DATE: _by_date,
    Shape.SUPERVISION: _supervision,
}


def _appendix(entries: Sequence[Entry], writer: _Writer) -> Iterator[str]:
    framework = writer.framework
    counts: dict[str, int] = {}
    for entry in entries:
        for competence_id in set(entry.draft.competence_ids()):
            counts[competence_id] = counts.get(competence_id, 0) + 1
    assessed = framework.psw_competences
    shown = [c for c in assessed if counts.get(c.id)]
    yield "## Appendix: coverage and word counts\n\n### Competences evidenced\n\n"
    yield (f"These entries evidence {len(shown)} of the {len(assessed)} competences of the "
           f"framework; {len(assessed) - len(shown)} are not evidenced yet.\n\n")
    if shown:
        yield "| Domain | Competence | Entries |\n| --- | --- | ---: |\n"
        for competence in shown:
            domain = framework.domain(competence.domain_id)
            yield (f"| {escape_table_cell(domain.name)} | "
                   f"{escape_table_cell(competence.statement)} | {counts[competence.id]} |\n")
        yield "\n"
    principles = _linked(entries, LinkKind.PRINCIPLE)
    yield "### Principles\n\n| Principle | Entries |\n| --- | ---: |\n"
    for principle in framework.principles:
        yield (f"| {escape_table_cell(principle.name)} | "
               f"{len(principles.get(principle.id, []))} |\n")
    yield "\n### Word counts\n\n| Part | Words |\n| --- | ---: |\n"
    for part, words in writer.part_words.items():
        yield f"| {escape_table_cell(part)} | {words} |\n"
    total = sum(writer.words(entry) for entry in entries)
    yield f"| **Total (each entry once)** | **{total}** |\n"
