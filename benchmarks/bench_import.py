"""README import of the 20-year archive, as ``seminar-gui import`` and the window do it.

``import_readme_file`` (read, decode, import) on the archive's exported README (about
300 KiB, 40 semesters), in a fresh process: one warm-up call (module imports, compiled
patterns), then RUNS timed calls; their median.  Also the import of the text alone
(``import_readme``, without reading and decoding the file), for comparison with
bench_core.py.

Part of ``python -m benchmarks`` (row: README import).  Alone:
``python -m benchmarks.bench_import README.md [--runs N] [--json]``
(make it with ``python -m benchmarks.archive FOLDER``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from typing import Any

from benchmarks.archive import timed


def measure(readme: Path, runs: int) -> dict[str, Any]:
    from seminar_gui.core.readme.importer import import_readme, import_readme_file

    text = readme.read_text(encoding="utf-8")
    result = import_readme_file(readme)
    sessions = sum(len(s.sessions) for s in result.document.semesters)
    return {
        "runs": runs,
        "semesters": len(result.document.semesters),
        "sessions": sessions,
        "kib": readme.stat().st_size / 1024,
        "file_ms": timed(lambda: import_readme_file(readme), runs),
        "text_ms": timed(lambda: import_readme(text), runs),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("readme", type=Path)
    parser.add_argument("--runs", type=int, default=7, help="timed runs (default 7)")
    parser.add_argument("--json", action="store_true", help="print the raw figures as JSON")
    args = parser.parse_args(argv)
    result = measure(args.readme, args.runs)
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"README import ({result['kib']:.0f} KiB, {result['semesters']} semesters): "
            f"median {statistics.median(result['file_ms']):.1f} ms (text alone "
            f"{statistics.median(result['text_ms']):.1f} ms), {args.runs} runs; "
            "target <= 50 ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
