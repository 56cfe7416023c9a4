"""Live preview of the README as GitHub renders it.

The preview shows the semester on show (``selection.semester_id``; the preamble above
the newest one, as on GitHub): a 20-year archive costs what one semester costs, and
choosing another semester renders that one.  A change is shown at the next turn of the
event loop, incrementally: only changed blocks go through Markdown again
(:class:`HtmlRenderer` caches the others), and when only sessions changed, only their
part of the shown page is replaced (:meth:`PreviewView._patch`), so Qt lays out and
paints just that part; anything else sets the page anew, keeping the scroll position.
A long render goes in passes of about :data:`PASS_MS` so the window keeps answering.
Once the window has been idle for :data:`WARM_AFTER_MS`, the other semesters are
rendered ahead in passes of about :data:`WARM_PASS_MS`, the nearest first
(:meth:`HtmlRenderer.warm`), so that choosing another semester of an archive needs no
Markdown.
:attr:`PreviewView.rendered` tells when the shown page was updated.  Selecting a
session scrolls to it; clicking a session heading selects it.

The README may come from someone else.  The HTML shown is sanitized and bounded
(:mod:`seminar_gui.core.sanitize`, via :class:`HtmlRenderer`), and the preview never
touches the file system or the network by itself: :meth:`PreviewView.loadResource`
(which QTextBrowser asks for every image, stylesheet and ``background``) shows only
images that are regular files inside the site folder (:func:`read_resolved_image`: size
capped, opened without blocking); everything else is a placeholder image or nothing,
and nothing is ever resolved against the working folder.  Links are never followed
inside the preview (:func:`link_action`): web links open in the browser, mailto: in
the mail client, ``#`` scrolls, relative links open slide files under ``slides/``
only; anything else is refused with a status-bar message saying why.
"""

from __future__ import annotations

import os
import time
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QTextBlock,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from seminar_gui.core.render import (
    HtmlRenderer,
    PagePart,
    anchor_target,
    full_html,
    session_anchor,
)
from seminar_gui.core.safe_html import PreviewNotes
from seminar_gui.core.site_access import Reason, link_action, read_resolved_image, resolve_in_site
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.selection import Selection

if TYPE_CHECKING:  # imported where used: PySide6 makes a class and its enums when it
    # is first named, and a page without images or clicks needs none of these at start
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QResizeEvent

    from seminar_gui.core.model import Semester, Style

UPDATE_DELAY_MS = 0  # a change shows at the next turn of the event loop (edits coalesce)
MAX_PATCHED = 4  # sessions replaced in place; more changed blocks: the page is set anew
PASS_MS = 200  # Markdown time of one render pass (the rest follows in the next pass)
SHOW_EVERY_MS = 1000  # a page still in passes is laid out again at most this often
WARM_AFTER_MS = 1000  # idle time after a render before other semesters are rendered ahead
WARM_PASS_MS = 4  # Markdown time of one pass of that (a keystroke waits at most about this)
MAX_IMAGE_SIDE = 4096  # larger images are scaled down when decoded
_IMAGE_CACHE = 64  # decoded site images kept (keyed by path and file identity)


