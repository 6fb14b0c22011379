"""One export for the app and the command line: choose, check, redact, compose, write.

Both front ends build the same :class:`ExportChoices`, call :func:`prepare` (what would leave,
and every identifying detail in it) and then :func:`export_document`; so they cannot differ in
what they select, what they find or what they replace. The report says what went in and what
was left out, and why.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from psw_journal.core.coursework import Coursework
from psw_journal.core.documents.coursework import compose_coursework
from psw_journal.core.documents.entries import Selection, Shape, compose_entries
from psw_journal.core.documents.model import Byline, Document, Profile
from psw_journal.core.entry import Entry, count_words
from psw_journal.core.errors import JournalError
from psw_journal.core.framework import Framework
from psw_journal.services import writers
from psw_journal.services.journal import JournalReading
from psw_journal.services.review import (
    Checker,
    FieldFinding,
    Redaction,
    coursework_findings,
    stored_entry_findings,
)

#: Settings keys of the journal's lists.
PEOPLE_KEY, IGNORE_KEY, PROFILE_KEY = "people", "confidentiality_ignore", "profile"


class DocumentFormat(enum.StrEnum):
    """The kinds of file an export can be."""

    MARKDOWN = "markdown"
    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"

    @property
    def suffix(self) -> str:
        """Return the usual file name suffix, without the dot."""
        return {"markdown": "md", "html": "html", "pdf": "pdf", "docx": "docx"}[self.value]

    @property
    def label(self) -> str:
        """Return the format's name for people."""
        return {"markdown": "Markdown", "html": "web page (HTML)", "pdf": "PDF",
                "docx": "Word document"}[self.value]


#: What an export reads: the journal's read interface.
JournalSource = JournalReading


@dataclass(frozen=True, slots=True)
class ExportChoices:
    """What the user chose: the same object from the dialog and from the command line.

    Attributes:
        fmt: The kind of file.
        shape: How entries are arranged (ignored for a coursework piece).
        selection: Which entries (ignored for a coursework piece).
        coursework_id: Export this coursework piece instead of entries.
        appendix: For a piece, add each quoted entry in full at the end.
        redact: Replace the identifying details found.
        keep: Finding texts the user unticked: kept as written in this export only.
    """

    fmt: DocumentFormat = DocumentFormat.MARKDOWN
    shape: Shape = Shape.PRINCIPLE
    selection: Selection = Selection()
    coursework_id: int | None = None
    appendix: bool = True
    redact: bool = False
    keep: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Prepared:
    """What an export would send out, and every identifying detail found in it."""

    choices: ExportChoices
    profile: Profile
    entries: tuple[Entry, ...]
    findings: tuple[FieldFinding, ...]
    piece: Coursework | None = None
    left_out: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ExportReport:
    """What was written."""

    target: Path
    fmt: DocumentFormat
    entries: int
    words: int
    replaced: int
    findings: int
    pages: int | None = None
    left_out: tuple[str, ...] = field(default_factory=tuple)

    def summary(self) -> str:
        """Return one sentence for the person who exported."""
        what = f"{self.entries} {'entry' if self.entries == 1 else 'entries'}"
        if self.replaced:
            what += f", {self.replaced} identifying details replaced"
        pages = f", {self.pages} pages" if self.pages else ""
        return f"Exported {what} to {self.target} ({self.fmt.label}{pages})."


def journal_checker(source: JournalSource) -> Checker:
    """Return the checker with this journal's lists (people, own names, not identifying)."""
    people, own = source.confidentiality_lists()
    ignore = [str(item) for item in source.setting(IGNORE_KEY, []) or []]
    return Checker(tuple(people), tuple(own), tuple(ignore))


def journal_profile(source: JournalSource) -> Profile:
    """Return who the journal's documents are by (the profile in its settings)."""
    raw = source.setting(PROFILE_KEY, {}) or {}
    return Profile.from_mapping(raw if isinstance(raw, Mapping) else {})


def prepare(
    source: JournalSource, choices: ExportChoices, *, entries: Iterable[Entry] | None = None
) -> Prepared:
    """Work out what the export would contain and check every field of it.

    Args:
        source: The open journal.
        choices: What to export.
        entries: The journal's live entries, when the caller has them already (the dialog).
    """
    checker = journal_checker(source)
    profile = journal_profile(source)
    if choices.coursework_id is not None:
        return _prepare_piece(source, choices, checker, profile)
    every = list(entries) if entries is not None else list(source.iter_entries())
    chosen = choices.selection.choose(every)
    found = stored_entry_findings(checker, source.entry_findings(chosen))
    return Prepared(choices, profile, tuple(chosen), tuple(found))


