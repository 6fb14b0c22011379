"""Non-content preferences in QSettings. Never journal content or passphrases."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "PSW Journal"
APPLICATION = "psw-journal"
DEFAULT_IDLE_MINUTES = 10
DEFAULT_FONT_SIZE = 11


class AppSettings:
    """Typed access to the app's QSettings (INI format, per user)."""

    def __init__(self) -> None:
        self._qs = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
        )

    def _int(self, key: str, default: int) -> int:
        try:
            # INI values come back as text; the default as given.
            return int(str(self._qs.value(key, default)))
        except (TypeError, ValueError):
            return default

    def _text(self, key: str) -> str:
        return str(self._qs.value(key, "") or "")

    @property
    def idle_minutes(self) -> int:
        """Minutes without input before the journal locks itself (0 = never)."""
        return max(0, self._int("lock/idle_minutes", DEFAULT_IDLE_MINUTES))

    @idle_minutes.setter
    def idle_minutes(self, value: int) -> None:
        self._qs.setValue("lock/idle_minutes", int(value))

    @property
    def font_size(self) -> int:
        """Point size of the writing and reading font."""
        return min(32, max(8, self._int("view/font_size", DEFAULT_FONT_SIZE)))

    @font_size.setter
    def font_size(self, value: int) -> None:
        self._qs.setValue("view/font_size", int(value))

    @property
    def appearance(self) -> str:
        """Colour scheme: "system", "light" or "dark"."""
        value = str(self._qs.value("view/appearance", "system") or "system")
        return value if value in ("system", "light", "dark") else "system"

    @appearance.setter
    def appearance(self, value: str) -> None:
        self._qs.setValue("view/appearance", value)

    @property
    def framework_path(self) -> str:
        """An optional framework file replacing the built-in one ("" = built in)."""
        return self._text("framework/path")

    @framework_path.setter
    def framework_path(self, value: str) -> None:
        self._qs.setValue("framework/path", value)

    @property
    def export_format(self) -> str:
        """The document format chosen in the last export ("" = none yet)."""
        return self._text("export/format")

    @export_format.setter
    def export_format(self, value: str) -> None:
        self._qs.setValue("export/format", value)

    @property
    def export_folder(self) -> str:
        """The folder the last export was saved in ("" = none yet)."""
        return self._text("export/folder")

    @export_folder.setter
    def export_folder(self, value: str) -> None:
        self._qs.setValue("export/folder", value)

    def state(self, key: str) -> QByteArray | None:
        """Return saved window geometry or splitter state, if any."""
        value = self._qs.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_state(self, key: str, value: QByteArray) -> None:
        """Save window geometry or splitter state."""
        self._qs.setValue(f"window/{key}", value)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._qs.sync()
