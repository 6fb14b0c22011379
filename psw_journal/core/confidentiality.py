"""Find details that could identify a person in journal text, and redact them for export.

The detector is rule based and offline. Structured identifiers (NHS numbers with a valid
check digit, phone numbers, emails, postcodes, dates of birth, street addresses, named
wards and services) are found with patterns and ``phonenumbers``. Personal names are found
with a compact first-names list (from ``nomquamgender``, MIT) and an ordinary-words list
(SCOWL British English): a capitalised word that is a known first name and not an ordinary
word is a name; an ambiguous one ("Will", "Hope", "Ruby") counts only in the middle of a
sentence. Names after an honorific, surnames after a first name, the user's "people I
support" list and repeats of a found name are names too. Cited authors ("Gibbs", "Kay
Redfield Jamison writes...") and the user's own names are left alone.
"""

from __future__ import annotations

import enum
import functools
import gzip
import hashlib
import json
import re
import string
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


class FindingKind(enum.StrEnum):
    """What kind of identifying detail a finding is."""

    NAME = "name"
    NHS_NUMBER = "nhs_number"
    PHONE = "phone"
    EMAIL = "email"
    POSTCODE = "postcode"
    DATE_OF_BIRTH = "date_of_birth"
    ADDRESS = "address"
    WARD_OR_SERVICE = "ward_or_service"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Finding:
    """One identifying detail: ``text == field[start:end]`` (Python offsets, end exclusive)."""

    start: int
    end: int
    kind: FindingKind
    text: str


# Structured kinds win over names and services when spans overlap.
_PRIORITY = {
    FindingKind.EMAIL: 0, FindingKind.NHS_NUMBER: 1, FindingKind.DATE_OF_BIRTH: 2,
    FindingKind.POSTCODE: 3, FindingKind.PHONE: 4, FindingKind.ADDRESS: 5,
    FindingKind.WARD_OR_SERVICE: 6, FindingKind.OTHER: 7, FindingKind.NAME: 8,
}

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
_NHS = re.compile(r"(?<![\d-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d-])")
_POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b"
)
_MONTHS = (
    "january february march april may june july august september october november december"
)
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
    "|Vale|Croft|Fold|Wynd|Chase|Gate|Boulevard|Heights|Meadows|Yard|Bank|Brow|End"
)
_ADDRESS = re.compile(
    r"(?:\b(?:Flat|Apartment|Apt|Unit|Room)\s+\d+[A-Za-z]?,?\s+)?"
    r"\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][\w'’-]+\s+){1,3}"
    rf"(?:{_STREET_WORDS})\b"
)
_SERVICE_HEADS = (
    "Ward|Hospital|Unit|House|Centre|Center|Clinic|Service|Services|Team|Surgery|Practice"
    "|Lodge|Suite|College|Hostel|Project|Hub|Café|Cafe|Club|Trust|Health Centre|Infirmary"
)
#: A service needs one of its heads; texts without any skip the (slower) full pattern.
_SERVICE_HEAD = re.compile(rf"(?:{_SERVICE_HEADS})\b")
_SERVICE = re.compile(
    r"(?:\b(?:St|St\.|Saint)\s+)?(?:\b[A-Z][\w'’-]*\s+){1,4}"
    rf"(?:{_SERVICE_HEADS})\b"
)
# Words that only describe a kind of service ("Community Mental Health Team") identify nobody.
_GENERIC_SERVICE_WORDS = _words("""
the a an our my their his her this that your at in on to from of and for with by
community mental health crisis home treatment early intervention day acute psychiatric
inpatient in-patient outpatient recovery peer support local general district royal adult adults
older people assessment liaison rehab rehabilitation secure forensic drug drugs alcohol eating
disorder disorders perinatal mother baby children's child young youth camhs nhs trust
hospital hospitals ward wards unit units service services team teams centre center clinic
house college hub project café cafe club access wellbeing well-being psychology psychological
therapy therapies talking therapies iapt employment housing citizens advice job jobcentre
plus a&e emergency department gp out hours women's men's family families student students
county city borough council social care primary secondary specialist national new old
memory dementia learning disability disabilities autism lived experience personality
complex needs suite lodge hostel surgery practice infirmary health-based place safety
psychiatric intensive picu dual diagnosis addiction addictions substance misuse
next time reflection supervision
""")
_HONORIFIC_WORDS = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Nurse",
                    "Sister", "Auntie", "Uncle")
