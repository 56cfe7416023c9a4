"""The semester calendar table: :class:`CalendarView`, its mouse, keys and drags.

The view never changes the document itself: drops, double-clicks and keys go through
:class:`CalendarModel`, which pushes commands on the undo stack.  The view keeps its
current cell and the shared :class:`Selection` in step both ways.

Mouse and keys: drag a card to another date (onto a session: the two swap); drag a
topic line of a card with several topics to move just that topic; double-click an
empty date (or press Enter on it) to add a session; Enter on a session asks for the
editor (:attr:`CalendarView.editRequested`); Delete removes the selected session;
Ctrl+Up/Down moves it by a week.  Files dragged from a file manager (slides) are
planned and dropped by the model's file handler; the cell under the cursor shows its
hint ("Attach slides to “Spirit”") and the status bar the longer text.  Our own drags
are planned by the model (:meth:`CalendarModel.plan_drop`); the hovered cell shows what
dropping there would do ("Swap with Nov 18").

A drag repaints only the cells whose hint changes, plans each cell it hovers once
(the drop uses that plan unless the document changed meanwhile) and scrolls the view
while it hovers within :meth:`autoScrollMargin` of an edge, as Qt's item views do
(their own drag handling would repaint the whole view on every move).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from itertools import chain
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QStatusTipEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QTableView,
    QWidget,
)

from seminar_gui.core.people import sessions_of
from seminar_gui.qt.calendar.delegate import CalendarDelegate
from seminar_gui.qt.calendar.model import CalendarModel
from seminar_gui.qt.calendar.style import CARD_PAD, CELL_PAD, Samples, text_sample
from seminar_gui.qt.common import dnd
from seminar_gui.qt.common.dnd import DropPlan, FileDropHandler
from seminar_gui.qt.common.widgets import own_viewport
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.selection import Selection

Index = QModelIndex | QPersistentModelIndex
#: Relative column widths: the meeting day is widest, quiet weekends are narrow.
MEETING_WEIGHT, BUSY_WEIGHT, WEEKDAY_WEIGHT, WEEKEND_WEIGHT = 3.5, 1.5, 1.0, 0.7
#: Auto-scroll while a drag hovers near an edge: one step per interval, each step one
#: pixel longer than the one before, up to a page (Qt's item views do the same).
AUTO_SCROLL_MS = 50


class CalendarView(QTableView):
    """The weeks of the selected semester; follows and drives ``selection``."""

    #: Enter (or a double-click) on a session: the main window focuses the editor.
    editRequested = Signal(str)

    def __init__(
        self,
        document: ProjectDocument,
        selection: Selection,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        own_viewport(self)  # PySide6 need not look for its class (see own_viewport)
        self.setObjectName("calendar")
        self.setAccessibleName(self.tr("Semester calendar"))
        self.setAccessibleDescription(
            self.tr(
                "One row per week. Drag a session to another date; double-click a date "
                "to add a session; Delete removes the selected session; Ctrl+Up and "
                "Ctrl+Down move it by a week; Enter edits it."
            )
        )
        self._document = document
        self._selection = selection
        self._model = CalendarModel(document, selection.semester_id, self, today=today)
        self._delegate = CalendarDelegate(self)
        self.setModel(self._model)
        self.setItemDelegate(self._delegate)
        self._syncing = False
        self._in_press = False
        self._press_pos: QPoint | None = None
        self._saved_date: dt.date | None = None
        self._file_status = ""  # the status text shown while files are dragged over
        # The drag hovering over the calendar: its data, the files it carries (read
        # once: from another program, each look is a round trip), the plans of the
        # cells it hovered (by row and column; forgotten when the document changes),
        # and where it is (for auto-scrolling).
        self._drag_data: QMimeData | None = None
        self._drag_paths: list[Path] = []
        self._plans: dict[tuple[int, int], DropPlan] = {}
        self._drag_pos = QPoint()
        self._scroll_step = 0
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setInterval(AUTO_SCROLL_MS)
        self._scroll_timer.timeout.connect(self._auto_scroll)
        self._column_sizes: list[int] = []
        # The cell the calendar last scrolled to, kept in view (with a whole week at the
        # top) when the view changes size, until the organizer scrolls it themselves.
        self._revealed: QPersistentModelIndex | None = None

        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(False)
        self.setDragDropOverwriteMode(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)
        # The widths come from _update_columns (they fill the viewport): the style's
        # minimum (wider for CJK day names) would push Sunday out of a narrow window.
        self.horizontalHeader().setMinimumSectionSize(8)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setHighlightSections(False)
        self.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        )
        self._ui_texts = self._delegate.ui_texts()  # the UI language is set at start
        self._update_text_sample()

        self._model.modelAboutToBeReset.connect(self._before_reset)
        self._model.modelReset.connect(self._after_reset)
        self._model.dataChanged.connect(self._update_columns)
        self._model.dataChanged.connect(self._update_text_sample)
        self._model.modelReset.connect(self._forget_plans)
        document.changed.connect(self._forget_plans)
        document.filesChanged.connect(self._forget_plans)
        document.siteFolderChanged.connect(self._forget_plans)
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.verticalScrollBar().actionTriggered.connect(self._scrolled_by_hand)
        selection.changed.connect(self._follow_selection)
        document.changed.connect(self._follow_selection)  # after the model's update
        self._follow_selection()
        # The person chosen in the People panel: their session cards are marked.
        selection.highlightChanged.connect(self._update_highlight)
        selection.changed.connect(self._update_highlight)
        document.changed.connect(self._update_highlight)

    # ------------------------------------------------------------ public API
    def model(self) -> CalendarModel:
        return self._model

    def set_file_drop_handler(self, handler: FileDropHandler | None) -> None:
        """Who files slides dropped on a card (None: the calendar refuses files)."""
        self._model.set_file_drop_handler(handler)

    def delegate(self) -> CalendarDelegate:
        return self._delegate

    def drop_target(self) -> tuple[QPersistentModelIndex | None, DropPlan | None]:
        """The cell a drag is over and what dropping there would do (for tests)."""
        return self._delegate.drop_index, self._delegate.drop_plan

    def index_of_date(self, date: dt.date) -> QModelIndex:
        return self._model.index_of_date(date)

    def scroll_to_date(self, date: dt.date) -> None:
        index = self._model.index_of_date(date)
        if index.isValid():
            self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def scrollTo(
        self,
        index: Index,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        """Qt's scrolling (every caller's: a selection, the keyboard), then a whole week
        at the top where the cell stays in view: Qt scrolls by pixels, so a cell brought
        into view at the bottom left the top week cut, as did the semester's end."""
        super().scrollTo(index, hint)
        if index.isValid():
            self._revealed = QPersistentModelIndex(index)
            self._whole_top_row(index.row())

    def _whole_top_row(self, row: int) -> None:
        """Scroll by less than a week so the top week is whole and ``row`` still whole
        (down past the cut week if ``row`` is below it, else up to its top)."""
        top = self.rowAt(0)
        if top < 0:
            return
        bar, header = self.verticalScrollBar(), self.verticalHeader()
        start = header.sectionPosition(top)
        if start == bar.value():
            return
        below = start + header.sectionSize(top)  # the next week's top
        row_top = header.sectionPosition(row)
        if row_top >= below and below <= bar.maximum():
            bar.setValue(below)
        elif row_top + header.sectionSize(row) - start <= self.viewport().height():
            bar.setValue(start)

    def _scrolled_by_hand(self, *_: object) -> None:
        self._revealed = None  # where the organizer scrolled stays as it is

    def _update_highlight(self, *_: object) -> None:
        """Mark the sessions of ``Selection.highlighted_person`` in the semester on show."""
        name, semester_id = self._selection.highlighted_person, self._model.semester_id
        ids: frozenset[str] = frozenset()
        if name and semester_id is not None:
            with contextlib.suppress(KeyError):
                ids = sessions_of(self._document.doc.semester(semester_id), name)
        if ids != self._delegate.highlighted_sessions:
            self._delegate.highlighted_sessions = ids
            self.viewport().update()

    # ----------------------------------------------------- selection syncing
    def _selected_session_id(self) -> str | None:
        session_id = self._selection.session_id
        return session_id if self._model.index_of_session(session_id).isValid() else None

    def _set_current(
        self, index: QModelIndex, *, scroll: bool = True, selected: bool = True
    ) -> None:
        """Make ``index`` the current cell (where the keys move from), selected or,
        with ``selected=False``, with nothing selected, without telling the window's
        selection (which it follows)."""
        self._syncing = True
        try:
            if not selected:
                clear = QItemSelectionModel.SelectionFlag.Clear  # current, not selected
                self.selectionModel().setCurrentIndex(index, clear)
            elif index != self.currentIndex():
                self.setCurrentIndex(index)
            elif index.isValid() and not self.selectionModel().isSelected(index):
                self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Select)
        finally:
            self._syncing = False
        if scroll and index.isValid():
            self.scrollTo(index)

    def _follow_selection(self, *_: object) -> None:
        """Show the selected semester; put the current cell on the selected session."""
        switched = self._selection.semester_id != self._model.semester_id
        if switched:
            self._model.set_semester(self._selection.semester_id)
        index = self._model.index_of_session(self._selection.session_id)
        if index.isValid():
            self._set_current(index, scroll=switched or index != self.currentIndex())
        elif switched or not self.currentIndex().isValid():
            self._go_to_start()
        elif self._model.session_at(self.currentIndex()) is not None:
            self._syncing = True  # the session there is no longer the selected one
            self.selectionModel().clearSelection()
            self._syncing = False

    def _go_to_start(self) -> None:
        """The current cell (where the keys move from) on today's cell if the semester
        shows it, else on its first meeting day, with nothing selected: no session is
        (the editor shows none), so the calendar marks none."""
        start = self._model.index_of_date(self._model.today())
        if not start.isValid() and self._model.rowCount():
            start = self._model.index(0, self._model.meeting_day() or 0)
        if start.isValid():
            self._set_current(start, scroll=False, selected=False)
            self.scrollTo(start, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing and not self._in_press:
            self._push_selection(current, None)

    def _push_selection(self, index: QModelIndex, topic_id: str | None) -> None:
        if not index.isValid():
            return
        session = self._model.session_at(index)
        if session is None:
            self._selection.select_session(None)
        elif topic_id is not None:
            self._selection.select_session(session.id, topic_id)
        elif self._selection.session_id != session.id:
            self._selection.select_session(session.id)

    def _before_reset(self) -> None:
        self._saved_date = self._model.date_at(self.currentIndex())

    def _after_reset(self) -> None:
        if self._saved_date is not None:
            self._set_current(self._model.index_of_date(self._saved_date), scroll=False)
        self._column_sizes = []  # the header made its sections anew
        self._update_columns()
        self._update_text_sample()

    # ----------------------------------------------------------------- sizes
    def _update_text_sample(self, *_: object) -> None:
        """Rows tall enough for the scripts on show (a first Chinese name makes them
        taller; a font is loaded only for text there is)."""
        ui_names, ui_small = self._ui_texts
        samples = Samples(
            names=text_sample(chain(self._model.names(), ui_names)),
            small=text_sample(chain(self._model.texts(), ui_small)),
        )
        if samples != self._delegate.samples:
            self._delegate.samples = samples
            self._update_row_height()
            self.viewport().update()

    def _update_row_height(self) -> None:
        widest = max((self.columnWidth(c) for c in range(self._model.columnCount())), default=0)
        height = self._delegate.row_height(self.font(), widest - 2 * (CELL_PAD + CARD_PAD))
        self.verticalHeader().setMinimumSectionSize(min(height, 24))
        if height != self.verticalHeader().defaultSectionSize():
            self.verticalHeader().setDefaultSectionSize(height)

    def _column_weights(self) -> list[float]:
        meeting, semester = self._model.meeting_day(), self._model.semester
        busy = {s.date.weekday() for s in semester.sessions} if semester else set()
        return [
            MEETING_WEIGHT
            if column == meeting
            else BUSY_WEIGHT
            if column in busy
            else WEEKDAY_WEIGHT
            if column < 5
            else WEEKEND_WEIGHT
            for column in range(7)
        ]

    def _update_columns(self, *_: object) -> None:
        """Column widths by weight (after every change: a day may have become busy)."""
        if self._model.columnCount() != 7:
            return
        weights = self._column_weights()
        width, total, x = self.viewport().width(), sum(weights), 0.0
        sizes = []
        for weight in weights:
            left = round(x)
            x += width * weight / total
            sizes.append(round(x) - left)
        if sizes == self._column_sizes:
            return
        self._column_sizes = sizes
        for column, size in enumerate(sizes):
            self.horizontalHeader().resizeSection(column, size)
        self._update_row_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_columns()  # the weeks' height follows the columns' width
        if self._revealed is not None and self._revealed.isValid():
            self.scrollTo(self._revealed)  # still in view, the top week whole

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_row_height()

    # ------------------------------------------------------------ mouse, keys
    def _topic_at(self, index: QModelIndex, pos: QPoint | None) -> str | None:
        session = self._model.session_at(index)
        if session is None or pos is None:
            return None
        card = self._model.card(session)
        return self._delegate.topic_at(self.visualRect(index), card, pos, self.font())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        self._press_pos = pos
        index = self.indexAt(pos)
        self._in_press = True
        try:
            super().mousePressEvent(event)
        finally:
            self._in_press = False
        if event.button() == Qt.MouseButton.LeftButton:
            self._push_selection(index, self._topic_at(index, pos))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if not index.isValid() or event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        self._activate(index)
        event.accept()

    def _activate(self, index: QModelIndex) -> None:
        """Edit the session on ``index``, or add one there if the date is free."""
        session = self._model.session_at(index)
        if session is not None:
            self.editRequested.emit(session.id)
            return
        date = self._model.date_at(index)
        session_id = self._model.add_session(date) if date else None
        if session_id is not None:
            self._selection.select_session(session_id)
            self.editRequested.emit(session_id)

    def _handles(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        ctrl = Qt.KeyboardModifier.ControlModifier
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and mods & ctrl:
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            return True
        return key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)

    def event(self, event: QEvent) -> bool:
        # Our keys win over window shortcuts while the calendar has the focus.
        if event.type() == QEvent.Type.ShortcutOverride and self._handles(event):  # type: ignore[arg-type]
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._handles(event):
            super().keyPressEvent(event)
            return
        event.accept()
        key = event.key()
        session_id = self._selected_session_id()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.currentIndex().isValid():
                self._activate(self.currentIndex())
        elif session_id is None:
            return
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._model.remove_session(session_id)
        else:
            _, session = self._document.doc.find_session(session_id)
            days = 7 if key == Qt.Key.Key_Down else -7
            self._model.move_session(session_id, session.date + dt.timedelta(days=days))

    # ------------------------------------------------------------ dragging
    def drag_mime_at(self, pos: QPoint) -> tuple[str, str] | None:
        """What a drag starting at ``pos`` carries: ("topic", id), ("session", id) or None."""
        index = self.indexAt(pos)
        session = self._model.session_at(index)
        if session is None:
            return None
        topic_id = self._topic_at(index, pos)
        return ("topic", topic_id) if topic_id else ("session", session.id)

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        pos = self._press_pos if self._press_pos is not None else QPoint()
        index = self.indexAt(pos)
        session, what = self._model.session_at(index), self.drag_mime_at(pos)
        if session is None or what is None:
            return
        topic_id = what[1] if what[0] == "topic" else None
        data = dnd.encode_topic(what[1]) if topic_id else dnd.encode_session(what[1])
        rect = self.visualRect(index)
        card, ratio = self._model.card(session), self.devicePixelRatioF()
        pixmap = self._delegate.card_pixmap(
            card, rect.size(), self.palette(), self.font(), ratio, topic_id=topic_id
        )
        offset = pos - rect.topLeft()
        height = round(pixmap.deviceIndependentSize().height())
        drag = QDrag(self)
        drag.setMimeData(data)
        drag.setPixmap(pixmap)
        drag.setHotSpot(QPoint(offset.x(), min(offset.y(), height - 4)))
        drag.exec(Qt.DropAction.MoveAction, Qt.DropAction.MoveAction)

    # ---------------------------------------------------------------- drops
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
        """The cell under the drag and what dropping there would do (planned once)."""
        index = self.indexAt(event.position().toPoint())
        return index, self._plan_at(index, event.mimeData())

    def _follow_data(self, data: QMimeData | None) -> None:
        if data is not self._drag_data:  # another drag: other files, other plans
            self._drag_data, self._drag_paths, self._plans = data, dnd.file_paths(data), {}

    def _plan_at(self, index: QModelIndex, data: QMimeData | None) -> DropPlan:
        self._follow_data(data)
        key = (index.row(), index.column())
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = self._model.plan_drop(data, index)
        return plan

    def _forget_plans(self, *_: object) -> None:
        """The document (or the files) changed: a cell's plan may be another one now."""
        self._plans = {}

    def _end_drag(self) -> None:
        """The drag left or dropped: no hint, no scrolling, no plans kept."""
        self._set_drop_target(None, None)
        self._scroll_timer.stop()
        self.setState(QAbstractItemView.State.NoState)
        self._drag_data, self._drag_paths, self._plans = None, [], {}

    # ----------------------------------------------------------- auto-scroll
    def _near_edge(self, pos: QPoint) -> bool:
        area, margin = self.viewport().rect(), self.autoScrollMargin()
        return (
            pos.y() - area.top() < margin
            or area.bottom() - pos.y() < margin
            or pos.x() - area.left() < margin
            or area.right() - pos.x() < margin
        )

    def _follow_drag(self, pos: QPoint) -> None:
        """Scroll while the drag hovers within the auto-scroll margin of an edge."""
        self._drag_pos = pos
        if not self.hasAutoScroll() or not self._near_edge(pos):
            self._scroll_timer.stop()
        elif not self._scroll_timer.isActive():
            self._scroll_step = 0
            self._scroll_timer.start()

    def _auto_scroll(self) -> None:
        pos, area, margin = self._drag_pos, self.viewport().rect(), self.autoScrollMargin()
        bars = (
            (self.verticalScrollBar(), pos.y(), area.top(), area.bottom()),
            (self.horizontalScrollBar(), pos.x(), area.left(), area.right()),
        )
        if self._scroll_step < max(bar.pageStep() for bar, *_ in bars):
            self._scroll_step += 1
        moved = False
        self._revealed = None  # the drag scrolled the calendar: it stays where it is
        for bar, at, low, high in bars:
            value = bar.value()
            if at - low < margin:
                bar.setValue(value - self._scroll_step)
            elif high - at < margin:
                bar.setValue(value + self._scroll_step)
            moved = moved or bar.value() != value
        if not moved:
            self._scroll_timer.stop()
            return
        # Another cell is under the (unmoved) drag now: show what a drop there does.
        index = self.indexAt(pos)
        data = self._drag_data
        if self._drag_paths and self._model.file_drop_handler() is not None:
            plan = self._plan_at(index, data)
            on_session = self._model.session_at(index) is not None
            self._set_drop_target(index if on_session else None, plan if on_session else None)
            self._show_status(plan.status)
        elif dnd.carries_seminar_data(data):
            self._set_drop_target(index, self._plan_at(index, data))

    # ---------------------------------------------------------------- events
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._drag_data = None  # a new drag
        self._follow_data(event.mimeData())
        if self._file_drag(event):
            return
        if not dnd.carries_seminar_data(event.mimeData()):
            event.ignore()
            return
        self.setState(QAbstractItemView.State.DraggingState)
        self._set_drop_target(*self._plan(event))
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        # Not QTableView's: it would repaint the whole view and plan the cell again.
        self._follow_drag(event.position().toPoint())
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
        # Not QTableView's: it would repaint the whole view.
        if self._file_status:
            self._show_status("")
        self._end_drag()

    def dropEvent(self, event: QDropEvent) -> None:
        if self._file_drag(event):
            return
        index, plan = self._plan(event)
        self._end_drag()
        data = event.mimeData()
        if not plan.allowed or not self._model.drop(data, index, plan):
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        session_id, topic_id = dnd.decode_session(data), dnd.decode_topic(data)
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
        self._follow_data(data)
        if not self._drag_paths or self._model.file_drop_handler() is None:
            return False
        index, plan = self._plan(event)
        on_session = self._model.session_at(index) is not None
        if event.type() == QEvent.Type.Drop:
            self._end_drag()
            self._show_status("")
            copy = bool(event.possibleActions() & Qt.DropAction.CopyAction)
            target = index if index.isValid() else QModelIndex()
            if copy and self._model.drop(data, target, plan):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
            else:
                event.ignore()
            return True
        if event.type() == QEvent.Type.DragEnter:
            self.setState(QAbstractItemView.State.DraggingState)
        self._set_drop_target(index if on_session else None, plan if on_session else None)
        self._show_status(plan.status)
        if plan.kind in dnd.FILE_KINDS and event.possibleActions() & Qt.DropAction.CopyAction:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()
        return True
