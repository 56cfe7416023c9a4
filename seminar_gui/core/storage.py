"""Reading and writing project files: the JSON form of a :class:`Document`.

The file is a user-visible contract: UTF-8 JSON, indented by 2, keys in the model's
field order (``schema_version`` first), semesters and sessions newest first, one
trailing newline, so that the same document always gives the same bytes and diffs
stay small.  Files written by older versions are upgraded by
:mod:`seminar_gui.core.migrations`; every problem is a :class:`ProjectFileError`
naming the file, the line and the field, and saying what to do.
"""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import PydanticSerializationError, to_json

from seminar_gui.core import migrations, model
from seminar_gui.core.atomic import atomic_write_text
from seminar_gui.core.errors import ProjectFileError, read_input
from seminar_gui.core.json_errors import (
    found,
    json_problem,
    locate,
    restore_hint,
    validation_error,
)
from seminar_gui.core.model import Document

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


# ------------------------------------------------------------------------- writing


def dumps_project(doc: Document) -> str:
    """The project file's text for ``doc`` (deterministic, ends with a newline)."""
    data = doc.model_dump(mode="json")
    data["schema_version"] = model.SCHEMA_VERSION  # the layout written is this version's
    # The model sorts on validation; lists mutated in place are sorted here too.
    data["semesters"].sort(key=_semester_key, reverse=True)
    for semester in data["semesters"]:
        semester["sessions"].sort(key=lambda session: session["date"], reverse=True)
        for session in semester["sessions"]:
            for topic in session["topics"]:
                extra = topic["extra"]
                if extra:
                    topic["extra"] = {k: extra[k] for k in model.EXTRA_POSITIONS if k in extra}
    try:  # the same text as json.dumps(data, ensure_ascii=False, indent=2), 7x faster
        return to_json(data, indent=2).decode("utf-8") + "\n"
    except PydanticSerializationError:  # a lone surrogate, not text: write U+FFFD instead
        return (
            re.sub("[\ud800-\udfff]", "\ufffd", json.dumps(data, ensure_ascii=False, indent=2))
            + "\n"
        )


def _semester_key(semester: dict[str, Any]) -> tuple[int, int]:
    parsed = model.parse_semester_title(semester["title"])
    return (parsed[0], model.SEASON_ORDER[parsed[1]]) if parsed else (0, -1)


def save_project(doc: Document, path: str | Path) -> None:
    """Write ``doc`` to ``path`` atomically, keeping the previous file as ``path.bak``.

    On failure the file on disk is left as it was and no temporary file remains.
    """
    atomic_write_text(path, dumps_project(doc), backup=True)


# ------------------------------------------------------------------------- reading


def load_project(path: str | Path) -> Document:
    """Read a project file.  Never modifies it."""
    path = Path(path)
    raw = read_input(
        path,
        lambda why: ProjectFileError(
            f"cannot read the file: {why}; check its name and folder and that you may read it",
            file=path,
        ),
    )
    return loads_project(_decode(raw, path), path)


def _decode(raw: bytes, source: Path) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = raw.rfind(b"\n", 0, exc.start) + 1
        raise ProjectFileError(
            f"the file is not UTF-8 text (byte {raw[exc.start]:#04x}); an editor probably "
            f"saved it in another encoding: save it as UTF-8, or {restore_hint(source)}",
            file=source,
            line=raw.count(b"\n", 0, exc.start) + 1,
            column=len(raw[start : exc.start].decode("utf-8", "replace")) + 1,
        ) from exc


def loads_project(text: str, source: str | Path | None = None) -> Document:
    """Parse a project file's text; ``source`` names the file in error messages."""
    text = text.removeprefix("\ufeff")
    with contextlib.suppress(ValidationError):  # the common case, parsed once
        doc = Document.model_validate_json(text, strict=True)
        if doc.schema_version == model.SCHEMA_VERSION and "schema_version" in doc.model_fields_set:
            return doc
    # Parse again to check the version, upgrade, or say precisely what is wrong.
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = "not valid JSON: " + json_problem(exc, text, source)
        raise ProjectFileError(problem, file=source, line=exc.lineno, column=exc.colno) from exc
    except RecursionError as exc:
        raise ProjectFileError("the data is nested too deeply", file=source) from exc
    version = _check_version(data, text, source)
    migrated = version < model.SCHEMA_VERSION
    if migrated:
        data = migrations.migrate(data, source)
    try:
        return Document.model_validate_json(json.dumps(data) if migrated else text, strict=True)
    except ValidationError as exc:
        raise validation_error(exc, data, None if migrated else text, source) from exc


def _check_version(data: object, text: str, source: str | Path | None) -> int:
    current = model.SCHEMA_VERSION
    version = data.get("schema_version") if isinstance(data, dict) else None
    line, column = locate(text, ("schema_version",)) or (1, None)
    if not isinstance(data, dict):
        problem = f"not a seminar-gui project: the file holds {found(data)}, not {{...}}"
    elif "schema_version" not in data:
        problem = (
            '"schema_version" is missing, so this is not a seminar-gui project file; if it '
            f'is one, add "schema_version": {current}, after the first {{'
        )
    elif type(version) is not int:
        problem = f"schema_version must be a whole number like {current}, not {found(version)}"
        problem += ": remove the quotes" if isinstance(version, str) and version.isdigit() else ""
    elif version > current:
        problem = (
            f"the file was written by a newer seminar-gui (schema_version {version}, this "
            f"version reads up to {current}); update seminar-gui"
        )
    elif version < 1:
        problem = f"schema_version {version} is not valid: versions start at 1"
    else:
        return version
    field = "schema_version" if isinstance(data, dict) else None
    raise ProjectFileError(problem, file=source, line=line, column=column, field=field)


def project_json_schema() -> dict[str, Any]:
    """The JSON Schema of project files (printed by ``seminar-gui schema``)."""
    schema = Document.model_json_schema(mode="serialization")
    schema.pop("title", None)
    schema.pop("description", None)
    version = schema["properties"]["schema_version"]
    version.update(minimum=1, maximum=model.SCHEMA_VERSION)
    required = [r for r in schema.get("required", []) if r != "schema_version"]
    schema["required"] = ["schema_version", *required]
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": f"urn:seminar-gui:project:v{model.SCHEMA_VERSION}",
        "title": "seminar-gui project",
        "description": (
            "A seminar-gui project file: the semesters, sessions and topics of a "
            "paper-reading group, saved as UTF-8 JSON. Files with an older "
            "schema_version are upgraded when opened."
        ),
        **schema,
    }
