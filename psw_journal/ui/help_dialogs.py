"""Help > Keyboard shortcuts, About the framework and About the app."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from psw_journal import __version__


def _tr(text: str) -> str:
    return QCoreApplication.translate("HelpDialogs", text)


def about_html(framework: Any) -> str:
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


def framework_html(framework: Any) -> str:
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
    QMessageBox.about(parent, _tr("About PSW Reflective Journal"), about_html(framework))


def show_framework_info(parent: QWidget, framework: Any) -> None:
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
