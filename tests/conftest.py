"""Test configuration: headless Qt, settings and state kept out of the user's home."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point seminar-gui's config and state dirs at a temporary folder."""
    base = tmp_path_factory.mktemp("appdirs")
    monkeypatch.setenv("SEMINAR_GUI_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("SEMINAR_GUI_STATE_DIR", str(base / "state"))
    return base


@pytest.fixture
def fixture_readme() -> str:
    return (FIXTURES / "2025-fall-README.md").read_text(encoding="utf-8")


@pytest.fixture
def canonical_readme() -> str:
    return (FIXTURES / "2025-fall-README.canonical.md").read_text(encoding="utf-8")
