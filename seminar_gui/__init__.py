"""seminar-gui: plan a reading group's semester and publish it as a GitHub README."""

__version__ = "0.1.0"
