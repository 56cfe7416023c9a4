"""The Help menu: keyboard shortcuts, the README format, About seminar-gui, About Qt."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QTableWidget, QTextBrowser

from seminar_gui import __version__
from seminar_gui.qt.help import dialogs
from seminar_gui.qt.main_window import MainWindow


def test_the_help_menu_has_its_pages(window: MainWindow) -> None:
    menu = window.menuBar().findChild(object, "menuHelp")
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert names == ["actionShortcuts", "actionReadmeFormat", "actionAbout", "actionAboutQt"]


def test_the_shortcuts_page_lists_the_windows_own_keys(window: MainWindow) -> None:
    dialog = dialogs.shortcuts_dialog(window.menu_actions(), window)
    table = dialog.findChild(QTableWidget, "shortcutsTable")
    rows = {table.item(r, 1).text(): table.item(r, 0).text() for r in range(table.rowCount())}
    assert "Ctrl+Shift+Z" in rows["Redo"] and rows["Undo"].startswith("Ctrl+Z")
    assert rows["Save"] == "Ctrl+S" and rows["Import README…"] == "Ctrl+I"
    assert "Calendar: move the session a week earlier / later" in rows  # the view's keys
    # Every menu action with a key is listed: the page cannot drift from the keys.
    with_keys = [a for a in window.menu_actions() if a.shortcuts()]
    assert len(with_keys) >= 10
    assert len(rows) == len(with_keys) + len(dialogs.calendar_keys())


def test_the_format_page_shows_the_readme_structure(window: MainWindow) -> None:
    dialog = dialogs.format_dialog(window)
    text = dialog.findChild(QTextBrowser, "formatPage").toPlainText()
    assert "# 2025 Fall" in text and "### December 2" in text and "## Schedule" in text
    assert "kept where it stood" in text


def test_about_names_version_licence_and_data_folders(window: MainWindow) -> None:
    dialog = dialogs.about_dialog(window)
    text = dialog.findChild(QLabel, "aboutText").text()
    assert f"seminar-gui {__version__}" in text and "Licence: MIT" in text
    assert str(dialogs.config_dir()) in text and str(dialogs.state_dir()) in text


@pytest.mark.parametrize(
    ("action", "name"),
    [
        ("act_shortcuts", "shortcutsDialog"),
        ("act_format", "formatDialog"),
        ("act_about", "aboutDialog"),
    ],
)
def test_each_help_action_opens_its_page(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, action: str, name: str
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QDialog, "exec", lambda self: shown.append(self.objectName()) or 0)
    getattr(window, action).trigger()
    assert shown == [name]
