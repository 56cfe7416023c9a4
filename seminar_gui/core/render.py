"""The exported README as HTML for the live preview, as GitHub shows it (no Qt).

:func:`iter_blocks` splits the README into blocks (preamble; per semester: heading with
intro and sections before the schedule, schedule heading, each session, sections after).
Each starts with a heading after a blank line (but the preamble), so rendering them one by
one gives what rendering the whole README gives; :class:`HtmlRenderer` caches each block's
HTML by its Markdown and shares link reference definitions between blocks.  Python-Markdown
is configured and patched (:class:`_GitHubFlavour`) to parse like GitHub (CommonMark/GFM).

The README may come from someone else, so what :class:`HtmlRenderer` returns is bounded
and safe to show: each block's HTML goes through :func:`~seminar_gui.core.sanitize.
sanitize_fragment` (allowlisted tags and attributes, bounded nesting, at most
:data:`~seminar_gui.core.sanitize.MAX_CELLS` table cells on the page); a block that
Python-Markdown cannot render (``RecursionError`` on deeply nested lists, any other
error), that takes Python-Markdown longer than :data:`BLOCK_MARKDOWN_MS`, whose HTML
has more than :data:`MAX_BLOCK_TAGS` tags (Qt's layout time) or that is longer than
:data:`MAX_BLOCK_CHARS` shows its Markdown as plain text with a note, and the rest of
the page still shows; after :data:`MAX_PAGE_CHARS` of
Markdown, :data:`MAX_PAGE_HTML` of HTML or :data:`MAX_PAGE_TAGS` tags the page ends
with a note.  Python-Markdown's scans that are quadratic on
hostile input (an unclosed ``[`` or ``](`` before every character, a start tag that
never ends) are bounded.  :func:`render_markdown` and the exported README are unchanged.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources
from typing import Literal, TypeVar
from xml.etree import ElementTree as etree

import markdown
from markdown import htmlparser as _md_htmlparser
from markdown.blockprocessors import (
    BlockQuoteProcessor,
    HashHeaderProcessor,
    HRProcessor,
    ReferenceProcessor,
)
from markdown.extensions import Extension
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension, TableProcessor
from markdown.inlinepatterns import (
    InlineProcessor,
    LinkInlineProcessor,
    SimpleTagInlineProcessor,
)
from markdown.preprocessors import Preprocessor
from markdown.util import AtomicString

from seminar_gui.core.model import Document, Semester, Session, Style
from seminar_gui.core.readme.export import (
    export_session,
    schedule_heading,
    semester_head,
    semester_tail,
)
from seminar_gui.core.sanitize import (
    MAX_CELLS,
    MAX_IMAGES,
    PreviewNotes,
    SafeHtml,
    sanitize_fragment,
)

MAX_BLOCK_CHARS = 32 * 1024  # Markdown of one block rendered (longer: shown as text)
MAX_PAGE_CHARS = 1024 * 1024  # Markdown of the whole page (the 20-year archive: 290 KB)
MAX_PAGE_HTML = 1536 * 1024  # HTML of the whole page (the archive: 400 KB; Qt ~0.4 ms/KB)
MAX_PAGE_TAGS = 80_000  # start and end tags on the page (the archive: 23,000)
MAX_CACHED_BLOCKS = 4000  # rendered blocks kept (the 20-year archive has 720)
MAX_CACHED_HTML = 16 * 1024 * 1024  # and their HTML (the archive: 400 KB)
_LINK_WINDOW = 512  # characters a link's text or destination may span
_LINK_MARKS = 16  # brackets or parentheses inside one link's text or destination
_START_TAG_WINDOW = 2048  # characters a raw HTML start tag may span
_CLOSE_WINDOW = 4096  # characters after a comment searched for its inline tag's end

BlockKind = Literal["preamble", "semester", "schedule", "session", "after"]


def session_anchor(session_id: str) -> str:
    """The ``<a name>`` in a session's ``<h3>`` (for QTextBrowser.scrollToAnchor)."""
    return f"session-{session_id}"


def semester_anchor(semester_id: str) -> str:
    """The ``<a name>`` in a semester's ``<h1>``."""
    return f"semester-{semester_id}"


