"""Named local services, groups and wards.

"Riverside Hearing Voices Group", "Abbey Road CMHT", "Ward 7" are found; generic ones ("the
crisis team", "the CMHT") identify nobody and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from psw_journal.core.confidentiality import lexicon, public
from psw_journal.core.confidentiality.kinds import Finding, FindingKind, make_finding


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_HEADS = (
    "Ward|Hospital|Unit|House|Centre|Center|Clinic|Service|Services|Team|Surgery|Practice"
    "|Lodge|Suite|College|Hostel|Project|Hub|Café|Cafe|Club|Clubhouse|Trust|Infirmary|Group"
    "|Groups|Shed|Drop-In|Drop-in|Sanctuary|Mind|Network|Bank|Pantry|Kitchen|Garden|Gardens"
    "|Allotment|Allotments|Home|Court|Resource|Place|Haven|Retreat"
    "|CMHT|CRHT|HTT|EIS|EIP|CAMHS|PICU|IAPT|CRT"
)
#: A service needs one of its heads; texts without any skip the (slower) full pattern.
_HEAD = re.compile(rf"(?:{_HEADS})\b")
_SERVICE = re.compile(
    r"(?:\b(?:St|St\.|Saint)\s+)?(?:\b[A-Z][\w'’-]*\s+){1,4}"
    rf"(?:{_HEADS})\b"
)
# "Ward 7", "Unit 3B", "Bay 4": a numbered ward names a place as surely as a named one.
_NUMBERED = re.compile(r"\b(?:Ward|Unit|Bay|Villa|Block)\s+\d{1,3}[A-Z]?\b")
# Words that only describe a kind of service ("Community Mental Health Team") identify nobody.
_GENERIC = _words("""
the a an our my their his her this that your at in on to from of and for with by
community mental health crisis home treatment early intervention day acute psychiatric
inpatient in-patient outpatient recovery peer support local general district royal adult adults
older people assessment liaison rehab rehabilitation secure forensic drug drugs alcohol eating
disorder disorders perinatal mother baby children's child young youth camhs nhs trust
hospital hospitals ward wards unit units service services team teams centre center clinic
house college hub project café cafe club clubhouse access wellbeing well-being psychology
psychological therapy therapies talking iapt employment housing citizens advice job
jobcentre plus a&e emergency department gp out hours women's men's family families student
students county city borough council social care primary secondary specialist national new
old memory dementia learning disability disabilities autism lived experience personality
complex needs suite lodge hostel surgery practice infirmary health-based place safety
intensive picu dual diagnosis addiction addictions substance misuse next time reflection
supervision group groups hearing voices network carers carers' shed drop-in sanctuary mind
food bank pantry kitchen garden gardens allotment allotments art music walking running
football cooking gardening book reading writing cmht crht htt eis eip crt resource home
court haven retreat women men carer's parents bereavement anxiety depression psychosis
bipolar self-harm suicide prevention listening samaritans befriending volunteering
volunteer faith prayer church mosque temple gurdwara synagogue wellness
mutual reciprocal non-directive focused strengths based inclusive progressive safe
english british welsh scottish irish african caribbean asian european black minority ethnic
lgbt lgbtq lgbtq+ deaf blind refugee refugees asylum seekers migrant migrants
""")


def find_services(text: str) -> Iterator[Finding]:
    """Yield named services, groups and wards, each spanning its identifying name."""
    for match in _NUMBERED.finditer(text):
        yield make_finding(text, match.start(), match.end(), FindingKind.WARD_OR_SERVICE)
    if _HEAD.search(text) is None:
        return
    for match in _SERVICE.finditer(text):
        start, end = match.start(), match.end()
        words = text[start:end].split()
        # Leading words that start a sentence or are generic ("The", "At") are not part of it.
        while words and words[0].casefold() in _GENERIC - {"st"}:
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else end
            words = words[1:]
        distinctive = [w for w in words if w.casefold().strip("'’s") not in _GENERIC
                       and w.casefold() not in _GENERIC]
        if len(words) >= 2 and distinctive and not _is_title_or_known(text, match.start(),
                                                                      words, distinctive):
            yield make_finding(text, start, end, FindingKind.WARD_OR_SERVICE)


def _is_title_or_known(text: str, start: int, words: list[str], distinctive: list[str]) -> bool:
    """Tell a book title, a mind-state or a national body from a local service.

    "An Unquiet Mind" (an article capitalised inside a sentence opens a title), "Wise Mind"
    (a local Mind is named after its place: "Leeds Mind"), "Trussell Trust" (a listed
    organisation or landmark) are not local services.
    """
    opening = text[start:start + 4].split(" ")[0]
    before = text[:start].rstrip()
    if opening in ("A", "An", "The") and before and before[-1] not in ".!?:;\n\"“(*#-":
        return True
    folded = [lexicon.fold(w).removesuffix("'s").removesuffix("’s") for w in words]
    if folded[-1] == "mind":
        places = lexicon.name_lists().places
        return not any(lexicon.fold(w) in places for w in distinctive)
    # Only a whole listed name: "Lindisfarne CMHT" is local although Lindisfarne is listed.
    joined = " ".join(words)
    found = public.match_phrase(joined, 0, len(words[0]),
                                lexicon.fold(words[0]).replace("’", "'"))
    return found is not None and found[0] == len(joined)
