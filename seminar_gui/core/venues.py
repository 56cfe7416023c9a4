"""Venue tags: inferring one from a paper URL, and comparing tags as written.

Inference is table-driven: :data:`VENUE_RULES` is a list of :class:`VenueRule`, each a
regular expression matched against the URL's host and path (lower-cased host, no
``www.``, no scheme, no port) and a function turning the match into a tag.  The first
rule whose pattern matches decides, so a rule may also return None to say "this site
does not tell the venue" (openreview.net).  To support another site, append a rule;
to support another ACM proceedings volume, add its DOI prefix to
:data:`ACM_PROCEEDINGS`; another USENIX conference goes into :data:`USENIX_CONFERENCES`.

Tags produced here use the house format ``"NAME 'YY"`` (e.g. ``"SOSP '25"``) or the
bare ``"arXiv"``.  :func:`normalize_venue` brings a tag a user wrote into the same
shape, for comparison only: a tag the user wrote is never rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple
from urllib.parse import urlsplit

from seminar_gui.core.lazy_re import lazy_compile
from seminar_gui.core.model import Document
from seminar_gui.core.paper_ids import site_host

# ---------------------------------------------------------------------- the tables

#: ACM DOI proceedings prefix (the digits after ``10.1145/``) -> venue tag.
#: Only prefixes checked against published DOIs belong here.
ACM_PROCEEDINGS: dict[str, str] = {
    "3731569": "SOSP '25",
    "3694715": "SOSP '24",
    "3600006": "SOSP '23",
    "3477132": "SOSP '21",
    "3341301": "SOSP '19",
    "3132747": "SOSP '17",
    "3689031": "EuroSys '25",
    "3627703": "EuroSys '24",
    "3552326": "EuroSys '23",
    "3669940": "ASPLOS '25",  # volume 1
    "3676641": "ASPLOS '25",  # volume 2
    "3617232": "ASPLOS '24",  # volume 1
    "3620665": "ASPLOS '24",  # volume 2
    "3620666": "ASPLOS '24",  # volume 3
    "3651890": "SIGCOMM '24",
    "3603269": "SIGCOMM '23",
}

#: USENIX conference short name, as in its URLs (``osdi25``) -> name in the tag.
USENIX_CONFERENCES: dict[str, str] = {
    "osdi": "OSDI",
    "nsdi": "NSDI",
    "atc": "ATC",
    "fast": "FAST",
    "usenixsecurity": "USENIX Security",
    "sec": "USENIX Security",
}

#: Canonical spelling of venue names, by their case-folded spelling (and aliases).
CANONICAL_NAMES: dict[str, str] = {
    "arxiv": "arXiv",
    "sosp": "SOSP",
    "osdi": "OSDI",
    "nsdi": "NSDI",
    "atc": "ATC",
    "usenix atc": "ATC",
    "fast": "FAST",
    "usenix fast": "FAST",
    "usenix security": "USENIX Security",
    "usenixsecurity": "USENIX Security",
    "usenix sec": "USENIX Security",
    "eurosys": "EuroSys",
    "asplos": "ASPLOS",
    "sigcomm": "SIGCOMM",
    "mlsys": "MLSys",
    "socc": "SoCC",
    "hotos": "HotOS",
    "isca": "ISCA",
    "micro": "MICRO",
    "hpca": "HPCA",
    "ppopp": "PPoPP",
    "sc": "SC",
    "vldb": "VLDB",
    "pvldb": "VLDB",
    "sigmod": "SIGMOD",
    "icde": "ICDE",
    "middleware": "Middleware",
    "neurips": "NeurIPS",
    "nips": "NeurIPS",
    "icml": "ICML",
    "iclr": "ICLR",
    "ccs": "CCS",
}

#: Canonical names that are peer-reviewed conferences (for :func:`venue_kind`).
CONFERENCES: frozenset[str] = frozenset(set(CANONICAL_NAMES.values()) - {"arXiv"})


# ----------------------------------------------------------------------- the rules

TagFunction = Callable[[re.Match[str]], str | None]


class VenueRule(NamedTuple):
    """One site: ``pattern`` is searched in ``host/path``; ``tag`` names the venue."""

    name: str
    pattern: re.Pattern[str]
    tag: TagFunction


def _rule(name: str, pattern: str, tag: TagFunction) -> VenueRule:
    return VenueRule(name, lazy_compile(pattern, re.I), tag)


def _year_tag(name: str, year: str) -> str:
    return f"{name} '{year[-2:]}"


def _acm(m: re.Match[str]) -> str | None:
    return ACM_PROCEEDINGS.get(m.group("prefix"))


def _usenix(m: re.Match[str]) -> str | None:
    name = USENIX_CONFERENCES.get(m.group("conf").lower())
    return _year_tag(name, m.group("yy")) if name else None


def _mlsys(m: re.Match[str]) -> str:
    year = m.group("year")
    return _year_tag("MLSys", year) if year else "MLSys"


_USENIX_CONF = "(?P<conf>" + "|".join(sorted(USENIX_CONFERENCES, key=len, reverse=True)) + ")"

VENUE_RULES: list[VenueRule] = [
    _rule("arXiv", r"^(?:export\.)?arxiv\.org/(?:abs|pdf|html)/", lambda m: "arXiv"),
    _rule("arXiv DOI", r"^(?:dx\.)?doi\.org/10\.48550/arxiv\.", lambda m: "arXiv"),
    _rule(
        "ACM Digital Library",
        r"^dl\.acm\.org/doi/(?:(?:pdf|abs|full|epdf|fullhtml)/)?10\.1145/(?P<prefix>\d+)\.",
        _acm,
    ),
    _rule("ACM DOI", r"^(?:dx\.)?doi\.org/10\.1145/(?P<prefix>\d+)\.", _acm),
    _rule(
        "USENIX paper",
        rf"^usenix\.org/system/files/(?:[^/]+/)*{_USENIX_CONF}(?P<yy>\d{{2}})(?!\d)",
        _usenix,
    ),
    _rule(
        "USENIX presentation",
        rf"^usenix\.org/conference/{_USENIX_CONF}(?P<yy>\d{{2}})(?:/|$)",
        _usenix,
    ),
    _rule(
        "MLSys proceedings",
        r"^(?:proceedings\.)?mlsys\.org(?:/(?:.*?/)?(?P<year>20\d{2})(?:/|$))?",
        _mlsys,
    ),
    _rule("OpenReview", r"^openreview\.net(?:/|$)", lambda m: None),
]


def _host_and_path(url: str) -> str | None:
    try:
        parts = urlsplit(url.strip())
        hostname = parts.hostname
    except ValueError:  # e.g. "https://[x": not a URL Python can take apart
        return None
    if parts.scheme.lower() not in ("http", "https") or not hostname:
        return None
    return site_host(hostname) + (parts.path or "/")


def infer_venue(url: str) -> str | None:
    """The venue tag a paper URL implies, e.g. ``"SOSP '25"`` or ``"arXiv"``.

    None when the URL is not http(s), or its site does not reveal the venue (a
    project page, a personal copy, OpenReview, an ACM volume not in the table).
    """
    target = _host_and_path(url)
    if target is None:
        return None
    for rule in VENUE_RULES:
        m = rule.pattern.search(target)
        if m:
            return rule.tag(m)
    return None


# ----------------------------------------------------------------- comparing tags

_TAG = lazy_compile(
    r"(?P<name>.*?[^\s'’‘`\d])[\s'’‘`]*(?P<year>(?:19|20)\d{2}|\d{2})",
    re.S,
)


def split_venue(tag: str) -> tuple[str, str | None]:
    """A tag's canonical name and two-digit year: ``"osdi'25"`` -> ``("OSDI", "25")``."""
    text = " ".join(tag.split())
    m = _TAG.fullmatch(text)
    name, year = (m.group("name"), m.group("year")[-2:]) if m else (text, None)
    name = " ".join(name.split())
    return CANONICAL_NAMES.get(name.casefold(), name), year


