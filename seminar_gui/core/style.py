"""The group's house style: markers, separators, link labels, slide names."""

from __future__ import annotations

from typing import Annotated

from pydantic import field_validator, model_validator

from seminar_gui.core import lines, markers
from seminar_gui.core.fields import DocModel, one_line, one_of
from seminar_gui.core.messages import QT_TRANSLATE_NOOP

_LINK_LABEL = QT_TRANSLATE_NOOP("style", "link label")
_PRESENTER_SEPARATOR = QT_TRANSLATE_NOOP("style", "presenter separator")
_MATERIAL_SEPARATOR = QT_TRANSLATE_NOOP("style", "material separator")
_MARKER = QT_TRANSLATE_NOOP(
    "style", "marker {marker} must be one or more symbols (an emoji), no spaces"
)
_LABEL = QT_TRANSLATE_NOOP("style", "link label {label} must be non-empty, without square brackets")
_PATTERN = QT_TRANSLATE_NOOP(
    "style", "slide name pattern {pattern} needs {{short}} and {{yymmdd}} or {{yyyymmdd}}"
)
_PATTERN_FOLDER = QT_TRANSLATE_NOOP("style", "slide name pattern cannot contain a folder separator")
_KINDS = {
    "paper": QT_TRANSLATE_NOOP("style", "paper"),
    "presenters": QT_TRANSLATE_NOOP("style", "presenters"),
    "note": QT_TRANSLATE_NOOP("style", "note"),
}
_UNREADABLE_MARKER = QT_TRANSLATE_NOOP(
    "style",
    "{marker} is not a {kind} marker seminar-gui can read back; choose one of {known}",
)
_VAGUE_LABEL = QT_TRANSLATE_NOOP(
    "style", "link label {label} must say what it is (e.g. '📕 slides', '📺 video')"
)

LinkLabel = Annotated[str, one_line(_LINK_LABEL())]
PresenterSeparator = Annotated[str, one_of(lines.PRESENTER_SEPARATORS, _PRESENTER_SEPARATOR())]
MaterialSeparator = Annotated[str, one_of(lines.MATERIAL_SEPARATORS, _MATERIAL_SEPARATOR())]


class Style(DocModel):
    """The group's house style, detected on import and used by the exporter."""

    paper_marker: str = "💡"
    presenter_marker: str = "🙋‍♂️"
    note_marker: str = "✨"
    slides_label: LinkLabel = "📕 slides"
    video_label: LinkLabel = "📺 video"
    presenter_separator: PresenterSeparator = ", "
    material_separator: MaterialSeparator = ","
    slide_name_pattern: str = "{yymmdd}-{short}.pdf"
    #: Write a paper's authors after its linked title (`` — *A. Author, B. Author*``);
    #: the importer reads them back (and turns this on when a README has them).
    paper_authors: bool = False

    @field_validator("paper_marker", "presenter_marker", "note_marker")
    @classmethod
    def _marker(cls, v: str) -> str:
        v = v.strip()
        if not v or any(c.isspace() or c.isalnum() for c in v):
            raise ValueError(_MARKER(marker=repr(v)))
        return v

    @field_validator("slides_label", "video_label")
    @classmethod
    def _label(cls, v: str) -> str:
        if not v or any(c in v for c in "[]"):
            raise ValueError(_LABEL(label=repr(v)))
        return v

    @field_validator("slide_name_pattern")
    @classmethod
    def _pattern(cls, v: str) -> str:
        if "{short}" not in v or not any(k in v for k in ("{yymmdd}", "{yyyymmdd}")):
            raise ValueError(_PATTERN(pattern=repr(v)))
        if "/" in v or "\\" in v:
            raise ValueError(_PATTERN_FOLDER())
        return v

    @model_validator(mode="after")
    def _readable(self) -> Style:
        """Every marker and label must be one the importer recognises, or the README
        written with this style could not be read back."""
        for kind, value in (
            ("paper", self.paper_marker),
            ("presenters", self.presenter_marker),
            ("note", self.note_marker),
        ):
            known = markers.classify_marker(value)
            if known is None or known[0] != kind:
                raise ValueError(
                    _UNREADABLE_MARKER(
                        marker=repr(value), kind=_KINDS[kind](), known=" ".join(markers.KNOWN[kind])
                    )
                )
        for kind, label in (("slides", self.slides_label), ("video", self.video_label)):
            if lines.classify_link(label, "") != kind:
                raise ValueError(_VAGUE_LABEL(label=repr(label)))
        return self
