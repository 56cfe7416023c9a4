"""Core speed on a 20-year archive: README import/export, JSON load/save, edits.

Run:  python benchmarks/bench_core.py   (prints medians of several runs)
Targets on a 2-core machine: import <= 50 ms, export <= 20 ms, JSON load <= 30 ms.

The archive names 8 people, so its presenters lines repeat (as a group's README does:
the same people present again and again) and the importer reads each distinct line
once.  "every presenters line new" imports the same archive with a name of its own in
every presenters line: the importer's worst case for that.

The edit rows time one edit as a keystroke makes it (``update_topic`` of a paper
title; ``add_topic``, whose new id is checked against the whole document), and, for
comparison, the whole-document validation that every edit ran before it checked only
the semester it touched.
"""

from __future__ import annotations

import itertools
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from archive import make_archive, median_ms

from seminar_gui.core import edits
from seminar_gui.core.model import Document, Presenter, Topic
from seminar_gui.core.readme.export import export_readme
from seminar_gui.core.readme.importer import import_readme
from seminar_gui.core.storage import load_project, save_project


def with_new_names(doc: Document) -> Document:
    """``doc`` with a name of its own for every presenter of every topic."""
    number = itertools.count()
    semesters = []
    for semester in doc.semesters:
        sessions = []
        for session in semester.sessions:
            topics = []
            for topic in session.topics:
                n = next(number)
                people = [
                    Presenter(name=f"{p.name} {n}", affiliation=p.affiliation)
                    for p in topic.presenters
                ]
                topics.append(topic.model_copy(update={"presenters": people}))
            sessions.append(session.model_copy(update={"topics": topics}))
        semesters.append(semester.model_copy(update={"sessions": sessions}))
    return doc.model_copy(update={"semesters": semesters})


def edit_rows(doc: Document) -> list[tuple[str, float, float | None]]:
    session = doc.semesters[5].sessions[3]
    topic = session.topics[1]
    titles = (f"A New Title {i}" for i in itertools.count())

    def title_edit() -> object:
        return edits.update_topic(doc, topic.id, paper={"title": next(titles)})

    def add_topic() -> object:
        return edits.add_topic(doc, session.id, None, Topic())

    def whole_document() -> object:
        return edits.revalidated(doc, semesters=list(doc.semesters))

    return [
        ("edit: topic title", median_ms(title_edit, runs=301), None),
        ("edit: add topic", median_ms(add_topic, runs=301), None),
        ("(whole-document validation)", median_ms(whole_document, runs=301), None),
    ]


def main() -> None:
    doc = make_archive()
    readme = export_readme(doc)
    readme_new_names = export_readme(with_new_names(doc))
    sessions = sum(len(s.sessions) for s in doc.semesters)
    topics = sum(len(x.topics) for s in doc.semesters for x in s.sessions)
    print(
        f"archive: {len(doc.semesters)} semesters, {sessions} sessions, {topics} topics, "
        f"README {len(readme) / 1024:.0f} KiB"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "archive.json"
        save_project(doc, path)
        print(f"JSON file: {path.stat().st_size / 1024:.0f} KiB")
        rows = [
            ("README import", median_ms(lambda: import_readme(readme)), 50),
            (
                "README import, every presenters line new",
                median_ms(lambda: import_readme(readme_new_names)),
                None,
            ),
            ("README export", median_ms(lambda: export_readme(doc)), 20),
            ("JSON load", median_ms(lambda: load_project(path)), 30),
            ("JSON save", median_ms(lambda: save_project(doc, path)), None),
        ]
    rows.extend(edit_rows(doc))
    width = max(len(name) for name, _, _ in rows)
    for name, ms, target in rows:
        verdict = (
            ""
            if target is None
            else f"  (target <= {target} ms: {'ok' if ms <= target else 'MISSED'})"
        )
        print(
            f"{name:{width}s} {ms:8.3f} ms{verdict}"
            if ms < 1
            else f"{name:{width}s} {ms:8.1f} ms{verdict}"
        )


if __name__ == "__main__":
    main()
