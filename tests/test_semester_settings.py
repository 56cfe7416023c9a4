"""The semester plan in the window: slots, holidays and breaks in the calendar, the
Semester Settings dialog, Fill Open Slots and New Semester starting from a semester."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from qt_helpers import session_id_on

from seminar_gui.core import edits
from seminar_gui.core.model import Break
from seminar_gui.qt.calendar.cells import CalendarRole
from seminar_gui.qt.calendar.model import CalendarModel
from seminar_gui.qt.calendar.view import CalendarView
from seminar_gui.qt.commands import DocumentCommand, MoveSessionCommand
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.main_window import MainWindow
from seminar_gui.qt.selection import Selection
from seminar_gui.qt.semesters.new_semester_dialog import NewSemesterDialog
from seminar_gui.qt.semesters.settings_dialog import SemesterSettingsDialog, fill_open_slots

D = dt.date
TODAY = D(2025, 11, 20)


@pytest.fixture
def calendar(qtbot, document: ProjectDocument) -> CalendarView:
    view = CalendarView(document, Selection(document), today=TODAY)
    qtbot.addWidget(view)
    view.resize(760, 1000)
    view.show()
    qtbot.waitExposed(view)
    return view


def role(view: CalendarView, day: dt.date, which: int) -> object:
    return view.index_of_date(day).data(which)


def test_the_demo_calendar_shades_national_day_and_shows_the_open_tuesdays(
    calendar: CalendarView,
) -> None:
    for day in range(1, 9):  # Oct 1-8, weekend included, shaded with its name
        name = role(calendar, D(2025, 10, day), CalendarRole.DayOffRole)
        assert name is not None and "National Day" in name, day
    assert role(calendar, D(2025, 9, 30), CalendarRole.DayOffRole) is None
    assert role(calendar, D(2025, 10, 9), CalendarRole.DayOffRole) is None
    tooltip = role(calendar, D(2025, 10, 7), Qt.ItemDataRole.ToolTipRole)
    assert "National Day" in tooltip and "public holiday" in tooltip
    spoken = role(calendar, D(2025, 10, 7), Qt.ItemDataRole.AccessibleTextRole)
    assert "National Day" in spoken
    # The open Tuesdays between Sep 16 and Oct 21 (in the past: "open", not "+ plan").
    tuesdays = [D(2025, 9, 16) + dt.timedelta(weeks=w) for w in range(6)]
    opened = [d for d in tuesdays if role(calendar, d, CalendarRole.OpenSlotRole)]
    assert opened == [D(2025, 9, 23), D(2025, 10, 14)]
    assert "open meeting slot" in role(calendar, D(2025, 9, 23), Qt.ItemDataRole.AccessibleTextRole)
    assert not role(calendar, D(2025, 9, 23), CalendarRole.PlanSlotRole)  # past
    # A session's day is not open; the holiday is not open either.
    assert not role(calendar, D(2025, 9, 16), CalendarRole.OpenSlotRole)
    assert not role(calendar, D(2025, 10, 7), CalendarRole.OpenSlotRole)


def test_the_calendar_paints_the_holiday_and_the_open_slot(calendar: CalendarView) -> None:
    calendar.scrollTo(calendar.index_of_date(D(2025, 9, 23)))
    image = calendar.viewport().grab().toImage()
    base = calendar.palette().base().color()

    def colour(day: dt.date) -> tuple[int, int, int]:
        rect = calendar.visualRect(calendar.index_of_date(day))
        pixel = image.pixelColor(rect.right() - 4, rect.bottom() - 4)
        return pixel.red(), pixel.green(), pixel.blue()

    # Thursday Oct 2 (National Day) is tinted; Thursday Sep 25 is the plain base.
    assert colour(D(2025, 9, 25)) == (base.red(), base.green(), base.blue())
    assert colour(D(2025, 10, 2)) != colour(D(2025, 9, 25))


def test_breaks_and_the_holiday_country_repaint_like_a_fresh_calendar(
    calendar: CalendarView, document: ProjectDocument
) -> None:
    model = calendar.model()
    semester_id = document.doc.semesters[0].id
    sosp = Break(name="SOSP week", first=D(2025, 10, 13), last=D(2025, 10, 17))
    after = edits.update_semester(document.doc, semester_id, breaks=[sosp])
    document.undo_stack.push(DocumentCommand(document, after, "breaks"))
    assert role(calendar, D(2025, 10, 14), CalendarRole.DayOffRole) == "SOSP week"
    assert not role(calendar, D(2025, 10, 14), CalendarRole.OpenSlotRole)
    no_holidays = edits.revalidated(document.doc, holiday_country="")
    document.undo_stack.push(DocumentCommand(document, no_holidays, "country"))
    assert role(calendar, D(2025, 10, 7), CalendarRole.DayOffRole) is None
    assert role(calendar, D(2025, 10, 7), CalendarRole.OpenSlotRole)  # an open Tuesday now
    for _ in range(2):
        fresh = CalendarModel(document, semester_id, today=TODAY)
        for row in range(model.rowCount()):
            for column in range(7):
                a, b = model.index(row, column), fresh.index(row, column)
                for r in (CalendarRole.DayOffRole, CalendarRole.OpenSlotRole):
                    assert a.data(r) == b.data(r)
        document.undo_stack.undo()
    assert role(calendar, D(2025, 10, 7), CalendarRole.DayOffRole) is not None


def test_semester_settings_dialog_is_one_undo_step(window: MainWindow) -> None:
    semester_id = window.document.doc.semesters[0].id
    dialog = SemesterSettingsDialog(window.document, semester_id, window)
    assert dialog.objectName() == "semesterSettingsDialog"
    dialog.weekday.setCurrentIndex(dialog.weekday.findData(1))
    dialog.time.setText("19:00-21:00")
    dialog.place.setText("Room 3-412")
    dialog.link.setText("https://meeting.example.org/42")
    dialog.first_set.setChecked(True)
    dialog.first.setDate(QDate(2025, 9, 15))
    dialog.last_set.setChecked(True)
    dialog.last.setDate(QDate(2025, 12, 31))
    row = dialog.add_break("SOSP week", D(2025, 10, 13), D(2025, 10, 17))
    assert row == 0
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    semester = window.document.doc.semesters[0]
    assert semester.meeting_weekday == 1 and semester.meeting_time == "19:00-21:00"
    assert semester.place == "Room 3-412" and semester.online_link.endswith("/42")
    assert (semester.first_date, semester.last_date) == (D(2025, 9, 15), D(2025, 12, 31))
    assert [b.name for b in semester.breaks] == ["SOSP week"]
    view = window.calendar.view
    assert role(view, D(2025, 10, 14), CalendarRole.DayOffRole) == "SOSP week"
    assert window.act_undo.text() == "&Undo Edit semester settings"
    window.act_undo.trigger()  # all of it, in one step
    semester = window.document.doc.semesters[0]
    assert semester.place == "" and semester.breaks == [] and semester.first_date is None
    assert role(view, D(2025, 10, 14), CalendarRole.DayOffRole) is None


def test_semester_settings_refuses_a_bad_time_and_stays_open(window: MainWindow) -> None:
    before = window.document.doc
    dialog = SemesterSettingsDialog(window.document, before.semesters[0].id, window)
    dialog.time.setText("7pm")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "7pm" in dialog.problem.text()
    assert window.document.doc is before and not window.document.undo_stack.canUndo()


def test_the_menu_and_the_calendar_button_open_semester_settings(
    window: MainWindow, monkeypatch
) -> None:
    from seminar_gui.qt.semesters import settings_dialog

    opened: list[str] = []
    monkeypatch.setattr(
        settings_dialog, "edit_semester_settings", lambda doc, sid, parent: opened.append(sid)
    )
    window.act_semester_settings.trigger()
    window.calendar.settings_button.click()
    assert opened == [window.selection.semester_id] * 2
    assert window.act_semester_settings in window.menu_actions()
    assert window.act_fill_slots in window.menu_actions()


def test_fill_open_slots_is_one_undo_step(window: MainWindow) -> None:
    document = window.document
    semester_id = document.doc.semesters[0].id
    before = {s.date for s in document.doc.semesters[0].sessions}
    assert fill_open_slots(document, semester_id, today=D(2025, 9, 1)) == 2
    after = {s.date for s in document.doc.semesters[0].sessions}
    assert after - before == {D(2025, 9, 23), D(2025, 10, 14)}
    view = window.calendar.view
    assert role(view, D(2025, 9, 23), CalendarRole.SessionIdRole) is not None
    assert "2 sessions" in window.statusBar().currentMessage()
    assert window.act_undo.text() == "&Undo Fill open slots"
    window.act_undo.trigger()
    assert {s.date for s in document.doc.semesters[0].sessions} == before
    assert role(view, D(2025, 9, 23), CalendarRole.OpenSlotRole)
    # Nothing open from today on (the demo is over): a message, nothing pushed.
    count = document.undo_stack.count()
    window.act_fill_slots.trigger()
    assert document.undo_stack.count() == count
    assert "no open meeting slots" in window.statusBar().currentMessage()


def test_new_semester_starts_from_the_newest_with_its_sections_not_its_sessions(
    window: MainWindow,
) -> None:
    fall = window.document.doc.semesters[0]
    dialog = NewSemesterDialog(
        [s.title for s in window.document.doc.semesters],
        window,
        previous=window.document.doc.semesters,
        holiday_country="CN",
    )
    assert dialog.start_from.currentText() == "2025 Fall"  # the newest, by default
    assert dialog.title == "2026 Spring"
    assert dialog.first.date() == QDate(2026, 2, 24) and dialog.last.date() == QDate(2026, 6, 20)
    assert dialog.weekday.currentIndex() == 1  # the demo meets on Tuesdays
    dialog._accept()
    spring = dialog.semester
    assert spring is not None and spring.title == "2026 Spring"
    assert [s.heading for s in spring.sections] == ["Specific Requirements", "Other Information"]
    assert spring.sections == fall.sections
    fall_ids = {s.id for s in fall.sessions}
    assert spring.sessions and not fall_ids & {s.id for s in spring.sessions}
    assert all(not t.paper.title for s in spring.sessions for t in s.topics)  # new, empty
    # Labour Day week: Tuesday May 5 2026 is a public holiday in CN: no session.
    assert D(2026, 5, 5) not in {s.date for s in spring.sessions}
    assert D(2026, 2, 24) in {s.date for s in spring.sessions}
    # "Nothing": an empty semester, as before.
    empty = NewSemesterDialog([], window, previous=window.document.doc.semesters)
    empty.start_from.setCurrentIndex(0)
    empty.year.setValue(2027)
    empty._accept()
    assert empty.semester is not None and empty.semester.sections == []


def test_new_semester_action_offers_the_project_semesters(window: MainWindow, monkeypatch) -> None:
    """The window's New Semester passes the project's semesters to start from."""
    from seminar_gui.qt.semesters import new_semester_dialog

    seen: list[list[str]] = []

    class Fake(NewSemesterDialog):
        def exec(self) -> int:
            seen.append([self.start_from.itemText(i) for i in range(self.start_from.count())])
            return 0

    monkeypatch.setattr(new_semester_dialog, "NewSemesterDialog", Fake)
    window.files.is_demo = False
    window.act_new_semester.trigger()
    assert seen and seen[0][1:] == ["2025 Fall"]


def test_a_session_on_a_holiday_shows_in_problems(window: MainWindow, qtbot) -> None:
    document = window.document
    sid = session_id_on(document, D(2025, 10, 21))
    document.undo_stack.push(MoveSessionCommand(document, sid, D(2025, 10, 7)))
    window.problems.refresh()
    texts = [window.problems.item(i).text() for i in range(window.problems.count())]
    assert any("National Day" in t for t in texts), texts


def test_the_date_editors_show_whole_dates_with_their_weekday(window: MainWindow) -> None:
    """As the session editor shows its date ("Wed 1 Oct 2025", not "2025-10-01"), and a
    break's dates are not cut by their column."""
    dialog = SemesterSettingsDialog(window.document, window.document.doc.semesters[0].id, window)
    row = dialog.add_break("National Day", dt.date(2025, 10, 1), dt.date(2025, 10, 8))
    dialog.show()
    first, last = (dialog.breaks.cellWidget(row, column) for column in (1, 2))
    assert first.text() == "Wed 1 Oct 2025" and last.text() == "Wed 8 Oct 2025"
    for edit in (first, last):
        assert edit.width() >= edit.sizeHint().width()
    assert dialog.first.displayFormat() == first.displayFormat()
    new = NewSemesterDialog([], window)
    assert new.first.displayFormat() == first.displayFormat()
    assert window.editor.date_edit.displayFormat() == first.displayFormat()
    dialog.reject()
    new.reject()
