"""What names a paper (core/paper_ids.py): the one grammar of arXiv ids and DOIs that
the paper look-up and the repeated-paper rule share."""

from __future__ import annotations

import pytest

from seminar_gui.core.paper_ids import PaperId, recognise, split_url
from seminar_gui.core.rules import paper_keys

ARXIV = "https://arxiv.org/pdf/2510.08666"
SOSP = "https://dl.acm.org/doi/pdf/10.1145/3731569.3764805"
OSDI = "https://www.usenix.org/system/files/osdi25-ren.pdf"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://arxiv.org/abs/2510.08666", PaperId("arxiv", "2510.08666")),
        ("https://arxiv.org/pdf/2510.08666v2", PaperId("arxiv", "2510.08666")),
        ("http://export.arxiv.org/abs/2510.08666v1", PaperId("arxiv", "2510.08666")),
        ("https://www.arxiv.org/pdf/2509.16495.pdf", PaperId("arxiv", "2509.16495")),
        ("arXiv:2505.09999", PaperId("arxiv", "2505.09999")),
        (" 2505.09999v3 ", PaperId("arxiv", "2505.09999")),
        ("hep-th/9901001", PaperId("arxiv", "hep-th/9901001")),
        ("https://doi.org/10.48550/arXiv.2510.08666", PaperId("arxiv", "2510.08666")),
        ("https://doi.org/10.1145/3731569.3764824", PaperId("doi", "10.1145/3731569.3764824")),
        (
            "https://dl.acm.org/doi/pdf/10.1145/3731569.3764824",
            PaperId("doi", "10.1145/3731569.3764824"),
        ),
        (
            "https://dl.acm.org/doi/10.1145/3731569.3764824",
            PaperId("doi", "10.1145/3731569.3764824"),
        ),
        ("doi:10.5555/example.2024.42", PaperId("doi", "10.5555/example.2024.42")),
        ("10.5555/example.2024.42", PaperId("doi", "10.5555/example.2024.42")),
        # a publisher's /doi/ page, the arXiv page of formats, a sentence's full stop
        (
            "https://onlinelibrary.wiley.com/doi/full/10.1002/spe.3001",
            PaperId("doi", "10.1002/spe.3001"),
        ),
        ("https://arxiv.org/format/2510.08666", PaperId("arxiv", "2510.08666")),
        ("HTTPS://WWW.Arxiv.ORG/abs/2510.08666v2/", PaperId("arxiv", "2510.08666")),
        ("doi:10.5555/example.2024.42.", PaperId("doi", "10.5555/example.2024.42")),
        (
            "https://dl.acm.org/doi/pdf/10.1145/3731569.3764824.pdf",
            PaperId("doi", "10.1145/3731569.3764824"),
        ),
        ("10.5555/.", None),
        ("https://doi.org/10.1145//", None),
        ("https://www.usenix.org/conference/osdi25/presentation/x", None),
        ("https://example.org/abs/2510.08666", None),
        ("ftp://arxiv.org/abs/2510.08666", None),
        ("Fast-dLLM v2", None),
        ("", None),
        ("https://[x", None),
    ],
)
def test_recognises_arxiv_ids_and_dois(text: str, expected: PaperId | None) -> None:
    assert recognise(text) == expected
    if "://" in text and text.lower().startswith("http"):
        # The repeated-paper rule reads the link the same way (ids compared lower-cased).
        keys = paper_keys(text, "")
        named = [k for k in keys if k[0] in ("arxiv", "doi")]
        assert named == ([] if expected is None else [(expected.kind, expected.value.lower())])


def _split_by_urlsplit(url: str) -> tuple[str, str, str] | None:
    """What ``split_url`` must answer: urlsplit's reading, as written before
    the plain links' shortcut."""
    from urllib.parse import unquote, urlsplit

    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().rstrip(".").removeprefix("www.")
    except ValueError:
        return None
    return (host, unquote(parts.path), parts.query) if host else None


@pytest.mark.parametrize(
    "url",
    [
        ARXIV,
        SOSP,
        OSDI,
        "HTTPS://WWW.Arxiv.ORG/abs/2510.08666v2/",
        "https://arxiv.org",
        "https://www.www.x.org/a",
        "https://x.org./a//",
        "http://.../x",
        "https://user@x.org/a",
        "https://x.org:8080/a",
        "https://x.org/a%20b",
        "https://x.org/a?b=1#c",
        "https://x.org/a#c",
        "https://[::1/a",
        "https://x.org/é/ü",
        "https://x.org/a\\b",
        "ftp://x.org/a",
        "x.org/a",
        "https:///a",
    ],
)
def test_plain_links_are_taken_apart_as_urlsplit_does(url: str) -> None:
    # The repeated-paper rule reads every link of every semester at start: plain links
    # skip urlsplit (a fifth of the rule's first run), and must read the same.
    assert split_url(url) == _split_by_urlsplit(url)


def test_any_link_is_taken_apart_as_urlsplit_does() -> None:
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies
    parts = st.text(alphabet="aZ09.-_/:@?#%[]\\ é\t", max_size=12)

    @hypothesis.given(st.sampled_from(["https://", "HTTP://", "http:/", ""]), parts)
    @hypothesis.settings(max_examples=300, deadline=None)
    def same(scheme: str, rest: str) -> None:
        url = scheme + rest
        assert split_url(url) == _split_by_urlsplit(url)

    same()
