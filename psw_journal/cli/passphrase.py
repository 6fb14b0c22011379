"""Read the passphrase: from the environment, or from the terminal, never from arguments."""

from __future__ import annotations

import getpass
import os

from psw_journal.core.errors import InvalidInput, JournalError

PASSPHRASE_ENV = "PSW_JOURNAL_PASSPHRASE"
NEW_PASSPHRASE_ENV = "PSW_JOURNAL_NEW_PASSPHRASE"


def read_passphrase(*, confirm: bool = False) -> str:
    """Return the passphrase from $PSW_JOURNAL_PASSPHRASE, else ask on the terminal.

    Args:
        confirm: Ask twice and insist on the same answer (when creating a journal).
    """
    return _from_env(PASSPHRASE_ENV) or _ask(
        "Passphrase: ",
        confirm=confirm,
        mismatch="The two passphrases differ; nothing was created.",
    )


def read_new_passphrase() -> str:
    """Return a new passphrase from $PSW_JOURNAL_NEW_PASSPHRASE, else ask twice."""
    return _from_env(NEW_PASSPHRASE_ENV) or _ask(
        "New passphrase: ",
        confirm=True,
        mismatch="The two passphrases differ; the passphrase was not changed.",
    )


def _from_env(name: str) -> str | None:
    value = os.environ.get(name)
    if value is not None and not value:
        raise InvalidInput(f"{name} is set but empty.")
    return value


def _ask(prompt: str, *, confirm: bool, mismatch: str) -> str:
    try:
        with open("/dev/tty"):  # noqa: PTH123 - getpass reads the controlling terminal
            pass
    except OSError:
        raise JournalError(f"No passphrase: set {PASSPHRASE_ENV} or run in a terminal.") from None
    first = getpass.getpass(prompt)
    if not first:
        raise InvalidInput("The passphrase must not be empty.")
    if confirm and getpass.getpass("Repeat it: ") != first:
        raise InvalidInput(mismatch)
    return first
