"""The annotated corpus: every span matches its text, and the split stays as it was made."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from psw_journal.core.confidentiality import FindingKind

CORPUS = Path(__file__).resolve().parents[3] / "bench/corpus"
HALVES = {"dev": 101, "sealed": 99}


def records(half: str) -> list[dict[str, object]]:
    path = CORPUS / f"confidentiality_{half}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("half", sorted(HALVES))
def test_every_span_matches_its_text(half: str) -> None:
    kinds = {kind.value for kind in FindingKind}
    for record in records(half):
        body = str(record["body"])
        for span in record["pii"]:  # type: ignore[attr-defined]
            assert body[span["start"]:span["end"]] == span["text"], (record["id"], span)
            assert span["kind"] in kinds
            assert span["text"] == span["text"].strip()
            assert not span["text"].endswith(("'s", "’s"))
        assert set(record["tag_pii"]) <= set(record["tags"])  # type: ignore[arg-type]


def test_the_split_is_the_one_made_once() -> None:
    ids = {half: {str(r["id"]) for r in records(half)} for half in HALVES}
    assert {half: len(found) for half, found in ids.items()} == HALVES
    assert not ids["dev"] & ids["sealed"]
    assert len(ids["dev"] | ids["sealed"]) >= 150


def test_both_halves_hold_every_kind() -> None:
    for half in HALVES:
        kinds = {span["kind"] for r in records(half) for span in r["pii"]}  # type: ignore[attr-defined]
        assert kinds >= {"name", "nhs_number", "ni_number", "phone", "email", "postcode",
                         "date_of_birth", "address", "ward_or_service"}
