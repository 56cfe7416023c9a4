"""The bundled demo semester is the group's real README, imported and repaired."""

from __future__ import annotations

from pathlib import Path

from seminar_gui.core.demo import load_demo
from seminar_gui.core.readme.export import export_readme
from seminar_gui.core.readme.importer import import_readme_file

FIXTURES = Path(__file__).parent / "fixtures"


def test_demo_is_the_imported_fixture() -> None:
    demo = load_demo()
    imported = import_readme_file(FIXTURES / "2025-fall-README.md").document
    assert demo == imported
    canonical = (FIXTURES / "2025-fall-README.canonical.md").read_text(encoding="utf-8")
    assert export_readme(demo) == canonical
    assert "ğŸ" not in export_readme(demo)
