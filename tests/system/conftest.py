"""Real Coach processes on a real (virtual) X display, as a person would run them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.system.compositors import Compositor, start_sway


@pytest.fixture(scope="session")
def display() -> Iterator[str]:
    """An Xvfb display of its own (skips where Xvfb or xdotool is not installed)."""
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        pytest.skip("needs Xvfb and xdotool")
    server = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24",
                               "-nolisten", "tcp"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL)
    assert server.stdout is not None
    number = server.stdout.readline().decode().strip()
    yield f":{number}"
    server.terminate()
    server.wait()


@pytest.fixture
def coach(display: str, tmp_path: Path) -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    """``coach(*args)`` starts ``python -m coach ARGS`` on the display with its own data, as
    a user who has accepted the safety notice."""
    started: list[subprocess.Popen[bytes]] = []
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text('{"disclaimer_seen": true, "muted": true}')
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "COACH_DATA_DIR": str(data)}

    def run(*args: str) -> subprocess.Popen[bytes]:
        process = subprocess.Popen([sys.executable, "-m", "coach", *args], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        started.append(process)
        return process

    yield run
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.fixture
def session_bus(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A session bus of its own, which this process uses; yields its address."""
    if not shutil.which("dbus-daemon"):
        pytest.skip("needs dbus-daemon")
    bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert bus.stdout is not None
    address = bus.stdout.readline().decode().strip()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    yield address
    bus.terminate()
    bus.wait()


@pytest.fixture
def notification_server(display: str, session_bus: str) -> Iterator[dict[str, str]]:
    """dunst serving notifications on the display, on the test's own session bus. Yields the
    environment for ``dunstctl``."""
    if not shutil.which("dunst"):
        pytest.skip("needs dunst")
    env = {**os.environ, "DISPLAY": display, "DBUS_SESSION_BUS_ADDRESS": session_bus}
    dunst = subprocess.Popen(["dunst"], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    yield env
    dunst.terminate()
    dunst.wait()


@pytest.fixture(scope="module")
def sway() -> Iterator[Compositor]:
    """sway, headless with two outputs, run as an ordinary user (skips where it cannot run;
    wtype, which types into it, is needed too)."""
    if not (shutil.which("sway") and shutil.which("swaymsg") and shutil.which("wtype")):
        pytest.skip("needs sway and wtype (Debian packages sway, wtype)")
    try:
        compositor = start_sway(outputs=2)
    except RuntimeError as error:
        pytest.skip(f"sway cannot start here: {error}")
    yield compositor
    compositor.stop()
