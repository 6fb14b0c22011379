"""Help > About and Help > Keyboard shortcuts."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from psw_journal import __version__


def about_html(framework: Any) -> str:
    """Return the About text: app version and the framework's title, version and attribution."""
    parts = [f"<h3>PSW Reflective Journal {html.escape(__version__)}</h3>",
             "<p>A private, offline, encrypted reflective journal for Peer Support Workers "
             "and students. Nothing leaves this computer.</p>"]
    if framework is not None:
        parts.append(f"<p><b>{html.escape(framework.title)}</b>, version "
                     f"{html.escape(framework.version)}</p>"
                     f"<p>{html.escape(framework.attribution)}</p>")
    return "".join(parts)


def shortcuts_html(actions: list[QAction]) -> str:
    """Return a table of the actions that have keyboard shortcuts."""
    rows = []
    for action in actions:
        keys = ", ".join(s.toString(s.SequenceFormat.NativeText) for s in action.shortcuts())
        if keys:
            name = html.escape(action.text().replace("&", ""))
            rows.append(f"<tr><td>{name}</td><td>&nbsp;&nbsp;<b>{html.escape(keys)}</b></td></tr>")
    return "<table>" + "".join(rows) + "</table>"


def show_about(parent: QWidget, framework: Any) -> None:
    """Show the About box."""
    QMessageBox.about(parent, "About PSW Reflective Journal", about_html(framework))


def show_shortcuts(parent: QWidget, actions: list[QAction]) -> None:
    """Show the keyboard shortcuts."""
    box = QMessageBox(QMessageBox.Icon.NoIcon, "Keyboard shortcuts", shortcuts_html(actions),
                      QMessageBox.StandardButton.Close, parent)
    box.exec()
