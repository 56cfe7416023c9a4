"""Crash recovery keyed by a session identity and its lock, not by the process id.

A killed session leaves ``recovery-SESSION.json`` and the lock file
``recovery-SESSION.lock`` naming its process id; nobody holds that lock any more, so
the next start offers the work, even when it runs with the same process id (a
container or sandbox).  A running session's work is never offered elsewhere.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from qt_helpers import ScriptedAsker, discard_on_close

from seminar_gui.core.demo import load_demo
from seminar_gui.core.storage import dumps_project, save_project
from seminar_gui.qt import commands
from seminar_gui.qt.files.recovery import (
    RecoveryWriter,
    claim_recoveries,
    pending_recoveries,
    recovery_dir,
)
from seminar_gui.qt.main_window import MainWindow
from seminar_gui.settings import Settings

ROOT = Path(__file__).parent.parent


def _window(
    qtbot, settings: Settings | None = None, **answers: object
) -> tuple[MainWindow, ScriptedAsker]:
    win = MainWindow(settings)
    qtbot.addWidget(win, before_close_func=discard_on_close)
    asker = ScriptedAsker(**answers)
    win.asker = asker  # type: ignore[assignment]
    win.files.asker = asker  # type: ignore[assignment]
    return win, asker


def _edited(note: str):
    doc = load_demo()
    semester = doc.semesters[0]
    session = semester.sessions[0]
    topic = session.topics[0].model_copy(update={"note": note})
    session = session.model_copy(update={"topics": [topic, *session.topics[1:]]})
    semester = semester.model_copy(update={"sessions": [session, *semester.sessions[1:]]})
    return doc.model_copy(update={"semesters": [semester, *doc.semesters[1:]]})


def _first_note(win: MainWindow) -> str:
    return win.document.doc.semesters[0].sessions[0].topics[0].note


def _exe_name() -> str:
    try:
        return Path(os.readlink(f"/proc/{os.getpid()}/exe")).name
    except OSError:
        return Path(sys.executable).name


def killed_session(note: str, original: Path | None, *, pid: int, session: str = "killed") -> Path:
    """What a session killed with SIGKILL leaves: its recovery file and its lock file
    (naming its process id), the lock no longer held by anyone."""
    writer = RecoveryWriter(recovery_dir(), session=session)
    writer.write(_edited(note), original)
    writer.close()  # (the lock goes; put back the file a killed process leaves)
    lock = recovery_dir() / f"recovery-{session}.lock"
    lock.write_text(f"{pid}\n{_exe_name()}\n{socket.gethostname()}\n\n\n", encoding="utf-8")
    return writer.file


def test_work_of_a_killed_session_with_our_own_pid_is_offered(qtbot, tmp_path: Path) -> None:
    """The container case: the restarted app has the crashed one's process id."""
    project = tmp_path / "fall.json"
    save_project(load_demo(), project)
    left = killed_session("typed before the crash", project.resolve(), pid=os.getpid())
    win, asker = _window(qtbot, restore_recovery=True)
    win.open_initial(None)
    assert asker.asked == ["restore_recovery"]
    assert asker.args[0][1] == project.resolve()
    assert _first_note(win) == "typed before the crash"
    assert win.document.is_modified and win.document.path == project.resolve()
    assert not left.exists()  # restored: now this session's own file holds the work
    assert win.files.recovery.file.exists()
    assert not (recovery_dir() / "recovery-killed.lock").exists()
    # A normal close of the restored work after saving it leaves nothing behind.
    assert win.files.save()
    win.close()
    assert sorted(p.name for p in recovery_dir().iterdir()) == []


def test_declined_work_is_not_offered_again(qtbot) -> None:
    killed_session("not wanted", None, pid=os.getpid())
    win, asker = _window(qtbot, restore_recovery=False)
    win.open_initial(None)
    assert asker.asked == ["restore_recovery"]
    assert pending_recoveries() == []


def test_a_running_sessions_work_is_not_offered(qtbot, tmp_path: Path) -> None:
    """Another window (another session) of a running app keeps its recovery file."""
    running, _ = _window(qtbot)
    running.open_initial(None)
    topic = running.document.doc.semesters[0].sessions[0].topics[0].id
    running.document.undo_stack.push(
        commands.EditTopicCommand(running.document, topic, "note", "still being typed")
    )
    assert running.files.autosave()
    assert pending_recoveries() == []
    starting, asker = _window(qtbot, restore_recovery=True)
    starting.open_initial(None)
    assert "restore_recovery" not in asker.asked
    assert running.files.recovery.file.exists()
    # When that session ends without closing normally (its lock goes), it is offered.
    running.files.recovery.close()
    assert [r.file for r in pending_recoveries()] == [running.files.recovery.file]


