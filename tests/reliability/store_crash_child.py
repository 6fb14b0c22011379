"""Child process for the crash-safety tests: adds and edits entries until it is killed.

After each save returns it prints ``add ID VERSION`` or ``edit ID VERSION`` and flushes, so the
parent knows exactly which saves the store reported as done before the SIGKILL.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from psw_journal.core.entry import EntryDraft, Link, LinkKind
from psw_journal.persistence.store import JournalStore

PASSPHRASE = "crash test passphrase"


def body(entry_id: int | str, version: int, rng: random.Random) -> str:
    """Return a body that names its entry and version, padded to a realistic length."""
    filler = " ".join(
        rng.choice(("listened", "boundaries", "hope", "walk", "tea"))
        for _ in range(rng.randint(20, 400))
    )
    return f"entry {entry_id} version {version}\n\n{filler}"


def main(journal: Path, seed: int) -> None:
    rng = random.Random(seed)
    store = JournalStore.open(journal, PASSPHRASE)
    versions: dict[int, int] = {}
    print("ready", flush=True)
    while True:
        if not versions or rng.random() < 0.4:
            draft = EntryDraft(
                title="crash test",
                body=body("new", 1, rng),
                links=(Link(LinkKind.PRINCIPLE, "safe"),),
                tags=("t",),
            )
            entry = store.add(draft)
            versions[entry.id] = 1
            print(f"add {entry.id} 1", flush=True)
        else:
            entry_id = rng.choice(list(versions))
            version = versions[entry_id] + 1
            store.update(
                entry_id, EntryDraft(title="crash test", body=body(entry_id, version, rng))
            )
            versions[entry_id] = version
            print(f"edit {entry_id} {version}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
