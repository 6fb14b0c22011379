"""Find details that could identify a person in journal text, and redact them for export.

The detector is rule based, offline and fast (a few milliseconds per 1,000 words). Structured
identifiers (NHS numbers with a valid check digit, National Insurance numbers, phone numbers,
emails, postcodes, dates of birth, street addresses) are found by their shape and with
``phonenumbers``; named services and wards by their heads ("... Hearing Voices Group",
"... CMHT", "Ward 7"); personal names by word lists and context (see ``names``), less
public figures, faith, places and titles (see ``public``); tags by :func:`find_in_tag`. Its
recall and false alarms are measured by ``bench/bench_confidentiality.py`` on a held-out set it
was not tuned on.
"""

from __future__ import annotations

from psw_journal.core.confidentiality.detector import find_identifiers, find_in_tag
from psw_journal.core.confidentiality.kinds import STRUCTURED_KINDS, Finding, FindingKind
from psw_journal.core.confidentiality.lexicon import NameLists, name_lists
from psw_journal.core.confidentiality.redaction import Redactor, redact
from psw_journal.core.confidentiality.stored import (
    DETECTOR_VERSION,
    CheckedField,
    decode_findings,
    encode_findings,
    entry_fields,
    find_in_fields,
    findings_key,
    stored_findings,
)
from psw_journal.core.confidentiality.structured import is_valid_nhs_number

__all__ = [
    "DETECTOR_VERSION",
    "STRUCTURED_KINDS",
    "CheckedField",
    "Finding",
    "FindingKind",
    "NameLists",
    "Redactor",
    "decode_findings",
    "encode_findings",
    "entry_fields",
    "find_identifiers",
    "find_in_fields",
    "find_in_tag",
    "findings_key",
    "is_valid_nhs_number",
    "name_lists",
    "redact",
    "stored_findings",
]
