"""Speed of the live preview (README -> HTML), on the demo and on a 20-year archive.

Run:  python benchmarks/bench_render.py   (prints medians of 9 runs)
Target: a re-render after one keystroke <= 16 ms on the demo, and still fast on the
archive (the preview re-renders, debounced, after every keystroke).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from archive import make_archive, median_ms

from seminar_gui.core.demo import load_demo
from seminar_gui.core.gfm import render_markdown
from seminar_gui.core.model import Document
from seminar_gui.core.readme.export import export_readme
from seminar_gui.core.render import HtmlRenderer, iter_blocks

RUNS = 9


def retitled(doc: Document, title: str) -> Document:
    """The document with one paper title changed, as a new Document (like an edit)."""
    data = doc.model_dump(mode="json")
    data["semesters"][0]["sessions"][1]["topics"][0]["paper"]["title"] = title
    return Document.model_validate(data)


def bench(name: str, doc: Document, target: float | None) -> None:
    blocks = list(iter_blocks(doc))
    readme = export_readme(doc)
    print(f"{name}: {len(blocks)} blocks, README {len(readme) / 1024:.0f} KiB")

    first = median_ms(lambda: HtmlRenderer().render(doc))
    # Alternate between two versions that differ in one title: every run re-renders
    # exactly one block, from a cache warmed by the previous run.
    versions = [retitled(doc, "Edited: A Title"), retitled(doc, "Edited: A Title!")]
    renderer = HtmlRenderer()
    renderer.render(versions[1])
    turn = [0]

    def rerender() -> None:
        renderer.render(versions[turn[0] % 2])
        turn[0] += 1

    again = median_ms(rerender)
    assert renderer.stats.blocks_rendered == 1, renderer.stats
    rows = [
        ("first render (empty cache)", first, None),
        ("re-render, one title changed", again, target),
        ("  of which: blocks (export)", median_ms(lambda: list(iter_blocks(doc))), None),
        ("whole README in one piece", median_ms(lambda: render_markdown(readme)), None),
    ]
    for label, ms, goal in rows:
        verdict = (
            "" if goal is None else f"  (target <= {goal} ms: {'ok' if ms <= goal else 'MISSED'})"
        )
        print(f"  {label:30s} {ms:8.2f} ms{verdict}")


def main() -> None:
    bench("demo", load_demo(), 16)
    bench("20-year archive", make_archive(), 50)


if __name__ == "__main__":
    main()
