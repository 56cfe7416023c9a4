"""Dialogs, and the one place where the window asks the organizer something.

Every question goes through :class:`Asker`, so tests can answer instead of a person
(``window.asker = ScriptedAsker(...)``) while the rest of the code path stays real.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from seminar_gui.core.dates import SEASON_ORDER, semester_year_for_month
from seminar_gui.core.edits import plan_semester
from seminar_gui.core.errors import SeminarError
from seminar_gui.core.model import Semester

PROJECT_FILTER = "seminar-gui project (*.json);;All files (*)"
README_FILTER = "Markdown (*.md *.markdown);;All files (*)"
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class Asker:
    """Questions to the organizer (message boxes and file dialogs)."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def save_changes(self, name: str) -> QMessageBox.StandardButton:
        box = QMessageBox(self.parent)
        box.setObjectName("saveChangesBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.parent.tr("Unsaved changes"))
        box.setText(self.parent.tr("Save the changes to “{name}”?").format(name=name))
        box.setInformativeText(self.parent.tr("Your changes are lost if you don't save them."))
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setStandardButtons(buttons)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        return QMessageBox.StandardButton(box.exec())

    def restore_recovery(self, saved_at: dt.datetime, original: Path | None) -> bool:
        where = str(original) if original else self.parent.tr("an unsaved project")
        answer = QMessageBox.question(
            self.parent,
            self.parent.tr("Restore unsaved work?"),
            self.parent.tr(
                "seminar-gui did not close properly. Work on {where} was saved "
                "automatically at {time}.\n\nRestore it?"
            ).format(where=where, time=saved_at.strftime("%Y-%m-%d %H:%M")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def open_path(self, start: Path | None) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self.parent, self.parent.tr("Open project"), str(start or ""), PROJECT_FILTER
        )
        return Path(name) if name else None

    def save_path(self, start: Path | None) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self.parent, self.parent.tr("Save project as"), str(start or ""), PROJECT_FILTER
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".json")

    def readme_to_import(self, start: Path | None) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self.parent, self.parent.tr("Import README"), str(start or ""), README_FILTER
        )
        return Path(name) if name else None

    def readme_to_export(self, start: Path | None) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self.parent, self.parent.tr("Export README"), str(start or ""), README_FILTER
        )
        return Path(name) if name else None

    def confirm_export(self, path: Path, diff: str) -> bool:
        return ExportDiffDialog(path, diff, self.parent).exec() == QDialog.DialogCode.Accepted

    def new_semester(self, existing: list[str]) -> Semester | None:
        dialog = NewSemesterDialog(existing, self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.semester

    def error(self, title: str, error: SeminarError | str) -> None:
        box = QMessageBox(self.parent)
        box.setObjectName("errorBox")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(title)
        box.setText(title)
        box.setInformativeText(str(error))
        box.exec()

    def info(self, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        box.setText(text)
        if details:
            box.setDetailedText(details)
        box.exec()


class ExportDiffDialog(QDialog):
    """Shows what exporting changes in the README on disk; writes only on confirmation."""

    def __init__(self, path: Path, diff: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDiffDialog")
        self.setWindowTitle(self.tr("Export README"))
        self.resize(820, 600)
        layout = QVBoxLayout(self)
        if diff:
            text = self.tr("These changes will be written to {path}:").format(path=path)
        else:
            text = self.tr("{path} is already up to date.").format(path=path)
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        view = QPlainTextEdit(self)
        view.setObjectName("exportDiff")
        view.setAccessibleName(self.tr("Changes to the README"))
        view.setReadOnly(True)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        view.setPlainText(diff or self.tr("(no changes)"))
        _color_diff(view)
        layout.addWidget(view)
        buttons = QDialogButtonBox(self)
        write = buttons.addButton(self.tr("Write README"), QDialogButtonBox.ButtonRole.AcceptRole)
        write.setObjectName("writeReadmeButton")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def _color_diff(view: QPlainTextEdit) -> None:
    from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor

    doc = view.document()
    block = doc.begin()
    added, removed, hunk = QTextCharFormat(), QTextCharFormat(), QTextCharFormat()
    added.setForeground(QColor("#1a7f37"))
    removed.setForeground(QColor("#cf222e"))
    hunk.setForeground(QColor("#8250df"))
    hunk.setFontWeight(QFont.Weight.Bold)
    while block.isValid():
        text = block.text()
        fmt = None
        if text.startswith("+") and not text.startswith("+++"):
            fmt = added
        elif text.startswith("-") and not text.startswith("---"):
            fmt = removed
        elif text.startswith("@@"):
            fmt = hunk
        if fmt is not None:
            cursor = QTextCursor(block)
            cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
            cursor.mergeCharFormat(fmt)
        block = block.next()


class NewSemesterDialog(QDialog):
    """Title (year + season), meeting weekday, first and last day of the term."""

    def __init__(self, existing: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newSemesterDialog")
        self.setWindowTitle(self.tr("New semester"))
        self.existing = set(existing)
        self.semester: Semester | None = None
        today = dt.date.today()
        form = QFormLayout(self)
        self.year = QSpinBox(self)
        self.year.setObjectName("semesterYear")
        self.year.setAccessibleName(self.tr("Year"))
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.season = QComboBox(self)
        self.season.setObjectName("semesterSeason")
        self.season.setAccessibleName(self.tr("Season"))
        for season in SEASON_ORDER:
            self.season.addItem(self.tr(season), season)
        self.season.setCurrentIndex(3 if today.month >= 7 else 1)
        self.weekday = QComboBox(self)
        self.weekday.setObjectName("semesterWeekday")
        self.weekday.setAccessibleName(self.tr("Meeting day"))
        for day in WEEKDAYS:
            self.weekday.addItem(self.tr(day))
        self.weekday.setCurrentIndex(1)
        self.first = QDateEdit(self)
        self.first.setObjectName("semesterFirstDate")
        self.first.setAccessibleName(self.tr("First day"))
        self.first.setCalendarPopup(True)
        self.last = QDateEdit(self)
        self.last.setObjectName("semesterLastDate")
        self.last.setAccessibleName(self.tr("Last day"))
        self.last.setCalendarPopup(True)
        self.sessions = QCheckBox(self.tr("Plan a session on every meeting day"), self)
        self.sessions.setObjectName("semesterPlanSessions")
        self.sessions.setChecked(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("newSemesterProblem")
        self.problem.setStyleSheet("color: palette(highlight);")
        self.problem.setWordWrap(True)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Season"), self.season)
        form.addRow(self.tr("Meeting day"), self.weekday)
        form.addRow(self.tr("First day"), self.first)
        form.addRow(self.tr("Last day"), self.last)
        form.addRow(self.sessions)
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.year.valueChanged.connect(self._suggest_dates)
        self.season.currentIndexChanged.connect(self._suggest_dates)
        self._suggest_dates()

    @property
    def title(self) -> str:
        return f"{self.year.value()} {self.season.currentData()}"

    def _suggest_dates(self) -> None:
        """Typical term dates for the season (editable)."""
        months = {"Fall": (9, 1), "Spring": (2, 24), "Summer": (6, 30), "Winter": (1, 5)}
        ends = {"Fall": (1, 16), "Spring": (6, 20), "Summer": (8, 29), "Winter": (3, 20)}
        season = self.season.currentData()
        m1, d1 = months[season]
        m2, d2 = ends[season]
        first = dt.date(semester_year_for_month(self.title, m1), m1, d1)
        last = dt.date(semester_year_for_month(self.title, m2), m2, d2)
        self.first.setDate(QDate(first.year, first.month, first.day))
        self.last.setDate(QDate(last.year, last.month, last.day))
        exists = self.title in self.existing
        self.problem.setText(
            self.tr("{title} already exists.").format(title=self.title) if exists else ""
        )

    def _accept(self) -> None:
        if self.title in self.existing:
            self.problem.setText(self.tr("{title} already exists.").format(title=self.title))
            return
        try:
            self.semester = plan_semester(
                self.title,
                self.weekday.currentIndex(),
                self.first.date().toPython(),
                self.last.date().toPython(),
                sessions=self.sessions.isChecked(),
            )
        except SeminarError as exc:
            self.problem.setText(exc.message)
            return
        self.accept()


__all__ = ["Asker", "ExportDiffDialog", "NewSemesterDialog", "Qt"]
