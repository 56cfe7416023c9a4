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
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import PydanticSerializationError, to_json

from seminar_gui.core import lines, migrations, model
from seminar_gui.core.errors import ProjectFileError
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


def atomic_write_text(path: str | Path, text: str, *, backup: bool = False) -> None:
    """Replace ``path`` with UTF-8 ``text`` (temp file, fsync, rename), keeping its mode.

    With ``backup``, the previous file is kept as ``path.bak``.  On failure the file
    on disk is left as it was and no temporary file remains.
    """
    path = Path(path)
    target = Path(os.path.realpath(path))  # write through a symlink, not over it
    temps: list[str] = []
    try:
        try:
            mode: int | None = os.stat(target).st_mode & 0o7777
        except FileNotFoundError:
            mode = None
        data = text.encode("utf-8")
        new = _write_temp(target, data, _default_mode() if mode is None else mode, temps)
        if backup and mode is not None:
            old = _write_temp(target, target.read_bytes(), mode, temps)
            os.replace(old, f"{target}.bak")
            temps.remove(old)
        os.replace(new, target)
        temps.remove(new)
    except (OSError, UnicodeEncodeError) as exc:
        for name in temps:
            with contextlib.suppress(OSError):
                os.unlink(name)
        reason = getattr(exc, "strerror", None) or exc
        raise ProjectFileError(
            f"could not save: {reason}; check that the folder exists and is writable and "
            "that the disk is not full (the file on disk was not changed)",
            file=path,
        ) from exc
    _fsync_dir(target.parent)


def _write_temp(target: Path, data: bytes, mode: int, temps: list[str]) -> str:
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temps.append(name)
    with os.fdopen(fd, "wb") as f:
        os.chmod(name, mode)
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    return name


def _default_mode() -> int:
    """Permissions of a new file: rw for all, minus the umask (read without changing it)."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    return 0o644


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable; not possible on every platform (e.g. Windows)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# ------------------------------------------------------------------------- reading


def load_project(path: str | Path) -> Document:
    """Read a project file.  Never modifies it."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ProjectFileError(
            f"cannot read the file: {exc.strerror or exc}; check its name and folder "
            "and that you may read it",
            file=path,
        ) from exc
    return loads_project(_decode(raw, path), path)


