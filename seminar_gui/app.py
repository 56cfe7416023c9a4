"""Start-up of the window: `seminar-gui [FILE]` and `seminar-gui --screenshot OUT.png [FILE]`.

Start-up is what every organizer waits for each week, so it does the least it can
(figures in docs/performance.md): the garbage collector waits until the window is on
screen (start-up only allocates objects that live on: :func:`_start_quietly`); the
Qt-free modules are imported before PySide6, whose import hook would otherwise read
the source of each module imported after it; Qt's own translations are loaded only
for a language other than English.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import linecache
import os
import sys
import types
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from seminar_gui import COMMANDS, __version__

SCREENSHOT_SIZE = (1400, 900)
#: Qt's PNG "quality" (0-100 maps to zlib's levels 9-0): 80 is zlib's fastest level,
#: which writes the 1400x900 window in ~28 ms instead of ~40 ms (the default level 6),
#: for a file ~1 % larger.  Other formats (OUT.jpg) keep Qt's default quality.
FAST_PNG_QUALITY = 80


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seminar-gui",
        description=(
            "Plan a reading group's semester and publish it as a GitHub README. "
            "Headless commands (each with --help): seminar-gui " + "|".join(COMMANDS)
        ),
    )
    parser.add_argument("file", nargs="?", type=Path, help="project file to open (.json)")
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="OUT.png",
        help=(
            "render the window offscreen at 1400x900 as it first appears (before the "
            "Problems panel's check), save it as a PNG and exit"
        ),
    )
    parser.add_argument("--version", action="version", version=f"seminar-gui {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.screenshot is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    missing = missing_x11_libraries(os.environ)
    if missing:  # Qt would abort with a long message that does not say what to install
        print(x11_libraries_message(missing), file=sys.stderr)
        return 1
    _start_quietly()
    _import_qt_free_modules()
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    _skip_source_reads()
    from seminar_gui.core import plan, render
    from seminar_gui.qt.main_window import MainWindow
    from seminar_gui.settings import (
        Settings,
        block_store_path,
        holiday_cache_path,
        load_settings,
    )

    _forget_sources()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("seminar-gui")
    app.setApplicationDisplayName("seminar-gui")
    app.setOrganizationName("seminar-gui")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("seminar-gui")  # the .desktop file in packaging/
    settings = load_settings()
    _install_translators(app, settings.language)
    # Holidays looked up once are kept (later starts need not import the package), and
    # named in the UI language (国庆节 in a Chinese UI).
    plan.use_holiday_cache(holiday_cache_path())
    plan.use_holiday_language(QLocale().name())
    # The preview's blocks rendered last time are shown without Python-Markdown.
    render.use_block_store(block_store_path())

    if args.screenshot is not None:  # the window as it first appears, not this user's layout
        welcomed = settings.welcomed or bool(settings.recent_files)
        # Its own settings, never written: the organizer's stay as they are.
        settings = Settings.unsaved(welcomed=welcomed, language=settings.language)
    window = MainWindow(settings)
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
        try:
            if errors:
                print(f"seminar-gui: error: {errors[0]}", file=sys.stderr)
                return 2
            return _screenshot(app, window, args.screenshot)
        finally:
            _collect_again()
    window.painted.connect(_collect_again)
    window.painted.connect(lambda: app.setWindowIcon(window_icon()))
    window.show()
    return app.exec()


#: The system libraries Qt's X11 platform plugin (Qt >= 6.5) loads, and the Debian/Ubuntu
#: package of each; a fresh desktop may lack some (libxcb-cursor0 most often).
X11_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}


def missing_x11_libraries(
    environ: Mapping[str, str], loads: Callable[[str], bool] | None = None
) -> list[str]:
    """The X11 libraries Qt's xcb plugin needs that cannot be loaded, when the window
    will use X11 (Linux, a DISPLAY, no Wayland, no other platform asked for)."""
    if not sys.platform.startswith("linux"):
        return []
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform not in ("", "xcb") or not environ.get("DISPLAY"):
        return []
    if not platform and environ.get("WAYLAND_DISPLAY"):
        return []  # Qt picks Wayland there
    loads = loads or _loads
    return [name for name in X11_LIBRARIES if not loads(name)]


def x11_libraries_message(missing: list[str]) -> str:
    """One line: what is missing and what to install."""
    packages = " ".join(X11_LIBRARIES[name] for name in missing)
    return (
        f"seminar-gui: error: the window needs {', '.join(missing)} (Qt's X11 support), "
        f"which this system lacks; install it (Debian/Ubuntu: sudo apt install {packages}) "
        "and start seminar-gui again"
    )


def _loads(name: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(name)  # Qt loads it next anyway
    except OSError:
        return False
    return True


def _start_quietly() -> None:
    """No garbage collection while the window is built: start-up creates objects that
    live as long as the window (about 100 collections, 20–25 ms, for nothing).  No
    search for pydantic plugins (seminar-gui uses none): pydantic would read the
    entry points of every installed package when it builds the first model.  The
    standard modules pydantic imports but a start never uses are imported on first use
    (:data:`LOADED_ON_FIRST_USE`)."""
    gc.disable()
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] in NO_PYDANTIC_PLUGINS:
        sys.modules.setdefault(PYDANTIC_PLUGIN_LOADER, NoPluginLoader(PYDANTIC_PLUGIN_LOADER))
    for name in LOADED_ON_FIRST_USE:
        sys.modules.setdefault(name, ModuleOnFirstUse(name))


#: pydantic's plugin loader, and the values of PYDANTIC_DISABLE_PLUGINS for which its
#: ``get_plugins()`` returns no plugins without looking.
PYDANTIC_PLUGIN_LOADER = "pydantic.plugin._loader"
NO_PYDANTIC_PLUGINS = ("__all__", "1", "true")


class ModuleOnFirstUse(types.ModuleType):
    """A stand-in for module ``name`` in ``sys.modules``: the first attribute asked of it
    imports the real module (which replaces it there) and answers from that.  Unlike
    :class:`importlib.util.LazyLoader`'s modules, it stays unloaded when imported again
    (Python 3.11's import asks a module in ``sys.modules`` for its ``__spec__``)."""

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):  # the import system asks for __path__ at each import
            raise AttributeError(name)
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)


