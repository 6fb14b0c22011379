"""The competence framework: its file, validated into the model of :mod:`framework_model`.

The framework file (``data/framework.json``) holds the domains, areas and competences,
the eight core principles, the "where to focus" lists and the code of conduct. It is
checked against ``data/framework.schema.json`` and for unique ids before it is turned
into frozen dataclasses. Every problem with the file becomes a ``FrameworkError`` whose
message is one line naming the file, where in it the problem is and what it is.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeAlias, cast

from psw_journal.core.errors import FrameworkError
from psw_journal.core.framework_model import (
    PRINCIPLE_IDS,
    Area,
    CodeOfConduct,
    Competence,
    Domain,
    Framework,
    ListItem,
    Node,
    Principle,
)

__all__ = [
    "PRINCIPLE_IDS", "Area", "CodeOfConduct", "Competence", "Domain", "Framework", "ListItem",
    "Node", "Principle", "data_file", "default_framework_path", "default_schema_path",
    "load_framework", "parse_framework",
]

FRAMEWORK_FILE_NAME = "framework.json"
SCHEMA_FILE_NAME = "framework.schema.json"

_PACKAGE_DATA_DIR = Path(__file__).resolve().parents[1] / "data"
_REPOSITORY_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
_MAX_DETAIL_LENGTH = 160
_MAX_VALUE_LENGTH = 60

Raw: TypeAlias = Mapping[str, Any]
PathPart: TypeAlias = str | int


# --------------------------------------------------------------------------- files


def default_framework_path() -> Path:
    """Return the framework shipped with the app (in the package, else in the repository)."""
    return data_file(FRAMEWORK_FILE_NAME)


def default_schema_path() -> Path:
    """Return the framework JSON Schema shipped with the app."""
    return data_file(SCHEMA_FILE_NAME)


def data_file(name: str) -> Path:
    """Return a data file shipped with the app: the packaged copy, else the repository's."""
    packaged = _PACKAGE_DATA_DIR / name
    return packaged if packaged.is_file() else _REPOSITORY_DATA_DIR / name


def load_framework(path: Path | None = None) -> Framework:
    """Read, validate and return a framework file.

    Args:
        path: The framework JSON file; the shipped framework when None.

    Raises:
        FrameworkError: The file is missing, unreadable, not JSON or not a valid framework.
    """
    if path is None:
        return _shipped_framework()
    path = Path(path)
    return parse_framework(_read_json(path, "framework file"), source=path.name)


@functools.cache
def _shipped_framework() -> Framework:
    """Read the framework shipped with the app once per process (it is immutable).

    Its JSON Schema check is left to the test suite, which checks the same file: importing
    jsonschema and checking would cost every command ~80 ms. Ids, principles and structure
    are still checked, so a damaged installation fails with a FrameworkError.
    """
    path = default_framework_path()
    return parse_framework(_read_json(path, "framework file"), source=path.name, schema=False)


