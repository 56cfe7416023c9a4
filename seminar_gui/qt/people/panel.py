"""The People panel: a sortable table of presenters; choosing one marks their sessions.

:class:`PeoplePanel` shows :class:`~seminar_gui.qt.people.model.PeopleModel` for the
semester on show or for all semesters (a chooser above the table).  The current row is
the highlighted person (``Selection.highlight_person``): the calendar marks their
sessions.  The panel counts only while it is on screen, :data:`DEBOUNCE_MS` after the
last change, and only when the semesters it counts changed.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.people.model import AFFILIATION, LAST_DATE, PeopleModel, SortRole
from seminar_gui.qt.selection import Selection

DEBOUNCE_MS = 200
SEMESTER, ALL = 0, 1  # the scope chooser's entries


class PeoplePanel(QWidget):
    """Scope chooser, the table and a line saying how many people present."""

    def __init__(
        self, document: ProjectDocument, selection: Selection, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("peoplePanel")
        self.setAccessibleName(self.tr("People"))
        self._document = document
        self._selection = selection
        self.model = PeopleModel(document, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)

        self.scope = QComboBox(self)
        self.scope.setObjectName("peopleScope")
        self.scope.setAccessibleName(self.tr("Whose sessions are counted"))
        self.scope.addItems([self.tr("Semester on show"), self.tr("All semesters")])
        label = QLabel(self.tr("&Count:"), self)
        label.setBuddy(self.scope)
        self.summary = QLabel(self)
        self.summary.setObjectName("peopleSummary")

        self.table = QTableView(self)
        self.table.setObjectName("peopleTable")
        self.table.setAccessibleName(self.tr("Presenters and their turns"))
        self.table.setToolTip(
            self.tr(
                "Everyone who presents. Click a column to sort (Last date: who has "
                "waited longest comes first). Choose a person to mark their sessions "
                "in the calendar."
            )
        )
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(LAST_DATE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Names are short; an affiliation may be long: the room left goes to it.
        header.setSectionResizeMode(AFFILIATION, QHeaderView.ResizeMode.Stretch)

        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.scope)
        top.addStretch(1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._after_reset)
        document.changed.connect(self._document_changed)
        selection.changed.connect(self._selection_changed)
        self.refresh()

    # --------------------------------------------------------------- counting
    def refresh(self) -> None:
        """Count now (the semester on show, or all)."""
        self._timer.stop()
        all_semesters = self.scope.currentIndex() == ALL
        self.model.set_scope(None if all_semesters else self._selection.semester_id)
        self._update_summary()

    def _document_changed(self, semester_ids: list[str]) -> None:
        if not self.isVisible():
            return  # counted when shown
        counted = self.model.scope
        if not semester_ids or counted is None or counted in semester_ids:
            self._timer.start()

    def _selection_changed(self) -> None:
        if (
            self.isVisible()
            and self.scope.currentIndex() == SEMESTER
            and self.model.scope != self._selection.semester_id
        ):
            self.refresh()

    def _update_summary(self) -> None:
        count = self.model.rowCount()
        if count == 1:
            self.summary.setText(self.tr("1 person"))
        else:  # English has no plural forms without a catalog of its own: two texts
            self.summary.setText(self.tr("%n people", "", count))

    # -------------------------------------------------------------- the person
    def current_name(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.person(self.proxy.mapToSource(index).row()).name

    def select_person(self, name: str | None) -> None:
        """Make ``name`` the current row (None or absent: none)."""
        row = self.model.row_of(name) if name else -1
        if row < 0:
            self.table.selectionModel().clearSelection()
            self.table.setCurrentIndex(QModelIndex())
            self._selection.highlight_person(None)
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.isVisible():
            self._selection.highlight_person(self.current_name())

    def _after_reset(self) -> None:
        """Keep the highlighted person current after a recount, if they still present."""
        self._update_summary()
        name = self._selection.highlighted_person
        if name and self.model.row_of(name) >= 0:
            self.select_person(name)
        elif name:
            self._selection.highlight_person(None)

    # ------------------------------------------------------------- visibility
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self._selection.highlight_person(self.current_name())

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()
        self._selection.highlight_person(None)  # no marks for a closed panel
