"""Where slides can be dropped: the watched widgets, their drag events, the highlight.

:class:`DropTargets` is the part of
:class:`~seminar_gui.qt.slides.drop_controller.SlideDropController` that watches the window, the
topic form and the topic list for files dragged from a file manager, and says while
dragging what a drop would do; :class:`DropFrame` highlights the topic form meanwhile.
(Split from :mod:`seminar_gui.qt.slides.drop_controller` and :mod:`seminar_gui.qt.slides.dialogs`
to keep modules short.)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QDropEvent,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPen,
    QStatusTipEvent,
)
from PySide6.QtWidgets import QApplication, QListView, QWidget

from seminar_gui.qt.calendar.cells import DropPlan, file_paths

if TYPE_CHECKING:
    from seminar_gui.qt.main_window import MainWindow

_DRAG = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def tr(text: str) -> str:
    return QCoreApplication.translate("slides", text)


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


class DropTargets:
    """The drag side of :class:`~seminar_gui.qt.slides.drop_controller.SlideDropController` (a mixin).

    Watches the window, the topic form and the topic list; while files are dragged
    over them, shows what a drop would do (``plan``); a drop goes to ``drop``.  The
    controller sets up the state below.
    """

    _roles: dict[QObject, str]
    _form: QWidget | None
    _frame: DropFrame | None
    _topic_list: QListView | None
    _hovered: QWidget | None

    if TYPE_CHECKING:  # the controller's

        def plan(
            self, paths: list[Path], *, topic_id: str | None = None, session_id: str | None = None
        ) -> DropPlan: ...

        def drop(
            self, paths: list[Path], *, topic_id: str | None = None, session_id: str | None = None
        ) -> bool: ...

    # ------------------------------------------------------------------ setup
    def install(self, window: MainWindow) -> None:
        """Take file drops on the window, the calendar, the topic form and topic list."""
        window.setAcceptDrops(True)
        self._watch(window, "window")
        window.calendar.view.calendar_model().set_file_drop_handler(self)
        self._form = window.editor.form
        self._form.setAcceptDrops(True)
        self._frame = DropFrame(self._form)
        self._watch_form()
        self._topic_list = window.editor.topic_list
        self._watch(self._topic_list.viewport(), "list")

    def _watch(self, widget: QWidget, role: str) -> None:
        self._roles[widget] = role
        widget.installEventFilter(self)

    def _watch_form(self) -> None:
        """The form and those of its children that take drops themselves (line edits)."""
        assert self._form is not None
        for widget in [self._form, *self._form.findChildren(QWidget)]:
            if widget not in self._roles and (widget is self._form or widget.acceptDrops()):
                self._watch(widget, "form")

    # ------------------------------------------------------------ drag events
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        role = self._roles.get(watched)
        kind = event.type()
        if role is None:
            return False
        if kind == QEvent.Type.LayoutRequest and watched is self._form:
            self._watch_form()  # new fields may have been added
        if kind == QEvent.Type.DragLeave:
            self._hover_end()
        if kind not in _DRAG or not isinstance(event, QDropEvent):
            return False
        paths = file_paths(event.mimeData())
        if not paths:
            return False
        target = self._target(role, event)
        copy = bool(event.possibleActions() & Qt.DropAction.CopyAction)
        if kind == QEvent.Type.Drop:
            self._hover_end()
            accept = copy and self.drop(paths, **target)
        else:
            self._hover(watched, role, self.plan(paths, **target))
            accept = copy  # a refused drop is taken too: dropping then says why
        if accept:
            event.setDropAction(Qt.DropAction.CopyAction)  # never Move: the file stays
            event.accept()
        else:
            event.ignore()
        return True

    def _target(self, role: str, event: QDropEvent) -> dict[str, str]:
        topic_id = None
        if role == "form" and self._form is not None:
            topic_id = getattr(self._form, "topic_id", None)
        elif role == "list" and self._topic_list is not None:
            index = self._topic_list.indexAt(event.position().toPoint())
            topic_id = self._topic_list.model().topic_id(index.row()) if index.isValid() else None
        return {"topic_id": topic_id} if topic_id else {}  # elsewhere: match the name

    def _hover(self, watched: QObject, role: str, plan: DropPlan) -> None:
        if self._frame is not None and role == "form":
            self._frame.show_plan(plan)
        elif self._frame is not None:
            self._frame.hide()
        if isinstance(watched, QWidget):
            self._hovered = watched
            QApplication.sendEvent(watched, QStatusTipEvent(plan.status))  # → status bar

    def _hover_end(self) -> None:
        if self._frame is not None:
            self._frame.hide()
        if self._hovered is not None and shiboken6.isValid(self._hovered):
            QApplication.sendEvent(self._hovered, QStatusTipEvent(""))
        self._hovered = None
