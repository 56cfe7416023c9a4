"""The exported README as HTML for the live preview, as GitHub shows it (no Qt).

:func:`iter_blocks` splits the README into blocks (preamble; per semester: heading with
intro and sections before the schedule, schedule heading, each session, sections after).
Each starts with a heading after a blank line (but the preamble), so rendering them one by
one gives what rendering the whole README gives; :class:`HtmlRenderer` caches each block's
HTML by its Markdown and shares link reference definitions between blocks.  Markdown is
rendered by Python-Markdown as :mod:`seminar_gui.core.gfm` configures it (like GitHub),
imported on the first block that needs it.

Rendered blocks are also kept between runs (:class:`StoredBlocks`, a file in the state
folder, once :func:`use_block_store` names it): the window's start shows the page without
importing Python-Markdown when the last run rendered the same blocks.

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
with a note.  :func:`~seminar_gui.core.gfm.render_markdown` and the exported README are
unchanged.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

try:  # hashlib's own BLAKE2 (the function hashlib.blake2b is), without importing
    # hashlib, which loads OpenSSL's libcrypto (~3.5 ms of every start) when imported
    from _blake2 import blake2b
except ImportError:  # a Python without that module: the same function, via hashlib
    from hashlib import blake2b

from seminar_gui.core.atomic import atomic_write_text
from seminar_gui.core.installed import code_identity
from seminar_gui.core.model import Document, Semester, Session, Style
from seminar_gui.core.readme.export import (
    export_session,
    schedule_heading,
    semester_head,
    semester_tail,
)
from seminar_gui.core.safe_html import MAX_CELLS, MAX_IMAGES, PreviewNotes, SafeHtml
from seminar_gui.resources import read_text

if TYPE_CHECKING:
    import markdown

    from seminar_gui.core.gfm import Ref, Work

MAX_BLOCK_CHARS = 32 * 1024  # Markdown of one block rendered (longer: shown as text)
MAX_PAGE_CHARS = 1024 * 1024  # Markdown of the whole page (the 20-year archive: 290 KB)
MAX_PAGE_HTML = 1536 * 1024  # HTML of the whole page (the archive: 400 KB; Qt ~0.4 ms/KB)
MAX_PAGE_TAGS = 80_000  # start and end tags on the page (the archive: 23,000)
MAX_CACHED_BLOCKS = 4000  # rendered blocks kept (the 20-year archive has 720)
MAX_CACHED_HTML = 16 * 1024 * 1024  # and their HTML (the archive: 400 KB)
MAX_WARMED_HTML = 4 * 1024 * 1024  # HTML of blocks rendered ahead, not shown yet
BLOCK_MARKDOWN_MS = 80  # Markdown time of one block (a normal block: under 20 ms)
MAX_BLOCK_TAGS = 10_000  # tags of one block's HTML (Qt lays out ~100 per ms; a term ~600)
MAX_STORED_BLOCKS = 600  # blocks kept between runs (a term: ~20; the archive's 720 blocks)
MAX_STORED_HTML = 1024 * 1024  # and their HTML (read at each start: ~4 ms per MB of JSON)

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


class Block(NamedTuple):
    """A piece of the README rendered alone; all ``sep + markdown`` + "\n" = the README."""

    kind: BlockKind
    owner: str  # the semester's or session's id ("" for the preamble)
    markdown: str
    sep: str  # what stands before the block in the README


SessionCache = dict[tuple[int, int], tuple[Session, Style, str]]


class PagePart(NamedTuple):
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


class RenderStats(NamedTuple):
    """Figures of the last :meth:`HtmlRenderer.render`."""

    blocks_total: int = 0
    blocks_rendered: int = 0  # not found in the cache
    cache_size: int = 0
    blocks_failed: int = 0  # shown as plain text: Markdown failed, or the block is too long
    cells: int = 0  # table cells on the page
    pending: int = 0  # blocks left for the next pass (the time budget was spent)


# Blocks kept between runs ----------------------------------------------------------
_store_path: Path | None = None
_stores: dict[str, StoredBlocks] = {}  # by fingerprint: one file read per process


def use_block_store(path: Path | None) -> None:
    """Keep rendered blocks in ``path`` between runs (the window's start-up sets the
    state folder's file); None: keep nothing (the default, as in tests and scripts)."""
    global _store_path
    _store_path = path
    _stores.clear()


def _store_for(notes: PreviewNotes) -> StoredBlocks | None:
    if _store_path is None:
        return None
    fingerprint = renderer_fingerprint(notes)
    store = _stores.get(fingerprint)
    if store is None:
        store = _stores[fingerprint] = StoredBlocks(_store_path, fingerprint)
    return store


#: Modules whose files decide what a block renders to (their location, size and date
#: are part of the fingerprint: an update or an edited checkout renders anew).
_RENDERING_MODULES = (
    "seminar_gui.core.render",
    "seminar_gui.core.gfm",
    "seminar_gui.core.safe_html",
    "seminar_gui.core.sanitize",
    "markdown",
    "nh3",
)


def renderer_fingerprint(notes: PreviewNotes) -> str:
    """What names the renderer of a stored block: the code that renders (seminar-gui's
    version, the rendering modules' files), the page limits and the notes (they are in
    the UI language)."""
    limits = f"{MAX_CELLS} {MAX_IMAGES} {MAX_BLOCK_TAGS}"
    text = "\n".join([code_identity(*_RENDERING_MODULES), repr(notes), limits])
    return blake2b(text.encode("utf-8")).hexdigest()


class StoredBlocks:
    """Rendered blocks kept in a file between runs, so that a start shows the page the
    last run rendered without Python-Markdown (not even imported: ~30 ms of start-up).

    Keys are digests of the renderer's cache keys (a block's Markdown and the page's
    link definitions); only blocks Markdown rendered completely are kept (one cut by the
    clock on a busy machine renders again next time), the most recently used first, at
    most :data:`MAX_STORED_BLOCKS` and :data:`MAX_STORED_HTML`.  The file names its
    renderer (:func:`renderer_fingerprint`); a file of another renderer, or one that
    does not parse, is not used and is replaced at the next write.  Reading and writing
    never fail the preview: without the file, blocks are rendered as before.
    """

    def __init__(self, path: Path, fingerprint: str) -> None:
        self.path = path
        self.fingerprint = fingerprint
        #: digest -> [html, cells, tags, images] as stored; read at the first look-up,
        #: made a SafeHtml only when found (a start looks up ~20 of up to 600)
        self._entries: dict[str, object] | None = None

    @staticmethod
    def digest(key: str) -> str:
        return blake2b(key.encode("utf-8"), digest_size=16).hexdigest()

    def _read(self) -> dict[str, object]:
        if self._entries is None:
            self._entries = {}
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                if data.get("renderer") == self.fingerprint and isinstance(data["blocks"], dict):
                    self._entries = data["blocks"]
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                pass  # no file yet, or not ours: render as before
        return self._entries

    def has(self, key: str) -> bool:
        """Whether :meth:`get` finds a block of ``key`` (a damaged entry is none)."""
        return self.get(key) is not None

    def get(self, key: str) -> tuple[SafeHtml, bool] | None:
        safe = _stored_html(self._read().get(self.digest(key)))
        return None if safe is None else (safe, True)

    def save(self, used: dict[str, tuple[SafeHtml, bool]]) -> None:
        """Write ``used`` (a renderer's blocks, the most recently used last) before the
        blocks already stored."""
        entries: dict[str, object] = {}
        for key, (safe, ok) in reversed(used.items()):
            if ok:
                entry = [safe.html, safe.cells, safe.tags, safe.images]
                entries.setdefault(self.digest(key), entry)
        for digest, entry in self._read().items():
            if _stored_html(entry) is not None:  # a damaged one is not written back
                entries.setdefault(digest, entry)
        kept: dict[str, object] = {}
        size = 0
        for digest, entry in entries.items():
            size += len(entry[0])  # type: ignore[index]
            if len(kept) >= MAX_STORED_BLOCKS or size > MAX_STORED_HTML:
                break
            kept[digest] = entry
        self._entries = kept
        text = json.dumps({"renderer": self.fingerprint, "blocks": kept}, ensure_ascii=False)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path, text)
        except OSError:
            pass  # a read-only state folder: the next start renders, as without a store


