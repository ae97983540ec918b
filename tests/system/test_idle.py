"""The X11 idle source reads real input idle time, and real input resets it."""

from __future__ import annotations

import os
import select
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


def readable(fileno: int, within_s: float = 10.0) -> bool:
    return bool(select.select([fileno], [], [], within_s)[0])


def test_the_x_server_tells_of_the_next_input_once_asked(x11, display):
    assert x11.tells_input  # Xvfb has XInput 2.2: raw events reach a client that grabs nothing
    move = ["xdotool", "mousemove", "--", "30", "30"]
    env = {**os.environ, "DISPLAY": display}
    subprocess.run(move, env=env, check=True)
    assert not x11.input_came()  # not asked: input is not told of

    x11.watch_input(True)
    assert not readable(x11.fileno(), within_s=0.2)  # nothing yet
    subprocess.run(["xdotool", "key", "shift"], env=env, check=True)
    assert readable(x11.fileno())
    assert x11.input_came()

    subprocess.run(["xdotool", "mousemove", "--", "60", "60"], env=env, check=True)
    assert not x11.input_came()  # told once: the watch ends with the input it told of
