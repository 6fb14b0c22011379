"""Coverage: which competences and principles the journal evidences, and how well.

The input is the journal's links aggregated per target (``TargetTally``, what an SQL
``GROUP BY`` returns: distinct entries and the latest day). The output is a frozen
``Coverage``: every competence and principle of the framework with its count of distinct
entries and last date (zeros included), roll-ups per area and domain, and the linked ids this
framework does not know, which are listed apart and never dropped. The employing
organisation's competences are counted apart (``organisational``): they are not the worker's
to evidence, so totals and prompts leave them out.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field

from psw_journal.core.framework import Framework

#: An entry count at or above this makes a competence "well evidenced".
WELL_EVIDENCED_DEFAULT = 2


class TargetKind(enum.StrEnum):
    """What a link points at."""

    COMPETENCE = "competence"
    PRINCIPLE = "principle"


@dataclass(frozen=True, slots=True)
class CoverageWindow:
    """The days whose entries count: both ends included, None meaning open-ended."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None

    @classmethod
    def all_time(cls) -> CoverageWindow:
        """Return the window holding every entry."""
        return cls()

    @classmethod
    def last_months(cls, months: int, today: dt.date) -> CoverageWindow:
        """Return the window of the last ``months`` calendar months up to and including today.

        Args:
            months: How many months back to start (3 for "last 3 months").
            today: The reference date; the window ends on it.
        """
        return cls(subtract_months(today, months), today)

    def contains(self, day: dt.date) -> bool:
        """Tell whether a day falls inside the window."""
        if self.date_from is not None and day < self.date_from:
            return False
        return self.date_to is None or day <= self.date_to

    @property
    def is_all_time(self) -> bool:
        """Tell whether the window is open at both ends."""
        return self.date_from is None and self.date_to is None


@dataclass(frozen=True, slots=True)
class TargetTally:
    """Entries linked to one target: how many distinct ones, and the latest day."""

    kind: str
    target_id: str
    count: int
    last_date: dt.date | None


@dataclass(frozen=True, slots=True)
class CompetenceCoverage:
    """How often a competence is evidenced."""

    id: str
    area_id: str
    domain_id: str
    count: int
    last_date: dt.date | None


@dataclass(frozen=True, slots=True)
class PrincipleCoverage:
    """How often a principle is linked."""

    id: str
    name: str
    count: int
    last_date: dt.date | None


@dataclass(frozen=True, slots=True)
class GroupCoverage:
    """Roll-up of an area or a domain: how many of its competences are evidenced."""

    id: str
    name: str
    total: int
    evidenced: int
    well_evidenced: int

    @property
    def share_evidenced(self) -> float:
        """Return the share (0-1) evidenced at least once; 0 for an empty group."""
        return self.evidenced / self.total if self.total else 0.0

    @property
    def share_well_evidenced(self) -> float:
        """Return the share (0-1) evidenced at least the threshold number of times."""
        return self.well_evidenced / self.total if self.total else 0.0

    def describe(self) -> str:
        """Return the roll-up in words, e.g. "3 of 7 evidenced"."""
        if not self.total:
            return "no competences listed yet"
        return f"{self.evidenced} of {self.total} evidenced"


@dataclass(frozen=True, slots=True)
class UnknownTarget:
    """A linked id that this framework does not have ("not in this framework")."""

    kind: str
    target_id: str
    count: int
    last_date: dt.date | None


@dataclass(frozen=True, slots=True)
class Coverage:
    """Coverage of a whole framework in one window.

    ``competences`` (the worker's own), ``organisational`` (the employer's) and
    ``principles`` follow framework order and include zeros; ``areas`` and ``domains`` too
    (domains without areas have a total of 0).
    """

    window: CoverageWindow
    well_evidenced_at: int
    competences: tuple[CompetenceCoverage, ...]
    areas: tuple[GroupCoverage, ...]
    domains: tuple[GroupCoverage, ...]
    principles: tuple[PrincipleCoverage, ...]
    unknown: tuple[UnknownTarget, ...]
    organisational: tuple[CompetenceCoverage, ...] = ()
    _competence_index: dict[str, CompetenceCoverage] = field(
        init=False, repr=False, compare=False
    )
    _principle_index: dict[str, PrincipleCoverage] = field(init=False, repr=False, compare=False)
    _group_index: dict[str, GroupCoverage] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Build the id indexes."""
        object.__setattr__(self, "_competence_index",
                           {c.id: c for c in (*self.competences, *self.organisational)})
        object.__setattr__(self, "_principle_index", {p.id: p for p in self.principles})
        groups = {g.id: g for g in (*self.domains, *self.areas)}
        object.__setattr__(self, "_group_index", groups)

    def competence(self, competence_id: str) -> CompetenceCoverage:
        """Return one competence's coverage; KeyError if the framework lacks it."""
        return self._competence_index[competence_id]

    def principle(self, principle_id: str) -> PrincipleCoverage:
        """Return one principle's coverage; KeyError if the framework lacks it."""
        return self._principle_index[principle_id]

    def group(self, group_id: str) -> GroupCoverage:
        """Return an area's or a domain's roll-up; KeyError if there is none."""
        return self._group_index[group_id]

    @property
    def evidenced_count(self) -> int:
        """Return how many of the worker's own competences are evidenced at least once."""
        return sum(1 for c in self.competences if c.count)

    @property
    def total(self) -> int:
        """Return how many competences are the worker's own (the "of 77" in "5 of 77")."""
        return len(self.competences)


