"""Slide thumbnails and the missing-slides badge: editor and calendar card."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPainter
from PySide6.QtWidgets import QLabel, QWidget

from seminar_gui.core.demo import load_demo
from seminar_gui.core.slides import slides_file, slides_missing
from seminar_gui.qt.calendar.cells import Card, TopicLine
from seminar_gui.qt.calendar.delegate import CalendarDelegate
from seminar_gui.qt.calendar.style import Colors, Fonts
from seminar_gui.qt.commands import EditTopicCommand
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.editor.session_editor import SessionEditor
from seminar_gui.qt.editor.thumbnails import (
    SlidesThumbnail,
    ThumbnailError,
    render_first_page,
)
from seminar_gui.qt.selection import Selection

NOV25 = dt.date(2025, 11, 25)
ROLL_FILE = Path("slides") / "251125_ROLL.pdf"  # the demo's ROLL topic links here


def minimal_pdf(width: int = 200, height: int = 150) -> bytes:
    """A valid one-page PDF (written by hand): a red rectangle and a blue line on white."""
    content = b"0.9 0.2 0.1 rg 20 20 100 60 re f 0 0 1 RG 4 w 30 100 m 180 130 l S"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R"
        b" /Resources << >> >>" % (width, height),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def colours(image: QImage) -> set[int]:
    """The distinct pixel values of an image (sampled every few pixels)."""
    return {
        image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
    }


class Editor:
    def __init__(self, qtbot, site: Path | None) -> None:
        self.document = ProjectDocument(load_demo())
        self.selection = Selection(self.document)
        self.editor = SessionEditor(self.document, self.selection)
        qtbot.addWidget(self.editor)
        self.editor.resize(460, 900)
        self.editor.show()
        if site is not None:
            self.document.set_saved(site / "fall.json")  # the site: the project's folder
        self.form = self.editor.form

    def select(self, short_name: str) -> str:
        for semester in self.document.doc.semesters:
            for session in semester.sessions:
                for topic in session.topics:
                    if topic.short_name == short_name:
                        self.selection.select_topic(topic.id)
                        return topic.id
        raise KeyError(short_name)

    @property
    def thumbnail(self) -> SlidesThumbnail:
        widget = self.editor.findChild(SlidesThumbnail, "slidesThumbnail")
        assert widget is not None
        return widget

    @property
    def badge(self) -> QLabel:
        widget = self.editor.findChild(QLabel, "slidesMissingBadge")
        assert widget is not None
        return widget


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------ rendering


def test_render_first_page_of_a_real_pdf(tmp_path: Path) -> None:
    pdf = write(tmp_path / "slides" / "talk.pdf", minimal_pdf())
    image = render_first_page(pdf, QSize(160, 160))
    assert not image.isNull()
    assert (image.width(), image.height()) == (160, 120)  # 4:3 page fitted in the box
    assert len(colours(image)) > 2  # white page, red box, blue line
    assert QColor(image.pixel(10, 10)).lightness() > 240  # the page is white


def test_a_broken_pdf_raises_a_readable_error(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.pdf", b"%PDF-1.4\nthis is not really a PDF\n")
    with pytest.raises(ThumbnailError, match="not a readable PDF"):
        render_first_page(broken, QSize(100, 100))


def test_pypdfium2_is_not_imported_at_start_up() -> None:
    code = (
        "import sys; import seminar_gui.qt.main_window; "
        "sys.exit(1 if 'pypdfium2' in sys.modules else 0)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    assert subprocess.run([sys.executable, "-c", code], env=env, check=False).returncode == 0


# ------------------------------------------------------------------- editor


def test_editor_shows_the_first_page_rendered_off_the_gui_thread(qtbot, tmp_path: Path) -> None:
    write(tmp_path / ROLL_FILE, minimal_pdf())
    ui = Editor(qtbot, tmp_path)
    ui.select("ROLL")
    thumbnail = ui.thumbnail
    assert thumbnail.isVisible()
    qtbot.waitUntil(lambda: not thumbnail.pixmap().isNull(), timeout=15_000)
    image = thumbnail.pixmap().toImage()
    assert len(colours(image)) > 2
    result = thumbnail.renderer.last_result
    assert result is not None and result.error == ""
    assert result.thread_ident != threading.get_ident()
    assert not result.in_gui_thread
    assert not ui.badge.isVisible()
    assert thumbnail.accessibleName() and thumbnail.objectName() == "slidesThumbnail"


def test_thumbnails_are_cached_until_the_file_changes(qtbot, tmp_path: Path) -> None:
    pdf = write(tmp_path / ROLL_FILE, minimal_pdf())
    ui = Editor(qtbot, tmp_path)
    ui.select("ROLL")
    renderer = ui.thumbnail.renderer
    qtbot.waitUntil(lambda: not ui.thumbnail.pixmap().isNull(), timeout=15_000)
    assert renderer.renders == 1
    ui.select("Mantle")  # no slides: no thumbnail
    assert not ui.thumbnail.isVisible()
    ui.select("ROLL")
    assert not ui.thumbnail.pixmap().isNull()  # at once, from the cache
    assert renderer.renders == 1
    write(pdf, minimal_pdf(300, 150))  # replaced: another size and time
    later = pdf.stat().st_mtime_ns + 2_000_000_000
    os.utime(pdf, ns=(later, later))
    ui.document.recheck_files()
    qtbot.waitUntil(lambda: renderer.renders == 2 and not renderer.is_pending(), timeout=15_000)
    pixmap = ui.thumbnail.pixmap()
    assert pixmap.width() > pixmap.height() * 1.8  # the new 2:1 page


def test_a_broken_pdf_or_a_presentation_shows_a_placeholder(qtbot, tmp_path: Path) -> None:
    write(tmp_path / ROLL_FILE, b"%PDF-1.7\n%garbage, cut off in the middle")
    ui = Editor(qtbot, tmp_path)
    ui.select("ROLL")
    thumbnail = ui.thumbnail
    qtbot.waitUntil(lambda: not thumbnail.renderer.is_pending(), timeout=15_000)
    assert thumbnail.isVisible() and thumbnail.pixmap().isNull()
    assert thumbnail.message == "No preview: not a readable PDF"
    assert "readable PDF" in thumbnail.text()  # shown in full, on two lines
    link = "./slides/251125_Spirit.pptx"
    write(tmp_path / "slides" / "251125_Spirit.pptx", b"PK\x03\x04 not really")
    spirit = ui.select("Spirit")
    ui.document.undo_stack.push(EditTopicCommand(ui.document, spirit, "slides", link))
    assert thumbnail.isVisible() and thumbnail.pixmap().isNull()
    assert thumbnail.message.startswith("No preview for PPTX")


def test_clicking_the_thumbnail_opens_the_pdf(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = write(tmp_path / ROLL_FILE, minimal_pdf())
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    ui = Editor(qtbot, tmp_path)
    ui.select("ROLL")
    qtbot.waitUntil(lambda: not ui.thumbnail.pixmap().isNull(), timeout=15_000)
    qtbot.mouseClick(ui.thumbnail, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(pdf))]


def test_missing_badge_until_the_file_exists(qtbot, tmp_path: Path) -> None:
    ui = Editor(qtbot, tmp_path)
    ui.select("ROLL")
    badge = ui.badge
    assert badge.isVisible()
    assert "missing" in badge.text()
    assert str(tmp_path / ROLL_FILE) in badge.toolTip()
    assert not ui.thumbnail.isVisible()
    write(tmp_path / ROLL_FILE, minimal_pdf())
    ui.document.recheck_files()  # what the window does when it is activated again
    assert not badge.isVisible()
    assert ui.thumbnail.isVisible()
    ui.select("Mantle")  # no slides link: nothing to be missing
    assert not badge.isVisible() and not ui.thumbnail.isVisible()


def test_no_badge_for_web_links_or_an_unsaved_project(qtbot) -> None:
    ui = Editor(qtbot, None)
    ui.select("ROLL")
    assert not ui.badge.isVisible() and not ui.thumbnail.isVisible()
    assert not slides_missing(None, "./slides/x.pdf")
    assert not slides_missing(Path("/nowhere"), "https://example.org/x.pdf")
    assert not slides_missing(Path("/nowhere"), "")
    assert slides_missing(Path("/nowhere"), "./slides/x.pdf")
    assert slides_file(Path("/site"), "./slides/a%20b.pdf") == Path("/site/slides/a b.pdf")


# ------------------------------------------------------------------ calendar


def paint_card(card: Card, widget: QWidget) -> QImage:
    delegate = CalendarDelegate(widget)
    image = QImage(QSize(260, 90), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    colors = Colors.from_palette(widget.palette())
    delegate.paint_card(
        painter, QRect(QPoint(0, 0), image.size()), card, Fonts.for_font(widget.font()), colors
    )
    painter.end()
    return image


def test_calendar_card_marks_a_topic_with_missing_slides(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    line = TopicLine("t1", "ROLL", "arXiv", "Yicheng Zhang")
    fine = Card("s1", NOV25, (line,))
    missing = Card("s1", NOV25, (TopicLine("t1", "ROLL", "arXiv", "Yicheng Zhang", True),))
    plain, marked = paint_card(fine, widget), paint_card(missing, widget)
    amber = [
        (x, y)
        for x in range(0, 40)
        for y in range(marked.height())
        if QColor(marked.pixel(x, y)).hue() in range(30, 50)
        and QColor(marked.pixel(x, y)).saturation() > 150
    ]
    assert amber, "no warning mark painted"
    assert not any(
        QColor(plain.pixel(x, y)).hue() in range(30, 50)
        and QColor(plain.pixel(x, y)).saturation() > 150
        for x, y in amber
    )


def test_no_thumbnail_for_a_file_outside_the_site_folder(qtbot, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    outside = write(tmp_path / "private.pdf", minimal_pdf())
    ui = Editor(qtbot, site)
    roll = ui.select("ROLL")
    ui.document.undo_stack.push(EditTopicCommand(ui.document, roll, "slides", "../private.pdf"))
    assert outside.is_file() and not ui.badge.isVisible()
    assert not ui.thumbnail.isVisible()
