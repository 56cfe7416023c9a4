"""For any text, import succeeds or raises the project's import error with a line number."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seminar_gui.core.errors import ReadmeImportError
from seminar_gui.core.readme.export import export_readme
from seminar_gui.core.readme.importer import import_readme

# Pieces of real READMEs, so that random text often looks like a schedule.
PIECES = [
    "# 2025 Fall",
    "# Spring 2024",
    "## Schedule",
    "## Other",
    "### December 2",
    "### Feb 30",
    "### January 31st",
    "#### Topic I",
    "#### Topic II",
    "#### Keynote",
    "- 💡 ",
    "- 💡 [arXiv] [T: x](https://arxiv.org/abs/1)",
    "- 💡 [SOSP '25] Title",
    "- 💡 [a](b) tail",
    "- 💡 [[x]] (y)",
    "- 🙋‍♂️ A, B and C (X, Y)",
    "- ğŸ™â€â™‚ï¸ A",
    "- ✨ note",
    "- [📕 slides](./slides/251104-X.pdf),[📺 video](https://v?t=1)",
    "- [📕 slides](./a b.pdf)",
    "- [📺 video](x) [📺 video](y)",
    "<br><br>",
    "```",
    "<!--",
    "-->",
    "",
    "text",
    "\ufeff",
    "\r",
]

line = st.one_of(st.sampled_from(PIECES), st.text(max_size=30))
readme = st.lists(line, max_size=40).map("\n".join)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(readme)
def test_import_never_crashes(text: str) -> None:
    try:
        result = import_readme(text)
    except ReadmeImportError as exc:
        assert exc.line is not None and exc.line >= 1
        return
    out = export_readme(result.document)
    # The canonical form is a fixed point: importing it gives the same document back.
    again = import_readme(out)
    assert export_readme(again.document) == out
