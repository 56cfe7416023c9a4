"""The calendar's data, without the table: date labels, item roles, cards, the shown range.

Also :class:`NewSessionWithTopicCommand`, the one undo step of dropping a topic on an
empty date.  (Split from :mod:`seminar_gui.qt.calendar.model` to keep modules short.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QMimeData, Qt

from seminar_gui.core import edits
from seminar_gui.core.dates import infer_date, semester_year_for_month
from seminar_gui.core.errors import EditError
from seminar_gui.core.model import Document, Semester, Session
from seminar_gui.qt.commands import DocumentCommand
from seminar_gui.qt.common import dnd as mime
from seminar_gui.qt.document import ProjectDocument

WEEK = dt.timedelta(days=7)
#: Weeks shown for a semester that has neither sessions nor a last day yet.
MIN_EMPTY_WEEKS = 15
#: Where an undated semester without sessions starts (month, day), by season.
SEASON_START = {"Winter": (1, 1), "Spring": (2, 15), "Summer": (7, 1), "Fall": (9, 1)}


def tr(text: str) -> str:
    return QCoreApplication.translate("calendar", text)


def weekday_name(weekday: int) -> str:
    names = (tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun"))
    return names[weekday]


def month_name(month: int) -> str:
    names = (
        tr("Jan"), tr("Feb"), tr("Mar"), tr("Apr"), tr("May"), tr("Jun"),
        tr("Jul"), tr("Aug"), tr("Sep"), tr("Oct"), tr("Nov"), tr("Dec"),
    )  # fmt: skip
    return names[month - 1]


def month_day(date: dt.date) -> str:
    """'Nov 25' (the form the commands' undo texts use)."""
    return tr("{month} {day}").format(month=month_name(date.month), day=date.day)


def long_day(date: dt.date) -> str:
    """'Tue Nov 25'."""
    return tr("{weekday} {month} {day}").format(
        weekday=weekday_name(date.weekday()), month=month_name(date.month), day=date.day
    )


class CalendarRole(IntEnum):
    DateRole = Qt.ItemDataRole.UserRole + 1  # datetime.date of the cell
    SessionIdRole = Qt.ItemDataRole.UserRole + 2  # str | None
    CardRole = Qt.ItemDataRole.UserRole + 3  # Card | None
    IsMeetingDayRole = Qt.ItemDataRole.UserRole + 4  # bool: the group's weekday
    IsTodayRole = Qt.ItemDataRole.UserRole + 5  # bool
    InTermRole = Qt.ItemDataRole.UserRole + 6  # bool: a session may be put here
    MonthStartRole = Qt.ItemDataRole.UserRole + 7  # bool: first day of a month
    PlanSlotRole = Qt.ItemDataRole.UserRole + 8  # bool: empty week, show "＋ plan"


@dataclass(frozen=True)
class TopicLine:
    topic_id: str
    short_name: str  # '' when no paper is chosen yet
    venue: str
    presenters: str  # lead first, ", "-separated
    missing_slides: bool = False  # placeholder: the checks decide this later
    note: str = ""


@dataclass(frozen=True)
class Card:
    """What a session card shows."""

    session_id: str
    date: dt.date
    topics: tuple[TopicLine, ...]
    note: str = ""  # the topics' notes, e.g. "SOSP Rehearsal"


@dataclass(frozen=True)
class Cell:
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


@dataclass(frozen=True)
class DropPlan:
    """What dropping a drag on a cell would do: ``hint`` is shown on the cell meanwhile."""

    allowed: bool
    hint: str = ""
    kind: str = ""  # "move", "swap", "topic", "new-session", "slides…" or "" (refused)
    status: str = ""  # a longer text for the status bar (file drops)


# ------------------------------------------------------------------- file drops
#: The type of a drag from a file manager (slides dropped on a card).
URI_LIST_MIME = "text/uri-list"
#: Kinds of file-drop plans: onto a session, matched by the file name, or refused
#: (a refused file drop is still delivered, so the drop can say why it is refused).
FILE_KINDS = ("slides", "slides-match", "slides-refused")


def file_paths(data: QMimeData | None) -> list[Path]:
    """The local files a drag from a file manager carries (none for our own drags)."""
    if data is None or mime.carries_seminar_data(data) or not data.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]


