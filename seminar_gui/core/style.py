"""The group's house style: markers, separators, link labels, slide names."""

from __future__ import annotations

from pydantic import field_validator, model_validator

from seminar_gui.core import lines, markers
from seminar_gui.core.fields import DocModel, single_line


class Style(DocModel):
    """The group's house style, detected on import and used by the exporter."""

    paper_marker: str = "💡"
    presenter_marker: str = "🙋‍♂️"
    note_marker: str = "✨"
    slides_label: str = "📕 slides"
    video_label: str = "📺 video"
    presenter_separator: str = ", "
    material_separator: str = ","
    slide_name_pattern: str = "{yymmdd}-{short}.pdf"

    @field_validator("presenter_separator")
    @classmethod
    def _psep(cls, v: str) -> str:
        if v not in lines.PRESENTER_SEPARATORS:
            raise ValueError(f"presenter separator must be one of {lines.PRESENTER_SEPARATORS}")
        return v

    @field_validator("material_separator")
    @classmethod
    def _msep(cls, v: str) -> str:
        if v not in lines.MATERIAL_SEPARATORS:
            raise ValueError(f"material separator must be one of {lines.MATERIAL_SEPARATORS}")
        return v

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
        v = single_line(v, "link label")
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
