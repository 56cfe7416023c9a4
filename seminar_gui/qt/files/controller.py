"""File operations of the window: open, save, import, export, autosave, recovery.

Bad input never loses anything: a failed load leaves the open document as it was
(and the file untouched), a failed save keeps the document modified.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from seminar_gui.core.atomic import atomic_write_text
from seminar_gui.core.demo import load_demo
from seminar_gui.core.errors import SeminarError
from seminar_gui.core.model import Document
from seminar_gui.core.readme.export import export_readme
from seminar_gui.core.storage import load_project, save_project
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.files.recovery import RecoveryFile, RecoveryWriter, pending_recoveries
from seminar_gui.settings import Settings, save_settings

AUTOSAVE_INTERVAL_MS = 30_000
IDLE_AUTOSAVE_MS = 3_000


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


class FileController(QObject):
    """Connects a ProjectDocument to files on disk, settings and crash recovery."""

    recentChanged = Signal()

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
        self.is_demo = False
        self._periodic = QTimer(self)
        self._periodic.setInterval(AUTOSAVE_INTERVAL_MS)
        self._periodic.timeout.connect(self.autosave)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_AUTOSAVE_MS)
        self._idle.timeout.connect(self.autosave)
        document.changed.connect(self._on_changed)
        document.modifiedChanged.connect(self._on_modified)

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
            self.document.message.emit(self.tr("Autosave failed: {e}").format(e=exc))
            return False
        return True

    def offer_recovery(self) -> bool:
        """At start-up: offer work that a crashed seminar-gui left behind."""
        pending = pending_recoveries(self.recovery.folder)
        for item in pending:
            if self.asker.restore_recovery(item.saved_at, item.original):
                return self._restore(item)
            item.discard()
        return False

    def _restore(self, item: RecoveryFile) -> bool:
        try:
            doc = item.load()
        except SeminarError as exc:
            self.asker.error(self.tr("Could not restore the unsaved work"), exc)
            return False
        self.is_demo = False
        self.document.reset(doc, item.original, modified=True)
        item.discard()
        self.autosave()  # this process now owns the unsaved work
        self.document.message.emit(self.tr("Restored unsaved work"))
        return True

    # ------------------------------------------------------------ open / new
    def maybe_save(self) -> bool:
        """Ask before unsaved changes would be lost.  False: the organizer cancelled."""
        if not self.document.is_modified:
            return True
        answer = self.asker.save_changes(self.document.display_name)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.recovery.remove()
            return True
        return False

    def open_demo(self) -> None:
        self.is_demo = True
        self.document.reset(load_demo(), None)

    def new_project(self) -> None:
        if self.maybe_save():
            self.is_demo = False
            self.document.reset(Document(), None)

    def open(self, path: Path | None = None) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            path = self.asker.open_path(self._start_folder())
            if path is None:
                return False
        return self.load(path)

    def load(self, path: Path) -> bool:
        try:
            doc = load_project(path)
        except SeminarError as exc:
            self.asker.error(self.tr("Could not open the project"), exc)
            return False
        self.is_demo = False
        self.document.reset(doc, path.resolve())
        self._remember(path.resolve())
        return True

    # ------------------------------------------------------------------ save
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._write(self.document.path)

    def save_as(self) -> bool:
        path = self.asker.save_path(self.document.path or self._start_folder())
        if path is None:
            return False
        return self._write(path)

    def _write(self, path: Path) -> bool:
        try:
            save_project(self.document.doc, path)
        except SeminarError as exc:
            self.asker.error(self.tr("Could not save the project"), exc)
            return False  # the document stays modified
        self.is_demo = False
        self.document.set_saved(path.resolve())
        self.recovery.remove()
        self._remember(path.resolve())
        self.document.message.emit(self.tr("Saved {path}").format(path=path))
        return True

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
        sessions = sum(len(s.sessions) for s in result.document.semesters)
        text = self.tr("Imported {n} sessions from {path}.").format(n=sessions, path=path.name)
        if result.warnings:
            details = "\n".join(str(w) for w in result.warnings)
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
        diff = readme_diff(path, text)
        if not self.asker.confirm_export(path, diff):
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


def readme_diff(path: Path, new_text: str) -> str:
    """Unified diff of the README on disk (or nothing) against ``new_text``."""
    try:
        old_text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        old_text = ""
    except (OSError, UnicodeDecodeError):
        old_text = ""
    if old_text == new_text:
        return ""
    return "".join(
        difflib.unified_diff(
            old_text.splitlines(keepends=True),
            new_text.splitlines(keepends=True),
            fromfile=f"{path.name} (on disk)",
            tofile=f"{path.name} (exported)",
        )
    )
