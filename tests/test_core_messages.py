"""Core's messages for people are translatable: each is one template marked for
``pyside6-lupdate``, its words (field names, weekdays, "video") templates too, so the
window and the command line can show it in Chinese.

A pseudo-translation (the template's words swapped to upper case, its placeholders
kept) is used as the "other language": a message, or a piece of one, that is not a
``Text`` keeps its lower-case English and fails.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import os
import pkgutil
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

import seminar_gui.core
from seminar_gui import cli
from seminar_gui.core import edits, slides
from seminar_gui.core.atomic import atomic_write_text
from seminar_gui.core.checks import Problem, check_document, check_files
from seminar_gui.core.errors import (
    EditError,
    ProjectFileError,
    ReadmeImportError,
    SeminarError,
    describe,
    error_text,
    read_input,
)
from seminar_gui.core.messages import QT_TRANSLATE_NOOP, Template, Text, chain, render
from seminar_gui.core.model import (
    Document,
    FreeSection,
    Paper,
    Presenter,
    Semester,
    Session,
    Style,
    Topic,
)
from seminar_gui.core.readme.importer import import_readme
from seminar_gui.core.slides import SlideError
from seminar_gui.core.storage import loads_project, read_project

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "seminar_gui" / "core"
SCANNED = [*sorted(CORE.rglob("*.py")), ROOT / "seminar_gui" / "cli.py"]
_PART = re.compile(r"(\{\{|\}\}|\{[^{}]*\})")
# Two lower-case English words in a row: what the pseudo-translation never leaves.
_ENGLISH = re.compile(r"[a-z]{2,}[a-z']* [a-z']*[a-z]{2,}")


def pseudo(context: str, source: str) -> str:
    """The "translation" of the tests: words swapped to upper case, placeholders kept."""
    return "".join(p if _PART.fullmatch(p) else p.swapcase() for p in _PART.split(source))


def translated(text: str, *data: object) -> str:
    """``text`` shown in the pseudo-language, checked to have no English left (but the
    ``data`` it names: an OS error, a pydantic message)."""
    assert isinstance(text, Text), f"not a translatable message: {text!r}"
    shown = render(text, pseudo)
    rest = shown
    for item in data:
        rest = rest.replace(str(item), " ")
    left = _ENGLISH.findall(rest)
    assert not left, f"English left in {shown!r}: {left}"
    return shown


def error_translated(error: BaseException, *data: object) -> str:
    """A SeminarError: its message a Text, and all of it (place too) translated."""
    assert isinstance(error, SeminarError), error
    translated(error.message, *data)
    shown = describe(error, pseudo)
    rest = shown
    for item in (*data, error.file or ""):
        rest = rest.replace(str(item), " ")
    assert not _ENGLISH.findall(rest), shown
    return shown


# ------------------------------------------------------------------- the machinery


def test_render_translates_nested_texts_and_keeps_plain_strings() -> None:
    outer = QT_TRANSLATE_NOOP("t", "no {what} yet for {title}")
    inner = QT_TRANSLATE_NOOP("t", "video")
    text = outer(what=inner(), title="ROLL: fast")
    assert text == "no video yet for ROLL: fast"  # the English, as a str
    catalog = {"no {what} yet for {title}": "{title}：还没有{what}", "video": "视频"}
    zh = render(text, lambda _context, source: catalog.get(source, source))
    assert zh == "ROLL: fast：还没有视频"  # reordered, the data untouched
    assert render("plain", pseudo) == "plain"
    assert render(text + "!", pseudo) == "no video yet for ROLL: fast!"  # str: English


def test_a_translation_that_loses_or_invents_a_placeholder_falls_back_to_english() -> None:
    template = QT_TRANSLATE_NOOP("t", "cannot read {file}: {reason}")
    text = template(file="a.json", reason="gone")
    for broken in (
        "无法读取",
        "无法读取 {file}",
        "无法读取 {file}: {why}",
        "无法读取 {file: {reason}",
    ):
        assert render(text, lambda _c, _s, b=broken: b) == "cannot read a.json: gone"
    assert render(text, lambda _c, _s: "{reason}（{file}）") == "gone（a.json）"


def test_chain_joins_with_a_translatable_word() -> None:
    pair = QT_TRANSLATE_NOOP("t", "{first} and {second}")
    assert chain(pair, []) == "" and chain(pair, ["a"]) == "a"
    joined = chain(pair, ["a", "b", "c"])
    assert joined == "a and b and c"
    assert render(joined, pseudo) == "a AND b AND c"


def test_describe_translates_the_place_of_an_error() -> None:
    error = ReadmeImportError(QT_TRANSLATE_NOOP("t", "bad heading")(), line=5)
    assert str(error) == "line 5: bad heading"
    assert describe(error, pseudo) == "LINE 5: BAD HEADING"
    error = EditError(QT_TRANSLATE_NOOP("t", "bad")(), field="note")
    assert describe(error, pseudo) == "note: BAD"
    error = ProjectFileError(QT_TRANSLATE_NOOP("t", "bad")(), line=2, column=7, field="x")
    assert str(error) == "line 2:7 (x): bad"
    assert describe(error, pseudo) == "LINE 2:7 (x): BAD"
    error = ProjectFileError(QT_TRANSLATE_NOOP("t", "bad")(), file="a.json", line=2, column=7)
    assert describe(error, pseudo) == "a.json:2:7: BAD"
    assert describe(ValueError("plain"), pseudo) == "plain"


# ------------------------------------------------------------------------- checks

TODAY = dt.date(2025, 12, 10)


def _topic(**kwargs: Any) -> Topic:
    values: dict[str, Any] = {
        "paper": Paper(title="ROLL", url="https://dl.acm.org/doi/10.1145/3731569.3764805"),
        "presenters": [Presenter(name="ADA")],
        "slides": "./slides/251125-ROLL.pdf",
        "video": "https://www.bilibili.com/video/BV1",
    }
    return Topic(**{**values, **kwargs})


def _problem_document() -> Document:
    tue = [dt.date(2025, 11, 4), dt.date(2025, 11, 11), dt.date(2025, 11, 18)]
    sessions = [Session(date=d, topics=[_topic()]) for d in tue]
    sessions += [
        Session(date=dt.date(2025, 11, 25), topics=[_topic()]),
        Session(date=dt.date(2025, 11, 25), topics=[_topic()]),  # two on one day
        Session(date=dt.date(2025, 11, 27)),  # a Thursday, no topics
        Session(
            date=dt.date(2025, 12, 2),
            topics=[
                _topic(
                    paper=Paper(title="ROLL", url="example.org/paper", venue="OSDI"),
                    video="ftp://videos",
                    slides="file:///home/ada/x.pdf",
                    presenters=[],
                ),
                _topic(paper=Paper(title="ROLL", url="https://arxiv.org/abs/2510.1")),
                _topic(paper=Paper(title="ROLL", url="https://arxiv.org/abs/2510.1", venue="SOSP")),
                _topic(
                    paper=Paper(title="ROLL", url="https://arxiv.org/abs/2510.1", venue="X"),
                    slides="",
                    video="",
                ),
                _topic(slides="", heading="Extra"),
                _topic(video=""),
            ],
        ),
    ]
    return Document(semesters=[Semester(title="2025 Fall", sessions=sessions)])


def test_every_kind_of_document_problem_is_translated() -> None:
    problems = check_document(_problem_document(), today=TODAY)
    found = {p.message.template.source for p in problems if isinstance(p.message, Text)}
    assert len(found) >= 13, sorted(found)  # the paths above reach that many messages
    for problem in problems:
        translated(problem.message, "ftp://videos", "example.org/paper", "file:///home/ada/x.pdf")
        translated(problem.where)
    text = "\n".join(render(p.message, pseudo) for p in problems)
    assert "nOVEMBER 25" in text and "tHURSDAY" in text and "tUESDAY" in text
    assert "'### November 25'" in text  # the README's heading stays as GitHub shows it
    assert "ROLL ON dECEMBER 2 HAS NO LEAD PRESENTER" in text  # the paper: data, as it is


def test_every_kind_of_file_problem_is_translated(tmp_path: Path) -> None:
    doc = _problem_document()
    assert all(  # no slides folder: one problem for all links
        translated(p.message) for p in check_files(doc, tmp_path, today=TODAY)
    )
    assert translated(check_files(doc, tmp_path / "gone", today=TODAY)[0].message)
    folder = tmp_path / "slides"
    folder.mkdir()
    for name in ("251125-roll.pdf", "unlinked.pdf", "TWIN.pdf", "twin.pdf"):
        (folder / name).write_bytes(b"%PDF-")
    early = dt.date(2025, 11, 1)  # every session still to come: the "add it before" info
    for today in (TODAY, early):
        problems: list[Problem] = check_files(doc, tmp_path, today=today)
        assert problems
        for problem in problems:
            translated(problem.message)
    doc = Document(
        semesters=[
            Semester(
                title="2025 Fall",
                sessions=[Session(date=dt.date(2025, 11, 25), topics=[_topic()])],
            )
        ]
    )
    (folder / "251125-roll.pdf").rename(folder / "251125-Roll.pdf")  # other case, found
    for problem in check_files(doc, tmp_path, today=TODAY):
        translated(problem.message)


# ------------------------------------------------------------ validation and edits

INVALID: list[Callable[[], object]] = [
    lambda: Presenter(name=""),
    lambda: Presenter(name="ADA, BOB"),
    lambda: Presenter(name="ADA", affiliation="(X)"),
    lambda: Presenter(name="A\nB"),
    lambda: Paper(title="", url="https://x.org"),
    lambda: Paper(title="T", venue="[X]"),
    lambda: Paper(title="T", venue="X" * 41),
    lambda: Paper(title="[X] T"),
    lambda: Paper(title="T", url="https://[x"),
    lambda: Paper(title="T", url="a b"),
    lambda: Paper(title="T", url="a(b"),
    lambda: Topic(note="A\nB"),
    lambda: Topic(slides="A" * 300 + ".pdf"),
    lambda: Topic(video="https://[x"),
    lambda: Topic(extra={"start": "```"}),
    lambda: Session(date=dt.date(2025, 1, 1), intro="<!--"),
    lambda: FreeSection(heading="2025 Fall", level=1),
    lambda: FreeSection(heading="Schedule"),
    lambda: Semester(title="FALL"),
    lambda: Semester(title="0025 Fall"),
    lambda: Semester(title="2025 Fall", sessions=[Session(date=dt.date(2027, 1, 5))]),
    lambda: Semester(
        title="2025 Fall", first_date=dt.date(2025, 12, 1), last_date=dt.date(2025, 9, 1)
    ),
    lambda: Document(semesters=[Semester(title="2025 Fall"), Semester(title="2025 Fall")]),
    lambda: Document(
        semesters=[Semester(id="X", title="2025 Fall"), Semester(id="X", title="2024 Fall")]
    ),
    lambda: Document(preamble="~~~"),
    lambda: Style(paper_marker="AB"),
    lambda: Style(paper_marker="✨"),
    lambda: Style(slides_label="[X]"),
    lambda: Style(slides_label="SLIDES\nX"),
    lambda: Style(video_label="📕 slides"),
    lambda: Style(slide_name_pattern="X.pdf"),
    lambda: Style(slide_name_pattern="{yymmdd}/{short}.pdf"),
    lambda: Style(presenter_separator=";"),
]


@pytest.mark.parametrize("make", INVALID)
def test_what_a_validator_says_survives_pydantic_as_a_text(make: Callable[[], object]) -> None:
    with pytest.raises(ValidationError) as caught:
        make()
    message = error_text(caught.value)
    assert str(caught.value.errors()[0]["msg"]).endswith(message)  # the same English
    data = [caught.value.errors()[0].get("input"), "https://[x"]
    translated(message, *[d for d in data if isinstance(d, str)], "Invalid IPv6 URL")


def _edit_document() -> Document:
    sessions = [
        Session(date=dt.date(2025, 12, 2), topics=[Topic()]),
        Session(date=dt.date(2025, 11, 25)),
    ]
    return Document(semesters=[Semester(title="2025 Fall", sessions=sessions)])


EDITS: list[Callable[[Document], object]] = [
    lambda doc: edits.update_topic(doc, doc.semesters[0].sessions[0].topics[0].id, note="A\nB"),
    lambda doc: edits.update_topic(
        doc, doc.semesters[0].sessions[0].topics[0].id, paper={"url": "https://x.org"}
    ),
    lambda doc: edits.update_topic(
        doc, doc.semesters[0].sessions[0].topics[0].id, presenters=[{"name": ""}]
    ),
    lambda doc: edits.add_session(doc, doc.semesters[0].id, dt.date(2025, 12, 2)),
    lambda doc: edits.add_session(doc, doc.semesters[0].id, dt.date(2027, 12, 2)),
    lambda doc: edits.move_session(doc, doc.semesters[0].sessions[0].id, dt.date(2027, 3, 2)),
    lambda doc: edits.insert_session(doc, doc.semesters[0].id, Session(date=dt.date(2025, 11, 25))),
    lambda doc: edits.add_semester(doc, Semester(title="2025 Fall")),
    lambda doc: edits.update_semester(doc, doc.semesters[0].id, title="FALL"),
    lambda doc: edits.plan_semester("0025 Fall", 1, dt.date(2025, 9, 1), dt.date(2025, 12, 1)),
]


@pytest.mark.parametrize("edit", EDITS)
def test_a_refused_edit_says_why_translated(edit: Callable[[Document], object]) -> None:
    with pytest.raises(EditError) as caught:
        edit(_edit_document())
    error_translated(caught.value, "FALL")


def test_the_dates_of_an_edit_message_are_words_of_the_ui_language() -> None:
    doc = _edit_document()
    with pytest.raises(EditError) as caught:
        edits.move_session(doc, doc.semesters[0].sessions[0].id, dt.date(2027, 3, 2))
    assert caught.value.message == (
        "Mar 2 2027 is outside semester 2025 Fall; a session can only move within its semester"
    )
    catalog = {"Mar": "3月", "{month} {day} {year}": "{year}年{month}{day}日"}
    zh = render(caught.value.message, lambda _c, s: catalog.get(s, s))
    assert zh.startswith("2027年3月2日 is outside")
    with pytest.raises(EditError) as caught:  # a new session there: the same words
        edits.add_session(doc, doc.semesters[0].id, dt.date(2027, 3, 2))
    assert caught.value.message.startswith("Mar 2 2027 is outside semester 2025 Fall: ")
    zh = render(caught.value.message, lambda _c, s: catalog.get(s, s))
    assert zh.startswith("2027年3月2日 is outside")


# -------------------------------------------------------------------- project files

BAD_PROJECTS = [
    "",
    "   ",
    '{"schema_version": 1',
    '{"schema_version": 1 "semesters": []}',
    '{"schema_version": 1, "semesters": [],}',
    '{"schema_version" 1}',
    "{'schema_version': 1}",
    '{"schema_version": 1} x',
    '{"schema_version": 1, "preamble": "a\tb"}',
    '{"schema_version": 1, "preamble": "\\q"}',
    '{"schema_version": 1, "preamble": nope}',
    "[1, 2]",
    "{}",
    '{"schema_version": "1"}',
    '{"schema_version": 1.5}',
    '{"schema_version": 99}',
    '{"schema_version": 0}',
    '{"schema_version": 1, "colour": "red"}',
    '{"schema_version": 1, "semesters": [{"id": "m1"}]}',
    '{"schema_version": 1, "semesters": [{"title": "FALL"}]}',
    '{"schema_version": 1, "semesters": [{"title": 5}]}',
    '{"schema_version": 1, "semesters": [{"title": "2025 Fall", "sessions": '
    '[{"date": "2025-11-25", "topics": [{"note": "A\\nB"}]}]}]}',
    '{"schema_version": 1, "semesters": [{"title": "2025 Fall", "sessions": '
    '[{"date": "2025-11-25", "topics": [{"extra": {"somewhere": "x"}}]}]}]}',
    '{"schema_version": 1, "a": 1, "b": 2, "c": 3, "d": 4, "e": 5}',
    '{"schema_version": 1, "a": 1, "b": 2}',
    '{"schema_version": 1, "preamble": ' + "1" * 5000 + "}",
    '{"schema_version": 1, "preamble": ' + "[" * 5000 + "]" * 5000 + "}",
    '{"schema_version": 1, "preamble": "\\ud800"}',
]


@pytest.mark.parametrize("text", BAD_PROJECTS, ids=range(len(BAD_PROJECTS)))
def test_a_project_file_that_cannot_be_loaded_says_why_translated(text: str) -> None:
    with pytest.raises(ProjectFileError) as caught:
        loads_project(text, source="broken.json")
    first = caught.value.__cause__
    pydantic = []
    if isinstance(first, ValidationError):  # pydantic's own words: data, not ours
        pydantic = [e["msg"] for e in first.errors()]
    error_translated(caught.value, *pydantic, "nope")


def test_files_that_are_not_projects_say_why_translated(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes(b'{"schema_version": 1, "preamble": "caf\xe9"}')
    (tmp_path / "latin1.json.bak").write_text("{}")
    folder = tmp_path / "folder.json"
    folder.mkdir()
    for path in (latin1, folder, tmp_path / "missing.json"):
        with pytest.raises(ProjectFileError) as caught:
            read_project(path)
        error_translated(caught.value, os.strerror(2))
    with pytest.raises(ProjectFileError) as caught:
        read_input(latin1, lambda why: ProjectFileError(why, file=latin1), limit=10)
    assert "41 BYTES" in error_translated(caught.value)


def test_a_refused_save_says_why_translated(tmp_path: Path) -> None:
    locked = tmp_path / "locked.json"
    locked.write_text("{}")
    locked.chmod(0o444)
    (tmp_path / "folder.json").mkdir()
    for target in (locked, tmp_path / "folder.json", tmp_path / "gone" / "x.json"):
        with pytest.raises(ProjectFileError) as caught:
            atomic_write_text(target, "{}", backup=True)
        error_translated(caught.value, os.strerror(2), locked.name)


# ---------------------------------------------------------------------- README import

README = """\
# Fall 2025

