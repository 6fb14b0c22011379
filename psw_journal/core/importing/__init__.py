"""Reading other journals' exports (and this app's own) into previews of drafts.

Each format has its module: :mod:`.jsonl` (this app's JSON Lines and full export), :mod:`.jrnl`
(JSON, Markdown and YAML exports), :mod:`.dayone` (Day One's JSON export) and
:mod:`.markdown_folder` (a folder of notes). A reader returns an :class:`ImportPreview` to show
before anything is stored: the entries with the keys that recognise them when imported again,
what did not come along, and the files or records that cannot be read (the rest can still be
imported). Nothing here touches the journal.
"""

from __future__ import annotations

from psw_journal.core.importing.drafts import PINNED_TAG, STARRED_TAG
from psw_journal.core.importing.formats import (
    ImportFormat,
    format_hint,
    guess_format,
    import_format,
    read_import,
    read_source,
    unknown_links,
)
from psw_journal.core.importing.preview import (
    EntryHistory,
    ImportItem,
    ImportPreview,
    KnownEntries,
    SavedText,
    Unreadable,
    content_fingerprint,
)

__all__ = [
    "PINNED_TAG",
    "STARRED_TAG",
    "EntryHistory",
    "ImportFormat",
    "ImportItem",
    "ImportPreview",
    "KnownEntries",
    "SavedText",
    "Unreadable",
    "content_fingerprint",
    "format_hint",
    "guess_format",
    "import_format",
    "read_import",
    "read_source",
    "unknown_links",
]
