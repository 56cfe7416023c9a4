"""Edits of a document as pure functions: old document in, new document out.

Documents are immutable values (frozen pydantic models): every edit builds the
changed objects anew and shares everything else, so an undo step can keep the
document before and after at almost no cost.  The Qt commands are thin wrappers
around these functions; scripts can use them directly.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from seminar_gui.core.dates import short_day_text
from seminar_gui.core.errors import EditError, error_text
from seminar_gui.core.fields import prechecked
from seminar_gui.core.messages import QT_TRANSLATE_NOOP
from seminar_gui.core.model import Document, Presenter, Semester, Session, Topic

M = TypeVar("M", bound=BaseModel)

_MOVE_OUTSIDE = QT_TRANSLATE_NOOP(
    "edits",
    "{date} is outside semester {semester}; a session can only move within its semester",
)
_TAKEN = QT_TRANSLATE_NOOP("edits", "there is already a session on {date}")
_ADD_OUTSIDE = QT_TRANSLATE_NOOP("edits", "{date} is outside semester {semester}: {reason}")
_SEMESTER_EXISTS = QT_TRANSLATE_NOOP("edits", "semester {semester} already exists")


def revalidated(obj: M, **changes: Any) -> M:
    """A copy of ``obj`` with ``changes``, validated (nested models are not re-checked)."""
    try:
        return type(obj).model_validate({**dict(obj), **changes})
    except ValidationError as exc:
        field = ".".join(str(p) for p in exc.errors()[0]["loc"]) or None
        raise EditError(error_text(exc), field=field) from None


def _with_semester(doc: Document, semester: Semester) -> Document:
    semesters = [semester if s.id == semester.id else s for s in doc.semesters]
    old = next((s for s in doc.semesters if s.id == semester.id), None)
    if old is None:
        return revalidated(doc, semesters=semesters)
    return _document_with(doc, semesters, semester, old)


def _document_with(
    doc: Document, semesters: list[Semester], fresh: Semester, old: Semester | None
) -> Document:
    """``revalidated(doc, semesters=semesters)``, checking only what changed.

    ``semesters`` are those of ``doc`` (valid, so sorted, with unique titles and ids)
    with ``fresh`` put in for ``old``, or added (``old`` None).  Only ``fresh`` can
    break a rule: its title against the others' (unless it kept ``old``'s), its ids
    among themselves and, those that ``old`` did not have, against the others'.
    When all is well the document is built without pydantic's pass over every
    semester; otherwise the full validation runs and gives its own error, so the
    result and the messages are always those of :func:`revalidated`.
    """
    ids = _ids(fresh)
    fine = type(fresh) is Semester and len(set(ids)) == len(ids)
    retitled = old is None or fresh.title != old.title
    if fine and retitled:
        fine = all(s.title != fresh.title for s in semesters if s is not fresh)
    if fine:
        arrived = set(ids).difference(_ids(old)) if old is not None else set(ids)
        fine = not arrived or not _uses(doc, arrived, besides=old)
    if not fine:
        return revalidated(doc, semesters=semesters)
    if retitled:  # the order is by title: newest first
        semesters = sorted(semesters, key=lambda s: s.sort_key, reverse=True)
    return prechecked(Document, {**doc.__dict__, "semesters": semesters})


def _uses(doc: Document, ids: set[str], *, besides: Semester | None) -> bool:
    """Whether a semester of ``doc`` other than ``besides`` uses one of ``ids``."""
    for semester in doc.semesters:
        if semester is besides:
            continue
        if semester.id in ids:
            return True
        for session in semester.sessions:
            if session.id in ids:
                return True
            for topic in session.topics:
                if topic.id in ids:
                    return True
    return False


def _ids(semester: Semester) -> list[str]:
    """The ids of a semester, its sessions and their topics."""
    ids = [semester.id]
    for session in semester.sessions:
        ids.append(session.id)
        ids.extend(t.id for t in session.topics)
    return ids


def _with_session(doc: Document, session: Session) -> Document:
    semester, old = doc.find_session(session.id)
    sessions = [session if s.id == session.id else s for s in semester.sessions]
    if type(session) is Session and session.date == old.date:
        # The same date: the order of the sessions and the semester's dates stand.
        semester = prechecked(Semester, {**semester.__dict__, "sessions": sessions})
    else:
        semester = revalidated(semester, sessions=sessions)
    return _with_semester(doc, semester)


# ------------------------------------------------------------------------ sessions


def move_session(doc: Document, session_id: str, date: dt.date) -> tuple[Document, str | None]:
    """Move a session to ``date``; a session already there takes the old date (swap).

    Returns the new document and the id of the session swapped with, if any.
    """
    semester, session = doc.find_session(session_id)
    if date == session.date:
        return doc, None
    other = next((s for s in semester.sessions if s.date == date), None)
    moved = revalidated(session, date=date)
    sessions = []
    for s in semester.sessions:
        if s.id == session_id:
            sessions.append(moved)
        elif other is not None and s.id == other.id:
            sessions.append(revalidated(s, date=session.date))
        else:
            sessions.append(s)
    try:
        new_semester = revalidated(semester, sessions=sessions)
    except EditError as exc:
        message = _MOVE_OUTSIDE(date=short_day_text(date, year=True), semester=semester.title)
        raise EditError(message) from exc
    return _with_semester(doc, new_semester), other.id if other else None


def add_session(
    doc: Document, semester_id: str, date: dt.date, *, with_topic: bool = True
) -> tuple[Document, Session]:
    semester = doc.semester(semester_id)
    if any(s.date == date for s in semester.sessions):
        raise EditError(_TAKEN(date=short_day_text(date)))
    session = Session(date=date, topics=[Topic()] if with_topic else [])
    try:
        new_semester = revalidated(semester, sessions=[*semester.sessions, session])
    except EditError as exc:
        message = _ADD_OUTSIDE(
            date=short_day_text(date, year=True), semester=semester.title, reason=exc.message
        )
        raise EditError(message) from exc
    return _with_semester(doc, new_semester), session


def insert_session(doc: Document, semester_id: str, session: Session) -> Document:
    """Put back a session (e.g. one removed before); its date must be free."""
    semester = doc.semester(semester_id)
    if any(s.date == session.date for s in semester.sessions):
        raise EditError(_TAKEN(date=short_day_text(session.date)))
    return _with_semester(doc, revalidated(semester, sessions=[*semester.sessions, session]))


def remove_session(doc: Document, session_id: str) -> Document:
    semester, _ = doc.find_session(session_id)
    sessions = [s for s in semester.sessions if s.id != session_id]
    return _with_semester(doc, revalidated(semester, sessions=sessions))


def update_session(doc: Document, session_id: str, **changes: Any) -> Document:
    _, session = doc.find_session(session_id)
    return _with_session(doc, revalidated(session, **changes))


# -------------------------------------------------------------------------- topics


def update_topic(doc: Document, topic_id: str, **changes: Any) -> Document:
    """Change fields of a topic: note, heading, slides, video, paper, presenters.

    ``paper`` may be a dict of the paper fields to change (title, url, venue).
    """
    _, session, topic = doc.find_topic(topic_id)
    if isinstance(changes.get("paper"), dict):
        changes["paper"] = revalidated(topic.paper, **changes["paper"])
    if "presenters" in changes:
        people = []
        for row, p in enumerate(changes["presenters"], 1):
            if isinstance(p, Presenter):
                people.append(p)
                continue
            try:
                people.append(Presenter.model_validate(p))
            except ValidationError as exc:
                field = f"presenters.{row}.{exc.errors()[0]['loc'][0]}"
                raise EditError(error_text(exc), field=field) from None
        changes["presenters"] = people
    new_topic = revalidated(topic, **changes)
    topics = [new_topic if t.id == topic_id else t for t in session.topics]
    return _with_session(doc, revalidated(session, topics=topics))


def add_topic(
    doc: Document, session_id: str, index: int | None = None, topic: Topic | None = None
) -> tuple[Document, Topic]:
    _, session = doc.find_session(session_id)
    topic = topic or Topic()
    topics = list(session.topics)
    topics.insert(len(topics) if index is None else index, topic)
    return _with_session(doc, revalidated(session, topics=topics)), topic


def remove_topic(doc: Document, topic_id: str) -> Document:
    _, session, _ = doc.find_topic(topic_id)
    topics = [t for t in session.topics if t.id != topic_id]
    return _with_session(doc, revalidated(session, topics=topics))


def move_topic(doc: Document, topic_id: str, session_id: str, index: int | None = None) -> Document:
    """Move a topic to position ``index`` of a session (the same one: reorder)."""
    _, source, topic = doc.find_topic(topic_id)
    if source.id == session_id:
        topics = [t for t in source.topics if t.id != topic_id]
        topics.insert(len(topics) if index is None else index, topic)
        return _with_session(doc, revalidated(source, topics=topics))
    doc = remove_topic(doc, topic_id)
    return add_topic(doc, session_id, index, topic)[0]


# ----------------------------------------------------------------------- semesters


def add_semester(doc: Document, semester: Semester) -> Document:
    if any(s.title == semester.title for s in doc.semesters):
        raise EditError(_SEMESTER_EXISTS(semester=semester.title))
    return _document_with(doc, [*doc.semesters, semester], semester, None)


def update_semester(doc: Document, semester_id: str, **changes: Any) -> Document:
    return _with_semester(doc, revalidated(doc.semester(semester_id), **changes))


def plan_semester(
    title: str, weekday: int, first: dt.date, last: dt.date, *, sessions: bool = True
) -> Semester:
    """A new semester; with ``sessions``, one empty session on each meeting day."""
    dates: list[dt.date] = []
    if sessions:
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
        while day <= last:
            dates.append(day)
            day += dt.timedelta(weeks=1)
    try:
        return Semester(
            title=title,
            meeting_weekday=weekday,
            first_date=first,
            last_date=last,
            sessions=[Session(date=d, topics=[Topic()]) for d in dates],
        )
    except ValidationError as exc:
        raise EditError(error_text(exc)) from None
