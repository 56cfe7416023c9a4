"""A unified diff as a person reads it: added lines green, removed red, hunks marked.

Shared by the features that show what a write would change (Export README's diff,
Publish's upstream README change).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget


def diff_view(parent: QWidget, name: str, accessible: str, diff: str) -> QPlainTextEdit:
    """A read-only view of ``diff`` in the fixed-width font, lines unwrapped, coloured."""
    view = QPlainTextEdit(parent)
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setReadOnly(True)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    view.setPlainText(diff)
    color_diff(view)
    return view


def color_diff(view: QPlainTextEdit) -> None:
    """Colour the unified diff shown in ``view``, line by line."""
    added, removed, hunk = QTextCharFormat(), QTextCharFormat(), QTextCharFormat()
    added.setForeground(QColor("#1a7f37"))
    removed.setForeground(QColor("#cf222e"))
    hunk.setForeground(QColor("#8250df"))
    hunk.setFontWeight(QFont.Weight.Bold)
    block = view.document().begin()
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