_HONORIFIC_ENDS = (*_HONORIFIC_WORDS, *(word + "." for word in _HONORIFIC_WORDS))
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Nurse|Sister|Auntie|Uncle)"
                        r"\.?\s+$")
# A capitalised word not glued to a previous word, a handle or an email: "Kerry", "Jo-Anne",
# "McDonald", "O'Neil". Starting with the capital (the lookbehind then checks the character
# before it) lets the regex engine skip to capitals, about five times faster than leading
# with the lookbehind.
_TOKEN = re.compile(
    r"[A-ZÀ-ÖØ-Þ](?<![\w'’@.-].)"
    r"(?:[a-zß-öø-ÿ]+(?:['’-][A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)*(?![\w@])"
    r"|(?<=M)(?:c|ac)[A-Z][a-z]+(?![\w@])"
    r"|(?<=O)['’][A-Z][a-z]+(?![\w@]))"
)
_AUTHOR_AFTER = re.compile(
    r"^(?:\s*\(\s*\d{4}|,\s*\d{4}\b|\s+et\s+al\b|\s+and\s+colleagues\b"
    r"|\s+(?:writes|wrote|has\s+written|argues|argued|describes|described|suggests|suggested"
    r"|calls|called\s+it|says\s+in|said\s+in|puts\s+it|developed|proposed|notes\s+that"
    r"|observed|observes|defines|defined|talks\s+about\s+in|coined|explains|reminds\s+us"
    r"|in\s+(?:her|his|their)\s+(?:book|memoir|talk))\b"
    r"|['’]s?\s+(?:model|cycle|framework|theory|book|books|memoir|work|stages|reflective"
    r"|questions|method|hierarchy|approach|writing|research|concept|idea|ideas|typology"
    r"|essay|essays|article|paper|podcast|talk|poem|novel|quote|words))",
    re.IGNORECASE,
)
_AUTHOR_BEFORE = re.compile(
    r"(?:according\s+to|as\s+described\s+by|developed\s+by|written\s+by|book\s+by|cycle\s+by"
    r"|author|writer|psychologist|psychiatrist|theorist|researcher|activist|comedian|novelist"
    r"|poet|quoting|citing|cited|reading)\s+$",
    re.IGNORECASE,
)
_AUTHOR_TOPIC_BEFORE = re.compile(r"\b(?:about|of|by|from|like|read|reading)\s+$", re.I)
# Surnames of authors that reflective and peer-support coursework routinely cites.
_CITED_AUTHORS = _words("""
gibbs kolb schön schon driscoll rolfe johns borton brookfield freire rogers atkins murphy
boud mezirow dewey deegan copeland repper perkins maslow egan bandura bowlby winnicott
frankl jung freud goleman yalom tuckman belbin peplau maslach hochschild
seligman linehan prochaska diclemente
""")
_STOP_WORDS = _words("""
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december christmas easter eid diwali
god lord jesus allah english british welsh scottish irish
you can will may must did does said told so but and not our we they she he his her him who
what why how when then there here yes no well okay ok sorry thanks please
""")
# Values that are also first names: a name only with a surname or an honorific.
_CONCEPT_WORDS = _words("""
hope faith joy love peace trust grace charity patience unity justice recovery honesty
""")
_PLACE_PREPOSITION = re.compile(r"\b(?:in|from|near|around|outside|across|visit(?:ed|ing)?"
                                r"|to|at|of)\s+$", re.IGNORECASE)
