"""The session editor: the selected session's date, its topics, and the topic form.

It follows the shared :class:`Selection` and the document: every change the
organizer makes is a command on ``document.undo_stack``; the editor then updates
itself from ``document.changed`` / ``selection.changed`` like every other view.
"""

from __future__ import annotations

import datetime as dt
import itertools

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from seminar_gui.core.errors import EditError
from seminar_gui.core.model import Session
from seminar_gui.qt.commands import AddTopicCommand, MoveSessionCommand, RemoveTopicCommand
from seminar_gui.qt.common.dates import date_edit_format, full_day
from seminar_gui.qt.common.i18n import sentence, shown
from seminar_gui.qt.common.widgets import header_row, own_viewport, set_validity
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.editor.topic_form import TopicForm
from seminar_gui.qt.editor.topics_model import TopicsModel
from seminar_gui.qt.selection import Selection


class SessionDateEdit(QDateEdit):
    """The session's date, with a calendar popup made when it is first opened (Qt's
    QCalendarWidget and its table: ~2 ms of every start otherwise); ``dayPicked``: a
    day clicked or chosen with Return in the popup."""

    dayPicked = Signal(QDate)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self._picks_connected = False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._connect_popup()  # a press on the arrow opens it (no key does)
        super().mousePressEvent(event)

    def _connect_popup(self) -> None:
        if not self._picks_connected:
            self._picks_connected = True
            calendar = self.calendarWidget()
            calendar.clicked.connect(self.dayPicked)
            calendar.activated.connect(self.dayPicked)


