"""Start-up: a missing X11 library is named in one line (on a fresh Linux desktop);
what start-up skips (issue 9) changes nothing the organizer sees."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from seminar_gui import app


def fake_loader(missing: set[str]):
    return lambda name: name not in missing


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 on Linux only")
def test_missing_x11_libraries_are_found_only_where_x11_is_used() -> None:
    loads = fake_loader({"libxcb-cursor.so.0"})
    assert app.missing_x11_libraries({"DISPLAY": ":0"}, loads) == ["libxcb-cursor.so.0"]
    x11 = {"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}
    assert app.missing_x11_libraries(x11, loads) == ["libxcb-cursor.so.0"]  # asked for X11
    for environ in (
        {"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"},
        {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"},  # Qt picks Wayland
        {},  # no display at all: Qt says so itself
    ):
        assert app.missing_x11_libraries(environ, loads) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 on Linux only")
def test_the_window_names_the_package_to_install_instead_of_aborting(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(app, "_loads", fake_loader({"libxcb-cursor.so.0"}))
    assert app.main([]) == 1  # before Qt is touched: no abort, no window
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "libxcb-cursor.so.0" in err and "sudo apt install libxcb-cursor0" in err


def _start(out: Path, state: Path, report: str = "sorted(sys.modules)") -> list[str]:
    """``seminar-gui --screenshot OUT`` of the demo in a fresh process; what ``report``
    names when the picture was written (the modules imported)."""
    program = (
        "import sys\n"
        "from seminar_gui import app\n"
        f"code = app.main(['--screenshot', {str(out)!r}])\n"
        f"print('\\n'.join({report}))\n"
        "sys.exit(code)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SEMINAR_GUI_STATE_DIR": str(state)}
    done = subprocess.run(
        [sys.executable, "-c", program], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_a_second_start_shows_the_same_window_without_python_markdown(tmp_path: Path) -> None:
    """The preview's blocks are kept when the window closes (here: after the picture),
    and the next start shows them without importing Python-Markdown: the same pixels."""
    state = tmp_path / "state"
    first = _start(tmp_path / "first.png", state)
    assert "markdown" in first and (state / "preview-blocks.json").is_file()
    second = _start(tmp_path / "second.png", state)
    assert "markdown" not in second and "seminar_gui.core.gfm" not in second
    assert "nh3" not in second  # the sanitizer: blocks are stored sanitized
    assert "seminar_gui.core.sanitize" not in second and "html" not in second
    assert "importlib.metadata" not in second  # pydantic's plugin loader: NoPluginLoader
    # OpenSSL's libcrypto, which hashlib loads, is not needed to show the window: the
    # block store's digests are hashlib's own BLAKE2, pydantic's `secrets` a stand-in.
    assert {"hashlib", "_hashlib", "hmac"}.isdisjoint(second)
    assert (tmp_path / "first.png").read_bytes() == (tmp_path / "second.png").read_bytes()


def test_the_start_makes_no_qt_dialog_classes(tmp_path: Path) -> None:
    """PySide6 makes a Qt class, with all its enums, when Python first uses it: the
    dialogs are imported by what opens them, no widget Qt made is handed to Python as a
    plain QWidget (PySide6 would make every QWidget class to find its type), and the
    preview's patch classes wait until the window is painted."""
    made = _start(
        tmp_path / "shot.png",
        tmp_path / "state",
        "sorted(k for m in ('QtWidgets', 'QtGui') "
        "for k, v in vars(sys.modules['PySide6.' + m]).items() if isinstance(v, type))",
    )
    assert {"QMainWindow", "QTableView", "QTextBrowser", "QLineEdit"} <= set(made)
    dialogs = {"QDialog", "QMessageBox", "QFileDialog", "QDialogButtonBox", "QProgressDialog"}
    assert dialogs.isdisjoint(made)
    assert {"QMdiArea", "QGraphicsView", "QWizard", "QColorDialog"}.isdisjoint(made)
    # The preview's patch classes are made once the window is painted.
    assert {"QTextCursor", "QTextBlockFormat", "QTextCharFormat"}.isdisjoint(made)