def anchor_target(name: str) -> tuple[Literal["session", "semester"], str] | None:
    """``("session", id)`` for :func:`session_anchor`'s names, likewise semesters."""
    kind, _, ident = name.partition("-")
    if ident and kind in ("session", "semester"):
        return kind, ident  # type: ignore[return-value]
    return None


@dataclass(frozen=True, slots=True)
class Block:
    """A piece of the README rendered alone; all ``sep + markdown`` + "\n" = the README."""

    kind: BlockKind
    owner: str  # the semester's or session's id ("" for the preamble)
    markdown: str
    sep: str  # what stands before the block in the README


SessionCache = dict[tuple[int, int], tuple[Session, Style, str]]


@dataclass(frozen=True, slots=True)
class PagePart:
    """One block of the rendered page (or a note of the renderer: kind "note")."""

    kind: BlockKind | Literal["note"]
    owner: str
    html: str


def iter_blocks(
    doc: Document, cache: SessionCache | None = None, only: str | None = None
) -> Iterator[Block]:
    """The README's blocks in order, written by readme_export's own functions.

    ``cache`` maps (session, style) objects to their Markdown: documents are immutable
    values, so a session object that is still there has not changed.  The caller
    passes the same dict each time; it is refilled with what this call used.
    ``only``: the blocks of that semester (after the preamble when it is the newest).
    """
    old = dict(cache) if cache is not None else {}
    if cache is not None:
        cache.clear()
    style = doc.style
    sep = ""
    newest = doc.semesters[0].id if doc.semesters else None
    if doc.preamble and (only is None or only == newest):
        yield Block("preamble", "", doc.preamble, sep)
        sep = "\n\n"
    for sem in doc.semesters:
        if only is not None and sem.id != only:
            continue
        yield Block("semester", sem.id, semester_head(sem), sep)
        yield Block("schedule", sem.id, schedule_heading(sem), "\n\n")
        sep = "\n"
        for session in sem.sessions:
            key = (id(session), id(style))
            hit = old.get(key)
            text = hit[2] if hit else export_session(session, style)
            if cache is not None:
                cache[key] = (session, style, text)  # keeps the objects: ids stay unique
            yield Block("session", session.id, text, sep)
            sep = "\n\n"
        tail = semester_tail(sem)
        if tail:
            yield Block("after", sem.id, tail, "\n\n")
        sep = "\n\n"


# GitHub emulation -------------------------------------------------------------
_REF = ReferenceProcessor.RE
_ITEM = re.compile(r"( *)([-+*]|(\d{1,9})[.)])( +|$)")
_HR = re.compile(r" {0,3}([-*_])( *\1){2,} *$")
_HEADING = re.compile(r" {0,3}#{1,6}( |$)")
_HASH_WORD = re.compile(r"( {0,3}(?:(?:[-+*]|\d{1,9}[.)]) +)?)(#{1,6}[^#\s])")
_DELIM_ROW = re.compile(r" {0,3}\|? *:?-+:? *(\| *:?-+:? *)*\|? *$")
# CommonMark's HTML block type 6 (ends at a blank line), tags Python-Markdown has as blocks
_HTML_BLOCK = re.compile(
    r" {0,3}</?(address|article|aside|blockquote|body|center|colgroup|dd|details|div|dl|dt|"
    r"fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|html|iframe|legend|li|main|"
    r"menu|nav|ol|option|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)(\s|/?>|$)",
    re.IGNORECASE,
)