def _read_json(path: Path, label: str) -> object:
    """Return the parsed JSON content of a UTF-8 file, or raise FrameworkError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise FrameworkError(f"{label} not found: {path}") from exc
    except IsADirectoryError as exc:
        raise FrameworkError(f"{label} is a directory, not a file: {path}") from exc
    except PermissionError as exc:
        raise FrameworkError(f"{label} could not be read (permission denied): {path}") from exc
    except OSError as exc:
        raise FrameworkError(f"{label} could not be read: {path}: {exc.strerror or exc}") from exc
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        byte = exc.object[exc.start]
        raise FrameworkError(
            f"{path.name} is not UTF-8 text: byte 0x{byte:02x} at position {exc.start}"
        ) from exc
    except json.JSONDecodeError as exc:
        raise FrameworkError(
            f"{path.name} is not valid JSON: line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from exc
    except (RecursionError, ValueError) as exc:
        raise FrameworkError(f"{path.name} is not valid JSON: {_describe(exc)}") from exc


# ------------------------------------------------------------------------ checking


def parse_framework(
    data: object, source: str = "framework data", *, schema: bool = True
) -> Framework:
    """Validate already-parsed JSON data and return it as a Framework.

    Args:
        data: The parsed content of a framework file.
        source: How to name the data in error messages, usually the file name.
        schema: Check the data against the JSON Schema (only the shipped, tested file skips it).

    Raises:
        FrameworkError: The data does not describe a valid framework.
    """
    try:
        if schema:
            _check_schema(data, source)
        raw = cast(Raw, data)
        _check_unique_ids(raw, source)
        _check_principles(raw, source)
        return _framework(raw)
    except FrameworkError:
        raise
    except (KeyError, RecursionError, TypeError, ValueError) as exc:
        raise FrameworkError(f"{source}: not a valid framework: {_describe(exc)}") from exc


def _check_schema(data: object, source: str) -> None:
    """Raise FrameworkError for the most relevant JSON Schema violation, if any."""
    # Imported here, not at the top: jsonschema takes ~55 ms to import, which the app pays after
    # its window shows rather than on the way to it. It ships no type information.
    from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
    from jsonschema.exceptions import best_match  # type: ignore[import-untyped]

    schema = _read_json(default_schema_path(), "framework schema")
    error = best_match(Draft202012Validator(schema).iter_errors(data))
    if error is not None:
        where = _json_path(error.absolute_path)
        detail = _abridge_instance(str(error.message), error.instance)
        raise FrameworkError(f"{source}: at {where}: {_shorten(detail)}")


def _check_unique_ids(raw: Raw, source: str) -> None:
    """Raise FrameworkError naming the first id used twice among all nodes."""
    seen: dict[str, str] = {}
    for node_id, where in _id_locations(raw):
        if node_id in seen:
            raise FrameworkError(
                f'{source}: duplicate id "{node_id}" at {where} (already used at {seen[node_id]})'
            )
        seen[node_id] = where


def _id_locations(raw: Raw) -> Iterator[tuple[str, str]]:
    """Yield (id, JSON path) for every principle, domain, area and competence."""
    for p_index, principle in enumerate(raw["principles"]):
        yield principle["id"], _json_path(("principles", p_index))
    for d_index, domain in enumerate(raw["domains"]):
        domain_path: tuple[PathPart, ...] = ("domains", d_index)
        yield domain["id"], _json_path(domain_path)
        for a_index, area in enumerate(domain["areas"]):
            area_path = (*domain_path, "areas", a_index)
            yield area["id"], _json_path(area_path)
            for c_index, competence in enumerate(area["competences"]):
                yield competence["id"], _json_path((*area_path, "competences", c_index))


def _check_principles(raw: Raw, source: str) -> None:
    """Raise FrameworkError unless the principles are exactly the eight core principles."""
    found = [principle["id"] for principle in raw["principles"]]
    missing = [_quoted(pid) for pid in PRINCIPLE_IDS if pid not in found]
    unexpected = [_quoted(pid) for pid in found if pid not in PRINCIPLE_IDS]
    if missing or unexpected:
        raise FrameworkError(
            f"{source}: at $.principles: expected the 8 core principles "
            f"({', '.join(PRINCIPLE_IDS)}); missing {', '.join(missing)}; "
            f"unexpected {', '.join(unexpected)}"
        )


def _json_path(parts: Iterable[PathPart]) -> str:
    """Return a JSONPath-style location such as ``$.domains[2].areas[0]``."""
    return "$" + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in parts)


def _quoted(text: str) -> str:
    """Return text in double quotes, for naming ids in messages."""
    return f'"{text}"'


def _abridge_instance(message: str, instance: object) -> str:
    """Return a schema message with a long leading copy of the bad value summarised."""
    shown = repr(instance)
    if len(shown) <= _MAX_VALUE_LENGTH or not message.startswith(shown):
        return message
    return _summary(instance) + message[len(shown) :]


def _summary(value: object) -> str:
    """Return a few words describing a JSON value too long to quote."""
    if isinstance(value, list):
        return f"a list of {len(value)} items"
    if isinstance(value, dict):
        return f"an object with {len(value)} properties"
    if isinstance(value, str):
        return repr(value[:_MAX_VALUE_LENGTH] + "…")
    return f"a {type(value).__name__}"


def _shorten(message: str) -> str:
    """Return a message on one line, cut to a readable length."""
    line = " ".join(message.split())
    if len(line) <= _MAX_DETAIL_LENGTH:
        return line
    return line[: _MAX_DETAIL_LENGTH - 1].rstrip() + "…"


def _describe(exc: BaseException) -> str:
    """Return a short, one-line description of an unexpected exception."""
    if isinstance(exc, RecursionError):
        return "it is nested too deeply"
    return _shorten(str(exc) or type(exc).__name__)


# ------------------------------------------------------------------------ building


def _framework(raw: Raw) -> Framework:
    """Return the Framework for schema-valid data."""
    source = raw["source"]
    focus = raw.get("focus", {})
    conduct = raw.get("code_of_conduct", {})
    return Framework(
        id=raw["id"],
        version=raw["version"],
        title=raw["title"],
        source_name=source["name"],
        attribution=source["attribution"],
        domains=tuple(_domain(domain) for domain in raw["domains"]),
        principles=tuple(_principle(principle) for principle in raw["principles"]),
        lean_toward=_texts(focus, "lean_toward"),
        lean_away_from=_texts(focus, "lean_away_from"),
        code_of_conduct=CodeOfConduct(
            definitions=_texts(conduct, "definitions"),
            duties=_texts(conduct, "duties"),
            expectations=_texts(conduct, "expectations"),
        ),
        source_documents=_texts(source, "documents"),
    )


def _domain(raw: Raw) -> Domain:
    """Return the Domain for one schema-valid domain object."""
    domain_id = raw["id"]
    return Domain(
        id=domain_id,
        name=raw["name"],
        description=raw.get("description", ""),
        areas=tuple(_area(area, domain_id) for area in raw["areas"]),
        is_organisational=raw.get("audience") == "organisation",
    )


def _area(raw: Raw, domain_id: str) -> Area:
    """Return the Area for one schema-valid area object."""
    area_id = raw["id"]
    return Area(
        id=area_id,
        name=raw["name"],
        description=raw.get("description", ""),
        reference=raw.get("reference", ""),
        competences=tuple(_competence(c, area_id, domain_id) for c in raw["competences"]),
        domain_id=domain_id,
    )


def _competence(raw: Raw, area_id: str, domain_id: str) -> Competence:
    """Return the Competence for one schema-valid competence object."""
    return Competence(
        id=raw["id"],
        statement=raw["statement"],
        heading=raw.get("heading") or None,
        items=_list_items(raw.get("items", ())),
        prompts=_texts(raw, "prompts"),
        cues=_texts(raw, "cues"),
        area_id=area_id,
        domain_id=domain_id,
    )


def _list_items(raw_items: Sequence[Raw]) -> tuple[ListItem, ...]:
    """Return ListItems, with their sub-items, for schema-valid item objects."""
    return tuple(
        ListItem(text=item["text"], items=_list_items(item.get("items", ()))) for item in raw_items
    )


def _principle(raw: Raw) -> Principle:
    """Return the Principle for one schema-valid principle object."""
    return Principle(
        id=raw["id"],
        name=raw["name"],
        definition=raw["definition"],
        description=raw["description"],
        details=_texts(raw, "details"),
        prompts=_texts(raw, "prompts"),
        cues=_texts(raw, "cues"),
    )


def _texts(raw: Raw, key: str) -> tuple[str, ...]:
    """Return an optional list of strings as a tuple (empty when absent)."""
    return tuple(raw.get(key, ()))
