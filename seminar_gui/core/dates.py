"""Semester titles and the year of a README date (dates there carry no year)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

Season = Literal["Winter", "Spring", "Summer", "Fall"]
SEASON_ORDER: dict[str, int] = {"Winter": 0, "Spring": 1, "Summer": 2, "Fall": 3}

_SEMESTER_TITLE = re.compile(
    r"(?:(?P<y1>\d{4})\s+(?P<s1>fall|spring|summer|winter)"
    r"|(?P<s2>fall|spring|summer|winter)\s+(?P<y2>\d{4}))(?:\s+semester)?",
    re.I,
)


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
