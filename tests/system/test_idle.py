"""The X11 idle source reads real input idle time, and real input resets it."""

from __future__ import annotations

import os
import subprocess
import time

import pytest

from coach.platform.idle import X11Idle, find_idle_source


@pytest.fixture
def x11(display: str, monkeypatch: pytest.MonkeyPatch) -> X11Idle:
    monkeypatch.setenv("DISPLAY", display)
    return X11Idle()


def test_idle_time_grows_without_input_and_input_resets_it(x11, display):
    subprocess.run(["xdotool", "mousemove", "10", "10"], env={**os.environ, "DISPLAY": display},
                   check=True)
    time.sleep(1.5)
    before = x11.idle_s()
    assert before is not None and before >= 1.0
    subprocess.run(["xdotool", "mousemove", "200", "200"],
                   env={**os.environ, "DISPLAY": display}, check=True)
    after = x11.idle_s()
    assert after is not None and after < before and after < 1.0


def test_without_a_desktop_bus_the_x11_source_is_found(x11, monkeypatch):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    source = find_idle_source()
    assert source is not None and source.name == X11Idle.name
