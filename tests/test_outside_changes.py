"""Other writers of the open project: other programs, a second seminar-gui, read-only files.

The files are really changed on disk, the way an editor, ``git pull`` or a script
changes them, and the window's QFileSystemWatcher has to notice; the tests wait for
the question with generous timeouts (no timing is asserted).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from qt_helpers import ScriptedAsker, discard_on_close

from seminar_gui.core.atomic import project_lock_path
from seminar_gui.core.demo import load_demo
from seminar_gui.core.model import Document
from seminar_gui.core.storage import dumps_project, load_project, save_project
from seminar_gui.qt import commands
from seminar_gui.qt.main_window import MainWindow

WAIT_MS = 15_000  # a guard against hangs, not a speed target
ROOT = Path(__file__).parent.parent


def _answer(win: MainWindow, **answers: object) -> ScriptedAsker:
    asker = ScriptedAsker(**answers)
    win.asker = asker  # type: ignore[assignment]
    win.files.asker = asker  # type: ignore[assignment]
    return asker


def _retitled(title: str) -> Document:
    """The demo with another title for its first paper: what another writer saved."""
    doc = load_demo()
    semester = doc.semesters[0]
    session = semester.sessions[0]
    topic = session.topics[0]
    topic = topic.model_copy(update={"paper": topic.paper.model_copy(update={"title": title})})
    session = session.model_copy(update={"topics": [topic, *session.topics[1:]]})
    semester = semester.model_copy(update={"sessions": [session, *semester.sessions[1:]]})
    return doc.model_copy(update={"semesters": [semester, *doc.semesters[1:]]})


def _first_title(win: MainWindow) -> str:
    return win.document.doc.semesters[0].sessions[0].topics[0].paper.title


def _edit(win: MainWindow, note: str = "typed here") -> None:
    topic = win.document.doc.semesters[0].sessions[0].topics[0].id
    win.document.undo_stack.push(commands.EditTopicCommand(win.document, topic, "note", note))


def _open_window(qtbot, path: Path | None = None) -> MainWindow:
    win = MainWindow()
    qtbot.addWidget(win, before_close_func=discard_on_close)
    win.open_initial(path)
    return win


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "site" / "fall.json"
    path.parent.mkdir()
    save_project(load_demo(), path)
    return path.resolve()


@pytest.fixture
def opened(qtbot, project: Path) -> Iterator[MainWindow]:
    win = _open_window(qtbot, project)
    assert win.document.path == project
    yield win
    win.files.shutdown()


# ---------------------------------------------------------------- how files change


def write_in_place(path: Path, text: str) -> None:
    """Truncate and rewrite the same file (same inode), like `echo > file`."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def replace_atomically(path: Path, text: str) -> None:
    """Write a temporary file and rename it over the project, like git or an editor."""
    temp = path.with_name(f".{path.name}.other-editor~")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def delete_and_recreate(path: Path, text: str) -> None:
    """Delete, then create a new file under the same name, like `git checkout`."""
    path.unlink()
    path.write_text(text, encoding="utf-8")


CHANGES = [write_in_place, replace_atomically, delete_and_recreate]


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.__name__)
def test_an_outside_change_is_noticed_and_reload_shows_it(
    qtbot, opened: MainWindow, project: Path, change: Callable[[Path, str], None]
) -> None:
    asker = _answer(opened, outside_change="reload")
    change(project, dumps_project(_retitled("Written by another program")))
    qtbot.waitUntil(lambda: asker.count("outside_change") == 1, timeout=WAIT_MS)
    assert asker.args[0] == (project, False)  # the path; no unsaved changes to lose
    assert _first_title(opened) == "Written by another program"
    assert not opened.document.is_modified
    assert "outside_deleted" not in asker.asked


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.__name__)
def test_every_later_change_is_noticed_too(
    qtbot, opened: MainWindow, project: Path, change: Callable[[Path, str], None]
) -> None:
    """The watch is re-armed: a replaced or re-created file is watched again (Keep mine
    each time, so nothing but the watcher itself looks at the file again)."""
    asker = _answer(opened, outside_change="keep")
    # Each kind of change, each followed by an in-place write (an editor like nano):
    # after a replace, only a watch on the new file sees that one.
    steps = [change, write_in_place, change, write_in_place]
    for n, step in enumerate(steps, start=1):
        step(project, dumps_project(_retitled(f"Outside version {n}")))
        qtbot.waitUntil(lambda n=n: asker.count("outside_change") == n, timeout=WAIT_MS)
    assert _first_title(opened) == load_demo().semesters[0].sessions[0].topics[0].paper.title


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.__name__)
def test_keep_mine_makes_the_next_save_write_ours(
    qtbot, opened: MainWindow, project: Path, change: Callable[[Path, str], None]
) -> None:
    asker = _answer(opened, outside_change="keep")
    ours = opened.document.doc
    change(project, dumps_project(_retitled("Theirs")))
    qtbot.waitUntil(lambda: asker.count("outside_change") == 1, timeout=WAIT_MS)
    assert opened.document.doc is ours
    assert opened.document.is_modified  # the file on disk is not what is shown
    assert opened.files.save()
    assert load_project(project) == ours


