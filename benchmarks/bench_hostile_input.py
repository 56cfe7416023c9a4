"""Hostile and huge inputs: README import, project load and ``check``, time and memory.

Run:  python benchmarks/bench_hostile_input.py [--timeout S] [--only NAME ...]

Every input is written to a temporary file and handled in a fresh subprocess (so the
peak memory is that input's alone), the way a user meets it: ``import`` is
``import_readme_file``, ``load`` is ``load_project``, ``check`` is ``seminar-gui check``.
Printed per input: its size, the wall time of the operation (after the imports), the
outcome (ok / the project's own error / a crash) and the process's peak RSS.

Target (issue 8): every input up to 10 MB is handled, result or the project's own
one-line error, within 1 s; ``check`` on a large file in bounded memory.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

MB = 1_000_000
HEAD = "# 2025 Fall\n\n## Schedule\n\n### December 2\n\n"

# ------------------------------------------------------------------------ inputs


def _readme_archive(size: int) -> str:
    """A real-looking README (the synthetic archive) of about ``size`` bytes."""
    from archive import make_archive

    from seminar_gui.core.readme.export import export_readme

    years = 1
    while True:
        text = export_readme(make_archive(years=years))
        if len(text.encode()) >= size or years >= 2000:
            return text
        years = max(years + 1, int(years * size / len(text.encode())) + 1)


def _semesters(count: int) -> str:
    """``count`` semesters of two lines each (from 1000 Spring on)."""
    seasons = ("Spring", "Summer", "Fall", "Winter")
    return "".join(f"# {1000 + i // 4} {seasons[i % 4]}\n## Schedule\n" for i in range(count))


def _mojibake_lines(size: int = 511_000, lines: int = 20_000) -> str:
    """Damaged presenter lines, each different (the repair of a line is cached)."""
    out, total, i = [HEAD], len(HEAD.encode()), 0
    while len(out) <= lines - HEAD.count("\n") - 1:
        line = f"- ğŸ™â€â™‚ï¸ A{i}, B, C\n"
        total += len(line.encode())
        if total > size:
            break
        out.append(line)
        i += 1
    return "".join(out)


def _json_archive(size: int) -> str:
    from archive import make_archive

    from seminar_gui.core.storage import dumps_project

    per_year = len(dumps_project(make_archive(years=2)).encode()) // 2
    years = max(1, size // per_year + 1)
    return dumps_project(make_archive(years=min(years, 1026)))  # titles from 1000 Fall on


def _json_tail(text: str, damage: Callable[[str], str]) -> str:
    return damage(text)


def _bad_last_date(text: str) -> str:
    """The last session's date becomes an invalid one (validation error at the end)."""
    at = text.rfind('"date": "')
    return text[:at] + '"date": "2025-02-30"' + text[at + len('"date": "2025-01-01"') :]


