"""Start-up: `seminar-gui --screenshot` on the demo against a bare PySide6 window.

Both processes start Python, create the QApplication, show a 1400x900 main window
offscreen, grab it and save a PNG.  Prints the medians of RUNS runs and the ratio
(target: ours <= 1.5x bare).   Run:  python benchmarks/bench_startup.py [RUNS]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1400, 900)
window.show()
app.processEvents()
window.grab().save(sys.argv[1])
"""


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            # As on a user's machine: Python caches compiled modules (.pyc).  Some
            # environments set PYTHONDONTWRITEBYTECODE, which makes every start compile
            # all of seminar-gui's sources again (~140 ms) and would measure that instead.
            **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            "QT_QPA_PLATFORM": "offscreen",
            "SEMINAR_GUI_CONFIG_DIR": str(Path(tmp) / "config"),
            "SEMINAR_GUI_STATE_DIR": str(Path(tmp) / "state"),
        }
        out = str(Path(tmp) / "shot.png")
        bare_cmd = [sys.executable, "-c", BARE, out]
        ours_cmd = [sys.executable, "-m", "seminar_gui", "--screenshot", out]
        timed(bare_cmd, env), timed(ours_cmd, env)  # warm the file cache
        bare, ours = [], []
        for _ in range(runs):  # alternate, so both see the same machine load
            bare.append(timed(bare_cmd, env))
            ours.append(timed(ours_cmd, env))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare PySide6 window : median {b * 1000:7.0f} ms over {runs} runs")
    print(f"seminar-gui (demo)  : median {o * 1000:7.0f} ms over {runs} runs")
    print(f"ratio               : {o / b:.2f}x  (target <= 1.5x)")


if __name__ == "__main__":
    main()
