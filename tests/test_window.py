"""The whole window: calendar, editor and preview agree; undo reaches all three."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtWidgets import QApplication, QDateEdit, QLineEdit, QWidget
from qt_helpers import session_id_on
from test_calendar_view import drag_and_drop

from seminar_gui.core.dates import format_heading_date
from seminar_gui.qt.calendar.cells import CalendarRole
from seminar_gui.qt.calendar.view import CalendarView
from seminar_gui.qt.common import dnd
from seminar_gui.qt.main_window import MainWindow
from seminar_gui.qt.preview.view import PreviewView

D = dt.date


def calendar(win: MainWindow) -> CalendarView:
    view = win.findChild(CalendarView, "calendar")
    assert view is not None
    return view


def preview_text(win: MainWindow) -> str:
    win.preview.render_now()
    return win.preview.toPlainText()


def editor_date(win: MainWindow) -> dt.date:
    edit = win.findChild(QDateEdit, "dateEdit")
    assert edit is not None and edit.isVisible()
    return edit.date().toPython()


def test_main_widgets_have_names(window: MainWindow) -> None:
    for name in ("calendar", "sessionEditor", "preview", "semesterChooser", "mainSplitter"):
        widget = window.findChild(object, name)
        assert widget is not None, name
        assert widget.accessibleName(), name


def test_drag_session_moves_it_in_calendar_editor_and_preview(window: MainWindow) -> None:
    view = calendar(window)
    moved = session_id_on(window.document, D(2025, 11, 25))
    window.selection.select_session(moved)
    assert editor_date(window) == D(2025, 11, 25)
    data = view.model().mimeData([view.index_of_date(D(2025, 11, 25))])
    assert data.hasFormat(dnd.SESSION_MIME)
    drag_and_drop(view, data, D(2025, 12, 9))

    def shows(date: dt.date, gone: dt.date) -> None:
        assert view.index_of_date(date).data(CalendarRole.SessionIdRole) == moved
        assert view.index_of_date(gone).data(CalendarRole.SessionIdRole) is None
        assert editor_date(window) == date
        text = preview_text(window)
        assert f"{format_heading_date(date)}\n" in text + "\n"
        assert f"{format_heading_date(gone)}\n" not in text + "\n"

    shows(D(2025, 12, 9), D(2025, 11, 25))
    assert window.act_undo.text() == "&Undo Move session to Dec 9"
    window.act_undo.trigger()
    shows(D(2025, 11, 25), D(2025, 12, 9))
    window.act_redo.trigger()
    shows(D(2025, 12, 9), D(2025, 11, 25))


def test_edit_title_updates_preview_and_one_undo_restores_all_views(
    window: MainWindow, qtbot
) -> None:
    sid = session_id_on(window.document, D(2025, 11, 4))
    window.selection.select_session(sid)
    title = window.findChild(QLineEdit, "titleEdit")
    assert title is not None
    old = title.text()
    assert old.startswith("Enabling Efficient GPU Communication")
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "FuseLink: GPU Communication over NICs")
    count = window.document.undo_stack.count()
    assert count == 1  # the whole typing is one undo step
    assert "FuseLink: GPU Communication over NICs" in preview_text(window)
    card = calendar(window).index_of_date(D(2025, 11, 4)).data(CalendarRole.CardRole)
    assert card.topics[0].short_name == "FuseLink"

    window.act_undo.trigger()
    assert title.text() == old
    assert "FuseLink: GPU Communication over NICs" not in preview_text(window)
    assert old in preview_text(window).replace("\n", " ")
    card = calendar(window).index_of_date(D(2025, 11, 4)).data(CalendarRole.CardRole)
    assert card.topics[0].short_name.startswith("Enabling Efficient")
    assert not window.isWindowModified()


def test_title_shows_modified_marker(window: MainWindow, qtbot) -> None:
    window.selection.select_session(session_id_on(window.document, D(2025, 11, 11)))
    note = window.findChild(QLineEdit, "noteEdit")
    note.setFocus()
    qtbot.keyClicks(note, "Online")
    assert window.isWindowModified()
    assert window.windowTitle() == "Demo semester[*] — seminar-gui"


# ------------------------------------------------------------------- the preview


def test_selecting_a_session_scrolls_the_preview(window: MainWindow) -> None:
    bar = window.preview.verticalScrollBar()
    window.selection.select_session(session_id_on(window.document, D(2025, 9, 16)))
    far = bar.value()
    window.selection.select_session(session_id_on(window.document, D(2025, 12, 2)))
    near = bar.value()
    assert far > near > 0


def test_clicking_a_session_heading_selects_it(window: MainWindow, qtbot) -> None:
    preview = window.preview
    preview.render_now()
    target = session_id_on(window.document, D(2025, 11, 18))
    block = preview.document().begin()
    while block.isValid() and PreviewView.session_at_block(block) != target:
        block = block.next()
    assert block.isValid()
    preview.setTextCursor(QTextCursor(block))
    preview.ensureCursorVisible()
    pos = preview.cursorRect(QTextCursor(block)).center()
    pos.setX(pos.x() + 20)
    qtbot.mouseClick(preview.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.selection.session_id == target
    assert editor_date(window) == D(2025, 11, 18)


def test_typing_keeps_the_preview_scroll_position(window: MainWindow, qtbot) -> None:
    preview = window.preview
    preview.render_now()
    bar = preview.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    kept = bar.value()
    window.selection.select_session(session_id_on(window.document, D(2025, 11, 18)))
    bar.setValue(kept)
    note = window.findChild(QLineEdit, "noteEdit")
    note.setFocus()
    qtbot.keyClicks(note, "x")
    qtbot.waitUntil(
        lambda: "✨ x" in preview.toPlainText() or "x\n" in preview.toPlainText(), timeout=15_000
    )
    assert bar.value() == kept


def test_links_are_not_followed_inside_the_preview(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    messages: list[str] = []
    window.document.message.connect(messages.append)
    (tmp_path / "slides").mkdir()
    (tmp_path / "slides" / "251125_ROLL.pdf").write_bytes(b"%PDF-1.4\n")
    window.document.set_saved(tmp_path / "p.json")  # the site: the project's folder
    source_before = window.preview.source()
    for link in (
        "https://www.bilibili.com/video/BV1uxUzBUED4?t=9.2",
        "./slides/251125_ROLL.pdf",
        "./slides/missing.pdf",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "../outside.pdf",
    ):
        window.preview.anchorClicked.emit(QUrl(link))
    assert opened == [
        "https://www.bilibili.com/video/BV1uxUzBUED4?t=9.2",
        QUrl.fromLocalFile(str((tmp_path / "slides" / "251125_ROLL.pdf").resolve())).toString(),
    ]
    assert any("missing.pdf" in m for m in messages)
    assert window.preview.source() == source_before  # nothing navigated


def test_new_semester_dialog_adds_a_planned_semester(window: MainWindow, qtbot) -> None:
    from seminar_gui.qt.semesters.new_semester_dialog import NewSemesterDialog

    dialog = NewSemesterDialog([s.title for s in window.document.doc.semesters], window)
    dialog.year.setValue(2026)
    dialog.season.setCurrentIndex(dialog.season.findData("Spring"))
    dialog.weekday.setCurrentIndex(1)
    dialog.first.setDate(QDate(2026, 2, 23))
    dialog.last.setDate(QDate(2026, 6, 12))
    dialog._accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    window.asker.new_semester = lambda _previous, _country: dialog.semester  # type: ignore[method-assign]
    # The organizer's own project (on the demo, New Semester starts a new project:
    # tests/test_first_run.py).
    window.files.is_demo = False
    window.act_new_semester.trigger()
    spring = window.document.doc.semesters[0]
    assert spring.title == "2026 Spring" and spring.meeting_weekday == 1
    assert len(spring.sessions) == 16 and spring.sessions[-1].date == D(2026, 2, 24)
    chooser = window.findChild(object, "semesterChooser")
    assert chooser.currentText() == "2026 Spring"
    assert window.act_undo.text() == "&Undo New semester 2026 Spring"
    window.act_undo.trigger()
    assert [s.title for s in window.document.doc.semesters] == ["2025 Fall"]


def test_calendar_cards_flag_missing_slide_files(window: MainWindow, tmp_path: Path) -> None:
    window.files.asker = type("A", (), {"save_path": lambda self, start: tmp_path / "p.json"})()
    assert window.files.save_as()
    view = calendar(window)

    def flags() -> list[bool]:
        card = view.index_of_date(D(2025, 11, 25)).data(CalendarRole.CardRole)
        return [line.missing_slides for line in card.topics]

    assert flags() == [True, True]  # ROLL and Spirit link to files that are not there
    (tmp_path / "slides").mkdir()
    (tmp_path / "slides" / "251125_ROLL.pdf").write_bytes(b"%PDF-1.4\n")
    window.document.recheck_files()  # what the window does when it is activated again
    assert flags() == [False, True]


def test_undo_and_redo_work_by_key_and_no_key_is_bound_twice(window: MainWindow, qtbot) -> None:
    """On X11 the standard redo key is Ctrl+Shift+Z: bound a second time, Qt found it
    ambiguous and keyboard redo did nothing.  (CI runs this on a real X server too.)"""
    for action in (window.act_undo, window.act_redo):
        keys = [k.toString() for k in action.shortcuts()]
        assert keys and len(keys) == len(set(keys)), keys
    assert "Ctrl+Shift+Z" in [k.toString() for k in window.act_redo.shortcuts()]
    sid = session_id_on(window.document, D(2025, 11, 25))
    window.calendar.view.model().move_session(sid, D(2025, 12, 9))
    assert session_id_on(window.document, D(2025, 12, 9)) == sid
    window.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(window.isActiveWindow)
    window.calendar.view.setFocus()
    qtbot.keyClick(window.calendar.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session_id_on(window.document, D(2025, 11, 25)) == sid  # undone
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.calendar.view, Qt.Key.Key_Z, modifiers)
    assert session_id_on(window.document, D(2025, 12, 9)) == sid  # redone


def test_tab_reaches_every_pane_and_never_stops_on_a_scroll_area(window: MainWindow, qtbot) -> None:
    """Tab walks calendar → editor fields → preview → …: no stop on the editor's scroll
    area, and the preview is left by one Tab (not walked link by link)."""
    from PySide6.QtWidgets import QApplication, QScrollArea

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.calendar.view.setFocus()
    seen: list[str] = []
    for _ in range(60):
        widget = QApplication.focusWidget()
        assert widget is not None
        assert not isinstance(widget, QScrollArea), "Tab stopped on a scroll area"
        seen.append(widget.objectName())
        if widget is window.preview:
            qtbot.keyClick(widget, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is not window.preview  # one Tab leaves it
            continue
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert {"calendar", "titleEdit", "preview"} <= set(seen)
    assert "sessionScroll" not in seen


def test_the_semester_chooser_is_not_clipped_at_1024_by_700(qtbot) -> None:
    """At the smallest supported size the chooser read "2025 Fal"."""
    from PySide6.QtWidgets import QComboBox
    from qt_helpers import discard_on_close

    win = MainWindow()
    qtbot.addWidget(win, before_close_func=discard_on_close)
    win.open_initial(None)
    win.resize(1024, 700)
    win.show()
    qtbot.waitExposed(win)
    chooser = win.findChild(QComboBox, "semesterChooser")
    assert chooser.currentText() == "2025 Fall"
    assert chooser.width() >= chooser.sizeHint().width()


def test_at_1024_by_700_the_preview_keeps_its_words_and_the_legend_moves_below(qtbot) -> None:
    """The legend beside the chooser made the calendar at least 653 px wide, and the
    splitter left the preview 70 px: "December" broke letter by letter."""
    from PySide6.QtGui import QFontMetrics
    from qt_helpers import open_demo_window

    win = open_demo_window(qtbot)  # 1400×900
    legend = win.findChild(QWidget, "calendarLegend")
    chooser = win.findChild(QWidget, "semesterChooser")

    def beside() -> bool:  # else below the chooser's row
        center = chooser.mapTo(win, chooser.rect().center()).y()
        return legend.mapTo(win, legend.rect().topLeft()).y() < center

    assert beside()

    win.resize(1024, 700)
    QApplication.processEvents()
    preview = win.findChild(QWidget, "preview")
    heading = QFontMetrics(preview.document().defaultFont())
    heading_width = heading.horizontalAdvance("December 31") * 1.4  # an <h2> is larger
    assert preview.viewport().width() > heading_width
    assert legend.isVisible() and not beside()
    panel = win.findChild(QWidget, "semesterCalendar")
    assert legend.width() >= legend.sizeHint().width()  # each entry whole, below
    assert legend.mapTo(panel, legend.rect().topRight()).x() <= panel.width()

    win.resize(1400, 900)
    QApplication.processEvents()
    assert beside()  # back in the chooser's row


def test_a_long_project_path_leaves_the_status_bar_room_for_messages(window) -> None:
    """The path label takes at most 40 % of the bar and puts "…" in the middle of a
    long path (the whole path in its tooltip): a message shown beside it is not cut."""
    folder = "/home/organizer/" + "/".join(f"reading-group-archive-{n}" for n in range(8))
    path = Path(folder) / "2025-fall.seminar.json"
    window.document.set_saved(path)
    window.resize(1000, 700)
    bar = window.statusBar()
    label = bar.findChild(QWidget, "pathLabel")
    message = "Saved 2025-fall.seminar.json; the README was exported next to it"
    bar.showMessage(message)
    QApplication.processEvents()
    assert label.full_text() == str(path) and label.toolTip() == str(path)
    assert label.width() <= 0.4 * window.width() + 1
    shown = label.shown_text()
    assert "…" in shown and shown.endswith("seminar.json") and shown.startswith("/home")
    room = label.geometry().left() - bar.contentsRect().left()
    assert bar.fontMetrics().horizontalAdvance(message) < room
