"""Regular expressions compiled at their first use, not when their module is imported.

The modules that read READMEs and project files hold ~40 patterns that a start of the
window mostly never uses (the README importer's, the JSON error locator's, the paper
look-up's); compiling them at import cost ~3–4 ms of every start.  A pattern made with
:func:`lazy_compile` compiles when one of its methods is first asked for and then keeps
the compiled pattern's bound methods as its own attributes, so later calls cost what a
compiled pattern's calls cost (no forwarding).  It offers what module code uses of a
pattern (``match``, ``search``, ``sub``, ..., ``pattern``, ``flags``); it is not an
``re.Pattern`` instance, so it is not for ``re.sub(pattern, ...)`` or ``isinstance``.
"""

from __future__ import annotations

import re
from typing import cast

#: What a lazy pattern takes over from the compiled one at its first use.
_ATTRIBUTES = (
    "match",
    "fullmatch",
    "search",
    "sub",
    "subn",
    "split",
    "findall",
    "finditer",
    "scanner",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class _LazyPattern:
    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> object:  # only for what is not set yet
        if name.startswith("__"):  # copy, pickle and the like: not a pattern's
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source[0]!r}, {self._source[1]!r})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used (see the module)."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
