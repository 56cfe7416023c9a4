"""The semester calendar as an item model: one row per week, Monday to Sunday columns.

:class:`CalendarModel` adapts one semester of the :class:`ProjectDocument` to a
``QAbstractTableModel``.  Cells carry their date, the session on that date and a
:class:`Card` (what the delegate paints) in custom roles; ``DisplayRole`` is a plain
text summary, so tests and screen readers can read a cell.

A change of the semester on show updates only what changed (documents are immutable
values: an unchanged session is the same object): the cards of unchanged sessions are
kept and ``dataChanged`` names just the cells whose content changed (a session added,
removed, moved or edited, and the meeting day of its week, whose "+ plan" slot depends
on it).  Only a change of the weeks shown resets the model; a change of what every
cell depends on (the term, the meeting day) repaints them all.

Drops and the calendar's keyboard/mouse actions push commands on the document's undo
stack; an :class:`EditError` becomes a status-bar message, never an exception.  What
a drag would do is :func:`~seminar_gui.qt.calendar.drops.plan_drop`; a topic dropped
on an empty date creates a session there holding just that topic, as one undo step
(:class:`~seminar_gui.qt.commands.NewSessionWithTopicCommand`).  Files dropped from a
file manager (slides) go to the :class:`FileDropHandler` set with
:meth:`CalendarModel.set_file_drop_handler`; without one, the calendar refuses them.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from seminar_gui.core import plan
from seminar_gui.core.model import Semester, Session
from seminar_gui.core.slides import slides_missing
from seminar_gui.qt.calendar.cells import (
    WEEK,
    CalendarRole,
    Card,
    Cell,
    card_for,
    cell_summary,
    day_off_text,
    display_range,
    in_term,
    outside_message,
    session_tooltip,
)
from seminar_gui.qt.calendar.drops import plan_drop
from seminar_gui.qt.commands import (
    AddSessionCommand,
    DocumentCommand,
    MoveSessionCommand,
    MoveTopicCommand,
    NewSessionWithTopicCommand,
    RemoveSessionCommand,
    push_command,
)
from seminar_gui.qt.common import dnd
from seminar_gui.qt.common.dates import long_day, month_day, weekday_short
from seminar_gui.qt.common.dnd import DropPlan, FileDropHandler
from seminar_gui.qt.common.i18n import translate
from seminar_gui.qt.document import ProjectDocument

Index = QModelIndex | QPersistentModelIndex
_CELL = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
#: A cell's flags by (holds a session, in the term); asked for every cell painted.
_FLAGS = {
    (busy, term): _CELL
    | (Qt.ItemFlag.ItemIsDragEnabled if busy else Qt.ItemFlag.NoItemFlags)
    | (Qt.ItemFlag.ItemIsDropEnabled if term else Qt.ItemFlag.NoItemFlags)
    for busy in (False, True)
    for term in (False, True)
}


#: Today's date as the computer's clock says (tests replace it).
read_date = dt.date.today


class CalendarModel(QAbstractTableModel):
    """One semester of ``document`` as a table of weeks (rows) by weekdays (columns).

    ``today`` fixes the date marked as today (for tests and screenshots); None: the
    real date, read each time it is needed.
    """

    def __init__(
        self,
        document: ProjectDocument,
        semester_id: str | None = None,
        parent: QObject | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._today = today
        self._clock = (dt.date.min, 0.0)  # today's date, until this monotonic time
        self._semester_id: str | None = None
        self._semester: Semester | None = None
        self._by_date: dict[dt.date, Session] = {}
        self._cards: dict[str, Card] = {}
        self._site: Path | None = document.site_folder()
        # Slide links checked on disk, so that typing (which rebuilds cards) does no I/O;
        # emptied by recheck_slides() (the document's filesChanged, site folder changed).
        self._missing: dict[str, bool] = {}
        self._links: set[str] = set()
        self._monday = dt.date.min
        self._weeks = 0
        # What every cell depends on (_frame_of), the meeting day, and in_term by date.
        self._frame: tuple[object, ...] = ()
        self._meeting: int | None = None
        self._term: dict[dt.date, bool] = {}
        # The holiday country, the days off shown (holidays and breaks, by date) and
        # the first and last day that can hold a meeting slot (core/plan.py).
        self._country = ""
        self._off: dict[dt.date, plan.DayOff] = {}
        self._span: tuple[dt.date, dt.date] | None = None
        self._file_handler: FileDropHandler | None = None
        document.changed.connect(self._document_changed)
        document.siteFolderChanged.connect(self._site_folder_changed)
        document.filesChanged.connect(self.recheck_slides)
        self.set_semester(semester_id)

    # ---------------------------------------------------------------- semester
    @property
    def document(self) -> ProjectDocument:
        return self._document

    @property
    def semester_id(self) -> str | None:
        return self._semester_id

    @property
    def semester(self) -> Semester | None:
        return self._semester

    def set_semester(self, semester_id: str | None) -> None:
        """Show another semester (None or an unknown id: show nothing)."""
        self.beginResetModel()
        self._semester_id = semester_id
        self._load()
        self.endResetModel()

    def names(self) -> Iterator[str]:
        """The semester's topic names the cells show (in the name font)."""
        for session in self._by_date.values():
            for topic in session.topics:
                yield topic.short_name

    def texts(self) -> Iterator[str]:
        """The semester's other texts the cells show (venues, presenters, notes, days
        off; in the small font): what their lines must be tall enough for."""
        for session in self._by_date.values():
            for topic in session.topics:
                yield topic.paper.venue
                yield topic.note
                for person in topic.presenters:
                    yield person.name
        for day_off in self._off.values():
            yield day_off.name

    def today(self) -> dt.date:
        """The date today (a fixed one in tests).  Every painted cell asks: the clock is
        read at most once a second (``date.today()`` reads the time zone each time)."""
        if self._today is not None:
            return self._today
        now = time.monotonic()
        if now >= self._clock[1]:
            self._clock = (read_date(), now + 1.0)
        return self._clock[0]

    def _site_folder_changed(self, folder: Path | None) -> None:
        """Where slide links are checked (cards flag topics whose file is missing)."""
        self._site = folder
        self.recheck_slides()

    def _slides_missing(self, link: str) -> bool:
        found = self._missing.get(link)
        if found is None:
            found = self._missing[link] = slides_missing(self._site, link)
        return found

    def recheck_slides(self) -> None:
        """Slide files may have changed: check the links again; repaint changed cards."""
        self._missing = {}
        self._cells_changed(self._recheck_cards())

    def set_today(self, today: dt.date | None) -> None:
        self._today = today
        self._all_changed()

    def _lookup(self) -> Semester | None:
        try:
            return self._document.doc.semester(self._semester_id or "")
        except KeyError:
            return None

    def _load(
        self, semester: Semester | None = None, shown: tuple[dt.date, int] | None = None
    ) -> None:
        """Take ``semester`` (default: look it up) whole; ``shown``: its display range."""
        semester = self._semester = semester if semester is not None else self._lookup()
        if semester is None:
            self._semester_id = None
        self._by_date = {s.date: s for s in semester.sessions} if semester else {}
        self._cards = {}
        links = _links(semester) if semester else set()
        if links != self._links:  # a link was set or changed (a drop, an undo): look again
            self._links, self._missing = links, {}
        if shown is None:
            shown = display_range(semester) if semester else (dt.date.min, 0)
        self._monday, self._weeks = shown
        self._span = plan.slot_range(semester) if semester else None
        self._set_frame(semester)

    def _set_frame(self, semester: Semester | None) -> None:
        self._country = self._document.doc.holiday_country
        self._frame = _frame_of(semester, self._country) if semester else ()
        self._meeting = semester.meeting_day if semester else None
        self._term = {}
        self._off = {}
        if semester is not None and self._weeks:
            last = self._monday + self._weeks * WEEK - dt.timedelta(days=1)
            self._off = plan.days_off(semester, self._country, self._monday, last)

    def _document_changed(self, semester_ids: list[str]) -> None:
        if self._semester_id is None or (semester_ids and self._semester_id not in semester_ids):
            return
        old, semester = self._semester, self._lookup()
        if semester is old and self._document.doc.holiday_country == self._country:
            return
        shown = display_range(semester) if semester is not None else None
        if old is None or semester is None or shown != (self._monday, self._weeks):
            self.beginResetModel()
            self._load(semester, shown)
            self.endResetModel()
            return
        every_cell = _frame_of(semester, self._document.doc.holiday_country) != self._frame
        if every_cell:
            self._set_frame(semester)
        changed = self._update(old, semester)
        if every_cell:
            self._all_changed(vertical=old.first_date != semester.first_date)
        else:
            self._cells_changed(changed)

    def _update(self, old: Semester, semester: Semester) -> set[dt.date]:
        """Take ``semester`` (same weeks as ``old``): the dates whose cell changed."""
        old_by_date, by_date = self._by_date, {s.date: s for s in semester.sessions}
        self._semester, self._by_date = semester, by_date
        self._span = plan.slot_range(semester)
        changed = {
            date
            for date in old_by_date.keys() | by_date.keys()
            if old_by_date.get(date) is not by_date.get(date)
        }
        # A week that gains its first session or loses its last one: its "+ plan" slot.
        meeting = self._meeting  # the new semester's (the caller set the frame)
        if meeting is not None:
            for date in list(changed):
                monday = date - dt.timedelta(days=date.weekday())
                days = [monday + dt.timedelta(days=i) for i in range(7)]
                if any(d in old_by_date for d in days) != any(d in by_date for d in days):
                    changed.add(monday + dt.timedelta(days=meeting))
        # Cards of unchanged sessions stay (a card depends on its session and links only).
        old_by_id = {s.id: s for s in old_by_date.values()}
        new_by_id = {s.id: s for s in by_date.values()}
        self._cards = {
            sid: card
            for sid, card in self._cards.items()
            if sid in new_by_id and new_by_id[sid] is old_by_id.get(sid)
        }
        links = _links(semester)
        if links != self._links:  # a link was set or changed (a drop, an undo): look again
            self._links, self._missing = links, {}
            changed |= self._recheck_cards()
        return changed

    def _recheck_cards(self) -> set[dt.date]:
        """Drop the cards whose missing-slides marks are no longer right: their dates."""
        stale: set[dt.date] = set()
        by_id = {s.id: s for s in self._by_date.values()}
        for session_id, card in list(self._cards.items()):
            session = by_id.get(session_id)
            marks = [line.missing_slides for line in card.topics]
            if session is None or marks != [self._slides_missing(t.slides) for t in session.topics]:
                del self._cards[session_id]
                stale.add(card.date)
        return stale

    def _cells_changed(self, dates: set[dt.date]) -> None:
        """Tell the views about the cells of ``dates`` (one range per cell)."""
        for date in sorted(dates):
            index = self.index_of_date(date)
            if index.isValid():
                self.dataChanged.emit(index, index, [])

    def _all_changed(self, *, vertical: bool = False) -> None:
        if self._weeks:
            self.dataChanged.emit(self.index(0, 0), self.index(self._weeks - 1, 6), [])
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
            if vertical:  # the week numbers of the tooltips count from the first day
                self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self._weeks - 1)

    # ---------------------------------------------------------------- look-ups
    def date_at(self, index: Index) -> dt.date | None:
        if not index.isValid() or self._semester is None:
            return None
        return self._monday + dt.timedelta(days=7 * index.row() + index.column())

    def session_at(self, index: Index) -> Session | None:
        date = self.date_at(index)
        return self._by_date.get(date) if date else None

    def session_on(self, date: dt.date) -> Session | None:
        return self._by_date.get(date)

    def index_of_date(self, date: dt.date) -> QModelIndex:
        days = (date - self._monday).days
        if self._semester is None or not 0 <= days < 7 * self._weeks:
            return QModelIndex()
        return self.index(days // 7, days % 7)

    def index_of_session(self, session_id: str | None) -> QModelIndex:
        for date, session in self._by_date.items():
            if session.id == session_id:
                return self.index_of_date(date)
        return QModelIndex()

    def card(self, session: Session) -> Card:
        card = self._cards.get(session.id)
        if card is None:
            card = self._cards[session.id] = card_for(session, self._slides_missing)
        return card

    def meeting_day(self) -> int | None:
        return self._meeting

    def in_term(self, date: dt.date) -> bool:
        found = self._term.get(date)
        if found is None:
            found = self._term[date] = self._semester is not None and in_term(self._semester, date)
        return found

    def is_plan_slot(self, date: dt.date) -> bool:
        """An empty week's meeting day, from today on: the "+ plan" slot."""
        if not self.in_term(date) or date.weekday() != self.meeting_day() or date < self.today():
            return False
        return date not in self._off and self._week_free(date)

    def _week_free(self, date: dt.date) -> bool:
        monday = date - dt.timedelta(days=date.weekday())
        return not any(monday + dt.timedelta(days=i) in self._by_date for i in range(7))

    def is_open_slot(self, date: dt.date) -> bool:
        """A meeting slot of the term (core/plan.py) without a session that week and
        not a day off: shown open, past or future."""
        span = self._span
        if span is None or date.weekday() != self.meeting_day() or date in self._off:
            return False
        return span[0] <= date <= span[1] and self.in_term(date) and self._week_free(date)

    def day_off(self, date: dt.date) -> plan.DayOff | None:
        """The public holiday period or break on ``date``, if any."""
        return self._off.get(date)

    def cell(self, index: Index) -> Cell | None:
        """What the delegate paints for the day at ``index``."""
        date = self.date_at(index)
        if date is None:
            return None
        session = self._by_date.get(date)
        return Cell(
            date=date,
            card=self.card(session) if session else None,
            in_term=self.in_term(date),
            meeting_day=date.weekday() == self.meeting_day(),
            today=date == self.today(),
            plan_slot=session is None and self.is_plan_slot(date),
            open_slot=session is None and self.is_open_slot(date),
            day_off=self._off.get(date),
        )

    # ------------------------------------------------------------ table model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._weeks

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._semester is None else 7

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell(index)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_summary(cell.date, cell.card)
        if role == Qt.ItemDataRole.ToolTipRole:
            tooltip = self._tooltip(cell.date, self._by_date.get(cell.date))
            return f"{tooltip}\n{day_off_text(cell.day_off)}" if cell.day_off else tooltip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible(cell)
        values = {
            CalendarRole.DateRole: cell.date,
            CalendarRole.SessionIdRole: cell.card.session_id if cell.card else None,
            CalendarRole.CardRole: cell.card,
            CalendarRole.IsMeetingDayRole: cell.meeting_day,
            CalendarRole.IsTodayRole: cell.today,
            CalendarRole.InTermRole: cell.in_term,
            CalendarRole.MonthStartRole: cell.date.day == 1,
            CalendarRole.PlanSlotRole: cell.plan_slot,
            CalendarRole.OpenSlotRole: cell.open_slot,
            CalendarRole.DayOffRole: cell.day_off.name if cell.day_off else None,
        }
        return values.get(role)  # type: ignore[call-overload]

    def _accessible(self, cell: Cell) -> str:
        parts = [cell_summary(cell.date, cell.card)]
        if cell.today:
            parts.append(translate("calendar", "today"))
        if cell.day_off is not None:
            parts.append(day_off_text(cell.day_off))
        if not cell.in_term:
            parts.append(translate("calendar", "outside the term"))
        elif cell.plan_slot or cell.open_slot:
            parts.append(translate("calendar", "open meeting slot: no session this week"))
        return ", ".join(parts)

    def _tooltip(self, date: dt.date, session: Session | None) -> str:
        if session is None:
            if not self.in_term(date):
                return translate("calendar", "{date}: outside the term").format(date=long_day(date))
            return translate("calendar", "{date}: double-click to add a session").format(
                date=long_day(date)
            )
        return session_tooltip(session)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self._semester is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < 7:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return weekday_short(section)
            meeting = section == self.meeting_day()
            if role == Qt.ItemDataRole.FontRole and meeting:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole and meeting:
                return translate("calendar", "The group's meeting day")
            return None
        if not 0 <= section < self._weeks:
            return None
        monday = self._monday + section * WEEK
        if role == Qt.ItemDataRole.DisplayRole:
            return month_day(monday)
        if role == Qt.ItemDataRole.ToolTipRole:
            first = self._semester.first_date or self._monday
            week = (monday - (first - dt.timedelta(days=first.weekday()))).days // 7 + 1
            span = translate("calendar", "{a} – {b}").format(
                a=month_day(monday), b=month_day(monday + dt.timedelta(days=6))
            )
            return (
                translate("calendar", "Week {n}: {span}").format(n=week, span=span)
                if week >= 1
                else span
            )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        date = self.date_at(index)
        if date is None:
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS[date in self._by_date, self.in_term(date)]

    # ----------------------------------------------------------------- actions
    def _push(self, build: Callable[[], DocumentCommand]) -> DocumentCommand | None:
        return push_command(self._document, build)

    def _refuse_outside(self, date: dt.date) -> bool:
        if self.in_term(date) or self._semester is None:
            return self._semester is None
        self._document.message.emit(outside_message(self._semester, date))
        return True

    def add_session(self, date: dt.date) -> str | None:
        """Add a session on ``date``; returns its id (None, with a message, if refused)."""
        if self._semester_id is None or self._refuse_outside(date):
            return None
        semester_id = self._semester_id
        command = self._push(lambda: AddSessionCommand(self._document, semester_id, date))
        return command.session_id if isinstance(command, AddSessionCommand) else None

    def move_session(self, session_id: str, date: dt.date) -> bool:
        """Move a session to ``date`` (swapping with a session there)."""
        if self._refuse_outside(date):
            return False
        command = self._push(lambda: MoveSessionCommand(self._document, session_id, date))
        return command is not None

    def remove_session(self, session_id: str) -> bool:
        try:
            _, session = self._document.doc.find_session(session_id)
        except KeyError:
            return False
        if self._push(lambda: RemoveSessionCommand(self._document, session_id)) is None:
            return False
        text = translate("calendar", "Deleted the session of {d} (Undo brings it back)")
        self._document.message.emit(text.format(d=month_day(session.date)))
        return True

    # ---------------------------------------------------------- drag and drop
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        files = [dnd.URI_LIST_MIME] if self._file_handler is not None else []
        return [*dnd.MIME_TYPES, *files]

    def set_file_drop_handler(self, handler: FileDropHandler | None) -> None:
        """Who handles files (slides) dropped on the calendar; None: refuse them."""
        self._file_handler = handler

    def file_drop_handler(self) -> FileDropHandler | None:
        return self._file_handler

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData | None:
        for index in indexes:
            session = self.session_at(index)
            if session is not None:
                return dnd.encode_session(session.id)
        return None

    def _target(self, row: int, column: int, parent: Index) -> QModelIndex:
        if parent.isValid():
            return self.index(parent.row(), parent.column())
        return self.index(row, column) if row >= 0 and column >= 0 else QModelIndex()

    def plan_drop(self, data: QMimeData | None, index: Index) -> DropPlan:
        """What dropping ``data`` on the cell ``index`` would do (cheap; for the hint too)."""
        paths = dnd.file_paths(data)
        if paths:
            if self._file_handler is None:
                return DropPlan(False)
            session = self.session_at(index)
            return self._file_handler.plan_files(paths, session.id if session else None)
        date = self.date_at(index)
        if date is None or self._semester is None:
            return DropPlan(False)
        return plan_drop(self._document.doc, self._semester, self._by_date.get(date), data, date)

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self.plan_drop(data, self._target(row, column, parent)).allowed

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Move the dragged session (or topic) to the cell; True when a command was pushed."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        return self.drop(data, self._target(row, column, parent))

    def drop(self, data: QMimeData | None, index: Index, plan: DropPlan | None = None) -> bool:
        """Drop ``data`` on the cell ``index``; ``plan``: what :meth:`plan_drop` said for
        them while the drag hovered there (None: plan now).  True when it was done (a
        command pushed, or files handed to the file handler)."""
        if plan is None:
            plan = self.plan_drop(data, index)
        paths = dnd.file_paths(data)
        if paths:  # slides: the handler copies them, or says why not
            if self._file_handler is None or plan.kind not in dnd.FILE_KINDS:
                return False
            session = self.session_at(index)
            return self._file_handler.drop_files(paths, session.id if session else None)
        date = self.date_at(index)
        if not plan.allowed or date is None or self._semester_id is None:
            return False
        if plan.kind in ("move", "swap"):
            session_id = dnd.decode_session(data) or ""
            command = self._push(lambda: MoveSessionCommand(self._document, session_id, date))
            return command is not None
        topic_id = dnd.decode_topic(data) or ""
        if plan.kind == "topic":
            target = self._by_date.get(date)
            if target is None:
                return False
            target_id = target.id
            command = self._push(lambda: MoveTopicCommand(self._document, topic_id, target_id))
            return command is not None
        semester_id = self._semester_id
        build = lambda: NewSessionWithTopicCommand(self._document, semester_id, date, topic_id)  # noqa: E731
        return self._push(build) is not None


def _links(semester: Semester) -> set[str]:
    return {t.slides for s in semester.sessions for t in s.topics}


def _frame_of(semester: Semester, country: str) -> tuple[object, ...]:
    """What every cell of a semester depends on besides its own session (and its week's)."""
    return (
        semester.title,
        semester.first_date,
        semester.last_date,
        semester.meeting_day,
        tuple(semester.breaks),
        country,
    )
