"""The desktop integration in packaging/: a valid .desktop file, AppStream metainfo, a
MIME type for project files, the app icon and its PNG sizes (issue 10)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from xml.etree import ElementTree

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "seminar-gui.desktop"
METAINFO = PACKAGING / "io.github.seminar_gui.metainfo.xml"
MIME = PACKAGING / "seminar-gui-mime.xml"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_the_desktop_file_is_valid() -> None:
    done = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_the_desktop_file_speaks_chinese_and_opens_project_files() -> None:
    entry = desktop_entry()
    assert entry["Name[zh_CN]"] and entry["Comment[zh_CN]"]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert entry["Exec"].split()[0] in scripts["gui-scripts"]  # the launcher exists
    mime = ElementTree.parse(MIME).getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    [kind] = mime.findall("m:mime-type", ns)
    assert entry["MimeType"].rstrip(";") == kind.get("type")
    assert [g.get("pattern") for g in kind.findall("m:glob", ns)] == ["*.seminar.json"]
    assert kind.find("m:sub-class-of", ns).get("type") == "application/json"


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream")
def test_the_metainfo_is_valid() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_metainfo_has_a_screenshot_and_release_notes() -> None:
    root = ElementTree.parse(METAINFO).getroot()
    assert root.find("launchable").text == DESKTOP.name
    assert root.find("screenshots/screenshot/image").text.endswith("docs/screenshot.png")
    release = root.find("releases/release")
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    assert release.get("version") == version and release.find("description/ul/li") is not None


def test_the_icon_renders_in_every_desktop_size(tmp_path: Path, qapp) -> None:
    from PySide6.QtGui import QImage

    sys.path.insert(0, str(PACKAGING))
    try:
        from make_icons import SIZES, make_icons
    finally:
        sys.path.remove(str(PACKAGING))
    written = make_icons(tmp_path)
    assert len(written) == len(SIZES)
    for size, path in zip(SIZES, written, strict=True):
        image = QImage(str(path))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # drawn, not empty
    assert (tmp_path / "hicolor" / "scalable" / "apps" / "seminar-gui.svg").is_file()


def test_the_window_has_the_app_icon(qapp) -> None:
    from seminar_gui.app import window_icon

    icon = window_icon()
    assert not icon.isNull() and not icon.pixmap(48, 48).isNull()
