"""Keystroke in the editor -> preview updated, without the 150 ms debounce.

Types into the paper-title field of the real window (QTest key events), which pushes
the edit command, updates calendar and editor, then renders the preview at once
(what the debounce timer does 150 ms later).  Prints medians for the demo and the
20-year archive.  Target on the demo: <= 16 ms.   Run:  python benchmarks/bench_preview.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_tmp = tempfile.mkdtemp()
os.environ.setdefault("SEMINAR_GUI_CONFIG_DIR", str(Path(_tmp) / "config"))
os.environ.setdefault("SEMINAR_GUI_STATE_DIR", str(Path(_tmp) / "state"))
sys.path.insert(0, str(Path(__file__).parent))

from archive import make_archive  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

from seminar_gui.core.demo import load_demo  # noqa: E402
from seminar_gui.qt.main_window import MainWindow  # noqa: E402


def measure(app: QApplication, name: str, doc, keys: int = 25) -> None:
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    window.document.reset(doc, None)
    semester = doc.semesters[0]
    window.selection.select_session(semester.sessions[len(semester.sessions) // 2].id)
    window.preview.render_now()
    app.processEvents()
    title = window.findChild(QLineEdit, "titleEdit")
    title.setFocus()
    title.end(False)
    times, renders, parts = [], [], []
    for i in range(keys):
        start = time.perf_counter()
        QTest.keyClick(title, Qt.Key.Key_A if i % 2 else Qt.Key.Key_B)
        edited = time.perf_counter()
        window.preview.render_now()
        done = time.perf_counter()
        times.append((done - start) * 1000)
        renders.append(window.preview.last_render_ms)
        parts.append((edited - start) * 1000)
        app.processEvents()
    print(
        f"{name:16s} keystroke -> preview: median {statistics.median(times):7.1f} ms "
        f"(command + calendar + editor {statistics.median(parts):6.1f} ms, "
        f"preview render + setHtml {statistics.median(renders):6.1f} ms), {keys} keys"
    )
    window.files.maybe_save = lambda: True  # type: ignore[method-assign]
    window.close()


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    measure(app, "demo", load_demo())
    measure(app, "20-year archive", make_archive(), keys=9)
    print("target: <= 16 ms on the demo")


if __name__ == "__main__":
    main()
