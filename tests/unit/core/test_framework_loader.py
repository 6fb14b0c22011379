"""Tests for loading, validating and querying a competence framework file."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from psw_journal.core.errors import FrameworkError
from psw_journal.core.framework import (
    PRINCIPLE_IDS,
    Area,
    CodeOfConduct,
    Competence,
    Domain,
    Framework,
    Principle,
    default_framework_path,
    default_schema_path,
    load_framework,
    parse_framework,
)

REPO = Path(__file__).resolve().parents[3]
SHIPPED = REPO / "data" / "framework.json"
CRS = "$.domains[1].areas[0].competences"


@pytest.fixture(scope="module")
def shipped_data() -> dict[str, Any]:
    """The parsed shipped framework file; copy it before changing it."""
    data: dict[str, Any] = json.loads(SHIPPED.read_text(encoding="utf-8"))
    return data


@pytest.fixture
def data(shipped_data: dict[str, Any]) -> dict[str, Any]:
    """A private deep copy of the shipped framework data for a test to mutate."""
    return copy.deepcopy(shipped_data)


@pytest.fixture(scope="module")
def framework() -> Framework:
    """The shipped framework."""
    return load_framework(SHIPPED)


def write_json(folder: Path, data: object, name: str = "framework.json") -> Path:
    """Write data as a JSON file in folder and return its path."""
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def load_error(path: Path) -> str:
    """Return the message of the FrameworkError raised by loading path."""
    with pytest.raises(FrameworkError) as caught:
        load_framework(path)
    message = str(caught.value)
    assert "\n" not in message
    return message


def small_framework_data() -> dict[str, Any]:
    """Return a small organisation's own framework: one domain, two competences."""
    principles = [
        {
            "id": pid,
            "name": pid.replace("_", " ").capitalize(),
            "definition": f"What {pid} means here",
            "description": "",
            "prompts": [f"When did {pid.replace('_', ' ')} show in your work?"],
        }
        for pid in PRINCIPLE_IDS
    ]
    listening = {
        "id": "ours_listening",
        "statement": "Ability to listen well.",
        "items": [{"text": "by noticing:", "items": [{"text": "tone"}, {"text": "pauses"}]}],
        "prompts": ["When did you last really listen?"],
        "cues": ["listened", "heard"],
    }
    endings = {
        "id": "ours_endings",
        "statement": "Ability to end well.",
        "heading": "Endings",
        "prompts": ["How did your last ending go?"],
    }
    area = {"id": "ours_area", "name": "Being with people", "competences": [listening, endings]}
    return {
        "id": "small-org-framework",
        "version": "0.1",
        "title": "Our peer support framework",
        "source": {"name": "Our framework", "attribution": "Written by our peer team."},
        "principles": principles,
        "domains": [{"id": "ours", "name": "Our practice", "areas": [area]}],
    }


# ------------------------------------------------------------------- loading


def test_shipped_framework_loads_from_the_default_path(framework: Framework) -> None:
    assert default_framework_path().is_file()
    assert default_schema_path().is_file()
    assert load_framework() == framework
    assert framework.id == "psw-competence-framework"
    assert framework.version == "1.0.0"