def _run_window_program(
    program: str, tmp_path: Path, *argv: str
) -> subprocess.CompletedProcess[str]:
    """``python -c program argv...`` offscreen, its settings and state in ``tmp_path``;
    it must succeed."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "SEMINAR_GUI_STATE_DIR": str(tmp_path / "state"),
        "SEMINAR_GUI_CONFIG_DIR": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-c", program, *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done


def test_the_screenshot_is_the_first_frame_not_held_back_for_the_problems_check(
    tmp_path: Path,
) -> None:
    """``--screenshot`` saves the window as a start on a screen first paints it: the
    calendar, editor and preview of the semester on show.  The Problems panel checks
    once the window has been idle for 50 ms, after that first frame, so the picture
    (and the start-up benchmark, which times it) does not wait for the check."""
    out = tmp_path / "shot.png"
    program = (
        "import sys\n"
        "from pathlib import Path\n"
        "from seminar_gui import app\n"
        "from seminar_gui.qt.problems.panel import ProblemsList\n"
        "checked, refresh = [], ProblemsList.refresh\n"
        "def spy(self):\n"
        f"    checked.append(Path({str(out)!r}).exists())\n"
        "    refresh(self)\n"
        "ProblemsList.refresh = spy\n"
        f"code = app.main(['--screenshot', {str(out)!r}])\n"
        "print(len(checked), sys.modules['PySide6.QtWidgets'].__dict__.get('QStyle'))\n"
        "sys.exit(code)\n"
    )
    done = _run_window_program(program, tmp_path)
    assert out.stat().st_size > 10_000
    # No check before the picture was written; and none of what the check's rows need
    # (QStyle: their severity icons) was made for it.
    assert done.stdout.split() == ["0", "None"]


def venues_against_urls(path: Path) -> Path:
    """The demo with every paper's venue tag contradicting its URL: each topic with a
    paper has its Venue field marked (a warning) as the window opens."""
    from seminar_gui.core import storage
    from seminar_gui.core.demo import load_demo
    from seminar_gui.core.model import Document

    data = load_demo().model_dump()
    for semester in data["semesters"]:
        for session in semester["sessions"]:
            for topic in session["topics"]:
                if topic["paper"]["title"]:
                    topic["paper"].update(url="https://arxiv.org/abs/2501.00001", venue="OSDI '25")
    storage.save_project(Document.model_validate(data), path)
    return path


@pytest.mark.parametrize("project", ["demo", "venue warnings"])
def test_the_first_paint_makes_no_classes_that_only_later_work_needs(
    tmp_path: Path, project: str
) -> None:
    """The window as an organizer starts it (not a screenshot), until it is painted
    (the app icon is set then; the Problems panel checks 50 ms later): PySide6 has not
    made QStyle (20 enums: the problems' icons), QIcon (151 theme icons: the app icon,
    thumbnails), QGradient (169 presets: a fillRect), QImage, QThread or QUrl
    (thumbnails, the preview's images and links).  Also when the editor's fields are
    marked as the window opens (a field's look is a style sheet of its own: no QStyle
    asked to polish it again)."""
    argv = [] if project == "demo" else [str(venues_against_urls(tmp_path / "p.json"))]
    program = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication, QLineEdit\n"
        "from seminar_gui import app\n"
        "from seminar_gui.qt.calendar.delegate import CalendarDelegate\n"
        "paint, cells = CalendarDelegate.paint, []\n"
        "CalendarDelegate.paint = lambda *a: cells.append(paint(*a))\n"
        "icon = app.window_icon\n"
        "def first_icon():  # set once the window is painted\n"
        "    made = [k for m in ('QtCore', 'QtGui', 'QtWidgets')\n"
        "            for k, v in vars(sys.modules['PySide6.' + m]).items()\n"
        "            if isinstance(v, type)]\n"
        "    venue, = (w.findChild(QLineEdit, 'venueEdit')\n"
        "              for w in QApplication.topLevelWidgets() if w.objectName() == 'mainWindow')\n"
        "    print(len(cells), venue.property('validity') or '-', ' '.join(sorted(made)))\n"
        "    QApplication.quit()\n"
        "    return icon()\n"
        "app.window_icon = first_icon\n"
        "sys.exit(app.main(sys.argv[1:]))\n"
    )
    done = _run_window_program(program, tmp_path, *argv)
    cells, venue, *names = done.stdout.split()
    assert int(cells) >= 28  # the calendar's weeks were painted before the icon was set
    assert venue == ("-" if project == "demo" else "warning")
    made = set(names)
    assert {"QMainWindow", "QTableView", "QTextBrowser", "QPainter"} <= made
    later = {"QStyle", "QIcon", "QGradient", "QImage", "QThread", "QUrl", "QDesktopServices"}
    assert later.isdisjoint(made), later & made


def test_the_window_keeps_its_preview_blocks_when_it_closes(qtbot, tmp_path: Path) -> None:
    from qt_helpers import open_demo_window

    from seminar_gui.core import render

    store = tmp_path / "preview-blocks.json"
    render.use_block_store(store)
    try:
        window = open_demo_window(qtbot)
        window.preview.render_now()
        assert not store.exists()
        window.document.undo_stack.setClean()
        assert window.close()
        data = json.loads(store.read_text(encoding="utf-8"))
        assert len(data["blocks"]) == window.preview.renderer.stats.blocks_total > 5
    finally:
        render.use_block_store(None)


def test_pyside6_no_longer_reads_the_source_of_each_module_imported(tmp_path: Path) -> None:
    """PySide6's import hook read every module's whole source after PySide6 was
    imported (to look for "PySide6" in it); the window's start answers without reading."""
    import linecache

    import PySide6.QtCore  # noqa: F401  (the hook is installed with PySide6)

    def imported_was_read(name: str) -> bool:
        (tmp_path / f"{name}.py").write_text("VALUE = 1\n", encoding="utf-8")
        sys.path.insert(0, str(tmp_path))
        try:
            linecache.clearcache()
            __import__(name)  # PySide6 hooks the import statement, not importlib
            return str(tmp_path / f"{name}.py") in linecache.cache
        finally:
            sys.path.remove(str(tmp_path))
            sys.modules.pop(name, None)

    from shibokensupport import feature  # type: ignore[import-not-found]

    before = feature._mod_uses_pyside
    try:
        feature._mod_uses_pyside = before  # as PySide6 ships it: the source is read
        if not imported_was_read("seminar_probe_before"):
            pytest.skip("this PySide6 does not read the sources of imported modules")
        app._skip_source_reads()
        assert not imported_was_read("seminar_probe_after")
    finally:
        feature._mod_uses_pyside = before


def test_pydantic_is_told_there_are_no_plugins_as_its_own_loader_would(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With plugins off (as the window starts), the stand-in for pydantic's plugin
    loader answers "no plugins" as pydantic's own does (without importing
    importlib.metadata: the test above), anything else is asked of pydantic's, and a
    user's own setting is kept."""
    import pydantic.plugin._loader as real

    stand_in = app.NoPluginLoader(app.PYDANTIC_PLUGIN_LOADER)
    for value in app.NO_PYDANTIC_PLUGINS:
        monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", value)
        assert list(real.get_plugins()) == list(stand_in.get_plugins()) == []
    assert stand_in.PYDANTIC_ENTRY_POINT_GROUP == real.PYDANTIC_ENTRY_POINT_GROUP
    with pytest.raises(AttributeError):
        stand_in.__path__  # noqa: B018  (a module, not a package, for the import system)

    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "logfire")  # only that one is off
    monkeypatch.delitem(sys.modules, app.PYDANTIC_PLUGIN_LOADER)
    try:
        app._start_quietly()
    finally:
        import gc

        gc.enable()
    assert app.PYDANTIC_PLUGIN_LOADER not in sys.modules


