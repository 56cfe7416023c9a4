"""Python-Markdown configured and patched to parse like GitHub (CommonMark/GFM).

What :class:`~seminar_gui.core.render.HtmlRenderer` runs for a block it has not
rendered before, and :func:`render_markdown` for a whole text.  Python-Markdown is
imported only with this module: a start that finds every block of the page in the
renderer's stored blocks never imports it (about 30 ms of the window's start-up; the
window imports it once it is on screen, before the first edit needs it).

:class:`_GitHubFlavour` adds what GitHub has and Python-Markdown lacks (strikethrough,
bare URLs, CommonMark's list, heading and HTML-block rules) and bounds Python-Markdown's
scans that are quadratic on hostile input (an unclosed ``[`` or ``](`` before every
character, a start tag that never ends; the last one process-wide, when this module is
imported).  :class:`Work` ends a block that takes more pattern tests or time than its
length allows (:class:`TooComplex`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import TypeVar
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

from seminar_gui.core.sanitize import MAX_CELLS

Ref = tuple[str, str, str | None]  # a link reference definition: label (lower case), URL, title
_LINK_WINDOW = 512  # characters a link's text or destination may span
_LINK_MARKS = 16  # brackets or parentheses inside one link's text or destination
_START_TAG_WINDOW = 2048  # characters a raw HTML start tag may span
_CLOSE_WINDOW = 4096  # characters after a comment searched for its inline tag's end

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

    def __init__(self, block_ms: float | None) -> None:
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


def new_markdown(work: Work | None = None) -> markdown.Markdown:
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
    return new_markdown().convert(text)


def definitions(markdown_text: str) -> list[Ref]:
    """The link reference definitions in ``markdown_text``, in order."""
    return [
        (m.group(1).strip().lower(), m.group(2).strip("<>"), m.group(5) or m.group(6))
        for m in _REF.finditer(markdown_text)
    ]
