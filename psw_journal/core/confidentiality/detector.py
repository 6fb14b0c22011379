"""One detector for every field that leaves the app.

Prose (titles, bodies, section text, quotes, evidence notes) goes through
:func:`find_identifiers`, tags through :func:`find_in_tag`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence

from psw_journal.core.confidentiality import lexicon, public
from psw_journal.core.confidentiality.kinds import (
    Finding,
    FindingKind,
    make_finding,
    resolve_overlaps,
)
from psw_journal.core.confidentiality.lexicon import fold
from psw_journal.core.confidentiality.morphology import is_formed
from psw_journal.core.confidentiality.names import find_names
from psw_journal.core.confidentiality.services import find_services
from psw_journal.core.confidentiality.structured import find_structured

# A jrnl tag inside prose written in lower case ("@sam", "@placement"); "@Sam" is a name token.
_INLINE_TAG = re.compile(r"(?<![\w@.])@([^\W\d_A-Z][\w'’-]*)")
_TAG_PARTS = re.compile(r"[-_\s./]+")
_VOWELS = frozenset("aeiouy")


def find_identifiers(
    text: str,
    *,
    people: Sequence[str] = (),
    own_names: Sequence[str] = (),
    ignore: Collection[str] = (),
) -> list[Finding]:
    """Find details in ``text`` that could identify a person.

    Args:
        text: Any prose that may leave the app: a title, body, section text, quote or note.
        people: The user's private list of people they support; always reported.
        own_names: The user's own names, never reported (the author's name is on the title
            page anyway).
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
    found = find_structured(text)
    found += find_services(text)
    found += find_names(text, people, own_names)
    if "@" in text:
        found += [make_finding(text, m.start(1), m.end(1), FindingKind.NAME)
                  for m in _INLINE_TAG.finditer(text)
                  if find_in_tag(m.group(1), people=people, own_names=own_names)]
    return tuple(resolve_overlaps(found))


def find_in_tag(
    tag: str,
    *,
    people: Sequence[str] = (),
    ignore: Collection[str] = (),
    own_names: Sequence[str] = (),
) -> Finding | None:
    """Tell whether a tag names a person; tags arrive lower-cased from jrnl (``@Sam`` -> ``sam``).

    A tag is a name when it is (a part of) someone on the "people I support" list, a known
    first name that is not an ordinary word, or a word that is no ordinary word, place, known
    term or abbreviation. ``placement``, ``self-care`` and ``wellbeing`` are not names; the
    user's own names never are.

    Args:
        tag: One tag as stored, with or without a leading ``@``.
        people: The user's private list of people they support.
        ignore: Texts the user marked "not identifying" (compared case-insensitively).
        own_names: The user's own names.

    Returns:
        A NAME finding spanning the whole tag, or None.
    """
    word = tag.strip().lstrip("@")
    folded = fold(word)[:200]  # a tag is a label: no name runs on for longer
    if not folded or tag.casefold() in {item.casefold() for item in ignore} \
            or word.casefold() in {item.casefold() for item in ignore}:
        return None
    own = {fold(part) for name in own_names for part in name.split()}
    whole_own = {fold(name).replace(" ", "") for name in own_names}
    if folded in own or folded.replace("-", "") in whole_own:
        return None
    people_parts = {fold(part) for name in people for part in (name, *name.split())
                    if len(part) > 1}
    parts = [p for p in _TAG_PARTS.split(re.sub(r"\d+", " ", folded)) if p]
    if folded in people_parts or any(p in people_parts for p in parts):
        return Finding(0, len(tag), FindingKind.NAME, tag)
    if parts and any(_is_name_part(p) for p in parts if p not in own):
        return Finding(0, len(tag), FindingKind.NAME, tag)
    return None


def _is_name_part(part: str) -> bool:
    lists = lexicon.name_lists()
    known = (part in lists.ordinary or part in lists.places or part in lexicon.STOP_WORDS
             or part in lexicon.PROPER_NON_PERSON or part in lexicon.CITED_AUTHORS
             or part in lexicon.CONCEPT_WORDS or part in public.public_lists().single
             or part in public.DATE_ABBREVIATIONS)
    if part in lists.first_names:
        # A tag is a label: "sam" or "florence" is more likely a person than a place.
        return not (known and part not in lists.places) and part not in lists.ambiguous
    if not part.isascii():
        return not known
    if known or len(part) < 3 or not _VOWELS & set(part):  # "cbt", "jrnl": abbreviations
        return False
    if public.is_medicine(part) or is_formed(part, lists.ordinary):  # "sertraline"
        return False
    # "selfcare", "carersweek": two ordinary words run together.
    words = lists.ordinary | lists.places | lexicon.PROPER_NON_PERSON
    return not any(part[:i] in words and part[i:] in words for i in range(2, len(part) - 1))
