"""Reflective coursework as one Markdown document, grouped the way a course asks for it.

Groupings: by principle (the coursework shape), by framework domain and competence (a
portfolio of evidence), by date, or as a supervision agenda (open questions). Entries'
own headings are demoted below the export's structure. The output renders the same in
python-markdown (``extra``) and in CommonMark/GFM parsers.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from psw_journal.core.confidentiality import Redactor, find_identifiers
from psw_journal.core.entry import Entry, LinkKind, count_words
from psw_journal.core.framework import Framework

#: Entry headings start at this level, below "# title", "## group", "### area", "#### entry".
ENTRY_HEADING_BASE = 5
_HEADING = re.compile(r"^( {0,3})(#{1,6})(?=\s|$)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_QUESTION_SECTION = re.compile(r"^#{1,6}\s*(next time|questions?|for supervision)\b", re.I)


class Grouping(enum.StrEnum):
    """How an export is arranged."""

    PRINCIPLE = "principle"
    COMPETENCE = "competence"
    DATE = "date"
    SUPERVISION = "supervision"


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What to export and how.

    ``principle_ids`` and ``competence_ids`` choose entries linked to any of them (either
    kind); both empty means no such filter.
    """

    grouping: Grouping = Grouping.PRINCIPLE
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    tags: tuple[str, ...] = ()
    redact: bool = False
    people: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    entry_ids: frozenset[int] | None = None
    today: dt.date | None = None
    principle_ids: frozenset[str] = frozenset()
    competence_ids: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Profile:
    """Who the coursework is by; every field may be empty."""

    name: str = ""
    role: str = ""
    course: str = ""
    tutor: str = ""

    @classmethod
    def from_mapping(cls, raw: Mapping[str, object] | None) -> Profile:
        """Build a profile from the stored settings dict, ignoring unknown keys."""
        raw = raw or {}
        return cls(**{key: str(raw.get(key) or "") for key in ("name", "role", "course", "tutor")})


@dataclass(slots=True)
class _Counter:
    words: dict[str, int] = field(default_factory=dict)


def select_entries(entries: Iterable[Entry], options: ExportOptions) -> list[Entry]:
    """Return the live entries the options choose, oldest first."""
    wanted_tags = {tag.casefold() for tag in options.tags}
    chosen = [
        entry for entry in entries
        if not entry.is_trashed
        and (options.date_from is None or entry.occurred_on >= options.date_from)
        and (options.date_to is None or entry.occurred_on <= options.date_to)
        and (not wanted_tags or wanted_tags & {tag.casefold() for tag in entry.tags})
        and (options.entry_ids is None or entry.id in options.entry_ids)
        and links_any_chosen(entry, options)
    ]
    return sorted(chosen, key=lambda entry: (entry.occurred_on, entry.id))


def links_any_chosen(entry: Entry, options: ExportOptions) -> bool:
    """Return whether an entry links to a chosen principle or competence (True if none chosen)."""
    if not options.principle_ids and not options.competence_ids:
        return True
    return bool(options.principle_ids.intersection(entry.draft.principle_ids())
                or options.competence_ids.intersection(entry.draft.competence_ids()))


def demote_headings(markdown: str, base: int = ENTRY_HEADING_BASE) -> str:
    """Shift ATX headings so the shallowest becomes level ``base`` (capped at 6).

    Lines inside fenced code blocks are left alone.
    """
    if "#" not in markdown:  # most entries have no headings at all
        return markdown
    lines = markdown.splitlines()
    levels = [len(m.group(2)) for _, m in _heading_lines(lines)]
    if not levels:
        return markdown
    shift = base - min(levels)
    for index, match in _heading_lines(lines):
        level = min(6, max(1, len(match.group(2)) + shift))
        lines[index] = match.group(1) + "#" * level + lines[index][match.end():]
    return "\n".join(lines)


def _heading_lines(lines: Sequence[str]) -> Iterator[tuple[int, re.Match[str]]]:
    fence: str | None = None
    for index, line in enumerate(lines):
        fence_match = _FENCE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker[0] * len(marker)
            elif marker.startswith(fence):
                fence = None
            continue
        if fence is None:
            match = _HEADING.match(line)
            if match:
                yield index, match


def open_questions(body: str) -> list[str]:
    """Return lines ending in "?" and the items of "Next time"/"Questions" sections."""
    questions: list[str] = []
    in_section = False
    for raw in body.splitlines():
        line = raw.strip()
        if line.startswith("#"):
            in_section = bool(_QUESTION_SECTION.match(line))
            continue
        text = re.sub(r"^(?:[-*+]|\d+[.)])\s+", "", line)
        bare = text.rstrip("*_ ")
        if text and (in_section or bare.endswith("?")) and text not in questions:
            questions.append(text)
    return questions


def escape_table_cell(text: str) -> str:
    """Make text safe inside a Markdown table cell."""
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


def _yaml_string(value: str) -> str:
    # JSON strings are valid YAML double-quoted scalars, with every special character escaped.
    return json.dumps(value, ensure_ascii=False)


