"""The session editor with real widgets: typing, undo, marks, presenters, venue, slides."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, QPoint, Qt
from PySide6.QtGui import QFocusEvent, QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListView,
    QStyledItemDelegate,
    QTableView,
)
from qt_helpers import colours

from seminar_gui.core import edits
from seminar_gui.core.demo import load_demo
from seminar_gui.core.model import Document
from seminar_gui.qt.common.dnd import encode_topic
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.editor.session_editor import SessionEditor
from seminar_gui.qt.selection import Selection

NOV25 = dt.date(2025, 11, 25)
ROLL_TITLE = (
    "ROLL: An Efficient and User-Friendly Scaling Library for Reinforcement Learning "
    "with Large Language Models"
)


class Harness:
    def __init__(self, qtbot, doc: Document) -> None:
        self.document = ProjectDocument(doc)
        self.selection = Selection(self.document)
        self.editor = SessionEditor(self.document, self.selection)
        qtbot.addWidget(self.editor)
        self.editor.resize(460, 850)
        self.editor.show()
        self.stack = self.document.undo_stack

    def session(self, date: dt.date = NOV25):
        return next(s for s in self.document.doc.semesters[0].sessions if s.date == date)

    def select(self, date: dt.date = NOV25, index: int = 0) -> str:
        session = self.session(date)
        self.selection.select_session(session.id, session.topics[index].id)
        return session.topics[index].id

    def topic(self, topic_id: str):
        return self.document.doc.find_topic(topic_id)[2]

    def edit(self, name: str) -> QLineEdit:
        widget = self.editor.findChild(QLineEdit, name)
        assert widget is not None, name
        return widget

    def label(self, name: str) -> QLabel:
        widget = self.editor.findChild(QLabel, name)
        assert widget is not None, name
        return widget

    def button(self, name: str) -> QAbstractButton:
        widget = self.editor.findChild(QAbstractButton, name)
        assert widget is not None, name
        return widget

    def topic_titles(self, date: dt.date = NOV25) -> list[str]:
        return [t.short_name for t in self.session(date).topics]


@pytest.fixture
def ui(qtbot) -> Harness:
    return Harness(qtbot, load_demo())


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_End)
    qtbot.keyClicks(edit, text)


def clear(qtbot, edit: QLineEdit) -> None:
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)


def test_empty_state_then_the_selected_session(ui: Harness) -> None:
    assert ui.editor.objectName() == "sessionEditor"
    assert ui.editor.accessibleName() == "Session editor"
    ui.selection.select_session(None)
    empty = ui.label("editorEmpty")
    assert empty.isVisible()
    assert "Select a session in the calendar" in empty.text()
    ui.select()
    assert not empty.isVisible()
    assert ui.edit("titleEdit").text() == ROLL_TITLE
    assert ui.editor.findChild(QDateEdit, "dateEdit").date() == QDate(2025, 11, 25)
    topics = ui.editor.findChild(QListView, "topicList")
    labels = [topics.model().index(r).data() for r in range(topics.model().rowCount())]
    assert labels == ["Topic I — ROLL", "Topic II — Spirit"]


def test_typing_in_one_field_is_one_undo_step(ui: Harness, qtbot) -> None:
    topic_id = ui.select()
    title = ui.edit("titleEdit")
    assert title.text().startswith("ROLL: An Efficient")
    before = ui.stack.count()
    type_into(qtbot, title, " v2")
    assert ui.topic(topic_id).paper.title == ROLL_TITLE + " v2"
    assert ui.stack.count() == before + 1
    assert title.text() == ROLL_TITLE + " v2"
    ui.stack.undo()
    assert ui.topic(topic_id).paper.title == ROLL_TITLE
    assert title.text() == ROLL_TITLE
    ui.stack.redo()
    assert title.text() == ROLL_TITLE + " v2"


def test_refresh_never_clobbers_the_field_being_typed_in(ui: Harness, qtbot) -> None:
    topic_id = ui.select()
    title = ui.edit("titleEdit")
    title.setFocus()
    title.setCursorPosition(4)  # after "ROLL"
    qtbot.keyClicks(title, "-X")
    assert ui.topic(topic_id).paper.title.startswith("ROLL-X: An Efficient")
    assert title.cursorPosition() == 6  # the cursor stayed where the organizer types
    # A trailing space is not in the document (it is stripped) but stays in the field,
    # even when another view changes the document meanwhile.
    qtbot.keyClick(title, Qt.Key.Key_End)
    qtbot.keyClicks(title, " ")
    model = ui.editor.findChild(QTableView, "presentersTable").model()
    model.setData(model.index(0, 1), "Alibaba")
    assert ui.topic(topic_id).presenters[0].affiliation == "Alibaba"
    assert title.text().endswith("Models ")


def test_typing_in_two_fields_gives_two_steps(ui: Harness, qtbot) -> None:
    topic_id = ui.select()
    type_into(qtbot, ui.edit("titleEdit"), " v2")
    type_into(qtbot, ui.edit("urlEdit"), "/tree/main")
    assert ui.stack.count() == 2
    assert ui.topic(topic_id).paper.url == "https://github.com/alibaba/ROLL/tree/main"
    ui.stack.undo()
    assert ui.edit("urlEdit").text() == "https://github.com/alibaba/ROLL"
    assert ui.edit("titleEdit").text() == ROLL_TITLE + " v2"
    # Coming back to a field after leaving it starts a new step.
    type_into(qtbot, ui.edit("noteEdit"), "Rehearsal")
    # Focus visits another field (sent directly: offscreen focus is unreliable).
    QApplication.sendEvent(
        ui.edit("titleEdit"), QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.TabFocusReason)
    )
    type_into(qtbot, ui.edit("noteEdit"), "!")
    assert ui.topic(topic_id).note == "Rehearsal!"
    assert ui.stack.index() == 3


def test_a_url_with_a_space_is_marked_and_not_pushed(ui: Harness, qtbot) -> None:
    topic_id = ui.select()
    url = ui.edit("urlEdit")
    type_into(qtbot, url, " x")
    assert ui.stack.count() == 0
    assert ui.topic(topic_id).paper.url == "https://github.com/alibaba/ROLL"
    assert url.text() == "https://github.com/alibaba/ROLL x"  # the typed text stays
    assert url.property("validity") == "error"
    message = ui.label("urlMessage")
    assert message.isVisible() and "must not contain spaces" in message.text()
    assert "must not contain spaces" in url.toolTip()
    # Another edit elsewhere does not wipe the refused text.
    type_into(qtbot, ui.edit("noteEdit"), "Hi")
    assert url.text() == "https://github.com/alibaba/ROLL x"
    # Fixing it clears the mark.
    qtbot.keyClick(url, Qt.Key.Key_Backspace)
    qtbot.keyClick(url, Qt.Key.Key_Backspace)
    assert url.property("validity") == ""
    assert not message.isVisible()


def test_non_web_links_get_a_warning_but_are_kept(ui: Harness, qtbot) -> None:
    topic_id = ui.select()
    video = ui.edit("videoEdit")
    clear(qtbot, video)
    qtbot.keyClicks(video, "bilibili.com/x")
    assert ui.topic(topic_id).video == "bilibili.com/x"
    assert video.property("validity") == "warning"
    assert ui.label("videoMessage").text() == "Links should start with https://"
    slides = ui.edit("slidesEdit")  # slides may be relative: no warning
    type_into(qtbot, slides, "x")
    assert not slides.property("validity")  # no warning (never set: normal)


def test_presenters_add_type_flag_and_reorder(ui: Harness, qtbot) -> None:
    topic_id = ui.select()
    table = ui.editor.findChild(QTableView, "presentersTable")
    model = table.model()
    ui.button("addPresenter").click()
    assert model.rowCount() == 2
    editor = table.indexWidget(model.index(1, 0)) or table.viewport().findChild(QLineEdit)
    assert isinstance(editor, QLineEdit)
    commit = QInputMethodEvent()  # CJK text arrives through the input method
    commit.setCommitString("张伟")
    QApplication.sendEvent(editor, commit)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits (queued)
    qtbot.waitUntil(lambda: len(ui.topic(topic_id).presenters) == 2, timeout=10_000)
    assert [p.name for p in ui.topic(topic_id).presenters] == ["Wei Gao", "张伟"]
    assert ui.stack.count() == 1
    # An empty name is flagged on the row and under the table; nothing is pushed.
    assert isinstance(table.itemDelegate(), QStyledItemDelegate)
    model.setData(model.index(0, 0), "")
    assert ui.stack.count() == 1
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    message = ui.label("presentersMessage")
    assert message.isVisible() and "presenter name is empty" in message.text().lower()
    assert table.property("validity") == "error"
    model.setData(model.index(0, 0), "Wei Gao")
    assert not message.isVisible()
    # Moving the second presenter up makes them the lead.
    table.setCurrentIndex(model.index(1, 0))
    ui.button("presenterUp").click()
    assert [p.name for p in ui.topic(topic_id).presenters] == ["张伟", "Wei Gao"]
    assert ui.topic(topic_id).lead.name == "张伟"
    assert "Lead" in model.headerData(0, Qt.Orientation.Vertical)
    assert model.index(0, 0).data() == "张伟"
    ui.button("removePresenter").click()  # the current row (张伟, now first)
    assert [p.name for p in ui.topic(topic_id).presenters] == ["Wei Gao"]


def test_venue_suggestion_is_offered_never_forced(qtbot) -> None:
    doc = load_demo()
    dinfer = doc.semesters[0].sessions[0].topics[0]
    assert dinfer.paper.url.startswith("https://arxiv.org/")
    doc = edits.update_topic(doc, dinfer.id, paper={"venue": ""})
    ui = Harness(qtbot, doc)
    ui.select(dt.date(2025, 12, 2), 0)
    venue, use = ui.edit("venueEdit"), ui.button("useVenueSuggestion")
    assert venue.text() == ""
    assert venue.placeholderText() == "arXiv"
    assert use.isVisible() and use.text() == "Use “arXiv”"
    use.click()
    assert ui.topic(dinfer.id).paper.venue == "arXiv"
    assert venue.text() == "arXiv"
    assert not use.isVisible()
    ui.stack.undo()
    assert venue.text() == "" and use.isVisible()
    # A tag the organizer types is kept, even when the URL suggests another.
    qtbot.keyClicks(venue, "MLSys '26")
    assert not use.isVisible()
    assert ui.topic(dinfer.id).paper.venue == "MLSys '26"
    url = ui.edit("urlEdit")
    clear(qtbot, url)
    qtbot.keyClicks(url, "https://www.usenix.org/system/files/osdi25-ren.pdf")
    assert ui.topic(dinfer.id).paper.venue == "MLSys '26"
    assert venue.text() == "MLSys '26"
    assert "OSDI '25" in ui.label("venueMessage").text()  # a hint, not a change


def test_slides_status(ui: Harness, tmp_path: Path) -> None:
    ui.select()  # ROLL: ./slides/251125_ROLL.pdf
    status = ui.label("slidesStatus")
    assert ui.document.path is None  # not saved yet: no site folder to look in
    assert status.text() == "not checked: save the project first"
    ui.document.set_saved(tmp_path / "fall.json")  # the site: the project's folder
    assert status.text().startswith("missing")
    assert status.property("validity") == "warning"
    (tmp_path / "slides").mkdir()
    (tmp_path / "slides" / "251125_ROLL.pdf").write_bytes(b"%PDF")
    ui.document.recheck_files()  # what the window does when it is activated again
    assert "found" in status.text() and "missing" not in status.text()


def test_add_remove_and_reorder_topics(ui: Harness) -> None:
    ui.select()
    topics = ui.editor.findChild(QListView, "topicList")
    ui.button("addTopic").click()
    assert len(ui.session().topics) == 3
    new_id = ui.session().topics[2].id
    assert ui.selection.topic_id == new_id
    assert topics.currentIndex().row() == 2
    assert ui.edit("titleEdit").text() == ""
    ui.stack.undo()
    assert ui.topic_titles() == ["ROLL", "Spirit"]
    assert ui.selection.topic_id == ui.session().topics[0].id
    # Remove the second topic, then undo.
    ui.select(index=1)
    assert ui.edit("titleEdit").text().startswith("Spirit:")
    ui.button("removeTopic").click()
    assert ui.topic_titles() == ["ROLL"]
    assert ui.edit("titleEdit").text() == ROLL_TITLE
    ui.stack.undo()
    assert ui.topic_titles() == ["ROLL", "Spirit"]
    # Buttons: Spirit up; then ROLL (now second) up again.
    ui.select(index=1)
    assert not ui.button("topicDown").isEnabled()
    ui.button("topicUp").click()
    assert ui.topic_titles() == ["Spirit", "ROLL"]
    assert topics.currentIndex().row() == 0
    assert topics.model().index(0).data() == "Topic I — Spirit"
    ui.button("topicDown").click()
    assert ui.topic_titles() == ["ROLL", "Spirit"]
    ui.stack.undo()
    ui.stack.undo()
    assert ui.topic_titles() == ["ROLL", "Spirit"]
    # The two moves are undone; the undone add and remove were dropped by later pushes.
    assert (ui.stack.index(), ui.stack.count()) == (0, 2)


def test_drag_reorder_pushes_a_move(ui: Harness) -> None:
    ui.select()
    model = ui.editor.findChild(QListView, "topicList").model()
    spirit = ui.session().topics[1].id
    # What the list view does on an internal drop: moveRow before row 0.
    assert model.moveRow(model.index(0).parent(), 1, model.index(0).parent(), 0)
    assert ui.topic_titles() == ["Spirit", "ROLL"]
    ui.stack.undo()
    # A drop of MIME data (e.g. from the calendar) at the end.
    data = encode_topic(spirit)
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index(0).parent())
    assert ui.topic_titles() == ["Spirit", "ROLL"]
    assert (ui.stack.index(), ui.stack.count()) == (1, 1)
    # A topic of another session dropped here moves to this session.
    other = ui.session(dt.date(2025, 11, 18)).topics[0].id
    model.dropMimeData(encode_topic(other), Qt.DropAction.MoveAction, -1, -1, model.index(1))
    assert [t.id for t in ui.session().topics][1] == other


def test_date_moves_the_session_or_is_marked(ui: Harness) -> None:
    ui.select()
    sid = ui.session().id
    date = ui.editor.findChild(QDateEdit, "dateEdit")
    date.setDate(QDate(2025, 12, 9))
    date.editingFinished.emit()
    assert ui.document.doc.find_session(sid)[1].date == dt.date(2025, 12, 9)
    assert "December 9" in ui.label("sessionTitle").text()
    ui.stack.undo()
    assert date.date() == QDate(2025, 11, 25)
    date.setDate(QDate(2026, 8, 4))  # outside 2025 Fall
    date.editingFinished.emit()
    assert ui.document.doc.find_session(sid)[1].date == NOV25
    assert ui.stack.index() == 0
    message = ui.label("dateMessage")
    assert message.isVisible() and "outside semester 2025 Fall" in message.text()
    assert date.property("validity") == "error"
    assert date.date() == QDate(2026, 8, 4)  # kept as chosen
    assert "#c62828" in colours(date.grab().toImage())  # the field has its red border
    date.setDate(QDate(2025, 12, 9))
    date.editingFinished.emit()
    assert not message.isVisible() and "#c62828" not in colours(date.grab().toImage())


def test_a_day_picked_in_the_date_popup_moves_the_session(ui: Harness, qtbot) -> None:
    # The organizer opens the date's calendar popup with the mouse and picks the Tuesday
    # two weeks later with the keyboard (Down, Down, Return): one move, one undo step.
    ui.select()
    sid = ui.session().id
    date = ui.editor.findChild(QDateEdit, "dateEdit")
    arrow = QPoint(date.width() - 6, date.height() // 2)
    qtbot.mouseClick(date, Qt.MouseButton.LeftButton, pos=arrow)
    calendar = date.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.selectedDate() == QDate(2025, 11, 25)
    days = calendar.findChild(QTableView)
    qtbot.keyClick(days, Qt.Key.Key_Down)
    qtbot.keyClick(days, Qt.Key.Key_Down)
    qtbot.keyClick(days, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert ui.document.doc.find_session(sid)[1].date == dt.date(2025, 12, 9)
    assert "December 9" in ui.label("sessionTitle").text()
    assert ui.stack.count() == 1
    ui.stack.undo()
    assert ui.document.doc.find_session(sid)[1].date == NOV25


def test_keyboard_order_and_names(ui: Harness) -> None:
    ui.select()
    chain = ["dateEdit", "topicList", "noteEdit", "titleEdit", "urlEdit", "venueEdit"]
    chain += ["presentersTable", "slidesEdit", "videoEdit"]
    found = []
    widget = ui.editor.findChild(QDateEdit, "dateEdit")
    for _ in range(300):
        if widget.objectName() in chain and widget.objectName() not in found:
            found.append(widget.objectName())
        widget = widget.nextInFocusChain()
    assert found == chain
    for name in ("addTopic", "removeTopic", "topicUp", "topicDown", "addPresenter"):
        button = ui.button(name)
        assert button.toolTip() and button.accessibleName()
