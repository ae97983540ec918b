"""Whether the desktop wants quiet now: a fullscreen window (a film, a presentation, a call).

On X11 the active window's ``_NET_WM_STATE`` says whether it is fullscreen
(``_NET_WM_STATE_FULLSCREEN``). Elsewhere no source is known yet and quiet is never asked for.
"""

from __future__ import annotations

import os
from typing import Protocol


class QuietSource(Protocol):
    def quiet_wanted(self) -> bool: ...


class X11Fullscreen:
    """Reads the active window's state from the X server (needs a window manager that sets
    ``_NET_ACTIVE_WINDOW``, as all common ones do)."""

    def __init__(self) -> None:
        from Xlib import X, display  # imported here: only X11 sessions need it

        self._any = X.AnyPropertyType
        self._display = display.Display()
        self._root = self._display.screen().root
        self._active = self._display.intern_atom("_NET_ACTIVE_WINDOW")
        self._state = self._display.intern_atom("_NET_WM_STATE")
        self._fullscreen = self._display.intern_atom("_NET_WM_STATE_FULLSCREEN")

    def quiet_wanted(self) -> bool:
        try:
            active = self._root.get_full_property(self._active, self._any)
            if active is None or not active.value or not active.value[0]:
                return False
            window = self._display.create_resource_object("window", int(active.value[0]))
            state = window.get_full_property(self._state, self._any)
            return state is not None and self._fullscreen in state.value
        except Exception:  # noqa: BLE001 (the window may close while we look)
            return False


class NeverQuiet:
    """For desktops where Coach cannot tell: breaks are never held back."""

    def quiet_wanted(self) -> bool:
        return False


def find_quiet_source() -> QuietSource:
    """The X11 fullscreen check where there is an X display, else NeverQuiet."""
    if os.environ.get("DISPLAY"):
        try:
            return X11Fullscreen()
        except Exception:  # noqa: BLE001 (no X server after all, or no python-xlib)
            pass
    return NeverQuiet()
