"""Spell checking in the app's Markdown editors: a red wavy underline, suggestions, own words.

One :class:`SpellChecking` serves every editor (the entry body, coursework sections). The word
list loads on a worker thread after the first editor is attached; until then nothing is
underlined. Words the student adds ("Add to dictionary") are kept in their journal, encrypted,
and forgotten from memory when it locks.
"""

from __future__ import annotations

import contextlib
import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QSignalBlocker, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QCursor,
    QFont,
    QPalette,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit

from psw_journal.core.errors import JournalError
from psw_journal.core.spelling import Span, Speller, line_state
from psw_journal.ui.journal_bridge import JournalBridge
from psw_journal.ui.widgets.text_menu import TextContextMenu

#: After the first editor is attached: the window paints and takes typing first.
START_DELAY_MS = 300
#: Time spent re-underlining per turn of the event loop when the list arrives or words change.
TURN_SECONDS = 0.004
#: Time one turn of the event loop may spend checking blocks as they change (see
#: :meth:`SpellChecking.within_budget`).
BLOCK_BUDGET_SECONDS = 0.008
UNDERLINE = QColor("#d0312d")
#: Brighter on a dark background, where the usual red all but disappears.
UNDERLINE_ON_DARK = QColor("#ff6b6b")


class _Loaded(QObject):
    """Carry the worker's results back to the UI thread.

    Signals:
        words_loaded(object): the word list (a frozenset), or the exception that stopped it.
    """

    words_loaded = Signal(object)


class _LoadTask(QRunnable):
    def __init__(self, done: _Loaded) -> None:
        super().__init__()
        self._done = done

    def run(self) -> None:
        """Load the list and hand it over.

        The suggestion engine is built on the first right-click instead (about 0.2 s): its
        JSON parse holds the interpreter lock for tens of milliseconds, which would stall
        typing if done here.
        """
        from psw_journal.core.spelling import load_word_list

        try:
            words: frozenset[str] | Exception = load_word_list()
        except Exception as exc:  # a broken install: spelling is off, said once
            words = exc
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._done.words_loaded.emit(words)


class SpellHighlighter(QSyntaxHighlighter):
    """Underline misspelt prose words of one editor; code, addresses and markup are skipped.

    The word being typed is not underlined until the cursor leaves it.
    """

    def __init__(self, editor: QPlainTextEdit, checking: SpellChecking) -> None:
        super().__init__(editor.document())
        self._editor = editor
        self._checking = checking
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        #: The block and span of a word left alone because the cursor is in it.
        self._held: tuple[int, int, int] | None = None
        editor.cursorPositionChanged.connect(self._on_cursor_moved)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        """Underline the block's misspelt words (Qt calls this for each changed block)."""
        is_code, state = line_state(text, self.previousBlockState())
        self.setCurrentBlockState(state)
        speller = self._checking.speller
        if is_code or speller is None:
            return
        if not self._checking.within_budget():  # opening a long entry: the rest follows soon
            self._checking.defer(self, self.currentBlock().blockNumber())
            return
        held = self._cursor_in_block()
        dark = self._editor.palette().color(QPalette.ColorRole.Base).lightness() < 128
        self._format.setUnderlineColor(UNDERLINE_ON_DARK if dark else UNDERLINE)
        for span in speller.misspelt(text):
            if held is not None and span.start <= held <= span.start + span.length:
                self._held = (self.currentBlock().blockNumber(), span.start,
                              span.start + span.length)
                continue
            self.setFormat(span.start, span.length, self._format)

    def _cursor_in_block(self) -> int | None:
        """Return the cursor's place in the block being highlighted while the user types."""
        if not self._editor.hasFocus():
            return None
        cursor = self._editor.textCursor()
        if cursor.hasSelection() or cursor.block() != self.currentBlock():
            return None
        return cursor.positionInBlock()

    def _on_cursor_moved(self) -> None:
        if self._held is None:
            return
        number, start, end = self._held
        cursor = self._editor.textCursor()
        if cursor.blockNumber() == number and start <= cursor.positionInBlock() <= end:
            return
        self._held = None
        block = self.document().findBlockByNumber(number)
        if block.isValid():
            self.recheck(block)

    def recheck(self, block: QTextBlock) -> None:
        """Underline one block again without the editor taking it for an edit.

        Qt's rehighlightBlock() makes the editor emit textChanged(), which would mark the
        entry as changed and save it.
        """
        with QSignalBlocker(self._editor):
            self.rehighlightBlock(block)

    def misspelt_at(self, cursor: QTextCursor) -> tuple[QTextCursor, Span] | None:
        """Return a cursor selecting the misspelt word at ``cursor``, and the word, if any."""
        speller = self._checking.speller
        block = cursor.block()
        if speller is None or line_state(block.text(), block.previous().userState()
                                         if block.previous().isValid() else -1)[0]:
            return None
        at = cursor.positionInBlock()
        for span in speller.misspelt(block.text()):
            if span.start <= at <= span.start + span.length:
                selection = QTextCursor(block)
                selection.setPosition(block.position() + span.start)
                selection.setPosition(block.position() + span.start + span.length,
                                      QTextCursor.MoveMode.KeepAnchor)
                return selection, span
        return None


