"""Errors whose message is meant for the person using the app."""

from __future__ import annotations


class JournalError(Exception):
    """A problem the user can understand and act on; its message is shown as is."""


class FrameworkError(JournalError):
    """The competence framework file is missing, malformed or invalid."""


class WrongPassphrase(JournalError):
    """The passphrase does not open this journal."""


class NotAJournal(JournalError):
    """The file exists but is not a PSW journal (foreign, damaged or empty)."""


class JournalDamaged(JournalError):
    """The journal file decrypts but parts of it cannot be read."""


class JournalLocked(JournalError):
    """Another process has the journal open for writing."""


class InvalidInput(JournalError):
    """User-supplied data (an entry, an import file) is not acceptable."""
