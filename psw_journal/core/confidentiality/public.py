"""Capitalised words that name no one the writer supports: public figures, faith, places, titles.

Reflective writing cites authors and public figures ("Brené Brown writes", "Stormzy spoke
about depression"), festivals and deities, historic places and landmarks ("Hadrian's Wall",
"Auschwitz"), charities, medicines and brands. Two hand-written lists in ``namedata/`` hold
those that are general knowledge (``public_figures.txt`` and ``proper_terms.txt``); shapes
catch the rest: a public title before a name ("Prince Harry", "Guru Nanak", "St Brigid"), a
landmark word after one ("Tintern Abbey", "Grenfell Tower") or before one ("Mount Snowdon"),
and day and month abbreviations ("Tues", "Sept").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

from psw_journal.core.confidentiality.lexicon import fold


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Titles before the name of a public or religious figure, never of a person supported.
PUBLIC_TITLES = _words("""
prince princess king queen lord lady sir dame pope guru prophet saint st st. president
archbishop bishop emperor empress sultan
""")
#: Words after a name that make it a place: "Tintern Abbey", "Hadrian's Wall", "Robben Island".
LANDMARK_AFTER = _words("""
abbey castle cathedral minster priory palace tower towers bridge island islands isle wall
valley path way forest moor moors district beacons hills mountains mountain peak pike fell
falls gorge bay estuary loch lough lake river canal downs heath common marshes gardens
museum gallery memorial monument stadium arena square circus docks pier
""")
#: Words before a name that make it a place: "Mount Snowdon", "Lake Windermere".
LANDMARK_BEFORE = _words("mount lake loch lough river isle cape")
#: Day and month abbreviations. "Jan" and "May" are given names too: a name only with a cue.
DATE_ABBREVIATIONS = _words("""
mon tue tues weds wed thu thur thurs fri sat sun
jan feb mar apr jun jul aug sep sept oct nov dec
""")
#: Endings of medicine names ("Sertraline", "Olanzapine"): checked only on words that are no
#: known first name.
_MEDICINE = re.compile(
    r"(?:azepine|apine|oxetine|aline|faxine|pramine|triptyline|azepam|azolam|olol|prazole"
    r"|statin|iclone|peridol|idone|zodone|xetine|pentin|gabalin|trigine|amate|proate"
    r"|phetamine|phenidate|azine|sartan|cillin|mycin|oxacin|prazine|penthixol)$"
)
_FOLLOWING = re.compile(r"(?:\s+|\s*-\s*)([^\W\d_][\w'’.-]*)")


@dataclass(frozen=True, slots=True)
class PublicLists:
    """The two hand-written lists, split into single words and phrases by their first word."""

    single: frozenset[str]
    phrases: dict[str, tuple[tuple[str, ...], ...]]
    people_phrases: frozenset[tuple[str, ...]]


@functools.cache
def public_lists() -> PublicLists:
    """Load ``public_figures.txt`` and ``proper_terms.txt`` (cached)."""
    folder = resources.files("psw_journal.core") / "namedata"
    people = _entries((folder / "public_figures.txt").read_text(encoding="utf-8"))
    terms = _entries((folder / "proper_terms.txt").read_text(encoding="utf-8"))
    single = frozenset(w for e in (*people, *terms) if len(e) == 1
                       for w in (e[0], e[0].removesuffix("'s")))
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for entry in (e for e in (*people, *terms) if len(e) > 1):
        phrases.setdefault(entry[0], []).append(entry[1:])
    return PublicLists(
        single,
        {k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()},
        frozenset(e for e in people if len(e) > 1),
    )


def _entries(text: str) -> list[tuple[str, ...]]:
    return [tuple(fold(w) for w in line.split()) for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


def is_medicine(folded: str) -> bool:
    """Tell whether a word has the ending of a medicine's name."""
    return len(folded) > 6 and _MEDICINE.search(folded) is not None


def match_phrase(text: str, start: int, end: int, folded: str) -> tuple[int, bool] | None:
    """Return where a listed phrase starting with the word ``text[start:end]`` ends.

    Args:
        text: The field.
        start: Where the first word starts.
        end: Where the first word ends.
        folded: The first word, folded.

    Returns:
        The end of the longest listed phrase and whether it names a person, or None.
    """
    lists = public_lists()
    if text.startswith(("'s", "’s"), end) and f"{folded}'s" in lists.phrases:
        folded, end = f"{folded}'s", end + 2  # "Andy's Man Club"
    for rest in lists.phrases.get(folded, ()):
        position = end
        for word in rest:
            match = _FOLLOWING.match(text, position)
            if match is None:
                break
            found = match.group(1).rstrip(".")
            found = found[:-2] if found.endswith(("'s", "’s")) and not word.endswith("'s") \
                else found
            if fold(found).replace("’", "'") != word:
                break
            position = match.start(1) + len(found)
        else:
            return position, (folded, *rest) in lists.people_phrases
    return None


def last_words(phrases: Iterable[str]) -> set[str]:
    """Return the folded last word of each matched phrase naming a person."""
    return {fold(p.split()[-1]).removesuffix("'s") for p in phrases if " " in p}
