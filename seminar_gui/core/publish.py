"""Publish: write README.md into the group's Git checkout, commit it with the linked
slides and the project file, and push — without ever clobbering a colleague's work.

Git is driven through its command line (:mod:`seminar_gui.core.git`).  What is
committed is named, never "everything": README.md, the linked slide files and the
project file (when it lives in the repository and Git does not ignore it); whatever
else is dirty in the work tree stays as it is.

**The baseline** (``Document.published_readme_sha``) is the Git blob hash of the
README this project last published.  The README is generated, so a colleague's edit
of README.md cannot be merged blindly: when the README we would replace (HEAD's, or,
with push, the remote's when its new commits changed it) is neither the baseline nor
what we would write, :func:`publish` stops before committing with
:class:`UpstreamReadmeChanged` (the diff, and their text to import).  An empty
baseline (a project never published) takes HEAD's README as the baseline.

**Push**: fetch first; when the remote moved, bring its commits in (a fast-forward;
with local commits a rebase, or a merge when the work tree has other changes), then
write, commit and push.  A failing push keeps the local commit; the error says how to
retry.

**The commit message** compares the baseline README, imported, with the document:
sessions are matched by date, and a session whose papers reappear on another date is
a move ("Nov 25 moved to Dec 9"); then slides and videos linked since, sessions
added, removed or changed.  Importing the baseline (not a stored copy of the old
document) describes what the readers of the README will see change.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from seminar_gui.core.atomic import backup_path, project_lock_path
from seminar_gui.core.dates import format_short_date
from seminar_gui.core.errors import ProjectFileError, SeminarError
from seminar_gui.core.git import GitError, GitOutput, failure, run_git
from seminar_gui.core.messages import QT_TRANSLATE_NOOP, Text
from seminar_gui.core.model import Document, Session, Topic

__all__ = [
    "GitError",
    "MissingSlides",
    "PublishPlan",
    "PublishResult",
    "RepoStatus",
    "UpstreamReadmeChanged",
    "blob_sha",
    "commit_message",
    "plan_publish",
    "publish",
    "repo_status",
]

README = "README.md"
_SHA = re.compile(r"[0-9a-f]{40}([0-9a-f]{24})?")
_MAX_ITEMS = 6  # in a commit message's summary line; the rest are counted

# ------------------------------------------------------------------- the messages
_NOT_A_REPOSITORY = QT_TRANSLATE_NOOP(
    "publish",
    "the site folder {folder} is not in a Git repository; make one with "
    "git init there, or clone the group's repository and make its folder the site folder",
)
_NO_SITE = QT_TRANSLATE_NOOP(
    "publish",
    "the site folder {folder} does not exist; set the project's site folder to the "
    "folder of README.md in the group's Git checkout",
)
_UNSAVED = QT_TRANSLATE_NOOP(
    "publish", "save the project first: its site folder is relative to the project file"
)
_DETACHED = QT_TRANSLATE_NOOP(
    "publish",
    "the repository {root} is not on a branch (detached HEAD); switch to the group's "
    "branch first, e.g. git switch main",
)
_IN_PROGRESS = QT_TRANSLATE_NOOP(
    "publish",
    "a {what} is in progress in {root}; finish it (or abort it) in a terminal, then publish again",
)
_MISSING = QT_TRANSLATE_NOOP(
    "publish",
    "{count} linked slide file(s) do not exist: {files}; add the files or remove the "
    "links, then publish again (nothing was committed)",
)
_CHANGED_UPSTREAM = QT_TRANSLATE_NOOP(
    "publish",
    "README.md was changed in {where} since this project last published it; nothing "
    "was committed: import their change into the project (or undo it there), then "
    "publish again",
)
_NO_REMOTE = QT_TRANSLATE_NOOP(
    "publish",
    "the branch {branch} has no remote to push to; add one with "
    "git remote add origin URL, or publish without push",
)
_NOT_INTEGRATED = QT_TRANSLATE_NOOP(
    "publish",
    "the remote's new commits could not be brought in ({reason}); nothing was "
    "committed: run git pull in {root}, settle it, then publish again",
)
_PUSH_FAILED = QT_TRANSLATE_NOOP(
    "publish",
    "the push to {remote} failed: {reason}; the commit {sha} is kept: run git push "
    "in {root} or publish again",
)
_PUSH_FAILED_NETWORK = QT_TRANSLATE_NOOP(
    "publish",
    "the push to {remote} failed, the remote could not be reached: {reason}; the "
    "commit {sha} is kept: run git push in {root} or publish again when online",
)
_NOTHING = QT_TRANSLATE_NOOP(
    "publish",
    "nothing to publish: README.md, the linked slides and the project file are as committed",
)
_NOTHING_PUSHED = QT_TRANSLATE_NOOP(
    "publish", "nothing new to commit; pushed {count} earlier commit(s) to {remote}"
)
_COMMITTED = QT_TRANSLATE_NOOP(
    "publish", "committed {sha} ({count} file(s)); not pushed: run git push or publish again"
)
_PUBLISHED = QT_TRANSLATE_NOOP(
    "publish", "published: commit {sha} ({count} file(s)) pushed to {remote}"
)
_MERGE = QT_TRANSLATE_NOOP("publish", "merge")
_WORK_TREE = QT_TRANSLATE_NOOP("publish", "the work tree (not committed)")
_REBASE = QT_TRANSLATE_NOOP("publish", "rebase")
_CHERRY_PICK = QT_TRANSLATE_NOOP("publish", "cherry-pick")
_REVERT = QT_TRANSLATE_NOOP("publish", "revert")
_BISECT = QT_TRANSLATE_NOOP("publish", "bisect")


class MissingSlides(SeminarError):
    """Linked slide files that do not exist: ``files`` (their links' paths, relative to
    the site folder, e.g. ``slides/251125_ROLL.pdf``)."""

    def __init__(self, files: list[str]) -> None:
        super().__init__(_MISSING(count=len(files), files=", ".join(files)))
        self.files = files


class UpstreamReadmeChanged(SeminarError):
    """README.md was changed by someone else since the baseline.

    ``diff``: unified diff, baseline → theirs; ``upstream_text``: their README (to
    import); ``upstream_sha``: its blob hash (the baseline after importing it);
    ``where``: "origin/main" or the branch ("HEAD" of the checkout)."""

    def __init__(self, where: str, diff: str, upstream_text: str, upstream_sha: str) -> None:
        super().__init__(_CHANGED_UPSTREAM(where=where))
        self.where = where
        self.diff = diff
        self.upstream_text = upstream_text
        self.upstream_sha = upstream_sha


@dataclass(frozen=True)
class RepoStatus:
    """The repository state of a site folder, for the status bar."""

    root: Path
    branch: str | None  # None: detached HEAD
    unpublished: int  # README / linked slides / project file not committed (or not exported)
    ahead: int  # commits not pushed (0 without an upstream)
    behind: int  # commits of the upstream not here (as of the last fetch)
    uncommitted_slides: list[str]  # links of slide files that exist but are not committed
    upstream: str | None = None  # "origin/main"; None when the branch has none


@dataclass(frozen=True)
class PublishPlan:
    """What :func:`publish` would do (nothing has been written)."""

    root: Path
    readme_path: Path
    readme_text: str
    paths: list[Path]  # what will be committed (those with changes), absolute
    message: str  # generated; the dialog may edit it
    nothing_to_do: bool
    document: Document = field(repr=False)  # with the new baseline
    project: Path | None = None  # the project file, when it is committed with the rest
    project_text: str | None = None  # its text (with the new baseline)
    all_paths: list[Path] = field(default_factory=list)  # README, slides, project file
    baseline: str = ""  # blob hash of the README we expect to replace ("": none)
    readme_sha: str = ""  # blob hash of readme_text
    branch: str = ""
    changed_baseline: bool = False  # the document's baseline differs from the new one


@dataclass(frozen=True)
class PublishResult:
    committed: str | None  # the new commit's hash
    pushed: bool
    message: Text  # what happened, for the status bar / the command line


# ---------------------------------------------------------------- the repository


@dataclass(frozen=True)
class _Repo:
    root: Path
    git_dir: Path
    branch: str | None
    head: str | None  # None: no commit yet


def _open_repo(site: Path | None, timeout: float) -> _Repo:
    if site is None:
        raise GitError(_UNSAVED(), kind="not-a-repository")
    if not site.is_dir():
        raise GitError(_NO_SITE(folder=str(site)), kind="not-a-repository")
    out = run_git(
        site, "rev-parse", "--show-toplevel", "--absolute-git-dir", timeout=timeout, check=False
    )
    if not out.ok:
        if "not a git repository" in out.stderr.lower() or "work tree" in out.stderr.lower():
            raise GitError(_NOT_A_REPOSITORY(folder=str(site)), kind="not-a-repository")
        raise failure("rev-parse", out)
    lines = out.stdout.splitlines()
    if len(lines) < 2 or not lines[0]:
        raise GitError(_NOT_A_REPOSITORY(folder=str(site)), kind="not-a-repository")
    root, git_dir = Path(lines[0]), Path(lines[1])
    branch_out = run_git(
        root, "symbolic-ref", "--quiet", "--short", "HEAD", timeout=timeout, check=False
    )
    branch = branch_out.stdout.strip() if branch_out.ok else None
    head_out = run_git(
        root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}", timeout=timeout, check=False
    )
    head = head_out.stdout.strip() if head_out.ok else None
    return _Repo(root, git_dir, branch, head)


def _check_state(repo: _Repo) -> None:
    """Refuse a detached HEAD and a merge, rebase, ... in progress."""
    if repo.branch is None:
        raise GitError(_DETACHED(root=str(repo.root)), kind="detached-head")
    for name, what in (
        ("MERGE_HEAD", _MERGE),
        ("rebase-merge", _REBASE),
        ("rebase-apply", _REBASE),
        ("CHERRY_PICK_HEAD", _CHERRY_PICK),
        ("REVERT_HEAD", _REVERT),
        ("BISECT_LOG", _BISECT),
    ):
        if (repo.git_dir / name).exists():
            raise GitError(_IN_PROGRESS(what=what(), root=str(repo.root)), kind="merge-in-progress")


def _rel(root: Path, path: Path) -> str | None:
    """``path`` relative to the work tree's root (POSIX), None when outside it."""
    real = os.path.join(os.path.realpath(path.parent), path.name)
    rel = os.path.relpath(real, os.path.realpath(root))
    if rel == os.pardir or rel.startswith(os.pardir + os.sep) or os.path.isabs(rel):
        return None
    return Path(rel).as_posix()


