"""Importing the group's real README (with mojibake) and its variants."""

from __future__ import annotations

import datetime as dt

import pytest

from seminar_gui.core.errors import ReadmeImportError
from seminar_gui.core.model import Presenter
from seminar_gui.core.readme.export import export_readme
from seminar_gui.core.readme.importer import decode_readme, import_readme


def _sessions(text: str):
    doc = import_readme(text).document
    return {s.date: s for s in doc.semesters[0].sessions}


def test_fixture_sessions_and_topics(fixture_readme: str) -> None:
    doc = import_readme(fixture_readme).document
    assert [s.title for s in doc.semesters] == ["2025 Fall"]
    sessions = doc.semesters[0].sessions
    assert [s.date.isoformat() for s in sessions] == [
        "2025-12-02",
        "2025-11-25",
        "2025-11-18",
        "2025-11-11",
        "2025-11-04",
        "2025-10-28",
        "2025-10-21",
        "2025-09-29",
        "2025-09-16",
    ]
    assert sum(len(s.topics) for s in sessions) == 13


def test_fixture_topic_fields(fixture_readme: str) -> None:
    by_date = _sessions(fixture_readme)
    dinfer, open_slot = by_date[dt.date(2025, 12, 2)].topics
    assert dinfer.paper.venue == "arXiv"
    assert (
        dinfer.paper.title
        == "dInfer: An Efficient Inference Framework for Diffusion Language Models"
    )
    assert dinfer.paper.url == "https://arxiv.org/pdf/2510.08666"
    assert open_slot.paper.is_empty
    assert [p.name for p in open_slot.presenters] == ["Ping Gong", "Xin Ren"]

    roll, spirit = by_date[dt.date(2025, 11, 25)].topics
    assert roll.paper.venue == ""
    assert roll.paper.url == "https://github.com/alibaba/ROLL"
    assert roll.presenters == [Presenter(name="Wei Gao", affiliation="Alibaba ROLL")]
    assert roll.slides == "./slides/251125_ROLL.pdf"
    assert roll.video == "https://www.bilibili.com/video/BV1uxUzBUED4?t=9.2"
    assert spirit.paper.venue == "SOSP '25"
    assert spirit.paper.url == "https://dl.acm.org/doi/pdf/10.1145/3731569.3764805"
    assert spirit.video == "https://www.bilibili.com/video/BV19JUzBXEM2"

    hydra, pie = by_date[dt.date(2025, 11, 18)].topics
    assert pie.slides == "./slides/20251118_Pie.pdf"
    assert [p.name for p in pie.presenters] == ["Shen Fu", "Zewen Jin"]
    assert hydra.video == pie.video == "https://www.bilibili.com/video/BV1SzUsBkEXQ?t=0.8"

    (falcon,) = by_date[dt.date(2025, 11, 11)].topics
    assert [p.name for p in falcon.presenters] == ["chi zhang", "Jiahao Li"]  # full-width comma

    fuselink, fastdllm = by_date[dt.date(2025, 11, 4)].topics
    assert fuselink.paper.venue == "OSDI'25"  # kept as written
    assert fastdllm.slides == "./slides/251104-FastDLLMv2.pdf"
    assert [p.name for p in fuselink.presenters] == [
        "Haiquan Wang",
        "Tonghuan Xiao",
        "Jiahui Tan",
    ]

    (shift,) = by_date[dt.date(2025, 10, 28)].topics
    assert shift.video == "https://www.bilibili.com/video/BV1v91TBbEhW?t=8.9"  # ", " separator

    (mantle,) = by_date[dt.date(2025, 9, 29)].topics
    assert mantle.note == "SOSP Rehearsal"
    assert mantle.paper.title.startswith("Mantle: Efficient Hierarchical Metadata")
    assert mantle.paper.url == ""

    (kickoff,) = by_date[dt.date(2025, 9, 16)].topics
    assert kickoff.paper.title == "Kick-off meeting"
    assert [p.name for p in kickoff.presenters] == [
        "Youhui Bai",
        "Zhihui Chen",
        "Ouxiang Zhou",
        "Ruibo Liu",
    ]  # "and" list
    assert kickoff.slides == "./slides/250916-kick-off.pdf"
    assert kickoff.video == ""


