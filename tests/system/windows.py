"""Reading Coach's window titles on an X display, through xdotool."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable

WAIT_S = 30.0


def window_titles(display: str) -> list[str]:
    """The names of the display's windows that are Coach's."""
    env = {**os.environ, "DISPLAY": display}
    found = subprocess.run(["xdotool", "search", "--name", "Coach$"], env=env,
                           capture_output=True, text=True).stdout.split()
    names = [subprocess.run(["xdotool", "getwindowname", w], env=env, capture_output=True,
                            text=True).stdout.strip() for w in found]
    return [name for name in names if name]


def wait_for_title(display: str, wanted: Callable[[str], bool]) -> str:
    """Wait (polling, up to WAIT_S) for a Coach window whose title ``wanted`` accepts."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        for title in window_titles(display):
            if wanted(title):
                return title
        time.sleep(0.2)
    raise AssertionError(f"no such window; titles now: {window_titles(display)}")


def press_key(display: str, key: str, title: str = "^Coach$") -> None:
    """Focus the visible window whose title matches ``title`` (a regular expression; by
    default the main window with nothing playing) and press ``key`` (an xdotool key name).
    Focusing a window that is still being mapped can fail on a display without a window
    manager: it is tried again, a few times."""
    command = ["xdotool", "search", "--sync", "--onlyvisible", "--name", title,
               "windowfocus", "--sync", "key", key]
    env = {**os.environ, "DISPLAY": display}
    for attempt in range(3):
        if subprocess.run(command, env=env, timeout=30, capture_output=True).returncode == 0:
            return
        time.sleep(0.5 * (attempt + 1))
    subprocess.run(command, env=env, check=True, timeout=30)
