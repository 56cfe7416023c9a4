"""The preview's blocks kept between runs (issue 9: start-up without Python-Markdown).

A start finds the page the last run showed in the block store and shows it without
importing Python-Markdown; what it shows is exactly what Markdown renders (the
hypothesis test in test_preview_incremental.py compares after random edits).  A store
of another renderer, a damaged file or an unwritable folder only costs the rendering.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seminar_gui.core import edits, render
from seminar_gui.core.demo import load_demo
from seminar_gui.core.render import HtmlRenderer, StoredBlocks
from seminar_gui.core.safe_html import PreviewNotes


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "state" / "preview-blocks.json"
    render.use_block_store(path)
    try:
        yield path
    finally:
        render.use_block_store(None)


def shown_semester() -> str:
    return load_demo().semesters[0].id


def test_a_page_rendered_once_is_shown_again_without_markdown(store: Path) -> None:
    doc, semester = load_demo(), shown_semester()
    first = HtmlRenderer()
    page = first.render(doc, semester_id=semester)
    assert first.stats.blocks_rendered == first.stats.blocks_total > 5
    first.keep()
    assert store.is_file()

    render.use_block_store(store)  # as a new run finds it
    again = HtmlRenderer()
    assert again.render(doc, semester_id=semester) == page
    assert again.stats.blocks_rendered == 0
    assert again._md is None  # Python-Markdown was not even set up


def test_an_edited_session_is_rendered_the_others_come_from_the_store(store: Path) -> None:
    doc, semester = load_demo(), shown_semester()
    first = HtmlRenderer()
    first.render(doc, semester_id=semester)
    first.keep()
    topic = doc.semesters[0].sessions[2].topics[0]
    changed = edits.update_topic(doc, topic.id, paper={"title": "A *new* title"})

    render.use_block_store(store)
    again = HtmlRenderer()
    page = again.render(changed, semester_id=semester)
    assert again.stats.blocks_rendered == 1
    render.use_block_store(None)
    assert page == HtmlRenderer().render(changed, semester_id=semester)
    assert "A <em>new</em> title" in page


def test_a_second_process_shows_the_page_without_importing_markdown(store: Path) -> None:
    """What the window's start gains: the store is read in a process that has never
    imported Python-Markdown, and it stays that way."""
    first = HtmlRenderer()
    expected = first.render(load_demo(), semester_id=shown_semester())
    first.keep()
    program = (
        "import sys\n"
        "from pathlib import Path\n"
        "from seminar_gui.core import render\n"
        "from seminar_gui.core.demo import load_demo\n"
        f"render.use_block_store(Path({str(store)!r}))\n"
        "doc = load_demo()\n"
        "page = render.HtmlRenderer().render(doc, semester_id=doc.semesters[0].id)\n"
        "sys.stdout.write(str('markdown' in sys.modules) + '\\n' + page)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    imported, page = result.stdout.split("\n", 1)
    assert imported == "False"
    assert page == expected


def test_a_store_of_another_renderer_is_not_used(store: Path) -> None:
    doc, semester = load_demo(), shown_semester()
    first = HtmlRenderer()
    first.render(doc, semester_id=semester)
    first.keep()
    chinese = PreviewNotes(pending="正在渲染 README 的其余部分…")  # another UI language
    other = HtmlRenderer(chinese)
    other.render(doc, semester_id=semester)
    assert other.stats.blocks_rendered == other.stats.blocks_total
    # A renderer fingerprint changes with the files that render (an update, an edit).
    data = json.loads(store.read_text(encoding="utf-8"))
    data["renderer"] = "0" * 64
    store.write_text(json.dumps(data), encoding="utf-8")
    render.use_block_store(store)
    fresh = HtmlRenderer()
    fresh.render(doc, semester_id=semester)
    assert fresh.stats.blocks_rendered == fresh.stats.blocks_total


@pytest.mark.parametrize("damage", ["", "{not json", '{"renderer": 1}', '{"blocks": [1, 2]}'])
def test_a_damaged_store_is_rendered_past_and_replaced(store: Path, damage: str) -> None:
    doc, semester = load_demo(), shown_semester()
    render.use_block_store(None)
    expected = HtmlRenderer().render(doc, semester_id=semester)
    store.parent.mkdir(parents=True)
    store.write_text(damage, encoding="utf-8")
    render.use_block_store(store)
    renderer = HtmlRenderer()
    assert renderer.render(doc, semester_id=semester) == expected
    renderer.keep()
    data = json.loads(store.read_text(encoding="utf-8"))
    assert len(data["blocks"]) == renderer.stats.blocks_total


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_an_unwritable_state_folder_costs_only_the_rendering(store: Path) -> None:
    store.parent.mkdir(parents=True)
    store.parent.chmod(0o500)
    try:
        renderer = HtmlRenderer()
        renderer.render(load_demo(), semester_id=shown_semester())
        renderer.keep()  # no error: the next start renders, as without a store
        assert not store.exists()
    finally:
        store.parent.chmod(0o700)


def test_an_unwritable_store_path_costs_only_the_rendering(tmp_path: Path) -> None:
    blocker = tmp_path / "state"
    blocker.write_text("a file where the state folder should be", encoding="utf-8")
    render.use_block_store(blocker / "preview-blocks.json")
    try:
        renderer = HtmlRenderer()
        page = renderer.render(load_demo(), semester_id=shown_semester())
        renderer.keep()
        assert "<h3>" in page and blocker.is_file()
    finally:
        render.use_block_store(None)


def test_blocks_markdown_could_not_render_are_not_kept(tmp_path: Path) -> None:
    stored = StoredBlocks(tmp_path / "blocks.json", "fingerprint")
    good, failed = render.SafeHtml("<p>fine</p>"), render.SafeHtml("<pre>as text</pre>")
    stored.save({"good": (good, True), "failed": (failed, False)})
    again = StoredBlocks(tmp_path / "blocks.json", "fingerprint")
    assert again.get("good") == (good, True)
    assert again.get("failed") is None


def test_the_store_keeps_the_most_recently_used_blocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(render, "MAX_STORED_BLOCKS", 3)
    path = tmp_path / "blocks.json"
    older = {f"old {n}": (render.SafeHtml(f"<p>old {n}</p>"), True) for n in range(3)}
    StoredBlocks(path, "f").save(older)
    newer = {f"new {n}": (render.SafeHtml(f"<p>new {n}</p>"), True) for n in range(2)}
    StoredBlocks(path, "f").save(newer)
    again = StoredBlocks(path, "f")
    assert [key for key in [*newer, *older] if again.get(key)] == ["new 0", "new 1", "old 2"]
    assert len(json.loads(path.read_text(encoding="utf-8"))["blocks"]) == 3


def test_nothing_is_written_when_nothing_was_rendered(store: Path) -> None:
    doc, semester = load_demo(), shown_semester()
    first = HtmlRenderer()
    first.render(doc, semester_id=semester)
    first.keep()
    written = store.stat().st_mtime_ns
    store.touch()
    os.utime(store, ns=(written - 10**9, written - 10**9))
    render.use_block_store(store)
    again = HtmlRenderer()
    again.render(doc, semester_id=semester)
    again.keep()
    assert store.stat().st_mtime_ns == written - 10**9


def damage_one_stored_block(store: Path) -> tuple[str, str]:
    """Render and keep the demo's page, then damage one of its stored blocks (an
    entry without its counts, as an older or broken writer might leave); the page
    and the damaged block's digest.  The store is read again, as by a new run."""
    first = HtmlRenderer()
    page = first.render(load_demo(), semester_id=shown_semester())
    first.keep()
    data = json.loads(store.read_text(encoding="utf-8"))
    digest = next(iter(data["blocks"]))
    data["blocks"][digest] = ["<p>no counts</p>"]
    store.write_text(json.dumps(data), encoding="utf-8")
    render.use_block_store(store)
    return page, digest


