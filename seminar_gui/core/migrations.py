"""Upgrading project files written by older versions of seminar-gui.

Each step is one function registered in :data:`MIGRATIONS` under the version it
reads: ``MIGRATIONS[v]`` turns the parsed JSON of a version-``v`` file into the
JSON of a version-``v + 1`` file.  :func:`migrate` runs the steps in order, from
the file's ``schema_version`` up to :data:`seminar_gui.core.model.SCHEMA_VERSION`.

Version 2 added the planning fields (the semester's meeting time, place, online
link and breaks; the project's rules, holiday country and announcement template; a
paper's authors), all with defaults: a version-1 file reads as it is.  When the format
changes: bump ``model.SCHEMA_VERSION``, add ``MIGRATIONS[old] = _v{old}_to_v{new}``
here, and add a test that loads a file of the old version.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from seminar_gui.core import model
from seminar_gui.core.errors import ProjectFileError
from seminar_gui.core.messages import QT_TRANSLATE_NOOP

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 only added fields with defaults (an older seminar-gui refuses a
    version-2 file by its version, instead of failing on the new fields)."""
    return {**data, "schema_version": 2}


#: ``MIGRATIONS[v]`` upgrades a version-``v`` file to version ``v + 1``.
MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2}

# The steps that only raise the version number (what they added has defaults).
RENUMBERING: frozenset[Migration] = frozenset({_v1_to_v2})


def only_renumbers(version: int) -> bool:
    """Whether every step from ``version`` up to the current version only raises the
    number: such a file reads as a current one (parsed once, not three times; the
    loader then sets the current version), and its messages keep their lines."""
    target = model.SCHEMA_VERSION
    return 0 < version < target and all(
        MIGRATIONS.get(step) in RENUMBERING for step in range(version, target)
    )


_NO_STEP = QT_TRANSLATE_NOOP(
    "migrations",
    "cannot upgrade the file from schema_version {version} to {next}: this version of "
    "seminar-gui has no upgrade for it; open it with the version that wrote it, or "
    "report this as a bug",
)
_STEP_FAILED = QT_TRANSLATE_NOOP(
    "migrations",
    "cannot upgrade the file from schema_version {version} to {next} ({error}); the "
    "file may have been edited by hand: fix it, or restore a backup",
)


def migrate(data: dict[str, Any], source: str | Path | None = None) -> dict[str, Any]:
    """Upgrade parsed project JSON to the current schema version.

    ``data`` must carry an integer ``schema_version`` no newer than the current one
    (the loader checks that).  The input is not modified; the result has
    ``schema_version`` set to ``model.SCHEMA_VERSION``.  Raises
    :class:`ProjectFileError` naming ``source`` when a step is missing or fails.
    """
    version = data["schema_version"]
    target = model.SCHEMA_VERSION
    if version >= target:
        return data
    data = copy.deepcopy(data)
    while version < target:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ProjectFileError(_NO_STEP(version=version, next=version + 1), file=source)
        try:
            data = step(data)
        except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
            error = f"{type(exc).__name__}: {exc}"
            message = _STEP_FAILED(version=version, next=version + 1, error=error)
            raise ProjectFileError(message, file=source) from exc
        version += 1
        data["schema_version"] = version
    return data
