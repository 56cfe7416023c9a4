"""The demo semester that ships with seminar-gui (the group's 2025 Fall README, repaired)."""

from __future__ import annotations

from seminar_gui.core.model import Document
from seminar_gui.core.storage import loads_project
from seminar_gui.resources import read_text

DEMO_NAME = "demo.json"


def demo_text() -> str:
    return read_text(DEMO_NAME)


def load_demo() -> Document:
    return loads_project(demo_text(), source=f"<bundled {DEMO_NAME}>")
