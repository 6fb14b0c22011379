"""A coursework piece as a document a tutor can mark.

Title page; the sections in order, each the student's own text followed by its examples as
quotations with the entry's date and a reference ([E1], [E2] ...); a short summary of what the
examples evidence; and, if asked, an appendix with each quoted entry once, in full.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping

from psw_journal.core.coursework import Coursework, Example, ExampleState
from psw_journal.core.documents.model import Byline, Document, DocumentInfo, whole_blocks
from psw_journal.core.documents.text import escape_inline, one_line, prepare_body
from psw_journal.core.entry import Entry
from psw_journal.core.framework import Framework


def compose_coursework(
    piece: Coursework,
    entries: Mapping[int, Entry],
    framework: Framework,
    *,
    byline: Byline | None = None,
    appendix: bool = True,
) -> Document:
    """Return the document of a coursework piece.

    Args:
        piece: The piece (redacted already if asked).
        entries: The entries its examples quote, by id (redacted likewise); missing ones are
            entries deleted since.
        framework: The framework whose names the summary uses.
        byline: Who the piece is by, and the date on the title page (today by default).
        appendix: Add each quoted entry in full at the end.
    """
    labels = _reference_labels(piece)
    parts = [*_sections(piece, entries, labels), *_summary(piece, entries, framework)]
    if appendix and labels:
        parts += list(_appendix(entries, labels, framework))
    byline = byline or Byline()
    info = DocumentInfo(
        title=piece.title, profile=byline.profile, made_on=byline.day,
        due=piece.due, words=piece.words, target_words=piece.target_words,
        words_note="own words; quotations not counted",
        framework=f"{framework.title}, version {framework.version}",
    )
    return Document(info, whole_blocks(parts),
                    tuple((section.heading, section.words) for section in piece.sections))


def _reference_labels(piece: Coursework) -> dict[int, str]:
    """Number the quoted entries in order of first quotation: [E1], [E2]..."""
    labels: dict[int, str] = {}
    for section in piece.sections:
        for example in section.examples:
            labels.setdefault(example.entry_id, f"E{len(labels) + 1}")
    return labels


def _sections(
    piece: Coursework, entries: Mapping[int, Entry], labels: Mapping[int, str]
) -> Iterator[str]:
    for number, section in enumerate(piece.sections, start=1):
        yield f"## {escape_inline(section.heading)}\n\n"
        text = prepare_body(section.text, base_level=3, label=f"s{number}")
        yield (text.rstrip() + "\n\n") if text.strip() else "*Not written yet.*\n\n"
        for example in section.examples:
            yield _quotation(example, entries.get(example.entry_id), labels[example.entry_id])


def _quotation(example: Example, entry: Entry | None, label: str) -> str:
    day = entry.occurred_on if entry is not None else example.entry_date
    title = entry.title if entry is not None else example.entry_title
    when = f"{day.day} {day:%B %Y}" if day else "undated"
    source = f"Journal entry, {when}"
    if title:
        source += f", “{escape_inline(title)}”"
    note = ExampleState(example, entry).problem
    lines = [f"> {line}" if line else ">" for line in example.quote.splitlines() or [""]]
    lines += [">", f"> — {source} [{label}]"]
    if note and entry is not None:
        lines.append(f"> *({note})*")
    return "\n".join(lines) + "\n\n"


def _summary(piece: Coursework, entries: Mapping[int, Entry],
             framework: Framework) -> Iterator[str]:
    quoted = [entries[e.entry_id] for s in piece.sections for e in s.examples
              if e.entry_id in entries]
    distinct = {entry.id: entry for entry in quoted}.values()
    principles = Counter(p for e in distinct for p in set(e.draft.principle_ids()))
    competences = Counter(c for e in distinct for c in set(e.draft.competence_ids()))
    yield "## What the examples evidence\n\n"
    count = sum(len(s.examples) for s in piece.sections)
    yield (f"{count} {'example' if count == 1 else 'examples'} from "
           f"{len(distinct)} journal {'entry' if len(distinct) == 1 else 'entries'}.\n\n")
    shown = [f"{p.name} ({principles[p.id]})" for p in framework.principles if principles[p.id]]
    missing = [p.name for p in framework.principles if not principles[p.id]]
    yield f"- **Principles:** {', '.join(shown) or 'none yet'}"
    yield f"; not yet: {', '.join(missing)}.\n" if missing else ".\n"
    assessed = framework.psw_competences
    evidenced = [c for c in assessed if competences[c.id]]
    yield (f"- **Competences:** {len(evidenced)} of the {len(assessed)} in the framework are "
           f"evidenced by the quoted entries; {len(assessed) - len(evidenced)} are not yet.\n")
    for competence in evidenced:
        statement = escape_inline(one_line(competence.statement))
        yield f"    - {statement} ({competences[competence.id]})\n"
    yield "\n"


def _appendix(entries: Mapping[int, Entry], labels: Mapping[int, str],
              framework: Framework) -> Iterator[str]:
    yield "## Appendix: the journal entries quoted\n\n"
    for entry_id, label in labels.items():
        entry = entries.get(entry_id)
        if entry is None:
            yield f"### [{label}] (deleted from the journal)\n\n"
            continue
        yield f"### [{label}] {entry.occurred_on.isoformat()}: {escape_inline(entry.title)}\n\n"
        body = prepare_body(entry.body, base_level=4, label=f"e{entry.id}")
        yield (body.rstrip() + "\n\n") if body.strip() else "*No text.*\n\n"
        names = [principle.name for principle in framework.principles
                 if principle.id in entry.draft.principle_ids()]
        if names:
            yield f"*Principles: {', '.join(names)}*\n\n"