def blob_sha(root: Path, data: bytes, timeout: float = 60) -> str:
    """The Git blob hash of ``data`` in the repository at ``root`` (SHA-1 or SHA-256)."""
    return run_git(root, "hash-object", "--stdin", input_bytes=data, timeout=timeout).stdout.strip()


def _tree_blobs(root: Path, rev: str | None, rels: Iterable[str], timeout: float) -> dict[str, str]:
    """{path: blob hash} of the ``rels`` present in ``rev``'s tree."""
    rels = list(rels)
    if rev is None or not rels:
        return {}
    out = run_git(root, "ls-tree", "-z", "--full-tree", rev, "--", *rels, timeout=timeout)
    blobs: dict[str, str] = {}
    for entry in out.stdout.split("\0"):
        if not entry or "\t" not in entry:
            continue
        meta, path = entry.split("\t", 1)
        parts = meta.split()
        if len(parts) == 3 and parts[1] == "blob":
            blobs[path] = parts[2]
    return blobs


def _blob_text(root: Path, sha: str, timeout: float) -> str | None:
    out = run_git(root, "cat-file", "blob", sha, timeout=timeout, check=False)
    return out.stdout if out.ok else None


def _has_blob(root: Path, sha: str, timeout: float) -> bool:
    if not _SHA.fullmatch(sha):
        return False
    return run_git(root, "cat-file", "-e", f"{sha}^{{blob}}", timeout=timeout, check=False).ok


