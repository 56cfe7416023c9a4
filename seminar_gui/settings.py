"""Where seminar-gui keeps its settings and state, and the settings themselves.

Folders come from platformdirs; ``SEMINAR_GUI_CONFIG_DIR`` and
``SEMINAR_GUI_STATE_DIR`` override them (tests and portable installs use that).
Settings are a small JSON file; a damaged one is set aside, never fatal.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from seminar_gui.core.atomic import atomic_write_text
from seminar_gui.core.fields import empty_list
from seminar_gui.core.lookup import ARXIV_API, CROSSREF_API, TIMEOUT

APP = "seminar-gui"
MAX_RECENT = 10


def config_dir() -> Path:
    override = os.environ.get("SEMINAR_GUI_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP))


def state_dir() -> Path:
    override = os.environ.get("SEMINAR_GUI_STATE_DIR")
    return Path(override) if override else Path(platformdirs.user_state_dir(APP))


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    recent_files: list[str] = Field(default_factory=empty_list)
    last_document: str | None = None
    geometry: str = ""  # base64 of QWidget.saveGeometry()
    window_state: str = ""  # base64 of QMainWindow.saveState()
    splitter_sizes: list[int] = Field(default_factory=empty_list)
    last_semester: dict[str, str] = Field(default_factory=dict)  # document path -> title
    welcomed: bool = False  # the first start's welcome was answered (or a project opened)
    language: str = ""  # "" follows the system; else a key of translations.LANGUAGES
    # The paper look-up's services (core/lookup.py); tests point them at 127.0.0.1.
    arxiv_api: str = ARXIV_API
    crossref_api: str = CROSSREF_API
    lookup_timeout: float = Field(default=TIMEOUT, gt=0, le=120)  # seconds per answer
    # File › Publish…: "Push to the remote" as last chosen, by project file path.
    publish_push: dict[str, bool] = Field(default_factory=dict)
    # False: settings of a run that must leave the organizer's own alone (a screenshot).
    _kept: bool = PrivateAttr(default=True)

    @classmethod
    def unsaved(cls, **values: object) -> Settings:
        """Settings that :func:`save_settings` never writes (``seminar-gui --screenshot``
        opens a file with a window of its own, which must not replace the organizer's
        recent files, layout and choices with its defaults)."""
        settings = cls.model_validate(values)
        settings._kept = False
        return settings

    @property
    def kept(self) -> bool:
        return self._kept

    def add_recent(self, path: Path) -> None:
        text = str(path)
        self.recent_files = [text, *[p for p in self.recent_files if p != text]][:MAX_RECENT]
        self.last_document = text

    def forget(self, path: Path) -> None:
        self.recent_files = [p for p in self.recent_files if p != str(path)]
        if self.last_document == str(path):
            self.last_document = None


def holiday_cache_path() -> Path:
    """Where the public holidays looked up are kept between runs (core/plan.py)."""
    return state_dir() / "holidays.json"


def block_store_path() -> Path:
    """Where the preview's rendered blocks are kept between runs (core/render.py)."""
    return state_dir() / "preview-blocks.json"


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> Settings:
    path = settings_path()
    try:
        return Settings.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError, ValidationError):
        # Keep the damaged file for inspection and start with defaults.
        with contextlib.suppress(OSError):
            path.replace(path.with_name("settings.damaged.json"))
        return Settings()


def save_settings(settings: Settings) -> None:
    if not settings.kept:
        return
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, settings.model_dump_json(indent=2) + "\n")
