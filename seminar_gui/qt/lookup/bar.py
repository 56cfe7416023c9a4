"""The bar under the URL field that fills a paper's details from arXiv or Crossref.

It appears when the organizer types or pastes an arXiv id/URL or a DOI (or when a topic
with such a URL has no title yet) and offers one button; nothing changes until that
click.  The question runs in a daemon thread (:func:`seminar_gui.core.lookup.fetch`,
bounded by the settings' timeout), so the window never waits; the answer comes back
through a queued signal and becomes ONE :class:`DocumentCommand` (title, URL, venue,
authors).  A timeout, no network or an HTTP error is a quiet line in the bar; the
fields are left as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from seminar_gui.core import edits
from seminar_gui.core.errors import EditError
from seminar_gui.core.lookup import LookupFailed, PaperInfo, canonical_url
from seminar_gui.core.paper_ids import PaperId, recognise
from seminar_gui.qt.commands import DocumentCommand
from seminar_gui.qt.common.i18n import sentence, shown, translate
from seminar_gui.qt.common.jobs import run_job
from seminar_gui.qt.common.widgets import set_validity
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.settings import Settings


class _Request(NamedTuple):
    number: int
    topic_id: str
    url: str  # the URL field's text when the organizer clicked
    paper_id: PaperId


class PaperLookupBar(QWidget):
    """Offers to fill the shown topic's paper from the service its URL names."""

    #: A look-up ended: True when the paper was filled in (for tests and views).
    lookupFinished = Signal(bool)

    def __init__(
        self,
        document: ProjectDocument,
        url_edit: QLineEdit,
        topic_id: Callable[[], str | None],
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("paperLookupBar")
        self.setAccessibleName(self.tr("Paper look-up"))
        self._document = document
        self._url_edit = url_edit
        self._topic_id = topic_id
        self._settings = settings
        self._typed_for: tuple[str | None, str] | None = None  # (topic, URL) typed
        self._note: tuple[str, str, str] | None = None  # (topic, text, validity)
        self._shown_topic: str | None = None
        self._busy: _Request | None = None
        self._count = 0

        self.status = QLabel(self)
        self.status.setObjectName("paperLookupStatus")
        self.status.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setObjectName("paperLookupButton")
        self.button.clicked.connect(self.ask)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.status, 1)
        row.addWidget(self.button)

        url_edit.textEdited.connect(self._typed)
        url_edit.textChanged.connect(self._update)
        document.changed.connect(self._update)
        self._update()

    # ------------------------------------------------------------------ state
    def _typed(self, text: str) -> None:
        self._typed_for = (self._topic_id(), text.strip())
        if self._note and self._note[0] == self._topic_id():
            self._note = None
        self._update()

    def paper_id(self) -> PaperId | None:
        """The paper the URL field names (None: no arXiv id or DOI in it)."""
        return recognise(self._url_edit.text())

    def _topic_title(self, topic_id: str) -> str | None:
        try:
            return self._document.doc.find_topic(topic_id)[2].paper.title
        except KeyError:
            return None

    def _update(self, *_: object) -> None:
        topic_id = self._topic_id()
        if topic_id != self._shown_topic:  # another topic: its own offer
            self._shown_topic = topic_id
            self._typed_for = None
        text = self._url_edit.text().strip()
        paper_id = self.paper_id()
        title = self._topic_title(topic_id) if topic_id else None
        busy = self._busy is not None and self._busy.topic_id == topic_id
        note = self._note if self._note and self._note[0] == topic_id else None
        offer = (
            paper_id is not None
            and title is not None
            and (self._typed_for == (topic_id, text) or not title)
        )
        self.setVisible(busy or offer or note is not None)
        if busy:
            assert self._busy is not None
            message, kind = (
                self.tr("Asking {service}…").format(service=self._busy.paper_id.service),
                "info",
            )
        elif note is not None:
            message, kind = note[1], note[2]
        elif paper_id is not None:
            message, kind = (
                self.tr("{service} paper {id}: fill in its title, venue and authors?").format(
                    service=paper_id.service, id=paper_id.value
                ),
                "info",
            )
        else:
            message, kind = "", ""
        self.status.setText(message)
        set_validity(self.status, kind)
        self.button.setVisible(offer and not busy)
        self.button.setEnabled(offer and not busy)
        if paper_id is not None:
            self.button.setText(self.tr("Fill in from {service}").format(service=paper_id.service))
            self.button.setAccessibleName(self.button.text())
            self.button.setToolTip(
                self.tr("Replace the title, venue and authors with what {service} says").format(
                    service=paper_id.service
                )
            )

    @property
    def busy(self) -> bool:
        return self._busy is not None

    # ------------------------------------------------------------------- asking
    def ask(self) -> None:
        """Ask the service about the shown topic's URL (the organizer's click)."""
        topic_id = self._topic_id()
        paper_id = self.paper_id()
        if topic_id is None or paper_id is None or self._busy is not None:
            return
        self._count += 1
        request = _Request(self._count, topic_id, self._url_edit.text().strip(), paper_id)
        self._busy = request
        self._note = None
        settings = self._settings
        arxiv, crossref, timeout = (
            settings.arxiv_api,
            settings.crossref_api,
            settings.lookup_timeout,
        )

        def work() -> PaperInfo:
            from seminar_gui.core.lookup import fetch

            return fetch(paper_id, arxiv_api=arxiv, crossref_api=crossref, timeout=timeout)

        # A daemon thread: a stalled service never keeps the program from quitting.
        run_job(self, work, lambda info, error: self._finished(request, info, error), "lookup")
        self._update()

    def _finished(
        self, request: _Request, info: PaperInfo | None, error: BaseException | None
    ) -> None:
        result: PaperInfo | LookupFailed
        if error is None and info is not None:
            result = info
        else:  # any failure is told: the bar never stays busy
            result = error if isinstance(error, LookupFailed) else LookupFailed(str(error))
        if self._busy is None or request.number != self._busy.number:
            return
        self._busy = None
        filled = False
        if isinstance(result, LookupFailed):
            self._tell(request, shown(result.message), "warning")
        else:
            filled = self._fill(request, result)
        self._update()
        self.lookupFinished.emit(filled)

    def _tell(self, request: _Request, text: str, kind: str) -> None:
        self._note = (request.topic_id, text, kind)
        if self._topic_id() != request.topic_id:
            self._document.message.emit(text)  # the bar shows another topic now

    def _fill(self, request: _Request, info: PaperInfo) -> bool:
        if self._topic_id() == request.topic_id and self._url_edit.text().strip() != request.url:
            return False  # the organizer typed another URL meanwhile: that one counts
        url = request.url
        if not url.lower().startswith(("http://", "https://")):
            url = canonical_url(request.paper_id)  # a bare id becomes a link
        paper: dict[str, object] = {"title": info.title, "url": url, "authors": list(info.authors)}
        if info.venue:
            paper["venue"] = info.venue
        try:
            after = edits.update_topic(self._document.doc, request.topic_id, paper=paper)
        except KeyError:  # the topic was deleted meanwhile
            return False
        except EditError as exc:
            text = shown(exc.message)
            self._tell(request, sentence(text), "warning")
            return False
        service = request.paper_id.service
        self._typed_for = None  # answered: no more offer until the URL is typed again
        self._document.undo_stack.push(
            DocumentCommand(self._document, after, translate("commands", "Fill In Paper Details"))
        )
        authors = len(info.authors)
        self._tell(
            request,
            self.tr("Filled in from {service}: title, venue and {n} author(s).").format(
                service=service, n=authors
            ),
            "ok",
        )
        return True
