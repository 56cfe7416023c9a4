"""A session's announcement, ready to paste: plain text (chat, e-mail) and Markdown.

One template (``Document.announcement_template``; empty: :data:`BUILT_IN_TEMPLATE`)
gives both versions: its placeholders are filled with plain values for the text and
with Markdown (links) for the Markdown.  A line whose placeholders are all empty (no
place set, say) is left out.  ``{{`` and ``}}`` are literal braces.

The announcement is written for the group, not for the window's language: dates are
English as the README writes them (:mod:`seminar_gui.core.dates`), unless the template
itself is written in Chinese; then the date and the few words the placeholders add
("Presenters") are Chinese too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from seminar_gui.core.dates import MONTH_NAMES, WEEKDAY_NAMES
from seminar_gui.core.lines import link_labels
from seminar_gui.core.messages import QT_TRANSLATE_NOOP, Text
from seminar_gui.core.model import Document, Semester, Session, Topic

#: The placeholders a template may use, with what each becomes.
PLACEHOLDERS: dict[str, Text] = {
    "semester": QT_TRANSLATE_NOOP("announce", "the semester's title, e.g. 2025 Fall")(),
    "date": QT_TRANSLATE_NOOP("announce", "the session's date, e.g. Tuesday, November 25, 2025")(),
    "time": QT_TRANSLATE_NOOP("announce", "the semester's meeting time, e.g. 19:00-21:00")(),
    "place": QT_TRANSLATE_NOOP("announce", "the semester's room")(),
    "link": QT_TRANSLATE_NOOP("announce", "the semester's online meeting link")(),
    "topics": QT_TRANSLATE_NOOP(
        "announce", "each topic: paper with its link and venue, presenters, note"
    )(),
    "papers": QT_TRANSLATE_NOOP("announce", "the papers with their links, one a line")(),
    "presenters": QT_TRANSLATE_NOOP("announce", "everyone presenting, lead first")(),
}

BUILT_IN_TEMPLATE = """\
Reading group, {semester}: {date}
- Time: {time}
- Place: {place}
- Online: {link}

