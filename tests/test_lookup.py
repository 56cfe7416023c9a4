"""Paper look-up: recognising ids, reading the services' answers, the bar in the topic
form against a local server (127.0.0.1) serving recorded answers, and the authors in
the README."""

from __future__ import annotations

import itertools
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from seminar_gui.core import edits
from seminar_gui.core.demo import load_demo
from seminar_gui.core.lookup import (
    LookupFailed,
    crossref_venue,
    fetch,
    parse_arxiv,
    parse_crossref,
)
from seminar_gui.core.model import without_ids
from seminar_gui.core.paper_ids import PaperId
from seminar_gui.core.readme.export import export_readme
from seminar_gui.core.readme.importer import import_readme

FIXTURES = Path(__file__).parent / "fixtures" / "lookup"
DINFER = "dInfer: An Efficient Inference Framework for Diffusion Language Models"
MANTLE = "Mantle: Efficient Hierarchical Metadata Management for Cloud Object Storage Services"
STALL_SECONDS = 5.0


# ------------------------------------------------------------------ recognising
# ---------------------------------------------------------------------- parsing
def test_arxiv_answer_gives_one_line_title_venue_and_authors() -> None:
    data = (FIXTURES / "arxiv-2510.08666.xml").read_bytes()
    info = parse_arxiv(data, PaperId("arxiv", "2510.08666"))
    assert info.title == DINFER  # the API wraps long titles over lines
    assert info.venue == "arXiv"
    assert info.authors == ("Alice Example", "Bo Placeholder", "Chen Sample")


def test_arxiv_error_entry_is_not_a_paper() -> None:
    data = (FIXTURES / "arxiv-not-found.xml").read_bytes()
    with pytest.raises(LookupFailed, match=r"arXiv does not know 2599\.99999"):
        parse_arxiv(data, PaperId("arxiv", "2599.99999"))
    with pytest.raises(LookupFailed, match="cannot read"):
        parse_arxiv(b"<html>rate limited</html", PaperId("arxiv", "2599.99999"))


def test_crossref_proceedings_gives_the_house_venue_tag() -> None:
    data = (FIXTURES / "crossref-10.1145_3731569.3764824.json").read_bytes()
    info = parse_crossref(data, PaperId("doi", "10.1145/3731569.3764824"))
    assert info.title == MANTLE  # JATS <i> gone
    assert info.venue == "SOSP '25"
    assert info.authors == ("Alice Example", "Bo Placeholder", "The Sample Team")


def test_crossref_journal_gives_its_short_title_and_clean_authors() -> None:
    data = (FIXTURES / "crossref-10.5555_example.2024.42.json").read_bytes()
    info = parse_crossref(data, PaperId("doi", "10.5555/example.2024.42"))
    assert info.title == "Scheduling Without Clocks: A Study of Things & Other Things"
    assert info.venue == "Trans. Comput. Syst."
    assert info.authors == ("Dana Sample Jr.",)  # no comma: the README separates by commas


def test_crossref_venue_from_event_or_proceedings_name() -> None:
    event = {"event": {"acronym": "EuroSys '26", "name": "EuroSys '26: ..."}}
    assert crossref_venue(event, "10.9999/x") == "EuroSys '26"
    osdi = {
        "container-title": [
            "Proceedings of the 18th USENIX Symposium on Operating Systems "
            "Design and Implementation"
        ],
        "issued": {"date-parts": [[2024, 7, 10]]},
    }
    assert crossref_venue(osdi, "10.9999/y") == "OSDI '24"
    assert crossref_venue({"container-title": ["Some Workshop [Extended]"]}) == (
        "Some Workshop (Extended)"
    )


