"""File › Publish… in the window, the repository state in the status bar, and the slide
files linked but not committed in the Problems panel (issue 12, items 1–4).

Every test publishes into a real Git checkout whose remote is a bare repository on the
local disk (no network); git runs in worker threads, so the tests wait for answers.
"""

from __future__ import annotations

import itertools
import shutil
import stat
import subprocess
import time
from pathlib import Path

import pytest
from git_helpers import clone, configure, git
from PySide6.QtCore import QTimer
from qt_helpers import discard_on_close

from seminar_gui.core.demo import load_demo
from seminar_gui.core.readme.export import export_readme
from seminar_gui.core.storage import save_project
from seminar_gui.qt import commands
from seminar_gui.qt.main_window import MainWindow
from seminar_gui.qt.publish.status import describe

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs the git command")

WAIT_MS = 30_000


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    """A bare repository (the group's remote) with one commit on main."""
    bare = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(bare)], check=True)
    seed = tmp_path / "seed"
    subprocess.run(["git", "clone", "-q", str(bare), str(seed)], check=True)
    configure(seed, "Seed")
    git(seed, "switch", "-q", "-c", "main")
    (seed / ".gitignore").write_text("*.tmp\n", encoding="utf-8")
    git(seed, "add", ".gitignore")
    git(seed, "commit", "-q", "-m", "Start")
    git(seed, "push", "-q", "origin", "main")
    return bare


@pytest.fixture
def site(remote: Path, tmp_path: Path) -> Path:
    """Our checkout: the demo project saved in it, its linked slide files beside it."""
    checkout = clone(remote, tmp_path / "site", "Organizer")
    doc = load_demo()
    for semester in doc.semesters:
        for session in semester.sessions:
            for topic in session.topics:
                if topic.slides.startswith("./slides/"):
                    path = checkout / topic.slides.removeprefix("./")
                    path.parent.mkdir(exist_ok=True)
                    path.write_bytes(b"%PDF-1.4\n% slides\n")
    save_project(doc, checkout / "schedule.seminar.json")
    return checkout


@pytest.fixture
def win(qtbot, site: Path) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=discard_on_close)
    assert window.files.load(site / "schedule.seminar.json")
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def publish(qtbot, win: MainWindow, *, push: bool, message: str | None = None) -> None:
    """File › Publish…, wait for the plan, tick or untick Push, click Publish, wait."""
    win.act_publish.trigger()
    controller = win._publisher
    assert controller is not None
    qtbot.waitUntil(lambda: controller.dialog is not None, timeout=WAIT_MS)
    dialog = controller.dialog
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    dialog.push.setChecked(push)
    if message is not None:
        dialog.message.setPlainText(message)
    assert dialog.publish_button.isEnabled()
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
        dialog.publish_button.click()