class SpellChecking(QObject):
    """The speller shared by every editor, and the student's own words kept in the journal.

    Signals:
        ready(): the word list is loaded; editors are being underlined.
        word_added(str): the student added a word (kept in the journal when it could be).
        problem(str): something about spelling the student should know, said once.
    """

    ready = Signal()
    word_added = Signal(str)
    problem = Signal(str)

    def __init__(self, bridge: JournalBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self.speller: Speller | None = None
        self._highlighters: list[SpellHighlighter] = []
        self._started = False
        # No parent: a worker may still hold it after this object (and its window) is gone;
        # the connections go with the receiver, so nothing arrives at a deleted object.
        self._loaded = _Loaded()
        self._loaded.words_loaded.connect(self._on_words_loaded)
        #: Blocks still to check, by number: a QTextBlock kept past an edit may dangle.
        self._pending: deque[tuple[SpellHighlighter, int]] = deque()
        self._turn_began: float | None = None
        self._gradual = QTimer(self, singleShot=True, interval=0)
        self._gradual.timeout.connect(self._rehighlight_some)
        bridge.opened.connect(self._use_journal_words)
        bridge.closed.connect(self._forget_journal_words)

    def attach(self, editor: QPlainTextEdit) -> SpellHighlighter:
        """Check an editor's text, and add suggestions to its context menu."""
        highlighter = SpellHighlighter(editor, self)
        self._highlighters.append(highlighter)
        TextContextMenu.of(editor).add(
            lambda menu, cursor: self._extend_menu(highlighter, editor, menu, cursor))
        if not self._started:
            QTimer.singleShot(START_DELAY_MS, self, self.start)
        return highlighter

    def start(self) -> None:
        """Load the word list on a worker thread (once; later calls do nothing)."""
        if self._started:
            return
        self._started = True
        QThreadPool.globalInstance().start(_LoadTask(self._loaded))

    def _on_words_loaded(self, loaded: frozenset[str] | Exception) -> None:
        if isinstance(loaded, BaseException):
            self.problem.emit(self.tr("Spell checking is off: its word list could not be "
                                      "read ({0}). Reinstalling the app brings it back.")
                              .format(loaded))
            return
        self.speller = Speller(loaded, self._journal_words())
        self.rehighlight_all()
        self.ready.emit()

    # -- the student's own words --------------------------------------------------------------

    def _journal_words(self) -> list[str]:
        if not self._bridge.is_open:
            return []
        try:
            return self._bridge.spelling_words()
        except JournalError as exc:
            self.problem.emit(str(exc))
            return []

    def _use_journal_words(self) -> None:
        if self.speller is not None:
            self.speller.set_own_words(self._journal_words())
            self.rehighlight_all()

    def _forget_journal_words(self) -> None:
        if self.speller is not None:
            self.speller.set_own_words(())

    def add_word(self, word: str) -> None:
        """Accept a word from now on, in every editor, and keep it in the journal."""
        if self.speller is None:
            return
        self.speller.add_own_word(word)
        self.rehighlight_all()
        try:
            self._bridge.add_spelling_word(word)
        except JournalError as exc:
            self.problem.emit(self.tr("“{0}” is accepted until the journal locks, but could "
                                      "not be kept in it: {1}").format(word, exc))
        self.word_added.emit(word)

    # -- underlining --------------------------------------------------------------------------

    def rehighlight_all(self) -> None:
        """Underline every attached editor again, a few blocks per turn of the event loop."""
        self._pending.clear()
        for highlighter in self._highlighters:
            self._pending.extend((highlighter, n)
                                 for n in range(highlighter.document().blockCount()))
        self._gradual.start()

    def within_budget(self) -> bool:
        """Tell whether this turn of the event loop may still check a block's words.

        Typing re-checks one block (well under a millisecond); loading a 20,000-word entry
        would check them all at once (about 0.25 s), so past the budget blocks are deferred.
        """
        now = time.perf_counter()
        if self._turn_began is None:
            self._turn_began = now
            QTimer.singleShot(0, self, self._new_turn)
        return now - self._turn_began < BLOCK_BUDGET_SECONDS

    def _new_turn(self) -> None:
        self._turn_began = None

    def defer(self, highlighter: SpellHighlighter, number: int) -> None:
        """Check a block's words on a later turn of the event loop."""
        self._pending.append((highlighter, number))
        if not self._gradual.isActive():
            self._gradual.start()

    def _rehighlight_some(self) -> None:
        deadline = time.perf_counter() + TURN_SECONDS
        while self._pending and time.perf_counter() < deadline:
            highlighter, number = self._pending.popleft()
            with contextlib.suppress(RuntimeError):  # its editor was deleted meanwhile
                document = highlighter.document()
                block = document.findBlockByNumber(number) if document is not None else None
                if block is not None and block.isValid():
                    highlighter.recheck(block)
        if self._pending:
            self._gradual.start()

    # -- the context menu ---------------------------------------------------------------------

    def _extend_menu(self, highlighter: SpellHighlighter, editor: QPlainTextEdit, menu: QMenu,
                     cursor: QTextCursor) -> None:
        found = highlighter.misspelt_at(cursor) if not editor.isReadOnly() else None
        if found is None or self.speller is None:
            return
        selection, span = found
        first = menu.actions()[0] if menu.actions() else None
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            suggestions = self.speller.suggestions(span.word)
        finally:
            QApplication.restoreOverrideCursor()
        bold = QFont(menu.font())
        bold.setBold(True)
        added: list[QAction] = []
        for suggestion in suggestions:
            action = QAction(suggestion, menu)
            action.setFont(bold)
            action.triggered.connect(_replacer(editor, selection, suggestion))
            added.append(action)
        if not suggestions:
            none = QAction(self.tr("No suggestions"), menu)
            none.setEnabled(False)
            added.append(none)
        add = QAction(self.tr("Add “{0}” to dictionary").format(span.word), menu)
        add.setObjectName("add-to-dictionary")
        add.triggered.connect(lambda _=False, w=span.word: self.add_word(w))
        separator = QAction(menu)
        separator.setSeparator(True)
        added += [add, separator]
        if first is None:
            menu.addActions(added)
        else:
            menu.insertActions(first, added)


def _replacer(editor: QPlainTextEdit, selection: QTextCursor, word: str) -> Callable[[], None]:
    def replace() -> None:
        selection.insertText(word)  # one step to undo
        editor.setTextCursor(selection)
    return replace

