"""Check the competence and principle ids given to ``add``, suggesting the ones meant."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from psw_journal.core.errors import InvalidInput
from psw_journal.core.framework import Framework

#: How many ids "did you mean" offers.
SUGGESTED = 3


def check_link_ids(framework: Framework, competences: Sequence[str],
                   principles: Sequence[str]) -> None:
    """Raise InvalidInput naming every id the framework lacks, with the likely ones meant.

    Args:
        framework: The framework the ids must belong to.
        competences: The ids given with --competence.
        principles: The ids given with --principle.
    """
    problems = [
        _unknown("competence", given, [c.id for c in framework.competences],
                 {c.id: c.statement for c in framework.competences})
        for given in competences if not framework.has_competence(given)
    ] + [
        _unknown("principle", given, [p.id for p in framework.principles],
                 {p.id: p.name for p in framework.principles})
        for given in principles if not framework.has_principle(given)
    ]
    if problems:
        raise InvalidInput(" ".join(problems) + " Nothing was added; `psw-journal coverage` "
                           "lists every id.")


def likely_ids(given: str, ids: Sequence[str], names: dict[str, str]) -> list[str]:
    """Return the ids most likely meant by a mistyped id, a name or a word of a statement."""
    folded = given.strip().casefold().replace("-", "_").replace(" ", "_")
    exact = [i for i in ids if names[i].casefold().replace("-", "_").replace(" ", "_") == folded]
    close = difflib.get_close_matches(folded, ids, n=SUGGESTED, cutoff=0.6)
    words = [i for i in ids if folded and (folded in i or folded.replace("_", " ")
                                           in names[i].casefold())]
    return list(dict.fromkeys([*exact, *close, *words]))[:SUGGESTED]


def _unknown(kind: str, given: str, ids: Sequence[str], names: dict[str, str]) -> str:
    meant = likely_ids(given, ids, names)
    message = f"Unknown {kind} id {given!r}."
    if meant:
        message += f" Did you mean {_either(meant)}?"
    return message


def _either(ids: Iterable[str]) -> str:
    quoted = [repr(i) for i in ids]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