def subtract_months(day: dt.date, months: int) -> dt.date:
    """Return the same day ``months`` calendar months earlier, clamped to the month's end."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for last_day in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise ValueError(f"cannot go {months} months back from {day}")  # pragma: no cover


def build_coverage(
    framework: Framework,
    tallies: Iterable[TargetTally],
    window: CoverageWindow = CoverageWindow(),
    well_evidenced_at: int = WELL_EVIDENCED_DEFAULT,
) -> Coverage:
    """Compute coverage from per-target tallies already limited to ``window``.

    Args:
        framework: The framework whose competences and principles are covered.
        tallies: At most one tally per (kind, target_id); repeated ones are summed.
        window: The window the tallies were counted in (kept on the result).
        well_evidenced_at: The count from which a competence is "well evidenced".

    Returns:
        The coverage, with every competence and principle of the framework.
    """
    merged = _merge(tallies)
    every = tuple(
        CompetenceCoverage(
            c.id, c.area_id, c.domain_id, *_count_and_last(merged, "competence", c.id)
        )
        for c in framework.competences
    )
    by_id = {c.id: c for c in every}
    areas = tuple(
        _group(area.id, area.name, [by_id[c.id] for c in area.competences], well_evidenced_at)
        for area in framework.areas
    )
    domains = tuple(
        _group(
            domain.id,
            domain.name,
            [by_id[c.id] for area in domain.areas for c in area.competences],
            well_evidenced_at,
        )
        for domain in framework.domains
    )
    principles = tuple(
        PrincipleCoverage(p.id, p.name, *_count_and_last(merged, "principle", p.id))
        for p in framework.principles
    )
    unknown = tuple(
        UnknownTarget(kind, target_id, count, last)
        for (kind, target_id), (count, last) in sorted(merged.items())
        if not _is_known(framework, kind, target_id)
    )
    return Coverage(
        window, well_evidenced_at, tuple(by_id[c.id] for c in framework.psw_competences),
        areas, domains, principles, unknown,
        organisational=tuple(by_id[c.id] for c in framework.organisational_competences),
    )


def _merge(tallies: Iterable[TargetTally]) -> dict[tuple[str, str], tuple[int, dt.date | None]]:
    """Index tallies by (kind, target_id), summing any repeats."""
    merged: dict[tuple[str, str], tuple[int, dt.date | None]] = {}
    for tally in tallies:
        key = (str(tally.kind), tally.target_id)
        count, last = merged.get(key, (0, None))
        dates = [d for d in (last, tally.last_date) if d is not None]
        merged[key] = (count + tally.count, max(dates) if dates else None)
    return merged


def _count_and_last(
    merged: dict[tuple[str, str], tuple[int, dt.date | None]], kind: str, target_id: str
) -> tuple[int, dt.date | None]:
    return merged.get((kind, target_id), (0, None))


def _group(
    group_id: str, name: str, members: list[CompetenceCoverage], well_evidenced_at: int
) -> GroupCoverage:
    return GroupCoverage(
        id=group_id,
        name=name,
        total=len(members),
        evidenced=sum(1 for m in members if m.count >= 1),
        well_evidenced=sum(1 for m in members if m.count >= well_evidenced_at),
    )


def _is_known(framework: Framework, kind: str, target_id: str) -> bool:
    if kind == TargetKind.COMPETENCE:
        return framework.has_competence(target_id)
    if kind == TargetKind.PRINCIPLE:
        return framework.has_principle(target_id)
    return False
