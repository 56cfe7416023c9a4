"""Slide files dropped from a file manager: planned, named, copied into slides/, linked."""
