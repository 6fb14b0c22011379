"""Export of a coursework piece, whole process: 8 sections, 4,000 words, 40 examples.

The piece is written once into a copy of the small corpus's journal (so the cached journal is
never changed), through the product's own store: each principle's section gets 500 words of
the student's own text and five examples quoted from entries.
"""

from __future__ import annotations

import dataclasses
import random
import shutil
from pathlib import Path

from bench.bench_cli import _record
from bench.common import (
    CACHE,
    PASSPHRASE,
    PSW,
    Result,
    base_env,
    command_timer,
    interleaved,
    summary,
)
from bench.generate import Corpus

WORDS_PER_SECTION = 500
EXAMPLES_PER_SECTION = 5


def make_piece(corpus: Corpus, folder: Path) -> Path:
    """Copy the corpus's journal into ``folder`` and write the benchmark piece into it."""
    from psw_journal.core.briefs import built_in_brief
    from psw_journal.core.coursework import quote_from
    from psw_journal.core.framework import load_framework
    from psw_journal.persistence.store import JournalStore

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    journal = folder / "journal.db"
    shutil.copy(corpus.journal, journal)
    rng = random.Random(7)
    words = (Path(__file__).with_name("words.txt").read_text(encoding="utf-8").split())[:1500]
    with JournalStore.open(journal, PASSPHRASE) as store:
        entries = list(store.iter_entries())
        piece = store.add_coursework(built_in_brief("principles", load_framework())
                                     .new_piece("Benchmark piece"))
        sections = []
        for section in piece.sections:
            text = " ".join(rng.choice(words) for _ in range(WORDS_PER_SECTION))
            paragraphs = "\n\n".join(text[i:i + 700] for i in range(0, len(text), 700))
            quoted = rng.sample(entries, EXAMPLES_PER_SECTION)
            examples = tuple(quote_from(e, " ".join(e.body.split()[:20])) for e in quoted)
            sections.append(dataclasses.replace(section, text=paragraphs, examples=examples))
        store.save_coursework(dataclasses.replace(piece, sections=tuple(sections)))
    return journal


def bench(small: Corpus, runs: int, enforce: bool = True) -> Result:
    """Time ``coursework export`` to Word and PDF against the 1 s target."""
    result = Result("coursework")
    folder = CACHE / "coursework"
    journal = make_piece(small, folder)
    env = base_env()

    def export(fmt: str) -> object:
        return command_timer([PSW, "--journal", str(journal), "coursework", "export", "1",
                              "--format", fmt, "--out", str(folder / f"piece.{fmt}")], env)

    times = interleaved(runs, {"docx": export("docx"), "pdf": export("pdf")}, warmup=1)
    for fmt, label in (("docx", "Word"), ("pdf", "PDF")):
        s = summary(times[fmt])
        result.figures[f"{fmt}_s"] = s
        name = f"coursework export to {label}, 8 sections, 4,000 words, 40 examples (median)"
        _record(result, enforce)(name, s["median"], 1.0, "<= 1 s", " s",
                                 f"min {s['min']:.3f}, max {s['max']:.3f}")
    return result
