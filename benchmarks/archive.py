"""A synthetic 20-year archive: 40 semesters x 15 sessions x 2 topics."""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections.abc import Callable

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


def median_ms(fn: Callable[[], object], runs: int = 9) -> float:
    """Median wall time of ``fn`` in milliseconds, after one warm-up call."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)
