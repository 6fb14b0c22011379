"""The annotated corpora: every span matches its text, and the split stays as it was made."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

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


HONORIFICS = ("Mr ", "Mrs ", "Ms ", "Miss ", "Dr ", "Father ")
#: Written by other hands without looking at the detector: the held-out set, and the fresh
#: corpus split once into a tuning half and a sealed half.
WRITTEN = ("heldout", "tune2", "sealed2")


def heldout(name: str = "heldout") -> list[dict[str, Any]]:
    path = CORPUS / f"confidentiality_{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def is_valid_nhs_number(text: str) -> bool:
    digits = [int(d) for d in text if d.isdigit()]
    if len(digits) != 10:
        return False
    check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=False)) % 11
    return digits[9] == (0 if check == 11 else check)


@pytest.mark.parametrize("name", WRITTEN)
def test_written_spans_match_their_text_and_never_overlap(name: str) -> None:
    kinds = {kind.value for kind in FindingKind}
    for record in heldout(name):
        body = record["body"]
        previous_end = 0
        for span in sorted(record["pii"], key=lambda s: s["start"]):
            assert body[span["start"]:span["end"]] == span["text"], (record["id"], span)
            assert span["kind"] in kinds
            assert span["text"] == span["text"].strip()
            assert not span["text"].endswith(("'s", "’s"))
            assert not span["text"].startswith(HONORIFICS)
            assert span["start"] >= previous_end, (record["id"], span)
            previous_end = span["end"]
        assert set(record["tag_pii"]) <= set(record["tags"])


def test_heldout_is_the_file_its_source_builds() -> None:
    from bench.corpus.make_heldout import build

    assert build() == heldout()


def test_the_fresh_corpus_is_split_once_into_the_files_its_source_builds() -> None:
    from bench.corpus.make_fresh import split
    from bench.corpus.make_heldout import HERE, build

    tune, sealed = split(build(HERE / "fresh_source"))
    assert (tune, sealed) == (heldout("tune2"), heldout("sealed2"))
    assert len(tune) == len(sealed) >= 150
    for half in (tune, sealed):
        kinds = Counter(span["kind"] for r in half for span in r["pii"])
        assert set(kinds) >= {"name", "nhs_number", "ni_number", "phone", "email", "postcode",
                              "date_of_birth", "address", "ward_or_service"}
        assert len(half) / 4 <= sum(not r["pii"] for r in half) <= len(half) / 2


def test_heldout_has_enough_entries_clean_text_and_every_kind() -> None:
    records = heldout()
    clean = [r for r in records if not r["pii"]]
    assert len(records) >= 120
    assert len(records) / 4 <= len(clean) <= len(records) / 2
    kinds = Counter(span["kind"] for r in records for span in r["pii"])
    assert set(kinds) >= {"name", "nhs_number", "ni_number", "phone", "email", "postcode",
                          "date_of_birth", "address", "ward_or_service"}
    origins = {span.get("origin") for r in records for span in r["pii"] if span["kind"] == "name"}
    assert len(origins) >= 12


@pytest.mark.parametrize("name", WRITTEN)
def test_written_nhs_numbers_have_valid_check_digits(name: str) -> None:
    numbers = [span["text"] for r in heldout(name) for span in r["pii"]
               if span["kind"] == "nhs_number"]
    assert numbers
    assert all(is_valid_nhs_number(n) for n in numbers), numbers


def test_no_entry_is_in_two_corpora() -> None:
    bodies = [str(r["body"]) for half in HALVES for r in records(half)]
    bodies += [r["body"] for name in WRITTEN for r in heldout(name)]
    assert len(bodies) == len(set(bodies))
