"""Desktop citizenship: the .desktop file, the AppStream metainfo and the rendered icons."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
DESKTOP = RESOURCES / "psw-journal.desktop"
METAINFO = RESOURCES / "io.github.pswjournal.PswJournal.metainfo.xml"
HICOLOR = RESOURCES / "icons" / "hicolor"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def _validator(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {package})")
    return path


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_passes_desktop_file_validate():
    result = subprocess.run(
        [_validator("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_metainfo_passes_appstreamcli_validate():
    result = subprocess.run(
        [_validator("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_file_launches_the_installed_gui_script_with_our_icon():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "psw-journal-gui"
    assert entry["Terminal"] == "false"
    assert entry["Icon"] == "psw-journal"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'psw-journal-gui = "psw_journal.app:main"' in pyproject


def test_metainfo_names_the_desktop_file_and_the_binaries():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == "io.github.pswjournal.PswJournal"
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("icon") == _desktop_entry()["Icon"]
    binaries = {node.text for node in root.iter("binary")}
    assert binaries == {"psw-journal", "psw-journal-gui"}
    from psw_journal import __version__

    assert root.find("releases/release").get("version") == __version__  # type: ignore[union-attr]


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_every_hicolor_size_is_rendered_from_app_svg():
    assert (RESOURCES / "icons" / "app.svg").is_file()
    for size in SIZES:
        png = HICOLOR / f"{size}x{size}" / "apps" / "psw-journal.png"
        assert png.is_file(), f"missing {png}; run packaging/render_icons.py"
        assert _png_size(png) == (size, size)


def test_render_script_draws_the_svg_offscreen(tmp_path: Path):
    pytest.importorskip("PySide6.QtSvg")
    # A subprocess, so this test's QGuiApplication cannot clash with pytest-qt's QApplication.
    code = (
        "import importlib.util, sys; "
        "spec = importlib.util.spec_from_file_location('render_icons', sys.argv[1]); "
        "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module); "
        "module.render(target=__import__('pathlib').Path(sys.argv[2]), sizes=(16, 48))"
    )
    script = ROOT / "packaging" / "render_icons.py"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", code, str(script), str(tmp_path)], env=env, check=True)
    written = [tmp_path / f"{n}x{n}" / "apps" / "psw-journal.png" for n in (16, 48)]
    assert [_png_size(path) for path in written] == [(16, 16), (48, 48)]
    # Not blank: a flat transparent image would compress to a handful of distinct bytes.
    assert len(set(written[1].read_bytes())) > 50
