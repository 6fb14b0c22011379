"""Focus stays where the user was, suggestions keep their place, every action has a key."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction, QColor, QImage, QPainter, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMenu,
    QStyle,
    QStyleOptionViewItem,
    QWidget,
)

from psw_journal.core.entry import LinkKind
from psw_journal.core.templates import TEMPLATES
from psw_journal.ui.history_dialog import HistoryDialog

pytestmark = pytest.mark.ui

BODY = (
    "Tonight D. asked what happens to what he tells me, so we talked about confidentiality "
    "and boundaries. He said he trusts me more now. He hopes to get back to work one day, "
    "and we made a plan for the setbacks."
)


def real_click(widget: QWidget) -> None:
    """Click a widget through its window, as a mouse does (which also moves the focus)."""
    window = widget.window()
    position = widget.mapTo(window, widget.rect().center())
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, position)


def _with_suggestions(qtbot, controller, unlock):
    window = unlock(controller)
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 15)
    window.resize(1280, 800)
    window.new_entry(TEMPLATES[0])
    window.editor.body.setPlainText(BODY)
    window.suggestions.refresh()
    assert len(window.link_panel.suggestion_buttons) >= 2
    return window


def test_a_click_on_link_leaves_the_focus_where_the_user_was_writing(
    qtbot, sample_journal, controller, unlock
):
    window = _with_suggestions(qtbot, controller, unlock)
    panel = window.link_panel
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.editor.body.setFocus()
    qtbot.waitUntil(window.editor.body.hasFocus)
    qtbot.mouseClick(panel.suggestion_buttons[0], Qt.MouseButton.LeftButton)
    qtbot.wait(20)
    assert window.editor.body.hasFocus()
    assert not window.filter_bar.search.hasFocus()


def test_link_with_the_keyboard_moves_to_the_next_suggestion(
    qtbot, sample_journal, controller, unlock
):
    window = _with_suggestions(qtbot, controller, unlock)
    panel = window.link_panel
    window.activateWindow()
    while panel.suggestion_buttons:
        panel.suggestion_buttons[0].setFocus()
        qtbot.waitUntil(panel.suggestion_buttons[0].hasFocus)
        following = panel.suggestion_buttons[1] if len(panel.suggestion_buttons) > 1 else None
        qtbot.keyClick(panel.suggestion_buttons[0], Qt.Key.Key_Space)
        qtbot.wait(20)
        focused = QApplication.focusWidget()
        assert focused is not window.filter_bar.search
        assert panel.isAncestorOf(focused)
        if following is not None:
            assert focused is following


def test_remove_link_keeps_the_focus_in_the_linked_list(qtbot, sample_journal, controller,
                                                        unlock):
    window = unlock(controller)
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 15)
    panel = window.link_panel
    window.new_entry(TEMPLATES[0])
    for principle in ("safe", "mutual"):
        panel.link(LinkKind.PRINCIPLE, principle)
    panel.tabs.setCurrentIndex(2)
    panel.linked.setCurrentRow(0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    real_click(panel.unlink_button)
    qtbot.wait(20)
    assert panel.linked.count() == 1 and panel.unlink_button.hasFocus()
    qtbot.keyClick(panel.unlink_button, Qt.Key.Key_Space)
    qtbot.wait(20)
    assert panel.linked.count() == 0
    assert panel.linked.hasFocus()
    assert not window.filter_bar.search.hasFocus()


def test_the_tabs_stay_put_as_suggestions_come_and_go(qtbot, sample_journal, controller,
                                                      unlock):
    window = unlock(controller)
    window.resize(1280, 800)
    panel = window.link_panel
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 15)
    window.new_entry(TEMPLATES[0])
    qtbot.wait(20)

    def where() -> tuple[int, int, int]:
        box = panel.suggestion_box
        return (panel.tabs.mapTo(window, QPoint(0, 0)).y(), box.sizeHint().height(),
                box.minimumSizeHint().height())

    without = where()
    window.editor.body.setPlainText(BODY)
    window.suggestions.refresh()
    assert len(panel.suggestion_buttons) >= 3
    qtbot.wait(20)
    assert where() == without
    while panel.suggestion_buttons:
        qtbot.mouseClick(panel.dismiss_buttons[0], Qt.MouseButton.LeftButton)
    qtbot.wait(20)
    assert where() == without


def test_a_trashed_entry_offers_no_links_and_restore_needs_an_entry(
    qtbot, sample_journal, controller, unlock
):
    window = unlock(controller)
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 15)
    window.entry_list.setCurrentIndex(window.list_model.index(0))
    window.entry_list.setFocus()
    window.actions_by_name["trash"].trigger()
    window.filter_bar.trash.click()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1)
    restore = window.actions_by_name["restore"]
    assert not restore.isEnabled()  # nothing selected yet
    window.entry_list.setCurrentIndex(window.list_model.index(0))
    qtbot.waitUntil(lambda: window.session.is_read_only)
    assert restore.isEnabled()
    panel = window.link_panel
    window.suggestions.refresh()
    assert panel.suggestion_buttons == [] and panel.dismiss_buttons == []
    first = window.framework.competences[0].id
    index = panel.tree_model.competence_index(first)
    assert not index.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert not any(box.isEnabled() for box in panel.principle_boxes.values())


def test_space_never_links_a_competence_out_of_view(qtbot, sample_journal, controller, unlock):
    window = unlock(controller)
    qtbot.waitUntil(lambda: window.framework is not None)
    window.resize(1280, 800)
    window.activateWindow()
    panel = window.link_panel
    tree = panel.tree
    tree.expandAll()
    first_id = window.framework.competences[0].id
    first = panel.proxy.mapFromSource(panel.tree_model.competence_index(first_id))
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    tree.setCurrentIndex(first)
    tree.scrollToBottom()
    qtbot.wait(20)
    assert not tree.visualRect(first).intersects(tree.viewport().rect())
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert panel.links() == ()  # the first Space only shows it
    assert tree.visualRect(first).intersects(tree.viewport().rect())
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert [link.target_id for link in panel.links()] == [first_id]

    tree.clearFocus()
    tree.scrollToBottom()
    qtbot.wait(20)
    tree.setFocus(Qt.FocusReason.TabFocusReason)  # arriving with Tab: a visible item is current
    qtbot.waitUntil(tree.hasFocus)
    assert tree.is_current_visible()


def test_the_focused_competence_has_a_visible_frame(qtbot, sample_journal, controller, unlock):
    window = unlock(controller)
    qtbot.waitUntil(lambda: window.framework is not None)
    tree = window.link_panel.tree
    index = tree.model().index(0, 0)
    image = QImage(300, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 300, 40)
    option.palette = tree.palette()
    option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_HasFocus
    painter = QPainter(image)
    tree.itemDelegate().paint(painter, option, index)
    painter.end()
    highlight = tree.palette().color(QPalette.ColorRole.Highlight)
    assert QColor(image.pixel(1, 20)) == highlight and QColor(image.pixel(150, 1)) == highlight


def test_alt_v_opens_the_view_menu_not_the_preview(qtbot, sample_journal, controller, unlock):
    window = unlock(controller)
    mnemonics = [re.search(r"&(\w)", m.title()).group(1).lower()
                 for m in window.menuBar().findChildren(QMenu) if m.title()]
    tabs = window.editor.tabs
    tab_keys = [re.search(r"&(\w)", tabs.tabText(i)).group(1).lower() for i in range(tabs.count())]
    assert "v" in mnemonics and "v" not in tab_keys


def test_every_action_is_in_a_menu_and_the_help_names_keys_as_people_type_them(
    qtbot, sample_journal, controller, unlock
):
    from psw_journal.ui.help_dialogs import human_keys, shortcuts_html

    window = unlock(controller)
    in_menus: set[QAction] = set()

    def collect(menu: QMenu) -> None:
        for action in menu.actions():
            in_menus.add(action)
            if action.menu() is not None:
                collect(action.menu())

    for action in window.menuBar().actions():
        collect(action.menu())
    assert set(window.actions_by_name.values()) <= in_menus
    assert human_keys(window.actions_by_name["undo"]) == "Ctrl+Z"
    assert human_keys(window.actions_by_name["quit"]) == "Ctrl+Q"
    table = shortcuts_html(list(window.actions_by_name.values()))
    keys = re.findall(r"<b>(.*?)</b>", table)
    assert "Ctrl+Z" in keys and "Ctrl+L" in keys
    assert not [k for k in keys if ", " in k or "F14" in k or k in ("Undo", "Exit")]


def test_history_shows_current_in_full(qtbot, sample_journal, controller, unlock):
    window = unlock(controller)
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 15)
    entry_id = window.list_model.index(0).data(Qt.ItemDataRole.UserRole + 1)
    dialog = HistoryDialog(window.bridge.revisions(entry_id), window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.list.item(0).text().endswith("(current)")
    assert dialog.list.sizeHintForColumn(0) <= dialog.list.viewport().width()


def test_preferences_read_naturally(qtbot, tmp_path):
    from psw_journal.ui.preferences_dialog import Preferences, PreferencesDialog

    dialog = PreferencesDialog(Preferences(1, 11, "", {}), tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.idle.text() == "1 minute"
    dialog.idle.setValue(10)
    assert dialog.idle.text() == "10 minutes"
    for label in dialog.findChildren(QLabel):
        if "&" in label.text() and not label.text().startswith("<"):
            assert label.buddy() is not None, label.text()  # else the "&" shows as it is
