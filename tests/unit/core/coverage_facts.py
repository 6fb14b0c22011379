"""A reference computation of coverage from raw link facts, for the tests.

The app counts links with SQL (``persistence/coverage_queries.link_tallies``); these few lines
say the same thing in Python over ``(kind, target_id, entry_id, occurred_on)`` rows, so the
tests can state their cases plainly and check the SQL against them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from psw_journal.core.coverage import (
    WELL_EVIDENCED_DEFAULT,
    Coverage,
    CoverageWindow,
    TargetTally,
    build_coverage,
)
from psw_journal.core.framework import Framework

LinkFact = tuple[str, str, int, dt.date]


def tally_links(
    facts: Iterable[LinkFact], window: CoverageWindow = CoverageWindow()
) -> list[TargetTally]:
    """Aggregate link facts per target: distinct entries and the latest day, inside a window."""
    entries: dict[tuple[str, str], set[int]] = {}
    latest: dict[tuple[str, str], dt.date] = {}
    for kind, target_id, entry_id, occurred_on in facts:
        if not window.contains(occurred_on):
            continue
        key = (str(kind), target_id)
        entries.setdefault(key, set()).add(entry_id)
        if key not in latest or occurred_on > latest[key]:
            latest[key] = occurred_on
    return [TargetTally(kind, target_id, len(ids), latest[(kind, target_id)])
            for (kind, target_id), ids in entries.items()]


def coverage_from_facts(
    framework: Framework,
    facts: Iterable[LinkFact],
    window: CoverageWindow = CoverageWindow(),
    well_evidenced_at: int = WELL_EVIDENCED_DEFAULT,
) -> Coverage:
    """Compute coverage from raw link facts."""
    return build_coverage(framework, tally_links(facts, window), window, well_evidenced_at)
