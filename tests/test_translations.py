"""The Chinese UI: every text a person reads is translated, and stays so.

* the .ts file holds every text of the sources (a new ``self.tr`` fails here until
  ``python packaging/update_translations.py`` and a translation are done), each
  finished, with the same placeholders; the .qm is compiled from it;
* the Qt layer passes no literal text to a widget without ``tr`` (AST check);
* the window and its dialogs built under zh_CN show Chinese everywhere a text is not
  the organizer's own data; dates read 11月25日 周二.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "seminar_gui_zh_CN.ts"
QM = TS.with_suffix(".qm")
CJK = re.compile(r"[\u3400-\u9fff]")
PLACEHOLDER = re.compile(r"\{(\w*)\}")
WORDS = re.compile(r"[A-Za-z]{3,}")


def _messages() -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def _tool(name: str) -> str:
    tool = Path(sys.executable).parent / name
    if not tool.exists():
        pytest.skip(f"{name} is not installed next to this Python")
    return str(tool)


# ------------------------------------------------------------------ the files
def test_the_ts_file_holds_every_text_of_the_sources() -> None:
    _tool("pyside6-lupdate")
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # lupdate turns the developers' ``#:`` comments before a text into notes for the
    # translator (a signal's arguments beside "No preview: ..."): none reach them.
    assert "<extracomment>" not in (ROOT / "resources" / "seminar_gui_zh_CN.ts").read_text("utf-8")


def test_every_text_is_translated_with_its_placeholders() -> None:
    unfinished, wrong = [], []
    for context, message in _messages():
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        text = translation.text or ""
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text:
            unfinished.append(f"{context}: {source}")
            continue
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            wrong.append(f"{context}: {source!r} → {text!r}")
        if source.endswith("…") and not text.endswith("…"):
            wrong.append(f"{context}: {source!r} → {text!r} (lost the …)")
        if re.search(r"&[^&\s]", source) and not re.search(r"&[^&\s]", text):
            wrong.append(f"{context}: {source!r} → {text!r} (lost the accelerator)")
    assert not unfinished, f"{len(unfinished)} untranslated: {unfinished[:10]}"
    assert not wrong, wrong


def test_the_qm_file_is_compiled_from_the_ts_file(tmp_path: Path) -> None:
    out = tmp_path / "x.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == QM.read_bytes(), "run python packaging/update_translations.py"


# --------------------------------------------------- no text escapes translation
#: Calls whose text arguments a person reads.
_SHOWN = {
    *[
        "setText",
        "setWindowTitle",
        "setToolTip",
        "setStatusTip",
        "setPlaceholderText",
        "setWhatsThis",
    ],
    *["addMenu", "addAction", "setTitle", "showMessage", "setLabelText", "setInformativeText"],
    *["setDetailedText", "setAccessibleName", "setAccessibleDescription", "setHeaderLabels"],
    *[
        "addTab",
        "setTabText",
        "addItem",
        "addItems",
        "setSuffix",
        "setPrefix",
        "setSpecialValueText",
    ],
    *["addRow", "addButton", "setButtonText", "setItemText", "setHtml", "setPlainText"],
    *["QLabel", "QPushButton", "QAction", "QCheckBox", "QRadioButton", "QGroupBox", "QMenu"],
    *[
        "QToolButton",
        "QDockWidget",
        "QMessageBox",
        "information",
        "warning",
        "critical",
        "question",
    ],
    *["getOpenFileName", "getSaveFileName", "getExistingDirectory"],
}
#: Literal texts that need no translation: the program's name, example addresses.
_UNTRANSLATED = re.compile(r"^[^A-Za-z]*(seminar-gui)?[^A-Za-z]*$|^\S*://\S*$|^\./\S*$")


def _literal_text(node: ast.AST) -> str | None:
    """The English in ``node`` when it is (or is built from) a string literal."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):
        return (_literal_text(node.left) or "") + (_literal_text(node.right) or "") or None
    if isinstance(node, ast.IfExp):
        return (_literal_text(node.body) or "") + (_literal_text(node.orelse) or "") or None
    return None


def test_the_qt_layer_passes_no_literal_text_to_a_widget() -> None:
    found = []
    for path in sorted((ROOT / "seminar_gui" / "qt").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in _SHOWN:
                continue
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                text = _literal_text(arg)
                if text and not _UNTRANSLATED.match(text):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text!r}")
    assert not found, "wrap these in self.tr()/translate():\n" + "\n".join(found)


def test_lupdate_contexts_are_the_ones_looked_up() -> None:
    """``tr = self.tr; tr("…")`` or ``self.parent.tr("…")`` file a text under a
    context ("" or "self.parent") that is never looked up at run time."""
    contexts = {context for context, _ in _messages()}
    bad = {c for c in contexts if not c or "." in c or c == "self"}
    assert not bad


