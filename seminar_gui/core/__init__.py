"""The Qt-free core of seminar-gui: model, storage, README import/export, checks.

Nothing below this package may import PySide6 (a test and an import-linter
contract enforce it): the command line and scripts use it without a display.
"""
