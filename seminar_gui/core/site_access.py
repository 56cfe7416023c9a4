"""What the preview may read from the site folder, and which links it may open (no Qt).

The README may come from someone else; its images and links must not reach the rest of
the disk, block the window, or start programs:

* :func:`read_site_image` reads an image only if its relative path leads, after
  resolving symbolic links, to a regular file inside the site folder, with an image
  extension and at most :data:`MAX_IMAGE_BYTES`.  It opens without blocking
  (``O_NONBLOCK``, ``O_NOFOLLOW``) and checks the open file (``fstat``) before reading,
  so a FIFO, a device or a file swapped for a symbolic link is never read.
* :func:`link_action` says what a click on a link does: web links (http, https) open
  in the browser, ``mailto:`` in the mail client (with only the to/cc/bcc/subject/body
  fields: no ``attach=``), ``#fragment`` scrolls the preview, a relative link opens
  only a slide file (under ``slides/``, a slide extension, a regular file, inside the
  site after resolving symbolic links).  Anything else is refused, with the reason.
"""

from __future__ import annotations

import os
import posixpath
import stat
from pathlib import Path
from typing import Literal, NamedTuple
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from seminar_gui.core.errors import READ_NOFOLLOW_FLAGS
from seminar_gui.core.slides import ACCEPTED_EXTS, SLIDES_DIR

MAX_IMAGE_BYTES = 5 * 1024 * 1024
IMAGE_EXTS = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".svg")
_MAIL_FIELDS = ("to", "cc", "bcc", "subject", "body")

#: Why a file is not read or a link not opened.
Reason = Literal[
    "scheme",  # not http(s)/mailto and not relative (file:, javascript:, data: ...)
    "absolute",  # an absolute path or //host/... without a scheme
    "no_site",  # the project has no site folder yet (not saved)
    "outside",  # leads outside the site folder (.., symbolic links)
    "not_slide",  # not a slide file under slides/ (README.md, .git/config, run.sh ...)
    "not_image",  # no image extension
    "missing",  # does not exist
    "not_regular",  # a folder, FIFO, device, socket
    "too_big",  # larger than MAX_IMAGE_BYTES
    "unreadable",  # the system refused to open or read it
    "bad",  # empty or malformed
]


class LinkAction(NamedTuple):
    """What clicking a link in the preview does."""

    kind: Literal["web", "mail", "anchor", "slide", "refused"]
    target: str = ""  # URL (web, mail), fragment (anchor), absolute path (slide)
    reason: Reason | None = None  # why it is refused


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def resolve_in_site(site: Path, href: str) -> tuple[str, None] | tuple[None, Reason]:
    """``(real path, None)``: where a relative URL leads inside ``site``, symbolic links
    resolved; ``(None, reason)`` when it is not a relative path or leads outside.

    Only looks at names (``realpath``): nothing is opened.
    """
    parts = urlsplit(href.strip())
    if parts.scheme:
        return None, "scheme"
    if parts.netloc:
        return None, "absolute"
    path = unquote(parts.path)
    if not path or "\0" in path:
        return None, "bad"
    if path.startswith(("/", "\\")) or os.path.isabs(path):
        return None, "absolute"
    real_site = os.path.realpath(site)
    target = os.path.realpath(os.path.join(real_site, path))
    if not _inside(target, real_site):
        return None, "outside"
    return target, None


def read_site_image(
    site: Path | None, href: str, max_bytes: int = MAX_IMAGE_BYTES
) -> bytes | Reason:
    """The bytes of the image ``href`` (relative to ``site``), or why it is not read."""
    if site is None:
        return "no_site"
    target, refused = resolve_in_site(site, href)
    if target is None:
        return refused or "bad"
    return read_resolved_image(target, max_bytes)


def read_resolved_image(target: str, max_bytes: int = MAX_IMAGE_BYTES) -> bytes | Reason:
    """The bytes of the image at ``target``, a path :func:`resolve_in_site` gave, or why
    it is not read (not an image name, missing, not a regular file, too big)."""
    if not target.lower().endswith(IMAGE_EXTS):
        return "not_image"
    try:
        fd = os.open(target, READ_NOFOLLOW_FLAGS)
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "unreadable"  # e.g. ELOOP: swapped for a symbolic link since realpath
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return "not_regular"
        if info.st_size > max_bytes:
            return "too_big"
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:
            chunk = os.read(fd, min(1 << 16, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > max_bytes:
            return "too_big"  # grew while we read
        return b"".join(chunks)
    except OSError:
        return "unreadable"
    finally:
        os.close(fd)


def safe_mailto(url: str) -> str:
    """``url`` (mailto:) with only the to/cc/bcc/subject/body fields (no attach=...)."""
    parts = urlsplit(url)
    fields = [
        (key.lower(), value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() in _MAIL_FIELDS
    ]
    query = urlencode(fields, quote_via=quote)
    return f"mailto:{parts.path}" + (f"?{query}" if query else "")


def link_action(site: Path | None, href: str) -> LinkAction:
    """What clicking ``href`` in the preview does (see the module docstring)."""
    href = href.strip()
    parts = urlsplit(href)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return LinkAction("web", href) if parts.netloc else LinkAction("refused", reason="bad")
    if scheme == "mailto":
        return LinkAction("mail", safe_mailto(href))
    if scheme:
        return LinkAction("refused", reason="scheme")
    if parts.netloc:
        return LinkAction("refused", reason="absolute")
    if not parts.path:
        if parts.fragment:
            return LinkAction("anchor", unquote(parts.fragment))
        return LinkAction("refused", reason="bad")
    path = unquote(parts.path)
    if path.startswith(("/", "\\")) or os.path.isabs(path):
        return LinkAction("refused", reason="absolute")
    lexical = posixpath.normpath(path.replace("\\", "/"))
    if lexical.startswith("../") or lexical == "..":
        return LinkAction("refused", reason="outside")
    if not lexical.startswith(SLIDES_DIR + "/") or not lexical.lower().endswith(ACCEPTED_EXTS):
        return LinkAction("refused", reason="not_slide")
    if site is None:
        return LinkAction("refused", reason="no_site")
    target, refused = resolve_in_site(site, href)
    if target is None:
        return LinkAction("refused", reason=refused)
    if not target.lower().endswith(ACCEPTED_EXTS):
        return LinkAction("refused", reason="not_slide")  # slides/x.pdf -> ../run.sh
    slides = os.path.realpath(Path(site) / SLIDES_DIR)
    if not _inside(slides, os.path.realpath(site)) or not _inside(target, slides):
        return LinkAction("refused", reason="outside")  # a symbolic link leads out
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return LinkAction("refused", reason="missing")
    except OSError:
        return LinkAction("refused", reason="unreadable")
    if not stat.S_ISREG(info.st_mode):
        return LinkAction("refused", reason="not_regular")
    return LinkAction("slide", target)