# ------------------------------------------------------ the window in Chinese
@pytest.fixture
def chinese(qapp):
    """The UI language zh_CN, as app.py installs it for a Chinese system."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from seminar_gui.translations import qm_path

    before = QLocale()
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    QLocale.setDefault(chinese)
    qt_base, ours = QTranslator(), QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert qt_base.load(chinese, "qtbase", "_", folder)  # "Cancel", "OK", …
    assert ours.load(str(qm_path("zh_CN")))
    for translator in (qt_base, ours):
        qapp.installTranslator(translator)
    yield
    for translator in (qt_base, ours):
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


def _data_texts(window) -> str:
    """Everything the organizer typed (titles, names, notes): shown as it is."""
    return window.document.doc.model_dump_json()


def _untranslated(widget, data: str) -> list[str]:
    """Texts shown by ``widget`` and its children that are English and not data."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QAbstractButton,
        QDockWidget,
        QGroupBox,
        QLabel,
        QLineEdit,
        QMenu,
        QTableView,
        QTreeView,
        QWidget,
    )

    texts: list[tuple[str, str]] = []
    for child in [widget, *widget.findChildren(QWidget)]:
        name = child.objectName() or type(child).__name__
        if isinstance(child, QAbstractButton):
            texts.append((name, child.text()))
        if isinstance(child, QLabel) and child.isVisibleTo(widget):
            texts.append((name, child.text()))
        if isinstance(child, QLineEdit):
            texts.append((name + " placeholder", child.placeholderText()))
        if isinstance(child, QGroupBox | QMenu):
            texts.append((name, child.title()))
        if isinstance(child, QDockWidget):
            texts.append((name, child.windowTitle()))
        if isinstance(child, QTableView | QTreeView) and child.model() is not None:
            header = child.horizontalHeader() if isinstance(child, QTableView) else child.header()
            if not header.isHidden():
                for column in range(header.count()):
                    title = child.model().headerData(column, _h())
                    texts.append((name + " header", str(title or "")))
        texts.append((name + " tooltip", child.toolTip()))
        texts.append((name + " accessible", child.accessibleName()))
    for action in widget.findChildren(QAction):
        if action.objectName().startswith("actionLanguage") or action.parent() is None:
            continue
        texts.append((action.objectName(), action.text()))
        texts.append((action.objectName() + " tip", action.toolTip()))
    bad = []
    for where, text in texts:
        plain = re.sub(r"<[^>]+>|&\w+;", " ", text)
        english = [w for w in WORDS.findall(plain) if w not in _KEPT]
        path_or_address = re.fullmatch(r"\S*[/.]\S*", plain.strip())  # ./slides/x.pdf
        if english and not CJK.search(plain) and plain.strip() not in data and not path_or_address:
            bad.append(f"{where}: {text!r}")
    return bad


def _h():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


#: Words that stay English in the Chinese UI (names, formats, keys).
_KEPT = {
    *[
        "README",
        "PDF",
        "URL",
        "arXiv",
        "SOSP",
        "OSDI",
        "GitHub",
        "Git",
        "Markdown",
        "JSON",
        "Ctrl",
        "Shift",
        "Alt",
        "Del",
    ],
    *[
        "seminar",
        "gui",
        "https",
        "http",
        "slides",
        "pdf",
        "pptx",
        "Enter",
        "Delete",
        "Backspace",
        "Esc",
        "Tab",
        "Home",
    ],
}


def test_the_window_speaks_chinese(qtbot, chinese) -> None:
    from qt_helpers import open_demo_window

    window = open_demo_window(qtbot)
    bad = _untranslated(window, _data_texts(window))
    assert not bad, "\n".join(bad)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[0].startswith("文件") and titles[-1].startswith("帮助")


def test_the_check_sees_an_english_window(qtbot) -> None:
    """The check above is not blind: the same window in English fails it broadly."""
    from qt_helpers import open_demo_window

    window = open_demo_window(qtbot)
    bad = _untranslated(window, _data_texts(window))
    assert len(bad) > 50
    assert any(line.startswith("actionSave:") for line in bad)
    assert any("demoBannerText" in line for line in bad)


