"""The coverage and prompts commands on a real encrypted journal, run as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from psw_journal.core.framework import load_framework

pytestmark = pytest.mark.e2e

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "entries.jsonl"


def run(journal: Path, *args: str, stdin: str = "") -> str:
    env = {**os.environ, "PSW_JOURNAL_PASSPHRASE": "correct horse"}
    done = subprocess.run(
        [sys.executable, "-m", "psw_journal", *args, "--journal", str(journal)],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cov") / "journal.db"
    run(path, "init")
    run(path, "import", "--format", "jsonl", str(FIXTURE))
    run(
        path,
        "add",
        "--title",
        "Trust",
        "--date",
        "2026-10-01",
        "--competence",
        "crs_build_trust_rapport",
        "--principle",
        "mutual",
        stdin="body",
    )
    run(
        path,
        "add",
        "--title",
        "Trust again",
        "--date",
        "2026-10-20",
        "--competence",
        "crs_build_trust_rapport",
        "--competence",
        "sp_recovery_goals",
        stdin="body",
    )
    # A link to a competence this framework lacks comes with an import (add refuses it).
    old = path.with_name("old.jsonl")
    old.write_text(json.dumps({"id": "old1", "date": "2026-10-21", "title": "Old id",
                               "body": "body", "competences": ["retired_competence"]}) + "\n")
    run(path, "import", "--format", "jsonl", str(old))
    trashed = run(
        path,
        "add",
        "--title",
        "Trashed",
        "--date",
        "2026-10-22",
        "--competence",
        "sp_recovery_goals",
        "--principle",
        "safe",
        stdin="x",
    ).strip()
    run(path, "delete", trashed)
    return path


def test_coverage_json_has_exact_counts(journal: Path) -> None:
    data = json.loads(run(journal, "coverage", "--json"))
    framework = load_framework()
    competences = {c["id"]: c for c in data["competences"]}
    assert list(competences) == [c.id for c in framework.psw_competences]
    employer = [c["id"] for c in data["organisational_competences"]]
    assert employer == [c.id for c in framework.organisational_competences] != []
    assert competences["crs_build_trust_rapport"] == {
        **competences["crs_build_trust_rapport"],
        "count": 2,
        "last_date": "2026-10-20",
    }
    assert competences["sp_recovery_goals"]["count"] == 1  # the trashed entry does not count
    assert competences["crs_warmth_encouragement"]["count"] == 0
    assert competences["crs_warmth_encouragement"]["last_date"] is None
    principles = {p["id"]: p["count"] for p in data["principles"]}
    assert principles == {
        "mutual": 6,
        "reciprocal": 5,
        "non_directive": 3,
        "recovery_focused": 4,
        "strengths_based": 3,
        "inclusive": 5,
        "progressive": 5,
        "safe": 10,
    }
    domains = {d["id"]: (d["evidenced"], d["total"]) for d in data["domains"]}
    assert domains["communication_engagement"] == (1, 16)
    assert domains["supporting_people"] == (1, 47)
    assert data["not_in_framework"] == [
        {"kind": "competence", "id": "retired_competence", "count": 1, "last_date": "2026-10-21"}
    ]


def test_coverage_json_window(journal: Path) -> None:
    data = json.loads(
        run(journal, "coverage", "--json", "--from", "2026-10-10", "--to", "2026-10-31")
    )
    competences = {c["id"]: c["count"] for c in data["competences"]}
    assert competences["crs_build_trust_rapport"] == 1
    principles = {p["id"]: p["count"] for p in data["principles"]}
    assert principles["safe"] == 1 and principles["mutual"] == 0  # s15 on 2026-10-13


def test_coverage_text_is_readable(journal: Path) -> None:
    text = run(journal, "coverage")
    assert "Competences evidenced: 2 of 77" in text
    assert "Core relational skills  (1 of 16 evidenced)" in text
    assert "Not in this framework" in text and "retired_competence" in text


def test_coverage_text_shows_ids_to_use_with_add(journal: Path) -> None:
    text = run(journal, "coverage")
    row = next(line for line in text.splitlines() if "crs_build_trust_rapport" in line)
    assert row.split()[:3] == ["2", "2026-10-20", "crs_build_trust_rapport"]
    assert any(line.split()[2:4] == ["non_directive", "Non-directive"]
               for line in text.splitlines() if "non_directive" in line)
    own, employer = text.split("Your employer's competences (not counted in your total)")
    framework = load_framework()
    (theirs,) = framework.organisational_competences
    assert theirs.id in employer and theirs.id not in own
    added = run(journal, "add", "--title", "Linked by id", "--competence", theirs.id,
                stdin="Helped with an interview panel.")
    assert added.strip().isdigit()
    assert "Competences evidenced: 2 of 77" in run(journal, "coverage")


def test_prompts_json(journal: Path) -> None:
    prompts = json.loads(run(journal, "prompts", "--json", "--limit", "7"))
    assert len(prompts) == 7
    assert all(set(p) >= {"target_id", "kind", "reason", "prompt"} for p in prompts)
    framework = load_framework()
    first = framework.competences[0]
    assert prompts[0]["target_id"] == first.id
    assert prompts[0]["kind"] == "competence" and prompts[0]["reason"] == "never"
    assert prompts[0]["prompt"] in first.prompts
    assert prompts[5]["kind"] == "self_check"
    assert "crs_build_trust_rapport" not in [p["target_id"] for p in prompts]


def test_prompts_text(journal: Path) -> None:
    text = run(journal, "prompts", "--limit", "2")
    assert text.startswith(" 1. [competence ")
    assert "not yet written about" in text
