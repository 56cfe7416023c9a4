"""The presenters of one topic as a two-column table (Name, Affiliation).

The adapter never changes the document itself: every edit builds the full new list
of presenters and pushes an :class:`EditTopicCommand`.  When the command refuses
the list (an empty name, a name with a comma, ...), nothing is pushed; the list as
typed is kept in a *pending* buffer and shown, with the offending row marked, so
nothing the organizer typed is lost.  The buffer is dropped as soon as the list is
accepted, or when the topic's presenters change by other means (undo, another view).

The first row is the lead presenter (the "1" of the 1+N format): the vertical
header marks it.  :class:`PresentersPanel` is the table with its buttons; the small
styling helpers shared by the editor's widgets live here too (the lowest module).
"""

from __future__ import annotations

import itertools
from typing import Any, NamedTuple

from pydantic import ValidationError
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from seminar_gui.core.errors import EditError, error_text
from seminar_gui.core.model import Presenter
from seminar_gui.qt.commands import EditTopicCommand
from seminar_gui.qt.common.i18n import shown
from seminar_gui.qt.document import ProjectDocument

Index = QModelIndex | QPersistentModelIndex
Row = dict[str, str]
COLUMNS = ("name", "affiliation")
ERROR_BACKGROUND = QColor("#fde2e1")
PLACEHOLDER_COLOUR = QColor("#8a8a8a")
_tokens = itertools.count(1)


class _Pending(NamedTuple):
    """Rows as typed that the document refused, and the document rows they replace."""

    rows: list[Row]
    base: list[Presenter]
    errors: dict[int, str]
    fresh: set[int]  # added rows not yet typed in