_PLACE_NAMES = _words("""
london paris chelsea sydney victoria jordan kent devon lincoln york preston india africa
china america ireland brighton florence lancaster chester kendal bradford bolton derby
hamilton hastings darlington stanley washington dallas austin phoenix madison israel
georgia carolina virginia lourdes adelaide trinidad jersey guernsey orkney shetland
""")
#: Every date, NHS number, postcode, address and phone number has a decimal digit.
_DIGIT = re.compile(r"\d")
_SENTENCE_END = ".!?:;\"“”‘'*#>|(-•\n"
_HELPLINES = frozenset({"116123", "111", "85258", "999", "112", "116111", "116117",
                        "08457909090", "08001111", "0800585858", "03001233393"})


@dataclass(frozen=True, slots=True)
class NameLists:
    """The word lists the name detector uses, loaded once per process."""

    first_names: frozenset[str]
    ambiguous: frozenset[str]
    ordinary: frozenset[str]


@functools.cache
def name_lists() -> NameLists:
    """Load the shipped first-names and ordinary-words lists (cached)."""
    folder = resources.files("psw_journal.core") / "namedata"
    first = frozenset((folder / "first_names.txt").read_text(encoding="utf-8").split())
    ambiguous = frozenset((folder / "name_words.txt").read_text(encoding="utf-8").split())
    ordinary = frozenset(
        gzip.decompress((folder / "ordinary_words.txt.gz").read_bytes()).decode("utf-8").split()
    )
    return NameLists(first, ambiguous, ordinary)


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


def find_identifiers(
    text: str,
    *,
    people: Sequence[str] = (),
    own_names: Sequence[str] = (),
    ignore: Collection[str] = (),
) -> list[Finding]:
    """Find details in ``text`` that could identify a person.

    Args:
        text: A title or body, as written.
        people: The user's private list of people they support; always reported.
        own_names: The user's own names, never reported.
        ignore: Finding texts the user marked "not identifying" (compared case-insensitively).

    Returns:
        Non-overlapping findings sorted by position.
    """
    findings = _find_cached(text, tuple(people), tuple(own_names))
    if not ignore:
        return list(findings)
    skip = {item.casefold() for item in ignore}
    return [finding for finding in findings if finding.text.casefold() not in skip]


@functools.lru_cache(maxsize=1024)
def _find_cached(
    text: str, people: tuple[str, ...], own_names: tuple[str, ...]
) -> tuple[Finding, ...]:
    # Exports and checks see the same titles and link notes again and again; findings are
    # immutable, so repeats within a process cost a dictionary look-up.
    found: list[Finding] = []
    found += _structured(text)
    found += _services(text)
    found += _names(text, people, own_names)
    return tuple(_resolve_overlaps(found))


def _finding(text: str, start: int, end: int, kind: FindingKind) -> Finding:
    return Finding(start, end, kind, text[start:end])


def _structured(text: str) -> list[Finding]:
    found: list[Finding] = []
    if "@" in text:
        found += [_finding(text, m.start(), m.end(), FindingKind.EMAIL)
                  for m in _EMAIL.finditer(text)]
        found += [_finding(text, m.start(), m.end(), FindingKind.OTHER)
                  for m in _HANDLE.finditer(text) if len(m.group()) > 3]
    if _DIGIT.search(text) is None:
        return found
    for match in _NHS.finditer(text):
        if is_valid_nhs_number("".join(match.groups())):
            found.append(_finding(text, match.start(), match.end(), FindingKind.NHS_NUMBER))
    found += [_finding(text, m.start(), m.end(), FindingKind.POSTCODE)
              for m in _POSTCODE.finditer(text)]
    found += list(_dates_of_birth(text))
    found += list(_phones(text))
    found += [_finding(text, m.start(), m.end(), FindingKind.ADDRESS)
              for m in _ADDRESS.finditer(text)]
    return found


