"""Slide files: names, hostile names, accepting dropped files, filing them under
slides/ (conflicts, symlinks, progress, failures, undo), matching files to sessions,
and the check command's file checks."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import threading
import unicodedata
from pathlib import Path

import pytest

from seminar_gui.cli import main
from seminar_gui.core.atomic import is_temp_name
from seminar_gui.core.demo import load_demo
from seminar_gui.core.model import Document, Paper, Topic
from seminar_gui.core.slides import (
    TRASH_DIR,
    CopyPlan,
    SlideError,
    alternative_name,
    check_source,
    copy_slides,
    match_file,
    plan_copy,
    resolve_site_folder,
    sanitize_file_name,
    short_for,
    slide_file_name,
    slide_link,
    undo_copy,
)
from seminar_gui.core.storage import save_project

PDF = b"%PDF-1.7\n" + b"slides " * 100
OTHER_PDF = b"%PDF-1.4\n" + b"older " * 100
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    folder.mkdir()
    return folder


def dropped(tmp_path: Path, name: str = "talk.pdf", data: bytes = PDF) -> Path:
    folder = tmp_path / "Downloads"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def all_files(folder: Path) -> list[str]:
    """Every entry under ``folder``, hidden ones included (to spot temp files)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


# ------------------------------------------------------------------------- naming


def test_names_follow_the_groups_pattern() -> None:
    nov4 = dt.date(2025, 11, 4)
    assert slide_file_name("{yymmdd}-{short}.pdf", nov4, "FuseLink") == "251104-FuseLink.pdf"
    pattern = "{yyyymmdd}_{short}.pdf"
    assert slide_file_name(pattern, dt.date(2025, 11, 18), "Pie") == "20251118_Pie.pdf"
    # A presentation keeps its own extension instead of the pattern's ".pdf".
    assert slide_file_name("{yymmdd}-{short}.pdf", nov4, "X", ".PPTX") == "251104-X.pptx"
    assert slide_file_name("{yymmdd}-{short}.pdf", nov4, "X", ".key") == "251104-X.key"
    # A short name cannot smuggle a folder into the name.
    assert slide_file_name("{yymmdd}-{short}.pdf", nov4, "../../x") == "251104-....x.pdf"


def test_short_names_of_the_fixtures_topics() -> None:
    demo = load_demo()
    topics = [t for s in demo.semesters[0].sessions for t in s.topics]
    assert [short_for(t) for t in topics] == [
        "dInfer",
        "slides",  # no paper chosen yet
        "ROLL",
        "Spirit",
        "HydraServe",
        "Pie",
        "FalconFS",
        "EnablingEfficientGPU",  # no colon: the first words, at most 32 characters
        "FastdLLMv2",  # the group wrote FastDLLMv2: capitalisation stays as in the title
        "ShiftParallelism",
        "ServeGen",
        "Mantle",
        "Kickoffmeeting",
    ]
    assert short_for(Topic(paper=Paper(title="大模型推理系统综述"))) == "大模型推理系统综述"


def test_names_from_the_pattern_match_the_groups_own_files() -> None:
    """The pattern follows the group's latest habit (251125_ROLL.pdf), not the older
    majority (251104-FuseLink.pdf): new drops are named like the newest files."""
    demo = load_demo()
    pattern = demo.style.slide_name_pattern
    assert pattern == "{yymmdd}_{short}.pdf"
    checked = 0
    for session in demo.semesters[0].sessions:
        for topic in session.topics:
            if short_for(topic) in ("ROLL", "Spirit"):
                name = slide_file_name(pattern, session.date, short_for(topic))
                assert slide_link(name) == topic.slides
                checked += 1
    assert checked == 2


