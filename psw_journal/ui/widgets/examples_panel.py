"""A section's examples (reorder, remove, open), what the brief asks it to evidence, and gaps."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from psw_journal.core.coursework import Check, Example
from psw_journal.ui.models.coursework_models import EXAMPLE_ROLE, ExampleListModel


class ExamplesPanel(QWidget):
    """Show and arrange one section's examples; show its checklist and the piece's gaps.

    Signals:
        examples_edited(object): the student removed or moved an example (the new tuple).
        entry_open_requested(int): "Open entry" on an example (the entry's id).
    """

    examples_edited = Signal(object)
    entry_open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ExampleListModel(self)
        self.examples = QListView()
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.open_button = QPushButton(self.tr("&Open entry"))
        self.hint = QLabel(self.tr(
            "No examples yet. In an entry, select a passage and choose “Use as an example "
            "in…” (right-click, or Ctrl+Shift+E)."))
        self.checklist = QListWidget()
        self.gaps = QListWidget()
        self._read_only = False
        self._build()
        self._connect_signals()
        self._update_buttons()

    def _build(self) -> None:
        self.examples.setModel(self.model)
        self.examples.setWordWrap(True)
        self.examples.setUniformItemSizes(False)
        self.examples.setSpacing(3)
        self.examples.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.examples.setAccessibleName(self.tr("Examples"))
        self.checklist.setAccessibleName(self.tr("What this section should evidence"))
        self.gaps.setAccessibleName(self.tr("Still to do"))
        self.hint.setWordWrap(True)
        for widget in (self.checklist, self.gaps):
            widget.setWordWrap(True)
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button, self.open_button):
            button.setAccessibleName(button.text().replace("&", ""))
            buttons.addWidget(button)
        examples = QGroupBox(self.tr("Examples from your journal"))
        column = QVBoxLayout(examples)
        column.addWidget(self.examples, 1)
        column.addWidget(self.hint)
        column.addLayout(buttons)
        checks = QGroupBox(self.tr("This section should show"))
        QVBoxLayout(checks).addWidget(self.checklist)
        gaps = QGroupBox(self.tr("Still to do"))
        QVBoxLayout(gaps).addWidget(self.gaps)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 8, 8)
        layout.addWidget(examples, 3)
        layout.addWidget(checks, 1)
        layout.addWidget(gaps, 2)

    def _connect_signals(self) -> None:
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.remove_button.clicked.connect(self.remove_current)
        self.open_button.clicked.connect(self._open_current)
        self.examples.doubleClicked.connect(lambda _index: self._open_current())
        self.examples.selectionModel().currentChanged.connect(
            lambda *_args: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)

    # -- showing ------------------------------------------------------------------------------

    def show_examples(self, rows: Sequence[tuple[Example, str | None]]) -> None:
        """Show a section's examples, each with its problem (None if its passage stands)."""
        current = self.examples.currentIndex().row()
        self.model.set_examples(rows)
        if rows:
            self.examples.setCurrentIndex(self.model.index(min(max(current, 0), len(rows) - 1)))
        self.hint.setVisible(not rows)

    def show_checks(self, checks: Sequence[Check], names: Mapping[str, str]) -> None:
        """Show what the section should evidence, ticked where an example's entry shows it."""
        self.checklist.clear()
        for check in checks:
            name = names.get(check.target_id, check.target_id)
            text = (self.tr("✓ {0}: shown by an example") if check.met
                    else self.tr("○ {0}: no example yet")).format(name)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, check.met)
            item.setToolTip(name)
            self.checklist.addItem(item)
        if not checks:
            self.checklist.addItem(self.tr("The brief names nothing in particular here."))

    def show_gaps(self, sentences: Sequence[str]) -> None:
        """Show the gentle reminders of what the piece still lacks."""
        self.gaps.clear()
        self.gaps.addItems(list(sentences) or [self.tr("Nothing missing: well done.")])

    def set_read_only(self, read_only: bool) -> None:
        """Allow or prevent changing the examples (a piece in the trash)."""
        self._read_only = read_only
        self._update_buttons()

    def clear(self) -> None:
        """Empty every list (when the journal locks or no piece is open)."""
        self.model.set_examples([])
        self.checklist.clear()
        self.gaps.clear()

    # -- changing -----------------------------------------------------------------------------

    def current_example(self) -> Example | None:
        """Return the selected example, if any."""
        example = self.examples.currentIndex().data(EXAMPLE_ROLE)
        return example if isinstance(example, Example) else None

    def _move(self, delta: int) -> None:
        row = self.examples.currentIndex().row()
        if self._read_only or not self.model.move(row, delta):
            return
        self.examples.setCurrentIndex(self.model.index(row + delta))
        self.examples_edited.emit(self.model.examples())

    def remove_current(self) -> None:
        """Remove the selected example from the section (its entry is not touched)."""
        row = self.examples.currentIndex().row()
        if self._read_only or row < 0:
            return
        self.model.remove(row)
        if self.model.rowCount():
            self.examples.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1)))
        self.hint.setVisible(self.model.rowCount() == 0)
        self.examples_edited.emit(self.model.examples())
        self._update_buttons()

    def _open_current(self) -> None:
        example = self.current_example()
        if example is not None:
            self.entry_open_requested.emit(example.entry_id)

    def _update_buttons(self, *_args: object) -> None:
        row = self.examples.currentIndex().row()
        count = self.model.rowCount()
        has = row >= 0 and count > 0
        self.up_button.setEnabled(has and not self._read_only and row > 0)
        self.down_button.setEnabled(has and not self._read_only and row < count - 1)
        self.remove_button.setEnabled(has and not self._read_only)
        self.open_button.setEnabled(has)
