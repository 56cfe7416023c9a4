"""Slides dropped from a file manager onto the window: copied under SITE/slides/, linked,
undone.  Real widgets and real drag events; the questions are answered by tests."""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from qt_helpers import open_demo_window

from seminar_gui.core import edits
from seminar_gui.core.slides import TRASH_DIR, check_source
from seminar_gui.qt.calendar.view import CalendarView
from seminar_gui.qt.main_window import MainWindow
from seminar_gui.qt.slides import drop_controller as slide_drop
from seminar_gui.qt.slides.dialogs import SlideDropDialog
from seminar_gui.qt.slides.requests import ChooseRequest, NameAnswer, NameRequest

D = dt.date
PDF = b"%PDF-1.4\n% seminar slides\n"


class Answers:
    """Answers the drop's questions in place of a person, and records them."""

    def __init__(self, name: str | None = None, conflict=None, topic=None) -> None:
        self.name, self.conflict, self.topic = name, conflict, topic
        self.asked: list[NameRequest] = []
        self.chosen: list[ChooseRequest] = []
        self.notified: list[str] = []

    def ask(self, request: NameRequest) -> NameAnswer | None:
        self.asked.append(request)
        if self.name == "cancel":
            return None
        return NameAnswer(self.name or request.proposed, self.conflict)

    def choose(self, request: ChooseRequest) -> str | None:
        self.chosen.append(request)
        return self.topic if self.topic is not None else request.preselected

    def notify(self, title: str, text: str) -> None:
        self.notified.append(text)


def make_window(qtbot, folder: Path | None) -> MainWindow:
    win = open_demo_window(qtbot)
    if folder is not None:  # saved: the project's folder is the site folder
        folder.mkdir(parents=True, exist_ok=True)
        win.files.asker.save_path = lambda _start: folder / "fall.json"  # type: ignore[method-assign]
        assert win.files.save_as()
    return win


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return tmp_path / "site"


@pytest.fixture
def window(qtbot, site: Path) -> MainWindow:
    return make_window(qtbot, site)


@pytest.fixture
def answers(window: MainWindow) -> Answers:
    return answer(window)


def answer(win: MainWindow, **kwargs: object) -> Answers:
    answers = Answers(**kwargs)  # type: ignore[arg-type]
    win.slide_drop.ask = answers.ask
    win.slide_drop.choose = answers.choose
    win.slide_drop.notify = answers.notify
    return answers


