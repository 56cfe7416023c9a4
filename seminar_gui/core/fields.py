"""Shared pieces of the pydantic models: the base class and field checks."""

from __future__ import annotations

import re
import uuid

from pydantic import BaseModel, ConfigDict

from seminar_gui.core import lines

_SPACE = re.compile(r"\s")


def new_id(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:10]}"


def single_line(value: str, what: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError(f"{what} must be on one line (it contains a line break)")
    return value.strip()


def free_markdown(value: str, what: str) -> str:
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


def check_link(value: str, what: str) -> str:
    value = value.strip()
    if _SPACE.search(value):
        raise ValueError(f"{what} must not contain spaces: {value!r}")
    if "(" not in value and ")" not in value and "\\" not in value:
        return value
    link = f"[x]({value})"
    if value and lines.split_link(link) != ("x", value, len(link)):
        raise ValueError(f"{what} has unbalanced parentheses: {value!r}")
    return value


class DocModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