class _GfmLines(Preprocessor):
    """Rewrites lines (after fenced code is stashed) where GitHub parses differently."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        state = "none"  # none | para | html
        cols: list[tuple[int, bool]] = []  # open list items: content column, ordered
        blank = False
        chunk = 0  # indentation of the first line after the last blank line
        html: list[str] = []
        for i, line in enumerate([*lines, ""]):  # the blank line ends an HTML block
            if state == "html":
                if line.strip():
                    html.append(line)
                    continue
                out += ["", self.md.htmlStash.store("\n".join(html)), ""]
                state, html = "none", []
            if not line.strip():
                out.append(line)
                blank, state = True, "none"
                continue
            indent = len(line) - len(line.lstrip(" "))
            item = None if _HR.match(line) else _ITEM.match(line)
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if line.endswith("\\") and not line.endswith("\\\\") and nxt.strip():
                line = line[:-1] + "  "  # CommonMark hard line break
            if cols and (item or not blank or indent >= cols[0][0]):
                last = None  # the previous item at this level
                while cols and indent < cols[-1][0] and (item or blank):
                    last = cols.pop()
                if item:  # nested by CommonMark columns; Python-Markdown wants 4 spaces
                    new = " " * (4 * len(cols))
                    other = last is not None and last[1] != _content_column(item)[1]
                    if not blank and (chunk > len(new) or other):
                        out.append("")  # Python-Markdown would go on with the chunk / list
                    out.append(new + _no_hash(line[indent:]))
                    cols.append(_content_column(item))
                elif indent >= cols[-1][0]:
                    extra = indent - cols[-1][0]
                    text = line[indent:] if extra >= 4 else _no_hash(line[indent:])
                    out.append(" " * (4 * len(cols) + extra) + text)
                else:
                    out.append(_no_hash(line))  # lazy continuation line
                if blank:
                    chunk = len(out[-1]) - len(out[-1].lstrip(" "))
                blank = False
                continue
            cols, blank = [], False
            if item and indent < 4 and (state != "para" or _interrupts(item)):
                if state == "para":
                    out.append("")  # GitHub: a list can interrupt a paragraph
                cols = [_content_column(item)]
                out.append(_no_hash(line[indent:]))
                state = "none"
                continue
            if _HTML_BLOCK.match(line):
                if state == "para":
                    out.append("")
                state, html = "html", [line]
                continue
            if _HEADING.match(line):
                state = "none"
            elif state != "para" or not (_DELIM_ROW.match(nxt) and "|" in line + nxt):
                line = _no_hash(line)
                state = "para"
            else:
                out.append("")  # GitHub: a table can interrupt a paragraph
            out.append(line)
        return out


def _no_hash(text: str) -> str:
    """CommonMark needs a space after a heading's #s; Python-Markdown does not."""
    return _HASH_WORD.sub(r"\1\\\2", text, count=1)


def _content_column(item: re.Match[str]) -> tuple[int, bool]:
    """Where the item's text starts, and whether the list is ordered."""
    width = len(item.group(1)) + len(item.group(2)) + max(1, len(item.group(4)))
    return width, item.group(3) is not None


def _interrupts(item: re.Match[str]) -> bool:
    """CommonMark: only a non-empty bullet or '1.' item can interrupt a paragraph."""
    return bool(item.group(4)) and item.group(3) in (None, "1")


class _BareUrl(InlineProcessor):
    """GFM's extended autolinks: https://... and www.... without <>."""

    ANCESTOR_EXCLUDES = ("a",)

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element, int, int]:
        url = m.group(0)
        while url.endswith(")") and url.count("(") < url.count(")"):
            url = url[:-1]
        el = etree.Element("a", href=url if "://" in url else "http://" + url)
        el.text = AtomicString(url)
        return el, m.start(0), m.start(0) + len(url)


# Bounded scans (hostile input) ------------------------------------------------
_BRACKETS = re.compile(r"[\[\]]")
_PARENS = re.compile(r"[()]")


def _bounded_get_text(data: str, index: int) -> tuple[str, int, bool]:
    """LinkInlineProcessor.getText in bounded time: the text between ``[`` and its ``]``.

    Python-Markdown walks to the end of the data from every ``[`` that has no ``]``
    (quadratic on ``[[[[...``); here a link's text ends within :data:`_LINK_WINDOW`
    characters and :data:`_LINK_MARKS` brackets, or it is no link (shown as typed).
    """
    depth = 1
    end = min(len(data), index + _LINK_WINDOW)
    for count, m in enumerate(_BRACKETS.finditer(data, index, end)):
        if count >= _LINK_MARKS:
            break
        depth += 1 if m.group() == "[" else -1
        if depth == 0:
            return data[index : m.start()], m.end(), True
    return "", index, False


