"""CalendarModel without any window: weeks, cells, cards, roles and drops."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from qt_helpers import session_id_on

from seminar_gui.core import edits
from seminar_gui.core.demo import load_demo
from seminar_gui.core.model import Document, Semester
from seminar_gui.qt.calendar.cells import CalendarRole, display_range
from seminar_gui.qt.calendar.model import CalendarModel
from seminar_gui.qt.commands import AddSemesterCommand
from seminar_gui.qt.common import dnd
from seminar_gui.qt.document import ProjectDocument

D = dt.date
TODAY = D(2025, 11, 20)


@pytest.fixture
def model(document: ProjectDocument) -> CalendarModel:
    return CalendarModel(document, document.doc.semesters[0].id, today=TODAY)


def cell(model: CalendarModel, date: dt.date, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    index = model.index_of_date(date)
    assert index.isValid(), date
    return model.data(index, role)


def session_mime(model: CalendarModel, date: dt.date) -> QMimeData:
    data = model.mimeData([model.index_of_date(date)])
    assert data is not None
    return data


# ---------------------------------------------------------------- the grid
def test_weeks_cover_the_sessions_plus_one_week_to_plan(model: CalendarModel) -> None:
    # Demo: Sep 16 .. Dec 2, 2025 -> weeks of Sep 15 .. Dec 8 (one empty week after).
    assert model.rowCount() == 12 + 1
    assert model.columnCount() == 7
    assert model.data(model.index(0, 0), CalendarRole.DateRole) == D(2025, 9, 15)
    assert model.data(model.index(12, 6), CalendarRole.DateRole) == D(2025, 12, 14)
    assert model.data(model.index(10, 1), CalendarRole.DateRole) == D(2025, 11, 25)
    assert model.index_of_date(D(2025, 12, 15)) == QModelIndex()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Mon"
    assert model.headerData(6, Qt.Orientation.Horizontal) == "Sun"
    assert model.headerData(0, Qt.Orientation.Vertical) == "Sep 15"
    assert model.headerData(11, Qt.Orientation.Vertical) == "Dec 1"


def test_cells_show_sessions_on_their_dates(model: CalendarModel, document) -> None:
    assert cell(model, D(2025, 11, 18)) == "Tue Nov 18: HydraServe (arXiv); Pie (SOSP '25)"
    assert cell(model, D(2025, 11, 19)) == "Wed Nov 19"
    assert cell(model, D(2025, 9, 29), CalendarRole.SessionIdRole) == session_id_on(
        document, D(2025, 9, 29)
    )
    assert cell(model, D(2025, 9, 30), CalendarRole.SessionIdRole) is None
    tip = cell(model, D(2025, 11, 25), Qt.ItemDataRole.ToolTipRole)
    assert "Spirit: " in tip and "Yicheng Zhang" in tip and "[SOSP '25]" in tip


def test_card_contents(model: CalendarModel, document) -> None:
    card = cell(model, D(2025, 11, 18), CalendarRole.CardRole)
    assert card.date == D(2025, 11, 18)
    assert card.session_id == session_id_on(document, D(2025, 11, 18))
    assert [(t.short_name, t.venue, t.presenters) for t in card.topics] == [
        ("HydraServe", "arXiv", "Jiyang Wang"),
        ("Pie", "SOSP '25", "Shen Fu, Zewen Jin"),
    ]
    assert not any(t.missing_slides for t in card.topics)
    mantle = cell(model, D(2025, 9, 29), CalendarRole.CardRole)
    assert mantle.note == "SOSP Rehearsal"
    assert cell(model, D(2025, 9, 30), CalendarRole.CardRole) is None


def test_meeting_day_today_month_start_and_plan_slot(model: CalendarModel) -> None:
    assert model.meeting_day() == 1  # Tuesday: most sessions
    assert cell(model, D(2025, 10, 7), CalendarRole.IsMeetingDayRole) is True
    assert cell(model, D(2025, 9, 29), CalendarRole.IsMeetingDayRole) is False
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.FontRole).bold()
    assert cell(model, TODAY, CalendarRole.IsTodayRole) is True
    assert cell(model, D(2025, 11, 21), CalendarRole.IsTodayRole) is False
    assert cell(model, D(2025, 12, 1), CalendarRole.MonthStartRole) is True
    assert cell(model, D(2025, 12, 2), CalendarRole.MonthStartRole) is False
    # Empty weeks from today on offer a plan slot on the meeting day; past ones don't.
    assert cell(model, D(2025, 12, 9), CalendarRole.PlanSlotRole) is True
    assert cell(model, D(2025, 12, 10), CalendarRole.PlanSlotRole) is False
    assert cell(model, D(2025, 10, 14), CalendarRole.PlanSlotRole) is False
    assert cell(model, D(2025, 12, 2), CalendarRole.PlanSlotRole) is False


def test_injected_today_can_change(model: CalendarModel) -> None:
    changed: list[object] = []
    model.dataChanged.connect(lambda *args: changed.append(args))
    model.set_today(D(2025, 11, 25))
    assert changed
    assert cell(model, D(2025, 11, 25), CalendarRole.IsTodayRole) is True
    assert cell(model, TODAY, CalendarRole.IsTodayRole) is False
    model.set_today(None)  # the real date: not in 2025
    assert model.today() == dt.date.today()


def test_term_dates_bound_the_weeks_and_the_drops(document: ProjectDocument) -> None:
    spring = edits.plan_semester("2026 Spring", 2, D(2026, 2, 25), D(2026, 6, 12), sessions=False)
    document.undo_stack.push(AddSemesterCommand(document, spring))
    model = CalendarModel(document, spring.id, today=TODAY)
    assert model.data(model.index(0, 0), CalendarRole.DateRole) == D(2026, 2, 23)
    assert model.rowCount() == 16  # Feb 23 .. Jun 14
    assert cell(model, D(2026, 2, 24), CalendarRole.InTermRole) is False
    assert cell(model, D(2026, 2, 25), CalendarRole.InTermRole) is True
    assert cell(model, D(2026, 3, 4), CalendarRole.IsMeetingDayRole) is True  # Wednesday
    assert not model.flags(model.index_of_date(D(2026, 2, 24))) & Qt.ItemFlag.ItemIsDropEnabled
    messages: list[str] = []
    document.message.connect(messages.append)
    assert model.add_session(D(2026, 2, 24)) is None
    assert messages == ["Feb 24 is outside the term (Feb 25 – Jun 12)"]
    assert document.undo_stack.undoText() == "New semester 2026 Spring"
    new_id = model.add_session(D(2026, 3, 4))
    assert cell(model, D(2026, 3, 4), CalendarRole.SessionIdRole) == new_id
    assert document.undo_stack.undoText() == "Add session on Mar 4"


def test_new_empty_semester_shows_fifteen_weeks() -> None:
    monday, weeks = display_range(Semester(title="2026 Fall"))
    assert monday == D(2026, 8, 31)  # the week of Sep 1
    assert weeks == 15


def test_flags_and_mime(model: CalendarModel, document) -> None:
    busy = model.flags(model.index_of_date(D(2025, 11, 25)))
    free = model.flags(model.index_of_date(D(2025, 11, 26)))
    assert busy & Qt.ItemFlag.ItemIsDragEnabled and busy & Qt.ItemFlag.ItemIsDropEnabled
    assert not free & Qt.ItemFlag.ItemIsDragEnabled and free & Qt.ItemFlag.ItemIsSelectable
    assert model.mimeTypes() == [dnd.SESSION_MIME, dnd.TOPIC_MIME]
    data = session_mime(model, D(2025, 11, 25))
    assert dnd.decode_session(data) == session_id_on(document, D(2025, 11, 25))
    assert model.mimeData([model.index_of_date(D(2025, 11, 26))]) is None


# ------------------------------------------------------------------- drops
def drop(model: CalendarModel, data: QMimeData, date: dt.date) -> bool:
    return model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index_of_date(date))


def test_drop_session_on_free_date_moves_it(model: CalendarModel, document) -> None:
    moved = session_id_on(document, D(2025, 11, 25))
    data = session_mime(model, D(2025, 11, 25))
    target = model.index_of_date(D(2025, 12, 9))
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    assert model.plan_drop(data, target).hint == "Move here"
    assert drop(model, data, D(2025, 12, 9))
    assert cell(model, D(2025, 12, 9), CalendarRole.SessionIdRole) == moved
    assert cell(model, D(2025, 11, 25), CalendarRole.SessionIdRole) is None
    assert model.rowCount() == 14  # one more empty week after Dec 9
    assert document.undo_stack.undoText() == "Move session to Dec 9"
    document.undo_stack.undo()
    assert cell(model, D(2025, 11, 25), CalendarRole.SessionIdRole) == moved
    assert model.rowCount() == 13


def test_drop_session_on_busy_date_swaps(model: CalendarModel, document) -> None:
    a, b = session_id_on(document, D(2025, 11, 25)), session_id_on(document, D(2025, 11, 18))
    messages: list[str] = []
    document.message.connect(messages.append)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    data = session_mime(model, D(2025, 11, 25))
    assert model.plan_drop(data, model.index_of_date(D(2025, 11, 18))).hint == "Swap with Nov 18"
    assert drop(model, data, D(2025, 11, 18))
    assert cell(model, D(2025, 11, 18), CalendarRole.SessionIdRole) == a
    assert cell(model, D(2025, 11, 25), CalendarRole.SessionIdRole) == b
    assert messages == ["Swapped the sessions of Nov 25 and Nov 18"]
    assert document.undo_stack.undoText() == "Swap sessions Nov 25 and Nov 18"
    assert resets == []  # same weeks: dataChanged only, the view keeps its place


def test_refused_drops(model: CalendarModel, document) -> None:
    data = session_mime(model, D(2025, 11, 25))
    own = model.index_of_date(D(2025, 11, 25))
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, own)
    assert not drop(model, data, D(2025, 11, 25))
    foreign = dnd.encode_session("s-not-in-this-project")
    assert not drop(model, foreign, D(2025, 12, 9))
    assert not drop(model, QMimeData(), D(2025, 12, 9))
    assert document.undo_stack.count() == 0


def test_drop_topic_on_another_session_moves_it(model: CalendarModel, document) -> None:
    _, pie = next(
        (s, t)
        for s in document.doc.semesters[0].sessions
        for t in s.topics
        if t.short_name == "Pie"
    )
    data = dnd.encode_topic(pie.id)
    assert not drop(model, data, D(2025, 11, 18))  # its own session
    assert model.plan_drop(data, model.index_of_date(D(2025, 12, 2))).hint == "Move topic here"
    assert drop(model, data, D(2025, 12, 2))
    names = [t.short_name for t in cell(model, D(2025, 12, 2), CalendarRole.CardRole).topics]
    assert names == ["dInfer", "", "Pie"]
    assert cell(model, D(2025, 11, 18)) == "Tue Nov 18: HydraServe (arXiv)"
    assert document.undo_stack.undoText() == "Move topic “Pie” to Dec 2"
    document.undo_stack.undo()
    assert cell(model, D(2025, 11, 18)) == "Tue Nov 18: HydraServe (arXiv); Pie (SOSP '25)"


def test_drop_topic_on_free_date_makes_a_session_in_one_step(
    model: CalendarModel, document
) -> None:
    spirit = next(
        t for s in document.doc.semesters[0].sessions for t in s.topics if t.short_name == "Spirit"
    )
    assert drop(model, dnd.encode_topic(spirit.id), D(2025, 12, 9))
    card = cell(model, D(2025, 12, 9), CalendarRole.CardRole)
    assert [t.topic_id for t in card.topics] == [spirit.id]  # no extra empty topic
    assert cell(model, D(2025, 11, 25)) == "Tue Nov 25: ROLL"
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Move topic “Spirit” to Dec 9"
    document.undo_stack.undo()
    assert cell(model, D(2025, 12, 9), CalendarRole.SessionIdRole) is None
    assert cell(model, D(2025, 11, 25)) == "Tue Nov 25: ROLL; Spirit (SOSP '25)"


def test_actions_push_undoable_commands(model: CalendarModel, document) -> None:
    session = session_id_on(document, D(2025, 12, 2))
    assert model.move_session(session, D(2025, 12, 9))
    assert document.undo_stack.undoText() == "Move session to Dec 9"
    assert model.remove_session(session)
    assert document.undo_stack.undoText() == "Delete session Dec 9"
    assert model.session_on(D(2025, 12, 9)) is None
    assert model.rowCount() == 12  # last session Nov 25 + one week to plan
    document.undo_stack.undo()
    assert cell(model, D(2025, 12, 9), CalendarRole.SessionIdRole) == session


def test_follows_document_replacement_and_removed_semester(model: CalendarModel, document) -> None:
    document.reset(load_demo(), None)  # same ids (they are in the file): still shown
    assert model.semester_id == document.doc.semesters[0].id
    assert model.rowCount() == 13
    document.reset(Document(), None)  # New project: the semester is gone
    assert model.semester_id is None
    assert model.rowCount() == 0 and model.columnCount() == 0


def test_today_follows_the_clock_past_midnight(qapp, monkeypatch) -> None:
    """Each painted cell asks the model for today's date, which reads the clock at most
    once a second: a window left open overnight marks the new day within a second."""
    from seminar_gui.qt.calendar import model as model_module

    dates = iter([dt.date(2025, 11, 17), dt.date(2025, 11, 18)])
    reads: list[dt.date] = []

    def read() -> dt.date:
        reads.append(next(dates))
        return reads[-1]

    clock = [1000.0]
    monkeypatch.setattr(model_module, "read_date", read)
    monkeypatch.setattr(model_module.time, "monotonic", lambda: clock[0])
    model = CalendarModel(ProjectDocument(load_demo()))
    assert [model.today() for _ in range(50)] == [dt.date(2025, 11, 17)] * 50
    assert len(reads) == 1  # one read for 50 cells
    clock[0] += 0.9
    assert model.today() == dt.date(2025, 11, 17)
    clock[0] += 0.2  # a second later: the clock is read again
    assert model.today() == dt.date(2025, 11, 18)
    assert len(reads) == 2
