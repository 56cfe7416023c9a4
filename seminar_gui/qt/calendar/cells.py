"""What the calendar shows, without the table: item roles, cards, cells, the weeks shown.

Plain values computed from the core model: :class:`Card` (a session card),
:class:`Cell` (one day, all the delegate paints), :func:`display_range` (the weeks of
a semester), :func:`in_term` (where a session may go) and the texts of a cell for
screen readers and tooltips.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import IntEnum
from typing import NamedTuple

from PySide6.QtCore import Qt

from seminar_gui.core.dates import infer_date, semester_year_for_month
from seminar_gui.core.model import Semester, Session
from seminar_gui.core.plan import DayOff
from seminar_gui.qt.common.dates import long_day, month_day
from seminar_gui.qt.common.i18n import translate

WEEK = dt.timedelta(days=7)
#: Weeks shown for a semester that has neither sessions nor a last day yet.
MIN_EMPTY_WEEKS = 15
#: Where an undated semester without sessions starts (month, day), by season.
SEASON_START = {"Winter": (1, 1), "Spring": (2, 15), "Summer": (7, 1), "Fall": (9, 1)}


class CalendarRole(IntEnum):
    DateRole = Qt.ItemDataRole.UserRole + 1  # datetime.date of the cell
    SessionIdRole = Qt.ItemDataRole.UserRole + 2  # str | None
    CardRole = Qt.ItemDataRole.UserRole + 3  # Card | None
    IsMeetingDayRole = Qt.ItemDataRole.UserRole + 4  # bool: the group's weekday
    IsTodayRole = Qt.ItemDataRole.UserRole + 5  # bool
    InTermRole = Qt.ItemDataRole.UserRole + 6  # bool: a session may be put here
    MonthStartRole = Qt.ItemDataRole.UserRole + 7  # bool: first day of a month
    PlanSlotRole = Qt.ItemDataRole.UserRole + 8  # bool: empty week, show "+ plan"
    OpenSlotRole = Qt.ItemDataRole.UserRole + 9  # bool: a meeting slot nobody took
    DayOffRole = Qt.ItemDataRole.UserRole + 10  # str | None: the holiday or break's name


class TopicLine(NamedTuple):
    topic_id: str
    short_name: str  # '' when no paper is chosen yet
    venue: str
    presenters: str  # lead first, ", "-separated
    missing_slides: bool = False  # placeholder: the checks decide this later
    note: str = ""


class Card(NamedTuple):
    """What a session card shows."""

    session_id: str
    date: dt.date
    topics: tuple[TopicLine, ...]
    note: str = ""  # the topics' notes, e.g. "SOSP Rehearsal"


class Cell(NamedTuple):
    """Everything the delegate paints for one day, in one call.

    (The delegate asks the model directly instead of calling ``QModelIndex.data`` once
    per role: faster, and it avoids a PySide6 6.12 reference-count bug with roles that
    have no value.)
    """

    date: dt.date
    card: Card | None
    in_term: bool
    meeting_day: bool
    today: bool
    plan_slot: bool
    open_slot: bool = False  # a meeting slot of the term without a session that week
    day_off: DayOff | None = None  # a public holiday period or a break


def card_for(session: Session, missing: Callable[[str], bool] | None = None) -> Card:
    """The card of a session; ``missing(link)`` flags slide links without a file."""
    lines = tuple(
        TopicLine(
            topic_id=t.id,
            short_name=t.short_name,
            venue=t.paper.venue,
            presenters=", ".join(p.name for p in t.presenters),
            note=t.note,
            missing_slides=bool(missing and missing(t.slides)),
        )
        for t in session.topics
    )
    note = " · ".join(t.note for t in session.topics if t.note)
    return Card(session.id, session.date, lines, note)


def display_range(semester: Semester) -> tuple[dt.date, int]:
    """The Monday of the first week shown and the number of weeks.

    The term (first..last day) when set, widened to every session; without a last day,
    one empty week after the last session; a new semester without sessions or dates
    gets ``MIN_EMPTY_WEEKS`` weeks from the season's usual start.
    """
    dates = [s.date for s in semester.sessions]
    starts = [d for d in (semester.first_date, min(dates, default=None)) if d is not None]
    if starts:
        start = min(starts)
    else:
        month, day = SEASON_START[semester.season]
        start = dt.date(semester_year_for_month(semester.title, month), month, day)
    ends = [d for d in (semester.last_date, max(dates, default=None)) if d is not None]
    if semester.last_date is None and dates:
        ends.append(max(dates) + WEEK)
    monday = start - dt.timedelta(days=start.weekday())
    end = max(ends) if ends else monday + MIN_EMPTY_WEEKS * WEEK - dt.timedelta(days=1)
    sunday = end + dt.timedelta(days=6 - end.weekday())
    return monday, ((sunday - monday).days + 1) // 7


def in_term(semester: Semester, date: dt.date) -> bool:
    """Whether a session may be on ``date``: in the term and readable back from the README."""
    if infer_date(semester.title, date.month, date.day) != date:
        return False
    if semester.first_date is not None and date < semester.first_date:
        return False
    return semester.last_date is None or date <= semester.last_date


def cell_summary(date: dt.date, card: Card | None) -> str:
    """A cell as plain text: 'Tue Nov 25: ROLL; Spirit (SOSP '25)'."""
    if card is None:
        return long_day(date)
    names = []
    for line in card.topics:
        name = line.short_name or translate("calendar", "untitled")
        names.append(f"{name} ({line.venue})" if line.venue else name)
    return translate("calendar", "{date}: {topics}").format(
        date=long_day(date), topics="; ".join(names)
    )


def session_tooltip(session: Session) -> str:
    """Full paper titles, venues, presenters and notes of a session."""
    rows = [long_day(session.date)]
    for topic in session.topics:
        title = topic.paper.title or translate("calendar", "(no paper chosen yet)")
        venue = f" [{topic.paper.venue}]" if topic.paper.venue else ""
        rows.append(f"• {title}{venue}")
        if topic.presenters:
            rows.append("   " + ", ".join(p.name for p in topic.presenters))
        if topic.note:
            rows.append(f"   ✨ {topic.note}")
    return "\n".join(rows)


def day_off_text(day_off: DayOff) -> str:
    """'National Day · Mid-Autumn Festival (public holiday)'; names as the holidays
    package gives them (English) or as the organizer typed them."""
    if day_off.kind == "holiday":
        return translate("calendar", "{name} (public holiday)").format(name=day_off.name)
    return translate("calendar", "{name} (break)").format(name=day_off.name)


def outside_message(semester: Semester, date: dt.date) -> str:
    """Why no session can be on ``date`` (for the status bar)."""
    if semester.first_date and semester.last_date:
        return translate("calendar", "{d} is outside the term ({a} – {b})").format(
            d=month_day(date), a=month_day(semester.first_date), b=month_day(semester.last_date)
        )
    return translate("calendar", "{d} {y} is outside semester {t}").format(
        d=month_day(date), y=date.year, t=semester.title
    )
