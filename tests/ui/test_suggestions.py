"""Link suggestions: shown with reasons, linked on a click only, dismissed for good."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from psw_journal.core.entry import LinkKind
from psw_journal.core.suggest import Feedback
from psw_journal.core.templates import TEMPLATES, template_by_id
from psw_journal.ui.journal_bridge import DISMISSED_KEY, FEEDBACK_KEY
from psw_journal.ui.models.entry_list_model import ENTRY_ID_ROLE

pytestmark = pytest.mark.ui

BODY = (
    "Tonight D. asked what happens to what he tells me, so we talked about confidentiality "
    "and boundaries. He said he trusts me more now. He hopes to get back to work one day, "
    "and we made a plan for the setbacks."
)


def _suggestion_texts(panel) -> list[str]:
    return [label.text() for label in panel.suggestion_box.findChildren(type(panel.details))]


def test_suggestions_show_reasons_link_on_click_and_stay_dismissed(
    qtbot, sample_journal, controller, unlock
) -> None:
    window = unlock(controller)
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 15)
    panel = window.link_panel
    window.new_entry(TEMPLATES[0])
    qtbot.keyClicks(window.editor.title, "Talking about trust")
    window.editor.body.selectAll()
    qtbot.keyClicks(window.editor.body, BODY)
    # Shown after a pause in typing, never before, and nothing is linked by itself.
    assert not panel.shown_suggestions
    qtbot.waitUntil(lambda: len(panel.shown_suggestions) >= 3, timeout=3000)
    assert panel.links() == ()
    kinds = {s.kind for s in panel.shown_suggestions}
    assert kinds == {"competence", "principle"}
    texts = _suggestion_texts(panel)
    assert any("You wrote: ‘" in text for text in texts)
    phrases = [p for s in panel.shown_suggestions for p in s.because]
    assert all(p.lower() in f"talking about trust\n{BODY.lower()}" for p in phrases)

    accepted = panel.shown_suggestions[0]
    with qtbot.waitSignal(panel.links_changed):
        qtbot.mouseClick(panel.suggestion_buttons[0], Qt.MouseButton.LeftButton)
    assert (LinkKind(accepted.kind), accepted.id) in {(k.kind, k.target_id) for k in panel.links()}
    assert accepted not in panel.shown_suggestions

    dismissed = panel.shown_suggestions[0]
    qtbot.mouseClick(panel.dismiss_buttons[0], Qt.MouseButton.LeftButton)
    assert dismissed.id not in {s.id for s in panel.shown_suggestions}
    window.suggestions.refresh()
    assert dismissed.id not in {s.id for s in panel.shown_suggestions}
    assert panel.shown_suggestions, "other suggestions stay on offer"

    with qtbot.waitSignal(window.session.saved, timeout=5000):
        window.actions_by_name["save"].trigger()
    entry_id = window.session.entry_id
    store = controller.bridge.journal
    assert store.setting(DISMISSED_KEY)[str(entry_id)] == [dismissed.id]
    feedback = Feedback.from_json(store.setting(FEEDBACK_KEY))
    assert [(i.kind, i.id) for i in feedback.accepted] == [(accepted.kind, accepted.id)]
    assert [(i.kind, i.id) for i in feedback.rejected] == [(dismissed.kind, dismissed.id)]

    # Another entry, then back: the dismissed suggestion does not return for this entry.
    other = next(row for row in range(window.list_model.rowCount())
                 if window.list_model.index(row).data(ENTRY_ID_ROLE) != entry_id)
    window.entry_list.setCurrentIndex(window.list_model.index(other))
    qtbot.waitUntil(lambda: window.session.entry_id != entry_id)
    window.open_entry(entry_id)
    assert window.session.entry_id == entry_id
    assert panel.shown_suggestions
    assert dismissed.id not in {s.id for s in panel.shown_suggestions}
    assert accepted.id not in {s.id for s in panel.shown_suggestions}


def test_dismissing_before_the_first_save_is_kept_with_the_entry(
    qtbot, sample_journal, controller, unlock
) -> None:
    window = unlock(controller)
    panel = window.link_panel
    window.new_entry(TEMPLATES[0])
    window.editor.body.setPlainText(BODY)
    window.suggestions.refresh()  # typed, not saved yet: the dismissal waits for the first save
    dismissed = panel.shown_suggestions[0]
    qtbot.mouseClick(panel.dismiss_buttons[0], Qt.MouseButton.LeftButton)
    assert window.session.entry_id is None
    assert window.session.save_now()
    entry_id = window.session.entry_id
    assert controller.bridge.dismissed_suggestions(entry_id) == {dismissed.id}


def test_a_template_is_not_evidence_only_what_the_user_types_is(
    qtbot, sample_journal, controller, unlock
) -> None:
    window = unlock(controller)
    panel = window.link_panel
    window.new_entry(template_by_id("gibbs"))
    window.suggestions.refresh()
    assert panel.shown_suggestions == []
    cursor = window.editor.body.textCursor()
    cursor.setPosition(window.editor.body.toPlainText().index("## Feelings"))
    window.editor.body.setTextCursor(cursor)
    typed = "I was nervous about the ending and our last session."
    qtbot.keyClicks(window.editor.body, typed)
    qtbot.keyClick(window.editor.body, Qt.Key.Key_Return)
    window.suggestions.refresh()
    assert panel.shown_suggestions
    assert all(p in typed for s in panel.shown_suggestions for p in s.because)


def test_a_very_long_entry_is_ranked_off_the_ui_thread(
    qtbot, sample_journal, controller, unlock, monkeypatch
) -> None:
    from psw_journal.ui import suggestion_feed

    window = unlock(controller)
    monkeypatch.setattr(suggestion_feed, "LONG_ENTRY_WORDS", 10)
    window.new_entry(TEMPLATES[0])
    window.editor.body.setPlainText(BODY)
    window.suggestions.refresh()
    assert not window.link_panel.shown_suggestions  # not yet: a worker is ranking it
    qtbot.waitUntil(lambda: bool(window.link_panel.shown_suggestions), timeout=5000)


def test_counted_phrases_and_statements_read_naturally(qapp) -> None:
    from psw_journal.ui.plurals import counted
    from psw_journal.ui.widgets.link_panel import without_preamble

    assert counted("T", "{0} entry", "{0} entries", 1) == "1 entry"
    assert counted("T", "{0} entry", "{0} entries", 3) == "3 entries"
    assert without_preamble("An ability to listen without judging") == "Listen without judging"
    assert without_preamble("Knows the local services") == "Knows the local services"
