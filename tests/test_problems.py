"""The Problems dock and the project settings dialog."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QDockWidget, QLabel, QListWidgetItem

from seminar_gui.core.demo import load_demo
from seminar_gui.core.model import Document
from seminar_gui.qt.commands import EditProjectCommand, EditTopicCommand
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.main_window import MainWindow
from seminar_gui.qt.problems.panel import ProblemRole, ProblemsList
from seminar_gui.qt.project_settings.dialog import (
    ProjectSettingsDialog,
    shown_site_folder,
)
from seminar_gui.qt.selection import Selection

AFTER_THE_TERM = dt.date(2026, 3, 1)  # every demo session is over: missing slides warn


class Setup:
    """The demo project saved as PROJECT/fall.json; the site is PROJECT (no slides yet)."""

    def __init__(self, qtbot, folder: Path, doc: Document | None = None) -> None:
        self.folder = folder
        self.document = ProjectDocument()
        self.document.reset(doc or load_demo(), folder / "fall.json")
        self.selection = Selection(self.document)
        self.list = ProblemsList(self.document, self.selection)
        self.list.today = AFTER_THE_TERM
        qtbot.addWidget(self.list)
        self.list.resize(900, 300)
        self.list.show()
        self.list.refresh()

    def topic_id(self, short_name: str) -> str:
        doc = self.document.doc
        return next(
            t.id
            for m in doc.semesters
            for s in m.sessions
            for t in s.topics
            if t.short_name == short_name
        )

    def rows(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def row_about(self, text: str, topic_id: str | None = None) -> QListWidgetItem:
        for item in self.rows():
            problem = item.data(ProblemRole)
            if text in item.text() and (topic_id is None or problem.topic_id == topic_id):
                return item
        raise AssertionError(f"no problem row about {text!r}: {[i.text() for i in self.rows()]}")


def add_slides(folder: Path, *names: str) -> None:
    (folder / "slides").mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / "slides" / name).write_bytes(b"%PDF-1.4\n")


def test_missing_slides_are_listed_and_double_click_selects_the_topic(
    qtbot, tmp_path: Path
) -> None:
    add_slides(tmp_path, "251125_Spirit.pdf")  # ROLL's file (same session) is missing
    ui = Setup(qtbot, tmp_path)
    roll = ui.topic_id("ROLL")
    item = ui.row_about("251125_ROLL.pdf", roll)
    problem = item.data(ProblemRole)
    assert problem.severity == "warning" and problem.field == "slides"
    assert item.text() == f"{problem.where} — {problem.message}"
    assert "2025 Fall › Nov 25" in item.text()
    with pytest.raises(AssertionError):
        ui.row_about("251125_Spirit.pdf")  # that file exists
    assert ui.selection.topic_id != roll
    ui.list.scrollToItem(item)
    rect = ui.list.visualItemRect(item)
    qtbot.mouseClick(ui.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(ui.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert ui.selection.topic_id == roll


def test_enter_on_a_problem_selects_its_session(qtbot, tmp_path: Path) -> None:
    ui = Setup(qtbot, tmp_path)
    item = ui.row_about("September 29 is a Monday")  # a session's problem, no topic
    problem = item.data(ProblemRole)
    assert problem.topic_id is None and problem.session_id
    ui.list.setCurrentItem(item)
    ui.list.setFocus()
    qtbot.keyClick(ui.list, Qt.Key.Key_Return)
    assert ui.selection.session_id == problem.session_id


def test_no_slides_folder_at_all_asks_for_the_site_folder(qtbot, tmp_path: Path) -> None:
    ui = Setup(qtbot, tmp_path)  # PROJECT/slides does not exist
    item = ui.row_about("which does not exist")
    assert item.data(ProblemRole).field == "site_folder"
    with qtbot.waitSignal(ui.list.siteFolderRequested, timeout=1000):
        ui.list.itemActivated.emit(item)


def test_errors_come_first_and_the_list_follows_the_document(qtbot, tmp_path: Path) -> None:
    ui = Setup(qtbot, tmp_path)
    roll = ui.topic_id("ROLL")
    assert all(item.data(ProblemRole).severity != "error" for item in ui.rows())
    ui.document.undo_stack.push(EditTopicCommand(ui.document, roll, "video", "www.bilibili.com"))
    assert all(item.data(ProblemRole).severity != "error" for item in ui.rows())  # debounced
    qtbot.waitUntil(lambda: ui.rows()[0].data(ProblemRole).severity == "error", timeout=10_000)
    first = ui.rows()[0]
    assert "not a web address" in first.text() and first.foreground().color().red() > 150
    severities = [item.data(ProblemRole).severity for item in ui.rows()]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    ui.document.undo_stack.undo()
    qtbot.waitUntil(lambda: ui.rows()[0].data(ProblemRole).severity != "error", timeout=10_000)


def test_each_row_shows_its_severitys_icon_in_the_style_in_use(qtbot, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QIcon, QPixmap
    from PySide6.QtWidgets import QProxyStyle, QStyle

    warning = QStyle.StandardPixmap.SP_MessageBoxWarning

    class Theme(QProxyStyle):  # another desktop theme: its own warning icon
        def standardIcon(self, pixmap, option=None, widget=None) -> QIcon:
            if pixmap == warning:
                square = QPixmap(16, 16)
                square.fill(QColor("#7b1fa2"))
                return QIcon(square)
            return super().standardIcon(pixmap, option, widget)

    def look(icon: QIcon) -> bytes:
        return bytes(icon.pixmap(16, 16).toImage().constBits())

    ui = Setup(qtbot, tmp_path)
    first = ui.rows()[0]
    assert first.data(ProblemRole).severity == "warning"
    before = look(first.icon())
    assert before == look(ui.list.style().standardIcon(warning))
    theme = Theme()
    ui.list.setStyle(theme)  # the desktop's theme changed
    ui.document.undo_stack.push(
        EditTopicCommand(ui.document, ui.topic_id("ROLL"), "video", "www.bilibili.com")
    )
    qtbot.waitUntil(lambda: ui.rows()[0].data(ProblemRole).severity == "error", timeout=10_000)
    row = next(r for r in ui.rows() if r.data(ProblemRole).severity == "warning")
    assert look(row.icon()) == look(theme.standardIcon(warning)) != before


def test_an_unlinked_file_is_listed_and_opens_its_folder(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_slides(tmp_path, "251125_ROLL.pdf", "old-talk.pdf")
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    ui = Setup(qtbot, tmp_path)
    item = ui.row_about("no topic links to slides/old-talk.pdf")
    problem = item.data(ProblemRole)
    assert problem.severity == "info" and problem.topic_id is None
    before = (ui.selection.session_id, ui.selection.topic_id)
    ui.list.itemActivated.emit(item)
    assert opened == [QUrl.fromLocalFile(str(tmp_path / "slides"))]
    assert (ui.selection.session_id, ui.selection.topic_id) == before


def test_an_empty_project_has_no_problems(qtbot, tmp_path: Path) -> None:
    ui = Setup(qtbot, tmp_path, Document())
    assert [item.text() for item in ui.rows()] == ["No problems"]
    assert not ui.rows()[0].flags() & Qt.ItemFlag.ItemIsSelectable
    ui.list.itemActivated.emit(ui.rows()[0])  # nothing happens
    assert ui.list.objectName() == "problemsList" and ui.list.accessibleName() == "Problems"


def test_the_list_follows_the_site_folder(qtbot, tmp_path: Path) -> None:
    add_slides(tmp_path / "site", "251125_ROLL.pdf")
    ui = Setup(qtbot, tmp_path)
    roll = ui.topic_id("ROLL")
    ui.row_about(f"point into {tmp_path / 'slides'}, which does not exist")
    ui.document.undo_stack.push(EditProjectCommand(ui.document, site_folder="site"))
    qtbot.waitUntil(  # (the group's rules warn about the demo's sessions, too)
        lambda: any("does not exist in" in row.text() for row in ui.rows()), timeout=10_000
    )
    spirit = ui.row_about("251125_Spirit.pdf")  # missing in SITE/slides
    assert str(tmp_path / "site" / "slides") in spirit.text()
    with pytest.raises(AssertionError):
        ui.row_about("251125_ROLL.pdf", roll)  # found there
    with pytest.raises(AssertionError):
        ui.row_about("which does not exist")


# ------------------------------------------------------------------ settings


def test_settings_dialog_changes_the_site_folder_in_one_undo_step(qtbot, tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    document = ProjectDocument()
    document.reset(load_demo(), tmp_path / "fall.json")
    before = document.doc
    dialog = ProjectSettingsDialog(document)
    qtbot.addWidget(dialog)
    assert dialog.site_edit.text() == "" and dialog.site_edit.placeholderText()
    dialog.choose_folder = lambda _parent, _start: tmp_path / "site"
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.site_edit.text() == "site"  # shown relative to the project file
    dialog.pattern_edit.setText("{yyyymmdd}_{short}.pdf")
    dialog.accept()
    assert document.doc.site_folder == "site"
    assert document.doc.style.slide_name_pattern == "{yyyymmdd}_{short}.pdf"
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.doc == before
    document.undo_stack.redo()
    assert document.doc.site_folder == "site"


def test_settings_dialog_shows_the_models_message_and_keeps_ok_disabled(
    qtbot, tmp_path: Path
) -> None:
    document = ProjectDocument()
    document.reset(load_demo(), tmp_path / "fall.json")
    dialog = ProjectSettingsDialog(document)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    hint = dialog.findChild(QLabel, "slidePatternHint")
    assert hint.text() == "e.g. 251202_dInfer.pdf"
    dialog.pattern_edit.setText("{short}.pdf")  # no date
    message = dialog.findChild(QLabel, "slidePatternMessage")
    assert message.isVisible() and "needs {short} and {yymmdd}" in message.text()
    assert dialog.pattern_edit.property("validity") == "error"
    assert not ok.isEnabled()
    dialog.accept()  # refused: stays open, nothing pushed
    assert document.undo_stack.count() == 0
    dialog.site_edit.setText("bad\0folder")
    site_message = dialog.findChild(QLabel, "siteFolderMessage")
    assert site_message.isVisible() and message.isVisible()  # both at once
    dialog.pattern_edit.setText("{yymmdd}_{short}.pdf")
    assert site_message.isVisible() and "NUL" in site_message.text()
    dialog.site_edit.setText("")
    assert ok.isEnabled() and not message.isVisible() and not site_message.isVisible()
    dialog.accept()  # nothing changed: no undo step
    assert document.undo_stack.count() == 0


def test_shown_site_folder() -> None:
    project = Path("/home/me/group/project.json")
    assert shown_site_folder(Path("/home/me/group"), project) == ""
    assert shown_site_folder(Path("/home/me/group/site"), project) == "site"
    assert shown_site_folder(Path("/home/me/www"), project) == "../www"
    assert shown_site_folder(Path("/srv/www"), None) == "/srv/www"


# -------------------------------------------------------------------- window


def test_window_has_a_problems_dock_and_project_settings(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dock = window.findChild(QDockWidget, "problemsDock")
    assert dock is not None and dock.isVisible() and dock.windowTitle() == "Problems"
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert dock.height() < window.height() // 4  # small at first
    problems = window.findChild(ProblemsList, "problemsList")
    assert problems is not None
    qtbot.waitUntil(lambda: problems.count() > 0)  # checked once the window is idle
    view = window.menuBar().findChild(object, "menuView")
    toggle = dock.toggleViewAction()
    assert toggle in view.actions()
    toggle.trigger()
    assert not dock.isVisible()
    toggle.trigger()
    assert dock.isVisible()

    def answer(dialog: ProjectSettingsDialog) -> int:
        dialog.site_edit.setText("www")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ProjectSettingsDialog, "exec", answer)
    file_menu = window.menuBar().findChild(object, "menuFile")
    assert window.act_project_settings in file_menu.actions()
    window.act_project_settings.trigger()
    assert window.document.doc.site_folder == "www"
    assert window.document.undo_stack.count() == 1
    window.act_undo.trigger()
    assert window.document.doc.site_folder == ""


def test_files_are_read_again_only_when_links_or_the_folder_change(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import seminar_gui.qt.problems.panel as problems_module

    calls: list[int] = []
    real = problems_module.check_files

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(problems_module, "check_files", counting)
    add_slides(tmp_path, "251125_Spirit.pdf")
    ui = Setup(qtbot, tmp_path)
    roll = ui.topic_id("ROLL")
    ui.row_about("251125_ROLL.pdf", roll)
    calls.clear()
    ui.document.undo_stack.push(EditTopicCommand(ui.document, roll, "note", "Rehearsal"))
    ui.list.refresh()
    assert calls == []  # a note does not change what check_files finds
    add_slides(tmp_path, "251125_ROLL.pdf")  # slides/ changes: read again
    ui.list.refresh()
    assert calls == [1]
    with pytest.raises(AssertionError):
        ui.row_about("251125_ROLL.pdf", roll)
    ui.document.undo_stack.push(EditTopicCommand(ui.document, roll, "slides", "./slides/x.pdf"))
    ui.list.refresh()
    assert calls == [1, 1]
    assert ui.row_about("./slides/x.pdf", roll)
    ui.list.recheck_files()
    assert len(calls) == 3


def test_only_the_semester_on_show_is_listed(qtbot, tmp_path: Path) -> None:
    from seminar_gui.core import edits

    spring = edits.plan_semester("2025 Spring", 1, dt.date(2025, 2, 24), dt.date(2025, 3, 10))
    doc = edits.add_semester(load_demo(), spring)
    ui = Setup(qtbot, tmp_path, doc)
    fall = next(m.id for m in doc.semesters if m.title == "2025 Fall")

    def semesters_listed() -> set[str | None]:
        return {item.data(ProblemRole).semester_id for item in ui.rows()}

    ui.selection.select_semester(fall)
    assert semesters_listed() <= {fall, None}
    assert fall in semesters_listed()
    ui.selection.select_semester(spring.id)
    # Checked when the window is idle again (the calendar and preview are shown first).
    qtbot.waitUntil(lambda: spring.id in semesters_listed())  # planned, no paper, no slides
    assert fall not in semesters_listed()


def test_the_dock_starts_three_whole_rows_tall(window: MainWindow, qtbot) -> None:
    # Sized before the first check filled it: the third row is whole, the fourth
    # hidden (no row cut in half at the bottom of the window).
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    problems = window.problems
    qtbot.waitUntil(lambda: problems.count() >= 4, timeout=10_000)
    visible = problems.viewport().height()
    third, fourth = (problems.visualItemRect(problems.item(i)) for i in (2, 3))
    assert third.bottom() < visible <= fourth.top() + 2 * problems.spacing()


def test_activating_a_problem_puts_the_cursor_in_its_field(window: MainWindow, qtbot) -> None:
    """The Problems panel says what to fix; activating a row selects the topic and puts
    the cursor in the field to fix (here: the video link of a past session)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel = window.problems
    qtbot.waitUntil(lambda: panel.count() > 1)
    item = next(
        panel.item(i)
        for i in range(panel.count())
        if (p := panel.item(i).data(ProblemRole)).topic_id and p.field == "video"
    )
    problem = item.data(ProblemRole)
    panel.itemActivated.emit(item)
    assert window.selection.topic_id == problem.topic_id
    qtbot.waitUntil(lambda: window.editor.form.edits["video"].hasFocus())


def test_the_first_check_waits_until_the_window_is_painted(qtbot) -> None:
    """A start on a busy machine may reach its event loop after the new document's
    50 ms: the check, due then, still comes after the window's first paint."""
    from qt_helpers import discard_on_close

    window = MainWindow()
    qtbot.addWidget(window, before_close_func=discard_on_close)
    painted: list[bool] = []
    window.painted.connect(lambda: painted.append(True))
    checks: list[bool] = []  # for each check: was the window painted before it?
    window.problems.refresh = lambda: checks.append(bool(painted))  # type: ignore[method-assign]
    window.open_initial(None)  # the demo: a check is due in 50 ms
    qtbot.wait(300)  # the event loop runs; the window is not shown yet
    assert checks == []
    window.show()
    qtbot.waitUntil(lambda: checks == [True], timeout=3000)  # after the paint, once
