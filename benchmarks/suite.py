"""``python -m benchmarks``: every row of the speed issue's table, in one command.

Runs each measurement in fresh child processes (bench_startup.py, bench_preview.py,
bench_drag.py, bench_import.py; the 20-year archive is made by archive.py), prints the
table (median, target, met?) and writes it to docs/performance.md between the markers
``<!-- benchmarks:start -->`` and ``<!-- benchmarks:end -->``, with the date, the
command, the machine and how each row is measured; the rest of that file is written by
hand and kept.  The file is written only by a full run (no ``--only``) with at least 7
runs and 15 keystrokes, so that it always holds one complete, comparable run.

This process imports only the standard library (the children's peak RSS would start
at this process's peak: procs.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.procs import ROOT, ChildFailed, child_env, run_module

DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- benchmarks:start -->", "<!-- benchmarks:end -->"
MIN_RUNS, MIN_KEYS = 7, 15
GAPS_HEADING = "## Where the time goes / gaps"
GAPS_FIRST = (
    "Each row's time is the sum of work on the window's one thread (command, models, "
    "Markdown, Qt's text layout and painting) plus any timer the organizer waits for; "
    "the rows above that miss their target are analysed here, by hand, below this line."
)


@dataclass(frozen=True)
class Spec:
    key: str
    group: str  # rows of one group are measured together (one child, one run)
    what: str
    target: float
    unit: str  # "×" (a ratio against the bare window) or "ms"


SPECS = [
    Spec(
        "startup",
        "startup",
        "start-up: spawn → `--screenshot` PNG written, demo, vs a bare PySide6 "
        "QMainWindow+QLabel 1400×900 grab",
        2.0,
        "×",
    ),
    Spec("rss", "startup", "peak RSS, same pair", 1.6, "×"),
    Spec(
        "archive",
        "startup",
        "open a 20-year archive (40 semesters) → PNG, vs the same bare window",
        2.5,
        "×",
    ),
    Spec(
        "keystroke-demo",
        "keystroke-demo",
        "keystroke in the editor → preview and calendar **painted**, demo",
        16,
        "ms",
    ),
    Spec("keystroke-archive", "keystroke-archive", "same, 20-year archive", 16, "ms"),
    Spec("hover", "drag", "drag hover → repaint, archive", 5, "ms"),
    Spec("drop", "drag", "drop → repaint, archive", 16, "ms"),
    Spec("import", "import", "README import of the archive", 50, "ms"),
]
GROUPS = list(dict.fromkeys(spec.group for spec in SPECS))
ALIASES = {"keystroke": ["keystroke-demo", "keystroke-archive"]}

HOW = {
    "startup": (
        "**Start-up, peak RSS, archive open** (bench_startup.py): {runs} rounds after one "
        "warm-up run of each, each round spawning in turn the bare window (`python -c`: "
        "QApplication, QMainWindow with a QLabel as central widget, resized to 1400×900, "
        "shown, `processEvents()`, `grab()`, PNG saved), the floor (the same window "
        "after `load_demo()`: pydantic, our document model, the demo parsed), the floor "
        "with text (also `from PySide6.QtCore import Qt`, and the lines of the "
        "semester's exported README that fit the window as the label's plain text, emoji "
        "included), the floor with widgets (the semester in Qt's own widgets: a "
        "QTableView of weeks over a QStandardItemModel with each session's date, papers, "
        "venues and presenters, a QFormLayout of 8 QLineEdits with its first topic, a "
        "QTextBrowser with the README as plain text, a QListWidget of 3 lines in a "
        "QDockWidget, a menu bar of 4 menus, a status bar), the "
        "installed script `seminar-gui --screenshot OUT.png` (the demo), the floor with "
        "widgets for the archive (`storage.load_project(archive.json)`; its newest "
        "semester, which the window shows first) and "
        "`seminar-gui --screenshot OUT.png archive.json`. Time: from just before the "
        "spawn (`time.time()`) to the PNG's modification time, so neither program's "
        "teardown counts. Peak RSS: "
        "`ru_maxrss` from `os.wait4` of each child. Ratios: median of ours over median "
        "of the bare window's, all from the same rounds; “rounds” gives the range of the "
        "per-round ratios. Children: `QT_QPA_PLATFORM=offscreen`, settings and state in "
        "a temporary folder, `PYTHONDONTWRITEBYTECODE` unset (.pyc files are used, as on "
        "a user's machine). seminar-gui and the floors save their PNG with zlib's "
        "fastest level (Qt's PNG quality 80), the bare window with Qt's default: each "
        "then takes ~22–28 ms to write its picture. PySide6's own costs (pyside_census.py, "
        "3 runs): the bare window, the floors with widgets and seminar-gui once more, "
        "each with Python's `enum.EnumType._create_` wrapped to count the enums PySide6 "
        "makes and the time they take; and the import of the window's Qt modules split "
        "into the Qt classes they name (asked of PySide6 first, timed) and our modules' "
        "code (imported after that)."
    ),
    "keystroke": (
        "**Keystroke → painted** (bench_preview.py), in a fresh process each for the demo "
        "and the archive: the real window as `seminar-gui [FILE]` opens it, 1400×900, "
        "offscreen; a session near the middle of the semester on show selected, the "
        "cursor at the start of its paper title (`titleEdit`, so each keystroke also "
        "changes the calendar card). Before each of {keys} keystrokes the window is "
        "idle (no event for 500 ms); the clock starts, `QTest.keyClick` types a letter, "
        "and the event loop runs (no pauses) until the preview has updated its page "
        "(`rendered` signal) with the new title and that page has been painted, and the "
        "calendar's viewport has been painted after the keystroke. “Painted” means the "
        "window's backing store was flushed: the clock is read right after the window's "
        "UpdateRequest event, which paints every dirty widget and flushes, has been "
        "handled. Every timer on the way (a debounce) counts. Median and max; the "
        "details give the preview and the calendar alone, the synchronous part "
        "(until `keyClick` returns) and “→ idle” (until no event for 50 ms: Qt's text "
        "layout continues in steps after the first paint)."
    ),
    "drag": (
        "**Drag and drop** (bench_drag.py), the archive's window as above: the selected "
        "session's card dragged as Qt's drag and drop does it (`QDragEnterEvent`, "
        "`QDragMoveEvent`, `QDropEvent` sent to the calendar's viewport with the data of "
        "`dnd.encode_session`). Hover: {keys} moves, each from a visible cell to its "
        "neighbour (along a week, back along the next), each cell once, the window idle "
        "before each; from the move event to the calendar painted (flushed, as above); "
        "a move that changes nothing on screen (between two cells without a hint) is not "
        "counted. Drop: {runs} drops "
        "on a free day in term (each a new drag, undone afterwards): to the calendar "
        "painted, and to the window idle (no event for 50 ms; the queue empty, no 0–50 ms "
        "timer pending)."
    ),
    "import": (
        "**README import** (bench_import.py): `import_readme_file` (what `seminar-gui "
        "import` and the window call: read, decode, import) of the archive's exported "
        "README in a fresh process; median of {runs} calls after one warm-up call."
    ),
}


@dataclass
class Row:
    spec: Spec
    value: float | None = None  # the median (ms) or the ratio
    measured: str = "not measured"
    details: list[str] = field(default_factory=list)

    @property
    def met(self) -> str:
        if self.value is None:
            return "—"
        return "yes" if self.value <= self.spec.target else "**no**"


def _med(values: Sequence[float | None]) -> float | None:
    done = [v for v in values if v is not None]
    return statistics.median(done) if done else None


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _done(values: Sequence[float | None]) -> list[float]:
    return [v for v in values if v is not None]


# ------------------------------------------------------------------ measuring


_CENSUS_NAMES = {
    "bare": "the bare window",
    "floor+widgets": "Qt's own widgets",
    "floor+widgets archive": "Qt's own widgets",
    "demo": "seminar-gui",
    "archive": "seminar-gui",
}


def _startup(rows: dict[str, Row], ctx: dict[str, Any]) -> None:
    args = ["--archive", ctx["project"], "--runs", str(ctx["runs"])]
    result = run_module("bench_startup", args, ctx["env"])
    times, rss = result["times_ms"], result["rss_mib"]
    bare_t, demo_t, arch_t = (statistics.median(times[k]) for k in ("bare", "demo", "archive"))
    bare_m, demo_m, arch_m = (statistics.median(rss[k]) for k in ("bare", "demo", "archive"))

    def rounds(kind: str) -> str:
        ratios = [o / b for o, b in zip(times[kind], times["bare"], strict=True)]
        return f"rounds {min(ratios):.2f}–{max(ratios):.2f}×"

    row = rows["startup"]
    row.value = demo_t / bare_t
    row.measured = f"{row.value:.2f}× ({demo_t:.0f} vs {bare_t:.0f} ms; {rounds('demo')})"
    row = rows["rss"]
    row.value = demo_m / bare_m
    row.measured = f"{row.value:.2f}× ({demo_m:.0f} vs {bare_m:.0f} MiB)"
    row = rows["archive"]
    row.value = arch_t / bare_t
    row.measured = f"{row.value:.2f}× ({arch_t:.0f} vs {bare_t:.0f} ms; {rounds('archive')})"
    row.details.append(f"peak RSS {arch_m:.0f} MiB ({arch_m / bare_m:.2f}× the bare window's)")
    floor_t, floor_m = statistics.median(times["floor"]), statistics.median(rss["floor"])
    text_t, text_m = statistics.median(times["floor+text"]), statistics.median(rss["floor+text"])
    widgets_t, widgets_m = (
        statistics.median(times["floor+widgets"]),
        statistics.median(rss["floor+widgets"]),
    )
    arch_widgets_t = statistics.median(times["floor+widgets archive"])
    ctx["bare"] = (
        f"Bare window in the same run ({result['runs']} rounds): start-up {bare_t:.0f} ms "
        f"(median; {min(times['bare']):.0f}–{max(times['bare']):.0f} ms), peak RSS "
        f"{bare_m:.0f} MiB ({min(rss['bare']):.0f}–{max(rss['bare']):.0f}). The floor "
        f"(the bare window after importing pydantic and our document model and parsing the "
        f"demo): {floor_t:.0f} ms = {floor_t / bare_t:.2f}×, peak RSS {floor_m:.0f} MiB = "
        f"{floor_m / bare_m:.2f}×. With the Qt namespace imported and the semester's README "
        f"text (with its emoji) in the label: {text_t:.0f} ms = {text_t / bare_t:.2f}×, peak "
        f"RSS {text_m:.0f} MiB = {text_m / bare_m:.2f}×. The semester in Qt's own widgets "
        f"(a table of weeks, a form, a text browser with the README, a list in a dock, "
        f"menus): {widgets_t:.0f} ms = {widgets_t / bare_t:.2f}×, peak RSS "
        f"{widgets_m:.0f} MiB = {widgets_m / bare_m:.2f}×; the same for the archive's "
        f"newest semester (its file read and validated): {arch_widgets_t:.0f} ms = "
        f"{arch_widgets_t / bare_t:.2f}×."
    )
    for kind in ("floor+widgets", "floor+widgets archive"):
        ratios = [o / b for o, b in zip(times[kind], times["bare"], strict=True)]
        rows["startup" if kind == "floor+widgets" else "archive"].details.append(
            f"the semester in Qt's own widgets: {statistics.median(times[kind]):.0f} ms, "
            f"rounds {min(ratios):.2f}–{max(ratios):.2f}×"
        )
    for kind in ("demo", "archive"):
        rows["startup" if kind == "demo" else "archive"].details.append(
            f"rounds: {', '.join(f'{t:.0f}' for t in times[kind])} ms; the bare window "
            f"{', '.join(f'{t:.0f}' for t in times['bare'])} ms"
        )
    census = run_module("pyside_census", ["--archive", ctx["project"]], ctx["env"])
    split = census["import_split"]
    rows["startup"].details.append(
        f"importing the window's Qt modules (pyside_census.py): {split['whole_ms']:.0f} ms; "
        f"the {split['classes']} Qt classes they name, asked of PySide6 alone: "
        f"{split['qt_ms']:.0f} ms; our modules' own code after that: {split['ours_ms']:.0f} ms"
    )
    for row_key, kinds in (
        ("startup", ("floor+widgets", "demo")),
        ("archive", ("floor+widgets archive", "archive")),
    ):
        made = {kind: census[kind] for kind in ("bare", *kinds)}
        rows[row_key].details.append(
            "Python enums PySide6 made (pyside_census.py; median of 3 runs): "
            + ", ".join(
                f"{_CENSUS_NAMES[kind]} {one['enums']} in {one['ms']:.0f} ms"
                for kind, one in made.items()
            )
        )
    if result["spawner_mib"] >= min(rss["bare"]):
        rows["rss"].details.append(
            f"caution: the spawning process peaked at {result['spawner_mib']:.0f} MiB, "
            "which the children's peak RSS may include"
        )


def _keystroke(row: Row, args: list[str], ctx: dict[str, Any]) -> None:
    result = run_module("bench_preview", [*args, "--keys", str(ctx["keys"])], ctx["env"])
    ms = result["ms"]
    done = _done(ms["total"])
    missed = len(ms["total"]) - len(done)
    if not done:
        row.measured = "never painted (timeout)"
        return
    row.value = statistics.median(done)
    row.measured = f"{row.value:.1f} ms (max {max(done):.1f}; {_n(len(done), 'key')})"
    row.details.append(
        f"preview {_med(ms['preview']):.1f} ms, calendar {_med(ms['calendar']):.1f} ms, "
        f"synchronous part {_med(ms['sync']):.1f} ms, → idle {_med(ms['idle']):.1f} ms "
        f"(max {max(_done(ms['idle'])):.1f}) (medians; page update seen by "
        f"`{result['signal']}`)"
    )
    if missed:
        row.details.append(f"{missed} keystroke(s) not painted within the timeout")


def _drag(rows: dict[str, Row], ctx: dict[str, Any]) -> None:
    args = [ctx["project"], "--moves", str(ctx["keys"]), "--drops", str(ctx["runs"])]
    result = run_module("bench_drag", args, ctx["env"])
    ms = result["ms"]
    for key, label, count in (("hover", "move", "moves"), ("drop", "drop", "drops")):
        done = _done(ms[key])
        row = rows[key]
        if not done:
            row.measured = "never painted (timeout)"
            continue
        row.value = statistics.median(done)
        row.measured = f"{row.value:.1f} ms (max {max(done):.1f}; {_n(len(done), label)})"
        if len(done) < len(ms[key]):
            row.details.append(f"{len(ms[key]) - len(done)} not painted within the timeout")
        if len(ms[key]) < result[count]:
            row.details.append(f"{_n(len(ms[key]), label)} of {result[count]}: no more cells")
    if result["skipped"]:
        rows["hover"].details.append(
            f"{_n(result['skipped'], 'move')} changed nothing on screen (not counted)"
        )
    idle = _done(ms["drop_idle"])
    if idle:
        rows["drop"].details.append(
            f"drop → window idle: {statistics.median(idle):.1f} ms (max {max(idle):.1f})"
        )


def _import(row: Row, ctx: dict[str, Any]) -> None:
    result = run_module("bench_import", [ctx["readme"], "--runs", str(ctx["runs"])], ctx["env"])
    times = result["file_ms"]
    row.value = statistics.median(times)
    row.measured = (
        f"{row.value:.1f} ms ({min(times):.1f}–{max(times):.1f}; {_n(len(times), 'run')})"
    )
    row.details.append(
        f"{result['kib']:.0f} KiB, {result['semesters']} semesters, {result['sessions']} "
        f"sessions; the text alone (`import_readme`, no file): "
        f"{statistics.median(result['text_ms']):.1f} ms"
    )


def measure(
    groups: list[str], runs: int, keys: int, log: Callable[[str], None]
) -> tuple[list[Row], dict[str, Any]]:
    rows = {spec.key: Row(spec) for spec in SPECS}
    with tempfile.TemporaryDirectory(prefix="seminar-bench-") as tmp:
        env = child_env(Path(tmp))
        ctx: dict[str, Any] = {"env": env, "runs": runs, "keys": keys}
        ctx["load"] = [os.getloadavg()[0]]
        log("making the 20-year archive")
        made = run_module("archive", [str(Path(tmp) / "data")], env)
        ctx["project"], ctx["readme"] = made["project"], made["readme"]
        steps: dict[str, Callable[[], None]] = {
            "startup": lambda: _startup(rows, ctx),
            "keystroke-demo": lambda: _keystroke(rows["keystroke-demo"], [], ctx),
            "keystroke-archive": lambda: _keystroke(
                rows["keystroke-archive"], [ctx["project"]], ctx
            ),
            "drag": lambda: _drag(rows, ctx),
            "import": lambda: _import(rows["import"], ctx),
        }
        for group in groups:
            log(f"measuring {group}")
            begun = time.perf_counter()
            try:
                steps[group]()
            except ChildFailed as exc:
                for row in rows.values():
                    if row.spec.group == group:
                        row.measured = "failed"
                        row.details.append(f"failed: {str(exc).splitlines()[-1]}")
                log(f"{group} failed: {exc}")
            log(f"  {group}: {time.perf_counter() - begun:.0f} s")
            ctx["load"].append(os.getloadavg()[0])
    return [rows[spec.key] for spec in SPECS if spec.group in groups], ctx


# ------------------------------------------------------------------ reporting


def _first_line(path: str, prefix: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith(prefix):
                    return line.split("=" if "=" in prefix else ":", 1)[1].strip().strip('"')
    except OSError:
        pass
    return "unknown"


def _version(*dists: str) -> str:
    for dist in dists:
        try:
            return importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            continue
    return "not installed"


def _git() -> str:
    try:
        rev = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            # The table's own file, which the last run rewrote, is not a change.
            [
                "git",
                "-C",
                str(ROOT),
                "status",
                "--porcelain",
                "--untracked-files=no",
                "--",
                ".",
                f":!{DOC.relative_to(ROOT).as_posix()}",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown revision"
    return f"{rev}{' with uncommitted changes' if dirty else ''}"


def machine() -> str:
    mem_kib = _first_line("/proc/meminfo", "MemTotal:").split()[0]
    mem = f"{int(mem_kib) / 1024**2:.1f} GiB RAM" if mem_kib.isdigit() else "RAM unknown"
    return (
        f"{_first_line('/proc/cpuinfo', 'model name')}, {os.cpu_count()} cores, {mem}; "
        f"{_first_line('/etc/os-release', 'PRETTY_NAME=')}, {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}, PySide6 "
        f"{_version('PySide6-Essentials', 'PySide6')}, pydantic {_version('pydantic')}"
    )


def render(rows: list[Row], ctx: dict[str, Any], command: str, when: dt.datetime) -> str:
    lines = [
        f"Measured {when:%Y-%m-%d %H:%M %Z} with `{command}` (seminar-gui {_git()}).",
        "",
        f"Machine: {machine()}. Qt platform: offscreen. Load average (1 min) before and "
        f"after each group: {' → '.join(f'{x:.2f}' for x in ctx['load'])} (other "
        "processes on the machine slow every row; the ratio rows divide by the bare "
        "window measured in the same rounds).",
        "",
        "| what | measured | target | met? |",
        "| --- | --- | --- | --- |",
    ]
    for row in rows:
        ratio = row.spec.unit == "×"
        target = f"≤ {row.spec.target:.1f}×" if ratio else f"≤ {row.spec.target:g} ms"
        lines.append(f"| {row.spec.what} | {row.measured} | {target} | {row.met} |")
    if "bare" in ctx:
        lines += ["", ctx["bare"]]
    detail = [f"* {row.spec.key}: {text}" for row in rows for text in row.details]
    if detail:
        lines += ["", "Details:", "", *detail]
    groups = {row.spec.group for row in rows}
    how = [
        text.format(runs=ctx["runs"], keys=ctx["keys"])
        for key, text in HOW.items()
        if key in groups or (key == "keystroke" and groups & set(ALIASES["keystroke"]))
    ]
    lines += ["", "### How measured", "", *(f"* {text}" for text in how)]
    return "\n".join(lines) + "\n"


def write_doc(generated: str, path: Path = DOC) -> None:
    """Put ``generated`` between the markers of ``path``; keep the rest of the file."""
    block = f"{START}\n{generated}{END}"
    if path.exists():
        text = path.read_text(encoding="utf-8")
        if START in text and END in text:
            head, rest = text.split(START, 1)
            tail = rest.split(END, 1)[1]
            text = head + block + tail
        else:
            text = text.rstrip("\n") + "\n\n" + block + "\n"
    else:
        text = (
            "# Performance\n\n"
            "The speed issue's table, measured by `python -m benchmarks` (which rewrites "
            "the part\nbetween the markers; the rest of this file is written by hand).\n\n"
            f"{block}\n\n{GAPS_HEADING}\n\n{GAPS_FIRST}\n"
        )
    path.write_text(text, encoding="utf-8")


# ------------------------------------------------------------------ command


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description=(
            "Measure every row of the speed issue's table (start-up, peak RSS, archive "
            "open, keystroke → painted, drag hover and drop → painted, README import), "
            "print the table and write it to docs/performance.md."
        ),
        epilog=(
            "Rows (for --only): "
            + ", ".join(spec.key for spec in SPECS)
            + "; groups: "
            + ", ".join([*GROUPS, *ALIASES])
            + ". Rows of a group are measured together. docs/performance.md is written "
            f"only by a full run with --runs >= {MIN_RUNS} and --keys >= {MIN_KEYS}."
        ),
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=MIN_RUNS,
        metavar="N",
        help=f"start-up rounds, drops and README imports (default {MIN_RUNS})",
    )
    parser.add_argument(
        "--keys",
        type=int,
        default=MIN_KEYS,
        metavar="N",
        help=f"keystrokes (each of demo, archive) and drag hover moves (default {MIN_KEYS})",
    )
    parser.add_argument(
        "--only", nargs="+", metavar="ROW", help="measure only these rows or groups"
    )
    parser.add_argument(
        "--no-write", action="store_true", help="print the table only; leave the docs as they are"
    )
    args = parser.parse_args(argv)
    if args.runs < 1 or args.keys < 1:
        parser.error("--runs and --keys must be at least 1")
    groups: list[str] = []
    for name in args.only or GROUPS:
        spec = next((s for s in SPECS if s.key == name), None)
        wanted = ALIASES.get(name) or ([spec.group] if spec else [name] if name in GROUPS else [])
        if not wanted:
            parser.error(f"unknown row {name!r} (see --help for the rows)")
        groups += [g for g in wanted if g not in groups]
    args.groups = [g for g in GROUPS if g in groups]  # always in the table's order
    return args


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse(argv)
    started = time.perf_counter()

    def log(text: str) -> None:
        print(f"[{time.perf_counter() - started:6.0f} s] {text}", file=sys.stderr, flush=True)

    when = dt.datetime.now().astimezone()
    try:
        rows, ctx = measure(args.groups, args.runs, args.keys, log)
    except ChildFailed as exc:  # the archive could not be made: nothing to measure
        log(str(exc))
        return 1
    command = shlex.join(["python", "-m", "benchmarks", *argv])
    generated = render(rows, ctx, command, when)
    print(generated)
    reasons = [
        text
        for text, why in (
            ("--no-write was given", args.no_write),
            ("only some rows were measured (--only)", args.only),
            (f"fewer than {MIN_RUNS} runs", args.runs < MIN_RUNS),
            (f"fewer than {MIN_KEYS} keystrokes", args.keys < MIN_KEYS),
        )
        if why
    ]
    if reasons:
        log(f"{DOC.relative_to(ROOT)} not written: {'; '.join(reasons)}")
    else:
        write_doc(generated)
        log(f"written to {DOC.relative_to(ROOT)}")
    failed = [row.spec.key for row in rows if row.measured == "failed"]
    return 1 if failed else 0
