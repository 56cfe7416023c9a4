"""The exported README as HTML for the live preview, as GitHub shows it (no Qt).

:func:`iter_blocks` splits the README into blocks (preamble; per semester: heading with
intro and sections before the schedule, schedule heading, each session, sections after).
Each starts with a heading after a blank line (but the preamble), so rendering them one by
one gives what rendering the whole README gives; :class:`HtmlRenderer` caches each block's
HTML by its Markdown and shares link reference definitions between blocks.  Python-Markdown
is configured and patched (:class:`_GitHubFlavour`) to parse like GitHub (CommonMark/GFM).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from importlib import resources
from typing import Literal
from xml.etree import ElementTree as etree

import markdown
from markdown.blockprocessors import ReferenceProcessor
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor, SimpleTagInlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.util import AtomicString

from seminar_gui.core.model import Document, Session, Style
from seminar_gui.core.readme.export import (
    export_session,
    schedule_heading,
    semester_head,
    semester_tail,
)

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


def iter_blocks(doc: Document, cache: SessionCache | None = None) -> Iterator[Block]:
    """The README's blocks in order, written by readme_export's own functions.

    ``cache`` maps (session, style) objects to their Markdown: documents are immutable
    values, so a session object that is still there has not changed.  The caller
    passes the same dict each time; it is refilled with what this call used.
    """
    old = dict(cache) if cache is not None else {}
    if cache is not None:
        cache.clear()
    style = doc.style
    sep = ""
    if doc.preamble:
        yield Block("preamble", "", doc.preamble, sep)
        sep = "\n\n"
    for sem in doc.semesters:
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


class _GitHubFlavour(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.register(_GfmLines(md), "gfm_lines", 22)  # after fenced code
        strike = SimpleTagInlineProcessor(r"(~~)(?=\S)(.+?)(?<=\S)~~", "del")
        md.inlinePatterns.register(strike, "gfm_strike", 65)
        url = r"(?<![^\s*_~(])(?:https?://|www\.)[^\s<]*[^\s<?!.,:*_~'\"]"
        md.inlinePatterns.register(_BareUrl(url, md), "gfm_url", 85)  # after raw HTML


def _new_markdown() -> markdown.Markdown:
    # No nl2br: GitHub keeps single newlines in READMEs as spaces.
    exts = ["tables", "fenced_code", "sane_lists", _GitHubFlavour()]
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


class HtmlRenderer:
    """Incremental README -> HTML body fragment, caching the HTML of each block."""

    def __init__(self) -> None:
        self._md = _new_markdown()
        self._cache: dict[str, str] = {}
        self._sessions: SessionCache = {}
        self.stats = RenderStats()

    def clear(self) -> None:
        self._cache.clear()
        self._sessions.clear()

    def render(self, doc: Document) -> str:
        blocks = list(iter_blocks(doc, self._sessions))
        refs: dict[str, tuple[str, str | None]] = {}  # link reference definitions
        defs = (m for b in blocks if "]:" in b.markdown for m in _REF.finditer(b.markdown))
        for m in defs:
            refs[m.group(1).strip().lower()] = (m.group(2).strip("<>"), m.group(5) or m.group(6))
        salt = repr(sorted(refs.items())) + "\0" if refs else ""
        cache: dict[str, str] = {}  # only what this render uses: the cache stays bounded
        parts: list[str] = []
        rendered = 0
        for block in blocks:
            key = salt + block.markdown
            html = cache.get(key, self._cache.get(key))
            if html is None:
                self._md.reset()
                self._md.references.update(refs)
                html = self._md.convert(block.markdown)
                rendered += 1
            cache[key] = html
            parts.append(_with_anchor(block, html))
        self._cache = cache
        self.stats = RenderStats(len(blocks), rendered, len(cache))
        return "\n".join(parts)


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


def stylesheet() -> str:
    """The GitHub-like CSS (Qt rich-text subset) shipped as resources/github.css."""
    return resources.files("seminar_gui.resources").joinpath("github.css").read_text("utf-8")


def full_html(body: str) -> str:
    """A whole document for QTextBrowser.setHtml: the stylesheet in <style>, then body."""
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">\n'
        f"<style>\n{stylesheet()}</style>\n</head>\n<body>\n{body}\n</body></html>\n"
    )
