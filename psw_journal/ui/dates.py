"""Dates as the user's locale writes them (en_GB: "Mon, 12 Jan 2026"), and date fields."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QDateEdit

#: A date field's display format where the locale's would be too long (filters, ranges).
SHORT_DATE_FORMAT = "d MMM yyyy"


def to_qdate(day: dt.date) -> QDate:
    """Return a Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    """Return a QDate as a Python date."""
    return dt.date(day.year(), day.month(), day.day())


def date_edit(day: dt.date | None = None, display_format: str = SHORT_DATE_FORMAT) -> QDateEdit:
    """Return a date field with a calendar pop-up, showing ``day`` (today when None)."""
    edit = QDateEdit(to_qdate(day or dt.date.today()))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(display_format)
    return edit


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
    return locale.toString(to_qdate(day), medium_date_format(locale))


def long_date(day: dt.date, locale: QLocale | None = None) -> str:
    """Return a date in full in the locale's form ("Monday, 12 January 2026" in en_GB)."""
    return (locale or QLocale()).toString(to_qdate(day), QLocale.FormatType.LongFormat)
