"""Export a :class:`Document` as the canonical README (FORMAT.md).

Deterministic: the same document always gives the same text.  The exporter is
split per semester and per session so that callers (the live preview) can cache
the blocks of what did not change; :func:`export_readme` simply joins them.
"""

from __future__ import annotations

from collections.abc import Sequence

from seminar_gui.core import lines, markers
from seminar_gui.core.dates import format_heading_date
from seminar_gui.core.lazy_re import lazy_compile
from seminar_gui.core.model import Document, FreeSection, Semester, Session, Style, Topic


def export_readme(doc: Document) -> str:
    blocks = [doc.preamble] if doc.preamble else []
    blocks.extend(export_semester(sem, doc.style) for sem in doc.semesters)
    return "\n\n".join(blocks).rstrip("\n") + "\n"


def semester_head(sem: Semester) -> str:
    """The semester's title, intro and the free sections before the schedule."""
    blocks = [f"# {sem.title}"]
    if sem.intro:
        blocks.append(sem.intro)
    blocks.extend(_section(s) for s in sem.sections if not s.after_schedule)
    return "\n\n".join(blocks)


def schedule_heading(sem: Semester) -> str:
    """'## Schedule' and the text before the first session."""
    if sem.schedule_intro:
        return f"## Schedule\n\n{sem.schedule_intro}\n"
    return "## Schedule"


def semester_tail(sem: Semester) -> str:
    """The free sections after the schedule ('' when there are none)."""
    return "\n\n".join(_section(s) for s in sem.sections if s.after_schedule)


def export_semester(sem: Semester, style: Style) -> str:
    schedule = schedule_heading(sem)
    if sem.sessions:
        schedule += "\n" + "\n\n".join(export_session(s, style) for s in sem.sessions)
    tail = semester_tail(sem)
    return "\n\n".join([semester_head(sem), schedule, *([tail] if tail else [])])


def _section(section: FreeSection) -> str:
    heading = "#" * section.level + " " + section.heading
    return f"{heading}\n\n{section.body}" if section.body else heading


def export_session(session: Session, style: Style) -> str:
    head = f"### {format_heading_date(session.date)}"
    parts = [head]
    if session.intro:
        parts.append(session.intro)
    # A lone topic gets its '#### Topic I' heading only when it has a custom heading, or
    # kept text that reads like a topic line (without the heading it would start a topic).
    many = len(session.topics) > 1
    topic_blocks = [
        export_topic(topic, style, number=i + 1, heading=many or _needs_heading(topic))
        for i, topic in enumerate(session.topics)
    ]
    body = "\n".join(parts)
    if topic_blocks:
        body += "\n" + "\n\n".join(topic_blocks)
    body += "\n<br><br>"
    if session.trailer:
        body += "\n\n" + session.trailer
    return body


def _needs_heading(topic: Topic) -> bool:
    if topic.heading:
        return True
    return any(
        markers.is_topic_line(line) for text in topic.extra.values() for line in text.split("\n")
    )


def export_topic(topic: Topic, style: Style, *, number: int, heading: bool) -> str:
    out: list[str] = []
    if heading:
        out.append(f"#### {topic.heading or 'Topic ' + lines.roman(number)}")

    def extra(position: str) -> None:
        if position in topic.extra:
            out.append(topic.extra[position])

    extra("start")
    if topic.note:
        out.append(f"- {style.note_marker} {topic.note}")
    extra("note")
    paper = lines.format_paper(
        lines.PaperParts(topic.paper.venue, topic.paper.title, topic.paper.url)
    )
    if style.paper_authors and topic.paper.url and topic.paper.authors:
        paper += format_authors(topic.paper.authors)
    out.append(f"- {style.paper_marker} {paper}".rstrip())
    extra("paper")
    if topic.presenters:
        people = [lines.PresenterParts(p.name, p.affiliation) for p in topic.presenters]
        out.append(
            f"- {style.presenter_marker} "
            + lines.format_presenters(people, style.presenter_separator)
        )
    extra("presenters")
    if topic.slides or topic.video:
        out.append(
            "- "
            + lines.format_materials(
                topic.slides,
                topic.video,
                slides_label=style.slides_label,
                video_label=style.video_label,
                separator=style.material_separator,
            )
        )
    extra("materials")
    return "\n".join(out)


# ------------------------------------------------------------------------- authors
# With Style.paper_authors, a linked paper's authors follow its link on the paper line:
# ``- 💡 [arXiv] [Title](URL) — *A. Author, B. Author*``; the importer reads them back
# (split_authors).  Only a linked title gets them: after a plain title they would be
# read as part of the title.
_AUTHORS = lazy_compile(r" — \*([^*\n]+)\*\Z")


def readme_author(name: str) -> str:
    """An author as the paper line can hold it: no commas (they separate the authors),
    asterisks or backslashes (they would end the emphasis), one line."""
    for c in ",*\\":
        name = name.replace(c, " ")
    return " ".join(name.split())


def format_authors(authors: Sequence[str]) -> str:
    """What follows the paper's link: `` — *A. Author, B. Author*`` ('' for none)."""
    names = [a for a in map(readme_author, authors) if a]
    return f" — *{', '.join(names)}*" if names else ""


def split_authors(payload: str) -> tuple[str, list[str]]:
    """The paper line's text without the authors, and the authors (none: ``[]``)."""
    m = _AUTHORS.search(payload.rstrip())
    if m is None:
        return payload, []
    head = payload.rstrip()[: m.start()]
    if not lines.parse_paper(head).url:
        return payload, []  # not after a link: part of a title as written
    return head, [a.strip() for a in m.group(1).split(",") if a.strip()]
