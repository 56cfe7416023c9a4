"""The open project: the document value, its undo stack, its file, and change signals.

Data flows one way: a widget builds a command (:mod:`seminar_gui.qt.commands`) and
pushes it on :attr:`ProjectDocument.undo_stack`; the command replaces the document
value through :meth:`ProjectDocument.replace`; the document emits
:attr:`ProjectDocument.changed` and every view updates itself from the new value.
Widgets never change the model directly.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from seminar_gui.core.model import Document


class ProjectDocument(QObject):
    """Owns the current :class:`Document` value, the QUndoStack and the file path."""

    #: Emitted after every change with the ids of the semesters whose value changed
    #: (a list; empty when the whole document was replaced, e.g. on open).
    changed = Signal(list)
    #: The file path changed (after Save As, Open, New).
    pathChanged = Signal()
    #: The unsaved-changes state changed.
    modifiedChanged = Signal(bool)
    #: A short message for the status bar (e.g. "Swapped Nov 4 and Nov 11").
    message = Signal(str)

    def __init__(self, doc: Document | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = doc or Document()
        self._path: Path | None = None
        self._untitled_dirty = False
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self.undo_stack.cleanChanged.connect(self._clean_changed)

    # ------------------------------------------------------------------ value
    @property
    def doc(self) -> Document:
        return self._doc

    def replace(self, doc: Document) -> None:
        """Install a new document value (called by commands) and tell the views."""
        old = self._doc
        if doc is old:
            return
        self._doc = doc
        old_by_id = {s.id: s for s in old.semesters}
        changed = [s.id for s in doc.semesters if old_by_id.get(s.id) is not s]
        changed += [sid for sid in old_by_id if sid not in {s.id for s in doc.semesters}]
        self.changed.emit(changed or [s.id for s in doc.semesters])

    def reset(self, doc: Document, path: Path | None, *, modified: bool = False) -> None:
        """Start over with ``doc`` (open, new, import, restore): clears undo history."""
        self.undo_stack.clear()
        self._doc = doc
        self._path = path
        self._untitled_dirty = modified
        self.undo_stack.setClean()
        self.changed.emit([])
        self.pathChanged.emit()
        self.modifiedChanged.emit(self.is_modified)

    # ------------------------------------------------------------------- file
    @property
    def path(self) -> Path | None:
        return self._path

    def set_saved(self, path: Path) -> None:
        """The document was written to ``path``: it is no longer modified."""
        changed_path = path != self._path
        self._path = path
        self._untitled_dirty = False
        self.undo_stack.setClean()
        if changed_path:
            self.pathChanged.emit()
        self.modifiedChanged.emit(False)

    def site_folder(self) -> Path | None:
        """The folder of README.md and slides/ (the project's ``site_folder``, relative to
        the project file); None for an unsaved project or an unusable setting (the
        checks report that)."""
        from seminar_gui.core.slides import SlideError, resolve_site_folder

        try:
            return resolve_site_folder(self._doc, self._path)
        except SlideError:
            return None

    @property
    def is_modified(self) -> bool:
        return self._untitled_dirty or not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        return self._path.name if self._path else self.tr("Untitled")

    def _clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(self.is_modified)