class PresentersModel(QAbstractTableModel):
    """Table adapter over ``topic.presenters`` of the topic set with :meth:`set_topic`."""

    #: The message of the first refused row of the current topic, "" when none.
    problemChanged = Signal(str)

    IsLeadRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, document: ProjectDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._topic_id: str | None = None
        self._saved: list[Presenter] = []
        self._pending: dict[str, _Pending] = {}
        self._shown: list[Row] = []  # the rows the views last heard about
        document.changed.connect(self._document_changed)

    # ------------------------------------------------------------------ topic
    @property
    def topic_id(self) -> str | None:
        return self._topic_id

    def set_topic(self, topic_id: str | None) -> None:
        if topic_id == self._topic_id:
            return
        self.beginResetModel()
        self._topic_id = topic_id
        self._saved = self._load()
        self._drop_stale_pending()
        self._shown = self.rows()
        self.endResetModel()
        self.problemChanged.emit(self.problem())

    def _load(self) -> list[Presenter]:
        if self._topic_id is None:
            return []
        try:
            return list(self._document.doc.find_topic(self._topic_id)[2].presenters)
        except KeyError:
            return []

    def _document_changed(self, *_: object) -> None:
        self._saved = self._load()
        self._drop_stale_pending()
        self._sync()

    def _sync(self) -> None:
        """Tell the views what changed since they last looked."""
        after = self.rows()
        if after != self._shown:
            if len(after) == len(self._shown):
                last = self.index(len(after) - 1, len(COLUMNS) - 1)
                self._shown = after
                self.dataChanged.emit(self.index(0, 0), last)
                self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(after) - 1)
            else:
                self.beginResetModel()
                self._shown = after
                self.endResetModel()
        self.problemChanged.emit(self.problem())

    def _drop_stale_pending(self) -> None:
        doc = self._document.doc
        for topic_id, pending in list(self._pending.items()):
            try:
                current = doc.find_topic(topic_id)[2].presenters
            except KeyError:
                current = None
            if current != pending.base:
                del self._pending[topic_id]

    # ------------------------------------------------------------------- rows
    def _current_pending(self) -> _Pending | None:
        return self._pending.get(self._topic_id) if self._topic_id else None

    def rows(self) -> list[Row]:
        """The rows as shown: the pending (refused) rows if any, else the document's."""
        pending = self._current_pending()
        if pending is not None:
            return [dict(r) for r in pending.rows]
        return [{"name": p.name, "affiliation": p.affiliation} for p in self._saved]

    def has_pending(self) -> bool:
        return self._current_pending() is not None

    def problem(self) -> str:
        pending = self._current_pending()
        if pending is None:
            return ""
        shown = {r: m for r, m in pending.errors.items() if r not in pending.fresh}
        return shown[min(shown)] if shown else ""

    def row_error(self, row: int) -> str:
        pending = self._current_pending()
        if pending is None or row in pending.fresh:
            return ""
        return pending.errors.get(row, "")

    # ------------------------------------------------------------ Qt interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        rows = self.rows()
        if not index.isValid() or index.row() >= len(rows):
            return None
        row, key = index.row(), COLUMNS[index.column()]
        text, error = rows[row][key], self.row_error(row)
        placeholder = key == "name" and not text
        R = Qt.ItemDataRole
        if role == R.EditRole:
            return text
        if role == R.DisplayRole:
            return self.tr("type a name") if placeholder else text
        if role == R.ForegroundRole and placeholder:
            return QBrush(PLACEHOLDER_COLOUR)
        if role == R.BackgroundRole and error:
            return QBrush(ERROR_BACKGROUND)
        if role == R.ToolTipRole:
            return error or (self._lead_tip() if row == 0 and key == "name" else None)
        if role == R.FontRole and row == 0 and key == "name":
            font = QFont()
            font.setBold(True)
            return font
        return row == 0 if role == self.IsLeadRole else None

    def _lead_tip(self) -> str:
        return self.tr("Lead presenter (the “1” of 1+N)")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
                return (self.tr("Name"), self.tr("Affiliation"))[section]
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("★ Lead") if section == 0 else str(section + 1)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._lead_tip() if section == 0 else self.tr("Co-presenter")
        return section == 0 if role == self.IsLeadRole else None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._topic_id is None:
            return False
        rows = self.rows()
        if index.row() >= len(rows):
            return False
        text = "" if value is None else str(value)
        key = COLUMNS[index.column()]
        pending = self._current_pending()
        if rows[index.row()][key] == text and not (pending and index.row() in pending.fresh):
            return False
        rows[index.row()][key] = text
        fresh = set(pending.fresh) - {index.row()} if pending else set()
        self._commit(rows, fresh)
        return True

    # --------------------------------------------------------------- actions
    def add_row(self) -> int:
        """Append an empty row to type a name into; it reaches the document once named."""
        if self._topic_id is None:
            return -1
        rows = self.rows()
        pending = self._current_pending()
        fresh = set(pending.fresh) if pending else set()
        rows.append({"name": "", "affiliation": ""})
        fresh.add(len(rows) - 1)
        self._commit(rows, fresh)
        return len(rows) - 1

    def remove_row(self, row: int) -> bool:
        rows = self.rows()
        if self._topic_id is None or not 0 <= row < len(rows):
            return False
        pending = self._current_pending()
        fresh = {r - (r > row) for r in (pending.fresh if pending else set()) if r != row}
        del rows[row]
        self._commit(rows, fresh)
        return True

    def move_row(self, row: int, to: int) -> bool:
        """Move ``row`` to position ``to`` (moving a row to 0 makes it the lead)."""
        rows = self.rows()
        if (
            self._topic_id is None
            or row == to
            or not (0 <= row < len(rows) and 0 <= to < len(rows))
        ):
            return False
        pending = self._current_pending()
        order = list(range(len(rows)))
        order.insert(to, order.pop(row))
        fresh = {order.index(r) for r in (pending.fresh if pending else set())}
        rows.insert(to, rows.pop(row))
        self._commit(rows, fresh)
        return True

    def _commit(self, rows: list[Row], fresh: set[int]) -> None:
        """Push the new list, or keep it pending with the refused row marked."""
        assert self._topic_id is not None
        topic_id = self._topic_id
        try:
            command = EditTopicCommand(
                self._document, topic_id, "presenters", rows, merge_token=("cell", next(_tokens))
            )
        except EditError as exc:
            errors = _row_errors(rows) or {0: shown(exc.message)}
            self._pending[topic_id] = _Pending(rows, list(self._saved), errors, fresh)
            self._sync()
            return
        self._pending.pop(topic_id, None)
        if command.after.find_topic(topic_id)[2].presenters == self._saved:
            self._sync()  # back to the document's list (e.g. an untyped new row removed)
            return
        self._document.undo_stack.push(command)  # -> document.changed -> _sync


def _row_errors(rows: list[Row]) -> dict[int, str]:
    """Every refused row and why (the command only names the first one)."""
    errors = {}
    for row, person in enumerate(rows):
        try:
            Presenter.model_validate(person)
        except ValidationError as exc:
            errors[row] = shown(error_text(exc))
    return errors