def test_fixture_free_sections_and_mojibake(fixture_readme: str) -> None:
    result = import_readme(fixture_readme)
    sem = result.document.semesters[0]
    assert [s.heading for s in sem.sections] == ["Specific Requirements", "Other Information"]
    assert "paper’s strengths" in sem.sections[0].body  # repaired from "paperâ€™s"
    assert 'target="_blank">bilibili</a>' in sem.sections[1].body
    assert result.repaired_lines and result.repaired_lines[0] == 7
    messages = [str(w) for w in result.warnings]
    assert any("mojibake" in m for m in messages)
    # Calm words for the group's own README: what was repaired, what was assumed.
    assert any(m.startswith("line 17:") and "could not be restored" in m for m in messages)
    assert any("read as one and written with the usual marker" in m for m in messages)
    assert not any("beyond repair" in m or "damaged" in m for m in messages)


def test_export_of_fixture_is_canonical(fixture_readme: str, canonical_readme: str) -> None:
    assert export_readme(import_readme(fixture_readme).document) == canonical_readme


def test_canonical_is_a_fixed_point(canonical_readme: str) -> None:
    result = import_readme(canonical_readme)
    assert export_readme(result.document) == canonical_readme
    assert result.warnings == []


def test_crlf_and_bom(canonical_readme: str) -> None:
    data = ("\ufeff" + canonical_readme.replace("\n", "\r\n")).encode("utf-8")
    text = decode_readme(data)
    assert export_readme(import_readme(text).document) == canonical_readme


def test_not_utf8_is_a_clear_error() -> None:
    with pytest.raises(ReadmeImportError) as err:
        decode_readme("# 2025 Fall\n\n## Schedule\ncaf\xe9\n".encode("latin-1"), "R.md")
    assert err.value.line == 4
    assert "UTF-8" in str(err.value) and "R.md:4" in str(err.value)


def test_year_inference_in_fall_and_winter() -> None:
    text = "# 2025 Fall\n## Schedule\n### January 6\n- 💡 X\n<br><br>\n\n### December 30\n- 💡 Y\n"
    dates = [s.date for s in import_readme(text).document.semesters[0].sessions]
    assert dates == [dt.date(2026, 1, 6), dt.date(2025, 12, 30)]
    text = "# Winter 2026\n## Schedule\n### January 6\n- 💡 X\n\n### December 9\n- 💡 Y\n"
    result = import_readme(text)
    assert result.document.semesters[0].title == "2026 Winter"
    assert [s.date for s in result.document.semesters[0].sessions] == [
        dt.date(2026, 1, 6),
        dt.date(2025, 12, 9),
    ]
    assert any("2026 Winter" in w.message for w in result.warnings)


UNKNOWN = """\
Intro paragraph before any semester.

# 2025 Spring

Some words under the title.

## Rules

Be on time.

## Schedule
Sessions are on Tuesdays.

### March 4
<!-- TODO
# not a heading
-->
- ✨ Guest talk
- 💡 [arXiv] [A](https://arxiv.org/abs/1)
- 🔗 [code](https://github.com/x/y)
- 🙋‍♂️ Ann
A loose remark.
<br><br>

| a | b |
|---|---|
| 1 | 2 |

### Not a date
- free bullet

## Archive

```
# 2024 Fall (inside a code block)
```
"""


