"""Render the app icon (resources/seminar-gui.svg) as PNGs for the desktop.

Writes OUT/hicolor/SIZExSIZE/apps/seminar-gui.png for the sizes desktops look up, and
OUT/hicolor/scalable/apps/seminar-gui.svg.  Install the tree under
~/.local/share/icons (or /usr/share/icons) with the .desktop file and the MIME type:

    python packaging/make_icons.py ~/.local/share/icons
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SVG = Path(__file__).resolve().parent.parent / "resources" / "seminar-gui.svg"


def make_icons(out: Path, svg: Path = SVG) -> list[Path]:
    """The PNG files written (one per size), and the SVG copied as the scalable one."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out / "hicolor" / f"{size}x{size}" / "apps" / "seminar-gui.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(path)):
            raise SystemExit(f"cannot write {path}")
        written.append(path)
    scalable = out / "hicolor" / "scalable" / "apps" / "seminar-gui.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    for written in make_icons(Path(sys.argv[1])):
        print(written)
