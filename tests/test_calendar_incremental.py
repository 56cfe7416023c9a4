"""The calendar updates only the cells an edit changes, and exactly as a fresh model would.

A property test applies random sequences of edits to the demo semester (the commands
the window pushes, undo, redo, slide files appearing and going) and, after each step,
compares every cell and header of the calendar that followed the edits with a calendar
built afresh on the same document; every cell whose content changed must have been
announced (``dataChanged``, ``headerDataChanged`` or a reset) and repainted by the view.
Widget tests check that typing repaints the edited card only, and hovering with a drag
the cells whose hint changes.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QRegion
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from qt_helpers import session_id_on

from seminar_gui.core.demo import load_demo
from seminar_gui.core.model import Semester, Session, Topic
from seminar_gui.qt.calendar.cells import CalendarRole
from seminar_gui.qt.calendar.model import CalendarModel
from seminar_gui.qt.calendar.view import CalendarView
from seminar_gui.qt.commands import (
    AddSessionCommand,
    AddTopicCommand,
    DocumentCommand,
    EditSemesterCommand,
    EditTopicCommand,
    MoveSessionCommand,
    MoveTopicCommand,
    RemoveSessionCommand,
    push_command,
)
from seminar_gui.qt.common import dnd
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.selection import Selection

D = dt.date
TODAY = D(2025, 11, 20)
#: Where "today" is in the property test: before the term (every empty week in term
#: offers a "+ plan" slot), in it (a Thursday), near its end.
TODAYS = [D(2025, 9, 1), D(2025, 10, 9), TODAY]
#: Every role the delegate, screen readers and the tests read.
ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    *CalendarRole,
]
HEADER_ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.FontRole,
]


@pytest.fixture(autouse=True)
def _undo_stacks_cleared(request: pytest.FixtureRequest) -> Iterator[None]:
    """The commands on a document's undo stack and the document refer to each other;
    left to the garbage collector, PySide may delete a command whose Python side is
    already gone (a crash when the tests end).  The stack is cleared after each test."""
    documents = [request.getfixturevalue("document")] if "document" in request.fixturenames else []
    yield
    for document in documents:
        document.undo_stack.clear()


# ------------------------------------------------------------- what is shown
@dataclass
class Shown:
    """Everything a calendar model shows: its cells and headers, by position."""

    rows: int
    columns: int
    cells: dict[tuple[int, int], tuple[object, ...]]
    headers: dict[tuple[Qt.Orientation, int], tuple[object, ...]]


def header_value(value: object) -> object:
    return ("bold", value.bold()) if hasattr(value, "bold") else value


def shown(model: CalendarModel) -> Shown:
    cells = {}
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            values = [model.data(index, role) for role in ROLES]
            cells[row, column] = (*values, model.flags(index))
    headers = {}
    for orientation, count in (
        (Qt.Orientation.Horizontal, model.columnCount()),
        (Qt.Orientation.Vertical, model.rowCount()),
    ):
        for section in range(count):
            headers[orientation, section] = tuple(
                header_value(model.headerData(section, orientation, role)) for role in HEADER_ROLES
            )
    return Shown(model.rowCount(), model.columnCount(), cells, headers)


@dataclass
class Announced:
    """What a model told its views since :meth:`clear`."""

    reset: bool = False
    ranges: list[tuple[int, int, int, int]] = field(default_factory=list)
    header_ranges: list[tuple[Qt.Orientation, int, int]] = field(default_factory=list)

    def listen(self, model: CalendarModel) -> None:
        model.modelReset.connect(lambda: setattr(self, "reset", True))
        model.dataChanged.connect(self._data_changed)
        model.headerDataChanged.connect(
            lambda orientation, first, last: self.header_ranges.append((orientation, first, last))
        )

    def _data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, *_: object) -> None:
        self.ranges.append(
            (top_left.row(), top_left.column(), bottom_right.row(), bottom_right.column())
        )

    def clear(self) -> None:
        self.reset, self.ranges, self.header_ranges = False, [], []

    def covers(self, row: int, column: int) -> bool:
        return any(t <= row <= b and le <= column <= r for t, le, b, r in self.ranges)

    def covers_header(self, orientation: Qt.Orientation, section: int) -> bool:
        return any(o == orientation and a <= section <= b for o, a, b in self.header_ranges)


class PaintRecorder(QObject):
    """The union of what a widget painted since :meth:`clear`."""

    def __init__(self) -> None:
        super().__init__()
        self.region = QRegion()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.region = self.region.united(event.region())  # type: ignore[attr-defined]
        return False

    def clear(self) -> None:
        self.region = QRegion()

    def painted(self, rect: QRect) -> bool:
        """Whether all of ``rect`` was painted."""
        return QRegion(rect).subtracted(self.region).isEmpty()


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


# --------------------------------------------------------------------- edits
SLIDES = ["", "./slides/here.pdf", "./slides/coming.pdf", "./slides/never.pdf"]
TITLES = ["", "Alpha: a study", "Beta", "Gamma: the long name of a system that goes on: yes"]
FIRST, LAST = D(2025, 9, 1), D(2026, 1, 12)  # dates tried: the term and a little beyond
TYPING = object()  # a merge token: these title edits merge like typing in one field


@dataclass
class World:
    document: ProjectDocument
    site: Path
    draw: Callable[[st.SearchStrategy], object]
    attached: int = 0

    @property
    def semester(self) -> Semester:
        return self.document.doc.semesters[0]

    def session(self) -> Session | None:
        sessions = sorted(self.semester.sessions, key=lambda s: s.date)
        return self.draw(st.sampled_from(sessions)) if sessions else None

    def topic(self) -> Topic | None:
        topics = [t for s in sorted(self.semester.sessions, key=lambda s: s.date) for t in s.topics]
        return self.draw(st.sampled_from(topics)) if topics else None

    def date(self) -> dt.date:
        return FIRST + dt.timedelta(days=self.draw(st.integers(0, (LAST - FIRST).days)))

    def push(self, build: Callable[[], DocumentCommand]) -> None:
        push_command(self.document, build)  # a refused edit (EditError) changes nothing


def move_session(w: World) -> None:
    if (session := w.session()) is not None:
        date = w.date()
        w.push(lambda: MoveSessionCommand(w.document, session.id, date))


def add_session(w: World) -> None:
    date = w.date()
    w.push(lambda: AddSessionCommand(w.document, w.semester.id, date))


def remove_session(w: World) -> None:
    if (session := w.session()) is not None:
        w.push(lambda: RemoveSessionCommand(w.document, session.id))


def edit_title(w: World) -> None:
    if (topic := w.topic()) is not None:
        title, typing = w.draw(st.sampled_from(TITLES)), w.draw(st.booleans())
        token = TYPING if typing else None
        w.push(lambda: EditTopicCommand(w.document, topic.id, "title", title, token))


def add_topic(w: World) -> None:
    if (session := w.session()) is not None:
        w.push(lambda: AddTopicCommand(w.document, session.id))


def move_topic(w: World) -> None:
    topic, session = w.topic(), w.session()
    if topic is not None and session is not None:
        w.push(lambda: MoveTopicCommand(w.document, topic.id, session.id))


def edit_slides(w: World) -> None:
    if (topic := w.topic()) is not None:
        link = w.draw(st.sampled_from(SLIDES))
        w.push(lambda: EditTopicCommand(w.document, topic.id, "slides", link))


def toggle_coming(w: World) -> None:
    coming = w.site / "slides" / "coming.pdf"
    if coming.exists():
        coming.unlink()
    else:
        coming.write_bytes(b"%PDF-1.4\n")


def files_change(w: World) -> None:
    """The slides file 'coming.pdf' appears or goes; the window looks again."""
    toggle_coming(w)
    w.document.recheck_files()


def attach_slides(w: World) -> None:
    """Like a drop of slides: a file appears (or goes, an undo) and a new link is set."""
    if (topic := w.topic()) is not None:
        toggle_coming(w)
        w.attached += 1
        link = f"./slides/new-{w.attached}.pdf"
        w.push(lambda: EditTopicCommand(w.document, topic.id, "slides", link))


def edit_term(w: World) -> None:
    changes = w.draw(
        st.sampled_from(
            [
                {"meeting_weekday": w.draw(st.sampled_from([None, 0, 1, 2, 4]))},
                {"first_date": w.draw(st.sampled_from([None, D(2025, 9, 1), D(2025, 9, 24)]))},
                {"last_date": w.draw(st.sampled_from([None, D(2025, 12, 5), D(2025, 12, 11)]))},
            ]
        )
    )
    w.push(lambda: EditSemesterCommand(w.document, w.semester.id, **changes))


def undo(w: World) -> None:
    w.document.undo_stack.undo()


def redo(w: World) -> None:
    w.document.undo_stack.redo()


STEPS = [
    move_session,
    add_session,
    remove_session,
    edit_title,
    add_topic,
    move_topic,
    edit_slides,
    files_change,
    attach_slides,
    edit_term,
    undo,
    redo,
]


# ------------------------------------------------------------------ property
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.data())
def test_every_edit_shows_what_a_fresh_calendar_shows_and_repaints_what_changed(
    qapp, data: st.DataObject
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        (site / "slides").mkdir()
        (site / "slides" / "here.pdf").write_bytes(b"%PDF-1.4\n")
        document = ProjectDocument(load_demo())
        document.set_saved(site / "fall.json")  # the site folder: slide links are checked
        today = data.draw(st.sampled_from(TODAYS), label="today")
        view = CalendarView(document, Selection(document), today=today)
        view.resize(760, 1000)
        view.show()
        QTest.qWaitForWindowExposed(view)
        model = view.model()
        announced, paints = Announced(), PaintRecorder()
        announced.listen(model)
        view.viewport().installEventFilter(paints)
        world = World(document, site, data.draw)
        try:
            for _ in range(data.draw(st.integers(1, 12), label="steps")):
                settle()
                before = shown(model)  # reads every cell: every card is made and kept
                announced.clear()
                paints.clear()
                step = data.draw(st.sampled_from(STEPS), label="step")
                step(world)
                after = shown(model)
                fresh = CalendarModel(document, world.semester.id, today=today)
                expected = shown(fresh)
                del fresh  # (no parent: gone with the last reference)
                assert after == expected, step.__name__
                settle()
                check_announced(view, before, after, announced, paints)
        finally:
            view.close()
            view.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            document.undo_stack.clear()  # (see _undo_stacks_cleared)


def check_announced(
    view: CalendarView, before: Shown, after: Shown, announced: Announced, paints: PaintRecorder
) -> None:
    model = view.model()
    if (before.rows, before.columns) != (after.rows, after.columns):
        assert announced.reset  # other weeks: the views start over
    if announced.reset:
        return
    area = view.viewport().rect()
    for (row, column), values in after.cells.items():
        if before.cells[row, column] == values:
            continue
        assert announced.covers(row, column), (row, column, before.cells[row, column], values)
        rect = view.visualRect(model.index(row, column)).intersected(area)
        if not rect.isEmpty():
            assert paints.painted(rect), (row, column)
    for key, values in after.headers.items():
        if before.headers[key] != values:
            assert announced.covers_header(*key), key


# ------------------------------------------------------------------- widgets
@pytest.fixture
def calendar(qtbot, document: ProjectDocument) -> CalendarView:
    view = CalendarView(document, Selection(document), today=TODAY)
    qtbot.addWidget(view)
    view.resize(760, 1000)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_typing_a_title_repaints_that_card_only(calendar: CalendarView, document) -> None:
    settle()
    paints = PaintRecorder()
    calendar.viewport().installEventFilter(paints)
    resets: list[bool] = []
    calendar.model().modelReset.connect(lambda: resets.append(True))
    nov18 = calendar.index_of_date(D(2025, 11, 18))
    topic = nov18.data(CalendarRole.CardRole).topics[1].topic_id
    kept = calendar.index_of_date(D(2025, 11, 25)).data(CalendarRole.CardRole)
    for title in ("P", "Pi", "Pine: a study"):
        document.undo_stack.push(EditTopicCommand(document, topic, "title", title, TYPING))
        settle()
    assert nov18.data() == "Tue Nov 18: HydraServe (arXiv); Pine (SOSP '25)"
    assert resets == []
    rect = calendar.visualRect(nov18)
    assert paints.painted(rect)
    others = QRegion(calendar.viewport().rect()).subtracted(QRegion(rect))
    assert paints.region.intersected(others).isEmpty()  # nothing else was painted
    # The other cards were not made again (documents share unchanged sessions).
    assert calendar.index_of_date(D(2025, 11, 25)).data(CalendarRole.CardRole) is kept
    document.undo_stack.undo()  # the typing was one step
    assert nov18.data() == "Tue Nov 18: HydraServe (arXiv); Pie (SOSP '25)"


def test_a_week_getting_a_session_loses_its_plan_slot(calendar: CalendarView, document) -> None:
    model = calendar.model()
    semester = document.doc.semesters[0].id
    document.undo_stack.push(EditSemesterCommand(document, semester, last_date=D(2025, 12, 14)))
    assert model.rowCount() == 13  # the same weeks (Sep 15 .. Dec 14)
    plan_slot = calendar.index_of_date(D(2025, 12, 9))
    assert plan_slot.data(CalendarRole.PlanSlotRole) is True
    announced = Announced()
    announced.listen(model)
    assert model.add_session(D(2025, 12, 10)) is not None  # a Wednesday of that week
    assert not announced.reset
    changed = {model.date_at(model.index(r, c)) for r, c, *_ in announced.ranges}
    assert changed == {D(2025, 12, 10), D(2025, 12, 9)}
    assert plan_slot.data(CalendarRole.PlanSlotRole) is False
    announced.clear()
    document.undo_stack.undo()
    changed = {model.date_at(model.index(r, c)) for r, c, *_ in announced.ranges}
    assert changed == {D(2025, 12, 10), D(2025, 12, 9)}
    assert plan_slot.data(CalendarRole.PlanSlotRole) is True


def test_slide_files_appearing_repaint_the_cards_that_link_them(
    qapp, tmp_path: Path, document
) -> None:
    (tmp_path / "slides").mkdir()
    document.set_saved(tmp_path / "fall.json")  # the site folder: links are checked
    model = CalendarModel(document, document.doc.semesters[0].id, today=TODAY)
    nov25 = model.index_of_date(D(2025, 11, 25))
    assert [t.missing_slides for t in nov25.data(CalendarRole.CardRole).topics] == [True, True]
    nov18 = model.index_of_date(D(2025, 11, 18)).data(CalendarRole.CardRole)
    announced = Announced()
    announced.listen(model)
    (tmp_path / "slides" / "251125_Spirit.pdf").write_bytes(b"%PDF-1.4\n")
    document.recheck_files()  # what the window does when it is activated again
    assert [t.missing_slides for t in nov25.data(CalendarRole.CardRole).topics] == [True, False]
    assert announced.ranges == [(nov25.row(), nov25.column()) * 2]
    assert model.index_of_date(D(2025, 11, 18)).data(CalendarRole.CardRole) is nov18


def test_a_new_slides_link_checks_the_other_links_again(qapp, tmp_path: Path, document) -> None:
    """A drop copies a file, then links it: other cards linking that file follow."""
    (tmp_path / "slides").mkdir()
    document.set_saved(tmp_path / "fall.json")
    model = CalendarModel(document, document.doc.semesters[0].id, today=TODAY)
    dec2 = model.index_of_date(D(2025, 12, 2))
    first = dec2.data(CalendarRole.CardRole).topics[0].topic_id
    document.undo_stack.push(EditTopicCommand(document, first, "slides", "./slides/talk.pdf"))
    assert dec2.data(CalendarRole.CardRole).topics[0].missing_slides
    announced = Announced()
    announced.listen(model)
    (tmp_path / "slides" / "talk.pdf").write_bytes(b"%PDF-1.4\n")
    nov11 = model.index_of_date(D(2025, 11, 11))
    falcon = nov11.data(CalendarRole.CardRole).topics[0].topic_id
    document.undo_stack.push(EditTopicCommand(document, falcon, "slides", "./slides/talk.pdf"))
    assert not dec2.data(CalendarRole.CardRole).topics[0].missing_slides
    assert not nov11.data(CalendarRole.CardRole).topics[0].missing_slides
    assert sorted(announced.ranges) == sorted(
        [(dec2.row(), dec2.column()) * 2, (nov11.row(), nov11.column()) * 2]
    )


def test_hovering_repaints_only_the_cells_whose_hint_changes(
    calendar: CalendarView, document
) -> None:
    data = dnd.encode_session(session_id_on(document, D(2025, 11, 25)))
    calendar.scrollTo(calendar.index_of_date(D(2025, 12, 9)))
    settle()
    a, b = (calendar.visualRect(calendar.index_of_date(D(2025, 12, d))) for d in (9, 10))
    paints = PaintRecorder()
    calendar.viewport().installEventFilter(paints)
    args = (Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0))

    def drag(event: QEvent) -> QRegion:
        paints.clear()
        QApplication.sendEvent(calendar.viewport(), event)
        settle()
        return paints.region

    assert drag(QDragEnterEvent(a.center(), *args)) == QRegion(a)  # "Move here" on Dec 9
    assert drag(QDragMoveEvent(a.center() + QPoint(3, 3), *args)).isEmpty()  # same cell
    assert drag(QDragMoveEvent(b.center(), *args)) == QRegion(a).united(QRegion(b))
    assert calendar.drop_target()[1].hint == "Move here"  # type: ignore[union-attr]
    assert drag(QDragLeaveEvent()) == QRegion(b)
    assert calendar.drop_target() == (None, None)
