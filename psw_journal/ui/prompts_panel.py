"""The prompts panel: gentle suggestions of what to reflect on next, one card each."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from psw_journal.core.coverage import build_coverage
from psw_journal.core.framework import Framework
from psw_journal.core.prompts import (
    PROMPT_STATE_SETTING,
    GapPrompt,
    GapReason,
    PromptKind,
    dismiss_prompt,
    gap_prompts,
    prune_prompt_state,
    restore_prompts,
    snooze_prompt,
)
from psw_journal.services.journal import JournalEditing

SNOOZE_DAYS = 7


def reason_in_words(prompt: GapPrompt, today: dt.date) -> str:
    """Say in plain words why a prompt is suggested ("Only once so far")."""
    if prompt.reason is GapReason.NEVER:
        return "You haven't written about this yet"
    if prompt.reason is GapReason.THIN:
        return "Only once so far" if prompt.count == 1 else f"Only {prompt.count} times so far"
    if prompt.reason is GapReason.STALE and prompt.last_date is not None:
        month = prompt.last_date.strftime("%B")
        if prompt.last_date.year != today.year:
            month += f" {prompt.last_date.year}"
        return f"Nothing since {month}"
    return "A moment to check in with yourself"


class PromptCard(QFrame):
    """One prompt with its reason and the three actions."""

    def __init__(self, prompt: GapPrompt, reason: str, parent: QWidget | None = None) -> None:
        """Lay out the card; the panel connects its buttons."""
        super().__init__(parent)
        self.prompt = prompt
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("promptCard")
        reason_label = QLabel(reason)
        font = reason_label.font()
        font.setBold(True)
        reason_label.setFont(font)
        about = prompt.label if prompt.kind is not PromptKind.SELF_CHECK else "Self-check"
        self.about_label = QLabel(about)
        self.about_label.setWordWrap(True)
        small = self.about_label.font()
        small.setItalic(True)
        self.about_label.setFont(small)
        self.text_label = QLabel(prompt.prompt)
        self.text_label.setWordWrap(True)
        larger = self.text_label.font()
        larger.setPointSizeF(larger.pointSizeF() * 1.1)
        self.text_label.setFont(larger)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.write_button = QPushButton("Write about this")
        self.snooze_button = QPushButton("Snooze a week")
        self.dismiss_button = QPushButton("Dismiss")
        self.dismiss_button.setToolTip("Don't suggest this again")
        buttons = QHBoxLayout()
        buttons.addWidget(self.write_button)
        buttons.addStretch(1)
        buttons.addWidget(self.snooze_button)
        buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.addWidget(reason_label)
        layout.addWidget(self.about_label)
        layout.addWidget(self.text_label)
        layout.addLayout(buttons)


class PromptsPanel(QWidget):
    """Suggestions of what to write about next, from the journal's coverage gaps.

    Snoozing and dismissing are saved in the journal (setting ``prompt_state``). Call
    ``refresh()`` after entries change.

    Signals:
        write_requested(str, str, str): The user chose "Write about this"; the arguments are
            the prompt's kind ("competence", "principle" or "self_check"), its target id and
            its text. ``psw_journal.core.prompts.draft_for_prompt`` builds the new entry.
        prompts_changed(): The list was rebuilt (after a refresh, snooze or dismiss).
    """

    write_requested = Signal(str, str, str)
    prompts_changed = Signal()

    def __init__(self, store: JournalEditing, framework: Framework, parent: QWidget | None = None,
                 *, today: dt.date | None = None, limit: int = 8) -> None:
        """Build the panel and show the first prompts.

        Args:
            store: The open JournalStore (written to when snoozing or dismissing).
            framework: The framework the prompts come from.
            parent: The parent widget.
            today: The reference date (today when None).
            limit: How many prompts to show at once.
        """
        super().__init__(parent)
        self._store: JournalEditing | None = store
        self._framework = framework
        self._today = today or dt.date.today()
        self._limit = limit
        self.cards: list[PromptCard] = []
        self.prompts: list[GapPrompt] = []
        heading = QLabel("What could I reflect on next?")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        heading.setFont(font)
        self.empty_label = QLabel("Nothing to suggest right now: you have written about "
                                  "every competence and principle recently.")
        self.empty_label.setWordWrap(True)
        self._cards_box = QWidget()
        self._cards_layout = QVBoxLayout(self._cards_box)
        self._cards_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._cards_box)
        self.restore_button = QPushButton("Show dismissed and snoozed suggestions &again")
        self.restore_button.clicked.connect(self.restore_all)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.empty_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.restore_button)
        self.refresh()

    def set_source(self, store: JournalEditing, framework: Framework) -> None:
        """Read another open journal (after unlocking) or framework, and refresh."""
        if framework is not self._framework:
            self.prompts = []
        self._store, self._framework = store, framework
        self.refresh()

    def clear(self) -> None:
        """Remove every card and forget the journal (when locking)."""
        self._store = None
        self.prompts = []
        self.restore_button.setEnabled(False)
        self._remove_cards()
        self.empty_label.setVisible(False)

    def _remove_cards(self) -> None:
        for card in self.cards:
            self._cards_layout.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = []
        while self._cards_layout.count():
            self._cards_layout.takeAt(0)

    def refresh(self) -> None:
        """Recompute the prompts and rebuild the cards (only if the prompts changed)."""
        if self._store is None:
            return
        coverage = build_coverage(self._framework, self._store.link_tallies())
        state = self._state()
        self.restore_button.setEnabled(bool(state["dismissed"] or state["snoozed"]))
        prompts = gap_prompts(self._framework, coverage, self._today, state)[: self._limit]
        if prompts == self.prompts and self.cards:
            return
        self.prompts = prompts
        self._remove_cards()
        for prompt in self.prompts:
            card = PromptCard(prompt, reason_in_words(prompt, self._today), self._cards_box)
            card.write_button.clicked.connect(lambda _=False, p=prompt: self._write(p))
            card.snooze_button.clicked.connect(lambda _=False, p=prompt: self.snooze(p))
            card.dismiss_button.clicked.connect(lambda _=False, p=prompt: self.dismiss(p))
            self._cards_layout.addWidget(card)
            self.cards.append(card)
        self._cards_layout.addStretch(1)
        self.empty_label.setVisible(not self.prompts)
        self.prompts_changed.emit()

    def _write(self, prompt: GapPrompt) -> None:
        self.write_requested.emit(str(prompt.kind), prompt.target_id, prompt.prompt)

    def snooze(self, prompt: GapPrompt) -> None:
        """Hide a prompt for a week, then refresh."""
        until = self._today + dt.timedelta(days=SNOOZE_DAYS)
        self._save(snooze_prompt(self._state(), prompt.key, until))

    def dismiss(self, prompt: GapPrompt) -> None:
        """Stop suggesting a prompt, then refresh."""
        self._save(dismiss_prompt(self._state(), prompt.key))

    def restore_all(self) -> None:
        """Suggest again every prompt that was dismissed or snoozed, then refresh."""
        self._save(restore_prompts(self._state()))

    def _state(self) -> dict[str, Any]:
        stored = self._store.setting(PROMPT_STATE_SETTING, {}) if self._store else {}
        return prune_prompt_state(stored, self._today)

    def _save(self, state: dict[str, Any]) -> None:
        if self._store is None:
            return  # locked meanwhile
        self._store.set_setting(PROMPT_STATE_SETTING, state)
        self.refresh()
