"""Copying large slides in a worker thread behind a progress dialog that can cancel.

:class:`CopyJob` runs the copies of one drop (for
:class:`~seminar_gui.qt.slides.drop_controller.SlideDropController`) and reports back in the main
thread; :class:`Cancelled` is what its progress callback raises on Cancel.  (Split
from :mod:`seminar_gui.qt.slides.dialogs` to keep modules short.)
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from seminar_gui.core.slides import CopyPlan, CopyResult
from seminar_gui.qt.common.i18n import translate


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
        text = translate("slides", "Copying {names} to slides/…").format(names=names)
        self.dialog = QProgressDialog(text, translate("slides", "Cancel"), 0, 1000, parent)
        self.dialog.setObjectName("slideCopyProgress")
        self.dialog.setAccessibleName(translate("slides", "Copying slides"))
        self.dialog.setWindowTitle(translate("slides", "Attach slides"))
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
