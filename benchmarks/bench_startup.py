"""Start-up and peak memory: the installed `seminar-gui --screenshot` against a bare window.

Seven programs run in rounds, interleaved so that all see the same machine load: a
bare PySide6 window (a QMainWindow with a QLabel, 1400x900, shown, grabbed and saved
as a PNG), the floor (the same window after importing pydantic and our document model
and parsing the demo project: what no window of ours can avoid with the design card's
libraries), the floor with text (also the Qt namespace, and the lines of the semester's
README that fit the window as the label's plain text: its emoji load the colour-emoji
font, as in our preview), the floor with widgets (the semester shown in Qt's own
widgets: a table of weeks, a form, a text browser with the README, a list in a dock,
menus), ``seminar-gui --screenshot OUT.png`` on the demo, the floor with widgets for a
20-year archive (its newest semester), and ``seminar-gui --screenshot OUT.png
archive.json``.  ``seminar-gui`` is the installed
script next to the interpreter, as a user starts it.  One warm-up run of each
first (file cache, .pyc files), not counted.

Time: from just before the spawn (wall clock) to the PNG's modification time, so neither
program's teardown after the PNG is written counts.  The floors save their PNG as
seminar-gui does (zlib's fastest level: a picture full of text takes ~40 ms at Qt's
default level, ~28 ms at this one); the bare window, the issue's reference, with Qt's
default (its near-empty picture takes ~28 ms as well).  Peak RSS: ``ru_maxrss`` of each
child from ``os.wait4``.  This process imports only the standard library: a child's
peak RSS starts at its parent's (see procs.py), and this process stays far below the
children's peaks (its own peak is reported as ``spawner_mib``).

Part of ``python -m benchmarks`` (rows: start-up, peak RSS, archive open).  Alone:
``python -m benchmarks.bench_startup --archive archive.json [--runs N] [--json]``
(make the archive with ``python -m benchmarks.archive FOLDER``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.procs import child_env

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("A bare PySide6 window", window))
window.resize(1400, 900)
window.show()
app.processEvents()
window.grab().save(sys.argv[1])
"""

# The floor with the design card's libraries: the bare window, after importing pydantic
# and our document model and parsing the demo project (what any window of ours must do
# before it can show a semester; no widgets of ours, no Markdown, no preview).
FLOOR = """
import sys
from seminar_gui.core.demo import load_demo
doc = load_demo()
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel(doc.semesters[0].title, window))
window.resize(1400, 900)
window.show()
app.processEvents()
window.grab().save(sys.argv[1], None, 80)  # zlib level 1, as seminar-gui's
"""

# The floor with the demo's text on screen: also the Qt namespace (every real window
# uses it; PySide6 makes its ~60 enums at once, 15-25 ms) and the semester's README
# text in the label, whose emoji load the colour-emoji font as our preview does.
FLOOR_TEXT = """
import sys
from seminar_gui.core.demo import load_demo
from seminar_gui.core.readme.export import export_readme
doc = load_demo()
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
label = QLabel(window)
label.setTextFormat(Qt.TextFormat.PlainText)
lines = export_readme(doc).splitlines()  # those that fit: a label lays out all it holds
label.setText(chr(10).join(lines[: 900 // label.fontMetrics().lineSpacing() + 1]))
label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
window.setCentralWidget(label)
window.resize(1400, 900)
window.show()
app.processEvents()
window.grab().save(sys.argv[1], None, 80)  # zlib level 1, as seminar-gui's
"""

# The floor with the semester in Qt's own widgets: what a window showing the content
# ours shows costs with the design card's libraries and nothing of ours but the
# document model and the exporter: the semester (the demo's, or the newest of the
# project file, read as the window reads it) as a QTableView of weeks over a
# QStandardItemModel (each session's date, papers, venues and presenters), a
# QFormLayout of QLineEdits with its first topic, a QTextBrowser with its README as
# plain text, a QListWidget of three lines in a dock, a menu bar and a status bar.
FLOOR_WIDGETS = """
import datetime as dt
import sys
from seminar_gui.core.readme.export import export_readme
if len(sys.argv) > 2:
    from seminar_gui.core.storage import load_project
    doc = load_project(sys.argv[2])
else:
    from seminar_gui.core.demo import load_demo
    doc = load_demo()
semester = doc.semesters[0]
page = export_readme(doc.model_copy(update={"semesters": [semester]}))
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication, QDockWidget, QFormLayout, QLineEdit, QListWidget, QMainWindow,
    QSplitter, QTableView, QTextBrowser, QWidget,
)
app = QApplication(sys.argv[:1])
window = QMainWindow()
for title in ("File", "Edit", "View", "Help"):
    window.menuBar().addMenu(title)
splitter = QSplitter(window)
days = [s.date for s in semester.sessions]
monday = min(days) - dt.timedelta(days=min(days).weekday())
model = QStandardItemModel((max(days) - monday).days // 7 + 1, 7, window)
for s in semester.sessions:
    text = [s.date.isoformat()]
    for t in s.topics:
        text += [f"{t.short_name}  {t.paper.venue}", ", ".join(p.name for p in t.presenters)]
    offset = (s.date - monday).days
    model.setItem(offset // 7, offset % 7, QStandardItem(chr(10).join(text)))
table = QTableView(splitter)
table.setModel(model)
table.verticalHeader().setDefaultSectionSize(96)
session = semester.sessions[0]
topic = session.topics[0]
form = QWidget(splitter)
rows = QFormLayout(form)
rows.addRow("Date", QLineEdit(session.date.isoformat()))
for label, value in (
    ("Note", topic.note), ("Paper", topic.paper.title), ("URL", topic.paper.url),
    ("Venue", topic.paper.venue), ("Presenters", ", ".join(p.name for p in topic.presenters)),
    ("Slides", topic.slides), ("Video", topic.video),
):
    rows.addRow(label, QLineEdit(value))
preview = QTextBrowser(splitter)
preview.setPlainText(page)
problems = QListWidget()
problems.addItems([f"{s.date}: {s.topics[0].short_name}" for s in semester.sessions[:3]])
dock = QDockWidget("Problems", window)
dock.setWidget(problems)
window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
window.setCentralWidget(splitter)
window.statusBar().showMessage(semester.title)
window.resize(1400, 900)
window.show()
app.processEvents()
window.grab().save(sys.argv[1], None, 80)  # zlib level 1, as seminar-gui's
"""

