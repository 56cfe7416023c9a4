"""Dates as the README writes them, in fixed English, and semester titles.

The README is English whatever the user's locale.  Month names from strftime follow
the process locale, which Qt sets from the environment once a QApplication exists
(under ``LANG=zh_CN.UTF-8`` a heading would become ``### 十二月 2``, which the importer
cannot read), so this module is the one place that writes and reads month names;
nothing else in the core formats a month.  Dates in the README carry no year: the
semester's title gives it (:func:`infer_date`).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Literal

from seminar_gui.core.lazy_re import lazy_compile
from seminar_gui.core.messages import QT_TRANSLATE_NOOP

Season = Literal["Winter", "Spring", "Summer", "Fall"]
SEASON_ORDER: dict[str, int] = {"Winter": 0, "Spring": 1, "Summer": 2, "Fall": 3}

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)  # "Jan", ..., "Dec"
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Month names the importer reads: full, 3 letters, and "Sept"; any case.
_MONTH_NUMBERS = {
    **{name.lower(): n for n, name in enumerate(MONTH_NAMES, 1)},
    **{short.lower(): n for n, short in enumerate(MONTH_ABBREVIATIONS, 1)},
    "sept": 9,
}
_SEMESTER_TITLE = lazy_compile(
    r"(?:(?P<y1>\d{4})\s+(?P<s1>fall|spring|summer|winter)"
    r"|(?P<s2>fall|spring|summer|winter)\s+(?P<y2>\d{4}))(?:\s+semester)?",
    re.I,
)
# "December 2", "Dec. 2nd", "Tue, Dec 2, 2025" (the weekday is not checked)
_HEADING_DATE = lazy_compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?",
    re.I,
)
_ISO = lazy_compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")


# ------------------------------------------------------------------ writing dates


def format_heading_date(date: dt.date) -> str:
    """``"December 2"``: a session's date as its README heading shows it."""
    return f"{MONTH_NAMES[date.month - 1]} {date.day}"


def format_short_date(date: dt.date) -> str:
    """``"Dec 2"``: the short form of messages."""
    return f"{MONTH_ABBREVIATIONS[date.month - 1]} {date.day}"


# --------------------------------------------------- dates in messages (translated)
# The same words for a person, who may read them in another language: what a message
# says, not what the README says ("two sessions are on December 2").

_MONTH_TEXTS = (
    QT_TRANSLATE_NOOP("dates", "January"),
    QT_TRANSLATE_NOOP("dates", "February"),
    QT_TRANSLATE_NOOP("dates", "March"),
    QT_TRANSLATE_NOOP("dates", "April"),
    QT_TRANSLATE_NOOP("dates", "May"),
    QT_TRANSLATE_NOOP("dates", "June"),
    QT_TRANSLATE_NOOP("dates", "July"),
    QT_TRANSLATE_NOOP("dates", "August"),
    QT_TRANSLATE_NOOP("dates", "September"),
    QT_TRANSLATE_NOOP("dates", "October"),
    QT_TRANSLATE_NOOP("dates", "November"),
    QT_TRANSLATE_NOOP("dates", "December"),
)
_SHORT_MONTH_TEXTS = (
    QT_TRANSLATE_NOOP("dates", "Jan"),
    QT_TRANSLATE_NOOP("dates", "Feb"),
    QT_TRANSLATE_NOOP("dates", "Mar"),
    QT_TRANSLATE_NOOP("dates", "Apr"),
    QT_TRANSLATE_NOOP("dates", "May"),
    QT_TRANSLATE_NOOP("dates", "Jun"),
    QT_TRANSLATE_NOOP("dates", "Jul"),
    QT_TRANSLATE_NOOP("dates", "Aug"),
    QT_TRANSLATE_NOOP("dates", "Sep"),
    QT_TRANSLATE_NOOP("dates", "Oct"),
    QT_TRANSLATE_NOOP("dates", "Nov"),
    QT_TRANSLATE_NOOP("dates", "Dec"),
)
_WEEKDAY_TEXTS = (
    QT_TRANSLATE_NOOP("dates", "Monday"),
    QT_TRANSLATE_NOOP("dates", "Tuesday"),
    QT_TRANSLATE_NOOP("dates", "Wednesday"),
    QT_TRANSLATE_NOOP("dates", "Thursday"),
    QT_TRANSLATE_NOOP("dates", "Friday"),
    QT_TRANSLATE_NOOP("dates", "Saturday"),
    QT_TRANSLATE_NOOP("dates", "Sunday"),
)
_MONTH_DAY = QT_TRANSLATE_NOOP("dates", "{month} {day}")
_SHORT_MONTH_DAY_YEAR = QT_TRANSLATE_NOOP("dates", "{month} {day} {year}")


def day_text(date: dt.date) -> str:
    """``"December 2"`` for a message (translated where it is shown)."""
    return _MONTH_DAY(month=_MONTH_TEXTS[date.month - 1](), day=date.day)


def short_day_text(date: dt.date, *, year: bool = False) -> str:
    """``"Dec 2"`` (``"Dec 2 2025"`` with ``year``) for a message."""
    month = _SHORT_MONTH_TEXTS[date.month - 1]()
    if year:
        return _SHORT_MONTH_DAY_YEAR(month=month, day=date.day, year=date.year)
    return _MONTH_DAY(month=month, day=date.day)


def weekday_text(weekday: int) -> str:
    """``"Monday"`` (0) … ``"Sunday"`` (6) for a message."""
    return _WEEKDAY_TEXTS[weekday]()


# ------------------------------------------------------------------ reading dates


def month_number(name: str) -> int | None:
    """1 for "January", "jan" or "JAN"; 9 also for "Sept"; None for anything else."""
    return _MONTH_NUMBERS.get(name.lower())


def parse_heading_date(text: str, semester_title: str) -> dt.date | None:
    """The date of a session heading ('December 2') in a semester, or None.

    Also reads "Dec. 2nd", "Tuesday, December 2, 2025" (the year must be the one the
    semester gives) and "2025-12-02".
    """
    text = text.strip()
    iso = _ISO.fullmatch(text)
    if iso:
        try:
            return dt.date(int(iso["year"]), int(iso["month"]), int(iso["day"]))
        except ValueError:
            return None
    m = _HEADING_DATE.fullmatch(text)
    if not m:
        return None
    month = month_number(m["month"])
    if month is None:
        return None
    date = infer_date(semester_title, month, int(m["day"]))
    if date is None:
        return None
    if m["year"] and int(m["year"]) != date.year:
        return None
    return date


# ---------------------------------------------------------------- semester titles


@lru_cache(maxsize=1024)  # the importer asks once per session heading
def parse_semester_title(text: str) -> tuple[int, Season] | None:
    m = _SEMESTER_TITLE.fullmatch(text.strip())
    if not m:
        return None
    year = int(m.group("y1") or m.group("y2"))
    season = (m.group("s1") or m.group("s2")).capitalize()
    return year, season  # type: ignore[return-value]


def semester_year_for_month(title: str, month: int) -> int:
    """The calendar year of a month in a semester (dates in the README carry no year).

    Fall runs into the next year (January in a Fall semester is next year); a Winter
    semester named by its January starts in the previous autumn.
    """
    parsed = parse_semester_title(title)
    if parsed is None:
        raise ValueError(f"not a semester title: {title!r}")
    year, season = parsed
    if season == "Fall" and month <= 6:
        return year + 1
    if season == "Winter" and month >= 9:
        return year - 1
    return year


def infer_date(title: str, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(semester_year_for_month(title, month), month, day)
    except ValueError:
        return None
