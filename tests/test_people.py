"""Presenter rotation: the People table (core, model, panel), the highlight in the
calendar, and ``seminar-gui people``."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from PySide6.QtCore import Qt
from qt_helpers import session_id_on

from seminar_gui.cli import main
from seminar_gui.core import edits
from seminar_gui.core.demo import demo_text, load_demo
from seminar_gui.core.model import Document, Presenter, Semester, Session, Topic
from seminar_gui.core.people import people, people_csv, sessions_of
from seminar_gui.qt.commands import DocumentCommand
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.people.model import (
    AFFILIATION,
    LAST_DATE,
    LEAD,
    NAME,
    SESSIONS,
    PeopleModel,
    SortRole,
)

DISPLAY = Qt.ItemDataRole.DisplayRole


def _by_name(rows):
    return {p.name: p for p in rows}


# ------------------------------------------------------------------------ core
def test_demo_counts() -> None:
    rows = _by_name(people(load_demo()))
    li = rows["Jiahao Li"]  # leads the SOSP rehearsal (Sep 29), supports FalconFS (Nov 11)
    assert (li.sessions, li.lead, li.supporting) == (2, 1, 1)
    assert li.last_date == dt.date(2025, 11, 11)
    assert (rows["Haiquan Wang"].lead, rows["Tonghuan Xiao"].supporting) == (1, 1)
    assert rows["Wei Gao"].affiliation == "Alibaba ROLL"
    assert len(rows) == 22


def test_one_person_whatever_the_spelling_across_semesters() -> None:
    def session(date: dt.date, *names: str) -> Session:
        return Session(date=date, topics=[Topic(presenters=[Presenter(name=n) for n in names])])

    doc = Document(
        semesters=[
            Semester(title="2025 Spring", sessions=[session(dt.date(2025, 3, 4), "Chi Zhang")]),
            Semester(
                title="2025 Fall",
                sessions=[
                    session(dt.date(2025, 11, 11), "chi  zhang", "Ann Lee"),
                    session(dt.date(2025, 11, 18), "Ann Lee", "Chi Zhang"),
                ],
            ),
        ]
    )
    rows = _by_name(people(doc))
    assert set(rows) == {"Chi Zhang", "Ann Lee"}  # spelled as in the latest session
    chi = rows["Chi Zhang"]
    assert (chi.sessions, chi.lead, chi.supporting) == (3, 2, 1)
    fall = doc.semesters[0]
    assert _by_name(people(doc, fall.id))["Chi Zhang"].sessions == 2
    assert len(sessions_of(fall, "CHI ZHANG")) == 2


def test_csv_has_the_columns_and_a_row_per_person() -> None:
    text = people_csv(people(load_demo()))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["name", "affiliation", "sessions", "lead", "supporting", "last date"]
    assert ["Jiahao Li", "", "2", "1", "1", "2025-11-11"] in rows
    assert ["Wei Gao", "Alibaba ROLL", "1", "1", "0", "2025-11-25"] in rows
    assert len(rows) == 23


def test_cli_people_writes_the_csv(tmp_path, capsys) -> None:
    project = tmp_path / "demo.json"
    project.write_text(demo_text(), encoding="utf-8")
    out = tmp_path / "people.csv"
    assert main(["people", str(project), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == people_csv(people(load_demo()))
    assert main(["people", str(project), "--semester", "fall 2025"]) == 0
    assert "Jiahao Li,,2,1,1,2025-11-11" in capsys.readouterr().out
    assert main(["people", str(project), "--semester", "2024 Spring"]) == 2
    assert "no semester 2024 Spring" in capsys.readouterr().err


# ---------------------------------------------------------- the model, no window
@pytest.fixture
def model(qapp):
    document = ProjectDocument(load_demo())
    model = PeopleModel(document)
    model.set_scope(None)
    yield model, document
    document.undo_stack.clear()


def test_model_rows_and_sort_values(model) -> None:
    model, _ = model
    assert model.rowCount() == 22 and model.columnCount() == 6
    assert model.rowCount(model.index(0, 0)) == 0  # a table, not a tree
    row = model.row_of("jiahao li")
    assert model.data(model.index(row, NAME), DISPLAY) == "Jiahao Li"
    assert model.data(model.index(row, SESSIONS), DISPLAY) == 2
    assert model.data(model.index(row, LAST_DATE), DISPLAY) == "Nov 11, 2025"
    assert model.data(model.index(row, LAST_DATE), SortRole) == dt.date(2025, 11, 11).toordinal()
    assert model.headerData(LEAD, Qt.Orientation.Horizontal, DISPLAY) == "Lead"
    assert model.row_of("Nobody") == -1


def test_model_follows_an_edit(model) -> None:
    model, document = model
    doc = document.doc
    semester = doc.semesters[0]
    session = next(s for s in semester.sessions if s.date == dt.date(2025, 12, 2))
    topic = session.topics[1]
    after = edits.update_topic(
        doc, topic.id, presenters=[Presenter(name="Jiahao Li"), *topic.presenters]
    )
    document.undo_stack.push(DocumentCommand(document, after, "add"))
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.refresh()
    row = model.row_of("Jiahao Li")
    assert model.data(model.index(row, SESSIONS), DISPLAY) == 3
    assert model.data(model.index(row, LEAD), DISPLAY) == 2
    model.refresh()  # nothing changed since: no reset
    assert resets == [1]


# ------------------------------------------------------------- in the window
def _show_people(window, qtbot):
    window.people_dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: window.people_dock.widget() is not None)
    panel = window.people_dock.widget()
    qtbot.waitUntil(panel.isVisible)
    return panel


def test_people_dock_is_built_on_first_show(window, qtbot) -> None:
    assert window.people_dock.widget() is None  # nothing made at start-up
    assert window.people_dock.toggleViewAction() in window.menu_actions()
    panel = _show_people(window, qtbot)
    assert panel.objectName() == "peoplePanel"
    assert panel.table.model().rowCount() == 22
    assert panel.summary.text() == "22 people"


def test_the_name_column_is_as_wide_as_the_names(window, qtbot) -> None:
    """Names are short: in a wide dock the room left goes to the affiliations."""
    panel = _show_people(window, qtbot)
    panel.resize(1400, 200)
    qtbot.wait(10)
    header, table = panel.table.horizontalHeader(), panel.table
    widest = max(
        table.fontMetrics().horizontalAdvance(str(table.model().index(row, NAME).data()))
        for row in range(table.model().rowCount())
    )
    assert widest <= header.sectionSize(NAME) <= widest + 40
    assert header.sectionSize(AFFILIATION) > header.sectionSize(NAME)


def test_table_sorts_by_clicked_column(window, qtbot) -> None:
    panel = _show_people(window, qtbot)
    proxy = panel.table.model()
    panel.table.sortByColumn(SESSIONS, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, NAME).data() == "Jiahao Li"  # the only one with 2 sessions
    panel.table.sortByColumn(LAST_DATE, Qt.SortOrder.AscendingOrder)
    first = proxy.index(0, LAST_DATE).data()
    assert first == "Sep 16, 2025"  # who has waited longest comes first


def test_choosing_a_person_marks_their_sessions(window, qtbot) -> None:
    panel = _show_people(window, qtbot)
    document, delegate = window.document, window.calendar.view.delegate()
    panel.select_person("Jiahao Li")
    assert window.selection.highlighted_person == "Jiahao Li"
    expected = {
        session_id_on(document, dt.date(2025, 11, 11)),
        session_id_on(document, dt.date(2025, 9, 29)),
    }
    assert delegate.highlighted_sessions == expected
    # Clicking another row moves the marks.
    row = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of("Wei Gao"), 0)).row()
    panel.table.scrollTo(panel.proxy.index(row, NAME))
    rect = panel.table.visualRect(panel.proxy.index(row, NAME))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert delegate.highlighted_sessions == {session_id_on(document, dt.date(2025, 11, 25))}
    # Closing the panel takes the marks away.
    window.people_dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: not panel.isVisible())
    assert window.selection.highlighted_person is None
    assert delegate.highlighted_sessions == frozenset()


def test_the_mark_is_painted(window, qtbot) -> None:
    panel = _show_people(window, qtbot)
    view = window.calendar.view
    index = view.index_of_date(dt.date(2025, 11, 11))
    view.scrollTo(index)
    rect = view.visualRect(index)
    bar = (4, rect.height() // 2)  # the mark's bar at the card's left edge
    before = view.viewport().grab(rect).toImage().pixelColor(*bar)
    panel.select_person("Jiahao Li")
    after = view.viewport().grab(rect).toImage().pixelColor(*bar)
    assert before != after
    assert after.red() > after.green() + 40 and after.blue() > after.green() + 40  # violet


def test_highlight_follows_the_scope_and_a_removed_person(window, qtbot) -> None:
    panel = _show_people(window, qtbot)
    panel.scope.setCurrentIndex(1)  # all semesters
    assert panel.model.scope is None
    panel.select_person("Yuxin Ma")
    sid = session_id_on(window.document, dt.date(2025, 12, 2))
    assert window.calendar.view.delegate().highlighted_sessions == {sid}
    after = edits.remove_session(window.document.doc, sid)
    window.document.undo_stack.push(DocumentCommand(window.document, after, "remove"))
    qtbot.waitUntil(lambda: panel.model.row_of("Yuxin Ma") == -1)  # after the debounce
    assert window.selection.highlighted_person is None
    assert not panel.table.currentIndex().isValid()
