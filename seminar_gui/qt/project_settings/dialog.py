"""Project settings (File › Project Settings…): the site folder, the slide-name
pattern, the group's rules and the country of the public holidays.

All are document-level fields (``Document.site_folder``, ``Document.style``,
``Document.rules``, ``Document.holiday_country``).  :class:`ProjectSettingsDialog`
edits them: every keystroke is validated by the model (the message is shown under the
field, OK is disabled meanwhile) and OK pushes one
:class:`~seminar_gui.qt.commands.DocumentCommand` for all of them (one undo step), so
the dialog can be driven without ``exec()``: set the fields, call
:meth:`ProjectSettingsDialog.accept`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from seminar_gui.core import edits
from seminar_gui.core.errors import EditError, SeminarError
from seminar_gui.core.model import Document, Rules
from seminar_gui.core.slides import resolve_site_folder, short_for, slide_file_name
from seminar_gui.core.style import Style
from seminar_gui.qt.commands import DocumentCommand, EditProjectCommand
from seminar_gui.qt.common.i18n import sentence, shown, translate
from seminar_gui.qt.common.widgets import message_label, set_validity
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


def rule_texts() -> dict[str, tuple[str, str]]:
    """Each rule's check box text and tooltip, by its switch in :class:`Rules`."""
    return {
        "one_conference_one_arxiv": (
            translate("project_settings", "Each session: one SOSP/OSDI paper and one arXiv paper"),
            translate(
                "project_settings",
                "By the papers' venue tags; a session whose topic has a note (such as "
                "'SOSP Rehearsal' or 'Kick-off') is special and exempt",
            ),
        ),
        "lead_presenter": (
            translate("project_settings", "Every topic has a lead presenter"),
            translate("project_settings", "The first presenter of a topic leads it"),
        ),
        "no_repeated_paper": (
            translate("project_settings", "No paper is presented twice"),
            translate(
                "project_settings",
                "Compared across all semesters: the same arXiv id, DOI, link or title",
            ),
        ),
        "slides_and_video": (
            translate("project_settings", "Past sessions have slides and a video"),
            translate(
                "project_settings", "A note for each paper of a session that is over without them"
            ),
        ),
        "no_consecutive_lead": (
            translate("project_settings", "Nobody leads in two sessions in a row"),
            translate("project_settings", "Within a semester, in date order"),
        ),
    }


def country_code(text: str) -> str:
    """The country code of what the holiday-country box shows: ``"CN — China"`` and
    ``"cn"`` give ``"CN"`` (the model checks it), ``""`` none."""
    return text.split("—", 1)[0].strip().upper()


def country_name(code: str) -> str:
    """``"China"`` for ``"CN"`` in an English UI; in another UI language the country's
    own name for itself (``"中国"``, ``"Deutschland"``: Qt knows no translated names);
    ``""`` when Qt does not know the code."""
    if len(code) != 2:
        return ""
    territory = QLocale.codeToTerritory(code)
    if territory == QLocale.Country.AnyTerritory:
        return ""
    if QLocale().language() in (QLocale.Language.English, QLocale.Language.C):
        return QLocale.territoryToString(territory)
    native = QLocale(QLocale.Language.AnyLanguage, territory).nativeTerritoryName()
    return native or QLocale.territoryToString(territory)


