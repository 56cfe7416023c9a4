"""README dates are English whatever the process locale (Qt switches it to the user's).

Once a QApplication exists, Qt has called ``setlocale(LC_ALL, "")``; when dates were
written with ``%B``, a window under ``LANG=zh_CN.UTF-8`` exported ``### 十二月 2``,
which the importer cannot read back.  :mod:`seminar_gui.core.dates` writes them now.
"""

from __future__ import annotations

import datetime as dt
import json
import locale
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from seminar_gui.cli import main as cli_main
from seminar_gui.core import dates
from seminar_gui.core.demo import DEMO_NAME, demo_text, load_demo
from seminar_gui.core.model import without_ids
from seminar_gui.core.readme.export import export_readme
from seminar_gui.core.readme.importer import import_readme
from seminar_gui.core.render import HtmlRenderer

ZH = "zh_CN.UTF-8"
MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
HEADING = re.compile(rf"^### {MONTH} \d{{1,2}}$", re.M)


def _zh_installed() -> bool:
    previous = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, ZH)
    except locale.Error:
        return False
    finally:
        locale.setlocale(locale.LC_ALL, previous)
    return True


needs_zh = pytest.mark.skipif(not _zh_installed(), reason=f"locale {ZH} is not installed")


@pytest.fixture
def chinese_locale() -> Iterator[None]:
    """The process locale switched to Chinese, as Qt does it; restored afterwards."""
    previous = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, ZH)
        assert f"{dt.date(2025, 12, 2):%B}" != "December"  # the switch took effect
        yield
    finally:
        locale.setlocale(locale.LC_ALL, previous)


def _demo_readme_in_c_locale() -> str:
    previous = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, "C")
        return export_readme(load_demo())
    finally:
        locale.setlocale(locale.LC_ALL, previous)


# ------------------------------------------------------------------ the formats
def test_formats_and_parsing() -> None:
    date = dt.date(2025, 12, 2)
    assert dates.format_heading_date(date) == "December 2"
    assert dates.format_short_date(date) == "Dec 2"
    assert dates.format_heading_date(dt.date(2026, 5, 19)) == "May 19"
    assert dates.format_short_date(dt.date(2025, 9, 30)) == "Sep 30"
    assert len(dates.MONTH_NAMES) == len(dates.MONTH_ABBREVIATIONS) == 12
    assert all(len(a) == 3 for a in dates.MONTH_ABBREVIATIONS)
    for number, (name, short) in enumerate(
        zip(dates.MONTH_NAMES, dates.MONTH_ABBREVIATIONS, strict=True), 1
    ):
        assert dates.month_number(name) == dates.month_number(short.upper()) == number
    assert dates.month_number("Sept") == 9
    assert dates.month_number("Dezember") is None
    assert dates.parse_heading_date("December 2", "2025 Fall") == date
    assert dates.parse_heading_date("Tue, Dec. 2nd, 2025", "2025 Fall") == date
    assert dates.parse_heading_date("2025-12-02", "2025 Fall") == date
    assert dates.parse_heading_date("January 13", "2025 Fall") == dt.date(2026, 1, 13)
    assert dates.parse_heading_date("十二月 2", "2025 Fall") is None
    assert dates.parse_heading_date("December 2, 2024", "2025 Fall") is None


# --------------------------------------------------------- in this process
@needs_zh
def test_export_ignores_the_process_locale(chinese_locale: None) -> None:
    expected = _demo_readme_in_c_locale()
    demo = load_demo()
    text = export_readme(demo)
    assert text.encode("utf-8") == expected.encode("utf-8")
    assert "### December 2\n" in text
    assert len(HEADING.findall(text)) == sum(len(s.sessions) for s in demo.semesters)
    result = import_readme(text)
    assert without_ids(result.document) == without_ids(demo)
    assert not any("date" in w.message for w in result.warnings)


