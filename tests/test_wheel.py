"""The wheel a user installs works outside the checkout (issue 10).

Builds the wheel, installs it into a fresh venv (the dependencies come from the test's
own environment: its site-packages are put on the path, without their ``.pth`` files,
so the checkout's editable install stays out) and, from another folder, exports the
bundled demo and renders the window to a PNG.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{cmd}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.slow
def test_the_installed_wheel_exports_the_demo_and_renders_the_window(tmp_path: Path) -> None:
    # From a clean copy: setuptools builds in the source tree and reuses its build/.
    source = tmp_path / "source"
    junk = (".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache")
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*junk, ".hypothesis"))
    dist = tmp_path / "dist"
    run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(source)],
        tmp_path,
    )
    [wheel] = dist.glob("seminar_gui-*.whl")

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    site = Path(
        run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], tmp_path
        ).strip()
    )
    (site / "test-deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)], tmp_path
    )

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "QT_QPA_PLATFORM")},
        "SEMINAR_GUI_CONFIG_DIR": str(tmp_path / "config"),
        "SEMINAR_GUI_STATE_DIR": str(tmp_path / "state"),
    }
    where = run(
        [str(python), "-c", "import seminar_gui; print(seminar_gui.__file__)"], elsewhere, env
    )
    assert Path(where.strip()).is_relative_to(env_dir)  # the wheel, not the checkout

    demo = run(
        [
            str(python),
            "-c",
            "from importlib.resources import files; "
            "print(files('seminar_gui.resources') / 'demo.json')",
        ],
        elsewhere,
        env,
    ).strip()
    script = env_dir / "bin" / "seminar-gui"
    run([str(script), "export", demo, "-o", "README.md"], elsewhere, env)
    canonical = (FIXTURES / "2025-fall-README.canonical.md").read_text(encoding="utf-8")
    assert (elsewhere / "README.md").read_text(encoding="utf-8") == canonical

    window = env_dir / "bin" / "seminar-gui-window"  # the gui-scripts entry point
    assert window.is_file()
    run([str(window), "--version"], elsewhere, env)
    run([str(script), "--screenshot", "shot.png"], elsewhere, env)
    png = (elsewhere / "shot.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1400, 900)
