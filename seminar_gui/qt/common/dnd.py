"""MIME types of the things an organizer drags: a session (a calendar card) or a topic.

The payload is the id, UTF-8 encoded (the same format as the session editor's topic
list used before this module existed, so both widgets understand each other's drags).
An id that does not exist in the open document (e.g. a drag from another window of
seminar-gui with another project) is simply refused by the drop target.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData

#: A dragged session: its id.
SESSION_MIME = "application/x-seminar-gui-session-id"
#: A dragged topic: its id.
TOPIC_MIME = "application/x-seminar-gui-topic-id"
#: Every type the calendar accepts, in order of preference.
MIME_TYPES = [SESSION_MIME, TOPIC_MIME]


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
