"""Hostile zips: sizes and ratios are bounded before anything is read; each failure one line."""

from __future__ import annotations

import json
import struct
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from psw_journal.core.errors import InvalidInput
from psw_journal.core.importing import read_source
from psw_journal.core.importing.zipfiles import MAX_RATIO

JOURNAL = json.dumps({"entries": [{"uuid": "A", "creationDate": "2026-01-01T10:00:00Z",
                                   "text": "Hello"}]})


def _patch_members(path: Path, *, flag: int = 0, method: int | None = None,
                   declared: int | None = None) -> None:
    """Change every member's header fields in place (local and central directory entries)."""
    data = bytearray(path.read_bytes())
    for signature, flag_at, method_at, size_at in ((b"PK\x03\x04", 6, 8, 22),
                                                   (b"PK\x01\x02", 8, 10, 24)):
        start = data.find(signature)
        while start != -1:
            (flags,) = struct.unpack_from("<H", data, start + flag_at)
            struct.pack_into("<H", data, start + flag_at, flags | flag)
            if method is not None:
                struct.pack_into("<H", data, start + method_at, method)
            if declared is not None:
                struct.pack_into("<I", data, start + size_at, declared)
            start = data.find(signature, start + 4)
    path.write_bytes(bytes(data))


def _zip(path: Path, text: str = JOURNAL, method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        archive.writestr("Journal.json", text)
    return path


def test_a_small_zip_holding_a_huge_member_fails_fast_with_little_memory(tmp_path: Path):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("Journal.json", "w", force_zip64=True) as member:
        chunk = b" " * (1024 * 1024)
        for _ in range(250):
            member.write(chunk)
    assert bomb.stat().st_size < 400 * 1024
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(InvalidInput) as caught:
            read_source("dayone", bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 1.0
    assert peak < 5 * 1024 * 1024
    message = str(caught.value)
    assert "\n" not in message
    assert f"more than {MAX_RATIO} times" in message or "too large" in message


def test_a_member_larger_than_it_declares_is_refused_as_damaged(tmp_path: Path):
    path = _zip(tmp_path / "lying.zip", JOURNAL + " " * 100_000)
    _patch_members(path, declared=len(JOURNAL))
    with pytest.raises(InvalidInput, match="damaged"):
        read_source("dayone", path)


def test_a_password_protected_zip_says_so(tmp_path: Path):
    path = _zip(tmp_path / "locked.zip")
    _patch_members(path, flag=0x1)  # the encryption flag is what zipfile goes by
    with pytest.raises(InvalidInput, match="protected by a password") as caught:
        read_source("dayone", path)
    assert "\n" not in str(caught.value)


def test_an_unsupported_compression_says_so(tmp_path: Path):
    path = _zip(tmp_path / "deflate64.zip", method=zipfile.ZIP_STORED)
    _patch_members(path, method=9)  # Deflate64, which zipfile cannot read
    with pytest.raises(InvalidInput, match="compressed in a way this app cannot read"):
        read_source("dayone", path)


def test_an_ordinary_zip_still_reads(tmp_path: Path):
    for method in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2,
                   zipfile.ZIP_LZMA):
        path = _zip(tmp_path / f"ok{method}.zip", method=method)
        assert [d.title for d in read_source("dayone", path).drafts()] == ["Hello"]