def _decode(raw: bytes, source: Path) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = raw.rfind(b"\n", 0, exc.start) + 1
        raise ProjectFileError(
            f"the file is not UTF-8 text (byte {raw[exc.start]:#04x}); an editor probably "
            f"saved it in another encoding: save it as UTF-8, or {_restore_hint(source)}",
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
        problem = "not valid JSON: " + _json_problem(exc, text, source)
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
        raise _validation_error(exc, data, None if migrated else text, source) from exc


def _restore_hint(source: str | Path | None) -> str:
    if source is None:
        return "restore a backup"
    return f"restore {Path(source).name}.bak (kept by the previous save)"


_JSON_HINTS = {
    "Expecting ':' delimiter": "a ':' is missing between a name and its value",
    "Expecting property name enclosed in double quotes": (
        'expected a name in double quotes, like "title": names need double quotes'
    ),
    "Expecting value": (
        'expected a value: text goes in double quotes ("..."); other values are numbers, '
        "true, false, null, {...} or [...]"
    ),
    "Extra data": "there is more text after the end of the data (the last '}'): remove it",
    "Invalid control character at": "a text contains a line break or tab: write \\n or \\t",
    "Invalid \\escape": (
        'a backslash in a text must be followed by n, t, ", / or \\: write \\\\ for one'
    ),
}


def _json_problem(exc: json.JSONDecodeError, text: str, source: str | Path | None) -> str:
    rest, restore = text[exc.pos :].lstrip(), _restore_hint(source)
    if not text.strip():
        return f"the file is empty; {restore}"
    if exc.msg.startswith("Unterminated string") or not rest:
        return f"the file ends in the middle of the data; it may be truncated — {restore}"
    if exc.msg == "Expecting ',' delimiter":
        line = text.count("\n", 0, len(text[: exc.pos].rstrip())) + 1
        return f"a comma is missing between two items, probably at the end of line {line}"
    if exc.msg.startswith("Expecting") and rest[0] in "]}":
        return f"remove the comma before '{rest[0]}' (JSON allows none after the last item)"
    return f"{_JSON_HINTS.get(exc.msg, exc.msg)}; fix it in a text editor, or {restore}"


def _check_version(data: object, text: str, source: str | Path | None) -> int:
    current = model.SCHEMA_VERSION
    version = data.get("schema_version") if isinstance(data, dict) else None
    line, column = _locate(text, ("schema_version",)) or (1, None)
    if not isinstance(data, dict):
        problem = f"not a seminar-gui project: the file holds {_found(data)}, not {{...}}"
    elif "schema_version" not in data:
        problem = (
            '"schema_version" is missing, so this is not a seminar-gui project file; if it '
            f'is one, add "schema_version": {current}, after the first {{'
        )
    elif type(version) is not int:
        problem = f"schema_version must be a whole number like {current}, not {_found(version)}"
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


# ------------------------------------------------------------------ validation errors


def _validation_error(
    exc: ValidationError, data: Any, text: str | None, source: str | Path | None
) -> ProjectFileError:
    errors = exc.errors(include_url=False)
    first = errors[0]
    loc = tuple(first["loc"])
    context = _context(data, loc)
    message = f"{context}: {_describe(first)}" if context else _describe(first)
    if len(errors) > 1:
        others = ", ".join(_format_loc(tuple(e["loc"])) or "(top level)" for e in errors[1:4])
        more = "; ..." if len(errors) > 4 else ""
        message += f" (1 of {len(errors)} problems; the others are at {others}{more})"
    line, column = (_locate(text, loc) if text is not None else None) or (None, None)
    return ProjectFileError(
        f"{message}; fix it in a text editor, or {_restore_hint(source)}",
        file=source,
        line=line,
        column=column,
        field=_format_loc(loc) or None,
    )


def _describe(error: Any) -> str:
    kind, msg, loc = error["type"], error["msg"], error["loc"]
    if kind == "missing":
        return f"{loc[-1]!r} is missing"
    if kind == "extra_forbidden":
        return f"unknown field {loc[-1]!r}: remove it or correct its spelling"
    if kind in ("value_error", "assertion_error"):
        return msg.split(", ", 1)[1] if msg.startswith(("Value error, ", "Assertion")) else msg
    return f"{msg} (found {_found(error.get('input'))})" if loc else msg


def _found(value: object) -> str:
    if isinstance(value, dict):
        return "an object {...}"
    if isinstance(value, list):
        return "a list [...]"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _format_loc(loc: tuple[int | str, ...]) -> str:
    out = ""
    for key in loc:
        if isinstance(key, int):
            out += f"[{key}]"
        elif key == "[key]":
            out += " (the name)"
        else:
            out += f".{key}" if out else key
    return out


def _context(data: Any, loc: tuple[int | str, ...]) -> str:
    """'semester 2025 Fall, session 2025-11-25, topic II' from the raw data."""
    parts: list[str] = []
    node = data
    for i, key in enumerate(loc):
        if isinstance(key, str):
            node = node.get(key) if isinstance(node, dict) else None
            continue
        if not isinstance(node, list) or not 0 <= key < len(node) or i == 0:
            break
        node = node[key]
        item = node if isinstance(node, dict) else {}
        kind = loc[i - 1]
        if kind == "semesters":
            parts.append(f"semester {_named(item.get('title'), key)}")
        elif kind == "sessions":
            parts.append(f"session {_named(item.get('date'), key)}")
        elif kind == "topics":
            parts.append(f"topic {lines.roman(key + 1)}")
        elif kind == "sections":
            parts.append(f"section {_named(item.get('heading'), key)}")
    return ", ".join(parts)


def _named(name: object, index: int) -> str:
    return name if isinstance(name, str) and name.strip() else f"#{index + 1}"


# A small scanner over valid JSON text, to find the line of a field for messages.
_WS = re.compile(r"[ \t\r\n]*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)
_SCALAR = re.compile(r"[^\s,\]}]*")


def _locate(text: str, loc: tuple[int | str, ...]) -> tuple[int, int] | None:
    """(line, column) of the deepest part of ``loc`` present in ``text``, 1-based."""
    found: int | None = None
    pos = _WS.match(text).end()
    try:
        for key in loc:
            child = _child(text, pos, key)
            if child is None:
                break
            found, pos = child
    except (AttributeError, IndexError, ValueError):  # not the JSON we expect: no line
        return None
    if found is None:
        return None
    return text.count("\n", 0, found) + 1, found - text.rfind("\n", 0, found)


def _child(text: str, pos: int, key: int | str) -> tuple[int, int] | None:
    """Where member ``key`` of the value at ``pos`` is written, and where its value is."""
    if text[pos] not in "[{":
        return None
    i = _WS.match(text, pos + 1).end()
    index = 0
    while text[i] not in "]}":
        name_at = i
        if text[pos] == "{":
            name = _STRING.match(text, i)
            i = _WS.match(text, _WS.match(text, name.end()).end() + 1).end()  # skip ':'
            if json.loads(name.group()) == key:
                return name_at, i
        elif text[pos] == "[" and index == key:
            return i, i
        i = _WS.match(text, _skip(text, i)).end()
        if text[i] == ",":
            i = _WS.match(text, i + 1).end()
        index += 1
    return None


def _skip(text: str, pos: int) -> int:
    """The end of the JSON value starting at ``pos``."""
    if text[pos] == '"':
        return _STRING.match(text, pos).end()
    if text[pos] not in "[{":
        return _SCALAR.match(text, pos).end()
    depth = 0
    for token in _TOKEN.finditer(text, pos):
        if token.group() in ("[", "{"):
            depth += 1
        elif token.group() in ("]", "}"):
            depth -= 1
            if depth == 0:
                return token.end()
    return len(text)


# -------------------------------------------------------------------------- schema


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
