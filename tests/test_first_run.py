"""The first start: the demo is an example, never the organizer's project."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QPushButton
from qt_helpers import ScriptedAsker, discard_on_close

from seminar_gui.core.model import Semester
from seminar_gui.qt.main_window import MainWindow
from seminar_gui.qt.welcome.banner import DemoBanner
from seminar_gui.settings import Settings, load_settings

FIXTURES = Path(__file__).parent / "fixtures"


def _start(qtbot, settings: Settings | None = None, **answers: object):
    win = MainWindow(settings or load_settings())
    qtbot.addWidget(win, before_close_func=discard_on_close)
    asker = ScriptedAsker(**answers)
    win.asker = asker  # type: ignore[assignment]
    win.files.asker = asker  # type: ignore[assignment]
    win.open_initial(None, recover=False)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win, asker


def _banner(win: MainWindow) -> DemoBanner:
    banner = win.findChild(DemoBanner, "demoBanner")
    assert banner is not None
    return banner


def _button(win: MainWindow, name: str) -> QPushButton:
    button = win.findChild(QPushButton, name)
    assert button is not None
    return button


def _semester(title: str = "2026 Spring") -> Semester:
    return Semester(
        title=title,
        first_date=dt.date(2026, 3, 3),
        last_date=dt.date(2026, 6, 23),
        meeting_weekday=1,
    )


def test_the_first_start_welcomes_and_offers_three_ways_in(qtbot) -> None:
    win, _asker = _start(qtbot)
    banner = _banner(win)
    assert win.files.is_demo and win.document.path is None
    assert banner.isVisible() and banner.welcoming
    assert "Welcome" in banner.title.text()
    for name in ("demoImportButton", "demoNewProjectButton", "demoExploreButton"):
        assert _button(win, name).isVisible()
    assert win.windowTitle().startswith("Demo semester")


def test_the_banner_stands_out_from_the_window_as_a_rounded_panel(qtbot) -> None:
    win, _asker = _start(qtbot)
    banner = _banner(win)
    picture = banner.grab().toImage()
    panel = banner.palette().color(QPalette.ColorRole.AlternateBase)
    window = win.palette().color(QPalette.ColorRole.Window)
    assert panel != window
    inside = picture.pixelColor(picture.width() // 2, picture.height() - 3)
    assert inside == panel  # below the buttons, beside nothing
    corner = picture.pixelColor(0, 0)
    assert corner != panel  # rounded: the corner pixel is not the panel's colour


def test_explore_folds_the_banner_and_is_remembered(qtbot) -> None:
    win, _asker = _start(qtbot)
    qtbot.mouseClick(_button(win, "demoExploreButton"), Qt.MouseButton.LeftButton)
    banner = _banner(win)
    assert banner.isVisible() and not banner.welcoming  # still says it is the demo
    assert "example" in banner.text.text()
    assert not _button(win, "demoExploreButton").isVisible()
    assert load_settings().welcomed
    win.close()

    again, _ = _start(qtbot)  # the next start with no project: the demo, no welcome
    assert _banner(again).isVisible() and not _banner(again).welcoming


def test_save_on_the_demo_asks_for_a_new_file(qtbot, tmp_path: Path) -> None:
    target = tmp_path / "ours.seminar.json"
    win, asker = _start(qtbot, save_path=target)
    win.act_save.trigger()
    assert asker.count("save_path") == 1
    assert target.is_file() and win.document.path == target.resolve()
    assert not win.files.is_demo and not _banner(win).isVisible()


def test_new_project_from_the_banner_starts_with_its_own_semester(qtbot) -> None:
    semester = _semester()
    win, asker = _start(qtbot, new_semester=semester)
    qtbot.mouseClick(_button(win, "demoNewProjectButton"), Qt.MouseButton.LeftButton)
    assert asker.count("new_semester") == 1
    assert [s.title for s in win.document.doc.semesters] == ["2026 Spring"]
    assert win.document.path is None and not win.files.is_demo
    assert not _banner(win).isVisible()
    assert win.selection.semester_id == semester.id
    assert load_settings().welcomed


def test_new_project_cancelled_leaves_the_demo(qtbot) -> None:
    win, asker = _start(qtbot, new_semester=None)
    before = win.document.doc
    qtbot.mouseClick(_button(win, "demoNewProjectButton"), Qt.MouseButton.LeftButton)
    assert asker.count("new_semester") == 1
    assert win.document.doc is before and win.files.is_demo and _banner(win).isVisible()


def test_new_semester_on_the_demo_keeps_the_example_out_of_the_project(
    qtbot, tmp_path: Path
) -> None:
    """The organizer explores the demo, then adds their semester and saves: the saved
    project holds their semester only, not the demo's example."""
    target = tmp_path / "group.seminar.json"
    win, _asker = _start(qtbot, new_semester=_semester(), save_path=target)
    demo_titles = {s.title for s in win.document.doc.semesters}
    win.act_new_semester.trigger()
    assert "new project" in win.statusBar().currentMessage()
    win.act_save.trigger()
    saved = json.loads(target.read_text(encoding="utf-8"))
    titles = [s["title"] for s in saved["semesters"]]
    assert titles == ["2026 Spring"] and not demo_titles & set(titles)


def test_import_from_the_banner_proposes_to_save_next_to_the_readme(qtbot, tmp_path: Path) -> None:
    checkout = tmp_path / "reading-group"
    checkout.mkdir()
    readme = checkout / "README.md"
    readme.write_bytes((FIXTURES / "2025-fall-README.md").read_bytes())
    win, asker = _start(qtbot, readme_to_import=readme, save_path=None)
    qtbot.mouseClick(_button(win, "demoImportButton"), Qt.MouseButton.LeftButton)
    assert not win.files.is_demo and not _banner(win).isVisible()
    assert win.document.doc.semesters and win.document.is_modified
    win.act_save.trigger()  # asks where, starting next to the README
    assert asker.args[asker.asked.index("save_path")] == (
        checkout.resolve() / "reading-group.seminar.json",
    )


@pytest.mark.parametrize("recent", [True, False])
def test_only_a_first_start_welcomes(qtbot, tmp_path: Path, recent: bool) -> None:
    settings = Settings(recent_files=[str(tmp_path / "gone.json")] if recent else [])
    settings.welcomed = not recent  # either answered the welcome or used a project
    win, _asker = _start(qtbot, settings)
    assert win.files.is_demo and _banner(win).isVisible() and not _banner(win).welcoming


def test_a_project_given_on_the_command_line_shows_no_banner(qtbot, tmp_path: Path) -> None:
    project = tmp_path / "p.seminar.json"
    project.write_text((FIXTURES.parent.parent / "resources" / "demo.json").read_text())
    win = MainWindow(load_settings())
    qtbot.addWidget(win, before_close_func=discard_on_close)
    win.open_initial(project, recover=False)
    win.show()
    qtbot.waitExposed(win)
    assert not win.files.is_demo and not _banner(win).isVisible()