class SessionEditor(QWidget):
    """Edits the session (and topic) the shared selection points at."""

    def __init__(
        self, document: ProjectDocument, selection: Selection, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionEditor")
        self.setAccessibleName(self.tr("Session editor"))
        self.setMinimumWidth(320)
        self._document = document
        self._selection = selection
        self._syncing = False
        # The refused date stays shown while the session keeps its saved date:
        # (session id, saved date, message).
        self._date_invalid: tuple[str, dt.date, str] | None = None
        self.topics = TopicsModel(document, self)
        self._build()
        document.changed.connect(self._refresh)
        selection.changed.connect(self._refresh)
        selection.fieldRequested.connect(self.focus_field)
        self._refresh()

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        self.stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.empty = QLabel(
            self.tr("Select a session in the calendar, or double-click a date to plan one."), self
        )
        self.empty.setObjectName("editorEmpty")
        self.empty.setAccessibleName(self.tr("No session selected"))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(24)
        set_validity(self.empty, "info")
        self.stack.addWidget(self.empty)

        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("sessionScroll")
        self.scroll.setAccessibleName(self.tr("Session"))
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields only
        page = QWidget(self.scroll)
        page.setObjectName("sessionPage")
        self.scroll.setWidget(page)
        self.stack.addWidget(self.scroll)
        body = QVBoxLayout(page)
        body.setContentsMargins(10, 8, 10, 8)

        self.title = QLabel(page)
        self.title.setObjectName("sessionTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        body.addWidget(self.title)

        date_row = QHBoxLayout()
        date_caption = QLabel(self.tr("&Date"), page)
        self.date_edit = SessionDateEdit(page)
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setAccessibleName(self.tr("Session date"))
        self.date_edit.setToolTip(self.tr("Move the session; a session already on that day swaps"))
        self.date_edit.setDisplayFormat(date_edit_format())
        self.date_edit.editingFinished.connect(lambda: self._commit_date(None))
        self.date_edit.dayPicked.connect(self._commit_date)
        date_caption.setBuddy(self.date_edit)
        date_row.addWidget(date_caption)
        date_row.addWidget(self.date_edit, 1)
        body.addLayout(date_row)
        self.date_message = QLabel(page)
        self.date_message.setObjectName("dateMessage")
        self.date_message.setWordWrap(True)
        self.date_message.hide()
        body.addWidget(self.date_message)

        head, topics_caption, self.topic_buttons = header_row(
            page,
            self.tr("&Topics"),
            [
                ("addTopic", "+", self.tr("Add a topic to this session")),
                ("removeTopic", "−", self.tr("Delete the selected topic")),
                ("topicUp", "↑", self.tr("Move the selected topic up")),
                ("topicDown", "↓", self.tr("Move the selected topic down")),
            ],
        )
        body.addLayout(head)
        self.topic_list = QListView(page)
        own_viewport(self.topic_list)  # PySide6 need not look for its class
        self.topic_list.setObjectName("topicList")
        self.topic_list.setAccessibleName(self.tr("Topics of the session"))
        self.topic_list.setToolTip(self.tr("Drag a topic to reorder; select it to edit it below"))
        self.topic_list.setModel(self.topics)
        self.topic_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.topic_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.topic_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.topic_list.setDropIndicatorShown(True)
        self.topic_list.setUniformItemSizes(True)
        self.topic_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.topic_list.selectionModel().currentChanged.connect(self._topic_clicked)
        topics_caption.setBuddy(self.topic_list)
        body.addWidget(self.topic_list)
        add, remove, up, down = self.topic_buttons
        add.clicked.connect(self.add_topic)
        remove.clicked.connect(self.remove_topic)
        up.clicked.connect(lambda: self.move_topic(-1))
        down.clicked.connect(lambda: self.move_topic(+1))

        line = QFrame(page)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        body.addWidget(line)
        self.form = TopicForm(self._document, page)
        body.addWidget(self.form, 1)

        order = [self.date_edit, self.topic_list, *self.topic_buttons, self.form.edits["note"]]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)

    def _fit_list(self) -> None:
        rows = max(self.topics.rowCount(), 3)
        height = self.topic_list.sizeHintForRow(0) if self.topics.rowCount() else 0
        height = max(height, self.fontMetrics().height() + 6)
        self.topic_list.setFixedHeight(height * rows + 2 * self.topic_list.frameWidth() + 4)

    # ------------------------------------------------------------------ public
    def topic_at(self, pos: QPoint) -> str | None:
        """The topic of the topic list's row at ``pos`` (viewport coordinates)."""
        index = self.topic_list.indexAt(pos)
        return self.topics.topic_id(index.row()) if index.isValid() else None

    def focus_field(self, field: str) -> None:
        """Put the cursor in ``field`` ("paper.venue", "video", "presenters", "date")
        of the selected session or topic: where a problem says what to fix."""
        name = field.removeprefix("paper.")
        if name == "date":
            self.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self._selection.topic_id is None:
            return
        elif name in self.form.edits:
            self.form.focus_field(name)
        elif name == "presenters":
            self.form.focus_presenters()

    def focus_first_field(self) -> None:
        """Put the cursor in the paper title of the selected topic (after a double-click)."""
        if self._selection.topic_id is not None:
            self.form.focus_field("title")
        elif self._selection.session_id is not None:
            self.topic_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def session(self) -> Session | None:
        try:
            sid = self._selection.session_id
            return self._document.doc.find_session(sid)[1] if sid else None
        except KeyError:
            return None

    # ----------------------------------------------------------------- refresh
    def _refresh(self, *_: object) -> None:
        session = self.session()
        if session is None:
            self.stack.setCurrentWidget(self.empty)
            self.topics.set_session(None)
            self.form.set_topic(None)
            self._date_invalid = None
            return
        self.stack.setCurrentWidget(self.scroll)
        semester, _ = self._document.doc.find_session(session.id)
        day = full_day(session.date)
        self.title.setText(self.tr("{date} · {semester}").format(date=day, semester=semester.title))
        self._show_date(session)
        self.topics.set_session(session.id)
        self._fit_list()
        self._syncing = True
        try:
            row = self.topics.row_of(self._selection.topic_id)
            index = self.topics.index(row) if row >= 0 else QModelIndex()
            self.topic_list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        finally:
            self._syncing = False
        self.form.set_topic(self._selection.topic_id)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.topic_list.currentIndex().row()
        count = self.topics.rowCount()
        add, remove, up, down = self.topic_buttons
        remove.setEnabled(row >= 0)
        up.setEnabled(row > 0)
        down.setEnabled(0 <= row < count - 1)
        add.setEnabled(self.session() is not None)

    # ------------------------------------------------------------------- date
    def _show_date(self, session: Session) -> None:
        date = session.date
        if self._date_invalid is not None and self._date_invalid[:2] == (session.id, date):
            return  # keep the refused date the organizer chose, with its message
        self._date_invalid = None
        if self.date_edit.date().toPython() != date:
            self.date_edit.blockSignals(True)
            self.date_edit.setDate(QDate(date.year, date.month, date.day))
            self.date_edit.blockSignals(False)
        self._mark_date("")

    def _mark_date(self, message: str) -> None:
        set_validity(self.date_edit, "error" if message else "")
        set_validity(self.date_message, "error" if message else "")
        self.date_message.setText(message)
        self.date_message.setVisible(bool(message))

    def _commit_date(self, qdate: QDate | None) -> None:
        session = self.session()
        if session is None:
            return
        date: dt.date = (qdate or self.date_edit.date()).toPython()  # type: ignore[assignment]
        if date == session.date:
            self._date_invalid = None
            self._mark_date("")
            return
        try:
            command = MoveSessionCommand(self._document, session.id, date)
        except EditError as exc:
            text = shown(exc.message)
            message = sentence(text)
            self._date_invalid = (session.id, session.date, message)
            self._mark_date(message)
            return
        self._date_invalid = None
        self._document.undo_stack.push(command)

    # ----------------------------------------------------------------- topics
    def _topic_clicked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing:
            return
        topic_id = self.topics.topic_id(current.row())
        if topic_id is not None and topic_id != self._selection.topic_id:
            self._selection.select_topic(topic_id)
        self._update_buttons()

    def add_topic(self) -> None:
        session = self.session()
        if session is None:
            return
        command = AddTopicCommand(self._document, session.id)
        self._document.undo_stack.push(command)
        self._selection.select_topic(command.topic_id)
        self.form.focus_field("title")

    def remove_topic(self) -> None:
        topic_id = self._selection.topic_id
        if topic_id is None:
            return
        row = self.topics.row_of(topic_id)
        self._document.undo_stack.push(RemoveTopicCommand(self._document, topic_id))
        following = self.topics.topic_id(min(row, self.topics.rowCount() - 1))
        if following is not None:
            self._selection.select_topic(following)
        self.topic_list.setFocus()

    def move_topic(self, delta: int) -> None:
        topic_id = self._selection.topic_id
        row = self.topics.row_of(topic_id)
        if topic_id is None or row < 0:
            return
        target = row + delta
        if 0 <= target < self.topics.rowCount():
            # move_topic counts "before the topic now at row"; moving down skips one more.
            self.topics.move_topic(topic_id, target + (1 if delta > 0 else 0))
