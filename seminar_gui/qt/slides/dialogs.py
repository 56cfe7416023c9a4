"""The dialogs that ask what a slide drop needs: the name of the copy, the topic, and
why nothing happened.

:class:`SlideDropDialog` names the copy (and settles a name conflict);
:class:`SlideTargetDialog` picks the topic when the drop does not say which.  The
controller (:mod:`seminar_gui.qt.slides.drop_controller`) asks through replaceable callables
(a request value in, an answer value out: :mod:`seminar_gui.qt.slides.requests`), so
tests answer instead of a person; it imports this module at its first question.  The
drag highlight (:class:`~seminar_gui.qt.slides.targets.DropFrame`) and the copy's
progress (:class:`~seminar_gui.qt.slides.copy_job.CopyJob`) live in modules of their own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from seminar_gui.core.slides import (
    SLIDES_DIR,
    SlideError,
    alternative_name,
    plan_copy,
    split_ext,
)
from seminar_gui.qt.common.i18n import sentence, shown, translate
from seminar_gui.qt.common.widgets import set_validity
from seminar_gui.qt.slides.requests import (
    ChooseRequest,
    Conflict,
    NameAnswer,
    NameRequest,
    final_name,
)


def format_size(size: int) -> str:
    """'6.0 MB', '812 KB', '120 bytes'."""
    if size >= 1 << 20:
        return translate("slides", "{n} MB").format(n=f"{size / (1 << 20):.1f}")
    if size >= 1 << 10:
        return translate("slides", "{n} KB").format(n=round(size / (1 << 10)))
    return translate("slides", "{n} bytes").format(n=size)


# ------------------------------------------------------------------- dialogs


class SlideDropDialog(QDialog):
    """Source → target, the proposed name (editable), and the choice on a name conflict."""

    def __init__(self, request: NameRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slideDropDialog")
        self.setAccessibleName(self.tr("Attach slides"))
        self.setWindowTitle(self.tr("Attach slides"))
        self.setMinimumWidth(460)
        self.request = request
        self.answer: NameAnswer | None = None
        self.status = ""  # of plan_copy: "new", "identical", "conflict"; "" when invalid
        self._alternative = ""

        self.source_label = self._label("slideSource", self.tr("Dropped file"))
        size = format_size(request.info.size)
        self.source_label.setText(f"{request.source.name}  ({size})")
        self.source_label.setToolTip(str(request.source))
        self.target_label = self._label("slideTarget", self.tr("Attach to"))
        self.target_label.setText("→ " + request.target)
        self.name_edit = QLineEdit(request.proposed, self)
        self.name_edit.setObjectName("slideNameEdit")
        self.name_edit.setAccessibleName(self.tr("File name in slides/"))
        self.name_edit.setToolTip(self.tr("The name of the copy in the site's slides/ folder"))
        caption = self._label("slideNameCaption", self.tr("Save as"))
        caption.setText(self.tr("&Save as:"))
        caption.setBuddy(self.name_edit)
        prefix = self._label("slideFolderPrefix", self.tr("In the folder slides/"))
        prefix.setText(f"{SLIDES_DIR}/")
        self.status_label = self._label("slideNameStatus", self.tr("Where the copy goes"))
        self.note_label = self._label("slideNote", self.tr("Note on the file type"))
        note = shown(request.info.note)
        self.note_label.setText(sentence(note))
        self.note_label.setVisible(bool(request.info.note))
        set_validity(self.note_label, "warning")

        name_row = QHBoxLayout()
        name_row.setSpacing(2)
        name_row.addWidget(prefix)
        name_row.addWidget(self.name_edit, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("File:"), self.source_label)
        form.addRow(self.tr("For:"), self.target_label)
        form.addRow(caption, name_row)
        form.addRow("", self.status_label)
        form.addRow("", self.note_label)

        self.buttons = QDialogButtonBox(self)
        self.attach_button = self._button("attachButton", self.tr("Attach"))
        self.keep_button = self._button("keepBothButton", self.tr("Keep Both"))
        self.replace_button = self._button("replaceButton", self.tr("Replace"))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        self.attach_button.clicked.connect(lambda: self._finish(None))
        self.keep_button.clicked.connect(lambda: self._finish("keep-both"))
        self.replace_button.clicked.connect(lambda: self._finish("replace"))
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._update)
        self._update()
        self.name_edit.setFocus()
        self.name_edit.setSelection(0, len(split_ext(request.proposed)[0]))

    def _label(self, name: str, accessible: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _button(self, name: str, text: str) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        button.setObjectName(name)
        button.setAccessibleName(text)
        return button

    def final_name(self) -> str:
        """The name the copy gets (raises SlideError for an unusable name)."""
        return final_name(self.name_edit.text(), self.request.info.ext)

    def _update(self) -> None:
        request = self.request
        try:
            name = self.final_name()
            plan = plan_copy(request.source, request.site, name)
            self.status = plan.status
            self._alternative = (
                alternative_name(request.site, name) if plan.status == "conflict" else ""
            )
        except (SlideError, OSError) as exc:
            self.status = ""
            message = shown(exc.message) if isinstance(exc, SlideError) else str(exc)
            self._show(sentence(message), "error")
            return
        typed = self.name_edit.text().strip()
        renamed = self.tr(" (saved as {name})").format(name=name) if name != typed else ""
        if plan.status == "new":
            text = self.tr("A new file in {folder}{renamed}").format(
                folder=self._folder(), renamed=renamed
            )
            self._show(text, "ok")
        elif plan.status == "identical":
            text = self.tr(
                "{folder} already has this file as {name}: it is linked, not copied again."
            ).format(folder=self._folder(), name=name)
            self._show(text, "ok")
        else:
            text = self.tr(
                "{name} already exists with other content. Replace it (Undo puts it back), "
                "or keep both and save this one as {other}."
            ).format(name=name, other=self._alternative)
            self._show(text, "warning")

    def _folder(self) -> str:
        folder = str(self.request.site / SLIDES_DIR)
        metrics = QFontMetrics(self.status_label.font())
        return metrics.elidedText(folder, Qt.TextElideMode.ElideMiddle, 380)

    def _show(self, text: str, kind: str) -> None:
        self.status_label.setText(text)
        set_validity(self.status_label, kind)
        conflict = self.status == "conflict"
        self.attach_button.setVisible(not conflict)
        self.attach_button.setEnabled(bool(self.status))
        self.keep_button.setVisible(conflict)
        self.replace_button.setVisible(conflict)
        self.keep_button.setToolTip(self.tr("Save as {name}").format(name=self._alternative))
        default = self.keep_button if conflict else self.attach_button
        default.setDefault(True)

    def _finish(self, conflict: Conflict | None) -> None:
        self._update()  # the folder may have changed meanwhile
        if not self.status or (conflict is None and self.status == "conflict"):
            return
        self.answer = NameAnswer(self.final_name(), conflict if self.status == "conflict" else None)
        self.accept()


class SlideTargetDialog(QDialog):
    """Which session and topic the dropped slides are for (double-click chooses)."""

    def __init__(self, request: ChooseRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slideTargetDialog")
        self.setAccessibleName(self.tr("Choose the topic"))
        self.setWindowTitle(self.tr("Attach slides to…"))
        self.setMinimumWidth(380)
        self.chosen: str | None = None
        prompt = QLabel(request.prompt, self)
        prompt.setObjectName("slideTargetPrompt")
        prompt.setAccessibleName(self.tr("Question"))
        prompt.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("slideTargetList")
        self.list.setAccessibleName(self.tr("Sessions and topics"))
        prompt.setBuddy(self.list)
        for option in request.options:
            item = QListWidgetItem(option.label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, option.topic_id)
            if option.topic_id == request.preselected:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(self)
        choose = buttons.addButton(self.tr("Choose"), QDialogButtonBox.ButtonRole.AcceptRole)
        choose.setObjectName("chooseTopicButton")
        choose.setAccessibleName(self.tr("Choose"))
        choose.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._choose)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self._choose())
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def _choose(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = item.data(Qt.ItemDataRole.UserRole)
            self.accept()


# ------------------------------------------------- the questions, as dialogs


def ask_name(parent: QWidget, request: NameRequest) -> NameAnswer | None:
    dialog = SlideDropDialog(request, parent)
    try:
        return dialog.answer if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def choose_topic(parent: QWidget, request: ChooseRequest) -> str | None:
    dialog = SlideTargetDialog(request, parent)
    try:
        return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def notify(parent: QWidget, title: str, text: str) -> None:
    """A message that does not block (the drop is over; the status bar says it too)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.setObjectName("slideDropMessage")
    box.setAccessibleName(title)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
