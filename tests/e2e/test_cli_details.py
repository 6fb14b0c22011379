"""The command line refuses what it cannot use, says why, and prints what it stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import assert_one_line_error, run_cli

from psw_journal.cli.passphrase import checked_strength
from psw_journal.core.errors import InvalidInput
from psw_journal.core.passphrase_strength import WHY_IT_MATTERS

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("details") / "journal.db"
    assert run_cli("init", "--journal", path).code == 0
    return path


def test_init_refuses_a_weak_passphrase_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "weak.db"
    result = run_cli("init", "--journal", path, passphrase="x")
    assert_one_line_error(result, "weak", WHY_IT_MATTERS, "--allow-weak-passphrase",
                          "nothing was created")
    assert not path.exists()
    allowed = run_cli("init", "--allow-weak-passphrase", "--journal", path, passphrase="x")
    assert allowed.code == 0, allowed
    assert path.exists()


def test_passwd_refuses_a_weak_new_passphrase(journal: Path) -> None:
    weak = {"PSW_JOURNAL_NEW_PASSPHRASE": "abc"}
    result = run_cli("passwd", "--journal", journal, env=weak)
    assert_one_line_error(result, "weak", "the passphrase was not changed")
    assert run_cli("list", "--journal", journal).code == 0  # the old passphrase still opens it


def test_a_weak_passphrase_can_be_confirmed_at_the_terminal() -> None:
    questions: list[str] = []

    def answer(yes: bool):
        return lambda message: questions.append(message) or yes

    assert checked_strength("abc", allow_weak=False, unchanged="-", confirm=answer(True)) == "abc"
    with pytest.raises(InvalidInput, match="nothing was created"):
        checked_strength("abc", allow_weak=False, unchanged="nothing was created",
                         confirm=answer(False))
    assert len(questions) == 2 and WHY_IT_MATTERS in questions[0]
    strong = "kettle orange wednesday lamp"
    assert checked_strength(strong, allow_weak=False, unchanged="-", confirm=answer(False))
    assert len(questions) == 2  # a strong passphrase asks nothing


def test_add_refuses_unknown_ids_with_did_you_mean(journal: Path) -> None:
    result = run_cli("add", "--title", "t", "--competence", "crs_build_trust", "--principle",
                     "Mutual", "--journal", journal, stdin="Some text.")
    assert_one_line_error(result, "unknown competence id 'crs_build_trust'",
                          "did you mean 'crs_build_trust_rapport'",
                          "unknown principle id 'Mutual'", "did you mean 'mutual'",
                          "nothing was added")
    assert json.loads(run_cli("list", "--json", "--journal", journal).out) == []


def test_add_refuses_an_empty_body(journal: Path) -> None:
    result = run_cli("add", "--title", "Only a title", "--journal", journal, stdin="  \n")
    assert_one_line_error(result, "no text", "nothing was added")


def test_json_before_the_command_and_show_prints_evidence_notes(journal: Path,
                                                                tmp_path: Path) -> None:
    source = tmp_path / "noted.jsonl"
    source.write_text(json.dumps({
        "id": "n1", "date": "2026-03-02", "title": "Noted", "body": "We planned the ending.",
        "competences": ["crs_build_trust_rapport"], "principles": ["safe"],
        "evidence": {"competence:crs_build_trust_rapport": "I kept to what we agreed."},
    }) + "\n")
    assert run_cli("import", "--journal", journal, source).code == 0
    listed = run_cli("--json", "list", "--journal", journal)
    assert listed.code == 0, listed
    (record,) = [r for r in json.loads(listed.out) if r["title"] == "Noted"]
    assert json.loads(run_cli("--json", "show", str(record["id"]), "--journal", journal).out
                      )["evidence"][0]["note"] == "I kept to what we agreed."
    shown = run_cli("show", str(record["id"]), "--journal", journal).out
    assert "Evidence notes:\n  competence crs_build_trust_rapport: I kept to what we agreed." \
        in shown