def _bounded_get_link(
    original: Callable[[str, int], tuple[str, str | None, int, bool]],
) -> Callable[[str, int], tuple[str, str | None, int, bool]]:
    """LinkInlineProcessor.getLink on a window of the data (same reasons as above)."""

    def get_link(data: str, index: int) -> tuple[str, str | None, int, bool]:
        end = min(len(data), index + _LINK_WINDOW)
        depth = marks = 0
        for marks, m in enumerate(_PARENS.finditer(data, index, end), 1):
            depth += 1 if m.group() == "(" else -1
            if depth <= 0:
                break  # the destination may end here (or later, past a quoted ')')
            if marks >= _LINK_MARKS:
                return "", None, index, False
        if not marks:
            return "", None, index, False
        start = max(0, index - 1)  # the window keeps one character before: same matches
        href, title, at, handled = original(data[start:end], index - start)
        if at < 0:  # Python-Markdown's own end "-1" (its backtracking): from the data's end
            return href, title, at, handled and end == len(data)
        if handled and at + start <= index:
            return "", None, index, False  # no progress: the inline loop would never end
        return href, title, at + start, handled

    return get_link


class _BoundedStartTag:
    """Python-Markdown's start-tag regex, looking at most :data:`_START_TAG_WINDOW` ahead.

    ``html.parser`` (which Python-Markdown copies for raw HTML) matches the rest of the
    text from every ``<a `` that never closes: quadratic on ``<a <a <a ...``.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(string) if endpos is None else endpos
        return self.pattern.match(string, pos, min(end, pos + _START_TAG_WINDOW))


class _SuffixSearch:
    """A block processor's ``RE.search``, remembering where it matched in the last block.

    Python-Markdown takes a block apart line by line (rules, headings, quotes) and
    searches the rest of the block again each time: quadratic in the lines of a block.
    The rest is a suffix of the last block searched, starting after a newline, and
    these patterns anchor on line starts, so the first match in the rest is the first
    match in the last block, if that one lies in the rest (and none if there was none).
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._last: tuple[str, int] = ("", -1)

    def search(self, string: str, pos: int = 0) -> re.Match[str] | None:
        text, start = self._last
        skip = len(text) - len(string)
        m: re.Match[str] | None
        if not pos and skip > 0 and text[skip - 1] == "\n" and text.endswith(string):
            if start < 0:
                return None
            if start >= skip:
                m = self.pattern.search(string, start - skip)
                self._last = (string, m.start() if m else -1)
                return m
        m = self.pattern.search(string, pos)
        if not pos:
            self._last = (string, m.start() if m else -1)
        return m

    def __getattr__(self, name: str) -> object:
        return getattr(self.pattern, name)


def _table_test(
    original: Callable[[etree.Element, str], bool],
) -> Callable[[etree.Element, str], bool]:
    """TableProcessor.test on the block's first two lines (all it looks at but for
    single-column tables), not a split of the whole block after every line taken."""

    def test(parent: etree.Element, block: str) -> bool:
        head = block.split("\n", 2)
        if "|" not in head[0]:
            return False  # no table without a '|' in its header row
        if "|" not in head[0].strip(" ").strip("|"):
            return original(parent, block)  # a one-column table looks at every row
        return original(parent, "\n".join(head[:2]))

    return test


def _inline_close_follows(self: _md_htmlparser.HTMLExtractor, text: str) -> bool:
    """HTMLExtractor.inline_close_follows looking :data:`_CLOSE_WINDOW` ahead, once.

    For each comment inside open inline tags, Python-Markdown copies the rest of the
    text and searches it once per open tag (quadratic on ``<b>``x60 then comments).
    """
    if not self.inline_stack:
        return False
    begin = self.line_offset + self.offset + len(text)
    rest = _md_htmlparser.inner_blank_line_re.split(
        self.rawdata[begin : begin + _CLOSE_WINDOW], maxsplit=1
    )[0]
    names = "|".join(re.escape(tag) for tag in set(self.inline_stack))
    return re.search(rf"</\s*(?:{names})\s*>", rest, re.IGNORECASE) is not None


_tolerant = _md_htmlparser.htmlparser.locatestarttagend_tolerant
if not isinstance(_tolerant, _BoundedStartTag):
    _md_htmlparser.htmlparser.locatestarttagend_tolerant = _BoundedStartTag(_tolerant)