def test_unknown_text_is_kept_in_place() -> None:
    result = import_readme(UNKNOWN)
    doc = result.document
    out = export_readme(doc)
    for piece in [
        "Intro paragraph before any semester.",
        "Some words under the title.",
        "## Rules\n\nBe on time.",
        "Sessions are on Tuesdays.",
        "<!-- TODO\n# not a heading\n-->",
        "- 🔗 [code](https://github.com/x/y)",
        "A loose remark.",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "### Not a date\n- free bullet",
        "## Archive\n\n```\n# 2024 Fall (inside a code block)\n```",
    ]:
        assert piece in out, piece
    assert [s.title for s in doc.semesters] == ["2025 Spring"]
    (session,) = doc.semesters[0].sessions
    (topic,) = session.topics
    assert topic.note == "Guest talk" and topic.paper.title == "A"
    assert topic.presenters[0].name == "Ann"
    # The unknown bullet stays right after the paper line it followed.
    assert out.index("- 🔗 [code]") < out.index("- 🙋‍♂️ Ann")
    assert any(w.line == 20 and "kept" in w.message for w in result.warnings)
    # And the export is itself stable.
    assert export_readme(import_readme(out).document) == out


def test_variants_blank_lines_trailing_spaces_missing_closer() -> None:
    text = (
        "# 2025 Fall\n## Schedule\n### October 28\n\n"
        "- 💡 [arXiv] [T](https://arxiv.org/abs/1)   \n"
        "- 🙋‍♂️ A，B and C\n"
        "- [📕 slides](./slides/20251028_T.pdf), [📺 video](https://v/1?t=3)\n\n\n\n"
    )
    (session,) = import_readme(text).document.semesters[0].sessions
    (topic,) = session.topics
    assert [p.name for p in topic.presenters] == ["A", "B", "C"]
    assert topic.slides == "./slides/20251028_T.pdf"
    assert topic.video == "https://v/1?t=3"
    # This README's own separators win (its house style); the rest is canonical.
    assert export_readme(import_readme(text).document).endswith(
        "### October 28\n- 💡 [arXiv] [T](https://arxiv.org/abs/1)\n- 🙋‍♂️ A，B，C\n"
        "- [📕 slides](./slides/20251028_T.pdf), [📺 video](https://v/1?t=3)\n<br><br>\n"
    )


def test_house_style_survives() -> None:
    text = (
        "# 2025 Fall\n\n## Schedule\n"
        "### November 4\n- 📄 [T](https://a/1)\n- 🎤 A、B\n"
        "- [📑 deck](./slides/20251104_T.pdf) [🎬 recording](https://v/1)\n<br><br>\n\n"
        "### October 28\n- 📄 U\n- 🎤 C、D\n<br><br>\n"
    )
    doc = import_readme(text).document
    assert doc.style.paper_marker == "📄"
    assert doc.style.presenter_marker == "🎤"
    assert doc.style.presenter_separator == "、"
    assert doc.style.material_separator == " "
    assert doc.style.slides_label == "📑 deck"
    assert doc.style.slide_name_pattern == "{yyyymmdd}_{short}.pdf"
    assert export_readme(doc) == text


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("Just a README.\n\nNo schedule here.\n", 1, "no semester heading"),
        ("# 2025 Fall\n## Schedule\n\n# Fall 2025\n", 4, "appears twice"),
    ],
)
def test_import_errors_have_line_numbers(text: str, line: int, words: str) -> None:
    with pytest.raises(ReadmeImportError) as err:
        import_readme(text, source="README.md")
    assert err.value.line == line
    assert words in str(err.value)
    assert str(err.value).startswith(f"README.md:{line}:")


def test_two_papers_without_topic_headings_become_two_topics() -> None:
    text = "# 2025 Fall\n## Schedule\n### May 5\n- 💡 A\n- 🙋‍♂️ X\n- 💡 B\n- 🙋‍♂️ Y\n"
    result = import_readme(text)
    (session,) = result.document.semesters[0].sessions
    assert [t.paper.title for t in session.topics] == ["A", "B"]
    assert any(w.line == 6 and "new topic" in w.message for w in result.warnings)


def test_style_rejects_markers_it_could_not_read_back() -> None:
    from pydantic import ValidationError

    from seminar_gui.core.model import Style

    with pytest.raises(ValidationError, match="not a presenters marker"):
        Style(presenter_marker="💡")
    with pytest.raises(ValidationError, match="must say what it is"):
        Style(slides_label="📎 files")
    assert Style(presenter_marker="🎤").presenter_marker == "🎤"
