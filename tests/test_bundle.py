"""The stand-alone build works on its own (issue 10): packaging/build_bundle.py builds
the one-folder app with PyInstaller into a fresh folder and checks it (the window
renders with its icon, the bundled demo exports as the package does); the bundle
exports the demo as the canonical README and leaves unused Qt out.

About 25 s on two cores; PyInstaller comes with the test extra (skipped only where it
is not installed).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.slow
def test_the_bundle_renders_the_window_and_exports_the_demo(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller", reason="the bundle extra is not installed")
    dist, work = tmp_path / "dist", tmp_path / "work"
    script = ROOT / "packaging" / "build_bundle.py"
    done = subprocess.run(
        [sys.executable, str(script), "--dist", str(dist), "--work", str(work), "--no-timing"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok: seminar-gui --screenshot" in done.stdout
    assert "ok: seminar-gui export" in done.stdout

    folder = dist / "seminar-gui"
    program = folder / ("seminar-gui.exe" if sys.platform == "win32" else "seminar-gui")
    [demo] = folder.rglob("seminar_gui/resources/demo.json")
    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        "SEMINAR_GUI_CONFIG_DIR": str(tmp_path / "config"),
        "SEMINAR_GUI_STATE_DIR": str(tmp_path / "state"),
    }
    readme = subprocess.run(
        [str(program), "export", str(demo)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        encoding="utf-8",
        check=True,
    ).stdout
    assert readme == (FIXTURES / "2025-fall-README.canonical.md").read_text(encoding="utf-8")
    # The planning helpers' packages work frozen: holidays (its country modules and
    # .mo files are loaded by name) and icalendar.
    data = json.loads(demo.read_text(encoding="utf-8"))
    for session in data["semesters"][0]["sessions"]:
        if session["date"] == "2025-10-21":
            session["date"] = "2025-10-07"  # in the National Day week
    moved = tmp_path / "moved.seminar.json"
    moved.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    check = subprocess.run(
        [str(program), "check", str(moved)], env=env, capture_output=True, encoding="utf-8"
    )
    assert "public holiday (National Day" in check.stdout, check.stdout + check.stderr
    feed = tmp_path / "schedule.ics"
    subprocess.run([str(program), "ics", str(demo), "-o", str(feed)], env=env, check=True)
    assert feed.read_text(encoding="utf-8").count("BEGIN:VEVENT") == 9
    # The UI's own translations ship with it (.qm for the window, .ts for the CLI).
    resources = demo.parent
    assert list(resources.glob("*.qm")) and list(resources.glob("*.ts"))

    # What the app does not use stays out of the download.
    names = {p.name for p in folder.rglob("*")}
    for unused in ("Qt6Network", "Qt6Qml", "Qt6Quick", "Qt6OpenGL", "Qt6Pdf", "tkinter"):
        assert not any(unused in name for name in names), unused
    qt_translations = {p.name for p in folder.rglob("translations/*.qm")}
    assert qt_translations == {"qtbase_zh_CN.qm"}
    platforms = {p.name for p in folder.rglob("plugins/platforms/*")}
    assert not any("eglfs" in name or "vnc" in name for name in platforms)
