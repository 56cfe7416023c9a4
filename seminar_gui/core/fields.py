"""Shared pieces of the pydantic models: the base class and the field checks.

The checks that several fields share are ``Annotated`` metadata, written once here::

    note: Annotated[str, one_line("note")] = ""

``what`` names the field in the error message ("note must be on one line ...").
"""

from __future__ import annotations

import re
import uuid
from functools import partial

from pydantic import AfterValidator, BaseModel, ConfigDict

from seminar_gui.core import lines

_SPACE = re.compile(r"\s")


def new_id(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:10]}"


class DocModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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
        raise ValueError(f"{what} must be on one line (it contains a line break)")
    return value.strip()


def _markdown_block(what: str, value: str) -> str:
    value = value.strip("\n")
    if "```" not in value and "~~~" not in value and "<!--" not in value:
        return value
    closer = lines.unclosed_construct(value)
    if closer:
        raise ValueError(
            f"{what} leaves a code block or HTML comment open; add a line {closer!r} "
            "after it, or it swallows the rest of the README"
        )
    return value


def _link(what: str, value: str) -> str:
    value = value.strip()
    if _SPACE.search(value):
        raise ValueError(f"{what} must not contain spaces: {value!r}")
    if "(" not in value and ")" not in value and "\\" not in value:
        return value
    wrapped = f"[x]({value})"
    if value and lines.split_link(wrapped) != ("x", value, len(wrapped)):
        raise ValueError(f"{what} has unbalanced parentheses: {value!r}")
    return value


def _one_of(choices: tuple[str, ...], what: str, value: str) -> str:
    if value not in choices:
        raise ValueError(f"{what} must be one of {choices}")
    return value


# --------------------------------------- the same checks, for values outside a field


def single_line(value: str, what: str) -> str:
    return _one_line(what, value)


def free_markdown(value: str, what: str) -> str:
    return _markdown_block(what, value)


def check_link(value: str, what: str) -> str:
    return _link(what, value)
