"""Edit › Semester Settings… and Edit › Fill Open Slots.

:class:`SemesterSettingsDialog` edits what a semester says about its meetings: the
meeting day and time, the place, the online link, the term's first and last day, the
organizer's breaks ("SOSP week").  The country whose public holidays are shaded is
the project's, in File › Project Settings.  OK pushes one "Edit semester settings"
step; a value the model refuses is shown under the fields and the dialog stays open.
It can be driven without ``exec()``: set the fields, call
:meth:`SemesterSettingsDialog.accept`.

:func:`fill_open_slots` puts an empty session on every open meeting slot from today
on (core/plan.py): one undo step.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import ValidationError
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from seminar_gui.core import edits, plan
from seminar_gui.core.errors import EditError, SeminarError, error_text
from seminar_gui.core.model import Break, Document, Semester
from seminar_gui.qt.commands import DocumentCommand
from seminar_gui.qt.common.dates import date_edit_format, qdate, weekday_long
from seminar_gui.qt.common.i18n import shown, translate
from seminar_gui.qt.document import ProjectDocument


class SemesterSettingsDialog(QDialog):
    """The meeting rule, the term and its breaks of one semester (one undo step)."""

    def __init__(
        self, document: ProjectDocument, semester_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("semesterSettingsDialog")
        self.setAccessibleName(self.tr("Semester settings"))
        self.document = document
        self.semester_id = semester_id
        semester = document.doc.semester(semester_id)
        self.setWindowTitle(self.tr("Settings of {title}").format(title=semester.title))
        column = QVBoxLayout(self)
        form = QFormLayout()
        column.addLayout(form)

        title = QLabel(semester.title, self)
        title.setObjectName("semesterTitleLabel")
        title.setToolTip(self.tr("The title follows the README's '# 2025 Fall' heading"))
        form.addRow(self.tr("Semester"), title)
        self.weekday = QComboBox(self)
        self.weekday.setObjectName("settingsWeekday")
        self.weekday.setAccessibleName(self.tr("Meeting day"))
        self.weekday.addItem(self.tr("The most common day of the sessions"), None)
        for day in range(7):
            self.weekday.addItem(weekday_long(day), day)
        self.weekday.setCurrentIndex(self.weekday.findData(semester.meeting_weekday))
        form.addRow(self.tr("Meeting day"), self.weekday)
        self.time = self._line("settingsTime", self.tr("Meeting time"), semester.meeting_time)
        self.time.setPlaceholderText(self.tr("19:00 or 19:00-21:00"))
        form.addRow(self.tr("Meeting time"), self.time)
        self.place = self._line("settingsPlace", self.tr("Place"), semester.place)
        self.place.setPlaceholderText(self.tr("Room, building"))
        form.addRow(self.tr("Place"), self.place)
        self.link = self._line("settingsOnlineLink", self.tr("Online link"), semester.online_link)
        self.link.setPlaceholderText("https://meeting.tencent.com/…")
        form.addRow(self.tr("Online link"), self.link)
        self.first_set, self.first = self._optional_date(
            "settingsFirstDate", self.tr("First day"), semester.first_date, semester, True
        )
        form.addRow(self.tr("First day"), self._pair(self.first_set, self.first))
        self.last_set, self.last = self._optional_date(
            "settingsLastDate", self.tr("Last day"), semester.last_date, semester, False
        )
        form.addRow(self.tr("Last day"), self._pair(self.last_set, self.last))

        column.addWidget(QLabel(self.tr("Breaks (no meetings):"), self))
        self.breaks = QTableWidget(0, 3, self)
        self.breaks.setObjectName("settingsBreaks")
        self.breaks.setAccessibleName(self.tr("Breaks"))
        self.breaks.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("First day"), self.tr("Last day")]
        )
        self.breaks.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.breaks.verticalHeader().setVisible(False)
        self.breaks.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.breaks.setMinimumHeight(120)
        for item in semester.breaks:
            self.add_break(item.name, item.first, item.last)
        column.addWidget(self.breaks)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add Break"), self)
        self.add_button.setObjectName("addBreakButton")
        self.add_button.clicked.connect(lambda: self.add_break())
        self.remove_button = QPushButton(self.tr("&Remove Break"), self)
        self.remove_button.setObjectName("removeBreakButton")
        self.remove_button.clicked.connect(self.remove_break)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column.addLayout(buttons)

        self.problem = QLabel(self)
        self.problem.setObjectName("semesterSettingsProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: palette(highlight);")
        column.addWidget(self.problem)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        column.addWidget(box)
        self.resize(520, 560)

    # ---------------------------------------------------------------- fields
    def _line(self, name: str, accessible: str, text: str) -> QLineEdit:
        line = QLineEdit(text, self)
        line.setObjectName(name)
        line.setAccessibleName(accessible)
        return line

    def _optional_date(
        self, name: str, accessible: str, day: dt.date | None, semester: Semester, first: bool
    ) -> tuple[QCheckBox, QDateEdit]:
        check = QCheckBox(self)
        check.setObjectName(name + "Set")
        check.setAccessibleName(self.tr("{field} is set").format(field=accessible))
        check.setChecked(day is not None)
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_edit_format())
        span = plan.slot_range(semester) or plan.typical_term(semester.title)
        edit.setDate(qdate(day or (span[0] if first else span[1])))
        edit.setEnabled(day is not None)
        check.toggled.connect(edit.setEnabled)
        return check, edit

    def _pair(self, check: QCheckBox, edit: QDateEdit) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(check)
        layout.addWidget(edit, 1)
        return row

    def add_break(
        self, name: str = "", first: dt.date | None = None, last: dt.date | None = None
    ) -> int:
        """A row for a break (default: a week from the first day); returns its row."""
        if first is None:
            first = self.first.date().toPython() if self.first_set.isChecked() else dt.date.today()
        last = last or first + dt.timedelta(days=6)
        row = self.breaks.rowCount()
        self.breaks.insertRow(row)
        self.breaks.setItem(row, 0, QTableWidgetItem(name))
        for column, day in ((1, first), (2, last)):
            edit = QDateEdit(qdate(day), self.breaks)
            edit.setDisplayFormat(date_edit_format())
            edit.setCalendarPopup(True)
            self.breaks.setCellWidget(row, column, edit)
            # The whole date shows ("Wed 1 Oct 2025"); the name takes the room left.
            wanted = edit.sizeHint().width() + 1  # and the grid line
            if self.breaks.columnWidth(column) < wanted:
                self.breaks.setColumnWidth(column, wanted)
        if not name:
            self.breaks.setCurrentCell(row, 0)
            self.breaks.editItem(self.breaks.item(row, 0))
        return row

    def remove_break(self) -> None:
        row = self.breaks.currentRow()
        if 0 <= row < self.breaks.rowCount():
            self.breaks.removeRow(row)

    def _break_rows(self) -> list[dict[str, Any]]:
        rows = []
        for row in range(self.breaks.rowCount()):
            item = self.breaks.item(row, 0)
            first, last = (self.breaks.cellWidget(row, c) for c in (1, 2))
            assert isinstance(first, QDateEdit) and isinstance(last, QDateEdit)
            name = item.text().strip() if item is not None else ""
            rows.append(
                {
                    "name": name or self.tr("Break"),
                    "first": first.date().toPython(),
                    "last": last.date().toPython(),
                }
            )
        return rows

    # ---------------------------------------------------------------- result
    def changed_document(self) -> Document:
        """The document with the dialog's values (:class:`EditError` if refused)."""
        doc = self.document.doc
        semester = doc.semester(self.semester_id)
        try:
            breaks = [Break.model_validate(row) for row in self._break_rows()]
        except ValidationError as exc:
            raise EditError(error_text(exc), field="breaks") from None
        changes: dict[str, Any] = {
            "meeting_weekday": self.weekday.currentData(),
            "meeting_time": self.time.text().strip(),
            "place": self.place.text().strip(),
            "online_link": self.link.text().strip(),
            "first_date": self.first.date().toPython() if self.first_set.isChecked() else None,
            "last_date": self.last.date().toPython() if self.last_set.isChecked() else None,
            "breaks": breaks,
        }
        changes = {k: v for k, v in changes.items() if getattr(semester, k) != v}
        if changes:
            doc = edits.update_semester(doc, self.semester_id, **changes)
        return doc

    def accept(self) -> None:
        """Push one "Edit semester settings" step (nothing if nothing changed)."""
        try:
            after = self.changed_document()
        except SeminarError as exc:
            self.problem.setText(shown(exc.message))
            return
        if after is not self.document.doc:
            text = translate("commands", "Edit semester settings")
            self.document.undo_stack.push(DocumentCommand(self.document, after, text))
        super().accept()


def edit_semester_settings(
    document: ProjectDocument, semester_id: str, parent: QWidget | None = None
) -> bool:
    """Show the dialog; True when the organizer pressed OK."""
    dialog = SemesterSettingsDialog(document, semester_id, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def fill_open_slots(
    document: ProjectDocument, semester_id: str, *, today: dt.date | None = None
) -> int:
    """An empty session on every open meeting slot from ``today`` on, as one undo
    step; the number added (0: nothing to fill, said in the status bar)."""
    today = today if today is not None else dt.date.today()
    before = document.doc.semester(semester_id)
    try:
        after = plan.fill_open_slots(document.doc, semester_id, since=today)
    except EditError as exc:
        document.message.emit(exc.message)
        return 0
    added = len(after.semester(semester_id).sessions) - len(before.sessions)
    message = translate("commands", "Added {n} sessions on the open meeting days").format(n=added)
    text = translate("commands", "Fill open slots")
    document.undo_stack.push(DocumentCommand(document, after, text, message=message))
    return added
