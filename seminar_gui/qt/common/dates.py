"""Dates as the window shows them to a person: in the UI locale, through QLocale.

The README's dates are another matter: they are always English and written by
:mod:`seminar_gui.core.dates`, whatever the locale.  Here every format string is
translatable (context ``"dates"``), so a translation can reorder it ("11月25日 周二")
while the names of months and weekdays come from the locale.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from seminar_gui.qt.common.i18n import translate


def qdate(date: dt.date) -> QDate:
    """``date`` as Qt's date (for date editors and QLocale)."""
    return QDate(date.year, date.month, date.day)


def month_day(date: dt.date) -> str:
    """'Nov 25': a date within the semester on show (undo texts, hints, labels)."""
    return QLocale().toString(qdate(date), translate("dates", "MMM d", "Nov 25"))


def long_day(date: dt.date) -> str:
    """'Tue Nov 25': a date with its weekday (cells, tooltips, choosers)."""
    return QLocale().toString(qdate(date), translate("dates", "ddd MMM d", "Tue Nov 25"))


def full_day(date: dt.date) -> str:
    """'Tuesday, November 25': the session editor's title."""
    fmt = translate("dates", "dddd, MMMM d", "Tuesday, November 25")
    return QLocale().toString(qdate(date), fmt)


def date_edit_format() -> str:
    """'Tue 25 Nov 2025' ("2025年11月25日 周二"): the display format of every date
    editor (a session's date, a term's first and last day, a break)."""
    return translate("dates", "ddd d MMM yyyy", "Tue 25 Nov 2025")


def weekday_short(weekday: int) -> str:
    """'Mon' for 0 … 'Sun' for 6 (Python's numbering; the calendar's columns)."""
    return QLocale().dayName(weekday + 1, QLocale.FormatType.ShortFormat)


def weekday_long(weekday: int) -> str:
    """'Monday' for 0 … 'Sunday' for 6."""
    return QLocale().dayName(weekday + 1, QLocale.FormatType.LongFormat)


def date_time(moment: dt.datetime) -> str:
    """A moment in the locale's short form (e.g. when unsaved work was saved)."""
    value = QDateTime(qdate(moment.date()), QTime(moment.hour, moment.minute, moment.second))
    return QLocale().toString(value, QLocale.FormatType.ShortFormat)
