"""The semester calendar panel: a semester chooser and a legend above the calendar.

:class:`SemesterCalendar` is what the main window embeds; the table itself is
:class:`~seminar_gui.qt.calendar.view.CalendarView`.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from seminar_gui.qt.calendar.style import Colors
from seminar_gui.qt.calendar.view import CalendarView
from seminar_gui.qt.common.dnd import FileDropHandler
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.selection import Selection


class SemesterCalendar(QWidget):
    """Chooser + legend + :class:`CalendarView`; follows ``selection.semester_id``."""

    #: Enter or a double-click on a session (or a new session): focus the editor.
    editRequested = Signal(str)
    #: The settings button beside the chooser: the window opens Semester Settings.
    settingsRequested = Signal()

    def __init__(
        self,
        document: ProjectDocument,
        selection: Selection,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("semesterCalendar")
        self.setAccessibleName(self.tr("Semester calendar panel"))
        self._document = document
        self._selection = selection
        self._items: list[tuple[str, str]] = []

        self.chooser = QComboBox(self)
        self.chooser.setObjectName("semesterChooser")
        self.chooser.setAccessibleName(self.tr("Semester"))
        self.chooser.setToolTip(self.tr("The semester shown in the calendar"))
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # Never narrower than its longest title ("2025 Fal" at 1024 px); the legend gives.
        self.chooser.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        label = QLabel(self.tr("&Semester:"), self)
        label.setBuddy(self.chooser)
        self.settings_button = QToolButton(self)
        self.settings_button.setObjectName("semesterSettingsButton")
        self.settings_button.setText(self.tr("Settings…"))
        self.settings_button.setAccessibleName(self.tr("Semester settings"))
        self.settings_button.setToolTip(
            self.tr("Meeting day and time, place, online link, term dates and breaks")
        )
        self.settings_button.setAutoRaise(True)
        self.settings_button.clicked.connect(self.settingsRequested)

        self.legend = QWidget(self)
        self.legend.setObjectName("calendarLegend")
        self.legend.setAccessibleName(self.tr("Legend"))
        self._legend_swatches: list[tuple[QLabel, str]] = []
        legend_layout = self._legend_layout = QHBoxLayout(self.legend)
        legend_layout.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        legend_layout.setContentsMargins(0, 0, 0, 0)
        legend_layout.setSpacing(4)
        for kind, text in (
            ("meeting", self.tr("Meeting day")),
            ("today", self.tr("Today")),
            ("plan", self.tr("Open slot")),
            ("off", self.tr("Holiday or break")),
        ):
            swatch = QLabel(self.legend)
            swatch.setAccessibleName(text)
            self._legend_swatches.append((swatch, kind))
            legend_layout.addWidget(swatch)
            legend_layout.addWidget(QLabel(text, self.legend))
            legend_layout.addSpacing(8)
        self._paint_legend()

        self.view = CalendarView(document, selection, self, today=today)
        self.view.setToolTip(
            self.tr(
                "Drag a card to another date to move the session (onto a session: they "
                "swap). Double-click a free date to add a session. Delete removes the "
                "selected session; Ctrl+Up/Down moves it by a week."
            )
        )
        self.empty_label = QLabel(
            self.tr("This project has no semester yet. Add one with File ▸ New Semester."), self
        )
        self.empty_label.setObjectName("calendarEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        # The legend sits right of the chooser, or on a row of its own in a narrow panel
        # (_place_legend): it never makes the calendar wider, which would squeeze the
        # preview (a 1024 px window left it 70 px, a letter a line).
        self.legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._header = QHBoxLayout()
        self._chooser_label = label
        self._header.addWidget(label)
        self._header.addWidget(self.chooser)
        self._header.addWidget(self.settings_button)
        self._header.addWidget(self.legend, 1)  # takes the rest of the row, right-aligned
        self._header.addStretch(0)  # the rest of the row when the legend is below
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.addLayout(self._header)
        self._layout.addWidget(self.view, 1)
        self._layout.addWidget(self.empty_label, 1)

        self.view.editRequested.connect(self.editRequested)
        self.chooser.activated.connect(self._chosen)
        document.changed.connect(self._fill)
        selection.changed.connect(self._sync)
        self._fill()

    def set_file_drop_handler(self, handler: FileDropHandler | None) -> None:
        """Who files slides dropped on a session card (None: the calendar refuses files)."""
        self.view.set_file_drop_handler(handler)

    def _fill(self, *_: object) -> None:
        """List the semesters, newest first (the document keeps them in that order)."""
        items = [(s.id, s.title) for s in self._document.doc.semesters]
        if items != self._items:
            self._items = items
            self.chooser.blockSignals(True)
            self.chooser.clear()
            for semester_id, title in items:
                self.chooser.addItem(title, semester_id)
            self.chooser.blockSignals(False)
        self._sync()

    def _sync(self) -> None:
        has_semesters = bool(self._items)
        self.chooser.setEnabled(has_semesters)
        self.settings_button.setEnabled(has_semesters)
        self.view.setVisible(has_semesters)
        self.empty_label.setVisible(not has_semesters)
        row = self.chooser.findData(self._selection.semester_id)
        if row != self.chooser.currentIndex():
            self.chooser.blockSignals(True)
            self.chooser.setCurrentIndex(row)
            self.chooser.blockSignals(False)

    def _chosen(self, row: int) -> None:
        semester_id = self.chooser.itemData(row)
        if semester_id is not None:
            self._selection.select_semester(semester_id)

    # ---------------------------------------------------------------- legend
    def _paint_legend(self) -> None:
        colors = Colors.from_palette(self.palette())
        size = max(12, self.fontMetrics().height() - 2)
        ratio = self.devicePixelRatioF()
        for swatch, kind in self._legend_swatches:
            pixmap = QPixmap(round(size * 1.6 * ratio), round(size * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            rect = QRectF(1, 1, size * 1.6 - 2, size - 2)
            if kind == "meeting":
                painter.setPen(QPen(colors.card_border, 1))
                painter.setBrush(colors.meeting)
            elif kind == "today":
                painter.setPen(QPen(colors.today, 2))
                painter.setBrush(colors.base)
            elif kind == "off":
                painter.setPen(QPen(colors.holiday_text, 1))
                painter.setBrush(colors.holiday)
            else:
                painter.setPen(QPen(colors.plan, 1.2, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 3, 3)
            painter.end()
            swatch.setPixmap(pixmap)

    def _place_legend(self) -> None:
        """The legend right of the chooser when the row has room for both, else below."""
        header = self._header
        row = (self._chooser_label, self.chooser, self.settings_button, self.legend)
        needed = sum(widget.sizeHint().width() for widget in row)
        needed += max(header.spacing(), 0) * (len(row) - 1)
        margins = self._layout.contentsMargins()
        beside = self.width() - margins.left() - margins.right() >= needed
        if beside == (header.indexOf(self.legend) >= 0):
            return
        side = Qt.AlignmentFlag.AlignRight if beside else Qt.AlignmentFlag.AlignLeft
        self._legend_layout.setAlignment(side | Qt.AlignmentFlag.AlignVCenter)
        if beside:
            self._layout.removeWidget(self.legend)
            header.insertWidget(3, self.legend, 1)
        else:
            header.removeWidget(self.legend)
            self._layout.insertWidget(1, self.legend)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_legend()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._paint_legend()
            self._place_legend()
