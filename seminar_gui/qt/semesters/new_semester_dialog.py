"""File › New Semester…: title (year + season), meeting weekday, first and last day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from seminar_gui.core.dates import SEASON_ORDER, semester_year_for_month
from seminar_gui.core.edits import plan_semester
from seminar_gui.core.errors import SeminarError
from seminar_gui.core.model import Semester
from seminar_gui.qt.common.dates import weekday_long
from seminar_gui.qt.common.i18n import shown, translate

#: The seasons as the dialog shows them (the title written is always English: "2026 Spring").
SEASON_NAMES = {
    "Winter": QT_TRANSLATE_NOOP("seasons", "Winter"),
    "Spring": QT_TRANSLATE_NOOP("seasons", "Spring"),
    "Summer": QT_TRANSLATE_NOOP("seasons", "Summer"),
    "Fall": QT_TRANSLATE_NOOP("seasons", "Fall"),
}


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
            self.season.addItem(translate("seasons", SEASON_NAMES[season]), season)
        self.season.setCurrentIndex(3 if today.month >= 7 else 1)
        self.weekday = QComboBox(self)
        self.weekday.setObjectName("semesterWeekday")
        self.weekday.setAccessibleName(self.tr("Meeting day"))
        for day in range(7):
            self.weekday.addItem(weekday_long(day))
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
            self.problem.setText(shown(exc.message))
            return
        self.accept()
