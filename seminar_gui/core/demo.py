"""The demo semester that ships with seminar-gui (the group's 2025 Fall README, repaired)."""

from __future__ import annotations

from importlib import resources

from seminar_gui.core.model import Document
from seminar_gui.core.storage import loads_project

DEMO_NAME = "demo.json"


def demo_text() -> str:
    return resources.files("seminar_gui.resources").joinpath(DEMO_NAME).read_text("utf-8")


def load_demo() -> Document:
    return loads_project(demo_text(), source=f"<bundled {DEMO_NAME}>")
