"""Semesters: File › New Semester (title, meeting day, term dates; may start from an
earlier semester), Edit › Semester Settings (meeting rule, term, breaks) and Edit ›
Fill Open Slots."""
