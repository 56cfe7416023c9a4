"""Core speed on a 20-year archive: README import/export, JSON load/save.

Run:  python benchmarks/bench_core.py   (prints medians of several runs)
Targets on a 2-core machine: import <= 50 ms, export <= 20 ms, JSON load <= 30 ms.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from archive import make_archive, median_ms

from seminar_gui.core.readme.export import export_readme
from seminar_gui.core.readme.importer import import_readme
from seminar_gui.core.storage import load_project, save_project


def main() -> None:
    doc = make_archive()
    readme = export_readme(doc)
    sessions = sum(len(s.sessions) for s in doc.semesters)
    topics = sum(len(x.topics) for s in doc.semesters for x in s.sessions)
    print(
        f"archive: {len(doc.semesters)} semesters, {sessions} sessions, {topics} topics, "
        f"README {len(readme) / 1024:.0f} KiB"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "archive.json"
        save_project(doc, path)
        print(f"JSON file: {path.stat().st_size / 1024:.0f} KiB")
        rows = [
            ("README import", median_ms(lambda: import_readme(readme)), 50),
            ("README export", median_ms(lambda: export_readme(doc)), 20),
            ("JSON load", median_ms(lambda: load_project(path)), 30),
            ("JSON save", median_ms(lambda: save_project(doc, path)), None),
        ]
    for name, ms, target in rows:
        verdict = (
            ""
            if target is None
            else f"  (target <= {target} ms: {'ok' if ms <= target else 'MISSED'})"
        )
        print(f"{name:14s} {ms:8.1f} ms{verdict}")


if __name__ == "__main__":
    main()
