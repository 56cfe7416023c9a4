"""One QUndoCommand per user action: every change of the document goes through here.

Each command computes the new document value with :mod:`seminar_gui.core.edits`
when it is created (so an invalid edit raises :class:`EditError` before anything
is pushed), then swaps the document value on redo/undo.  Because document values
are immutable and share unchanged parts, keeping both is cheap.

Typing in one field merges into one undo step (``mergeWith``), as long as the
organizer stays in that field (the editor passes a new ``merge_token`` when the
focus moves).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QUndoCommand

from seminar_gui.core import edits
from seminar_gui.core.errors import EditError, SeminarError
from seminar_gui.core.model import Document, Semester
from seminar_gui.core.slides import (
    CopyResult,
    SlideError,
    copy_slides,
    plan_copy,
    resolve_site_folder,
    undo_copy,
)
from seminar_gui.core.style import Style
from seminar_gui.qt.common.dates import month_day as day
from seminar_gui.qt.common.i18n import shown_error, translate
from seminar_gui.qt.document import ProjectDocument


def push_command(
    document: ProjectDocument, build: Callable[[], DocumentCommand]
) -> DocumentCommand | None:
    """Build a command and push it; an EditError becomes a status message (None)."""
    try:
        command = build()
    except EditError as exc:
        document.message.emit(exc.message)
        return None
    except KeyError:  # an id from another project (a drag from another window)
        return None
    document.undo_stack.push(command)
    return command


class DocumentCommand(QUndoCommand):
    """Replace the document value; undo puts the previous value back."""

    MERGE_ID = -1

    def __init__(
        self,
        document: ProjectDocument,
        after: Document,
        text: str,
        *,
        merge_key: object = None,
        message: str = "",
        origin: object = None,
    ) -> None:
        super().__init__(text)
        self.document = document
        self.before = document.doc
        self.after = after
        self.merge_key = merge_key
        self.message = message
        #: Who made this change (a view passes itself): the document tells its views
        #: during the first redo, so the view that typed knows the change is its own.
        self.origin = origin
        self._pushed = False

    def redo(self) -> None:
        # QUndoStack.push() calls redo() first: that is the organizer's action; later
        # redos (and every undo) come from the Edit menu, not from the view.
        origin, self._pushed = (None if self._pushed else self.origin), True
        self.document.replace(self.after, origin=origin)
        if self.message:
            self.document.message.emit(self.message)

    def undo(self) -> None:
        self.document.replace(self.before)

    def id(self) -> int:
        return self.MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, DocumentCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        if self.after == self.before:  # typed back to what it was
            self.setObsolete(True)
        return True


# ------------------------------------------------------------------------ sessions


class MoveSessionCommand(DocumentCommand):
    """Drag a session card to another date (a session already there swaps)."""

    def __init__(self, document: ProjectDocument, session_id: str, date: dt.date) -> None:
        _, session = document.doc.find_session(session_id)
        after, swapped = edits.move_session(document.doc, session_id, date)
        if swapped:
            text = translate("commands", "Swap sessions {a} and {b}").format(
                a=day(session.date), b=day(date)
            )
            message = translate("commands", "Swapped the sessions of {a} and {b}").format(
                a=day(session.date), b=day(date)
            )
        else:
            text = translate("commands", "Move session to {d}").format(d=day(date))
            message = translate("commands", "Moved the session of {a} to {b}").format(
                a=day(session.date), b=day(date)
            )
        super().__init__(document, after, text, message=message)
        self.session_id = session_id


class AddSessionCommand(DocumentCommand):
    def __init__(self, document: ProjectDocument, semester_id: str, date: dt.date) -> None:
        after, session = edits.add_session(document.doc, semester_id, date)
        super().__init__(
            document, after, translate("commands", "Add session on {d}").format(d=day(date))
        )
        self.session_id = session.id


class RemoveSessionCommand(DocumentCommand):
    def __init__(self, document: ProjectDocument, session_id: str) -> None:
        _, session = document.doc.find_session(session_id)
        after = edits.remove_session(document.doc, session_id)
        super().__init__(
            document, after, translate("commands", "Delete session {d}").format(d=day(session.date))
        )


# -------------------------------------------------------------------------- topics

# Marked for lupdate; translated where shown (translate("commands", FIELD_NAMES[field])).
FIELD_NAMES = {
    "note": QT_TRANSLATE_NOOP("commands", "note"),
    "heading": QT_TRANSLATE_NOOP("commands", "topic heading"),
    "slides": QT_TRANSLATE_NOOP("commands", "slides link"),
    "video": QT_TRANSLATE_NOOP("commands", "video link"),
    "presenters": QT_TRANSLATE_NOOP("commands", "presenters"),
    "title": QT_TRANSLATE_NOOP("commands", "paper title"),
    "url": QT_TRANSLATE_NOOP("commands", "paper URL"),
    "venue": QT_TRANSLATE_NOOP("commands", "venue tag"),
}


class EditTopicCommand(DocumentCommand):
    """Change one field of a topic; typing in the same field merges into one step."""

    MERGE_ID = 1

    def __init__(
        self,
        document: ProjectDocument,
        topic_id: str,
        field: str,
        value: Any,
        merge_token: object = None,
        origin: object = None,
    ) -> None:
        if field in ("title", "url", "venue"):
            after = edits.update_topic(document.doc, topic_id, paper={field: value})
        else:
            after = edits.update_topic(document.doc, topic_id, **{field: value})
        name = translate("commands", FIELD_NAMES.get(field, field))
        super().__init__(
            document,
            after,
            translate("commands", "Edit {field}").format(field=name),
            merge_key=(topic_id, field, merge_token) if merge_token is not None else None,
            origin=origin,
        )


class AddTopicCommand(DocumentCommand):
    def __init__(self, document: ProjectDocument, session_id: str) -> None:
        after, topic = edits.add_topic(document.doc, session_id)
        super().__init__(document, after, translate("commands", "Add topic"))
        self.topic_id = topic.id


class RemoveTopicCommand(DocumentCommand):
    def __init__(self, document: ProjectDocument, topic_id: str) -> None:
        _, _, topic = document.doc.find_topic(topic_id)
        after = edits.remove_topic(document.doc, topic_id)
        name = topic.short_name or translate("commands", "untitled")
        super().__init__(
            document, after, translate("commands", "Delete topic “{name}”").format(name=name)
        )


class MoveTopicCommand(DocumentCommand):
    """Move a topic to another session (drag), or to another place in its session."""

    def __init__(
        self, document: ProjectDocument, topic_id: str, session_id: str, index: int | None = None
    ) -> None:
        _, source, topic = document.doc.find_topic(topic_id)
        _, target = document.doc.find_session(session_id)
        after = edits.move_topic(document.doc, topic_id, session_id, index)
        name = topic.short_name or translate("commands", "untitled")
        if source.id == session_id:
            text = translate("commands", "Reorder topics of {d}").format(d=day(target.date))
            message = ""
        else:
            text = translate("commands", "Move topic “{name}” to {d}").format(
                name=name, d=day(target.date)
            )
            message = translate("commands", "Moved “{name}” from {a} to {b}").format(
                name=name, a=day(source.date), b=day(target.date)
            )
        super().__init__(document, after, text, message=message)


class NewSessionWithTopicCommand(DocumentCommand):
    """A topic dropped on an empty date: a new session there holds just that topic."""

    def __init__(
        self, document: ProjectDocument, semester_id: str, date: dt.date, topic_id: str
    ) -> None:
        _, source, topic = document.doc.find_topic(topic_id)
        after, session = edits.add_session(document.doc, semester_id, date, with_topic=False)
        after = edits.move_topic(after, topic_id, session.id)
        name = topic.short_name or translate("commands", "untitled")
        text = translate("commands", "Move topic “{name}” to {d}").format(name=name, d=day(date))
        message = translate("commands", "Moved “{name}” from {a} to a new session on {b}").format(
            name=name, a=day(source.date), b=day(date)
        )
        super().__init__(document, after, text, message=message)
        self.session_id = session.id


class AttachSlidesCommand(DocumentCommand):
    """Slides dropped on a topic: the copy (already made) is linked from the topic.

    Redo sets ``topic.slides`` to the copy's link; undo restores the previous link and
    removes the copy (only if unchanged since; a replaced file comes back).  A redo
    after an undo copies the file again from ``source``.  The document value always
    follows undo/redo (later steps depend on it); a file that cannot be copied again or
    removed is reported as a message.
    """

    def __init__(
        self, document: ProjectDocument, topic_id: str, result: CopyResult, source: Path
    ) -> None:
        _, session, topic = document.doc.find_topic(topic_id)
        after = edits.update_topic(document.doc, topic_id, slides=result.link)
        name = result.destination.name
        target = f"{day(session.date)} · {topic.short_name or translate('commands', 'untitled')}"
        if result.created:
            message = translate("commands", "Filed {name} under slides/ for {target}")
        else:
            message = translate("commands", "{name} was already in slides/: linked it for {target}")
        super().__init__(
            document,
            after,
            translate("commands", "Attach slides {name}").format(name=name),
            message=message.format(name=name, target=target),
        )
        self.topic_id = topic_id
        self.source = Path(source)
        self.result = result
        self.replace = result.replaced_backup is not None
        self.applied = False  # the link is set (redo done)
        self.copied = result.created  # our copy is at result.destination
        self._made_copy = result.created  # False: an identical file was reused
        self._first = True

    def redo(self) -> None:
        problem = ""
        if self._first:
            self._first = False  # the drop made the copy already
        elif self._made_copy:
            problem = self._copy_again()
        super().redo()
        self.applied = True
        if problem:
            self.document.message.emit(problem)

    def undo(self) -> None:
        super().undo()
        self.applied = False
        if not self.copied:
            return
        self.copied = False
        try:
            undo_copy(self.result)
        except SlideError as exc:
            self.document.message.emit(
                translate("commands", "The link was removed, but: {e}").format(e=shown_error(exc))
            )
        self.document.recheck_files()  # the copy is gone after the views looked: again

    def _copy_again(self) -> str:
        site = self.result.destination.parent.parent
        try:
            plan = plan_copy(self.source, site, self.result.destination.name)
            self.result = copy_slides(plan, replace=self.replace)
        except (SlideError, OSError) as exc:
            return translate(
                "commands", "The slides link is back, but the file could not be copied again: {e}"
            ).format(e=shown_error(exc))
        self.copied = self.result.created
        return ""


# ----------------------------------------------------------------------- semesters


class AddSemesterCommand(DocumentCommand):
    def __init__(self, document: ProjectDocument, semester: Semester) -> None:
        after = edits.add_semester(document.doc, semester)
        super().__init__(
            document, after, translate("commands", "New semester {t}").format(t=semester.title)
        )
        self.semester_id = semester.id


class EditSemesterCommand(DocumentCommand):
    def __init__(self, document: ProjectDocument, semester_id: str, **changes: Any) -> None:
        after = edits.update_semester(document.doc, semester_id, **changes)
        super().__init__(document, after, translate("commands", "Edit semester settings"))


# ------------------------------------------------------------------------ project


class EditProjectCommand(DocumentCommand):
    """Change document-level settings: ``site_folder`` and/or ``style``.

    Raises :class:`EditError` (nothing pushed) when the model refuses the values.
    """

    def __init__(
        self,
        document: ProjectDocument,
        *,
        site_folder: str | None = None,
        style: Style | None = None,
        text: str = "",
    ) -> None:
        changes: dict[str, Any] = {}
        if site_folder is not None:
            changes["site_folder"] = site_folder.strip()
        if style is not None:
            changes["style"] = style
        after = edits.revalidated(document.doc, **changes)
        try:
            resolve_site_folder(after, document.path)  # e.g. a NUL character
        except SeminarError as exc:
            raise EditError(exc.message, field="site_folder") from None
        super().__init__(document, after, text or translate("commands", "Change project settings"))

    @property
    def changed(self) -> bool:
        return self.after != self.before
