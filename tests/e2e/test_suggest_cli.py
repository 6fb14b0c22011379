"""End to end: ``psw-journal suggest`` on a real encrypted journal made with init and add."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest
from cli_runner import run_cli

pytestmark = pytest.mark.e2e

PASSPHRASE = "correct horse"
BODY = (
    "Our last session today, after nine months. We'd planned the ending since July, so we "
    "talked about saying goodbye and who he can ring now.\n\n"
    "He brought his goals sheet and we celebrated what he's done. I felt sad and proud."
)


@pytest.fixture
def journal(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "journal.db"
    assert run_cli("init", "--journal", path).code == 0
    body = tmp_path / "body.md"
    body.write_text(BODY, encoding="utf-8")
    added = run_cli("add", "--journal", path, "--title", "Last session", "--body-file", body)
    assert added.code == 0, added
    return path, added.out.strip()


def _check(records: list[dict[str, object]], limit: int) -> None:
    kinds = [r["kind"] for r in records]
    assert kinds == sorted(kinds, key=lambda k: k != "competence")
    for kind in ("competence", "principle"):
        group = [r for r in records if r["kind"] == kind]
        assert 0 < len(group) <= limit
        scores = [float(r["score"]) for r in group]  # type: ignore[arg-type]
        assert scores == sorted(scores, reverse=True)
        assert all(
            r["because"] and all(p in f"Last session\n\n{BODY}" for p in r["because"])
            for r in group
        )  # type: ignore[attr-defined]
    assert records[0]["id"] == "crs_prepare_ending"


def test_suggest_json_for_an_entry(journal: tuple[Path, str]):
    path, entry_id = journal
    result = run_cli("suggest", "--journal", path, "--entry", entry_id, "--limit", "3", "--json")
    assert result.code == 0, result
    _check(json.loads(result.out), 3)


def test_suggest_text_for_a_body_file(journal: tuple[Path, str], tmp_path: Path):
    path, _ = journal
    body = tmp_path / "draft.md"
    body.write_text(BODY, encoding="utf-8")
    result = run_cli("suggest", "--journal", path, "--body-file", body)
    assert result.code == 0, result
    assert "crs_prepare_ending" in result.out and "you wrote:" in result.out


def test_cmd_suggest_directly(journal: tuple[Path, str], monkeypatch: pytest.MonkeyPatch):
    from psw_journal.cli.suggest_cli import cmd_suggest

    path, entry_id = journal
    monkeypatch.setenv("PSW_JOURNAL_PASSPHRASE", PASSPHRASE)
    args = argparse.Namespace(
        journal=path, entry=int(entry_id), body_file=None, limit=2, json=True
    )
    out = io.StringIO()
    assert cmd_suggest(args, out) == 0
    _check(json.loads(out.getvalue()), 2)


def test_cmd_suggest_skips_what_is_already_linked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from psw_journal.cli.suggest_cli import cmd_suggest

    path = tmp_path / "journal.db"
    assert run_cli("init", "--journal", path).code == 0
    body = tmp_path / "body.md"
    body.write_text(BODY, encoding="utf-8")
    added = run_cli(
        "add",
        "--journal",
        path,
        "--title",
        "Last session",
        "--body-file",
        body,
        "--competence",
        "crs_prepare_ending",
    )
    monkeypatch.setenv("PSW_JOURNAL_PASSPHRASE", PASSPHRASE)
    args = argparse.Namespace(
        journal=path, entry=int(added.out), body_file=None, limit=5, json=True
    )
    out = io.StringIO()
    assert cmd_suggest(args, out) == 0
    assert "crs_prepare_ending" not in {r["id"] for r in json.loads(out.getvalue())}


def test_an_untouched_template_gets_no_suggestions_and_a_filled_one_quotes_the_user(
    journal: tuple[Path, str], tmp_path: Path
):
    from psw_journal.core.templates import template_by_id

    path, _ = journal
    gibbs = template_by_id("gibbs").body()
    untouched = tmp_path / "gibbs.md"
    untouched.write_text(gibbs, encoding="utf-8")
    result = run_cli("suggest", "--journal", path, "--body-file", untouched, "--json")
    assert result.code == 0, result
    assert json.loads(result.out) == []

    answer = "We planned the ending together and said goodbye over coffee."
    filled = tmp_path / "filled.md"
    filled.write_text(gibbs.replace("when.*\n\n", f"when.*\n\n{answer}\n\n"), encoding="utf-8")
    result = run_cli("suggest", "--journal", path, "--body-file", filled, "--json")
    records = json.loads(result.out)
    assert records and all(p in answer for r in records for p in r["because"])
