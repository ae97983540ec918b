"""The applications menu entry and icons: written into the user's XDG data folder, valid,
started by a real desktop launcher from any path, and removed again."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coach.paths import ICON_SIZES, shipped_dir
from coach.platform.desktop_entry import (
    APP_ID,
    DesktopEntryError,
    DesktopFiles,
    exec_value,
    with_command,
)
from tests.platform.launching import launched_argv, odd_python

SHIPPED = shipped_dir("assets") / "desktop"
needs_validator = pytest.mark.skipif(not shutil.which("desktop-file-validate"),
                                     reason="needs desktop-file-utils")


@pytest.mark.parametrize(("argv", "value"), [
    (["/usr/bin/python3", "-m", "coach"], "/usr/bin/python3 -m coach"),
    (["/home/ana/my apps/python"], '"/home/ana/my apps/python"'),
    (["/home/ana/Ana's/python"], '"/home/ana/Ana\'s/python"'),
    (['/a"b/python'], '"/a\\\\"b/python"'),
    (["/a$b`c`/python"], '"/a\\\\$b\\\\`c\\\\`/python"'),
    (["/a\\b/python"], '"/a\\\\\\\\b/python"'),
    (["/100%/python"], "/100%%/python"),
    (["/x/python", ""], '/x/python ""'),
])
def test_exec_values_quote_as_the_specification_says(argv: list[str], value: str) -> None:
    assert exec_value(argv) == value


def test_a_path_with_a_line_break_cannot_be_an_entry() -> None:
    with pytest.raises(DesktopEntryError, match="control character"):
        exec_value(["/home/ana/new\nline/python"])


def test_every_command_of_the_entry_starts_the_given_coach() -> None:
    shipped = (SHIPPED / f"{APP_ID}.desktop").read_text()
    entry = with_command(shipped, ["/opt/coach venv/bin/python", "-m", "coach"])
    execs = [line for line in entry.splitlines() if line.startswith("Exec=")]
    assert execs == ['Exec="/opt/coach venv/bin/python" -m coach',
                     'Exec="/opt/coach venv/bin/python" -m coach break now',
                     'Exec="/opt/coach venv/bin/python" -m coach pause 1h',
                     'Exec="/opt/coach venv/bin/python" -m coach settings']
    assert "TryExec=/opt/coach venv/bin/python" in entry.splitlines()


@needs_validator
def test_the_shipped_entry_is_valid() -> None:
    result = subprocess.run(["desktop-file-validate", str(SHIPPED / f"{APP_ID}.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="needs appstream")
def test_the_metainfo_is_valid() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", "--explain",
                             str(SHIPPED / f"{APP_ID}.metainfo.xml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert "W:" not in result.stdout and "E:" not in result.stdout, result.stdout


def test_install_puts_the_entry_and_every_icon_in_the_data_folder(tmp_path: Path) -> None:
    files = DesktopFiles(tmp_path / "share", shipped_dir("assets"))
    written = files.install([sys.executable, "-m", "coach"])
    theme = tmp_path / "share" / "icons" / "hicolor"
    expected = {theme / "scalable" / "apps" / f"{APP_ID}.svg",
                *(theme / f"{s}x{s}" / "apps" / f"{APP_ID}.png" for s in ICON_SIZES),
                tmp_path / "share" / "applications" / f"{APP_ID}.desktop"}
    assert set(written) == expected and all(path.stat().st_size > 0 for path in expected)
    assert not list(tmp_path.rglob(".*.new"))  # no drafts left
    assert (theme / "48x48" / "apps" / f"{APP_ID}.png").read_bytes() == (
        shipped_dir("assets") / "icons" / "coach-48.png").read_bytes()


def test_remove_takes_away_what_install_put_and_nothing_else(tmp_path: Path) -> None:
    files = DesktopFiles(tmp_path / "share", shipped_dir("assets"))
    other = tmp_path / "share" / "applications" / "org.example.Other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n")
    written = files.install([sys.executable, "-m", "coach"])
    assert sorted(files.remove()) == sorted(written)
    assert files.remove() == [] and other.exists()
    assert [p for p in (tmp_path / "share").rglob("*") if p.is_file()] == [other]


@needs_validator
def test_the_installed_entry_is_valid_for_an_odd_path(tmp_path: Path) -> None:
    files = DesktopFiles(tmp_path / "share", shipped_dir("assets"))
    files.install([str(odd_python(tmp_path)), "-m", "coach"])
    result = subprocess.run(["desktop-file-validate", str(files.entry)], capture_output=True,
                            text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@pytest.mark.skipif(not shutil.which("gio"), reason="needs gio (libglib2.0-bin)")
def test_the_menu_entry_starts_this_coach_from_an_odd_path(tmp_path: Path) -> None:
    python = odd_python(tmp_path)
    files = DesktopFiles(tmp_path / "share", shipped_dir("assets"))
    files.install([str(python), "-m", "coach"])
    assert launched_argv(files.entry, python) == [str(python), "-m", "coach"]


MENU_PROBE = """
import json, sys
import gi
gi.require_version("Gio", "2.0")
from gi.repository import Gio
info = Gio.DesktopAppInfo.new(sys.argv[1])
print(json.dumps(None if info is None else {
    "shown": info.should_show(), "name": info.get_name(), "icon": info.get_icon().to_string(),
    "keywords": info.get_keywords(), "actions": info.list_actions(),
    "listed": any(app.get_id() == sys.argv[1] for app in Gio.AppInfo.get_all())}))
"""


def _has_gio_for_python() -> bool:
    return Path("/usr/bin/python3").exists() and subprocess.run(
        ["/usr/bin/python3", "-c", "import gi; gi.require_version('Gio', '2.0')"],
        capture_output=True).returncode == 0


@pytest.mark.skipif(not _has_gio_for_python(), reason="needs python3-gi (GLib's app lookup)")
def test_the_desktop_finds_the_installed_entry_as_gnome_s_menu_does(tmp_path: Path) -> None:
    files = DesktopFiles(tmp_path / "share", shipped_dir("assets"))
    files.install([sys.executable, "-m", "coach"])
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(files.share),
           "XDG_DATA_DIRS": str(tmp_path / "none")}
    result = subprocess.run(["/usr/bin/python3", "-c", MENU_PROBE, f"{APP_ID}.desktop"],
                            env=env, capture_output=True, text=True, timeout=60)
    found = json.loads(result.stdout)
    assert found is not None, result.stderr
    assert found["shown"] and found["listed"] and found["name"] == "Coach"
    assert found["icon"] == APP_ID and "posture" in found["keywords"]
    assert found["actions"] == ["take-break", "pause-breaks", "settings"]
