"""What the import dialog can read: the core's import formats, under the name the UI uses."""

from __future__ import annotations

from psw_journal.core.importing import ImportFormat as ImportSource
from psw_journal.core.importing import read_source

__all__ = ["ImportSource", "read_source"]