def _dates_of_birth(text: str) -> Iterator[Finding]:
    for match in _DATE.finditer(text):
        before = text[max(0, match.start() - 70):match.start()]
        after = text[match.end():match.end() + 25]
        cue_before = _DOB_CUE.search(before)
        cued_before = cue_before is not None and not re.search(
            r"[.!?]\s", before[cue_before.end():])
        if cued_before or _DOB_AFTER.match(after):
            yield _finding(text, match.start(), match.end(), FindingKind.DATE_OF_BIRTH)


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
        yield _finding(text, match.start, match.end, FindingKind.PHONE)


def _services(text: str) -> Iterator[Finding]:
    if _SERVICE_HEAD.search(text) is None:
        return
    for match in _SERVICE.finditer(text):
        start, end = match.start(), match.end()
        words = text[start:end].split()
        # Leading words that start a sentence or are generic ("The", "At") are not part of it.
        while words and words[0].casefold() in _GENERIC_SERVICE_WORDS - {"st"}:
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else end
            words = words[1:]
        distinctive = [w for w in words if w.casefold().strip("'’s") not in _GENERIC_SERVICE_WORDS
                       and w.casefold() not in _GENERIC_SERVICE_WORDS]
        if len(words) >= 2 and distinctive:
            yield _finding(text, start, end, FindingKind.WARD_OR_SERVICE)


