"""A hostile README never makes the preview read the disk, hang, or open a program (issue 8).

* The preview reads no file by itself: QTextBrowser asks :meth:`PreviewView.loadResource`
  for every image, stylesheet and ``background``; only regular image files inside the
  site folder are read (opened without blocking).  The cases that would hang or crash
  the window if a file were opened (a FIFO, ``/dev/zero``) run in a subprocess with a
  timeout, so a regression fails instead of hanging the test run.
* The HTML shown is sanitized (nh3) and bounded: nesting, table cells, long words,
  Markdown that Python-Markdown cannot render.  The exported README is not changed.
* Links open only web pages, mail and slide files under ``slides/``.

Fuzzing (``soak`` marker): hostile HTML and Markdown through the sanitizer, and through
the real PreviewView.  Normal runs: 1,000 + 200 examples; the full run,
``SEMINAR_GUI_SOAK=full .venv/bin/python -m pytest -p no:cacheprovider -s -m soak
tests/test_preview_isolation.py``, 20,000 + 5,000.  ``-s`` shows the figures.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import faulthandler
import json
import os
import re
import signal
import struct
import subprocess
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st
from markdown import Markdown
from pydantic import ValidationError

from seminar_gui.core.demo import load_demo
from seminar_gui.core.gfm import new_markdown, render_markdown
from seminar_gui.core.model import Document, FreeSection, Semester, Session
from seminar_gui.core.readme.export import export_readme
from seminar_gui.core.render import MAX_BLOCK_CHARS, HtmlRenderer
from seminar_gui.core.sanitize import (
    BREAK,
    MAX_CELLS,
    MAX_DEPTH,
    MAX_IMAGES,
    MAX_INDENT,
    MAX_RUN,
    MAX_TABLE_DEPTH,
    sanitize_fragment,
)
from seminar_gui.core.site_access import (
    MAX_IMAGE_BYTES,
    link_action,
    read_site_image,
    safe_mailto,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QTextCharFormat
    from pytestqt.qtbot import QtBot

    from seminar_gui.qt.document import ProjectDocument
    from seminar_gui.qt.preview.view import PreviewView

POSIX = os.name == "posix" and hasattr(os, "mkfifo")
needs_fifo = pytest.mark.skipif(not POSIX, reason="FIFOs and /dev/zero are POSIX")
FULL = os.environ.get("SEMINAR_GUI_SOAK") == "full"
SANITIZER_EXAMPLES = 20_000 if FULL else 1_000
PREVIEW_EXAMPLES = 5_000 if FULL else 200
AFTER = "AFTER-MARK"


def _png(width: int, height: int) -> bytes:
    """A red RGB PNG of width x height (built by hand: no Qt needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\0" + b"\xff\0\0" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


PNG = _png(2, 3)


# ------------------------------------------------------------------- helpers
class _Shape(HTMLParser):
    """Depth, table depth, indentation and cells of (sanitized, well-formed) HTML."""

    VOID = frozenset({"br", "hr", "img", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.depth = self.tables = self.indent = self.cells = 0
        self.tags: set[str] = set()
        self.attrs: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs |= {f"{tag}.{name}={value}" for name, value in attrs}
        if tag in ("td", "th"):
            span = dict(attrs).get("colspan") or "1"
            self.cells += int(span)
        if tag in self.VOID:
            return
        self.open.append(tag)
        self.depth = max(self.depth, len(self.open))
        self.tables = max(self.tables, self.open.count("table"))
        indent = sum(t in ("ul", "ol", "blockquote", "dl", "dd", "table") for t in self.open)
        self.indent = max(self.indent, indent)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def shape(html: str) -> _Shape:
    parser = _Shape()
    parser.feed(html)
    parser.close()
    return parser


def in_sections(bodies: list[str]) -> Document:
    """One semester per body, each with a free section holding it (one block each)."""
    return Document(
        semesters=[
            Semester(title=f"{2025 - i} Fall", sections=[FreeSection(heading="S", body=body)])
            for i, body in enumerate(bodies)
        ]
    )


def hostile_page(html_or_markdown: str) -> Document:
    """A preamble holding ``html_or_markdown``, then a semester whose intro is AFTER
    (another block: what follows the hostile block in the README)."""
    return Document(preamble=html_or_markdown, semesters=[Semester(title="2025 Fall", intro=AFTER)])


def preview_page(html_or_markdown: str) -> str:
    """What HtmlRenderer gives for :func:`hostile_page` (without the Markdown time limit
    per block, which would make the output depend on the machine's speed; it has its
    own test)."""
    return HtmlRenderer(block_ms=None).render(hostile_page(html_or_markdown))


# ----------------------------------------------------------- the sanitizer
HOSTILE_TAGS = {
    "script": "<script>alert(1)</script>",
    "style": "<style>p { color: red; font-size: 90px }</style>",
    "link": '<link rel="stylesheet" href="/dev/zero">',
    "meta": '<meta http-equiv="refresh" content="0; url=http://evil">',
    "iframe": '<iframe src="file:///etc/passwd"></iframe>',
    "form": '<form action="http://evil"><input name=x><button>go</button></form>',
    "object": '<object data="/etc/passwd"></object><embed src="/dev/zero">',
    "base": '<base href="file:///etc/">',
    "svg": '<svg><script>alert(1)</script><image href="/etc/passwd"/></svg>',
    "qt": '<qt type="detail">x</qt><body background="/dev/zero">',
}


@pytest.mark.parametrize("html", HOSTILE_TAGS.values(), ids=HOSTILE_TAGS.keys())
def test_sanitizer_drops_active_and_loading_tags(html: str) -> None:
    page = preview_page(html)
    for tag in ("script", "style", "link", "meta", "iframe", "form", "object", "embed"):
        assert f"<{tag}" not in page
    assert "base" not in shape(page).tags and "svg" not in shape(page).tags
    assert "background" not in page and "/dev/zero" not in page and "/etc/passwd" not in page
    assert "alert(1)" not in page and "color: red" not in page
    assert AFTER in page


def test_sanitizer_drops_event_handlers_styles_and_ids() -> None:
    page = sanitize_fragment(
        '<p onclick="x()" style="color:red" id="a" class="b" name="session-1">t</p>'
        '<img src="a.png" onerror="alert(1)" style="width:9000px">'
        '<a href="https://x.org" onmouseover="x()" name="semester-1">l</a>'
    ).html
    assert page == '<p>t</p><img src="a.png"><a href="https://x.org">l</a>'


LINKS = {
    "https://example.org/a?b=1&c=2": True,
    "http://example.org": True,
    "mailto:us@example.org": True,
    "#schedule": True,
    "./slides/251125_ROLL.pdf": True,
    "../elsewhere.md": True,  # relative: kept (clicking it is refused by the view)
    "javascript:alert(1)": False,
    "JaVaScRiPt:alert(1)": False,
    "java\tscript:alert(1)": False,
    "vbscript:x": False,
    "file:///etc/passwd": False,
    "data:text/html,<script>alert(1)</script>": False,
    "ftp://example.org/x": False,
}


@pytest.mark.parametrize("href", LINKS, ids=list(LINKS))
def test_sanitizer_keeps_only_web_mail_fragment_and_relative_links(href: str) -> None:
    escaped = href.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    page = sanitize_fragment(f'<a href="{escaped}">x</a>').html
    kept = "href=" in page
    assert kept == LINKS[href], page


def test_sanitizer_keeps_images_from_the_web_and_the_site_only() -> None:
    page = sanitize_fragment(
        '<img src="https://x.org/a.png"><img src="logo.png"><img src="file:///etc/passwd">'
        '<img src="data:image/png;base64,AAAA"><img src="javascript:x">'
    ).html
    assert page == '<img src="https://x.org/a.png"><img src="logo.png"><img><img><img>'


def test_the_exported_readme_is_not_sanitized() -> None:
    hostile = '<script>alert(1)</script><style>p{}</style><a href="javascript:x">j</a>'
    doc = Document(preamble=hostile)
    assert hostile in export_readme(doc)
    assert "<script" not in HtmlRenderer().render(doc)


def test_style_does_not_restyle_and_link_does_not_hide_the_rest() -> None:
    page = preview_page("<style>* { font-size: 90px; color: red }</style>\n<p>x</p><link>")
    assert "90px" not in page and "<link" not in page
    assert page.index("<p>x</p>") < page.index(AFTER)


# ------------------------------------------------------- bounded layout work
def test_nested_tables_20_levels_are_flattened() -> None:
    html = "<table><tr><td>" * 20 + "deep" + "</td></tr></table>" * 20  # 665 bytes
    page = shape(preview_page(html))
    assert page.tables == MAX_TABLE_DEPTH
    assert "deep" in "".join(page.text) and AFTER in "".join(page.text)
    assert "nested too deeply" in "".join(page.text)


def test_a_1000_by_100_table_shows_at_most_the_cell_budget() -> None:
    rows = "".join("<tr>" + f"<td>{r}</td>" * 100 + "</tr>" for r in range(10))
    doc = in_sections(["<table>" + rows + "</table>"] * 100)  # 1000 x 100 over 100 blocks
    renderer = HtmlRenderer()
    page = renderer.render(doc)
    assert shape(page).cells <= MAX_CELLS <= renderer.stats.cells + 100
    assert page.count(f"Table cut: the preview shows at most {MAX_CELLS:,} table cells.") >= 1
    assert "2015 Fall" in page  # the last semester's heading still shows


def test_one_huge_table_is_cut_after_the_rows_that_fit() -> None:
    table = "| h |" + " h |" * 99 + "\n|" + "-|" * 100 + "\n" + ("|" + "x|" * 100 + "\n") * 150
    assert len(table) < MAX_BLOCK_CHARS
    page = preview_page(table)
    assert shape(page).cells <= MAX_CELLS
    assert f"at most {MAX_CELLS:,} table cells" in page and AFTER in page


def test_images_beyond_the_page_budget_show_their_alt_text() -> None:
    doc = in_sections(['<img src="a.png" alt="pic">' * 300] * 3)  # 900 images, no spaces
    page = HtmlRenderer().render(doc)
    assert page.count("<img") == MAX_IMAGES
    assert page.replace(BREAK, "").count("pic") == 900  # 400 images with alt="pic", 500 texts
    assert "More images than the preview shows (400 at most)" in page
    assert BREAK in page  # a run of images can be broken like a long word


def test_huge_colspan_rowspan_and_image_sizes_are_clamped() -> None:
    page = shape(
        sanitize_fragment(
            '<table><tr><td colspan="100000" rowspan="99999999999">x</td></tr></table>'
            '<img src="a.png" width="99999" height="100%"><ol start="-99999999999">'
        ).html
    )
    assert {"td.colspan=64", "img.width=2000", "img.height=100%"} <= page.attrs
    assert not any(a.startswith(("td.rowspan=", "ol.start=")) for a in page.attrs)


@pytest.mark.parametrize(
    ("nested", "note"),
    [
        ("- " * 500 + "x\n", "could not be previewed (nested too deeply)"),  # RecursionError
        (
            "".join("  " * i + f"- level {i}\n" for i in range(250)),  # 250 levels: 64 KB
            "Too long to preview (64 KB); the first 32 KB are shown as is",
        ),
    ],
    ids=["RecursionError", "250 levels"],
)
def test_250_nested_lists_show_as_text_and_the_rest_of_the_page_renders(
    nested: str, note: str
) -> None:
    doc = load_demo().model_copy(update={"preamble": nested})
    # No clock: on a busy machine the block's time limit could end it first, as "too
    # complex" (the time limit has its own test below).
    renderer = HtmlRenderer(block_ms=None)
    page = renderer.render(doc)  # Python-Markdown raised RecursionError on every render
    assert renderer.stats.blocks_failed == 1 and note in page
    assert f"<pre><code>{nested[:20]}" in page
    assert page.count("<h3>") == sum(len(s.sessions) for s in doc.semesters)


def test_a_renderer_error_in_one_block_leaves_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    renderer = HtmlRenderer()
    renderer.prepare()
    assert renderer._md is not None
    convert = renderer._md.convert

    def broken(text: str) -> str:
        if "BOOM" in text:
            raise ValueError("boom")
        return convert(text)

    monkeypatch.setattr(renderer._md, "convert", broken)
    page = renderer.render(in_sections(["BOOM here", "fine *here*"]))
    assert "could not be previewed (ValueError)" in page and "<em>here</em>" in page


def test_deep_nesting_of_any_kind_is_bounded() -> None:
    for html in (
        "<ul><li>" * 10_000 + "x",
        "<div>" * 10_000 + "x",
        "<b><i>" * 10_000 + "x",
        "<blockquote>" * 5_000 + "x" + "</blockquote>" * 5_000,
        ">" * 5_000 + " x",
        "".join("  " * i + "- x\n" for i in range(120)),
    ):
        page = shape(preview_page(html))
        assert page.depth <= MAX_DEPTH + 2 and page.indent <= MAX_INDENT
        assert AFTER in "".join(page.text)


def test_long_words_get_break_opportunities_outside_pre() -> None:
    page = sanitize_fragment(f"<p>{'x' * 1000}</p><pre>{'y' * 1000}</pre>").html
    words = re.findall(r"x+", page)
    assert max(map(len, words)) <= MAX_RUN and "".join(words) == "x" * 1000
    assert "y" * 1000 in page


def test_hostile_markdown_is_bounded_and_still_renders() -> None:
    """Python-Markdown's quadratic scans are bounded; the text is kept, links still work."""
    for text in ("[" * 30_000, "![" * 15_000, "[a](" * 8_000, "<a " * 10_000, "***\n" * 8_000):
        page = preview_page(text + "\n\n[link](https://x.org) ![img](a.png) <b>raw</b>")
        assert '<a href="https://x.org">link</a>' in page and '<img alt="img" src="a.png">' in page
        assert "<b>raw</b>" in page and AFTER in page
    assert render_markdown("[a [b] c](x)") == '<p><a href="x">a [b] c</a></p>'


def test_a_block_that_takes_too_long_shows_as_text() -> None:
    """Any page renders within 200 ms: a block taking Python-Markdown longer than its
    time shows as text, with a note, and the rest of the page still renders."""
    text = "*a" * 3_000
    page = HtmlRenderer(block_ms=0.001).render(hostile_page(text))
    assert "could not be previewed (too complex)" in page
    assert f"<pre><code>{text}</code></pre>" in page and AFTER in page
    assert "<em>a</em>" in HtmlRenderer(block_ms=None).render(hostile_page(text))
    # Qt's layout time grows with the tags: a block of 10,000 <em>s shows as text too.
    many = HtmlRenderer(block_ms=None).render(hostile_page("*a" * 10_000))
    assert "could not be previewed (too complex)" in many and "<em>a</em>" not in many


def test_a_link_that_python_markdown_ends_at_minus_one_does_not_loop() -> None:
    """Found by the fuzzer: with the bounded link scan, this looped forever (the inline
    processor put the whole text back after the link, again and again)."""
    with hang_guard(20):
        page = preview_page('[](<code onclick="javascript:alert(1)">')
        image = preview_page('![i](<b c="d(e)">')
    assert '<a href="&lt;code onclick=&quot;javascript:alert(1)"></a>&gt;' in page
    assert '<img alt="i" src="&lt;b c=&quot;d(e)">&gt;' in image


def test_a_renderer_loop_ends_and_the_block_shows_as_text() -> None:
    """Whatever would loop inside Python-Markdown (planted here) is stopped."""
    from markdown.blockprocessors import BlockProcessor
    from markdown.inlinepatterns import InlineProcessor

    class Standstill(InlineProcessor):  # matches, and does not move past its start
        def handleMatch(self, m: re.Match[str], data: str) -> tuple[str, int, int]:
            return "x", m.start(0), m.start(0)

    class Stuck(BlockProcessor):  # takes the block and never consumes it
        def test(self, parent: object, block: str) -> bool:
            return "STUCK" in block

        def run(self, parent: object, blocks: list[str]) -> None:
            return None

    renderer = HtmlRenderer()
    renderer.prepare()
    md, work = renderer._md, renderer._work
    assert md is not None and work is not None
    standstill = Standstill("LOOP", md)
    standstill.handleMatch = work.inline(standstill.handleMatch)  # type: ignore[method-assign]
    md.inlinePatterns.register(standstill, "standstill", 200)
    stuck = Stuck(md.parser)
    stuck.test = work.block(stuck.test)  # type: ignore[method-assign]
    md.parser.blockprocessors.register(stuck, "stuck", 200)
    with hang_guard(30):
        page = renderer.render(in_sections(["a LOOP b", "STUCK here", "fine *here*"]))
    assert "<p>a LOOP b</p>" in page  # the standstill match is refused, the text stays
    assert "could not be previewed (too complex)" in page and "STUCK here</code></pre>" in page
    assert "<em>here</em>" in page


def test_too_long_blocks_and_pages_are_cut_with_a_note() -> None:
    page = preview_page("[" * (10 * 1024 * 1024))  # a 10 MB line: shown as text, cut
    assert "Too long to preview (10,240 KB); the first 32 KB are shown as is" in page
    assert page.count("[") < MAX_BLOCK_CHARS + 100 and AFTER in page
    renderer = HtmlRenderer()
    page = renderer.render(in_sections(["word " * 6_000] * 60))  # 60 x 30 KB: 1.8 MB
    assert "The rest of the README is too long to preview." in page
    assert renderer.stats.blocks_total > page.count("<h2>")


def test_a_render_with_a_budget_leaves_blocks_for_the_next_pass() -> None:
    renderer = HtmlRenderer(block_ms=None)  # the same output however busy the machine
    doc = in_sections([f"{'*a' * 5_000} {i}" for i in range(12)])
    first = renderer.render(doc, budget=0.0)  # renders one block, then the budget is spent
    assert renderer.stats.blocks_rendered == 1 and renderer.stats.pending > 0
    assert "Rendering the rest of the README…" in first
    passes = 1
    while renderer.stats.pending:
        renderer.render(doc, budget=0.0)
        passes += 1
    assert passes > 2 and renderer.render(doc) == HtmlRenderer(block_ms=None).render(doc)


# --------------------------------------------------------- what is read
@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    (folder / "slides").mkdir(parents=True)
    (folder / "logo.png").write_bytes(PNG)
    (folder / "slides" / "251125_ROLL.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "README.md").write_text("# x\n")
    (folder / ".git").mkdir()
    (folder / ".git" / "config").write_text("[core]\n")
    (folder / "run.sh").write_text("#!/bin/sh\n")
    (folder / "app.desktop").write_text("[Desktop Entry]\nExec=x\n")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.png").write_bytes(PNG)
    (tmp_path / "outside" / "talk.pdf").write_bytes(b"%PDF-1.4\n")
    os.symlink(tmp_path / "outside" / "secret.png", folder / "escape.png")
    os.symlink(tmp_path / "outside" / "talk.pdf", folder / "slides" / "escape.pdf")
    os.symlink(folder / "run.sh", folder / "slides" / "run.pdf")
    if POSIX:
        os.mkfifo(folder / "fifo.png")
        os.mkfifo(folder / "slides" / "fifo.pdf")
    return folder


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every path site_access opens (os.open), in order."""
    import seminar_gui.core.site_access as access

    paths: list[str] = []
    real_open = os.open

    def recording_open(path: str, flags: int, *args: int) -> int:
        paths.append(os.fspath(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(access.os, "open", recording_open)
    return paths


def test_site_images_are_read_and_nothing_else(site: Path, opened: list[str]) -> None:
    assert read_site_image(site, "logo.png") == PNG
    assert read_site_image(site, "./logo.png?x=1#y") == PNG
    refused = {
        "/etc/passwd": "absolute",
        "/dev/zero": "absolute",
        "../outside/secret.png": "outside",
        "escape.png": "outside",  # a symbolic link to outside the site
        "%2E%2E/outside/secret.png": "outside",
        "file:///etc/passwd": "scheme",
        "//host/share/a.png": "absolute",
        "README.md": "not_image",
        "missing.png": "missing",
        "slides": "not_image",
    }
    for href, reason in refused.items():
        assert read_site_image(site, href) == reason, href
    assert read_site_image(None, "logo.png") == "no_site"
    real_site = os.path.realpath(site)
    assert opened and all(p.startswith(real_site + os.sep) for p in opened)


@needs_fifo
def test_a_fifo_in_the_site_is_never_read(site: Path, opened: list[str]) -> None:
    faulthandler.dump_traceback_later(
        60, exit=True, file=sys.__stderr__
    )  # a blocking open would hang here
    try:
        assert read_site_image(site, "fifo.png") == "not_regular"
    finally:
        faulthandler.cancel_dump_traceback_later()
    assert opened == [os.path.realpath(site / "fifo.png")]  # opened O_NONBLOCK, not read


def test_images_larger_than_the_cap_are_not_read(site: Path) -> None:
    (site / "big.png").write_bytes(b"\0" * (MAX_IMAGE_BYTES + 1))
    assert read_site_image(site, "big.png") == "too_big"
    assert read_site_image(site, "logo.png", max_bytes=10) == "too_big"


# ---------------------------------------------------------------- links
def test_links_open_web_mail_anchors_and_slide_files_only(site: Path) -> None:
    slide = os.path.realpath(site / "slides" / "251125_ROLL.pdf")
    expected = {
        "https://www.bilibili.com/video/BV1uxUzBUED4?t=9.2": ("web", None),
        "mailto:us@example.org?subject=Hi": ("mail", None),
        "#schedule": ("anchor", None),
        "./slides/251125_ROLL.pdf": ("slide", None),
        "slides/251125_ROLL.pdf#page=2": ("slide", None),
        "README.md": ("refused", "not_slide"),
        ".git/config": ("refused", "not_slide"),
        "run.sh": ("refused", "not_slide"),
        "app.desktop": ("refused", "not_slide"),
        "slides/../run.sh": ("refused", "not_slide"),
        "slides/escape.pdf": ("refused", "outside"),  # a symbolic link out of the site
        "slides/run.pdf": ("refused", "not_slide"),  # a .pdf link to run.sh
        "slides/missing.pdf": ("refused", "missing"),
        "../outside/talk.pdf": ("refused", "outside"),
        "/etc/passwd": ("refused", "absolute"),
        "//evil.example/slides/a.pdf": ("refused", "absolute"),
        "file:///etc/passwd": ("refused", "scheme"),
        "javascript:alert(1)": ("refused", "scheme"),
        "smb://host/share/x.pdf": ("refused", "scheme"),
        "http:///nohost": ("refused", "bad"),
    }
    if POSIX:
        expected["slides/fifo.pdf"] = ("refused", "not_regular")
    for href, (kind, reason) in expected.items():
        action = link_action(site, href)
        assert (action.kind, action.reason) == (kind, reason), href
    assert link_action(site, "./slides/251125_ROLL.pdf").target == slide
    assert link_action(None, "./slides/251125_ROLL.pdf").reason == "no_site"


def test_mailto_keeps_only_the_harmless_fields() -> None:
    url = "mailto:us@example.org?subject=Hi%20all&attach=/home/me/.ssh/id_rsa&Body=x&X-Y=z"
    assert safe_mailto(url) == "mailto:us@example.org?subject=Hi%20all&body=x"
    assert link_action(None, url).target == "mailto:us@example.org?subject=Hi%20all&body=x"


# ------------------------------------------------------------ in the window
@pytest.fixture
def view(document: ProjectDocument, site: Path) -> Iterator[PreviewView]:
    from seminar_gui.qt.preview.view import PreviewView
    from seminar_gui.qt.selection import Selection

    document.reset(document.doc, site / "schedule.json")
    preview = PreviewView(document, Selection(document))
    preview.resize(700, 900)
    preview.show()
    yield preview
    preview.close()
    preview.deleteLater()


def show(view: PreviewView, html: str) -> None:
    """Render ``html`` (a preamble) then AFTER in the real view, laid out and painted."""
    from PySide6.QtWidgets import QApplication

    view.document_.reset(hostile_page(html), view.document_.path)
    view.render_now()
    view.document().size()
    QApplication.processEvents()
    view.viewport().repaint()


def test_a_site_image_is_shown_and_others_are_placeholders(view: PreviewView, site: Path) -> None:
    from PySide6.QtGui import QImage, QTextDocument

    show(
        view, f'<img src="logo.png"> <img src="../outside/secret.png"> <img src="{site}/logo.png">'
    )
    verdicts = {url: verdict for _type, url, verdict in view.resource_log}
    assert verdicts == {
        "logo.png": "image",
        "../outside/secret.png": "outside",
        f"{site}/logo.png": "absolute",
    }
    from PySide6.QtCore import QUrl

    shown = view.document().resource(QTextDocument.ResourceType.ImageResource, QUrl("logo.png"))
    assert isinstance(shown, QImage) and (shown.width(), shown.height()) == (2, 3)
    assert AFTER in view.toPlainText()


def test_style_in_the_readme_does_not_restyle_the_preview(view: PreviewView) -> None:
    from PySide6.QtGui import QTextCursor

    def paragraph_format(text: str) -> QTextCharFormat:
        cursor = view.document().find(text)
        assert not cursor.isNull(), text
        cursor.movePosition(QTextCursor.MoveOperation.Left)
        return cursor.charFormat()

    show(view, "plain words")
    before = paragraph_format("plain words")
    show(view, "<style>p { color: red; font-size: 90px }</style>\n\nplain words")
    after = paragraph_format("plain words")
    assert after.foreground().color() == before.foreground().color()
    assert after.font().pixelSize() == before.font().pixelSize()
    show(view, "<p>x</p><link>")
    assert AFTER in view.toPlainText()


def test_the_view_opens_links_by_the_rules_and_says_why_not(
    view: PreviewView, site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    messages: list[str] = []
    view.document_.message.connect(messages.append)
    for link in (
        "https://example.org/x",
        "mailto:us@example.org?attach=/etc/passwd",
        "./slides/251125_ROLL.pdf",
        "README.md",
        ".git/config",
        "run.sh",
        "app.desktop",
        "slides/escape.pdf",
        "javascript:alert(1)",
        "../outside/talk.pdf",
    ):
        view.anchorClicked.emit(QUrl(link))
    slide = QUrl.fromLocalFile(os.path.realpath(site / "slides" / "251125_ROLL.pdf")).toString()
    assert opened == ["https://example.org/x", "mailto:us@example.org", slide]
    assert messages == [
        "README.md was not opened: only slide files under slides/ open from the preview",
        ".git/config was not opened: only slide files under slides/ open from the preview",
        "run.sh was not opened: only slide files under slides/ open from the preview",
        "app.desktop was not opened: only slide files under slides/ open from the preview",
        "slides/escape.pdf was not opened: it leads outside the site folder",
        "javascript:alert(1) was not opened: only web, mail and slide links open",
        "../outside/talk.pdf was not opened: it leads outside the site folder",
    ]


def test_a_long_page_renders_in_passes_and_completes(view: PreviewView, qtbot: QtBot) -> None:
    """The semester on show: twelve slow sessions, then a section after the schedule."""
    sessions = [
        Session(date=dt.date(2025, 9, 2) + dt.timedelta(weeks=i), intro=f"{'*a' * 5_000} part {i}")
        for i in range(12)
    ]
    after = FreeSection(heading="S", body=AFTER, after_schedule=True)
    doc = Document(semesters=[Semester(title="2025 Fall", sessions=sessions, sections=[after])])
    view.document_.reset(doc, view.document_.path)
    qtbot.waitUntil(lambda: AFTER in view.toPlainText(), timeout=120_000)
    assert not view.renderer.stats.pending
    assert "Rendering the rest" not in view.toPlainText()


# ------------------------------------------- would hang or crash: subprocess
PROBE = r"""
import json, os, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from seminar_gui.core.model import Document
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.preview.view import PreviewView
from seminar_gui.qt.selection import Selection

cases, site = json.loads(sys.stdin.read()), Path(sys.argv[1])
document = ProjectDocument(Document())
view = PreviewView(document, Selection(document))
view.resize(700, 900)
view.show()
results = {}
for name, case in cases.items():
    print("case:", name, file=sys.stderr, flush=True)
    document.reset(Document(), site / "schedule.json" if case["site"] else None)
    view.render_now()
    if case["raw"]:  # past the sanitizer: only loadResource stands between Qt and the disk
        view.resource_log = []
        view.setHtml(case["html"] + "<p>AFTER-MARK</p>")
    else:
        document.reset(Document(preamble=case["html"] + "\n\nAFTER-MARK\n"), document.path)
        view.render_now()
    view.document().size()
    app.processEvents()
    view.viewport().repaint()
    view.viewport().grab()
    results[name] = {"log": view.resource_log, "text": view.toPlainText()}
print(json.dumps(results))
"""


def probe_cases(tmp: Path) -> dict[str, dict[str, object]]:
    out = tmp / "outside"
    cases: dict[str, tuple[str, bool, bool]] = {  # name: (html, in a saved project, raw)
        "img /etc/passwd": ('<img src="/etc/passwd">', True, False),
        "img FIFO in the site": ('<img src="fifo.png">', True, False),
        "img FIFO outside, absolute": (f'<img src="{out}/fifo.png">', True, False),
        "img FIFO outside, ../": ('<img src="../outside/fifo.png">', True, False),
        "img symlink to a FIFO outside": ('<img src="link.png">', True, False),
        "img /dev/zero": ('<img src="/dev/zero">', True, False),
        "img symlink to /dev/zero": ('<img src="zero.png">', True, False),
        "img relative to the working folder": ('<img src="cwd.png">', False, False),
        "css @import": (
            f"<style>@import url(cwd.css); @import '{out}/fifo.css';</style>",
            True,
            False,
        ),
        "background=": (
            f'<table background="{out}/fifo.png"><tr><td>x</td></tr></table>',
            True,
            False,
        ),
        "raw img FIFOs and /dev/zero": (
            f'<img src="/dev/zero"><img src="{out}/fifo.png">'
            '<img src="cwd.png"><img src="fifo.png">',
            True,
            True,
        ),
        "raw img relative to the working folder": ('<img src="cwd.png">', False, True),
        "raw css @import": ("<style>@import url(cwd.css);</style><p>x</p>", False, True),
        "raw link stylesheet": (
            f'<link rel="stylesheet" href="{out}/fifo.css"><p>x</p>',
            True,
            True,
        ),
        "raw background=": (
            f'<table background="{out}/fifo.png"><tr><td background="cwd.png">x</td></tr></table>',
            True,
            True,
        ),
        "raw style background-image": (
            f'<p style="background-image: url({out}/fifo.png)">x</p>',
            True,
            True,
        ),
    }
    return {name: {"html": h, "site": s, "raw": r} for name, (h, s, r) in cases.items()}


@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """Runs every case in one subprocess; a case that opened a FIFO would hang it."""
    tmp = tmp_path_factory.mktemp("probe")
    site, out, cwd = tmp / "site", tmp / "outside", tmp / "cwd"
    for folder in (site / "slides", out, cwd):
        folder.mkdir(parents=True)
    for fifo in (
        site / "fifo.png",
        out / "fifo.png",
        out / "fifo.css",
        cwd / "cwd.png",
        cwd / "cwd.css",
    ):
        os.mkfifo(fifo)
    os.symlink(out / "fifo.png", site / "link.png")
    os.symlink("/dev/zero", site / "zero.png")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(Path.cwd()))
    env |= {"SEMINAR_GUI_CONFIG_DIR": str(tmp / "cfg"), "SEMINAR_GUI_STATE_DIR": str(tmp / "st")}
    cases = probe_cases(tmp)
    try:
        done = subprocess.run(
            [sys.executable, "-c", PROBE, str(site)],
            input=json.dumps(cases),
            capture_output=True,
            text=True,
            cwd=cwd,  # relative URLs must never resolve here
            env=env,
            timeout=180,
        )
    except subprocess.TimeoutExpired as hung:
        stderr = hung.stderr.decode() if isinstance(hung.stderr, bytes) else hung.stderr or ""
        last = [line for line in stderr.splitlines() if line.startswith("case:")][-1:]
        pytest.fail(f"the preview hung (a FIFO was opened?) at {last}")
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.splitlines()[-1])


EXPECTED = {  # case: what loadResource answered (type 2: image, 3: stylesheet)
    "img /etc/passwd": [(2, "/etc/passwd", "absolute")],
    "img FIFO in the site": [(2, "fifo.png", "not_regular")],
    "img FIFO outside, absolute": [(2, "{out}/fifo.png", "absolute")],
    "img FIFO outside, ../": [(2, "../outside/fifo.png", "outside")],
    "img symlink to a FIFO outside": [(2, "link.png", "outside")],
    "img /dev/zero": [(2, "/dev/zero", "absolute")],
    "img symlink to /dev/zero": [(2, "zero.png", "outside")],
    "img relative to the working folder": [(2, "cwd.png", "no_site")],
    "css @import": [],  # <style> is sanitized away: nothing is even asked for
    "background=": [],
    "raw img FIFOs and /dev/zero": [
        (2, "/dev/zero", "absolute"),
        (2, "{out}/fifo.png", "absolute"),
        (2, "cwd.png", "missing"),  # looked up in the site, not the working folder
        (2, "fifo.png", "not_regular"),
    ],
    "raw img relative to the working folder": [(2, "cwd.png", "no_site")],
    "raw css @import": [(3, "cwd.css", "empty")],
    "raw link stylesheet": [],
    "raw background=": [(2, "{out}/fifo.png", "absolute"), (2, "cwd.png", "missing")],
    "raw style background-image": [(2, "{out}/fifo.png", "absolute")],
}


@needs_fifo
@pytest.mark.parametrize("case", EXPECTED, ids=list(EXPECTED))
def test_the_preview_never_opens_files_outside_the_site(
    case: str, probe: dict[str, dict[str, object]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    result = probe[case]  # the subprocess ended: the window did not hang
    if case != "raw link stylesheet":  # raw <link> hides the rest (sanitized: it is gone)
        assert AFTER in str(result["text"])
    log = [tuple(entry) for entry in result["log"]]  # type: ignore[union-attr]
    out = str(tmp_path_factory.getbasetemp() / "probe0" / "outside")
    expected = [(t, url.replace("{out}", out), v) for t, url, v in EXPECTED[case]]
    assert sorted(log) == sorted(expected)
    assert all(verdict != "image" for _t, _u, verdict in log)


# ------------------------------------------------------------------ fuzzing
HOSTILE_URLS = [
    "javascript:alert(1)",
    "file:///etc/passwd",
    "/etc/passwd",
    "/dev/zero",
    "../../outside/fifo.png",
    "fifo.png",
    "logo.png",
    "data:image/png;base64,AAAA",
    "//evil.example/x.png",
    "https://example.org/x.png",
    "mailto:a@b.c?attach=/etc/passwd",
    "#x",
    "\x00",
    "%2e%2e/%2e%2e/etc/passwd",
]
TAGS = [
    *("table", "tr", "td", "th", "tbody", "thead", "ul", "ol", "li", "blockquote", "div", "p"),
    *("a", "b", "i", "em", "span", "pre", "code", "h1", "h3", "details", "summary", "dl", "dd"),
    *("script", "style", "link", "meta", "iframe", "svg", "math", "textarea", "title", "qt"),
    *("img", "br", "hr", "object", "embed", "form", "base", "template", "plaintext", "xmp"),
]
ATTRS = ["src", "href", "background", "style", "onerror", "onclick", "colspan", "rowspan"]
ATTRS += ["width", "height", "start", "align", "name", "id", "target", "class"]
FRAGMENTS = [
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "</",
    "<",
    ">",
    '"',
    "'",
    "&#0;",
    "&#x110000;",
    "&lt;",
    "&",
    "\u202e",
    "\ufeff",
    "x" * 300,
    "[",
    "](",
    "> ",
    "- ",
    "\n",
    "\n\n",
    "|a|b|\n|-|-|\n",
    "***\n",
    "```\n",
    "    ",
    "@import url(fifo.png);",
    "background-image: url(/dev/zero)",
    '<img src="logo.png">',
    '<img src="fifo.png" width=99999>',
    '<img src="escape.png">',
]

_value = st.one_of(
    st.sampled_from(HOSTILE_URLS),
    st.sampled_from(["100000", "-1", "99999999999999999999", "50%", "_blank", ""]),
    st.text(max_size=20),
)
_attr = st.tuples(st.sampled_from(ATTRS), _value, st.sampled_from(['"', "'", ""])).map(
    lambda a: f" {a[0]}={a[2]}{a[1]}{a[2]}"
)
_open = st.tuples(st.sampled_from(TAGS), st.lists(_attr, max_size=3)).map(
    lambda t: f"<{t[0]}{''.join(t[1])}>"
)
_close = st.sampled_from(TAGS).map(lambda t: f"</{t}>")
_piece = st.one_of(_open, _open, _close, st.sampled_from(FRAGMENTS), st.text(max_size=12))


@st.composite
def hostile_html(draw: st.DrawFn) -> str:
    """Random nesting from the hostile vocabulary, sometimes repeated into a huge piece."""
    pieces = draw(st.lists(_piece, max_size=40))
    text = "".join(pieces)
    times = draw(st.sampled_from([1, 1, 1, 2, 10, 100, 1000]))
    nested = draw(st.sampled_from(["", "<table><tr><td>", "<ul><li>", "<blockquote>", "<b>"]))
    return nested * draw(st.integers(0, 60)) + text * times


class Hung(BaseException):
    """An input took longer than the hang guard allows (not an Exception: the renderer
    shows a block whose Markdown raised an Exception as text, and would hide this)."""


@contextlib.contextmanager
def hang_guard(seconds: int = 60) -> Iterator[None]:
    """Fail one input that takes ``seconds`` (SIGALRM: Hypothesis then shows the input);
    if it is stuck where a signal cannot reach (C code), faulthandler ends the run with
    a traceback after twice that."""
    alarm = getattr(signal, "SIGALRM", None)

    def hung(_signum: int, _frame: object) -> None:
        raise Hung(f"one input took more than {seconds} s")

    previous = signal.signal(alarm, hung) if alarm else None
    if alarm:
        signal.alarm(seconds)
    faulthandler.dump_traceback_later(2 * seconds, exit=True, file=sys.__stderr__)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
        if alarm:
            signal.alarm(0)
            signal.signal(alarm, previous)


def _document(html: str) -> Document:
    """:func:`hostile_page`, or no example when the model refuses the text (e.g. NUL)."""
    try:
        return hostile_page(html)
    except ValidationError:
        reject()


def fuzz_settings(count: int) -> settings:
    return settings(
        max_examples=count,
        deadline=None,  # hangs are guarded by hang_guard; times are reported, not asserted
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )


def _check_bounds(html: str) -> None:
    page = shape(html)
    assert page.depth <= MAX_DEPTH + 4 and page.indent <= MAX_INDENT + 1
    assert page.tables <= MAX_TABLE_DEPTH and page.cells <= MAX_CELLS
    assert html.count("<img") <= MAX_IMAGES
    assert not page.tags & {"script", "style", "link", "meta", "iframe", "svg", "object", "base"}
    assert not any(a.split(".", 1)[1].startswith(("on", "style", "background")) for a in page.attrs)
    for attr in page.attrs:
        if attr.startswith(("a.href=", "img.src=")):
            value = attr.split("=", 1)[1].strip().lower()
            assert not value.startswith(("javascript", "file", "data", "vbscript")), attr


@dataclass
class _Figures:
    """Inputs fuzzed and the slowest one (timed again at the end: a machine shared with
    other work stalls now and then, which the first time alone would not tell)."""

    inputs: int = 0
    slowest_ms: float = 0.0
    slowest: str = ""

    def record(self, took_ms: float, html: str) -> None:
        self.inputs += 1
        if took_ms > self.slowest_ms:
            self.slowest_ms, self.slowest = took_ms, html

    def report(self, name: str, what: str, run: Callable[[str], object]) -> str:
        again = []
        for _ in range(3):
            start = time.perf_counter()
            run(self.slowest)
            again.append((time.perf_counter() - start) * 1000)
        return (
            f"\n{name}: {self.inputs:,} inputs, 0 failures; slowest input "
            f"{len(self.slowest):,} chars: {self.slowest_ms:.1f} ms, timed again "
            f"{min(again):.1f} ms ({what})"
        )


@pytest.mark.soak
def test_fuzz_the_sanitizer_with_hostile_html(capsys: pytest.CaptureFixture[str]) -> None:
    figures = _Figures()

    def render(html: str) -> str:
        return HtmlRenderer().render(_document(html))

    @fuzz_settings(SANITIZER_EXAMPLES)
    @given(hostile_html())
    def fuzz(html: str) -> None:
        with hang_guard():
            start = time.perf_counter()
            page = render(html)
            figures.record((time.perf_counter() - start) * 1000, html)
        _check_bounds(page)
        assert f"</a>2025 Fall</h1>\n<p>{AFTER}</p>" in page  # the next block is intact

    fuzz()
    with capsys.disabled():
        print(figures.report("sanitizer fuzz", "Markdown + sanitize", render))


@pytest.mark.soak
@needs_fifo
def test_fuzz_the_preview_with_hostile_html(
    view: PreviewView, site: Path, opened: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from PySide6.QtWidgets import QApplication

    figures = _Figures()
    real_site = os.path.realpath(site) + os.sep

    def show(html: str) -> None:
        view.document_.reset(_document(html), view.document_.path)
        view.render_now()
        view.document().size()
        QApplication.processEvents()
        view.viewport().repaint()

    @fuzz_settings(PREVIEW_EXAMPLES)
    @given(hostile_html())
    def fuzz(html: str) -> None:
        with hang_guard():
            start = time.perf_counter()
            show(html)
            figures.record((time.perf_counter() - start) * 1000, html)
        assert AFTER in view.toPlainText()  # what follows the hostile block still shows
        body = view.html[view.html.index("<body>") : view.html.rindex("</body>")]
        _check_bounds(body)
        assert all(path.startswith(real_site) for path in opened)
        for _type, url, verdict in view.resource_log:
            if verdict == "image":
                assert url in ("logo.png", "./logo.png"), url

    fuzz()
    with capsys.disabled():
        what = (
            f"render + setHtml + layout + paint; site files opened: {len(opened)}, all in the site"
        )
        print(figures.report("preview fuzz", what, show))


# ------------------------------------- the bounded scans change no normal output
def _unbounded_markdown() -> Markdown:
    """Our Markdown without the bounded scans (Python-Markdown's own, quadratic ones)."""
    md = new_markdown()
    for pattern in md.inlinePatterns:
        for name in ("getText", "getLink", "handleMatch"):
            if name in vars(pattern):
                delattr(pattern, name)
    for block in md.parser.blockprocessors:
        for name in ("test", "RE", "SEARCH_RE"):
            if name in vars(block):
                value = vars(block)[name]
                if hasattr(value, "pattern") and not isinstance(value, re.Pattern):
                    setattr(block, name, value.pattern)  # a _SuffixSearch: the regex
                elif name == "test":
                    delattr(block, name)
    return md


MARKDOWN_PIECES = [
    "<b>bold <!-- note --> still bold</b>",
    "<span><!-- open",
    "--> </span> <i>x",
    "# Heading",
    "## Sub #",
    "> quote",
    "> > nested",
    "***",
    "---",
    "___",
    "[ref]: https://r.example/x 'T'",
    "[a][ref] and [ref] and [b]",
    "[text [nested] more](https://x.example/(a)) tail",
    "![img](p.png 'title') [![b](c.png)](https://d.example)",
    "[a](<https://e.example/x y>)",
    "[x](y \"t (p)\") [z](w 'q')",
    "| a | b |",
    "| --- | :-: |",
    "| 1 | 2 |",
    "|one|",
    "|---|",
    "- item",
    "1. one",
    "    code",
    "```",
    "text with *em* and `code` and <b>raw</b>",
    "Setext",
    "===",
    "<div>",
    "</div>",
    "",
]


@contextlib.contextmanager
def python_markdowns_own_scans() -> Iterator[None]:
    """Python-Markdown's HTML scans as shipped (gfm.py bounds them process-wide)."""
    from markdown import htmlparser

    from seminar_gui.core import gfm

    regex = htmlparser.htmlparser.locatestarttagend_tolerant
    method = htmlparser.HTMLExtractor.inline_close_follows
    htmlparser.htmlparser.locatestarttagend_tolerant = regex.pattern
    htmlparser.HTMLExtractor.inline_close_follows = gfm._ORIGINAL_INLINE_CLOSE_FOLLOWS
    try:
        yield
    finally:
        htmlparser.htmlparser.locatestarttagend_tolerant = regex
        htmlparser.HTMLExtractor.inline_close_follows = method


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(MARKDOWN_PIECES), max_size=25).map("\n".join))
def test_the_bounded_scans_render_like_python_markdown(text: str) -> None:
    ours, theirs = new_markdown(), _unbounded_markdown()
    mine = [ours.convert(text), ours.convert(text * 3)]  # * 3: the suffix memo across blocks
    with python_markdowns_own_scans():
        assert mine == [theirs.convert(text), theirs.convert(text * 3)]
