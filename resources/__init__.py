"""Data files shipped with seminar-gui (demo semester, stylesheet, icons)."""
