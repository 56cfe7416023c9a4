"""File › Publish… (README, slides and project committed to the site's Git checkout, and
pushed), the repository state in the status bar and the slide files linked but not
committed; git runs in worker threads (core/publish.py), never on the GUI thread."""
