"""The open project: the document value, its undo stack, its file, and change signals.

Data flows one way: a widget builds a command (:mod:`seminar_gui.qt.commands`) and
pushes it on :attr:`ProjectDocument.undo_stack`; the command replaces the document
value through :meth:`ProjectDocument.replace`; the document emits
:attr:`ProjectDocument.changed` and every view updates itself from the new value.
Widgets never change the model directly.

Views learn everything else from the document's signals too: where the site folder
(README.md and slides/) is (:attr:`siteFolderChanged`), when slide files on disk may
have changed (:attr:`filesChanged`), and, while :attr:`changed` is being emitted, who
made the change (:attr:`change_origin`: the view that pushed the command, None for
undo, redo and a new document), so a view can tell its own typing from other changes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from seminar_gui.core.model import Document
from seminar_gui.core.slides import SlideError, resolve_site_folder


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
    #: The site folder (README.md and slides/) is another one: a Path, or None.
    siteFolderChanged = Signal(object)
    #: Files in the site folder may have been added or removed (a drop, the window
    #: became active again): views that show file states look again.
    filesChanged = Signal()

    def __init__(self, doc: Document | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = doc or Document()
        self._path: Path | None = None
        self._untitled_dirty = False
        self._fact_dirty = False  # a fact recorded (record_fact) and not saved yet
        self._site: Path | None = None
        self._origin: object = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self.undo_stack.cleanChanged.connect(self._clean_changed)

    # ------------------------------------------------------------------ value
    @property
    def doc(self) -> Document:
        return self._doc

    @property
    def change_origin(self) -> object:
        """Who made the change :attr:`changed` is telling about (None: undo, redo, or
        a new document).  Only meaningful while that signal is being emitted."""
        return self._origin

    def replace(self, doc: Document, *, origin: object = None) -> None:
        """Install a new document value (called by commands) and tell the views."""
        old = self._doc
        if doc is old:
            return
        self._doc = doc
        old_by_id = {s.id: s for s in old.semesters}
        changed = [s.id for s in doc.semesters if old_by_id.get(s.id) is not s]
        changed += [sid for sid in old_by_id if sid not in {s.id for s in doc.semesters}]
        self._origin = origin
        try:
            self.changed.emit(changed or [s.id for s in doc.semesters])
        finally:
            self._origin = None
        if doc.site_folder != old.site_folder:
            self._update_site()

    def record_fact(self, **values: object) -> None:
        """Set fields that record a fact, not an edit of the schedule: the README last
        published (``published_readme_sha``).  The current document and every state
        that undo and redo lead to get the values: it is no undo step, and no undo
        brings the old fact back (an undo past a publish used to bring back the old
        baseline, and the next publish took our own README for someone else's change).
        The document is modified until it is saved."""
        if all(getattr(self._doc, name) == value for name, value in values.items()):
            return
        for index in range(self.undo_stack.count()):
            _record_in(self.undo_stack.command(index), values)
        was_modified = self.is_modified
        self._doc = self._doc.model_copy(update=values)
        self._fact_dirty = True
        if not was_modified:
            self.modifiedChanged.emit(True)

    def reset(self, doc: Document, path: Path | None, *, modified: bool = False) -> None:
        """Start over with ``doc`` (open, new, import, restore): clears undo history."""
        self.undo_stack.clear()
        self._doc = doc
        self._path = path
        self._untitled_dirty = modified
        self._fact_dirty = False
        self.undo_stack.setClean()
        self._update_site()
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
        self._fact_dirty = False
        self.undo_stack.setClean()
        if changed_path:
            self._update_site()
            self.pathChanged.emit()
        self.modifiedChanged.emit(False)

    def site_folder(self) -> Path | None:
        """The folder of README.md and slides/ (the project's ``site_folder``, relative to
        the project file); None for an unsaved project or an unusable setting (the
        checks report that)."""
        return self._site

    def _update_site(self) -> None:
        try:
            site = resolve_site_folder(self._doc, self._path)
        except SlideError:
            site = None
        if site != self._site:
            self._site = site
            self.siteFolderChanged.emit(site)

    def recheck_files(self) -> None:
        """Slide files may have changed on disk: views showing file states look again."""
        self.filesChanged.emit()

    @property
    def is_modified(self) -> bool:
        return self._untitled_dirty or self._fact_dirty or not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        return self._path.name if self._path else self.tr("Untitled")

    def _clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(self.is_modified)


def _record_in(command: QUndoCommand, values: dict[str, object]) -> None:
    """Give the document states a command (and its children, in a macro) holds the
    recorded values (commands keep the documents before and after them)."""
    for name in ("before", "after"):
        doc = getattr(command, name, None)
        if isinstance(doc, Document):
            setattr(command, name, doc.model_copy(update=values))
    for index in range(command.childCount()):
        _record_in(command.child(index), values)
