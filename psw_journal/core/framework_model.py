"""The competence framework as a typed, read-only model: frozen dataclasses, lookups by id.

:mod:`psw_journal.core.framework` builds it from ``data/framework.json`` after validating the
file, and re-exports every name here; import them from there.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeAlias

PRINCIPLE_IDS: tuple[str, ...] = (
    "mutual",
    "reciprocal",
    "non_directive",
    "recovery_focused",
    "strengths_based",
    "inclusive",
    "progressive",
    "safe",
)


@dataclass(frozen=True, slots=True)
class ListItem:
    """One item of a list under a competence statement, with its own sub-items."""

    text: str
    items: tuple[ListItem, ...] = ()


@dataclass(frozen=True, slots=True)
class Competence:
    """A single competence statement with its list, reflective prompts and cue words."""

    id: str
    statement: str
    heading: str | None
    items: tuple[ListItem, ...]
    prompts: tuple[str, ...]
    cues: tuple[str, ...]
    area_id: str
    domain_id: str


@dataclass(frozen=True, slots=True)
class Area:
    """A group of competences within a domain (for example "Core relational skills")."""

    id: str
    name: str
    description: str
    reference: str
    competences: tuple[Competence, ...]
    domain_id: str


@dataclass(frozen=True, slots=True)
class Domain:
    """A top-level domain of the framework; it may have no areas yet."""

    id: str
    name: str
    description: str
    areas: tuple[Area, ...]
    #: The employing organisation's competences, not the peer support worker's own.
    is_organisational: bool = False


@dataclass(frozen=True, slots=True)
class Principle:
    """One of the eight core principles of peer support."""

    id: str
    name: str
    definition: str
    description: str
    details: tuple[str, ...]
    prompts: tuple[str, ...]
    cues: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CodeOfConduct:
    """The peer support worker code of conduct: terms, duties and what a PSW can expect."""

    definitions: tuple[str, ...] = ()
    duties: tuple[str, ...] = ()
    expectations: tuple[str, ...] = ()


Node: TypeAlias = Domain | Area | Competence | Principle


@dataclass(frozen=True, slots=True)
class Framework:
    """A whole competence framework with constant-time lookups by id.

    ``competences`` and ``areas`` are flat tuples in framework order, built once when
    the object is created, as are the private id indexes behind the lookups.
    """

    id: str
    version: str
    title: str
    source_name: str
    attribution: str
    domains: tuple[Domain, ...]
    principles: tuple[Principle, ...]
    lean_toward: tuple[str, ...]
    lean_away_from: tuple[str, ...]
    code_of_conduct: CodeOfConduct
    source_documents: tuple[str, ...] = ()
    areas: tuple[Area, ...] = field(init=False, repr=False, compare=False)
    competences: tuple[Competence, ...] = field(init=False, repr=False, compare=False)
    #: The worker's own competences: those coverage totals and gap prompts are about.
    psw_competences: tuple[Competence, ...] = field(init=False, repr=False, compare=False)
    #: The employing organisation's competences (shown apart).
    organisational_competences: tuple[Competence, ...] = field(
        init=False, repr=False, compare=False
    )
    _domain_index: dict[str, Domain] = field(init=False, repr=False, compare=False)
    _area_index: dict[str, Area] = field(init=False, repr=False, compare=False)
    _competence_index: dict[str, Competence] = field(init=False, repr=False, compare=False)
    _principle_index: dict[str, Principle] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Build the flat tuples and the id indexes."""
        areas = tuple(area for domain in self.domains for area in domain.areas)
        competences = tuple(competence for area in areas for competence in area.competences)
        object.__setattr__(self, "areas", areas)
        object.__setattr__(self, "competences", competences)
        employer = {domain.id for domain in self.domains if domain.is_organisational}
        object.__setattr__(self, "psw_competences",
                           tuple(c for c in competences if c.domain_id not in employer))
        object.__setattr__(self, "organisational_competences",
                           tuple(c for c in competences if c.domain_id in employer))
        object.__setattr__(self, "_domain_index", {node.id: node for node in self.domains})
        object.__setattr__(self, "_area_index", {node.id: node for node in areas})
        object.__setattr__(self, "_competence_index", {node.id: node for node in competences})
        object.__setattr__(self, "_principle_index", {node.id: node for node in self.principles})

    def domain(self, domain_id: str) -> Domain:
        """Return the domain with this id; raise KeyError if there is none."""
        return self._domain_index[domain_id]

    def area(self, area_id: str) -> Area:
        """Return the area with this id; raise KeyError if there is none."""
        return self._area_index[area_id]

    def competence(self, competence_id: str) -> Competence:
        """Return the competence with this id; raise KeyError if there is none."""
        return self._competence_index[competence_id]

    def principle(self, principle_id: str) -> Principle:
        """Return the principle with this id; raise KeyError if there is none."""
        return self._principle_index[principle_id]

    def find_competence(self, competence_id: str) -> Competence | None:
        """Return the competence with this id, or None if this framework lacks it."""
        return self._competence_index.get(competence_id)

    def find_principle(self, principle_id: str) -> Principle | None:
        """Return the principle with this id, or None if this framework lacks it."""
        return self._principle_index.get(principle_id)

    def has_competence(self, competence_id: str) -> bool:
        """Return whether this framework has a competence with this id."""
        return competence_id in self._competence_index

    def has_principle(self, principle_id: str) -> bool:
        """Return whether this framework has a principle with this id."""
        return principle_id in self._principle_index

    def walk(self) -> Iterator[Node]:
        """Yield every domain, area and competence in framework order, then the principles."""
        for domain in self.domains:
            yield domain
            for area in domain.areas:
                yield area
                yield from area.competences
        yield from self.principles

    def full_text(self, competence: Competence | str) -> str:
        """Return a competence's statement and all its item texts, one per line.

        Args:
            competence: The competence, or its id (KeyError if this framework lacks it).
        """
        if isinstance(competence, str):
            competence = self.competence(competence)
        return "\n".join((competence.statement, *_item_texts(competence.items)))


def _item_texts(items: Iterable[ListItem]) -> Iterator[str]:
    """Yield the texts of list items and their sub-items, depth first."""
    for item in items:
        yield item.text
        yield from _item_texts(item.items)