_ORIGINAL_INLINE_CLOSE_FOLLOWS = getattr(_md_htmlparser.HTMLExtractor, "inline_close_follows", None)
if _ORIGINAL_INLINE_CLOSE_FOLLOWS not in (None, _inline_close_follows):
    _md_htmlparser.HTMLExtractor.inline_close_follows = _inline_close_follows  # type: ignore[method-assign]


_SEARCHING = (HashHeaderProcessor, BlockQuoteProcessor, ReferenceProcessor)
WORK_PER_CHAR = 8  # pattern and block tests per character of a block (hostile: <= 3)
BLOCK_MARKDOWN_MS = 80  # Markdown time of one block (a normal block: under 20 ms)
MAX_BLOCK_TAGS = 10_000  # tags of one block's HTML (Qt lays out ~100 per ms; a term ~600)
_Matched = tuple[etree.Element | str | None, int | None, int | None]
_HandleMatch = Callable[[re.Match[str], str], _Matched]


_T = TypeVar("_T")


def _table_rows_shown(
    original: Callable[[etree.Element, list[str]], object],
) -> Callable[..., object]:
    """TableProcessor.run on the rows the page can show: the sanitizer keeps at most
    MAX_CELLS cells (and notes the cut), so rows beyond them (and a row more, for the
    note) are not parsed at all: a 15,000-cell table costs what MAX_CELLS cells cost."""

    def run(parent: etree.Element, blocks: list[str]) -> object:
        lines = blocks[0].split("\n")
        if len(lines) > 2:
            columns = max(1, len(lines[1].strip().strip("|").split("|")))
            keep = 2 + MAX_CELLS // columns + 2  # header, separator, the rows shown, one more
            if len(lines) > keep:
                blocks[0] = "\n".join(lines[:keep])
        return original(parent, blocks)

    return run


class TooComplex(Exception):
    """A block needed more pattern tests than :class:`Work` allows (a renderer loop)."""


