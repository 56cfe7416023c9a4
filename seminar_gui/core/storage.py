"""Reading and writing project files: the JSON form of a :class:`Document`.

The file is a user-visible contract: UTF-8 JSON, indented by 2, keys in the model's
field order (``schema_version`` first), semesters and sessions newest first, one
trailing newline, so that the same document always gives the same bytes and diffs
stay small.  Files written by older versions are upgraded by
:mod:`seminar_gui.core.migrations`; every problem is a :class:`ProjectFileError`
naming the file, the line and the field, and saying what to do.
"""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import PydanticSerializationError, to_json

from seminar_gui.core import migrations, model
from seminar_gui.core.atomic import atomic_write_text
from seminar_gui.core.errors import (
    PROJECT_MAX_BYTES,
    ProjectFileError,
    gc_paused,
    read_input,
    text_too_large,
)
from seminar_gui.core.json_errors import (
    found,
    huge_number_error,
    json_problem,
    locate,
    restore_hint,
    validation_error,
)
from seminar_gui.core.messages import QT_TRANSLATE_NOOP
from seminar_gui.core.model import Document

_TOO_LARGE_TO_SAVE = QT_TRANSLATE_NOOP(
    "storage",
    "the project would be larger than {size} MiB, more than seminar-gui opens again; "
    "it was not saved: remove text pasted by mistake (Undo), or split old semesters "
    "into a project of their own",
)
_CANNOT_READ_FILE = QT_TRANSLATE_NOOP("storage", "cannot read the file: {reason}")
_NOT_UTF8 = QT_TRANSLATE_NOOP(
    "storage",
    "the file is not UTF-8 text (byte {byte}); an editor probably saved it in another "
    "encoding: save it as UTF-8, or {restore}",
)
_CANNOT_READ_PROJECT = QT_TRANSLATE_NOOP("storage", "cannot read the project: {reason}")
_NOT_JSON = QT_TRANSLATE_NOOP("storage", "not valid JSON: {problem}")
_TOO_DEEP = QT_TRANSLATE_NOOP(
    "storage",
    "the data is nested too deeply ([ or {{ more than a few hundred levels deep), "
    "so this is not a seminar-gui project file; {restore}",
)
_NOT_A_PROJECT = QT_TRANSLATE_NOOP(
    "storage", "not a seminar-gui project: the file holds {found}, not {{...}}"
)
_NO_VERSION = QT_TRANSLATE_NOOP(
    "storage",
    '"schema_version" is missing, so this is not a seminar-gui project file; if it '
    'is one, add "schema_version": {current}, after the first {{',
)
_VERSION_TYPE = QT_TRANSLATE_NOOP(
    "storage", "schema_version must be a whole number like {current}, not {found}"
)
_VERSION_QUOTED = QT_TRANSLATE_NOOP(
    "storage",
    "schema_version must be a whole number like {current}, not {found}: remove the quotes",
)
_NEWER = QT_TRANSLATE_NOOP(
    "storage",
    "the file was written by a newer seminar-gui (schema_version {version}, this "
    "version reads up to {current}); update seminar-gui",
)
_VERSION_TOO_LOW = QT_TRANSLATE_NOOP(
    "storage", "schema_version {version} is not valid: versions start at 1"
)

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


def save_project(doc: Document, path: str | Path, *, allow_readonly: bool = False) -> str:
    """Write ``doc`` to ``path`` atomically, keeping the previous file as ``path.bak``.

    ``path.bak`` is replaced only once the new file is in place.  A read-only file is
    refused (:class:`~seminar_gui.core.atomic.ReadOnlyFileError`, a
    :class:`ProjectFileError`) unless ``allow_readonly``.  On failure the file on disk
    and its backup are left as they were and no temporary file remains.  Returns the text
    written (the caller need not serialize the document again).
    """
    return write_project_text(dumps_project(doc), path, allow_readonly=allow_readonly)


def write_project_text(text: str, path: str | Path, *, allow_readonly: bool = False) -> str:
    """:func:`save_project` for a document already serialized (``dumps_project``):
    the same size limit, backup and atomic replacement.  Returns ``text``."""
    if text_too_large(text, PROJECT_MAX_BYTES):
        size = PROJECT_MAX_BYTES // (1024 * 1024)
        raise ProjectFileError(_TOO_LARGE_TO_SAVE(size=size), file=path)
    atomic_write_text(path, text, backup=True, allow_readonly=allow_readonly)
    return text


# ------------------------------------------------------------------------- reading


def load_project(path: str | Path) -> Document:
    """Read a project file.  Never modifies it.

    Files larger than :data:`~seminar_gui.core.errors.PROJECT_MAX_BYTES` are refused
    before they are read; a valid file is parsed once, from its bytes (no text copy).
    """
    return read_project(path)[0]


