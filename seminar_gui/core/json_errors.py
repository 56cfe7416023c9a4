"""Error messages for project files that fail to load: what, where, how to fix."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from seminar_gui.core import lines
from seminar_gui.core.errors import ProjectFileError, error_text, printable
from seminar_gui.core.lazy_re import lazy_compile
from seminar_gui.core.messages import QT_TRANSLATE_NOOP, chain

_RESTORE_BACKUP = QT_TRANSLATE_NOOP("json_errors", "restore {backup} (kept by the previous save)")
_RESTORE_EARLIER = QT_TRANSLATE_NOOP(
    "json_errors", "restore an earlier version from Git or your backups"
)
_FIX = QT_TRANSLATE_NOOP("json_errors", "{problem}; fix it in a text editor, or {restore}")
_HUGE_NUMBER = QT_TRANSLATE_NOOP(
    "json_errors",
    "a number of {digits} digits: no value in a project file is that long; fix it in a "
    "text editor, or {restore}",
)
_JSON_HINTS = {
    "Expecting ':' delimiter": QT_TRANSLATE_NOOP(
        "json_errors", "a ':' is missing between a name and its value"
    ),
    "Expecting property name enclosed in double quotes": QT_TRANSLATE_NOOP(
        "json_errors", 'expected a name in double quotes, like "title": names need double quotes'
    ),
    "Expecting value": QT_TRANSLATE_NOOP(
        "json_errors",
        'expected a value: text goes in double quotes ("..."); other values are numbers, '
        "true, false, null, {{...}} or [...]",
    ),
    "Extra data": QT_TRANSLATE_NOOP(
        "json_errors", "there is more text after the end of the data (the last '}}'): remove it"
    ),
    "Invalid control character at": QT_TRANSLATE_NOOP(
        "json_errors", "a text contains a line break or tab: write \\n or \\t"
    ),
    "Invalid \\escape": QT_TRANSLATE_NOOP(
        "json_errors",
        'a backslash in a text must be followed by n, t, ", / or \\: write \\\\ for one',
    ),
}
_EMPTY = QT_TRANSLATE_NOOP("json_errors", "the file is empty; {restore}")
_TRUNCATED = QT_TRANSLATE_NOOP(
    "json_errors", "the file ends in the middle of the data; it may be truncated — {restore}"
)
_NO_COMMA = QT_TRANSLATE_NOOP(
    "json_errors", "a comma is missing between two items, probably at the end of line {line}"
)
_TRAILING_COMMA = QT_TRANSLATE_NOOP(
    "json_errors", "remove the comma before '{bracket}' (JSON allows none after the last item)"
)
_IN = QT_TRANSLATE_NOOP("json_errors", "{context}: {problem}")
_FIX_ONE_OF = QT_TRANSLATE_NOOP(
    "json_errors",
    "{problem} (1 of {count} problems; the others are at {others}); fix it in a text "
    "editor, or {restore}",
)
_FIX_ONE_OF_MANY = QT_TRANSLATE_NOOP(
    "json_errors",
    "{problem} (1 of {count} problems; the others are at {others}; ...); fix it in a "
    "text editor, or {restore}",
)
_COMMA = QT_TRANSLATE_NOOP("json_errors", "{first}, {second}")
_TOP_LEVEL = QT_TRANSLATE_NOOP("json_errors", "(top level)")
_THE_NAME = QT_TRANSLATE_NOOP("json_errors", "{field} (the name)")
_TOO_DEEP = QT_TRANSLATE_NOOP(
    "json_errors",
    "the data is nested too deeply ([ or {{ about 200 levels deep), so this is not "
    "a seminar-gui project file",
)
_SURROGATE = QT_TRANSLATE_NOOP(
    "json_errors",
    "a \\uD800-\\uDFFF escape is half of a character (a lone UTF-16 surrogate), "
    "which a text cannot hold: remove it, or write the whole character",
)
_NOT_JSON = QT_TRANSLATE_NOOP("json_errors", "not valid JSON: {reason}")
_MISSING = QT_TRANSLATE_NOOP("json_errors", "{field} is missing")
_UNKNOWN_FIELD = QT_TRANSLATE_NOOP(
    "json_errors", "unknown field {field}: remove it or correct its spelling"
)
_FOUND = QT_TRANSLATE_NOOP("json_errors", "{problem} (found {found})")
_AN_OBJECT = QT_TRANSLATE_NOOP("json_errors", "an object {{...}}")
_A_LIST = QT_TRANSLATE_NOOP("json_errors", "a list [...]")
_SEMESTER = QT_TRANSLATE_NOOP("json_errors", "semester {name}")
_SESSION = QT_TRANSLATE_NOOP("json_errors", "session {name}")
_TOPIC = QT_TRANSLATE_NOOP("json_errors", "topic {number}")
_SECTION = QT_TRANSLATE_NOOP("json_errors", "section {name}")


def restore_hint(source: str | Path | None) -> str:
    """What to restore: FILE.bak when there is one next to the file, else a backup."""
    if source is not None:
        backup = Path(f"{source}.bak")
        try:
            exists = backup.is_file()
        except (OSError, ValueError):  # an unreadable folder, a NUL in the name
            exists = False
        if exists:
            return _RESTORE_BACKUP(backup=backup.name)
    return _RESTORE_EARLIER()


def huge_number_error(digits: str, text: str, source: str | Path | None) -> ProjectFileError:
    """A JSON integer too long for Python (more than 4300 digits), with its place."""
    at = text.find(digits)
    line = text.count("\n", 0, at) + 1 if at >= 0 else None
    column = at - text.rfind("\n", 0, at) if at >= 0 else None
    return ProjectFileError(
        _HUGE_NUMBER(digits=len(digits.lstrip("-")), restore=restore_hint(source)),
        file=source,
        line=line,
        column=column,
    )


def json_problem(exc: json.JSONDecodeError, text: str, source: str | Path | None) -> str:
    rest, restore = text[exc.pos :].lstrip(), restore_hint(source)
    if not text.strip():
        return _EMPTY(restore=restore)
    if exc.msg.startswith("Unterminated string") or not rest:
        return _TRUNCATED(restore=restore)
    if exc.msg == "Expecting ',' delimiter":
        line = text.count("\n", 0, len(text[: exc.pos].rstrip())) + 1
        return _NO_COMMA(line=line)
    if exc.msg.startswith("Expecting") and rest[0] in "]}":
        return _TRAILING_COMMA(bracket=rest[0])
    hint = _JSON_HINTS.get(exc.msg)
    return _FIX(problem=hint() if hint else exc.msg, restore=restore)


# ------------------------------------------------------------------ validation errors


def validation_error(
    exc: ValidationError, data: Any, text: str | None, source: str | Path | None
) -> ProjectFileError:
    errors = exc.errors(include_url=False)
    first = errors[0]
    if first["type"] == "json_invalid":  # JSON that Python's parser took, pydantic's not
        return _json_invalid(str((first.get("ctx") or {}).get("error", first["msg"])), source)
    loc = tuple(first["loc"])
    context = _context(data, loc)
    problem = _IN(context=context, problem=_describe(first)) if context else _describe(first)
    restore = restore_hint(source)
    if len(errors) > 1:
        others = chain(_COMMA, [_format_loc(tuple(e["loc"])) or _TOP_LEVEL() for e in errors[1:4]])
        message = (_FIX_ONE_OF_MANY if len(errors) > 4 else _FIX_ONE_OF)(
            problem=problem, count=len(errors), others=others, restore=restore
        )
    else:
        message = _FIX(problem=problem, restore=restore)
    line, column = (locate(text, loc) if text is not None else None) or (None, None)
    return ProjectFileError(
        message,
        file=source,
        line=line,
        column=column,
        field=_format_loc(loc) or None,
    )


_AT_LINE = lazy_compile(r"\s*at line (\d+) column (\d+)$")


def _json_invalid(reason: str, source: str | Path | None) -> ProjectFileError:
    """pydantic's JSON errors ('recursion limit exceeded at line 1 column 214'), said
    in our words where we know better, at the place it names."""
    m = _AT_LINE.search(reason)
    line, column = (int(m[1]), int(m[2])) if m else (None, None)
    reason = reason[: m.start()] if m else reason
    if "recursion limit" in reason:
        problem = _TOO_DEEP()
    elif "surrogate" in reason or "hex escape" in reason:
        problem = _SURROGATE()
    else:
        problem = _NOT_JSON(reason=reason)
    return ProjectFileError(
        _FIX(problem=problem, restore=restore_hint(source)),
        file=source,
        line=line,
        column=column,
    )


def _describe(error: Any) -> str:
    kind, msg, loc = error["type"], error["msg"], error["loc"]
    if kind == "missing":
        return _MISSING(field=repr(loc[-1]))
    if kind == "extra_forbidden":
        return _UNKNOWN_FIELD(field=repr(loc[-1]))
    if kind in ("value_error", "assertion_error"):
        original = (error.get("ctx") or {}).get("error")
        if isinstance(original, BaseException):
            return error_text(original)
        return msg.split(", ", 1)[1] if msg.startswith(("Value error, ", "Assertion")) else msg
    return _FOUND(problem=msg, found=found(error.get("input"))) if loc else msg


def found(value: object) -> str:
    if isinstance(value, dict):
        return _AN_OBJECT()
    if isinstance(value, list):
        return _A_LIST()
    text = json.dumps(value, ensure_ascii=False)
    if not text.isprintable():  # a line or paragraph separator would break the line
        text = json.dumps(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _format_loc(loc: tuple[int | str, ...]) -> str:
    """'semesters[0].sessions[2].date'; a dict's key (pydantic's "[key]", the last
    part): 'semesters[0]...extra (the name)'."""
    out = ""
    for key in loc:
        if isinstance(key, int):
            out += f"[{key}]"
        elif key == "[key]":
            out = _THE_NAME(field=out)
        else:
            key = printable(key)
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
            parts.append(_SEMESTER(name=_named(item.get("title"), key)))
        elif kind == "sessions":
            parts.append(_SESSION(name=_named(item.get("date"), key)))
        elif kind == "topics":
            parts.append(_TOPIC(number=lines.roman(key + 1)))
        elif kind == "sections":
            parts.append(_SECTION(name=_named(item.get("heading"), key)))
    return chain(_COMMA, parts)


def _named(name: object, index: int) -> str:
    if not isinstance(name, str) or not name.strip():
        return f"#{index + 1}"
    return name if name.isprintable() and len(name) <= 60 else found(name)


# A small scanner over valid JSON text, to find the line of a field for messages.
_WS = lazy_compile(r"[ \t\r\n]*")
_STRING = lazy_compile(r'"(?:[^"\\]|\\.)*"', re.S)
_TOKEN = lazy_compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)
_SCALAR = lazy_compile(r"[^\s,\]}]*")


def locate(text: str, loc: tuple[int | str, ...]) -> tuple[int, int] | None:
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
