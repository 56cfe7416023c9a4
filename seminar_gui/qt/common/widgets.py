"""Small widget helpers shared by the editor's forms."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

STYLE = """
QLineEdit[validity="error"] { border: 2px solid #c62828; border-radius: 3px; padding: 1px 2px; }
QLineEdit[validity="warning"] { border: 2px solid #d98e04; border-radius: 3px; padding: 1px 2px; }
QTableView[validity="error"] { border: 2px solid #c62828; }
QLabel[validity="error"] { color: #b71c1c; }
QLabel[validity="warning"] { color: #8a5a00; }
QLabel[validity="ok"] { color: #2e7d32; }
QLabel[validity="info"] { color: palette(placeholder-text); }
"""


def set_validity(widget: QWidget, kind: str) -> None:
    """Style ``widget`` as "error", "warning", "ok", "info" or "" (normal)."""
    if widget.property("validity") == kind:
        return
    widget.setProperty("validity", kind)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


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
