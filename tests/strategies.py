"""Hypothesis strategies for valid seminar-gui documents.

Shared by the storage tests and the README import/export property tests, so every
generated document validates and uses only text the README format can carry:
single-line fields without line breaks, presenter names of letters and spaces
(Latin, accented and CJK; never the word "and"), paper titles that do not start
with '[', URLs without spaces, session dates that belong to their semester, and
free Markdown made of plain paragraph lines that start with a letter.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from typing import Any

from hypothesis import strategies as st

from seminar_gui.core import lines, model
from seminar_gui.core.model import Document

LOWER = "abcdefghijklmnopqrstuvwxyz"
ACCENTED = "éèüöñçøåíó"
CJK = "张伟王芳李娜刘洋陈静杨敏赵磊黄强周军吴平徐丽孙涛马林朱红胡明郭华"
DIGITS = "0123456789"

REAL_NAMES = ["张伟", "Yuxin Ma", "Ping Gong", "Xin Ren", "Jiahao Li", "José Núñez", "王芳"]
REAL_TITLES = [
    "dInfer: An Efficient Inference Framework for Diffusion Language Models",
    "Fast-dLLM v2: Efficient Block-Diffusion LLM",
    "Spirit: Fair Allocation of Interdependent Resources in Remote Memory Systems",
    "Kick-off meeting",
    "大模型推理系统综述",
]
VENUES = ["arXiv", "SOSP '25", "OSDI'25", "NSDI 2026", "EuroSys '25"]
SECTION_HEADINGS = ["Specific Requirements", "Other Information", "Reading List", "参考资料"]
SEASON_MONTHS: dict[str, tuple[int, ...]] = {
    "Fall": (9, 10, 11, 12, 1, 2),  # January and February of the next year
    "Spring": (2, 3, 4, 5, 6),
    "Summer": (6, 7, 8),
    "Winter": (12, 1, 2),  # December of the previous year
}
MARKERS = {
    "paper_marker": ["💡", "📄"],
    "presenter_marker": ["🙋‍♂️", "👤"],
    "note_marker": ["✨", "⭐"],
    "slides_label": ["📕 slides", "slides", "幻灯片"],
    "video_label": ["📺 video", "video", "录像"],
    "slide_name_pattern": ["{yymmdd}-{short}.pdf", "{yyyymmdd}_{short}.pdf"],
}


def _word(alphabet: str, max_size: int = 10) -> st.SearchStrategy[str]:
    """A word that starts with a letter, capitalised (so never the separator 'and')."""
    first = st.sampled_from([c.upper() for c in alphabet if c.isalpha()])
    return st.builds(str.__add__, first, st.text(alphabet, max_size=max_size - 1))


def _words(
    alphabet: str, max_words: int, sep: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[str]:
    sep = st.just(" ") if sep is None else sep
    pairs = st.lists(st.tuples(sep, _word(alphabet)), min_size=1, max_size=max_words)
    return pairs.map(lambda ps: ps[0][1] + "".join(s + w for s, w in ps[1:]))


names = st.one_of(st.sampled_from(REAL_NAMES), _words(LOWER + ACCENTED + CJK, 3))
affiliations = st.one_of(
    st.just(""), st.sampled_from(["Alibaba ROLL", "MSRA", "清华大学"]), _words(LOWER + DIGITS, 3)
)
urls = st.builds(
    lambda host, path, query: f"https://{host}/{path}{query}",
    st.sampled_from(["example.org", "arxiv.org/pdf", "dl.acm.org/doi/pdf/10.1145"]),
    st.text(LOWER + DIGITS + "._-", min_size=1, max_size=12),
    st.sampled_from(["", "", "?t=9.2", "#page=2"]),
)
videos = st.builds(
    lambda bv, t: f"https://www.bilibili.com/video/BV{bv}{t}",
    st.text(LOWER.upper() + LOWER + DIGITS, min_size=10, max_size=10),
    st.sampled_from(["", "?t=2.4"]),
)
title_seps = st.sampled_from([" ", " ", " ", ": ", ", ", " - ", "? "])
titles = st.one_of(
    st.sampled_from(REAL_TITLES), _words(LOWER + DIGITS + ACCENTED + CJK + "-'", 8, title_seps)
)
venues = st.one_of(st.sampled_from(VENUES), _words(LOWER + DIGITS + "'", 3).map(lambda v: v[:40]))
notes = st.one_of(st.sampled_from(["SOSP Rehearsal", "Guest talk 🎉", "线上"]), _words(LOWER, 4))
paragraph = _words(LOWER + DIGITS + CJK + ",.", 12)


@st.composite
def free_text(draw: st.DrawFn, max_paragraphs: int = 3) -> str:
    """Plain Markdown paragraphs: lines that start with a letter, blank lines between."""
    paragraph_lines = st.lists(paragraph, min_size=1, max_size=3)
    paragraphs = draw(st.lists(paragraph_lines, min_size=1, max_size=max_paragraphs))
    return "\n\n".join("\n".join(lines_) for lines_ in paragraphs)


def _maybe(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Mostly empty, as in real READMEs, and sometimes ``strategy``."""
    return st.one_of(st.just(""), strategy)