def _uncommitted(root: Path, rels: list[str], timeout: float) -> set[str]:
    """Which of ``rels`` are untracked, ignored, or differ from HEAD (index or tree)."""
    if not rels:
        return set()
    out = run_git(
        root,
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        "--ignored=matching",
        "--",
        *rels,
        timeout=timeout,
    )
    found: set[str] = set()
    entries = out.stdout.split("\0")
    i = 0
    while i < len(entries):
        entry = entries[i]
        i += 1
        if len(entry) < 4:
            continue
        status, path = entry[:2], entry[3:]
        if status[0] in "RC":  # a rename's source follows
            i += 1
        found.add(path)
    return found


# ------------------------------------------------------------------ what is linked


def _linked_slides(doc: Document, site: Path) -> list[tuple[str, Path]]:
    """(link, local file) of every topic's relative slides link, in document order,
    each file once."""
    from seminar_gui.core.slides import slide_path

    seen: set[Path] = set()
    found = []
    for semester in doc.semesters:
        for session in semester.sessions:
            for topic in session.topics:
                path = slide_path(site, topic.slides)
                if path is not None and path not in seen:
                    seen.add(path)
                    found.append((topic.slides, path))
    return found


def _project_rel(root: Path, project: Path | None, timeout: float) -> str | None:
    """The project file's path in the repository; None when it is outside it or
    Git ignores it (the organizer's choice)."""
    if project is None:
        return None
    rel = _rel(root, Path(os.path.abspath(project)))
    if rel is None:
        return None
    ignored = run_git(root, "check-ignore", "-q", "--", rel, timeout=timeout, check=False)
    return None if ignored.returncode == 0 else rel


# ------------------------------------------------------------------------- status