class CountryCombo(QComboBox):
    """An editable box for a country code; its list (the countries the holidays package
    knows, with their names) is filled when it first opens: the package takes ~0.1 s
    to load, too slow to pay each time the dialog opens."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._filled = False

    def code(self) -> str:
        """The country code chosen or typed ("" for none)."""
        index = self.currentIndex()
        if index >= 0 and self.itemText(index) == self.currentText():
            return str(self.itemData(index))
        return country_code(self.currentText())

    def fill(self) -> None:
        """Fill the list now (once): "(none)", then "CN — China", ... by code."""
        if self._filled:
            return
        self._filled = True
        try:
            import holidays  # ~0.1 s: when the list is first opened

            codes = sorted(c for c in holidays.list_supported_countries() if len(c) == 2)
        except ImportError:  # pragma: no cover - a dependency; typing a code still works
            codes = []
        text = self.currentText()
        self.blockSignals(True)
        self.addItem(translate("project_settings", "(none)"), "")
        for code in codes:
            name = country_name(code)
            self.addItem(f"{code} — {name}" if name else code, code)
        self.setCurrentIndex(-1)
        self.setEditText(text)
        self.blockSignals(False)

    def showPopup(self) -> None:
        self.fill()
        super().showPopup()


def _choose_folder(parent: QWidget, start: Path | None) -> Path | None:
    folder = QFileDialog.getExistingDirectory(
        parent,
        translate("project_settings", "Site folder: the folder of README.md"),
        str(start or ""),
    )
    return Path(folder) if folder else None


class ProjectSettingsDialog(QDialog):
    """Site folder, slide-name pattern, the group's rules and the holiday country of
    the open project; OK is one undo step."""

    def __init__(self, document: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectSettingsDialog")
        self.setAccessibleName(self.tr("Project settings"))
        self.setWindowTitle(self.tr("Project Settings"))
        self.setMinimumWidth(520)
        self.document = document
        #: Asks for a folder (replace in tests: no modal file dialog there).
        self.choose_folder: Callable[[QWidget, Path | None], Path | None] = _choose_folder
        self.command: DocumentCommand | None = None
        self._build()
        doc = document.doc
        self.site_edit.setText(doc.site_folder)
        self.pattern_edit.setText(doc.style.slide_name_pattern)
        for name, box in self.rule_boxes.items():
            box.setChecked(getattr(doc.rules, name))
        self.country_combo.setEditText(doc.holiday_country)
        self._validate()

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self._build_country()
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

        self.authors_box = QCheckBox(
            translate("project_settings", "Write the papers' &authors in the README"), self
        )
        self.authors_box.setObjectName("paperAuthorsBox")
        self.authors_box.setToolTip(
            translate(
                "project_settings",
                "After each linked paper title: — *A, B* (authors come from the paper look-up)",
            )
        )
        self.authors_box.setChecked(self.document.doc.style.paper_authors)
        rows = [
            (translate("project_settings", "&Site folder:"), self.site_edit, self.choose_button),
            ("", self.site_hint, None),
            ("", self.site_message, None),
            (translate("project_settings", "Slide &file names:"), self.pattern_edit, None),
            ("", self.pattern_hint, None),
            ("", self.pattern_message, None),
            ("", self.authors_box, None),
            (self.tr("Public &holidays of:"), self.country_combo, None),
            ("", self.country_hint, None),
            ("", self.country_message, None),
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
        layout.addWidget(self._build_rules())
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
        self.authors_box.toggled.connect(self._validate)
        self.country_combo.editTextChanged.connect(self._validate)

    def _build_rules(self) -> QGroupBox:
        """The group's rules, a check box each (what the Problems list reports)."""
        group = QGroupBox(self.tr("Rules"), self)
        group.setObjectName("rulesGroup")
        group.setAccessibleName(self.tr("The group's rules"))
        group.setToolTip(
            self.tr("The Problems list and seminar-gui check report what breaks a rule that is on")
        )
        column = QVBoxLayout(group)
        column.setSpacing(2)
        self.rule_boxes: dict[str, QCheckBox] = {}
        for name, (text, tip) in rule_texts().items():
            box = QCheckBox(text, group)
            box.setObjectName("rule" + "".join(part.title() for part in name.split("_")))
            box.setAccessibleName(text)
            box.setToolTip(tip)
            column.addWidget(box)
            self.rule_boxes[name] = box
        return group

    def _build_country(self) -> None:
        self.country_combo = CountryCombo(self)
        self.country_combo.setObjectName("holidayCountryCombo")
        self.country_combo.setAccessibleName(self.tr("Country of the public holidays"))
        self.country_combo.setToolTip(
            self.tr(
                "The calendar shades this country's public holidays and warns about "
                "sessions on them: a two-letter code such as CN; empty: none"
            )
        )
        self.country_combo.lineEdit().setPlaceholderText(self.tr("(none)"))
        self.country_hint = message_label(self, "holidayCountryHint")
        self.country_hint.setAccessibleName(self.tr("The country chosen"))
        self.country_message = message_label(self, "holidayCountryMessage")
        self.country_message.setAccessibleName(self.tr("Holiday country problem"))

    # -------------------------------------------------------------- validate
    def rules(self) -> Rules:
        """The rules as the check boxes say."""
        return Rules(**{name: box.isChecked() for name, box in self.rule_boxes.items()})

    def _validate(self) -> DocumentCommand | None:
        """Check the values through the model; show the message under its field.

        Each field is checked on its own (all messages can show at once), then
        together: the command OK would push, or None (OK is disabled).
        """
        errors = {"site_folder": "", "slide_name_pattern": "", "holiday_country": ""}
        code = self.country_combo.code()
        try:
            code = edits.revalidated(self.document.doc, holiday_country=code).holiday_country
        except EditError as exc:
            errors["holiday_country"] = shown(exc.message)
        style: Style | None = None
        site_doc: Document | None = None
        try:
            style = style_with_pattern(self.document.doc.style, self.pattern_edit.text())
            style = style.model_copy(update={"paper_authors": self.authors_box.isChecked()})
        except EditError as exc:
            errors["slide_name_pattern"] = shown(exc.message)
        # One command for the folder and the style (a Style already checked): the
        # document is revalidated once per keystroke, not once per field.
        command: EditProjectCommand | None = None
        try:
            command = EditProjectCommand(
                self.document, site_folder=self.site_edit.text(), style=style
            )
            site_doc = command.after
        except EditError as exc:
            errors[exc.field if exc.field in errors else "site_folder"] = shown(exc.message)
        result: DocumentCommand | None = None
        if command is not None and style is not None and not errors["holiday_country"]:
            after = command.after.model_copy(
                update={"rules": self.rules(), "holiday_country": code}
            )  # both checked above: a Rules of booleans, a valid country
            text = translate("commands", "Change project settings")
            result = DocumentCommand(self.document, after, text)
        for edit, label, field in (
            (self.site_edit, self.site_message, "site_folder"),
            (self.pattern_edit, self.pattern_message, "slide_name_pattern"),
            (self.country_combo, self.country_message, "holiday_country"),
        ):
            message = sentence(errors[field])
            kind = "error" if message else ""
            set_validity(edit, kind)
            set_validity(label, kind)
            label.setText(message)
            label.setVisible(bool(message))
        self._show_site_hint(site_doc)
        self._show_pattern_hint(style)
        self._show_country_hint(code, not errors["holiday_country"])
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(result is not None)
        return result

    def _show_country_hint(self, code: str, valid: bool) -> None:
        if not valid:
            text = ""
        elif not code:
            text = self.tr("No public holidays are shaded.")
        else:
            text = country_name(code)
        set_validity(self.country_hint, "info")
        self.country_hint.setText(text)
        self.country_hint.setVisible(bool(text))

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
        if command.after != command.before:
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
