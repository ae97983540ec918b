"""Input idle time on Wayland desktops, from the compositor's idle protocol: the standard
``ext-idle-notify-v1`` (KDE Plasma 6 and 5.27, sway 1.8 and later, Hyprland, COSMIC) or,
where only that is offered, KDE's older ``org_kde_kwin_idle`` (sway 1.7, older wlroots).

A Wayland client cannot ask how long the seat has been idle; it asks to be told once the seat
has had no input for a while (``idled``) and when input comes again (``resumed``). With that
while set to THRESHOLD_S, idle time is 0 until the compositor says idle, then THRESHOLD_S
plus the time since: exact for every pause longer than THRESHOLD_S, and shorter pauses count
as activity, as the break scheduler treats them anyway.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

from coach.core.breaks.scheduler import IDLE_GRACE_S

THRESHOLD_S = IDLE_GRACE_S
"""How long without input before the compositor calls the seat idle."""
STANDARD = "ext_idle_notifier_v1"
KDE = "org_kde_kwin_idle"


class WaylandIdle:
    """Idle time from the compositor of ``$WAYLAND_DISPLAY`` (or ``display_name``), over a
    connection of its own. Raises OSError when there is no compositor to connect to, or it
    offers neither idle protocol. ``clock`` gives monotonic seconds."""

    name: str

    def __init__(self, display_name: str | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        from pywayland.client.display import Display  # loaded only in Wayland sessions

        self._clock = clock
        self._idle_since: float | None = None
        self._lost = False
        self._made: list[Any] = []  # every object made on the connection, oldest first
        self._display = Display(display_name)
        self._display.connect()  # raises ValueError where no compositor answers
        globals_: dict[str, tuple[int, int]] = {}
        registry = self._keep(self._display.get_registry())
        registry.dispatcher["global"] = (
            lambda _registry, name, interface, version: globals_.__setitem__(
                interface, (name, version)))
        self._display.roundtrip()
        if "wl_seat" not in globals_ or not {STANDARD, KDE} & globals_.keys():
            self.close()
            raise OSError(f"the compositor offers no idle protocol ({STANDARD} or {KDE})")
        self._notification = self._watch(registry, globals_)
        self._notification.dispatcher["idled" if STANDARD in globals_ else "idle"] = (
            lambda _proxy: self._went_idle())
        self._notification.dispatcher["resumed"] = lambda _proxy: self._resumed()
        self._display.roundtrip()

    def _watch(self, registry: Any, globals_: dict[str, tuple[int, int]]) -> Any:
        """Ask to be told of THRESHOLD_S without input; return the object that tells."""
        from pywayland.protocol.wayland import WlSeat

        seat = self._keep(registry.bind(globals_["wl_seat"][0], WlSeat, 1))
        threshold_ms = round(THRESHOLD_S * 1000)
        if STANDARD in globals_:
            from pywayland.protocol.ext_idle_notify_v1 import ExtIdleNotifierV1

            name, version = globals_[STANDARD]
            notifier = self._keep(registry.bind(name, ExtIdleNotifierV1, min(version, 2)))
            self.name = "Wayland idle protocol (ext-idle-notify-v1)"
            if version >= 2:  # input only: a playing video's inhibitor does not hide typing
                return self._keep(notifier.get_input_idle_notification(threshold_ms, seat))
            return self._keep(notifier.get_idle_notification(threshold_ms, seat))
        from coach.platform.kde_idle_protocol import OrgKdeKwinIdle

        self.name = "Wayland idle protocol (KDE's org_kde_kwin_idle)"
        manager = self._keep(registry.bind(globals_[KDE][0], OrgKdeKwinIdle, 1))
        return self._keep(manager.get_idle_timeout(seat, threshold_ms))

    def _keep(self, made: Any) -> Any:
        self._made.append(made)
        return made

    def close(self) -> None:
        """Let go of the connection: every object made on it first, newest first, then the
        connection. Left to the garbage collector, pywayland can free the connection before
        them, and freeing them then crashes the process."""
        while self._made:
            self._made.pop()._destroy()
        if self._display._ptr is not None:
            self._display.disconnect()

    def __del__(self) -> None:
        self.close()

    def _went_idle(self) -> None:
        self._idle_since = self._clock() - THRESHOLD_S

    def _resumed(self) -> None:
        self._idle_since = None

    def idle_s(self) -> float | None:
        """Seconds since the last input (0 for pauses under THRESHOLD_S), or None once the
        compositor has gone away (the connection is then left alone for good)."""
        if self._lost or self._display.roundtrip() < 0:  # takes in every idled/resumed
            self._lost = True
            return None
        return 0.0 if self._idle_since is None else self._clock() - self._idle_since


def wayland_session() -> bool:
    """Whether this is a Wayland session (where XWayland's X11 idle counter sees only input
    to X11 windows, and must not be read)."""
    kind = os.environ.get("XDG_SESSION_TYPE", "").lower()
    return kind == "wayland" or (kind != "x11" and bool(os.environ.get("WAYLAND_DISPLAY")))