@dataclass(frozen=True)
class _Written:
    """README.md and the project file as publishing would write them, and whether each
    differs from HEAD."""

    readme_text: str
    readme_sha: str
    document: Document  # with the README's hash as the baseline
    project_rel: str | None  # the project file, when it is in the repository
    project_text: str | None
    head_readme: str  # HEAD's README blob ("": none)
    readme_changed: bool
    project_changed: bool


def _written(
    root: Path,
    head: str | None,
    doc: Document,
    readme_rel: str | None,
    project: Path | None,
    timeout: float,
) -> _Written:
    """What :func:`repo_status` counts and :func:`plan_publish` commits of the two files
    publishing writes (the slides are only ever committed as they are)."""
    from seminar_gui.core.readme.export import export_readme
    from seminar_gui.core.storage import dumps_project

    readme_text = export_readme(doc)
    readme_sha = blob_sha(root, readme_text.encode("utf-8"), timeout)
    new_doc = doc
    if doc.published_readme_sha != readme_sha:
        new_doc = doc.model_copy(update={"published_readme_sha": readme_sha})
    project_rel = _project_rel(root, project, timeout)
    project_text = dumps_project(new_doc) if project_rel else None
    head_blobs = _tree_blobs(root, head, [r for r in (readme_rel, project_rel) if r], timeout)
    project_changed = False
    if project_rel and project_text is not None:
        sha = blob_sha(root, project_text.encode("utf-8"), timeout)
        project_changed = head_blobs.get(project_rel) != sha
    head_readme = head_blobs.get(readme_rel, "") if readme_rel else ""
    readme_changed = bool(readme_rel) and head_readme != readme_sha
    return _Written(
        readme_text,
        readme_sha,
        new_doc,
        project_rel,
        project_text,
        head_readme,
        readme_changed,
        project_changed,
    )


def repo_status(site: Path, doc: Document, project: Path | None, timeout: float = 30) -> RepoStatus:
    """Branch, changes not published, commits ahead of / behind the upstream (as of
    the last fetch: no network) and linked slides not committed."""
    repo = _open_repo(site, timeout)
    root = repo.root
    slides = [(link, path, _rel(root, path)) for link, path in _linked_slides(doc, site)]
    slides = [(link, path, rel) for link, path, rel in slides if rel and path.is_file()]
    uncommitted = _uncommitted(root, [rel for _, _, rel in slides], timeout)
    uncommitted_links = [link for link, _, rel in slides if rel in uncommitted]
    written = _written(root, repo.head, doc, _rel(root, site / README), project, timeout)
    unpublished = len(uncommitted_links) + written.readme_changed + written.project_changed
    ahead = behind = 0
    upstream: str | None = None
    if repo.branch is not None and repo.head is not None:
        up = run_git(
            root,
            "rev-parse",
            "--abbrev-ref",
            "--symbolic-full-name",
            "@{upstream}",
            timeout=timeout,
            check=False,
        )
        if up.ok and up.stdout.strip():
            upstream = up.stdout.strip()
            counts = run_git(
                root,
                "rev-list",
                "--left-right",
                "--count",
                "HEAD...@{upstream}",
                timeout=timeout,
                check=False,
            )
            if counts.ok and len(counts.stdout.split()) == 2:
                ahead, behind = (int(n) for n in counts.stdout.split())
    return RepoStatus(root, repo.branch, unpublished, ahead, behind, uncommitted_links, upstream)


# --------------------------------------------------------------------------- plan


