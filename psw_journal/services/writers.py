"""Writing exported files: readable only by their owner, whole or not at all, never fetching.

Each file is written beside its target under a temporary name, checked, then renamed into
place, so a full disk or a failed conversion leaves nothing behind and never reports success.
Word documents are made by the pandoc bundled with the app (never one found on PATH), in its
sandbox (no network, no files but its input) and with a clean environment.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from importlib.util import find_spec
from pathlib import Path

from psw_journal.core.documents.model import DocumentInfo
from psw_journal.core.errors import JournalError

#: Writes a PDF of an HTML page to a path (the app's is Qt's printer, in ``ui/pdf.py``).
PdfWriter = Callable[[Path, str, DocumentInfo], None]
_PANDOC_TIMEOUT = 120
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


@contextlib.contextmanager
def private_file(target: Path) -> Iterator[Path]:
    """Lend a temporary path beside ``target``; rename it into place (mode 0600) on success.

    Raises:
        JournalError: the folder is missing or read-only, or the disk is full; nothing is left.
    """
    if not target.parent.is_dir():
        raise JournalError(f"Cannot save {target}: the folder {target.parent} does not exist.")
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.unlink(missing_ok=True)
        os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        yield partial
        os.chmod(partial, 0o600)  # a converter may have replaced the file it was given
        os.replace(partial, target)
    except OSError as exc:
        raise JournalError(_could_not_save(target, exc)) from exc
    finally:
        partial.unlink(missing_ok=True)


def _could_not_save(target: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return f"Could not save {target}: the disk is full. Nothing was saved."
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"Could not save {target}: {target.parent} cannot be written to."
    return f"Could not save {target}: {exc.strerror or exc}."


def write_text(target: Path, text: str) -> None:
    """Write a text file (Markdown, HTML) privately and whole.

    Not synced to the disk: a document can be made again from the journal, and waiting for
    the disk would double a quick export's time; the rename still never shows half a file.
    """
    with private_file(target) as partial, partial.open("w", encoding="utf-8",
                                                       newline="\n") as handle:
        handle.write(text)


def write_pdf(target: Path, page: str, info: DocumentInfo, pdf_writer: PdfWriter) -> int:
    """Print an HTML page to PDF privately; return the number of pages.

    Qt's printer does not report a failed write, so the file is checked before it counts.
    """
    with private_file(target) as partial:
        pdf_writer(partial, page, info)
        pages = pdf_pages(partial)
        if pages is None:
            raise JournalError(f"Could not save {target}: the PDF came out incomplete (is the "
                               "disk full?). Nothing was saved.")
    return pages


def pdf_pages(path: Path) -> int | None:
    """Return the page count of a complete PDF, or None if it is cut short or not a PDF."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        return None
    return len(_PAGE_OBJECT.findall(data)) or None


def pandoc_path() -> Path | None:
    """Return the pandoc bundled with the app (the pypandoc-binary package), if installed."""
    spec = find_spec("pypandoc")
    if spec is None or spec.origin is None:
        return None
    name = "pandoc.exe" if sys.platform == "win32" else "pandoc"
    binary = Path(spec.origin).parent / "files" / name
    return binary if binary.is_file() and os.access(binary, os.X_OK) else None


def docx_unavailable() -> str | None:
    """Return why Word documents cannot be made here, or None if they can."""
    if pandoc_path() is None:
        return ("Word export needs the pandoc that comes with the app (the pypandoc-binary "
                "package); reinstall the app to restore it.")
    return None


def write_docx(target: Path, html_fragment: str, info: DocumentInfo) -> None:
    """Convert a safe HTML fragment to a Word document with real heading styles.

    The title, author, course and date go on the first page and into the document's
    properties (title, author, subject, description, keywords).
    """
    pandoc = pandoc_path()
    if pandoc is None:
        raise JournalError(docx_unavailable() or "Word export is not available.")
    metadata = {"title": info.title, "author": info.profile.name, "subtitle": info.profile.course,
                "date": f"{info.made_on.day} {info.made_on:%B %Y}",
                "subject": info.subject,
                "description": f"{info.words:,} words ({info.words_note})" if info.words_note
                else "", "keywords": "peer support, reflective practice"}
    # The document's sections are <h2> under the title: they become Word's Heading 1.
    command = [str(pandoc), "--sandbox", "--from", "html", "--to", "docx",
               "--shift-heading-level-by=-1"]
    command += [f"--metadata={key}:{value}" for key, value in metadata.items() if value]
    with private_file(target) as partial:
        command += ["--output", str(partial)]
        try:
            result = subprocess.run(command, input=html_fragment.encode("utf-8"),
                                    capture_output=True, env=_clean_environment(),
                                    timeout=_PANDOC_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise JournalError(f"Could not make the Word document {target} ({exc}). Nothing "
                               "was saved.") from exc
        if result.returncode != 0:
            raise JournalError(_pandoc_failure(target, result.stderr))


def _clean_environment() -> dict[str, str]:
    """Return the little a converter needs: no passphrase, no proxies, no home folder."""
    keep = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    if sys.platform == "win32":
        keep["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", "C:\\Windows")
    return keep


def _pandoc_failure(target: Path, stderr: bytes) -> str:
    text = stderr.decode("utf-8", "replace")
    if "no space left" in text.lower() or "resource exhausted" in text.lower():
        return f"Could not save {target}: the disk is full. Nothing was saved."
    first = next((line.strip() for line in text.splitlines() if line.strip()), "no reason given")
    return f"Could not make the Word document {target} ({first[:200]}). Nothing was saved."
