"""The People table (:class:`PeopleModel`): :func:`seminar_gui.core.people.people` as rows.

Columns: name, affiliation, sessions, lead turns, supporting turns, last date.  The
model counts the semester it is given (or all of them) when :meth:`PeopleModel.refresh`
is called; the panel calls it when the document changes while it is on screen.
:data:`SortRole` gives each cell a value that sorts (numbers as numbers, dates as dates).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from seminar_gui.core.people import Person, people, person_key
from seminar_gui.qt.common.dates import qdate
from seminar_gui.qt.document import ProjectDocument

Index = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1
NAME, AFFILIATION, SESSIONS, LEAD, SUPPORTING, LAST_DATE = range(6)
_NUMBERS = (SESSIONS, LEAD, SUPPORTING)


class PeopleModel(QAbstractTableModel):
    """Everyone who presents in one semester (or all), one row each, by name."""

    def __init__(self, document: ProjectDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._rows: list[Person] = []
        self._scope: str | None = None  # a semester id; None: all semesters
        self._source: object = None  # what the rows were counted from (identity)

    # ------------------------------------------------------------------ rows
    @property
    def scope(self) -> str | None:
        return self._scope

    def set_scope(self, semester_id: str | None) -> None:
        """Count ``semester_id`` only (None: every semester) and refresh."""
        self._scope = semester_id
        self.refresh()

    def refresh(self) -> None:
        """Count again from the document (nothing happens if what it counts is the
        same object as last time: documents are immutable values)."""
        doc = self._document.doc
        semester_id = self._scope
        if semester_id is not None and semester_id not in {s.id for s in doc.semesters}:
            semester_id = None if not doc.semesters else doc.semesters[0].id
            self._scope = semester_id
        source = tuple(doc.semesters) if semester_id is None else doc.semester(semester_id)
        if self._same_source(source):
            return
        rows = people(doc, semester_id)
        self._source = source
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def _same_source(self, source: object) -> bool:
        old = self._source
        if isinstance(source, tuple) and isinstance(old, tuple):
            return len(source) == len(old) and all(a is b for a, b in zip(source, old, strict=True))
        return source is old

    def person(self, row: int) -> Person:
        return self._rows[row]

    def row_of(self, name: str) -> int:
        """The row of ``name`` (spelled any way), -1 when they do not present here."""
        key = person_key(name)
        return next((i for i, p in enumerate(self._rows) if p.key == key), -1)

    # ----------------------------------------------------------------- Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Name"),
                self.tr("Affiliation"),
                self.tr("Sessions"),
                self.tr("Lead"),
                self.tr("Supporting"),
                self.tr("Last date"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("The presenter's name as written in their latest session"),
                self.tr("Their latest affiliation"),
                self.tr("Sessions they present in"),
                self.tr("Topics they lead (the first presenter of a topic leads it)"),
                self.tr("Topics they support"),
                self.tr("Their latest session (a planned one counts)"),
            )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        person, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == LAST_DATE:
                return self._date(person.last_date)
            return self._value(person, column)
        if role == SortRole:
            if column in (NAME, AFFILIATION):
                return str(self._value(person, column)).casefold()
            if column == LAST_DATE:
                return person.last_date.toordinal()
            return self._value(person, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            return self.tr("{name}: {lead} lead, {supporting} supporting; last {date}").format(
                name=person.name,
                lead=person.lead,
                supporting=person.supporting,
                date=self._date(person.last_date),
            )
        return None

    @staticmethod
    def _value(person: Person, column: int) -> Any:
        return (
            person.name,
            person.affiliation,
            person.sessions,
            person.lead,
            person.supporting,
            person.last_date,
        )[column]

    def _date(self, date: dt.date) -> str:
        return QLocale().toString(qdate(date), self.tr("MMM d, yyyy", "a date in the People table"))
