"""Run ``psw-journal`` as a separate process, the way a user or a script would."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Result:
    """What one command printed and returned."""

    code: int
    out: str
    err: str


def run_cli(
    *args: str | Path,
    passphrase: str | None = "correct horse",
    stdin: str = "",
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    wrapper: tuple[str, ...] = (),
) -> Result:
    """Run ``python -m psw_journal ARGS`` with the passphrase in the environment."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("PSW_JOURNAL")}
    full_env["QT_QPA_PLATFORM"] = "offscreen"
    if passphrase is not None:
        full_env["PSW_JOURNAL_PASSPHRASE"] = passphrase
    full_env.update(env or {})
    proc = subprocess.run(
        [*wrapper, sys.executable, "-m", "psw_journal", *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd or ROOT,
        timeout=120,
        start_new_session=True,  # no controlling terminal: a passphrase prompt would hang
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def without_file_permission_override() -> tuple[str, ...]:
    """Return a command prefix under which root, too, must respect file permissions."""
    if os.geteuid() != 0:
        return ()
    caps = "-dac_override,-dac_read_search"
    return ("setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}")


def assert_one_line_error(result: Result, *fragments: str) -> None:
    """Check a failure: status 1, one line on stderr that names the problem, no traceback."""
    assert result.code == 1, result
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    for fragment in fragments:
        assert fragment.lower() in lines[0].lower(), lines[0]
