"""What PySide6 itself costs a start: the Python enums it makes, and its classes.

PySide6 turns each Qt enum into a Python ``enum`` class when the Qt class that holds it
is first used from Python (``from PySide6.QtWidgets import QStyle`` makes QStyle's 20
enums; any use of the ``Qt`` namespace makes its 96).  Python 3.11 builds an enum in
~10 µs per member (``Qt.Key`` has 471), so this is one of the largest costs of a
PySide6 start that no Qt-free code can avoid: it grows with the Qt classes a program
touches, not with what it shows.

Each program of bench_startup.py that shows a window (the bare window, the semester in
Qt's own widgets, seminar-gui; demo and archive) runs once in a child whose
``enum.EnumType._create_`` (what PySide6 calls for each enum) is wrapped to count the
enums and the time spent making them; the count is the same in every run, the time is
the median of ``--runs`` runs.  Not a start-up time: the wrapper's own cost is not in
the figures, but the rest of the program is run only to reach the same enums.

The import split: importing the window's Qt modules (``seminar_gui.qt.main_window`` and
all it imports, after the Qt-free modules and PySide6) costs PySide6's initialization of
each Qt class they name (a class is made, with its enums, when Python first asks for
it) plus our modules' own code.  Measured in two children per run: one imports them as
the window does; the other first asks PySide6 for every Qt class that the modules of
``seminar_gui/qt`` import at module level (timed), then imports them (timed: our code
alone).

Part of ``python -m benchmarks`` (a detail of the start-up rows).  Alone:
``python -m benchmarks.pyside_census --archive archive.json [--runs N] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks import bench_startup
from benchmarks.procs import child_env

KINDS = ("bare", "floor+widgets", "demo", "floor+widgets archive", "archive")

# Runs argv[1:] (a -c program or seminar-gui's main) with the counter installed; writes
# {"enums": count, "ms": time in enum creation, "biggest": [[name, members, ms], ...]}
# to the file named by the environment variable ENUM_CENSUS_OUT when the program ends.
COUNTER = """
import atexit, enum, json, os, sys, time
made = []
create = enum.EnumType._create_
def _counted(cls, class_name, names=None, *args, **kwargs):
    start = time.perf_counter()
    made_enum = create(cls, class_name, names, *args, **kwargs)
    made.append((kwargs.get("qualname") or class_name, len(made_enum.__members__),
                 (time.perf_counter() - start) * 1000))
    return made_enum
enum.EnumType._create_ = _counted  # a method of the metaclass: cls is Enum, Flag, ...
def _write():
    biggest = sorted(made, key=lambda m: -m[2])[:5]
    with open(os.environ["ENUM_CENSUS_OUT"], "w") as out:
        json.dump({"enums": len(made), "ms": sum(m[2] for m in made), "biggest": biggest}, out)
atexit.register(_write)
program = sys.argv[1]
sys.argv = sys.argv[1:]
if program == "seminar-gui":
    from seminar_gui.app import main
    code = main(sys.argv[1:])
    _write()
    sys.exit(code)
exec(compile(program, "<program>", "exec"), {"__name__": "__main__"})
"""


# Prints {"classes": n, "qt_ms": ..., "ours_ms": ...}: with argv[1] == "first", every Qt
# class named in seminar_gui/qt is asked for before the window's modules are imported.
SPLIT = """
import json, pathlib, re, sys, time
from seminar_gui import app
app._import_qt_free_modules()
import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
app._skip_source_reads()
names = set()
root = pathlib.Path(app.__file__).parent / "qt"
# module-level imports only (an indented one is made when its function runs)
imports = re.compile(r"^from PySide6\\.(\\w+) import (?:\\(([^)]*)\\)|([^\\n]*))", re.M)
for path in root.rglob("*.py"):
    for m in imports.finditer(path.read_text()):
        listed = m.group(2) if m.group(2) is not None else m.group(3).split("#")[0]
        names.update((m.group(1), n) for n in re.split(r"[,\\s]+", listed) if n)