def test_the_slide_name_pattern_follows_the_newest_files() -> None:
    """Older files in one style, the newest in another: the newest decide."""
    from seminar_gui.core.readme.importer import import_readme

    def readme(names: list[tuple[int, str]]) -> str:
        text = "# 2025 Fall\n\n## Schedule\n"
        for day, name in names:
            text += f"### November {day}\n- 💡 T{day}\n- [📕 slides](./slides/{name})\n<br><br>\n\n"
        return text

    older = [(d, f"2510{d:02d}-Old{d}.pdf") for d in (1, 2, 3, 4, 5, 6)]
    newer = [(d, f"2511{d:02d}_New{d}.pdf") for d in (20, 21, 22)]
    style = import_readme(readme(newer + older)).document.style
    assert style.slide_name_pattern == "{yymmdd}_{short}.pdf"  # 3 newest of 9
    style = import_readme(readme(older)).document.style
    assert style.slide_name_pattern == "{yymmdd}-{short}.pdf"


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../x.pdf", "x.pdf"),
        ("a/b.pdf", "ab.pdf"),
        ("a\\b.pdf", "ab.pdf"),
        ('a<b>c:d"e|f?g*h.pdf', "abcdefgh.pdf"),
        ("x\0y\n\tz\x7f.pdf", "xyz.pdf"),
        (" .hidden.pdf. ", "hidden.pdf"),
        ("evil\u202efdp.exe", "evilfdp.exe"),
        ("CON.pdf", "CON_.pdf"),
        ("251104-Fast dLLM (v2).pdf", "251104-Fast dLLM (v2).pdf"),
    ],
)
def test_hostile_names_are_made_safe(name: str, safe: str) -> None:
    assert sanitize_file_name(name) == safe


@pytest.mark.parametrize("name", ["", ".", "..", "...", "///", "<>", " . "])
def test_names_without_a_file_name_are_refused(name: str) -> None:
    with pytest.raises(SlideError) as info:
        sanitize_file_name(name)
    assert "file name" in str(info.value)


@pytest.mark.parametrize(("char", "bytes_per_char"), [("a", 1), ("张", 3), ("🚀", 4)])
def test_long_names_are_cut_to_255_bytes_keeping_the_extension(
    char: str, bytes_per_char: int
) -> None:
    safe = sanitize_file_name(char * 300 + ".pdf")
    assert len(safe.encode("utf-8")) <= 255
    assert safe.endswith(".pdf")
    stem = safe.removesuffix(".pdf")
    assert set(stem) == {char}  # cut on a character boundary
    assert len(stem) == 251 // bytes_per_char


def test_nfd_and_nfc_give_the_same_name() -> None:
    nfd = unicodedata.normalize("NFD", "Café-Übersicht.pdf")
    assert nfd != "Café-Übersicht.pdf"
    assert sanitize_file_name(nfd) == "Café-Übersicht.pdf"


def test_links_encode_what_markdown_would_misread() -> None:
    assert slide_link("251104-FastDLLMv2.pdf") == "./slides/251104-FastDLLMv2.pdf"
    assert slide_link("a b(1)#2%.pdf") == "./slides/a%20b%281%29%232%25.pdf"
    assert slide_link("大模型.pdf") == "./slides/大模型.pdf"
    Topic(slides=slide_link("a b(1).pdf"))  # the model accepts the link


def test_alternative_names_count_up(site: Path) -> None:
    (site / "slides").mkdir()
    assert alternative_name(site, "x.pdf") == "x-2.pdf"
    (site / "slides" / "x-2.pdf").write_bytes(PDF)
    assert alternative_name(site, "x.pdf") == "x-3.pdf"
    long = "张" * 90 + ".pdf"
    alt = alternative_name(site, long)
    assert alt.endswith("-2.pdf") and len(alt.encode()) <= 255


# ------------------------------------------------------------------ site folder


def test_site_folder_is_resolved_from_the_project_file(tmp_path: Path) -> None:
    project = tmp_path / "proj" / "schedule.json"
    assert resolve_site_folder(Document(), None) is None
    assert resolve_site_folder(Document(), project) == tmp_path / "proj"
    doc = Document(site_folder="../site")
    assert resolve_site_folder(doc, project) == tmp_path / "site"
    assert resolve_site_folder(doc, None) is None
    absolute = Document(site_folder=str(tmp_path / "elsewhere"))
    assert resolve_site_folder(absolute, None) == tmp_path / "elsewhere"


# ---------------------------------------------------------------- accepting files


def test_a_pdf_is_accepted(tmp_path: Path) -> None:
    info = check_source(dropped(tmp_path))
    assert (info.kind, info.ext, info.size, info.note) == ("pdf", ".pdf", len(PDF), "")


