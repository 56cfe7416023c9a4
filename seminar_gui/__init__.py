"""seminar-gui: plan a reading group's semester and publish it as a GitHub README."""

__version__ = "0.1.0"

#: The headless commands (seminar_gui/cli.py); anything else on the command line opens
#: the window.
COMMANDS = ("import", "export", "check", "schema", "people", "announce", "ics", "publish")