#: Standard modules that pydantic imports when it is imported but uses only in code a
#: start never runs (tests/test_app_start.py checks): ``secrets``, for its Secret types'
#: comparison, imports ``hmac`` and with it ``hashlib``, which loads OpenSSL's
#: libcrypto: ~4 ms of every start.
LOADED_ON_FIRST_USE = ("secrets",)


class NoPluginLoader(ModuleOnFirstUse):
    """pydantic's plugin loader when plugins are off.  The real module imports
    ``importlib.metadata`` (and with it email, zipfile, csv, socket: ~1.3 MiB and a few
    ms of each start) only to be asked ``get_plugins()``, whose answer is then "none";
    this one answers that, and anything else it is asked loads the real module.
    tests/test_app_start.py checks both answers against pydantic's."""

    @staticmethod
    def get_plugins() -> tuple[()]:
        return ()


def _import_qt_free_modules() -> None:
    """Every Qt-free module the window needs at start (the models, the exporter,
    storage, checks, settings), before PySide6 is imported: should a PySide6 come
    without the function :func:`_skip_source_reads` replaces, its import hook still
    reads the source of every module imported after PySide6, and these are spared."""
    import seminar_gui.core.checks
    import seminar_gui.core.demo
    import seminar_gui.core.edits
    import seminar_gui.core.lookup
    import seminar_gui.core.people
    import seminar_gui.core.plan
    import seminar_gui.core.render
    import seminar_gui.core.site_access
    import seminar_gui.core.slides
    import seminar_gui.core.storage
    import seminar_gui.core.venues
    import seminar_gui.settings
    import seminar_gui.translations  # noqa: F401