def test_a_normal_close_removes_only_its_own_file(qtbot, tmp_path: Path) -> None:
    first, _ = _window(qtbot, save_path=tmp_path / "first.json")
    second, _ = _window(qtbot)
    for win, note in ((first, "first"), (second, "second")):
        win.open_initial(None)
        topic = win.document.doc.semesters[0].sessions[0].topics[0].id
        win.document.undo_stack.push(commands.EditTopicCommand(win.document, topic, "note", note))
        assert win.files.autosave()
    assert first.files.save()  # a clean save removes the first's file
    first.close()
    assert not first.files.recovery.file.exists()
    assert second.files.recovery.file.exists()
    assert pending_recoveries() == []  # the second is still running


def test_two_starts_never_claim_the_same_work() -> None:
    killed_session("once", None, pid=os.getpid())
    first, _ = claim_recoveries()
    second, _ = claim_recoveries()
    assert len(first) == 1 and second == []
    first[0].release()
    third, _ = claim_recoveries()
    assert len(third) == 1
    third[0].release()


def _payload(project_text: str) -> str:
    return json.dumps(
        {
            "session": "x",
            "saved_at": "2025-11-20T10:00:00+01:00",
            "original": None,
            "project": project_text,
        }
    )


GOOD = _payload(dumps_project(load_demo()))
BROKEN: dict[str, bytes] = {
    "truncated": GOOD.encode()[: len(GOOD) // 2],
    "empty": b"",
    "not-json": b"\x00\x01 this is not JSON \xff",
    "not-utf8": GOOD.encode().replace(b"Fall", b"F\xe4ll"),
    "a-list": b"[1, 2, 3]",
    "wrong-fields": b'{"session": "x", "saved_at": 5, "project": {}}',
    "no-project": b'{"session": "x", "saved_at": "2025-11-20T10:00:00"}',
    "bad-time": _payload(dumps_project(load_demo())).replace("2025-11-20", "yesterday").encode(),
    "bad-project": _payload('{"schema_version": 1, "semesters": "none"}').encode(),
    "huge-int-outside": b'{"pid": ' + b"9" * 5000 + b"}",
    "huge-int-in-project": _payload('{"schema_version": 1, "x": ' + "9" * 5000 + "}").encode(),
    "deep-nesting": b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_recovery_file_gives_a_message_and_the_app_starts(qtbot, content: bytes) -> None:
    folder = recovery_dir()
    folder.mkdir(parents=True)
    broken = folder / "recovery-0123abcd.json"
    broken.write_bytes(content)
    win, asker = _window(qtbot, restore_recovery=True)
    win.open_initial(None)  # no exception: the window is there, with the demo
    assert asker.asked == ["error"]
    title, error = asker.args[0]
    assert "could not be restored" in str(title)
    assert str(broken) in str(error)
    assert "recovery-0123abcd.json.broken" in str(error)
    assert win.files.is_demo
    assert not broken.exists()
    assert (folder / "recovery-0123abcd.json.broken").read_bytes() == content  # kept
    again, asker = _window(qtbot, restore_recovery=True)
    again.open_initial(None)
    assert asker.asked == []  # set aside: reported once


BAD_LAST = {
    "not-json": '{"schema_version": 1, "semesters": [',
    "huge-int": '{"schema_version": 1, "x": ' + "9" * 5000 + "}",  # needs the core's fix
}


@pytest.mark.parametrize("text", BAD_LAST.values(), ids=BAD_LAST.keys())
def test_a_broken_last_document_falls_back_to_the_demo(qtbot, tmp_path: Path, text: str) -> None:
    """Start-up with a last document that cannot be loaded: a message, never a crash."""
    bad = tmp_path / "last.json"
    bad.write_text(text, encoding="utf-8")
    before = bad.read_bytes()
    win, asker = _window(qtbot, Settings(last_document=str(bad)))
    win.open_initial(None)
    assert asker.asked == ["error"]
    assert "last.json" in str(asker.args[0][1])
    assert win.files.is_demo
    assert bad.read_bytes() == before


def test_a_screenshot_leaves_unsaved_work_for_the_next_start(tmp_path: Path) -> None:
    left = killed_session("keep me for later", None, pid=os.getpid())
    out = tmp_path / "shot.png"
    proc = subprocess.run(
        [sys.executable, "-m", "seminar_gui", "--screenshot", str(out)],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    assert left.exists()
    assert [r.file for r in pending_recoveries()] == [left]
