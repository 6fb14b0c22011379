"""Lint and type checks run with the suite, so the one test command checks everything."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _tool(name: str) -> str:
    path = shutil.which(name, path=str(Path(sys.executable).parent))
    if path is None:
        pytest.fail(f"{name} is not installed: pip install -e '.[test]'")
    return path


def test_ruff_finds_nothing():
    result = subprocess.run(
        [_tool("ruff"), "check", "psw_journal", "tests", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_whole_package_type_checks_strictly():
    result = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_and_services_pull_in_neither_qt_nor_sql():
    """Every module of core and services, imported together, loads no Qt and no database."""
    modules = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for package in ("core", "services")
        for path in (ROOT / "psw_journal" / package).rglob("*.py")
        if path.name != "__init__.py"
    )
    assert len(modules) > 20
    code = (f"import sys, importlib; [importlib.import_module(m) for m in {modules!r}]; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'PySide6', 'sqlalchemy', 'sqlcipher3', 'alembic'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_command_line_paths_do_not_import_qt():
    code = "import sys, psw_journal.app, psw_journal.cli.commands; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_reading_commands_do_not_import_the_orm():
    code = (
        "import sys, psw_journal.app, psw_journal.cli.commands, psw_journal.persistence.reads, "
        "psw_journal.persistence.coverage_queries, psw_journal.cli.coverage_cli; "
        "heavy = {'sqlalchemy', 'alembic', 'PySide6'}; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
