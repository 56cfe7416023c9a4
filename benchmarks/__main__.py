"""``python -m benchmarks``: the speed issue's table (see suite.py)."""

from __future__ import annotations

import sys

from benchmarks.suite import main

if __name__ == "__main__":
    sys.exit(main())
