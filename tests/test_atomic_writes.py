"""Atomic saves without debris: one temp-file pattern and its sweep, .bak rotation only
after a successful replace, read-only files refused, I/O errors at every step of save,
export and slide copy (the file on disk unchanged, no temporary file left)."""

from __future__ import annotations

import errno
import fcntl
import os
import re
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from seminar_gui.cli import main as cli_main
from seminar_gui.core import atomic
from seminar_gui.core.atomic import (
    TEMP_MARK,
    ReadOnlyFileError,
    atomic_write_text,
    backup_path,
    is_temp_name,
    sweep_stale_temps,
    temp_name,
)
from seminar_gui.core.demo import load_demo
from seminar_gui.core.errors import ProjectFileError
from seminar_gui.core.model import Document
from seminar_gui.core.slides import SlideError, copy_slides, plan_copy
from seminar_gui.core.storage import dumps_project, save_project

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks and modes")

PDF = b"%PDF-1.4\n" + b"slides " * 5000 + b"\n%%EOF\n"
OTHER_PDF = b"%PDF-1.4\nother\n%%EOF\n"
DECOYS = {  # names a user (or another program) may have: never touched by the sweep
    ".notes.tmp": b"my notes",
    ".schedule.json.abc12345.tmp": b"an older program's temp file",
    ".schedule.json.seminar-gui-ABCDEF012345.tmp": b"upper case: not our pattern",
    ".schedule.json.seminar-gui-0123456789a.tmp": b"11 digits: not our pattern",
    "schedule.json.seminar-gui-0123456789ab.tmp": b"no leading dot: not our pattern",
    ".schedule.json.seminar-gui-0123456789ab.tmp.bak": b"other suffix",
}


def _version(n: int) -> Document:
    demo = load_demo()
    return demo.model_copy(update={"preamble": f"{demo.preamble}\n\nVersion {n}."})


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _temps(folder: Path) -> set[str]:
    return {name for name in os.listdir(folder) if is_temp_name(name)}


def _stale_temp(folder: Path, name: str = "schedule.json") -> Path:
    """A temporary file as a killed save leaves it: our pattern, nobody holds its lock."""
    path = folder / temp_name(name)
    path.write_bytes(b'{"schema_version": 1, "semes')
    return path


# ------------------------------------------------------------------- the pattern


