"""Coach through a screen reader's eyes: the accessibility tree over AT-SPI (as Orca reads it)
names every control and every piece of information, and a routine announces each new step
once, never every second."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.system.windows import press_key, wait_for_title

BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = "/usr/bin/python3"
NAMED_ROLES = {"push button", "check box", "radio button", "combo box", "spin button",
               "slider", "list", "list item", "progress bar", "page tab", "label", "text",
               "table", "menu item"}
"""Roles a screen reader reads out: each must have a name (a label's name is its text)."""

TREE = """
import json, sys, time
import pyatspi
deadline = time.time() + 30
app = None
while app is None and time.time() < deadline:
    app = next((a for a in pyatspi.Registry.getDesktop(0) if a is not None
                and a.name == "Coach"), None)
    time.sleep(0.3)
found = []
def walk(node, depth=0):
    states = node.getState()
    found.append({"role": node.getRoleName(), "name": node.name,
                  "description": node.description,
                  "showing": states.contains(pyatspi.STATE_SHOWING)})
    if depth < 40:
        for child in node:
            if child is not None:
                walk(child, depth + 1)
if app is not None:
    walk(app)
print(json.dumps(found))
"""

LISTEN = """
import json, sys
import pyatspi
from gi.repository import GLib
heard = []
pyatspi.Registry.registerEventListener(lambda e: heard.append(str(e.any_data)),
                                       "object:announcement")
loop = GLib.MainLoop()
GLib.timeout_add(int(float(sys.argv[1]) * 1000), loop.quit)
print("listening", flush=True)
loop.run()
print(json.dumps(heard), flush=True)
"""


def _has_pyatspi() -> bool:
    return Path(SYSTEM_PYTHON).exists() and subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode == 0


pytestmark = pytest.mark.skipif(
    not (BUS_LAUNCHER.exists() and _has_pyatspi() and shutil.which("dbus-daemon")),
    reason="needs at-spi2-core and python3-pyatspi (Debian) and dbus")


@pytest.fixture
def coach_read_aloud(display: str, session_bus: str, tmp_path: Path) -> Iterator[dict[str, str]]:
    """Coach playing the desk posture reset on an accessibility bus; yields the environment
    a screen reader shares with it."""
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "DBUS_SESSION_BUS_ADDRESS": session_bus, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}
    bus = subprocess.Popen([str(BUS_LAUNCHER), "--launch-immediately"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps(
        {"disclaimer_seen": True, "muted": True, "ask_pain_around_routines": False}))
    coach = subprocess.Popen([sys.executable, "-m", "coach", "--data-dir", str(data), "start",
                              "desk-posture-reset"], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        wait_for_title(display, lambda title: title.endswith("· Desk posture reset — Coach"))
        yield env
    finally:
        coach.terminate()
        coach.wait(timeout=30)
        bus.terminate()
        bus.wait(timeout=30)


def test_each_new_step_is_announced_once_and_the_seconds_are_not(
        coach_read_aloud: dict[str, str], display: str) -> None:
    listener = subprocess.Popen([SYSTEM_PYTHON, "-c", LISTEN, "9"], env=coach_read_aloud,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert listener.stdout is not None and listener.stdout.readline().strip() == "listening"
    title = r"· Desk posture reset — Coach$"
    for _ in range(3):  # past getting ready, then two steps on
        press_key(display, "Right", title=title)
        time.sleep(1.5)
    heard = json.loads(listener.communicate(timeout=60)[0])
    assert heard[:2] == ["Posture check.", "Shoulder-blade squeezes. 6 reps."], heard
    assert len(heard) == len(set(heard)) <= 5, heard  # each step once, in 9 seconds
    assert not {"One", "Two", "Three"} & set(heard)  # the last seconds are heard, not read


def test_every_control_and_piece_of_information_has_a_name(
        coach_read_aloud: dict[str, str]) -> None:
    tree = json.loads(subprocess.run([SYSTEM_PYTHON, "-c", TREE], env=coach_read_aloud,
                                     capture_output=True, text=True, timeout=90).stdout)
    shown = [node for node in tree if node["showing"]]
    assert any(node["role"] == "push button" for node in shown), tree
    unnamed = [node for node in shown if node["role"] in NAMED_ROLES and not node["name"]
               and node["role"] != "label"]  # an empty label shows nothing, says nothing
    assert not unnamed, unnamed
    drawing = [node for node in shown if node["name"] == "Drawing of the step"]
    assert drawing and drawing[0]["description"], "the drawing says what it shows"
    assert any(node["role"] == "progress bar" and node["name"] for node in shown)
