"""The live preview of the README as GitHub shows it."""