class _Writer:
    """Builds the document; keeps redaction placeholders and word counts across sections."""

    def __init__(self, framework: Framework, options: ExportOptions) -> None:
        self.framework = framework
        self.options = options
        self.redactor = Redactor()
        self.section_words: dict[str, int] = {}
        self._cleaned: dict[str, str] = {}
        self._rendered: dict[tuple[int, int], tuple[str, int]] = {}
        self._words: dict[int, int] = {}
        self._labels: dict[tuple[LinkKind, str], str] = {}
        self._linked: dict[LinkKind, dict[str, list[Entry]]] = {}

    def linked(self, chosen: Sequence[Entry], kind: LinkKind, target_id: str) -> list[Entry]:
        """Return the chosen entries linked to one principle or competence, in order."""
        if kind not in self._linked:  # one pass over the entries, not one per target
            index: dict[str, list[Entry]] = {}
            for entry in chosen:
                ids = (entry.draft.principle_ids() if kind is LinkKind.PRINCIPLE
                       else entry.draft.competence_ids())
                for linked_id in dict.fromkeys(ids):
                    index.setdefault(linked_id, []).append(entry)
            self._linked[kind] = index
        return self._linked[kind].get(target_id, [])

    def words(self, entry: Entry) -> int:
        """Return the word count of an entry's body as written."""
        if entry.id not in self._words:
            self._words[entry.id] = count_words(entry.body)
        return self._words[entry.id]

    def clean(self, text: str) -> str:
        if not self.options.redact or not text:
            return text
        if text not in self._cleaned:
            findings = find_identifiers(text, people=self.options.people,
                                        ignore=self.options.ignore)
            self._cleaned[text] = self.redactor.redact(text, findings)
        return self._cleaned[text]

    def entry(self, entry: Entry, section: str, level: int = 4) -> Iterator[str]:
        key = (entry.id, level)
        if key not in self._rendered:
            text = "".join(self._render_entry(entry, level))
            words = (count_words(self.clean(entry.body)) if self.options.redact
                     else self.words(entry))
            self._rendered[key] = (text, words)
        text, words = self._rendered[key]
        self.section_words[section] = self.section_words.get(section, 0) + words
        yield text

    def _render_entry(self, entry: Entry, level: int) -> Iterator[str]:
        title = self.clean(entry.title) or "Untitled"
        body = self.clean(entry.body)
        yield f"{'#' * level} {entry.occurred_on.isoformat()}: {title}\n\n"
        if entry.tags:
            yield f"*Tags: {', '.join(entry.tags)}*\n\n"
        if body.strip():
            yield demote_headings(body.strip(), base=min(6, level + 1)) + "\n\n"
        yield from self.evidence(entry)

    def evidence(self, entry: Entry) -> Iterator[str]:
        notes = []
        for link in entry.draft.links:
            label = self._label(link.kind, link.target_id)
            note = f": {self.clean(link.note)}" if link.note else ""
            notes.append(f"- {label}{' '.join(note.split()) and note}\n")
        if notes:
            yield "**Evidences:**\n\n" + "".join(notes) + "\n"

    def _label(self, kind: LinkKind, target_id: str) -> str:
        if (kind, target_id) not in self._labels:
            if kind is LinkKind.COMPETENCE:
                competence = self.framework.find_competence(target_id)
                label = competence.statement if competence else target_id
            else:
                principle = self.framework.find_principle(target_id)
                label = f"Principle: {principle.name if principle else target_id}"
            self._labels[kind, target_id] = " ".join(label.split())
        return self._labels[kind, target_id]


def render_markdown(
    entries: Iterable[Entry],
    framework: Framework,
    profile: Profile | Mapping[str, object] | None = None,
    options: ExportOptions | None = None,
) -> str:
    """Return the whole coursework document as Markdown.

    Args:
        entries: Journal entries; the options choose which are exported.
        framework: The competence framework whose wording the headings use.
        profile: The author's name, role, course and tutor (may be empty).
        options: Grouping, filters and redaction; defaults group by principle.
    """
    return "".join(iter_markdown(entries, framework, profile, options))


def iter_markdown(
    entries: Iterable[Entry],
    framework: Framework,
    profile: Profile | Mapping[str, object] | None = None,
    options: ExportOptions | None = None,
) -> Iterator[str]:
    """Yield the coursework document in pieces (see ``render_markdown``)."""
    options = options or ExportOptions()
    if not isinstance(profile, Profile):
        profile = Profile.from_mapping(profile)
    chosen = select_entries(entries, options)
    writer = _Writer(framework, options)
    yield from _front_matter(chosen, framework, profile, options)
    sections = {
        Grouping.PRINCIPLE: _by_principle,
        Grouping.COMPETENCE: _by_competence,
        Grouping.DATE: _by_date,
        Grouping.SUPERVISION: _supervision,
    }[options.grouping]
    yield from sections(chosen, writer)
    yield from _appendix(chosen, writer)


