"""Drops on the calendar table: the drag events of :class:`CalendarView`, as a mixin.

:class:`CalendarViewDrops` takes what is dragged over the view: a session or a topic
from the calendar itself (planned and dropped by :class:`CalendarModel`), or files from
a file manager (slides, for the model's file handler).  The cell under the cursor shows
the plan's hint; for files, the status bar shows the longer text.  (Split from
:mod:`seminar_gui.qt.calendar.view` to keep modules short; starting a drag stays
there.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QStatusTipEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView

from seminar_gui.qt.calendar.cells import FILE_KINDS, DropPlan, file_paths
from seminar_gui.qt.calendar.delegate import CalendarDelegate
from seminar_gui.qt.calendar.model import CalendarModel
from seminar_gui.qt.common import dnd as mime
from seminar_gui.qt.selection import Selection

if TYPE_CHECKING:  # for type checkers the mixin is a table view; CalendarView is one
    _Base = QTableView
else:
    _Base = object


class CalendarViewDrops(_Base):
    """The drop side of :class:`~seminar_gui.qt.calendar.view.CalendarView` (a mixin).

    The view sets up the state below.
    """

    _model: CalendarModel
    _delegate: CalendarDelegate
    _selection: Selection
    _file_status: str  # the status text shown while files are dragged over

    def _set_drop_target(self, index: QModelIndex | None, plan: DropPlan | None) -> None:
        old = self._delegate.drop_index
        show = index is not None and index.isValid() and plan is not None
        show = show and (plan.allowed or bool(plan.hint))  # type: ignore[union-attr]
        new = QPersistentModelIndex(index) if show else None  # type: ignore[arg-type]
        if new == old and (plan if show else None) == self._delegate.drop_plan:
            return
        self._delegate.drop_index = new
        self._delegate.drop_plan = plan if show else None
        for persistent in (old, new):
            if persistent is not None and persistent.isValid():
                self.viewport().update(self.visualRect(QModelIndex(persistent)))

    def _plan(self, event: QDropEvent) -> tuple[QModelIndex, DropPlan]:
        index = self.indexAt(event.position().toPoint())
        return index, self._model.plan_drop(event.mimeData(), index)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._file_drag(event):
            return
        if not mime.carries_seminar_data(event.mimeData()):
            event.ignore()
            return
        self.setState(QAbstractItemView.State.DraggingState)
        self._set_drop_target(*self._plan(event))
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)  # auto-scroll near the edges
        if self._file_drag(event):
            return
        index, plan = self._plan(event)
        self._set_drop_target(index, plan)
        if plan.allowed:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept(self.visualRect(index))
        else:
            event.ignore(self.visualRect(index) if index.isValid() else QRect())

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        if self._file_status:
            self._show_status("")
        self._set_drop_target(None, None)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if self._file_drag(event):
            return
        index, plan = self._plan(event)
        self._set_drop_target(None, None)
        self.stopAutoScroll()
        self.setState(QAbstractItemView.State.NoState)
        data = event.mimeData()
        if not plan.allowed or not self._model.dropMimeData(
            data, Qt.DropAction.MoveAction, -1, -1, index
        ):
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        session_id, topic_id = mime.decode_session(data), mime.decode_topic(data)
        if session_id is not None:
            self._selection.select_session(session_id)
        elif topic_id is not None:
            self._selection.select_topic(topic_id)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------- files (slides)
    def _show_status(self, text: str) -> None:
        """The status bar of the window (a status tip travels up to the main window)."""
        self._file_status = text
        QApplication.sendEvent(self, QStatusTipEvent(text))

    def _file_drag(self, event: QDropEvent) -> bool:
        """Files dragged from a file manager: hint, status text, drop.  True: handled.

        A session cell shows the hint; elsewhere the files are matched by their names
        (only the status bar tells where they would go).  A refused drop is still
        accepted while dragging, so that dropping can say why nothing was attached.
        We only ever copy: the drop action is always CopyAction, never Move.
        """
        data = event.mimeData()
        if not file_paths(data) or self._model.file_drop_handler() is None:
            return False
        index, plan = self._plan(event)
        on_session = self._model.session_at(index) is not None
        if event.type() == QEvent.Type.Drop:
            self._set_drop_target(None, None)
            self.stopAutoScroll()
            self.setState(QAbstractItemView.State.NoState)
            self._show_status("")
            copy = bool(event.possibleActions() & Qt.DropAction.CopyAction)
            target = index if index.isValid() else QModelIndex()
            if copy and self._model.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, target):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
            else:
                event.ignore()
            return True
        if event.type() == QEvent.Type.DragEnter:
            self.setState(QAbstractItemView.State.DraggingState)
        self._set_drop_target(index if on_session else None, plan if on_session else None)
        self._show_status(plan.status)
        if plan.kind in FILE_KINDS and event.possibleActions() & Qt.DropAction.CopyAction:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()
        return True
