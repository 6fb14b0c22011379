"""Build ``confidentiality_heldout.jsonl`` from the marked-up texts in ``heldout_source/``.

The held-out set was written before its author looked at the detector, its word lists, the
development corpus or any benchmark output. It is reported, never tuned on.

Each source file holds entries separated by a line of ``=====``. An entry starts with header
lines (``## id:``, ``## date:``, ``## title:``, ``## tags:`` comma-separated, optional
``## tag_pii:``) followed by the body. Identifying spans are marked ``{{kind|text}}``; a name may
carry its origin, ``{{n/wa|Adaeze}}``. Kinds and origins are abbreviated (see ``KINDS`` and
``ORIGINS``). Offsets are Python code points into the body.

Usage: python bench/corpus/make_heldout.py [--source DIR] [--target FILE]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "heldout_source"
TARGET = HERE / "confidentiality_heldout.jsonl"

KINDS = {"n": "name", "nhs": "nhs_number", "ni": "ni_number", "ph": "phone", "em": "email",
         "pc": "postcode", "dob": "date_of_birth", "addr": "address",
         "svc": "ward_or_service", "oth": "other"}
ORIGINS = {"wa": "west_african", "sa": "south_asian", "pl": "polish", "cy": "welsh",
           "ie": "irish", "ar": "arabic", "so": "somali", "zh": "chinese", "vi": "vietnamese",
           "cb": "caribbean", "ee": "eastern_european", "en": "english", "short": "short",
           "sc": "scottish", "tr": "turkish", "ku": "kurdish", "ph": "filipino",
           "pt": "portuguese", "ro": "romanian", "ea": "east_african"}
_MARK = re.compile(r"\{\{([a-z]+)(?:/([a-z]+))?\|([^{}|]+)\}\}")


def parse_body(marked: str) -> tuple[str, list[dict[str, Any]]]:
    """Return the plain body and its annotated spans."""
    body: list[str] = []
    spans: list[dict[str, Any]] = []
    pos = length = 0
    for match in _MARK.finditer(marked):
        plain = marked[pos:match.start()]
        body.append(plain)
        length += len(plain)
        kind, origin, text = match.groups()
        span: dict[str, Any] = {"start": length, "end": length + len(text),
                                "kind": KINDS[kind], "text": text}
        if origin:
            span["origin"] = ORIGINS[origin]
        spans.append(span)
        body.append(text)
        length += len(text)
        pos = match.end()
    body.append(marked[pos:])
    return "".join(body), spans


def parse_entry(block: str) -> dict[str, Any]:
    """Return one annotated record from a marked-up block."""
    head: dict[str, str] = {}
    lines = block.strip("\n").splitlines()
    while lines and lines[0].startswith("## "):
        key, _, value = lines.pop(0)[3:].partition(":")
        head[key.strip()] = value.strip()
    body, spans = parse_body("\n".join(lines).strip())
    if "{{" in body or "}}" in body:
        raise ValueError(f"unparsed mark-up in {head.get('id')}")
    tags = [t.strip() for t in head.get("tags", "").split(",") if t.strip()]
    tag_pii = [t.strip() for t in head.get("tag_pii", "").split(",") if t.strip()]
    return {"id": head["id"], "date": head["date"], "title": head["title"], "body": body,
            "tags": tags, "tag_pii": tag_pii, "pii": spans}


def build(source: Path = SOURCE) -> list[dict[str, Any]]:
    """Return every record of the source files in ``source``, in file order."""
    records: list[dict[str, Any]] = []
    for path in sorted(source.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        records += [parse_entry(b) for b in re.split(r"^=====\s*$", text, flags=re.M)
                    if b.strip()]
    ids = [r["id"] for r in records]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate ids")
    return records


def write(records: list[dict[str, Any]], target: Path) -> None:
    """Write ``records`` to ``target`` as JSON Lines."""
    target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                      encoding="utf-8")


def main(source: Path = SOURCE, target: Path = TARGET) -> None:
    """Build the JSON Lines file ``target`` from the texts in ``source``."""
    records = build(source)
    write(records, target)
    clean = sum(not r["pii"] for r in records)
    print(f"{len(records)} entries ({clean} clean) -> {target.name}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="marked-up texts")
    parser.add_argument("--target", type=Path, default=TARGET, help="JSON Lines output")
    args = parser.parse_args()
    main(args.source, args.target)
