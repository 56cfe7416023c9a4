"""What the organizer has selected: one semester, at most one session and topic.

Shared by the calendar, the editor and the preview so they agree on it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from seminar_gui.core.model import Document
from seminar_gui.qt.document import ProjectDocument

#: Where the organizer lands in a new document: (semester id, session id), either None.
Landing = Callable[[Document], tuple[str | None, str | None]]


class Selection(QObject):
    changed = Signal()
    #: The person chosen in the People panel changed: the calendar marks their sessions.
    highlightChanged = Signal()
    #: A panel asks the editor to put the cursor in a field ("paper.venue", "date"…),
    #: after selecting its session or topic (the Problems panel, on a click).
    fieldRequested = Signal(str)

    def __init__(self, document: ProjectDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.semester_id: str | None = None
        self.session_id: str | None = None
        self.topic_id: str | None = None
        #: A presenter's name (People panel) whose sessions are highlighted, or None.
        self.highlighted_person: str | None = None
        #: Chooses the semester and session shown when a new document arrives (open,
        #: import, new, restore); without it, the first semester and no session.  Set
        #: by the window (the semester shown last time, its next session): the views
        #: follow the selection once, not first to a default and then to this.
        self.landing: Landing | None = None
        document.changed.connect(self._revalidate)
        self._revalidate()

    def highlight_person(self, name: str | None) -> None:
        """Highlight the sessions of the presenter ``name`` (None: no one)."""
        if name == self.highlighted_person:
            return
        self.highlighted_person = name
        self.highlightChanged.emit()

    def request_field(self, field: str) -> None:
        """Ask the editor to focus ``field`` of the selected session or topic."""
        self.fieldRequested.emit(field)

    def select_semester(self, semester_id: str | None) -> None:
        if semester_id == self.semester_id:
            return
        self.semester_id = semester_id
        self.session_id = self.topic_id = None
        self.changed.emit()

    def select_session(self, session_id: str | None, topic_id: str | None = None) -> None:
        doc = self._document.doc
        if session_id is not None:
            semester, session = doc.find_session(session_id)
            self.semester_id = semester.id
            ids = [t.id for t in session.topics]
            if topic_id not in ids:
                topic_id = ids[0] if ids else None
        else:
            topic_id = None
        if (session_id, topic_id) == (self.session_id, self.topic_id):
            return
        self.session_id, self.topic_id = session_id, topic_id
        self.changed.emit()

    def select_topic(self, topic_id: str) -> None:
        _, session, _ = self._document.doc.find_topic(topic_id)
        self.select_session(session.id, topic_id)

    def _revalidate(self, changed: list[str] | None = None) -> None:
        """Keep the selection pointing at things that exist after a change; after a new
        document (``changed`` empty), select where :attr:`landing` says."""
        doc = self._document.doc
        before = (self.semester_id, self.session_id, self.topic_id)
        if changed == [] and self.landing is not None:
            self.semester_id, self.session_id = self.landing(doc)
            self.topic_id = None
        ids = [s.id for s in doc.semesters]
        if self.semester_id not in ids:
            self.semester_id = ids[0] if ids else None
        try:
            semester, session = doc.find_session(self.session_id or "")
            self.semester_id = semester.id
            if self.topic_id not in [t.id for t in session.topics]:
                self.topic_id = session.topics[0].id if session.topics else None
        except KeyError:
            self.session_id = self.topic_id = None
        if (self.semester_id, self.session_id, self.topic_id) != before:
            self.changed.emit()
