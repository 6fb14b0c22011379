"""Dates as the user's locale writes them (en_GB: "Mon, 12 Jan 2026")."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale


def medium_date_format(locale: QLocale | None = None) -> str:
    """Return the locale's long date pattern with short day and month names.

    Keeps the locale's order and punctuation ("Mon, 12 Jan 2026" in en_GB, "Mon, Jan 12,
    2026" in en_US) while staying short enough for a list row or a date field.
    """
    pattern = (locale or QLocale()).dateFormat(QLocale.FormatType.LongFormat)
    return pattern.replace("dddd", "ddd").replace("MMMM", "MMM")


def medium_date(day: dt.date, locale: QLocale | None = None) -> str:
    """Return a date in the locale's medium form (see :func:`medium_date_format`)."""
    locale = locale or QLocale()
    return locale.toString(QDate(day), medium_date_format(locale))


def long_date(day: dt.date, locale: QLocale | None = None) -> str:
    """Return a date in full in the locale's form ("Monday, 12 January 2026" in en_GB)."""
    return (locale or QLocale()).toString(QDate(day), QLocale.FormatType.LongFormat)