# ---------------------------------------------------------------- a local server
class _Answers(BaseHTTPRequestHandler):
    stop = threading.Event()
    requests: list[str] = []  # noqa: RUF012 (shared by the handler threads, on purpose)

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        self.requests.append(self.path)
        if parts.path.startswith("/stall"):
            self.stop.wait(STALL_SECONDS)  # then hang up without an answer
            self.close_connection = True
            return
        if parts.path.startswith("/broken"):
            self._send(503, b"Service Unavailable", "text/plain")
        elif parts.path == "/arxiv/query":
            paper = parse_qs(parts.query)["id_list"][0]
            path = FIXTURES / f"arxiv-{paper}.xml"
            if not path.exists():
                path = FIXTURES / "arxiv-not-found.xml"
            self._send(200, path.read_bytes(), "application/atom+xml")
        elif parts.path.startswith("/crossref/works/"):
            doi = unquote(parts.path.removeprefix("/crossref/works/"))
            path = FIXTURES / f"crossref-{doi.replace('/', '_')}.json"
            if path.exists():
                self._send(200, path.read_bytes(), "application/json")
            else:
                self._send(404, b"Resource not found.", "text/plain")
        else:
            self._send(404, b"no", "text/plain")

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    """The base address of a server on 127.0.0.1 answering with the recorded files."""
    _Answers.stop.clear()
    _Answers.requests.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Answers)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    _Answers.stop.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def refused() -> str:
    """An address on 127.0.0.1 where nothing listens (the connection is refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_fetch_asks_the_configured_services(server: str) -> None:
    apis = {"arxiv_api": f"{server}/arxiv/query", "crossref_api": f"{server}/crossref/works"}
    assert fetch(PaperId("arxiv", "2510.08666"), **apis).title == DINFER
    assert fetch(PaperId("doi", "10.1145/3731569.3764824"), **apis).venue == "SOSP '25"
    with pytest.raises(LookupFailed, match=r"Crossref does not know 10\.1145/0000"):
        fetch(PaperId("doi", "10.1145/0000"), **apis)
    with pytest.raises(LookupFailed, match=r"HTTP 503"):
        fetch(PaperId("arxiv", "2510.08666"), arxiv_api=f"{server}/broken")


def test_fetch_gives_up_quietly(server: str, refused: str) -> None:
    start = time.monotonic()
    with pytest.raises(LookupFailed, match=r"did not answer within 0\.5 s"):
        fetch(PaperId("arxiv", "2510.08666"), arxiv_api=f"{server}/stall", timeout=0.5)
    assert time.monotonic() - start < 3
    with pytest.raises(LookupFailed, match="arXiv could not be reached"):
        fetch(PaperId("arxiv", "2510.08666"), arxiv_api=refused)


# ------------------------------------------------------------------- the window
def _empty_topic(window) -> str:
    """A new, empty topic in the selected session, shown in the form."""
    from seminar_gui.qt.commands import AddTopicCommand

    session_id = window.selection.session_id
    command = AddTopicCommand(window.document, session_id)
    window.document.undo_stack.push(command)
    window.selection.select_session(session_id, command.topic_id)
    assert window.editor.form.topic_id == command.topic_id
    return command.topic_id


def _use(window, server: str, timeout: float = 10.0) -> None:
    window.settings.arxiv_api = f"{server}/arxiv/query"
    window.settings.crossref_api = f"{server}/crossref/works"
    window.settings.lookup_timeout = timeout


def _paste(qtbot, window, text: str) -> None:
    edit = window.editor.form.edits["url"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def _paper(window, topic_id: str):
    return window.document.doc.find_topic(topic_id)[2].paper


def test_pasted_arxiv_url_fills_title_venue_and_authors_in_one_step(qtbot, window, server):
    from PySide6.QtCore import Qt

    _use(window, server)
    topic_id = _empty_topic(window)
    form, bar = window.editor.form, window.paper_lookup
    _paste(qtbot, window, "https://arxiv.org/abs/2510.08666")
    # Offered, not done: nothing is filled before the organizer's click.
    assert bar.isVisible() and bar.button.isVisible()
    assert bar.button.text() == "Fill in from arXiv"
    assert form.edits["title"].text() == ""
    assert _answered(window, topic_id) == ("", "", "")
    steps = window.document.undo_stack.count()
    with qtbot.waitSignal(bar.lookupFinished, timeout=5000) as done:
        qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    assert done.args == [True]
    assert form.edits["title"].text() == DINFER
    assert form.edits["venue"].text() == "arXiv"
    assert form.edits["url"].text() == "https://arxiv.org/abs/2510.08666"
    assert _paper(window, topic_id).authors == ["Alice Example", "Bo Placeholder", "Chen Sample"]
    assert window.document.undo_stack.count() == steps + 1
    assert "Filled in from arXiv" in bar.status.text()
    assert not bar.button.isVisible()
    window.document.undo_stack.undo()  # one step takes it all back
    assert _answered(window, topic_id) == ("", "", "")
    assert _paper(window, topic_id).authors == []


def _answered(window, topic_id: str) -> tuple[str, str, str]:
    paper = _paper(window, topic_id)
    return paper.title, paper.url, paper.venue


def test_bare_doi_becomes_a_link_with_the_venue_tag(qtbot, window, server):
    from PySide6.QtCore import Qt

    _use(window, server)
    topic_id = _empty_topic(window)
    bar = window.paper_lookup
    _paste(qtbot, window, "10.1145/3731569.3764824")
    assert bar.button.text() == "Fill in from Crossref"
    with qtbot.waitSignal(bar.lookupFinished, timeout=5000):
        qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    assert _answered(window, topic_id) == (
        MANTLE,
        "https://doi.org/10.1145/3731569.3764824",
        "SOSP '25",
    )


def test_an_unknown_paper_says_so_and_changes_nothing(qtbot, window, server):
    from PySide6.QtCore import Qt

    _use(window, server)
    topic_id = _empty_topic(window)
    bar = window.paper_lookup
    _paste(qtbot, window, "arXiv:2599.99999")
    steps = window.document.undo_stack.count()
    with qtbot.waitSignal(bar.lookupFinished, timeout=5000) as done:
        qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    assert done.args == [False]
    assert bar.status.text() == "arXiv does not know 2599.99999"
    assert window.document.undo_stack.count() == steps
    assert _answered(window, topic_id) == ("", "", "")


def test_a_topic_with_a_title_is_offered_only_when_the_url_is_typed(qtbot, window, server):
    from seminar_gui.core.paper_ids import recognise as known

    form, bar = window.editor.form, window.paper_lookup
    topic = window.document.doc.find_topic(form.topic_id)[2]
    assert topic.paper.title and known(topic.paper.url)  # the demo's first topic: arXiv
    assert not bar.isVisible()  # browsing the demo offers nothing
    _paste(qtbot, window, topic.paper.url)
    assert bar.isVisible()
    assert form.edits["title"].text() == topic.paper.title  # still the organizer's


def _wait_counting_ticks(qtbot, bar, timeout_ms: int) -> tuple[float, int, float]:
    """Click the bar's button; wait for the answer while a 20 ms timer ticks.
    Returns (seconds waited, ticks, the longest gap between two ticks)."""
    from PySide6.QtCore import Qt, QTimer

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    start = time.monotonic()
    with qtbot.waitSignal(bar.lookupFinished, timeout=timeout_ms):
        qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
        assert bar.busy and not bar.button.isVisible()  # the click returned at once
    end = time.monotonic()
    timer.stop()
    moments = [start, *ticks, end]
    gaps = [b - a for a, b in itertools.pairwise(moments)]
    waited = end - start
    return waited, len(ticks), max(gaps)


def test_a_5s_stall_keeps_the_window_responsive_and_the_fields(qtbot, window, server):
    _use(window, server)  # the default 10 s timeout: the server hangs up after 5 s
    window.settings.arxiv_api = f"{server}/stall"
    topic_id = _empty_topic(window)
    form, bar = window.editor.form, window.paper_lookup
    _paste(qtbot, window, "https://arxiv.org/abs/2510.08666")
    steps = window.document.undo_stack.count()
    waited, ticks, gap = _wait_counting_ticks(qtbot, bar, 15000)
    print(f"stall: waited {waited:.2f} s, {ticks} timer ticks, longest gap {gap * 1000:.0f} ms")
    assert waited >= STALL_SECONDS - 0.5
    assert ticks >= 100 and gap < 0.5  # the event loop kept running
    assert "arXiv could not be reached" in bar.status.text()
    assert window.document.undo_stack.count() == steps
    assert _answered(window, topic_id) == ("", "", "")
    assert form.edits["title"].text() == ""
    assert form.edits["url"].text() == "https://arxiv.org/abs/2510.08666"  # as typed


def test_a_stall_beyond_the_timeout_is_a_quiet_message(qtbot, window, server):
    _use(window, server, timeout=1.0)
    window.settings.arxiv_api = f"{server}/stall"
    topic_id = _empty_topic(window)
    bar = window.paper_lookup
    _paste(qtbot, window, "https://arxiv.org/abs/2510.08666")
    waited, ticks, gap = _wait_counting_ticks(qtbot, bar, 10000)
    assert 0.9 <= waited < 4 and ticks >= 20 and gap < 0.5
    assert bar.status.text() == "arXiv did not answer within 1 s"
    assert _answered(window, topic_id) == ("", "", "")


def test_a_refused_connection_keeps_the_fields(qtbot, window, refused):
    _use(window, refused)
    topic_id = _empty_topic(window)
    bar = window.paper_lookup
    _paste(qtbot, window, "10.1145/3731569.3764824")
    waited, _ticks, gap = _wait_counting_ticks(qtbot, bar, 10000)
    print(f"refused: answered in {waited * 1000:.0f} ms")
    assert "Crossref could not be reached" in bar.status.text()
    assert gap < 0.5
    assert _answered(window, topic_id) == ("", "", "")
    assert bar.button.isVisible()  # the organizer may try again


# ------------------------------------------------------------- authors in the README
def _with_authors(on: bool):
    doc = load_demo()
    topic = doc.semesters[0].sessions[0].topics[0]
    doc = edits.update_topic(doc, topic.id, paper={"authors": ["Ada Lovelace", "Alan Turing"]})
    style = doc.style.model_copy(update={"paper_authors": on})
    return doc.model_copy(update={"style": style}), topic


def test_authors_are_written_after_the_title_and_read_back() -> None:
    doc, topic = _with_authors(True)
    text = export_readme(doc)
    line = next(ln for ln in text.splitlines() if topic.paper.url in ln)
    assert line.endswith(f"]({topic.paper.url}) — *Ada Lovelace, Alan Turing*")
    back = import_readme(text).document
    assert back.style.paper_authors  # detected: the next export writes them again
    assert without_ids(back) == without_ids(doc)
    assert export_readme(back) == text


def test_authors_stay_out_of_the_readme_by_default() -> None:
    doc, _ = _with_authors(False)
    text = export_readme(doc)
    assert "Lovelace" not in text
    back = import_readme(text).document
    assert not back.style.paper_authors
    assert back.semesters[0].sessions[0].topics[0].paper.authors == []


def test_a_title_without_a_link_keeps_its_text() -> None:
    """`` — *…*`` after a plain title is part of the title, as before."""
    readme = "# 2025 Fall\n\n## Schedule\n\n### Sep 16\n- 💡 Kick-off — *all of us*\n<br><br>\n"
    paper = import_readme(readme).document.semesters[0].sessions[0].topics[0].paper
    assert paper.title == "Kick-off — *all of us*" and paper.authors == []


def test_project_settings_switch_the_authors_in_the_readme_on(qtbot) -> None:
    """The authors a look-up filled in reach the README only when the organizer says so
    (File › Project Settings): one undo step, and the export then writes them."""
    from PySide6.QtWidgets import QCheckBox

    from seminar_gui.core import edits
    from seminar_gui.core.demo import load_demo
    from seminar_gui.core.readme.export import export_readme
    from seminar_gui.qt.document import ProjectDocument
    from seminar_gui.qt.project_settings.dialog import ProjectSettingsDialog

    doc = load_demo()
    topic = doc.semesters[0].sessions[0].topics[0]
    paper = edits.revalidated(topic.paper, authors=["Ada Lovelace", "Alan Turing"])
    document = ProjectDocument(edits.update_topic(doc, topic.id, paper=paper))
    assert "Alan Turing" not in export_readme(document.doc)
    dialog = ProjectSettingsDialog(document)
    qtbot.addWidget(dialog)
    box = dialog.findChild(QCheckBox, "paperAuthorsBox")
    assert box is not None and not box.isChecked()
    box.setChecked(True)
    dialog.accept()
    assert document.doc.style.paper_authors and document.undo_stack.count() == 1
    assert "*Ada Lovelace, Alan Turing*" in export_readme(document.doc)
    document.undo_stack.undo()
    assert not document.doc.style.paper_authors