@st.composite
def papers(draw: st.DrawFn) -> dict[str, str]:
    title = draw(_maybe(titles))
    return {
        "title": title,
        "url": draw(_maybe(urls)) if title else "",
        "venue": draw(_maybe(venues)),
    }


@st.composite
def topics(draw: st.DrawFn, date: dt.date, ids: itertools.count[int]) -> dict[str, Any]:
    short = draw(st.text(LOWER + LOWER.upper() + DIGITS, min_size=1, max_size=10))
    presenters = st.fixed_dictionaries({"name": names, "affiliation": affiliations})
    extra_keys = st.lists(st.sampled_from(model.EXTRA_POSITIONS), unique=True, max_size=2)
    return {
        "id": f"t{next(ids):06d}",
        "heading": draw(st.sampled_from(["", "", "", "Keynote", "特邀报告"])),
        "note": draw(_maybe(notes)),
        "paper": draw(papers()),
        "presenters": draw(st.lists(presenters, max_size=3)),
        "slides": draw(_maybe(st.just(f"./slides/{date:%y%m%d}-{short}.pdf"))),
        "video": draw(_maybe(videos)),
        "extra": {k: f"- 📎 {draw(paragraph)}" for k in draw(extra_keys)},
    }


def session_dates(title: str) -> st.SearchStrategy[dt.date]:
    """Dates that belong to the semester ``title`` (its README writes them without a year)."""

    def to_date(month: int, day: int) -> dt.date:
        year = model.semester_year_for_month(title, month)
        day = min(day, calendar.monthrange(year, month)[1])
        date = model.infer_date(title, month, day)
        assert date is not None
        return date

    season = title.split()[1]
    return st.builds(to_date, st.sampled_from(SEASON_MONTHS[season]), st.integers(1, 31))


@st.composite
def semesters(draw: st.DrawFn, title: str, ids: itertools.count[int]) -> dict[str, Any]:
    dates = draw(st.lists(session_dates(title), unique=True, max_size=4))
    sections = st.fixed_dictionaries(
        {
            "heading": st.one_of(st.sampled_from(SECTION_HEADINGS), _words(LOWER + CJK, 3)),
            "level": st.integers(1, 2),
            "body": free_text(),
            "after_schedule": st.booleans(),
        }
    ).filter(lambda s: s["heading"].lower() != "schedule")
    sessions = [
        {
            "id": f"s{next(ids):06d}",
            "date": date.isoformat(),
            "topics": [draw(topics(date, ids)) for _ in range(draw(st.integers(1, 3)))],
            "intro": draw(_maybe(free_text(1))),
            "trailer": draw(_maybe(free_text(1))),
        }
        for date in dates
    ]
    return {
        "id": f"m{next(ids):06d}",
        "title": title,
        "intro": draw(_maybe(free_text())),
        "sections": draw(st.lists(sections, max_size=2)),
        "schedule_intro": draw(_maybe(free_text(1))),
        "sessions": sessions,
    }


@st.composite
def _documents(draw: st.DrawFn, min_semesters: int, max_semesters: int) -> Document:
    ids = itertools.count(1)
    terms = st.tuples(st.integers(2015, 2030), st.sampled_from(list(SEASON_MONTHS)))
    titles_ = [
        f"{y} {s}"
        for y, s in draw(
            st.lists(terms, unique=True, min_size=min_semesters, max_size=max_semesters)
        )
    ]
    style = {key: draw(st.sampled_from(options)) for key, options in MARKERS.items()}
    style["presenter_separator"] = draw(st.sampled_from(lines.PRESENTER_SEPARATORS))
    style["material_separator"] = draw(st.sampled_from(lines.MATERIAL_SEPARATORS))
    return Document.model_validate(
        {
            "preamble": draw(_maybe(free_text())),
            "style": style,
            "semesters": [draw(semesters(title, ids)) for title in titles_],
        }
    )


def documents(min_semesters: int = 0, max_semesters: int = 3) -> st.SearchStrategy[Document]:
    """Valid documents: up to ``max_semesters`` semesters with sessions, topics, free text.

    Extra Markdown kept for a topic (``Topic.extra``) is an unknown bullet line such as
    ``- 📎 Reading notes``; every other block of free Markdown is plain paragraphs.
    """
    return _documents(min_semesters, max_semesters)
