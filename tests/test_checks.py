"""Document checks: each fires with the right severity and a useful message, and a
clean document has no problems at all.

The documents here switch off three of the group's rules (one SOSP/OSDI paper and one
arXiv paper a session, no repeated paper, no consecutive lead: tests/test_rules.py
covers them), so each test sees the check it is about; the two rules that were
checks before (a topic's lead presenter, past sessions' slides and video) stay on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from seminar_gui.core.checks import Problem, check_document, check_files, meeting_weekday
from seminar_gui.core.model import Document, Paper, Presenter, Rules, Semester, Session, Topic

TODAY = dt.date(2025, 11, 26)  # a Wednesday, the day after the 2025-11-25 session
ARXIV = "https://arxiv.org/pdf/2510.08666"
SOSP = "https://dl.acm.org/doi/pdf/10.1145/3731569.3764805"
OSDI = "https://www.usenix.org/system/files/osdi25-ren.pdf"


def topic(
    title: str = "Spirit: Fair Allocation",
    url: str = SOSP,
    venue: str = "SOSP '25",
    presenters: tuple[str, ...] = ("Yicheng Zhang",),
    slides: str = "./slides/251125_Spirit.pdf",
    video: str = "https://www.bilibili.com/video/BV19JUzBXEM2",
    **kwargs: Any,
) -> Topic:
    return Topic(
        paper=Paper(title=title, url=url, venue=venue),
        presenters=[Presenter(name=name) for name in presenters],
        slides=slides,
        video=video,
        **kwargs,
    )


def session(date: str, *topics: Topic) -> Session:
    return Session(date=dt.date.fromisoformat(date), topics=list(topics))


RULES = Rules(one_conference_one_arxiv=False, no_repeated_paper=False, no_consecutive_lead=False)


def document(*sessions: Session, title: str = "2025 Fall") -> Document:
    return Document(rules=RULES, semesters=[Semester(title=title, sessions=list(sessions))])


def clean_sessions() -> list[Session]:
    """Tuesdays; past sessions have slides and video; venue tags match the links."""
    return [
        session(
            "2025-12-02",
            topic("dInfer", ARXIV, "arXiv", slides="", video=""),  # upcoming: nothing yet
            topic("", "", "", ("Ping Gong", "Xin Ren"), slides="", video=""),  # not chosen
        ),
        session(
            "2025-11-25",
            topic("ROLL", "https://github.com/alibaba/ROLL", "", ("Wei Gao",)),
            topic(),
        ),
        session("2025-11-04", topic("FuseLink", OSDI, "OSDI'25", ("Haiquan Wang",))),
        session("2025-10-21", topic("ServeGen", "https://arxiv.org/abs/2505.09999", "arxiv")),
    ]


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, problems
    return problems[0]


def test_clean_document_has_no_problems() -> None:
    assert check_document(document(*clean_sessions()), today=TODAY) == []


def test_empty_document_has_no_problems() -> None:
    assert check_document(Document(), today=TODAY) == []
    assert check_document(document(), today=TODAY) == []


def test_default_today_is_the_current_date() -> None:
    future = dt.date.today() + dt.timedelta(days=400)
    title = f"{future.year} {'Fall' if future.month >= 7 else 'Spring'}"
    doc = document(session(future.isoformat(), topic(slides="", video="")), title=title)
    assert check_document(doc) == []


# ------------------------------------------------------------------------- links


def test_paper_url_that_is_not_a_web_address_is_an_error() -> None:
    t = topic(url="arxiv.org/abs/2505.09999", venue="arXiv")
    doc = document(session("2025-11-25", t))
    p = only(check_document(doc, today=TODAY))
    assert p.severity == "error"
    assert p.field == "paper.url"
    assert (p.semester_id, p.session_id, p.topic_id) == (
        doc.semesters[0].id,
        doc.semesters[0].sessions[0].id,
        t.id,
    )
    assert p.where == "2025 Fall › Nov 25 › Topic I"
    assert "'arxiv.org/abs/2505.09999' is not a web address" in p.message
    assert "did you mean https://arxiv.org/abs/2505.09999?" in p.message


def test_video_link_that_is_not_a_web_address_is_an_error() -> None:
    doc = document(session("2025-11-25", topic(video="./videos/x.mp4")))
    p = only(check_document(doc, today=TODAY))
    assert (p.severity, p.field) == ("error", "video")
    assert "video link './videos/x.mp4' is not a web address" in p.message
    assert "https://" in p.message
    assert "did you mean" not in p.message


@pytest.mark.parametrize(
    "slides", ["./slides/x.pdf", "slides/x.pdf", "https://example.org/x.pdf", "http://a.b/x"]
)
def test_relative_and_web_slides_links_are_fine(slides: str) -> None:
    assert check_document(document(session("2025-11-25", topic(slides=slides))), today=TODAY) == []


def test_slides_link_to_a_local_file_is_an_error() -> None:
    doc = document(session("2025-11-25", topic(slides="file:///home/me/x.pdf")))
    p = only(check_document(doc, today=TODAY))
    assert (p.severity, p.field) == ("error", "slides")
    assert "only works on this computer" in p.message
    assert "./slides/" in p.message


# ---------------------------------------------------------------------- sessions


def test_two_sessions_on_one_date_is_an_error() -> None:
    doc = document(session("2025-11-25", topic()), session("2025-11-25", topic()))
    p = only(check_document(doc, today=TODAY))
    assert (p.severity, p.field, p.topic_id) == ("error", "date", None)
    assert p.session_id == doc.semesters[0].sessions[1].id
    assert p.where == "2025 Fall › Nov 25"
    assert "two sessions are on November 25" in p.message
    assert "move one session to another date" in p.message


def test_session_without_topics_is_a_warning() -> None:
    doc = document(*clean_sessions(), session("2025-10-14"))
    p = only(check_document(doc, today=TODAY))
    assert (p.severity, p.field, p.topic_id) == ("warning", "topics", None)
    assert p.message.startswith("the session on October 14 has no topics")
    assert "add a topic" in p.message


def test_session_off_the_meeting_day_is_info() -> None:
    doc = document(*clean_sessions(), session("2025-09-29", topic(slides="x.pdf")))
    p = only(check_document(doc, today=TODAY))
    assert (p.severity, p.field) == ("info", "date")
    assert p.where == "2025 Fall › Sep 29"
    assert p.message.startswith("September 29 is a Monday; the group meets on Tuesdays")


def test_no_meeting_day_without_a_clear_majority() -> None:
    two = document(session("2025-11-25", topic()), session("2025-11-24", topic()))
    assert check_document(two, today=TODAY) == []
    tied = [
        session("2025-11-25", topic()),
        session("2025-11-18", topic()),
        session("2025-11-10", topic()),
        session("2025-11-03", topic()),
    ]
    assert meeting_weekday(document(*tied).semesters[0]) is None
    assert meeting_weekday(document(*clean_sessions()).semesters[0]) == 1  # Tuesday


# ------------------------------------------------------------------------ topics


def test_topic_without_presenters_is_a_warning() -> None:
    t = topic(presenters=())
    doc = document(*clean_sessions()[:1], session("2025-11-25", topic(), t))
    p = only(check_document(doc, today=TODAY))
    assert (p.severity, p.field, p.topic_id) == ("warning", "presenters", t.id)
    assert p.where == "2025 Fall › Nov 25 › Topic II"
    assert p.message == (
        "Spirit on November 25 has no lead presenter: add the person who presents it "
        "(the first presenter leads)"
    )


def test_custom_topic_heading_is_used_in_where() -> None:
    t = topic(presenters=(), heading="Lightning talk")
    p = only(check_document(document(session("2025-11-25", t)), today=TODAY))
    assert p.where == "2025 Fall › Nov 25 › Lightning talk"


def test_missing_venue_tag_is_info_when_the_url_tells() -> None:
    doc = document(session("2025-11-25", topic(url=ARXIV, venue="")))
    p = only(check_document(doc, today=TODAY))
    assert (p.severity, p.field) == ("info", "paper.venue")
    assert p.message.startswith("venue tag missing; the URL suggests [arXiv]")


def test_missing_venue_tag_is_fine_when_the_url_does_not_tell() -> None:
    doc = document(session("2025-11-25", topic(url="https://www.yecl.org/x.pdf", venue="")))
    assert check_document(doc, today=TODAY) == []


@pytest.mark.parametrize("venue", ["SOSP '25", "SOSP'25", "sosp 25", "SOSP 2025", "SOSP"])
def test_venue_tags_written_differently_agree(venue: str) -> None:
    assert check_document(document(session("2025-11-25", topic(venue=venue))), today=TODAY) == []


@pytest.mark.parametrize(
    ("venue", "url", "inferred"),
    [("OSDI '24", OSDI, "OSDI '25"), ("OSDI '25", SOSP, "SOSP '25"), ("arXiv", SOSP, "SOSP '25")],
)
def test_venue_tag_that_disagrees_with_the_url_is_a_warning(
    venue: str, url: str, inferred: str
) -> None:
    p = only(
        check_document(document(session("2025-11-25", topic(url=url, venue=venue))), today=TODAY)
    )
    assert (p.severity, p.field) == ("warning", "paper.venue")
    assert f"the venue tag says [{venue}]" in p.message
    assert f"points to {inferred}" in p.message


def test_conference_tag_with_an_arxiv_link_is_only_info() -> None:
    p = only(check_document(document(session("2025-11-25", topic(url=ARXIV))), today=TODAY))
    assert (p.severity, p.field) == ("info", "paper.venue")
    assert "arXiv version of the SOSP '25 paper" in p.message


@pytest.mark.parametrize(
    ("slides", "video", "start", "field"),
    [
        ("", "", "no slides/video yet", "slides"),
        ("", "https://b.tv/x", "no slides yet", "slides"),
        ("./slides/x.pdf", "", "no video yet", "video"),
    ],
)
def test_past_session_without_materials_is_info(
    slides: str, video: str, start: str, field: str
) -> None:
    doc = document(session("2025-11-25", topic(slides=slides, video=video)))
    p = only(check_document(doc, today=TODAY))
    assert (p.severity, p.field) == ("info", field)
    assert p.message.startswith(f"{start} for Spirit: the session on November 25 is over")


def test_materials_are_not_expected_before_the_session_is_over() -> None:
    doc = document(session("2025-11-25", topic(slides="", video="")))
    assert check_document(doc, today=dt.date(2025, 11, 25)) == []


def test_materials_are_not_expected_without_a_paper() -> None:
    doc = document(session("2025-11-25", topic("", "", "", slides="", video="")))
    assert check_document(doc, today=TODAY) == []


# ---------------------------------------------------------------------- ordering


def test_errors_come_first_then_document_order() -> None:
    doc = document(
        session("2025-12-02", topic(presenters=(), slides="", video="")),  # warning
        session("2025-11-25", topic(url=ARXIV, venue="", video="")),  # info, info
        session("2025-11-18", topic(video="b.tv/x")),  # error
        session("2025-11-11"),  # warning
    )
    problems = check_document(doc, today=TODAY)
    assert [(p.severity, p.where) for p in problems] == [
        ("error", "2025 Fall › Nov 18 › Topic I"),
        ("warning", "2025 Fall › Dec 2 › Topic I"),
        ("warning", "2025 Fall › Nov 11"),
        ("info", "2025 Fall › Nov 25 › Topic I"),
        ("info", "2025 Fall › Nov 25 › Topic I"),
    ]
    assert [p.field for p in problems[-2:]] == ["paper.venue", "video"]


def test_problems_in_several_semesters() -> None:
    doc = Document(
        semesters=[
            Semester(title="2025 Spring", sessions=[session("2025-03-04")]),
            Semester(title="2025 Fall", sessions=[session("2025-11-25")]),
        ]
    )
    problems = check_document(doc, today=TODAY)
    assert [p.where for p in problems] == ["2025 Fall › Nov 25", "2025 Spring › Mar 4"]


def test_problem_is_frozen_and_prints_as_one_line() -> None:
    p = Problem("warning", "2025 Fall › Nov 25", "the session has no topics")
    with pytest.raises(AttributeError):  # a value: never changed in place
        p.message = "x"  # type: ignore[misc]
    assert str(p) == "warning: 2025 Fall › Nov 25: the session has no topics"


# ------------------------------------------------------------------ slide files


def site_with(tmp_path: Path, *names: str) -> Path:
    site = tmp_path / "site"
    (site / "slides").mkdir(parents=True)
    for name in names:
        (site / "slides" / name).parent.mkdir(parents=True, exist_ok=True)
        (site / "slides" / name).write_bytes(b"%PDF-1.7\n")
    return site


def test_files_that_match_the_links_have_no_problems(tmp_path: Path) -> None:
    site = site_with(tmp_path, "251125_Spirit.pdf", "a b.pdf", ".DS_Store", ".trash/old.pdf")
    doc = document(
        session("2025-11-25", topic(), topic(slides="./slides/a%20b.pdf")),
        session("2025-11-18", topic(slides="https://example.org/x.pdf")),
    )
    assert check_files(doc, site, today=TODAY) == []
    assert check_files(doc, None, today=TODAY) == []  # unsaved project: nothing to compare


def test_link_to_a_missing_file_is_a_warning(tmp_path: Path) -> None:
    site = site_with(tmp_path, "other.pdf")
    doc = document(session("2025-11-25", topic(), topic(slides="./slides/other.pdf")))
    p = only(check_files(doc, site, today=TODAY))
    assert (p.severity, p.field, p.topic_id) == (
        "warning",
        "slides",
        doc.semesters[0].sessions[0].topics[0].id,
    )
    assert p.where == "2025 Fall › Nov 25 › Topic I"
    assert p.message.startswith(
        f"slides link ./slides/251125_Spirit.pdf: the file does not exist in {site / 'slides'}; "
    )
    assert "drop the slides on this topic" in p.message
    assert p.path == str(site / "slides" / "251125_Spirit.pdf")


def test_missing_slides_of_a_coming_session_are_only_info(tmp_path: Path) -> None:
    site = site_with(tmp_path)
    doc = document(session("2025-12-02", topic(slides="./slides/251202_dInfer.pdf", video="")))
    p = only(check_files(doc, site, today=TODAY))
    assert p.severity == "info"
    assert "add it before the session" in p.message


def test_link_with_other_upper_lower_case_is_a_warning(tmp_path: Path) -> None:
    site = site_with(tmp_path, "251125_Spirit.pdf")
    doc = document(session("2025-11-25", topic(slides="./slides/251125_spirit.PDF")))
    p = only(check_files(doc, site, today=TODAY))  # and the file is not an orphan
    assert p.severity == "warning"
    assert "251125_Spirit.pdf" in p.message and "upper/lower case" in p.message


def test_files_no_topic_links_to_are_info(tmp_path: Path) -> None:
    site = site_with(tmp_path, "251125_Spirit.pdf", "old.pdf", "2024/talk.pptx")
    problems = check_files(document(session("2025-11-25", topic())), site, today=TODAY)
    assert [(p.severity, p.where) for p in problems] == [
        ("info", "slides/old.pdf"),
        ("info", "slides/2024/talk.pptx"),
    ]
    assert problems[0].message.startswith("no topic links to slides/old.pdf: ")
    assert problems[0].path == str(site / "slides" / "old.pdf")
    assert (problems[0].semester_id, problems[0].topic_id) == (None, None)


def test_a_site_without_slides_folder_gives_one_warning(tmp_path: Path) -> None:
    site = tmp_path
    doc = document(*clean_sessions())
    p = only(check_files(doc, site, today=TODAY))
    assert (p.severity, p.field) == ("warning", "site_folder")
    assert f"4 slides links point into {site / 'slides'}, which does not exist" in p.message
    assert "choose that folder in File › Project Settings" in p.message
    missing = only(check_files(doc, tmp_path / "nowhere", today=TODAY))
    assert "the site folder (of README.md and slides/) does not exist" in missing.message


def test_files_and_document_problems_do_not_overlap(tmp_path: Path) -> None:
    site = site_with(tmp_path)
    doc = document(session("2025-11-25", topic(slides="", video="")))
    assert check_files(doc, site, today=TODAY) == []
    assert only(check_document(doc, today=TODAY)).message.startswith("no slides/video yet for")


def test_one_semester_checks_its_links_and_counts_the_others(tmp_path: Path) -> None:
    """The Problems panel checks only the semester on show; a file another semester
    links to is still linked, and that semester's broken links are not looked up."""
    from seminar_gui.core import edits

    site = site_with(tmp_path, "251125_Spirit.pdf", "250304_Older.pdf", "old.pdf")
    fall = document(session("2025-11-25", topic(), topic(slides="./slides/missing.pdf")))
    spring = edits.plan_semester("2025 Spring", 1, dt.date(2025, 3, 4), dt.date(2025, 3, 18))
    doc = edits.add_semester(fall, spring)
    spring_session = doc.semester(spring.id).sessions[0]
    doc = edits.update_topic(
        doc, spring_session.topics[0].id, slides="./slides/250304_older.PDF"
    )  # other case: linked all the same
    doc = edits.add_topic(doc, spring_session.id)[0]
    broken = doc.semester(spring.id).sessions[0].topics[1]
    doc = edits.update_topic(doc, broken.id, slides="./slides/gone.pdf")
    found = check_files(doc, site, today=TODAY, semester_id=doc.semesters[0].id)
    assert sorted(p.where for p in found) == ["2025 Fall › Nov 25 › Topic II", "slides/old.pdf"]
    assert [p.where for p in check_files(doc, site, today=TODAY)] == [
        "2025 Fall › Nov 25 › Topic II",
        "2025 Spring › Mar 18 › Topic I",  # the case-differing link: on its semester
        "2025 Spring › Mar 18 › Topic II",
        "slides/old.pdf",
    ]