def plan_publish(
    doc: Document, project: Path | None, site: Path, timeout: float = 60
) -> PublishPlan:
    """What publishing ``doc`` into ``site`` would commit, and the message.  Reads
    the repository only (no network, nothing written).  Raises :class:`GitError`
    (not a repository, no git, detached HEAD, merge in progress) and
    :class:`MissingSlides`."""
    repo = _open_repo(site, timeout)
    _check_state(repo)
    root = repo.root
    missing: list[str] = []
    slide_rels: list[str] = []
    for _link, path in _linked_slides(doc, site):
        rel_site = os.path.relpath(path, site)
        if not path.is_file():
            missing.append(Path(rel_site).as_posix())
            continue
        rel = _rel(root, path)
        if rel is not None:  # a file outside the repository cannot be published with it
            slide_rels.append(rel)
    if missing:
        raise MissingSlides(missing)
    readme_path = site / README
    readme_rel = _rel(root, readme_path)
    if readme_rel is None:  # the site folder is the repository or inside it: cannot be
        raise GitError(_NOT_A_REPOSITORY(folder=str(site)), kind="not-a-repository")
    written = _written(root, repo.head, doc, readme_rel, project, timeout)
    new_doc, project_rel = written.document, written.project_rel
    # the baseline: what the project last published, else HEAD's README
    baseline = written.head_readme
    if doc.published_readme_sha and _has_blob(root, doc.published_readme_sha, timeout):
        baseline = doc.published_readme_sha
    uncommitted = _uncommitted(root, slide_rels, timeout)
    changed = [readme_rel] if written.readme_changed else []
    changed += [rel for rel in slide_rels if rel in uncommitted]
    if written.project_changed and project_rel:
        changed.append(project_rel)
    all_rels = [readme_rel, *slide_rels, *([project_rel] if project_rel else [])]
    old_text = _blob_text(root, baseline, timeout) if baseline else None
    message = commit_message(
        old_text,
        doc,
        readme_changed=readme_rel in changed,
        slides=[r for r in changed if r in slide_rels],
    )
    return PublishPlan(
        root=root,
        readme_path=readme_path,
        readme_text=written.readme_text,
        paths=[root / rel for rel in dict.fromkeys(changed)],
        message=message,
        nothing_to_do=not changed,
        document=new_doc,
        project=Path(os.path.abspath(project)) if project_rel and project else None,
        project_text=written.project_text,
        all_paths=[root / rel for rel in dict.fromkeys(all_rels)],
        baseline=baseline,
        readme_sha=written.readme_sha,
        branch=repo.branch or "",
        changed_baseline=new_doc is not doc,
    )


# ------------------------------------------------------------------------ publish


@dataclass(frozen=True)
class _Upstream:
    remote: str
    remote_ref: str  # refs/heads/main on the remote
    tracking: str  # refs/remotes/origin/main here ("" when not fetched yet)
    short: str  # origin/main
    configured: bool  # the branch has it as its upstream


def _upstream(root: Path, branch: str, timeout: float) -> _Upstream:
    out = run_git(
        root,
        "for-each-ref",
        "--format=%(upstream:remotename)%00%(upstream:remoteref)%00%(upstream)%00%(upstream:short)",
        f"refs/heads/{branch}",
        timeout=timeout,
    )
    parts = out.stdout.rstrip("\n").split("\0")
    if len(parts) == 4 and parts[0] and parts[1]:
        return _Upstream(parts[0], parts[1], parts[2], parts[3], True)
    remotes = run_git(root, "remote", timeout=timeout).stdout.split()
    if not remotes:
        raise GitError(_NO_REMOTE(branch=branch))
    remote = "origin" if "origin" in remotes else remotes[0]
    return _Upstream(
        remote,
        f"refs/heads/{branch}",
        f"refs/remotes/{remote}/{branch}",
        f"{remote}/{branch}",
        False,
    )


def _rev(root: Path, ref: str, timeout: float) -> str | None:
    if not ref:
        return None
    out = run_git(
        root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", timeout=timeout, check=False
    )
    return out.stdout.strip() if out.ok else None


def _count(root: Path, spec: str, timeout: float) -> int:
    out = run_git(root, "rev-list", "--count", spec, timeout=timeout, check=False)
    return int(out.stdout.strip() or 0) if out.ok else 0


def _readme_conflict(
    plan: PublishPlan,
    theirs: str | None,
    where: str,
    timeout: float,
    their_text: str | None = None,
) -> None:
    """Raise :class:`UpstreamReadmeChanged` when ``theirs`` (a README blob we would
    replace) is neither the baseline nor what we write."""
    if not theirs or theirs in (plan.baseline, plan.readme_sha):
        return
    old = (_blob_text(plan.root, plan.baseline, timeout) if plan.baseline else "") or ""
    new = their_text if their_text is not None else _blob_text(plan.root, theirs, timeout) or ""
    diff = "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            fromfile="a/README.md (last published)",
            tofile=f"b/README.md ({where})",
        )
    )
    raise UpstreamReadmeChanged(where, diff, new, theirs)


