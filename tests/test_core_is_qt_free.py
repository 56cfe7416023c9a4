"""The core and the command line never load Qt (they must run without a display)."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import importlib, pkgutil, sys
import seminar_gui.core
for info in pkgutil.walk_packages(seminar_gui.core.__path__, "seminar_gui.core."):
    importlib.import_module(info.name)
import seminar_gui.cli
from seminar_gui.cli import main
main(["schema"])
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print("QT-MODULES:", loaded, file=sys.stderr)
sys.exit(1 if loaded else 0)
"""


def test_core_and_cli_do_not_import_qt() -> None:
    proc = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "QT-MODULES: []" in proc.stderr
