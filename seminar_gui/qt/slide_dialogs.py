"""What a slide drop shows: its questions, the drag highlight, the copy's progress.

:class:`SlideDropDialog` names the copy (and settles a name conflict);
:class:`SlideTargetDialog` picks the topic when the drop does not say which;
:class:`DropFrame` highlights a drop target; :class:`CopyJob` copies large files in a
worker thread behind a progress dialog.  The controller (:mod:`seminar_gui.qt.slide_drop`)
asks through replaceable callables (request value in, answer value out), so tests
answer instead of a person.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRect,
    QRectF,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
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
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from seminar_gui.core.slides import (
    SLIDES_DIR,
    CopyPlan,
    CopyResult,
    SlideError,
    SourceInfo,
    alternative_name,
    plan_copy,
    sanitize_file_name,
    split_ext,
)
from seminar_gui.qt.calendar_data import DropPlan
from seminar_gui.qt.widgets import STYLE, set_validity

Conflict = Literal["replace", "keep-both"]


def tr(text: str) -> str:
    return QCoreApplication.translate("slides", text)


def format_size(size: int) -> str:
    """'6.0 MB', '812 KB', '120 bytes'."""
    if size >= 1 << 20:
        return tr("{n} MB").format(n=f"{size / (1 << 20):.1f}")
    if size >= 1 << 10:
        return tr("{n} KB").format(n=round(size / (1 << 10)))
    return tr("{n} bytes").format(n=size)


def final_name(typed: str, ext: str) -> str:
    """The file name a typed name gives: sanitized, with the dropped file's extension."""
    name = sanitize_file_name(typed.strip())
    if split_ext(name)[1].lower() != ext.lower():
        name = sanitize_file_name(name + ext)
    return name


# ------------------------------------------------------------------ requests


@dataclass(frozen=True)
class NameRequest:
    """Ask for the name of the copy: ``source`` goes to ``target`` ("Tue Nov 25 · ROLL")."""

    source: Path
    info: SourceInfo
    site: Path
    target: str
    proposed: str  # by the group's slide-name pattern, e.g. "251125-ROLL.pdf"


@dataclass(frozen=True)
class NameAnswer:
    """The chosen name; on a name conflict, whether to replace or to keep both."""

    name: str
    conflict: Conflict | None = None


@dataclass(frozen=True)
class TopicOption:
    topic_id: str
    session_id: str
    label: str  # "Tue Nov 25 · ROLL"


@dataclass(frozen=True)
class ChooseRequest:
    """Ask which topic ``source`` belongs to; ``preselected`` matches the file name."""

    source: Path
    options: tuple[TopicOption, ...]
    preselected: str | None
    prompt: str


# ------------------------------------------------------------------- dialogs


class SlideDropDialog(QDialog):
    """Source → target, the proposed name (editable), and the choice on a name conflict."""

    def __init__(self, request: NameRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slideDropDialog")
        self.setAccessibleName(self.tr("Attach slides"))
        self.setWindowTitle(self.tr("Attach slides"))
        self.setStyleSheet(STYLE)
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
        self.note_label.setText(request.info.note[:1].upper() + request.info.note[1:])
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
            message = exc.message if isinstance(exc, SlideError) else str(exc)
            self._show(message[:1].upper() + message[1:], "error")
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


# ------------------------------------------------------------ drag highlight


class DropFrame(QWidget):
    """A frame drawn over a drop target while files are dragged over it.

    Transparent for the mouse (and so for drops: they reach the widget below).
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("slideDropFrame")
        self.setAccessibleName(tr("Drop target for slides"))
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.plan = DropPlan(False)
        self.hide()
        parent.installEventFilter(self)  # follow the target's size

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())
        return False

    def show_plan(self, plan: DropPlan) -> None:
        self.plan = plan
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        palette = self.palette()
        allowed = self.plan.allowed
        accent = palette.highlight().color() if allowed else palette.placeholderText().color()
        fill = QColor(accent)
        fill.setAlpha(28 if allowed else 18)
        style = Qt.PenStyle.SolidLine if allowed else Qt.PenStyle.DashLine
        painter.setPen(QPen(accent, 2, style))
        painter.setBrush(fill)
        visible = self.visibleRegion().boundingRect() or self.rect()
        painter.drawRoundedRect(QRectF(visible).adjusted(1, 1, -1, -1), 6, 6)
        if not self.plan.hint:
            return
        font = self.font()
        font.setBold(True)
        metrics = QFontMetrics(font)
        width = min(metrics.horizontalAdvance(self.plan.hint) + 20, visible.width() - 12)
        height = metrics.height() + 8
        left = visible.center().x() - width // 2
        pill = QRect(left, visible.bottom() - height - 8, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setFont(font)
        text_color = palette.highlightedText().color() if allowed else palette.base().color()
        painter.setPen(text_color)
        text = metrics.elidedText(self.plan.hint, Qt.TextElideMode.ElideRight, width - 12)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()


# --------------------------------------------------------------- copy job


class Cancelled(Exception):
    """Raised by the progress callback: the organizer cancelled the copy."""


Copy = Callable[..., CopyResult]  # copy_slides(plan, replace=..., progress=...)


class _Task(QRunnable):
    def __init__(self, job: CopyJob) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.job = job

    def run(self) -> None:  # in the worker thread: only signals reach the window
        job = self.job
        total, base, shown = max(1, sum(size for _, _, size in job.plans)), 0, -1
        results: list[CopyResult] = []

        def progress(done: int, _size: int) -> None:
            nonlocal shown
            if job.cancelled.is_set():
                raise Cancelled
            if (permille := (base + done) * 1000 // total) != shown:
                shown = permille
                job.progress.emit(base + done, total)

        try:
            for plan, replace, size in job.plans:
                results.append(job.copy(plan, replace=replace, progress=progress))
                base += size
        except BaseException as exc:  # the window undoes the copies made so far
            job.done.emit(results, exc)
            return
        job.done.emit(results, None)


class CopyJob(QObject):
    """Copies (plan, replace, size) in a worker thread; a progress dialog can cancel.

    ``done(results, error)`` arrives in the main thread: error is None, a
    :class:`Cancelled`, or what the copy raised (results: the copies made before).
    """

    progress = Signal(object, object)  # bytes copied, total
    done = Signal(object, object)

    def __init__(
        self, plans: list[tuple[CopyPlan, bool, int]], copy: Copy, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.plans, self.copy = plans, copy
        self.cancelled = threading.Event()
        names = ", ".join(plan.name for plan, _, _ in plans)
        text = tr("Copying {names} to slides/…").format(names=names)
        self.dialog = QProgressDialog(text, tr("Cancel"), 0, 1000, parent)
        self.dialog.setObjectName("slideCopyProgress")
        self.dialog.setAccessibleName(tr("Copying slides"))
        self.dialog.setWindowTitle(tr("Attach slides"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancelled.set)
        self.progress.connect(self._show_progress)
        self.done.connect(self._close)
        self._task = _Task(self)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def start(self) -> None:
        self._pool.start(self._task)

    def wait(self) -> None:
        self._pool.waitForDone()

    def _show_progress(self, done: int, total: int) -> None:
        if not self.dialog.wasCanceled():
            self.dialog.setValue(min(1000, done * 1000 // max(1, total)))

    def _close(self, *_: Any) -> None:
        self.dialog.hide()
        self.dialog.deleteLater()


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
