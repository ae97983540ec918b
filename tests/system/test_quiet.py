"""A fullscreen active window on a real X server asks for quiet; others do not."""

from __future__ import annotations

import pytest
from Xlib import X, Xatom
from Xlib import display as xdisplay

from coach.platform.quiet import X11Fullscreen


@pytest.fixture
def x_display(display: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A connection of the test's own to the virtual display, which Coach will use too."""
    monkeypatch.setenv("DISPLAY", display)
    connection = xdisplay.Display(display)
    yield connection
    connection.close()


def make_active_window(connection, fullscreen: bool,  # type: ignore[no-untyped-def]
                       pid: int | None = None) -> None:
    """Do what a window manager does: mark a window active, and fullscreen or not; ``pid``
    is the process it says owns the window."""
    root = connection.screen().root
    window = root.create_window(0, 0, 100, 100, 0, X.CopyFromParent)
    if pid is not None:
        window.change_property(connection.intern_atom("_NET_WM_PID"), Xatom.CARDINAL, 32,
                               [pid])
    state = [connection.intern_atom("_NET_WM_STATE_FULLSCREEN")] if fullscreen else []
    window.change_property(connection.intern_atom("_NET_WM_STATE"), Xatom.ATOM, 32, state)
    root.change_property(connection.intern_atom("_NET_ACTIVE_WINDOW"), Xatom.WINDOW, 32,
                         [window.id])
    connection.sync()


def test_a_fullscreen_active_window_wants_quiet(x_display):
    make_active_window(x_display, fullscreen=True)
    assert X11Fullscreen().quiet_wanted() is True


def test_an_ordinary_active_window_does_not(x_display):
    make_active_window(x_display, fullscreen=False)
    assert X11Fullscreen().quiet_wanted() is False


def test_coachs_own_fullscreen_window_does_not(x_display):
    import os

    make_active_window(x_display, fullscreen=True, pid=os.getpid())
    assert X11Fullscreen().quiet_wanted() is False
    make_active_window(x_display, fullscreen=True, pid=os.getpid() + 1)
    assert X11Fullscreen().quiet_wanted() is True