def read_project(path: str | Path) -> tuple[Document, bytes]:
    """Read a project file: the document and the bytes it was parsed from (what the
    window compares with the file later, to notice other writers), read once."""
    path = Path(path)
    raw = read_input(
        path,
        lambda why: ProjectFileError(_CANNOT_READ_FILE(reason=why), file=path),
        limit=PROJECT_MAX_BYTES,
    )
    with gc_paused():  # 100,000s of objects, no cycles: no collector passes meanwhile
        doc, invalid = _parse_current(raw.removeprefix(codecs.BOM_UTF8))
        if doc is not None:
            return doc, raw
        return _explain(_decode(raw, path), path, invalid), raw


def _parse_current(data: str | bytes) -> tuple[Document | None, ValidationError | None]:
    """The document of a valid file of the current version (or of an older one whose
    upgrade only raises the version number: version 1), parsed once; else the
    validation error (None: valid, but another version, or no schema_version)."""
    try:
        doc = Document.model_validate_json(data, strict=True)
    except ValidationError as exc:
        return None, exc
    if "schema_version" in doc.model_fields_set:
        if doc.schema_version == model.SCHEMA_VERSION:
            return doc, None
        if migrations.only_renumbers(doc.schema_version):
            return doc.model_copy(update={"schema_version": model.SCHEMA_VERSION}), None
    return None, None


def _decode(raw: bytes, source: Path) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = raw.rfind(b"\n", 0, exc.start) + 1
        raise ProjectFileError(
            _NOT_UTF8(byte=f"{raw[exc.start]:#04x}", restore=restore_hint(source)),
            file=source,
            line=raw.count(b"\n", 0, exc.start) + 1,
            column=len(raw[start : exc.start].decode("utf-8", "replace")) + 1,
        ) from exc


def loads_project(text: str, source: str | Path | None = None) -> Document:
    """Parse a project file's text; ``source`` names the file in error messages."""
    text = text.removeprefix("\ufeff")
    too_large = text_too_large(text, PROJECT_MAX_BYTES)
    if too_large:
        raise ProjectFileError(_CANNOT_READ_PROJECT(reason=too_large), file=source)
    with gc_paused():
        doc, invalid = _parse_current(text)  # the common case, parsed once
        if doc is not None:
            return doc
        return _explain(text, source, invalid)


def _explain(text: str, source: str | Path | None, invalid: ValidationError | None) -> Document:
    """Parse again to check the version, upgrade, or say precisely what is wrong.

    ``invalid``: the error of the first parse, reused when the file is of the current
    version (a third parse of a large file would double the time of the message).
    """
    try:
        data = json.loads(text, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        problem = _NOT_JSON(problem=json_problem(exc, text, source))
        raise ProjectFileError(problem, file=source, line=exc.lineno, column=exc.colno) from exc
    except _HugeNumber as exc:
        raise huge_number_error(exc.digits, text, source) from None
    except RecursionError:
        raise ProjectFileError(_TOO_DEEP(restore=restore_hint(source)), file=source) from None
    version = _check_version(data, text, source)
    migrated = version < model.SCHEMA_VERSION
    original = data
    if migrated:
        data = migrations.migrate(data, source)
    # A step that only raised the version (1 → 2) moved nothing: the file's own text
    # still locates every value, so a message can name its line.
    same_places = not migrated or _but_version(data) == _but_version(original)
    try:
        if invalid is not None and not migrated:
            raise invalid
        if not same_places:
            return Document.model_validate_json(json.dumps(data), strict=True)
        document = Document.model_validate_json(text, strict=True)
        if migrated:
            document = document.model_copy(update={"schema_version": model.SCHEMA_VERSION})
        return document
    except ValidationError as exc:
        raise validation_error(exc, data, text if same_places else None, source) from exc


def _but_version(data: object) -> object:
    if isinstance(data, dict):
        return {k: v for k, v in data.items() if k != "schema_version"}
    return data


class _HugeNumber(Exception):
    def __init__(self, digits: str) -> None:
        super().__init__(digits[:20])
        self.digits = digits


def _parse_int(digits: str) -> int:
    """json's int(), except that an integer too long for Python (4300 digits) is our
    error, not a ValueError."""
    try:
        return int(digits)
    except ValueError:
        raise _HugeNumber(digits) from None


def _check_version(data: object, text: str, source: str | Path | None) -> int:
    current = model.SCHEMA_VERSION
    version = data.get("schema_version") if isinstance(data, dict) else None
    line, column = locate(text, ("schema_version",)) or (1, None)
    if not isinstance(data, dict):
        problem = _NOT_A_PROJECT(found=found(data))
    elif "schema_version" not in data:
        problem = _NO_VERSION(current=current)
    elif type(version) is not int:
        quoted = isinstance(version, str) and version.isdigit()
        problem = (_VERSION_QUOTED if quoted else _VERSION_TYPE)(
            current=current, found=found(version)
        )
    elif version > current:
        problem = _NEWER(version=version, current=current)
    elif version < 1:
        problem = _VERSION_TOO_LOW(version=version)
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