def test_every_temp_file_the_app_writes_has_the_one_pattern(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    created: list[str] = []
    real_open = os.open

    def spy(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & os.O_CREAT:
            created.append(os.path.basename(os.fsdecode(path)))  # type: ignore[arg-type]
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    project, readme = tmp_path / "schedule.json", tmp_path / "README.md"
    site = tmp_path / "site"
    site.mkdir()
    source = tmp_path / "talk.pdf"
    source.write_bytes(PDF)
    save_project(_version(0), project)
    monkeypatch.setattr(os, "open", spy)
    save_project(_version(1), project)  # a temp for the new file and one for the .bak
    atomic_write_text(readme, "# README\n")  # export
    copy_slides(plan_copy(source, site, "251104-Talk.pdf"))  # a slide copy
    monkeypatch.undo()
    assert len(created) == 4, created
    assert all(is_temp_name(name) for name in created), created
    assert created[0].startswith(".schedule.json.seminar-gui-")
    assert created[1].startswith(".schedule.json.bak.seminar-gui-")
    assert created[3].startswith(".251104-Talk.pdf.seminar-gui-")
    assert not _temps(tmp_path) and not _temps(site / "slides")


def test_is_temp_name_matches_exactly_our_pattern() -> None:
    for _ in range(50):
        assert is_temp_name(temp_name("schedule.json"))
    assert is_temp_name(".schedule.json.seminar-gui-0123456789ab.tmp")
    assert is_temp_name(".名前 with spaces.json.seminar-gui-0123456789ab.tmp")
    for name in [*DECOYS, ".seminar-gui-0123456789ab.tmp", ".seminar-gui-abcd1234.part"]:
        assert not is_temp_name(name), name


def test_a_file_with_a_long_name_can_be_saved(tmp_path: Path) -> None:
    """The temporary name is cut to fit 255 bytes (the old '.NAME.XXXXXXXX.tmp' did not:
    'File name too long').  A name too long for a '.bak' is saved without one."""
    for path, bak in (
        (tmp_path / ("é" * 120 + ".json"), True),  # 245 bytes
        (tmp_path / ("é" * 124 + ".json"), False),  # 253 bytes: NAME.bak cannot exist
    ):
        save_project(_version(0), path)
        save_project(_version(1), path)
        assert path.read_text() == dumps_project(_version(1))
        assert (backup_path(path).name in os.listdir(tmp_path)) is bak
        assert is_temp_name(temp_name(path.name))
        assert len(temp_name(path.name).encode()) <= 255
    assert not _temps(tmp_path)


# --------------------------------------------------------------------- the sweep


def test_a_save_sweeps_stale_temp_files_and_nothing_else(tmp_path: Path) -> None:
    project = tmp_path / "schedule.json"
    save_project(_version(0), project)
    for name, data in DECOYS.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / temp_name("folder")).mkdir()  # our pattern, but a folder: not ours
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(b"keep")
    (tmp_path / temp_name("link")).symlink_to(elsewhere)  # our pattern, but a link
    stale = [_stale_temp(tmp_path), _stale_temp(tmp_path, "schedule.json.bak")]
    (tmp_path / "sub").mkdir()
    _stale_temp(tmp_path / "sub")

    save_project(_version(1), project)

    assert not any(p.exists() for p in stale)
    for name, data in DECOYS.items():
        assert (tmp_path / name).read_bytes() == data
    assert elsewhere.read_bytes() == b"keep"
    assert len(_temps(tmp_path)) == 2  # the folder and the link
    assert len(_temps(tmp_path / "sub")) == 1  # another folder: not swept by this save


def test_start_up_sweep_removes_the_debris_of_a_killed_save(tmp_path: Path) -> None:
    stale = _stale_temp(tmp_path)
    kept = tmp_path / ".notes.tmp"
    kept.write_bytes(b"x")
    assert sweep_stale_temps(tmp_path) == [stale]
    assert not stale.exists() and kept.exists()
    assert sweep_stale_temps(tmp_path) == []
    assert sweep_stale_temps(tmp_path / "missing") == []  # never raises


_HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from seminar_gui.core.atomic import TempFile
    temp = TempFile.create(Path(sys.argv[1]), "schedule.json")
    temp.write(b"half of a save")
    print(temp.path, flush=True)
    sys.stdin.readline()
    """
)


def test_another_running_process_keeps_its_temp_file_until_it_dies(tmp_path: Path) -> None:
    """The in-flight temp file of another instance survives every sweep and save in the
    folder (its lock is held); once that process is killed, the next sweep removes it."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        in_flight = Path(holder.stdout.readline().strip())  # type: ignore[union-attr]
        assert is_temp_name(in_flight.name)
        assert sweep_stale_temps(tmp_path, max_age=0) == []
        save_project(_version(0), tmp_path / "schedule.json")
        save_project(_version(1), tmp_path / "schedule.json")
        assert in_flight.read_bytes() == b"half of a save"
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=60)
    assert sweep_stale_temps(tmp_path) == [in_flight]
    assert sorted(os.listdir(tmp_path)) == ["schedule.json", "schedule.json.bak"]


def test_a_temp_file_of_this_process_is_never_swept(tmp_path: Path) -> None:
    with atomic.TempFile.create(tmp_path, "README.md") as temp:
        assert sweep_stale_temps(tmp_path, max_age=0) == []
        atomic_write_text(tmp_path / "README.md", "x\n")  # its sweep skips it too
        assert temp.path.exists()
    assert not temp.path.exists()  # closed without replace: deleted


