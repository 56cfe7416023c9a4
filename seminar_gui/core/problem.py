"""A problem found in a document, as ``seminar-gui check`` prints it and the Problems
panel lists it, and how a problem names its place ("2025 Fall › Nov 25 › Topic II",
in the UI language: "2025 Fall › 11月25日 › 主题 II").

Shared by core/checks.py (the document's and the slide files' checks) and
core/rules.py (the group's rules), which both build :class:`Problem` values.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from seminar_gui.core.dates import short_day_text
from seminar_gui.core.lines import roman
from seminar_gui.core.messages import QT_TRANSLATE_NOOP
from seminar_gui.core.model import Semester, Session

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}

_TOPIC = QT_TRANSLATE_NOOP("problem", "Topic {number}")
_WHERE = QT_TRANSLATE_NOOP("problem", "{semester} › {date}")
_WHERE_TOPIC = QT_TRANSLATE_NOOP("problem", "{semester} › {date} › {topic}")


class Problem(NamedTuple):
    """One finding: how bad, where (for people and by id), and what to do about it."""

    severity: Severity
    where: str
    message: str
    semester_id: str | None = None
    session_id: str | None = None
    topic_id: str | None = None
    field: str | None = None
    path: str | None = None  # the local file concerned (check_files), absolute

    def __str__(self) -> str:
        return f"{self.severity}: {self.where}: {self.message}"


def topic_label(session: Session, index: int) -> str:
    """The topic's heading, or "Topic II" (translated where it is shown)."""
    topic = session.topics[index]
    return topic.heading or _TOPIC(number=roman(index + 1))


def session_where(semester: Semester, session: Session) -> str:
    """A problem's place: ``"2025 Fall › Nov 25"`` (the day as the UI language
    writes it; the semester names the year)."""
    return _WHERE(semester=semester.title, date=short_day_text(session.date))


def topic_where(semester: Semester, session: Session, index: int) -> str:
    """A problem's place: ``"2025 Fall › Nov 25 › Topic II"``."""
    label = topic_label(session, index)
    return _WHERE_TOPIC(semester=semester.title, date=short_day_text(session.date), topic=label)
