"""Identifiers found by their shape.

NHS and National Insurance numbers, phones, emails, postcodes, dates of birth and street
addresses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from psw_journal.core.confidentiality.kinds import Finding, FindingKind, make_finding

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
#: A social-media handle, with a digit, an underscore or an inner dot ("@kerry_t88",
#: "@saltwater.nights"); "@placement" is a jrnl tag.
HANDLE = re.compile(
    r"(?<![\w@.])@(?=[\w.]*(?:\d|_|\.\w))[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?"
)
_NHS = re.compile(r"(?<![\d-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d-])")
# Two letters, six digits in any grouping, and usually a final A-D: "QQ 12 34 56 C",
# "QQ123456C", "qq-12-34-56-c". The letters are not checked against HMRC's list, so the
# documentation examples ("QQ...") are found too.
_NI = re.compile(
    r"(?<![\w-])[A-Z]{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}(?:[ -]?[A-D])?(?![\w-])", re.IGNORECASE
)
_POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b"
)
_MONTHS = "january february march april may june july august september october november december"
_MONTH = r"(?:" + "|".join(_MONTHS.split()) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
# The lookahead only rejects, early, positions where no alternative can start.
_DATE = re.compile(
    r"\b(?=[\dJFMASONDjfmasond])(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
    r"|\d{4}-\d{2}-\d{2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})\b",
    re.IGNORECASE,
)
_DOB_CUE = re.compile(
    r"\b(?:born|d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|birthday|b\.)", re.IGNORECASE
)
_DOB_AFTER = re.compile(r"^\s*\(?(?:is\s+)?(?:her|his|their|my)?\s*(?:d\.?o\.?b|birthday"
                        r"|date of birth)", re.IGNORECASE)
_STREET_WORDS = (
    "Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Court|Ct|Crescent|Cres|Place|Pl"
    "|Grove|Gardens|Gdns|Terrace|Hill|View|Walk|Row|Square|Sq|Mews|Park|Rise|Parade|Green"
    "|Vale|Croft|Fold|Wynd|Chase|Gate|Boulevard|Heights|Meadows|Yard|Bank|Brow|End|Side"
    "|Wharf|Quay|Approach|Circus|Hollow|Lea|Mount|Passage|Precinct"
)
_ADDRESS = re.compile(
    r"(?:\b(?:Flat|Apartment|Apt|Unit|Room)\s+\d+[A-Za-z]?,?\s+)?"
    r"\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][\w'’-]+\s+){1,3}"
    rf"(?:{_STREET_WORDS})\b"
)
#: Every date, NHS, NI number, postcode, address and phone number has a decimal digit.
_DIGIT = re.compile(r"\d")
_HELPLINES = frozenset({"116123", "111", "85258", "999", "112", "116111", "116117",
                        "08457909090", "08001111", "0800585858", "03001233393"})


def is_valid_nhs_number(digits: str) -> bool:
    """Tell whether ten digits carry a valid NHS modulus-11 check digit."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1),
                                                             strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9]) and len(set(digits)) > 1


def find_structured(text: str) -> list[Finding]:
    """Return structured identifiers in ``text`` (overlaps are resolved by the caller)."""
    found: list[Finding] = []
    if "@" in text:
        found += [make_finding(text, m.start(), m.end(), FindingKind.EMAIL)
                  for m in _EMAIL.finditer(text)]
        found += [make_finding(text, m.start(), m.end(), FindingKind.OTHER)
                  for m in HANDLE.finditer(text)]
    if _DIGIT.search(text) is None:
        return found
    for match in _NHS.finditer(text):
        if is_valid_nhs_number("".join(match.groups())):
            found.append(make_finding(text, match.start(), match.end(), FindingKind.NHS_NUMBER))
    found += [make_finding(text, m.start(), m.end(), FindingKind.NI_NUMBER)
              for m in _NI.finditer(text)]
    found += [make_finding(text, m.start(), m.end(), FindingKind.POSTCODE)
              for m in _POSTCODE.finditer(text)]
    found += list(_dates_of_birth(text))
    found += list(_phones(text))
    found += [make_finding(text, m.start(), m.end(), FindingKind.ADDRESS)
              for m in _ADDRESS.finditer(text)]
    return found


def _dates_of_birth(text: str) -> Iterator[Finding]:
    for match in _DATE.finditer(text):
        before = text[max(0, match.start() - 70):match.start()]
        after = text[match.end():match.end() + 25]
        cues = list(_DOB_CUE.finditer(before))
        # The nearest cue counts, and only within the same sentence.
        cued_before = bool(cues) and not re.search(r"[.!?]\s", before[cues[-1].end():])
        if cued_before or _DOB_AFTER.match(after):
            yield make_finding(text, match.start(), match.end(), FindingKind.DATE_OF_BIRTH)


def _phones(text: str) -> Iterator[Finding]:
    if sum(map(str.isdigit, text)) < 9:  # a match keeps at least nine of the text's digits
        return
    import phonenumbers  # about 40 ms to import; only texts with enough digits need it

    matcher = phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE)
    for match in matcher:
        national = str(match.number.national_number)
        digits = "".join(ch for ch in match.raw_string if ch.isdigit())
        if national in _HELPLINES or digits in _HELPLINES or len(digits) < 9:
            continue
        yield make_finding(text, match.start, match.end, FindingKind.PHONE)
