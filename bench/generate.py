"""Generate a realistic, deterministic benchmark journal of N entries.

Each entry has 150-600 words drawn with a Zipf-like law from ``words.txt`` (about 2,600 real
English words from the project's framework and sample entries, most frequent first), with some
Peer Support phrases mixed in ("lived experience", "peer support"...), a rare word in about 0.1% of
entries, 0-3 tags, 0-5 competence links and 0-3 principle links to real framework ids, and a date
over five years. The same corpus is written as:

* ``entries.jsonl``: this app's JSON Lines;
* ``journal.db``: an encrypted journal, made by the product's own ``psw-journal init`` and
  ``psw-journal import --format jsonl`` (whole process, timed: ``import_s`` in ``meta.json``);
* ``jrnl.txt`` and ``jrnl-secret.txt``: a jrnl 4 plain-text journal and the same encrypted by
  jrnl's own v3 encryption, with ``jrnl.yaml`` naming them ``default`` and ``secret``.

Everything is cached under ``bench/.cache/corpus-n{N}-s{seed}-{framework hash}/``.

Usage: python -m bench.generate [--entries N] [--seed S]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import json
import random
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import CACHE, JRNL_PASSWORD, PSW, base_env, jrnl_config, run

VERSION = 1
RARE_WORD = "kaleidoscopic"
COMMON_WORD = "support"
PHRASE = '"lived experience"'
PHRASES = (
    "lived experience", "peer support", "recovery focused", "safety plan", "hearing voices",
    "shared decision making", "strengths based", "supervision today", "night shift",
    "care coordinator", "crisis team", "mutual respect", "wellness recovery action plan",
)
TAGS = ("supervision", "ward", "community", "crisis", "training", "selfcare", "group",
        "housing", "boundaries", "night", "outreach", "team", "student", "placement",
        "reflection", "family", "advocacy", "wellbeing", "handover", "assessment")
START = dt.date(2021, 1, 1)
DAYS = 5 * 365


@dataclass(frozen=True)
class Corpus:
    """Where one generated corpus lives."""

    folder: Path
    entries: int
    seed: int

    @property
    def jsonl(self) -> Path:
        """Return the entries as this app's JSON Lines."""
        return self.folder / "entries.jsonl"

    @property
    def journal(self) -> Path:
        """Return the encrypted journal holding the entries."""
        return self.folder / "journal.db"

    @property
    def jrnl_plain(self) -> Path:
        """Return the same entries as a plain jrnl journal."""
        return self.folder / "jrnl.txt"

    @property
    def jrnl_secret(self) -> Path:
        """Return the same entries as an encrypted jrnl journal."""
        return self.folder / "jrnl-secret.txt"

    @property
    def jrnl_config(self) -> Path:
        """Return jrnl's configuration for the two jrnl journals."""
        return self.folder / "jrnl.yaml"

    @property
    def meta(self) -> dict[str, object]:
        """Return what was generated and how long it took (counts, seed, timings, size)."""
        return json.loads((self.folder / "meta.json").read_text(encoding="utf-8"))


def vocabulary() -> list[str]:
    """Return the frozen vocabulary, most frequent first."""
    text = (Path(__file__).with_name("words.txt")).read_text(encoding="utf-8")
    return [w for w in text.split("\n") if w and not w.startswith("#")]


class Writer:
    """Draw words with a Zipf-like law (weight 1/(rank+2.7)) and build sentences and bodies."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = [w for w in vocabulary() if w != RARE_WORD]
        weights = [1.0 / (rank + 2.7) for rank in range(len(self.words))]
        self.cumulative = list(itertools.accumulate(weights))

    def draw(self, count: int) -> list[str]:
        """Return ``count`` words drawn by frequency."""
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=count)

    def sentence(self) -> list[str]:
        """Return a sentence's words, sometimes with a peer support phrase among them."""
        rng = self.rng
        words = self.draw(rng.randint(6, 18))
        if rng.random() < 0.18:
            words.insert(rng.randrange(len(words)), rng.choice(PHRASES))
        return words

    def body(self, target_words: int, rare: bool = False) -> str:
        """Return Markdown paragraphs of about ``target_words`` words."""
        rng = self.rng
        paragraphs: list[str] = []
        sentences: list[str] = []
        count = 0
        while count < target_words:
            words = self.sentence()
            count += sum(len(w.split()) for w in words)
            text = " ".join(words)
            text = text[0].upper() + text[1:] + rng.choice(".....?!")
            sentences.append(text.replace(" i ", " I "))
            if len(sentences) >= rng.randint(3, 6):
                paragraphs.append(" ".join(sentences))
                sentences = []
        if sentences:
            paragraphs.append(" ".join(sentences))
        if rng.random() < 0.2:
            paragraphs.insert(rng.randrange(len(paragraphs) + 1),
                              "\n".join(f"- {' '.join(self.draw(rng.randint(3, 8)))}"
                                        for _ in range(rng.randint(2, 4))))
        if rng.random() < 0.25 and len(paragraphs) > 1:
            paragraphs.insert(1, "## " + " ".join(self.draw(3)).capitalize())
        if rare:
            at = rng.randrange(len(paragraphs))
            paragraphs[at] = paragraphs[at] + f" It felt {RARE_WORD}, in a good way."
        return "\n\n".join(paragraphs)

    def title(self) -> str:
        """Return a title of three to seven words."""
        return " ".join(self.draw(self.rng.randint(3, 7))).capitalize()