def test_unsaved_changes_are_mentioned_before_a_reload(
    qtbot, opened: MainWindow, project: Path
) -> None:
    _edit(opened)
    asker = _answer(opened, outside_change="keep")
    replace_atomically(project, dumps_project(_retitled("Theirs")))
    qtbot.waitUntil(lambda: asker.count("outside_change") == 1, timeout=WAIT_MS)
    assert asker.args[0] == (project, True)  # modified: the question says they are lost
    assert opened.document.doc.semesters[0].sessions[0].topics[0].note == "typed here"
    assert opened.document.undo_stack.canUndo()  # keeping ours keeps its history


def test_the_same_outside_version_is_not_asked_about_twice(
    qtbot, opened: MainWindow, project: Path
) -> None:
    asker = _answer(opened, outside_change="keep")
    theirs = dumps_project(_retitled("Theirs"))
    write_in_place(project, theirs)
    qtbot.waitUntil(lambda: asker.count("outside_change") == 1, timeout=WAIT_MS)
    # The same bytes again, a touch and a chmod: the file signals, but nothing is new.
    watcher = opened.files.watcher
    for same in (
        lambda: write_in_place(project, theirs),
        lambda: os.utime(project),
        lambda: project.chmod(0o640),
    ):
        with qtbot.waitSignal(watcher.checked, timeout=WAIT_MS):
            same()
        assert asker.count("outside_change") == 1
    replace_atomically(project, dumps_project(_retitled("Theirs, second version")))
    qtbot.waitUntil(lambda: asker.count("outside_change") == 2, timeout=WAIT_MS)


def test_our_own_saves_never_ask(qtbot, opened: MainWindow, project: Path) -> None:
    asker = _answer(opened, outside_change="keep", confirm_export=True)
    watcher = opened.files.watcher
    for n in range(5):  # saves with .bak rotation, a temp file and a rename each
        _edit(opened, f"note {n}")
        with qtbot.waitSignal(watcher.checked, timeout=WAIT_MS):  # it looked at the file
            assert opened.files.save()
    with qtbot.waitSignal(watcher.checked, timeout=WAIT_MS):
        assert opened.files.export_readme(project.with_name("README.md"))  # same folder
    assert asker.asked == ["confirm_export"]
    # Then one change from outside: it must be the only question.
    replace_atomically(project, dumps_project(_retitled("Theirs")))
    qtbot.waitUntil(lambda: asker.count("outside_change") == 1, timeout=WAIT_MS)
    qtbot.wait(1000)
    assert asker.asked.count("outside_change") == 1
    assert "outside_deleted" not in asker.asked


def test_save_as_watches_the_new_file(
    qtbot, opened: MainWindow, project: Path, tmp_path: Path
) -> None:
    other = tmp_path / "spring.json"
    asker = _answer(opened, save_path=other, outside_change="reload")
    assert opened.files.save_as()
    write_in_place(project, dumps_project(_retitled("Old file changed")))  # not ours now
    write_in_place(other, dumps_project(_retitled("New file changed")))
    qtbot.waitUntil(lambda: asker.count("outside_change") == 1, timeout=WAIT_MS)
    qtbot.wait(1000)
    assert asker.args[-1][0] == other.resolve()
    assert asker.count("outside_change") == 1
    assert _first_title(opened) == "New file changed"


def test_a_deleted_project_is_reported_and_can_be_saved_again(
    qtbot, opened: MainWindow, project: Path
) -> None:
    asker = _answer(opened)
    shown = opened.document.doc
    project.unlink()
    qtbot.waitUntil(lambda: asker.count("outside_deleted") == 1, timeout=WAIT_MS)
    assert asker.args[0] == (project,)
    assert opened.document.doc is shown
    assert opened.document.is_modified
    assert opened.files.save()
    assert load_project(project) == shown
    # ...and watched again after that.
    _answer(opened, outside_change="reload")
    asker = opened.files.asker  # type: ignore[assignment]
    write_in_place(project, dumps_project(_retitled("After the comeback")))
    qtbot.waitUntil(lambda: asker.count("outside_change") == 1, timeout=WAIT_MS)
    assert _first_title(opened) == "After the comeback"


