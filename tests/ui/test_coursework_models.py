"""The coursework window's list models keep Qt's model contract, through every change."""

from __future__ import annotations

import datetime as dt

import pytest

from psw_journal.core.coursework import Coursework, Example, Section, SectionProgress
from psw_journal.ui.models.coursework_models import (
    EXAMPLE_ROLE,
    PIECE_ID_ROLE,
    PROBLEM_ROLE,
    SECTION_KEY_ROLE,
    ExampleListModel,
    PieceListModel,
    SectionListModel,
)

pytestmark = pytest.mark.ui


def piece(piece_id: int, title: str) -> Coursework:
    return Coursework(id=piece_id, title=title, total_words=1000,
                      sections=(Section("a", "A", text="one two three"),))


def test_piece_list_model(qtmodeltester):
    model = PieceListModel()
    model.set_pieces([piece(1, "Essay"), piece(2, "Portfolio")])
    qtmodeltester.check(model)
    assert model.index(1).data(PIECE_ID_ROLE) == 2
    assert model.index(0).data() == "Essay\n3 of 1000 words"
    assert model.update_piece(piece(2, "Portfolio, revised"))
    assert model.index(1).data().startswith("Portfolio, revised")
    assert not model.update_piece(piece(9, "Not listed"))
    qtmodeltester.check(model)


def test_section_list_model(qtmodeltester):
    model = SectionListModel()
    model.set_rows([SectionProgress("a", "Mutual", 10, 500, 1),
                    SectionProgress("b", "Safe", 0, None, 0)])
    qtmodeltester.check(model)
    assert model.index(0).data() == "Mutual\n10 of 500 words · 1 example"
    assert model.index(1).data(SECTION_KEY_ROLE) == "b"
    model.update_row(SectionProgress("b", "Safe", 12, None, 2))
    assert model.index(1).data() == "Safe\n12 words · 2 examples"
    assert model.index(1).data(1) is not None  # done: a tick
    qtmodeltester.check(model)


def test_example_list_model_moves_and_removes(qtmodeltester):
    model = ExampleListModel()
    first = Example(1, "We made tea.", "Night shift", dt.date(2026, 1, 9))
    second = Example(2, "She chose.", "", None)
    model.set_examples([(first, None), (second, "The entry is in the trash.")])
    qtmodeltester.check(model)
    assert "Night shift" in model.index(0).data() and "“We made tea.”" in model.index(0).data()
    assert model.index(1).data(PROBLEM_ROLE) == "The entry is in the trash."
    assert model.move(0, 1) and model.examples() == (second, first)
    assert not model.move(1, 1)
    assert model.move(1, -1) and model.index(0).data(EXAMPLE_ROLE) == first
    model.remove(0)
    assert model.examples() == (second,)
    qtmodeltester.check(model)