def _work_tree_readme(path: Path, root: Path, timeout: float) -> tuple[str, str] | None:
    """The blob hash and text of the README in the work tree; None when there is none."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return blob_sha(root, data, timeout), data.decode("utf-8", errors="replace")


def publish(
    plan: PublishPlan, *, message: str | None = None, push: bool, timeout: float = 60
) -> tuple[PublishResult, Document | None]:
    """Write README.md (and the project file, when it is committed), commit the
    plan's files and, with ``push``, fetch, bring in the remote's new commits and push.

    Returns what happened and the document with the new baseline (None when it did
    not change); the project file in the repository already holds it.  Raises
    :class:`GitError` and :class:`UpstreamReadmeChanged` (before anything is
    written).  A failing push raises :class:`GitError` ("push-rejected" / "network" /
    "timeout") with ``committed`` and ``document`` set: the commit is kept.
    """
    root = plan.root
    repo = _open_repo(root, timeout)
    _check_state(repo)
    if plan.project is not None:
        _exclude_own_files(root, plan.project, timeout)
    branch = repo.branch or plan.branch
    readme_rel = _rel(root, plan.readme_path) or README
    new_doc = plan.document if plan.changed_baseline else None
    readme_blobs = _tree_blobs(root, repo.head, [readme_rel], timeout)
    # The README we would replace, without push: HEAD's.
    _readme_conflict(plan, readme_blobs.get(readme_rel), branch, timeout)
    # ... and the file in the work tree: a hand edit not committed yet would be lost.
    local = _work_tree_readme(plan.readme_path, root, timeout)
    if local is not None and local[0] != readme_blobs.get(readme_rel):
        _readme_conflict(plan, local[0], _WORK_TREE(), timeout, local[1])
    up: _Upstream | None = None
    if push:
        up = _upstream(root, branch, timeout)
        fetched = run_git(
            root, "fetch", "--quiet", "--no-tags", up.remote, timeout=timeout, check=False
        )
        if not fetched.ok:
            raise failure("fetch", fetched)
        theirs_commit = _rev(root, up.tracking, timeout)
        if theirs_commit is not None and repo.head is not None:
            base = (
                run_git(
                    root, "merge-base", "HEAD", theirs_commit, timeout=timeout, check=False
                ).stdout.strip()
                or None
            )
            base_readme = _tree_blobs(root, base, [readme_rel], timeout).get(readme_rel)
            theirs_readme = _tree_blobs(root, theirs_commit, [readme_rel], timeout).get(readme_rel)
            if theirs_readme != base_readme:  # their new commits changed README.md
                _readme_conflict(plan, theirs_readme, up.short, timeout)
            if _count(root, f"HEAD..{theirs_commit}", timeout):
                _integrate(root, readme_rel, theirs_commit, timeout)
        elif theirs_commit is not None:  # nothing committed here yet: start from theirs
            _integrate(root, readme_rel, theirs_commit, timeout)
    committed = _commit(plan, message or plan.message, timeout)
    count = _count_files(root, committed, timeout) if committed else 0
    if up is None:
        if committed is None:
            return PublishResult(None, False, _NOTHING()), new_doc
        return PublishResult(committed, False, _COMMITTED(sha=committed[:7], count=count)), new_doc
    theirs_commit = _rev(root, up.tracking, timeout)
    ahead = _count(root, f"{theirs_commit}..HEAD" if theirs_commit else "HEAD", timeout)
    if ahead == 0:
        return PublishResult(committed, False, _NOTHING()), new_doc
    target = f"HEAD:{up.remote_ref}"
    args = [
        "push",
        "--porcelain",
        *([] if up.configured else ["--set-upstream"]),
        up.remote,
        target,
    ]
    pushed = run_git(root, *args, timeout=timeout, check=False)
    if not pushed.ok:
        raise _push_error(
            pushed, up.remote, committed or _rev(root, "HEAD", timeout) or "", root, new_doc
        )
    if committed is None:
        return PublishResult(None, True, _NOTHING_PUSHED(count=ahead, remote=up.remote)), new_doc
    return (
        PublishResult(
            committed, True, _PUBLISHED(sha=committed[:7], count=count, remote=up.remote)
        ),
        new_doc,
    )


def _exclude_own_files(root: Path, project: Path, timeout: float) -> None:
    """Keep what seminar-gui keeps beside the project file out of ``git status``: its
    backup (``NAME.bak``, left by every save) and the window's lock
    (``.NAME.seminar-gui.lock``).  Their paths go into the repository's own exclude
    file (``.git/info/exclude``: this checkout only, nothing committed), once."""
    rels = [_rel(root, path) for path in (backup_path(project), project_lock_path(project))]
    lines = ["/" + rel for rel in rels if rel is not None]
    if not lines:
        return
    out = run_git(root, "rev-parse", "--git-path", "info/exclude", timeout=timeout, check=False)
    if not out.ok or not out.stdout.strip():
        return
    exclude = root / out.stdout.strip()
    with contextlib.suppress(OSError, UnicodeDecodeError):
        text = exclude.read_text(encoding="utf-8") if exclude.exists() else ""
        missing = [line for line in lines if line not in text.splitlines()]
        if not missing:
            return
        exclude.parent.mkdir(parents=True, exist_ok=True)
        note = "# seminar-gui: the project file's backup and lock (kept beside it)"
        added = "\n".join([note, *missing]) + "\n"
        with exclude.open("a", encoding="utf-8") as file:
            file.write(("" if not text or text.endswith("\n") else "\n") + added)


def _push_error(
    out: GitOutput, remote: str, sha: str, root: Path, document: Document | None
) -> GitError:
    base = failure("push", out)
    reason = base.detail or "git push failed"
    why: list[str] = []
    for (
        line
    ) in out.stdout.splitlines():  # porcelain: "!<TAB>HEAD:refs/heads/main<TAB>[rejected] (why)"
        if line.startswith("!") and line.count("\t") >= 2:
            why.append(line.split("\t")[2].strip())
    for line in out.stderr.splitlines():  # what the remote's hook said, an unpacker error
        text = line.strip()
        if text.startswith("remote:") and text.removeprefix("remote:").strip():
            why.append(text.removeprefix("remote:").strip())
        elif "remote unpack failed" in text:
            why.append(text.removeprefix("error:").strip())
    if why:
        reason = "; ".join(dict.fromkeys(why[:4]))
    if base.kind == "network":
        error = GitError(
            _PUSH_FAILED_NETWORK(remote=remote, reason=reason, sha=sha[:7], root=str(root)),
            kind="network",
            detail=reason,
        )
    else:
        error = GitError(
            _PUSH_FAILED(remote=remote, reason=reason, sha=sha[:7], root=str(root)),
            kind="push-rejected",
            detail=reason,
        )
    error.committed = sha
    error.document = document
    return error


def _integrate(root: Path, readme_rel: str, theirs: str, timeout: float) -> None:
    """Bring ``theirs`` (the fetched upstream) into the branch before committing: a
    fast-forward when the branch has no commits of its own, else a rebase, or a merge
    when the work tree has changes a rebase refuses.  README.md in the work tree is
    generated, so it is reset to HEAD's first (it is written again afterwards)."""
    head = _rev(root, "HEAD", timeout)
    if head is not None:
        status = run_git(
            root, "status", "--porcelain=v1", "-z", "--", readme_rel, timeout=timeout
        ).stdout
        tracked = _tree_blobs(root, head, [readme_rel], timeout)
        if status and readme_rel in tracked:
            run_git(root, "checkout", "HEAD", "--", readme_rel, timeout=timeout)
    if head is None or _count(root, f"{theirs}..HEAD", timeout) == 0:
        out = run_git(root, "merge", "--ff-only", "--quiet", theirs, timeout=timeout, check=False)
        if not out.ok:
            raise _not_integrated(root, out)
        return
    out = run_git(root, "rebase", "--quiet", theirs, timeout=timeout, check=False)
    if out.ok:
        return
    git_dir = Path(run_git(root, "rev-parse", "--absolute-git-dir", timeout=timeout).stdout.strip())
    if (git_dir / "rebase-merge").exists() or (git_dir / "rebase-apply").exists():
        run_git(root, "rebase", "--abort", timeout=timeout, check=False)
    out = run_git(root, "merge", "--no-edit", "--quiet", theirs, timeout=timeout, check=False)
    if out.ok:
        return
    if (git_dir / "MERGE_HEAD").exists():
        run_git(root, "merge", "--abort", timeout=timeout, check=False)
    raise _not_integrated(root, out)


