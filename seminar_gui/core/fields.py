"""Shared pieces of the pydantic models: the base class and the field checks.

The checks that several fields share are ``Annotated`` metadata, written once here::

    note: Annotated[str, one_line("note")] = ""

``what`` names the field in the error message ("note must be on one line ..."): a
:class:`~seminar_gui.core.messages.Text` of its own, so that it is translated with
the message.
"""

from __future__ import annotations

import re
import uuid
from functools import partial
from typing import Any, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict

from seminar_gui.core import lines
from seminar_gui.core.lazy_re import lazy_compile
from seminar_gui.core.messages import QT_TRANSLATE_NOOP

_SPACE = lazy_compile(r"\s")

_ONE_LINE = QT_TRANSLATE_NOOP("fields", "{what} must be on one line (it contains a line break)")
_OPEN_BLOCK = QT_TRANSLATE_NOOP(
    "fields",
    "{what} leaves a code block or HTML comment open; add a line {closer} "
    "after it, or it swallows the rest of the README",
)
_SPACES = QT_TRANSLATE_NOOP("fields", "{what} must not contain spaces: {value}")
_PARENTHESES = QT_TRANSLATE_NOOP("fields", "{what} has unbalanced parentheses: {value}")
_ONE_OF = QT_TRANSLATE_NOOP("fields", "{what} must be one of {choices}")


def new_id(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:10]}"


def empty_list() -> list[Any]:
    """A new empty list: the ``default_factory`` of the models' list fields.

    (Not the builtin ``list``: pydantic reads a factory's signature to see whether it
    takes the validated data, and for a builtin that means parsing its text signature
    with ``tokenize`` — ~3.5 ms of every start for our nine list fields, against a few
    microseconds for a function.)"""
    return []


class DocModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


M = TypeVar("M", bound=BaseModel)


_new = object.__new__
_set = object.__setattr__  # a frozen model refuses its own __setattr__
_set_fields_set = BaseModel.__pydantic_fields_set__.__set__  # type: ignore[attr-defined]
_set_extra = BaseModel.__pydantic_extra__.__set__  # type: ignore[attr-defined]
_set_private = BaseModel.__pydantic_private__.__set__  # type: ignore[attr-defined]


def prechecked(
    cls: type[M], values: dict[str, Any], given: frozenset[str] | set[str] | None = None
) -> M:
    """An instance of ``cls`` holding ``values``, built without pydantic's validation.

    ``values`` must name every field, in field order, each already in the form that
    validation would give (the caller has checked it: see ``Paper.make``); ``given``:
    the fields the caller named, when it fills in defaults for the others.  The
    instance equals the validated one in every respect (fields, ``model_fields_set``,
    extra and private parts): it is what pydantic 2's ``model_construct`` builds
    (the same four slots), without its per-field loop, which costs as much as
    validating.  tests/test_fast_validation.py compares the two.
    """
    obj = _new(cls)
    _set(obj, "__dict__", values)
    _set_fields_set(obj, set(values if given is None else given))
    _set_extra(obj, None)
    _set_private(obj, None)
    return obj


# ------------------------------------------------------ the checks, as field types
# Each check takes the label first: partial(check, what) is the one-argument function
# pydantic calls, one Python call per field (a lambda or keyword arguments would be
# a second call or a dict per value: the archive's JSON load would be ~10 % slower).


def one_line(what: str) -> AfterValidator:
    """Text on one README line, stripped of surrounding spaces."""
    return AfterValidator(partial(_one_line, what))


def markdown_block(what: str) -> AfterValidator:
    """Markdown lines kept as written (blank lines around them dropped) that close
    what they open: an open code fence or HTML comment would swallow the rest of the
    README."""
    return AfterValidator(partial(_markdown_block, what))


def link(what: str) -> AfterValidator:
    """A link target, stripped: no spaces, balanced parentheses."""
    return AfterValidator(partial(_link, what))


def one_of(choices: tuple[str, ...], what: str) -> AfterValidator:
    """Exactly one of ``choices``."""
    return AfterValidator(partial(_one_of, choices, what))


def _one_line(what: str, value: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError(_ONE_LINE(what=what))
    return value.strip()


def _markdown_block(what: str, value: str) -> str:
    value = value.strip("\n")
    if "```" not in value and "~~~" not in value and "<!--" not in value:
        return value
    closer = lines.unclosed_construct(value)
    if closer:
        raise ValueError(_OPEN_BLOCK(what=what, closer=repr(closer)))
    return value


def _link(what: str, value: str) -> str:
    value = value.strip()
    if _SPACE.search(value):
        raise ValueError(_SPACES(what=what, value=repr(value)))
    if "(" not in value and ")" not in value and "\\" not in value:
        return value
    wrapped = f"[x]({value})"
    if value and lines.split_link(wrapped) != ("x", value, len(wrapped)):
        raise ValueError(_PARENTHESES(what=what, value=repr(value)))
    return value


def _one_of(choices: tuple[str, ...], what: str, value: str) -> str:
    if value not in choices:
        raise ValueError(_ONE_OF(what=what, choices=choices))
    return value


# ------------------------- values the checks would take unchanged (for fast building)
# A match means: the field's check would neither change nor refuse the value.  No
# match means "let pydantic decide" (never "invalid").

_PLAIN_LINK = lazy_compile(r"[!-'*-Z^-~]*")  # printable ASCII but space ( ) [ \ ]


def plain_line(forbidden: str = "", *, empty: bool = True) -> re.Pattern[str]:
    """A pattern for text that ``one_line`` keeps as it is (on one line, no spaces
    around it) and that has none of the characters ``forbidden``; use ``fullmatch``."""
    chars = re.escape(forbidden)
    end = f"[^\\s{chars}]"
    text = f"{end}(?:[^\\n\\r{chars}]*{end})?"
    return re.compile(f"(?:{text})?" if empty else text)


def plain_link(value: object) -> bool:
    """``link`` keeps ``value`` as it is, and Python's ``urlsplit`` cannot refuse it:
    printable ASCII without spaces, parentheses, brackets or backslashes."""
    return type(value) is str and _PLAIN_LINK.fullmatch(value) is not None


# --------------------------------------- the same checks, for values outside a field


def single_line(value: str, what: str) -> str:
    return _one_line(what, value)


def free_markdown(value: str, what: str) -> str:
    return _markdown_block(what, value)


def check_link(value: str, what: str) -> str:
    return _link(what, value)