def _is_sentence_start(text: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    while index >= 0 and text[index] in "\"“‘'*_([":
        if text[index] in "\"“‘'":
            return True
        index -= 1
        while index >= 0 and text[index] in " \t":
            index -= 1
    return index < 0 or text[index] in _SENTENCE_END or text[index].isdigit()


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    word: str
    sentence_start: bool
    after_honorific: bool = False
    is_name: bool = False
    is_author: bool = False
    strong: bool = field(default=False)


def _names(text: str, people: Sequence[str], own_names: Sequence[str]) -> list[Finding]:
    lists = name_lists()
    own = {part.casefold() for name in own_names for part in name.split()}
    tokens = [
        _Token(m.start(), m.end(), m.group(), _is_sentence_start(text, m.start()),
               _is_after_honorific(text, m.start()))
        for m in _TOKEN.finditer(text)
    ]
    for token in tokens:
        _classify(text, token, lists)
    _extend_to_surnames(text, tokens, lists)
    _mark_authors(text, tokens)
    strong = {t.word for t in tokens if t.is_name and t.strong and not t.is_author}
    for token in tokens:  # repeats of a name found elsewhere in the text
        if token.word in strong and not token.is_author:
            token.is_name = True
    found = list(_people(text, people))
    found += [
        _finding(text, start, end, FindingKind.NAME)
        for start, end in _merge_runs(text, [t for t in tokens if t.is_name and not t.is_author])
        if not {part.casefold() for part in text[start:end].split()} <= own
    ]
    return [f for f in found if f.text.casefold() not in own]


def _is_after_honorific(text: str, start: int) -> bool:
    window = text[max(0, start - 12):start]
    # The suffix test is necessary for the pattern and much cheaper, so it runs first.
    return window.rstrip().endswith(_HONORIFIC_ENDS) and _HONORIFIC.search(window) is not None


def _classify(text: str, token: _Token, lists: NameLists) -> None:
    word = token.word.casefold()
    if word in _CITED_AUTHORS and not token.after_honorific:
        token.is_author = True
        return
    if token.after_honorific:
        token.is_name = token.strong = True
        return
    if word in _STOP_WORDS or word in _CONCEPT_WORDS or word not in lists.first_names:
        return
    if word in _PLACE_NAMES and _PLACE_PREPOSITION.search(text[max(0, token.start - 12):
                                                               token.start]):
        return
    if word in lists.ambiguous or word in lists.ordinary:
        token.is_name = token.strong = not token.sentence_start
        return
    token.is_name = token.strong = True


def _extend_to_surnames(text: str, tokens: list[_Token], lists: NameLists) -> None:
    for index, token in enumerate(tokens[:-1]):
        following = tokens[index + 1]
        gap = text[token.end:following.start]
        if gap != " " or following.word.casefold() in _STOP_WORDS:
            continue
        if following.word.casefold() in _GENERIC_SERVICE_WORDS:
            continue
        first_is_name = token.is_name or (
            token.word.casefold() in lists.first_names and token.word.casefold() not in _STOP_WORDS
        )
        if token.word.casefold() in _CONCEPT_WORDS and following.word.casefold() in lists.ordinary:
            continue
        if first_is_name and (following.is_name or following.word.casefold() not in lists.ordinary
                              or not following.sentence_start):
            token.is_name = token.strong = True
            following.is_name = following.strong = True


def _mark_authors(text: str, tokens: list[_Token]) -> None:
    runs: list[list[_Token]] = []
    for token in tokens:
        if runs and text[runs[-1][-1].end:token.start] == " ":
            runs[-1].append(token)
        else:
            runs.append([token])
    # Only runs holding a name (or a repeat of one) can change the findings.
    named = {t.word for t in tokens if t.is_name}
    for run in runs:
        if not any(t.word in named for t in run):
            continue
        start, end = run[0].start, run[-1].end
        known = any(t.is_author for t in run)
        cited = ((len(run) == 1 and known)
                 or (known and _AUTHOR_TOPIC_BEFORE.search(text[max(0, start - 12):start]))
                 or _AUTHOR_AFTER.match(text[end:end + 40]) is not None
                 or _AUTHOR_BEFORE.search(text[max(0, start - 30):start]) is not None)
        for token in run:
            token.is_author = cited and not any(t.after_honorific for t in run)


def _merge_runs(text: str, tokens: Iterable[_Token]) -> Iterator[tuple[int, int]]:
    current: tuple[int, int] | None = None
    for token in tokens:
        if current and text[current[1]:token.start] == " ":
            current = (current[0], token.end)
            continue
        if current:
            yield current
        current = (token.start, token.end)
    if current:
        yield current


def _people(text: str, people: Sequence[str]) -> Iterator[Finding]:
    names = sorted({name.strip() for name in people if name.strip()}, key=len, reverse=True)
    parts = sorted({part for name in names for part in name.split() if len(part) > 2}
                   - set(names), key=len, reverse=True)
    if not names:
        return
    pattern = re.compile(
        r"(?<![\w'’])(?:" + "|".join(re.escape(n) for n in (*names, *parts)) + r")(?![\w])",
        re.IGNORECASE,
    )
    for match in pattern.finditer(text):
        if match.group()[0].isupper():
            yield _finding(text, match.start(), match.end(), FindingKind.NAME)


def _resolve_overlaps(found: list[Finding]) -> list[Finding]:
    kept: list[Finding] = []
    for finding in sorted(found, key=lambda f: (_PRIORITY[f.kind], -(f.end - f.start), f.start)):
        if all(finding.end <= other.start or finding.start >= other.end for other in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: f.start)


# --------------------------------------------------------------------------- stored findings

#: Bump whenever a rule changes, so findings stored in journals are computed again.
DETECTOR_VERSION = 1
#: The fields of an entry that are checked, in the order stored findings list them.
CHECKED_FIELDS = ("title", "body")


def findings_key(title: str, body: str, people: Sequence[str], own_names: Sequence[str]) -> str:
    """Return what stored findings of an entry are valid for: its text, the lists and rules.

    Args:
        title: The entry's title.
        body: The entry's body.
        people: The user's "people I support" list.
        own_names: The user's own names.
    """
    digest = _lists_digest(tuple(people), tuple(own_names)).copy()
    for text in (title, body):
        digest.update(b"\0" + text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@functools.lru_cache(maxsize=8)
def _lists_digest(people: tuple[str, ...], own_names: tuple[str, ...]) -> hashlib._Hash:
    lists = json.dumps([DETECTOR_VERSION, list(people), list(own_names)], ensure_ascii=False)
    return hashlib.sha256(lists.encode("utf-8"))


def find_in_fields(
    title: str, body: str, *, people: Sequence[str] = (), own_names: Sequence[str] = ()
) -> list[tuple[str, Finding]]:
    """Return (field name, finding) for a title and body, before any "ignore" list."""
    return [(name, finding) for name, text in zip(CHECKED_FIELDS, (title, body), strict=True)
            for finding in find_identifiers(text, people=people, own_names=own_names)]


def encode_findings(found: Iterable[tuple[str, Finding]]) -> str:
    """Return findings of one entry as compact JSON (offsets and kinds, never the text)."""
    return json.dumps([[CHECKED_FIELDS.index(name), f.start, f.end, f.kind.value]
                       for name, f in found], separators=(",", ":"))


def stored_findings(
    title: str, body: str, people: Sequence[str], own_names: Sequence[str]
) -> tuple[str, str]:
    """Return an entry's findings key and its encoded findings, ready to store."""
    found = find_in_fields(title, body, people=people, own_names=own_names)
    return findings_key(title, body, people, own_names), encode_findings(found)


def decode_findings(stored: str, title: str, body: str) -> list[tuple[str, Finding]]:
    """Rebuild the findings ``encode_findings`` stored, from the entry's title and body."""
    texts = (title, body)
    return [(CHECKED_FIELDS[index], _finding(texts[index], start, end, FindingKind(kind)))
            for index, start, end, kind in json.loads(stored)]


# --------------------------------------------------------------------------- redaction

_LABELS = {
    FindingKind.NHS_NUMBER: "[NHS number]", FindingKind.PHONE: "[phone]",
    FindingKind.EMAIL: "[email]", FindingKind.POSTCODE: "[postcode]",
    FindingKind.DATE_OF_BIRTH: "[date of birth]", FindingKind.ADDRESS: "[address]",
    FindingKind.WARD_OR_SERVICE: "[ward or service]", FindingKind.OTHER: "[detail removed]",
}


def _letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = string.ascii_uppercase[rest] + letters
    return letters


@dataclass(slots=True)
class Redactor:
    """Placeholders that stay consistent across a whole export.

    The same person is "[Person A]" in every entry: a name is matched to an earlier one by
    its full text or by any word of it ("Kerry" after "Kerry Tanner").
    """

    _people: dict[str, str] = field(default_factory=dict)

    def placeholder(self, finding: Finding) -> str:
        """Return the placeholder for one finding, allotting a new letter to a new person."""
        if finding.kind is not FindingKind.NAME:
            return _LABELS[finding.kind]
        key = finding.text.casefold()
        parts = key.split()
        for known_part in (key, *parts):
            if known_part in self._people:
                label = self._people[known_part]
                break
        else:
            label = f"[Person {_letters(len(set(self._people.values())))}]"
        for part in (key, *parts):
            self._people.setdefault(part, label)
        return label

    def redact(self, text: str, findings: Sequence[Finding]) -> str:
        """Return ``text`` with every finding replaced by its placeholder."""
        pieces: list[str] = []
        last = 0
        for finding in sorted(findings, key=lambda f: f.start):
            if finding.start < last:
                continue
            pieces.append(text[last:finding.start])
            pieces.append(self.placeholder(finding))
            last = finding.end
        pieces.append(text[last:])
        return "".join(pieces)


def redact(text: str, findings: Sequence[Finding], placeholders: Redactor | None = None) -> str:
    """Replace findings in ``text`` with placeholders.

    Args:
        text: The field the findings were found in.
        findings: Findings of ``find_identifiers`` on that same text.
        placeholders: A Redactor shared by a whole export; a fresh one when None.
    """
    return (placeholders or Redactor()).redact(text, findings)