def test_without_locks_only_old_temp_files_are_swept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_locks(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    fresh, old = _stale_temp(tmp_path), _stale_temp(tmp_path)
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    assert sweep_stale_temps(tmp_path) == [old]
    assert fresh.exists()
    atomic_write_text(tmp_path / "README.md", "x\n")  # saving still works without locks
    assert _temps(tmp_path) == {fresh.name}


def test_a_sweep_between_create_and_lock_does_not_break_the_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another instance's sweep may take a new temp file in the instant before its
    writer locks it: the writer notices (its name is gone) and makes another one."""
    real_lock = atomic._lock
    swept: list[Path] = []

    calls: list[int] = []

    def sweep_first(fd: int) -> bool | None:
        calls.append(fd)
        if len(calls) == 1:  # the writer's first lock: a sweep comes first
            swept.extend(sweep_stale_temps(tmp_path))  # as a second process would
        return real_lock(fd)

    monkeypatch.setattr(atomic, "_lock", sweep_first)
    atomic_write_text(tmp_path / "README.md", "new\n")
    assert len(swept) == 1 and not swept[0].exists()
    assert (tmp_path / "README.md").read_text() == "new\n"
    assert os.listdir(tmp_path) == ["README.md"]


# ------------------------------------------------------------------------ .bak


def test_bak_is_the_previous_version(tmp_path: Path) -> None:
    project = tmp_path / "schedule.json"
    save_project(_version(0), project)
    assert not backup_path(project).exists()  # the first save has nothing to keep
    save_project(_version(1), project)
    save_project(_version(2), project)
    assert backup_path(project) == tmp_path / "schedule.json.bak"
    assert backup_path(project).read_text() == dumps_project(_version(1))
    assert project.read_text() == dumps_project(_version(2))


def test_bak_path_follows_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real" / "schedule.json"
    real.parent.mkdir()
    link = tmp_path / "link.json"
    link.symlink_to(real)
    save_project(_version(0), link)
    save_project(_version(1), link)
    assert backup_path(link) == real.parent / "schedule.json.bak"
    assert backup_path(link).read_text() == dumps_project(_version(0))


def test_a_save_failing_at_the_final_rename_keeps_the_older_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: the .bak was rotated first, so this failure lost the older backup."""
    project = tmp_path / "schedule.json"
    save_project(_version(0), project)
    save_project(_version(1), project)
    before = _files(tmp_path)
    real_replace = os.replace

    def fail_onto_project(src: str, dst: str | Path) -> None:
        if Path(dst) == project:
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", fail_onto_project)
    with pytest.raises(ProjectFileError, match="Input/output error"):
        save_project(_version(2), project)
    assert _files(tmp_path) == before  # project v1, .bak v0, no temp file


def test_a_failed_backup_rename_keeps_the_save_and_the_older_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "schedule.json"
    save_project(_version(0), project)
    save_project(_version(1), project)
    older_bak = backup_path(project).read_bytes()
    real_replace = os.replace

    def fail_onto_bak(src: str, dst: str | Path) -> None:
        if str(dst).endswith(".bak"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", fail_onto_bak)
    save_project(_version(2), project)  # the new file is in place: the save succeeded
    assert project.read_text() == dumps_project(_version(2))
    assert backup_path(project).read_bytes() == older_bak
    assert sorted(os.listdir(tmp_path)) == ["schedule.json", "schedule.json.bak"]


# -------------------------------------------------------------------- read-only


def test_a_read_only_project_is_not_replaced_without_asking(tmp_path: Path) -> None:
    project = tmp_path / "schedule.json"
    save_project(_version(0), project)
    save_project(_version(1), project)
    project.chmod(0o444)
    before = _files(tmp_path)
    with pytest.raises(ReadOnlyFileError) as info:
        save_project(_version(2), project)
    message = str(info.value)
    assert isinstance(info.value, ProjectFileError)
    assert message.startswith(f"{project}: ") and "\n" not in message
    assert "read-only" in message and "Save As" in message and "chmod u+w" in message
    assert _files(tmp_path) == before
    assert stat.S_IMODE(project.stat().st_mode) == 0o444

    save_project(_version(2), project, allow_readonly=True)  # the window's "replace anyway"
    assert project.read_text() == dumps_project(_version(2))
    assert stat.S_IMODE(project.stat().st_mode) == 0o444  # its mode is kept
    assert backup_path(project).read_bytes() == before["schedule.json"]


def test_export_over_a_read_only_readme_is_refused(tmp_path: Path, capsys) -> None:
    project, readme = tmp_path / "p.json", tmp_path / "README.md"
    save_project(_version(0), project)
    readme.write_text("# mine\n", encoding="utf-8")
    readme.chmod(0o444)
    assert cli_main(["export", str(project), "-o", str(readme)]) != 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "read-only" in err, err
    assert readme.read_text(encoding="utf-8") == "# mine\n"


def test_a_folder_or_device_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "dir.json").mkdir()
    with pytest.raises(ProjectFileError, match="not a regular file"):
        save_project(_version(0), tmp_path / "dir.json")
    os.mkfifo(tmp_path / "fifo.json")  # a backup of it would block forever
    with pytest.raises(ProjectFileError, match="not a regular file"):
        save_project(_version(0), tmp_path / "fifo.json")
    assert stat.S_ISFIFO(os.lstat(tmp_path / "fifo.json").st_mode)
    assert not _temps(tmp_path)


# ------------------------------------------------- I/O errors at every step


_OS_STEPS = (
    "open",
    "read",
    "write",
    "fsync",
    "chmod",
    "replace",
    "link",
    "mkdir",
    "unlink",
    "close",
    "stat",
    "lstat",
    "fstat",
    "access",
    "listdir",
)
_MUST_FAIL = {"write", "fsync", "chmod", "read"}  # before the final rename: always an error


@dataclass
class Faults:
    """Counts the file-system calls the operation makes while active (those of the
    thread that made it active: an earlier test's background job, a `git status`
    after a save, may still be reading its pipes); the ``fail_at``-th one raises."""

    fail_at: int = 0
    error: int = errno.EIO
    calls: list[str] = field(default_factory=list)
    thread: int = 0

    @contextmanager
    def active(self, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
        self.thread = threading.get_ident()
        with monkeypatch.context() as patch:
            for name in _OS_STEPS:
                patch.setattr(os, name, self._wrap(name, getattr(os, name)))
            patch.setattr(fcntl, "flock", self._wrap("flock", fcntl.flock))
            yield

    def _wrap(self, name: str, real: Callable[..., object]) -> Callable[..., object]:
        def step(*args: object, **kwargs: object) -> object:
            if threading.get_ident() != self.thread:
                return real(*args, **kwargs)
            self.calls.append(f"{name}({_show(args)})")
            if len(self.calls) == self.fail_at:
                if name == "access":  # it never raises: a failure is a "no"
                    return False
                raise OSError(self.error, os.strerror(self.error))
            return real(*args, **kwargs)

        return step


def _show(args: tuple[object, ...]) -> str:
    return ", ".join(
        os.path.basename(a) if isinstance(a, str | Path) else str(a)  # type: ignore[arg-type]
        for a in args[:2]
    )


@dataclass
class Scene:
    """A folder before one operation: what it holds, what the operation should give."""

    folder: Path
    target: Path
    new: bytes
    run: Callable[[], None]
    error: type[Exception] = ProjectFileError
    raw_os_errors_before_copy: bool = False  # see the note in _slide_scene
    inputs: tuple[Path, ...] = ()  # files read (their errors name them)


def _save_scene(folder: Path, exists: bool) -> Scene:
    folder.mkdir()
    target = folder / "schedule.json"
    if exists:
        save_project(_version(0), target)
        save_project(_version(1), target)  # and a .bak
    _stale_temp(folder)  # the debris of an earlier crash: the sweep is one of the steps
    return Scene(
        folder,
        target,
        dumps_project(_version(2)).encode(),
        lambda: save_project(_version(2), target),
    )


def _export_scene(folder: Path, exists: bool) -> Scene:
    folder.mkdir()
    target = folder / "README.md"
    if exists:
        target.write_text("# the README on disk\n", encoding="utf-8")
    _stale_temp(folder, "README.md")
    text = "# 新的 README\n\nexported\n"
    return Scene(folder, target, text.encode(), lambda: atomic_write_text(target, text))


def _slide_scene(folder: Path, exists: bool) -> Scene:
    folder.mkdir()
    source = folder / "talk.pdf"
    source.write_bytes(PDF)
    site = folder / "site"
    (site / "slides").mkdir(parents=True)
    target = site / "slides" / "251104-Talk.pdf"
    if exists:
        target.write_bytes(OTHER_PDF)
    _stale_temp(site / "slides", target.name)
    plan = plan_copy(source, site, target.name)
    # Known, outside this module's part: copy_slides re-plans first (plan_copy,
    # _slides_folder), and an I/O error there (e.g. EIO from stat of the site folder)
    # escapes as a plain OSError, which the window's drop controller catches.  Accepted
    # here only before the copy makes its temporary file, and counted.
    return Scene(
        site / "slides",
        target,
        PDF,
        lambda: copy_slides(plan, replace=exists),
        SlideError,
        raw_os_errors_before_copy=True,
        inputs=(source,),
    )


SCENES = {"save": _save_scene, "export": _export_scene, "slide copy": _slide_scene}


@pytest.mark.parametrize("exists", [True, False], ids=["replacing", "new file"])
@pytest.mark.parametrize("operation", list(SCENES))
def test_an_io_error_at_any_step_changes_nothing_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, operation: str, exists: bool
) -> None:
    """Every file-system call of the operation, one at a time, fails with ENOSPC, EIO
    or EACCES.  Then either the operation reports the project's own one-line error and
    every file is as it was (the target, its .bak, the trash), or the failure came after
    the new file was in place (sync of the folder, rotating the .bak, the sweep) and the
    operation succeeded.  Never a new temporary file; the next start sweeps the old one."""
    dry = Faults()
    scene = SCENES[operation](tmp_path / "dry", exists)
    with dry.active(monkeypatch):
        scene.run()
    steps = dry.calls
    final = next(
        i
        for i, c in enumerate(steps)
        if c.startswith("replace(") and c.endswith(f", {scene.target.name})")
    )
    failures, outcomes = [], {"error": 0, "saved": 0}
    raw: list[str] = []
    for index, call in enumerate(steps, start=1):
        for code in (errno.ENOSPC, errno.EIO, errno.EACCES):
            scene = SCENES[operation](tmp_path / f"{index}-{code}", exists)
            before = _files(scene.folder) | _trash(scene)
            temps_before = _temps(scene.folder)
            faults = Faults(fail_at=index, error=code)
            try:
                with faults.active(monkeypatch):
                    scene.run()
                outcome = "saved"
            except scene.error as exc:
                outcome = "error"
                if message := _unclear(exc, scene, code):
                    failures.append(f"step {index} {call}: {message}")
            except OSError:  # not the project's own error
                if not scene.raw_os_errors_before_copy or _temp_created(faults.calls):
                    raise
                outcome = "error"
                raw.append(call)
            outcomes[outcome] += 1
            after = _files(scene.folder) | _trash(scene)
            problem = _check(scene, outcome, before, after, temps_before)
            if outcome == "saved" and index <= final and call.split("(")[0] in _MUST_FAIL:
                problem = "the failure was ignored"
            sweep_stale_temps(scene.folder)  # the next start
            if not problem and _temps(scene.folder):
                problem = "the start-up sweep left a temp file"
            if problem:
                failures.append(f"step {index} {call} {os.strerror(code)}: {problem}")
    print(
        f"{operation} ({'replacing' if exists else 'new file'}): {len(steps)} steps x 3 "
        f"errors, {outcomes['error']} errors reported, {outcomes['saved']} completed"
        + (f", {len(raw)} plain OSError while planning ({raw[0]}...)" if raw else "")
    )
    assert not failures, "\n".join(failures)
    assert outcomes["error"] >= 3 * sum(s.split("(")[0] in _MUST_FAIL for s in steps[:final])


def _unclear(exc: Exception, scene: Scene, code: int) -> str:
    """What is wrong with the message of ``exc``: one line, naming the file that failed,
    giving the reason; a failed write says that nothing was changed."""
    text = str(exc)
    if "\n" in text or not any(f"{name}: " in text for name in (scene.target, *scene.inputs)):
        return f"not one line naming the file: {text!r}"
    if isinstance(exc, ReadOnlyFileError) or "no permission" in text:  # os.access said no
        return ""
    if os.strerror(code) not in text:
        return f"does not give the reason: {text!r}"
    if str(scene.target) in text and not re.search(
        r"\((nothing was|the file on disk was not) changed\)", text
    ):
        return f"does not say that nothing was changed: {text!r}"
    return ""


def _temp_created(calls: list[str]) -> bool:
    return any(c.startswith("open(.") and TEMP_MARK in c for c in calls)


def _trash(scene: Scene) -> dict[str, bytes]:
    trash = scene.folder / ".seminar-gui-trash"
    return {f"trash/{k}": v for k, v in _files(trash).items()} if trash.is_dir() else {}


def _check(
    scene: Scene,
    outcome: str,
    before: dict[str, bytes],
    after: dict[str, bytes],
    temps_before: set[str],
) -> str:
    new_temps = _temps(scene.folder) - temps_before
    if new_temps:
        return f"temp files left: {sorted(new_temps)}"
    name, bak = scene.target.name, scene.target.name + ".bak"
    if outcome == "error":
        changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
        allowed = temps_before | {"trash/.gitignore"}  # swept debris; the trash's own file
        return f"changed: {sorted(changed)}" if changed - allowed else ""
    if after.get(name) != scene.new:
        return "completed, but the file does not hold the new content"
    if bak in after and after[bak] not in (before.get(name), before.get(bak)):
        return "the .bak is neither the previous file nor the older .bak"
    return ""


def test_the_window_keeps_a_failed_save_modified(
    window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seminar_gui.qt import commands

    project = tmp_path / "p.json"
    errors: list[object] = []
    asker = _Asker(save_path=project, error=lambda title, exc: errors.append(exc))
    window.asker = window.files.asker = asker
    assert window.files.save() is True
    topic = window.document.doc.semesters[0].sessions[0].topics[0].id
    window.document.undo_stack.push(
        commands.EditTopicCommand(window.document, topic, "note", "unsaved note")
    )
    assert window.document.is_modified
    before = _files(tmp_path)

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    assert window.files.save() is False
    monkeypatch.undo()
    assert window.document.is_modified
    assert window.isWindowModified()
    assert len(errors) == 1 and isinstance(errors[0], ProjectFileError)
    assert "No space left on device" in str(errors[0])
    assert _files(tmp_path) == before  # no temp file, the file and .bak as they were


class _Asker:
    """Answers the window's questions in place of a person."""

    def __init__(self, **answers: object) -> None:
        self.answers = answers

    def __getattr__(self, name: str) -> Callable[..., object]:
        def answer(*args: object) -> object:
            value = self.answers.get(name)
            return value(*args) if callable(value) else value

        return answer