{topics}
"""

_UNKNOWN = QT_TRANSLATE_NOOP("announce", "unknown placeholder {name}; the template knows {known}")
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_]\w*)\}")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>])")
_ZH_WEEKDAYS = "一二三四五六日"

_WORDS = {
    "en": {"presenters": "Presenters: ", "lead": "lead", "tba": "(paper to be announced)"},
    "zh": {"presenters": "报告人：", "lead": "主讲", "tba": "（论文待定）"},
}


@dataclass(frozen=True)
class Announcement:
    text: str
    markdown: str


def template_of(doc: Document) -> str:
    """The template the document uses."""
    return doc.announcement_template or BUILT_IN_TEMPLATE


def unknown_placeholders(template: str) -> list[Text]:
    """A message for each placeholder the template uses that does not exist."""
    known = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
    seen: list[str] = []
    for match in _PLACEHOLDER.finditer(template):
        name = match.group(1)
        if name and name not in PLACEHOLDERS and name not in seen:
            seen.append(name)
    return [_UNKNOWN(name="{" + name + "}", known=known) for name in seen]


def announcement(doc: Document, session_id: str, template: str | None = None) -> Announcement:
    """The announcement of a session, with ``template`` (default: the document's)."""
    semester, session = doc.find_session(session_id)
    template = template_of(doc) if template is None else template or BUILT_IN_TEMPLATE
    language = "zh" if _HAN.search(template) else "en"
    return Announcement(
        text=fill(template, _values(semester, session, language, markdown=False)),
        markdown=fill(template, _values(semester, session, language, markdown=True)),
    )


def fill(template: str, values: dict[str, str]) -> str:
    """``template`` with its placeholders replaced; a line whose placeholders are all
    empty is dropped, runs of blank lines become one."""
    lines: list[str] = []
    for line in template.splitlines():
        names = [m.group(1) for m in _PLACEHOLDER.finditer(line) if m.group(1) in values]
        if names and not any(values[name] for name in names):
            continue

        indent = line[: len(line) - len(line.lstrip())]

        def replace(match: re.Match[str], indent: str = indent) -> str:
            whole, name = match.group(0), match.group(1)
            if name is None:
                return whole[0]  # "{{" or "}}"
            if name not in values:
                return whole  # unknown: left as written (the dialog says so)
            value = values[name]
            # A value of several lines keeps the line's indentation on the next ones.
            return value.replace("\n", "\n" + indent) if indent else value

        lines.append(_PLACEHOLDER.sub(replace, line).rstrip())
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


# ------------------------------------------------------------------ the values


def date_text(date: dt.date, language: str = "en") -> str:
    """'Tuesday, November 25, 2025' (or '2025年11月25日（星期二）')."""
    if language == "zh":
        return f"{date.year}年{date.month}月{date.day}日（星期{_ZH_WEEKDAYS[date.weekday()]}）"
    weekday, month = WEEKDAY_NAMES[date.weekday()], MONTH_NAMES[date.month - 1]
    return f"{weekday}, {month} {date.day}, {date.year}"


def _plain_title(title: str) -> str:
    return _ESCAPE.sub(r"\1", link_labels(title))


def _paper(topic: Topic, words: dict[str, str], *, markdown: bool) -> str:
    paper = topic.paper
    if not paper.title:
        return words["tba"]
    if markdown:
        title = f"[{paper.title}]({paper.url})" if paper.url else paper.title
        text = f"**{title}**"
    else:
        text = _plain_title(paper.title)
    return f"{text} ({paper.venue})" if paper.venue else text


def _presenters(topic: Topic, words: dict[str, str]) -> str:
    names = []
    for position, p in enumerate(topic.presenters):
        marks = [p.affiliation] if p.affiliation else []
        if position == 0 and len(topic.presenters) > 1:
            marks.append(words["lead"])
        names.append(f"{p.name} ({', '.join(marks)})" if marks else p.name)
    return ", ".join(names)


def _topics(session: Session, words: dict[str, str], *, markdown: bool) -> str:
    blocks = []
    for number, topic in enumerate(session.topics, 1):
        rows = [f"{number}. {_paper(topic, words, markdown=markdown)}"]
        details = []
        if topic.paper.url and not markdown:
            details.append(topic.paper.url)
        if topic.presenters:
            details.append(words["presenters"] + _presenters(topic, words))
        if topic.note:
            details.append(f"✨ {topic.note}")
        bullet = "   - " if markdown else "   "
        rows.extend(bullet + d for d in details)
        blocks.append("\n".join(rows))
    return "\n".join(blocks)


def _papers(session: Session, words: dict[str, str], *, markdown: bool) -> str:
    rows = []
    for topic in session.topics:
        paper = _paper(topic, words, markdown=markdown)
        if topic.paper.url and not markdown:
            paper += f" {topic.paper.url}"
        rows.append(f"- {paper}")
    return "\n".join(rows)


def _values(
    semester: Semester, session: Session, language: str, *, markdown: bool
) -> dict[str, str]:
    words = _WORDS[language]
    seen: list[str] = []
    for topic in session.topics:
        for p in topic.presenters:
            if p.name not in seen:
                seen.append(p.name)
    link = semester.online_link
    return {
        "semester": semester.title,
        "date": date_text(session.date, language),
        "time": semester.meeting_time,
        "place": semester.place,
        "link": f"<{link}>" if markdown and link else link,
        "topics": _topics(session, words, markdown=markdown),
        "papers": _papers(session, words, markdown=markdown),
        "presenters": ", ".join(seen),
    }


# --------------------------------------------------------------- which session


def session_on(doc: Document, date: dt.date) -> tuple[Semester, Session] | None:
    for semester in doc.semesters:
        for session in semester.sessions:
            if session.date == date:
                return semester, session
    return None


def next_session(doc: Document, today: dt.date) -> tuple[Semester, Session] | None:
    """The first session on or after ``today`` (the one to announce), else None."""
    upcoming = [
        (session.date, semester, session)
        for semester in doc.semesters
        for session in semester.sessions
        if session.date >= today
    ]
    if not upcoming:
        return None
    _, semester, session = min(upcoming, key=lambda item: item[0])
    return semester, session
