"""Headless commands (:data:`seminar_gui.COMMANDS`).  No Qt is imported here.

What a person reads (errors, problems, import warnings, what was written) is in the
UI language (the settings' or the system's, :func:`seminar_gui.translations.cli_translate`);
the prefixes that scripts and editors parse (``FILE:LINE: warning:``, ``error:``,
severities) and ``--help`` stay English.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from seminar_gui import __version__
from seminar_gui.core.messages import QT_TRANSLATE_NOOP, render

_EXISTS = QT_TRANSLATE_NOOP(
    "cli", "already exists; importing would replace it. Choose another -o file or add --force"
)
_FILLED = QT_TRANSLATE_NOOP("cli", "filled {count} venue tag(s) from paper URLs")
_WROTE = QT_TRANSLATE_NOOP("cli", "{semesters} semester(s), {sessions} session(s)")
_SUMMARY = QT_TRANSLATE_NOOP("cli", "{errors} error(s), {warnings} warning(s)")
_EVENTS = QT_TRANSLATE_NOOP("cli", "{count} event(s), one per session")
_BAD_TIMEZONE = QT_TRANSLATE_NOOP(
    "cli", "unknown time zone {timezone}: give an IANA name such as Asia/Shanghai"
)
_BAD_REMINDER = QT_TRANSLATE_NOOP("cli", "a reminder is minutes before the event: {minutes}")
_NO_SEMESTER = QT_TRANSLATE_NOOP("cli", "no semester {semester} in the project")
_NO_SESSION_ON = QT_TRANSLATE_NOOP("cli", "no session on {date}")
_NO_NEXT_SESSION = QT_TRANSLATE_NOOP(
    "cli", "no session on or after {date}; name one with --date YYYY-MM-DD"
)


def _language() -> str:
    """The UI language: the settings' or the system's (messages, holiday names)."""
    from seminar_gui.settings import load_settings
    from seminar_gui.translations import chosen_language, system_language

    return chosen_language(load_settings().language, system_language())


@cache
def _translate() -> Callable[[str, str], str]:
    """The UI language's ``translate(context, source)``, loaded when a message is
    first printed (never for ``export`` to stdout or ``schema``)."""
    from seminar_gui.translations import cli_translate

    return cli_translate(_language())


def _shown(text: str) -> str:
    """A message from core (or of this module) in the UI language."""
    return render(text, _translate())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seminar-gui",
        description="Plan a reading group's semester and publish it as a GitHub README.",
        epilog="Without a command, seminar-gui opens the window (FILE or the last document).",
    )
    parser.add_argument("--version", action="version", version=f"seminar-gui {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="read a schedule README into a project file")
    p.add_argument("readme", type=Path, help="the README.md to read")
    p.add_argument("-o", "--output", type=Path, help="project file to write (default: stdout)")
    p.add_argument("--force", action="store_true", help="replace an existing output file")
    p.add_argument(
        "--infer-venues",
        action="store_true",
        help="fill missing venue tags from the paper URLs (arXiv, SOSP, OSDI, ...)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")

    p = sub.add_parser("export", help="write the README of a project file")
    p.add_argument("project", type=Path, help="the project file (.json)")
    p.add_argument("-o", "--output", type=Path, help="README to write (default: stdout)")

    p = sub.add_parser("check", help="validate a project file (or a README) and list problems")
    p.add_argument("file", type=Path, help="a project file (.json) or a README (.md)")

    sub.add_parser("schema", help="print the JSON Schema of the project file")

    p = sub.add_parser("ics", help="write the schedule as a calendar feed (iCalendar)")
    p.add_argument("project", type=Path, help="the project file (.json)")
    p.add_argument("-o", "--output", type=Path, help=".ics file to write (default: stdout)")
    p.add_argument(
        "--reminder", type=int, metavar="MINUTES", help="a reminder this long before each"
    )
    p.add_argument(
        "--timezone",
        default="",
        help="IANA time zone of the meeting times, e.g. Asia/Shanghai (default: floating)",
    )
    p.add_argument("--name", default="Reading group", help="the calendar's name")
    p.add_argument(
        "--link-base",
        default="",
        help="address that relative links (slides) are read against, e.g. the repository's",
    )

    p = sub.add_parser("people", help="list everyone who presents, with their turns (CSV)")
    p.add_argument("project", type=Path, help="the project file (.json)")
    p.add_argument("-o", "--output", type=Path, help="CSV file to write (default: stdout)")
    p.add_argument("--semester", help="only this semester, e.g. '2025 Fall' (default: all)")

    p = sub.add_parser("announce", help="print the announcement of a session")
    p.add_argument("project", type=Path, help="the project file (.json)")
    p.add_argument(
        "--date",
        type=_iso_date,
        help="the session's date, YYYY-MM-DD (default: the next session from today)",
    )
    p.add_argument("--markdown", action="store_true", help="Markdown instead of plain text")

    p = sub.add_parser(
        "publish",
        help="commit the README, the linked slides and the project file in the site's Git "
        "repository (and push)",
    )
    p.add_argument("project", type=Path, help="the project file (.json)")
    p.add_argument("--push", action="store_true", help="fetch, bring in the remote's commits, push")
    p.add_argument("-m", "--message", help="the commit message (default: generated)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _translate.cache_clear()  # the settings may have changed since an earlier main()
    if args.command is None:
        parser.print_help()
        return 0
    from seminar_gui.core.errors import SeminarError, describe

    try:
        return _COMMANDS[args.command](args)
    except SeminarError as exc:
        print(f"seminar-gui: error: {describe(exc, _translate())}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except OSError as exc:  # one the core did not foresee (stdout on a full disk, ...)
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"seminar-gui: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2


def _import(args: argparse.Namespace) -> int:
    from seminar_gui.core.errors import SeminarError
    from seminar_gui.core.readme.importer import import_readme_file
    from seminar_gui.core.storage import dumps_project, save_project
    from seminar_gui.core.venues import fill_missing_venues

    if args.output and args.output.exists() and not args.force:
        raise SeminarError(_EXISTS(), file=args.output)
    result = import_readme_file(args.readme)
    doc = result.document
    if not args.quiet:
        for warning in result.warnings:
            message = _shown(warning.message)
            print(f"{args.readme}:{warning.line}: warning: {message}", file=sys.stderr)
    if args.infer_venues:
        doc, filled = fill_missing_venues(doc)
        print(f"{args.readme}: {_shown(_FILLED(count=filled))}", file=sys.stderr)
    if args.output:
        save_project(doc, args.output)
        sessions = sum(len(s.sessions) for s in doc.semesters)
        wrote = _WROTE(semesters=len(doc.semesters), sessions=sessions)
        print(f"{args.output}: {_shown(wrote)}", file=sys.stderr)
    else:
        sys.stdout.write(dumps_project(doc))
    return 0


def _export(args: argparse.Namespace) -> int:
    from seminar_gui.core.atomic import atomic_write_text
    from seminar_gui.core.readme.export import export_readme
    from seminar_gui.core.storage import load_project

    text = export_readme(load_project(args.project))
    if args.output:
        atomic_write_text(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


def _check(args: argparse.Namespace) -> int:
    from seminar_gui.core.checks import SEVERITY_ORDER, check_document, check_files
    from seminar_gui.core.plan import use_holiday_cache, use_holiday_language
    from seminar_gui.core.readme.importer import import_readme_file
    from seminar_gui.core.slides import resolve_site_folder
    from seminar_gui.core.storage import load_project
    from seminar_gui.settings import holiday_cache_path

    use_holiday_cache(holiday_cache_path())  # as the window: no package import
    use_holiday_language(_language())  # as the messages around them (国庆节)

    if args.file.suffix.lower() in (".md", ".markdown"):
        result = import_readme_file(args.file)
        for warning in result.warnings:
            print(f"{args.file}:{warning.line}: warning: {_shown(warning.message)}")
        doc = result.document
        site = args.file.absolute().parent  # the slides are next to the README
    else:
        doc = load_project(args.file)
        site = resolve_site_folder(doc, args.file)
    problems = check_document(doc) + check_files(doc, site)
    problems.sort(key=lambda p: SEVERITY_ORDER[p.severity])
    for problem in problems:
        where, message = _shown(problem.where), _shown(problem.message)
        print(f"{args.file}: {where}: {problem.severity}: {message}")
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    print(f"{args.file}: {_shown(_SUMMARY(errors=errors, warnings=warnings))}")
    return 1 if errors else 0


def _schema(args: argparse.Namespace) -> int:
    from seminar_gui.core.storage import project_json_schema

    print(json.dumps(project_json_schema(), indent=2, ensure_ascii=False))
    return 0


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2025-11-25: {text!r}") from None


def _people(args: argparse.Namespace) -> int:
    from seminar_gui.core.atomic import atomic_write_text
    from seminar_gui.core.dates import parse_semester_title
    from seminar_gui.core.errors import SeminarError
    from seminar_gui.core.people import people, people_csv
    from seminar_gui.core.storage import load_project

    doc = load_project(args.project)
    semester_id = None
    if args.semester:
        parsed = parse_semester_title(args.semester)  # "fall 2025" is "2025 Fall"
        title = f"{parsed[0]} {parsed[1]}" if parsed else args.semester
        found = [s for s in doc.semesters if s.title == title]
        if not found:
            raise SeminarError(_NO_SEMESTER(semester=args.semester), file=args.project)
        semester_id = found[0].id
    text = people_csv(people(doc, semester_id))
    if args.output:
        atomic_write_text(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


def _announce(args: argparse.Namespace) -> int:
    from seminar_gui.core.announce import announcement, next_session, session_on
    from seminar_gui.core.errors import SeminarError
    from seminar_gui.core.storage import load_project

    doc = load_project(args.project)
    if args.date is not None:
        found = session_on(doc, args.date)
        missing = _NO_SESSION_ON(date=args.date.isoformat())
    else:
        today = dt.date.today()
        found = next_session(doc, today)
        missing = _NO_NEXT_SESSION(date=today.isoformat())
    if found is None:
        raise SeminarError(missing, file=args.project)
    text = announcement(doc, found[1].id)
    sys.stdout.write(text.markdown if args.markdown else text.text)
    return 0


def _ics(args: argparse.Namespace) -> int:
    from seminar_gui.core.atomic import atomic_write_text
    from seminar_gui.core.errors import SeminarError
    from seminar_gui.core.ics import export_ics
    from seminar_gui.core.storage import load_project

    doc = load_project(args.project)
    if args.reminder is not None and args.reminder < 0:
        raise SeminarError(_BAD_REMINDER(minutes=args.reminder))
    try:
        text = export_ics(
            doc,
            reminder_minutes=args.reminder,
            timezone=args.timezone,
            name=args.name,
            link_base=args.link_base,
        )
    except (KeyError, ValueError):  # zoneinfo: no such zone, or a malformed name
        raise SeminarError(_BAD_TIMEZONE(timezone=args.timezone)) from None
    if args.output:
        atomic_write_text(args.output, text)
        events = sum(len(s.sessions) for s in doc.semesters)
        print(f"{args.output}: {_shown(_EVENTS(count=events))}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _publish(args: argparse.Namespace) -> int:
    """Exit 0: published, or nothing to publish; 1: refused (not a repository, missing
    slides, README changed upstream, push failed, ...); 2: bad input (the project)."""
    from seminar_gui.core.errors import SeminarError, describe
    from seminar_gui.core.publish import (
        GitError,
        MissingSlides,
        PublishPlan,
        UpstreamReadmeChanged,
        plan_publish,
        publish,
    )
    from seminar_gui.core.slides import resolve_site_folder
    from seminar_gui.core.storage import dumps_project, load_project, write_project_text

    doc = load_project(args.project)
    site = resolve_site_folder(doc, args.project)
    assert site is not None  # a project read from a file has the file's folder

    def refused(error: SeminarError) -> int:
        print(f"seminar-gui: error: {describe(error, _translate())}", file=sys.stderr)
        return 1

    def keep(new_doc: object) -> None:
        """Record the new baseline in the project file (publish already wrote it when
        the project file is in the repository)."""
        if new_doc is None:
            return
        if plan is not None and new_doc is plan.document and plan.project_text is not None:
            text = plan.project_text  # serialized once, by the plan
        else:
            text = dumps_project(new_doc)  # type: ignore[arg-type]
        try:
            current = args.project.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            current = None
        if current != text:
            write_project_text(text, args.project)

    plan: PublishPlan | None = None  # what keep() reuses once there is one
    try:
        plan = plan_publish(doc, args.project, site)
        result, new_doc = publish(plan, message=args.message, push=args.push)
    except MissingSlides as exc:
        for name in exc.files:
            print(f"seminar-gui: error: {site / name}: {_shown(_MISSING_SLIDE())}", file=sys.stderr)
        return 1
    except UpstreamReadmeChanged as exc:
        sys.stdout.write(exc.diff)
        return refused(exc)
    except GitError as exc:
        keep(exc.document)
        return refused(exc)
    keep(new_doc)
    print(f"{args.project}: {_shown(result.message)}", file=sys.stderr)
    return 0


_MISSING_SLIDE = QT_TRANSLATE_NOOP(
    "cli",
    "linked as slides, but the file does not exist; add it or remove the link "
    "(nothing was committed)",
)


_COMMANDS = {
    "import": _import,
    "export": _export,
    "check": _check,
    "schema": _schema,
    "people": _people,
    "announce": _announce,
    "ics": _ics,
    "publish": _publish,
}
