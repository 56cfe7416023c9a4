"""The JSON project file: round trip, format, atomic save, error messages, migrations."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import documents

from seminar_gui.core import migrations, model
from seminar_gui.core.atomic import atomic_write_text
from seminar_gui.core.errors import ProjectFileError
from seminar_gui.core.model import (
    Document,
    FreeSection,
    Paper,
    Presenter,
    Semester,
    Session,
    Topic,
)
from seminar_gui.core.storage import (
    dumps_project,
    load_project,
    loads_project,
    project_json_schema,
    save_project,
)

TOPIC_KEYS = ["id", "heading", "note", "paper", "presenters", "slides", "video", "extra"]


def topic(title: str, *names: str, venue: str = "arXiv", **kw: Any) -> Topic:
    url = f"https://arxiv.org/pdf/{abs(hash(title)) % 10000}"
    people = [Presenter(name=n.split("@")[0], affiliation="".join(n.split("@")[1:])) for n in names]
    return Topic(paper=Paper(title=title, url=url, venue=venue), presenters=people, **kw)


def make_doc() -> Document:
    fall = Semester(
        title="2025 Fall",
        intro="Welcome! 欢迎 🎉",
        sections=[FreeSection(heading="Other Information", body="Videos on bilibili.\nAsk 张伟.")],
        # Given oldest first on purpose: the file lists sessions newest first.
        sessions=[
            Session(
                date=dt.date(2025, 9, 16),
                topics=[Topic(paper=Paper(title="Kick-off meeting"), presenters=[])],
            ),
            Session(
                date=dt.date(2025, 11, 25),
                topics=[
                    topic("ROLL: Scaling RL for LLMs", "Wei Gao@Alibaba ROLL"),
                    topic("Spirit: Fair Allocation", "张伟", "Yicheng Zhang", venue="SOSP '25"),
                ],
            ),
            Session(
                date=dt.date(2025, 12, 2),
                topics=[
                    topic(
                        "dInfer: Diffusion LLM inference 🚀", "Yuxin Ma", note="SOSP Rehearsal ✨"
                    ),
                    topic("HydraServe", "Ping Gong", "Xin Ren@清华大学", slides="./slides/x.pdf"),
                ],
            ),
        ],
    )
    spring = Semester(
        title="2025 Spring",
        sessions=[Session(date=dt.date(2025, 3, 4), topics=[topic("Mantle", "李娜")])],
    )
    return Document(preamble="# Reading group\n\nWe read papers.", semesters=[spring, fall])


@pytest.fixture
def doc() -> Document:
    return make_doc()


@pytest.fixture
def saved(tmp_path: Path, doc: Document) -> Path:
    path = tmp_path / "schedule.json"
    save_project(doc, path)
    return path


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


# ------------------------------------------------------------------------ format


def test_save_then_load_gives_the_same_document(saved: Path, doc: Document) -> None:
    assert load_project(saved) == doc


def test_file_format_is_fixed(saved: Path) -> None:
    text = saved.read_bytes().decode("utf-8")
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text.splitlines()[1] == '  "schema_version": 2,'
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    assert "张伟" in text and "🚀" in text and "\\u" not in text
    data = json.loads(text)
    assert list(data) == [
        *["schema_version", "preamble", "site_folder", "style", "rules", "holiday_country"],
        *["announcement_template", "published_readme_sha", "semesters"],
    ]
    assert [s["title"] for s in data["semesters"]] == ["2025 Fall", "2025 Spring"]
    dates = [s["date"] for s in data["semesters"][0]["sessions"]]
    assert dates == ["2025-12-02", "2025-11-25", "2025-09-16"]
    first_topic = data["semesters"][0]["sessions"][0]["topics"][0]
    assert list(first_topic) == TOPIC_KEYS
    assert list(first_topic["paper"]) == ["title", "url", "venue", "authors"]


def test_dumps_is_deterministic_and_sorts_lists_changed_in_place(doc: Document) -> None:
    text = dumps_project(doc)
    assert dumps_project(doc) == text
    assert dumps_project(loads_project(text)) == text
    fall = doc.semesters[0]
    fall.sessions.append(Session(date=dt.date(2025, 10, 1)))  # bypasses the model's sorting
    dates = [s["date"] for s in json.loads(dumps_project(doc))["semesters"][0]["sessions"]]
    assert dates == sorted(dates, reverse=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_valid_document_round_trips(document: Document) -> None:
    text = dumps_project(document)
    assert loads_project(text) == document
    assert dumps_project(loads_project(text)) == text
    assert dumps_project(document.model_copy(deep=True)) == text
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


# -------------------------------------------------------------------------- saving


def test_second_save_keeps_the_first_as_backup(saved: Path, doc: Document) -> None:
    first = saved.read_bytes()
    doc = doc.model_copy(update={"preamble": "Changed"})
    save_project(doc, saved)
    assert Path(f"{saved}.bak").read_bytes() == first
    assert load_project(saved).preamble == "Changed"
    assert sorted(p.name for p in saved.parent.iterdir()) == ["schedule.json", "schedule.json.bak"]


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_failed_save_leaves_the_file_and_no_temp_file(
    saved: Path, doc: Document, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    save_project(doc, saved)  # now there is a backup too
    before = {p.name: p.read_bytes() for p in saved.parent.iterdir()}

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, fail)
    doc = doc.model_copy(update={"preamble": "Lost"})
    with pytest.raises(ProjectFileError) as err:
        save_project(doc, saved)
    monkeypatch.undo()
    assert "schedule.json" in str(err.value)
    assert "No space left on device" in str(err.value)
    assert "writable" in err.value.message
    assert {p.name: p.read_bytes() for p in saved.parent.iterdir()} == before


def test_save_into_a_missing_folder_says_so(tmp_path: Path, doc: Document) -> None:
    path = tmp_path / "nowhere" / "schedule.json"
    with pytest.raises(ProjectFileError, match="check that the folder exists") as err:
        save_project(doc, path)
    assert err.value.file == str(path)
    assert not path.parent.exists()


def test_atomic_write_text_writes_exactly_the_text(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text("old\n", encoding="utf-8")
    atomic_write_text(path, "# 新的 README\r\n")  # no backup unless asked, no newline change
    assert path.read_bytes() == "# 新的 README\r\n".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["README.md"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_save_keeps_permissions(saved: Path, doc: Document) -> None:
    mask = os.umask(0o022)
    os.umask(mask)
    assert saved.stat().st_mode & 0o777 == 0o666 & ~mask  # a new file: the usual mode
    saved.chmod(0o640)
    save_project(doc, saved)
    assert saved.stat().st_mode & 0o777 == 0o640


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges")
def test_save_through_a_symlink_writes_the_target(saved: Path, doc: Document) -> None:
    link = saved.parent / "link.json"
    link.symlink_to(saved)
    doc = doc.model_copy(update={"preamble": "Via link"})
    save_project(doc, link)
    assert link.is_symlink()
    assert load_project(saved).preamble == "Via link"


# ------------------------------------------------------------------------- loading


def _replace_first(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text
        return text.replace(old, new, 1)

    return edit


def _set(path: tuple[str | int, ...], value: object) -> Callable[[str], str]:
    """Change one value in the file, written back in the same layout."""

    def edit(text: str) -> str:
        data = json.loads(text)
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    return edit


def _drop_comma_after(key: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        lines = text.split("\n")
        i = next(i for i, line in enumerate(lines) if line.strip().startswith(f'"{key}"'))
        lines[i] = lines[i].rstrip(",")
        return "\n".join(lines)

    return edit


FALL_TOPIC_II = ("semesters", 0, "sessions", 0, "topics", 1)  # 2025-12-02, HydraServe
LOAD_ERRORS: dict[str, tuple[Callable[[str], str], list[str]]] = {
    "missing comma": (_drop_comma_after("heading"), ["not valid JSON", "comma is missing"]),
    # Saved once: there is no schedule.json.bak, so the hint does not name one.
    "truncated": (lambda t: t[: len(t) // 2], ["truncated", "from Git or your backups"]),
    "trailing comma": (
        _replace_first('"authors": []\n', '"authors": [],\n'),
        ["remove the comma before '}'"],
    ),
    "date is a number": (
        _set(("semesters", 0, "sessions", 0, "date"), 5),
        ["semester 2025 Fall, session #1", "valid date", "found 5", "sessions[0].date"],
    ),
    "presenters is text": (
        _set((*FALL_TOPIC_II, "presenters"), "x"),
        ["semester 2025 Fall, session 2025-12-02, topic II", 'found "x"', "topics[1].presenters"],
    ),
    "impossible date": (
        _set(("semesters", 1, "sessions", 0, "date"), "2025-02-30"),
        ["semester 2025 Spring, session 2025-02-30", "valid date", "semesters[1].sessions[0].date"],
    ),
    "name with a comma": (
        _set((*FALL_TOPIC_II, "presenters", 1, "name"), "Xin Ren, Ping Gong"),
        ["topic II", "several people", "topics[1].presenters[1].name"],
    ),
    "unknown field": (_set((*FALL_TOPIC_II, "speaker"), "x"), ["unknown field 'speaker'"]),
    "no schema_version": (
        _replace_first('"schema_version": 2,', ""),
        ['"schema_version" is missing', "(schema_version)"],
    ),
    "schema_version as text": (
        _replace_first('"schema_version": 2', '"schema_version": "2"'),
        ["whole number", '"2"'],
    ),
    "newer schema_version": (
        _replace_first('"schema_version": 2', '"schema_version": 99'),
        ["written by a newer seminar-gui (schema_version 99, this version reads up to 2)"],
    ),
    "not an object": (lambda t: f"[{t}]", ["not a seminar-gui project"]),
    "empty": (lambda t: "", ["empty"]),
}


@pytest.mark.parametrize("case", list(LOAD_ERRORS))
def test_bad_file_gives_a_readable_error_and_is_left_alone(saved: Path, case: str) -> None:
    edit, expected = LOAD_ERRORS[case]
    saved.write_text(edit(saved.read_text(encoding="utf-8")), encoding="utf-8")
    before = snapshot(saved)
    with pytest.raises(ProjectFileError) as err:
        load_project(saved)
    message = str(err.value)
    assert message.startswith(f"{saved}:")
    for part in expected:
        assert part in message
    assert err.value.line is not None
    assert snapshot(saved) == before


def test_error_points_at_the_line_and_field(saved: Path) -> None:
    text = saved.read_text(encoding="utf-8")
    text = text.replace('"name": "Xin Ren"', '"name": "Xin Ren (Tsinghua)"', 1)
    saved.write_text(text, encoding="utf-8")
    with pytest.raises(ProjectFileError) as err:
        load_project(saved)
    line = next(i for i, s in enumerate(text.split("\n"), 1) if "Xin Ren (Tsinghua)" in s)
    assert err.value.line == line
    assert err.value.field == "semesters[0].sessions[0].topics[1].presenters[1].name"
    assert "semester 2025 Fall, session 2025-12-02, topic II" in err.value.message


def test_missing_comma_points_at_the_line_before(saved: Path) -> None:
    text = _drop_comma_after("heading")(saved.read_text(encoding="utf-8"))
    saved.write_text(text, encoding="utf-8")
    with pytest.raises(ProjectFileError) as err:
        load_project(saved)
    line = next(i for i, s in enumerate(text.split("\n"), 1) if s.strip().startswith('"heading"'))
    assert err.value.line == line + 1 and err.value.column is not None
    assert f"at the end of line {line}" in err.value.message


def test_several_problems_are_counted(saved: Path) -> None:
    text = saved.read_text(encoding="utf-8").replace('"level": 2', '"level": 9')
    text = text.replace('"date": "2025-03-04"', '"date": "March"')
    saved.write_text(text, encoding="utf-8")
    with pytest.raises(ProjectFileError, match="1 of 2 problems") as err:
        load_project(saved)
    assert "sections[0].level" in str(err.value) and "sessions[0].date" in str(err.value)


def test_invalid_utf8_names_the_line(saved: Path) -> None:
    raw = saved.read_bytes().replace("张伟".encode(), b"\xd5\xc5\xce\xb0", 1)  # GBK
    saved.write_bytes(raw)
    line = raw[: raw.index(b"\xd5\xc5")].count(b"\n") + 1
    with pytest.raises(ProjectFileError, match="not UTF-8") as err:
        load_project(saved)
    assert err.value.line == line and err.value.file == str(saved)


def test_a_byte_order_mark_is_accepted(saved: Path, doc: Document) -> None:
    saved.write_bytes(b"\xef\xbb\xbf" + saved.read_bytes())
    assert load_project(saved) == doc


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="cannot read") as err:
        load_project(tmp_path / "gone.json")
    assert "gone.json" in str(err.value)


# ---------------------------------------------------------------------- migrations


def test_older_file_is_upgraded_by_the_registered_migrations(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pretend version 3 renamed "preamble" (it was "prelude" in version 2).
    text = saved.read_text(encoding="utf-8").replace('"preamble"', '"prelude"', 1)
    saved.write_text(text, encoding="utf-8")
    before = snapshot(saved)

    def v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
        data["preamble"] = data.pop("prelude")
        return {**data, "schema_version": 3}

    monkeypatch.setattr(model, "SCHEMA_VERSION", 3)
    monkeypatch.setitem(migrations.MIGRATIONS, 2, v2_to_v3)
    loaded = load_project(saved)
    assert loaded.preamble == "# Reading group\n\nWe read papers."
    assert loaded.schema_version == 3
    assert snapshot(saved) == before
    assert json.loads(dumps_project(loaded))["schema_version"] == 3


def test_a_version_1_file_reads_with_the_planning_defaults(saved: Path) -> None:
    """Version 1 had no planning fields (meeting time, place, breaks, rules, holiday
    country, template, authors): such a file opens unchanged, with the defaults."""
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["schema_version"] = 1
    for key in ("rules", "holiday_country", "announcement_template"):
        del data[key]
    for semester in data["semesters"]:
        for key in ("meeting_time", "place", "online_link", "breaks"):
            del semester[key]
        for session in semester["sessions"]:
            for topic in session["topics"]:
                del topic["paper"]["authors"]
    saved.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    before = snapshot(saved)
    loaded = load_project(saved)
    assert loaded.schema_version == 2 and loaded.holiday_country == "CN"
    assert loaded.rules.one_conference_one_arxiv and loaded.semesters[0].breaks == []
    assert snapshot(saved) == before  # read, never rewritten


def test_a_version_1_file_is_parsed_once_as_the_upgrade_would_read_it(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Version 2 only raised the number: a version-1 file (the 20-year archive: 1 MB)
    is validated once, not parsed three times, and gives what the upgrade gives."""
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["schema_version"] = 1
    saved.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    upgraded = Document.model_validate(migrations.migrate(data))
    calls: list[object] = []
    validate = Document.model_validate_json

    def counting(*args: Any, **kwargs: Any) -> Document:
        calls.append(args)
        return validate(*args, **kwargs)

    monkeypatch.setattr(Document, "model_validate_json", counting)
    loaded = load_project(saved)
    assert loaded == upgraded and loaded.schema_version == 2
    assert "schema_version" in loaded.model_fields_set
    assert len(calls) == 1
    assert migrations.only_renumbers(1)
    assert not migrations.only_renumbers(0) and not migrations.only_renumbers(2)


