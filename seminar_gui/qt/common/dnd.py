"""Drag and drop shared by the panels: what is dragged, and what a drop would do.

A session (a calendar card) or a topic is dragged as its id under our own MIME types;
slide files come from a file manager as ``text/uri-list``.  :class:`DropPlan` is what a
drop target says about a drag while it hovers (the calendar and the slide drop both
speak it); :class:`FileDropHandler` is how the calendar hands dropped files to whoever
files slides, without knowing who that is.

The payload is the id, UTF-8 encoded (the same format as the session editor's topic
list used before this module existed, so both widgets understand each other's drags).
An id that does not exist in the open document (e.g. a drag from another window of
seminar-gui with another project) is simply refused by the drop target.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple, Protocol

from PySide6.QtCore import QByteArray, QMimeData

#: A dragged session: its id.
SESSION_MIME = "application/x-seminar-gui-session-id"
#: A dragged topic: its id.
TOPIC_MIME = "application/x-seminar-gui-topic-id"
#: Every type the calendar accepts, in order of preference.
MIME_TYPES = [SESSION_MIME, TOPIC_MIME]
#: The type of a drag from a file manager (slides dropped on a card).
URI_LIST_MIME = "text/uri-list"
#: Kinds of file-drop plans: onto a session, matched by the file name, or refused
#: (a refused file drop is still delivered, so the drop can say why it is refused).
FILE_KINDS = ("slides", "slides-match", "slides-refused")


class DropPlan(NamedTuple):
    """What dropping a drag on a target would do: ``hint`` is shown on it meanwhile."""

    allowed: bool
    hint: str = ""
    kind: str = ""  # "move", "swap", "topic", "new-session", "slides…" or "" (refused)
    status: str = ""  # a longer text for the status bar (file drops)


class FileDropHandler(Protocol):
    """Handles files dropped on the calendar (the slide-drop controller is one)."""

    def plan_files(self, paths: list[Path], session_id: str | None) -> DropPlan:
        """What dropping ``paths`` on the session (None: not on a session) would do."""
        ...

    def drop_files(self, paths: list[Path], session_id: str | None) -> bool:
        """Drop them; False (after saying why) when refused."""
        ...


def encode_session(session_id: str, data: QMimeData | None = None) -> QMimeData:
    """MIME data for dragging the session ``session_id`` (added to ``data`` if given)."""
    data = data if data is not None else QMimeData()
    data.setData(SESSION_MIME, QByteArray(session_id.encode("utf-8")))
    return data


def encode_topic(topic_id: str, data: QMimeData | None = None) -> QMimeData:
    """MIME data for dragging the topic ``topic_id`` (added to ``data`` if given)."""
    data = data if data is not None else QMimeData()
    data.setData(TOPIC_MIME, QByteArray(topic_id.encode("utf-8")))
    return data


def _decode(data: QMimeData | None, mime_type: str) -> str | None:
    if data is None or not data.hasFormat(mime_type):
        return None
    try:
        text = bytes(data.data(mime_type).data()).decode("utf-8").strip()
    except UnicodeDecodeError:
        return None
    return text or None


def decode_session(data: QMimeData | None) -> str | None:
    """The dragged session's id, or None when ``data`` carries no session."""
    return _decode(data, SESSION_MIME)


def decode_topic(data: QMimeData | None) -> str | None:
    """The dragged topic's id, or None when ``data`` carries no topic."""
    return _decode(data, TOPIC_MIME)


def carries_seminar_data(data: QMimeData | None) -> bool:
    """Whether ``data`` is a session or topic drag (cheap: looks at the formats only)."""
    return data is not None and any(data.hasFormat(t) for t in MIME_TYPES)


def file_paths(data: QMimeData | None) -> list[Path]:
    """The local files a drag from a file manager carries (none for our own drags)."""
    if data is None or carries_seminar_data(data) or not data.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]
