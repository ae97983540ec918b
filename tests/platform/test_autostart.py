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
    assert launched_argv(entry, python) == [str(python), "-P", "-m", "coach"]


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


def test_the_login_key_is_in_the_main_group_and_a_relative_config_folder_is_not_used(
        config_home, tmp_path, monkeypatch):
    import configparser

    autostart.set_enabled(True)
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(config_home / "autostart" / f"{APP_ID}.desktop")
    assert entry["Desktop Entry"]["X-GNOME-Autostart-enabled"] == "true"
    assert all("X-GNOME-Autostart-enabled" not in entry[group] for group in entry.sections()
               if group != "Desktop Entry")
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/config")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert autostart.xdg_entry_path() == tmp_path / "home" / ".config" / "autostart" / (
        f"{APP_ID}.desktop")


def test_coach_started_from_a_folder_with_a_coach_module_of_its_own_is_still_coach(tmp_path):
    from coach.platform.desktop_entry import launch_command

    (tmp_path / "coach.py").write_text("print('not Coach')")
    result = subprocess.run([*launch_command(), "--version"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.startswith("coach ") and "not Coach" not in result.stdout