start = time.perf_counter()
if sys.argv[1] == "first":
    for module, name in sorted(names):
        getattr(sys.modules["PySide6." + module], name)
asked = time.perf_counter()
import seminar_gui.qt.main_window
done = time.perf_counter()
print(json.dumps({"classes": len(names), "qt_ms": (asked - start) * 1000,
                  "ours_ms": (done - asked) * 1000}))
"""


def import_split(runs: int, env: dict[str, str]) -> dict[str, Any]:
    """Medians over ``runs``: the Qt modules' import as the window does it, the Qt
    classes they name asked for alone, and our modules' code after that."""
    whole, qt, ours = [], [], []
    classes = 0
    for _ in range(runs):
        for mode in ("as-is", "first"):
            done = subprocess.run(
                [sys.executable, "-c", SPLIT, mode], env=env, capture_output=True, text=True
            )
            if done.returncode != 0:
                raise RuntimeError(f"import split: {done.stderr.strip()[-2000:]}")
            one = json.loads(done.stdout.strip().splitlines()[-1])
            classes = one["classes"]
            if mode == "first":
                qt.append(one["qt_ms"])
                ours.append(one["ours_ms"])
            else:
                whole.append(one["ours_ms"])
    return {
        "classes": classes,
        "whole_ms": statistics.median(whole),
        "qt_ms": statistics.median(qt),
        "ours_ms": statistics.median(ours),
    }


def command(kind: str, out: Path, archive: Path) -> list[str]:
    """bench_startup.py's command for ``kind``, run under the counter: its ``-c``
    program, or seminar-gui's main in place of the installed script."""
    _program, *args = bench_startup.command(kind, out, archive)
    if args[0] == "-c":  # [python, -c, program, OUT, FILE]
        _flag, program, *args = args
    else:  # [seminar-gui, --screenshot, OUT, FILE]
        program = "seminar-gui"
    return [sys.executable, "-c", COUNTER, program, *args]


def measure(runs: int, archive: Path) -> dict[str, Any]:
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="seminar-census-") as tmp:
        env = child_env(Path(tmp))
        result["import_split"] = import_split(runs, env)
        census = Path(tmp) / "census.json"
        env["ENUM_CENSUS_OUT"] = str(census)
        for kind in KINDS:
            seen = []
            for _ in range(runs):
                census.unlink(missing_ok=True)
                done = subprocess.run(
                    command(kind, Path(tmp) / "shot.png", archive),
                    env=env,
                    capture_output=True,
                    text=True,
                )
                if done.returncode != 0 or not census.is_file():
                    tail = done.stderr.strip()[-2000:]
                    raise RuntimeError(f"{kind}: exited with {done.returncode}:\n{tail}")
                seen.append(json.loads(census.read_text()))
            result[kind] = {
                "enums": seen[-1]["enums"],
                "ms": statistics.median(s["ms"] for s in seen),
                "biggest": seen[-1]["biggest"],
            }
    return result


def summary(result: dict[str, Any]) -> str:
    split = result["import_split"]
    lines = [
        f"importing the window's Qt modules: {split['whole_ms']:.0f} ms; the "
        f"{split['classes']} Qt classes they name, asked for alone: {split['qt_ms']:.0f} ms; "
        f"then our modules' code: {split['ours_ms']:.0f} ms"
    ]
    for kind in KINDS:
        one = result[kind]
        biggest = ", ".join(f"{name} {members}" for name, members, _ms in one["biggest"][:3])
        lines.append(
            f"{kind:21s} {one['enums']:4d} enums {one['ms']:6.1f} ms  (largest: {biggest})"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, required=True, help="the archive project file")
    parser.add_argument("--runs", type=int, default=3, help="runs of each program (default 3)")
    parser.add_argument("--json", action="store_true", help="print the raw figures as JSON")
    args = parser.parse_args(argv)
    result = measure(args.runs, args.archive)
    print(json.dumps(result) if args.json else summary(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
