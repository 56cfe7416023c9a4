"""The Help menu's dialogs: keyboard shortcuts, the README format, About seminar-gui.

Each is built by a function that returns the dialog (the window shows it with
``exec()``; tests read it without showing it).  The shortcut list is made from the
window's own actions, so it cannot drift from what the keys do.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from seminar_gui import __version__, resources
from seminar_gui.qt.common.i18n import translate
from seminar_gui.settings import config_dir, state_dir

LICENCE = "MIT"


def menu_text(text: str) -> str:
    """A menu entry's text without its accelerator: "&Save" → "Save", "保存(&S)" → "保存"."""
    text = re.sub(r"\(&[^&]\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def calendar_keys() -> list[tuple[str, str]]:
    """The calendar's keys and mouse gestures (handled by the view, not actions)."""
    return [
        (
            translate("help", "Arrow keys"),
            translate("help", "Calendar: move the selection by a day or a week"),
        ),
        (translate("help", "Enter"), translate("help", "Calendar: edit the selected session")),
        (
            translate("help", "Ctrl+Up / Ctrl+Down"),
            translate("help", "Calendar: move the session a week earlier / later"),
        ),
        (
            translate("help", "Delete"),
            translate("help", "Calendar: delete the selected session (Undo brings it back)"),
        ),
        (
            translate("help", "Double-click"),
            translate("help", "Calendar: add a session on a free date"),
        ),
        (
            translate("help", "Drag"),
            translate("help", "Calendar: move a session or a topic (onto a session: swap)"),
        ),
    ]


def action_keys(actions: list[QAction]) -> list[tuple[str, str]]:
    """(keys, what) for every action with a shortcut, in menu order."""
    rows = []
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        if keys:
            what = menu_text(action.text())
            rows.append((" / ".join(keys), what))
    return rows


def _dialog(parent: QWidget | None, name: str, title: str) -> tuple[QDialog, QVBoxLayout]:
    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setAccessibleName(title)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    return dialog, layout


def _close_button(dialog: QDialog, layout: QVBoxLayout) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)


def shortcuts_dialog(actions: list[QAction], parent: QWidget | None = None) -> QDialog:
    """A table of every keyboard shortcut: the menus' and the calendar's."""
    dialog, layout = _dialog(parent, "shortcutsDialog", translate("help", "Keyboard Shortcuts"))
    rows = action_keys(actions) + calendar_keys()
    table = QTableWidget(len(rows), 2, dialog)
    table.setObjectName("shortcutsTable")
    table.setAccessibleName(translate("help", "Keyboard shortcuts"))
    table.setHorizontalHeaderLabels([translate("help", "Keys"), translate("help", "Does")])
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for row, (keys, what) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(keys))
        table.setItem(row, 1, QTableWidgetItem(what))
    table.resizeColumnToContents(0)
    table.horizontalHeader().setStretchLastSection(True)
    layout.addWidget(table)
    _close_button(dialog, layout)
    dialog.resize(820, 560)
    return dialog


def format_text() -> str:
    """The organizer's guide to the README format (Markdown, shipped with the package)."""
    translated = resources.path(f"readme-format.{QLocale().name()}.md")  # the UI language
    page = translated if translated.is_file() else resources.path("readme-format.md")
    return page.read_text(encoding="utf-8")


def format_dialog(parent: QWidget | None = None) -> QDialog:
    """The README format, as a page to read."""
    dialog, layout = _dialog(parent, "formatDialog", translate("help", "The README Format"))
    page = QTextBrowser(dialog)
    page.setObjectName("formatPage")
    page.setAccessibleName(translate("help", "The README format"))
    page.setOpenLinks(False)
    page.setMarkdown(format_text())
    layout.addWidget(page)
    _close_button(dialog, layout)
    dialog.resize(720, 640)
    return dialog


def about_text() -> str:
    """Version, licence and where seminar-gui keeps its files (rich text)."""
    lines = [
        f"<h3>seminar-gui {__version__}</h3>",
        "<p>"
        + translate("help", "Plan a reading group's semester and publish it as a GitHub README.")
        + "</p>",
        "<p>" + translate("help", "Licence: {licence}").format(licence=LICENCE) + "</p>",
        "<p>"
        + translate("help", "Settings (recent files, window layout): {folder}").format(
            folder=f"<code>{config_dir()}</code>"
        ),
        "<br>"
        + translate("help", "Unsaved work for recovery after a crash: {folder}").format(
            folder=f"<code>{state_dir() / 'recovery'}</code>"
        )
        + "</p>",
    ]
    return "\n".join(lines)


def about_dialog(parent: QWidget | None = None) -> QDialog:
    dialog, layout = _dialog(parent, "aboutDialog", translate("help", "About seminar-gui"))
    label = QLabel(about_text(), dialog)
    label.setObjectName("aboutText")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    label.setMinimumWidth(480)
    layout.addWidget(label)
    _close_button(dialog, layout)
    return dialog
