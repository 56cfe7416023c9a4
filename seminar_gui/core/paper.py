"""A topic's paper and its presenters (one README line each)."""

from __future__ import annotations

import re

from pydantic import Field, field_validator, model_validator

from seminar_gui.core import lines
from seminar_gui.core.fields import DocModel, check_link, single_line

_PARENS = re.compile("[()（）]")
_PRESENTER_SPECIAL = re.compile(r"[,，、()（）&]|\sand\s")


class Presenter(DocModel):
    """One person of a topic; the first presenter of a topic is its lead."""

    name: str = Field(description="Full name as shown in the README")
    affiliation: str = Field(default="", description="Shown in parentheses after the name")

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        v = single_line(v, "presenter name")
        if not v:
            raise ValueError("presenter name is empty: type a name or remove the row")
        if _PRESENTER_SPECIAL.search(v) is None:
            return v
        people, _ = lines.split_presenters(v)
        if people != [lines.PresenterParts(v)]:
            raise ValueError(
                f"presenter name {v!r} would be read back as several people or with an "
                "affiliation: names cannot contain commas, parentheses or ' and '; "
                "put each person in a row of their own"
            )
        return v

    @field_validator("affiliation")
    @classmethod
    def _affiliation(cls, v: str) -> str:
        v = single_line(v, "affiliation")
        if _PARENS.search(v):
            raise ValueError(f"affiliation {v!r} cannot contain parentheses")
        return v


class Paper(DocModel):
    title: str = Field(default="", description="Paper title (Markdown); empty: not chosen yet")
    url: str = Field(default="", description="Link to the paper")
    venue: str = Field(default="", description='Venue tag as written, e.g. "SOSP \'25", arXiv')

    @field_validator("title")
    @classmethod
    def _title(cls, v: str) -> str:
        return single_line(v, "paper title")

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        return check_link(v, "paper URL")

    @field_validator("venue")
    @classmethod
    def _venue(cls, v: str) -> str:
        v = single_line(v, "venue tag")
        if "[" in v or "]" in v:
            raise ValueError(f"venue tag {v!r} cannot contain square brackets")
        if len(v) > 40:
            raise ValueError(f"venue tag {v[:20]!r}… is longer than 40 characters; shorten it")
        return v

    @model_validator(mode="after")
    def _round_trip(self) -> Paper:
        if self.url and not self.title:
            raise ValueError("paper has a URL but no title: type the title")
        if "[" not in self.title and "]" not in self.title and "\\" not in self.title:
            return self  # nothing in it that Markdown could read differently
        parts = lines.PaperParts(self.venue, self.title, self.url)
        if lines.parse_paper(lines.format_paper(parts)) != parts:
            raise ValueError(
                f"paper title {self.title!r} cannot be written unambiguously: a title "
                "without a link must not start with '[...]' (write '\\[' instead), and "
                "brackets in a linked title must be balanced"
            )
        return self

    @property
    def is_empty(self) -> bool:
        return not (self.title or self.url or self.venue)
