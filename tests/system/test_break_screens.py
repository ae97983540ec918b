"""A break shows on every screen: the routine on the screen in use, a cover with the time left
on each other one. Real Coach processes on two-screen desktops: X11 (Xvfb with two X screens,
under the openbox window manager; Qt sees no Xinerama heads without RandR, which Xvfb gives
per X screen only) and Wayland (sway with two outputs)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.system.compositors import Compositor

WAIT_S = 30.0
SCREEN_W = 1280


@pytest.fixture
def two_screens() -> Iterator[str]:
    """An X display of two 1280x800 screens, with a window manager."""
    if not (shutil.which("Xvfb") and shutil.which("xdotool") and shutil.which("openbox")):
        pytest.skip("needs Xvfb, xdotool and openbox")
    server = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24",
                               "-screen", "1", "1280x800x24", "-nolisten", "tcp"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert server.stdout is not None
    display = f":{server.stdout.readline().decode().strip()}"
    manager = subprocess.Popen(["openbox"], env={**os.environ, "DISPLAY": display},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    yield display
    manager.terminate()
    server.terminate()
    manager.wait()
    server.wait()


def start_break(tmp_path: Path, env: dict[str, str], settings: dict[str, object],
                python: str = sys.executable) -> subprocess.Popen[bytes]:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "settings.json").write_text(json.dumps({"disclaimer_seen": True, "muted": True,
                                                    **settings}))
    data.chmod(0o777)
    (data / "settings.json").chmod(0o666)
    return subprocess.Popen([python, "-m", "coach", "--data-dir", str(data), "break", "now"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def x_windows(display: str, name: str) -> list[tuple[int, int, int]]:
    """(X screen, width, height) of each visible window whose name matches ``name``, on
    either screen."""
    places = []
    for screen in (0, 1):
        env = {**os.environ, "DISPLAY": f"{display}.{screen}"}
        found = subprocess.run(["xdotool", "search", "--screen", str(screen), "--onlyvisible",
                                "--name", name], env=env, capture_output=True,
                               text=True).stdout.split()
        for window in found:
            geometry = subprocess.run(["xdotool", "getwindowgeometry", window], env=env,
                                      capture_output=True, text=True).stdout
            size = re.search(r"Geometry: (\d+)x(\d+)", geometry)
            if size:
                places.append((screen, int(size[1]), int(size[2])))
    return places


def wait_until(what, timeout_s: float = WAIT_S):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while not (value := what()):
        assert time.monotonic() < deadline, "it never happened"
        time.sleep(0.2)
    return value


ROUTINE = "^Coach: rest break$"
COVER = "^Coach: rest break · time left$"


@pytest.mark.parametrize("full_screen", [False, True])
def test_on_x11_the_routine_plays_on_the_screen_in_use_and_the_other_is_covered(
        two_screens, tmp_path, full_screen):
    env = {**os.environ, "DISPLAY": two_screens, "QT_QPA_PLATFORM": "xcb"}
    coach = start_break(tmp_path, env, {"break_full_screen": full_screen})
    try:
        [(screen, width, height)] = wait_until(lambda: x_windows(two_screens, ROUTINE))
        [(cover_screen, cover_w, cover_h)] = wait_until(lambda: x_windows(two_screens, COVER))
        assert {screen, cover_screen} == {0, 1}  # one on each screen
        if full_screen:
            assert (width, height) == (cover_w, cover_h) == (SCREEN_W, 800)
        else:
            assert width <= SCREEN_W and cover_w < SCREEN_W
        if shutil.which("import"):  # a picture to look at, where ImageMagick is installed
            subprocess.run(["import", "-window", "root", str(tmp_path / "screens.png")],
                           env=env, check=False)
    finally:
        coach.terminate()
        coach.wait(timeout=30)


def test_on_x11_the_primary_choice_shows_the_break_on_one_screen_only(two_screens, tmp_path):
    env = {**os.environ, "DISPLAY": two_screens, "QT_QPA_PLATFORM": "xcb"}
    coach = start_break(tmp_path, env, {"break_screens": "primary"})
    try:
        [(screen, _w, _h)] = wait_until(lambda: x_windows(two_screens, ROUTINE))
        time.sleep(1)  # a cover would be up by now
        assert screen == 0 and x_windows(two_screens, COVER) == []
    finally:
        coach.terminate()
        coach.wait(timeout=30)


def sway_windows(compositor: Compositor) -> dict[str, tuple[str, bool]]:
    """Each window's title: (the output it is on, whether it is full screen)."""
    [ipc] = compositor.runtime_dir.glob("sway-ipc.*")
    tree = json.loads(subprocess.run(["swaymsg", "-s", str(ipc), "-t", "get_tree", "-r"],
                                     capture_output=True, text=True, check=True).stdout)
    found: dict[str, tuple[str, bool]] = {}

    def walk(node: dict[str, object], output: str) -> None:
        if node.get("type") == "output":
            output = str(node["name"])
        if node.get("app_id") is not None or node.get("pid"):
            found[str(node.get("name"))] = (output, bool(node.get("fullscreen_mode")))
        for child in [*node.get("nodes", []), *node.get("floating_nodes", [])]:  # type: ignore[misc]
            walk(child, output)

    walk(tree, "")
    return found


def wayland_env(compositor: Compositor, tmp_path: Path) -> dict[str, str]:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": str(compositor.socket),
           "XDG_RUNTIME_DIR": str(runtime)}
    env.pop("DISPLAY", None)
    return env


def test_on_wayland_a_break_opens_full_screen_on_every_output(sway, tmp_path):
    coach = start_break(tmp_path, wayland_env(sway, tmp_path), {})
    try:
        windows = wait_until(lambda: (found := sway_windows(sway)).get("Coach: rest break")
                             and found.get("Coach: rest break · time left") and found)
        routine_output, routine_full = windows["Coach: rest break"]
        cover_output, cover_full = windows["Coach: rest break · time left"]
        assert routine_full and cover_full  # the one way to be seen that Wayland allows
        assert {routine_output, cover_output} == {"HEADLESS-1", "HEADLESS-2"}
        if shutil.which("grim"):  # a picture to look at
            subprocess.run(["grim", str(tmp_path / "outputs.png")],
                           env={**sway.env, "PATH": "/usr/bin:/bin"}, check=False)
    finally:
        coach.terminate()
        coach.wait(timeout=30)


def test_on_x11_a_break_takes_the_keyboard_from_coachs_own_window(two_screens, tmp_path):
    """Keys meant for the break (Space) must not press a button in the window behind it.
    (With another program in front, the break leaves the keyboard there: by hand.)"""
    env = {**os.environ, "DISPLAY": two_screens, "QT_QPA_PLATFORM": "xcb"}
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"disclaimer_seen": True, "muted": True}))
    coach = subprocess.Popen([sys.executable, "-m", "coach", "--data-dir", str(data)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def active() -> str:
        return subprocess.run(["xdotool", "getactivewindow", "getwindowname"], env=env,
                              capture_output=True, text=True).stdout.strip()

    try:
        [main] = wait_until(lambda: subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "^Coach$"], env=env,
            capture_output=True, text=True).stdout.split())
        subprocess.run(["xdotool", "windowactivate", "--sync", main], env=env, check=True)
        wait_until(lambda: active() == "Coach")
        subprocess.run([sys.executable, "-m", "coach", "--data-dir", str(data), "break", "now"],
                       env=env, check=True, timeout=WAIT_S)
        wait_until(lambda: x_windows(two_screens, ROUTINE))
        assert wait_until(lambda: active() == "Coach: rest break")
    finally:
        coach.terminate()
        coach.wait(timeout=30)
