"""What the preview shows of a block: sanitized HTML and what it holds, the notes in
place of what was cut, and the page's budgets (no Qt).

Kept apart from :mod:`seminar_gui.core.sanitize`, which makes these: a start that
finds its page among the blocks kept from the last run (``render.StoredBlocks``) needs
these names but neither the sanitizer nor ``html`` (~0.45 MiB).
"""

from __future__ import annotations

from typing import NamedTuple

MAX_CELLS = 600  # table cells on the page shown (a cell spanning n columns counts n; Qt lays
# out ~0.2 ms a cell with the preview's table style: 600 cells stay well within 200 ms)
MAX_IMAGES = 400  # images on the whole page (more are replaced by their alt text)


class PreviewNotes(NamedTuple):
    """What the preview says where it shows less than the README has (UI language)."""

    nested: str = "Parts of this section are nested too deeply to preview; shown flattened."
    table_cut: str = "Table cut: the preview shows at most {cells} table cells."
    not_rendered: str = "This part could not be previewed ({reason}); its Markdown is shown as is."
    too_deep: str = "nested too deeply"
    too_complex: str = "too complex"
    too_long: str = "Too long to preview ({size} KB); the first {shown} KB are shown as is."
    rest_too_long: str = "The rest of the README is too long to preview."
    pending: str = "Rendering the rest of the README…"
    images_cut: str = (
        "More images than the preview shows ({images} at most): the rest show their text."
    )


class SafeHtml(NamedTuple):
    """Sanitized HTML, the table cells and the tags it holds (for the page's budgets)."""

    html: str
    cells: int = 0
    tags: int = 0
    images: int = 0
