"""Coursework briefs: the structure a piece starts from.

Two are built in: "The 8 principles" (a section per principle, its definition as guidance)
and "Competence areas" (a section per area of the framework a student is assessed on). A tutor
can also write a brief file in YAML (see ``data/example-brief.yaml``): a title, the total words,
a due date, and sections with a heading, guidance, words and what each must evidence.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from psw_journal.core.coursework import Coursework, Evidences, Section
from psw_journal.core.errors import InvalidInput
from psw_journal.core.framework import Framework

PRINCIPLES = "principles"
COMPETENCE_AREAS = "competence-areas"
BUILT_IN = (PRINCIPLES, COMPETENCE_AREAS)
MAX_BRIEF_BYTES = 256 * 1024
_SLUG = re.compile(r"[^a-z0-9]+")

_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["sections"],
    "additionalProperties": False,
    "properties": {
        "title": {"type": "string"},
        "words": {"type": "integer", "minimum": 1},
        "due": {"type": ["string", "null"]},
        "sections": {
            "type": "array",
            "minItems": 1,
            "maxItems": 100,
            "items": {
                "type": "object",
                "required": ["heading"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "minLength": 1, "maxLength": 80},
                    "heading": {"type": "string", "minLength": 1, "maxLength": 300},
                    "guidance": {"type": "string"},
                    "words": {"type": "integer", "minimum": 1},
                    "evidences": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "principles": {"type": "array", "items": {"type": "string"}},
                            "competences": {"type": "array", "items": {"type": "string"}},
                        },
                    },
                },
            },
        },
    },
}


@dataclass(frozen=True, slots=True)
class Brief:
    """What a coursework piece is asked to be."""

    name: str
    title: str
    sections: tuple[Section, ...]
    total_words: int | None = None
    due: dt.date | None = None

    def new_piece(self, title: str | None = None) -> Coursework:
        """Return a new, empty piece with this brief's sections."""
        return Coursework(id=None, title=title or self.title, sections=self.sections,
                          brief=self.name, total_words=self.total_words,
                          due=self.due).validated()


def built_in_brief(name: str, framework: Framework) -> Brief:
    """Return one of the built-in briefs by name (``principles`` or ``competence-areas``)."""
    if name == PRINCIPLES:
        return _principles_brief(framework)
    if name == COMPETENCE_AREAS:
        return _areas_brief(framework)
    raise InvalidInput(f"There is no built-in brief {name!r}; choose {' or '.join(BUILT_IN)}, "
                       "or give a brief file.")


def _principles_brief(framework: Framework) -> Brief:
    sections = tuple(
        Section(
            key=principle.id,
            heading=principle.name,
            guidance=(f"{' '.join(principle.definition.split())}. What does {principle.name} "
                      "mean to you? Show it in your own words, using your own examples."),
            evidences=Evidences(principles=(principle.id,)),
        )
        for principle in framework.principles
    )
    return Brief(PRINCIPLES, "What the principles of peer support mean to me", sections)


def _areas_brief(framework: Framework) -> Brief:
    sections = tuple(
        Section(
            key=area.id,
            heading=" ".join(area.name.split()),
            guidance=(" ".join(area.description.split()) or
                      "Show, with your own examples, how you have used these competences."),
            evidences=Evidences(competences=tuple(c.id for c in area.competences)),
        )
        for area in framework.areas
        if area.competences and not framework.domain(area.domain_id).is_organisational
    )
    return Brief(COMPETENCE_AREAS, "My competences as a peer support worker", sections)


def read_brief(path: Path, framework: Framework) -> Brief:
    """Read a tutor's brief file (YAML), or raise InvalidInput saying what is wrong.

    Raises:
        InvalidInput: the file cannot be read, is not YAML, does not have the brief's shape,
            or names a principle or competence the framework does not have.
    """
    try:
        if path.stat().st_size > MAX_BRIEF_BYTES:
            raise InvalidInput(f"{path} is too large for a brief (over 256 KB).")
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(f"Cannot read the brief {path}: {exc.strerror or exc}.") from exc
    except UnicodeDecodeError:
        raise InvalidInput(f"{path} is not a UTF-8 text file, so not a brief.") from None
    return parse_brief(text, framework, source=str(path))


def parse_brief(text: str, framework: Framework, *, source: str = "the brief") -> Brief:
    """Parse a brief's YAML text (see :func:`read_brief`)."""
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise InvalidInput(f"{source} is not valid YAML{where}.") from None
    if isinstance(data, dict) and isinstance(data.get("due"), dt.date):
        data["due"] = data["due"].isoformat()  # YAML reads an unquoted date as a date
    _check_shape(data, source)
    sections = tuple(_section(raw, index, framework, source)
                     for index, raw in enumerate(data["sections"], start=1))
    keys = [section.key for section in sections]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise InvalidInput(f"{source}: two sections have the id {repeated[0]!r}.")
    return Brief(name=Path(source).name, title=str(data.get("title") or "Reflective coursework"),
                 sections=sections, total_words=data.get("words"),
                 due=_due(data.get("due"), source))


def _check_shape(data: object, source: str) -> None:
    from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
    from jsonschema.exceptions import best_match  # type: ignore[import-untyped]

    if not isinstance(data, Mapping):
        raise InvalidInput(f"{source} is not a brief: it should start with 'title:' and list "
                           "'sections:' (see the example brief).")
    error = best_match(Draft202012Validator(_SCHEMA).iter_errors(data))
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "the top level"
        raise InvalidInput(f"{source}: {where}: {error.message}.")


def _section(raw: Mapping[str, Any], index: int, framework: Framework, source: str) -> Section:
    heading = " ".join(str(raw["heading"]).split())
    evidences = raw.get("evidences") or {}
    principles = _known(evidences.get("principles") or (), [p.id for p in framework.principles],
                        "principle", source)
    competences = _known(evidences.get("competences") or (),
                         [c.id for c in framework.competences], "competence", source)
    return Section(
        key=str(raw.get("id") or _SLUG.sub("-", heading.casefold()).strip("-") or str(index)),
        heading=heading,
        guidance=" ".join(str(raw.get("guidance") or "").split()),
        target_words=raw.get("words"),
        evidences=Evidences(principles, competences),
    )


def _known(ids: Sequence[str], valid: Sequence[str], kind: str, source: str) -> tuple[str, ...]:
    for target in ids:
        if target not in valid:
            close = difflib.get_close_matches(target, valid, n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            raise InvalidInput(f"{source}: there is no {kind} {target!r} in the framework.{hint}")
    return tuple(dict.fromkeys(ids))


def _due(value: object, source: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput(f"{source}: due: {value!r} is not a date in the form "
                           "YYYY-MM-DD.") from None


def brief_for(choice: str, framework: Framework) -> Brief:
    """Return a built-in brief by name, or read a brief file at that path."""
    if choice in BUILT_IN:
        return built_in_brief(choice, framework)
    return read_brief(Path(choice).expanduser(), framework)