def test_a_module_imported_on_first_use_answers_as_the_real_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pydantic imports `secrets` at its own import (its Secret types compare with
    it); the start gives it a stand-in that imports the real module when first asked,
    stays unloaded when imported again, and then answers as the real module does."""
    monkeypatch.delitem(sys.modules, "secrets", raising=False)
    monkeypatch.delitem(sys.modules, "hmac", raising=False)
    stand_in = app.ModuleOnFirstUse("secrets")
    monkeypatch.setitem(sys.modules, "secrets", stand_in)
    import secrets  # what pydantic.types does

    assert secrets is stand_in and "hmac" not in sys.modules  # imported, not yet loaded
    assert secrets.compare_digest("a", "a") and not secrets.compare_digest("a", "b")
    real = sys.modules["secrets"]
    assert real is not stand_in and "hmac" in sys.modules  # loaded on first use
    assert secrets.token_hex is real.token_hex
    from pydantic import SecretStr

    assert SecretStr("x") == SecretStr("x") and SecretStr("x") != SecretStr("y")


def test_painted_comes_once_after_the_first_paint_or_a_second_after_show(qtbot) -> None:
    """What waits for the first paint (the app icon, the collector) is never left
    waiting: a window the platform paints without telling it still gets ``painted``."""
    from seminar_gui.qt.main_window import PAINTED_AT_THE_LATEST_MS, MainWindow

    shown = MainWindow()
    qtbot.addWidget(shown)
    emitted: list[bool] = []
    shown.painted.connect(lambda: emitted.append(True))
    with qtbot.waitSignal(shown.painted, timeout=PAINTED_AT_THE_LATEST_MS // 2):
        shown.show()  # painted: well before the fallback
    shown.update()
    qtbot.wait(50)
    assert emitted == [True]  # once, not at each paint

    unseen = MainWindow()
    qtbot.addWidget(unseen)
    unseen.paintEvent = lambda _event: None  # type: ignore[method-assign]  # never told
    with qtbot.waitSignal(unseen.painted, timeout=PAINTED_AT_THE_LATEST_MS * 3) as late:
        started = time.monotonic()
        unseen.show()
    assert late.signal_triggered and time.monotonic() - started >= 0.9 * (
        PAINTED_AT_THE_LATEST_MS / 1000
    )


def test_list_fields_start_empty_and_unshared_without_a_builtin_factory() -> None:
    """Every model's list field starts as a list of its own, made by a Python function:
    pydantic reads a default factory's signature when it builds the model, and for a
    builtin like ``list`` that parses its text signature (``tokenize``, ~3.5 ms of each
    start for the nine list fields)."""
    from pydantic import BaseModel

    from seminar_gui.core import model
    from seminar_gui.settings import Settings

    classes = [c for c in vars(model).values() if isinstance(c, type)]
    classes = [c for c in classes if issubclass(c, BaseModel) and c is not BaseModel]
    factories = {
        f"{cls.__name__}.{name}": field.default_factory
        for cls in [*classes, Settings]
        for name, field in cls.model_fields.items()
        if field.default_factory is not None
    }
    assert "Session.topics" in factories and "Settings.recent_files" in factories
    builtins = {name for name, factory in factories.items() if factory in (list, tuple, set)}
    assert not builtins, f"a builtin type as default factory: {sorted(builtins)}"
    assert model.Session(date="2025-09-02").topics == []
    assert model.Topic().presenters is not model.Topic().presenters
