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
from coach.core.i18n import N_
from coach.platform.wayland_client import WaylandClient

THRESHOLD_S = IDLE_GRACE_S
"""How long without input before the compositor calls the seat idle."""
STANDARD = "ext_idle_notifier_v1"
KDE = "org_kde_kwin_idle"


class WaylandIdle:
    """Idle time from the compositor of ``$WAYLAND_DISPLAY`` (or ``display_name``), over a
    connection of its own. Raises ValueError when no compositor answers and OSError when it
    offers neither idle protocol. ``clock`` gives monotonic seconds."""

    name: str

    def __init__(self, display_name: str | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._idle_since: float | None = None
        self._client = WaylandClient(display_name)
        offered = self._client.offered
        if "wl_seat" not in offered or not {STANDARD, KDE} & offered.keys():
            self._client.close()
            raise OSError(f"the compositor offers no idle protocol ({STANDARD} or {KDE})")
        notification = self._watch()
        notification.dispatcher["idled" if STANDARD in offered else "idle"] = (
            lambda _proxy: self._went_idle())
        notification.dispatcher["resumed"] = lambda _proxy: self._resumed()
        self._client.roundtrip()

    def _watch(self) -> Any:
        """Ask to be told of THRESHOLD_S without input; return the object that tells."""
        from pywayland.protocol.wayland import WlSeat

        client = self._client
        seat = client.bind(WlSeat, 1)
        threshold_ms = round(THRESHOLD_S * 1000)
        if STANDARD in client.offered:
            from pywayland.protocol.ext_idle_notify_v1 import ExtIdleNotifierV1

            notifier = client.bind(ExtIdleNotifierV1, 2)
            self.name = N_("Wayland idle protocol (ext-idle-notify-v1)")
            if client.offered[STANDARD][1] >= 2:  # input only: a video's inhibitor hides none
                return client.keep(notifier.get_input_idle_notification(threshold_ms, seat))
            return client.keep(notifier.get_idle_notification(threshold_ms, seat))
        from coach.platform.kde_idle_protocol import OrgKdeKwinIdle

        self.name = N_("Wayland idle protocol (KDE's org_kde_kwin_idle)")
        manager = client.bind(OrgKdeKwinIdle, 1)
        return client.keep(manager.get_idle_timeout(seat, threshold_ms))

    tells_input = True

    def fileno(self) -> int:
        return self._client.fileno()

    def watch_input(self, on: bool) -> None:
        """The compositor tells of input after THRESHOLD_S without it anyway: nothing to ask."""

    def input_came(self) -> bool:
        """Take in what the compositor sent: whether input came since it said idle (or it has
        gone away)."""
        return not self._client.roundtrip() or self._idle_since is None

    def close(self) -> None:
        """Let go of the connection."""
        self._client.close()

    def _went_idle(self) -> None:
        self._idle_since = self._clock() - THRESHOLD_S

    def _resumed(self) -> None:
        self._idle_since = None

    def idle_s(self) -> float | None:
        """Seconds since the last input (0 for pauses under THRESHOLD_S), or None once the
        compositor has gone away."""
        if not self._client.roundtrip():  # takes in every idled/resumed sent meanwhile
            return None
        return 0.0 if self._idle_since is None else self._clock() - self._idle_since


def wayland_session() -> bool:
    """Whether this is a Wayland session (where XWayland's X11 idle counter sees only input
    to X11 windows, and must not be read)."""
    kind = os.environ.get("XDG_SESSION_TYPE", "").lower()
    return kind == "wayland" or (kind != "x11" and bool(os.environ.get("WAYLAND_DISPLAY")))
