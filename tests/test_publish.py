"""Publish (issue 12): README.md, the linked slides and the project file committed into
the group's Git checkout and pushed, with a bare repository on the local disk as the
remote, and a colleague's clone beside ours.  No network."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from git_helpers import clone, git

from seminar_gui.cli import main
from seminar_gui.core import edits
from seminar_gui.core.publish import (
    GitError,
    MissingSlides,
    UpstreamReadmeChanged,
    commit_message,
    plan_publish,
    publish,
    repo_status,
)
from seminar_gui.core.storage import load_project, save_project

FIXTURES = Path(__file__).parent / "fixtures"
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


class World:
    """The bare remote, our clone (with the project file in it) and a colleague's."""

    def __init__(self, tmp: Path) -> None:
        self.remote = tmp / "remote.git"
        git(tmp, "init", "-q", "--bare", "-b", "main", str(self.remote))
        seed = clone(self.remote, tmp / "seed", "Seed")
        shutil.copy(FIXTURES / "2025-fall-README.md", seed / "README.md")
        (seed / "other.md").write_text("notes of the group\n", encoding="utf-8")
        git(seed, "add", "README.md", "other.md")
        git(seed, "commit", "-q", "-m", "The schedule so far")
        git(seed, "push", "-q", "origin", "main")
        self.ours = clone(self.remote, tmp / "ours", "Organizer")
        self.theirs = clone(self.remote, tmp / "theirs", "Colleague")
        self.project = self.ours / "schedule.json"
        assert main(["import", "-q", str(self.ours / "README.md"), "-o", str(self.project)]) == 0
        self.doc = load_project(self.project)
        for semester in self.doc.semesters:
            for session in semester.sessions:
                for topic in session.topics:
                    if topic.slides.startswith("./slides/"):
                        path = self.ours / topic.slides[2:]
                        path.parent.mkdir(exist_ok=True)
                        path.write_bytes(b"%PDF-1.4\n" + path.name.encode())

    def remote_file(self, path: str, ref: str = "main") -> bytes:
        return subprocess.run(
            ["git", "--git-dir", str(self.remote), "show", f"{ref}:{path}"],
            capture_output=True,
            check=True,
        ).stdout

    def remote_files(self) -> set[str]:
        out = git(self.remote, "ls-tree", "-r", "--name-only", "main")
        return set(out.split())

    def head(self, repo: Path | None = None, ref: str = "HEAD") -> str:
        return git(repo or self.ours, "rev-parse", ref).strip()

    def publish(self, doc=None, *, push: bool = True, message: str | None = None):
        plan = plan_publish(doc or load_project(self.project), self.project, self.ours)
        return plan, *publish(plan, push=push, message=message)

    def save(self, doc) -> None:
        save_project(doc, self.project)
        Path(str(self.project) + ".bak").unlink(missing_ok=True)


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> World:
    gitconfig = tmp_path / "gitconfig"
    gitconfig.write_text("[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(gitconfig))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    return World(tmp_path)


def status(repo: Path) -> list[str]:
    return git(repo, "status", "--porcelain", "--untracked-files=all").splitlines()


def export_cli(project: Path) -> bytes:
    out = subprocess.run(
        [sys.executable, "-m", "seminar_gui", "export", str(project)],
        capture_output=True,
        check=True,
        timeout=120,
    )
    return out.stdout


def test_first_publish_commits_exactly_the_readme_the_slides_and_the_project(
    world: World,
) -> None:
    (world.ours / "other.md").write_text("my local draft\n", encoding="utf-8")
    (world.ours / "notes.txt").write_text("not for the group\n", encoding="utf-8")
    git(world.ours, "add", "notes.txt")  # even staged: not ours to commit
    slides = {f"slides/{p.name}" for p in (world.ours / "slides").iterdir()}
    assert len(slides) == 10

    plan, result, new_doc = world.publish()
    assert not plan.nothing_to_do
    assert result.committed and result.pushed
    assert result.message.startswith(f"published: commit {result.committed[:7]}")
    assert world.remote_file("README.md") == export_cli(world.project)  # byte for byte
    assert slides <= world.remote_files()
    assert world.remote_files() == {"README.md", "other.md", "schedule.json", *slides}
    assert world.remote_file("other.md") == b"notes of the group\n"
    assert status(world.ours) == ["A  notes.txt", " M other.md"]
    # the project records the README it published, in the committed file too
    blob = git(world.ours, "rev-parse", "HEAD:README.md").strip()
    assert new_doc is not None and new_doc.published_readme_sha == blob
    assert load_project(world.project).published_readme_sha == blob
    assert b'"published_readme_sha": "' + blob.encode() in world.remote_file("schedule.json")
    assert not (world.ours / "schedule.json.bak").exists()


def test_a_second_publish_without_changes_makes_no_commit(world: World, capsys) -> None:
    world.publish()
    before = world.head()
    plan, result, new_doc = world.publish()
    assert plan.nothing_to_do and plan.paths == []
    assert result.committed is None and not result.pushed and new_doc is None
    assert "nothing to publish" in result.message
    assert world.head() == before == world.head(world.ours, "origin/main")
    assert main(["publish", str(world.project), "--push"]) == 0
    assert "nothing to publish" in capsys.readouterr().err
    assert world.head() == before and status(world.ours) == []


def test_the_project_files_backup_and_lock_stay_out_of_git_status(world: World) -> None:
    """Every save leaves NAME.bak beside the project file, and the window holds a hidden
    lock there; in the checkout they would show as untracked (and be committed by the
    next `git add .`).  Publishing puts them in the checkout's own exclude file, once;
    nothing is committed for them."""
    world.publish()
    save_project(load_project(world.project), world.project)  # as the window saves
    assert (world.ours / "schedule.json.bak").is_file()
    assert status(world.ours) == []
    lock = world.ours / ".schedule.json.seminar-gui.lock"  # the window's, while open
    lock.write_text("4242\nseminar-gui\nhost\n", encoding="utf-8")
    assert status(world.ours) == []
    world.publish()
    exclude = (world.ours / ".git" / "info" / "exclude").read_text(encoding="utf-8")
    assert exclude.splitlines().count("/schedule.json.bak") == 1
    assert exclude.splitlines().count("/.schedule.json.seminar-gui.lock") == 1
    assert ".gitignore" not in world.remote_files()


def test_a_colleagues_new_slide_is_integrated_and_both_changes_reach_the_remote(
    world: World,
) -> None:
    world.publish()
    (world.theirs / "slides").mkdir()
    (world.theirs / "slides" / "colleague.pdf").write_bytes(b"%PDF-1.4 theirs")
    git(world.theirs, "pull", "-q")
    git(world.theirs, "add", "slides/colleague.pdf")
    git(world.theirs, "commit", "-q", "-m", "Slides of the colleague")
    git(world.theirs, "push", "-q")
    theirs = world.head(world.theirs)

    doc = load_project(world.project)
    semester = doc.semesters[0]
    session = next(s for s in semester.sessions if s.date == dt.date(2025, 11, 25))
    doc, _ = edits.move_session(doc, session.id, dt.date(2025, 12, 9))
    world.save(doc)
    plan, result, _ = world.publish()
    assert plan.message == "Schedule: Nov 25 moved to Dec 9"
    assert result.pushed
    files = world.remote_files()
    assert "slides/colleague.pdf" in files  # theirs
    assert b"### December 9" in world.remote_file("README.md")  # ours
    assert world.remote_file("README.md") == export_cli(world.project)
    assert world.head(world.ours, "HEAD^") == theirs  # ours on top of theirs
    assert status(world.ours) == []


def test_a_colleagues_readme_edit_stops_publish_with_the_diff_to_import(
    world: World, capsys
) -> None:
    world.publish()
    git(world.theirs, "pull", "-q")
    readme = world.theirs / "README.md"
    edited = readme.read_text(encoding="utf-8").replace(
        "## Schedule", "## Schedule\n\nRoom changed to 301 from December!"
    )
    readme.write_text(edited, encoding="utf-8")
    git(world.theirs, "commit", "-q", "-am", "Room change")
    git(world.theirs, "push", "-q")
    remote_before = world.head(world.theirs)

    doc = load_project(world.project)
    session = next(s for s in doc.semesters[0].sessions if s.date == dt.date(2025, 11, 25))
    doc, _ = edits.move_session(doc, session.id, dt.date(2025, 12, 9))
    world.save(doc)
    ours_before = world.head()
    readme_before = (world.ours / "README.md").read_bytes()
    project_before = world.project.read_bytes()
    with pytest.raises(UpstreamReadmeChanged) as caught:
        world.publish()
    error = caught.value
    assert "+Room changed to 301 from December!" in error.diff
    assert error.upstream_text == edited and error.where == "origin/main"
    assert "nothing was committed" in str(error)
    # nothing lost on either side
    assert world.head() == ours_before
    assert (world.ours / "README.md").read_bytes() == readme_before
    assert world.project.read_bytes() == project_before
    assert (
        world.head(world.theirs) == remote_before == git(world.remote, "rev-parse", "main").strip()
    )
    # the command line: one line, exit 1, the diff on stdout
    assert main(["publish", str(world.project), "--push"]) == 1
    out, err = capsys.readouterr()
    assert "+Room changed to 301" in out
    assert len(err.strip().splitlines()) == 1 and "README.md was changed" in err
    assert world.head() == ours_before


def test_a_rejected_push_keeps_the_local_commit_and_says_how_to_retry(world: World, capsys) -> None:
    hook = world.remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'pushes are closed today' >&2\nexit 1\n")
    hook.chmod(0o755)
    with pytest.raises(GitError) as caught:
        world.publish()
    error = caught.value
    assert error.kind == "push-rejected"
    assert "git push" in str(error) and "is kept" in str(error)
    assert "pushes are closed today" in str(error) and "pre-receive hook declined" in str(error)
    assert error.committed == world.head()  # the commit is kept
    assert world.head(world.ours, "HEAD^") == world.head(world.ours, "origin/main")
    assert error.document is not None
    assert world.remote_file("README.md") == (FIXTURES / "2025-fall-README.md").read_bytes()
    # the command line: one line, exit 1; then the retry pushes the kept commit
    assert main(["publish", str(world.project), "--push"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "git push" in err
    hook.unlink()
    kept = world.head()
    plan, result, _ = world.publish()
    assert plan.nothing_to_do and result.pushed and result.committed is None
    assert "pushed 1 earlier commit(s)" in result.message
    assert git(world.remote, "rev-parse", "main").strip() == kept


def test_a_readme_edit_pulled_by_hand_is_not_overwritten_either(world: World) -> None:
    world.publish()
    git(world.theirs, "pull", "-q")
    with (world.theirs / "README.md").open("a", encoding="utf-8") as readme:
        readme.write("\nSee you at the party!\n")
    git(world.theirs, "commit", "-q", "-am", "Party")
    git(world.theirs, "push", "-q")
    git(world.ours, "pull", "-q")  # the organizer pulled in a terminal
    before = world.head()
    with pytest.raises(UpstreamReadmeChanged) as caught:
        world.publish(push=False)
    assert caught.value.where == "main" and "+See you at the party!" in caught.value.diff
    assert world.head() == before


def test_a_readme_edited_by_hand_and_not_committed_is_not_overwritten(world: World) -> None:
    """The organizer fixed a typo in README.md in the checkout and did not commit it:
    publish stops before writing, shows the edit, and the file keeps it."""
    world.publish()
    readme = world.ours / "README.md"
    edited = readme.read_text(encoding="utf-8") + "\nRoom changed to 301!\n"
    readme.write_text(edited, encoding="utf-8")
    before = world.head()
    with pytest.raises(UpstreamReadmeChanged) as caught:
        world.publish(push=False)
    assert "+Room changed to 301!" in caught.value.diff
    assert caught.value.upstream_text == edited
    assert readme.read_text(encoding="utf-8") == edited and world.head() == before


def test_unpushed_commits_and_a_dirty_tree_are_merged_with_the_remotes(world: World) -> None:
    hook = world.remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\nexit 1\n")
    hook.chmod(0o755)
    with pytest.raises(GitError):
        world.publish()  # a local commit, not pushed
    hook.unlink()
    git(world.theirs, "pull", "-q")
    (world.theirs / "slides").mkdir(exist_ok=True)
    (world.theirs / "slides" / "colleague.pdf").write_bytes(b"%PDF-1.4 theirs")
    git(world.theirs, "add", "slides/colleague.pdf")
    git(world.theirs, "commit", "-q", "-m", "Slides of the colleague")
    git(world.theirs, "push", "-q")
    (world.ours / "other.md").write_text("my local draft\n", encoding="utf-8")  # a rebase refuses
    kept = world.head()
    _, result, _ = world.publish()
    assert result.pushed
    assert "slides/colleague.pdf" in world.remote_files()
    assert world.remote_file("README.md") == export_cli(world.project)
    remote_main = git(world.remote, "rev-parse", "main").strip()
    assert git(world.ours, "merge-base", "--is-ancestor", kept, remote_main) == ""
    assert status(world.ours) == [" M other.md"]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anyway")
def test_a_read_only_remote_keeps_the_local_commit(world: World) -> None:
    for folder, _, _ in os.walk(world.remote):
        os.chmod(folder, 0o555)
    try:
        with pytest.raises(GitError) as caught:
            world.publish()
    finally:
        for folder, _, _ in os.walk(world.remote):
            os.chmod(folder, 0o755)
    assert caught.value.kind == "push-rejected" and caught.value.committed == world.head()


def test_without_push_it_commits_locally(world: World) -> None:
    _, result, _ = world.publish(push=False, message="My words")
    assert result.committed == world.head() and not result.pushed
    assert git(world.ours, "log", "-1", "--format=%s").strip() == "My words"
    assert world.head(world.ours, "origin/main") == world.head(world.ours, "HEAD^")
    s = repo_status(world.ours, load_project(world.project), world.project)
    assert (s.branch, s.ahead, s.behind, s.unpublished, s.upstream) == (
        "main",
        1,
        0,
        0,
        "origin/main",
    )


def test_missing_slides_are_refused_with_the_list(world: World, capsys) -> None:
    (world.ours / "slides" / "251125_ROLL.pdf").unlink()
    (world.ours / "slides" / "251111-FalconFS.pdf").unlink()
    before = world.head()
    with pytest.raises(MissingSlides) as caught:
        world.publish()
    assert caught.value.files == ["slides/251125_ROLL.pdf", "slides/251111-FalconFS.pdf"]
    assert main(["publish", str(world.project)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2 and all("does not exist" in line for line in lines)
    assert "251125_ROLL.pdf" in lines[0] and world.head() == before


def test_repo_status_counts_what_is_not_published(world: World) -> None:
    doc = load_project(world.project)
    s = repo_status(world.ours, doc, world.project)
    assert s.root == world.ours.resolve() and s.branch == "main"
    assert s.unpublished == 12  # README (exported differs), 10 slides, the project file
    assert len(s.uncommitted_slides) == 10 and "./slides/251125_ROLL.pdf" in s.uncommitted_slides
    world.publish()
    git(world.theirs, "pull", "-q")
    git(world.theirs, "commit", "-q", "--allow-empty", "-m", "elsewhere")
    git(world.theirs, "push", "-q")
    git(world.ours, "fetch", "-q")
    s = repo_status(world.ours, load_project(world.project), world.project)
    assert (s.unpublished, s.uncommitted_slides, s.ahead, s.behind) == (0, [], 0, 1)


def test_the_commit_message_says_what_changed() -> None:
    old_text = (FIXTURES / "2025-fall-README.canonical.md").read_text(encoding="utf-8")
    doc = load_project_from_readme(old_text)
    semester = doc.semesters[0]
    nov25 = next(s for s in semester.sessions if s.date == dt.date(2025, 11, 25))
    doc, _ = edits.move_session(doc, nov25.id, dt.date(2025, 12, 9))
    dec2 = next(s for s in doc.semesters[0].sessions if s.date == dt.date(2025, 12, 2))
    doc = edits.update_topic(doc, dec2.topics[0].id, slides="./slides/251202_dInfer.pdf")
    doc, _ = edits.add_session(doc, semester.id, dt.date(2025, 12, 16))
    message = commit_message(old_text, doc)
    assert message == "Schedule: Nov 25 moved to Dec 9; slides for dInfer; new session Dec 16"
    assert commit_message(None, doc).startswith("Schedule: published with")


def load_project_from_readme(text: str):
    from seminar_gui.core.readme.importer import import_readme

    return import_readme(text).document


# ------------------------------------------------------------------------ errors


def test_not_a_repository_says_how_to_make_one(tmp_path: Path, capsys) -> None:
    site = tmp_path / "site"
    site.mkdir()
    project = site / "schedule.json"
    assert main(["import", "-q", str(FIXTURES / "2025-fall-README.md"), "-o", str(project)]) == 0
    with pytest.raises(GitError) as caught:
        plan_publish(load_project(project), project, site)
    assert caught.value.kind == "not-a-repository" and "git init" in str(caught.value)
    capsys.readouterr()
    assert main(["publish", str(project)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "git init" in err
    assert main(["publish", str(tmp_path / "missing.json")]) == 2  # bad input


def test_detached_head_and_a_merge_in_progress_are_refused(world: World) -> None:
    world.publish()
    doc = load_project(world.project)
    git(world.ours, "checkout", "-q", "--detach")
    with pytest.raises(GitError) as caught:
        plan_publish(doc, world.project, world.ours)
    assert caught.value.kind == "detached-head" and "git switch" in str(caught.value)
    git(world.ours, "checkout", "-q", "main")
    git(world.ours, "checkout", "-q", "-b", "side")
    (world.ours / "other.md").write_text("side\n", encoding="utf-8")
    git(world.ours, "commit", "-q", "-am", "side")
    git(world.ours, "checkout", "-q", "main")
    (world.ours / "other.md").write_text("main\n", encoding="utf-8")
    git(world.ours, "commit", "-q", "-am", "main")
    git(world.ours, "merge", "-q", "side", check=False)  # a conflict: the merge stops
    with pytest.raises(GitError) as caught:
        plan_publish(doc, world.project, world.ours)
    assert caught.value.kind == "merge-in-progress" and "merge" in str(caught.value)


def test_no_git_on_the_path(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(world.ours / "nowhere"))
    with pytest.raises(GitError) as caught:
        plan_publish(load_project(world.project), world.project, world.ours)
    assert caught.value.kind == "no-git" and "install Git" in str(caught.value)


def test_a_remote_that_cannot_be_reached_is_a_network_error(world: World) -> None:
    git(world.ours, "remote", "set-url", "origin", "http://127.0.0.1:1/group/seminar.git")
    before = world.head()
    with pytest.raises(GitError) as caught:
        world.publish()
    assert caught.value.kind == "network" and "network" in str(caught.value)
    assert world.head() == before  # fetch failed first: nothing committed


def test_the_command_line_publishes_a_project_kept_outside_the_repository(
    world: World, tmp_path: Path, capsys
) -> None:
    outside = tmp_path / "elsewhere" / "schedule.json"
    outside.parent.mkdir()
    save_project(world.doc.model_copy(update={"site_folder": str(world.ours)}), outside)
    world.project.unlink()
    assert main(["publish", str(outside), "--push", "-m", "Fall schedule"]) == 0
    err = capsys.readouterr().err
    assert "published: commit" in err and "pushed to origin" in err
    assert world.remote_files() == {"README.md", "other.md"} | {
        f"slides/{p.name}" for p in (world.ours / "slides").iterdir()
    }
    blob = git(world.remote, "rev-parse", "main:README.md").strip()
    assert load_project(outside).published_readme_sha == blob  # the baseline, saved
    assert git(world.remote, "log", "-1", "--format=%s", "main").strip() == "Fall schedule"
    assert main(["publish", str(outside), "--push"]) == 0
    assert "nothing to publish" in capsys.readouterr().err


@pytest.mark.parametrize("where", ["in the repository", "outside it"])
def test_the_command_line_serializes_the_project_once(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """The new baseline is written from one serialization of the document (a
    20-year archive takes ~40 ms to serialize), wherever the project file is."""
    from seminar_gui.core import storage

    project = world.project
    if where == "outside it":
        project = tmp_path / "elsewhere" / "schedule.json"
        project.parent.mkdir()
        save_project(world.doc.model_copy(update={"site_folder": str(world.ours)}), project)
        world.project.unlink()
    calls: list[object] = []
    dumps = storage.dumps_project
    monkeypatch.setattr(storage, "dumps_project", lambda doc: calls.append(doc) or dumps(doc))
    assert main(["publish", str(project)]) == 0
    assert len(calls) == 1
    blob = git(world.ours, "rev-parse", "HEAD:README.md").strip()
    assert load_project(project).published_readme_sha == blob
