"""The window's files: save and reopen, export README, unsaved-changes prompt, autosave."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox
from qt_helpers import ScriptedAsker, discard_on_close

from seminar_gui.cli import main as cli_main
from seminar_gui.core.demo import load_demo
from seminar_gui.core.storage import load_project
from seminar_gui.qt import commands
from seminar_gui.qt.files.recovery import pending_recoveries
from seminar_gui.qt.main_window import MainWindow

FIXTURES = Path(__file__).parent / "fixtures"


def _answer(win: MainWindow, **answers: object) -> ScriptedAsker:
    asker = ScriptedAsker(**answers)
    win.asker = asker
    win.files.asker = asker  # type: ignore[assignment]
    return asker


def _first_topic(win: MainWindow) -> str:
    return win.document.doc.semesters[0].sessions[0].topics[0].id


def test_starts_with_the_demo(window: MainWindow) -> None:
    assert window.document.doc == load_demo()
    assert window.windowTitle().startswith("Demo semester")
    assert not window.isWindowModified()


def test_save_reopen_gives_the_same_document(window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "fall.json"
    topic = _first_topic(window)
    window.document.undo_stack.push(
        commands.EditTopicCommand(window.document, topic, "title", "Edited: a new title")
    )
    assert window.isWindowModified()
    _answer(window, save_path=target)
    window.act_save.trigger()
    assert target.is_file()
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("fall.json")
    saved = window.document.doc

    other = MainWindow()
    other.files.load(target)
    assert other.document.doc == saved
    assert other.document.doc.find_topic(topic)[2].paper.title == "Edited: a new title"
    other.deleteLater()


def test_failed_save_keeps_the_document_modified(window: MainWindow, tmp_path: Path) -> None:
    window.document.undo_stack.push(
        commands.EditTopicCommand(window.document, _first_topic(window), "note", "x")
    )
    asker = _answer(window, save_path=tmp_path / "missing-folder" / "p.json")
    assert window.files.save() is False
    assert "error" in asker.asked
    assert window.document.is_modified


def test_export_readme_writes_the_same_bytes_as_the_cli(window: MainWindow, tmp_path: Path) -> None:
    project = tmp_path / "p.json"
    _answer(window, save_path=project, confirm_export=True)
    window.files.save_as()
    readme = tmp_path / "README.md"
    readme.write_text("# 2025 Fall\n\nold text\n", encoding="utf-8")
    diffs: list[str] = []
    _answer(
        window,
        readme_to_export=readme,
        confirm_export=lambda path, diff: diffs.append(diff) or True,
    )
    assert window.files.export_readme()
    assert diffs and "-old text" in diffs[0] and "+## Schedule" in diffs[0]
    gui_bytes = readme.read_bytes()
    cli_out = tmp_path / "cli.md"
    assert cli_main(["export", str(project), "-o", str(cli_out)]) == 0
    assert gui_bytes == cli_out.read_bytes()


def test_export_is_not_written_without_confirmation(window: MainWindow, tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("keep me\n", encoding="utf-8")
    _answer(window, readme_to_export=readme, confirm_export=False)
    assert window.files.export_readme() is False
    assert readme.read_text(encoding="utf-8") == "keep me\n"


def test_export_asks_once_with_the_diff(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Replacing README.md is confirmed by the diff dialog alone: the file dialog must
    not ask "replace?" first (it did, with No as the default)."""
    readme = tmp_path / "README.md"
    readme.write_text("old\n", encoding="utf-8")
    asked: list[QFileDialog.Option] = []

    def save_file_name(*_args: object, **kwargs: object) -> tuple[str, str]:
        asked.append(kwargs.get("options", QFileDialog.Option(0)))  # type: ignore[arg-type]
        return str(readme), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file_name)
    shown: list[str] = []
    monkeypatch.setattr(
        window.asker, "confirm_export", lambda _p, diff, **_kw: shown.append(diff) or True
    )
    assert window.files.export_readme() is True
    assert len(asked) == 1 and asked[0] & QFileDialog.Option.DontConfirmOverwrite
    assert len(shown) == 1 and "-old" in shown[0]  # the one question: the diff
    assert readme.read_text(encoding="utf-8") != "old\n"


@pytest.mark.parametrize(
    ("answer", "closes", "saved"),
    [
        (QMessageBox.StandardButton.Cancel, False, False),
        (QMessageBox.StandardButton.Discard, True, False),
        (QMessageBox.StandardButton.Save, True, True),
    ],
)
def test_unsaved_changes_prompt_on_close(
    qtbot, tmp_path: Path, answer: QMessageBox.StandardButton, closes: bool, saved: bool
) -> None:
    win = MainWindow()
    qtbot.addWidget(win, before_close_func=discard_on_close)
    win.open_initial(None)
    win.show()
    win.document.undo_stack.push(
        commands.EditTopicCommand(win.document, _first_topic(win), "note", "Unsaved note")
    )
    target = tmp_path / "saved.json"
    asker = _answer(win, save_changes=answer, save_path=target)
    win.close()
    assert asker.asked[0] == "save_changes"
    assert win.isVisible() is not closes
    assert target.exists() is saved
    if saved:
        assert load_project(target).semesters[0].sessions[0].topics[0].note == "Unsaved note"


