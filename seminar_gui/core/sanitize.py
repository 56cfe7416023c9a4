"""The preview's HTML made safe and cheap to lay out (no Qt).

The README may come from someone else.  Before the preview shows a block of rendered
README, :func:`sanitize_fragment` runs two passes over its HTML:

1. :class:`_Bounder`, a small linear tokenizer and tree builder of our own, rebuilds the
   markup in a canonical, well-nested form: only the tags and attributes of the
   allowlist (GitHub's, less what Qt cannot use), numbers clamped (``colspan``,
   ``width`` ...), no comments, no ``<script>``/``<style>``/``<textarea>``... content.
   It bounds the layout work Qt will do: elements nested deeper than :data:`MAX_DEPTH`
   (lists, quotes and tables deeper than :data:`MAX_INDENT`) are flattened (their
   text stays), tables deeper than :data:`MAX_TABLE_DEPTH` are flattened into their
   cell, a table that would bring the page above :data:`MAX_CELLS` cells is cut after
   the rows that fit, images beyond :data:`MAX_IMAGES` on the page show their alt
   text, and a run of more than :data:`MAX_RUN` characters without a space gets
   zero-width break opportunities (Qt lays out one long word in quadratic time).  A
   short note says where something was flattened or cut.
   (Qt's table layout doubles with each nesting level, and nh3's HTML parser is
   quadratic in the nesting depth: this pass runs first and never backtracks.)
2. ``nh3`` (Ammonia, a maintained sanitizer) parses the result as a browser would and
   keeps only the same allowlist; link targets keep the schemes http, https, mailto,
   in-page ``#`` fragments and relative paths, image sources http, https and relative.

Only the preview is sanitized: the exported README is never changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from html import escape, unescape
from typing import TYPE_CHECKING

# The budgets and the vocabulary of what this module makes (there for what needs
# only those: a start showing blocks kept from the last run).
from seminar_gui.core.safe_html import MAX_CELLS, MAX_IMAGES, PreviewNotes, SafeHtml

if TYPE_CHECKING:
    import nh3

__all__ = ["MAX_CELLS", "MAX_IMAGES", "PreviewNotes", "SafeHtml", "sanitize_fragment"]

MAX_DEPTH = 32  # nested elements (lists, quotes, tables, inline tags...) per block
MAX_INDENT = 12  # nested lists, quotes and tables (each narrows the text column)
MAX_TABLE_DEPTH = 2  # tables inside tables (Qt lays out a cell's content twice per level)
MAX_SPAN = 64  # colspan / rowspan
MAX_IMAGE_SIDE = 2000  # width / height of an image, in pixels
MAX_RUN = 100  # characters without a break: Qt lays out a longer run in quadratic time
BREAK = "\u200b"  # zero-width space: where Qt may break a long run

URL_SCHEMES = frozenset({"http", "https", "mailto"})

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_TABLE_PARTS = frozenset({"caption", "thead", "tbody", "tfoot", "tr", "td", "th"})
_ALIGN = frozenset({"left", "right", "center", "justify"})
_VALIGN = frozenset({"top", "middle", "bottom", "baseline"})

#: GitHub's allowlist (html-pipeline's SanitizationFilter), less the tags Qt's rich text
#: does not know and that carry nothing visible (picture/source, ruby, h7/h8).
TAGS = frozenset(
    {
        *_HEADINGS,
        *("a", "abbr", "b", "bdo", "blockquote", "br", "cite", "code", "dd", "del"),
        *("details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "hr", "i"),
        *("img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small"),
        *("span", "strike", "strong", "sub", "summary", "sup", "time", "tt", "ul", "var"),
        *("wbr", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th"),
    }
)
_VOID = frozenset({"br", "hr", "img", "wbr"})
#: Tags whose whole content is dropped with them (raw text in HTML, or never visible).
_RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"}
)
_FOREIGN = frozenset({"template", "svg", "math"})  # dropped with content unless self-closed
#: Start tags that close an open <p> (HTML's "close a p element"), and list items.
_CLOSES_P = frozenset(
    {
        *_HEADINGS,
        *("address", "article", "aside", "blockquote", "center", "details", "dialog"),
        *("dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "header"),
        *("hgroup", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "ul"),
        *("table", "hr", "li", "dd", "dt", "listing", "form"),
    }
)
#: Where the search for an open <p> (<li>, <dd>) to close stops (HTML's scopes).
_P_SCOPE = frozenset({"table", "td", "th", "caption"})
_LIST_SCOPE = _P_SCOPE | {"ul", "ol", "dl", "blockquote", "details"}

ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title", "target"}),
    "img": frozenset({"src", "alt", "title", "width", "height", "align"}),
    "ol": frozenset({"start"}),
    "td": frozenset({"colspan", "rowspan", "align", "valign"}),
    "th": frozenset({"colspan", "rowspan", "align", "valign"}),
    "details": frozenset({"open"}),
    **{tag: frozenset({"align"}) for tag in ("div", "p", "table", "thead", "tbody", "tr")},
    **{tag: frozenset({"align"}) for tag in _HEADINGS},
}

_INLINE = frozenset(
    {
        *("a", "abbr", "b", "bdo", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd"),
        *("mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup"),
        *("time", "tt", "var", "wbr", "img"),
    }
)
_INDENTING = frozenset({"ul", "ol", "blockquote", "dl", "dd", "table"})
_SPACE = re.compile(r"(\s+)")
_NAME = re.compile(r"([A-Za-z][^\s/<>]*)")
# What follows a tag's name up to its '>': quotes delimit a value only after '='.  Atomic
# groups and possessive repeats (no backtracking) keep the scan linear.
_TAG_REST = re.compile(r"""((?>=\s*+"[^"]*+"|=\s*+'[^']*+'|[^<>])*+)>""")
_ATTR = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>`=]+)))?""")
_NUMBER = re.compile(r"\s*\+?(\d{1,7})(?!\d)(%?)")
_SIGNED = re.compile(r"\s*([-+]?\d{1,7})(?!\d)")


@dataclass(slots=True)
class _Bounder:
    max_cells: int
    max_images: int
    notes: PreviewNotes
    out: list[str] = field(default_factory=list)
    stack: list[str] = field(default_factory=list)  # emitted, still open elements
    dropped: dict[str, int] = field(default_factory=dict)  # start tags dropped by depth
    tables: int = 0  # emitted tables open
    indent: int = 0  # emitted lists, quotes and tables open
    flat_tables: int = 0  # tables open that were flattened (too deep)
    cells: int = 0
    skipping: int = 0  # > 0: inside a table cut for too many cells (nested tables + 1)
    cut_at: int = 0  # stack length at the cut table
    nested: bool = False
    cut: bool = False
    images: int = 0
    images_cut: bool = False
    width: int = 0  # characters since the last whitespace (or block boundary)
    pre: int = 0  # open <pre> elements (their lines do not wrap)

    def run(self, html: str) -> str:
        pos, n = 0, len(html)
        while pos < n:
            lt = html.find("<", pos)
            if lt < 0:
                self.text(html[pos:])
                break
            if lt > pos:
                self.text(html[pos:lt])
            pos = self.markup(html, lt)
        self.close_to(0)
        if self.nested:
            self.out.append(f"<p><em>{escape(self.notes.nested)}</em></p>")
        if self.images_cut:
            note = self.notes.images_cut.format(images=f"{MAX_IMAGES:,}")
            self.out.append(f"<p><em>{escape(note)}</em></p>")
        return "".join(self.out)

    # ----------------------------------------------------------- tokens
    def markup(self, html: str, lt: int) -> int:
        """Handle what starts with '<' at ``lt``; return where the next token starts."""
        if html.startswith("<!--", lt):
            end = html.find("-->", lt + 4)
            return len(html) if end < 0 else end + 3  # comments are dropped
        if html.startswith(("<!", "<?"), lt) or html.startswith("</", lt):
            closing = html.startswith("</", lt)
            m = _NAME.match(html, lt + 2) if closing else None
            if not m:  # a declaration, <?...> or a bogus </...>: dropped up to '>'
                if html.startswith("</>", lt):
                    return lt + 3
                end = html.find(">", lt + 2)
                return len(html) if end < 0 else end + 1
            rest = _TAG_REST.match(html, m.end())
            if not rest:
                self.text("<")
                return lt + 1
            self.end_tag(m.group(1).lower())
            return rest.end()
        m = _NAME.match(html, lt + 1)
        rest = _TAG_REST.match(html, m.end()) if m else None
        if not m or not rest:
            self.text("<")
            return lt + 1
        name = m.group(1).lower()
        self_closed = rest.group(1).rstrip().endswith("/")
        if name in _RAW_TEXT or (name in _FOREIGN and not self_closed):
            close = re.compile(rf"</{re.escape(name)}[\s/>]", re.IGNORECASE).search(
                html, rest.end()
            )
            end = html.find(">", close.start()) if close else -1
            return len(html) if end < 0 else end + 1  # dropped with all it holds
        if name == "plaintext":
            return len(html)
        self.start_tag(name, rest.group(1))
        return rest.end()

    def text(self, text: str) -> None:
        if self.skipping:
            return
        text = text.replace("<", "&lt;").replace(">", "&gt;")
        if self.pre:
            self.out.append(text)
            return
        parts = _SPACE.split(text)  # words and the whitespace between them
        if len(parts) == 1 and self.width + len(text) <= MAX_RUN:
            self.width += len(text)
            self.out.append(text)
            return
        for i, part in enumerate(parts):
            if i % 2:  # whitespace
                self.width = 0
                self.out.append(part)
            elif self.width + len(part) <= MAX_RUN:
                self.width += len(part)
                self.out.append(part)
            else:
                self.out.append(self.break_run(part))

    def break_run(self, word: str) -> str:
        """``word`` with a zero-width space every MAX_RUN characters of the run."""
        pieces: list[str] = []
        i = 0
        while len(word) - i + self.width > MAX_RUN:
            j = i + MAX_RUN - self.width
            amp = word.rfind("&", max(i, j - 12), j)
            if amp >= 0 and word.find(";", amp, j) < 0:
                j = amp  # do not cut a character reference
                if j == i:
                    j = (word.find(";", amp) + 1) or len(word)
            pieces += [word[i:j], BREAK]
            i, self.width = j, 0
        pieces.append(word[i:])
        self.width += len(word) - i
        return "".join(pieces)

    # ------------------------------------------------------------- tags
    def start_tag(self, name: str, attrs: str) -> None:
        if self.skipping:
            if name == "table":
                self.skipping += 1
            return
        if name not in TAGS:
            return  # the tag goes, its content stays
        if name not in _INLINE:
            self.width = 0
        if name in _CLOSES_P:
            self.close_open(("p",), _P_SCOPE)
        if name == "li":
            self.close_open(("li",), _LIST_SCOPE)
        elif name in ("dd", "dt"):
            self.close_open(("dd", "dt"), _LIST_SCOPE)
        elif name in _HEADINGS and self.stack and self.stack[-1] in _HEADINGS:
            self.close_to(len(self.stack) - 1)
        elif name in _TABLE_PARTS and not self.table_part(name):
            return
        values = self.attributes(name, attrs)
        if name in ("td", "th") and not self.flat_tables:
            span = int(values.get("colspan", "1"))
            if self.cells + span > self.max_cells:
                self.cut_table()
                return
            self.cells += span
        if name == "table":
            if (
                self.tables >= MAX_TABLE_DEPTH
                or self.flat_tables
                or len(self.stack) >= MAX_DEPTH
                or self.indent >= MAX_INDENT
            ):
                self.flat_tables += 1
                self.nested = True
                return
            self.cells += 1  # a table costs layout even without cells
        if name == "img":
            if self.images >= self.max_images:
                self.images_cut = True
                self.text(values.get("alt", ""))
                return
            self.images += 1
            self.width += 10  # a run of images without a break is one long word
            if self.width > MAX_RUN:
                self.out.append(BREAK)
                self.width = 10
        if name in _VOID:
            self.emit_start(name, values)
            return
        indenting = name in _INDENTING
        if len(self.stack) >= MAX_DEPTH or (indenting and self.indent >= MAX_INDENT):
            self.dropped[name] = self.dropped.get(name, 0) + 1
            self.nested = True
            return
        self.indent += indenting
        if name == "table":
            self.tables += 1
        elif name == "pre":
            self.pre += 1
        self.emit_start(name, values)
        self.stack.append(name)

    def table_part(self, name: str) -> bool:
        """Whether a table part is kept (inside a table that is not flattened)."""
        if self.flat_tables:
            if name in ("td", "th"):
                self.out.append(" ")
            elif name == "tr":
                self.out.append("<br>")
            return False
        if not self.tables:
            return False  # a cell outside any table: HTML ignores it
        table = len(self.stack) - 1 - self.stack[::-1].index("table")
        if name in ("td", "th", "tr"):
            closes = {"td", "th"} if name in ("td", "th") else {"td", "th", "tr"}
            for i in range(len(self.stack) - 1, table, -1):
                if self.stack[i] in closes:
                    self.close_to(i)
                    break
        else:
            for i in range(len(self.stack) - 1, table, -1):
                if self.stack[i] in ("thead", "tbody", "tfoot", "caption"):
                    self.close_to(i)
                    break
        return True

    def cut_table(self) -> None:
        """Too many cells: drop the rest of the innermost table, say so after it."""
        self.cut = True
        self.skipping = 1
        self.cut_at = len(self.stack) - 1 - self.stack[::-1].index("table")

    def end_tag(self, name: str) -> None:
        if self.skipping:
            if name == "table":
                self.skipping -= 1
                if not self.skipping:
                    self.close_to(self.cut_at)
                    note = self.notes.table_cut.format(cells=f"{MAX_CELLS:,}")
                    self.out.append(f"<p><em>{escape(note)}</em></p>")
            return
        if name == "table" and self.flat_tables:
            self.flat_tables -= 1
            return
        if self.flat_tables and name in _TABLE_PARTS:
            return
        if self.dropped.get(name):
            self.dropped[name] -= 1
            return
        for i in range(len(self.stack) - 1, max(-1, len(self.stack) - 1 - MAX_DEPTH), -1):
            if self.stack[i] == name:
                self.close_to(i)
                return

    def close_open(self, names: tuple[str, ...], boundaries: frozenset[str]) -> None:
        """Close the innermost open element named ``names`` unless a boundary comes first."""
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i] in names:
                self.close_to(i)
                return
            if self.stack[i] in boundaries:
                return

    def close_to(self, depth: int) -> None:
        """Close the open elements down to ``depth`` (that many stay open)."""
        if self.skipping and depth <= self.cut_at:
            self.skipping = 0  # the end of the block ends the cut table too
            self.close_to(self.cut_at)
            note = self.notes.table_cut.format(cells=f"{MAX_CELLS:,}")
            self.out.append(f"<p><em>{escape(note)}</em></p>")
        while len(self.stack) > depth:
            name = self.stack.pop()
            self.indent -= name in _INDENTING
            if name == "table":
                self.tables -= 1
            elif name == "pre":
                self.pre -= 1
            if name not in _INLINE:
                self.width = 0
            self.out.append(f"</{name}>")

    def emit_start(self, name: str, values: dict[str, str]) -> None:
        attrs = "".join(f' {k}="{escape(v)}"' for k, v in values.items())
        self.out.append(f"<{name}{attrs}>")

    @staticmethod
    def attributes(name: str, attrs: str) -> dict[str, str]:
        allowed = ATTRIBUTES.get(name)
        if not allowed or not attrs:
            return {}
        values: dict[str, str] = {}
        for m in _ATTR.finditer(attrs):
            key = m.group(1).lower()
            if key not in allowed or key in values:
                continue
            raw = m.group(2) if m.group(2) is not None else m.group(3)
            raw = raw if raw is not None else (m.group(4) or "")
            value = _attribute_value(key, unescape(raw))
            if value is not None:
                values[key] = value
        return values


def _attribute_value(key: str, raw: str) -> str | None:
    """The attribute's value as the preview keeps it, or None to drop it."""
    if key in ("colspan", "rowspan"):
        m = _NUMBER.match(raw)
        return str(min(max(int(m.group(1)), 1), MAX_SPAN)) if m else None
    if key in ("width", "height"):
        m = _NUMBER.match(raw)
        if not m:
            return None
        if m.group(2):
            return f"{min(int(m.group(1)), 100)}%"
        return str(min(int(m.group(1)), MAX_IMAGE_SIDE))
    if key == "start":
        m = _SIGNED.match(raw)
        return str(int(m.group(1))) if m else None
    if key == "align":
        value = raw.strip().lower()
        return value if value in _ALIGN else None
    if key == "valign":
        value = raw.strip().lower()
        return value if value in _VALIGN else None
    if key == "target":
        return "_blank" if raw.strip().lower() == "_blank" else None
    return raw[:4096] if key in ("href", "src") else raw[:1024]


@cache
def _cleaner() -> nh3.Cleaner:
    """nh3's cleaner, made (and nh3 imported: 1.4 MiB) at the first block rendered: a
    start that shows stored blocks needs none."""
    import nh3

    return nh3.Cleaner(
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


def sanitize_fragment(
    html: str,
    max_cells: int = MAX_CELLS,
    notes: PreviewNotes | None = None,
    max_images: int = MAX_IMAGES,
) -> SafeHtml:
    """``html`` (a block of rendered README) as the preview may show it.

    Linear in the length of ``html``; the result nests at most :data:`MAX_DEPTH`
    elements and :data:`MAX_TABLE_DEPTH` tables, and holds at most ``max_cells``
    table cells.
    """
    bounder = _Bounder(max(0, max_cells), max(0, max_images), notes or PreviewNotes())
    clean = _cleaner().clean(bounder.run(html))
    return SafeHtml(clean, bounder.cells, clean.count("<"), bounder.images)
