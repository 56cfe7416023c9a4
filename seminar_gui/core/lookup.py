"""Paper look-up: title, venue tag and authors of an arXiv paper or a DOI.

Which paper the organizer typed or pasted is read by :func:`~seminar_gui.core.
paper_ids.recognise` (the grammar the repeated-paper rule reads links with); parsing
(:func:`parse_arxiv`, :func:`parse_crossref`) is pure, tested offline; :func:`fetch`
asks the service with ``urllib`` (imported on first use), bounded in time and size.
The services' base URLs are parameters (the window takes them from the app settings),
so tests ask a local server.

* arXiv ids ask the arXiv API (Atom XML); the venue is ``arXiv``.
* DOIs ask Crossref (JSON); the venue is a house tag such as ``SOSP '25`` when the
  DOI, the event or the proceedings' name tells it, else the short container title.

Errors are a :class:`LookupFailed` with a message for a person (quiet: the fields
are left as they are).
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple
from urllib.parse import quote

from seminar_gui.core.lazy_re import lazy_compile
from seminar_gui.core.messages import QT_TRANSLATE_NOOP
from seminar_gui.core.paper_ids import PaperId
from seminar_gui.core.venues import infer_venue, normalize_venue, split_venue

ARXIV_API = "https://export.arxiv.org/api/query"
CROSSREF_API = "https://api.crossref.org/works"
TIMEOUT = 10.0  # seconds for the whole answer (connect and read)
MAX_RESPONSE = 2_000_000  # bytes: an answer is a few kB; more is not an answer

_TIMEOUT = QT_TRANSLATE_NOOP("lookup", "{service} did not answer within {seconds} s")
_OFFLINE = QT_TRANSLATE_NOOP("lookup", "{service} could not be reached ({reason})")
_HTTP = QT_TRANSLATE_NOOP("lookup", "{service} answered with an error (HTTP {status})")
_NOT_FOUND = QT_TRANSLATE_NOOP("lookup", "{service} does not know {id}")
_BAD_ANSWER = QT_TRANSLATE_NOOP("lookup", "{service} sent an answer seminar-gui cannot read")
_TOO_BIG = QT_TRANSLATE_NOOP("lookup", "{service} sent more than {size} bytes")

_TAG = lazy_compile(r"<[^>]{0,200}>")
_ATOM = "{http://www.w3.org/2005/Atom}"

#: Words of a proceedings' or event's name -> the venue's name in a tag.
LONG_NAMES: tuple[tuple[str, str], ...] = (
    ("symposium on operating systems principles", "SOSP"),
    ("operating systems design and implementation", "OSDI"),
    ("networked systems design and implementation", "NSDI"),
    ("european conference on computer systems", "EuroSys"),
    ("architectural support for programming languages and operating systems", "ASPLOS"),
    ("file and storage technologies", "FAST"),
    ("annual technical conference", "ATC"),
    ("symposium on cloud computing", "SoCC"),
    ("hot topics in operating systems", "HotOS"),
    ("machine learning and systems", "MLSys"),
)


class PaperInfo(NamedTuple):
    """What a service says about a paper, cleaned for the topic form's fields."""

    title: str
    venue: str
    authors: tuple[str, ...] = ()


class LookupFailed(Exception):
    """The look-up did not give an answer; ``message`` says why (a Text)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def canonical_url(paper_id: PaperId) -> str:
    """The paper's address for the README: its arXiv abstract page or its DOI link."""
    if paper_id.kind == "arxiv":
        return f"https://arxiv.org/abs/{paper_id.value}"
    return f"https://doi.org/{paper_id.value}"


# ----------------------------------------------------------------------- parsing
def clean_text(text: str, limit: int = 500) -> str:
    """One line of plain text: tags (JATS ``<i>``) and entities gone, spaces collapsed,
    no square brackets (the README writes a title as ``[TITLE](URL)``)."""
    import html  # only when an answer is read

    text = html.unescape(_TAG.sub("", text))
    text = text.replace("[", "(").replace("]", ")").replace("\\", "/")
    return " ".join(text.split())[:limit]


def clean_author(name: str) -> str:
    """An author's name as the README writes it: no commas or asterisks (they separate
    and mark the authors), one line."""
    return " ".join(clean_text(name, 200).replace(",", " ").replace("*", "").split())


def _authors(names: list[str]) -> tuple[str, ...]:
    return tuple(a for a in map(clean_author, names) if a)


def parse_arxiv(data: bytes, paper_id: PaperId | None = None) -> PaperInfo:
    """The first entry of an arXiv API answer (Atom XML)."""
    import xml.etree.ElementTree as ET

    service = "arXiv"
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        raise LookupFailed(_BAD_ANSWER(service=service)) from None
    wanted = paper_id.value if paper_id else ""
    for entry in root.iter(f"{_ATOM}entry"):
        entry_id = entry.findtext(f"{_ATOM}id", "")
        title = clean_text(entry.findtext(f"{_ATOM}title", ""))
        if "/api/errors" in entry_id or not title:
            continue  # the API's way of saying "no such paper"
        if wanted and wanted not in entry_id:
            continue
        names = [a.findtext(f"{_ATOM}name", "") for a in entry.iter(f"{_ATOM}author")]
        return PaperInfo(title=title, venue="arXiv", authors=_authors(names))
    raise LookupFailed(_NOT_FOUND(service=service, id=wanted or "?"))