def _front_matter(
    chosen: Sequence[Entry], framework: Framework, profile: Profile, options: ExportOptions
) -> Iterator[str]:
    title = {
        Grouping.PRINCIPLE: "Reflections on the principles of peer support",
        Grouping.COMPETENCE: "Portfolio of evidence",
        Grouping.DATE: "Reflective journal",
        Grouping.SUPERVISION: "Supervision agenda",
    }[options.grouping]
    first = options.date_from or (chosen[0].occurred_on if chosen else None)
    last = options.date_to or (chosen[-1].occurred_on if chosen else None)
    period = f"{first.isoformat()} to {last.isoformat()}" if first and last else ""
    fields = [("title", title), ("author", profile.name), ("role", profile.role),
              ("course", profile.course), ("tutor", profile.tutor), ("date_range", period),
              ("framework", framework.title), ("framework_version", framework.version),
              ("date", (options.today or dt.date.today()).isoformat())]
    yield "---\n"
    for key, value in fields:
        if value:
            yield f"{key}: {_yaml_string(value)}\n"
    yield "---\n\n"
    yield f"# {title}\n\n"
    details = [("Author", profile.name), ("Role", profile.role), ("Course", profile.course),
               ("Tutor", profile.tutor), ("Period", period),
               ("Framework", f"{framework.title}, version {framework.version}")]
    for label, value in details:
        if value:
            yield f"**{label}:** {' '.join(value.split())}  \n"
    yield f"\n{len(chosen)} {'entry' if len(chosen) == 1 else 'entries'}.\n\n"


def _by_principle(chosen: Sequence[Entry], writer: _Writer) -> Iterator[str]:
    for principle in writer.framework.principles:
        section = f"Principle: {principle.name}"
        yield f"## {principle.name}\n\n"
        if principle.definition:
            yield f"> {' '.join(principle.definition.split())}\n\n"
        linked = writer.linked(chosen, LinkKind.PRINCIPLE, principle.id)
        writer.section_words.setdefault(section, 0)
        if not linked:
            yield "*No reflections linked to this principle yet.*\n\n"
        for entry in linked:
            yield from writer.entry(entry, section)


def _by_competence(chosen: Sequence[Entry], writer: _Writer) -> Iterator[str]:
    for domain in writer.framework.domains:
        in_domain = [c for area in domain.areas for c in area.competences
                     if writer.linked(chosen, LinkKind.COMPETENCE, c.id)]
        if not in_domain:
            continue
        yield f"## {domain.name}\n\n"
        for area in domain.areas:
            for competence in area.competences:
                linked = writer.linked(chosen, LinkKind.COMPETENCE, competence.id)
                if not linked:
                    continue
                section = f"{domain.name}: {competence.id}"
                yield f"### {' '.join(competence.statement.split())}\n\n"
                for entry in linked:
                    yield from writer.entry(entry, section)
    unlinked = [e for e in chosen if not e.draft.competence_ids()]
    if unlinked:
        yield "## Not yet linked to a competence\n\n"
        for entry in unlinked:
            yield from writer.entry(entry, "Not yet linked")


def _by_date(chosen: Sequence[Entry], writer: _Writer) -> Iterator[str]:
    month = ""
    for entry in chosen:
        label = entry.occurred_on.strftime("%B %Y")
        if label != month:
            month = label
            yield f"## {label}\n\n"
        yield from writer.entry(entry, label, level=3)


def _supervision(chosen: Sequence[Entry], writer: _Writer) -> Iterator[str]:
    yield "## Agenda\n\n"
    agenda = [(entry, open_questions(entry.body)) for entry in chosen]
    for entry, questions in agenda:
        if questions:
            yield f"- **{writer.clean(entry.title) or 'Untitled'}** ({entry.occurred_on})\n"
            for question in questions:
                yield f"    - {writer.clean(question)}\n"
    yield "\n## Entries\n\n"
    for entry, _ in agenda:
        yield from writer.entry(entry, "Supervision", level=3)


def _appendix(chosen: Sequence[Entry], writer: _Writer) -> Iterator[str]:
    framework = writer.framework
    counts: dict[str, int] = {}
    for entry in chosen:
        for competence_id in set(entry.draft.competence_ids()):
            counts[competence_id] = counts.get(competence_id, 0) + 1
    yield "## Appendix: coverage and word counts\n\n### Competences evidenced\n\n"
    yield "| Domain | Competence | Entries |\n| --- | --- | ---: |\n"
    for domain in framework.domains:
        for area in domain.areas:
            for competence in area.competences:
                yield (f"| {escape_table_cell(domain.name)} | "
                       f"{escape_table_cell(competence.statement)} | "
                       f"{counts.get(competence.id, 0)} |\n")
    principle_counts = {p.id: len(writer.linked(chosen, LinkKind.PRINCIPLE, p.id))
                        for p in framework.principles}
    yield "\n### Principles\n\n| Principle | Entries |\n| --- | ---: |\n"
    for principle in framework.principles:
        yield f"| {escape_table_cell(principle.name)} | {principle_counts[principle.id]} |\n"
    yield "\n### Word counts\n\n| Section | Words |\n| --- | ---: |\n"
    for section, words in writer.section_words.items():
        yield f"| {escape_table_cell(section)} | {words} |\n"
    total = sum(writer.words(entry) for entry in chosen)
    yield f"| **Total (each entry once)** | **{total}** |\n"
