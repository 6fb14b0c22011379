"""Help > Keyboard shortcuts, About the framework and About the app."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from psw_journal import __version__

if TYPE_CHECKING:
    from psw_journal.core.framework import Framework


def _tr(text: str) -> str:
    return QCoreApplication.translate("HelpDialogs", text)


def about_html(framework: Framework | None) -> str:
    """Return the About text: app version and the framework's title, version and attribution."""
    parts = [f"<h3>{html.escape(_tr('PSW Reflective Journal'))} {html.escape(__version__)}</h3>",
             "<p>" + html.escape(_tr(
                 "A private, offline, encrypted reflective journal for Peer Support Workers "
                 "and students. Nothing leaves this computer.")) + "</p>"]
    if framework is not None:
        parts.append("<p>" + _tr("<b>{0}</b>, version {1}").format(
            html.escape(framework.title), html.escape(framework.version)) + "</p>"
            f"<p>{html.escape(framework.attribution)}</p>")
    return "".join(parts)


def framework_html(framework: Framework | None) -> str:
    """Return what Help > About the framework says: title, version, source and counts."""
    if framework is None:
        return "<p>" + html.escape(_tr("No framework is loaded.")) + "</p>"
    counts = [
        (_tr("Domains"), len(framework.domains)),
        (_tr("Areas"), len(framework.areas)),
        (_tr("Competences"), len(framework.competences)),
        (_tr("Principles"), len(framework.principles)),
    ]
    rows = "".join(f"<tr><td>{html.escape(name)}</td><td align='right'>&nbsp;&nbsp;<b>{n}</b>"
                   "</td></tr>" for name, n in counts)
    documents = "".join(f"<li>{html.escape(doc)}</li>" for doc in framework.source_documents)
    parts = [
        f"<h3>{html.escape(framework.title)}</h3>",
        "<p>" + html.escape(_tr("Version {0}").format(framework.version)) + "</p>",
        f"<table>{rows}</table>",
        "<p><b>" + html.escape(_tr("Source")) + f":</b> {html.escape(framework.source_name)}</p>",
        f"<p>{html.escape(framework.attribution)}</p>",
    ]
    if documents:
        parts.append("<p>" + html.escape(_tr("Taken from:")) + f"</p><ul>{documents}</ul>")
    return "".join(parts)


def human_keys(action: QAction) -> str:
    """Return an action's main shortcut as a person types it ("Ctrl+Z"), or "" if none.

    Standard keys also bind alternatives and keys few keyboards have ("Ctrl+Z, F14, Undo"):
    the first one on an ordinary keyboard is the one to learn.
    """
    keys = [sequence.toString(QKeySequence.SequenceFormat.NativeText)
            for sequence in action.shortcuts() if _is_typeable(sequence)]
    return keys[0] if keys else ""


def _is_typeable(sequence: QKeySequence) -> bool:
    """Tell whether every key of a sequence is on an ordinary keyboard."""
    for index in range(sequence.count()):
        key = sequence[index].key()
        if key in _ODD_KEYS or (Qt.Key.Key_F13 <= key <= Qt.Key.Key_F35):
            return False
        if key.value >= Qt.Key.Key_Escape.value and key not in _NAMED_KEYS:
            return False
    return sequence.count() > 0


_NAMED_KEYS = frozenset({
    Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backspace, Qt.Key.Key_Return,
    Qt.Key.Key_Enter, Qt.Key.Key_Insert, Qt.Key.Key_Delete, Qt.Key.Key_Home, Qt.Key.Key_End,
    Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown, *(Qt.Key(Qt.Key.Key_F1.value + n) for n in range(12)),
})
_ODD_KEYS = frozenset({Qt.Key.Key_Undo, Qt.Key.Key_Redo, Qt.Key.Key_Exit, Qt.Key.Key_Find,
                       Qt.Key.Key_Save, Qt.Key.Key_New, Qt.Key.Key_Open, Qt.Key.Key_Close})


def shortcuts_html(actions: list[QAction]) -> str:
    """Return a table of the actions that have keyboard shortcuts."""
    rows = []
    for action in actions:
        keys = human_keys(action)
        if keys:
            name = html.escape(action.text().replace("&", ""))
            rows.append(f"<tr><td>{name}</td><td>&nbsp;&nbsp;<b>{html.escape(keys)}</b></td></tr>")
    return "<table>" + "".join(rows) + "</table>"


def show_about(parent: QWidget, framework: Framework | None) -> None:
    """Show the About box."""
    QMessageBox.about(parent, _tr("About PSW Reflective Journal"), about_html(framework))


def show_framework_info(parent: QWidget, framework: Framework | None) -> None:
    """Show what the competence framework is, where it comes from, and what it holds."""
    box = QMessageBox(QMessageBox.Icon.NoIcon, _tr("About the framework"),
                      framework_html(framework), QMessageBox.StandardButton.Close, parent)
    box.setObjectName("framework-info")
    box.finished.connect(box.deleteLater)
    box.open()


def show_shortcuts(parent: QWidget, actions: list[QAction]) -> None:
    """Show the keyboard shortcuts."""
    box = QMessageBox(QMessageBox.Icon.NoIcon, _tr("Keyboard shortcuts"), shortcuts_html(actions),
                      QMessageBox.StandardButton.Close, parent)
    box.exec()
