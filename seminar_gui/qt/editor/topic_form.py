"""The form for one topic: note, paper (title, URL, venue), presenters, slides, video.

Every keystroke pushes an :class:`EditTopicCommand`; keystrokes in one field merge
into one undo step until the focus enters another field (a new ``merge_token``), or
until the document changes for another reason (undo, redo, another view: the
document's ``change_origin`` is then not this form).
A value the document refuses is not pushed: the field keeps the typed text and is
marked with the message.  The form updates itself from ``document.changed`` without
touching a field whose text already says what the document says.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from seminar_gui.core.errors import EditError
from seminar_gui.core.lines import roman
from seminar_gui.core.model import Topic
from seminar_gui.core.slides import (
    is_file_safe,
    short_for,
    slide_file_name,
    slide_link,
    slides_file,
)
from seminar_gui.core.venues import infer_venue, venues_agree
from seminar_gui.qt.commands import EditTopicCommand
from seminar_gui.qt.common.i18n import sentence, shown
from seminar_gui.qt.common.widgets import message_label, set_validity
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.editor.presenters_panel import PresentersPanel
from seminar_gui.qt.editor.thumbnails import SlidesThumbnail

FIELDS = ("note", "title", "url", "venue", "slides", "video")
WEB_FIELDS = ("url", "video")
#: The "⚠ missing" badge next to the slides field (a file the slides link points to
#: does not exist): a style sheet of its own (a sheet on the form would have Qt draw
#: every field through the style sheet style).
BADGE_STYLE = """
QLabel {
    color: #6d4300; background: #ffe7a0; border: 1px solid #d98e04;
    border-radius: 4px; padding: 0px 5px; font-weight: bold;
}
"""


def topic_value(topic: Topic, field: str) -> str:
    if field in ("title", "url", "venue"):
        return getattr(topic.paper, field)
    return getattr(topic, field)


def _inside(path: Path | None, folder: Path | None) -> bool:
    """Whether ``path`` is in ``folder`` once ".." is resolved (symlinks are not)."""
    if path is None or folder is None:
        return False
    return Path(os.path.normpath(path)).is_relative_to(os.path.normpath(folder))


class TopicForm(QWidget):
    """Edits the topic set with :meth:`set_topic` (None: shows nothing to edit)."""

    def __init__(self, document: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topicForm")
        self.setAccessibleName(self.tr("Topic"))
        self._document = document
        self._topic_id: str | None = None
        self._site_folder: Path | None = document.site_folder()
        self._tokens = itertools.count(1)
        self._token = next(self._tokens)
        self._invalid: dict[str, tuple[str, str]] = {}  # field -> (model value, message)
        self._build()
        document.changed.connect(self._document_changed)
        document.siteFolderChanged.connect(self._site_folder_changed)
        document.filesChanged.connect(self._update_slides_status)
        self.refresh()

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setObjectName("topicHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.fields = QWidget(self)
        grid = QGridLayout(self.fields)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        self.edits: dict[str, QLineEdit] = {}
        self.messages: dict[str, QLabel] = {}
        specs = {
            "note": (self.tr("&Note"), self.tr("Note"), self.tr("e.g. SOSP Rehearsal (optional)")),
            "title": (self.tr("&Paper"), self.tr("Paper title"), self.tr("Paper title")),
            "url": (self.tr("&URL"), self.tr("Paper URL"), "https://…"),
            "venue": (self.tr("V&enue"), self.tr("Venue tag"), self.tr("e.g. SOSP '25")),
            "slides": (self.tr("&Slides"), self.tr("Slides path"), "./slides/251125-Name.pdf"),
            "video": (self.tr("V&ideo"), self.tr("Video URL"), "https://…"),
        }
        row = 0
        for field, (label, accessible, placeholder) in specs.items():
            if field == "slides":
                self.presenters_panel = PresentersPanel(self._document, self.fields)
                self.presenters = self.presenters_panel.model
                self.table = self.presenters_panel.table
                grid.addWidget(self.presenters_panel, row, 0, 1, 2)
                row += 1
            edit = QLineEdit(self.fields)
            edit.setObjectName(f"{field}Edit")
            edit.setAccessibleName(accessible)
            edit.setPlaceholderText(placeholder)
            edit.setClearButtonEnabled(field != "title")
            edit.textEdited.connect(lambda text, f=field: self._edited(f, text))
            edit.editingFinished.connect(self._new_step)
            edit.installEventFilter(self)
            caption = QLabel(label, self.fields)
            caption.setBuddy(edit)
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignRight)
            if field == "venue":
                line = QHBoxLayout()
                line.addWidget(edit, 1)
                self.use_venue = QPushButton(self.fields)
                self.use_venue.setObjectName("useVenueSuggestion")
                self.use_venue.setToolTip(self.tr("Use the venue tag the paper URL suggests"))
                self.use_venue.clicked.connect(self._use_venue)
                line.addWidget(self.use_venue)
                grid.addLayout(line, row, 1)
            elif field == "slides":
                line = QHBoxLayout()
                line.addWidget(edit, 1)
                self.slides_badge = QLabel(self.tr("⚠ missing"), self.fields)
                self.slides_badge.setObjectName("slidesMissingBadge")
                self.slides_badge.setStyleSheet(BADGE_STYLE)
                self.slides_badge.setAccessibleName(self.tr("Slides file missing"))
                self.slides_badge.hide()
                line.addWidget(self.slides_badge)
                grid.addLayout(line, row, 1)
            else:
                grid.addWidget(edit, row, 1)
            self.edits[field] = edit
            self.messages[field] = message_label(self.fields, f"{field}Message")
            grid.addWidget(self.messages[field], row + 1, 1)
            row += 2
            if field == "url":  # the window puts the paper look-up bar here
                self.url_extras = QVBoxLayout()
                self.url_extras.setContentsMargins(0, 0, 0, 0)
                grid.addLayout(self.url_extras, row, 1)
                row += 1
            if field == "slides":
                self.slides_status = message_label(self.fields, "slidesStatus")
                self.slides_status.setAccessibleName(self.tr("Slides file status"))
                grid.addWidget(self.slides_status, row, 1)
                row += 1
                self.thumbnail = SlidesThumbnail(self.fields)
                grid.addWidget(self.thumbnail, row, 1, Qt.AlignmentFlag.AlignLeft)
                row += 1
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.heading)
        outer.addWidget(self.fields)
        self.empty = QLabel(self.tr("This session has no topics yet: add one with + above."), self)
        self.empty.setObjectName("topicEmpty")
        self.empty.setWordWrap(True)
        outer.addWidget(self.empty)
        outer.addStretch(1)
        order = [self.edits[f] for f in ("note", "title", "url", "venue")]
        order += [self.use_venue, self.table, *self.presenters_panel.buttons]
        order += [self.edits["slides"], self.thumbnail, self.edits["video"]]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)

    # ------------------------------------------------------------------ state
    @property
    def topic_id(self) -> str | None:
        return self._topic_id

    def topic(self) -> Topic | None:
        try:
            return self._document.doc.find_topic(self._topic_id)[2] if self._topic_id else None
        except KeyError:
            return None

    def set_topic(self, topic_id: str | None) -> None:
        if topic_id == self._topic_id:
            return
        self._topic_id = topic_id
        self._invalid.clear()
        self._new_step()
        self.presenters.set_topic(topic_id)
        self.refresh(force=True)

    def _slides_example(self, date: dt.date, topic: Topic) -> str:
        """Where this topic's slides would go, by the group's slide-name pattern."""
        pattern = self._document.doc.style.slide_name_pattern
        return slide_link(slide_file_name(pattern, date, short_for(topic)))

    def _site_folder_changed(self, folder: Path | None) -> None:
        """Where relative slide paths are checked (None: the project is not saved yet)."""
        self._site_folder = folder
        self._update_slides_status()

    def _new_step(self) -> None:
        """The next keystroke starts a new undo step."""
        self._token = next(self._tokens)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self._new_step()
        return super().eventFilter(watched, event)

    # ---------------------------------------------------------------- refresh
    def _document_changed(self, *_: object) -> None:
        if self._document.change_origin is not self:
            self._new_step()  # undo/redo or another view: typing starts a new step
        self.refresh()

    def refresh(self, force: bool = False) -> None:
        topic = self.topic()
        self.fields.setVisible(topic is not None)
        self.heading.setVisible(topic is not None)
        self.empty.setVisible(topic is None)
        if topic is None:
            for field, edit in self.edits.items():
                edit.clear()
                self._update_marks(field)
            self._update_venue_suggestion()
            self._update_slides_status()
            return
        _, session, _ = self._document.doc.find_topic(topic.id)
        number = next(i for i, t in enumerate(session.topics) if t.id == topic.id) + 1
        self.heading.setText(topic.heading or self.tr("Topic {n}").format(n=roman(number)))
        self.edits["slides"].setPlaceholderText(self._slides_example(session.date, topic))
        for field, edit in self.edits.items():
            value = topic_value(topic, field)
            kept = self._invalid.get(field)
            if kept is not None and kept[0] == value and not force:
                continue  # keep the refused text the organizer typed
            self._invalid.pop(field, None)
            if force or edit.text().strip() != value:
                edit.setText(value)
                if force:
                    edit.setCursorPosition(0)  # show the start of a long title
            self._update_marks(field)
        self._update_venue_suggestion()
        self._update_slides_status()

    # ----------------------------------------------------------------- typing
    def _edited(self, field: str, text: str) -> None:
        topic = self.topic()
        if topic is None:
            return
        current = topic_value(topic, field)
        if text.strip() == current:
            self._invalid.pop(field, None)  # typed back to the saved value
        elif self._push(field, text):
            self._retry_invalid(except_field=field)
        self._update_marks(field)
        self._update_venue_suggestion()
        self._update_slides_status()

    def _push(self, field: str, text: str) -> bool:
        topic = self.topic()
        assert topic is not None
        try:
            command = EditTopicCommand(
                self._document, topic.id, field, text, merge_token=self._token, origin=self
            )
        except EditError as exc:
            self._invalid[field] = (topic_value(topic, field), shown(exc.message))
            return False
        self._invalid.pop(field, None)
        self._document.undo_stack.push(command)
        return True

    def _retry_invalid(self, except_field: str) -> None:
        """A refused field may be fine now (a URL waiting for its title): push it."""
        for field in [f for f in self._invalid if f != except_field]:
            if self._push(field, self.edits[field].text()):
                self._new_step()
            self._update_marks(field)

    def _update_marks(self, field: str) -> None:
        edit, label = self.edits[field], self.messages[field]
        text = edit.text().strip()
        kind, message = "", ""
        if field in self._invalid:
            kind, message = "error", self._invalid[field][1]
            message = sentence(message)
        elif field in WEB_FIELDS and text and not text.lower().startswith(("http://", "https://")):
            kind, message = "warning", self.tr("Links should start with https://")
        elif field == "venue" and text:
            topic = self.topic()
            suggestion = infer_venue(topic.paper.url) if topic else None
            if suggestion and not venues_agree(text, suggestion):
                kind = "warning"
                message = self.tr("The paper URL suggests “{tag}”.").format(tag=suggestion)
        set_validity(edit, kind)
        set_validity(label, kind)
        label.setText(message)
        label.setVisible(bool(message))
        edit.setToolTip(message or (edit.text() if field == "title" else ""))

    # ------------------------------------------------------------------ venue
    def _update_venue_suggestion(self) -> None:
        topic = self.topic()
        suggestion = infer_venue(topic.paper.url) if topic else None
        edit = self.edits["venue"]
        empty = not edit.text().strip()
        edit.setPlaceholderText(suggestion if suggestion and empty else self.tr("e.g. SOSP '25"))
        offer = bool(suggestion) and empty and topic is not None and not topic.paper.venue
        self.use_venue.setText(self.tr("Use “{tag}”").format(tag=suggestion or ""))
        self.use_venue.setAccessibleName(self.use_venue.text())
        self.use_venue.setVisible(offer)
        self._update_marks("venue")

    def _use_venue(self) -> None:
        topic = self.topic()
        suggestion = infer_venue(topic.paper.url) if topic else None
        if topic is None or not suggestion or topic.paper.venue:
            return  # never overwrite a tag the organizer wrote
        self._new_step()
        if self._push("venue", suggestion):
            self._new_step()
        self.refresh()

    # ----------------------------------------------------------------- slides
    def slides_path(self) -> Path | None:
        """The file the slides link points to, or None when it cannot be checked."""
        topic = self.topic()
        return slides_file(self._site_folder, topic.slides if topic else "")

    def _update_slides_status(self) -> None:
        topic = self.topic()
        link = topic.slides if topic else ""
        label = self.slides_status
        path = self.slides_path()
        found = path is not None and is_file_safe(path)
        if not link:
            text, kind, tip = "", "", ""
        elif "://" in link:
            text, kind, tip = self.tr("online link (not checked)"), "info", ""
        elif self._site_folder is None:
            text, kind = self.tr("not checked: save the project first"), "info"
            tip = self.tr("Slides are looked up next to the project file.")
        elif path is None:
            text, kind, tip = self.tr("not checked: not a relative link"), "info", ""
        elif found:
            text, kind, tip = self.tr("✓ found"), "ok", str(path)
        else:
            try:
                folder = path.parent.relative_to(self._site_folder).as_posix() + "/"
            except ValueError:  # defensive: slide_path keeps the path under the site
                folder = str(path.parent)
            text = self.tr("missing: no {name} in {folder}").format(name=path.name, folder=folder)
            kind, tip = "warning", self.tr("Looked for {path}").format(path=path)
        label.setText(text)
        label.setToolTip(tip)
        label.setVisible(bool(text))
        set_validity(label, kind)
        missing = path is not None and not found
        self.slides_badge.setVisible(missing)
        self.slides_badge.setToolTip(tip if missing else "")
        self.slides_badge.setAccessibleDescription(tip if missing else "")
        # Lazily: only a shown topic with a file in the site folder is rendered (in the
        # background); like the preview, nothing outside the site ("../..") is opened.
        inside = found and _inside(path, self._site_folder)
        self.thumbnail.show_file(path if inside and topic is not None else None)

    def focus_field(self, field: str = "title") -> None:
        self.edits[field].setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_presenters(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_below_url(self, widget: QWidget) -> None:
        """Show ``widget`` under the URL field (the paper look-up bar), next in Tab order."""
        widget.setParent(self.fields)
        self.url_extras.addWidget(widget)
        QWidget.setTabOrder(self.edits["url"], widget)
