"""Messages for people: written in English here, translated where they are shown.

Core has no Qt, yet its messages (a problem in the Problems panel, why a file could
not be read, why an edit was refused) reach a person who may read Chinese.  So a
message is built from a :class:`Template` marked for ``pyside6-lupdate``::

    TWO_SESSIONS = QT_TRANSLATE_NOOP("checks", "two sessions are on {day}: ...")
    ...
    raise EditError(TWO_SESSIONS(day=day))

``pyside6-lupdate`` collects the source text by the marker's name (its Python parser
knows ``QT_TRANSLATE_NOOP(context, text)``, adjacent literals joined), under the
context given.  Calling the template gives a :class:`Text`: a ``str`` holding the
English sentence (what the command line, logs and tests read), which also remembers its
template and parameters, so the window can look the template up in the UI language and
fill in the same parameters (``seminar_gui.qt.common.i18n.shown``).

Parameters are named (``{day}``), so a translation may reorder them.  A parameter may
itself be a :class:`Text` ("a link to the {what}" with ``what`` = "video"): it is
translated too.  Concatenating a Text gives a plain ``str`` (English only), so a
message that reaches a person is always one whole template.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from string import Formatter
from typing import Any, NamedTuple


class Template(NamedTuple):
    """An English message with ``{name}`` placeholders, and its translation context."""

    context: str
    source: str

    def __call__(self, **params: Any) -> Text:
        return Text(self, params)


def QT_TRANSLATE_NOOP(context: str, source: str) -> Template:
    """Mark ``source`` for translation under ``context``: the name is what
    ``pyside6-lupdate`` looks for; nothing is translated here."""
    return Template(context, source)


class Text(str):
    """A message in English that can be shown translated (see the module's text)."""

    template: Template
    params: dict[str, Any]

    def __new__(cls, template: Template, params: dict[str, Any]) -> Text:
        self = super().__new__(cls, template.source.format(**params))
        self.template = template
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Text, (self.template, self.params))


def render(text: str, translate: Any) -> str:
    """``text`` with its template looked up by ``translate(context, source)`` and its
    parameters (translated the same way) filled in; a plain ``str`` as it is.  A
    translation whose placeholders do not match the source's (one missing, one
    unknown, a broken brace) falls back to the English text: it would lose or
    misplace what the message names."""
    if not isinstance(text, Text):
        return str(text)
    params = {
        name: render(value, translate) if isinstance(value, Text) else value
        for name, value in text.params.items()
    }
    source = text.template.source
    pattern = translate(text.template.context, source)
    if pattern != source and placeholders(pattern) == placeholders(source):
        try:
            return pattern.format(**params)
        except (KeyError, IndexError, ValueError, AttributeError, TypeError):
            pass
    return source.format(**params)


@lru_cache(maxsize=4096)
def placeholders(pattern: str) -> frozenset[str] | None:
    """The ``{names}`` of a pattern (None when its braces are broken)."""
    try:
        return frozenset(name for _, name, _, _ in Formatter().parse(pattern) if name is not None)
    except ValueError:
        return None


def chain(pair: Template, items: Sequence[str]) -> str:
    """``items`` joined by a two-place template such as ``"{first} and {second}"``
    (left to right: ``"a and b and c"``), so the joining words are translated too;
    one item as it is, none: ``""``."""
    if not items:
        return ""
    joined = items[0]
    for item in items[1:]:
        joined = pair(first=joined, second=item)
    return joined