def test_a_presentation_is_accepted_with_a_note(tmp_path: Path) -> None:
    info = check_source(dropped(tmp_path, "Talk.PPTX", b"PK\x03\x04 zip"))
    assert (info.kind, info.ext) == ("presentation", ".pptx")
    assert "GitHub does not preview .pptx" in info.note


def test_a_folder_is_rejected(tmp_path: Path) -> None:
    folder = tmp_path / "slides.pdf"
    folder.mkdir()
    with pytest.raises(SlideError) as info:
        check_source(folder)
    assert str(info.value) == f"{folder}: is a folder; drop the PDF file itself"


@POSIX_ONLY
def test_a_fifo_is_rejected_without_hanging(tmp_path: Path, site: Path) -> None:
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    errors: list[str] = []

    def attempt() -> None:
        for call in (lambda: check_source(fifo), lambda: plan_copy(fifo, site, "x.pdf")):
            try:
                call()
            except SlideError as exc:
                errors.append(str(exc))

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "opening the FIFO blocked"
    assert len(errors) == 2
    assert "is a named pipe (FIFO), not a file; drop a PDF file" in errors[0]


def test_non_pdf_bytes_named_pdf_are_rejected(tmp_path: Path) -> None:
    with pytest.raises(SlideError) as info:
        check_source(dropped(tmp_path, "x.pdf", b"<html>not really</html>"))
    assert "is not a PDF" in str(info.value)
    assert "export the slides as PDF" in str(info.value)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("notes.docx", b"PK", "is a .docx file; slides must be PDF"),
        ("README", b"text", "is a file without extension"),
        ("empty.pdf", b"", "is empty (0 bytes)"),
    ],
)
def test_other_files_are_rejected(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    with pytest.raises(SlideError, match=r".") as info:
        check_source(dropped(tmp_path, name, data))
    assert message in str(info.value)


def test_a_missing_file_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(SlideError, match="does not exist"):
        check_source(tmp_path / "gone.pdf")


def test_an_unreadable_file_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = dropped(tmp_path)
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # also when run as root
    with pytest.raises(SlideError) as info:
        check_source(path)
    assert str(info.value) == f"{path}: cannot be read (no permission); check its permissions"


# ------------------------------------------------------------------------ copying


def test_a_new_file_is_copied_and_the_source_kept(tmp_path: Path, site: Path) -> None:
    source = dropped(tmp_path)
    plan = plan_copy(source, site, "251125_Spirit.pdf")
    assert plan.status == "new"
    assert plan.destination == site / "slides" / "251125_Spirit.pdf"
    assert plan.link == "./slides/251125_Spirit.pdf"
    assert not (site / "slides").exists()  # planning writes nothing
    result = copy_slides(plan)
    assert result.created and result.replaced_backup is None
    assert plan.destination.read_bytes() == PDF
    assert source.read_bytes() == PDF  # copied, not moved
    assert all_files(site) == ["slides", "slides/251125_Spirit.pdf"]


def test_hostile_names_stay_inside_slides(tmp_path: Path, site: Path) -> None:
    plan = plan_copy(dropped(tmp_path), site, "../../x.pdf")
    assert plan.destination == site / "slides" / "x.pdf"
    copy_slides(plan)
    assert all_files(site) == ["slides", "slides/x.pdf"]
    assert not (tmp_path / "x.pdf").exists()


def test_an_identical_file_is_reused_without_writing(tmp_path: Path, site: Path) -> None:
    (site / "slides").mkdir()
    existing = site / "slides" / "x.pdf"
    existing.write_bytes(PDF)
    before = existing.stat()
    plan = plan_copy(dropped(tmp_path), site, "x.pdf")
    assert plan.status == "identical"
    result = copy_slides(plan)
    assert not result.created
    after = existing.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    undo_copy(result)  # reusing is undone by doing nothing
    assert existing.read_bytes() == PDF


def test_a_conflict_is_refused_unless_replaced_and_undo_restores(
    tmp_path: Path, site: Path
) -> None:
    (site / "slides").mkdir()
    existing = site / "slides" / "x.pdf"
    existing.write_bytes(OTHER_PDF)
    plan = plan_copy(dropped(tmp_path), site, "x.pdf")
    assert plan.status == "conflict"
    with pytest.raises(SlideError) as info:
        copy_slides(plan)
    assert "already exists with different content" in str(info.value)
    assert "x-2.pdf" in str(info.value)
    assert existing.read_bytes() == OTHER_PDF
    assert alternative_name(site, "x.pdf") == "x-2.pdf"

    result = copy_slides(plan, replace=True)
    assert result.created
    assert existing.read_bytes() == PDF
    assert result.replaced_backup is not None
    assert result.replaced_backup.read_bytes() == OTHER_PDF
    assert result.replaced_backup.parent == site / "slides" / TRASH_DIR
    assert (site / "slides" / TRASH_DIR / ".gitignore").read_text().endswith("*\n")

    undo_copy(result)
    assert existing.read_bytes() == OTHER_PDF
    assert all_files(site / "slides") == [TRASH_DIR, f"{TRASH_DIR}/.gitignore", "x.pdf"]


def test_undo_removes_a_copy_but_not_a_changed_one(tmp_path: Path, site: Path) -> None:
    result = copy_slides(plan_copy(dropped(tmp_path), site, "x.pdf"))
    undo_copy(result)
    assert not (site / "slides" / "x.pdf").exists()

    result = copy_slides(plan_copy(dropped(tmp_path), site, "x.pdf"))
    (site / "slides" / "x.pdf").write_bytes(PDF + b"annotated")
    with pytest.raises(SlideError) as info:
        undo_copy(result)
    assert "was changed after seminar-gui copied it, so it was left as it is" in str(info.value)
    assert (site / "slides" / "x.pdf").read_bytes() == PDF + b"annotated"


@POSIX_ONLY
@pytest.mark.parametrize("target_inside", [False, True])
def test_a_symlinked_destination_is_refused(
    tmp_path: Path, site: Path, target_inside: bool
) -> None:
    (site / "slides").mkdir()
    target = (site / "other.pdf") if target_inside else (tmp_path / "outside.pdf")
    target.write_bytes(OTHER_PDF)
    before = snapshot(target)
    source = dropped(tmp_path)
    stale_plan = plan_copy(source, site, "x.pdf")  # planned before the link appeared
    (site / "slides" / "x.pdf").symlink_to(target)
    with pytest.raises(SlideError, match="symbolic link"):
        plan_copy(source, site, "x.pdf")
    for replace in (False, True):
        with pytest.raises(SlideError, match="never writes through links"):
            copy_slides(stale_plan, replace=replace)
    assert snapshot(target) == before
    assert all_files(site / "slides") == ["x.pdf"]


@POSIX_ONLY
def test_a_slides_folder_linked_outside_the_site_is_refused(tmp_path: Path, site: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (site / "slides").symlink_to(outside)
    source = dropped(tmp_path)
    with pytest.raises(SlideError, match="outside the site folder"):
        plan_copy(source, site, "x.pdf")
    plan = CopyPlan(source, site, "x.pdf", site / "slides" / "x.pdf", "./slides/x.pdf", "new")
    with pytest.raises(SlideError, match="outside the site folder"):
        copy_slides(plan)
    assert list(outside.iterdir()) == []


@POSIX_ONLY
def test_a_slides_folder_linked_inside_the_site_is_fine(tmp_path: Path, site: Path) -> None:
    (site / "docs" / "slides").mkdir(parents=True)
    (site / "slides").symlink_to(site / "docs" / "slides")
    copy_slides(plan_copy(dropped(tmp_path), site, "x.pdf"))
    assert (site / "docs" / "slides" / "x.pdf").read_bytes() == PDF


def test_progress_is_reported_for_big_files(tmp_path: Path, site: Path) -> None:
    size = 3 * (1 << 20)
    source = dropped(tmp_path, "big.pdf", b"%PDF-" + os.urandom(size - 5))
    calls: list[tuple[int, int]] = []
    result = copy_slides(
        plan_copy(source, site, "big.pdf"),
        progress=lambda done, total: calls.append((done, total)),
        chunk=1 << 20,
    )
    done = [d for d, _ in calls]
    assert done == sorted(set(done)) and len(done) >= 3
    assert calls[-1] == (size, size)
    assert all(total == size for _, total in calls)
    assert result.destination.read_bytes() == source.read_bytes()


def test_a_failed_rename_leaves_no_temp_file(
    tmp_path: Path, site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (site / "slides").mkdir()
    (site / "slides" / "x.pdf").write_bytes(OTHER_PDF)
    source = dropped(tmp_path)
    new_plan = plan_copy(source, site, "new.pdf")
    conflict_plan = plan_copy(source, site, "x.pdf")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    for plan, replace in ((new_plan, False), (conflict_plan, True)):
        with pytest.raises(SlideError) as info:
            copy_slides(plan, replace=replace)
        assert "No space left on device" in str(info.value)
        assert "nothing was changed" in str(info.value)
    visible = [f for f in all_files(site / "slides") if not f.startswith(TRASH_DIR)]
    assert visible == ["x.pdf"]
    assert not [f for f in all_files(site / "slides") if is_temp_name(Path(f).name)]
    assert (site / "slides" / "x.pdf").read_bytes() == OTHER_PDF
    trash = site / "slides" / TRASH_DIR
    assert not trash.exists() or all_files(trash) == [".gitignore"]


def test_a_cancelled_copy_leaves_nothing(tmp_path: Path, site: Path) -> None:
    source = dropped(tmp_path, "big.pdf", b"%PDF-" + bytes(3 << 20))

    def cancel(done: int, total: int) -> None:
        if done > 0:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        copy_slides(plan_copy(source, site, "big.pdf"), progress=cancel)
    assert all_files(site) == ["slides"]


# ----------------------------------------------------------------------- matching


def test_dropped_files_are_matched_to_sessions_and_topics() -> None:
    demo = load_demo()
    fall = demo.semesters[0]
    by_date = {s.date.isoformat(): s for s in fall.sessions}

    def best(name: str) -> tuple[str, str | None]:
        found = match_file(demo, fall.id, name)
        assert found, name
        scores = [score for _, _, score in found]
        assert scores == sorted(scores, reverse=True)
        return found[0][0], found[0][1]

    def topic_id(date: str, index: int) -> str:
        return by_date[date].topics[index].id

    assert best("251125_Spirit.pdf") == (by_date["2025-11-25"].id, topic_id("2025-11-25", 1))
    assert best("20251118_Pie.pdf") == (by_date["2025-11-18"].id, topic_id("2025-11-18", 1))
    assert best("251104-FastDLLMv2.pdf") == (by_date["2025-11-04"].id, topic_id("2025-11-04", 1))
    assert best("251104-FuseLink.pdf") == (by_date["2025-11-04"].id, topic_id("2025-11-04", 0))
    assert best("2025-11-11 slides.pptx") == (by_date["2025-11-11"].id, topic_id("2025-11-11", 0))
    assert best("2025-11-04.pdf") == (by_date["2025-11-04"].id, None)  # two topics: ask
    assert best("spirit-final.PDF")[1] == topic_id("2025-11-25", 1)  # no date: by name
    assert match_file(demo, fall.id, "holiday.pdf") == []
    assert match_file(demo, None, "991231_unknown.pdf") == []


# ------------------------------------------------------------------------ the CLI


def test_check_command_reports_missing_and_orphan_slides(
    tmp_path: Path, site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = load_demo()
    project = tmp_path / "project" / "schedule.json"
    project.parent.mkdir()
    save_project(demo.model_copy(update={"site_folder": "../site"}), project)
    (site / "slides").mkdir()
    for session in demo.semesters[0].sessions:
        for topic in session.topics:
            if topic.slides and "Spirit" not in topic.slides:
                (site / topic.slides).write_bytes(PDF)
    (site / "slides" / "orphan.pdf").write_bytes(PDF)
    (site / "slides" / ".DS_Store").write_bytes(b"")
    assert main(["check", str(project)]) == 0
    out = capsys.readouterr().out
    missing = (
        f"slides link ./slides/251125_Spirit.pdf: the file does not exist in {site / 'slides'}"
    )
    assert f"2025 Fall › Nov 25 › Topic II: warning: {missing}" in out
    assert "slides/orphan.pdf: info: no topic links to slides/orphan.pdf" in out
    assert ".DS_Store" not in out
    assert json.loads(project.read_text(encoding="utf-8"))["site_folder"] == "../site"