def test_open_bad_file_keeps_the_document(window: MainWindow, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 1, "semesters": [}', encoding="utf-8")
    before_doc, before_bytes = window.document.doc, bad.read_bytes()
    asker = _answer(window, open_path=bad)
    assert window.files.open() is False
    assert asker.asked == ["open_path", "error"]
    assert window.document.doc is before_doc
    assert bad.read_bytes() == before_bytes


def test_recent_files_and_last_document(qtbot, tmp_path: Path) -> None:
    win = MainWindow()
    qtbot.addWidget(win, before_close_func=discard_on_close)
    win.open_initial(None)
    target = tmp_path / "recent.json"
    _answer(win, save_path=target)
    win.files.save_as()
    assert win.settings.recent_files[0] == str(target.resolve())
    assert [a.text() for a in win.recent_menu.actions()] == ["recent.json"]
    # The next start opens the last document.
    from seminar_gui.settings import load_settings

    again = MainWindow(load_settings())
    qtbot.addWidget(again, before_close_func=discard_on_close)
    again.open_initial(None)
    assert again.document.path == target.resolve()


# ------------------------------------------------------------------ crash recovery

CRASHING_APP = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from seminar_gui.qt import commands
    from seminar_gui.qt.main_window import MainWindow
    win = MainWindow()
    win.open_initial(Path(sys.argv[1]))
    topic = win.document.doc.semesters[0].sessions[0].topics[0].id
    win.document.undo_stack.push(
        commands.EditTopicCommand(win.document, topic, "title", "Typed before the crash")
    )
    deadline = time.monotonic() + 30
    while not win.files.recovery.file.exists() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.05)
    print("AUTOSAVED" if win.files.recovery.file.exists() else "NO-AUTOSAVE", flush=True)
    time.sleep(120)
    """
)


def test_autosave_is_offered_after_kill_9(qtbot, tmp_path: Path) -> None:
    project = tmp_path / "work.json"
    fixture = Path(__file__).parent / "fixtures" / "2025-fall-README.md"
    cli_main(["import", "-q", str(fixture), "-o", str(project)])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, "-c", CRASHING_APP, str(project)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=Path(__file__).parent.parent,
    )
    try:
        line = proc.stdout.readline().strip() if proc.stdout else ""
        assert line == "AUTOSAVED"
        assert len(list((Path(env["SEMINAR_GUI_STATE_DIR"]) / "recovery").glob("*.json"))) == 1
        # While that seminar-gui runs, its work is not offered to another one.
        assert pending_recoveries() == []
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    start = dt.datetime.now().astimezone()
    pending = pending_recoveries()
    assert len(pending) == 1 and pending[0].original == project.resolve()
    assert (start - pending[0].saved_at).total_seconds() < 120

    win = MainWindow()
    qtbot.addWidget(win, before_close_func=discard_on_close)
    offered: list[tuple[object, object]] = []
    _answer(
        win,
        restore_recovery=lambda saved_at, original: offered.append((saved_at, original)) or True,
    )
    win.open_initial(project)
    assert offered and offered[0][1] == project.resolve()
    topic = win.document.doc.semesters[0].sessions[0].topics[0]
    assert topic.paper.title == "Typed before the crash"
    assert win.document.is_modified and win.document.path == project.resolve()
    assert load_project(project).semesters[0].sessions[0].topics[0].paper.title != (
        "Typed before the crash"
    )  # the project file itself was never touched
    # A clean save removes the recovery file.
    win.files.save()
    assert not list((Path(env["SEMINAR_GUI_STATE_DIR"]) / "recovery").glob("*.json"))


def test_screenshot_command_makes_a_real_picture(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    out = tmp_path / "shot.png"
    proc = subprocess.run(
        [sys.executable, "-m", "seminar_gui", "--screenshot", str(out)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)
    colours = set()
    values = []
    for x in range(0, 1400, 23):
        for y in range(0, 900, 19):
            rgb = image.pixel(x, y) & 0xFFFFFF
            colours.add(rgb)
            values.append((rgb >> 16) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF))
    mean = sum(values) / len(values)
    variance = sum((v - mean) ** 2 for v in values) / len(values)
    assert len(colours) > 20, "the picture is almost one colour"
    assert variance > 500, "the picture is blank"


def test_a_screenshot_leaves_the_organizers_settings_as_they_were(tmp_path: Path) -> None:
    """``--screenshot FILE`` opens the file in a window of its own: the organizer's
    recent files, window layout and choices stay (it once wrote its defaults over them)."""
    from seminar_gui.core.storage import save_project
    from seminar_gui.settings import Settings, save_settings, settings_path

    project = tmp_path / "fall.json"
    save_project(load_demo(), project)
    mine = Settings(
        recent_files=["/home/me/seminar/2026-spring.json"],
        last_document="/home/me/seminar/2026-spring.json",
        splitter_sizes=[500, 400, 500],
        welcomed=True,
        lookup_timeout=30.0,
    )
    save_settings(mine)
    before = settings_path().read_bytes()
    out = tmp_path / "shot.png"
    proc = subprocess.run(
        [sys.executable, "-m", "seminar_gui", "--screenshot", str(out), str(project)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.is_file()
    assert settings_path().read_bytes() == before


def test_screenshot_of_a_bad_file_fails_clearly(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    proc = subprocess.run(
        [sys.executable, "-m", "seminar_gui", "--screenshot", str(out), str(tmp_path / "no.json")],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 2
    assert "seminar-gui: error: Could not open the project" in proc.stderr
    assert "no.json" in proc.stderr
    assert not out.exists()


def test_first_export_after_a_mojibake_import_says_so(
    window: MainWindow, tmp_path: Path, qtbot
) -> None:
    """The group's README has mojibake; the import repaired it.  Exporting over that
    README names the repaired lines instead of listing each as a change."""
    from seminar_gui.qt.files.export_dialog import ExportDiffDialog

    readme = tmp_path / "README.md"
    readme.write_bytes((FIXTURES / "2025-fall-README.md").read_bytes())
    asked: list[tuple[str, int]] = []
    _answer(window, readme_to_import=readme, readme_to_export=readme)
    window.files.asker.confirm_export = (  # type: ignore[method-assign]
        lambda _path, diff, repaired=0: asked.append((diff, repaired)) or False
    )
    assert window.files.import_readme()
    assert window.files.export_readme() is False  # not confirmed: nothing written
    [(diff, repaired)] = asked
    assert repaired >= 10  # the fixture's damaged emoji lines
    removed = [line for line in diff.splitlines() if line.startswith("-")]
    garbled = [line for line in removed if "â€" in line]
    # Only the two lines that change in other ways too (a full-width comma, "and"
    # between names) still show their mojibake; the 35 others are not listed.
    assert len(garbled) == 2 and all("，" in line or " and " in line for line in garbled)
    assert len(removed) < 20  # the "---" header and the normalizations, not 37 more

    dialog = ExportDiffDialog(readme, "", window, repaired=repaired)
    qtbot.addWidget(dialog)
    note = dialog.findChild(QLabel, "exportMojibakeNote")
    assert note is not None and f"{repaired} lines" in note.text() and "mojibake" in note.text()
    summary = dialog.findChild(QLabel, "exportSummary")
    assert summary.text().startswith("No other changes")


def test_a_project_opens_on_the_semester_shown_last_time_and_its_next_session(
    qtbot, tmp_path: Path
) -> None:
    """Opening lands where the organizer left the project: the semester shown when it
    was last closed, on its next session (a past semester: its latest); the editor, the
    calendar and the preview show it, and they followed the selection once, not first
    to a default semester or session."""
    from seminar_gui.core.model import Document, Presenter, Semester, Session, Topic
    from seminar_gui.core.storage import save_project
    from seminar_gui.settings import Settings

    def semester(title: str, days: list[dt.date]) -> Semester:
        topic = lambda: Topic(presenters=[Presenter(name="Ann Lee")])  # noqa: E731
        return Semester(title=title, sessions=[Session(date=d, topics=[topic()]) for d in days])

    future = [dt.date(2099, 9, 15), dt.date(2099, 9, 8), dt.date(2099, 9, 1)]
    past = [dt.date(2024, 12, 3), dt.date(2024, 11, 26)]
    doc = Document(semesters=[semester("2099 Fall", future), semester("2024 Fall", past)])
    path = tmp_path / "p.json"
    save_project(doc, path)

    def opened(settings: Settings) -> tuple[MainWindow, list[object]]:
        win = MainWindow(settings)
        qtbot.addWidget(win)
        emitted: list[object] = []
        win.selection.changed.connect(lambda: emitted.append(win.selection.session_id))
        assert win.files.load(path)
        return win, emitted

    win, emitted = opened(Settings.unsaved(last_semester={str(path): "2024 Fall"}))
    last_time = win.document.doc.semesters[1]
    assert win.selection.semester_id == last_time.id
    assert win.selection.session_id == last_time.sessions[0].id  # 3 Dec 2024, its latest
    assert emitted == [last_time.sessions[0].id]  # one move, straight there
    assert win.calendar.view.model().semester_id == last_time.id
    assert win.editor.title.text().endswith("· 2024 Fall")
    win.preview.render_now()
    assert win.preview.toPlainText().startswith("2024 Fall")  # the semester on show

    win, emitted = opened(Settings.unsaved())  # not shown before: the first semester
    newest = win.document.doc.semesters[0]
    assert win.selection.semester_id == newest.id
    assert win.selection.session_id == newest.sessions[-1].id  # its next one: 1 Sep 2099
    assert len(emitted) == 1
