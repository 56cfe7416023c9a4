"""What identifies the installed code, for what is kept between runs (no Qt).

The state folder keeps answers that took time to compute: the public holidays
(:mod:`seminar_gui.core.plan`) and the preview's rendered blocks
(:mod:`seminar_gui.core.render`).  Each is thrown away when the code that computed it
changes: an update, another installation, an edited checkout.  The identity is
found without importing the modules and without reading package metadata (which
costs ~3 ms at each start: ``importlib.metadata`` parses the METADATA file).
"""

from __future__ import annotations

import importlib.util
import os

from seminar_gui import __version__


def code_identity(*modules: str) -> str:
    """seminar-gui's version, and the location, size and date of each module's file
    ("NAME ?" for a module that is not installed or has no file of its own, as inside
    a bundle, where the version alone names the code)."""
    parts = [__version__]
    for name in modules:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec is not None else None
        try:
            info = os.stat(origin or "")
        except OSError:
            parts.append(f"{name} ?")
        else:
            parts.append(f"{origin} {info.st_size} {info.st_mtime_ns}")
    return "\n".join(parts)
