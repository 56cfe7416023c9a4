"""Test configuration: headless Qt, settings and state kept out of the user's home."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point seminar-gui's config and state dirs at a temporary folder."""
    base = tmp_path_factory.mktemp("appdirs")
    monkeypatch.setenv("SEMINAR_GUI_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("SEMINAR_GUI_STATE_DIR", str(base / "state"))
    # The command line speaks the system's language: the tests read its English (a
    # test that wants Chinese sets LANGUAGE itself).
    monkeypatch.setenv("LANGUAGE", "en")
    return base


@pytest.fixture
def fixture_readme() -> str:
    return (FIXTURES / "2025-fall-README.md").read_text(encoding="utf-8")


@pytest.fixture
def canonical_readme() -> str:
    return (FIXTURES / "2025-fall-README.canonical.md").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _english_ui_locale():
    """The tests read the window's texts in English ('Move session to Dec 9'), whatever
    the machine's locale: the UI locale (QLocale) is pinned to en_US.  The process
    locale stays the machine's, so exports are still tested under it, and
    tests/test_translations.py starts the window under zh_CN.UTF-8 in a subprocess."""
    try:
        from PySide6.QtCore import QLocale
    except ImportError:  # the core tests do not need Qt
        yield
        return
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def window(qtbot):
    """The main window with the demo semester, shown at 1400×900."""
    from qt_helpers import open_demo_window

    return open_demo_window(qtbot)


@pytest.fixture
def document(qapp):
    """A ProjectDocument holding the demo semester (no window)."""
    from seminar_gui.core.demo import load_demo
    from seminar_gui.qt.document import ProjectDocument

    document = ProjectDocument(load_demo())
    yield document
    # Commands and the document refer to each other: clear them here rather than leave
    # them to the garbage collector (QUndoStack::clear() from a collection can crash).
    document.undo_stack.clear()


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog would wait for a person forever: in tests it is an error instead.

    Tests answer the window's questions by replacing its ``asker``.
    """

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError(f"unexpected modal dialog in a test: {args[:2]!r}")

    try:
        from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
    except ImportError:  # the core tests do not need Qt
        return
    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)
    for name in ("question", "information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse))
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(refuse))


# CI runs the property tests with a fixed seed so that a landing never depends on luck;
# developers' runs keep exploring new examples (and remember failures in .hypothesis/).
try:
    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
    if os.environ.get("CI"):
        _hypothesis_settings.load_profile("ci")
except ImportError:  # pragma: no cover - hypothesis is a test dependency
    pass