def pdf(path: Path, size: int = 0, fill: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(PDF + fill * max(0, size - len(PDF)))
    return path


def files(*paths: Path) -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return data


def send(widget: QWidget, data: QMimeData, point: QPoint | None = None, *, drop: bool = True):
    """What a file manager's drag sends the widget: enter, move, then the drop."""
    point = point or widget.rect().center()
    args = (
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,  # proposes Move: we must still copy
    )
    events = [QDragEnterEvent(point, *args), QDragMoveEvent(point, *args)]
    if drop:
        events.append(QDropEvent(QPointF(point), *args))
    for event in events:
        QApplication.sendEvent(widget, event)
    return events


def settle(qtbot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: not win.slide_drop.busy, timeout=15_000)


def topic_id(win: MainWindow, date: dt.date, short: str) -> str:
    semester = win.document.doc.semesters[0]
    session = next(s for s in semester.sessions if s.date == date)
    return next(t.id for t in session.topics if t.short_name.startswith(short))


def slides_of(win: MainWindow, tid: str) -> str:
    return win.document.doc.find_topic(tid)[2].slides


def calendar(win: MainWindow) -> CalendarView:
    view = win.findChild(CalendarView, "calendar")
    assert view is not None
    return view


def cell_center(view: CalendarView, date: dt.date) -> QPoint:
    index = view.index_of_date(date)
    view.scrollTo(index)
    return view.visualRect(index).center()


def listing(site: Path) -> list[str]:
    """The files in SITE/slides (temporary files too), without the kept replaced files."""
    folder = site / "slides"
    names = [p.name for p in folder.iterdir()] if folder.is_dir() else []
    return sorted(n for n in names if n != TRASH_DIR)


# ------------------------------------------------------------------ the editor
def test_drop_on_an_editor_topic_files_links_previews_and_undoes(
    qtbot, window: MainWindow, answers: Answers, site: Path, tmp_path: Path
) -> None:
    roll = topic_id(window, D(2025, 11, 25), "ROLL")
    before = slides_of(window, roll)
    window.selection.select_topic(roll)
    source = pdf(tmp_path / "Downloads" / "ROLL talk (final).pdf", 3000)
    field = window.editor.form.edits["slides"]
    data = files(source)
    enter, move = send(field, data, drop=False)
    assert enter.isAccepted() and move.isAccepted()
    assert move.dropAction() == Qt.DropAction.CopyAction  # never a move
    frame = window.editor.form.findChild(QWidget, "slideDropFrame")
    assert frame is not None and frame.isVisible()
    assert frame.plan.hint == "Attach slides to “ROLL”"
    assert window.statusBar().currentMessage() == "Drop to attach to Nov 25 · ROLL"

    dropped = send(field, data)[-1]
    assert dropped.isAccepted() and dropped.dropAction() == Qt.DropAction.CopyAction
    assert not frame.isVisible()
    assert window.slide_drop.busy and answers.asked == []  # asked after the drop event
    settle(qtbot, window)
    [request] = answers.asked
    assert request.proposed == "251125_ROLL.pdf"  # {yymmdd}_{short}.pdf: the group's latest habit
    assert request.target == "Tue Nov 25 · ROLL"
    copy = site / "slides" / "251125_ROLL.pdf"
    assert copy.read_bytes() == source.read_bytes()
    assert source.is_file()  # copied, not moved
    assert slides_of(window, roll) == "./slides/251125_ROLL.pdf"
    assert window.document.undo_stack.count() == 1
    assert window.document.undo_stack.undoText() == "Attach slides 251125_ROLL.pdf"
    assert window.act_undo.text() == "&Undo Attach slides 251125_ROLL.pdf"
    assert window.editor.form.edits["slides"].text() == "./slides/251125_ROLL.pdf"
    window.preview.render_now()
    assert 'href="./slides/251125_ROLL.pdf"' in window.preview.html
    assert "Filed 251125_ROLL.pdf" in window.statusBar().currentMessage()

    window.document.undo_stack.undo()  # one step: the link and the copy
    assert not copy.exists()
    # The link the README had (the group's own name for the file, which the drop's
    # name now follows: the latest habit, 251125_ROLL.pdf).
    assert slides_of(window, roll) == before
    window.document.undo_stack.redo()  # copies again from the source
    assert copy.read_bytes() == source.read_bytes()
    assert slides_of(window, roll) == "./slides/251125_ROLL.pdf"

    window.document.undo_stack.undo()
    source.unlink()
    window.document.undo_stack.redo()  # the source is gone: the link is back, with a word
    assert slides_of(window, roll) == "./slides/251125_ROLL.pdf"
    assert not copy.exists()
    assert "could not be copied again" in window.statusBar().currentMessage()
    assert "does not exist" in window.statusBar().currentMessage()


def test_undo_keeps_a_copy_changed_since_and_says_so(
    qtbot, window: MainWindow, answers: Answers, site: Path, tmp_path: Path
) -> None:
    roll = topic_id(window, D(2025, 11, 25), "ROLL")
    window.selection.select_topic(roll)
    send(window.editor.form, files(pdf(tmp_path / "roll.pdf")))
    settle(qtbot, window)
    copy = site / "slides" / "251125_ROLL.pdf"
    copy.write_bytes(PDF + b"annotated by hand")
    window.document.undo_stack.undo()
    assert slides_of(window, roll) == "./slides/251125_ROLL.pdf"  # the link still goes back
    assert copy.read_bytes() == PDF + b"annotated by hand"  # the file is left alone
    message = window.statusBar().currentMessage()
    assert message.startswith("The link was removed, but:")
    assert "was changed after seminar-gui copied it" in message


def test_drop_on_a_topic_row_of_the_topic_list(
    qtbot, window: MainWindow, answers: Answers, site: Path, tmp_path: Path
) -> None:
    window.selection.select_topic(topic_id(window, D(2025, 11, 25), "ROLL"))
    spirit = topic_id(window, D(2025, 11, 25), "Spirit")
    topics = window.editor.topic_list
    point = topics.visualRect(topics.model().index(1)).center()
    send(topics.viewport(), files(pdf(tmp_path / "x.pdf")), point)
    settle(qtbot, window)
    assert slides_of(window, spirit) == "./slides/251125_Spirit.pdf"
    assert window.selection.topic_id == spirit  # the editor shows where it went


# ---------------------------------------------------------------- the calendar
def test_calendar_card_with_two_topics_asks_with_the_named_topic_preselected(
    qtbot, window: MainWindow, answers: Answers, site: Path, tmp_path: Path
) -> None:
    view = calendar(window)
    roll, spirit = (topic_id(window, D(2025, 11, 25), n) for n in ("ROLL", "Spirit"))
    data = files(pdf(tmp_path / "spirit-talk.pdf"))
    point = cell_center(view, D(2025, 11, 25))
    enter, move = send(view.viewport(), data, point, drop=False)
    assert enter.isAccepted() and move.isAccepted()
    target, plan = view.drop_target()
    assert target is not None and target.data().startswith("Tue Nov 25")
    assert plan is not None and plan.hint == "Attach slides: choose the topic"
    assert window.statusBar().currentMessage() == "Drop, then choose the topic of Nov 25"
    dropped = send(view.viewport(), data, point)[-1]
    assert dropped.isAccepted()
    assert view.drop_target() == (None, None)  # the hint is gone
    settle(qtbot, window)
    [chooser] = answers.chosen
    assert [o.topic_id for o in chooser.options] == [roll, spirit]
    assert chooser.preselected == spirit  # "spirit" is in the file name
    assert slides_of(window, spirit) == "./slides/251125_Spirit.pdf"
    assert (site / "slides" / "251125_Spirit.pdf").is_file()


def test_calendar_card_with_one_topic_shows_the_hint_and_attaches(
    qtbot, window: MainWindow, answers: Answers, site: Path, tmp_path: Path
) -> None:
    view = calendar(window)
    falcon = topic_id(window, D(2025, 11, 11), "FalconFS")
    data = files(pdf(tmp_path / "talk.pdf"))
    point = cell_center(view, D(2025, 11, 11))
    send(view.viewport(), data, point, drop=False)
    assert view.drop_target()[1].hint == "Attach slides to “FalconFS”"  # type: ignore[union-attr]
    send(view.viewport(), data, point)
    settle(qtbot, window)
    assert answers.chosen == []
    assert slides_of(window, falcon) == "./slides/251111_FalconFS.pdf"


# ------------------------------------------------------------------ the window
def test_drop_on_the_window_matches_the_date_and_name(
    qtbot, window: MainWindow, answers: Answers, site: Path, tmp_path: Path
) -> None:
    fuselink = topic_id(window, D(2025, 11, 4), "Enabling")
    data = files(pdf(tmp_path / "251104-FuseLink.pdf"))
    viewport = window.preview.viewport()  # takes no drops itself: the window does
    send(viewport, data, drop=False)
    assert window.statusBar().currentMessage().startswith("Drop to attach to Nov 4 · Enabling")
    assert send(viewport, data)[-1].isAccepted()
    settle(qtbot, window)
    assert answers.chosen == []  # date and name say it
    assert answers.asked[0].target.startswith("Tue Nov 4 · Enabling")
    assert slides_of(window, fuselink) == "./slides/251104_EnablingEfficientGPU.pdf"
    assert window.selection.topic_id == fuselink


def test_unmatched_name_on_the_window_asks_for_the_session(
    qtbot, window: MainWindow, site: Path, tmp_path: Path
) -> None:
    mantle = topic_id(window, D(2025, 9, 29), "Mantle")
    answers = answer(window, topic=mantle)
    send(window.preview.viewport(), files(pdf(tmp_path / "notes from the talk.pdf")))
    settle(qtbot, window)
    [chooser] = answers.chosen
    assert chooser.preselected is None
    semester = window.document.doc.semesters[0]
    assert len(chooser.options) == sum(len(s.topics) for s in semester.sessions)
    assert slides_of(window, mantle) == "./slides/250929_Mantle.pdf"


def test_several_files_are_one_undo_step(
    qtbot, window: MainWindow, answers: Answers, site: Path, tmp_path: Path
) -> None:
    pie, hydra = (topic_id(window, D(2025, 11, 18), n) for n in ("Pie", "HydraServe"))
    a, b = pdf(tmp_path / "20251118_Pie.pdf"), pdf(tmp_path / "251118-HydraServe.pdf", 99)
    send(window.preview.viewport(), files(a, b))
    settle(qtbot, window)
    assert listing(site) == ["251118_HydraServe.pdf", "251118_Pie.pdf"]
    stack = window.document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Attach slides (2 files)"
    stack.undo()
    assert listing(site) == []
    assert slides_of(window, pie) == "./slides/20251118_Pie.pdf"
    assert slides_of(window, hydra) == "./slides/251118_HydraServer.pdf"


# ---------------------------------------------------------------- name clashes
def test_identical_file_already_there_is_reused_without_asking(
    qtbot, window: MainWindow, answers: Answers, site: Path, tmp_path: Path
) -> None:
    roll = topic_id(window, D(2025, 11, 25), "ROLL")
    there = pdf(site / "slides" / "251125_ROLL.pdf", 500)
    source = tmp_path / "roll.pdf"
    source.write_bytes(there.read_bytes())
    window.selection.select_topic(roll)
    send(window.editor.form, files(source))
    settle(qtbot, window)
    assert answers.asked == []
    assert listing(site) == ["251125_ROLL.pdf"]  # no new file
    assert slides_of(window, roll) == "./slides/251125_ROLL.pdf"
    window.document.undo_stack.undo()
    assert there.is_file()  # it was not ours to remove
    assert slides_of(window, roll) == "./slides/251125_ROLL.pdf"


def test_conflict_replace_then_undo_restores_the_old_bytes(
    qtbot, window: MainWindow, site: Path, tmp_path: Path
) -> None:
    answers = answer(window, conflict="replace")
    roll = topic_id(window, D(2025, 11, 25), "ROLL")
    there = pdf(site / "slides" / "251125_ROLL.pdf", 500, b"o")
    old = there.read_bytes()
    source = pdf(tmp_path / "roll.pdf", 700, b"n")
    window.selection.select_topic(roll)
    send(window.editor.form, files(source))
    settle(qtbot, window)
    assert len(answers.asked) == 1
    assert there.read_bytes() == source.read_bytes()
    trash = site / "slides" / TRASH_DIR
    assert len(list(trash.glob("*-251125_ROLL.pdf"))) == 1  # the old bytes, kept for undo
    window.document.undo_stack.undo()
    assert there.read_bytes() == old
    assert listing(site) == ["251125_ROLL.pdf"]
    assert list(trash.glob("*-251125_ROLL.pdf")) == []
    window.document.undo_stack.redo()  # replaces again, keeping the old bytes again
    assert there.read_bytes() == source.read_bytes()
    window.document.undo_stack.undo()
    assert there.read_bytes() == old


def test_replaced_file_is_dropped_when_the_undo_step_is_gone(
    qtbot, window: MainWindow, site: Path, tmp_path: Path
) -> None:
    answer(window, conflict="replace")
    roll = topic_id(window, D(2025, 11, 25), "ROLL")
    pdf(site / "slides" / "251125_ROLL.pdf", 500, b"o")
    window.selection.select_topic(roll)
    send(window.editor.form, files(pdf(tmp_path / "roll.pdf", 700, b"n")))
    settle(qtbot, window)
    trash = site / "slides" / TRASH_DIR
    assert len(list(trash.glob("*-251125_ROLL.pdf"))) == 1
    window.document.undo_stack.clear()  # e.g. another project was opened
    assert list(trash.glob("*-251125_ROLL.pdf")) == []


def test_conflict_keep_both_saves_name_2(
    qtbot, window: MainWindow, site: Path, tmp_path: Path
) -> None:
    answer(window, conflict="keep-both")
    roll = topic_id(window, D(2025, 11, 25), "ROLL")
    there = pdf(site / "slides" / "251125_ROLL.pdf", 500, b"o")
    old = there.read_bytes()
    window.selection.select_topic(roll)
    send(window.editor.form, files(pdf(tmp_path / "roll.pdf", 700, b"n")))
    settle(qtbot, window)
    assert there.read_bytes() == old
    assert listing(site) == ["251125_ROLL-2.pdf", "251125_ROLL.pdf"]
    assert slides_of(window, roll) == "./slides/251125_ROLL-2.pdf"


def test_cancelled_naming_copies_nothing(
    qtbot, window: MainWindow, site: Path, tmp_path: Path
) -> None:
    answer(window, name="cancel")
    window.selection.select_topic(topic_id(window, D(2025, 11, 25), "ROLL"))
    send(window.editor.form, files(pdf(tmp_path / "roll.pdf")))
    settle(qtbot, window)
    assert listing(site) == []
    assert window.document.undo_stack.count() == 0


# ------------------------------------------------------------------- refusals
def refused(name: str, tmp_path: Path) -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if name == "folder":
        path.mkdir()
    elif name == "pipe.pdf":
        os.mkfifo(path)
    elif name == "fake.pdf":
        path.write_bytes(b"<html>not a pdf</html>")
    else:
        path.write_text("notes\n")
    return path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("name", ["folder", "pipe.pdf", "notes.txt", "fake.pdf"])
def test_refused_files_say_why_and_copy_nothing(
    qtbot, window: MainWindow, answers: Answers, site: Path, tmp_path: Path, name: str
) -> None:
    path = refused(name, tmp_path)
    with pytest.raises(Exception) as expected:
        check_source(path)
    window.selection.select_topic(topic_id(window, D(2025, 11, 25), "ROLL"))
    form = window.editor.form
    enter, move, dropped = send(form, files(path))
    assert enter.isAccepted() and move.isAccepted()  # taken, so that the drop says why
    assert form.findChild(QWidget, "slideDropFrame").plan.hint == f"Can't attach {path.name}"
    assert not dropped.isAccepted()
    assert not window.slide_drop.busy
    message = f"{path.name}: {expected.value.message}"  # type: ignore[attr-defined]
    assert answers.notified == [message]
    assert window.statusBar().currentMessage() == message
    assert answers.asked == [] and listing(site) == []
    assert window.document.undo_stack.count() == 0


def test_refused_on_the_calendar_too(
    qtbot, window: MainWindow, answers: Answers, site: Path, tmp_path: Path
) -> None:
    view = calendar(window)
    path = refused("notes.txt", tmp_path)
    point = cell_center(view, D(2025, 11, 11))
    enter, move, dropped = send(view.viewport(), files(path), point)
    assert enter.isAccepted() and move.isAccepted() and not dropped.isAccepted()
    assert view.drop_target() == (None, None)
    assert answers.notified and answers.notified[0].startswith("notes.txt: is a .txt file")
    assert listing(site) == []


def test_missing_site_folder_is_refused(
    qtbot, window: MainWindow, answers: Answers, site: Path, tmp_path: Path
) -> None:
    window.document.replace(edits.revalidated(window.document.doc, site_folder="gone"))
    window.selection.select_topic(topic_id(window, D(2025, 11, 25), "ROLL"))
    assert not send(window.editor.form, files(pdf(tmp_path / "roll.pdf")))[-1].isAccepted()
    assert answers.notified == [
        "gone: the site folder does not exist; create it or correct the site folder"
    ]
    assert not (site / "gone").exists()


def test_calendar_without_a_handler_refuses_files(qtbot, tmp_path: Path) -> None:
    from seminar_gui.core.demo import load_demo
    from seminar_gui.qt.document import ProjectDocument
    from seminar_gui.qt.selection import Selection

    document = ProjectDocument(load_demo())
    view = CalendarView(document, Selection(document))
    qtbot.addWidget(view)
    view.resize(700, 800)
    view.show()
    data = files(pdf(tmp_path / "a.pdf"))
    enter, move, dropped = send(view.viewport(), data, cell_center(view, D(2025, 11, 11)))
    assert not enter.isAccepted() and not move.isAccepted() and not dropped.isAccepted()
    assert document.undo_stack.count() == 0


def test_unsaved_project_says_save_first(qtbot, tmp_path: Path) -> None:
    window = make_window(qtbot, None)
    answers = answer(window)
    window.selection.select_topic(topic_id(window, D(2025, 11, 25), "ROLL"))
    dropped = send(window.editor.form, files(pdf(tmp_path / "roll.pdf")))[-1]
    frame = window.editor.form.findChild(QWidget, "slideDropFrame")
    assert frame.plan.hint == "Save the project first"
    assert not dropped.isAccepted()
    assert answers.notified == ["Save the project first: slides are filed next to it"]
    assert answers.asked == [] and window.document.undo_stack.count() == 0


def test_without_answers_the_drop_asks_a_person_in_its_dialogs(
    qtbot, window: MainWindow, site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The window as an organizer has it: the drop's questions open the real dialogs
    # (imported at the first question, not at start); here the person cancels.
    from PySide6.QtWidgets import QDialog

    shown: list[str] = []
    monkeypatch.setattr(QDialog, "exec", lambda self: shown.append(self.objectName()) or 0)
    window.selection.select_topic(topic_id(window, D(2025, 11, 25), "ROLL"))
    send(window.editor.form, files(pdf(tmp_path / "roll.pdf")))
    settle(qtbot, window)
    assert shown == ["slideDropDialog"]
    assert listing(site) == [] and window.document.undo_stack.count() == 0

    unsaved = make_window(qtbot, None)
    unsaved.selection.select_topic(topic_id(unsaved, D(2025, 11, 25), "ROLL"))
    send(unsaved.editor.form, files(pdf(tmp_path / "roll.pdf")))
    message = unsaved.findChild(QMessageBox, "slideDropMessage")
    assert message is not None and message.isVisible()
    assert "Save the project first" in message.text()
    message.close()


def test_slides_go_to_the_projects_site_folder(
    qtbot, window: MainWindow, answers: Answers, site: Path, tmp_path: Path
) -> None:
    assert window.files.site_folder() == site  # by default: the project's folder
    doc = edits.revalidated(window.document.doc, site_folder="public")
    window.document.replace(doc)
    (site / "public").mkdir()
    assert window.files.site_folder() == site / "public"
    window.selection.select_topic(topic_id(window, D(2025, 11, 25), "ROLL"))
    send(window.editor.form, files(pdf(tmp_path / "roll.pdf")))
    settle(qtbot, window)
    assert (site / "public" / "slides" / "251125_ROLL.pdf").is_file()


# -------------------------------------------------------------- large files
def test_large_file_is_copied_in_a_worker_thread_with_progress(
    qtbot, window: MainWindow, answers: Answers, site: Path, tmp_path: Path, monkeypatch
) -> None:
    threads: list[int] = []
    real = slide_drop.copy_slides

    def recording(plan, **kwargs):
        threads.append(threading.get_ident())
        return real(plan, **kwargs)

    monkeypatch.setattr(slide_drop, "copy_slides", recording)
    progress: list[tuple[int, int]] = []
    window.slide_drop.progress.connect(lambda done, total: progress.append((done, total)))
    changed_in: list[int] = []  # the thread that changes the document
    window.document.changed.connect(
        lambda _ids: changed_in.append(threading.get_ident()), Qt.ConnectionType.DirectConnection
    )
    roll = topic_id(window, D(2025, 11, 25), "ROLL")
    window.selection.select_topic(roll)
    source = pdf(tmp_path / "big.pdf", 6 * 1024 * 1024)
    send(window.editor.form, files(source))
    assert window.slide_drop.busy
    settle(qtbot, window)
    assert threads and threads[0] != threading.get_ident()
    assert changed_in and set(changed_in) == {threading.get_ident()}  # linked in the main one
    assert progress[-1][0] == progress[-1][1] == source.stat().st_size
    assert len(progress) > 3
    assert (site / "slides" / "251125_ROLL.pdf").stat().st_size == source.stat().st_size
    assert slides_of(window, roll) == "./slides/251125_ROLL.pdf"


def test_cancelling_a_large_copy_keeps_nothing(
    qtbot, window: MainWindow, answers: Answers, site: Path, tmp_path: Path, monkeypatch
) -> None:
    real = slide_drop.copy_slides
    started = threading.Event()

    def slow(plan, *, progress, **kwargs):
        def slowly(done: int, total: int) -> None:
            started.set()
            threading.Event().wait(0.02)
            progress(done, total)

        return real(plan, progress=slowly, chunk=64 * 1024, **kwargs)

    monkeypatch.setattr(slide_drop, "copy_slides", slow)
    window.selection.select_topic(topic_id(window, D(2025, 11, 25), "ROLL"))
    send(window.editor.form, files(pdf(tmp_path / "big.pdf", 5 * 1024 * 1024)))
    qtbot.waitUntil(lambda: window.slide_drop.job is not None and started.is_set(), timeout=15_000)
    dialog = window.slide_drop.job.dialog
    assert dialog.objectName() == "slideCopyProgress"
    dialog.findChild(QPushButton).click()  # its Cancel button
    settle(qtbot, window)
    assert listing(site) == []  # no copy, no temporary file
    assert window.document.undo_stack.count() == 0
    assert window.statusBar().currentMessage() == "Cancelled: no slides were copied"


# ------------------------------------------------------------- naming dialog
def test_naming_dialog_proposes_notes_and_settles_conflicts(
    qtbot, site: Path, tmp_path: Path
) -> None:
    (site / "slides").mkdir(parents=True)
    source = tmp_path / "deck.pptx"
    source.write_bytes(b"PK\x03\x04 pretend pptx")
    info = check_source(source)
    request = NameRequest(source, info, site, "Tue Nov 25 · ROLL", "251125-ROLL.pptx")
    dialog = SlideDropDialog(request)
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == "251125-ROLL.pptx"
    assert "GitHub does not preview .pptx" in dialog.note_label.text()
    assert dialog.attach_button.isVisibleTo(dialog) and dialog.status == "new"
    dialog.name_edit.setText("my deck")  # the extension is kept
    assert dialog.final_name() == "my deck.pptx"
    (site / "slides" / "my deck.pptx").write_bytes(b"PK other bytes")
    dialog.name_edit.setText("my deck.pptx")
    assert dialog.status == "conflict"
    assert not dialog.attach_button.isVisibleTo(dialog)
    assert dialog.replace_button.isVisibleTo(dialog)
    assert "my deck-2.pptx" in dialog.status_label.text()
    dialog.keep_button.click()
    assert dialog.answer == NameAnswer("my deck.pptx", "keep-both")
    dialog.name_edit.setText("///")
    assert dialog.status == "" and not dialog.attach_button.isEnabled()
