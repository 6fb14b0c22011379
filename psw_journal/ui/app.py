"""Start the desktop app: check the display, show the unlock window, then the journal."""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from PySide6.QtWidgets import QApplication

#: Used only to pre-fill and auto-unlock (benchmarks); never stored.
PASSPHRASE_ENV = "PSW_JOURNAL_PASSPHRASE"
XCB_LIBRARIES = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
)


def display_problem(env: dict[str, str] | None = None, platform: str = sys.platform) -> str | None:
    """Return one line explaining why Qt cannot start here, or None if it should.

    Args:
        env: The environment to check (default: os.environ).
        platform: ``sys.platform`` of the machine.
    """
    env = dict(os.environ) if env is None else env
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return ("No display found: run the app in a desktop session, or use the psw-journal "
                "commands (see psw-journal --help).")
    if env.get("WAYLAND_DISPLAY"):
        return None
    for library, package in XCB_LIBRARIES:
        try:
            ctypes.CDLL(library)
        except OSError:
            return (f"Qt cannot start: install the package {package} "
                    f"(sudo apt install {package})")
    return None


def run_gui(args: argparse.Namespace) -> int:
    """Run the desktop app until its last window closes; return the exit code."""
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from psw_journal.paths import default_journal_path

    journal: Path = (getattr(args, "journal", None) or default_journal_path()).expanduser()
    demo = bool(getattr(args, "demo", False))
    passphrase = os.environ.get(PASSPHRASE_ENV)
    opening = None
    if passphrase and not demo and journal.is_file():
        # The key derivation runs while Qt loads and the main window is built.
        from psw_journal.persistence.opening import BackgroundOpen
        from psw_journal.persistence.store import JournalStore

        opening = BackgroundOpen(lambda: JournalStore.open(journal, passphrase))

    try:
        from PySide6.QtWidgets import QApplication

        from psw_journal.ui.controller import AppController
        from psw_journal.ui.error_report import errors_reported

        existing = QApplication.instance()
        app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
        configure_application(app)
        controller = AppController(journal)
    except BaseException:
        if opening is not None:
            opening.discard()
        raise
    stop_watching = quit_on_terminate(controller.quit)
    try:
        if demo:
            controller.start_demo()
        else:
            controller.start(passphrase, opening)
        with errors_reported():
            return int(app.exec())
    finally:
        stop_watching()
        controller.discard_demo()


def quit_on_terminate(quit_app: Callable[[], None]) -> Callable[[], None]:
    """Quit cleanly on SIGTERM (logout, shutdown, ``kill``), as if the user had quit.

    Python's default ends the process at once: unsaved text is lost and the journal's
    write-ahead log is left behind, so the next start checks the passphrase twice. Qt's loop
    does not run Python's signal handlers, so the signal wakes it through a pipe.

    Returns:
        A function that stops watching (call it once the event loop has returned).
    """
    import signal

    from PySide6.QtCore import QSocketNotifier, QTimer

    if sys.platform == "win32":
        return lambda: None
    receiver, sender = os.pipe()
    os.set_blocking(receiver, False)
    os.set_blocking(sender, False)
    previous_fd = signal.set_wakeup_fd(sender)
    previous_handler = signal.getsignal(signal.SIGTERM)
    notifier = QSocketNotifier(receiver, QSocketNotifier.Type.Read)

    def drain() -> None:  # reading lets Python run the handler below
        with contextlib.suppress(OSError):
            os.read(receiver, 64)

    notifier.activated.connect(drain)
    # The handler may interrupt any Python code (a save): the quit waits for the next turn.
    signal.signal(signal.SIGTERM, lambda _signum, _frame: QTimer.singleShot(0, quit_app))

    def stop() -> None:
        notifier.setEnabled(False)
        signal.signal(signal.SIGTERM, previous_handler)
        signal.set_wakeup_fd(previous_fd)
        os.close(receiver)
        os.close(sender)

    return stop


def configure_application(app: QApplication) -> None:
    """Name the application (for QSettings and the desktop) and set its icon."""
    from psw_journal.ui.icons import icon
    from psw_journal.ui.settings import APPLICATION, ORGANISATION

    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(app.translate("App", "PSW Reflective Journal"))
    app.setWindowIcon(icon("app"))
    app.setQuitOnLastWindowClosed(False)
