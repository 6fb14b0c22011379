"""The demo journal (data/demo_entries.jsonl): importable, linked to the real framework."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from psw_journal.core.entry import count_words
from psw_journal.core.framework import load_framework
from psw_journal.core.jsonl import parse_jsonl

DEMO = Path(__file__).resolve().parents[3] / "data" / "demo_entries.jsonl"


@pytest.fixture(scope="module")
def records() -> list[dict[str, object]]:
    return [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines()]


def _nhs_check_digit_is_valid(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    return check != 10 and check == int(digits[9])


def test_the_app_imports_every_demo_entry():
    drafts = parse_jsonl(DEMO.read_text(encoding="utf-8"))
    assert 18 <= len(drafts) <= 22
    assert len({d.title for d in drafts}) == len(drafts)
    for draft in drafts:
        assert 150 <= count_words(draft.body) <= 400, draft.title
        assert draft.occurred_on.year == 2026
        assert draft.stress is not None
        assert draft.competence_ids(), draft.title
        assert draft.principle_ids(), draft.title
        assert draft.tags, draft.title


def test_every_link_and_evidence_note_points_into_the_framework(records):
    framework = load_framework()
    for record in records:
        for competence in record["competences"]:
            assert framework.has_competence(competence), (record["title"], competence)
        for principle in record["principles"]:
            assert framework.has_principle(principle), (record["title"], principle)
        for key in record.get("evidence", {}):
            kind, _, target = key.partition(":")
            assert target in record[f"{kind}s"], (record["title"], key)
    noted = [r for r in records if r.get("evidence")]
    assert len(noted) >= 5


def test_demo_covers_templates_principles_and_the_year(records):
    templates = Counter(r["template"] for r in records)
    assert {"gibbs", "driscoll", "free"} <= set(templates)
    assert all(count >= 3 for name, count in templates.items() if name != "kolb")
    principles = {p for r in records for p in r["principles"]}
    assert len(principles) == 8
    months = {dt.date.fromisoformat(r["date"]).month for r in records}
    assert len(months) >= 10


def test_some_entries_hold_identifying_details_for_the_check_to_find(records):
    text = "\n".join(f"{r['title']}\n{r['body']}" for r in records)
    numbers = re.findall(r"\b(\d{3}) (\d{3}) (\d{4})\b", text)
    assert numbers
    assert all(_nhs_check_digit_is_valid("".join(parts)) for parts in numbers)
    assert re.search(r"\b07\d{3} \d{6}\b", text), "a mobile number"
    assert re.search(r"\b[A-Z][a-z]+ Ward\b", text), "a ward name"
    assert "Marcus Whitfield" in text


def test_the_confidentiality_check_flags_the_planted_details(records):
    confidentiality = pytest.importorskip("psw_journal.core.confidentiality")
    kinds = {
        finding.kind.value
        for record in records
        for finding in confidentiality.find_identifiers(str(record["body"]))
    }
    assert {"nhs_number", "phone", "name", "ward_or_service"} <= kinds
