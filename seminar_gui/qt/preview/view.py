"""Live preview of the README as GitHub renders it.

Re-rendered 150 ms after the last change (incrementally: only changed session
blocks go through Markdown again), keeping the scroll position.  Selecting a
session scrolls to it; clicking a session heading selects it.  Links are never
followed inside the preview: web links open in the browser, relative slide links
open the local file, anything else is ignored.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QMouseEvent, QTextBlock
from PySide6.QtWidgets import QTextBrowser, QWidget

from seminar_gui.core.render import HtmlRenderer, anchor_target, full_html, session_anchor
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.selection import Selection

DEBOUNCE_MS = 150


class PreviewView(QTextBrowser):
    def __init__(
        self, document: ProjectDocument, selection: Selection, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setAccessibleName(self.tr("README preview"))
        self.setAccessibleDescription(self.tr("The README as GitHub will show it"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        font = self.font()
        font.setPixelSize(15)  # GitHub's 16 px, a little tighter for a side pane
        self.document().setDefaultFont(font)
        self.document().setDocumentMargin(14)
        self.document_ = document
        self.selection = selection
        self.site_folder: Path | None = document.site_folder()
        self.renderer = HtmlRenderer()
        self.html = ""
        self.last_render_ms = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.render_now)
        document.changed.connect(lambda _ids: self._timer.start())
        selection.changed.connect(self._follow_selection)
        document.siteFolderChanged.connect(self._site_folder_changed)
        self.anchorClicked.connect(self._open_link)
        self._following = False

    def _site_folder_changed(self, folder: Path | None) -> None:
        self.site_folder = folder  # relative links open files from there

    # ---------------------------------------------------------------- render
    def render_now(self) -> None:
        """Render immediately (the debounce timer calls this)."""
        self._timer.stop()
        start = time.perf_counter()
        html = full_html(self.renderer.render(self.document_.doc))
        if html != self.html:
            bar = self.verticalScrollBar()
            position = bar.value()
            self.html = html
            self.setHtml(html)
            bar.setValue(min(position, bar.maximum()))
        self.last_render_ms = (time.perf_counter() - start) * 1000

    def _follow_selection(self) -> None:
        if self._following or not self.selection.session_id:
            return
        if self._timer.isActive() or not self.html:
            self.render_now()
        self.scrollToAnchor(session_anchor(self.selection.session_id))

    # ----------------------------------------------------------------- links
    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)
            return
        if url.scheme() or url.isEmpty() or self.site_folder is None:
            return  # mailto:, javascript:, in-page anchors ... are not followed
        target = (self.site_folder / url.path()).resolve()
        if target.is_file() and target.is_relative_to(self.site_folder.resolve()):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        else:
            self.document_.message.emit(self.tr("{path} does not exist").format(path=url.path()))

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
        it = block.begin()
        while not it.atEnd():
            for name in it.fragment().charFormat().anchorNames():
                target = anchor_target(name)
                if target and target[0] == "session":
                    return target[1]
            it += 1
        return None