def test_a_damaged_block_is_rendered_again_the_others_come_from_the_store(store: Path) -> None:
    expected, digest = damage_one_stored_block(store)
    again = HtmlRenderer()
    assert again.render(load_demo(), semester_id=shown_semester()) == expected
    assert again.stats.blocks_rendered == 1
    again.keep()
    assert len(json.loads(store.read_text(encoding="utf-8"))["blocks"][digest]) == 4


def test_a_damaged_block_is_rendered_ahead_so_showing_its_semester_renders_nothing(
    store: Path,
) -> None:
    """Rendering a semester ahead (while the window is idle) passes over the blocks
    the store holds, but not over a damaged one: that one would otherwise be rendered
    when the semester is shown, and the switch would wait for Markdown."""
    expected, _digest = damage_one_stored_block(store)
    doc, semester = load_demo(), shown_semester()
    again = HtmlRenderer()
    assert again.warm(doc, semester, 1.0) == 0
    assert again.render(doc, semester_id=semester) == expected
    assert again.stats.blocks_rendered == 0


@given(st.text())
def test_headings_and_notes_are_escaped_as_html_escape_would(text: str) -> None:
    """The renderer escapes without importing ``html`` (a start from the store needs
    none of it); what it writes is what ``html.escape`` writes."""
    import html

    assert render.escape(text) == html.escape(text)


def test_the_window_keeps_its_blocks_at_each_save(qtbot, store: Path, tmp_path: Path) -> None:
    """Not only when the window closes: a session ended some other way (the machine
    shut down, the process killed) still finds the page it saved in the store."""
    from qt_helpers import ScriptedAsker, open_demo_window

    from seminar_gui.qt import commands

    window = open_demo_window(qtbot)
    window.preview.render_now()
    assert not store.exists()  # nothing written while the window only shows the page
    topic = window.document.doc.semesters[0].sessions[0].topics[0].id
    window.document.undo_stack.push(
        commands.EditTopicCommand(window.document, topic, "title", "A title typed today")
    )
    window.preview.render_now()
    window.asker = window.files.asker = ScriptedAsker(save_path=tmp_path / "fall.json")  # type: ignore[assignment]
    assert window.files.save()
    blocks = json.loads(store.read_text(encoding="utf-8"))["blocks"]
    render.use_block_store(store)  # as the next start finds it
    again = HtmlRenderer()
    page = again.render(window.document.doc, semester_id=window.document.doc.semesters[0].id)
    assert again.stats.blocks_rendered == 0 and len(blocks) >= again.stats.blocks_total
    assert "A title typed today" in page