def test_the_dialogs_speak_chinese(qtbot, chinese, tmp_path: Path) -> None:
    from qt_helpers import open_demo_window

    from seminar_gui.qt.files.export_dialog import ExportDiffDialog
    from seminar_gui.qt.help.dialogs import about_dialog, format_dialog, shortcuts_dialog
    from seminar_gui.qt.project_settings.dialog import ProjectSettingsDialog
    from seminar_gui.qt.semesters.new_semester_dialog import NewSemesterDialog

    window = open_demo_window(qtbot)
    data = _data_texts(window)
    dialogs = [
        NewSemesterDialog([], window),
        ProjectSettingsDialog(window.document, window),
        ExportDiffDialog(tmp_path / "README.md", "--- a\n+++ b\n", window),
        shortcuts_dialog(window.menu_actions(), window),
        format_dialog(window),
        about_dialog(window),
    ]
    for dialog in dialogs:
        bad = _untranslated(dialog, data)
        assert not bad, f"{dialog.objectName()}:\n" + "\n".join(bad)
        assert CJK.search(dialog.windowTitle()), dialog.windowTitle()
    page = dialogs[4].findChild(object, "formatPage")
    assert CJK.search(page.toPlainText())  # the README format guide, in Chinese


def test_dates_follow_the_ui_locale(chinese) -> None:
    from seminar_gui.qt.common.dates import full_day, long_day, month_day

    day = dt.date(2025, 11, 25)
    assert month_day(day) == "11月25日"
    assert long_day(day) == "11月25日 周二"
    assert full_day(day).startswith("11月25日")


def test_date_editors_follow_the_ui_locale(qtbot, chinese) -> None:
    from PySide6.QtWidgets import QDateEdit

    from seminar_gui.qt.common.dates import date_edit_format, qdate

    edit = QDateEdit(qdate(dt.date(2025, 10, 1)))
    qtbot.addWidget(edit)
    edit.setDisplayFormat(date_edit_format())
    assert edit.text() == "2025年10月1日 周三"


def test_problems_are_shown_in_chinese(qtbot, chinese) -> None:
    from PySide6.QtWidgets import QListWidget
    from qt_helpers import open_demo_window

    window = open_demo_window(qtbot)
    panel = window.problems
    qtbot.waitUntil(lambda: panel.count() > 0 if hasattr(panel, "count") else True)
    lists = [panel, *panel.findChildren(QListWidget)]
    texts = [
        w.item(i).text() for w in lists if isinstance(w, QListWidget) for i in range(w.count())
    ]
    assert texts and all(CJK.search(t) for t in texts), texts[:5]


_START = """
import json, sys
from PySide6.QtWidgets import QApplication
from seminar_gui import app as start
from seminar_gui.qt.common.dates import long_day
from seminar_gui.qt.main_window import MainWindow
from seminar_gui.settings import load_settings
import datetime as dt
qapp = QApplication([])
settings = load_settings()
start._install_translators(qapp, settings.language)
window = MainWindow(settings)
print(json.dumps([[a.text() for a in window.menuBar().actions()],
                  long_day(dt.date(2025, 11, 25))], ensure_ascii=False))
"""


@pytest.mark.parametrize(
    ("lang", "setting", "menus", "day"),
    [
        ("zh_CN.UTF-8", "", "文件", "11月25日 周二"),
        ("zh_CN.UTF-8", "en", "&File", "Tue Nov 25"),
        ("en_US.UTF-8", "zh_CN", "文件", "11月25日 周二"),
        ("C.UTF-8", "", "&File", "Tue Nov 25"),
    ],
)
def test_the_language_follows_the_system_unless_chosen(
    tmp_path: Path, lang: str, setting: str, menus: str, day: str
) -> None:
    """As the installed program starts: LANG decides, View › Language overrides."""
    import json
    import os

    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text(json.dumps({"language": setting}))
    env = {
        **os.environ,
        "LANG": lang,
        "LC_ALL": lang,
        "LANGUAGE": "",
        "QT_QPA_PLATFORM": "offscreen",
        "SEMINAR_GUI_CONFIG_DIR": str(config),
        "SEMINAR_GUI_STATE_DIR": str(tmp_path / "state"),
    }
    result = subprocess.run(
        [sys.executable, "-c", _START], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    titles, shown_day = json.loads(result.stdout.strip().splitlines()[-1])
    assert titles[0].startswith(menus)
    assert shown_day == day


def test_a_narrow_chinese_window_shows_the_whole_week(qtbot, chinese) -> None:
    """At 1024×700 the week's seven columns fit the calendar: the style's minimum
    section width for the Chinese day names (周六, 周日) pushed Sunday out of sight."""
    from qt_helpers import open_demo_window

    window = open_demo_window(qtbot)
    view = window.calendar.view
    header = view.horizontalHeader()
    font = header.font()  # under a Chinese system locale Qt picks a larger CJK font
    font.setPointSizeF(font.pointSizeF() * 1.5)
    header.setFont(font)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    qtbot.waitUntil(lambda: header.sectionViewportPosition(6) >= 0)
    assert header.model().headerData(6, _h()) == "周日"
    right = header.sectionViewportPosition(6) + header.sectionSize(6)
    assert right <= view.viewport().width()