def _first(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return value if isinstance(value, str) else ""


def _year(message: dict[str, Any]) -> str | None:
    for key in ("published-print", "published", "issued", "published-online"):
        parts = (
            message.get(key, {}).get("date-parts") if isinstance(message.get(key), dict) else None
        )
        if parts and isinstance(parts[0], list) and parts[0] and isinstance(parts[0][0], int):
            return f"{parts[0][0] % 100:02d}"
    return None


def crossref_venue(message: dict[str, Any], doi: str = "") -> str:
    """A venue tag for a Crossref work: the house tag (``SOSP '25``) when the DOI, the
    event's acronym or the proceedings' name tells it, else the short container title."""
    if doi:
        tag = infer_venue(f"https://doi.org/{doi}")
        if tag:
            return tag
    event = message.get("event") if isinstance(message.get("event"), dict) else {}
    for candidate in (event.get("acronym"), _first(event.get("name")).split(":")[0]):
        if isinstance(candidate, str) and candidate.strip():
            name, year = split_venue(clean_text(candidate, 60))
            if year and len(name) <= 20:
                return normalize_venue(f"{name} '{year}")
    year = _year(message)
    names = " ".join(
        clean_text(_first(message.get(key))) for key in ("container-title", "short-container-title")
    )
    names += " " + clean_text(_first(event.get("name")))
    folded = names.casefold()
    for words, name in LONG_NAMES:
        if words in folded:
            return f"{name} '{year}" if year else name
    short = clean_text(
        _first(message.get("short-container-title")) or _first(message.get("container-title"))
    )
    return short[:40].strip()


def parse_crossref(data: bytes, paper_id: PaperId | None = None) -> PaperInfo:
    """A Crossref ``/works/DOI`` answer (JSON)."""
    service = "Crossref"
    try:
        answer = json.loads(data)
        message = answer["message"]
        if not isinstance(message, dict):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        raise LookupFailed(_BAD_ANSWER(service=service)) from None
    title = clean_text(_first(message.get("title")))
    subtitle = clean_text(_first(message.get("subtitle")))
    if subtitle and subtitle.casefold() not in title.casefold():
        title = f"{title}: {subtitle}"
    if not title:
        raise LookupFailed(_NOT_FOUND(service=service, id=paper_id.value if paper_id else "?"))
    names = []
    for author in message.get("author") or []:
        if not isinstance(author, dict):
            continue
        given, family = author.get("given", ""), author.get("family", "")
        name = " ".join(p for p in (given, family) if isinstance(p, str) and p)
        names.append(name or _first(author.get("name")))
    doi = paper_id.value if paper_id else _first(message.get("DOI"))
    return PaperInfo(title=title, venue=crossref_venue(message, doi), authors=_authors(names))


# ---------------------------------------------------------------------- fetching
def request_url(
    paper_id: PaperId, *, arxiv_api: str = ARXIV_API, crossref_api: str = CROSSREF_API
) -> str:
    if paper_id.kind == "arxiv":
        return f"{arxiv_api}?id_list={quote(paper_id.value, safe='/')}&max_results=1"
    return f"{crossref_api.rstrip('/')}/{quote(paper_id.value, safe='/')}"


def fetch(
    paper_id: PaperId,
    *,
    arxiv_api: str = ARXIV_API,
    crossref_api: str = CROSSREF_API,
    timeout: float = TIMEOUT,
) -> PaperInfo:
    """Ask the paper's service (blocking: call it from a worker thread)."""
    import urllib.error
    import urllib.request

    from seminar_gui import __version__

    service = paper_id.service
    url = request_url(paper_id, arxiv_api=arxiv_api, crossref_api=crossref_api)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"seminar-gui/{__version__} (https://github.com/; paper look-up)",
            "Accept": "application/atom+xml" if paper_id.kind == "arxiv" else "application/json",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_RESPONSE + 1)
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            raise LookupFailed(_NOT_FOUND(service=service, id=paper_id.value)) from None
        raise LookupFailed(_HTTP(service=service, status=exc.code)) from None
    except TimeoutError:  # socket.timeout is TimeoutError
        raise LookupFailed(_TIMEOUT(service=service, seconds=f"{timeout:g}")) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise LookupFailed(_TIMEOUT(service=service, seconds=f"{timeout:g}")) from None
        reason = getattr(exc.reason, "strerror", None) or str(exc.reason)
        raise LookupFailed(_OFFLINE(service=service, reason=reason)) from None
    except (OSError, ValueError) as exc:  # a reset connection, a bad base URL
        raise LookupFailed(_OFFLINE(service=service, reason=str(exc))) from None
    if len(data) > MAX_RESPONSE:
        raise LookupFailed(_TOO_BIG(service=service, size=MAX_RESPONSE))
    if paper_id.kind == "arxiv":
        return parse_arxiv(data, paper_id)
    return parse_crossref(data, paper_id)
