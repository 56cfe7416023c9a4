"""Start-up and peak memory: the installed `seminar-gui --screenshot` against a bare window.

Five programs run in rounds, interleaved so that all see the same machine load: a bare
PySide6 window (a QMainWindow with a QLabel, 1400x900, shown, grabbed and saved as a
PNG), the floor (the same window after importing pydantic and our document model and
parsing the demo project: what no window of ours can avoid with the design card's
libraries), the floor with text (also the Qt namespace, and the semester's README as
the label's plain text: its emoji load the colour-emoji font, as in our preview),
``seminar-gui --screenshot OUT.png`` on the demo, and the same on a 20-year archive
(``seminar-gui --screenshot OUT.png archive.json``).  ``seminar-gui`` is the installed
script next to the interpreter, as a user starts it.  One warm-up run of each
first (file cache, .pyc files), not counted.

Time: from just before the spawn (wall clock) to the PNG's modification time, so neither
program's teardown after the PNG is written counts.  Peak RSS: ``ru_maxrss`` of each
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
window.grab().save(sys.argv[1])
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
label = QLabel(export_readme(doc), window)
label.setTextFormat(Qt.TextFormat.PlainText)
label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
window.setCentralWidget(label)
window.resize(1400, 900)
window.show()
app.processEvents()
window.grab().save(sys.argv[1])
"""

KINDS = ("bare", "floor", "floor+text", "demo", "archive")
PROGRAMS = {"bare": BARE, "floor": FLOOR, "floor+text": FLOOR_TEXT}


def script() -> Path:
    """The installed ``seminar-gui`` script next to this interpreter."""
    path = Path(sys.executable).parent / "seminar-gui"
    if not path.is_file():
        raise SystemExit(f"{path} is missing: install seminar-gui (pip install -e .) first")
    return path


def command(kind: str, out: Path, archive: Path) -> list[str]:
    if kind in PROGRAMS:
        return [sys.executable, "-c", PROGRAMS[kind], str(out)]
    files = [str(archive)] if kind == "archive" else []
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
        f"{kind:10s} median {med[kind]:7.0f} ms  peak RSS {statistics.median(rss[kind]):6.1f} MiB"
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