KINDS = (
    "bare",
    "floor",
    "floor+text",
    "floor+widgets",
    "demo",
    "floor+widgets archive",
    "archive",
)
PROGRAMS = {
    "bare": BARE,
    "floor": FLOOR,
    "floor+text": FLOOR_TEXT,
    "floor+widgets": FLOOR_WIDGETS,
    "floor+widgets archive": FLOOR_WIDGETS,
}


def script() -> Path:
    """The installed ``seminar-gui`` script next to this interpreter."""
    path = Path(sys.executable).parent / "seminar-gui"
    if not path.is_file():
        raise SystemExit(f"{path} is missing: install seminar-gui (pip install -e .) first")
    return path


def command(kind: str, out: Path, archive: Path) -> list[str]:
    files = [str(archive)] if kind.endswith("archive") else []
    if kind in PROGRAMS:
        return [sys.executable, "-c", PROGRAMS[kind], str(out), *files]
    return [str(script()), "--screenshot", str(out), *files]


def run_once(cmd: list[str], out: Path, env: dict[str, str], log: Path) -> tuple[float, float]:
    """Spawn ``cmd``; milliseconds until ``out`` was written, and the child's peak RSS."""
    out.unlink(missing_ok=True)
    with log.open("w") as err:
        start = time.time_ns()
        child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0 or not out.is_file():
        tail = log.read_text(errors="replace").strip()[-2000:]
        raise RuntimeError(f"{cmd[0]} … exited with {child.returncode}:\n{tail}")
    written = os.stat(out).st_mtime_ns
    out.unlink()
    return (written - start) / 1e6, usage.ru_maxrss / 1024  # KiB on Linux


def measure(runs: int, archive: Path) -> dict[str, Any]:
    """``runs`` interleaved rounds (after a warm-up): times (ms) and peak RSS (MiB)."""
    times: dict[str, list[float]] = {kind: [] for kind in KINDS}
    rss: dict[str, list[float]] = {kind: [] for kind in KINDS}
    with tempfile.TemporaryDirectory(prefix="seminar-bench-") as tmp:
        env = child_env(Path(tmp))
        out, log = Path(tmp) / "shot.png", Path(tmp) / "stderr.txt"
        for kind in KINDS:  # warm-up: file cache, .pyc files, font cache
            run_once(command(kind, out, archive), out, env, log)
        for _ in range(runs):
            for kind in KINDS:
                ms, mib = run_once(command(kind, out, archive), out, env, log)
                times[kind].append(ms)
                rss[kind].append(mib)
    return {
        "runs": runs,
        "times_ms": times,
        "rss_mib": rss,
        "spawner_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "script": str(script()),
    }


def summary(result: dict[str, Any]) -> str:
    times, rss = result["times_ms"], result["rss_mib"]
    med = {kind: statistics.median(times[kind]) for kind in KINDS}
    lines = [
        f"{kind:21s} median {med[kind]:7.0f} ms  peak RSS {statistics.median(rss[kind]):6.1f} MiB"
        for kind in KINDS
    ]
    lines.append(
        f"ratios   start-up {med['demo'] / med['bare']:.2f}x (target <= 2.0x), "
        f"archive {med['archive'] / med['bare']:.2f}x (target <= 2.5x), peak RSS "
        f"{statistics.median(rss['demo']) / statistics.median(rss['bare']):.2f}x "
        f"(target <= 1.6x); {result['runs']} rounds"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, required=True, help="the archive project file")
    parser.add_argument("--runs", type=int, default=7, help="rounds (default 7)")
    parser.add_argument("--json", action="store_true", help="print the raw figures as JSON")
    args = parser.parse_args(argv)
    result = measure(args.runs, args.archive)
    print(json.dumps(result) if args.json else summary(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
