"""What the temp-file sweep adds to a save (it scans the project's folder every time).

Run:  python benchmarks/bench_save.py   (prints medians of several runs)
A save is dominated by fsync (of the new file, of the backup copy, of the folder); the
sweep is one listdir of the folder: microseconds in a usual project folder, a few
milliseconds next to 10,000 other files (the cost of listing them), small next to
the save itself.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from archive import median_ms

from seminar_gui.core.atomic import sweep_stale_temps, temp_name
from seminar_gui.core.demo import load_demo
from seminar_gui.core.storage import save_project

OTHER_FILES = 10_000
STALE = 100


def main() -> None:
    doc = load_demo()
    with tempfile.TemporaryDirectory() as tmp:
        empty, crowded = Path(tmp) / "empty", Path(tmp) / "crowded"
        empty.mkdir()
        crowded.mkdir()
        for i in range(OTHER_FILES):
            (crowded / f"file-{i:05d}.txt").write_bytes(b"x")
        rows = [
            ("save, empty folder", median_ms(lambda: save_project(doc, empty / "p.json"))),
            (
                f"save, {OTHER_FILES:,} other files",
                median_ms(lambda: save_project(doc, crowded / "p.json")),
            ),
            ("sweep, empty folder", median_ms(lambda: sweep_stale_temps(empty))),
            (f"sweep, {OTHER_FILES:,} other files", median_ms(lambda: sweep_stale_temps(crowded))),
        ]

        def stale_then_sweep() -> None:
            for _ in range(STALE):
                (empty / temp_name("p.json")).write_bytes(b"half")
            assert len(sweep_stale_temps(empty)) == STALE

        rows.append((f"write + sweep {STALE} stale temps", median_ms(stale_then_sweep, runs=5)))
    for name, ms in rows:
        print(f"{name:32s} {ms:8.2f} ms")


if __name__ == "__main__":
    main()