def remote_file(remote: Path, path: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(remote), "show", f"main:{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_the_dialog_publishes_and_the_remote_has_the_readme(qtbot, win, site, remote) -> None:
    (site / "notes.tmp.md").write_text("unrelated work in progress\n", encoding="utf-8")
    win.act_publish.trigger()
    controller = win._publisher
    assert controller is not None
    qtbot.waitUntil(lambda: controller.dialog is not None and not controller.dialog.busy)
    dialog = controller.dialog
    shown = {dialog.paths.item(i).text() for i in range(dialog.paths.count())}
    # What will be committed: README.md, the slides and the project, nothing else.
    assert {"README.md", "schedule.seminar.json", "slides/251125_ROLL.pdf"} <= shown
    assert "notes.tmp.md" not in shown
    assert dialog.message.toPlainText().strip()  # a generated message, editable
    dialog.push.setChecked(True)
    dialog.message.setPlainText("Schedule for the fall")
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS) as blocker:
        dialog.publish_button.click()
    assert blocker.args == [True]
    assert controller.dialog is None  # closed when done
    assert remote_file(remote, "README.md") == export_readme(win.document.doc)
    assert remote_file(remote, "slides/251125_ROLL.pdf").startswith("%PDF")
    log = subprocess.run(
        ["git", "--git-dir", str(remote), "log", "-1", "--format=%s", "main"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert log.strip() == "Schedule for the fall"
    assert "notes.tmp.md" in git(site, "status", "--porcelain")  # left alone
    # The push choice is remembered for this project.
    assert win.settings.publish_push[str(win.document.path)] is True
    # The new baseline is recorded and saved: nothing unsaved, nothing left to publish.
    assert not win.document.is_modified
    assert win.document.doc.published_readme_sha
    win.act_publish.trigger()
    qtbot.waitUntil(lambda: controller.dialog is not None and not controller.dialog.busy)
    assert "Nothing to publish" in controller.dialog.summary.text()
    controller.dialog.reject()


def test_the_status_bar_shows_the_branch_and_counts(qtbot, win, site, remote, tmp_path) -> None:
    label = win.repo_status
    publish(qtbot, win, push=True)
    qtbot.waitUntil(lambda: label.isVisible() and label.status is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: label.text() == "main", timeout=WAIT_MS)  # all published
    # A colleague pushes two commits; our checkout fetched them but did not merge.
    other = clone(remote, tmp_path / "colleague", "Colleague")
    for name in ("a", "b"):
        (other / f"{name}.txt").write_text(name, encoding="utf-8")
        git(other, "add", f"{name}.txt")
        git(other, "commit", "-q", "-m", name)
    git(other, "push", "-q")
    git(site, "fetch", "-q")
    # An edit in the window: the README would change, not published yet.
    session = win.document.doc.semesters[0].sessions[0]
    win.document.undo_stack.push(
        commands.DocumentCommand(
            win.document,
            _retitled(win.document.doc, session.id),
            "Edit",
        )
    )
    assert win.files.save()
    qtbot.waitUntil(
        lambda: (
            label.status is not None and label.status.behind == 2 and label.status.unpublished > 0
        ),
        timeout=WAIT_MS,
    )
    text = label.text()
    assert text.startswith("main · ")
    assert "not published" in text
    assert "behind" in text and "by 2" in text
    assert text == describe(label.status)


def _retitled(doc, session_id: str):
    from seminar_gui.core import edits

    _semester, session = doc.find_session(session_id)
    topic = session.topics[0]
    return edits.update_topic(doc, topic.id, paper={"title": "A Retitled Paper"})


def test_no_status_outside_a_repository(qtbot, tmp_path) -> None:
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=discard_on_close)
    folder = tmp_path / "plain"
    folder.mkdir()
    save_project(load_demo(), folder / "p.seminar.json")
    assert window.files.load(folder / "p.seminar.json")
    answers = window.repo_status.answers
    window.repo_status.refresh()
    qtbot.waitUntil(lambda: window.repo_status.answers > answers, timeout=WAIT_MS)
    assert not window.repo_status.isVisible()
    assert window.repo_status.text() == ""


def test_not_a_repository_says_how_to_make_one(qtbot, tmp_path) -> None:
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=discard_on_close)
    folder = tmp_path / "plain"
    folder.mkdir()
    doc = load_demo()
    save_project(doc, folder / "p.seminar.json")
    assert window.files.load(folder / "p.seminar.json")
    window.publish()
    controller = window._publisher
    qtbot.waitUntil(lambda: controller.box is not None, timeout=WAIT_MS)
    box = controller.box
    assert box.property("gitErrorKind") == "not-a-repository"
    assert "git init" in box.informativeText()
    assert controller.dialog is None
    box.close()


def test_missing_slides_are_listed(qtbot, win, site) -> None:
    (site / "slides" / "251125_ROLL.pdf").unlink()
    win.publish()
    controller = win._publisher
    qtbot.waitUntil(lambda: controller.box is not None, timeout=WAIT_MS)
    assert controller.box.objectName() == "publishMissingSlidesBox"
    assert "251125_ROLL.pdf" in controller.box.informativeText()
    controller.box.close()


def test_uncommitted_slides_are_listed_as_problems(qtbot, win, site) -> None:
    label = win.repo_status
    label.refresh()
    qtbot.waitUntil(lambda: label.status is not None, timeout=WAIT_MS)
    assert "./slides/251125_ROLL.pdf" in label.status.uncommitted_slides
    problems = win.problems
    qtbot.waitUntil(
        lambda: any("not committed" in p.message for p in problems.problems), timeout=WAIT_MS
    )
    found = next(p for p in problems.problems if "251125_ROLL.pdf" in p.message)
    assert found.topic_id  # double-click goes to the topic
    publish(qtbot, win, push=False)
    qtbot.waitUntil(
        lambda: not any("not committed" in p.message for p in problems.problems),
        timeout=WAIT_MS,
    )


def test_an_upstream_readme_change_shows_the_diff_and_imports(
    qtbot, win, site, remote, tmp_path
) -> None:
    publish(qtbot, win, push=True)
    other = clone(remote, tmp_path / "colleague", "Colleague")
    readme = other / "README.md"
    readme.write_text(
        readme.read_text(encoding="utf-8").replace("ROLL", "ROLL (room 101)", 1),
        encoding="utf-8",
    )
    git(other, "commit", "-q", "-am", "Room for ROLL")
    git(other, "push", "-q")
    ours_before = git(site, "rev-parse", "HEAD")
    session = win.document.doc.semesters[0].sessions[0]
    win.document.undo_stack.push(
        commands.DocumentCommand(win.document, _retitled(win.document.doc, session.id), "Edit")
    )
    publish(qtbot, win, push=True)
    controller = win._publisher
    assert controller.upstream is not None
    diff = controller.upstream.diff.toPlainText()
    assert "+" in diff and "ROLL (room 101)" in diff
    assert git(site, "rev-parse", "HEAD") == ours_before  # nothing committed
    assert "ROLL (room 101)" in remote_file(remote, "README.md")  # theirs kept
    controller.upstream.import_button.click()
    assert controller.upstream is None
    assert "ROLL (room 101)" in export_readme(win.document.doc)
    win.document.undo_stack.undo()  # one step takes it back
    assert "ROLL (room 101)" not in export_readme(win.document.doc)


