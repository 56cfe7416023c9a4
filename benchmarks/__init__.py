"""Speed measurements of seminar-gui: scripts that print figures, never tests.

``python -m benchmarks`` runs the speed issue's table (suite.py) and writes it to
docs/performance.md; ``python -m benchmarks --help`` lists its options.  Its parts run
alone too (``python -m benchmarks.bench_startup``, ``bench_preview``, ``bench_drag``,
``bench_import``).  bench_core.py, bench_render.py, bench_save.py and
bench_hostile_*.py are separate scripts (``python benchmarks/bench_core.py``).

Nothing here is imported at package import: the suite's own process must stay small.
"""
