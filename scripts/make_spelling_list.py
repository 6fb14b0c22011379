"""Build the British English word list shipped in psw_journal/core/spelling_data/ (build time).

Source (not needed at run time): SCOWL's British English list, size 70, as Debian's
``wbritish-large`` package installs it (/usr/share/dict/british-english-large; SCOWL licence:
permissive, copyright Kevin Atkinson; see spelling_data/NOTICE). Possessives ("cat's") are
dropped: the spell checker accepts a known word followed by 's. -ise spellings, as the list has
them; -ize ones are not British in this list and are flagged.

Usage: python scripts/make_spelling_list.py /usr/share/dict/british-english-large
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "psw_journal" / "core" / "spelling_data"


def main(words_file: str) -> int:
    """Write en_GB.txt.gz: one word a line, sorted, no possessives."""
    lines = Path(words_file).read_text(encoding="utf-8").splitlines()
    words = sorted({line.strip() for line in lines if line.strip()
                    and not line.strip().endswith("'s")})
    OUT.mkdir(parents=True, exist_ok=True)
    data = ("\n".join(words) + "\n").encode("utf-8")
    (OUT / "en_GB.txt.gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{len(words)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