def test_the_shipped_file_meets_the_schema_that_loading_it_skips() -> None:
    data = json.loads(default_framework_path().read_text(encoding="utf-8"))
    assert parse_framework(data, "framework.json") == load_framework()
    code = (
        "import sys; from psw_journal.core.framework import load_framework; load_framework(); "
        "print('jsonschema' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_shipped_framework_shape(framework: Framework) -> None:
    assert len(framework.domains) == 8
    assert len(framework.areas) == 16
    assert len(framework.competences) == 78
    assert len(framework.principles) == 8
    assert len(framework.lean_toward) == 21
    assert len(framework.lean_away_from) == 8
    assert len(framework.code_of_conduct.duties) == 15
    assert len(framework.code_of_conduct.expectations) == 8


def test_file_with_byte_order_mark_loads(tmp_path: Path) -> None:
    path = tmp_path / "framework.json"
    path.write_text(json.dumps(small_framework_data()), encoding="utf-8-sig")
    assert load_framework(path).id == "small-org-framework"


def test_framework_is_frozen_and_hashable(framework: Framework) -> None:
    with pytest.raises(AttributeError):
        framework.title = "changed"  # type: ignore[misc]
    assert hash(framework) == hash(load_framework(SHIPPED))


# -------------------------------------------------------------------- errors


def test_missing_id(tmp_path: Path, data: dict[str, Any]) -> None:
    del data["domains"][1]["areas"][0]["competences"][3]["id"]
    message = load_error(write_json(tmp_path, data))
    assert message == f"framework.json: at {CRS}[3]: 'id' is a required property"


def test_duplicate_id(tmp_path: Path, data: dict[str, Any]) -> None:
    competences = data["domains"][1]["areas"][0]["competences"]
    competences[1]["id"] = competences[0]["id"]
    message = load_error(write_json(tmp_path, data))
    assert message == (
        'framework.json: duplicate id "crs_positive_relationship_factors" '
        f"at {CRS}[1] (already used at {CRS}[0])"
    )


def test_id_shared_by_a_principle_and_a_domain(tmp_path: Path, data: dict[str, Any]) -> None:
    data["domains"][0]["id"] = "safe"
    message = load_error(write_json(tmp_path, data))
    assert (
        message
        == 'framework.json: duplicate id "safe" at $.domains[0] (already used at $.principles[7])'
    )


def test_statement_of_the_wrong_type(tmp_path: Path, data: dict[str, Any]) -> None:
    data["domains"][1]["areas"][0]["competences"][0]["statement"] = 5
    message = load_error(write_json(tmp_path, data))
    assert message == f"framework.json: at {CRS}[0].statement: 5 is not of type 'string'"


def test_unknown_property(tmp_path: Path, data: dict[str, Any]) -> None:
    data["domains"][0]["colour"] = "blue"
    message = load_error(write_json(tmp_path, data))
    assert message == (
        "framework.json: at $.domains[0]: "
        "Additional properties are not allowed ('colour' was unexpected)"
    )


def test_id_that_is_not_a_slug(tmp_path: Path, data: dict[str, Any]) -> None:
    data["domains"][0]["id"] = "Not A Slug"
    message = load_error(write_json(tmp_path, data))
    assert message.startswith("framework.json: at $.domains[0].id: 'Not A Slug' does not match")


def test_too_many_prompts(tmp_path: Path, data: dict[str, Any]) -> None:
    data["principles"][0]["prompts"] = ["One?", "Two?", "Three?", "Four?"]
    message = load_error(write_json(tmp_path, data))
    expected = "['One?', 'Two?', 'Three?', 'Four?'] is too long"
    assert message == f"framework.json: at $.principles[0].prompts: {expected}"


def test_wrong_number_of_principles_gives_a_short_message(
    tmp_path: Path, data: dict[str, Any]
) -> None:
    del data["principles"][7]
    message = load_error(write_json(tmp_path, data))
    assert message == "framework.json: at $.principles: a list of 7 items is too short"


def test_long_values_are_summarised(tmp_path: Path, data: dict[str, Any]) -> None:
    data["title"] = "x" * 500
    data["domains"] = "y" * 500
    message = load_error(write_json(tmp_path, data))
    assert message == f"framework.json: at $.domains: '{'y' * 60}…' is not of type 'array'"


def test_wrong_principle_set(tmp_path: Path, data: dict[str, Any]) -> None:
    data["principles"][7]["id"] = "secure"
    message = load_error(write_json(tmp_path, data))
    assert message == (
        "framework.json: at $.principles: expected the 8 core principles "
        "(mutual, reciprocal, non_directive, recovery_focused, strengths_based, inclusive, "
        'progressive, safe); missing "safe"; unexpected "secure"'
    )


def test_top_level_is_not_an_object(tmp_path: Path) -> None:
    message = load_error(write_json(tmp_path, []))
    assert message == "framework.json: at $: [] is not of type 'object'"


def test_invalid_json(tmp_path: Path) -> None:
    path = tmp_path / "framework.json"
    path.write_text('{\n  "id": "x"\n  "version": "1"\n}\n', encoding="utf-8")
    message = load_error(path)
    assert message == "framework.json is not valid JSON: line 3 column 3: Expecting ',' delimiter"


def test_json_nested_too_deeply(tmp_path: Path) -> None:
    path = tmp_path / "framework.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    assert load_error(path) == "framework.json is not valid JSON: it is nested too deeply"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "framework.json"
    assert load_error(path) == f"framework file not found: {path}"


def test_directory_as_path(tmp_path: Path) -> None:
    assert load_error(tmp_path) == f"framework file is a directory, not a file: {tmp_path}"


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "framework.json"
    path.write_bytes(b'{"id": "caf\xe9"}')
    assert load_error(path) == "framework.json is not UTF-8 text: byte 0xe9 at position 11"


@pytest.mark.parametrize(
    ("error", "problem"),
    [
        (PermissionError(13, "Permission denied"), "could not be read (permission denied)"),
        (OSError(5, "Input/output error"), "could not be read"),
    ],
)
def test_unreadable_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, problem: str
) -> None:
    path = write_json(tmp_path, small_framework_data())

    def refuse(self: Path) -> bytes:
        raise error

    monkeypatch.setattr(Path, "read_bytes", refuse)
    expected = f"framework file {problem}: {path}"
    if not isinstance(error, PermissionError):
        expected += ": Input/output error"
    assert load_error(path) == expected


@pytest.mark.parametrize("value", [None, 3, "framework", [], {}, {"id": object()}])
def test_parse_rejects_anything_that_is_not_a_framework(value: object) -> None:
    with pytest.raises(FrameworkError, match=r"^framework data: "):
        parse_framework(value)


def test_parse_names_the_given_source() -> None:
    with pytest.raises(FrameworkError, match=r"^team.json: at \$: "):
        parse_framework([], source="team.json")


