"""Small widget helpers shared by the editor's forms and the window."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QHBoxLayout, QLabel, QToolButton, QWidget

#: How a widget marked "error", "warning", "ok" or "info" looks, by the kind of widget:
#: a style sheet of its own, which Qt applies to it (and it alone) at once.  A rule on
#: the form's sheet that selects the ``validity`` property would need the widget's
#: style to polish it again (``style().unpolish/polish``): PySide6 then makes QStyle
#: and its 20 enums (5 ms), before the first paint when a field is marked at start.
_FIELD = "border: 2px solid {}; border-radius: 3px; padding: 1px 2px;"
LOOKS: dict[str, dict[str, str]] = {
    "QLineEdit": {"error": _FIELD.format("#c62828"), "warning": _FIELD.format("#d98e04")},
    "QDateEdit": {"error": _FIELD.format("#c62828")},
    "QPlainTextEdit": {"error": "border: 2px solid #c62828;"},
    "QComboBox": {"error": "border: 2px solid #c62828; border-radius: 3px;"},
    "QTableView": {"error": "border: 2px solid #c62828;"},
    "QLabel": {
        "error": "color: #b71c1c;",
        "warning": "color: #8a5a00;",
        "ok": "color: #2e7d32;",
        "info": "color: palette(placeholder-text);",
    },
}


def set_validity(widget: QWidget, kind: str) -> None:
    """Mark ``widget`` as "error", "warning", "ok" or "info", or "" (normal): its
    ``validity`` property (what tests and style sheets can select) and its look, which
    is the widget's own style sheet (a marked widget has no other of its own)."""
    if (widget.property("validity") or "") == kind:
        return  # not set yet is normal
    widget.setProperty("validity", kind)
    widget.setStyleSheet(validity_sheet(widget, kind))


def validity_sheet(widget: QWidget, kind: str) -> str:
    """The style sheet that gives ``widget`` the look of ``kind`` ("" for none)."""
    meta = widget.metaObject()
    while meta is not None:
        looks = LOOKS.get(meta.className())
        if looks is not None:
            look = looks.get(kind)
            return f"{meta.className()} {{ {look} }}" if look else ""
        meta = meta.superClass()
    return ""


def own_viewport(area: QAbstractScrollArea) -> QWidget:
    """Give ``area`` a viewport made here, the same as the one Qt made.

    The first Python call that returns a widget Qt made as a plain QWidget (such as
    ``viewport()``) makes PySide6 create every QWidget class it has not made yet, with
    their enums, to find the widget's type: ~45 classes, ~6.5 ms of each start.  A
    viewport made in Python is returned as it is.  tests/test_widgets.py compares the
    two viewports.
    """
    viewport = QWidget(area)
    viewport.setObjectName("qt_scrollarea_viewport")
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    area.setViewport(viewport)
    return viewport


def tool_button(name: str, text: str, tip: str, parent: QWidget) -> QToolButton:
    button = QToolButton(parent)
    button.setObjectName(name)
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setAutoRaise(False)
    button.setMinimumWidth(28)
    return button


def message_label(parent: QWidget, name: str) -> QLabel:
    """A hidden, word-wrapped label for a field's message."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.hide()
    return label


def header_row(
    parent: QWidget, caption: str, buttons: list[tuple[str, str, str]]
) -> tuple[QHBoxLayout, QLabel, list[QToolButton]]:
    """A caption on the left and small tool buttons (name, text, tooltip) on the right."""
    row = QHBoxLayout()
    label = QLabel(caption, parent)
    row.addWidget(label)
    row.addStretch(1)
    made = [tool_button(name, text, tip, parent) for name, text, tip in buttons]
    for button in made:
        row.addWidget(button)
    return row, label, made


class ElidedLabel(QLabel):
    """A one-line label that asks for at most ``share`` of its parent's width and shows
    what does not fit as "…" in the middle (the whole text in its tooltip): a long
    project path in the status bar leaves the bar's messages room to show."""

    def __init__(self, parent: QWidget, share: float = 0.4) -> None:
        super().__init__(parent)
        self._full = ""
        self._share = share

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        super().setText(text)
        self.updateGeometry()

    def full_text(self) -> str:
        return self._full

    def shown_text(self) -> str:
        """The text as painted at the label's width."""
        return self.fontMetrics().elidedText(
            self._full, Qt.TextElideMode.ElideMiddle, self.contentsRect().width()
        )

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        parent = self.parentWidget()
        if parent is not None and parent.width() > 0:
            hint.setWidth(min(hint.width(), int(parent.width() * self._share)))
        return hint

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        hint.setWidth(min(hint.width(), self.fontMetrics().horizontalAdvance("…") * 4))
        return hint

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), self.shown_text())
