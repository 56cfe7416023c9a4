"""The topics of one session as a list ("Topic I — FuseLink"), reordered by dragging.

A drop never moves rows itself: it pushes a :class:`MoveTopicCommand` and the list
follows the document (``document.changed``), like every other view.  Drags use the
topic MIME type of :mod:`seminar_gui.qt.common.dnd`, so a topic card dragged from the
calendar can be dropped into the list too (it moves to this session).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from seminar_gui.core.errors import EditError
from seminar_gui.core.lines import roman
from seminar_gui.core.model import Topic
from seminar_gui.qt.commands import MoveTopicCommand
from seminar_gui.qt.common.dnd import TOPIC_MIME, decode_topic, encode_topic
from seminar_gui.qt.document import ProjectDocument

Index = QModelIndex | QPersistentModelIndex


class TopicsModel(QAbstractListModel):
    """List adapter over ``session.topics`` of the session set with :meth:`set_session`."""

    TopicIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, document: ProjectDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._session_id: str | None = None
        self._topics: list[Topic] = []
        document.changed.connect(self._document_changed)

    # ---------------------------------------------------------------- session
    @property
    def session_id(self) -> str | None:
        return self._session_id

    def set_session(self, session_id: str | None) -> None:
        if session_id == self._session_id:
            return
        self.beginResetModel()
        self._session_id = session_id
        self._topics = self._load()
        self.endResetModel()

    def _load(self) -> list[Topic]:
        if self._session_id is None:
            return []
        try:
            return list(self._document.doc.find_session(self._session_id)[1].topics)
        except KeyError:
            return []

    def _document_changed(self, *_: object) -> None:
        topics = self._load()
        if [t.id for t in topics] == [t.id for t in self._topics]:
            changed = [
                i for i, (a, b) in enumerate(zip(topics, self._topics, strict=True)) if a is not b
            ]
            self._topics = topics
            if changed:
                self.dataChanged.emit(self.index(min(changed)), self.index(max(changed)))
            return
        self.beginResetModel()
        self._topics = topics
        self.endResetModel()

    def topic_id(self, row: int) -> str | None:
        return self._topics[row].id if 0 <= row < len(self._topics) else None

    def row_of(self, topic_id: str | None) -> int:
        return next((i for i, t in enumerate(self._topics) if t.id == topic_id), -1)

    def label(self, row: int) -> str:
        """'Topic I — FuseLink' (a custom heading replaces 'Topic I')."""
        topic = self._topics[row]
        heading = topic.heading or self.tr("Topic {n}").format(n=roman(row + 1))
        name = topic.short_name or self.tr("untitled")
        return f"{heading} — {name}"

    # ------------------------------------------------------------ Qt interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._topics)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._topics):
            return None
        topic = self._topics[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.label(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            people = ", ".join(p.name for p in topic.presenters)
            title = topic.paper.title or self.tr("No paper chosen yet")
            return f"{title}\n{people}" if people else title
        if role == self.TopicIdRole:
            return topic.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    # ---------------------------------------------------------- drag and drop
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [TOPIC_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return encode_topic(self._topics[rows[0]].id) if rows else QMimeData()

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self._session_id is not None and data.hasFormat(TOPIC_MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Push a MoveTopicCommand; returns False so the view removes nothing itself."""
        topic_id = decode_topic(data)
        if topic_id is None or not self.canDropMimeData(data, action, row, column, parent):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._topics)
        self.move_topic(topic_id, row)
        return False

    def moveRows(
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination_child: int,
    ) -> bool:
        """An internal drag in the list view (QListView calls moveRow): push a command."""
        if count != 1 or source_parent.isValid() or destination_parent.isValid():
            return False
        topic_id = self.topic_id(source_row)
        return topic_id is not None and self.move_topic(topic_id, destination_child)

    def move_topic(self, topic_id: str, row: int) -> bool:
        """Put a topic before the topic now at ``row`` (``len`` = at the end)."""
        if self._session_id is None:
            return False
        index = row
        source = self.row_of(topic_id)
        if source >= 0:  # a reorder: positions count without the moved topic
            if row in (source, source + 1):
                return False
            index = row - 1 if source < row else row
        try:
            command = MoveTopicCommand(self._document, topic_id, self._session_id, index)
        except (EditError, KeyError):
            return False
        self._document.undo_stack.push(command)
        return True
