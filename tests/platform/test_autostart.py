"""Starting at login on Linux: an XDG autostart entry that starts this Coach, made and removed,
valid for the specification and started by a real desktop launcher from any path."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from coach.platform import autostart
from coach.platform.desktop_entry import APP_ID
from tests.platform.launching import launched_argv, odd_python

pytestmark = pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG desktops")


@pytest.fixture(autouse=True)
def config_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config"


def test_off_until_turned_on():
    assert not autostart.is_enabled()


def test_turning_on_writes_an_entry_named_by_the_application_id(config_home):
    autostart.set_enabled(True)
    entry = (config_home / "autostart" / f"{APP_ID}.desktop").read_text()
    assert autostart.is_enabled()
    assert entry.startswith("[Desktop Entry]\n") and "Type=Application" in entry
    assert f"Icon={APP_ID}" in entry and "X-GNOME-Autostart-enabled=true" in entry


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="needs desktop-file-utils")
def test_the_entry_is_valid_for_a_path_with_a_space_and_an_apostrophe(
        config_home, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "executable", str(odd_python(tmp_path)))
    autostart.set_enabled(True)
    path = config_home / "autostart" / f"{APP_ID}.desktop"
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@pytest.mark.skipif(not shutil.which("gio"), reason="needs gio (libglib2.0-bin)")
def test_a_desktop_launcher_starts_this_coach_from_a_path_with_a_space_and_an_apostrophe(
        config_home, tmp_path, monkeypatch):
    python = odd_python(tmp_path)
    monkeypatch.setattr(sys, "executable", str(python))
    autostart.set_enabled(True)
    entry = config_home / "autostart" / f"{APP_ID}.desktop"
    assert launched_argv(entry, python) == [str(python), "-m", "coach"]


def test_an_entry_of_an_earlier_coach_counts_and_is_replaced(config_home):
    old = config_home / "autostart" / "coach.desktop"
    old.parent.mkdir(parents=True)
    old.write_text("[Desktop Entry]\nType=Application\nName=Coach\nExec='/old venv/python'\n")
    assert autostart.is_enabled()
    autostart.set_enabled(True)
    assert not old.exists() and (config_home / "autostart" / f"{APP_ID}.desktop").exists()
    autostart.set_enabled(False)
    assert not autostart.is_enabled()


def test_turning_off_removes_it_and_twice_is_fine():
    autostart.set_enabled(True)
    autostart.set_enabled(False)
    autostart.set_enabled(False)
    assert not autostart.is_enabled()
