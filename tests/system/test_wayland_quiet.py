"""A full-screen window holds breaks back on Wayland too: read on a real sway through wlroots'
foreign-toplevel protocol, with real windows made full screen by sway itself."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from coach.platform.wayland_fullscreen import OWN_APP_ID, WaylandFullscreen
from tests.system.compositors import Compositor

WAIT_S = 20.0
WINDOW = ("import sys; from PySide6.QtWidgets import QApplication, QLabel; "
          "app = QApplication([]); app.setDesktopFileName(sys.argv[1]); "
          "w = QLabel('a film'); w.resize(400, 300); w.show(); app.exec()")


def wait_for(what: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT_S
    while not what():
        assert time.monotonic() < deadline, "it never happened"
        time.sleep(0.1)


def swaymsg(compositor: Compositor, *command: str) -> str:
    [ipc] = compositor.runtime_dir.glob("sway-ipc.*")
    return subprocess.run(["swaymsg", "-s", str(ipc), *command], capture_output=True,
                          text=True, check=True).stdout


@pytest.fixture
def window(sway: Compositor, tmp_path: Path) -> Iterator[Callable[[str], None]]:
    """``window(app_id)`` opens a real Wayland window with that app id on sway."""
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": str(sway.socket),
           "XDG_RUNTIME_DIR": str(runtime)}
    env.pop("DISPLAY", None)
    opened: list[subprocess.Popen[bytes]] = []

    def open_window(app_id: str) -> None:
        opened.append(subprocess.Popen([sys.executable, "-c", WINDOW, app_id], env=env,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        wait_for(lambda: f'"app_id": "{app_id}"' in swaymsg(sway, "-t", "get_tree"))

    yield open_window
    for process in opened:
        process.kill()
        process.wait()


def test_a_full_screen_window_in_front_asks_for_quiet_until_it_leaves_full_screen(
        sway, window):
    source = WaylandFullscreen(str(sway.socket))
    window("film-player")
    assert not source.quiet_wanted()
    swaymsg(sway, '[app_id="film-player"] focus, fullscreen enable')
    wait_for(source.quiet_wanted)
    swaymsg(sway, '[app_id="film-player"] fullscreen disable')
    wait_for(lambda: not source.quiet_wanted())
    source.close()


def test_coachs_own_full_screen_window_never_holds_a_break_back(sway, window):
    source = WaylandFullscreen(str(sway.socket))
    window(OWN_APP_ID)
    swaymsg(sway, f'[app_id="{OWN_APP_ID}"] focus, fullscreen enable')
    time.sleep(0.5)
    assert not source.quiet_wanted()
    source.close()


def test_a_closed_window_is_forgotten(sway, window):
    source = WaylandFullscreen(str(sway.socket))
    window("slides")
    swaymsg(sway, '[app_id="slides"] focus, fullscreen enable')
    wait_for(source.quiet_wanted)
    swaymsg(sway, '[app_id="slides"] kill')
    wait_for(lambda: not source.quiet_wanted())
    source.close()


def test_a_wayland_session_watches_windows_through_the_compositor_not_xwayland(
        sway, monkeypatch):
    from coach.platform import quiet

    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    monkeypatch.setenv("WAYLAND_DISPLAY", str(sway.socket))
    monkeypatch.setenv("DISPLAY", ":99")  # XWayland's: it sees X11 windows only
    monkeypatch.setattr(quiet, "X11Fullscreen", lambda: pytest.fail("XWayland was asked"))
    found = quiet.find_quiet_source()
    assert any(isinstance(source, WaylandFullscreen) for source in found.sources)
    assert "wlroots foreign-toplevel protocol" in found.name
    for source in found.sources:
        if isinstance(source, WaylandFullscreen):
            source.close()
