"""The bar above the calendar while the demo semester is open.

The demo is an example to try things on, never the organizer's project: it opens as
an untitled document (Save asks for a new file), and this bar says so.  On the first
start it welcomes the organizer and offers the three ways in: import the group's
README, start a new project, or explore the demo (which folds the bar to one line).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class DemoBanner(QWidget):
    """Shown while the demo is open; ``welcome`` mode on the first start."""

    importRequested = Signal()
    newProjectRequested = Signal()
    exploreChosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.setAccessibleName(self.tr("About the demo semester"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.title = QLabel(self)
        self.title.setObjectName("demoBannerTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.text = QLabel(self)
        self.text.setObjectName("demoBannerText")
        self.text.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        self.import_button = self._button(
            row, "demoImportButton", self.tr("Import Your Group's README…"), self.importRequested
        )
        self.new_button = self._button(
            row, "demoNewProjectButton", self.tr("New Project…"), self.newProjectRequested
        )
        self.explore_button = self._button(
            row, "demoExploreButton", self.tr("Explore the Demo"), self.exploreChosen
        )
        self.explore_button.clicked.connect(lambda: self.set_welcome(False))
        layout.addWidget(self.title)
        layout.addLayout(row)
        self.import_button.setDefault(True)
        self.set_welcome(False)

    def _button(self, row: QHBoxLayout, name: str, text: str, signal: Signal) -> QPushButton:
        button = QPushButton(self)  # (text, self) is matched against (icon, text) first:
        button.setText(text)  # that would make QIcon's enums at start
        button.setObjectName(name)
        button.clicked.connect(lambda _c=False: signal.emit())
        row.addWidget(button)
        return button

    def paintEvent(self, event: QPaintEvent) -> None:
        """A rounded panel in the palette's alternate base colour (painted here: a
        style sheet on the bar would have Qt draw its labels and buttons through the
        style sheet style)."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette().color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(QRectF(self.rect()), 4, 4)

    @property
    def welcoming(self) -> bool:
        return self.title.isVisibleTo(self)

    def set_welcome(self, welcome: bool) -> None:
        """The first start's welcome (title, the three ways in), or the one-line note
        that the demo is an example."""
        self.title.setVisible(welcome)
        self.explore_button.setVisible(welcome)
        if welcome:
            self.title.setText(self.tr("Welcome to seminar-gui"))
            self.text.setText(
                self.tr(
                    "This is a demo semester to try things on: drag sessions on the "
                    "calendar, edit them, watch the preview. To plan your group's "
                    "semester, import the README you publish today or start a new project."
                )
            )
        else:
            self.text.setText(
                self.tr(
                    "Demo semester: an example, not your project. Save asks for a new "
                    "file; New Semester starts a project of your own."
                )
            )
