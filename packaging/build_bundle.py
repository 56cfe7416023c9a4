"""Build the stand-alone seminar-gui (one folder, PyInstaller) and check that it works.

    pip install -e '.[bundle]'
    python packaging/build_bundle.py                 # → dist/seminar-gui/seminar-gui

Runs PyInstaller with packaging/seminar-gui.spec (work files in build/pyinstaller/),
then checks the bundle from another folder, with its own settings folders:

* ``seminar-gui --screenshot OUT.png`` renders the window (offscreen) to a 1400×900
  PNG, and Qt loads the SVG icon engine for the window icon;
* ``seminar-gui export DEMO`` of the demo inside the bundle prints the same README as
  ``python -m seminar_gui export DEMO`` in this Python;

and prints the folder's size and its start-up time (the median of 5 ``--screenshot``
runs) next to this environment's ``seminar-gui --screenshot``.  Exits non-zero when
the build or a check fails.  ``--check-only`` checks a bundle built before.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "seminar-gui.spec"
NAME = "seminar-gui"
SCREENSHOT_SIZE = (1400, 900)
TIMED_RUNS = 5
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class CheckFailed(Exception):
    """A check of the bundle failed (the message says which and why)."""


def build(dist: Path, work: Path, clean: bool = False) -> float:
    """Run PyInstaller; the seconds it took."""
    if importlib.util.find_spec("PyInstaller") is None:
        raise CheckFailed(
            f"PyInstaller is not installed: {sys.executable} -m pip install -e '.[bundle]'"
        )
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    cmd += ["--distpath", str(dist), "--workpath", str(work)]
    if clean:
        cmd.append("--clean")  # also PyInstaller's cache of processed (stripped) binaries
    start = time.perf_counter()
    done = subprocess.run([*cmd, str(SPEC)], cwd=ROOT, check=False)
    if done.returncode != 0:
        raise CheckFailed(f"PyInstaller failed (exit code {done.returncode})")
    return time.perf_counter() - start


def executable(folder: Path) -> Path:
    return folder / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def bundled_demo(folder: Path) -> Path:
    found = sorted(folder.rglob("seminar_gui/resources/demo.json"))
    if not found:
        raise CheckFailed(f"no seminar_gui/resources/demo.json in {folder}")
    return found[0]


def folder_size(folder: Path) -> int:
    """Bytes of the files in ``folder`` (symlinks count as links, not as their targets)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def venv_command() -> list[str]:
    """This environment's ``seminar-gui`` (the console script next to its Python)."""
    scripts = Path(sys.executable).parent
    script = scripts / (f"{NAME}.exe" if sys.platform == "win32" else NAME)
    return [str(script)] if script.is_file() else [sys.executable, "-m", "seminar_gui"]


def clean_env(home: Path) -> dict[str, str]:
    """The environment of a check: own settings folders, offscreen Qt."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "QT_DEBUG_PLUGINS")}
    env["SEMINAR_GUI_CONFIG_DIR"] = str(home / "config")
    env["SEMINAR_GUI_STATE_DIR"] = str(home / "state")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run(cmd: Sequence[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    done = subprocess.run(
        list(cmd), cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120
    )
    if done.returncode != 0:
        raise CheckFailed(
            f"{' '.join(cmd)} exited with {done.returncode}\n{done.stdout}{done.stderr}".rstrip()
        )
    return done


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes() if path.is_file() else b""
    if len(data) < 24 or not data.startswith(PNG_SIGNATURE):
        raise CheckFailed(f"{path} is not a PNG ({len(data)} bytes)")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def check_screenshot(program: Path, cwd: Path, env: dict[str, str]) -> None:
    """The window renders to a 1400×900 PNG, with its SVG icon."""
    out = cwd / "bundle-screenshot.png"
    done = run([str(program), "--screenshot", str(out)], cwd, {**env, "QT_DEBUG_PLUGINS": "1"})
    size = png_size(out)
    if size != SCREENSHOT_SIZE:
        raise CheckFailed(f"the screenshot is {size[0]}x{size[1]}, not 1400x900")
    loaded = [line for line in done.stderr.splitlines() if "loaded library" in line]
    if not any("iconengines" in line and "svgicon" in line for line in loaded):
        said = [line for line in done.stderr.splitlines() if "iconengines" in line]
        raise CheckFailed(
            "Qt did not load the SVG icon engine (the window icon):\n" + "\n".join(said[-10:])
        )


def check_export(program: Path, cwd: Path, env: dict[str, str]) -> str:
    """The bundle exports its demo as this environment does; the README."""
    demo = bundled_demo(program.parent)
    bundle = run([str(program), "export", str(demo)], cwd, env).stdout
    python = run([sys.executable, "-m", "seminar_gui", "export", str(demo)], cwd, env).stdout
    if not bundle.strip():
        raise CheckFailed("the bundle's export printed nothing")
    if bundle != python:
        raise CheckFailed("the bundle's export differs from python -m seminar_gui export")
    return bundle


def start_up_seconds(cmd: Sequence[str], cwd: Path, env: dict[str, str]) -> float:
    """The median wall time of TIMED_RUNS ``--screenshot`` runs (after one unmeasured)."""
    out = cwd / "timed.png"
    run([*cmd, "--screenshot", str(out)], cwd, env)  # warm the disk cache
    times = []
    for _ in range(TIMED_RUNS):
        start = time.perf_counter()
        run([*cmd, "--screenshot", str(out)], cwd, env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def check(folder: Path, timing: bool = True) -> None:
    program = executable(folder)
    if not program.is_file():
        raise CheckFailed(f"no {program}: build the bundle first")
    with tempfile.TemporaryDirectory(prefix="seminar-gui-bundle-") as tmp:
        cwd = Path(tmp)  # another folder than the checkout, with its own settings
        env = clean_env(cwd)
        check_screenshot(program, cwd, env)
        print(f"ok: {program.name} --screenshot renders the 1400x900 window with its icon")
        readme = check_export(program, cwd, env)
        lines = len(readme.splitlines())
        print(
            f"ok: {program.name} export of the bundled demo = python -m seminar_gui ({lines} lines)"
        )
        print(f"size: {folder_size(folder) / 2**20:.1f} MiB in {folder}")
        if timing:
            bundle = start_up_seconds([str(program)], cwd, env)
            venv = start_up_seconds(venv_command(), cwd, env)
            print(
                f"start-up (--screenshot, median of {TIMED_RUNS}): bundle {bundle:.2f} s, "
                f"{' '.join(venv_command())} {venv:.2f} s"
            )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)"
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=ROOT / "build" / "pyinstaller",
        help="PyInstaller's work folder (default: build/pyinstaller/)",
    )
    parser.add_argument(
        "--clean", action="store_true", help="empty PyInstaller's cache first (a cold build)"
    )
    parser.add_argument("--check-only", action="store_true", help="check an existing bundle")
    parser.add_argument("--no-timing", action="store_true", help="skip the start-up timing")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # among PyInstaller's
    folder = args.dist.resolve() / NAME
    try:
        if not args.check_only:
            seconds = build(args.dist.resolve(), args.work.resolve(), args.clean)
            print(f"built {folder} in {seconds:.0f} s")
            left_out = args.work.resolve() / NAME / "left-out.txt"
            if left_out.is_file():
                count = len(left_out.read_text(encoding="utf-8").split())
                print(
                    f"left out: {count} files of Qt and the libraries only they need ({left_out})"
                )
        check(folder, timing=not args.no_timing)
    except (CheckFailed, subprocess.TimeoutExpired) as exc:
        print(f"build_bundle: FAILED: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