class FileDropHandler(Protocol):
    """Handles files dropped on the calendar (installed by the slide-drop controller)."""

    def plan_files(self, paths: list[Path], session_id: str | None) -> DropPlan:
        """What dropping ``paths`` on the session (None: not on a session) would do."""
        ...

    def drop_files(self, paths: list[Path], session_id: str | None) -> bool:
        """Drop them; False (after saying why) when refused."""
        ...


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


class NewSessionWithTopicCommand(DocumentCommand):
    """A topic dropped on an empty date: a new session there holds just that topic."""

    def __init__(
        self, document: ProjectDocument, semester_id: str, date: dt.date, topic_id: str
    ) -> None:
        _, source, topic = document.doc.find_topic(topic_id)
        after, session = edits.add_session(document.doc, semester_id, date, with_topic=False)
        after = edits.move_topic(after, topic_id, session.id)
        name = topic.short_name or tr("untitled")
        text = tr("Move topic “{name}” to {d}").format(name=name, d=month_day(date))
        message = tr("Moved “{name}” from {a} to a new session on {b}").format(
            name=name, a=month_day(source.date), b=month_day(date)
        )
        super().__init__(document, after, text, message=message)
        self.session_id = session.id


def cell_summary(date: dt.date, card: Card | None) -> str:
    """A cell as plain text: 'Tue Nov 25: ROLL; Spirit (SOSP '25)'."""
    if card is None:
        return long_day(date)
    names = []
    for line in card.topics:
        name = line.short_name or tr("untitled")
        names.append(f"{name} ({line.venue})" if line.venue else name)
    return tr("{date}: {topics}").format(date=long_day(date), topics="; ".join(names))


def session_tooltip(session: Session) -> str:
    """Full paper titles, venues, presenters and notes of a session."""
    rows = [long_day(session.date)]
    for topic in session.topics:
        title = topic.paper.title or tr("(no paper chosen yet)")
        venue = f" [{topic.paper.venue}]" if topic.paper.venue else ""
        rows.append(f"• {title}{venue}")
        if topic.presenters:
            rows.append("   " + ", ".join(p.name for p in topic.presenters))
        if topic.note:
            rows.append(f"   ✨ {topic.note}")
    return "\n".join(rows)


def outside_message(semester: Semester, date: dt.date) -> str:
    """Why no session can be on ``date`` (for the status bar)."""
    if semester.first_date and semester.last_date:
        return tr("{d} is outside the term ({a} – {b})").format(
            d=month_day(date), a=month_day(semester.first_date), b=month_day(semester.last_date)
        )
    return tr("{d} {y} is outside semester {t}").format(
        d=month_day(date), y=date.year, t=semester.title
    )


def push_command(
    document: ProjectDocument, build: Callable[[], DocumentCommand]
) -> DocumentCommand | None:
    """Build a command and push it; an EditError becomes a status message (None)."""
    try:
        command = build()
    except EditError as exc:
        document.message.emit(exc.message)
        return None
    except KeyError:  # an id from another project (a drag from another window)
        return None
    document.undo_stack.push(command)
    return command


def plan_drop(
    doc: Document, semester: Semester, target: Session | None, data: QMimeData | None, date: dt.date
) -> DropPlan:
    """What dropping ``data`` on ``date`` of ``semester`` (holding ``target``) would do."""
    refused = DropPlan(False, tr("Outside the term"))
    if (session_id := mime.decode_session(data)) is not None:
        try:
            home, session = doc.find_session(session_id)
        except KeyError:
            return DropPlan(False)
        if home.id != semester.id or session.date == date:
            return DropPlan(False)
        if not in_term(semester, date):
            return refused
        if target is not None:
            return DropPlan(True, tr("Swap with {d}").format(d=month_day(date)), "swap")
        return DropPlan(True, tr("Move here"), "move")
    if (topic_id := mime.decode_topic(data)) is not None:
        try:
            _, source, _ = doc.find_topic(topic_id)
        except KeyError:
            return DropPlan(False)
        if target is not None and target.id == source.id:
            return DropPlan(False)
        if not in_term(semester, date):
            return refused
        if target is not None:
            return DropPlan(True, tr("Move topic here"), "topic")
        return DropPlan(True, tr("New session with this topic"), "new-session")
    return DropPlan(False)
