"""The package layout a wheel is built from: every folder of code ships."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_for_the_wheel() -> None:
    """A feature folder missing from pyproject.toml would be absent from an installed
    seminar-gui (the editable install of the developers would still find it)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "seminar_gui").rglob("__init__.py")
    }
    assert found - listed == set(), "add these to [tool.setuptools] packages"
    assert listed - found == {"seminar_gui.resources"}  # mapped from resources/


def test_every_feature_folder_says_what_it_is() -> None:
    """A newcomer finds a feature from the folder names and its one-line docstring."""
    for init in (ROOT / "seminar_gui").rglob("__init__.py"):
        text = init.read_text(encoding="utf-8").strip()
        assert text.startswith('"""') and len(text) > 20, init
