"""Whether the window in front is full screen, on wlroots desktops (sway, Hyprland, labwc,
Wayfire and others), through their foreign-toplevel protocol: a film, a presentation or a
call there holds a break back, as a full-screen X11 window does."""

from __future__ import annotations

import struct
from typing import Any

from coach.core.i18n import N_
from coach.platform.desktop_entry import APP_ID
from coach.platform.wayland_client import WaylandClient
from coach.platform.wlr_toplevel_protocol import (
    STATE_ACTIVATED,
    STATE_FULLSCREEN,
    ZwlrForeignToplevelManagerV1,
)

OWN_APP_ID = APP_ID
"""Coach's own windows (a break window full screen on Wayland) never hold a break back."""


class WaylandFullscreen:
    """Follows every window of the compositor at ``display_name`` (None: ``$WAYLAND_DISPLAY``)
    over a connection of its own. Raises ValueError when no compositor answers and OSError
    when it does not offer the protocol (GNOME and KDE do not)."""

    name = N_("a full-screen window in front (wlroots foreign-toplevel protocol)")

    def __init__(self, display_name: str | None = None) -> None:
        self._client = WaylandClient(display_name)
        if ZwlrForeignToplevelManagerV1.name not in self._client.offered:
            self._client.close()
            raise OSError("the compositor does not tell of other windows")
        self._windows: dict[Any, tuple[str, frozenset[int]]] = {}  # handle: (app id, state)
        self._pending: dict[Any, tuple[str, frozenset[int]]] = {}
        manager = self._client.bind(ZwlrForeignToplevelManagerV1, 3)
        manager.dispatcher["toplevel"] = lambda _manager, handle: self._follow(handle)
        self._client.roundtrip()

    def _follow(self, handle: Any) -> None:
        self._client.keep(handle)
        self._pending[handle] = ("", frozenset())

        def app_id(_handle: Any, value: str) -> None:
            self._pending[handle] = (value, self._pending[handle][1])

        def state(_handle: Any, values: bytes) -> None:
            states = frozenset(struct.unpack(f"={len(values) // 4}I", values))
            self._pending[handle] = (self._pending[handle][0], states)

        def done(_handle: Any) -> None:
            self._windows[handle] = self._pending[handle]

        handle.dispatcher["app_id"] = app_id
        handle.dispatcher["state"] = state
        handle.dispatcher["done"] = done
        handle.dispatcher["closed"] = lambda _handle: self._forget(handle)

    def _forget(self, handle: Any) -> None:
        self._windows.pop(handle, None)
        self._pending.pop(handle, None)
        self._client.release(handle)

    def quiet_wanted(self) -> bool:
        if not self._client.roundtrip():
            return False
        return any(STATE_ACTIVATED in states and STATE_FULLSCREEN in states
                   for app_id, states in self._windows.values() if app_id != OWN_APP_ID)

    def close(self) -> None:
        self._client.close()
