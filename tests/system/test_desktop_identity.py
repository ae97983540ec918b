"""The desktop knows Coach's windows by its application id: the X11 window class and the
ids GNOME and KDE read there, and the Wayland app id, which match the menu entry's name."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coach.platform.desktop_entry import APP_ID
from tests.system.compositors import Compositor
from tests.system.test_break_screens import wayland_env
from tests.system.windows import wait_for_title


@pytest.mark.skipif(not shutil.which("xprop"), reason="needs xprop (x11-utils)")
def test_on_x11_the_window_class_and_application_ids_are_the_app_id(coach, display) -> None:
    coach()
    wait_for_title(display, lambda title: title == "Coach")
    env = {**os.environ, "DISPLAY": display}
    [window] = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Coach$"],
                              env=env, capture_output=True, text=True).stdout.split()
    properties = subprocess.run(["xprop", "-id", window, "WM_CLASS", "_GTK_APPLICATION_ID",
                                 "_KDE_NET_WM_DESKTOP_FILE"], env=env, capture_output=True,
                                text=True).stdout
    assert f'WM_CLASS(STRING) = "{APP_ID}", "Coach"' in properties
    assert f'_GTK_APPLICATION_ID(UTF8_STRING) = "{APP_ID}"' in properties
    assert f'_KDE_NET_WM_DESKTOP_FILE(UTF8_STRING) = "{APP_ID}"' in properties


def test_on_wayland_the_app_id_is_the_app_id(sway: Compositor, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text('{"disclaimer_seen": true, "muted": true}')
    coach = subprocess.Popen([sys.executable, "-m", "coach", "--data-dir", str(data)],
                             env=wayland_env(sway, tmp_path), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        [ipc] = sway.runtime_dir.glob("sway-ipc.*")
        deadline = time.monotonic() + 30
        app_ids: list[str] = []
        while APP_ID not in app_ids and time.monotonic() < deadline:
            tree = subprocess.run(["swaymsg", "-s", str(ipc), "-t", "get_tree", "-r"],
                                  capture_output=True, text=True, check=True).stdout
            app_ids = [node["app_id"] for node in _nodes(json.loads(tree))
                       if node.get("name") == "Coach" and node.get("app_id")]
            time.sleep(0.2)
        assert app_ids == [APP_ID]
    finally:
        coach.terminate()
        coach.wait(timeout=30)


def _nodes(node: dict[str, object]) -> list[dict[str, object]]:
    found = [node]
    for child in [*node.get("nodes", []), *node.get("floating_nodes", [])]:  # type: ignore[misc]
        found += _nodes(child)
    return found
