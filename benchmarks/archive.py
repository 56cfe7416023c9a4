"""A synthetic 20-year archive: 40 semesters x 15 sessions x 2 topics.

``python -m benchmarks.archive FOLDER`` writes it for the benchmark suite, as a user
would have it: FOLDER/archive/archive.json (saved by ``save_project``; its site folder,
where the slide links point, is that folder, and the slide files are not there) and its
exported README as FOLDER/readme/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from seminar_gui.core.model import Document, Paper, Presenter, Semester, Session, Topic

NAMES = ["Yuxin Ma", "Wei Gao", "张伟", "Jiahao Li", "Xin Ren", "李娜", "Ping Gong", "Zijian Dai"]


def make_archive(years: int = 20, sessions: int = 15, topics: int = 2) -> Document:
    semesters = []
    for year in range(2026 - years, 2026):
        for season, start in (("Fall", dt.date(year, 9, 2)), ("Spring", dt.date(year, 2, 24))):
            items = []
            for week in range(sessions):
                date = start + dt.timedelta(weeks=week)
                items.append(
                    Session(
                        date=date,
                        topics=[
                            Topic(
                                paper=Paper(
                                    title=f"System{week}x{k}: A Study of Things {year}",
                                    url=f"https://arxiv.org/pdf/{year % 100:02d}{week:02d}.{k:05d}",
                                    venue="arXiv" if k else f"SOSP '{year % 100:02d}",
                                ),
                                presenters=[
                                    Presenter(name=NAMES[(week + k) % 8], affiliation="Lab"),
                                    Presenter(name=NAMES[(week + k + 3) % 8]),
                                ],
                                slides=f"./slides/{date:%y%m%d}-System{week}x{k}.pdf",
                                video=f"https://www.bilibili.com/video/BV{year}{week}{k}?t=1.5",
                            )
                            for k in range(topics)
                        ],
                    )
                )
            semesters.append(Semester(title=f"{year} {season}", sessions=items))
    return Document(semesters=semesters)


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    """Milliseconds of ``runs`` calls of ``fn`` after one warm-up call."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def median_ms(fn: Callable[[], object], runs: int = 9) -> float:
    """Median wall time of ``fn`` in milliseconds, after one warm-up call."""
    return statistics.median(timed(fn, runs))


def write_archive(folder: Path) -> tuple[Path, Path]:
    """Save the archive as a project file and export its README under ``folder``."""
    from seminar_gui.core.readme.export import export_readme
    from seminar_gui.core.storage import save_project

    doc = make_archive()
    project = folder / "archive" / "archive.json"
    readme = folder / "readme" / "README.md"
    project.parent.mkdir(parents=True, exist_ok=True)
    readme.parent.mkdir(parents=True, exist_ok=True)
    save_project(doc, project)
    readme.write_text(export_readme(doc), encoding="utf-8")
    return project, readme


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--json", action="store_true", help="print the paths as JSON")
    args = parser.parse_args(argv)
    project, readme = write_archive(args.folder)
    info = {
        "project": str(project),
        "readme": str(readme),
        "project_kib": project.stat().st_size / 1024,
        "readme_kib": readme.stat().st_size / 1024,
    }
    print(json.dumps(info) if args.json else "\n".join(f"{k}: {v}" for k, v in info.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
