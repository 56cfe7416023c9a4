"""Venue inference from paper URLs, and comparing venue tags as written."""

from __future__ import annotations

import pytest

from seminar_gui.core.venues import (
    ACM_PROCEEDINGS,
    VENUE_RULES,
    infer_venue,
    normalize_venue,
    split_venue,
    venue_kind,
    venues_agree,
)


@pytest.mark.parametrize(
    ("url", "tag"),
    [
        # The 2025 Fall fixture's real links.
        ("https://arxiv.org/pdf/2510.08666", "arXiv"),
        ("https://dl.acm.org/doi/pdf/10.1145/3731569.3764805", "SOSP '25"),
        ("https://www.usenix.org/system/files/osdi25-ren.pdf", "OSDI '25"),
        ("https://github.com/alibaba/ROLL", None),
        ("https://www.yecl.org/publications/gim2025sosp.pdf", None),
        ("https://arxiv.org/pdf/2502.15524v2", "arXiv"),
        ("https://arxiv.org/abs/2505.09999", "arXiv"),
        # arXiv
        ("http://export.arxiv.org/abs/2505.09999", "arXiv"),
        ("https://www.arxiv.org/abs/2505.09999", "arXiv"),
        ("https://ARXIV.org/pdf/2510.08666", "arXiv"),
        ("https://WWW.arxiv.org./abs/2505.09999", "arXiv"),  # a host written in full
        ("https://doi.org/10.48550/arXiv.2510.08666", "arXiv"),
        ("https://arxiv.org/", None),
        # ACM
        ("https://dl.acm.org/doi/10.1145/3694715.3695948", "SOSP '24"),
        ("https://dl.acm.org/doi/abs/10.1145/3600006.3613165", "SOSP '23"),
        ("https://doi.org/10.1145/3477132.3483540", "SOSP '21"),
        ("http://dl.acm.org/doi/pdf/10.1145/3341301.3359630", "SOSP '19"),
        ("https://DL.ACM.ORG/doi/10.1145/3132747.3132785", "SOSP '17"),
        ("https://dl.acm.org/doi/10.1145/3689031.3696074", "EuroSys '25"),
        ("https://dl.acm.org/doi/10.1145/3627703.3629566", "EuroSys '24"),
        ("https://dl.acm.org/doi/abs/10.1145/3552326.3567495", "EuroSys '23"),
        ("https://dl.acm.org/doi/10.1145/3999999.3999999", None),
        ("https://dl.acm.org/doi/10.1145/3568428", None),  # a journal article, no volume
        # USENIX
        ("https://www.usenix.org/conference/osdi25/presentation/ren", "OSDI '25"),
        ("https://www.usenix.org/system/files/nsdi24-zhong.pdf", "NSDI '24"),
        ("https://www.usenix.org/conference/atc24/presentation/xu", "ATC '24"),
        ("https://www.usenix.org/system/files/atc24-xu.pdf", "ATC '24"),
        ("https://www.usenix.org/system/files/fast25-li.pdf", "FAST '25"),
        ("https://usenix.org/conference/fast25", "FAST '25"),
        ("https://www.usenix.org/system/files/usenixsecurity24-wang.pdf", "USENIX Security '24"),
        ("https://www.usenix.org/system/files/sec23-lee.pdf", "USENIX Security '23"),
        ("https://www.usenix.org/system/files/conference/osdi16/osdi16-abadi.pdf", "OSDI '16"),
        ("https://www.usenix.org/conference/lisa19/presentation/x", None),
        # MLSys, OpenReview
        (
            "https://proceedings.mlsys.org/paper_files/paper/2024/file/abc-Paper-Conference.pdf",
            "MLSys '24",
        ),
        ("https://proceedings.mlsys.org/paper/2022/hash/abc-Abstract.html", "MLSys '22"),
        ("https://proceedings.mlsys.org/", "MLSys"),
        ("https://openreview.net/forum?id=abc", None),
        # Not web links at all.
        ("./papers/x.pdf", None),
        ("arxiv.org/abs/2505.09999", None),
        ("ftp://arxiv.org/abs/2505.09999", None),
        ("", None),
    ],
)
def test_infer_venue(url: str, tag: str | None) -> None:
    assert infer_venue(url) == tag


def test_every_acm_prefix_is_inferred() -> None:
    for prefix, tag in ACM_PROCEEDINGS.items():
        assert infer_venue(f"https://doi.org/10.1145/{prefix}.1234567") == tag


def test_rules_are_extendable() -> None:
    import re

    from seminar_gui.core.venues import VenueRule

    rule = VenueRule("VLDB", re.compile(r"^vldb\.org/pvldb/vol(?P<v>\d+)", re.I), lambda m: "VLDB")
    VENUE_RULES.append(rule)
    try:
        assert infer_venue("https://www.vldb.org/pvldb/vol17/p1-x.pdf") == "VLDB"
    finally:
        VENUE_RULES.remove(rule)
    assert infer_venue("https://www.vldb.org/pvldb/vol17/p1-x.pdf") is None


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("OSDI'25", "OSDI '25"),
        ("OSDI 25", "OSDI '25"),
        ("osdi '25", "OSDI '25"),
        ("OSDI '25", "OSDI '25"),
        ("OSDI 2025", "OSDI '25"),
        ("OSDI25", "OSDI '25"),
        ("SOSP ’25", "SOSP '25"),
        ("  SOSP   '25 ", "SOSP '25"),
        ("arxiv", "arXiv"),
        ("ArXiv", "arXiv"),
        ("USENIX ATC '24", "ATC '24"),
        ("eurosys'24", "EuroSys '24"),
        ("MLSys 2024", "MLSys '24"),
        ("Workshop on Foo 2024", "Workshop on Foo '24"),
        ("HotOS XIX", "HotOS XIX"),
        ("", ""),
    ],
)
def test_normalize_venue(written: str, canonical: str) -> None:
    assert normalize_venue(written) == canonical


def test_normalized_inferred_tags_are_unchanged() -> None:
    for tag in {*ACM_PROCEEDINGS.values(), "arXiv", "OSDI '25", "USENIX Security '24"}:
        assert normalize_venue(tag) == tag


def test_split_venue() -> None:
    assert split_venue("osdi'25") == ("OSDI", "25")
    assert split_venue("arXiv") == ("arXiv", None)


@pytest.mark.parametrize(
    ("written", "inferred", "agree"),
    [
        ("OSDI'25", "OSDI '25", True),
        ("osdi 2025", "OSDI '25", True),
        ("OSDI", "OSDI '25", True),
        ("MLSys '24", "MLSys", True),
        ("arxiv", "arXiv", True),
        ("OSDI '24", "OSDI '25", False),
        ("SOSP '25", "OSDI '25", False),
        ("arXiv", "SOSP '25", False),
    ],
)
def test_venues_agree(written: str, inferred: str, agree: bool) -> None:
    assert venues_agree(written, inferred) is agree


@pytest.mark.parametrize(
    ("tag", "kind"),
    [
        ("SOSP '25", "conference"),
        ("OSDI'25", "conference"),
        ("osdi", "conference"),
        ("EuroSys '24", "conference"),
        ("USENIX ATC '24", "conference"),
        ("HotOS XIX", "conference"),
        ("arXiv", "arXiv"),
        ("arxiv", "arXiv"),
        ("Blog post", ""),
        ("", ""),
    ],
)
def test_venue_kind(tag: str, kind: str) -> None:
    assert venue_kind(tag) == kind
