"""Property tests: any valid document survives README export and import unchanged."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from strategies import documents

from seminar_gui.core.model import Document, without_ids
from seminar_gui.core.readme.export import export_readme
from seminar_gui.core.readme.importer import import_readme


def _content(doc: Document) -> dict:
    """Everything but ids and the house style: the README carries neither directly.

    (The style shows only through what uses it; the byte-stability test covers that.)
    """
    data = without_ids(doc)
    del data["style"]
    return data


# A README needs at least one semester heading: a document without semesters exports
# to a file the importer rightly refuses ("no semester heading found").
@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(documents(min_semesters=1))
def test_import_of_export_is_the_same_document(doc: Document) -> None:
    text = export_readme(doc)
    result = import_readme(text)
    assert _content(result.document) == _content(doc)
    assert result.warnings == [] or all("kept" in w.message for w in result.warnings)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(documents(min_semesters=1))
def test_export_is_deterministic_and_stable(doc: Document) -> None:
    text = export_readme(doc)
    assert export_readme(doc) == text
    assert export_readme(import_readme(text).document) == text
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert all(line == line.rstrip() for line in text.split("\n") if "  " not in line[-2:])
