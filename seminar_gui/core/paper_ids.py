"""What names a paper: an arXiv id or a DOI, in a link or in text as typed.

One grammar for the two places that ask: the paper look-up (core/lookup.py: which
paper to ask arXiv or Crossref about, from what the organizer typed or pasted) and the
repeated-paper rule (core/rules.py: two links naming the same paper).

* arXiv: ``https://arxiv.org/abs/2501.01234v2`` (also ``/pdf/``, ``/html/``,
  ``/format/``, ``export.arxiv.org``, ``.pdf``), ``arXiv:2501.01234``, ``2501.01234``,
  ``hep-th/9901001`` and the arXiv DOI ``10.48550/arXiv.2501.01234``; the version is
  dropped.
* DOI: ``https://doi.org/10.1145/…`` (``dx.doi.org``), a publisher's ``/doi/`` page
  (``https://dl.acm.org/doi/pdf/10.1145/…``), ``doi:10.…``, ``10.1145/…``.

Ids keep their case as written (the services do not mind); compare them lower-cased.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple
from urllib.parse import unquote, urlsplit

from seminar_gui.core.lazy_re import lazy_compile

_ARXIV_NEW = r"\d{4}\.\d{4,5}"
_ARXIV_OLD = r"[a-z][a-z.-]*/\d{7}"
_ARXIV_ID = rf"(?P<id>{_ARXIV_NEW}|{_ARXIV_OLD})(?:v\d+)?"
_ARXIV_BARE = lazy_compile(rf"(?:arxiv:\s*)?{_ARXIV_ID}", re.I)
_ARXIV_PATH = lazy_compile(rf"/(?:abs|pdf|html|format)/{_ARXIV_ID}(?:\.pdf)?/?", re.I)
_ARXIV_HOSTS = ("arxiv.org", "export.arxiv.org")
_ARXIV_DOI = lazy_compile(rf"10\.48550/arxiv\.{_ARXIV_ID}", re.I)
_DOI_BARE = lazy_compile(r"(?:doi:\s*)?(?P<doi>10\.\d{4,9}/\S+)", re.I)
_DOI_IN_PATH = lazy_compile(r"(?:^|/)(?P<doi>10\.\d{4,9}/[^\s?#]+)")
_DOI_HOSTS = ("doi.org", "dx.doi.org")
_DOI_SHAPE = lazy_compile(r"10\.\d{4,9}/\S+")
# A link urlsplit takes apart the obvious way: http(s), a host of letters, digits,
# dots and hyphens (no user, no port), a path without %-escapes, no query or fragment
# (tests/test_paper_ids.py compares it with urlsplit).  Most papers' links are such.
_PLAIN_URL = lazy_compile(r"(?i:https?)://(?P<host>[A-Za-z0-9.-]+)(?P<path>/[^?#%\s]*)?")


class PaperId(NamedTuple):
    """A paper the look-up can ask about: an arXiv id (no version) or a DOI."""

    kind: Literal["arxiv", "doi"]
    value: str

    @property
    def service(self) -> str:
        return "arXiv" if self.kind == "arxiv" else "Crossref"


def site_host(hostname: str) -> str:
    """A link's host as the link readers compare it: lower case, without a final dot
    and "www." (``"WWW.USENIX.org."`` -> ``"usenix.org"``)."""
    return hostname.lower().rstrip(".").removeprefix("www.")


def split_url(url: str) -> tuple[str, str, str] | None:
    """The host (:func:`site_host`), the path (%-escapes decoded) and the query of
    ``url``; None: no host (not a link to a site)."""
    plain = _PLAIN_URL.fullmatch(url)
    if plain is not None:  # what urlsplit would find, without its ~5 µs a link
        host = site_host(plain.group("host"))
        if host:
            return host, plain.group("path") or "", ""
    try:
        parts = urlsplit(url)
        host = site_host(parts.hostname or "")
    except ValueError:  # "https://[x"
        return None
    return (host, unquote(parts.path), parts.query) if host else None


def in_link(host: str, path: str) -> PaperId | None:
    """The paper a link names, from its host and path (as :func:`split_url` gives)."""
    if host in _ARXIV_HOSTS:
        m = _ARXIV_PATH.fullmatch(path)
        return PaperId("arxiv", m.group("id")) if m else None
    if host in _DOI_HOSTS or "/doi/" in path:
        m = _DOI_IN_PATH.search(path)
        if m:
            return _from_doi(m.group("doi").rstrip("/"))
    return None


def recognise(text: str) -> PaperId | None:
    """The paper ``text`` names: a web link (http or https) or a bare id, as typed."""
    text = text.strip()
    if not text or len(text) > 2000:
        return None
    if "://" in text:
        if text.split("://", 1)[0].lower() not in ("http", "https"):
            return None
        parts = split_url(text)
        return in_link(parts[0], parts[1]) if parts is not None else None
    m = _ARXIV_BARE.fullmatch(text)
    if m:
        return PaperId("arxiv", m.group("id"))
    m = _DOI_BARE.fullmatch(text)
    return _from_doi(m.group("doi")) if m else None


def _from_doi(doi: str) -> PaperId | None:
    """A DOI as found (a ``.pdf`` of a publisher's link and a sentence's full stop
    dropped); the arXiv DOI names the arXiv paper."""
    if doi[-4:].lower() == ".pdf":
        doi = doi[:-4]
    doi = doi.rstrip(".")
    if not _DOI_SHAPE.fullmatch(doi):  # "10.1145/." was a prefix and a full stop
        return None
    arxiv = _ARXIV_DOI.fullmatch(doi)
    return PaperId("arxiv", arxiv.group("id")) if arxiv else PaperId("doi", doi)
