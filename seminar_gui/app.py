"""Start-up of the window: `seminar-gui [FILE]` and `seminar-gui --screenshot OUT.png [FILE]`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from seminar_gui import __version__

SCREENSHOT_SIZE = (1400, 900)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seminar-gui",
        description=(
            "Plan a reading group's semester and publish it as a GitHub README. "
            "Headless commands: seminar-gui import|export|check|schema --help"
        ),
    )
    parser.add_argument("file", nargs="?", type=Path, help="project file to open (.json)")
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="OUT.png",
        help="render the window offscreen at 1400x900, save it as a PNG and exit",
    )
    parser.add_argument("--version", action="version", version=f"seminar-gui {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.screenshot is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtWidgets import QApplication

    from seminar_gui.qt.main_window import MainWindow
    from seminar_gui.settings import load_settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("seminar-gui")
    app.setApplicationDisplayName("seminar-gui")
    app.setOrganizationName("seminar-gui")
    app.setApplicationVersion(__version__)
    _install_translators(app)

    window = MainWindow(load_settings() if args.screenshot is None else None)
    errors: list[str] = []
    if args.screenshot is not None:  # nobody is there to answer: never ask, report
        asker = window.asker
        asker.error = lambda title, error: errors.append(  # type: ignore[method-assign]
            f"{title}: {error}"
        )
        asker.other_instance = lambda *_a: True  # type: ignore[method-assign]  # only reads
        asker.outside_change = lambda *_a: "keep"  # type: ignore[method-assign]
        asker.outside_deleted = lambda *_a: None  # type: ignore[method-assign]
        asker.replace_read_only = lambda *_a: "cancel"  # type: ignore[method-assign]
    # A screenshot leaves crashed sessions' unsaved work for the next real start.
    window.open_initial(args.file, recover=args.screenshot is None)
    if args.screenshot is not None:
        if errors:
            print(f"seminar-gui: error: {errors[0]}", file=sys.stderr)
            return 2
        return _screenshot(app, window, args.screenshot)
    window.show()
    return app.exec()


def _screenshot(app, window, out: Path) -> int:
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    window.preview.render_now()
    app.processEvents()
    image = window.grab()
    if not image.save(str(out)):
        print(f"seminar-gui: error: cannot write {out}", file=sys.stderr)
        return 2
    window.files.shutdown()
    window.document.undo_stack.setClean()
    return 0


def _install_translators(app) -> None:
    """Qt's own translations for the system language (our .qm files come later)."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    translator = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(), "qtbase", "_", path):
        app.installTranslator(translator)