Hello

# Notes

## Schedule

### Nov 25th

#### Topic I

- 💡 [SOSP] ROLL
- 🙋 ADA
- 🙋 BOB
- 💡 [SOSP] SPIRIT
- ✨ note
- ✨ again
- 💡 [x](a b)
- free text here
- 🙋 ADA (X (Y))

### 2025-02-30

### 2024-12-09

### Nov 18

- 💡 [SOSP] ROLL
- ðŸ’X garbled
- [📕 slides](a b)

## Schedule

### Nov 11

unknown words

```
"""


def test_every_kind_of_import_warning_is_translated() -> None:
    result = import_readme(README)
    assert len(result.warnings) >= 12, [str(w) for w in result.warnings]
    for warning in result.warnings:
        translated(warning.message, "Fall 2025", "Nov 25th", "Nov 18", "2025-02-30", "2024-12-09")
        assert render(warning.text(), pseudo).startswith(f"LINE {warning.line}: ")
        assert str(warning) == f"line {warning.line}: {warning.message}"
    result = import_readme("# 2025 Fall\n\n## Schedule\n\n### December 2\n\nx\n\nx\n\nx\n")
    assert str(result.warnings[0]).startswith("line 7: text not understood")
    assert "(also lines 9, 11)" in result.warnings[0].message
    assert render(result.warnings[0].message, pseudo).endswith("(ALSO LINES 9, 11)")


@pytest.mark.parametrize(
    "text",
    [
        "no heading\n",
        "# 0025 Fall\n",
        "# 2025 Fall\n\n# Fall 2025\n",
        "x\n" * 20_001,
        "x" * 600_000,
    ],
    ids=["no semester", "year 0", "twice", "too many lines", "too large"],
)
def test_a_readme_that_cannot_be_imported_says_why_translated(text: str) -> None:
    with pytest.raises(ReadmeImportError) as caught:
        import_readme(text)
    error_translated(caught.value)


def test_a_readme_that_cannot_be_read_says_why_translated(tmp_path: Path) -> None:
    from seminar_gui.core.readme.importer import import_readme_file

    (tmp_path / "latin1.md").write_bytes(b"# 2025 Fall\ncaf\xe9\n")
    (tmp_path / "folder.md").mkdir()
    for name in ("latin1.md", "folder.md", "missing.md"):
        with pytest.raises(ReadmeImportError) as caught:
            import_readme_file(tmp_path / name)
        error_translated(caught.value, os.strerror(2))


# --------------------------------------------------------------------------- slides


def test_every_refused_slide_file_says_why_translated(tmp_path: Path) -> None:
    files = {
        "empty.pdf": b"",
        "fake.pdf": b"hello",
        "talk.docx": b"x",
        "README": b"x",
        "ok.pdf": b"%PDF-1.4",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "deck.key").mkdir()
    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "pipe.pdf")
    for name in [*files, "deck.key", "folder", "pipe.pdf", "missing.pdf"]:
        if name == "ok.pdf":
            continue
        with pytest.raises(SlideError) as caught:
            slides.check_source(tmp_path / name)
        error_translated(caught.value)
    note = slides.check_source(_write(tmp_path / "talk.pptx", b"x")).note
    assert translated(note).startswith("gIThUB DOES NOT PREVIEW .pptx FILES")
    for name in ("..", "///"):
        with pytest.raises(SlideError) as caught:
            slides.sanitize_file_name(name)
        error_translated(caught.value)


def test_a_refused_copy_says_why_translated(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "slides").mkdir(parents=True)
    (site / "slides" / "x.pdf").write_bytes(b"%PDF-old")
    source = _write(tmp_path / "x.pdf", b"%PDF-new")
    plan = slides.plan_copy(source, site, "x.pdf")
    with pytest.raises(SlideError) as caught:
        slides.copy_slides(plan)
    assert "x-2.pdf" in error_translated(caught.value)
    result = slides.copy_slides(plan, replace=True)
    (site / "slides" / "x.pdf").write_bytes(b"%PDF-changed")
    with pytest.raises(SlideError) as caught:
        slides.undo_copy(result)
    error_translated(caught.value, str(result.replaced_backup))
    with pytest.raises(SlideError) as caught:
        slides.plan_copy(source, tmp_path / "nowhere", "x.pdf")
    error_translated(caught.value)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------------- command line


def _catalog(tmp_path: Path, messages: dict[tuple[str, str], str]) -> Path:
    """A .ts file with ``messages`` finished, as the translators' file has them."""
    root = ET.Element("TS", version="2.1", language="zh_CN")
    contexts: dict[str, ET.Element] = {}
    for (context, source), translation in messages.items():
        if context not in contexts:
            contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(contexts[context], "name").text = context
        message = ET.SubElement(contexts[context], "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation").text = translation
    path = tmp_path / "seminar_gui_zh_CN.ts"
    ET.ElementTree(root).write(path, encoding="utf-8")
    return path


@pytest.fixture
def chinese_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The command line with Chinese chosen in the settings and a small catalog."""
    from seminar_gui import translations
    from seminar_gui.core import errors, rules
    from seminar_gui.core.readme import builder

    catalog = _catalog(
        tmp_path,
        {
            (
                "cli",
                "{errors} error(s), {warnings} warning(s)",
            ): "{errors} 个错误，{warnings} 个警告",
            ("rules", rules._NO_LEAD.source): "{paper}（{day}）没有主讲人：请添加报告人",
            ("dates", "{month} {day}"): "{month}{day}日",
            ("dates", "December"): "12月",
            ("dates", "Dec"): "12月",
            ("problem", "Topic {number}"): "主题 {number}",
            ("import", builder._TEXT_KEPT.source): "无法理解的文字；原样保留",
            ("cli", cli._EXISTS.source): "已存在；导入会替换它。请换一个 -o 文件或加 --force",
            ("errors", errors._AT.source): "{where}：{message}",
        },
    )
    monkeypatch.setattr(translations, "ts_path", lambda _language: catalog)
    settings = Path(os.environ["SEMINAR_GUI_CONFIG_DIR"])
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "settings.json").write_text(json.dumps({"language": "zh_CN"}))
    cli._translate.cache_clear()
    yield
    cli._translate.cache_clear()


def test_the_command_line_speaks_the_chosen_language(
    chinese_cli: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# 2025 Fall\n\n## Schedule\n\n### December 2\n\n- 💡 ROLL\n\nwhat\n")
    assert cli.main(["check", str(readme)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"{readme}:9: warning: 无法理解的文字；原样保留" in out  # prefixes stay English
    assert (
        f"{readme}: 2025 Fall › 12月2日 › 主题 I: "
        "warning: ROLL（12月2日）没有主讲人：请添加报告人" in out
    )
    assert out[-1] == f"{readme}: 0 个错误，2 个警告"  # and ROLL is no SOSP/OSDI or arXiv paper
    project = tmp_path / "p.json"
    project.write_text("{}")
    assert cli.main(["import", str(readme), "-o", str(project)]) == 2
    err = capsys.readouterr().err
    assert (
        err
        == f"seminar-gui: error: {project}：已存在；导入会替换它。请换一个 -o 文件或加 --force\n"
    )


def test_the_command_line_stays_english_without_a_translation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli._translate.cache_clear()
    project = tmp_path / "p.json"
    project.write_text('{"schema_version": 2, "preamble": 5}')
    assert cli.main(["check", str(project)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"seminar-gui: error: {project}:1:")
    assert "(preamble): Input should be a valid string (found 5); fix it in a text editor" in err
    cli._translate.cache_clear()


# ------------------------------------------------------------------ Problems panel


def test_the_problems_panel_shows_problems_in_the_ui_language(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from seminar_gui.qt.document import ProjectDocument
    from seminar_gui.qt.problems.panel import ProblemsList
    from seminar_gui.qt.selection import Selection

    class Pseudo(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return (
                pseudo(context, source)
                if context in ("checks", "problem", "rules", "dates")
                else source
            )

    translator = Pseudo()
    QCoreApplication.installTranslator(translator)
    try:
        document = ProjectDocument()
        document.reset(_problem_document(), tmp_path / "fall.json")
        selection = Selection(document)
        selection.select_semester(document.doc.semesters[0].id)
        panel = ProblemsList(document, selection)
        qtbot.addWidget(panel)
        panel.today = TODAY
        panel.refresh()
        texts = [panel.item(i).text() for i in range(panel.count())]
        tips = [panel.item(i).toolTip() for i in range(panel.count())]
    finally:
        QCoreApplication.removeTranslator(translator)
    assert any("2025 Fall › dEC 2 › tOPIC I — ROLL ON dECEMBER 2 HAS NO LEAD" in t for t in texts)
    assert any("TWO SESSIONS ARE ON nOVEMBER 25" in t for t in tips)
    assert not any("has no lead presenter" in t for t in texts + tips)


# --------------------------------------------------------- every template, statically


def _core_modules() -> Iterator[Any]:
    yield cli
    for info in pkgutil.walk_packages(seminar_gui.core.__path__, "seminar_gui.core."):
        yield import_module(info.name)


def _templates_of(value: object) -> Iterator[Template]:
    if isinstance(value, Template):
        yield value
    elif isinstance(value, Text):  # a word made once: _NOTE = QT_TRANSLATE_NOOP(...)()
        yield value.template
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _templates_of(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _templates_of(item)


def all_templates() -> dict[tuple[str, str], list[Template]]:
    """Every template at module level in core and cli.py: (module, name) → templates."""
    found: dict[tuple[str, str], list[Template]] = {}
    seen: set[int] = set()
    for module in _core_modules():
        for name, value in vars(module).items():
            templates = [t for t in _templates_of(value) if id(t) not in seen]
            seen.update(id(t) for t in templates)
            if templates:
                found[(module.__name__, name)] = templates
    return found


def test_templates_are_well_formed_and_have_a_context_per_module() -> None:
    templates = all_templates()
    assert len(templates) > 150
    contexts: dict[str, set[str]] = {}
    for (module, name), found in templates.items():
        for template in found:
            Text(template, dict.fromkeys(_names(template), "x"))  # formats: braces are fine
            assert template.source == template.source.strip(), (module, name)
            assert re.fullmatch(r"[a-z_]+", template.context), template
            contexts.setdefault(template.context, set()).add(module.rsplit(".", 1)[-1])
    # one context per module (the README importer's two modules share "import")
    assert all(len(m) == 1 or m == {"builder", "importer"} for m in contexts.values()), contexts


def _names(template: Template) -> set[str]:
    from seminar_gui.core.messages import placeholders

    names = placeholders(template.source)
    assert names is not None, template
    return set(names)


def _called_template(node: ast.expr, module: Any) -> list[Template] | None:
    """The templates a call's function may be: ``_X``, ``(_X if c else _Y)``,
    ``QT_TRANSLATE_NOOP("c", "s")``."""
    if isinstance(node, ast.Name) and isinstance(vars(module).get(node.id), Template):
        return [vars(module)[node.id]]
    if isinstance(node, ast.Call) and _callee(node) == "QT_TRANSLATE_NOOP":
        context, source = (ast.literal_eval(arg) for arg in node.args)
        return [Template(context, source)]
    if isinstance(node, ast.IfExp):
        body, orelse = _called_template(node.body, module), _called_template(node.orelse, module)
        return body + orelse if body is not None and orelse is not None else None
    return None


def test_every_template_call_fills_exactly_its_placeholders() -> None:
    """So no message path can fail on a missing parameter, or drop one silently."""
    used: set[int] = set()
    used_literally: set[Template] = set()
    calls = 0
    for module in _core_modules():
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            if _callee(node) == "chain" and node.args:  # chain(_AND, items)
                pair = _called_template(node.args[0], module)
                assert pair, f"{module.__name__}:{node.lineno}: chain of a template"
                assert all(_names(t) == {"first", "second"} for t in pair)
                used.update(id(t) for t in pair)
                continue
            templates = _called_template(node.func, module)
            if templates is None:
                continue
            calls += 1
            assert not node.args, f"{module.__name__}:{node.lineno}: named parameters only"
            given = {k.arg for k in node.keywords}
            for template in templates:
                used.add(id(template))
                used_literally.add(template)
                assert given == _names(template), (
                    f"{module.__name__}:{node.lineno}: {sorted(given)} for {template.source!r}"
                )
    assert calls > 150
    # Templates called another way (from a table: kinds, months, weekdays, JSON hints)
    # have no placeholders; any other template is called by name above.
    for (module, name), templates in all_templates().items():
        for template in templates:
            if id(template) not in used and template not in used_literally:
                assert not _names(template) or name == "PRESENTATION_NOTE", (module, name)


# ------------------------------------------------- no message bypasses the templates

SEMINAR_ERRORS = {"SeminarError", "ProjectFileError", "ReadmeImportError", "ValidationProblem"}
SEMINAR_ERRORS |= {"EditError", "ReadOnlyFileError", "SlideError"}
OS_ERRORS = {"OSError", "FileExistsError", "IsADirectoryError", "PermissionError"}
# The function called → the position (or keyword) of the message a person reads.
SINKS: dict[str, tuple[int, str]] = {
    **dict.fromkeys(SEMINAR_ERRORS, (0, "message")),
    "ValueError": (0, ""),  # a validator's: the editor shows it
    "Problem": (2, "message"),
    "ImportWarning": (1, "message"),
    "warn": (1, "message"),  # ReadmeBuilder.warn(line, message)
    "add": (1, "message"),  # the checks' add(severity, message, field)
    "problem": (1, "message"),  # ... and problem(severity, message)
    "error": (0, ""),  # read_input's error(reason)
}
# Sinks that are local functions (closures of the checks): called by bare name.
LOCAL_SINKS = {"add", "problem", "error"}
# Errors only a programmer sees (the value was validated before): not for people.
INTERNAL = {("dates.py", "semester_year_for_month")}


def _stringy(node: ast.expr | None, assigned: dict[str, list[ast.expr]]) -> bool:
    """Whether ``node`` builds English text itself (a literal, an f-string, "a" + b,
    "...".format(), a variable given one of those in the same function)."""
    if node is None:
        return False
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(node.value.strip())
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _stringy(node.left, assigned) or _stringy(node.right, assigned)
    if isinstance(node, ast.IfExp):
        return _stringy(node.body, assigned) or _stringy(node.orelse, assigned)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in ("format", "join")
    if isinstance(node, ast.Name):
        return any(_stringy(value, {}) for value in assigned.get(node.id, []))
    return False


def _assignments(function: ast.AST) -> dict[str, list[ast.expr]]:
    assigned: dict[str, list[ast.expr]] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, []).append(node.value)
        elif (
            isinstance(node, (ast.AugAssign, ast.AnnAssign))
            and isinstance(node.target, ast.Name)
            and node.value is not None
        ):
            assigned.setdefault(node.target.id, []).append(node.value)
    return assigned


def _callee(call: ast.Call) -> str:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return ""


def _calls(
    node: ast.AST, scope: ast.AST | None = None, names: tuple[str, ...] = ()
) -> Iterator[tuple[ast.Call, ast.AST, tuple[str, ...]]]:
    """Every call, with its innermost function (or the module) and the names of the
    functions it is in."""
    scope = scope or node
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            yield from _calls(child, child, (*names, getattr(child, "name", "<lambda>")))
            continue
        if isinstance(child, ast.Call):
            yield child, scope, names
        yield from _calls(child, scope, names)


def untranslatable_messages(source: str, filename: str) -> list[str]:
    """Calls in ``source`` that hand a person English built in place."""
    found: list[str] = []
    for node, scope, names in _calls(ast.parse(source)):
        if any((filename, name) in INTERNAL for name in names):
            continue
        callee = _callee(node)
        if callee in OS_ERRORS:
            message = node.args[1 if len(node.args) > 1 else 0] if node.args else None
        elif callee in LOCAL_SINKS and isinstance(node.func, ast.Attribute):
            continue  # cal.add("version", "2.0"): a method of something else
        elif callee in SINKS:
            position, keyword = SINKS[callee]
            message = node.args[position] if len(node.args) > position else None
            message = next((k.value for k in node.keywords if k.arg == keyword), message)
        else:
            continue
        if _stringy(message, _assignments(scope)):
            found.append(f"{filename}:{node.lineno}: {ast.unparse(node)[:80]}")
    return sorted(set(found))


def test_no_message_for_a_person_is_built_outside_a_template() -> None:
    """A new ``raise EditError(f"...")`` (or Problem, import warning, validator
    message) in core fails here: write it as a QT_TRANSLATE_NOOP template."""
    found = []
    for path in SCANNED:
        found += untranslatable_messages(path.read_text(encoding="utf-8"), path.name)
    assert not found, "\n".join(found)


def test_the_scan_finds_what_it_is_for() -> None:
    bad = """
def f(x, line):
    raise EditError(f"there is already a session on {x}")
def g(x):
    message = "the file " + x
    message += " is gone"
    raise SlideError(message, file=x)
def h(self, n):
    self.warn(n, "text not understood")
    Problem("warning", "where", f"no {n}")
    raise ValueError("name is empty")
    raise OSError(5, "the disk accepted no data", "x")
"""
    assert len(untranslatable_messages(bad, "bad.py")) == 6
    fine = """
def f(x):
    raise EditError(_TAKEN(date=x), field="date")
    raise TypeError(f"expected a str, not {x!r}")
    assert x, "never empty"
    Problem("warning", str(x), _GONE(), field="site_folder")
    raise KeyError(x)
"""
    assert untranslatable_messages(fine, "fine.py") == []


# ----------------------------------------------------- what lupdate collects from core


LUPDATE = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or shutil.which(
    "pyside6-lupdate"
)


@pytest.mark.skipif(LUPDATE is None, reason="pyside6-lupdate is not installed")
def test_lupdate_collects_every_template_with_its_exact_text(tmp_path: Path) -> None:
    """What the program looks up (context, source) is what translators get."""
    assert LUPDATE is not None
    tool = LUPDATE
    ts = tmp_path / "core.ts"
    subprocess.run(
        [tool, *map(str, SCANNED), "-ts", str(ts)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    collected = {
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    }
    wanted = {
        (template.context, template.source)
        for templates in all_templates().values()
        for template in templates
    }
    assert wanted - collected == set()
