"""Drag and drop on the calendar model: MIME data, drop plans, drops, as a mixin.

:class:`CalendarModelDragDrop` is the part of
:class:`~seminar_gui.qt.calendar.model.CalendarModel` that says what a drag carries
and what dropping it on a cell would do, and that does the drop: a session moves (or
swaps), a topic moves to a session or starts a new one on an empty date.  Files
dropped from a file manager (slides) go to the :class:`FileDropHandler` set with
:meth:`~CalendarModelDragDrop.set_file_drop_handler`; without one, the calendar
refuses them.  (Split from :mod:`seminar_gui.qt.calendar.model` to keep modules
short.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from seminar_gui.core.model import Semester, Session
from seminar_gui.qt.calendar.cells import (
    FILE_KINDS,
    URI_LIST_MIME,
    DropPlan,
    FileDropHandler,
    NewSessionWithTopicCommand,
    file_paths,
    plan_drop,
)
from seminar_gui.qt.commands import DocumentCommand, MoveSessionCommand, MoveTopicCommand
from seminar_gui.qt.common import dnd as mime
from seminar_gui.qt.document import ProjectDocument

Index = QModelIndex | QPersistentModelIndex

if TYPE_CHECKING:  # for type checkers the mixin is a table model; CalendarModel is one
    _Base = QAbstractTableModel
else:
    _Base = object


class CalendarModelDragDrop(_Base):
    """Drag and drop of :class:`~seminar_gui.qt.calendar.model.CalendarModel` (a mixin).

    The model sets up the state below.
    """

    _document: ProjectDocument
    _semester_id: str | None
    _semester: Semester | None
    _by_date: dict[dt.date, Session]
    _file_handler: FileDropHandler | None

    if TYPE_CHECKING:  # the model's

        def date_at(self, index: Index) -> dt.date | None: ...

        def session_at(self, index: Index) -> Session | None: ...

        def _push(self, build: Callable[[], DocumentCommand]) -> DocumentCommand | None: ...

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        files = [URI_LIST_MIME] if self._file_handler is not None else []
        return [*mime.MIME_TYPES, *files]

    def set_file_drop_handler(self, handler: FileDropHandler | None) -> None:
        """Who handles files (slides) dropped on the calendar; None: refuse them."""
        self._file_handler = handler

    def file_drop_handler(self) -> FileDropHandler | None:
        return self._file_handler

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData | None:
        for index in indexes:
            session = self.session_at(index)
            if session is not None:
                return mime.encode_session(session.id)
        return None

    def _target(self, row: int, column: int, parent: Index) -> QModelIndex:
        if parent.isValid():
            return self.index(parent.row(), parent.column())
        return self.index(row, column) if row >= 0 and column >= 0 else QModelIndex()

    def plan_drop(self, data: QMimeData | None, index: Index) -> DropPlan:
        """What dropping ``data`` on the cell ``index`` would do (cheap; for the hint too)."""
        paths = file_paths(data)
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
        index = self._target(row, column, parent)
        paths = file_paths(data)
        if paths:  # slides: the handler copies them, or says why not
            if self._file_handler is None or self.plan_drop(data, index).kind not in FILE_KINDS:
                return False
            session = self.session_at(index)
            return self._file_handler.drop_files(paths, session.id if session else None)
        plan = self.plan_drop(data, index)
        date = self.date_at(index)
        if not plan.allowed or date is None or self._semester_id is None:
            return False
        if plan.kind in ("move", "swap"):
            session_id = mime.decode_session(data) or ""
            command = self._push(lambda: MoveSessionCommand(self._document, session_id, date))
            return command is not None
        topic_id = mime.decode_topic(data) or ""
        if plan.kind == "topic":
            target = self._by_date[date].id
            command = self._push(lambda: MoveTopicCommand(self._document, topic_id, target))
            return command is not None
        semester_id = self._semester_id
        build = lambda: NewSessionWithTopicCommand(self._document, semester_id, date, topic_id)  # noqa: E731
        return self._push(build) is not None