def test_a_project_deleted_and_later_restored_by_another_program_is_noticed(
    qtbot, opened: MainWindow, project: Path
) -> None:
    """After a delete the file is gone from the watch: the folder's signal sees it back."""
    asker = _answer(opened, outside_change="keep")
    saved = project.read_bytes()
    project.unlink()
    qtbot.waitUntil(lambda: asker.count("outside_deleted") == 1, timeout=WAIT_MS)
    write_in_place(project, dumps_project(_retitled("Checked out again")))
    qtbot.waitUntil(lambda: asker.count("outside_change") == 1, timeout=WAIT_MS)
    # Back with the very bytes we had: nothing to ask.
    project.unlink()
    qtbot.waitUntil(lambda: asker.count("outside_deleted") == 2, timeout=WAIT_MS)
    project.write_bytes(saved)
    qtbot.wait(1500)
    assert asker.count("outside_change") == 1


def test_a_broken_outside_version_keeps_the_document(
    qtbot, opened: MainWindow, project: Path
) -> None:
    asker = _answer(opened, outside_change="reload")
    shown = opened.document.doc
    write_in_place(project, '{"schema_version": 1, "semesters": [')  # half written
    qtbot.waitUntil(lambda: "error" in asker.asked, timeout=WAIT_MS)
    assert opened.document.doc is shown
    assert opened.document.is_modified  # Save would write the good version back
    assert "fall.json" in str(asker.args[asker.asked.index("error")][1])


def test_a_change_while_the_question_is_open_is_asked_about_afterwards(
    qtbot, opened: MainWindow, project: Path
) -> None:
    """A real message box runs an event loop: the watcher fires meanwhile, but there is
    never a second box on top; the newer version is asked about once the first closes."""
    open_questions: list[int] = []

    def answer(path: Path, modified: bool) -> str:
        open_questions.append(1)
        assert len(open_questions) == 1, "a second question on top of the first"
        if asker.count("outside_change") == 1:
            write_in_place(project, dumps_project(_retitled("Changed while asking")))
            qtbot.wait(1500)  # the box's event loop: the watcher sees the change now
        open_questions.pop()
        return "keep"

    asker = _answer(opened, outside_change=answer)
    replace_atomically(project, dumps_project(_retitled("First change")))
    qtbot.waitUntil(lambda: asker.count("outside_change") == 2, timeout=WAIT_MS)
    qtbot.wait(1000)
    assert asker.count("outside_change") == 2


def test_closing_the_project_stops_watching(qtbot, opened: MainWindow, project: Path) -> None:
    asker = _answer(opened)
    opened.close_project()
    write_in_place(project, dumps_project(_retitled("Nobody is looking")))
    project.unlink()
    qtbot.wait(1500)
    assert asker.asked == []


# ------------------------------------------------------------------------- the lock

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from seminar_gui.qt.main_window import MainWindow
    win = MainWindow()
    ok = win.files.load(Path(sys.argv[1]))
    print("OPEN" if ok and win.files.lock.held else "NOT-OPEN", flush=True)
    time.sleep(120)
    """
)


def _start_holder(project: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(project)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    line = proc.stdout.readline().strip() if proc.stdout else ""
    if line != "OPEN":
        proc.kill()
        proc.wait(timeout=30)
        pytest.fail(f"the other seminar-gui did not open the project: {line!r}")
    return proc


def test_a_second_instance_is_warned_and_a_killed_ones_lock_is_taken_over(
    qtbot, project: Path
) -> None:
    other = _start_holder(project)
    try:
        win = _open_window(qtbot)
        asker = _answer(win, other_instance=False)
        assert win.files.load(project) is False  # Cancel: nothing opened
        assert asker.asked == ["other_instance"]
        path, who = asker.args[0]
        assert path == project
        assert f"process {other.pid}" in str(who)
        assert win.document.path is None
        asker = _answer(win, other_instance=True)  # Open anyway
        assert win.files.load(project)
        assert win.document.path == project
        assert not win.files.lock or not win.files.lock.held
    finally:
        other.send_signal(signal.SIGKILL)
        other.wait(timeout=30)
    lock_file = project_lock_path(project)
    assert lock_file.exists()  # left behind by the killed process
    again = _open_window(qtbot)
    asker = _answer(again)
    assert again.files.load(project)
    assert asker.asked == []  # a dead process's lock is taken over without asking
    assert again.files.lock is not None and again.files.lock.held
    assert lock_file.read_text(encoding="utf-8").split("\n")[0] == str(os.getpid())
    win.files.shutdown()
    again.files.shutdown()
    assert not lock_file.exists()


def test_a_lock_left_by_a_dead_process_with_our_pid_is_taken_over(qtbot, project: Path) -> None:
    """In a container the restarted app often has the crashed one's process id."""
    lock_file = project_lock_path(project)
    exe = Path(os.readlink(f"/proc/{os.getpid()}/exe")).name if sys.platform == "linux" else ""
    lock_file.write_text(f"{os.getpid()}\n{exe}\n{os.uname().nodename}\n\n\n", encoding="utf-8")
    win = _open_window(qtbot)
    asker = _answer(win)
    assert win.files.load(project)
    assert asker.asked == []
    assert win.files.lock is not None and win.files.lock.held
    win.files.shutdown()
    assert not lock_file.exists()