def test_undo_past_a_publish_keeps_the_published_baseline(qtbot, win, site, remote) -> None:
    """The baseline is a fact, not an edit: undoing the edit that was published keeps
    it, and the next publish sees no upstream change (it used to take our own README
    for someone else's)."""
    session = win.document.doc.semesters[0].sessions[0]
    win.document.undo_stack.push(
        commands.DocumentCommand(win.document, _retitled(win.document.doc, session.id), "Edit")
    )
    publish(qtbot, win, push=True)
    published = win.document.doc.published_readme_sha
    assert published and not win.document.is_modified
    assert win.document.undo_stack.count() == 1  # the baseline is no undo step
    win.document.undo_stack.undo()  # back before the published edit
    assert win.document.doc.published_readme_sha == published
    assert win.document.is_modified
    win.document.undo_stack.redo()
    assert win.document.doc.published_readme_sha == published
    win.document.undo_stack.undo()
    publish(qtbot, win, push=True)
    assert win._publisher.upstream is None  # no "their README changed" question
    assert remote_file(remote, "README.md") == export_readme(win.document.doc)
    assert win.document.doc.published_readme_sha != published  # the new one


def test_a_recorded_fact_reaches_every_state_of_the_undo_stack(document) -> None:
    """Macros included (a drop of several slide files is one), and saving clears it."""
    doc = document.doc
    first, second = doc.semesters[0].sessions[0].id, doc.semesters[0].sessions[1].id
    document.undo_stack.push(commands.DocumentCommand(document, _retitled(doc, first), "One"))
    document.undo_stack.beginMacro("Two")
    document.undo_stack.push(
        commands.DocumentCommand(document, _retitled(document.doc, second), "Two")
    )
    document.undo_stack.endMacro()
    document.undo_stack.setClean()
    document.record_fact(published_readme_sha="f" * 40)
    assert document.is_modified and document.undo_stack.count() == 2
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.doc.published_readme_sha == "f" * 40
    document.undo_stack.redo()
    document.undo_stack.redo()
    assert document.doc.published_readme_sha == "f" * 40
    document.set_saved(Path("/nowhere/saved.seminar.json"))
    assert not document.is_modified


def test_the_window_stays_responsive_during_a_slow_git(qtbot, win, site) -> None:
    hook = site / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\nsleep 1.5\n", encoding="utf-8")
    hook.chmod(hook.stat().st_mode | stat.S_IXUSR)
    ticks: list[float] = []
    busy_shown: list[tuple[bool, bool]] = []  # (busy bar shown, Cancel enabled)

    def tick() -> None:
        ticks.append(time.monotonic())
        dialog = win._publisher.dialog if win._publisher else None
        if dialog is not None and dialog.busy:
            busy_shown.append((dialog.progress.isVisible(), dialog.cancel_button.isEnabled()))

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    started = time.monotonic()
    try:
        publish(qtbot, win, push=False)
    finally:
        timer.stop()
    took = time.monotonic() - started
    assert took >= 1.5  # the hook ran
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) >= 40  # the event loop ran throughout: about 75 ticks in 1.5 s
    assert max(gaps) < 0.5
    # A busy bar throughout; no Cancel while git commits (a commit is not cut halfway).
    assert busy_shown and all(bar for bar, _ in busy_shown)
    assert sum(not cancel for _, cancel in busy_shown) >= 40


def test_a_rejected_push_keeps_the_commit_and_says_how_to_retry(qtbot, win, site, remote):
    hook = remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'publishing is closed today' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(hook.stat().st_mode | stat.S_IXUSR)
    publish(qtbot, win, push=True)
    controller = win._publisher
    box = controller.box
    assert box is not None and box.property("gitErrorKind") == "push-rejected"
    assert "kept" in box.informativeText() and "git push" in box.informativeText()
    # The local commit stays, with its baseline recorded and saved.
    assert "README.md" in git(site, "show", "--name-only", "--format=", "HEAD")
    assert win.document.doc.published_readme_sha
    assert not win.document.is_modified
    box.close()
