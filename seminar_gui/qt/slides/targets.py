"""Where slides can be dropped: the watched widgets, their drag events, the highlight.

:class:`SlideDropTargets` watches the widgets the window shell hands it (the window
itself, the topic form, the topic list) for files dragged from a file manager, says
while dragging what a drop would do (the form gets a :class:`DropFrame`, every target
a status-bar text) and passes a drop on.  It knows nothing of the panels it watches:
the shell tells it, per widget, which topic a drop there is for.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QDropEvent,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPen,
    QStatusTipEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from seminar_gui.qt.common.dnd import DropPlan, file_paths
from seminar_gui.qt.common.i18n import translate

_DRAG = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


class DropFrame(QWidget):
    """A frame drawn over a drop target while files are dragged over it.

    Transparent for the mouse (and so for drops: they reach the widget below).
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("slideDropFrame")
        self.setAccessibleName(translate("slides", "Drop target for slides"))
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


#: What a drop on the topic form or the topic list would attach to: a topic id or None.
TopicOf = Callable[[], str | None]
TopicAt = Callable[[QPoint], str | None]
Plan = Callable[..., DropPlan]  # plan(paths, topic_id=…) -> DropPlan
Drop = Callable[..., bool]  # drop(paths, topic_id=…) -> accepted


class SlideDropTargets(QObject):
    """Watches drop targets for files; ``plan`` says what a drop would do, ``drop`` does it.

    Both take the dropped paths and, on the form or the list, ``topic_id=``; a drop
    elsewhere on the window passes no topic (the files are matched by their names).
    """

    def __init__(self, plan: Plan, drop: Drop, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan, self.drop = plan, drop
        self._roles: dict[QObject, str] = {}
        self._form: QWidget | None = None
        self._form_topic: TopicOf = lambda: None
        self._frame: DropFrame | None = None
        self._topic_at: TopicAt = lambda _pos: None
        self._hovered: QWidget | None = None

    # ------------------------------------------------------------------ setup
    def watch_window(self, window: QWidget) -> None:
        """Files dropped anywhere on ``window`` go to the topic their names match."""
        window.setAcceptDrops(True)
        self._watch(window, "window")

    def watch_topic_form(self, form: QWidget, topic_of: TopicOf) -> None:
        """Files dropped on ``form`` (and its fields) go to the topic it edits."""
        self._form, self._form_topic = form, topic_of
        form.setAcceptDrops(True)
        self._frame = DropFrame(form)
        self._watch_form()

    def watch_topic_list(self, view: QAbstractScrollArea, topic_at: TopicAt) -> None:
        """Files dropped on a row of ``view`` go to that row's topic."""
        self._topic_at = topic_at
        self._watch(view.viewport(), "list")

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
        if role == "form":
            topic_id = self._form_topic()
        elif role == "list":
            topic_id = self._topic_at(event.position().toPoint())
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