def test_the_lock_follows_the_open_project(qtbot, project: Path, tmp_path: Path) -> None:
    second = tmp_path / "second.json"
    save_project(load_demo(), second)
    win = _open_window(qtbot, project)
    assert project_lock_path(project).exists()
    assert win.files.open(second)
    assert not project_lock_path(project).exists()  # released on open-another
    assert project_lock_path(second.resolve()).exists()
    win.close_project()
    assert not project_lock_path(second.resolve()).exists()  # released on close
    _answer(win, save_path=project)
    assert win.files.save_as()
    assert project_lock_path(project).exists()  # taken on save-as
    win.files.shutdown()
    assert not project_lock_path(project).exists()


def test_two_windows_of_one_process_share_the_lock(qtbot, project: Path) -> None:
    first = _open_window(qtbot, project)
    second = _open_window(qtbot)
    asker = _answer(second)
    assert second.files.load(project)
    assert asker.asked == []
    first.files.shutdown()
    assert project_lock_path(project).exists()  # the second still has it open
    second.files.shutdown()
    assert not project_lock_path(project).exists()


def test_the_lock_file_is_hidden_next_to_the_project(project: Path) -> None:
    assert project_lock_path(project) == project.with_name(".fall.json.seminar-gui.lock")


# --------------------------------------------------------------- read-only files


@pytest.mark.parametrize("answer", ["cancel", None])
def test_a_read_only_project_is_not_replaced_without_asking(
    opened: MainWindow, project: Path, answer: str | None
) -> None:
    _edit(opened)
    project.chmod(0o444)
    before = project.read_bytes()
    asker = _answer(opened, replace_read_only=answer)
    assert opened.files.save() is False
    assert asker.asked == ["replace_read_only"]
    assert asker.args[0] == (project,)
    assert project.read_bytes() == before
    assert opened.document.is_modified


def test_replace_anyway_writes_it_and_keeps_it_read_only(opened: MainWindow, project: Path) -> None:
    _edit(opened, "replaced anyway")
    project.chmod(0o444)
    _answer(opened, replace_read_only="replace")
    assert opened.files.save()
    assert load_project(project).semesters[0].sessions[0].topics[0].note == "replaced anyway"
    assert project.stat().st_mode & 0o777 == 0o444
    assert not opened.document.is_modified


def test_save_as_instead_leaves_the_read_only_file(
    opened: MainWindow, project: Path, tmp_path: Path
) -> None:
    _edit(opened, "saved elsewhere")
    project.chmod(0o444)
    before = project.read_bytes()
    elsewhere = tmp_path / "copy.json"
    asker = _answer(opened, replace_read_only="save_as", save_path=elsewhere)
    assert opened.files.save()
    assert asker.asked == ["replace_read_only", "save_path"]
    assert project.read_bytes() == before
    assert load_project(elsewhere).semesters[0].sessions[0].topics[0].note == "saved elsewhere"
    assert opened.document.path == elsewhere.resolve()


# ---------------------------------------------------------------------------- soak

