"""The export dialog on the sample journal: findings shown, false alarms remembered."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from psw_journal.core.entry import Entry  # noqa: E402
from psw_journal.core.framework import load_framework  # noqa: E402
from psw_journal.core.jsonl import parse_jsonl  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.ui


class FakeStore:
    """The part of JournalStore the dialog uses."""

    def __init__(self) -> None:
        drafts = parse_jsonl((ROOT / "tests/fixtures/entries.jsonl").read_text(encoding="utf-8"))
        stamp = dt.datetime(2026, 1, 1)
        self.entries = [Entry(i, d, stamp, stamp) for i, d in enumerate(drafts, start=1)]
        self.settings: dict[str, Any] = {"profile": {"name": "Sam Student"}}

    def iter_entries(self) -> list[Entry]:
        return list(self.entries)

    def setting(self, key: str, default: Any = None) -> Any:
        return self.settings.get(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        self.settings[key] = value


@pytest.fixture
def dialog(qtbot):
    from psw_journal.ui.export_dialog import ExportDialog

    widget = ExportDialog(FakeStore(), load_framework())
    qtbot.addWidget(widget)
    return widget


def test_dialog_shows_findings_for_the_sample_journal(dialog) -> None:
    count = dialog.findings.topLevelItemCount()
    assert count >= 30
    texts = {dialog.findings.topLevelItem(i).data(0, 0x0101) for i in range(count)}
    assert "WF4 2LS" in texts


def test_not_identifying_is_remembered(dialog) -> None:
    first = dialog.findings.topLevelItem(0)
    text = first.data(0, 0x0101)
    before = dialog.findings.topLevelItemCount()
    dialog.findings.setCurrentItem(first)
    dialog.not_identifying.click()
    assert text in dialog.store.settings["confidentiality_ignore"]
    assert dialog.findings.topLevelItemCount() < before


def test_preview_is_redacted(dialog) -> None:
    dialog.update_preview()
    shown = dialog.preview.toPlainText()
    assert "[Person A]" in shown and "WF4 2LS" not in shown


def test_screenshot(dialog) -> None:
    dialog.show()
    dialog.update_preview()
    target = ROOT / "docs/screenshots/export_dialog.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(target))
