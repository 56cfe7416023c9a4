"""The one place where the window asks the organizer something.

Every question goes through :class:`Asker`, so tests can answer instead of a person
(``window.asker = ScriptedAsker(...)``) while the rest of the code path stays real.
The dialogs it opens belong to their features (``files/``, ``semesters/``); the
asker is part of the window shell and may use them all.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from seminar_gui.core.errors import SeminarError
from seminar_gui.core.model import Semester
from seminar_gui.qt.common.dates import date_time
from seminar_gui.qt.files.export_dialog import ExportDiffDialog
from seminar_gui.qt.semesters.new_semester_dialog import NewSemesterDialog

PROJECT_FILTER = "seminar-gui project (*.json);;All files (*)"
README_FILTER = "Markdown (*.md *.markdown);;All files (*)"


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
            ).format(where=where, time=date_time(saved_at)),
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