def _fill(head: str, unit: str, size: int = 511_000, lines: int | None = None) -> str:
    """``head`` and as many ``unit`` as fit in ``size`` bytes (just under the README's
    byte cap) and, given ``lines``, in that many lines (the README's line cap: 20,000)."""
    count = (size - len(head.encode())) // len(unit.encode())
    if lines is not None and "\n" in unit:
        count = min(count, (lines - head.count("\n")) // unit.count("\n"))
    return head + unit * count


FLOODS = [  # (what, unit): one line of it repeated
    ("'- 💡 x' (a topic each)", "- 💡 x\n"),
    ("'- ✨ x' (a topic each)", "- ✨ x\n"),
    ("'#### T' (a topic each)", "#### T\n"),
    ("'### Dec 2' (a session each)", "### Dec 2\n"),
    ("'x' (a warning each)", "x\n"),
    ("blank lines", "\n"),
    ("mojibake topic lines", "- ğŸ’¡ Ã©\n"),
    ("'[📕 s](x)' lines", "- [📕 s](x)\n"),
]


CASES: list[tuple[str, str, str, Callable[[], str]]] = [
    # name, suffix, operation, content
    (
        "md: 10 MB line of '[' in a paper bullet",
        ".md",
        "import",
        lambda: HEAD + "- 💡 " + "[" * (10 * MB),
    ),
    ("md: 1 MB line of '[' in a paper bullet", ".md", "import", lambda: HEAD + "- 💡 " + "[" * MB),
    ("md: 1 MB line of '[' (materials)", ".md", "import", lambda: HEAD + "- " + "[" * MB),
    (
        "md: 1 MB of '[a](' in a paper bullet",
        ".md",
        "import",
        lambda: HEAD + "- 💡 " + "[a](" * (MB // 4),
    ),
    ("md: 1 MB '[' + '[]'*n (paper)", ".md", "import", lambda: HEAD + "- 💡 [" + "[]" * (MB // 2)),
    ("md: 1 MB of backslashes (paper)", ".md", "import", lambda: HEAD + "- 💡 [" + "\\" * MB),
    (
        "md: 1 MB of links (materials)",
        ".md",
        "import",
        lambda: HEAD + "- " + "[📕 s](x)," * (MB // 12) + "[v](y)",
    ),
    (
        "md: 200 kB heading of spaces",
        ".md",
        "import",
        lambda: HEAD + "# x" + " \t" * (MB // 10) + "x",
    ),
    ("md: 1 MB heading of spaces", ".md", "import", lambda: HEAD + "# x" + " \t" * (MB // 2) + "x"),
    (
        "md: 1 MB presenters, spaces before '&'",
        ".md",
        "import",
        lambda: HEAD + "- 🙋 A" + " " * MB + "& B",
    ),
    (
        "md: 1 MB presenter, spaces before ')'",
        ".md",
        "import",
        lambda: HEAD + "- 🙋 a" + " " * MB + "x)",
    ),
    ("md: 1 MB presenters ', , , '", ".md", "import", lambda: HEAD + "- 🙋 " + "a, " * (MB // 3)),
    ("md: 1 MB of short unknown lines", ".md", "import", lambda: HEAD + "x\n" * (MB // 2)),
    ("md: 1 MB of mojibake", ".md", "import", lambda: HEAD + "Ã©Ã¨ " * (MB // 10)),
    ("md: 511 kB line of '[' + '[]'*n", ".md", "import", lambda: _fill(HEAD + "- 💡 [", "[]")),
    ("md: 511 kB heading of spaces", ".md", "import", lambda: _fill(HEAD + "# x", " \t") + "x"),
    (
        "md: 511 kB presenter, spaces before ')'",
        ".md",
        "import",
        lambda: _fill(HEAD + "- 🙋 a", " ") + "x)",
    ),
    ("md: 511 kB presenters 'a and '", ".md", "import", lambda: _fill(HEAD + "- 🙋 ", "a and ")),
    *[
        (f"md: 511 kB of {what}", ".md", "import", lambda unit=unit: _fill(HEAD, unit))
        for what, unit in FLOODS
    ],
    *[
        (
            f"md: 20,000 lines of {what}",
            ".md",
            "import",
            lambda u=unit: _fill(HEAD, u, lines=20_000),
        )
        for what, unit in FLOODS
    ],
    ("md: 20,000 lines, each other mojibake", ".md", "import", lambda: _mojibake_lines()),
    ("md: 10,000 semesters", ".md", "import", lambda: _semesters(10_000)),
    (
        "md: 30,000 sessions",
        ".md",
        "import",
        lambda: "# 2025 Fall\n## Schedule\n" + "### December 2\n- 💡 x\n" * 30_000,
    ),
    ("md: 1 MB archive README", ".md", "import", lambda: _readme_archive(MB)),
    ("md: 500 kB archive README (32 years)", ".md", "check", lambda: _readme_archive(500_000)),
    ("md: 10 MB archive README", ".md", "check", lambda: _readme_archive(10 * MB)),
    (
        "md: '# 0025 Fall'",
        ".md",
        "import",
        lambda: "# 0025 Fall\n## Schedule\n### December 2\n- 💡 x\n",
    ),
    (
        "json: integer of 5000 digits",
        ".json",
        "check",
        lambda: '{"schema_version": 1, "semesters": [], "preamble": ' + "9" * 5000 + "}",
    ),
    (
        "json: schema_version of 5000 digits",
        ".json",
        "check",
        lambda: '{"schema_version": ' + "1" * 5000 + "}",
    ),
    (
        "json: 1 MB of '['",
        ".json",
        "check",
        lambda: '{"schema_version": 1, "preamble": ' + "[" * MB,
    ),
    ("json: 1 MB archive", ".json", "check", lambda: _json_archive(MB)),
    ("json: 8 MB archive (400 years)", ".json", "check", lambda: _json_archive(8 * MB)),
    (
        "json: 8 MB archive, bad date at the end",
        ".json",
        "check",
        lambda: _bad_last_date(_json_archive(8 * MB)),
    ),
    ("json: 10 MB archive", ".json", "check", lambda: _json_archive(10 * MB)),
    (
        "json: 10 MB archive, bad date at the end",
        ".json",
        "check",
        lambda: _bad_last_date(_json_archive(10 * MB)),
    ),
    (
        "json: 10 MB archive, trailing comma at the end",
        ".json",
        "check",
        lambda: _json_archive(10 * MB).rstrip()[:-2] + ",]}",
    ),
    ("json: 50 MB archive", ".json", "check", lambda: _json_archive(50 * MB)),
    (
        "json: 10 MB preamble of escapes",
        ".json",
        "check",
        lambda: '{"schema_version": 1, "preamble": "' + "\\n" * (5 * MB) + '"}',
    ),
]

# ------------------------------------------------------------------ measuring

_CHILD = r"""
import contextlib, io, json, resource, sys, time
from pathlib import Path
op, path = sys.argv[1], Path(sys.argv[2])
from seminar_gui import cli
from seminar_gui.core import checks, storage
from seminar_gui.core.errors import SeminarError
from seminar_gui.core.readme import importer
def peak_kb():  # VmHWM: this process's own peak (ru_maxrss survives exec on Linux)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
base = peak_kb()
out, err = io.StringIO(), io.StringIO()
start = time.perf_counter()
try:
    if op == "import":
        importer.import_readme_file(path)
        outcome = "ok"
    elif op == "load":
        storage.load_project(path)
        outcome = "ok"
    else:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            rc = cli.main(["check", str(path)])
        outcome = f"exit {rc}"
        if rc == 2:
            outcome += ": " + err.getvalue().strip()
except SeminarError as exc:
    outcome = "error: " + str(exc)
except BaseException as exc:
    outcome = f"CRASH {type(exc).__name__}: {exc}"
elapsed = (time.perf_counter() - start) * 1000
peak = peak_kb()
print(json.dumps({"ms": elapsed, "outcome": outcome[:300], "peak_kb": peak, "base_kb": base}))
"""


def measure(op: str, path: Path, timeout: float) -> dict[str, object]:
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, op, str(path)],
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
    except subprocess.TimeoutExpired:
        return {"ms": None, "outcome": f"HANG (killed after {timeout:.0f} s)"}
    try:
        return json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        tail = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"ms": None, "outcome": f"CRASH (exit {done.returncode}): {tail}"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per input")
    parser.add_argument("--only", nargs="*", help="run the cases whose name contains one of these")
    args = parser.parse_args()
    import seminar_gui

    print(f"code: {Path(seminar_gui.__file__).parent}")
    print(f"{'input':50} {'size':>9} {'ms':>9} {'peak RSS':>9} {'+input':>7}  outcome")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, suffix, op, make in CASES:
            if args.only and not any(word in name for word in args.only):
                continue
            path = Path(tmp) / f"input{suffix}"
            path.write_text(make(), encoding="utf-8", errors="surrogatepass")
            size = path.stat().st_size
            row = measure(op, path, args.timeout)
            ms = row.get("ms")
            if isinstance(ms, float) and size <= 10 * MB:
                worst = max(worst, ms)
            peak = row.get("peak_kb")
            shown_ms = f"{ms:9.0f}" if isinstance(ms, float) else f"{'-':>9}"
            base = row.get("base_kb")
            shown_rss = (
                f"{peak / 1024:7.0f}MB {(peak - base) / 1024:5.0f}MB"
                if isinstance(peak, int) and isinstance(base, int)
                else f"{'-':>9} {'-':>7}"
            )
            outcome = str(row["outcome"]).split("\n")[0]
            print(f"{name[:50]:50} {size / MB:8.2f}M {shown_ms} {shown_rss}  {op}: {outcome[:110]}")
            path.unlink()
    print(f"slowest input up to 10 MB: {worst:.0f} ms (target: 1000 ms)")


if __name__ == "__main__":
    main()
