"""Project settings (File › Project Settings…): the site folder and the slide-name pattern.

The site folder and the slide-name pattern are document-level fields
(``Document.site_folder``, ``Document.style``).  :class:`ProjectSettingsDialog` edits
them: every keystroke is validated by the model (the message is shown under the
field, OK is disabled meanwhile) and OK pushes one
:class:`~seminar_gui.qt.commands.EditProjectCommand`, so the dialog can be driven
without ``exec()``: set the fields, call :meth:`ProjectSettingsDialog.accept`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from seminar_gui.core import edits
from seminar_gui.core.errors import EditError, SeminarError
from seminar_gui.core.model import Document
from seminar_gui.core.slides import resolve_site_folder, short_for, slide_file_name
from seminar_gui.core.style import Style
from seminar_gui.qt.commands import EditProjectCommand
from seminar_gui.qt.common.i18n import shown, translate
from seminar_gui.qt.common.widgets import STYLE, message_label, set_validity
from seminar_gui.qt.document import ProjectDocument


def style_with_pattern(style: Style, pattern: str) -> Style:
    """``style`` with another slide-name pattern, validated (:class:`EditError`)."""
    try:
        return edits.revalidated(style, slide_name_pattern=pattern.strip())
    except EditError as exc:
        raise EditError(exc.message, field="slide_name_pattern") from None


def shown_site_folder(chosen: Path, project: Path | None) -> str:
    """How a chosen folder is stored: relative to the project file's folder ('' for
    that folder itself, '/'-separated for Git), absolute when there is no common root."""
    chosen = Path(os.path.abspath(chosen))
    if project is None:
        return str(chosen)
    base = Path(os.path.abspath(project)).parent
    try:
        relative = os.path.relpath(chosen, base)
    except ValueError:  # another drive (Windows)
        return str(chosen)
    return "" if relative == "." else Path(relative).as_posix()


def _choose_folder(parent: QWidget, start: Path | None) -> Path | None:
    folder = QFileDialog.getExistingDirectory(
        parent,
        translate("project_settings", "Site folder: the folder of README.md"),
        str(start or ""),
    )
    return Path(folder) if folder else None


class ProjectSettingsDialog(QDialog):
    """Site folder and slide-name pattern of the open project; OK is one undo step."""

    def __init__(self, document: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectSettingsDialog")
        self.setAccessibleName(self.tr("Project settings"))
        self.setWindowTitle(self.tr("Project Settings"))
        self.setStyleSheet(STYLE)
        self.setMinimumWidth(520)
        self.document = document
        #: Asks for a folder (replace in tests: no modal file dialog there).
        self.choose_folder: Callable[[QWidget, Path | None], Path | None] = _choose_folder
        self.command: EditProjectCommand | None = None
        self._build()
        doc = document.doc
        self.site_edit.setText(doc.site_folder)
        self.pattern_edit.setText(doc.style.slide_name_pattern)
        self._validate()

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(4)

        self.site_edit = QLineEdit(self)
        self.site_edit.setObjectName("siteFolderEdit")
        self.site_edit.setAccessibleName(translate("project_settings", "Site folder"))
        self.site_edit.setPlaceholderText(
            translate("project_settings", "(the project file's folder)")
        )
        self.site_edit.setToolTip(
            translate(
                "project_settings",
                "The folder of README.md and slides/, relative to the project file",
            )
        )
        self.choose_button = QPushButton(translate("project_settings", "Choose…"), self)
        self.choose_button.setObjectName("chooseSiteFolder")
        self.choose_button.setAccessibleName(
            translate("project_settings", "Choose the site folder")
        )
        self.choose_button.clicked.connect(self._choose)
        self.site_hint = message_label(self, "siteFolderHint")
        self.site_hint.setAccessibleName(translate("project_settings", "Where the site folder is"))
        self.site_message = message_label(self, "siteFolderMessage")
        self.site_message.setAccessibleName(translate("project_settings", "Site folder problem"))

        self.pattern_edit = QLineEdit(self)
        self.pattern_edit.setObjectName("slidePatternEdit")
        self.pattern_edit.setAccessibleName(
            translate("project_settings", "Slide file name pattern")
        )
        self.pattern_edit.setToolTip(
            translate(
                "project_settings",
                "{yymmdd} or {yyyymmdd}: the session's date; {short}: the paper's short name",
            )
        )
        self.pattern_hint = message_label(self, "slidePatternHint")
        self.pattern_hint.setAccessibleName(
            translate("project_settings", "Example slide file name")
        )
        self.pattern_message = message_label(self, "slidePatternMessage")
        self.pattern_message.setAccessibleName(
            translate("project_settings", "Slide file name pattern problem")
        )

        rows = [
            (translate("project_settings", "&Site folder:"), self.site_edit, self.choose_button),
            ("", self.site_hint, None),
            ("", self.site_message, None),
            (translate("project_settings", "Slide &file names:"), self.pattern_edit, None),
            ("", self.pattern_hint, None),
            ("", self.pattern_message, None),
        ]
        for row, (caption, widget, extra) in enumerate(rows):
            if caption:
                label = QLabel(caption, self)
                label.setBuddy(widget)
                grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignRight)
            if extra is not None:
                grid.addWidget(widget, row, 1)
                grid.addWidget(extra, row, 2)
            else:
                grid.addWidget(widget, row, 1, 1, 2)
        layout.addLayout(grid)
        layout.addStretch(1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("projectSettingsButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.site_edit.textChanged.connect(self._validate)
        self.pattern_edit.textChanged.connect(self._validate)

    # -------------------------------------------------------------- validate
    def _validate(self) -> EditProjectCommand | None:
        """Check the values through the model; show the message under its field.

        Each field is checked on its own (both messages can show at once), then
        together: the command OK would push, or None (OK is disabled).
        """
        errors = {"site_folder": "", "slide_name_pattern": ""}
        style: Style | None = None
        site_doc: Document | None = None
        try:
            style = style_with_pattern(self.document.doc.style, self.pattern_edit.text())
        except EditError as exc:
            errors["slide_name_pattern"] = shown(exc.message)
        try:
            site_doc = EditProjectCommand(self.document, site_folder=self.site_edit.text()).after
        except EditError as exc:
            errors["site_folder"] = shown(exc.message)
        command: EditProjectCommand | None = None
        if style is not None and site_doc is not None:
            try:
                command = EditProjectCommand(
                    self.document, site_folder=self.site_edit.text(), style=style
                )
            except EditError as exc:
                errors[exc.field if exc.field in errors else "site_folder"] = shown(exc.message)
        for edit, label, field in (
            (self.site_edit, self.site_message, "site_folder"),
            (self.pattern_edit, self.pattern_message, "slide_name_pattern"),
        ):
            message = errors[field][:1].upper() + errors[field][1:]
            kind = "error" if message else ""
            set_validity(edit, kind)
            set_validity(label, kind)
            label.setText(message)
            label.setVisible(bool(message))
        self._show_site_hint(site_doc)
        self._show_pattern_hint(style)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(command is not None)
        return command

    def _show_site_hint(self, doc: Document | None) -> None:
        text, kind = "", "info"
        if doc is not None:
            site = resolve_site_folder(doc, self.document.path)
            if site is None:
                text = self.tr("Relative to the project file: save the project first.")
            elif not site.is_dir():
                text, kind = self.tr("{path} does not exist.").format(path=site), "warning"
            elif not (site / "README.md").is_file():
                text = self.tr("{path} (no README.md there yet)").format(path=site)
            else:
                text, kind = self.tr("{path} ✓").format(path=site), "ok"
        set_validity(self.site_hint, kind)
        self.site_hint.setText(text)
        self.site_hint.setVisible(bool(text))

    def _show_pattern_hint(self, style: Style | None) -> None:
        text = ""
        if style is not None:
            date, short = dt.date.today(), "Name"
            for semester in self.document.doc.semesters:
                session = next((s for s in semester.sessions if s.topics), None)
                if session is not None:
                    date, short = session.date, short_for(session.topics[0])
                    break
            try:
                name = slide_file_name(style.slide_name_pattern, date, short)
                text = self.tr("e.g. {name}").format(name=name)
            except SeminarError as exc:
                text = shown(exc.message)
        set_validity(self.pattern_hint, "info")
        self.pattern_hint.setText(text)
        self.pattern_hint.setVisible(bool(text))

    # ---------------------------------------------------------------- actions
    def _choose(self) -> None:
        start = resolve_site_folder(self.document.doc, self.document.path)
        folder = self.choose_folder(self, start)
        if folder is not None:
            self.site_edit.setText(shown_site_folder(folder, self.document.path))

    def accept(self) -> None:
        """Push the change as one undo step (nothing when nothing changed) and close."""
        command = self._validate()
        if command is None:
            return  # the message is shown; the dialog stays open
        if command.changed:
            self.document.undo_stack.push(command)
            self.command = command
        super().accept()


def edit_project_settings(document: ProjectDocument, parent: QWidget | None = None) -> bool:
    """Show the dialog (modal); True when a change was pushed."""
    dialog = ProjectSettingsDialog(document, parent)
    try:
        dialog.exec()
        return dialog.command is not None
    finally:
        dialog.deleteLater()