def _prepare_piece(source: JournalSource, choices: ExportChoices, checker: Checker,
                   profile: Profile) -> Prepared:
    assert choices.coursework_id is not None
    piece = source.coursework(choices.coursework_id)
    if piece.is_trashed:
        raise JournalError(f"Coursework {piece.id} is in the trash; restore it to export it.")
    wanted = list(dict.fromkeys(e.entry_id for s in piece.sections for e in s.examples))
    quoted = [entry for entry in source.iter_entries(wanted)]
    found = coursework_findings(checker, piece)
    # Without the appendix only a quoted entry's title (in the reference) leaves with it.
    found += [line for line in stored_entry_findings(checker, source.entry_findings(quoted))
              if choices.appendix or line.field == "title"]
    missing = sorted(set(wanted) - {entry.id for entry in quoted})
    left_out = tuple(f"Entry {entry_id} was deleted; its quotation is kept as it was."
                     for entry_id in missing)
    return Prepared(choices, profile, tuple(quoted), tuple(found), piece, left_out)


def compose(prepared: Prepared, framework: Framework, *, today: dt.date | None = None) -> Document:
    """Return the document, redacted if chosen (one set of placeholders for all of it)."""
    choices = prepared.choices
    byline = Byline(prepared.profile, today)
    redaction = Redaction(prepared.findings, choices.keep) if choices.redact else None
    if prepared.piece is not None:
        # The piece first, so its people are [Person A], [Person B]... in reading order.
        piece = redaction.coursework(prepared.piece) if redaction else prepared.piece
        entries = [redaction.entry(e) if redaction else e for e in prepared.entries]
        document = compose_coursework(piece, {e.id: e for e in entries}, framework,
                                      byline=byline, appendix=choices.appendix)
        words = prepared.piece.words
    else:
        entries = [redaction.entry(e) if redaction else e for e in prepared.entries]
        selection = choices.selection
        period = ""
        if selection.date_from and selection.date_to:
            period = f"{selection.date_from.isoformat()} to {selection.date_to.isoformat()}"
        document = compose_entries(entries, framework, choices.shape, byline=byline,
                                   period=period)
        if redaction is None:
            return document
        words = sum(count_words(entry.body) for entry in prepared.entries)
    # Words as written: a placeholder is not the student's word count.
    return dataclasses.replace(document, info=dataclasses.replace(document.info, words=words))


def replaced_count(prepared: Prepared) -> int:
    """Return how many details the export replaces (0 unless redacting)."""
    if not prepared.choices.redact:
        return 0
    return Redaction(prepared.findings, prepared.choices.keep).count


def render(document: Document, fmt: DocumentFormat) -> str:
    """Return the text written for Markdown and HTML (and the page printed for PDF)."""
    if fmt is DocumentFormat.MARKDOWN:
        return document.to_markdown()
    from psw_journal.core.documents.html import standalone_html  # python-markdown: not for .md

    return standalone_html(document, for_print=fmt is DocumentFormat.PDF)


def export_document(
    prepared: Prepared,
    target: Path,
    framework: Framework,
    *,
    pdf_writer: writers.PdfWriter | None = None,
    progress: Callable[[str], None] | None = None,
) -> ExportReport:
    """Redact, compose and write one document; the journal is not read again.

    Args:
        prepared: What :func:`prepare` found for the user's choices (they are in it).
        target: The file to write (replaced whole, or left as it was on failure).
        framework: The competence framework.
        pdf_writer: Prints HTML to PDF (Qt's, passed in: the service never imports Qt).
        progress: Told what happens, in plain words.
    """
    say = progress or (lambda _text: None)
    choices = prepared.choices
    if choices.fmt is DocumentFormat.DOCX and (reason := writers.docx_unavailable()):
        raise JournalError(reason)
    if choices.fmt is DocumentFormat.PDF and pdf_writer is None:
        raise JournalError("PDF export needs the app's printer; none was given.")
    say("Preparing the document…")
    document = compose(prepared, framework)
    say(f"Writing the {choices.fmt.label}…")
    pages = None
    if choices.fmt is DocumentFormat.DOCX:
        from psw_journal.core.documents.html import document_fragment

        writers.write_docx(target, document_fragment(document, with_title=False), document.info)
    elif choices.fmt is DocumentFormat.PDF:
        assert pdf_writer is not None
        pages = writers.write_pdf(target, render(document, choices.fmt), document.info,
                                  pdf_writer)
    else:
        writers.write_text(target, render(document, choices.fmt))
    count = (sum(len(s.examples) for s in prepared.piece.sections) if prepared.piece
             else len(prepared.entries))
    return ExportReport(target, choices.fmt, count, document.info.words,
                        replaced_count(prepared), len(prepared.findings), pages,
                        prepared.left_out)