class PreviewView(QTextBrowser):
    #: The shown page was updated (set anew or patched); it is painted next.
    rendered = Signal()

    def __init__(
        self, document: ProjectDocument, selection: Selection, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setAccessibleName(self.tr("README preview"))
        self.setAccessibleDescription(self.tr("The README as GitHub will show it"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTabChangesFocus(True)  # Tab leaves the preview: see focusNextPrevChild
        font = self.font()
        font.setPixelSize(15)  # GitHub's 16 px, a little tighter for a side pane
        self.document().setDefaultFont(font)
        self.document().setDocumentMargin(14)
        # Room for a heading's words: a narrower page breaks "December" letter by letter.
        self.setMinimumWidth(QFontMetrics(font).horizontalAdvance("M") * 16)
        self.document().setUndoRedoEnabled(False)  # patches must not pile up undo history
        self.document_ = document
        self.selection = selection
        self.site_folder: Path | None = document.site_folder()
        self.renderer = HtmlRenderer(self._notes())
        self.html = ""
        #: The blocks of the page shown, and its semester.
        self.parts: list[PagePart] = []
        self.shown_semester: str | None = None
        #: How the last update was shown: "set" (setHtml), "patch" or "" (nothing changed).
        self.last_update = ""
        self.last_render_ms = 0.0
        #: The last resources QTextBrowser asked for: (type, URL, what it got).
        self.resource_log: list[tuple[int, str, str]] = []
        self._images: OrderedDict[str, tuple[tuple[int, int, int, int], QImage]] = OrderedDict()
        self._placeholder: QImage | None = None
        self._shown_at = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(UPDATE_DELAY_MS)
        self._timer.timeout.connect(self._render_pass)
        self._more = QTimer(self)  # the next pass of a long render
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(self._render_pass)
        # Once the window has been idle for a while, the other semesters are rendered
        # ahead, the nearest first, in short passes: choosing one then renders nothing.
        self._warm = QTimer(self)
        self._warm.setSingleShot(True)
        self._warm.timeout.connect(self._warm_pass)
        #: Semesters rendered ahead, by id: the semester and style objects rendered
        #: (documents are immutable values: still the same objects, still rendered).
        self._warmed: dict[str, tuple[Semester, Style]] = {}
        document.changed.connect(lambda _ids: self._timer.start())
        selection.changed.connect(self._follow_selection)
        document.siteFolderChanged.connect(self._site_folder_changed)
        self.anchorClicked.connect(self._open_link)
        self._following = False
        self._painted = False
        # The anchor last scrolled to: kept at the top when the page is laid out for
        # another width (the window shown, the splitter moved), until scrolled by hand.
        self._anchor: str | None = None
        self.verticalScrollBar().actionTriggered.connect(self._scrolled_by_hand)

    def _notes(self) -> PreviewNotes:
        return PreviewNotes(
            nested=self.tr(
                "Parts of this section are nested too deeply to preview; shown flattened."
            ),
            table_cut=self.tr("Table cut: the preview shows at most {cells} table cells."),
            not_rendered=self.tr(
                "This part could not be previewed ({reason}); its Markdown is shown as is."
            ),
            too_deep=self.tr("nested too deeply"),
            too_complex=self.tr("too complex"),
            too_long=self.tr(
                "Too long to preview ({size} KB); the first {shown} KB are shown as is."
            ),
            rest_too_long=self.tr("The rest of the README is too long to preview."),
            pending=self.tr("Rendering the rest of the README…"),
            images_cut=self.tr(
                "More images than the preview shows ({images} at most): the rest show their text."
            ),
        )

    def _site_folder_changed(self, folder: Path | None) -> None:
        self.site_folder = folder  # relative links and images are looked up there
        self._images.clear()
        self.html = ""  # images may differ: show the page again
        self._timer.start()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:  # on screen: what the first edit needs is made now
            self._painted = True
            QTimer.singleShot(0, self._prepare)

    def _prepare(self) -> None:
        """Set up Python-Markdown (a start that found its blocks stored skipped it), and
        have PySide6 make the Qt classes a patch uses (~3 ms, with QTextFormat's
        enums), now that the window is painted rather than before it or at the first
        edit."""
        self.renderer.prepare()
        from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor  # noqa: F401

    # ---------------------------------------------------------------- render
    def render_now(self) -> None:
        """Render the whole page now, however long it takes (no passes)."""
        self._render(None)

    def _render_pass(self) -> None:
        """One pass of at most about PASS_MS of Markdown; the next pass follows at once.

        A page still in passes is shown again at most every SHOW_EVERY_MS (each
        setHtml lays out the whole page).
        """
        self._render(PASS_MS / 1000)
        if self.renderer.stats.pending:
            self._more.start()

    def _render(self, budget: float | None) -> None:
        self._timer.stop()
        self._more.stop()
        start = time.perf_counter()
        semester = self.selection.semester_id
        parts = self.renderer.render_parts(self.document_.doc, budget, semester)
        recent = (start - self._shown_at) * 1000 < SHOW_EVERY_MS
        same_semester = semester == self.shown_semester and bool(self.html)
        if self.renderer.stats.pending and same_semester and recent:
            return  # more passes follow: lay the page out when it is done (or in a while)
        self.last_update = ""
        moved = False
        if not same_semester or parts != self.parts:
            body = "\n".join(part.html for part in parts)
            html = full_html(body)
            self.resource_log = []
            if same_semester and self._patch(self.parts, parts):
                self.last_update = "patch"
            else:
                bar = self.verticalScrollBar()
                position = bar.value() if same_semester else 0
                if not same_semester:
                    self._anchor = None
                self.setHtml(html)
                bar.setValue(min(position, bar.maximum()))
                self.last_update = "set"
                moved = same_semester and self._selected_moved(self.parts, parts)
            self.html, self.parts, self.shown_semester = html, parts, semester
            if self.last_update == "set" and moved:  # a drag: show where it went
                self.scrollToAnchor(session_anchor(self.selection.session_id or ""))
            self._shown_at = time.perf_counter()
        self.last_render_ms = (time.perf_counter() - start) * 1000
        if not self.renderer.stats.pending:
            self._warm.start(WARM_AFTER_MS)
        if self.last_update:
            self.rendered.emit()

    def _warm_pass(self) -> None:
        """Render ahead, for about WARM_PASS_MS, the next semester not shown whose
        blocks are not rendered yet (the nearest to the one on show first); the next
        pass follows at the next turn of the event loop.  Not while the preview is
        hidden or a render is due (the render starts this again when it is done)."""
        if not self.isVisible() or self._timer.isActive() or self._more.isActive():
            return
        doc = self.document_.doc
        semesters = doc.semesters
        ids = {m.id for m in semesters}
        if not ids.issuperset(self._warmed):  # another document, or semesters removed
            self._warmed = {i: done for i, done in self._warmed.items() if i in ids}
        shown = next((i for i, m in enumerate(semesters) if m.id == self.shown_semester), 0)
        nearest = sorted(range(len(semesters)), key=lambda i: (abs(i - shown), i))
        for i in nearest:
            semester = semesters[i]
            done = self._warmed.get(semester.id)
            if i == shown or (done and done[0] is semester and done[1] is doc.style):
                continue
            left = self.renderer.warm(doc, semester.id, WARM_PASS_MS / 1000)
            if left is None:
                return  # the renderer keeps no more
            if left == 0:
                self._warmed[semester.id] = (semester, doc.style)
            self._warm.start(0)
            return

    def scrollToAnchor(self, name: str) -> None:
        super().scrollToAnchor(name)
        self._anchor = name

    def _scrolled_by_hand(self, *_: object) -> None:
        self._anchor = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._anchor is not None:  # the text flowed anew: its place moved
            super().scrollToAnchor(self._anchor)

    def _selected_moved(self, old: list[PagePart], new: list[PagePart]) -> bool:
        """Whether the selected session has another place on the page (it was moved)."""
        session = self.selection.session_id

        def place(parts: list[PagePart]) -> int:
            owners = [p.owner for p in parts if p.kind == "session"]
            return owners.index(session) if session in owners else -1

        return session is not None and place(new) >= 0 and place(old) != place(new)

    def _patch(self, old: list[PagePart], new: list[PagePart]) -> bool:
        """Replace the changed sessions' part of the shown page in place; False (nothing
        done) when more than sessions changed or the page does not look as expected.

        QTextDocument lays out and repaints only the replaced blocks, where setHtml
        would parse, lay out and paint the whole page again.
        """
        if len(old) != len(new) or any(
            (a.kind, a.owner) != (b.kind, b.owner) for a, b in zip(old, new, strict=True)
        ):
            return False
        changed = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a.html != b.html]
        if len(changed) > MAX_PATCHED or any(
            new[i].kind != "session" or not new[i].html.startswith("<h3>") for i in changed
        ):
            return False
        ranges = []
        for i in changed:
            found = self._session_range(old, i)
            if found is None:
                return False
            ranges.append((i, *found))
        from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor  # see _prepare

        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        try:
            for i, first, end in reversed(ranges):  # from the bottom: positions above hold
                heading = first.blockFormat()
                cursor.setPosition(first.position() - 1)  # the end of the block before
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()
                cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
                start = cursor.position()
                cursor.insertHtml(full_html(new[i].html))
                QTextCursor(self.document().findBlock(start)).setBlockFormat(heading)
        finally:
            cursor.endEditBlock()
        return True

    def _session_range(self, parts: list[PagePart], index: int) -> tuple[QTextBlock, int] | None:
        """The first text block of ``parts[index]`` (a session) on the shown page and the
        position where its last block ends; None when the page is not as expected."""
        anchor = session_anchor(parts[index].owner)
        following = parts[index + 1] if index + 1 < len(parts) else None
        if following is None:
            next_anchor, next_level = None, 0
        elif following.kind == "session":
            next_anchor, next_level = session_anchor(following.owner), 3
        elif following.kind == "after" and following.html.startswith(("<h1>", "<h2>")):
            next_anchor, next_level = None, 2
        else:
            return None
        if "<h1" in parts[index].html or "<h2" in parts[index].html:
            return None  # its own headings would read as the next block's
        qdoc = self.document()
        block = qdoc.begin()
        first: QTextBlock | None = None
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if first is None:
                if level == 3 and anchor in _anchor_names(block):
                    first = block
                    if block.position() == 0:
                        return None
            elif next_anchor is not None:
                if level == 3 and next_anchor in _anchor_names(block):
                    return first, block.position() - 1
            elif next_level and 1 <= level <= next_level:
                return first, block.position() - 1
            block = block.next()
        if first is None or following is not None:
            return None
        return first, qdoc.characterCount() - 1

    # ------------------------------------------------------------- resources
    def loadResource(self, type: int, name: QUrl) -> object:
        """What QTextBrowser shows for an image, stylesheet or other resource.

        Never None: QTextDocument would then read the URL itself (from the file
        system, relative to the working folder).  Only images inside the site folder
        are read; all else is a placeholder image (images) or empty (the rest).
        """
        url = bytes(name.toEncoded().data()).decode("ascii", "replace")
        if int(type) != QTextDocument.ResourceType.ImageResource.value:
            self._log(type, url, "empty")
            return QByteArray()
        image, verdict = self._site_image(url)
        self._log(type, url, verdict)
        return image if image is not None else self.placeholder()

    def _log(self, type: int, url: str, verdict: str) -> None:
        if len(self.resource_log) < 1000:
            self.resource_log.append((int(type), url, verdict))

    def _site_image(self, url: str) -> tuple[QImage | None, str]:
        """The decoded site image ``url`` and "image", or None and why not."""
        site = self.site_folder
        if site is None:
            return None, "no_site"
        path, refused = resolve_in_site(site, url)
        if path is None:
            return None, refused or "bad"
        try:
            info = os.stat(path)  # does not open: a FIFO or device cannot block here
            key = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
        except OSError:
            return None, "missing"
        cached = self._images.get(path)
        if cached is not None and cached[0] == key:
            self._images.move_to_end(path)
            return cached[1], "image"
        data = read_resolved_image(path)  # resolved above: not looked up twice
        if isinstance(data, str):
            return None, data
        image = _decode(data)
        if image is None:
            return None, "not_image"
        self._images[path] = (key, image)
        while len(self._images) > _IMAGE_CACHE:
            self._images.popitem(last=False)
        return image, "image"

    def placeholder(self) -> QImage:
        """A small grey frame standing for an image the preview does not show."""
        if self._placeholder is None:
            from PySide6.QtGui import QImage

            image = QImage(24, 24, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(QColor("#f6f8fa"))
            painter = QPainter(image)
            painter.setPen(QColor("#d0d7de"))
            painter.drawRect(0, 0, 23, 23)
            painter.drawLine(4, 19, 10, 11)
            painter.drawLine(10, 11, 14, 16)
            painter.drawLine(14, 16, 19, 9)
            painter.end()
            self._placeholder = image
        return self._placeholder

    def _follow_selection(self) -> None:
        other = self.selection.semester_id != self.shown_semester
        if other or self._timer.isActive() or self._more.isActive() or not self.html:
            self._render_pass()  # a long page goes on in passes; its anchors come later
        if self._following or not self.selection.session_id:
            return
        self.scrollToAnchor(session_anchor(self.selection.session_id))

    # ----------------------------------------------------------------- links
    def _open_link(self, url: QUrl) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        href = bytes(url.toEncoded().data()).decode("ascii", "replace")
        action = link_action(self.site_folder, href)
        if action.kind in ("web", "mail"):
            QDesktopServices.openUrl(QUrl(action.target))
        elif action.kind == "slide":
            QDesktopServices.openUrl(QUrl.fromLocalFile(action.target))
        elif action.kind == "anchor":
            self.scrollToAnchor(action.target)
        else:
            shown = url.toString()
            shown = shown if len(shown) <= 80 else shown[:79] + "…"
            self.document_.message.emit(self._refusal(shown, action.reason or "bad"))

    def _refusal(self, link: str, reason: Reason) -> str:
        """The status-bar message for a link the preview does not open."""
        texts: dict[str, str] = {
            "scheme": self.tr("{link} was not opened: only web, mail and slide links open"),
            "absolute": self.tr("{link} was not opened: only links inside the site folder open"),
            "no_site": self.tr("{link} was not opened: save the project first (no site folder)"),
            "outside": self.tr("{link} was not opened: it leads outside the site folder"),
            "not_slide": self.tr(
                "{link} was not opened: only slide files under slides/ open from the preview"
            ),
            "missing": self.tr("{link} does not exist"),
            "not_regular": self.tr("{link} was not opened: it is not a regular file"),
            "unreadable": self.tr("{link} was not opened: it cannot be read"),
        }
        text = texts.get(reason, self.tr("{link} was not opened: not a usable link"))
        return text.format(link=link)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab leaves the preview at once: QTextBrowser would first walk through every
        link of the page (hundreds on a semester), a trap for keyboard users.  Links
        are still opened by a click."""
        return QWidget.focusNextPrevChild(self, next)

    # ------------------------------------------------- click a heading: select
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self.anchorAt(event.position().toPoint()):
            return  # a link: handled by anchorClicked
        block = self.cursorForPosition(event.position().toPoint()).block()
        session_id = self.session_at_block(block)
        if session_id:
            self._following = True
            try:
                self.selection.select_session(session_id)
            finally:
                self._following = False

    @staticmethod
    def session_at_block(block: QTextBlock) -> str | None:
        """The session whose heading this block is, if it is a session heading."""
        if block.blockFormat().headingLevel() != 3:
            return None
        for name in _anchor_names(block):
            target = anchor_target(name)
            if target and target[0] == "session":
                return target[1]
        return None


def _anchor_names(block: QTextBlock) -> list[str]:
    """The ``<a name>``s in a text block."""
    names: list[str] = []
    it = block.begin()
    while not it.atEnd():
        names += it.fragment().charFormat().anchorNames()
        it += 1
    return names


def _decode(data: bytes) -> QImage | None:
    """The image in ``data`` (scaled down beyond MAX_IMAGE_SIDE), or None."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QImageReader

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_IMAGE_SIDE:
        limit = QSize(MAX_IMAGE_SIDE, MAX_IMAGE_SIDE)
        reader.setScaledSize(size.scaled(limit, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image