def test_missing_or_failing_migration_is_reported(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(model, "SCHEMA_VERSION", 3)
    with pytest.raises(ProjectFileError, match="from schema_version 2 to 3") as err:
        load_project(saved)
    assert err.value.file == str(saved)

    def broken(data: dict[str, Any]) -> dict[str, Any]:
        raise KeyError("prelude")

    monkeypatch.setitem(migrations.MIGRATIONS, 2, broken)
    with pytest.raises(ProjectFileError, match=r"cannot upgrade.*KeyError"):
        load_project(saved)


def test_migrate_leaves_current_data_alone() -> None:
    data = {"schema_version": model.SCHEMA_VERSION, "semesters": []}
    assert migrations.migrate(data) is data


# -------------------------------------------------------------------------- schema


def test_schema_describes_the_file(doc: Document) -> None:
    schema = project_json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] and schema["title"] and schema["description"]
    assert {"schema_version", "preamble", "style", "semesters"} <= set(schema["properties"])
    assert schema["required"] == ["schema_version"]
    defs = schema["$defs"]
    assert defs["Session"]["required"] == ["date"]
    assert defs["Semester"]["required"] == ["title"]
    assert defs["Presenter"]["required"] == ["name"]
    assert defs["FreeSection"]["required"] == ["heading"]
    json.dumps(schema)  # printable as JSON
    _conforms(json.loads(dumps_project(doc)), schema, defs)


def _conforms(value: Any, schema: dict[str, Any], defs: dict[str, Any]) -> None:
    """A small structural check: known keys, required keys and JSON types."""
    if "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[1]]
    kinds = {"object": dict, "array": list, "string": str, "integer": int, "boolean": bool}
    if "type" in schema:
        assert isinstance(value, kinds[schema["type"]]), (value, schema)
    if isinstance(value, dict) and "properties" in schema:
        assert set(value) <= set(schema["properties"])
        assert set(schema.get("required", [])) <= set(value)
        for key, item in value.items():
            _conforms(item, schema["properties"][key], defs)
    if isinstance(value, list) and "items" in schema:
        for item in value:
            _conforms(item, schema["items"], defs)
