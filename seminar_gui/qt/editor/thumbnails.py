"""Slide thumbnails: the first page of a topic's slides PDF, rendered off the GUI thread.

The renderer is pypdfium2 (PDFium, the PDF engine of Chromium): a 4 MB wheel that adds
about 9 MB, against the 175 MB wheel / 440 MB of PySide6-Addons that QtPdf would need.
It is imported only when the first thumbnail is rendered, in the worker thread, so it
costs nothing at start-up.  PDFium is not thread-safe (not even for two documents at
once): every call into it holds :data:`_PDFIUM_LOCK`, and the renderer's pool has one
thread.

:class:`ThumbnailRenderer` caches images by (path, mtime, size, pixel box), so a file
replaced on disk is rendered again.  :class:`SlidesThumbnail` is the clickable
thumbnail of the editor (it opens the file in the system viewer).
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPixmap
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from seminar_gui.qt.common.i18n import shown_error, translate

if TYPE_CHECKING:  # imported where used: PySide6 makes a class's enums when it is first
    # named (QImage's and QIcon's: ~1.5 ms of each start that shows no thumbnail yet)
    from PySide6.QtCore import QThreadPool
    from PySide6.QtGui import QImage

# The box a thumbnail fits in, in logical pixels (slides are mostly 16:9 or 4:3).
THUMBNAIL_BOX = QSize(192, 144)
# Rendered images kept (a semester has about 30 topics).
CACHE_SIZE = 64

_PDFIUM_LOCK = threading.Lock()
_POOL: QThreadPool | None = None


# -------------------------------------------------------------------- rendering


class ThumbnailError(Exception):
    """The file cannot be shown as a thumbnail (the message says why, for people)."""


class ThumbnailKey(NamedTuple):
    """Identifies one rendering: the file as it is now, and the pixel box."""

    path: str
    mtime_ns: int
    size: int
    width: int  # device pixels
    height: int

    @classmethod
    def for_file(cls, path: Path, box: QSize) -> ThumbnailKey | None:
        """The key of ``path`` as it is on disk now (None: no such file)."""
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            return None
        return cls(str(path), st.st_mtime_ns, st.st_size, box.width(), box.height())


class RenderResult(NamedTuple):
    key: ThumbnailKey
    image: QImage  # null when rendering failed
    error: str  # why it failed ('' on success)
    thread_ident: int  # the thread that rendered (tests: never the GUI thread)
    in_gui_thread: bool


def is_pdf(path: Path) -> bool:
    return path.suffix.lower() == ".pdf"


def render_first_page(path: Path, box: QSize) -> QImage:
    """The first page of the PDF at ``path`` scaled to fit ``box`` (device pixels).

    Raises :class:`ThumbnailError` for a file that is not a readable PDF.  Safe to
    call from any thread (PDFium calls are serialized).
    """
    with _PDFIUM_LOCK:
        try:
            import pypdfium2 as pdfium  # ~50 ms: imported when the first slide is shown
        except ImportError as exc:  # pragma: no cover - a dependency of seminar-gui
            raise ThumbnailError(
                translate("thumbnails", "No preview: pypdfium2 is not installed")
            ) from exc
        try:
            document = pdfium.PdfDocument(path)
        except pdfium.PdfiumError as exc:
            raise ThumbnailError(translate("thumbnails", "No preview: not a readable PDF")) from exc
        except OSError as exc:
            raise ThumbnailError(
                translate("thumbnails", "No preview: the file cannot be read")
            ) from exc
        try:
            if len(document) == 0:
                raise ThumbnailError(translate("thumbnails", "No preview: the PDF has no pages"))
            page = document[0]
            try:
                width, height = page.get_size()
                if not (width > 0 and height > 0):
                    raise ThumbnailError(
                        translate("thumbnails", "No preview: the first page has no size")
                    )
                scale = min(box.width() / width, box.height() / height)
                bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
                try:
                    return _to_qimage(bitmap)
                finally:
                    bitmap.close()
            finally:
                page.close()
        except pdfium.PdfiumError as exc:
            raise ThumbnailError(
                translate("thumbnails", "No preview: the first page cannot be drawn")
            ) from exc
        finally:
            document.close()


# PDFium's pixel formats -> the names of QImage.Format's members
_FORMATS = {
    "RGBX": "Format_RGBX8888",
    "RGBA": "Format_RGBA8888",
    "RGB": "Format_RGB888",
    "BGR": "Format_BGR888",
    "BGRA": "Format_ARGB32",  # little-endian memory order B, G, R, A
    "BGRX": "Format_RGB32",
    "L": "Format_Grayscale8",
}


def _to_qimage(bitmap: object) -> QImage:
    from PySide6.QtGui import QImage

    mode = getattr(bitmap, "mode", "")
    if mode not in _FORMATS:
        raise ThumbnailError(
            translate("thumbnails", "No preview: unexpected pixel format {mode}").format(mode=mode)
        )
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride  # type: ignore[attr-defined]
    data = bytes(bitmap.buffer)  # type: ignore[attr-defined]
    image_format = QImage.Format[_FORMATS[mode]]
    # copy(): the QImage must own its pixels (``data`` goes away with this frame).
    return QImage(data, width, height, stride, image_format).copy()


def render_pool() -> QThreadPool:
    """The one-thread pool all thumbnails are rendered in (PDFium is single-threaded)."""
    global _POOL
    if _POOL is None:
        # The classes the worker uses are made here, in the GUI thread (PySide6 makes
        # a class when it is first named), not by the worker's first run.
        from PySide6.QtCore import QThread, QThreadPool  # noqa: F401
        from PySide6.QtGui import QImage  # noqa: F401

        _POOL = QThreadPool(QCoreApplication.instance())
        _POOL.setObjectName("thumbnailPool")
        _POOL.setMaxThreadCount(1)
    return _POOL


class _Emitter(QObject):
    done = Signal(object)  # RenderResult


class _RenderTask(QRunnable):
    def __init__(self, key: ThumbnailKey) -> None:
        super().__init__()
        self.key = key
        # Made in the GUI thread, so the signal is queued to the renderer there; it is
        # not parented to the renderer, so a renderer deleted meanwhile is no problem.
        self.emitter = _Emitter()

    def run(self) -> None:
        from PySide6.QtCore import QThread
        from PySide6.QtGui import QImage

        key = self.key
        try:
            image = render_first_page(Path(key.path), QSize(key.width, key.height))
            error = ""
        except ThumbnailError as exc:
            image, error = QImage(), str(exc)
        except Exception as exc:  # never let a bad file take the worker down
            image, error = (
                QImage(),
                translate("thumbnails", "No preview: {error}").format(error=shown_error(exc)),
            )
        app = QCoreApplication.instance()
        in_gui = app is not None and QThread.currentThread() == app.thread()
        result = RenderResult(key, image, error, threading.get_ident(), in_gui)
        self.emitter.done.emit(result)


class ThumbnailRenderer(QObject):
    """Renders first pages in the background and caches them.

    :meth:`request` answers at once from the cache, or starts a render and emits
    :attr:`ready` with the :class:`RenderResult` when it is done.
    """

    ready = Signal(object)  # RenderResult

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache: OrderedDict[ThumbnailKey, RenderResult] = OrderedDict()
        self._pending: set[ThumbnailKey] = set()
        self.last_result: RenderResult | None = None
        self.renders = 0  # how many renders were started (tests: the cache works)

    def cached(self, key: ThumbnailKey) -> RenderResult | None:
        result = self._cache.get(key)
        if result is not None:
            self._cache.move_to_end(key)
        return result

    def request(self, key: ThumbnailKey) -> RenderResult | None:
        """The cached result for ``key``, or None after starting (or while) rendering it."""
        result = self.cached(key)
        if result is not None or key in self._pending:
            return result
        self._pending.add(key)
        self.renders += 1
        task = _RenderTask(key)
        task.emitter.done.connect(self._finished)
        render_pool().start(task)
        return None

    def is_pending(self) -> bool:
        return bool(self._pending)

    def _finished(self, result: RenderResult) -> None:
        self._pending.discard(result.key)
        self._cache[result.key] = result
        self._cache.move_to_end(result.key)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        self.last_result = result
        self.ready.emit(result)


# ----------------------------------------------------------------------- widget


class SlidesThumbnail(QToolButton):
    """The first page of the slides; a click opens the file in the system's viewer.

    Call :meth:`show_file` with the slides file (or None to hide).  Shows a short
    text instead of a picture for files that are not PDFs or cannot be read.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slidesThumbnail")
        self.setAccessibleName(translate("thumbnails", "Slides preview"))
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setStyleSheet(
            "QToolButton#slidesThumbnail { border: 1px solid palette(mid); border-radius: 3px;"
            " padding: 2px; color: palette(placeholder-text); }"
            "QToolButton#slidesThumbnail:hover { border-color: palette(highlight); }"
        )
        self.renderer = ThumbnailRenderer(self)
        self.renderer.ready.connect(self._rendered)
        self._path: Path | None = None
        self._key: ThumbnailKey | None = None
        self._pixmap = QPixmap()
        self.clicked.connect(self.open_file)
        self.hide()

    @property
    def path(self) -> Path | None:
        return self._path

    def pixmap(self) -> QPixmap:
        """The thumbnail shown (null while rendering or when there is no preview)."""
        return QPixmap(self._pixmap)

    def show_file(self, path: Path | None) -> None:
        """Show the slides at ``path`` (an existing file), or hide for None."""
        self._path = path
        if path is None:
            self._key = None
            self._set_text("")
            self.hide()
            return
        self.setToolTip(
            translate("thumbnails", "Open {name} in the system viewer").format(name=path.name)
        )
        self.show()
        if not is_pdf(path):
            self._key = None
            kind = path.suffix.lstrip(".").upper() or translate("thumbnails", "this file")
            self._set_text(
                translate("thumbnails", "No preview for {kind}: click to open").format(kind=kind)
            )
            return
        ratio = self.devicePixelRatioF()
        box = QSize(round(THUMBNAIL_BOX.width() * ratio), round(THUMBNAIL_BOX.height() * ratio))
        key = ThumbnailKey.for_file(path, box)
        if key is None:
            self._key = None
            self._set_text(translate("thumbnails", "No preview: the file cannot be read"))
            return
        if key == self._key and (not self._pixmap.isNull() or self.text()):
            return  # already shown (or already being rendered)
        self._key = key
        result = self.renderer.request(key)
        if result is None:
            self._set_text(translate("thumbnails", "Rendering preview…"))
        else:
            self._show_result(result)

    def _rendered(self, result: RenderResult) -> None:
        if result.key == self._key:
            self._show_result(result)

    def _show_result(self, result: RenderResult) -> None:
        if result.image.isNull():
            self._set_text(result.error or translate("thumbnails", "No preview"))
            return
        from PySide6.QtGui import QIcon

        pixmap = QPixmap.fromImage(result.image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self._pixmap = pixmap
        self.setText("")
        self.setAccessibleDescription("")
        self.setIcon(QIcon(pixmap))
        self.setIconSize(pixmap.deviceIndependentSize().toSize())
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.setFixedSize(self.sizeHint())

    @property
    def message(self) -> str:
        """The text shown instead of a picture ('' when a picture is shown)."""
        return self.accessibleDescription()

    def _set_text(self, text: str) -> None:
        if not self._pixmap.isNull():  # a picture was shown: no icon now
            from PySide6.QtGui import QIcon

            self.setIcon(QIcon())
        self._pixmap = QPixmap()
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setAccessibleDescription(text)
        # A tool button does not wrap its text: break it into lines that fit.
        lines = _wrap(text, self.fontMetrics(), THUMBNAIL_BOX.width() - 16)
        self.setText("\n".join(lines))
        height = self.fontMetrics().lineSpacing() * (len(lines) + 1) + 8
        self.setFixedSize(THUMBNAIL_BOX.width(), max(48, height))

    def open_file(self) -> None:
        """Open the slides in the system's viewer (or whatever opens that file type)."""
        if self._path is not None and self._path.is_file():
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._path)))


def _wrap(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """``text`` broken at spaces (and its own line breaks) into lines of ``width`` pixels."""
    if metrics.horizontalAdvance(text) > width:
        text = text.replace(": ", ":\n", 1)  # "No preview:" above the reason
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and metrics.horizontalAdvance(candidate) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


__all__ = [
    "CACHE_SIZE",
    "THUMBNAIL_BOX",
    "RenderResult",
    "SlidesThumbnail",
    "ThumbnailError",
    "ThumbnailKey",
    "ThumbnailRenderer",
    "is_pdf",
    "render_first_page",
    "render_pool",
]