def _stored_html(entry: object) -> SafeHtml | None:
    """A stored block's [html, cells, tags, images] as SafeHtml; None when damaged."""
    if not (isinstance(entry, list) and len(entry) == 4):
        return None
    html, cells, tags, images = entry
    if not isinstance(html, str) or not all(type(n) is int for n in (cells, tags, images)):
        return None
    return SafeHtml(html, cells, tags, images)


# What HtmlRenderer.warm renders: the document and semester asked for, its blocks, the
# page's link definitions, the salt they give the cache keys, its blocks' keys and
# those of them the block store holds (asked once, not at every pass).
_Ahead = tuple[
    Document, str, list[Block], dict[str, tuple[str, str | None]], str, set[str], set[str]
]


class HtmlRenderer:
    """Incremental README -> safe HTML body fragment, caching the HTML of each block."""

    def __init__(
        self, notes: PreviewNotes | None = None, *, block_ms: float | None = BLOCK_MARKDOWN_MS
    ) -> None:
        """``block_ms``: Markdown time a block may take before it is shown as text
        (None: no limit but the work count; for tests of exact output)."""
        self.notes = notes or PreviewNotes()
        self._block_ms = block_ms
        self._work: Work | None = None  # with Python-Markdown, on the first block rendered
        self._md: markdown.Markdown | None = None
        self._cache: dict[str, tuple[SafeHtml, bool]] = {}
        self._sessions: SessionCache = {}
        self._refs: dict[str, list[Ref]] = {}  # definitions by block Markdown
        self._semester_refs: dict[int, tuple[Semester, Style, list[Ref]]] = {}
        #: Blocks rendered ahead (:meth:`warm`) that no page has shown yet, and the
        #: size of their HTML: moved to the cache when a page shows them.
        self._warmed: dict[str, tuple[SafeHtml, bool]] = {}
        self._warmed_html = 0
        #: The semester :meth:`warm` renders, as it was asked for (see ``_Ahead``):
        #: made once, not at each of its passes.
        self._ahead: _Ahead | None = None
        self._store = _store_for(self.notes)
        self._new_blocks = False  # rendered by Markdown since the store was written
        self.stats = RenderStats()

    def prepare(self) -> None:
        """Import and set up Python-Markdown now (~30 ms), not at the first block that
        needs it (the window calls this once it is on screen)."""
        self._markdown()

    def _markdown(self) -> markdown.Markdown:
        if self._md is None:
            from seminar_gui.core import gfm

            self._work = gfm.Work(self._block_ms)
            self._md = gfm.new_markdown(self._work)
        return self._md

    def keep(self) -> None:
        """Write the blocks rendered this run to the block store (when one is in use and
        Markdown rendered something new), for the next run to show at once."""
        if self._store is not None and self._new_blocks:
            self._store.save(self._cache)
            self._new_blocks = False

    def clear(self) -> None:
        self._cache.clear()
        self._warmed.clear()
        self._warmed_html = 0
        self._ahead = None
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
        salt = _key_salt(refs)
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
            if entry is None and key in self._warmed:
                entry = self._warmed.pop(key)
                self._warmed_html -= len(entry[0].html)
                self._new_blocks = True  # shown now: kept for the next start
            if entry is None and self._store is not None:
                entry = self._store.get(key)
            if entry is None:
                if deadline is not None and rendered and time.perf_counter() > deadline:
                    if not pending:
                        parts.append(PagePart("note", "", _note(self.notes.pending)))
                    pending += 1
                    continue
                entry = self._render_block(block.markdown, refs)
                rendered += 1
                self._new_blocks = True
            cache[key] = entry
            safe, ok = entry
            failed += not ok
            if safe.cells > cells_left or safe.images > images_left:  # the page's budget
                from seminar_gui.core.sanitize import sanitize_fragment

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

    def warm(self, doc: Document, semester_id: str, budget: float) -> int | None:
        """Render ahead the blocks of semester ``semester_id`` that no cache holds, for
        about ``budget`` seconds of Markdown (at least one block), so that showing it
        later renders nothing.  The page shown and :attr:`stats` stay as they are;
        blocks rendered ahead are not written to the block store until a page shows
        them (the store is read at each start); when they reach their limits, the
        oldest go first.  Returns how many of the semester's blocks are still to
        render; None when no more can be kept (the pages' own cache is full, or the
        semester alone is over the limits)."""
        deadline = time.perf_counter() + budget
        ahead = self._ahead
        if ahead is None or ahead[0] is not doc or ahead[1] != semester_id:
            blocks = list(iter_blocks(doc, None, semester_id))
            refs = self._references(doc, blocks, semester_id, remember=False)
            salt = _key_salt(refs)
            keys = {salt + block.markdown for block in blocks}
            store = self._store
            stored = {key for key in keys if store.has(key)} if store is not None else set()
            ahead = self._ahead = (doc, semester_id, blocks, refs, salt, keys, stored)
        _doc, _id, blocks, refs, salt, keys, stored = ahead
        left = rendered = 0
        for block in blocks:
            if len(block.markdown) > MAX_BLOCK_CHARS:
                continue  # shown as text: nothing to render ahead
            key = salt + block.markdown
            if key in self._cache or key in self._warmed or key in stored:
                continue
            if rendered and time.perf_counter() > deadline:
                left += 1
                continue
            if not self._make_room(keys):
                return None
            entry = self._warmed[key] = self._render_block(block.markdown, refs)
            self._warmed_html += len(entry[0].html)
            rendered += 1
        return left

    def _make_room(self, keep: set[str]) -> bool:
        """Forget the oldest blocks rendered ahead (not those in ``keep``: the
        semester being rendered ahead) until one more fits; False if it cannot."""
        while (
            len(self._cache) + len(self._warmed) >= MAX_CACHED_BLOCKS
            or self._warmed_html >= MAX_WARMED_HTML
        ):
            oldest = next((key for key in self._warmed if key not in keep), None)
            if oldest is None:
                return False
            self._warmed_html -= len(self._warmed.pop(oldest)[0].html)
        return True

    def _references(
        self,
        doc: Document,
        blocks: list[Block],
        semester_id: str | None,
        *,
        remember: bool = True,
    ) -> dict[str, tuple[str, str | None]]:
        """The link reference definitions of the whole README (GitHub applies each to
        the whole page), in README order.  ``blocks`` are those rendered; the other
        semesters' definitions are kept per semester object (an unchanged semester is
        the same object) and looked for only in semesters whose free text has "]:"."""
        known: dict[str, list[Ref]] = {}  # by block Markdown, for the next call
        per_semester: dict[int, tuple[Semester, Style, list[Ref]]] = {}

        def scan(markdown_text: str) -> list[Ref]:
            if "]:" not in markdown_text:
                return []
            if markdown_text in self._refs:
                found = self._refs[markdown_text]
            else:
                from seminar_gui.core.gfm import definitions

                found = definitions(markdown_text)
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
            if remember:
                self._semester_refs = per_semester
        if remember:  # (a page's: not those of a semester rendered ahead)
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
        from seminar_gui.core.gfm import TooComplex

        md = self._markdown()
        md.reset()
        md.references.update(refs)
        assert self._work is not None
        self._work.start(text)
        try:
            html = md.convert(text)
        except Exception as error:  # RecursionError (deep lists), TooComplex, a renderer bug
            self._md = None  # its state may be broken: a new one for the next block
            reason = type(error).__name__
            if isinstance(error, RecursionError):
                reason = self.notes.too_deep
            elif isinstance(error, TooComplex):
                reason = self.notes.too_complex
            return SafeHtml(_as_text(text, self.notes.not_rendered.format(reason=reason))), False
        from seminar_gui.core.sanitize import sanitize_fragment  # with the first block rendered

        safe = sanitize_fragment(html, MAX_CELLS, self.notes)
        if safe.tags > MAX_BLOCK_TAGS:  # Qt would lay it out for longer than a glance
            note = self.notes.not_rendered.format(reason=self.notes.too_complex)
            return SafeHtml(_as_text(text, note)), False
        return safe, True


