"""Whether the desktop wants quiet now: a fullscreen window (a film, a presentation, a call),
an app keeping the screen awake, or notifications turned off ("do not disturb").

On X11 the active window's ``_NET_WM_STATE`` says whether it is fullscreen
(``_NET_WM_STATE_FULLSCREEN``); on wlroots Wayland desktops the foreign-toplevel protocol
says it (coach.platform.wayland_fullscreen). On GNOME the session manager, and on KDE Plasma
power management's policy agent, say whether an app keeps the screen awake (video players
and call apps do, through them or ``org.freedesktop.ScreenSaver.Inhibit``). The notification
service says whether it is inhibited: the freedesktop ``Inhibited`` property (KDE Plasma and
others) or dunst's ``paused``; on GNOME, the ``show-banners`` setting. Each source has a
``name`` for Settings.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from typing import Protocol

from jeepney import DBusAddress, MessageType, Properties, new_method_call
from jeepney.io.blocking import DBusConnection

from coach.core.i18n import N_, _
from coach.platform.session_bus import FAILURES, open_session
from coach.platform.wayland_idle import wayland_session
from coach.platform.x11 import x_display

DBUS_TIMEOUT_S = 1.0


class QuietSource(Protocol):
    @property
    def name(self) -> str:
        """What it watches for, in words."""
        ...

    def quiet_wanted(self) -> bool: ...


class X11Fullscreen:
    """Reads the active window's state from the X server (needs a window manager that sets
    ``_NET_ACTIVE_WINDOW``, as all common ones do)."""

    name = N_("a full-screen window in front (X11)")

    def __init__(self) -> None:
        from Xlib import X  # imported here: only X11 sessions need it

        self._any = X.AnyPropertyType
        self._display = x_display()
        self._root = self._display.screen().root
        self._active = self._display.intern_atom("_NET_ACTIVE_WINDOW")
        self._state = self._display.intern_atom("_NET_WM_STATE")
        self._fullscreen = self._display.intern_atom("_NET_WM_STATE_FULLSCREEN")
        self._pid = self._display.intern_atom("_NET_WM_PID")

    def quiet_wanted(self) -> bool:
        """Whether the active window is full screen, and not one of Coach's own."""
        try:
            active = self._root.get_full_property(self._active, self._any)
            if active is None or not active.value or not active.value[0]:
                return False
            window = self._display.create_resource_object("window", int(active.value[0]))
            state = window.get_full_property(self._state, self._any)
            owner = window.get_full_property(self._pid, self._any)
            own = owner is not None and bool(owner.value) and owner.value[0] == os.getpid()
            return state is not None and self._fullscreen in state.value and not own
        except Exception:  # noqa: BLE001 (the window may close while we look)
            return False


class NotificationsInhibited:
    """Asks the session's notification service whether it holds notifications back."""

    name = N_("notifications set to do not disturb")

    PROPERTIES = (
        (DBusAddress("/org/freedesktop/Notifications", "org.freedesktop.Notifications",
                     "org.freedesktop.Notifications"), "Inhibited"),
        (DBusAddress("/org/freedesktop/Notifications", "org.freedesktop.Notifications",
                     "org.dunstproject.cmd0"), "paused"),
    )

    def __init__(self) -> None:
        self._connection: DBusConnection | None = None

    def quiet_wanted(self) -> bool:
        try:
            if self._connection is None:
                self._connection = open_session()
            return any(self._true(address, name) for address, name in self.PROPERTIES)
        except FAILURES:
            self._connection = None
            return False

    def _true(self, address: DBusAddress, name: str) -> bool:
        assert self._connection is not None
        reply = self._connection.send_and_get_reply(Properties(address).get(name),
                                                    timeout=DBUS_TIMEOUT_S)
        if reply.header.message_type is not MessageType.method_return:
            return False  # this service does not have that property
        return bool(reply.body[0][1])


