"""The File › Publish… dialog and the dialog about a README changed upstream.

:class:`PublishDialog` shows what will be committed (the plan's paths), the generated
commit message (editable) and the "Push to the remote" choice; it asks for nothing
itself: :class:`~seminar_gui.qt.publish.controller.PublishController` fills it in and
runs git while it shows a busy bar (the window stays responsive).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from seminar_gui.qt.common.diff_view import diff_view


class PublishDialog(QDialog):
    """What will be committed, the message, push or not; Publish / Cancel."""

    #: The organizer clicked Publish: (message, push).
    publishRequested = Signal(str, bool)

    def __init__(self, push: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publishDialog")
        self.setWindowTitle(self.tr("Publish"))
        self.setAccessibleName(self.tr("Publish"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(640, 520)
        self._busy = False
        self._cancellable = False
        self._nothing = False
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Looking at the repository…"), self)
        self.summary.setObjectName("publishSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.paths = QListWidget(self)
        self.paths.setObjectName("publishPaths")
        self.paths.setAccessibleName(self.tr("Files that will be committed"))
        layout.addWidget(self.paths, 1)
        label = QLabel(self.tr("Commit &message:"), self)
        layout.addWidget(label)
        self.message = QPlainTextEdit(self)
        self.message.setObjectName("publishMessage")
        self.message.setAccessibleName(self.tr("Commit message"))
        self.message.setTabChangesFocus(True)
        label.setBuddy(self.message)
        layout.addWidget(self.message, 1)
        self.push = QCheckBox(self.tr("&Push to the remote (fetch, integrate, push)"), self)
        self.push.setObjectName("publishPush")
        self.push.setChecked(push)
        self.push.setToolTip(
            self.tr(
                "Uses your own Git set-up: credential helper, SSH agent and hooks, as in a "
                "terminal. Remembered for this project."
            )
        )
        self.push.toggled.connect(self._update)
        layout.addWidget(self.push)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("publishBusy")
        self.progress.setRange(0, 0)  # busy, no percentage
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Git is working"))
        layout.addWidget(self.progress)
        self.buttons = QDialogButtonBox(self)
        self.publish_button = QPushButton(self.tr("&Publish"), self)
        self.publish_button.setObjectName("publishButton")
        self.publish_button.setDefault(True)
        self.buttons.addButton(self.publish_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("publishCancelButton")
        self.buttons.accepted.connect(self._publish)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.set_busy(True, cancellable=True)  # looking at the repository: reads only

    # ------------------------------------------------------------------ state
    def set_plan(self, root: Path, paths: list[Path], message: str, nothing: bool) -> None:
        """Show the plan: the files to commit (relative to the repository) and message."""
        self._nothing = nothing
        self.paths.clear()
        for path in paths:
            try:
                shown = path.relative_to(root).as_posix()
            except ValueError:
                shown = str(path)
            self.paths.addItem(shown)
        if nothing:
            self.summary.setText(
                self.tr(
                    "Nothing to publish: README.md, the slides and the project are committed "
                    "in {root} as they are."
                ).format(root=root)
            )
        else:
            self.summary.setText(
                self.tr("These files will be committed in {root} (nothing else):").format(root=root)
            )
        self.message.setPlainText("" if nothing else message)  # no commit: no message
        self.message.setEnabled(not nothing)
        self.set_busy(False)

    def set_busy(self, busy: bool, text: str = "", *, cancellable: bool = False) -> None:
        """Git is working: the controls wait; Cancel too while git writes (a commit or
        push is not interrupted halfway), not while it only reads (``cancellable``)."""
        self._busy = busy
        self._cancellable = cancellable
        self.progress.setVisible(busy)
        if text:
            self.summary.setText(text)
        self.message.setReadOnly(busy)
        self._update()

    @property
    def busy(self) -> bool:
        return self._busy

    def _update(self, *_: object) -> None:
        # Nothing to commit may still leave local commits to push.
        can = not self._busy and (not self._nothing or self.push.isChecked())
        self.publish_button.setEnabled(can)
        self.push.setEnabled(not self._busy)
        self.cancel_button.setEnabled(not self._busy or self._cancellable)

    def _publish(self) -> None:
        if self.publish_button.isEnabled():
            self.publishRequested.emit(self.message.toPlainText().strip(), self.push.isChecked())

    def reject(self) -> None:
        if not self._busy or self._cancellable:  # while git writes, it finishes first
            super().reject()


class UpstreamReadmeDialog(QDialog):
    """Someone changed README.md upstream since this project last wrote it: their
    change as a diff, and the offer to import their README into the project."""

    def __init__(self, diff: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("upstreamReadmeDialog")
        self.setWindowTitle(self.tr("README.md changed upstream"))
        self.setAccessibleName(self.windowTitle())
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(820, 600)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Someone changed README.md in the repository since this project last wrote "
                "it. Nothing was committed or pushed: publishing now would replace their "
                "change. Their change is below. Import their README into the project (one "
                "step, Edit › Undo takes it back), check it, then publish again."
            ),
            self,
        )
        note.setObjectName("upstreamReadmeNote")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.diff = diff_view(self, "upstreamReadmeDiff", self.tr("The change made upstream"), diff)
        layout.addWidget(self.diff, 1)
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(
            self.tr("&Import Their README"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importUpstreamButton")
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
