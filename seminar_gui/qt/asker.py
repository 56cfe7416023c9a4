"""The one place where the window asks the organizer something.

Every question goes through :class:`Asker`, so tests can answer instead of a person
(``window.asker = ScriptedAsker(...)``) while the rest of the code path stays real.
The dialogs it opens belong to their features (``files/``, ``semesters/``); the
asker is part of the window shell and may use them all.  Each question imports the Qt
dialog classes it opens: PySide6 makes a class, with all its enums, at its first use,
and QDialog, QMessageBox and QFileDialog would cost every start ~4 ms for dialogs the
window may never open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from seminar_gui.core.errors import SeminarError
from seminar_gui.core.model import Semester
from seminar_gui.qt.common.dates import date_time
from seminar_gui.qt.common.i18n import shown_error, translate
from seminar_gui.qt.files.controller import PROJECT_SUFFIX, OutsideAnswer, ReadOnlyAnswer

PROJECT_FILTER = QT_TRANSLATE_NOOP(
    "Asker", "seminar-gui project (*.seminar.json *.json);;All files (*)"
)
README_FILTER = QT_TRANSLATE_NOOP("Asker", "Markdown (*.md *.markdown);;All files (*)")

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


class Asker:
    """Questions to the organizer (message boxes and file dialogs)."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def save_changes(self, name: str) -> QMessageBox.StandardButton:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.parent)
        box.setObjectName("saveChangesBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("Asker", "Unsaved changes"))
        box.setText(translate("Asker", "Save the changes to “{name}”?").format(name=name))
        box.setInformativeText(translate("Asker", "Your changes are lost if you don't save them."))
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setStandardButtons(buttons)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        return QMessageBox.StandardButton(box.exec())

    def restore_recovery(self, saved_at: dt.datetime, original: Path | None) -> bool:
        from PySide6.QtWidgets import QMessageBox

        where = str(original) if original else translate("Asker", "an unsaved project")
        answer = QMessageBox.question(
            self.parent,
            translate("Asker", "Restore unsaved work?"),
            translate(
                "Asker",
                "seminar-gui did not close properly. Work on {where} was saved "
                "automatically at {time}.\n\nRestore it?",
            ).format(where=where, time=date_time(saved_at)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def open_path(self, start: Path | None) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self.parent,
            translate("Asker", "Open project"),
            str(start or ""),
            translate("Asker", PROJECT_FILTER),
        )
        return Path(name) if name else None

    def save_path(self, start: Path | None) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(
            self.parent,
            translate("Asker", "Save project as"),
            str(start or ""),
            translate("Asker", PROJECT_FILTER),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_name(path.name + PROJECT_SUFFIX)

    def readme_to_import(self, start: Path | None) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self.parent,
            translate("Asker", "Import README"),
            str(start or ""),
            translate("Asker", README_FILTER),
        )
        return Path(name) if name else None

    def readme_to_export(self, start: Path | None) -> Path | None:
        """Where to export; replacing the file is confirmed by the diff that follows
        (:meth:`confirm_export`), so the file dialog does not ask a second time."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(
            self.parent,
            translate("Asker", "Export README"),
            str(start or ""),
            translate("Asker", README_FILTER),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        return Path(name) if name else None

    def confirm_export(self, path: Path, diff: str, repaired: int = 0) -> bool:
        """Show what the export changes (``repaired``: lines of mojibake it repairs)."""
        from PySide6.QtWidgets import QDialog

        from seminar_gui.qt.files.export_dialog import ExportDiffDialog  # on first use

        dialog = ExportDiffDialog(path, diff, self.parent, repaired=repaired)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def new_semester(self, previous: Sequence[Semester], holiday_country: str) -> Semester | None:
        """A new semester: its title must differ from those of ``previous`` (the
        project's semesters, one of which it may start from; none for a new project),
        its holidays are those of ``holiday_country``."""
        from PySide6.QtWidgets import QDialog

        from seminar_gui.qt.semesters.new_semester_dialog import NewSemesterDialog  # first use

        existing = [s.title for s in previous]
        dialog = NewSemesterDialog(
            existing, self.parent, previous=list(previous), holiday_country=holiday_country
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.semester

    def error(self, title: str, error: SeminarError | str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.parent)
        box.setObjectName("errorBox")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(title)
        box.setText(title)
        box.setInformativeText(shown_error(error))
        box.exec()

    def info(self, title: str, text: str, details: str = "") -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        box.setText(text)
        if details:
            box.setDetailedText(details)
        box.exec()

    # ------------------------------------------------------------ other writers
    def _warning(self, name: str, title: str, text: str, more: str) -> QMessageBox:
        """A warning box about the project file (``more``: what the choices mean)."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.parent)
        box.setObjectName(name)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(text)
        box.setInformativeText(more)
        return box

    def outside_change(self, path: Path, modified: bool) -> OutsideAnswer:
        """The open project file was changed by another program: reload it or keep ours?"""
        from PySide6.QtWidgets import QMessageBox

        if modified:
            more = translate(
                "Asker",
                "Reload it to see the other change: your unsaved changes here are lost. "
                "Or keep your version: Save then writes it over the other change.",
            )
        else:
            more = translate(
                "Asker",
                "Reload it to see the other change, or keep the version shown here: "
                "Save then writes it over the other change.",
            )
        box = self._warning(
            "outsideChangeBox",
            translate("Asker", "Project changed on disk"),
            translate("Asker", "“{name}” was changed by another program.").format(name=path.name),
            more + "\n\n" + str(path),
        )
        reload = box.addButton(translate("Asker", "&Reload"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(translate("Asker", "&Keep Mine"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep if modified else reload)
        box.setEscapeButton(keep)
        box.exec()
        return "reload" if box.clickedButton() is reload else "keep"

    def outside_deleted(self, path: Path) -> None:
        """The open project file was deleted or moved away by another program."""
        box = self._warning(
            "outsideDeletedBox",
            translate("Asker", "Project deleted on disk"),
            translate("Asker", "“{name}” was deleted or moved by another program.").format(
                name=path.name
            ),
            translate(
                "Asker", "The project is still open here: Save writes it again to {path}."
            ).format(path=path),
        )
        box.exec()

    def other_instance(self, path: Path, who: str) -> bool:
        """Another seminar-gui has ``path`` open: go on anyway?"""
        from PySide6.QtWidgets import QMessageBox

        box = self._warning(
            "otherInstanceBox",
            translate("Asker", "Project already open"),
            translate("Asker", "“{name}” is already open in seminar-gui ({who}).").format(
                name=path.name, who=who
            ),
            translate(
                "Asker",
                "Changes made in both will overwrite each other. Close it there first, "
                "or use it here anyway.",
            ),
        )
        anyway = box.addButton(
            translate("Asker", "&Open Anyway"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is anyway

    def replace_read_only(self, path: Path) -> ReadOnlyAnswer:
        """The project file is read-only: replace it anyway, save elsewhere, or cancel?"""
        from PySide6.QtWidgets import QMessageBox

        box = self._warning(
            "readOnlyBox",
            translate("Asker", "Read-only project file"),
            translate("Asker", "“{name}” is read-only.").format(name=path.name),
            translate(
                "Asker",
                "Someone marked it as not to be changed. Replace it with your version "
                "anyway (it stays read-only), or save it under another name?",
            )
            + "\n\n"
            + str(path),
        )
        replace = box.addButton(
            translate("Asker", "&Replace"), QMessageBox.ButtonRole.DestructiveRole
        )
        save_as = box.addButton(translate("Asker", "Save &As…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        clicked = box.clickedButton()
        if clicked is replace:
            return "replace"
        return "save_as" if clicked is save_as else "cancel"
