"""A keyring backend for jrnl that reads the password from $BENCH_JRNL_PASSWORD.

jrnl asks its keyring before prompting, so ``PYTHON_KEYRING_BACKEND=bench.jrnl_keyring.EnvKeyring``
lets the benchmark run jrnl's encrypted journal without a terminal (the way a user with a desktop
keyring runs it).
"""

from __future__ import annotations

import os

from keyring.backend import KeyringBackend


class EnvKeyring(KeyringBackend):
    """Return $BENCH_JRNL_PASSWORD for every service; store nothing."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        """Return the benchmark's jrnl password, whatever is asked for."""
        return os.environ.get("BENCH_JRNL_PASSWORD")

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store nothing."""
        return None

    def delete_password(self, service: str, username: str) -> None:
        """Delete nothing."""
        return None