def records(entries: int, seed: int) -> list[dict[str, object]]:
    """Return the corpus as JSON Lines records (oldest first), deterministic in (entries, seed)."""
    from psw_journal.core.framework import load_framework

    framework = load_framework()
    competences = [c.id for c in framework.competences]
    principles = [p.id for p in framework.principles]
    rng = random.Random(seed)
    writer = Writer(rng)
    rare = set(rng.sample(range(entries), max(1, entries // 1000)))
    days = sorted(rng.randrange(DAYS) for _ in range(entries))
    result = []
    for number, day in enumerate(days):
        record: dict[str, object] = {
            "date": (START + dt.timedelta(days=day)).isoformat(),
            "title": writer.title(),
            "body": writer.body(rng.randint(150, 600), rare=number in rare),
            "tags": rng.sample(TAGS, rng.choice((0, 1, 1, 2, 2, 3))),
            "principles": rng.sample(principles, rng.randint(0, 3)),
            "competences": rng.sample(competences, rng.randint(0, 5)),
            "stress": rng.choice((None, 1, 2, 3, 4, 5)),
        }
        result.append(record)
    return result


def jrnl_text(items: list[dict[str, object]], seed: int) -> str:
    """Return the corpus as a jrnl plain-text journal (tags as @tag at the end of the body)."""
    rng = random.Random(seed + 1)
    parts = []
    for record in items:
        stamp = f"{record['date']} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}"
        tags = " ".join(f"@{tag}" for tag in record["tags"])  # type: ignore[attr-defined]
        body = str(record["body"]) + (f"\n\n{tags}" if tags else "")
        parts.append(f"[{stamp}] {record['title']}\n{body}\n")
    return "\n".join(parts)


def jrnl_encrypt(text: str, config: Path) -> bytes:
    """Encrypt a jrnl journal the way jrnl 4 writes one (its v3 format)."""
    from jrnl.encryption.Jrnlv3Encryption import Jrnlv3Encryption

    encryption = Jrnlv3Encryption("secret", {"encrypt": True, "config": str(config)})
    encryption.password = JRNL_PASSWORD
    return encryption.encrypt(text)


def framework_hash() -> str:
    """Return a short hash of what the corpus was made for: framework ids, schema, detector.

    Links must name real ids; a journal written by an older schema would be upgraded (with a
    backup) by the first writer; and findings stored by an older detector are checked again by
    every export (a reading command does not store them back). So any change makes a new corpus.
    """
    from psw_journal.core.confidentiality import DETECTOR_VERSION
    from psw_journal.core.framework import load_framework
    from psw_journal.persistence.schema import HEAD

    framework = load_framework()
    ids = [c.id for c in framework.competences] + [p.id for p in framework.principles]
    stamp = [*ids, HEAD, f"detector {DETECTOR_VERSION}"]
    return hashlib.sha256("\n".join(stamp).encode()).hexdigest()[:8]


def corpus(entries: int = 10_000, seed: int = 42, quiet: bool = False) -> Corpus:
    """Return the cached corpus for (entries, seed), generating it first if needed."""
    folder = CACHE / f"corpus-v{VERSION}-n{entries}-s{seed}-{framework_hash()}"
    found = Corpus(folder, entries, seed)
    if (folder / "meta.json").exists():
        return found
    began = time.perf_counter()
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    items = records(entries, seed)
    with (partial / "entries.jsonl").open("w", encoding="utf-8") as out:
        for record in items:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    text = jrnl_text(items, seed)
    (partial / "jrnl.txt").write_text(text, encoding="utf-8")
    jrnl_config(folder / "jrnl.txt", folder / "jrnl-secret.txt", partial / "jrnl.yaml")
    (partial / "jrnl-secret.txt").write_bytes(jrnl_encrypt(text, partial / "jrnl.yaml"))
    made = time.perf_counter() - began
    journal = partial / "journal.db"
    env = base_env()
    run([PSW, "--journal", str(journal), "init"], env=env)
    began_import = time.perf_counter()
    run([PSW, "--journal", str(journal), "import", "--format", "jsonl",
         str(partial / "entries.jsonl")], env=env, timeout=600)
    imported = time.perf_counter() - began_import
    shutil.rmtree(partial / "journal-backups", ignore_errors=True)
    words = sum(len(str(r["body"]).split()) for r in items)
    meta = {"entries": entries, "seed": seed, "words": words, "generate_s": round(made, 2),
            "import_s": round(imported, 2), "rare_word_entries": max(1, entries // 1000),
            "journal_bytes": journal.stat().st_size}
    (partial / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    partial.replace(folder)
    if not quiet:
        print(f"generated {folder.name}: {meta}", file=sys.stderr)
    return found


def main(argv: list[str] | None = None) -> int:
    """Generate a corpus (or find it already made) and print where it is."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    found = corpus(args.entries, args.seed)
    print(found.folder)
    print(json.dumps(found.meta))
    return 0


if __name__ == "__main__":
    sys.exit(main())