def _key_salt(refs: dict[str, tuple[str, str | None]]) -> str:
    """What the page's link definitions add before a block's Markdown in its cache key
    (a block renders differently with other definitions): the same for a page and for
    a semester rendered ahead, or what was rendered ahead is never found."""
    return repr(sorted(refs.items())) + "\0" if refs else ""


def _may_define(semester: Semester) -> bool:
    """Whether the semester's README text may hold a link reference definition: only
    its free text can (the lines the exporter writes never start with "[")."""
    texts = [semester.intro, semester.schedule_intro]
    texts += [section.body for section in semester.sections]
    for session in semester.sessions:
        texts += [session.intro, session.trailer]
        texts += [text for topic in session.topics for text in topic.extra.values()]
    return any("]:" in text for text in texts)


#: ``html.escape`` as a table: ``html`` (with its entity tables, ~0.35 MiB) is not
#: imported at a start that shows stored blocks, which still names its headings.
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """``text`` as HTML text or a quoted attribute value (what ``html.escape`` does)."""
    return text.translate(_ESCAPES)


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
    return read_text("github.css")


def full_html(body: str) -> str:
    """A whole document for QTextBrowser.setHtml: the stylesheet in <style>, then body."""
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">\n'
        f"<style>\n{stylesheet()}</style>\n</head>\n<body>\n{body}\n</body></html>\n"
    )
