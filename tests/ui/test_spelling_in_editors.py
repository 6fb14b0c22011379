"""Spell checking in the entry editor and the coursework editor: underline, fix, own words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit
from test_coursework_window import new_piece, open_coursework

from psw_journal.ui.journal_bridge import SPELLING_KEY
from psw_journal.ui.widgets.text_menu import TextContextMenu

pytestmark = pytest.mark.ui
WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline


def underlined(editor: QPlainTextEdit) -> list[str]:
    """Return the words the editor shows with a wavy underline."""
    words = []
    block = editor.document().firstBlock()
    while block.isValid():
        for rng in block.layout().formats():
            if rng.format.underlineStyle() == WAVE:
                words.append(block.text()[rng.start:rng.start + rng.length])
        block = block.next()
    return words


def type_at_end(qtbot, editor: QPlainTextEdit, text: str) -> None:
    editor.moveCursor(QTextCursor.MoveOperation.End)
    for i, line in enumerate(text.split("\n")):
        if i:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, line)


def menu_at(editor: QPlainTextEdit, word: str):
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().rindex(word) + 2)
    pos = editor.cursorRect(cursor).center()
    return TextContextMenu.of(editor).build(pos)


@pytest.fixture
def window(qtbot, sample_journal, controller, unlock):
    main = unlock(controller)
    qtbot.waitUntil(lambda: main.spelling.speller is not None, timeout=10_000)
    return main


def test_a_misspelt_word_is_underlined_and_fixed_from_the_menu(qtbot, window):
    body = window.editor.body
    window.open_entry(1)
    qtbot.waitUntil(lambda: not window.spelling._pending)  # gradual pass done
    assert not window.session.is_dirty  # underlining is not an edit
    before = underlined(body)
    type_at_end(qtbot, body, "\n\nI recieve `zzqxv` at https://zzqq.example.org NHS support.")
    qtbot.waitUntil(lambda: "recieve" in underlined(body))
    assert underlined(body) == [*before, "recieve"]

    menu = menu_at(body, "recieve")
    texts = [action.text().replace("&", "") for action in menu.actions()]
    assert texts[0] == "receive"
    assert "Add “recieve” to dictionary" in texts
    assert "Use as an example in…" in texts
    next(a for a in menu.actions() if a.text() == "receive").trigger()
    assert body.toPlainText().endswith(
        "I receive `zzqxv` at https://zzqq.example.org NHS support.")
    qtbot.waitUntil(lambda: not {"recieve", "receive"} & set(underlined(body)))


def test_words_added_are_kept_in_the_journal_for_both_editors(qtbot, window, controller,
                                                              unlock):
    coursework = open_coursework(qtbot, window)
    new_piece(qtbot, coursework, "Essay")
    section = coursework.section_editor.body
    type_at_end(qtbot, section, "Zorbington helped me. ")
    qtbot.waitUntil(lambda: underlined(section) == ["Zorbington"])
    body = window.editor.body
    window.open_entry(1)
    type_at_end(qtbot, body, "\n\nI met Zorbington.")
    qtbot.waitUntil(lambda: "Zorbington" in underlined(body))

    menu = menu_at(section, "Zorbington")
    add = next(a for a in menu.actions() if a.objectName() == "add-to-dictionary")
    add.trigger()
    qtbot.waitUntil(lambda: "Zorbington" not in underlined(section) + underlined(body))
    assert controller.bridge.journal.setting(SPELLING_KEY) == ["Zorbington"]

    controller.lock()
    assert not window.spelling.speller.is_known("Zorbington")  # forgotten while locked
    unlock(controller)
    assert window.spelling.speller.is_known("Zorbington")


def test_a_long_text_is_underlined_over_several_turns_not_at_once(qtbot, window):
    body = window.editor.body
    lines = ["We talked about hope and what helps, and then we made tea."] * 4000
    body.setPlainText("\n".join([*lines, "The last line has a mistaek."]))
    assert "mistaek" not in underlined(body)  # the load did not check all 4,000 lines
    qtbot.waitUntil(lambda: "mistaek" in underlined(body), timeout=10_000)


def test_underlining_a_long_entry_is_not_an_edit(qtbot, window):
    window.open_entry(1)
    body = window.editor.body
    window.spelling.rehighlight_all()  # as when the word list arrives or a word is added
    qtbot.waitUntil(lambda: not window.spelling._pending)
    assert not window.session.is_dirty
    assert body.toPlainText() == controller_body(window, 1)


def controller_body(window, entry_id: int) -> str:
    return window.bridge.get(entry_id).body
