"""Fast paths that skip validation give exactly what full validation gives.

* Edits (``core/edits.py``) check only the semester they touched; here random edit
  sequences run both ways (fast, and with every document-level and semester-level
  check re-run) and must agree on every document and every refusal.
* The README importer builds topics, sessions, papers and presenters without
  pydantic's pass when their values are plainly valid: the document it returns is
  the one validation gives, and ``Paper.make`` / ``Presenter.make`` are their
  constructors.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from strategies import documents

from seminar_gui.core import edits, model
from seminar_gui.core.demo import load_demo
from seminar_gui.core.errors import EditError, ReadmeImportError
from seminar_gui.core.model import Document, Paper, Presenter, Semester, Session, Topic
from seminar_gui.core.readme.export import export_readme
from seminar_gui.core.readme.importer import import_readme

D = dt.date

# ----------------------------------------------------------------- the reference


def _full_with_session(doc: Document, session: Session) -> Document:
    semester, _ = doc.find_session(session.id)
    sessions = [session if s.id == session.id else s for s in semester.sessions]
    semester = edits.revalidated(semester, sessions=sessions)
    semesters = [semester if s.id == semester.id else s for s in doc.semesters]
    return edits.revalidated(doc, semesters=semesters)


def _full_document_with(
    doc: Document, semesters: list[Semester], fresh: Semester, old: Semester | None
) -> Document:
    return edits.revalidated(doc, semesters=semesters)


@contextmanager
def full_validation() -> Iterator[None]:
    """Edits as they were: every edit re-validates its semester and the document."""
    with (
        patch.object(edits, "_document_with", _full_document_with),
        patch.object(edits, "_with_session", _full_with_session),
    ):
        yield


@contextmanager
def counted_ids() -> Iterator[None]:
    """New objects get ids 'x0', 'x1', ... (the same in both runs of one edit)."""
    counter = itertools.count()
    with patch.object(model, "new_id", lambda prefix: f"{prefix}x{next(counter)}"):
        yield


def _outcome(edit: Callable[[], object]) -> object:
    with counted_ids():
        try:
            return ("done", edit())
        except EditError as exc:
            return ("refused", exc.message, exc.field)


def _document(result: object) -> Document:
    return result[0] if isinstance(result, tuple) else result  # type: ignore[return-value]


def _small_archive() -> Document:
    """Three years of two semesters, four sessions of two topics each."""
    semesters = []
    for year in (2023, 2024, 2025):
        for season, start in (("Fall", D(year, 9, 2)), ("Spring", D(year, 2, 24))):
            sessions = [
                Session(
                    date=start + dt.timedelta(weeks=week),
                    topics=[
                        Topic(
                            paper=Paper(title=f"System{week}x{k} {year}", url=f"https://x/{k}"),
                            presenters=[Presenter(name="Wei Gao", affiliation="Lab")],
                            slides=f"./slides/{year}{week}{k}.pdf",
                        )
                        for k in range(2)
                    ],
                )
                for week in range(4)
            ]
            semesters.append(Semester(title=f"{year} {season}", sessions=sessions))
    return Document(semesters=semesters)


# ------------------------------------------------------------------- edit steps

TEXTS = st.one_of(
    st.sampled_from(["", "x", "  padded  ", "two\nlines", "[a](b", "```", "a, b", "a (b)"]),
    st.text(max_size=12),
)
TITLES = st.one_of(
    st.sampled_from(["2025 Fall", "2024 Spring", "2026 Summer", "2023 Fall", "Fall 2027"]),
    st.sampled_from(["0025 Fall", "2025", "nonsense", ""]),
)


def _any_session(doc: Document, data: st.DataObject) -> Session | None:
    sessions = [s for sem in doc.semesters for s in sem.sessions]
    return data.draw(st.sampled_from(sessions)) if sessions else None


def _any_topic(doc: Document, data: st.DataObject) -> Topic | None:
    topics = [t for sem in doc.semesters for s in sem.sessions for t in s.topics]
    return data.draw(st.sampled_from(topics)) if topics else None


def _a_date(data: st.DataObject, near: dt.date) -> dt.date:
    return near + dt.timedelta(days=data.draw(st.integers(-120, 120)))


def _fresh_copy(session: Session, date: dt.date, tag: int) -> Session:
    """``session`` with new ids and another date (not validated: as a caller holds it)."""
    topics = [t.model_copy(update={"id": f"t-new{tag}-{i}"}) for i, t in enumerate(session.topics)]
    return session.model_copy(update={"id": f"s-new{tag}", "date": date, "topics": topics})


def _step(doc: Document, data: st.DataObject) -> Callable[[], object] | None:
    """One random edit of ``doc`` (a closure, so it can run twice), or None."""
    kind = data.draw(
        st.sampled_from(
            [
                "move_session",
                "add_session",
                "insert_session",
                "remove_session",
                "update_session",
                "update_topic",
                "add_topic",
                "remove_topic",
                "move_topic",
                "add_semester",
                "update_semester",
            ]
        ),
        label="edit",
    )
    session, topic = _any_session(doc, data), _any_topic(doc, data)
    semester = data.draw(st.sampled_from(doc.semesters)) if doc.semesters else None
    tag = data.draw(st.integers(0, 3))
    if kind == "move_session" and session:
        date = _a_date(data, session.date)
        return lambda: edits.move_session(doc, session.id, date)
    if kind == "add_session" and semester:
        date = _a_date(data, semester.sessions[0].date if semester.sessions else D(2025, 10, 1))
        with_topic = data.draw(st.booleans())
        return lambda: edits.add_session(doc, semester.id, date, with_topic=with_topic)
    if kind == "insert_session" and semester and session:
        date = _a_date(data, session.date)
        # Half the time the session keeps its ids (refused: they are taken).
        again = session.model_copy(update={"date": date})
        put = again if data.draw(st.booleans()) else _fresh_copy(session, date, tag)
        return lambda: edits.insert_session(doc, semester.id, put)
    if kind == "remove_session" and session:
        return lambda: edits.remove_session(doc, session.id)
    if kind == "update_session" and session:
        changes = data.draw(
            st.fixed_dictionaries({}, optional={"intro": TEXTS, "trailer": TEXTS}), label="changes"
        )
        if data.draw(st.booleans()):
            changes["date"] = _a_date(data, session.date)
        return lambda: edits.update_session(doc, session.id, **changes)
    if kind == "update_topic" and topic:
        changes = data.draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "note": TEXTS,
                    "heading": st.one_of(TEXTS, st.just("Topic II")),
                    "slides": TEXTS,
                    "video": TEXTS,
                    "paper": st.fixed_dictionaries(
                        {}, optional={"title": TEXTS, "url": TEXTS, "venue": TEXTS}
                    ),
                    "presenters": st.lists(
                        st.fixed_dictionaries({"name": TEXTS}, optional={"affiliation": TEXTS}),
                        max_size=2,
                    ),
                },
            ),
            label="changes",
        )
        return lambda: edits.update_topic(doc, topic.id, **changes)
    if kind == "add_topic" and session:
        index = data.draw(st.none() | st.integers(0, len(session.topics)))
        # A topic with a new id, or one whose id is taken (refused).
        taken = topic.id if topic and data.draw(st.booleans()) else f"t-added{tag}"
        new = Topic(id=taken, note=data.draw(st.sampled_from(["", "new"])))
        return lambda: edits.add_topic(doc, session.id, index, new)[0]
    if kind == "remove_topic" and topic:
        return lambda: edits.remove_topic(doc, topic.id)
    if kind == "move_topic" and topic and session:
        index = data.draw(st.none() | st.integers(0, len(session.topics)))
        return lambda: edits.move_topic(doc, topic.id, session.id, index)
    if kind == "add_semester":
        title = data.draw(TITLES, label="title")
        plan = _planned(title, sessions=data.draw(st.booleans()))
        if plan is None:
            return None
        if plan.sessions and session and data.draw(st.booleans()):  # ids that are taken
            moved = session.model_copy(update={"date": plan.sessions[0].date})
            plan = plan.model_copy(update={"sessions": [moved, *plan.sessions[1:]]})
        return lambda: edits.add_semester(doc, plan)
    if kind == "update_semester" and semester:
        changes = data.draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "title": TITLES,
                    "intro": TEXTS,
                    "meeting_weekday": st.integers(-1, 7),
                    "id": st.sampled_from(["m-other"] + [s.id for s in doc.semesters]),
                },
            ),
            label="changes",
        )
        return lambda: edits.update_semester(doc, semester.id, **changes)
    return None


def _planned(title: str, *, sessions: bool) -> Semester | None:
    parsed = model.parse_semester_title(title)
    if parsed is None or parsed[0] < 1000:
        return None
    year, season = parsed
    first = {"Fall": D(year, 9, 1), "Spring": D(year, 2, 1), "Summer": D(year, 6, 1)}
    start = first.get(season, D(year, 1, 5))
    with counted_ids():
        return edits.plan_semester(
            f"{year} {season}",
            start.weekday(),
            start,
            start + dt.timedelta(weeks=3),
            sessions=sessions,
        )


def _run_sequence(doc: Document, data: st.DataObject, steps: int) -> None:
    for _ in range(steps):
        edit = _step(doc, data)
        if edit is None:
            continue
        fast = _outcome(edit)
        with full_validation():
            full = _outcome(edit)
        # Accepted by both or refused by both, with the same message and field.
        assert fast == full
        if fast[0] == "done":
            doc = _document(fast[1])
            assert doc == Document.model_validate(doc.model_dump())
            assert doc.model_fields_set == _document(full[1]).model_fields_set


EDIT_SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@EDIT_SETTINGS
@given(st.data())
def test_random_edits_of_the_demo_agree_with_full_validation(data: st.DataObject) -> None:
    _run_sequence(load_demo(), data, steps=8)


@EDIT_SETTINGS
@given(st.data())
def test_random_edits_of_an_archive_agree_with_full_validation(data: st.DataObject) -> None:
    _run_sequence(_small_archive(), data, steps=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(min_semesters=1, max_semesters=3), st.data())
def test_random_edits_of_random_documents_agree(doc: Document, data: st.DataObject) -> None:
    _run_sequence(doc, data, steps=5)


def test_a_title_edit_shares_everything_it_did_not_touch() -> None:
    doc = _small_archive()
    topic = doc.semesters[2].sessions[1].topics[0]
    after = edits.update_topic(doc, topic.id, paper={"title": "Renamed"})
    assert after.find_topic(topic.id)[2].paper.title == "Renamed"
    assert [s is t for s, t in zip(after.semesters, doc.semesters, strict=True)] == [
        True,
        True,
        False,
        True,
        True,
        True,
    ]
    assert after == Document.model_validate(after.model_dump())


def test_refusals_name_the_problem_as_before() -> None:
    doc = _small_archive()
    fall = doc.semesters[0]
    with pytest.raises(EditError, match="appears twice"):
        edits.update_semester(doc, fall.id, title=doc.semesters[1].title)
    topic = doc.semesters[3].sessions[0].topics[0]
    taken = Topic(id=topic.id)
    with pytest.raises(EditError, match=f"id '{topic.id}' is used twice"):
        edits.add_topic(doc, fall.sessions[0].id, 0, taken)
    # A new title moves the semester to its place (newest first).
    empty = Semester(title="2030 Fall")
    grown = edits.add_semester(doc, empty)
    assert grown.semesters[0] is empty
    renamed = edits.update_semester(grown, empty.id, title="2019 Spring")
    assert renamed.semesters[-1].id == empty.id
    assert renamed.semesters[:-1] == doc.semesters
    with pytest.raises(EditError, match="does not belong to semester 2019 Fall"):
        edits.update_semester(doc, fall.id, title="2019 Fall")


# ---------------------------------------------------------------- README import

PARTS = st.sampled_from(
    [
        "",
        " ",
        "a",
        "ab",
        "and",
        " and ",
        "&",
        ",",
        ", ",
        "，",
        "、",
        "(",
        ")",
        "（",
        "）",
        "[",
        "]",
        "\\",
        "\n",
        "\r",
        "\t",
        "\u00a0",
        "é",
        "张",
        "x" * 41,
        "https://a.b/c?d=1",
        "[::1]",
        "例.com",
    ]
)
PIECE_TEXT = st.one_of(st.lists(PARTS, max_size=6).map("".join), st.text(max_size=20))


def _built(build: Callable[[], object]) -> object:
    try:
        value = build()
    except ValidationError as exc:
        return ("refused", exc.errors(include_url=False, include_context=False))
    assert isinstance(value, model.DocModel)
    return ("built", value, value.__dict__, value.model_fields_set)


@settings(max_examples=400, deadline=None)
@given(PIECE_TEXT, PIECE_TEXT, PIECE_TEXT)
@example("", "https://a.b", "")
@example("T", "a b", "")
@example("T", "a(b", "")
@example("T", "https://[x", "")
@example("[T]", "", "")
@example("T", "", "x" * 41)
@example("T", "", "[v]")
@example(" T", "", "")
def test_paper_make_is_the_constructor(title: str, url: str, venue: str) -> None:
    assert _built(lambda: Paper.make(title, url, venue)) == _built(
        lambda: Paper(title=title, url=url, venue=venue)
    )


@settings(max_examples=400, deadline=None)
@given(PIECE_TEXT, PIECE_TEXT)
@example("Ann and Bo", "")
@example("Ann\tand\u00a0Bo", "")
@example("Ann, Bo", "")
@example("Ann (X)", "")
@example(" Ann", "")
@example("Ann", "X (Y)")
@example("", "")
def test_presenter_make_is_the_constructor(name: str, affiliation: str) -> None:
    assert _built(lambda: Presenter.make(name, affiliation)) == _built(
        lambda: Presenter(name=name, affiliation=affiliation)
    )


README_LINES = [
    "# 2025 Fall",
    "# 2024 Spring",
    "## Schedule",
    "## Notes",
    "### September 9",
    "### December 2",
    "### 2025-09-16",
    "### 2024-09-16",
    "#### Topic I",
    "#### Keynote",
    "- ✨ SOSP Rehearsal",
    "- ✨ ",
    "- 🙋 ",
    "- 💡 ",
    "- ✨  padded note ",
    "- 💡 [arXiv] [T: x](https://arxiv.org/abs/1)",
    "- 💡 [ v ] [ t ](u)",
    "- 💡 [SOSP '25] Title only",
    "- 💡 [t](a(b)c)",
    "- 💡 [t](https://[x)",
    "- 💡 \\[x] escaped",
    "- 🙋‍♂️ Wei Gao (Lab), Xin Ren",
    "- 🙋 A, B and C (X, Y)",
    "- 🙋 张伟 (Lab)，李娜、王五",
    "- 🙋 A (X",
    "- 🙋 A (B) C",
    "- [📕 slides](./slides/250909-X.pdf),[📺 video](https://v?t=1)",
    "- [📕 slides](./幻灯.pdf) | [📺 video](https://例.com/v)",
    "- [📕 slides](./a b.pdf)",
    "<br><br>",
    "```",
    "<!--",
    "-->",
    "",
    "text",
]
readmes = st.lists(
    st.one_of(st.sampled_from(README_LINES), PIECE_TEXT), min_size=1, max_size=40
).map("\n".join)


SESSION = "# 2025 Fall\n## Schedule\n### September 9\n"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(readmes)
@example(SESSION + "- ✨ \nkept after an empty note\n- 💡 [t](u)")
@example(SESSION + "- 💡 [t](u)\nafter the paper\n- ✨ note\nafter the note")
@example(SESSION + "- 🙋 \nafter no one\n- [📕 slides](./s.pdf)\n```\nopen code")
@example(SESSION + "intro\n```\n#### Topic I\n- ✨ n\n<br><br>\n<!-- trailer")
@example(SESSION + "#### Topic II\n- ✨  Topic I \n- 💡 [ [x] ](u) \n- 🙋 A (B), C (D)")
def test_imported_document_is_what_validation_gives(text: str) -> None:
    try:
        result = import_readme(text)
    except ReadmeImportError as exc:
        assert exc.line is not None and exc.line >= 1
        return
    doc = result.document
    again = Document.model_validate(doc.model_dump())
    assert doc == again
    # Field by field too (a model's __eq__ would not see a wrong set of fields).
    pairs: list[tuple[Any, Any]] = [(doc, again)]
    while pairs:
        a, b = pairs.pop()
        assert type(a) is type(b) and a.__dict__ == b.__dict__
        for name in type(a).model_fields:
            x, y = getattr(a, name), getattr(b, name)
            if isinstance(x, dict):
                assert list(x.items()) == list(y.items())  # kept text in README order
            elif isinstance(x, model.DocModel):
                pairs.append((x, y))
            elif isinstance(x, list):
                pairs.extend(
                    (p, q) for p, q in zip(x, y, strict=True) if isinstance(p, model.DocModel)
                )


def test_archive_import_round_trips() -> None:
    doc = _small_archive()
    text = export_readme(doc)
    imported = import_readme(text).document
    assert export_readme(imported) == text
    assert imported == Document.model_validate(imported.model_dump())


def test_full_date_outside_its_semester_is_kept_as_text_with_a_warning() -> None:
    text = "# 2024 Spring\n\n## Schedule\n### 2025-09-09\n- ✨ misplaced\n### March 4\n- ✨ fine\n"
    result = import_readme(text)
    semester = result.document.semesters[0]
    assert [s.date for s in semester.sessions] == [D(2024, 3, 4)]
    assert "### 2025-09-09\n- ✨ misplaced" in semester.schedule_intro
    assert any(
        w.line == 4 and "'2025-09-09' is not in semester 2024 Spring" in w.message
        for w in result.warnings
    )
