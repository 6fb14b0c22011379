"""Reading members of a zip the user chose, with every size checked before anything is read.

A hostile zip can declare a small member and hold a huge one, or squeeze hundreds of
megabytes into a few kilobytes; ``zipfile`` stops at the declared size (and checks the CRC),
so bounding the declared size and the compression ratio bounds the memory used.
"""

from __future__ import annotations

import lzma
import zipfile
import zlib

from psw_journal.core.errors import InvalidInput

#: Largest member read; a Day One journal of thousands of entries is a few megabytes.
MAX_MEMBER_BYTES = 128 * 1024 * 1024
#: Largest ratio of a member's size to its compressed size; JSON text compresses about ten
#: times, a zip bomb a thousand.
MAX_RATIO = 200
#: Below this size a high ratio is harmless (a file of spaces compresses very well).
_RATIO_FREE_BYTES = 1024 * 1024
_READABLE = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2,
                       zipfile.ZIP_LZMA})
_ENCRYPTED = 0x1


def check_member(info: zipfile.ZipInfo, source: str) -> None:
    """Refuse a member that is encrypted, compressed in a way ``zipfile`` lacks, or too big.

    Raises:
        InvalidInput: One sentence naming ``source`` and what is wrong.
    """
    if info.flag_bits & _ENCRYPTED:
        raise InvalidInput(
            f"{source} is protected by a password; export again without one (or unzip it "
            "yourself and import the .json file)."
        )
    if info.compress_type not in _READABLE:
        raise InvalidInput(
            f"{source} is compressed in a way this app cannot read (zip method "
            f"{info.compress_type}); unzip it yourself and import the .json file."
        )
    if info.file_size > MAX_MEMBER_BYTES:
        raise InvalidInput(f"{source} is too large to be a journal file "
                           f"({info.file_size / 1024 / 1024:,.0f} MB).")
    if info.file_size > _RATIO_FREE_BYTES and (
        info.compress_size == 0 or info.file_size / info.compress_size > MAX_RATIO
    ):
        raise InvalidInput(
            f"{source} would expand more than {MAX_RATIO} times; it is not a real export."
        )


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> bytes:
    """Read one member after :func:`check_member`; any failure is one InvalidInput."""
    check_member(info, source)
    try:
        with archive.open(info) as handle:
            return handle.read(MAX_MEMBER_BYTES + 1)
    except (zipfile.BadZipFile, EOFError, zlib.error, lzma.LZMAError, OSError) as exc:
        raise InvalidInput(f"{source} is damaged ({exc}).") from None
    except (RuntimeError, NotImplementedError) as exc:  # encryption or methods zipfile lacks
        raise InvalidInput(f"{source} cannot be read ({exc}).") from None
