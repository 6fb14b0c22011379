"""Choosing a passphrase: typed twice, rated as it is typed, a weak one only if acknowledged.

Used by "Create your journal" and by Preferences > Change passphrase; the rule itself lives in
``core.passphrase_strength``, shared with the command line.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QWidget

from psw_journal.core.passphrase_strength import (
    PassphraseRating,
    rate_passphrase,
    weak_passphrase_message,
)

CHOOSE_HINT = "Choose a passphrase: a few unrelated words are strong and easy to remember."


class NewPassphraseFields(QWidget):
    """Passphrase, repeat, a strength line and, for a weak one, an "I understand" box.

    Call :meth:`problem` before using :meth:`passphrase`: it says what is still wrong.
    """

    def __init__(self, label: str = "&Passphrase:", parent: QWidget | None = None,
                 user_inputs: Callable[[], list[str]] = list) -> None:
        super().__init__(parent)
        self._user_inputs = user_inputs
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName("Repeat passphrase")
        self.strength = QLabel(CHOOSE_HINT, wordWrap=True)
        self.strength.setAccessibleName("Passphrase strength")
        self.accept_weak = QCheckBox("I understand this passphrase is weak and want to use it")
        self.accept_weak.hide()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(label, self.passphrase)
        form.addRow("&Repeat it:", self.repeat)
        form.addRow("", self.strength)
        form.addRow("", self.accept_weak)
        self.passphrase.textChanged.connect(self.update_strength)

    def rating(self) -> PassphraseRating:
        """Return how strong the typed passphrase is."""
        return rate_passphrase(self.passphrase.text(), self._user_inputs())

    def update_strength(self) -> None:
        """Rate the passphrase again; offer the "I understand" box only for a weak one."""
        text = self.passphrase.text()
        rating = self.rating()
        self.strength.setText(rating.describe() if text else CHOOSE_HINT)
        weak = bool(text) and not rating.is_strong_enough
        if not weak:
            self.accept_weak.setChecked(False)
        self.accept_weak.setVisible(weak)

    def problem(self) -> str | None:
        """Return why the passphrase cannot be used yet, or None when it can."""
        secret = self.passphrase.text()
        if not secret:
            return "Please type a passphrase."
        if secret != self.repeat.text():
            return "The two passphrases are not the same. Please type them again."
        rating = self.rating()
        if not rating.is_strong_enough and not self.accept_weak.isChecked():
            return (weak_passphrase_message(rating)
                    + " To use it all the same, tick “I understand this passphrase is weak”.")
        return None

    def clear(self) -> None:
        """Forget what was typed."""
        self.passphrase.clear()
        self.repeat.clear()
        self.accept_weak.setChecked(False)
