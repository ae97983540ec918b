"""Starting at login on Linux: an XDG autostart entry that starts this Coach, made and removed."""

from __future__ import annotations

import shlex
import sys

import pytest

from coach.platform import autostart

pytestmark = pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG desktops")


@pytest.fixture(autouse=True)
def config_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config"


def test_off_until_turned_on():
    assert not autostart.is_enabled()


def test_turning_on_writes_an_entry_that_starts_this_coach(config_home):
    autostart.set_enabled(True)
    entry = (config_home / "autostart" / "coach.desktop").read_text()
    assert autostart.is_enabled()
    assert "[Desktop Entry]" in entry and "Type=Application" in entry
    [exec_line] = [line for line in entry.splitlines() if line.startswith("Exec=")]
    assert shlex.split(exec_line.removeprefix("Exec=")) == [sys.executable, "-m", "coach"]


def test_turning_off_removes_it_and_twice_is_fine():
    autostart.set_enabled(True)
    autostart.set_enabled(False)
    autostart.set_enabled(False)
    assert not autostart.is_enabled()
