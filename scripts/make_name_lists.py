"""Build the compact name lists shipped in psw_journal/core/namedata/ (run at build time).

Sources (neither is needed at run time):
- first names: ``nomquamgender`` (PyPI, MIT licence, Ian Van Buskirk), ``name_data.json``:
  name -> [number of countries it was seen in, count, ...]. Kept: alphabetic names seen in at
  least 14 countries and at least 500 times.
- ordinary words: SCOWL British English word list (Debian ``wbritish``, SCOWL licence:
  permissive, copyright Kevin Atkinson). Kept: the first names that are also ordinary
  lower-case English words ("will", "hope", "ruby"), so the detector can treat them as ambiguous.

Usage: python scripts/make_name_lists.py NAME_DATA_JSON /usr/share/dict/british-english
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "psw_journal" / "core" / "namedata"


def main(name_data: str, words_file: str) -> int:
    """Write first_names.txt and name_words.txt."""
    data = json.loads(Path(name_data).read_text(encoding="utf-8"))
    names = sorted(
        name for name, row in data.items()
        if name.isalpha() and len(name) >= 2 and int(row[0]) >= 14 and int(row[1]) >= 500
    )
    words = {
        line.strip() for line in Path(words_file).read_text(encoding="utf-8").splitlines()
        if line.strip().islower() and "'" not in line
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "first_names.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    ambiguous = [name for name in names if name in words]
    (OUT / "name_words.txt").write_text("\n".join(ambiguous) + "\n", encoding="utf-8")
    print(f"{len(names)} first names, {len(ambiguous)} of them also ordinary words")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
