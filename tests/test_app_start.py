"""Start-up on a fresh Linux desktop: a missing X11 library is named in one line."""

from __future__ import annotations

import sys

import pytest

from seminar_gui import app


def fake_loader(missing: set[str]):
    return lambda name: name not in missing


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 on Linux only")
def test_missing_x11_libraries_are_found_only_where_x11_is_used() -> None:
    loads = fake_loader({"libxcb-cursor.so.0"})
    assert app.missing_x11_libraries({"DISPLAY": ":0"}, loads) == ["libxcb-cursor.so.0"]
    x11 = {"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}
    assert app.missing_x11_libraries(x11, loads) == ["libxcb-cursor.so.0"]  # asked for X11
    for environ in (
        {"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"},
        {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"},  # Qt picks Wayland
        {},  # no display at all: Qt says so itself
    ):
        assert app.missing_x11_libraries(environ, loads) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 on Linux only")
def test_the_window_names_the_package_to_install_instead_of_aborting(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(app, "_loads", fake_loader({"libxcb-cursor.so.0"}))
    assert app.main([]) == 1  # before Qt is touched: no abort, no window
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "libxcb-cursor.so.0" in err and "sudo apt install libxcb-cursor0" in err