def _not_integrated(root: Path, out: GitOutput) -> GitError:
    reason = failure("merge", out).detail or "git merge failed"
    return GitError(_NOT_INTEGRATED(reason=reason, root=str(root)), detail=reason)


def _commit(plan: PublishPlan, message: str, timeout: float) -> str | None:
    """Write README.md and the project file, add the plan's files and commit those that
    changed (only those: other staged or dirty files stay as they are)."""
    from seminar_gui.core.atomic import atomic_write_text

    root = plan.root
    atomic_write_text(plan.readme_path, plan.readme_text)
    if plan.project is not None and plan.project_text is not None:
        try:
            current = plan.project.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            current = None
        if current != plan.project_text:
            atomic_write_text(plan.project, plan.project_text)  # no .bak in the work tree
    rels = [r for r in (_rel(root, p) for p in plan.all_paths) if r]
    if not rels:
        return None
    run_git(root, "add", "--force", "--", *rels, timeout=timeout)
    head = _rev(root, "HEAD", timeout)
    if head is None:
        changed = rels
    else:
        out = run_git(
            root, "diff", "--cached", "--name-only", "-z", "HEAD", "--", *rels, timeout=timeout
        )
        changed = [p for p in out.stdout.split("\0") if p]
    if not changed:
        return None
    text = message.strip() or plan.message
    run_git(root, "commit", "--quiet", "--only", "-m", text, "--", *changed, timeout=timeout)
    return run_git(root, "rev-parse", "HEAD", timeout=timeout).stdout.strip()


