"""Edit › Announce Session…: the selected session's announcement, ready to paste.

:class:`AnnounceDialog` shows :func:`seminar_gui.core.announce.announcement` as plain
text and as Markdown, each with a Copy button (the clipboard), and follows the
selection while it is open (choose another session in the calendar: its announcement
shows).  Below, the template (``Document.announcement_template``; empty: the built-in
one): the texts above follow it as it is typed, and Save Template stores it as one
undo step.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from seminar_gui.core import edits
from seminar_gui.core.announce import (
    BUILT_IN_TEMPLATE,
    PLACEHOLDERS,
    Announcement,
    announcement,
    template_of,
    unknown_placeholders,
)
from seminar_gui.core.errors import EditError
from seminar_gui.qt.commands import DocumentCommand
from seminar_gui.qt.common.dates import full_day
from seminar_gui.qt.common.i18n import shown, shown_error, translate
from seminar_gui.qt.common.widgets import message_label, set_validity
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.selection import Selection


def stored_template(text: str) -> str:
    """What the document keeps for the template typed: "" when it is the built-in one."""
    text = text.strip("\n")
    return "" if text == BUILT_IN_TEMPLATE.strip("\n") else text


class AnnounceDialog(QDialog):
    """The announcement of the selected session (plain text, Markdown) and its template."""

    def __init__(
        self, document: ProjectDocument, selection: Selection, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("announceDialog")
        self.setAccessibleName(self.tr("Announce session"))
        self.setWindowTitle(self.tr("Announce Session"))
        self.resize(980, 720)
        self.document = document
        self.selection = selection
        self.current: Announcement | None = None
        self._build()
        self.template_edit.setPlainText(template_of(document.doc))
        self._saved = document.doc.announcement_template
        self.template_edit.textChanged.connect(self._template_typed)
        selection.changed.connect(self._refresh_if_shown)
        document.changed.connect(self._document_changed)
        self.refresh()

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setObjectName("announceTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)

        outputs = QHBoxLayout()
        self.text_view, self.copy_text = self._output(
            outputs, "announceText", "copyTextButton", self.tr("Plain text (chat, e-mail)")
        )
        self.markdown_view, self.copy_markdown = self._output(
            outputs, "announceMarkdown", "copyMarkdownButton", self.tr("Markdown (GitHub, forums)")
        )
        self.copy_text.clicked.connect(lambda: self._copy(self.text_view, self.tr("plain text")))
        self.copy_markdown.clicked.connect(
            lambda: self._copy(self.markdown_view, self.tr("Markdown"))
        )
        for view in (self.text_view, self.markdown_view):
            view.setFont(fixed)
        layout.addLayout(outputs, 3)
        self.status = QLabel(self)
        self.status.setObjectName("announceStatus")
        layout.addWidget(self.status)

        box = QGroupBox(self.tr("Template (saved in the project)"), self)
        grid = QGridLayout(box)
        self.template_edit = QPlainTextEdit(box)
        self.template_edit.setObjectName("templateEdit")
        self.template_edit.setAccessibleName(self.tr("Announcement template"))
        self.template_edit.setFont(fixed)
        self.template_edit.setTabChangesFocus(True)
        grid.addWidget(self.template_edit, 0, 0, 1, 3)
        names = " ".join("{" + name + "}" for name in PLACEHOLDERS)
        hint = QLabel(
            self.tr(
                "Placeholders: {names}. A line whose placeholders are all empty is left "
                "out; the meeting time, place and link come from the semester's settings. "
                "Write the template in Chinese and the date is written in Chinese too."
            ).format(names=names),
            box,
        )
        hint.setObjectName("templateHint")
        hint.setWordWrap(True)
        hint.setToolTip("\n".join(f"{{{k}}}: {shown(v)}" for k, v in PLACEHOLDERS.items()))
        grid.addWidget(hint, 1, 0, 1, 3)
        self.template_message = message_label(box, "templateMessage")
        grid.addWidget(self.template_message, 2, 0, 1, 3)
        self.reset_button = QPushButton(self.tr("&Built-in Template"), box)
        self.reset_button.setObjectName("resetTemplateButton")
        self.reset_button.setToolTip(self.tr("Put the built-in template in the editor"))
        self.reset_button.clicked.connect(
            lambda: self.template_edit.setPlainText(BUILT_IN_TEMPLATE)
        )
        self.save_button = QPushButton(self.tr("&Save Template"), box)
        self.save_button.setObjectName("saveTemplateButton")
        self.save_button.setToolTip(self.tr("Keep this template in the project (undoable)"))
        self.save_button.clicked.connect(self.save_template)
        grid.addWidget(self.reset_button, 3, 0)
        grid.setColumnStretch(1, 1)
        grid.addWidget(self.save_button, 3, 2)
        layout.addWidget(box, 2)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _output(
        self, row: QHBoxLayout, view_name: str, button_name: str, title: str
    ) -> tuple[QPlainTextEdit, QPushButton]:
        column = QVBoxLayout()
        label = QLabel(title, self)
        view = QPlainTextEdit(self)
        view.setObjectName(view_name)
        view.setAccessibleName(title)
        view.setReadOnly(True)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        label.setBuddy(view)
        button = QPushButton(self.tr("Copy"), self)
        button.setObjectName(button_name)
        button.setAccessibleName(self.tr("Copy the {what}").format(what=title))
        column.addWidget(label)
        column.addWidget(view, 1)
        column.addWidget(button)
        row.addLayout(column, 1)
        return view, button

    # ------------------------------------------------------------------ state
    def refresh(self) -> None:
        """Show the selected session's announcement with the template in the editor."""
        session_id = self.selection.session_id
        template = self.template_edit.toPlainText()
        problems = unknown_placeholders(template)
        self._show_message("\n".join(shown(p) for p in problems))
        self._update_save()
        if session_id is None:
            self.current = None
            self.title.setText(self.tr("Select a session in the calendar to announce it."))
            self.text_view.clear()
            self.markdown_view.clear()
        else:
            _, session = self.document.doc.find_session(session_id)
            self.current = announcement(self.document.doc, session_id, template)
            self.title.setText(self.tr("Announcement of {day}").format(day=full_day(session.date)))
            self.text_view.setPlainText(self.current.text)
            self.markdown_view.setPlainText(self.current.markdown)
        self.copy_text.setEnabled(self.current is not None)
        self.copy_markdown.setEnabled(self.current is not None)

    def _template_typed(self) -> None:
        self.status.clear()
        self.refresh()

    def _document_changed(self, *_: object) -> None:
        saved = self.document.doc.announcement_template
        if saved != self._saved:  # undo, redo, another file: show the stored template
            typed_unsaved = stored_template(self.template_edit.toPlainText()) != self._saved
            self._saved = saved
            if not typed_unsaved:
                self.template_edit.setPlainText(template_of(self.document.doc))
        self._refresh_if_shown()

    def _refresh_if_shown(self) -> None:
        """Edits and clicks while the dialog is closed wait for it to show again."""
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def _show_message(self, text: str) -> None:
        """A problem with the template under it (and a red frame), or none."""
        self.template_message.setText(text)
        self.template_message.setVisible(bool(text))
        set_validity(self.template_message, "error" if text else "")
        set_validity(self.template_edit, "error" if text else "")

    def _update_save(self) -> None:
        typed = self.template_edit.toPlainText()
        self.save_button.setEnabled(
            stored_template(typed) != self.document.doc.announcement_template
            and not unknown_placeholders(typed)
        )

    # ---------------------------------------------------------------- actions
    def _copy(self, view: QPlainTextEdit, what: str) -> None:
        QGuiApplication.clipboard().setText(view.toPlainText())
        self.status.setText(
            self.tr("Copied the {what}: paste it where the group reads.").format(what=what)
        )

    def save_template(self) -> bool:
        """Store the template typed (one undo step); False when the model refuses it."""
        value = stored_template(self.template_edit.toPlainText())
        if value == self.document.doc.announcement_template:
            return True
        try:
            after = edits.revalidated(self.document.doc, announcement_template=value)
        except EditError as exc:
            self._show_message(shown_error(exc))
            return False
        self._saved = value
        self.document.undo_stack.push(
            DocumentCommand(
                self.document, after, translate("commands", "Change announcement template")
            )
        )
        self.status.setText(self.tr("Template saved in the project."))
        self._update_save()
        return True