def test_items_nested_too_deeply_do_not_escape_as_a_traceback() -> None:
    data = small_framework_data()
    deepest: dict[str, Any] = {"text": "bottom"}
    for _ in range(5_000):
        deepest = {"text": "level", "items": [deepest]}
    data["domains"][0]["areas"][0]["competences"][0]["items"] = [deepest]
    with pytest.raises(FrameworkError, match="nested too deeply"):
        parse_framework(data)


# ------------------------------------------------------------------- lookups


def test_lookups_by_id(framework: Framework) -> None:
    competence = framework.competence("crs_build_trust_rapport")
    assert isinstance(competence, Competence)
    assert competence.statement == "Ability to build trust, develop rapport and be respectful."
    assert (competence.area_id, competence.domain_id) == (
        "core_relational_skills",
        "communication_engagement",
    )
    assert isinstance(framework.area(competence.area_id), Area)
    assert isinstance(framework.domain(competence.domain_id), Domain)
    assert isinstance(framework.principle("safe"), Principle)
    assert framework.find_competence("crs_build_trust_rapport") is competence
    assert framework.has_competence("crs_build_trust_rapport")
    assert framework.has_principle("non_directive")


def test_lookups_keep_kinds_apart(framework: Framework) -> None:
    with pytest.raises(KeyError):
        framework.competence("mutual")
    with pytest.raises(KeyError):
        framework.principle("crs_build_trust_rapport")
    with pytest.raises(KeyError):
        framework.area("communication_engagement")
    assert framework.find_principle("core_relational_skills") is None
    assert not framework.has_competence("supporting_people")


def test_flat_tuples_follow_framework_order(framework: Framework) -> None:
    assert framework.competences == tuple(
        c for d in framework.domains for a in d.areas for c in a.competences
    )
    assert framework.areas == tuple(a for d in framework.domains for a in d.areas)
    assert framework.competences[0].id == "crs_positive_relationship_factors"
    assert framework.competences[-1].id == "org_coproduced_recruitment"


def test_walk_yields_every_node_once_in_order(framework: Framework) -> None:
    nodes = list(framework.walk())
    assert len(nodes) == 8 + 16 + 78 + 8
    assert nodes[0] is framework.domains[0]
    assert nodes[-8:] == list(framework.principles)
    domain = framework.domain("communication_engagement")
    start = nodes.index(domain)
    assert nodes[start + 1] is domain.areas[0]
    assert nodes[start + 2] is domain.areas[0].competences[0]


def test_full_text_includes_every_item(framework: Framework) -> None:
    competence = framework.competence("sp_coping_strategies")
    text = framework.full_text(competence)
    assert text.startswith(competence.statement)
    assert all(item.text in text for item in competence.items)
    assert framework.full_text("sp_coping_strategies") == text
    plain = framework.competence("crs_build_trust_rapport")
    assert framework.full_text(plain) == plain.statement


def test_principle_details_and_code_of_conduct(framework: Framework) -> None:
    assert len(framework.principle("recovery_focused").details) == 3
    assert framework.principle("mutual").details == ()
    assert len(framework.code_of_conduct.definitions) == 2


# --------------------------------------------------- an alternative framework


def test_alternative_framework_loads_and_reports_missing_ids(tmp_path: Path) -> None:
    ours = load_framework(write_json(tmp_path, small_framework_data(), "our-framework.json"))
    assert ours.id == "small-org-framework"
    assert [c.id for c in ours.competences] == ["ours_listening", "ours_endings"]
    assert ours.find_competence("crs_build_trust_rapport") is None
    assert not ours.has_competence("crs_build_trust_rapport")
    assert ours.find_principle("mutual") is not None
    assert ours.lean_toward == ours.lean_away_from == ()
    assert ours.code_of_conduct == CodeOfConduct()
    assert ours.source_documents == ()


def test_alternative_framework_defaults_and_nested_items(tmp_path: Path) -> None:
    ours = load_framework(write_json(tmp_path, small_framework_data()))
    listening, endings = ours.competences
    assert listening.heading is None and endings.heading == "Endings"
    assert endings.items == () and endings.cues == ()
    assert [i.text for i in listening.items[0].items] == ["tone", "pauses"]
    assert ours.full_text(listening) == "Ability to listen well.\nby noticing:\ntone\npauses"
    area = ours.area("ours_area")
    assert (area.description, area.reference, area.domain_id) == ("", "", "ours")
    assert ours.domain("ours").description == ""


def test_alternative_framework_errors_name_its_file(tmp_path: Path) -> None:
    data = small_framework_data()
    data["domains"][0]["areas"][0]["competences"][1]["prompts"] = []
    message = load_error(write_json(tmp_path, data, "our-framework.json"))
    assert message == (
        "our-framework.json: at $.domains[0].areas[0].competences[1].prompts: "
        "[] should be non-empty"
    )


# ------------------------------------------------------------------ isolation


def test_core_pulls_in_neither_qt_nor_sqlalchemy() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, psw_journal.core.framework; "
            "print({m.split('.')[0] for m in sys.modules} & {'PySide6', 'sqlalchemy'})",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    assert result.stdout.strip() == "set()"
