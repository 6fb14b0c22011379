"""The coursework window: pieces, a piece's sections, the section being written and its examples.

A separate window beside the journal, so an entry can be open for quoting while a section is
written. It holds journal content, so it saves and empties itself when the journal locks (on
the bridge's ``closing``); changes that could not be saved are kept in memory and come back
after the unlock.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from psw_journal.core.coursework import Coursework, Example
from psw_journal.core.errors import JournalError
from psw_journal.core.framework import Framework
from psw_journal.ui.actions import ActionSet
from psw_journal.ui.coursework_commands import CourseworkCommands
from psw_journal.ui.coursework_locking import CourseworkLocking
from psw_journal.ui.coursework_progress import CourseworkProgress
from psw_journal.ui.coursework_session import CourseworkSession
from psw_journal.ui.journal_bridge import JournalBridge
from psw_journal.ui.models.coursework_models import (
    PIECE_ID_ROLE,
    SECTION_KEY_ROLE,
    PieceListModel,
    SectionListModel,
    words_against,
)
from psw_journal.ui.widgets.examples_panel import ExamplesPanel
from psw_journal.ui.widgets.section_editor import SectionEditor

EDITOR_PAGE, EMPTY_PAGE = 0, 1


class CourseworkWindow(CourseworkLocking, CourseworkCommands):
    """Write coursework pieces: choose a piece and a section, write, arrange the examples.

    Signals:
        entry_open_requested(int): the student asked to open an example's entry (its id).
    """

    entry_open_requested = Signal(int)

    def __init__(self, bridge: JournalBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Coursework – PSW Reflective Journal"))
        self.setObjectName("coursework-window")
        self.resize(1280, 800)
        self.bridge = bridge
        self.framework: Framework | None = None
        self.session = CourseworkSession(bridge, self)
        self.progress = CourseworkProgress(bridge)
        self.pieces_model = PieceListModel(self)
        self.pieces = QListView()
        self.show_trash = QCheckBox(self.tr("Show the &trash"))
        self.outline_model = SectionListModel(self)
        self.outline = QListView()
        self.title_edit = QLineEdit()
        self.total = QLabel()
        self.section_editor = SectionEditor()
        self.examples = ExamplesPanel()
        self.stack = QStackedWidget()
        self.empty_new = QPushButton(self.tr("Start a &new piece…"))
        self.actions_by_name = ActionSet(self)
        self._resume = None
        self._message = None
        self._build_actions()
        self._build_layout()
        self._connect_signals()
        self._show_piece(None)

    # -- building -----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        key, add = QKeySequence.StandardKey, self.actions_by_name.add
        add("new", self.tr("&New piece…"), "new", key.New)
        add("save", self.tr("&Save now"), "save", key.Save)
        add("history", self.tr("&History…"), "history", "Ctrl+H")
        add("export", self.tr("&Export…"), "export", "Ctrl+E")
        add("trash", self.tr("Move to &trash"), "trash")
        add("restore", self.tr("&Restore from trash"), "restore")
        add("close", self.tr("&Close"), "", key.Close)
        self.actions_by_name["export"].setToolTip(
            self.tr("Export this piece as a Word, PDF, Markdown or web document"))

    def _build_layout(self) -> None:
        self.pieces.setModel(self.pieces_model)
        self.pieces.setAccessibleName(self.tr("Coursework pieces"))
        self.outline.setModel(self.outline_model)
        self.outline.setAccessibleName(self.tr("Sections"))
        for view in (self.pieces, self.outline):
            view.setWordWrap(True)
            view.setSpacing(2)
            view.setUniformItemSizes(False)
        self.title_edit.setAccessibleName(self.tr("Coursework title"))
        self.title_edit.setStyleSheet("font-size: 14pt; padding: 4px;")
        self.total.setAccessibleName(self.tr("Words in all"))
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(8, 8, 0, 8)
        column.addWidget(QLabel(self.tr("Your coursework")))
        column.addWidget(self.pieces, 1)
        column.addWidget(self.show_trash)
        column.addWidget(QLabel(self.tr("Sections")))
        column.addWidget(self.outline, 2)
        middle = QWidget()
        page = QVBoxLayout(middle)
        page.setContentsMargins(12, 8, 12, 0)
        page.addWidget(self.title_edit)
        page.addWidget(self.total)
        page.addWidget(self.section_editor, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (left, middle, self.examples):
            splitter.addWidget(widget)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 620, 380])
        splitter.setChildrenCollapsible(False)
        self.stack.addWidget(splitter)
        self.stack.addWidget(self._empty_page())
        self.setCentralWidget(self.stack)
        a = self.actions_by_name
        toolbar = self.addToolBar(self.tr("Coursework"))
        toolbar.setObjectName("coursework-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([a["new"], a["save"], a["history"], a["export"]])
        toolbar.addSeparator()
        toolbar.addActions([a["trash"], a["restore"]])
        self.statusBar()

    def _empty_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        intro = QLabel(self.tr(
            "<h2>Your coursework, in your own words</h2>"
            "<p>Start a piece from a brief: the 8 principles of peer support, the competence "
            "areas, or a brief file from your tutor. Write each section here, and quote "
            "passages from your journal entries as examples.</p>"))
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(intro)
        layout.addWidget(self.empty_new, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
        return page

    def _connect_signals(self) -> None:
        a = self.actions_by_name
        a["new"].triggered.connect(self.new_piece)
        self.empty_new.clicked.connect(self.new_piece)
        a["save"].triggered.connect(self.session.save_now)
        a["history"].triggered.connect(self.show_history)
        a["export"].triggered.connect(self.show_export)
        a["trash"].triggered.connect(self.trash_piece)
        a["restore"].triggered.connect(self.restore_piece)
        a["close"].triggered.connect(self.close)
        self.show_trash.toggled.connect(lambda _on: self.refresh_pieces())
        self.pieces.selectionModel().currentChanged.connect(self._on_piece_chosen)
        self.outline.selectionModel().currentChanged.connect(self._on_section_chosen)
        self.title_edit.textEdited.connect(self.session.set_title)
        self.section_editor.text_edited.connect(self._on_text_edited)
        self.examples.examples_edited.connect(self._on_examples_edited)
        self.examples.entry_open_requested.connect(self.entry_open_requested)
        self.session.piece_changed.connect(self._show_piece)
        self.session.saved.connect(self._on_saved)
        self.session.save_failed.connect(self._show_problem)
        self.session.state_changed.connect(self._show_state)
        self.bridge.coursework_saved.connect(self._on_stored)
        self.bridge.coursework_changed.connect(self.refresh_pieces)
        self.bridge.entry_saved.connect(self._on_entry_saved)
        self.bridge.entries_changed.connect(self._refresh_examples)
        self.bridge.closing.connect(self._on_journal_closing)
        self.bridge.opened.connect(lambda: QTimer.singleShot(0, self, self._resume_after_unlock))

    # -- showing ------------------------------------------------------------------------------

    def set_framework(self, framework: Framework) -> None:
        """Use the framework for briefs and for the names in checklists and gaps."""
        self.framework = framework
        self.progress.set_framework(framework)
        if self.session.piece is not None:
            self._show_progress()

    def show_journal(self) -> None:
        """List the pieces, open the most recent one if none is open, and show the window."""
        self.refresh_pieces()
        if self.session.piece is None and self.pieces_model.rowCount():
            self.pieces.setCurrentIndex(self.pieces_model.index(0))
        self.show()
        self.raise_()
        self.activateWindow()

    def refresh_pieces(self) -> None:
        """List the pieces (or the trash) again, keeping the open one selected."""
        self.pieces_model.set_pieces(self.bridge.coursework_pieces(
            trash=self.show_trash.isChecked()))
        self._select_piece_row()

    def _select_piece_row(self) -> None:
        piece = self.session.piece
        row = self.pieces_model.row_of(piece.id if piece is not None else None)
        with QSignalBlocker(self.pieces.selectionModel()):
            if row >= 0:
                self.pieces.setCurrentIndex(self.pieces_model.index(row))
            else:
                self.pieces.clearSelection()

    def _on_piece_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        piece_id = current.data(PIECE_ID_ROLE)
        if not isinstance(piece_id, int):
            return
        try:
            opened = self.session.open_piece(piece_id)
        except JournalError as exc:
            self._show_problem(str(exc))
            return
        if not opened:
            QTimer.singleShot(0, self, self._select_piece_row)

    def _show_piece(self, piece: Coursework | None) -> None:
        read_only = piece is None or piece.is_trashed
        for name in ("save", "history", "export", "trash"):
            self.actions_by_name[name].setEnabled(piece is not None and not piece.is_trashed)
        self.actions_by_name["restore"].setEnabled(piece is not None and piece.is_trashed)
        self.title_edit.setReadOnly(read_only)
        self.section_editor.set_read_only(read_only)
        self.examples.set_read_only(read_only)
        if piece is None:
            self.title_edit.clear()
            self.total.clear()
            self.outline_model.set_rows([])
            self.section_editor.clear()
            self.examples.clear()
            self.stack.setCurrentIndex(EMPTY_PAGE)
            return
        self.stack.setCurrentIndex(EDITOR_PAGE)
        self.title_edit.setText(piece.title)
        self.title_edit.setCursorPosition(0)
        self.progress.load_entries(piece)
        key = self.section_editor.key
        self.outline_model.set_rows(self.progress.rows(piece))
        self.section_editor.key = None
        keys = [section.key for section in piece.sections]
        self.select_section(key if key is not None and key in keys else keys[0])
        self._select_piece_row()

    def select_section(self, key: str) -> None:
        """Show one section of the open piece in the editor, with its examples."""
        piece = self.session.piece
        if piece is None:
            return
        with QSignalBlocker(self.outline.selectionModel()):
            self.outline.setCurrentIndex(self.outline_model.index(self.outline_model.row_of(key)))
        self.section_editor.show_section(piece.section(key))
        self._show_progress()

    def _on_section_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = current.data(SECTION_KEY_ROLE)
        if isinstance(key, str) and key != self.section_editor.key:
            self.select_section(key)

    def _show_progress(self) -> None:
        """Show the words, the examples, the checklist and the gaps as the piece stands now."""
        piece, key = self.session.piece, self.section_editor.key
        if piece is None or key is None:
            return
        rows = self.progress.rows(piece)
        for row in rows:
            self.outline_model.update_row(row)
        self.total.setText(self.tr("In all: {0}").format(
            words_against(piece.words, piece.target_words)) + self.progress.due_text(piece))
        current = next(row for row in rows if row.key == key)
        self.examples.show_examples(self.progress.example_rows(piece, key))
        self.examples.show_checks(current.checks, self.progress.names)
        self.examples.show_gaps(self.progress.gaps(rows, key))
        self.section_editor.set_quoted_words(piece.section(key).quoted_words)

    def _show_state(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text, 0 if text.startswith("Not") else 4000)
        else:
            self.statusBar().clearMessage()

    # -- changes ------------------------------------------------------------------------------

    def _on_text_edited(self, key: str, text: str) -> None:
        self.session.set_text(key, text)
        piece = self.session.piece
        if piece is not None:
            self.outline_model.update_row(self.progress.row(piece, key))
            self.total.setText(self.tr("In all: {0}").format(
                words_against(piece.words, piece.target_words)) + self.progress.due_text(piece))

    def _on_examples_edited(self, examples: tuple[Example, ...]) -> None:
        if self.section_editor.key is not None:
            self.session.set_examples(self.section_editor.key, examples)
            self._show_progress()

    def add_example(self, piece_id: int, key: str, example: Example) -> bool:
        """Add a quoted passage to a section (saved now); False, with a message, if it failed."""
        piece = self.session.piece
        try:
            if piece is not None and piece.id == piece_id:
                if not self.session.add_example(key, example):
                    return False
                self.progress.load_entries(self.session.piece or piece)
                self.select_section(key)
            else:
                self.bridge.add_example(piece_id, key, example)
        except JournalError as exc:
            self._show_problem(str(exc))
            return False
        return True

    def _on_saved(self, piece: Coursework) -> None:
        self.pieces_model.update_piece(piece)

    def _on_stored(self, piece_id: int) -> None:
        current = self.session.piece
        if current is None or current.id != piece_id:
            self.refresh_pieces()

    def _on_entry_saved(self, entry_id: int) -> None:
        piece = self.session.piece
        if piece is not None and any(e.entry_id == entry_id for s in piece.sections
                                     for e in s.examples):
            self._refresh_examples()

    def _refresh_examples(self) -> None:
        piece = self.session.piece
        if piece is not None and self.bridge.is_open:
            self.progress.load_entries(piece)
            self._show_progress()

    def _show_problem(self, message: str) -> None:
        self.tell(self.tr("Coursework"), message)
