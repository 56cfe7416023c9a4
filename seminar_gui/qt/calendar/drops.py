"""What dragging a session or a topic over the calendar would do, cell by cell.

:func:`plan_drop` is asked on every hover (cheap: no I/O, no command built) and
again on the drop; the model turns an allowed plan into a command.  Files dragged
from a file manager are planned by the model's :class:`FileDropHandler` instead.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QMimeData

from seminar_gui.core.model import Document, Semester, Session
from seminar_gui.qt.calendar.cells import in_term
from seminar_gui.qt.common import dnd
from seminar_gui.qt.common.dates import month_day
from seminar_gui.qt.common.dnd import DropPlan
from seminar_gui.qt.common.i18n import translate


def plan_drop(
    doc: Document, semester: Semester, target: Session | None, data: QMimeData | None, date: dt.date
) -> DropPlan:
    """What dropping ``data`` on ``date`` of ``semester`` (holding ``target``) would do."""
    refused = DropPlan(False, translate("calendar", "Outside the term"))
    if (session_id := dnd.decode_session(data)) is not None:
        try:
            home, session = doc.find_session(session_id)
        except KeyError:
            return DropPlan(False)
        if home.id != semester.id or session.date == date:
            return DropPlan(False)
        if not in_term(semester, date):
            return refused
        if target is not None:
            return DropPlan(
                True, translate("calendar", "Swap with {d}").format(d=month_day(date)), "swap"
            )
        return DropPlan(True, translate("calendar", "Move here"), "move")
    if (topic_id := dnd.decode_topic(data)) is not None:
        try:
            _, source, _ = doc.find_topic(topic_id)
        except KeyError:
            return DropPlan(False)
        if target is not None and target.id == source.id:
            return DropPlan(False)
        if not in_term(semester, date):
            return refused
        if target is not None:
            return DropPlan(True, translate("calendar", "Move topic here"), "topic")
        return DropPlan(True, translate("calendar", "New session with this topic"), "new-session")
    return DropPlan(False)