class Work:
    """What Python-Markdown may still spend on the block it renders.

    Every inline pattern match and block test counts one; a normal block needs less than
    one per character, the most hostile ones found three.  When it runs out (a loop in
    the renderer, which a fuzzer found once), :class:`TooComplex` ends the block.  Also
    refuses a pattern match that does not move past its start: the inline processor
    would find it again forever.
    """

    def __init__(self, block_ms: float | None = BLOCK_MARKDOWN_MS) -> None:
        self.left = 0
        self.block_ms = block_ms  # None: no clock (the work count still holds)
        self.deadline = 0.0

    def start(self, text: str) -> None:
        self.left = WORK_PER_CHAR * len(text) + 10_000
        ms = self.block_ms
        self.deadline = float("inf") if ms is None else time.perf_counter() + ms / 1000

    def spend(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise TooComplex("more work than its length allows")
        if not self.left & 255 and time.perf_counter() > self.deadline:
            raise TooComplex("more time than a block may take")

    def ticking(self, original: Callable[..., _T]) -> Callable[..., _T]:
        """``original``, stopped by :class:`TooComplex` once the block's time is over
        (the clock is read every 64 calls)."""
        calls = 0

        def call(*args: object, **kwargs: object) -> _T:
            nonlocal calls
            calls += 1
            if not calls & 63 and time.perf_counter() > self.deadline:
                raise TooComplex("more time than a block may take")
            return original(*args, **kwargs)

        return call

    def inline(self, original: _HandleMatch) -> _HandleMatch:
        def handle_match(m: re.Match[str], data: str) -> _Matched:
            self.spend()
            node, start, end = original(m, data)
            if start is not None and end is not None and 0 <= end <= start:
                return None, None, None
            return node, start, end

        return handle_match

    def block(self, original: Callable[[etree.Element, str], bool]) -> Callable[..., bool]:
        def test(parent: etree.Element, block: str) -> bool:
            self.spend()
            return original(parent, block)

        return test


class _GitHubFlavour(Extension):
    def __init__(self, work: Work | None = None) -> None:
        super().__init__()
        self.work = work

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.register(_GfmLines(md), "gfm_lines", 22)  # after fenced code
        strike = SimpleTagInlineProcessor(r"(~~)(?=\S)(.+?)(?<=\S)~~", "del")
        md.inlinePatterns.register(strike, "gfm_strike", 65)
        url = r"(?<![^\s*_~(])(?:https?://|www\.)[^\s<]*[^\s<?!.,:*_~'\"]"
        md.inlinePatterns.register(_BareUrl(url, md), "gfm_url", 85)  # after raw HTML
        for pattern in md.inlinePatterns:
            if isinstance(pattern, LinkInlineProcessor):  # links, images, references
                pattern.getText = _bounded_get_text  # type: ignore[method-assign]
                pattern.getLink = _bounded_get_link(pattern.getLink)  # type: ignore[method-assign]
        for block in md.parser.blockprocessors:
            if isinstance(block, TableProcessor):
                block.test = _table_test(block.test)  # type: ignore[method-assign]
                block.run = _table_rows_shown(block.run)  # type: ignore[method-assign]
            if isinstance(block, HRProcessor):
                block.SEARCH_RE = _SuffixSearch(block.SEARCH_RE)  # type: ignore[assignment]
            elif isinstance(block, _SEARCHING):
                block.RE = _SuffixSearch(block.RE)  # type: ignore[assignment]
        if self.work is not None:
            for pattern in md.inlinePatterns:
                if isinstance(pattern, InlineProcessor):
                    pattern.handleMatch = self.work.inline(pattern.handleMatch)  # type: ignore[method-assign]
            for block in md.parser.blockprocessors:
                block.test = self.work.block(block.test)  # type: ignore[method-assign]
            # The inline pass tries every pattern on every piece of text (a 15,000-cell
            # table: 0.6 s without a single match): look at the clock there too.
            inline = md.treeprocessors["inline"]
            handle = inline._InlineProcessor__handleInline  # type: ignore[attr-defined]
            inline._InlineProcessor__handleInline = self.work.ticking(handle)  # type: ignore[attr-defined]


def _new_markdown(work: Work | None = None) -> markdown.Markdown:
    # No nl2br: GitHub keeps single newlines in READMEs as spaces.  Table alignment as
    # align= (the preview drops style= attributes).
    # Extension objects, not names: a name is looked up among the installed packages'
    # entry points, which reads every package's metadata (about 10 ms at each start).
    exts = [
        TableExtension(use_align_attribute=True),
        FencedCodeExtension(),
        SaneListExtension(),
        _GitHubFlavour(work),
    ]
    return markdown.Markdown(extensions=exts, output_format="html")


def render_markdown(text: str) -> str:
    """Render Markdown in one piece (no cache): a free section, or a whole README."""
    return _new_markdown().convert(text)


@dataclass(slots=True)
class RenderStats:
    """Figures of the last :meth:`HtmlRenderer.render`."""

    blocks_total: int = 0
    blocks_rendered: int = 0  # not found in the cache
    cache_size: int = 0
    blocks_failed: int = 0  # shown as plain text: Markdown failed, or the block is too long
    cells: int = 0  # table cells on the page
    pending: int = 0  # blocks left for the next pass (the time budget was spent)


class HtmlRenderer:
    """Incremental README -> safe HTML body fragment, caching the HTML of each block."""

    def __init__(
        self, notes: PreviewNotes | None = None, *, block_ms: float | None = BLOCK_MARKDOWN_MS
    ) -> None:
        """``block_ms``: Markdown time a block may take before it is shown as text
        (None: no limit but the work count; for tests of exact output)."""
        self.notes = notes or PreviewNotes()
        self._work = Work(block_ms)
        self._md = _new_markdown(self._work)
        self._cache: dict[str, tuple[SafeHtml, bool]] = {}
        self._sessions: SessionCache = {}
        self._refs: dict[str, list[_Ref]] = {}  # definitions by block Markdown
        self._semester_refs: dict[int, tuple[Semester, Style, list[_Ref]]] = {}
        self.stats = RenderStats()

    def clear(self) -> None:
        self._cache.clear()
        self._sessions.clear()
        self._refs.clear()
        self._semester_refs.clear()

    def render(
        self, doc: Document, budget: float | None = None, semester_id: str | None = None
    ) -> str:
        """The page's HTML (see :meth:`render_parts`)."""
        return "\n".join(part.html for part in self.render_parts(doc, budget, semester_id))

    def render_parts(
        self, doc: Document, budget: float | None = None, semester_id: str | None = None
    ) -> list[PagePart]:
        """The page's HTML, block by block.

        ``semester_id`` renders only that semester (with the preamble above it when it is
        the newest, as on GitHub); None: the whole README.  Link reference definitions
        count from the whole README either way.  With a ``budget`` (seconds), blocks not
        in the cache are rendered only while Markdown has used less than that: the others
        wait for the next call, with a note (``stats.pending`` counts them).
        """
        deadline = None if budget is None else time.perf_counter() + budget
        blocks = list(iter_blocks(doc, self._sessions, semester_id))
        refs = self._references(doc, blocks, semester_id)
        salt = repr(sorted(refs.items())) + "\0" if refs else ""
        cache: dict[str, tuple[SafeHtml, bool]] = {}  # only what this render uses
        parts: list[PagePart] = []
        rendered = failed = pending = 0
        cells_left, chars_left, html_left = MAX_CELLS, MAX_PAGE_CHARS, MAX_PAGE_HTML
        tags_left, images_left = MAX_PAGE_TAGS, MAX_IMAGES
        for block in blocks:
            size = min(len(block.markdown), MAX_BLOCK_CHARS)  # a longer one shows as text
            if size > chars_left or html_left < 0 or tags_left < 0:
                parts.append(PagePart("note", "", _note(self.notes.rest_too_long)))
                break
            chars_left -= size
            key = salt + block.markdown
            entry = cache.get(key) or self._cache.get(key)
            if entry is None:
                if deadline is not None and rendered and time.perf_counter() > deadline:
                    if not pending:
                        parts.append(PagePart("note", "", _note(self.notes.pending)))
                    pending += 1
                    continue
                entry = self._render_block(block.markdown, refs)
                rendered += 1
            cache[key] = entry
            safe, ok = entry
            failed += not ok
            if safe.cells > cells_left or safe.images > images_left:  # the page's budget
                safe = sanitize_fragment(safe.html, cells_left, self.notes, images_left)
            cells_left -= safe.cells
            images_left -= safe.images
            html_left -= len(safe.html)
            tags_left -= safe.tags
            parts.append(PagePart(block.kind, block.owner, _with_anchor(block, safe.html)))
        # Keep what other semesters used, so that switching back renders nothing again.
        if pending or semester_id is not None:
            merged = {k: v for k, v in self._cache.items() if k not in cache}
            merged.update(cache)  # the oldest first: evicted first
            size = sum(len(safe.html) for safe, _ in merged.values())
            while len(merged) > MAX_CACHED_BLOCKS or size > MAX_CACHED_HTML:
                key = next(iter(merged))
                if key in cache:
                    break  # never what this page shows
                size -= len(merged.pop(key)[0].html)
            cache = merged
        self._cache = cache
        cells = MAX_CELLS - cells_left
        self.stats = RenderStats(len(blocks), rendered, len(cache), failed, cells, pending)
        return parts

    def _references(
        self, doc: Document, blocks: list[Block], semester_id: str | None
    ) -> dict[str, tuple[str, str | None]]:
        """The link reference definitions of the whole README (GitHub applies each to
        the whole page), in README order.  ``blocks`` are those rendered; the other
        semesters' definitions are kept per semester object (an unchanged semester is
        the same object) and looked for only in semesters whose free text has "]:"."""
        known: dict[str, list[_Ref]] = {}  # by block Markdown, for the next call
        per_semester: dict[int, tuple[Semester, Style, list[_Ref]]] = {}

        def scan(markdown_text: str) -> list[_Ref]:
            if "]:" not in markdown_text:
                return []
            found = self._refs.get(markdown_text) or _definitions(markdown_text)
            known[markdown_text] = found
            return found

        shown = [d for b in blocks for d in scan(b.markdown)]
        ordered = shown
        if semester_id is not None:
            ordered = []
            newest = doc.semesters[0].id if doc.semesters else None
            if semester_id != newest:
                ordered += scan(doc.preamble)
            for sem in doc.semesters:
                if sem.id == semester_id:
                    ordered += shown
                    continue
                hit = self._semester_refs.get(id(sem))
                if hit is None or hit[0] is not sem or hit[1] is not doc.style:
                    blocks_of = iter_blocks(doc, None, sem.id) if _may_define(sem) else ()
                    defs = [d for b in blocks_of if b.kind != "preamble" for d in scan(b.markdown)]
                    hit = (sem, doc.style, defs)
                per_semester[id(sem)] = hit
                ordered += hit[2]
            self._semester_refs = per_semester
        self._refs = known
        return {label: (url, title) for label, url, title in ordered}

    def _render_block(
        self, text: str, refs: dict[str, tuple[str, str | None]]
    ) -> tuple[SafeHtml, bool]:
        """One block as safe HTML, and whether Markdown rendered it (else: plain text)."""
        if len(text) > MAX_BLOCK_CHARS:
            size, shown = -(-len(text.encode("utf-8")) // 1024), MAX_BLOCK_CHARS // 1024
            note = self.notes.too_long.format(size=f"{size:,}", shown=f"{shown:,}")
            return SafeHtml(_as_text(text[:MAX_BLOCK_CHARS], note)), False
        self._md.reset()
        self._md.references.update(refs)
        self._work.start(text)
        try:
            html = self._md.convert(text)
        except Exception as error:  # RecursionError (deep lists), TooComplex, a renderer bug
            self._md = _new_markdown(self._work)  # its state may be broken
            reason = type(error).__name__
            if isinstance(error, RecursionError):
                reason = self.notes.too_deep
            elif isinstance(error, TooComplex):
                reason = self.notes.too_complex
            return SafeHtml(_as_text(text, self.notes.not_rendered.format(reason=reason))), False
        safe = sanitize_fragment(html, MAX_CELLS, self.notes)
        if safe.tags > MAX_BLOCK_TAGS:  # Qt would lay it out for longer than a glance
            note = self.notes.not_rendered.format(reason=self.notes.too_complex)
            return SafeHtml(_as_text(text, note)), False
        return safe, True


_Ref = tuple[str, str, str | None]  # label (lower case), URL, title


def _definitions(markdown_text: str) -> list[_Ref]:
    """The link reference definitions in ``markdown_text``, in order."""
    return [
        (m.group(1).strip().lower(), m.group(2).strip("<>"), m.group(5) or m.group(6))
        for m in _REF.finditer(markdown_text)
    ]


def _may_define(semester: Semester) -> bool:
    """Whether the semester's README text may hold a link reference definition: only
    its free text can (the lines the exporter writes never start with "[")."""
    texts = [semester.intro, semester.schedule_intro]
    texts += [section.body for section in semester.sections]
    for session in semester.sessions:
        texts += [session.intro, session.trailer]
        texts += [text for topic in session.topics for text in topic.extra.values()]
    return any("]:" in text for text in texts)


def _note(text: str) -> str:
    return f"<p><em>{escape(text)}</em></p>"


def _as_text(markdown_text: str, note: str) -> str:
    """A block that is not rendered: its Markdown as preformatted text, and why."""
    return f"{_note(note)}\n<pre><code>{escape(markdown_text)}</code></pre>"


def _with_anchor(block: Block, html: str) -> str:
    """Name the session's <h3> (the semester's <h1>) inside the heading: no new block."""
    if block.kind == "session":
        name, tag = session_anchor(block.owner), "<h3>"
    elif block.kind == "semester":
        name, tag = semester_anchor(block.owner), "<h1>"
    else:
        return html
    anchor = f'<a name="{escape(name)}"></a>'
    if html.startswith(tag):
        return tag + anchor + html[len(tag) :]
    return anchor + html


@cache
def stylesheet() -> str:
    """The GitHub-like CSS (Qt rich-text subset) shipped as resources/github.css (read
    once: every preview update wraps its HTML in it)."""
    return resources.files("seminar_gui.resources").joinpath("github.css").read_text("utf-8")


def full_html(body: str) -> str:
    """A whole document for QTextBrowser.setHtml: the stylesheet in <style>, then body."""
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">\n'
        f"<style>\n{stylesheet()}</style>\n</head>\n<body>\n{body}\n</body></html>\n"
    )
