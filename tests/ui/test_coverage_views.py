"""Coverage view, charts and prompts panel over a real encrypted journal, driven with qtbot."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from psw_journal.core.entry import EntryDraft, Link, LinkKind
from psw_journal.core.framework import Framework, load_framework
from psw_journal.core.prompts import PROMPT_STATE_SETTING
from psw_journal.persistence.store import JournalStore
from psw_journal.ui.charts_view import ChartsView
from psw_journal.ui.coverage_view import (
    COUNT_COLUMN,
    LAST_COLUMN,
    NAME_COLUMN,
    WINDOW_3_MONTHS,
    CoverageView,
    bar_colours,
    contrast_ratio,
)
from psw_journal.ui.prompts_panel import PromptsPanel, reason_in_words

pytestmark = pytest.mark.ui

TODAY = dt.date(2026, 11, 24)
TRUST = "crs_build_trust_rapport"


@pytest.fixture(scope="module")
def framework() -> Framework:
    return load_framework()


@pytest.fixture
def store(tmp_path: Path):
    journal = JournalStore.create(tmp_path / "cov.db", "pw")
    old = journal.add(EntryDraft("Old trust", "b", dt.date(2026, 1, 10),
                                 links=(Link(LinkKind.COMPETENCE, TRUST),), stress=4))
    new = journal.add(EntryDraft("New trust", "b", dt.date(2026, 11, 1),
                                 links=(Link(LinkKind.COMPETENCE, TRUST),
                                        Link(LinkKind.PRINCIPLE, "safe")), stress=2))
    journal.ids = (old.id, new.id)  # type: ignore[attr-defined]
    yield journal
    journal.close()


def test_click_competence_then_open_entry(qtbot, store, framework) -> None:
    view = CoverageView(store, framework, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    index = view.competence_index(TRUST)
    assert index.isValid()
    assert index.siblingAtColumn(COUNT_COLUMN).data() == "2"
    assert index.siblingAtColumn(LAST_COLUMN).data() == "01 Nov 2026"
    view.tree.scrollTo(index)
    with qtbot.waitSignal(view.competence_selected, timeout=1000) as selected:
        qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.tree.visualRect(index).center())
    assert selected.args == [TRUST]
    assert view.entry_list.count() == 2
    newest = view.entry_list.item(0)
    assert "New trust" in newest.text()
    view.entry_list.setCurrentItem(newest)
    with qtbot.waitSignal(view.entry_open_requested, timeout=1000) as opened:
        qtbot.keyClick(view.entry_list, Qt.Key.Key_Return)
    assert opened.args == [store.ids[1]]


def test_long_competence_statements_wrap_instead_of_being_cut(qtbot, store, framework) -> None:
    view = CoverageView(store, framework, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1100, 720)
    view.show()
    qtbot.waitExposed(view)
    longest = max(framework.competences, key=lambda c: len(c.statement))
    view.select_competence(longest.id)
    index = view.competence_index(longest.id)
    assert index.column() == NAME_COLUMN
    rect = view.tree.visualRect(index)
    metrics = view.tree.fontMetrics()
    needed = metrics.boundingRect(QRect(0, 0, rect.width() - 12, 10_000),
                                  Qt.TextFlag.TextWordWrap, longest.statement).height()
    assert needed >= 3 * metrics.height()  # the statement really needs several lines
    assert rect.height() >= needed  # and the row gives it all of them
    assert longest.statement in view.entries_label.text()  # full wording beside the tree


def test_count_bars_stand_out_in_light_and_dark(qapp) -> None:
    from psw_journal.ui.theme import dark_palette

    light = QStyleFactory.create("Fusion").standardPalette()
    for palette in (light, dark_palette(), QApplication.palette()):
        bar, track = bar_colours(palette)
        for background in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
            assert contrast_ratio(bar, palette.color(background)) >= 4.5
        assert contrast_ratio(track, palette.color(QPalette.ColorRole.Base)) > 1.2
    assert bar_colours(dark_palette())[0].lightness() > dark_palette().color(
        QPalette.ColorRole.Highlight).lightness()  # made lighter, not merely the highlight


def test_roll_ups_and_window_selector(qtbot, store, framework) -> None:
    view = CoverageView(store, framework, today=TODAY)
    qtbot.addWidget(view)
    area = view.model.match(view.model.index(0, 0), Qt.ItemDataRole.DisplayRole,
                            "Core relational skills", 1,
                            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)[0]
    assert area.siblingAtColumn(COUNT_COLUMN).data() == "1 of 16 evidenced"
    assert view.summary_label.text() == "1 of your 77 competences evidenced"
    view.select_competence(TRUST)
    view.window_combo.setCurrentIndex(WINDOW_3_MONTHS)
    assert view.competence_index(TRUST).siblingAtColumn(COUNT_COLUMN).data() == "1"
    assert view.entry_list.count() == 1  # the side list follows the window


def test_the_employers_competences_are_apart_and_not_in_the_total(
    qtbot, store, framework
) -> None:
    (theirs,) = framework.organisational_competences
    store.add(EntryDraft("Interview panel", "b", dt.date(2026, 5, 1),
                         links=(Link(LinkKind.COMPETENCE, theirs.id),)))
    view = CoverageView(store, framework, today=TODAY)
    qtbot.addWidget(view)
    assert view.summary_label.text() == "1 of your 77 competences evidenced"
    tops = [view.model.index(row, NAME_COLUMN).data() for row in range(view.model.rowCount())]
    assert tops[-1] == "Your employer's competences"
    assert "Competences for organisations supporting the peer support worker role" not in tops
    index = view.competence_index(theirs.id)
    while index.parent().isValid():
        index = index.parent()
    assert index.data() == "Your employer's competences"
    assert view.competence_index(theirs.id).siblingAtColumn(COUNT_COLUMN).data() == "1"
    prompts = PromptsPanel(store, framework, today=TODAY)
    qtbot.addWidget(prompts)
    assert theirs.id not in {p.target_id for p in prompts.prompts}


def test_unknown_ids_are_shown_not_dropped(qtbot, store, framework) -> None:
    store.add(EntryDraft("Retired", "b", dt.date(2026, 5, 1),
                         links=(Link(LinkKind.COMPETENCE, "retired_one"),)))
    view = CoverageView(store, framework, today=TODAY)
    qtbot.addWidget(view)
    assert view.model.match(view.model.index(0, 0), Qt.ItemDataRole.DisplayRole,
                            "Not in this framework", 1, Qt.MatchFlag.MatchExactly)


def test_the_coverage_tree_model_passes_the_model_checks(qtbot, qtmodeltester, store,
                                                          framework) -> None:
    view = CoverageView(store, framework, today=TODAY)
    qtbot.addWidget(view)
    model = view.model
    qtmodeltester.check(model)  # checks every change it signals from here on too
    assert model.competence_index(TRUST).siblingAtColumn(COUNT_COLUMN).data() == "2"
    view.window_combo.setCurrentIndex(WINDOW_3_MONTHS)  # the tree is built again
    assert model.competence_index(TRUST).siblingAtColumn(COUNT_COLUMN).data() == "1"
    view.clear()
    assert model.rowCount() == 0 and model.columnCount() == 3


def test_write_about_this_emits_kind_target_and_text(qtbot, store, framework) -> None:
    panel = PromptsPanel(store, framework, today=TODAY)
    qtbot.addWidget(panel)
    first = panel.cards[0]
    assert first.prompt.target_id == framework.competences[0].id
    assert first.prompt.prompt in framework.competences[0].prompts
    with qtbot.waitSignal(panel.write_requested, timeout=1000) as wrote:
        qtbot.mouseClick(first.write_button, Qt.MouseButton.LeftButton)
    assert wrote.args == ["competence", framework.competences[0].id, first.prompt.prompt]


def test_snooze_and_dismiss_are_saved_in_the_journal(qtbot, store, framework) -> None:
    panel = PromptsPanel(store, framework, today=TODAY)
    qtbot.addWidget(panel)
    first, second = panel.cards[0].prompt, panel.cards[1].prompt
    with qtbot.waitSignal(panel.prompts_changed, timeout=1000):
        qtbot.mouseClick(panel.cards[0].snooze_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.cards[0].dismiss_button, Qt.MouseButton.LeftButton)
    state = store.setting(PROMPT_STATE_SETTING)
    assert state == {"dismissed": [second.key], "snoozed": {first.key: "2026-12-01"}}
    shown = [card.prompt.key for card in panel.cards]
    assert first.key not in shown and second.key not in shown
    later = PromptsPanel(store, framework, today=dt.date(2026, 12, 2))
    qtbot.addWidget(later)
    assert later.cards[0].prompt.key == first.key


def test_dismissed_suggestions_can_be_shown_again(qtbot, store, framework) -> None:
    panel = PromptsPanel(store, framework, today=TODAY)
    qtbot.addWidget(panel)
    assert not panel.restore_button.isEnabled()
    first = panel.cards[0].prompt
    qtbot.mouseClick(panel.cards[0].dismiss_button, Qt.MouseButton.LeftButton)
    assert first.key not in [card.prompt.key for card in panel.cards]
    assert panel.restore_button.isEnabled()
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    assert panel.cards[0].prompt.key == first.key
    assert store.setting(PROMPT_STATE_SETTING)["dismissed"] == []
    assert not panel.restore_button.isEnabled()


def test_reasons_in_plain_words(store, framework) -> None:
    from psw_journal.core.prompts import GapPrompt, GapReason, PromptKind

    def words(reason: GapReason, count: int = 0, last: dt.date | None = None) -> str:
        prompt = GapPrompt(PromptKind.COMPETENCE, "x", reason, "?", count=count, last_date=last)
        return reason_in_words(prompt, TODAY)

    assert words(GapReason.NEVER) == "You haven't written about this yet"
    assert words(GapReason.THIN, 1) == "Only once so far"
    assert words(GapReason.STALE, 3, dt.date(2026, 6, 2)) == "Nothing since June"
    assert words(GapReason.STALE, 3, dt.date(2025, 6, 2)) == "Nothing since June 2025"


def test_charts_render_counts(qtbot, store, framework) -> None:
    charts = ChartsView(store, framework)
    qtbot.addWidget(charts)
    bars = charts.principles_view.chart().series()[0].barSets()[0]
    names = [p.id for p in reversed(framework.principles)]
    assert bars.at(names.index("safe")) == 1
    assert bars.at(names.index("mutual")) == 0
    stress = charts.stress_view.chart().series()[0]
    assert [p.y() for p in stress.points()] == [4, 2]
    timeline = charts.timeline_view.chart().series()[0]
    assert len(timeline.barSets()) == 8
