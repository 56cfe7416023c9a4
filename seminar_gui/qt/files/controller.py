"""File operations of the window: open, save, import, export, autosave, recovery.

Bad input never loses anything: a failed load leaves the open document as it was
(and the file untouched), a failed save keeps the document modified.

Other writers are noticed: the open project file is watched (:mod:`.watcher`: a change
made by another program offers Reload / Keep mine, a deletion is reported) and locked
(:mod:`.lock`: a second seminar-gui opening it is warned, naming the process), and a
read-only project file is never replaced without asking.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from seminar_gui.core.atomic import (
    ReadOnlyFileError,
    atomic_write_text,
    project_lock_path,
    sweep_stale_temps,
)
from seminar_gui.core.demo import load_demo
from seminar_gui.core.errors import SeminarError
from seminar_gui.core.model import Document, Semester
from seminar_gui.core.readme.export import export_readme
from seminar_gui.core.storage import read_project, save_project
from seminar_gui.qt.common.i18n import shown_error, translate
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.files.lock import FileLock, LockOwner
from seminar_gui.qt.files.recovery import RecoveryFile, RecoveryWriter, claim_recoveries
from seminar_gui.qt.files.watcher import ProjectWatcher
from seminar_gui.settings import Settings, save_settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

AUTOSAVE_INTERVAL_MS = 30_000
IDLE_AUTOSAVE_MS = 3_000
#: How Save As names a new project (packaging/seminar-gui-mime.xml registers the pattern
#: so that a double-click opens it; any other .json name opens too).
PROJECT_SUFFIX = ".seminar.json"

OutsideAnswer = Literal["reload", "keep"]
ReadOnlyAnswer = Literal["replace", "save_as", "cancel"]


class FileQuestions(Protocol):
    """What the file operations ask the organizer (the window's Asker answers)."""

    def save_changes(self, name: str) -> QMessageBox.StandardButton: ...
    def restore_recovery(self, saved_at: dt.datetime, original: Path | None) -> bool: ...
    def open_path(self, start: Path | None) -> Path | None: ...
    def save_path(self, start: Path | None) -> Path | None: ...
    def readme_to_import(self, start: Path | None) -> Path | None: ...
    def readme_to_export(self, start: Path | None) -> Path | None: ...
    def confirm_export(self, path: Path, diff: str) -> bool: ...
    def error(self, title: str, error: SeminarError | str) -> None: ...
    def info(self, title: str, text: str, details: str = "") -> None: ...
    def outside_change(self, path: Path, modified: bool) -> OutsideAnswer: ...
    def outside_deleted(self, path: Path) -> None: ...
    def other_instance(self, path: Path, who: str) -> bool: ...
    def replace_read_only(self, path: Path) -> ReadOnlyAnswer: ...


class FileController(QObject):
    """Connects a ProjectDocument to files on disk, settings and crash recovery."""

    recentChanged = Signal()
    demoChanged = Signal(bool)  # the demo semester was opened (True) or left (False)
    saved = Signal(Path)  # the project was written to this file

    def __init__(
        self,
        document: ProjectDocument,
        settings: Settings,
        asker: FileQuestions,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.settings = settings
        self.asker = asker
        self.recovery = RecoveryWriter()
        self._is_demo = False
        # Where Save As proposes to save an imported README's project: next to it.
        self.suggested_path: Path | None = None
        self.lock: FileLock | None = None  # on the open project file (None: no file)
        self.watcher = ProjectWatcher(self)
        self.watcher.changedOutside.connect(self._changed_outside)
        self.watcher.deletedOutside.connect(self._deleted_outside)
        self._asking = False  # a question about an outside change is open
        self._look_again = False  # ... and the file changed again meanwhile
        self._periodic = QTimer(self)
        self._periodic.setInterval(AUTOSAVE_INTERVAL_MS)
        self._periodic.timeout.connect(self.autosave)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_AUTOSAVE_MS)
        self._idle.timeout.connect(self.autosave)
        document.changed.connect(self._on_changed)
        document.modifiedChanged.connect(self._on_modified)
        document.pathChanged.connect(self._on_path_changed)

    @property
    def is_demo(self) -> bool:
        """The demo semester is open: an example, untitled (Save asks for a file)."""
        return self._is_demo

    @is_demo.setter
    def is_demo(self, value: bool) -> None:
        if value != self._is_demo:
            self._is_demo = value
            self.demoChanged.emit(value)

    # ------------------------------------------------------------ autosave
    def _on_changed(self, _ids: list[str]) -> None:
        # (During a push the stack is not yet "unclean": autosave() checks when it fires.)
        self._idle.start()

    def _on_modified(self, modified: bool) -> None:
        if modified:
            if not self._periodic.isActive():
                self._periodic.start()
        else:
            self._periodic.stop()
            self._idle.stop()
            self.recovery.remove()

    def autosave(self) -> bool:
        """Write the recovery file now (only while there are unsaved changes)."""
        if not self.document.is_modified:
            return False
        try:
            self.recovery.write(self.document.doc, self.document.path)
        except SeminarError as exc:
            self.document.message.emit(self.tr("Autosave failed: {e}").format(e=shown_error(exc)))
            return False
        return True

    def offer_recovery(self) -> bool:
        """At start-up: offer work that a crashed seminar-gui left behind.

        Unreadable recovery files are set aside (``*.broken``) with a message.
        """
        sweep_stale_temps(self.recovery.folder)
        pending, broken = claim_recoveries(self.recovery.folder)
        for bad in broken:
            kept_as = bad.set_aside()
            self.asker.error(self.tr("Unsaved work could not be restored"), bad.error(kept_as))
        try:
            for item in pending:
                if self.asker.restore_recovery(item.saved_at, item.original):
                    return self._restore(item)
                item.discard()
        finally:
            for item in pending:
                item.release()  # not asked about: offered again at the next start
        return False

    def _restore(self, item: RecoveryFile) -> bool:
        self.is_demo = False
        self.document.reset(item.load(), item.original, modified=True)
        self.autosave()  # this session owns the unsaved work now, before the old goes
        item.discard()
        self.document.message.emit(self.tr("Restored unsaved work"))
        return True

    # ------------------------------------------------------------ open / new
    def maybe_save(self) -> bool:
        """Ask before unsaved changes would be lost.  False: the organizer cancelled."""
        if not self.document.is_modified:
            return True
        from PySide6.QtWidgets import QMessageBox  # the answer's type (not made at start)

        answer = self.asker.save_changes(self.document.display_name)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.recovery.remove()
            return True
        return False

    def open_demo(self) -> None:
        self.is_demo = True
        self.suggested_path = None
        self.document.reset(load_demo(), None)

    def new_project(self, first: Semester | None = None) -> bool:
        """An untitled project (holding the semester ``first``), after asking about
        unsaved changes.  False: the organizer cancelled."""
        if not self.maybe_save():
            return False
        self.is_demo = False
        self.suggested_path = None
        self.document.reset(Document(semesters=[first] if first else []), None)
        return True

    def open(self, path: Path | None = None) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            path = self.asker.open_path(self._start_folder())
            if path is None:
                return False
        return self.load(path)

    def load(self, path: Path) -> bool:
        target = path.resolve()
        lock = self._lock(target)
        if lock is None:
            return False
        try:
            doc, known = read_project(path)  # the bytes parsed: a later change is noticed
        except SeminarError as exc:
            self._drop_unused(lock)
            self.asker.error(self.tr("Could not open the project"), exc)
            return False
        self.is_demo = False
        self._bind(target, lock, known)
        self.document.reset(doc, target)
        self._remember(target)
        sweep_stale_temps(target.parent)  # temporary files of saves that were killed
        return True

    # ------------------------------------------------------------------ save
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._write(self.document.path)

    def save_as(self) -> bool:
        start = self.document.path or self.suggested_path or self._start_folder()
        path = self.asker.save_path(start)
        if path is None:
            return False
        return self._write(path)

    def _write(self, path: Path) -> bool:
        target = path.resolve()
        if target == self.document.path and self.lock is not None:
            lock: FileLock | None = self.lock
            lock.acquire()  # taken now if another instance had it and has closed it
        else:
            lock = self._lock(target)
            if lock is None:
                return False
        doc = self.document.doc
        try:
            try:
                written = save_project(doc, path)
            except ReadOnlyFileError:  # never replaced without asking
                answer = self.asker.replace_read_only(target)
                if answer != "replace":  # the document stays modified
                    self._drop_unused(lock)
                    return self.save_as() if answer == "save_as" else False
                written = save_project(doc, path, allow_readonly=True)
        except SeminarError as exc:
            self._drop_unused(lock)
            self.asker.error(self.tr("Could not save the project"), exc)
            return False  # the document stays modified
        self.is_demo = False
        self._bind(target, lock, written.encode("utf-8"))
        self.document.set_saved(target)
        self.recovery.remove()
        self._remember(target)
        self.document.message.emit(self.tr("Saved {path}").format(path=path))
        self.saved.emit(target)
        return True

    # -------------------------------------------------------- other writers
    def _lock(self, target: Path) -> FileLock | None:
        """The lock on ``target`` (held unless another instance has it and the organizer
        goes on anyway, or the folder is read-only); None: the organizer cancelled."""
        if self.lock is not None and self.lock.path == project_lock_path(target):
            return self.lock
        lock = FileLock(project_lock_path(target))
        owner = lock.acquire()
        if isinstance(owner, LockOwner) and not self.asker.other_instance(target, str(owner)):
            return None
        return lock

    def _drop_unused(self, lock: FileLock | None) -> None:
        """A lock taken for an open or save that failed: give it back."""
        if lock is not None and lock is not self.lock:
            lock.release()

    def _bind(self, path: Path | None, lock: FileLock | None, known: bytes | None) -> None:
        """The document's file is now ``path`` (holding ``lock``; its bytes ``known``)."""
        if self.lock is not None and self.lock is not lock:
            self.lock.release()
        self.lock = lock
        self.watcher.watch(path, known)

    def _on_path_changed(self) -> None:
        """The document got another file without us (closed, restored): follow it."""
        path = self.document.path
        if path == self.watcher.path:
            return
        lock = None
        if path is not None:
            lock = FileLock(project_lock_path(path))
            lock.acquire()  # quietly: restored work goes on even if another has it open
            sweep_stale_temps(path.parent)
        self._bind(path, lock, None)

    def _changed_outside(self, version: str) -> None:
        path = self.document.path
        if path is None:
            return
        if self._asking:  # changed again while the question is open: look afterwards
            self._look_again = True
            return
        self._asking, self._look_again = True, False
        try:
            answer = self.asker.outside_change(path, self.document.is_modified)
        finally:
            self._asking = False
        if answer != "reload" or not self._reload(path):
            # Keep mine: the document is not what is on disk, so it is modified now.
            self.watcher.ignore(version)
            self.document.undo_stack.resetClean()
            self.document.message.emit(
                self.tr("{name} was changed by another program; Save writes your version").format(
                    name=path.name
                )
            )
        if self._look_again:
            self.watcher.look_again()

    def _reload(self, path: Path) -> bool:
        try:
            doc, known = read_project(path)
        except SeminarError as exc:
            self.asker.error(self.tr("Could not reload the project"), exc)
            return False
        self.watcher.watch(path, known)
        self.document.reset(doc, path)
        self.document.message.emit(self.tr("Reloaded {name}").format(name=path.name))
        return True

    def _deleted_outside(self) -> None:
        path = self.document.path
        if path is None:
            return
        self.document.undo_stack.resetClean()  # Save writes it again
        self.asker.outside_deleted(path)

    # ---------------------------------------------------------- README files
    def site_folder(self) -> Path | None:
        return self.document.site_folder()

    def import_readme(self, path: Path | None = None) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            path = self.asker.readme_to_import(self._start_folder())
            if path is None:
                return False
        from seminar_gui.core.readme.importer import import_readme_file  # rarely used: lazy

        try:
            result = import_readme_file(path)
        except SeminarError as exc:
            self.asker.error(self.tr("Could not import the README"), exc)
            return False
        self.is_demo = False
        self.document.reset(result.document, None, modified=True)
        folder = path.resolve().parent
        self.suggested_path = folder / f"{folder.name or 'schedule'}{PROJECT_SUFFIX}"
        sessions = sum(len(s.sessions) for s in result.document.semesters)
        text = self.tr("Imported {n} sessions from {path}.").format(n=sessions, path=path.name)
        if result.warnings:
            details = "\n".join(shown_error(w) for w in result.warnings)
            self.asker.info(
                self.tr("README imported"),
                text
                + " "
                + self.tr("{n} things to check (details).").format(n=len(result.warnings)),
                details,
            )
        self.document.message.emit(text + " " + self.tr("Save it as a project to keep it."))
        return True

    def export_readme(self, path: Path | None = None) -> bool:
        if path is None:
            folder = self.site_folder()
            path = self.asker.readme_to_export(folder / "README.md" if folder else None)
            if path is None:
                return False
        text = export_readme(self.document.doc)
        diff, repaired = readme_diff(path, text)
        if not self.asker.confirm_export(path, diff, repaired=repaired):
            return False
        try:
            atomic_write_text(path, text)
        except SeminarError as exc:
            self.asker.error(self.tr("Could not write the README"), exc)
            return False
        self.document.message.emit(self.tr("Wrote {path}").format(path=path))
        return True

    # ------------------------------------------------------------- settings
    def _start_folder(self) -> Path | None:
        if self.document.path:
            return self.document.path.parent
        if self.settings.recent_files:
            return Path(self.settings.recent_files[0]).parent
        return None

    def _remember(self, path: Path) -> None:
        self.settings.add_recent(path)
        self.recentChanged.emit()
        with contextlib.suppress(SeminarError):  # a convenience: never block work on it
            save_settings(self.settings)

    def shutdown(self) -> None:
        """The window closes after maybe_save(): nothing unsaved is left to recover."""
        self._periodic.stop()
        self._idle.stop()
        if not self.document.is_modified:
            self.recovery.remove()
        self.recovery.close()
        self._bind(None, None, None)


def readme_diff(path: Path, new_text: str) -> tuple[str, int]:
    """Unified diff of the README on disk (or nothing) against ``new_text``, and how
    many lines of the README on disk mojibake had damaged.  Those lines are compared
    repaired (as the import repaired them), so a first export after an import that
    only repaired mojibake shows no change instead of one huge hunk."""
    try:
        old_text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        old_text = ""
    except (OSError, UnicodeDecodeError):
        old_text = ""
    if old_text == new_text:
        return "", 0
    from seminar_gui.core.readme.importer import without_mojibake

    old_text, repaired = without_mojibake(old_text, new_text)
    if old_text == new_text:
        return "", repaired
    import difflib  # only when exporting (not at every start)

    diff = difflib.unified_diff(
        old_text.splitlines(keepends=True),
        new_text.splitlines(keepends=True),
        fromfile=translate("files", "{name} (on disk)").format(name=path.name),
        tofile=translate("files", "{name} (exported)").format(name=path.name),
    )
    return "".join(diff), repaired