@needs_zh
def test_preview_ignores_the_process_locale(chinese_locale: None) -> None:
    demo = load_demo()
    html = HtmlRenderer().render(demo)
    assert "December 2</h3>" in html
    assert "十二月" not in html
    headings = re.findall(r"<h3>(?:<a [^>]*></a>)?([^<]*)</h3>", html)
    assert headings and all(re.fullmatch(rf"{MONTH} \d{{1,2}}", h) for h in headings)


# ------------------------------------------------------ after a QApplication
WINDOW_EXPORT = """
import locale, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication

app = QApplication([])  # Qt calls setlocale(LC_ALL, "") here
print("LC_TIME=" + locale.setlocale(locale.LC_TIME))
from seminar_gui.core.demo import load_demo
from seminar_gui.core.readme.export import export_readme
Path(sys.argv[1]).write_bytes(export_readme(load_demo()).encode("utf-8"))
"""


@needs_zh
def test_export_after_qt_switched_the_locale_is_the_cli_export(tmp_path: Path) -> None:
    pytest.importorskip("PySide6.QtWidgets")
    base = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANG"}
    window_out, cli_out = tmp_path / "window.md", tmp_path / "cli.md"
    proc = subprocess.run(
        [sys.executable, "-c", WINDOW_EXPORT, str(window_out)],
        env={**base, "LANG": ZH, "LC_ALL": ZH, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "LC_TIME=zh_CN" in proc.stdout, proc.stdout  # Qt did switch the locale
    with resources.as_file(resources.files("seminar_gui.resources") / DEMO_NAME) as demo:
        cli = subprocess.run(
            [sys.executable, "-m", "seminar_gui", "export", str(demo), "-o", str(cli_out)],
            env={**base, "LANG": "C", "LC_ALL": "C"},
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert cli.returncode == 0, cli.stderr
    assert "### December 2\n" in cli_out.read_text(encoding="utf-8")
    assert window_out.read_bytes() == cli_out.read_bytes()


# ---------------------------------------------------------------- the window
# The window under the group's Chinese locale: the README it writes stays English and
# byte-identical to the command line's; what it shows a person follows the UI locale.
WINDOW_SCRIPT = r"""
import json, locale, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication

app = QApplication([])  # Qt calls setlocale(LC_ALL, ""): the process is Chinese from here
from seminar_gui.qt.main_window import MainWindow

out = Path(sys.argv[1])
window = MainWindow()
window.open_initial(Path(sys.argv[2]))
window.asker.confirm_export = lambda path, diff, **_: True
assert window.files.export_readme(out / "README.md")
window.preview.render_now()
calendar = window.calendar.view.model()
from PySide6.QtCore import Qt
print(json.dumps({
    "lc_time": locale.setlocale(locale.LC_TIME),
    "preview": window.preview.toPlainText(),
    "weekday": calendar.headerData(1, Qt.Orientation.Horizontal),
    "title": window.editor.title.text(),
}))
window.files.shutdown()
"""


@needs_zh
def test_window_export_under_chinese_locale_equals_the_cli(tmp_path: Path) -> None:
    project = tmp_path / "fall.json"
    project.write_text(demo_text(), encoding="utf-8")
    expected = tmp_path / "cli-README.md"
    assert cli_main(["export", str(project), "-o", str(expected)]) == 0

    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(LANG=ZH, LC_ALL=ZH, LANGUAGE="zh_CN", QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", WINDOW_SCRIPT, str(tmp_path), str(project)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    shown = json.loads(proc.stdout.strip().splitlines()[-1])
    assert shown["lc_time"].lower().startswith("zh_cn"), shown  # the switch happened

    written = (tmp_path / "README.md").read_bytes()
    assert written == expected.read_bytes()  # for GitHub: locale-independent
    assert b"### December 2\n" in written
    assert "December 2" in shown["preview"]  # the preview shows the README as written
    # For the person: the calendar's weekdays and the editor's date follow the locale.
    assert shown["weekday"] == "周二"
    assert "月" in shown["title"] and "星期" in shown["title"], shown["title"]
