"""Nothing an export writes reaches out.

No request, no local file, no secret to a child, no file others can read, and no success
reported for a file that was not written whole.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
from cli_runner import assert_one_line_error, run_cli

PASS = "correct horse"
FORMATS = ("markdown", "html", "pdf", "docx")
MARKER = b"SECRET-PIXELS-7f3a"


class Listener:
    """A local server that records every connection made to it."""

    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.server.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        """Stop listening."""
        self._stop.set()
        self._thread.join()
        self.server.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    watching = Listener()
    yield watching
    watching.close()


@pytest.fixture
def hostile_journal(tmp_path: Path, listener: Listener) -> Path:
    """A journal whose entry points at a local server and at a private image on disk."""
    secret = tmp_path / "private-photo.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n" + MARKER * 50)
    url = f"http://127.0.0.1:{listener.port}"
    body = (f"Remote ![a photo]({url}/photo.png) and [a link]({url}/page).\n\n"
            f"Raw <img src=\"{url}/raw.png\"> and a reference ![ref][pic].\n\n"
            f"A local one ![private]({secret}) and ![](file://{secret}).\n\n"
            f"[pic]: {url}/ref.png\n\n[run](javascript:alert(1)) [page](data:text/html,hi)\n")
    journal = tmp_path / "journal.db"
    assert run_cli("init", "--journal", journal).code == 0
    added = run_cli("add", "--title", "Images", "--principle", "safe", "--journal", journal,
                    stdin=body)
    assert added.code == 0, added
    return journal


def test_no_export_fetches_anything_or_embeds_a_local_file(hostile_journal, listener,
                                                           tmp_path):
    old_mask = os.umask(0o022)
    try:
        for fmt in FORMATS:
            out = tmp_path / f"export.{fmt}"
            result = run_cli("export", "--format", fmt, "--out", out, "--journal",
                             hostile_journal)
            assert result.code == 0, (fmt, result)
            assert out.stat().st_mode & 0o777 == 0o600, fmt
    finally:
        os.umask(old_mask)
    assert listener.connections == 0
    page = (tmp_path / "export.html").read_text(encoding="utf-8")
    tags = " ".join(re.findall(r"<[^>]+>", page))
    assert "<img" not in tags and "src=" not in tags
    assert "javascript:" not in tags and "data:" not in tags
    assert "[Image left out: a photo]" in page
    pdf = (tmp_path / "export.pdf").read_bytes()
    assert b"/Subtype /Image" not in pdf and b"/Subtype/Image" not in pdf
    with zipfile.ZipFile(tmp_path / "export.docx") as word:
        assert not [name for name in word.namelist() if name.startswith("word/media")]
        assert not any(MARKER in word.read(name) for name in word.namelist())


def test_pandoc_is_the_bundled_one_and_gets_no_secret(hostile_journal, tmp_path):
    if shutil.which("strace") is None:
        pytest.skip("needs strace (Debian package strace)")
    decoy = tmp_path / "bin"
    decoy.mkdir()
    (decoy / "pandoc").write_text(f"#!/bin/sh\ntouch {tmp_path}/decoy-ran\nexit 1\n")
    (decoy / "pandoc").chmod(0o755)
    trace = tmp_path / "trace"
    env = {"PSW_JOURNAL_PASSPHRASE": PASS, "PATH": f"{decoy}:/usr/bin:/bin",
           "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    subprocess.run(["strace", "-f", "-qq", "-v", "-s", "4096", "-e", "trace=execve", "-o",
                    str(trace), sys.executable, "-m", "psw_journal", "--journal",
                    str(hostile_journal), "export", "--format", "docx", "--out",
                    str(tmp_path / "out.docx")], env=env, check=True, capture_output=True,
                   timeout=120)
    calls = [line for line in trace.read_text().splitlines()
             if re.search(r'execve\("[^"]*/pandoc"', line)]
    assert calls, "pandoc was never run"
    assert all('/pypandoc/files/pandoc"' in line for line in calls)
    assert all(PASS not in line and "PSW_JOURNAL" not in line for line in calls)
    assert not (tmp_path / "decoy-ran").exists()


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_a_full_disk_is_reported_and_leaves_no_file(small_disk: Path, fmt: str, tmp_path):
    journal = tmp_path / "journal.db"
    assert run_cli("init", "--journal", journal).code == 0
    for number in range(4):
        letters = "".join(chr(97 + byte % 26) for byte in os.urandom(40_000))
        body = " ".join(letters[i:i + 7] for i in range(0, len(letters), 7))
        assert run_cli("add", "--title", f"Entry {number}", "--journal", journal,
                       stdin=body).code == 0
    (small_disk / "ballast").write_bytes(b"\0" * (shutil.disk_usage(small_disk).free - 20_000))
    out = small_disk / f"export.{fmt}"
    result = run_cli("export", "--format", fmt, "--out", out, "--journal", journal)
    assert_one_line_error(result, "nothing was saved")
    assert re.search(r"disk is full|incomplete", result.err)
    assert sorted(p.name for p in small_disk.iterdir()) == ["ballast"]
