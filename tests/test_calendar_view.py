"""The semester calendar widgets, driven like an organizer would (pytest-qt, real widgets)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QImage,
    QPixmap,
)
from PySide6.QtWidgets import QApplication, QComboBox
from qt_helpers import session_id_on

from seminar_gui.core import edits
from seminar_gui.core.demo import load_demo
from seminar_gui.qt.calendar import view as calendar_view
from seminar_gui.qt.calendar.cells import CalendarRole
from seminar_gui.qt.calendar.panel import SemesterCalendar
from seminar_gui.qt.calendar.view import CalendarView
from seminar_gui.qt.commands import AddSemesterCommand, AddSessionCommand, EditTopicCommand
from seminar_gui.qt.common import dnd
from seminar_gui.qt.common.dnd import DropPlan
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.selection import Selection

D = dt.date
TODAY = D(2025, 11, 20)


@pytest.fixture
def selection(document: ProjectDocument) -> Selection:
    return Selection(document)


@pytest.fixture
def panel(qtbot, document: ProjectDocument, selection: Selection) -> SemesterCalendar:
    widget = SemesterCalendar(document, selection, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(700, 850)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def view(panel: SemesterCalendar) -> CalendarView:
    view = panel.findChild(CalendarView, "calendar")
    assert view is not None
    assert view.accessibleName() == "Semester calendar"
    return view


def session_on(view: CalendarView, date: dt.date) -> str | None:
    index = view.index_of_date(date)
    assert index.isValid(), date
    return index.data(CalendarRole.SessionIdRole)


def center(view: CalendarView, date: dt.date) -> QPoint:
    index = view.index_of_date(date)
    view.scrollTo(index)
    return view.visualRect(index).center()


def send_drag(view: CalendarView, data: QMimeData, date: dt.date, *, drop: bool = True) -> list:
    """What the drag-and-drop machinery sends the viewport: enter, move, then drop."""
    point = center(view, date)
    args = (Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0))
    # QDragEnterEvent/QDragMoveEvent take a QPoint, QDropEvent a QPointF.
    events = [QDragEnterEvent(point, *args), QDragMoveEvent(point, *args)]
    if drop:
        events.append(QDropEvent(QPointF(point), *args))
    for event in events:
        QApplication.sendEvent(view.viewport(), event)
    return events


def drag_and_drop(view: CalendarView, data: QMimeData, date: dt.date) -> QDropEvent:
    enter, move, dropped = send_drag(view, data, date)
    assert enter.isAccepted()
    assert move.isAccepted()
    return dropped


# ------------------------------------------------------------- drag and drop
def test_drag_session_to_a_free_date_moves_it_undo_redo(view: CalendarView, document) -> None:
    moved = session_id_on(document, D(2025, 11, 25))
    model = view.model()
    data = model.mimeData([view.index_of_date(D(2025, 11, 25))])
    dropped = drag_and_drop(view, data, D(2025, 12, 9))
    assert dropped.isAccepted()
    assert session_on(view, D(2025, 12, 9)) == moved
    assert session_on(view, D(2025, 11, 25)) is None
    assert view.index_of_date(D(2025, 12, 9)).data() == "Tue Dec 9: ROLL; Spirit (SOSP '25)"
    assert document.undo_stack.undoText() == "Move session to Dec 9"
    assert view.drop_target() == (None, None)  # the hint is gone
    document.undo_stack.undo()
    assert session_on(view, D(2025, 11, 25)) == moved
    assert view.index_of_date(D(2025, 12, 9)).data(CalendarRole.SessionIdRole) is None
    document.undo_stack.redo()
    assert session_on(view, D(2025, 12, 9)) == moved
    assert session_on(view, D(2025, 11, 25)) is None


def test_drag_onto_a_session_swaps_and_says_so(view: CalendarView, document) -> None:
    a, b = session_id_on(document, D(2025, 11, 25)), session_id_on(document, D(2025, 11, 18))
    messages: list[str] = []
    document.message.connect(messages.append)
    data = dnd.encode_session(a)
    send_drag(view, data, D(2025, 11, 18), drop=False)
    target, plan = view.drop_target()
    assert target is not None and target.data(CalendarRole.DateRole) == D(2025, 11, 18)
    assert plan is not None and plan.hint == "Swap with Nov 18"
    send_drag(view, data, D(2025, 11, 18))
    assert session_on(view, D(2025, 11, 18)) == a
    assert session_on(view, D(2025, 11, 25)) == b
    assert messages and messages[-1].startswith("Swapped")
    assert messages[-1] == "Swapped the sessions of Nov 25 and Nov 18"
    assert document.undo_stack.undoText() == "Swap sessions Nov 25 and Nov 18"


def test_drop_on_its_own_date_is_refused(view: CalendarView, document) -> None:
    data = dnd.encode_session(session_id_on(document, D(2025, 11, 25)))
    enter, move, dropped = send_drag(view, data, D(2025, 11, 25))
    assert enter.isAccepted()  # our kind of drag: follow it over the calendar
    assert not move.isAccepted()
    assert not dropped.isAccepted()
    assert document.undo_stack.count() == 0


def test_drag_a_topic_line_moves_the_topic(view: CalendarView, document, selection) -> None:
    # A drag starting on the second topic line of Nov 18 ("Pie") carries that topic.
    index = view.index_of_date(D(2025, 11, 18))
    view.scrollTo(index)
    card = index.data(CalendarRole.CardRole)
    layout = view.delegate().layout(view.visualRect(index), card, view.font())
    pie = card.topics[1].topic_id
    assert view.drag_mime_at(layout.topics[1].rect.center()) == ("topic", pie)
    assert view.drag_mime_at(layout.date_rect.center()) == ("session", card.session_id)
    data = dnd.encode_topic(pie)  # kept alive: the events point to it
    dropped = drag_and_drop(view, data, D(2025, 11, 25))
    assert dropped.isAccepted()
    names = [
        t.short_name for t in view.index_of_date(D(2025, 11, 25)).data(CalendarRole.CardRole).topics
    ]
    assert names == ["ROLL", "Spirit", "Pie"]
    assert view.index_of_date(D(2025, 11, 18)).data() == "Tue Nov 18: HydraServe (arXiv)"
    assert document.undo_stack.undoText() == "Move topic “Pie” to Nov 25"
    assert selection.topic_id == pie  # the moved topic stays selected
    document.undo_stack.undo()
    assert view.index_of_date(D(2025, 11, 18)).data() == (
        "Tue Nov 18: HydraServe (arXiv); Pie (SOSP '25)"
    )


def test_single_topic_card_drags_the_session(view: CalendarView, document) -> None:
    index = view.index_of_date(D(2025, 11, 11))
    view.scrollTo(index)
    assert view.drag_mime_at(view.visualRect(index).center()) == (
        "session",
        session_id_on(document, D(2025, 11, 11)),
    )
    assert view.drag_mime_at(center(view, D(2025, 11, 12))) is None


def drag_args(data: QMimeData, actions: Qt.DropAction = Qt.DropAction.MoveAction) -> tuple:
    return (actions, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0))


def count_plans(view: CalendarView, monkeypatch) -> list[dt.date | None]:
    """The dates the model is asked to plan a drop on, from now on."""
    model, planned = view.model(), []
    plan_drop = model.plan_drop

    def counting(data: QMimeData | None, index: QModelIndex) -> DropPlan:
        planned.append(model.date_at(index))
        return plan_drop(data, index)

    monkeypatch.setattr(model, "plan_drop", counting)
    return planned


def test_each_hovered_cell_is_planned_once_and_the_drop_uses_that_plan(
    view: CalendarView, document, monkeypatch
) -> None:
    moved = session_id_on(document, D(2025, 11, 25))
    data = dnd.encode_session(moved)
    a, b = center(view, D(2025, 12, 9)), center(view, D(2025, 12, 10))
    planned = count_plans(view, monkeypatch)
    QApplication.sendEvent(view.viewport(), QDragEnterEvent(a, *drag_args(data)))
    for point in (a, b, a + QPoint(2, 2), b, a):
        move = QDragMoveEvent(point, *drag_args(data))
        QApplication.sendEvent(view.viewport(), move)
        assert move.isAccepted()
    assert planned == [D(2025, 12, 9), D(2025, 12, 10)]
    dropped = QDropEvent(QPointF(a), *drag_args(data))
    QApplication.sendEvent(view.viewport(), dropped)
    assert dropped.isAccepted()
    assert planned == [D(2025, 12, 9), D(2025, 12, 10)]  # the drop did not plan again
    assert session_on(view, D(2025, 12, 9)) == moved
    # The next drag (even with the same data) plans afresh: the document changed.
    data = dnd.encode_session(moved)
    send_drag(view, data, D(2025, 11, 25), drop=False)
    assert planned[2:] == [D(2025, 11, 25)]
    assert view.drop_target()[1].hint == "Move here"  # type: ignore[union-attr]


def test_a_change_during_a_drag_plans_the_cell_again(view: CalendarView, document) -> None:
    moved = session_id_on(document, D(2025, 11, 25))
    data = dnd.encode_session(moved)
    send_drag(view, data, D(2025, 12, 9), drop=False)
    assert view.drop_target()[1].hint == "Move here"  # type: ignore[union-attr]
    semester = document.doc.semesters[0].id
    added = AddSessionCommand(document, semester, D(2025, 12, 9))
    document.undo_stack.push(added)  # e.g. the file was reloaded meanwhile
    send_drag(view, data, D(2025, 12, 9))
    assert document.undo_stack.undoText() == "Swap sessions Nov 25 and Dec 9"
    assert session_on(view, D(2025, 12, 9)) == moved
    assert session_on(view, D(2025, 11, 25)) == added.session_id


def test_a_drag_near_the_bottom_edge_scrolls_and_the_hint_follows(
    qtbot, panel: SemesterCalendar, view: CalendarView, document
) -> None:
    panel.resize(700, 420)
    qtbot.waitUntil(lambda: view.viewport().height() < 400)
    bar = view.verticalScrollBar()
    bar.setValue(0)
    data = dnd.encode_session(session_id_on(document, D(2025, 9, 16)))
    middle = view.viewport().rect().center()
    bottom = QPoint(middle.x(), view.viewport().height() - 4)
    QApplication.sendEvent(view.viewport(), QDragEnterEvent(middle, *drag_args(data)))
    QApplication.sendEvent(view.viewport(), QDragMoveEvent(middle, *drag_args(data)))
    qtbot.wait(120)
    assert bar.value() == 0  # away from the edges: no scrolling
    QApplication.sendEvent(view.viewport(), QDragMoveEvent(bottom, *drag_args(data)))
    qtbot.waitUntil(lambda: bar.value() > 40)
    QApplication.sendEvent(view.viewport(), QDragMoveEvent(middle, *drag_args(data)))
    stopped = bar.value()
    target, _plan = view.drop_target()
    assert target is not None and view.indexAt(middle) == view.model().index(
        target.row(), target.column()
    )
    qtbot.wait(120)
    assert bar.value() == stopped  # back in the middle: scrolling stopped
    QApplication.sendEvent(view.viewport(), QDragMoveEvent(bottom, *drag_args(data)))
    qtbot.waitUntil(lambda: bar.value() > stopped + view.rowHeight(0))
    # The content moved under the (still) cursor: the hint is on the cell under it.
    under = view.indexAt(bottom)
    target, _plan = view.drop_target()
    assert target is not None and (target.row(), target.column()) == (under.row(), under.column())
    QApplication.sendEvent(view.viewport(), QDragLeaveEvent())
    left = bar.value()
    qtbot.wait(120)
    assert bar.value() == left and view.drop_target() == (None, None)
    assert document.undo_stack.count() == 0


class CountingFileHandler:
    """Files slides (in place of the slide-drop controller) and counts the questions."""

    def __init__(self) -> None:
        self.planned: list[str | None] = []
        self.dropped: list[str | None] = []

    def plan_files(self, paths: list[Path], session_id: str | None) -> DropPlan:
        self.planned.append(session_id)
        return DropPlan(True, "Attach slides", "slides", "Drop to attach the slides")

    def drop_files(self, paths: list[Path], session_id: str | None) -> bool:
        self.dropped.append(session_id)
        return True


def test_a_file_drag_is_planned_once_per_cell(view: CalendarView, document, tmp_path: Path) -> None:
    handler = CountingFileHandler()
    view.set_file_drop_handler(handler)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(tmp_path / "talk.pdf"))])
    args = drag_args(data, Qt.DropAction.CopyAction | Qt.DropAction.MoveAction)
    point = center(view, D(2025, 11, 11))
    events = [QDragEnterEvent(point, *args)]
    events += [QDragMoveEvent(point + QPoint(i, i), *args) for i in range(3)]
    events.append(QDropEvent(QPointF(point), *args))
    for event in events:
        QApplication.sendEvent(view.viewport(), event)
        assert event.isAccepted()
    falcon = session_id_on(document, D(2025, 11, 11))
    assert handler.planned == [falcon]
    assert handler.dropped == [falcon]
    assert events[-1].dropAction() == Qt.DropAction.CopyAction
    assert view.drop_target() == (None, None)


class FakeDrag:
    """Stands in for QDrag: exec() would block in a nested event loop."""

    made: ClassVar[list[FakeDrag]] = []

    def __init__(self, source: object) -> None:
        self.data: QMimeData | None = None
        self.pixmap: QPixmap | None = None
        FakeDrag.made.append(self)

    def setMimeData(self, data: QMimeData) -> None:
        self.data = data

    def setPixmap(self, pixmap: QPixmap) -> None:
        self.pixmap = pixmap

    def setHotSpot(self, point: QPoint) -> None:
        self.hot_spot = point

    def exec(self, *actions: object) -> Qt.DropAction:
        return Qt.DropAction.MoveAction


def test_start_drag_carries_the_pressed_topic_or_session(
    qtbot, view: CalendarView, document, monkeypatch
) -> None:
    monkeypatch.setattr(calendar_view, "QDrag", FakeDrag)
    FakeDrag.made.clear()
    index = view.index_of_date(D(2025, 11, 18))
    view.scrollTo(index)
    rect = view.visualRect(index)
    card = view.model().card(document.doc.find_session(session_id_on(document, D(2025, 11, 18)))[1])
    layout = view.delegate().layout(rect, card, view.font())
    for pos in (layout.topics[1].rect.center(), layout.date_rect.center()):
        qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        view.startDrag(Qt.DropAction.MoveAction)
        qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    topic_drag, session_drag = FakeDrag.made
    assert dnd.decode_topic(topic_drag.data) == card.topics[1].topic_id
    assert dnd.decode_session(topic_drag.data) is None
    assert dnd.decode_session(session_drag.data) == card.session_id
    card_size = session_drag.pixmap.deviceIndependentSize()
    assert card_size.width() == rect.width() and card_size.height() == rect.height()
    assert topic_drag.pixmap.deviceIndependentSize().height() < card_size.height()
    assert document.undo_stack.count() == 0  # starting a drag changes nothing


# -------------------------------------------------------------- mouse, keys
def test_double_click_free_date_adds_a_session_delete_removes_it(
    qtbot, view: CalendarView, document, selection
) -> None:
    requested: list[str] = []
    view.editRequested.connect(requested.append)
    pos = center(view, D(2025, 12, 9))
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    new = session_on(view, D(2025, 12, 9))
    assert new is not None
    assert document.undo_stack.undoText() == "Add session on Dec 9"
    assert selection.session_id == new
    assert requested == [new]
    assert view.currentIndex() == view.index_of_date(D(2025, 12, 9))

    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert document.undo_stack.undoText() == "Delete session Dec 9"
    assert selection.session_id is None
    assert document.doc.semester_for_date(D(2025, 12, 9)) is not None
    assert all(s.date != D(2025, 12, 9) for s in document.doc.semesters[0].sessions)
    document.undo_stack.undo()
    assert session_on(view, D(2025, 12, 9)) == new


def test_ctrl_down_and_up_move_the_session_by_a_week(
    qtbot, view: CalendarView, document, selection
) -> None:
    session = session_id_on(document, D(2025, 12, 2))
    selection.select_session(session)
    assert view.currentIndex() == view.index_of_date(D(2025, 12, 2))
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert session_on(view, D(2025, 12, 9)) == session
    assert document.undo_stack.undoText() == "Move session to Dec 9"
    assert selection.session_id == session
    assert view.currentIndex() == view.index_of_date(D(2025, 12, 9))  # follows the session
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    # Dec 9 -> Dec 2 (free again) -> Nov 25 (busy: the two swap)
    assert session_on(view, D(2025, 11, 25)) == session
    assert document.undo_stack.undoText() == "Swap sessions Dec 2 and Nov 25"
    assert document.undo_stack.count() == 3


def test_arrows_and_enter_follow_the_selection(
    qtbot, view: CalendarView, document, selection
) -> None:
    requested: list[str] = []
    view.editRequested.connect(requested.append)
    semester = selection.semester_id
    selection.select_session(session_id_on(document, D(2025, 11, 18)))
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex() == view.index_of_date(D(2025, 11, 25))
    assert selection.session_id == session_id_on(document, D(2025, 11, 25))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert requested == [session_id_on(document, D(2025, 11, 25))]
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert selection.session_id is None and selection.semester_id == semester
    assert document.undo_stack.count() == 0


def test_opens_on_todays_week(view: CalendarView, selection) -> None:
    assert selection.session_id is None
    assert view.currentIndex() == view.index_of_date(TODAY)
    assert view.viewport().rect().intersects(view.visualRect(view.currentIndex()))


def whole_weeks_with(view: CalendarView, date: dt.date) -> bool:
    """The top week is whole (not cut by the viewport's top) and ``date``'s cell whole."""
    top = view.rowAt(0)
    cell = view.visualRect(view.index_of_date(date))
    return view.verticalHeader().sectionPosition(
        top
    ) == view.verticalScrollBar().value() and view.viewport().rect().contains(cell)


def test_a_session_scrolled_into_view_shows_whole_weeks_until_scrolled_by_hand(
    qtbot, panel: SemesterCalendar, view: CalendarView, document, selection
) -> None:
    """Qt scrolls a table by pixels: a session brought into view at the bottom left the
    top week cut (as in every start on the archive, whose newest session is selected)."""
    rows = view.verticalHeader()
    for base in range(430, 460, 7):  # a height the weeks do not fill exactly
        panel.resize(700, base)
        qtbot.waitUntil(lambda h=base: panel.height() == h)
        if view.viewport().height() % rows.defaultSectionSize():
            break
    assert view.viewport().height() % rows.defaultSectionSize() != 0
    last = max(s.date for s in document.doc.semesters[0].sessions)
    selection.select_session(session_id_on(document, last))
    assert whole_weeks_with(view, last)
    qtbot.keyClick(view, Qt.Key.Key_Up)  # up and down again: the keyboard's scrolling too
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert whole_weeks_with(view, last)
    # A taller or narrower panel (other row heights): the session stays in view.
    for width, height in ((700, base + 40), (560, base + 40), (700, base)):
        panel.resize(width, height)
        qtbot.waitUntil(lambda w=width, h=height: panel.size().toTuple() == (w, h))
        assert whole_weeks_with(view, last), (width, height)
    # Scrolled by hand: a resize leaves the calendar where the organizer put it.
    bar = view.verticalScrollBar()
    bar.triggerAction(bar.SliderAction.SliderSingleStepSub)
    mine = bar.value()
    assert not whole_weeks_with(view, last)
    panel.resize(690, base)
    qtbot.waitUntil(lambda: panel.width() == 690)
    assert bar.value() == mine


def test_outside_selection_moves_the_current_cell(view: CalendarView, document, selection) -> None:
    selection.select_session(session_id_on(document, D(2025, 9, 16)))
    assert view.currentIndex() == view.index_of_date(D(2025, 9, 16))
    assert view.selectionModel().isSelected(view.currentIndex())
    rect = view.visualRect(view.currentIndex())
    assert view.viewport().rect().intersects(rect)  # scrolled into view


def test_click_on_a_card_selects_its_session_and_topic(
    qtbot, view: CalendarView, document, selection
) -> None:
    index = view.index_of_date(D(2025, 11, 4))
    view.scrollTo(index)
    card = index.data(CalendarRole.CardRole)
    layout = view.delegate().layout(view.visualRect(index), card, view.font())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=layout.topics[1].rect.center())
    assert selection.session_id == card.session_id
    assert selection.topic_id == card.topics[1].topic_id


# --------------------------------------------------------------- the panel
def test_semester_chooser_lists_newest_first_and_selects(
    panel: SemesterCalendar, document, selection
) -> None:
    chooser = panel.findChild(QComboBox, "semesterChooser")
    assert chooser is not None and chooser.accessibleName() == "Semester"
    assert [chooser.itemText(i) for i in range(chooser.count())] == ["2025 Fall"]
    spring = edits.plan_semester("2026 Spring", 2, D(2026, 2, 25), D(2026, 6, 12))
    document.undo_stack.push(AddSemesterCommand(document, spring))
    assert [chooser.itemText(i) for i in range(chooser.count())] == ["2026 Spring", "2025 Fall"]
    assert chooser.currentText() == "2025 Fall"
    chooser.activated.emit(0)
    assert selection.semester_id == spring.id
    assert panel.view.model().semester_id == spring.id
    assert panel.view.index_of_date(D(2026, 2, 25)).data(CalendarRole.SessionIdRole) is not None
    selection.select_semester(document.doc.semesters[1].id)
    assert chooser.currentText() == "2025 Fall"
    assert panel.view.model().semester_id == document.doc.semesters[1].id


def test_another_semester_shows_its_start_with_nothing_selected(
    qtbot, panel: SemesterCalendar, document, selection
) -> None:
    """Choosing another semester selects no session (the editor shows none): the
    calendar's current cell, where the keys move from, is its first meeting day (today's
    cell in the semester of today), not marked as selected even when a session is there
    (it was: a card drawn selected beside an editor showing no session).  With the
    keyboard focus, the current cell shows a dashed frame; an arrow key selects."""
    spring = edits.plan_semester("2026 Spring", 2, D(2026, 2, 25), D(2026, 6, 12))
    document.undo_stack.push(AddSemesterCommand(document, spring))
    fall = selection.semester_id
    view = panel.view
    selection.select_semester(spring.id)
    first = view.index_of_date(D(2026, 2, 25))
    assert first.data(CalendarRole.SessionIdRole) is not None
    assert selection.session_id is None
    assert view.currentIndex() == first and not view.selectionModel().selectedIndexes()

    def cell() -> QImage:
        view.viewport().repaint()
        return view.viewport().grab(view.visualRect(first)).toImage()

    unfocused = cell()
    panel.activateWindow()  # the focus is the active window's
    qtbot.waitUntil(panel.isActiveWindow)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    assert cell() != unfocused  # the focus frame
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert selection.session_id == view.index_of_date(D(2026, 3, 4)).data(
        CalendarRole.SessionIdRole
    )
    selection.select_semester(fall)  # the semester of today (TODAY)
    assert selection.session_id is None
    assert view.currentIndex() == view.index_of_date(TODAY)
    assert not view.selectionModel().selectedIndexes()


def test_panel_names_and_empty_project(qtbot, qapp) -> None:
    from seminar_gui.core.model import Document

    document = ProjectDocument(Document())
    panel = SemesterCalendar(document, Selection(document))
    qtbot.addWidget(panel)
    panel.show()
    assert panel.objectName() == "semesterCalendar" and panel.accessibleName()
    assert not panel.chooser.isEnabled()
    assert panel.empty_label.isVisible() and not panel.view.isVisible()
    document.reset(load_demo(), None)
    assert panel.chooser.isEnabled() and panel.view.isVisible()
    assert panel.view.model().rowCount() == 13


def test_a_month_start_in_a_narrow_column_keeps_its_day(qapp) -> None:
    """A narrow column showed "Nov" for November 1, without the 1."""
    from PySide6.QtGui import QFont, QFontMetrics

    from seminar_gui.qt.calendar.style import fitted_day_label

    metrics = QFontMetrics(QFont())
    wide = metrics.horizontalAdvance("Nov 1") + 2
    assert fitted_day_label(metrics, wide, "Nov 1", 1) == "Nov 1"
    assert fitted_day_label(metrics, wide - 4, "Nov 1", 1) == "1"
    assert fitted_day_label(metrics, metrics.horizontalAdvance("12") + 1, "12", 12) == "12"


def test_a_line_is_as_tall_as_the_scripts_on_show() -> None:
    """One character per block of Unicode beyond ASCII: what decides the fallback fonts
    a line needs (a Chinese name, an emoji), never the Latin-only text of the demo."""
    from seminar_gui.qt.calendar.style import BASE_SAMPLE, text_sample

    assert text_sample(["Raft", "Jiahao Li", "SOSP"]) == BASE_SAMPLE
    assert text_sample(["Müller", "Zoë"]) == BASE_SAMPLE + "ë"  # one block: Latin-1
    sample = text_sample(["张伟", "李娜", "Ana", "🚀 launch"])
    assert sample == BASE_SAMPLE + "伟娜张李🚀"  # blocks 4E, 5A, 5F, 67 and the emoji's


def test_rows_make_room_for_the_first_chinese_name(view: CalendarView, document) -> None:
    """A Chinese name comes from a fallback font taller than the Latin one: the rows
    grow when the semester on show gets its first one and shrink back on undo, so
    no name is cut (the font is loaded only for text that is there)."""
    from PySide6.QtGui import QFont, QFontMetrics

    from seminar_gui.qt.calendar.style import Fonts

    bold = QFont(view.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    if metrics.boundingRect("Ág张伟").height() <= metrics.height():
        pytest.skip("no CJK font here taller than the Latin one")
    latin_rows = view.verticalHeader().defaultSectionSize()
    semester = document.doc.semester(view.model().semester_id)
    topic = semester.sessions[0].topics[0]
    document.undo_stack.push(EditTopicCommand(document, topic.id, "title", "张伟的分布式事务"))
    rows = view.verticalHeader().defaultSectionSize()
    assert rows > latin_rows
    fonts = Fonts.for_font(view.font(), view.itemDelegate().samples)
    assert fonts.name_height() >= metrics.boundingRect("张").height()
    document.undo_stack.undo()
    assert view.verticalHeader().defaultSectionSize() == latin_rows


def test_chinese_presenters_are_measured_in_the_small_font_only(
    view: CalendarView, document
) -> None:
    """Names and the small lines are measured apart: Chinese presenters under English
    titles make the small lines (where they are painted) tall enough for them, and the
    bold name font is measured on the titles' own characters (no bold CJK font loaded
    for text that is not there)."""
    from PySide6.QtGui import QFontMetrics

    from seminar_gui.qt.calendar.style import BASE_SAMPLE, Fonts

    semester = document.doc.semester(view.model().semester_id)
    topic = semester.sessions[0].topics[0]
    presenters = [topic.presenters[0].model_copy(update={"name": "张伟"})]
    document.undo_stack.push(EditTopicCommand(document, topic.id, "presenters", presenters))
    samples = view.itemDelegate().samples
    assert "张" in samples.small and "张" not in samples.names
    assert samples.names.startswith(BASE_SAMPLE)
    assert not any("\u4e00" <= char <= "\u9fff" for char in samples.names)  # no Chinese
    fonts = Fonts.for_font(view.font(), samples)
    assert fonts.small_height() >= QFontMetrics(fonts.small).boundingRect("张伟").height()
    assert fonts.name_height() >= fonts.small_height()  # a one-line topic's presenters
    document.undo_stack.push(EditTopicCommand(document, topic.id, "title", "张伟的分布式事务"))
    assert any("\u4e00" <= char <= "\u9fff" for char in view.itemDelegate().samples.names)


@pytest.mark.parametrize("ratio", [1.0, 1.5, 2.0])
@pytest.mark.parametrize("antialiased", [False, True])
def test_fill_rect_paints_what_fillrect_paints(qapp, ratio: float, antialiased: bool) -> None:
    """The calendar fills its cells with delegate.fill_rect (no QGradient made at
    start): the same pixels as QPainter.fillRect, on any screen's pixel ratio."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPainter

    from seminar_gui.qt.calendar.delegate import fill_rect

    rects = [QRect(0, 0, 40, 30), QRect(3, 5, 17, 2), QRect(7, 1, 2, 29), QRect(10, 10, 0, 4)]
    colors = [QColor("#fff4e5"), QColor(20, 40, 60, 128), QColor("#d0d7de")]
    pictures = []
    for fill in (lambda p, r, c: p.fillRect(r, c), fill_rect):
        image = QImage(int(48 * ratio), int(40 * ratio), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialiased)
        painter.setPen(QColor("red"))  # what the painter holds before and after
        for rect in rects:
            for color in colors:
                fill(painter, rect, color)
        assert painter.pen().color() == QColor("red")
        painter.end()
        pictures.append(image)
    assert pictures[0] == pictures[1]


def test_a_new_font_or_new_samples_are_painted_at_once(view: CalendarView) -> None:
    """The delegate keeps the fonts of the cells it paints (asking each cell's font for
    its key costs more than painting it); a view given a larger font, or taller
    samples, paints the next cell with them."""
    from PySide6.QtGui import QFont

    from seminar_gui.qt.calendar.style import Fonts, Samples

    delegate = view.itemDelegate()
    font = QFont(view.font())
    assert delegate._fonts(font) is Fonts.for_font(font, delegate.samples)
    larger = QFont(font)
    larger.setPointSizeF(font.pointSizeF() * 2)
    assert delegate._fonts(larger).normal.pointSizeF() == larger.pointSizeF()
    delegate.samples = Samples(names="Ág张", small="Ág张")
    assert delegate._fonts(larger).samples == delegate.samples
    assert delegate._fonts(font).normal.pointSizeF() == font.pointSizeF()
