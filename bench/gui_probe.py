"""Drive the real app offscreen (its own AppController and MainWindow) and print one JSON line.

Modes (run in a fresh process by bench_gui):

* ``memory JOURNAL``: unlock, scroll the entry list end to end (every page fetched), show the
  coverage window; print the peak RSS (VmHWM) and the RSS at each step; then edit and save
  one entry and print the peak again (writing loads SQLAlchemy).
* ``typing JOURNAL``: open the journal's first entry (a 20,000-word one), put the cursor at its end
  and type: keys come from a timer every ``--interval-ms`` (a quick typist), in bursts with
  pauses (so the debounced preview and the autosave do fire). Prints, per key, the time
  ``QTest.keyClick`` takes to handle it (p50/p95/max) and how late each timer tick came (what
  the preview, the autosave or anything else on the UI thread cost the typist).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    """Return this process's resident memory in MiB."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mb() -> float:
    """Return this process's own peak RSS.

    ru_maxrss is not it: Linux carries the parent's high-water mark over fork and exec, so a
    probe started by a benchmark that had a large corpus in memory would report the parent's.
    VmHWM belongs to this process's address space alone.
    """
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def setup(journal: Path, settings: Path):  # type: ignore[no-untyped-def]
    """Start the app on ``journal`` and unlock it; return the QApplication and controller."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from psw_journal.ui.app import configure_application
    from psw_journal.ui.controller import AppController

    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_application(app)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings))
    controller = AppController(journal)
    unlocked: list[bool] = []
    controller.unlocked.connect(lambda: unlocked.append(True))
    controller.start(os.environ["PSW_JOURNAL_PASSPHRASE"])
    deadline = time.monotonic() + 120
    while not unlocked and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)
    if not unlocked:
        raise SystemExit("the journal did not unlock")
    return app, controller


def memory(journal: Path, settings: Path) -> dict[str, object]:
    """Measure memory through unlocking, scrolling the list, coverage and editing."""
    steps = {"start": rss_mb()}
    app, controller = setup(journal, settings)
    window = controller.window
    assert window is not None
    window.resize(1280, 800)
    window.show()
    for _ in range(20):
        app.processEvents()
    steps["unlocked"] = rss_mb()
    view, model = window.entry_list, window.list_model
    bar = view.verticalScrollBar()
    began = time.perf_counter()
    stalls = 0
    while True:
        rows = model.rowCount()
        bar.setValue(bar.maximum())
        app.processEvents()
        if model.rowCount() == rows:
            stalls += 1
            if not model.canFetchMore(view.rootIndex()) or stalls > 5:
                break
        else:
            stalls = 0
    # and back to the top, painting on the way
    for value in range(bar.maximum(), -1, -max(1, bar.pageStep() * 20)):
        bar.setValue(value)
        app.processEvents()
    scrolled = time.perf_counter() - began
    steps["scrolled"] = rss_mb()
    began = time.perf_counter()
    window.show_coverage()
    for _ in range(20):
        app.processEvents()
    coverage_s = time.perf_counter() - began
    steps["coverage"] = rss_mb()
    peak = peak_mb()
    # Then what writing adds: the ORM loads with the first edit of an existing entry.
    window.entry_list.setCurrentIndex(model.index(0))
    app.processEvents()
    window.editor.body.appendPlainText("An edit after reading.")
    assert window.session.save_now()
    steps["edited"] = rss_mb()
    result = {"rows": model.rowCount(), "peak_rss_mb": round(peak, 1),
              "peak_after_edit_mb": round(peak_mb(), 1),
              "rss_mb": {k: round(v, 1) for k, v in steps.items()},
              "scroll_s": round(scrolled, 2), "show_coverage_s": round(coverage_s, 3)}
    controller.quit()
    return result


def typing(journal: Path, settings: Path, keys: int, interval_ms: int) -> dict[str, object]:
    """Type ``keys`` keys into a long entry, one every ``interval_ms``; time each keystroke."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    from psw_journal.core.entry import count_words
    from psw_journal.ui.models.entry_list_model import ENTRY_ID_ROLE

    app, controller = setup(journal, settings)
    window = controller.window
    assert window is not None
    window.resize(1280, 800)
    window.show()
    model = window.list_model
    index = model.index(0)
    window.entry_list.setCurrentIndex(index)
    for _ in range(20):
        app.processEvents()
    assert window.session.entry_id == index.data(ENTRY_ID_ROLE)
    body = window.editor.body
    words = count_words(body.toPlainText())
    window.editor.tabs.setCurrentWidget(body)
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    renders: list[float] = []
    lengths: list[int] = []
    original = window.editor.render_preview

    def timed_render() -> None:
        began = time.perf_counter()
        original()
        renders.append(time.perf_counter() - began)
    window.editor._preview_timer.timeout.disconnect()  # measure the same slot
    window.editor._preview_timer.timeout.connect(timed_render)
    saves: list[float] = []
    window.session.saved.connect(lambda *_: saves.append(time.perf_counter()))
    handle: list[float] = []
    late: list[float] = []
    text = "the quick brown fox jumps over a lazy dog and we talked about hope "
    state = {"n": 0, "due": 0.0}
    burst = 25
    pause_ms = 600

    timer = QTimer(singleShot=True, timerType=Qt.TimerType.PreciseTimer)
    failure: list[BaseException] = []

    def tick() -> None:
        try:
            step()
        except BaseException as exc:  # report it, don't hang the event loop
            failure.append(exc)
            loop.quit()

    def step() -> None:
        now = time.perf_counter()
        if state["due"]:
            late.append(now - state["due"])
        n = int(state["n"])
        if n >= keys:
            loop.quit()
            return
        char = text[n % len(text)]
        began = time.perf_counter()
        if char == " ":
            QTest.keyClick(body, Qt.Key.Key_Space)
        else:
            QTest.keyClick(body, char)
        handle.append(time.perf_counter() - began)
        state["n"] = n + 1
        wait = pause_ms if (n + 1) % burst == 0 else interval_ms
        state["due"] = time.perf_counter() + wait / 1000
        timer.start(wait)

    timer.timeout.connect(tick)
    timer.start(100)
    lengths.append(len(body.toPlainText()))
    loop = QEventLoop()
    loop.exec()
    lengths.append(len(body.toPlainText()))
    if failure:
        raise failure[0]
    window.session.save_now()
    typed_ok = text[: min(keys, len(text))] in body.toPlainText()[-2 * len(text) - keys:]
    tail = body.toPlainText()[-90:]

    def ms(values: list[float], q: float) -> float:
        from bench.common import percentile
        return round(percentile(values, q) * 1000, 3) if values else 0.0

    result = {
        "words": words, "keys": len(handle), "interval_ms": interval_ms, "burst": burst,
        "pause_ms": pause_ms, "typed_ok": typed_ok,
        "key_ms": {"p50": ms(handle, 50), "p95": ms(handle, 95), "max": ms(handle, 100),
                   "min": ms(handle, 0)},
        "tick_late_ms": {"p50": ms(late, 50), "p95": ms(late, 95), "max": ms(late, 100)},
        "preview_renders": len(renders),
        "preview_render_ms": {"p50": ms(renders, 50), "max": ms(renders, 100)},
        "autosaves": len(saves), "tail": tail, "lengths": lengths,
        "locked": not controller.bridge.is_open,
        "spelling_ready": window.spelling.speller is not None,
    }
    controller.quit()
    return result


def main(argv: list[str]) -> int:
    """Run one probe (``memory`` or ``typing``) and print its figures as one JSON line."""
    mode, journal, settings = argv[0], Path(argv[1]), Path(argv[2])
    if mode == "memory":
        print(json.dumps(memory(journal, settings)))
    else:
        keys = int(argv[3]) if len(argv) > 3 else 150
        interval = int(argv[4]) if len(argv) > 4 else 60
        print(json.dumps(typing(journal, settings, keys, interval)))
    sys.stdout.flush()
    os._exit(0)  # skip Qt's teardown: the figures are out


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