class GnomeDoNotDisturb:
    """GNOME's do-not-disturb switch (``show-banners`` off), read with ``gsettings`` at most
    once a minute: it lives in GSettings, not on the bus."""

    name = N_("GNOME's do not disturb")
    EVERY_S = 60.0
    COMMAND = ("gsettings", "get", "org.gnome.desktop.notifications", "show-banners")

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._read_at: float | None = None
        self._quiet = False

    def quiet_wanted(self) -> bool:
        now = self._clock()
        if self._read_at is None or now - self._read_at >= self.EVERY_S:
            self._read_at = now
            import subprocess  # GNOME only

            try:
                answer = subprocess.run(self.COMMAND, capture_output=True, text=True,
                                        timeout=2, check=True).stdout.strip()
            except (OSError, subprocess.SubprocessError):
                answer = "true"
            self._quiet = answer == "false"
        return self._quiet


class ScreenKeptAwake:
    """Asks the desktop's session service whether an app keeps the screen awake (a video
    playing, a call), with a method that takes the kind of inhibitor as a flag and answers
    yes or no: ``GNOME`` (the session manager's ``IsInhibited``, idle flag) or ``KDE`` (power
    management's policy agent, ``HasInhibition`` of screen settings, which the screen saver's
    ``Inhibit`` asks for there)."""

    GNOME = ("GNOME", DBusAddress("/org/gnome/SessionManager", "org.gnome.SessionManager",
                                  "org.gnome.SessionManager"), "IsInhibited", 8)
    KDE = ("KDE Plasma", DBusAddress("/org/kde/Solid/PowerManagement/PolicyAgent",
                                     "org.kde.Solid.PowerManagement",
                                     "org.kde.Solid.PowerManagement.PolicyAgent"),
           "HasInhibition", 4)

    def __init__(self, desktop: tuple[str, DBusAddress, str, int]) -> None:
        label, self._address, self._method, self._flag = desktop
        self.name = _("an app keeping the screen awake, such as a video or a call ({desktop})"
                      ).format(desktop=label)
        self._connection: DBusConnection | None = None

    def quiet_wanted(self) -> bool:
        try:
            if self._connection is None:
                self._connection = open_session()
            reply = self._connection.send_and_get_reply(
                new_method_call(self._address, self._method, "u", (self._flag,)),
                timeout=DBUS_TIMEOUT_S)
        except FAILURES:
            self._connection = None
            return False
        return (reply.header.message_type is MessageType.method_return
                and bool(reply.body and reply.body[0]))


class AnyQuiet:
    """Quiet when any of ``sources`` wants it."""

    def __init__(self, *sources: QuietSource) -> None:
        self.sources = sources

    @property
    def name(self) -> str:
        """What each source watches for, in words of the language Coach speaks."""
        return "; ".join(_(source.name) for source in self.sources)

    def quiet_wanted(self) -> bool:
        return any(source.quiet_wanted() for source in self.sources)


class NeverQuiet:
    """For desktops where Coach cannot tell: breaks are never held back."""

    name = N_("nothing Coach can see on this desktop")

    def quiet_wanted(self) -> bool:
        return False


def find_quiet_source() -> AnyQuiet:
    """Do-not-disturb from the notification service; on GNOME its own switch and apps keeping
    the session awake; the fullscreen check of the session: wlroots' protocol on Wayland, the
    X server's window state on X11 (never XWayland's, which sees X11 windows only); on KDE
    Plasma, apps keeping the screen awake."""
    sources: list[QuietSource] = [NotificationsInhibited()]
    desktop = os.environ.get("XDG_CURRENT_DESKTOP", "").upper()
    if "GNOME" in desktop:
        sources += [GnomeDoNotDisturb(), ScreenKeptAwake(ScreenKeptAwake.GNOME)]
    if "KDE" in desktop:
        sources.append(ScreenKeptAwake(ScreenKeptAwake.KDE))
    if wayland_session():
        with contextlib.suppress(Exception):  # no compositor, no protocol, no pywayland
            from coach.platform.wayland_fullscreen import WaylandFullscreen

            sources.append(WaylandFullscreen())
    elif os.environ.get("DISPLAY"):
        with contextlib.suppress(Exception):  # no X server after all, or no python-xlib
            sources.append(X11Fullscreen())
    return AnyQuiet(*sources)
