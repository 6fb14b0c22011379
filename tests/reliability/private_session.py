"""A session of real use under an audit hook that fails on any network access.

Run as a script by test_privacy.py with HOME, XDG_* and TMPDIR pointing into a test folder:
``python private_session.py JOURNAL EXPORT``. It drives the command line and the desktop app
(offscreen) through their main flows and exits non-zero if anything touched the network.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

NETWORK_EVENTS = {
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.getnameinfo",
}
MARKER = "Zebedee-unmistakable-confidential-marker"


def _no_network(event: str, args: tuple[object, ...]) -> None:
    if event in NETWORK_EVENTS:
        raise RuntimeError(f"network access attempted: {event}{args!r}")
    if event in {"socket.connect", "socket.sendto", "socket.sendmsg"}:
        sock = args[0]
        if isinstance(sock, socket.socket) and sock.family in (socket.AF_INET, socket.AF_INET6):
            raise RuntimeError(f"network access attempted: {event}{args[1:]!r}")


def _cli(*args: str, stdin: str = "") -> None:
    import io

    from psw_journal.app import main

    sys.stdin = io.StringIO(stdin)
    code = main(list(args))
    if code != 0:
        raise SystemExit(f"psw-journal {' '.join(args)} failed with {code}")


def _gui(journal: Path, passphrase: str) -> None:
    from PySide6.QtWidgets import QApplication

    from psw_journal.core.templates import template_by_id
    from psw_journal.ui.app import configure_application
    from psw_journal.ui.controller import AppController

    app = QApplication.instance() or QApplication([])
    configure_application(app)
    app.setQuitOnLastWindowClosed(False)
    controller = AppController(journal)
    controller.start(passphrase)
    while controller.window is None:
        app.processEvents()
    window = controller.window
    window.new_entry(template_by_id("gibbs"))
    window.editor.title.setText(f"GUI {MARKER}")
    window.editor.body.appendPlainText(f"Typed in the app: {MARKER}")
    window.session.save_now()
    window.filter_bar.search.setText("Zebedee")
    for _ in range(50):
        app.processEvents()
    controller.lock()
    for _ in range(20):
        app.processEvents()
    controller.idle_lock.disarm()


def main() -> None:
    journal, export = Path(sys.argv[1]), Path(sys.argv[2])
    sys.addaudithook(_no_network)
    _cli("init", "--journal", str(journal))
    _cli(
        "add",
        "--journal",
        str(journal),
        "--title",
        f"CLI {MARKER}",
        "--principle",
        "safe",
        stdin=f"Met {MARKER} at the day centre. Phone 07700 900123.",
    )
    _cli("list", "--journal", str(journal))
    _cli("search", "--journal", str(journal), "Zebedee*")
    _cli("check", "--journal", str(journal))
    _cli("coverage", "--journal", str(journal), "--json")
    _cli("export", "--journal", str(journal), "--out", str(export), "--redact")
    _gui(journal, os.environ["PSW_JOURNAL_PASSPHRASE"])
    print("session complete", flush=True)


if __name__ == "__main__":
    main()
