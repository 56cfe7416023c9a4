"""The UI language: which one, and the translations of our texts and Qt's.

seminar-gui is written in English and translated into Simplified Chinese
(``resources/seminar_gui_zh_CN.ts``, compiled to ``.qm`` by
``python packaging/update_translations.py``).  The language follows the system
locale unless the settings name one (View › Language; it applies at the next
start).  The window loads the ``.qm`` through Qt; the command line, which imports no
Qt, reads the same translations from the ``.ts`` file (:class:`TsCatalog`).

Only what a person reads is translated.  The README the program writes stays in the
document's own language and format, whatever the UI language.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from seminar_gui import resources

#: The languages the UI can be shown in: setting value → name shown in the menu
#: (each in its own language).  "" follows the system.
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "中文（简体）"}
TRANSLATED = tuple(language for language in LANGUAGES if language != "en")
CATALOG = "seminar_gui"


def language_for_locale(name: str) -> str:
    """The UI language for a locale name ("zh_CN.UTF-8", "zh-Hans-CN", "de_DE"):
    Chinese for any Chinese locale, English otherwise."""
    return "zh_CN" if name.lower().replace("-", "_").startswith("zh") else "en"


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the system asks for, as POSIX programs read it
    (LC_ALL, then LC_MESSAGES, then LANG; LANGUAGE's first entry first)."""
    env = os.environ if environ is None else environ
    first = env.get("LANGUAGE", "").split(":")[0]
    for name in (first, env.get("LC_ALL", ""), env.get("LC_MESSAGES", ""), env.get("LANG", "")):
        if name and name not in ("C", "POSIX") and not name.startswith("C."):
            return language_for_locale(name)
    return "en"


def chosen_language(setting: str, system: str) -> str:
    """The setting when it names a known language, else the system's."""
    return setting if setting in LANGUAGES else system


def qm_path(language: str) -> Path:
    return resources.path(f"{CATALOG}_{language}.qm")


def ts_path(language: str) -> Path:
    return resources.path(f"{CATALOG}_{language}.ts")


class TsCatalog:
    """The finished translations of one ``.ts`` file, looked up like QTranslator
    (context, source text, optional disambiguation).  For the command line only."""

    def __init__(self, path: Path) -> None:
        import xml.etree.ElementTree as ET

        self._entries: dict[tuple[str, str, str], str] = {}
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                    continue
                key = (name, message.findtext("source") or "", message.findtext("comment") or "")
                self._entries[key] = translation.text or ""

    def translate(self, context: str, source: str, disambiguation: str = "") -> str:
        return self._entries.get((context, source, disambiguation)) or source


def cli_translate(language: str) -> Any:
    """A ``translate(context, source)`` for the command line's messages: the catalog of
    ``language`` (the UI language), or the identity for English (and when the catalog
    is missing)."""
    path = ts_path(language)
    if language in TRANSLATED and path.is_file():
        return TsCatalog(path).translate
    return lambda _context, source: source
