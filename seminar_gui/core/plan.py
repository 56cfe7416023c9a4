"""The semester plan: meeting slots, public holidays, the organizer's breaks (no Qt).

A *slot* is a meeting day of the term: every meeting weekday from the semester's first
to its last day (without them: from its first to its last session).  A slot is taken
by a session that week (on the day itself, or moved within its week, e.g. to the
Monday); a slot without one is *open*, unless it is a day off: a public holiday (the
``holidays`` package, country ``Document.holiday_country``, names in English) or one
of the organizer's breaks (``Semester.breaks``, e.g. "SOSP week").

Holidays that follow each other, or are only a weekend apart, form one period named
after its holidays ("National Day · Mid-Autumn Festival": Oct 1–8, 2025 in CN); the
"day off" that replaces a working weekend is part of the period, not a name of its own.

The ``holidays`` package is imported on first use (it takes ~60 ms); the holidays of a
country and year are kept once computed, and between runs in the state folder
(:func:`use_holiday_cache`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path
from typing import Literal, NamedTuple

from pydantic import ValidationError

from seminar_gui.core.atomic import atomic_write_text
from seminar_gui.core.dates import SEASON_ORDER, day_text, semester_year_for_month
from seminar_gui.core.edits import revalidated, update_semester
from seminar_gui.core.errors import EditError, error_text
from seminar_gui.core.installed import code_identity
from seminar_gui.core.messages import QT_TRANSLATE_NOOP, Text
from seminar_gui.core.model import Document, Semester, Session, Topic

__all__ = [
    "DayOff",
    "Slot",
    "days_off",
    "fill_open_slots",
    "holiday_periods",
    "meeting_slots",
    "next_title",
    "open_slots",
    "semester_from",
    "sessions_on_days_off",
    "slot_range",
    "typical_term",
    "use_holiday_cache",
    "with_slots_filled",
]

Kind = Literal["holiday", "break"]
WEEK = dt.timedelta(days=7)
_DAY = dt.timedelta(days=1)
#: Dates shown with a semester beyond its slots (the calendar's first and last weeks).
_MARGIN = dt.timedelta(days=14)

_ON_HOLIDAY = QT_TRANSLATE_NOOP(
    "plan",
    "the session on {day} is on a public holiday ({name}): move it to another week, "
    "unless the group meets anyway",
)
_IN_BREAK = QT_TRANSLATE_NOOP(
    "plan",
    "the session on {day} is in the break {name}: move it to another week, or change "
    "the break in Semester Settings",
)
_NO_OPEN_SLOTS = QT_TRANSLATE_NOOP(
    "plan",
    "semester {semester} has no open meeting slots to fill (every meeting day has a "
    "session, a holiday or a break)",
)
_NO_MEETING_DAY = QT_TRANSLATE_NOOP(
    "plan",
    "semester {semester} has no meeting day yet: set it in Semester Settings",
)


class DayOff(NamedTuple):
    """A stretch of days without meetings: a public holiday period or a break."""

    name: str
    kind: Kind
    first: dt.date
    last: dt.date

    def covers(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


class Slot(NamedTuple):
    """One meeting day of the term."""

    date: dt.date
    session_id: str | None  # the session of that week (None: nobody meets)
    day_off: DayOff | None  # a holiday or break on that day

    @property
    def is_open(self) -> bool:
        """Free to plan: no session that week, and not a day off."""
        return self.session_id is None and self.day_off is None


# ------------------------------------------------------------------- holidays
#: (country, year) -> {day: [names]}: what the holidays package said (the country
#: is "CN:zh_CN" for names in another language than English: see use_holiday_language).
_KNOWN: dict[tuple[str, int], dict[dt.date, list[str]]] = {}
_language = ""  # the language of holiday names ("": English)
_UNSAVED: set[tuple[str, int]] = set()  # looked up, not yet in the cache file
_FAILED: set[tuple[str, int]] = set()  # look-ups the package failed, this run
#: Where the holidays looked up are kept between runs (JSON; None: nowhere).
_cache_path: Path | None = None
_cache_read = False


def use_holiday_cache(path: Path | None) -> None:
    """Keep the holidays looked up in the file ``path``, for the package's version:
    a later run shows and checks them without importing the package (~140 ms in the
    window, where PySide6's import hook reads each of its ~280 modules)."""
    global _cache_path, _cache_read
    _cache_path, _cache_read = path, False


def use_holiday_language(language: str) -> None:
    """Name the holidays in ``language`` (the UI's, e.g. "zh_CN": 国庆节) where the
    package has that translation for the country; English otherwise ("" or "en…")."""
    global _language
    _language = "" if not language or language.startswith(("en", "C")) else language


def _key(country: str, year: int) -> tuple[str, int]:
    return (f"{country}:{_language}" if _language else country, year)


def _package_version() -> str:
    """The holidays package's identity (the cache is thrown away when it changes)."""
    return code_identity("holidays")


def _read_cache() -> None:
    global _cache_read
    if _cache_read or _cache_path is None:
        return
    _cache_read = True
    try:
        data = json.loads(_cache_path.read_text(encoding="utf-8"))
        if data.get("version") != _package_version():
            return
        for key, days in data["holidays"].items():
            country, year = key.split()
            found = {dt.date.fromisoformat(day): list(names) for day, names in days.items()}
            _KNOWN.setdefault((country, int(year)), found)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return  # no cache yet, or not ours: look the holidays up again


def _write_cache() -> None:
    if _cache_path is None:
        return
    data = {
        "version": _package_version(),
        "holidays": {
            f"{country} {year}": {day.isoformat(): names for day, names in days.items()}
            for (country, year), days in sorted(_KNOWN.items())
        },
    }
    with contextlib.suppress(OSError):
        _cache_path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(_cache_path, json.dumps(data, ensure_ascii=False, indent=0))


def _years(first: dt.date, last: dt.date) -> range:
    # A period may run over New Year: near one, look at the year beyond too.
    return range(first.year - (first.month == 1), last.year + 1 + (last.month == 12))


def _holidays_of(country: str, year: int) -> dict[dt.date, list[str]]:
    key = _key(country, year)
    found = _KNOWN.get(key)
    if found is None:
        _read_cache()
        found = _KNOWN.get(key)
    if found is None:
        loaded = _load_holidays(country, year)
        if loaded is None:  # the package failed: none this session, nothing cached
            _FAILED.add(key)
            return {}
        found = _KNOWN[key] = loaded
        _UNSAVED.add(key)
    return found


def _load_holidays(country: str, year: int) -> dict[dt.date, list[str]] | None:
    """The ``holidays`` package's public holidays (named in the holiday language where
    it can, else English); {} for a country
    it does not know; None when the package itself fails (missing, or its data files
    missing from an incomplete install): the calendar then shades no holidays rather
    than stop the window."""
    if _key(country, year) in _FAILED:
        return None
    try:
        import holidays  # ~60 ms: on first use only

        languages = holidays.list_localized_countries().get(country, [])
        wanted = ([_language] if _language else []) + ["en_US", "en_GB", "en"]
        language = next((lang for lang in wanted if lang in languages), None)
        calendar = holidays.country_holidays(country, years=year, language=language)
        label = getattr(calendar, "substituted_label", None)
        prefix = calendar.tr(label).split("%s")[0].strip() if label else ""
        found: dict[dt.date, list[str]] = {}
        for day in sorted(calendar):
            names = calendar.get_list(day)
            found[day] = [n for n in names if not (prefix and n.startswith(prefix))]
    except NotImplementedError:  # a country the package does not know
        return {}
    except Exception:  # a third-party package and its data files: never fatal here
        return None
    return found


def holiday_periods(country: str, first: dt.date, last: dt.date) -> list[DayOff]:
    """The public holiday periods of ``country`` (an ISO code; '' = none) that touch
    ``first`` .. ``last``, in order.  Holidays on consecutive days, or only a weekend
    apart, are one period; its name lists its holidays' names (days off that replace
    a working weekend are part of the period but add no name)."""
    if not country:
        return []
    days: dict[dt.date, list[str]] = {}
    for year in _years(first, last):
        days.update(_holidays_of(country, year))
    if _UNSAVED:  # years looked up now: one write for all of them
        _write_cache()
        _UNSAVED.clear()
    periods: list[DayOff] = []
    run: list[dt.date] = []

    def close() -> None:
        if not run:
            return
        names: list[str] = []
        for day in run:
            for name in days.get(day, []):
                if name not in names:
                    names.append(name)
        if not names:  # only substituted days off: say what they are
            names = ["Day off"]
        if run[-1] >= first and run[0] <= last:
            periods.append(DayOff(" · ".join(names), "holiday", run[0], run[-1]))

    for day in sorted(days):
        if run and not _bridged(run[-1], day):
            close()
            run = []
        if run:  # the weekend between belongs to the period
            gap = run[-1] + _DAY
            while gap < day:
                run.append(gap)
                gap += _DAY
        run.append(day)
    close()
    return periods


def _bridged(before: dt.date, day: dt.date) -> bool:
    """Whether ``day`` continues a period ending ``before``: the next day, or only
    Saturdays and Sundays between."""
    gap = before + _DAY
    while gap < day:
        if gap.weekday() < 5:
            return False
        gap += _DAY
    return True


def days_off(
    semester: Semester, country: str, first: dt.date | None = None, last: dt.date | None = None
) -> dict[dt.date, DayOff]:
    """Every day off from ``first`` to ``last`` (default: the semester's slots and two
    weeks around them): its holiday period or break (a break wins: the organizer set it)."""
    if first is None or last is None:
        span = slot_range(semester)
        if span is None:
            return {}
        first, last = span[0] - _MARGIN, span[1] + _MARGIN
    found: dict[dt.date, DayOff] = {}
    for period in [*holiday_periods(country, first, last), *_breaks(semester)]:
        day = max(period.first, first)
        while day <= min(period.last, last):
            found[day] = period
            day += _DAY
    return found


def _breaks(semester: Semester) -> list[DayOff]:
    return [DayOff(b.name, "break", b.first, b.last) for b in semester.breaks]


# ---------------------------------------------------------------------- slots
def slot_range(semester: Semester) -> tuple[dt.date, dt.date] | None:
    """The first and last day that can hold a slot: the term, else the sessions."""
    dates = [s.date for s in semester.sessions]
    first = semester.first_date or min(dates, default=None)
    last = semester.last_date or max(dates, default=None)
    if first is None or last is None or first > last:
        return None
    return first, last


def meeting_slots(semester: Semester, off: dict[dt.date, DayOff] | None = None) -> list[Slot]:
    """Every meeting day of the term, in order (none without a meeting day or range).
    ``off``: the days off (:func:`days_off`; None: none)."""
    weekday, span = semester.meeting_day, slot_range(semester)
    if weekday is None or span is None:
        return []
    off = off or {}
    by_week: dict[dt.date, str] = {}
    for session in sorted(semester.sessions, key=lambda s: s.date.weekday() != weekday):
        monday = session.date - dt.timedelta(days=session.date.weekday())
        by_week.setdefault(monday, session.id)  # the meeting day's session first
    day = span[0] + dt.timedelta(days=(weekday - span[0].weekday()) % 7)
    slots = []
    while day <= span[1]:
        monday = day - dt.timedelta(days=weekday)
        slots.append(Slot(day, by_week.get(monday), off.get(day)))
        day += WEEK
    return slots


def open_slots(doc: Document, semester_id: str, *, since: dt.date | None = None) -> list[dt.date]:
    """The open slots of a semester (from ``since`` on), where a session may be put."""
    return _open_dates(doc.semester(semester_id), doc.holiday_country, since)


def _open_dates(semester: Semester, country: str, since: dt.date | None) -> list[dt.date]:
    off = days_off(semester, country)
    return [
        s.date
        for s in meeting_slots(semester, off)
        if s.is_open and (since is None or s.date >= since)
    ]


def _planned(dates: list[dt.date]) -> list[Session]:
    """An empty session (one empty topic) on each of ``dates``: a slot to fill in."""
    return [Session(date=day, topics=[Topic()]) for day in dates]


def fill_open_slots(doc: Document, semester_id: str, *, since: dt.date | None = None) -> Document:
    """An empty session (one empty topic) on every open slot from ``since`` on; an
    :class:`EditError` when there is none."""
    semester = doc.semester(semester_id)
    if semester.meeting_day is None:
        raise EditError(_NO_MEETING_DAY(semester=semester.title))
    new = _planned(_open_dates(semester, doc.holiday_country, since))
    if not new:
        raise EditError(_NO_OPEN_SLOTS(semester=semester.title))
    return update_semester(doc, semester_id, sessions=[*semester.sessions, *new])


# ---------------------------------------------------------------------- check
def sessions_on_days_off(doc: Document, semester: Semester) -> list[tuple[Session, Text]]:
    """Each session on a public holiday or in a break, with what to tell the organizer
    (``core/checks.py`` makes a warning of each)."""
    if not semester.sessions:
        return []
    dates = [s.date for s in semester.sessions]
    off = days_off(semester, doc.holiday_country, min(dates), max(dates))
    found = []
    for session in semester.sessions:  # the document's order, as the checks list them
        period = off.get(session.date)
        if period is None:
            continue
        day = day_text(session.date)
        if period.kind == "holiday":
            found.append((session, _ON_HOLIDAY(day=day, name=period.name)))
        else:
            found.append((session, _IN_BREAK(day=day, name=period.name)))
    return found


# -------------------------------------------------------------- next semester
#: The season after each (a reading group meets in Spring and Fall).
_NEXT_SEASON = {"Fall": "Spring", "Spring": "Fall", "Summer": "Fall", "Winter": "Spring"}
#: Typical first and last days (month, day) of a term, by season.
_TERM_STARTS = {"Fall": (9, 1), "Spring": (2, 24), "Summer": (6, 30), "Winter": (1, 5)}
_TERM_ENDS = {"Fall": (1, 16), "Spring": (6, 20), "Summer": (8, 29), "Winter": (3, 20)}


def next_title(title: str) -> str:
    """The semester after ``title``: '2025 Fall' → '2026 Spring' → '2026 Fall'."""
    year, season = title.split()
    following = _NEXT_SEASON[season]
    later = SEASON_ORDER[following] <= SEASON_ORDER[season]
    return f"{int(year) + 1 if later else int(year)} {following}"


def typical_term(title: str) -> tuple[dt.date, dt.date]:
    """Usual first and last days of a term (the organizer corrects them)."""
    season = title.split()[1]
    (m1, d1), (m2, d2) = _TERM_STARTS[season], _TERM_ENDS[season]
    first = dt.date(semester_year_for_month(title, m1), m1, d1)
    return first, dt.date(semester_year_for_month(title, m2), m2, d2)


def semester_from(
    previous: Semester,
    title: str,
    first: dt.date | None = None,
    last: dt.date | None = None,
    weekday: int | None = None,
) -> Semester:
    """A new semester that keeps what ``previous`` says about the group: its free
    sections ("Specific Requirements", "Other Information"), meeting day, time, place
    and online link; not its sessions, breaks or text about the term."""
    values = {
        "title": title,
        "sections": list(previous.sections),
        "meeting_weekday": previous.meeting_day if weekday is None else weekday,
        "first_date": first,
        "last_date": last,
        "meeting_time": previous.meeting_time,
        "place": previous.place,
        "online_link": previous.online_link,
    }
    try:
        return Semester.model_validate(values)
    except ValidationError as exc:
        raise EditError(error_text(exc)) from None


def with_slots_filled(semester: Semester, country: str) -> Semester:
    """``semester`` with an empty session on each of its open slots (a new semester)."""
    new = _planned(_open_dates(semester, country, None))
    return revalidated(semester, sessions=[*semester.sessions, *new]) if new else semester