def _count_files(root: Path, commit: str, timeout: float) -> int:
    out = run_git(
        root,
        "diff-tree",
        "--no-commit-id",
        "--name-only",
        "-r",
        "--root",
        "-z",
        commit,
        timeout=timeout,
        check=False,
    )
    return len([p for p in out.stdout.split("\0") if p])


# ----------------------------------------------------------------- commit message


def commit_message(
    old_readme: str | None,
    doc: Document,
    *,
    readme_changed: bool = True,
    slides: list[str] | None = None,
) -> str:
    """ "Schedule: Nov 25 moved to Dec 9; slides for dInfer; new session Dec 16": what
    changed between the baseline README (imported) and ``doc``; English, as the
    repository's history is."""
    sessions_now = _sessions(doc)
    if not readme_changed:
        if slides:
            names = ", ".join(Path(s).name for s in slides[:_MAX_ITEMS])
            more = len(slides) - _MAX_ITEMS
            return f"Slides: {names}" + (f" and {more} more" if more > 0 else "")
        return "Project file updated"
    old_doc: Document | None = None
    if old_readme is not None:
        try:
            from seminar_gui.core.readme.importer import import_readme

            old_doc = import_readme(old_readme).document
        except (SeminarError, ValueError, ProjectFileError):
            old_doc = None
    if old_doc is None:
        if old_readme is None:
            return f"Schedule: published with {len(sessions_now)} session(s)"
        return "Schedule updated"
    items = describe_changes(old_doc, doc)
    if not items:
        return "Schedule: text updated"
    shown = items[:_MAX_ITEMS]
    rest = len(items) - len(shown)
    summary = "; ".join(shown) + (f"; {rest} more change(s)" if rest > 0 else "")
    return f"Schedule: {summary}"


def _sessions(doc: Document) -> dict[object, Session]:
    return {s.date: s for semester in doc.semesters for s in semester.sessions}


def _paper_key(topic: Topic) -> str:
    paper = topic.paper
    return (paper.url or paper.title).strip().casefold()


def _fingerprint(session: Session) -> frozenset[str]:
    return frozenset(k for k in (_paper_key(t) for t in session.topics) if k)


def _topic_value(topic: Topic) -> dict:
    return topic.model_dump(exclude={"id"})


def _name(topic: Topic) -> str:
    return topic.short_name or topic.paper.title or topic.heading or "a topic"


def describe_changes(old: Document, new: Document) -> list[str]:
    """What changed, session by session, as short English phrases."""
    before, after = _sessions(old), _sessions(new)
    removed = sorted(d for d in before if d not in after)
    added = sorted(d for d in after if d not in before)
    pairs = [(d, d) for d in sorted(before.keys() & after.keys())]
    moves: list[str] = []
    for day in list(removed):
        fingerprint = _fingerprint(before[day])
        if not fingerprint:
            continue
        target = next((d for d in added if _fingerprint(after[d]) & fingerprint), None)
        if target is not None:
            removed.remove(day)
            added.remove(target)
            pairs.append((day, target))
            moves.append(f"{format_short_date(day)} moved to {format_short_date(target)}")
    slides: list[str] = []
    videos: list[str] = []
    updated: list[str] = []
    for old_day, new_day in sorted(pairs, key=lambda p: p[1]):
        old_s, new_s = before[old_day], after[new_day]
        old_topics = {_paper_key(t): t for t in old_s.topics if _paper_key(t)}
        other = False
        for index, topic in enumerate(new_s.topics):
            was = old_topics.get(_paper_key(topic)) if _paper_key(topic) else None
            if was is None and index < len(old_s.topics):
                was = old_s.topics[index]
            if was is None:
                other = True
                continue
            if topic.slides and topic.slides != was.slides:
                slides.append(_name(topic))
            if topic.video and topic.video != was.video:
                videos.append(_name(topic))
            rest_now = _topic_value(topic)
            rest_was = _topic_value(was)
            for key in ("slides", "video"):
                rest_now.pop(key)
                rest_was.pop(key)
            if rest_now != rest_was:
                other = True
        if len(new_s.topics) != len(old_s.topics) or other:
            updated.append(format_short_date(new_day))
    items = list(moves)
    if slides:
        items.append("slides for " + ", ".join(slides))
    if videos:
        items.append("video for " + ", ".join(videos))
    items.extend(f"new session {format_short_date(d)}" for d in added)
    items.extend(f"{format_short_date(d)} removed" for d in removed)
    if updated:
        items.append(", ".join(updated) + " updated")
    return items
