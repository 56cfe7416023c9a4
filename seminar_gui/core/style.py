"""The group's house style: markers, separators, link labels, slide names."""

from __future__ import annotations

from typing import Annotated

from pydantic import field_validator, model_validator

from seminar_gui.core import lines, markers
from seminar_gui.core.fields import DocModel, one_line, one_of

LinkLabel = Annotated[str, one_line("link label")]
PresenterSeparator = Annotated[str, one_of(lines.PRESENTER_SEPARATORS, "presenter separator")]
MaterialSeparator = Annotated[str, one_of(lines.MATERIAL_SEPARATORS, "material separator")]


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

    @field_validator("paper_marker", "presenter_marker", "note_marker")
    @classmethod
    def _marker(cls, v: str) -> str:
        v = v.strip()
        if not v or any(c.isspace() or c.isalnum() for c in v):
            raise ValueError(f"marker {v!r} must be one or more symbols (an emoji), no spaces")
        return v

    @field_validator("slides_label", "video_label")
    @classmethod
    def _label(cls, v: str) -> str:
        if not v or any(c in v for c in "[]"):
            raise ValueError(f"link label {v!r} must be non-empty, without square brackets")
        return v

    @field_validator("slide_name_pattern")
    @classmethod
    def _pattern(cls, v: str) -> str:
        if "{short}" not in v or not any(k in v for k in ("{yymmdd}", "{yyyymmdd}")):
            raise ValueError(
                f"slide name pattern {v!r} needs {{short}} and {{yymmdd}} or {{yyyymmdd}}"
            )
        if "/" in v or "\\" in v:
            raise ValueError("slide name pattern cannot contain a folder separator")
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
                    f"{value!r} is not a {kind} marker seminar-gui can read back; "
                    f"choose one of {' '.join(markers.KNOWN[kind])}"
                )
        for kind, label in (("slides", self.slides_label), ("video", self.video_label)):
            if lines.classify_link(label, "") != kind:
                raise ValueError(
                    f"link label {label!r} must say what it is (e.g. '📕 slides', '📺 video')"
                )
        return self
