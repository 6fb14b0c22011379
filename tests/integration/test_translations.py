"""The translators' base file holds every user-visible string of the app as it is now."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[2]
BASE = ROOT / "resources/translations/psw_journal_en_GB.ts"
LUPDATE = Path(PySide6.__file__).parent / "lupdate"


def strings(ts: Path) -> set[tuple[str, str]]:
    """Return (context, source text) of every message in a Qt .ts file."""
    root = ET.parse(ts).getroot()
    return {(context.findtext("name", ""), message.findtext("source", ""))
            for context in root.iter("context") for message in context.iter("message")}


def test_the_base_translation_file_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "psw_journal/ui").rglob("*.py"))
    subprocess.run([str(LUPDATE), *sources, "-source-language", "en_GB", "-target-language",
                    "en_GB", "-no-obsolete", "-ts", str(fresh)], check=True, capture_output=True)
    expected = strings(fresh)
    assert len(expected) > 200
    assert strings(BASE) == expected, (
        "run the lupdate command in resources/translations/README.md for en_GB"
    )