SOAK_FULL = os.environ.get("SEMINAR_GUI_SOAK") == "full"
SOAK_ROUNDS = 600 if SOAK_FULL else 12  # a multiple of the kinds: each as often
SOAK_SEED = int(os.environ.get("SEMINAR_GUI_SOAK_SEED", "20250808"))
SOAK_KINDS = [
    "in_place",
    "atomic_replace",
    "delete_recreate",
    "delete_then_restore",
    "same_bytes_touch_chmod",
    "own_save",
]


@pytest.mark.soak
def test_watcher_soak_every_outside_change_is_asked_once_and_nothing_else(
    qtbot, tmp_path: Path
) -> None:
    """Random outside changes (each kind), unchanged rewrites and the app's own saves,
    answered Reload or Keep mine at random: every outside version is asked about exactly
    once, a deletion reported once, nothing else ever asks.

    Default 12 rounds (each kind twice, in random order); full run 600 rounds
    (figures for docs/reliability.md):

        SEMINAR_GUI_SOAK=full .venv/bin/python -m pytest -p no:cacheprovider -s -m soak \\
            tests/test_outside_changes.py
    """
    import random
    import statistics
    import time

    from pytestqt.exceptions import TimeoutError as WaitTimeout

    rng = random.Random(SOAK_SEED)
    project = tmp_path / "fall.json"
    save_project(load_demo(), project)
    project = project.resolve()
    win = _open_window(qtbot, project)
    changed_at = [0.0]
    latencies: list[float] = []

    def answer(path: Path, modified: bool) -> str:
        latencies.append((time.perf_counter() - changed_at[0]) * 1000)
        return rng.choice(["reload", "keep"])

    asker = _answer(win, outside_change=answer)
    watcher = win.files.watcher
    failures: list[str] = []
    counts = dict.fromkeys(SOAK_KINDS, 0)

    def expect(round_no: int, kind: str, name: str, n: int) -> None:
        try:
            qtbot.waitUntil(lambda: asker.count(name) >= n, timeout=WAIT_MS)
        except WaitTimeout:
            failures.append(f"round {round_no} ({kind}): no {name} question")

    kinds = SOAK_KINDS * (SOAK_ROUNDS // len(SOAK_KINDS))
    rng.shuffle(kinds)
    for round_no, kind in enumerate(kinds, start=1):
        counts[kind] += 1
        text = dumps_project(_retitled(f"Outside version {round_no}"))
        asked_before = {q: asker.count(q) for q in ("outside_change", "outside_deleted")}
        want = dict(asked_before)
        changed_at[0] = time.perf_counter()
        if kind == "in_place":
            write_in_place(project, text)
            want["outside_change"] += 1
        elif kind == "atomic_replace":
            replace_atomically(project, text)
            want["outside_change"] += 1
        elif kind == "delete_recreate":
            delete_and_recreate(project, text)
            want["outside_change"] += 1
        elif kind == "delete_then_restore":
            project.unlink()
            want["outside_deleted"] += 1
            expect(round_no, kind, "outside_deleted", want["outside_deleted"])
            changed_at[0] = time.perf_counter()
            write_in_place(project, text)
            want["outside_change"] += 1
        elif kind == "same_bytes_touch_chmod":
            with qtbot.waitSignal(watcher.checked, timeout=WAIT_MS):
                write_in_place(project, project.read_text(encoding="utf-8"))
                os.utime(project)
                project.chmod(0o600 if project.stat().st_mode & 0o044 else 0o644)
        else:  # own_save
            _edit(win, f"note {round_no}")
            with qtbot.waitSignal(watcher.checked, timeout=WAIT_MS):
                if not win.files.save():
                    failures.append(f"round {round_no} ({kind}): the save failed")
        if want["outside_change"] > asked_before["outside_change"]:
            expect(round_no, kind, "outside_change", want["outside_change"])
        with qtbot.waitSignal(watcher.checked, timeout=WAIT_MS):
            watcher.look_again()  # one more look: anything left over would ask now
        got = {q: asker.count(q) for q in want}
        if got != want:
            failures.append(f"round {round_no} ({kind}): asked {got}, expected {want}")
    win.files.shutdown()
    print(
        f"\nwatcher soak: {SOAK_ROUNDS} rounds, {len(failures)} failures; "
        + ", ".join(f"{k} {v}" for k, v in counts.items())
        + f"; {len(latencies)} questions, change to question median "
        f"{statistics.median(latencies) if latencies else 0:.0f} ms, slowest "
        f"{max(latencies, default=0):.0f} ms (debounce 300 ms); seed {SOAK_SEED}"
    )
    assert not failures, "\n".join(failures[:20])
