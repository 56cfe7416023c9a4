"""File › New Semester…: title (year + season), meeting weekday, first and last day.

It can start from an existing semester ("Start from", default: the newest): the new
one keeps that semester's free sections ("Specific Requirements", "Other
Information"), meeting day, time, place and online link, not its sessions; the next
season's title and typical dates are suggested (core/plan.py).  The sessions planned
leave out public holidays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP
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

from seminar_gui.core import plan
from seminar_gui.core.dates import SEASON_ORDER
from seminar_gui.core.edits import plan_semester
from seminar_gui.core.errors import SeminarError
from seminar_gui.core.model import Semester
from seminar_gui.qt.common.dates import date_edit_format, qdate, weekday_long
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

    def __init__(
        self,
        existing: list[str],
        parent: QWidget | None = None,
        *,
        previous: Sequence[Semester] = (),
        holiday_country: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newSemesterDialog")
        self.setWindowTitle(self.tr("New semester"))
        self.existing = set(existing)
        self.semester: Semester | None = None
        self.previous = {s.id: s for s in previous}
        self.holiday_country = holiday_country
        today = dt.date.today()
        form = QFormLayout(self)
        self.start_from = QComboBox(self)
        self.start_from.setObjectName("semesterStartFrom")
        self.start_from.setAccessibleName(self.tr("Start from"))
        self.start_from.setToolTip(
            self.tr(
                "Keep that semester's sections (Specific Requirements, Other Information), "
                "meeting day, time, place and online link; not its sessions"
            )
        )
        self.start_from.addItem(self.tr("Nothing: an empty semester"), None)
        for semester in previous:
            self.start_from.addItem(semester.title, semester.id)
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
        self.first.setDisplayFormat(date_edit_format())
        self.last = QDateEdit(self)
        self.last.setObjectName("semesterLastDate")
        self.last.setAccessibleName(self.tr("Last day"))
        self.last.setCalendarPopup(True)
        self.last.setDisplayFormat(date_edit_format())
        self.sessions = QCheckBox(self.tr("Plan a session on every meeting day"), self)
        self.sessions.setObjectName("semesterPlanSessions")
        self.sessions.setChecked(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("newSemesterProblem")
        self.problem.setStyleSheet("color: palette(highlight);")
        self.problem.setWordWrap(True)
        if previous:
            form.addRow(self.tr("Start from"), self.start_from)
        else:
            self.start_from.hide()
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
        self.start_from.currentIndexChanged.connect(self._start_from_chosen)
        self._suggest_dates()
        if previous:
            self.start_from.setCurrentIndex(1)  # the newest semester

    @property
    def start(self) -> Semester | None:
        """The semester the new one starts from, if any."""
        return self.previous.get(self.start_from.currentData())

    def _start_from_chosen(self) -> None:
        """Suggest the season after the chosen semester, on its meeting day."""
        start = self.start
        if start is None:
            return
        year, season = plan.next_title(start.title).split()
        self.year.setValue(int(year))
        self.season.setCurrentIndex(self.season.findData(season))
        if start.meeting_day is not None:
            self.weekday.setCurrentIndex(start.meeting_day)
        self._suggest_dates()

    @property
    def title(self) -> str:
        return f"{self.year.value()} {self.season.currentData()}"

    def _suggest_dates(self) -> None:
        """Typical term dates for the season (editable)."""
        first, last = plan.typical_term(self.title)
        self.first.setDate(qdate(first))
        self.last.setDate(qdate(last))
        exists = self.title in self.existing
        self.problem.setText(
            self.tr("{title} already exists.").format(title=self.title) if exists else ""
        )

    def _accept(self) -> None:
        if self.title in self.existing:
            self.problem.setText(self.tr("{title} already exists.").format(title=self.title))
            return
        weekday = self.weekday.currentIndex()
        first, last = self.first.date().toPython(), self.last.date().toPython()
        try:
            start = self.start
            if start is not None:
                semester = plan.semester_from(start, self.title, first, last, weekday)
            else:
                semester = plan_semester(self.title, weekday, first, last, sessions=False)
            if self.sessions.isChecked():  # every meeting day but the public holidays
                semester = plan.with_slots_filled(semester, self.holiday_country)
            self.semester = semester
        except SeminarError as exc:
            self.problem.setText(shown(exc.message))
            return
        self.accept()
