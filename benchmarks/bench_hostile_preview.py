"""Hostile READMEs in the live preview: time from document to painted page.

For each page (the issue's list of hostile inputs, the demo and the 20-year archive) the
real PreviewView renders what it shows (the semester on show, the newest; a page
without semesters: its preamble): Markdown + sanitizing (HtmlRenderer.render) + setHtml +
layout + paint (``document().size()``, ``processEvents()``, ``viewport().repaint()``).
A fresh view each time (nothing cached), the median of RUNS runs.  Target: every page
within 200 ms in all ("total ms"); Markdown time is bounded by the block limits of
core/render.py (BLOCK_MARKDOWN_MS a block, MAX_BLOCK_TAGS, MAX_BLOCK_CHARS), layout by
the sanitizer's (the window renders long pages in passes of about 200 ms, measured in
the last rows).

Run:  python benchmarks/bench_hostile_preview.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_tmp = Path(tempfile.mkdtemp())
os.environ.setdefault("SEMINAR_GUI_CONFIG_DIR", str(_tmp / "config"))
os.environ.setdefault("SEMINAR_GUI_STATE_DIR", str(_tmp / "state"))
sys.path.insert(0, str(Path(__file__).parent))

from archive import make_archive  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from seminar_gui.core.demo import load_demo  # noqa: E402
from seminar_gui.core.model import Document, FreeSection, Semester  # noqa: E402
from seminar_gui.core.render import full_html  # noqa: E402
from seminar_gui.qt.document import ProjectDocument  # noqa: E402
from seminar_gui.qt.preview.view import PreviewView  # noqa: E402
from seminar_gui.qt.selection import Selection  # noqa: E402

RUNS = 3
TARGET_MS = 200.0
KB = 1024


def site() -> Path:
    """A site folder with an image, a FIFO and a FIFO outside it."""
    folder = _tmp / "site"
    (folder / "slides").mkdir(parents=True, exist_ok=True)
    (_tmp / "outside").mkdir(exist_ok=True)
    for fifo in (folder / "fifo.png", _tmp / "outside" / "fifo.png"):
        if not fifo.exists():
            os.mkfifo(fifo)
    return folder


def page(html: str) -> Document:
    return Document(preamble=html + "\n\nEnd of the page.\n")


def sections(body: str, count: int) -> Document:
    """``count`` semesters with a free section holding ``body`` each (many blocks)."""
    return Document(
        semesters=[
            Semester(title=f"{2025 - i} Fall", sections=[FreeSection(heading="Part", body=body)])
            for i in range(count)
        ]
    )


def nested_tables(levels: int) -> str:
    return "<table><tr><td>" * levels + "x" + "</td></tr></table>" * levels


def html_table(rows: int, cols: int) -> str:
    row = "<tr>" + "<td>x</td>" * cols + "</tr>"
    return "<table>" + row * rows + "</table>"


def pipe_table(rows: int, cols: int) -> str:
    head = "|" + "h|" * cols + "\n|" + "-|" * cols + "\n"
    return head + ("|" + "x|" * cols + "\n") * rows


def nested_list(levels: int) -> str:
    return "".join("  " * i + "- x\n" for i in range(levels))


PAGES: dict[str, Callable[[], Document]] = {
    "demo": load_demo,
    "20-year archive": make_archive,
    "img /etc/passwd, /dev/zero, FIFOs": lambda: page(
        '<img src="/etc/passwd"> <img src="/dev/zero"> <img src="fifo.png"> '
        f'<img src="{_tmp}/outside/fifo.png"> <img src="../outside/fifo.png"> '
        '<table background="fifo.png"><tr><td background="/dev/zero">x</td></tr></table>'
    ),
    "css @import, <style>, <link>": lambda: page(
        "<style>@import url(/dev/zero); * { font-size: 90px }</style><p>x</p><link>"
    ),
    "nested tables, 20 levels (665 B)": lambda: page(nested_tables(20)),
    "nested tables, 200 levels": lambda: page(nested_tables(200)),
    "HTML table 1000x100 (1 MB, one block)": lambda: page(html_table(1000, 100)),
    "HTML table 1000x100, 100 sections": lambda: sections(html_table(10, 100), 100),
    "Markdown table 150x100 (30 KB)": lambda: page(pipe_table(150, 100)),
    "250 nested Markdown lists (64 KB)": lambda: page(nested_list(250)),
    "'- ' x 500 (RecursionError)": lambda: page("- " * 500 + "x"),
    "100 nested Markdown lists": lambda: page(nested_list(100)),
    "10,000 nested <ul><li>": lambda: page("<ul><li>" * 10_000 + "x"),
    "1,000 nested > quotes": lambda: page(">" * 1000 + " x"),
    "colspan=100000 x 50": lambda: page(
        "<table>" + "<tr><td colspan=100000>x</td></tr>" * 50 + "</table>"
    ),
    "800 images 2000x2000": lambda: page('<img src="a.png" width=2000 height=2000>' * 800),
    "31 KB of '['": lambda: page("[" * (31 * KB)),
    "31 KB of '*a'": lambda: page("*a" * (31 * KB // 2)),
    "31 KB of '>'": lambda: page(">" * (31 * KB)),
    "31 KB of '<a '": lambda: page("<a " * (31 * KB // 3)),
    "31 KB of '[a](x \"y) '": lambda: page('[a](x "y) ' * (31 * KB // 10)),
    "31 KB of '***' lines": lambda: page("***\n" * (31 * KB // 4)),
    "10 MB line of '['": lambda: page("[" * (10 * KB * KB)),
    "40 sections of 100x20 tables": lambda: sections(html_table(100, 20), 40),
    "40 sections of 15x5 tables (legit)": lambda: sections(pipe_table(15, 5), 40),
    "one 100x20 table": lambda: page(html_table(100, 20)),
    "31 KB word in 32 nested lists": lambda: page("<ul><li>" * 32 + "x" * (31 * KB)),
}

PASSES: dict[str, Callable[[], Document]] = {
    "64 sections x 31 KB of '>'": lambda: sections(">" * (31 * KB), 64),
    "200 sections x 5 KB of '*a'": lambda: sections("*a" * (2560), 200),
    "20-year archive": make_archive,
}


def open_view(doc: Document, folder: Path) -> PreviewView:
    """A fresh preview of ``doc`` (its project saved in ``folder``), shown."""
    document = ProjectDocument(doc)
    document.reset(doc, folder / "project.json")
    view = PreviewView(document, Selection(document))
    view.resize(700, 900)
    view.show()
    return view


def close_view(app: QApplication, view: PreviewView) -> None:
    view.close()
    view.deleteLater()
    app.processEvents()


def measure(app: QApplication, doc: Document, folder: Path) -> tuple[float, float, str]:
    """(Markdown + sanitize ms, setHtml + layout + paint ms, what shows at the end)."""
    view = open_view(doc, folder)
    app.processEvents()
    start = time.perf_counter()
    # What the window shows: the semester on show (the newest), or the preamble alone.
    body = view.renderer.render(view.document_.doc, semester_id=view.selection.semester_id)
    html = full_html(body)
    rendered = time.perf_counter()
    view.setHtml(html)
    view.document().size()
    app.processEvents()
    view.viewport().repaint()
    painted = time.perf_counter()
    tail = view.toPlainText().strip().splitlines()[-1:] or [""]
    close_view(app, view)
    return (rendered - start) * 1000, (painted - rendered) * 1000, tail[0][:40]


def passes(app: QApplication, doc: Document, folder: Path) -> tuple[int, float, float]:
    """How the window renders a long page: (passes, longest pass ms, total ms)."""
    view = open_view(doc, folder)
    times: list[float] = []
    start = time.perf_counter()
    while True:
        begin = time.perf_counter()
        view._render_pass()
        view.document().size()
        view.viewport().repaint()
        times.append((time.perf_counter() - begin) * 1000)
        if not view.renderer.stats.pending:
            break
    total = (time.perf_counter() - start) * 1000
    close_view(app, view)
    return len(times), max(times), total


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = site()
    print(f"{'page':36s} {'markdown ms':>12s} {'qt ms':>8s} {'total ms':>9s}  last line shown")
    worst = 0.0
    for name, make in PAGES.items():
        doc = make()
        runs = [measure(app, doc, folder) for _ in range(RUNS)]
        markdown = statistics.median(r[0] for r in runs)
        qt = statistics.median(r[1] for r in runs)
        worst = max(worst, markdown + qt)
        mark = "" if markdown + qt <= TARGET_MS else "  <-- over target"
        print(f"{name:36s} {markdown:12.1f} {qt:8.1f} {markdown + qt:9.1f}  {runs[0][2]!r}{mark}")
    print(f"slowest page (Markdown + layout + paint): {worst:.1f} ms (target {TARGET_MS:.0f} ms)")
    print()
    print(f"{'long page, in passes':36s} {'passes':>7s} {'longest ms':>11s} {'total ms':>9s}")
    for name, make in PASSES.items():
        count, longest, total = passes(app, make(), folder)
        print(f"{name:36s} {count:7d} {longest:11.1f} {total:9.1f}")


if __name__ == "__main__":
    main()
