"""Entry point: `seminar-gui COMMAND ...` runs a headless command, otherwise the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from seminar_gui import COMMANDS

    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        from seminar_gui import cli  # not for the window: it starts without it

        return cli.main(args)
    from seminar_gui import app

    return app.main(args)


if __name__ == "__main__":
    sys.exit(main())
