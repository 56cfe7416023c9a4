"""Semesters: File › New Semester (title, meeting day, term dates)."""
