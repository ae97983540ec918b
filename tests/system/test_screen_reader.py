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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


@contextmanager
def coach_on_the_bus(display: str, session_bus: str, data: Path, args: list[str],
                     title: Callable[[str], bool]) -> Iterator[dict[str, str]]:
    """Coach run with ``args`` on an accessibility bus, once a window with ``title`` shows;
    yields the environment a screen reader shares with it."""
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "DBUS_SESSION_BUS_ADDRESS": session_bus, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}
    bus = subprocess.Popen([str(BUS_LAUNCHER), "--launch-immediately"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    data.mkdir()
    (data / "settings.json").write_text(json.dumps(
        {"disclaimer_seen": True, "muted": True, "ask_pain_around_routines": False}))
    coach = subprocess.Popen([sys.executable, "-m", "coach", "--data-dir", str(data), *args],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_title(display, title)
        yield env
    finally:
        coach.terminate()
        coach.wait(timeout=30)
        bus.terminate()
        bus.wait(timeout=30)


@pytest.fixture
def coach_read_aloud(display: str, session_bus: str, tmp_path: Path) -> Iterator[dict[str, str]]:
    """Coach playing the desk posture reset on an accessibility bus."""
    with coach_on_the_bus(display, session_bus, tmp_path / "data",
                          ["start", "desk-posture-reset"],
                          lambda title: title.endswith("· Desk posture reset — Coach")) as env:
        yield env


def read_tree(env: dict[str, str]) -> list[dict[str, object]]:
    """What a screen reader finds showing in Coach's windows."""
    tree = json.loads(subprocess.run([SYSTEM_PYTHON, "-c", TREE], env=env,
                                     capture_output=True, text=True, timeout=90).stdout)
    return [node for node in tree if node["showing"]]


def read_until(env: dict[str, str], wanted: Callable[[dict[str, object]], bool],
               wait_s: float = 30) -> list[dict[str, object]]:
    """The tree once a node ``wanted`` accepts shows in it (a window still opening)."""
    deadline = time.monotonic() + wait_s
    shown = read_tree(env)
    while not any(wanted(node) for node in shown):
        assert time.monotonic() < deadline, [(n["role"], n["name"]) for n in shown]
        shown = read_tree(env)
    return shown


def unnamed(shown: list[dict[str, object]]) -> list[dict[str, object]]:
    return [node for node in shown if node["role"] in NAMED_ROLES and not node["name"]
            and node["role"] != "label"]  # an empty label shows nothing, says nothing


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
    shown = read_tree(coach_read_aloud)
    assert any(node["role"] == "push button" for node in shown), shown
    assert not unnamed(shown), unnamed(shown)
    drawing = [node for node in shown if node["name"] == "Drawing of the step"]
    assert drawing and drawing[0]["description"], "the drawing says what it shows"
    assert any(node["role"] == "progress bar" and node["name"] for node in shown)


def test_the_library_history_charts_settings_and_a_timer_name_everything(
        display: str, session_bus: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    with coach_on_the_bus(display, session_bus, data, [], lambda t: t == "Coach") as env:
        library = read_tree(env)
        assert any(node["name"] == "Routines, grouped by when to use them" for node in library)
        assert not unnamed(library), unnamed(library)
        press_key(display, "ctrl+h")
        wait_for_title(display, lambda title: title.startswith("History"))
        press_key(display, "ctrl+Tab", title="^History")  # the Charts tab
        charts = read_until(env, lambda node: str(node["name"]).startswith("Minutes of"))
        summaries = [node for node in charts if str(node["name"]).startswith("Minutes of")]
        assert all(node["description"] for node in summaries), summaries  # a chart in words
        assert not unnamed(charts), unnamed(charts)
        subprocess.run([sys.executable, "-m", "coach", "--data-dir", str(data), "settings"],
                       env=env, timeout=60, capture_output=True)
        settings = read_until(env, lambda node: node["role"] == "slider")  # the voice speed
        assert not unnamed(settings), unnamed(settings)
        subprocess.run([sys.executable, "-m", "coach", "--data-dir", str(data), "timer",
                        "cold"], env=env, timeout=60, capture_output=True)
        therapy = read_until(env, lambda node: str(node["name"]).startswith(
            "Ice pack · upper back: 15 min left. Take it off at "))  # the timer card
        assert not unnamed(therapy), unnamed(therapy)
