"""Read the passphrase: from the environment, or from the terminal, never from arguments."""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable

from psw_journal.core.errors import InvalidInput, JournalError

PASSPHRASE_ENV = "PSW_JOURNAL_PASSPHRASE"
NEW_PASSPHRASE_ENV = "PSW_JOURNAL_NEW_PASSPHRASE"
ALLOW_WEAK_FLAG = "--allow-weak-passphrase"


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


def read_first_passphrase(*, allow_weak: bool = False) -> str:
    """Return the passphrase of a new journal (asked twice), refusing a weak one.

    Args:
        allow_weak: The user passed --allow-weak-passphrase.
    """
    chosen = read_passphrase(confirm=True)
    return checked_strength(chosen, allow_weak=allow_weak, unchanged="nothing was created")


def read_new_passphrase(*, allow_weak: bool = False) -> str:
    """Return a new passphrase from $PSW_JOURNAL_NEW_PASSPHRASE, else ask twice.

    A weak one is refused unless ``allow_weak`` or the user confirms it at the terminal.
    """
    chosen = _from_env(NEW_PASSPHRASE_ENV) or _ask(
        "New passphrase: ",
        confirm=True,
        mismatch="The two passphrases differ; the passphrase was not changed.",
    )
    return checked_strength(
        chosen, allow_weak=allow_weak, unchanged="the passphrase was not changed"
    )


def checked_strength(
    passphrase: str,
    *,
    allow_weak: bool,
    unchanged: str,
    confirm: Callable[[str], bool] | None = None,
) -> str:
    """Return the passphrase if it is strong enough, allowed weak, or confirmed weak.

    Args:
        passphrase: The chosen passphrase.
        allow_weak: The user passed --allow-weak-passphrase.
        unchanged: What was not done if it is refused ("nothing was created").
        confirm: Asks the user a yes/no question; the terminal's when None.

    Raises:
        InvalidInput: The passphrase is weak and the user did not accept that.
    """
    from psw_journal.core.passphrase_strength import rate_passphrase, weak_passphrase_message

    rating = rate_passphrase(passphrase)
    if rating.is_strong_enough or allow_weak:
        return passphrase
    message = weak_passphrase_message(rating)
    if (confirm or _confirm_at_terminal)(message):
        return passphrase
    raise InvalidInput(f"{message} To use it all the same, add {ALLOW_WEAK_FLAG}; {unchanged}.")


def _confirm_at_terminal(message: str) -> bool:
    """Ask on the controlling terminal whether to go on; False when there is none."""
    try:
        with open("/dev/tty", "r+", encoding="utf-8") as tty:
            tty.write(f"{message}\nUse this weak passphrase anyway? Type yes to confirm: ")
            tty.flush()
            return tty.readline().strip().casefold() == "yes"
    except OSError:
        return False


def _from_env(name: str) -> str | None:
    value = os.environ.get(name)
    if value is not None and not value:
        raise InvalidInput(f"{name} is set but empty.")
    return value


def _ask(prompt: str, *, confirm: bool, mismatch: str) -> str:
    try:
        with open("/dev/tty"):  # getpass reads the controlling terminal
            pass
    except OSError:
        raise JournalError(f"No passphrase: set {PASSPHRASE_ENV} or run in a terminal.") from None
    first = getpass.getpass(prompt)
    if not first:
        raise InvalidInput("The passphrase must not be empty.")
    if confirm and getpass.getpass("Repeat it: ") != first:
        raise InvalidInput(mismatch)
    return first

