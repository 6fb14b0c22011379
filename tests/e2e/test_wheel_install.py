"""The wheel installs into a fresh virtual environment and works outside the source tree."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
PACKAGED_FILES = {
    "psw_journal/data/framework.json": ROOT / "data" / "framework.json",
    "psw_journal/data/framework.schema.json": ROOT / "data" / "framework.schema.json",
}


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"{args}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    _run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", out, ROOT, cwd=out)
    (built,) = out.glob("psw_journal-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv (no system site-packages): the wheel, and its dependencies from the index."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True, system_site_packages=False).create(env_dir)
    python = env_dir / "bin" / "python"
    _run(python, "-m", "pip", "install", "-q", wheel, cwd=env_dir)
    return env_dir


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PSW_JOURNAL", "PYTHON"))}
    env |= {"PSW_JOURNAL_PASSPHRASE": "wheel pass", "QT_QPA_PLATFORM": "offscreen"}
    return env


def test_wheel_carries_the_framework_files_not_symlinks(wheel: Path):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for inside, source in PACKAGED_FILES.items():
            data = archive.read(inside)
            assert hashlib.sha256(data).digest() == hashlib.sha256(source.read_bytes()).digest()
            mode = archive.getinfo(inside).external_attr >> 16
            assert mode & 0o170000 != 0o120000, f"{inside} is stored as a symlink"
    assert "psw_journal/persistence/migrations/env.py" in names
    assert any(name.startswith("psw_journal/core/namedata/") for name in names)


def test_installed_command_works_outside_the_source_tree(installed: Path, tmp_path: Path):
    command = installed / "bin" / "psw-journal"
    env = _env()
    from psw_journal import __version__

    assert _run(command, "--version", cwd=tmp_path, env=env).strip() == (
        f"psw-journal {__version__}"
    )
    journal = tmp_path / "journal.db"
    assert "Created" in _run(command, "init", "--journal", journal, cwd=tmp_path, env=env)
    listed = subprocess.run(
        [command, "list", "--journal", journal],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == ""
    assert "No entries." in listed.stderr
    demo = ROOT / "data" / "demo_entries.jsonl"
    _run(command, "import", "--format", "jsonl", demo, "--journal", journal, cwd=tmp_path, env=env)
    assert "of 77" in _run(command, "coverage", "--journal", journal, cwd=tmp_path, env=env)


def test_installed_package_finds_its_own_framework(installed: Path, tmp_path: Path):
    code = (
        "from psw_journal.core.framework import default_framework_path, load_framework; "
        "p = default_framework_path(); "
        "print(p.resolve()); print(p.is_symlink()); print(len(load_framework().competences))"
    )
    out = _run(installed / "bin" / "python", "-c", code, cwd=tmp_path, env=_env()).split()
    path, is_symlink, count = Path(out[0]), out[1], int(out[2])
    assert path.is_relative_to(installed.resolve()), path
    assert path.read_bytes() == (ROOT / "data" / "framework.json").read_bytes()
    assert is_symlink == "False"
    assert count == 78


def test_wheel_installs_the_desktop_files_under_share(installed: Path):
    share = installed / "share"
    assert (share / "applications" / "psw-journal.desktop").is_file()
    assert (share / "metainfo" / "io.github.pswjournal.PswJournal.metainfo.xml").is_file()
    for size in (16, 48, 256, 512):
        assert (
            share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "psw-journal.png"
        ).is_file()