def normalize_venue(tag: str) -> str:
    """Canonical form of a venue tag, for comparison only (never to rewrite a tag).

    ``"OSDI'25"``, ``"OSDI 25"``, ``"osdi '25"`` and ``"OSDI 2025"`` all give
    ``"OSDI '25"``; ``"arxiv"`` gives ``"arXiv"``.  Unknown names keep their spelling.
    """
    name, year = split_venue(tag)
    return f"{name} '{year}" if year else name


def venues_agree(written: str, inferred: str) -> bool:
    """Whether a written tag agrees with one inferred from a URL.

    Names must match (ignoring case); years must match when both tags have one, so
    ``"MLSys"`` agrees with ``"MLSys '24"`` but ``"OSDI '24"`` does not with ``"OSDI '25"``.
    """
    name_a, year_a = split_venue(written)
    name_b, year_b = split_venue(inferred)
    if name_a.casefold() != name_b.casefold():
        return False
    return year_a is None or year_b is None or year_a == year_b


def venue_kind(tag: str) -> str:
    """``"conference"`` for SOSP, OSDI, ...; ``"arXiv"`` for arXiv; ``""`` if unknown."""
    name, _ = split_venue(tag)
    if name not in CONFERENCES and name != "arXiv" and name:
        # "HotOS XIX", "OSDI (best paper)": judge by the first word.
        first = name.split()[0].strip("()[],;:")
        name = CANONICAL_NAMES.get(first.casefold(), name)
    if name == "arXiv":
        return "arXiv"
    return "conference" if name in CONFERENCES else ""


def fill_missing_venues(doc: Document) -> tuple[Document, int]:
    """A copy of ``doc`` with inferred tags where a paper has a URL but no tag.

    Tags the user wrote are never changed.  Returns the new document and how many
    tags were filled.
    """
    data = doc.model_dump()
    filled = 0
    for semester in data["semesters"]:
        for session in semester["sessions"]:
            for topic in session["topics"]:
                paper = topic["paper"]
                if paper["url"] and not paper["venue"]:
                    tag = infer_venue(paper["url"])
                    if tag:
                        paper["venue"] = tag
                        filled += 1
    return type(doc).model_validate(data), filled