def _skip_source_reads() -> None:
    """PySide6's import hook reads the whole source of each module imported after
    PySide6 (``inspect.getsource``) only to see whether it mentions "PySide6" and so may
    use PySide6's ``__feature__`` switches (snake_case, true_property): ~10 ms and a few
    MiB for our Qt modules at each start.  seminar-gui switches no feature on, and "uses
    PySide6" selects the default feature set, which is what every module gets anyway, so
    the answer is given without reading.  A PySide6 without this (private) function is
    left as it is; tests/test_app_start.py checks that the hook no longer reads."""
    try:
        from shibokensupport import feature  # type: ignore[import-not-found]
    except ImportError:
        return
    if callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _uses_pyside


def _uses_pyside(module: object) -> bool:
    return True


def _forget_sources() -> None:
    """PySide6's import hook read the source of every module imported after it (with
    ``inspect.getsource``), and ``linecache`` keeps all those lines: about 4 MiB that
    nothing needs (a traceback reads its lines again)."""
    linecache.clearcache()


def _collect_again() -> None:
    """The window is on screen: what start-up made is kept out of later collections
    (``gc.freeze``), and the collector runs again."""
    _forget_sources()  # modules imported while the window was built
    gc.freeze()
    gc.enable()


def _screenshot(app, window, out: Path) -> int:
    """The window's first frame, as a start on a screen paints it: calendar, editor and
    preview of the semester on show.  The Problems panel is empty in it, as on a screen
    until the window has been idle for 50 ms (its check waits for that, and for the
    first paint); the picture is not held back for it."""
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    window.preview.render_now()
    app.processEvents()  # the window is painted, as on a screen
    # The pixels just painted (window.grab() would paint the whole window once more);
    # a platform that cannot read its screen back gets the window painted again.
    image = window.screen().grabWindow(window.winId())
    if image.isNull() or image.size() != window.size() * image.devicePixelRatio():
        image = window.grab()
    saved = image.save(str(out), None, FAST_PNG_QUALITY if out.suffix.lower() == ".png" else -1)
    del image  # 5 MiB that a window on screen does not hold
    if not saved:
        print(f"seminar-gui: error: cannot write {out}", file=sys.stderr)
        return 2
    app.setWindowIcon(window_icon())  # as after the first paint: its memory counts
    window.files.shutdown()
    window.preview.renderer.keep()
    window.document.undo_stack.setClean()
    return 0


def window_icon():
    """The app icon (resources/seminar-gui.svg), set once the window is painted: the
    SVG support it loads costs 3 ms and 2 MiB that the first paint does not need (the
    desktop file names the same icon for the launcher and task bar)."""
    from PySide6.QtGui import QIcon

    from seminar_gui import resources

    return QIcon(str(resources.path("seminar-gui.svg")))


def _install_translators(app, setting: str) -> None:
    """The UI language (``setting`` or the system's): its locale for dates and numbers,
    Qt's own translations and ours.  Nothing to load for English, which both are
    written in."""
    from PySide6.QtCore import QLocale

    from seminar_gui.translations import TRANSLATED, chosen_language, language_for_locale, qm_path

    system = QLocale.system()
    asked = system.uiLanguages()  # LANGUAGE, then LC_ALL, LC_MESSAGES, LANG on Linux
    language = chosen_language(setting, language_for_locale(asked[0] if asked else ""))
    if language != language_for_locale(system.name()):  # dates follow the UI language
        QLocale.setDefault(QLocale("en_US" if language == "en" else language))
    if language not in TRANSLATED:
        return
    from PySide6.QtCore import QLibraryInfo, QTranslator  # made only when there is one

    qt_base = QTranslator(app)
    if qt_base.load(
        QLocale(language),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        app.installTranslator(qt_base)
    ours = QTranslator(app)
    if ours.load(str(qm_path(language))):
        app.installTranslator(ours)
