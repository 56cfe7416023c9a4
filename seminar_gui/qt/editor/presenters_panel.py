"""The presenters table of a topic with its Add/Remove/Up/Down buttons."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from seminar_gui.qt.common.i18n import sentence
from seminar_gui.qt.common.widgets import header_row, message_label, set_validity
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.editor.presenters_model import PresentersModel


class PresentersPanel(QWidget):
    """The presenters table with its Add/Remove/Up/Down buttons and message."""

    def __init__(self, document: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presentersPanel")
        self.model = PresentersModel(document, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.setSpacing(3)
        top, caption, self.buttons = header_row(
            self,
            self.tr("P&resenters"),
            [
                ("addPresenter", "+", self.tr("Add a presenter")),
                ("removePresenter", "−", self.tr("Remove the selected presenter")),
                ("presenterUp", "↑", self.tr("Move the presenter up (the top one leads)")),
                ("presenterDown", "↓", self.tr("Move the presenter down")),
            ],
        )
        layout.addLayout(top)
        self.table = QTableView(self)
        self.table.setObjectName("presentersTable")
        self.table.setAccessibleName(self.tr("Presenters"))
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        caption.setBuddy(self.table)
        layout.addWidget(self.table)
        hint = QLabel(
            self.tr("★ The first presenter leads (the “1” of 1+N); double-click to edit.")
        )
        hint.setObjectName("presentersHint")
        hint.setWordWrap(True)
        set_validity(hint, "info")
        layout.addWidget(hint)
        self.message = message_label(self, "presentersMessage")
        layout.addWidget(self.message)
        add, remove, up, down = self.buttons
        add.clicked.connect(self.add_presenter)
        remove.clicked.connect(self.remove_presenter)
        up.clicked.connect(lambda: self.move_presenter(-1))
        down.clicked.connect(lambda: self.move_presenter(+1))
        self.model.problemChanged.connect(self._show_problem)
        self.model.modelReset.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        rows = min(max(self.model.rowCount(), 2), 6)
        header = self.table.horizontalHeader().sizeHint().height()
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(header + row_height * rows + 2 * self.table.frameWidth() + 2)
        for button in self.buttons:
            button.setEnabled(self.model.topic_id is not None)

    def _show_problem(self, message: str) -> None:
        message = sentence(message)
        self.message.setText(message)
        self.message.setVisible(bool(message))
        set_validity(self.message, "error" if message else "")
        set_validity(self.table, "error" if message else "")

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def add_presenter(self) -> None:
        row = self.model.add_row()
        if row >= 0:
            index = self.model.index(row, 0)
            self.table.setCurrentIndex(index)
            self.table.setFocus()
            self.table.edit(index)

    def remove_presenter(self) -> None:
        row = self.current_row()
        if self.model.remove_row(row if row >= 0 else self.model.rowCount() - 1):
            count = self.model.rowCount()
            if count:
                self.table.setCurrentIndex(self.model.index(min(max(row, 0), count - 1), 0))

    def move_presenter(self, delta: int) -> None:
        row = self.current_row()
        if row >= 0 and self.model.move_row(row, row + delta):
            self.table.setCurrentIndex(self.model.index(row + delta, 0))
