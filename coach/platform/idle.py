"""How long since the last keyboard or mouse input, from whatever the desktop offers.

Sources, tried in order: GNOME (org.gnome.Mutter.IdleMonitor over D-Bus); in a Wayland
session the compositor's idle protocol (coach.platform.wayland_idle: KDE Plasma, sway,
Hyprland, COSMIC); KDE (org.freedesktop.ScreenSaver, which KWin answers on X11 only); in an
X11 session the X server's MIT-SCREEN-SAVER counter, never in a Wayland session, where
XWayland's counter misses input to Wayland windows; Windows (GetLastInputInfo) and macOS
(CGEventSourceSecondsSinceLastEventType). ``find_idle_source`` returns the first that
answers, or None: the break reminders then count wall-clock time, and ``no_source_text``
says so, naming what was tried.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable
from typing import Protocol

from jeepney import DBusAddress, MessageType, new_method_call
from jeepney.io.blocking import DBusConnection

from coach.core.i18n import N_, _
from coach.platform.session_bus import FAILURES, open_session
from coach.platform.wayland_idle import WaylandIdle, wayland_session
from coach.platform.x11 import x_display

DBUS_TIMEOUT_S = 1.0


class IdleSource(Protocol):
    """``idle_s()`` gives seconds since the last input, or None once the source fails."""

    name: str

    def idle_s(self) -> float | None: ...


class DBusIdle:
    """A D-Bus method that returns the idle time in milliseconds."""

    def __init__(self, name: str, address: DBusAddress, method: str) -> None:
        self.name = name
        self._message = new_method_call(address, method)
        self._connection: DBusConnection | None = None

    def idle_s(self) -> float | None:
        try:
            if self._connection is None:
                self._connection = open_session()
            reply = self._connection.send_and_get_reply(self._message, timeout=DBUS_TIMEOUT_S)
        except FAILURES:
            return None
        if reply.header.message_type is not MessageType.method_return or not reply.body:
            return None
        return float(reply.body[0]) / 1000


class X11Idle:
    """The X server's screen-saver idle counter (Xorg, and XWayland where it is fed)."""

    name = N_("X11 screen saver extension")

    def __init__(self) -> None:
        self._display = x_display()
        if not self._display.has_extension("MIT-SCREEN-SAVER"):
            raise OSError("the X server has no MIT-SCREEN-SAVER extension")
        self._root = self._display.screen().root

    def idle_s(self) -> float | None:
        try:
            return float(self._root.screensaver_query_info().idle) / 1000
        except Exception:  # noqa: BLE001 (python-xlib raises many kinds when X goes away)
            return None


class WindowsIdle:
    """GetLastInputInfo: milliseconds since input, from the tick count."""

    name = N_("Windows last input")

    def idle_s(self) -> float | None:
        class LastInputInfo(ctypes.Structure):
            _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint)]

        info = LastInputInfo(ctypes.sizeof(LastInputInfo), 0)
        windll = ctypes.windll  # type: ignore[attr-defined]
        if not windll.user32.GetLastInputInfo(ctypes.byref(info)):
            return None
        ticks = int(windll.kernel32.GetTickCount())
        return ((ticks - int(info.dwTime)) & 0xFFFFFFFF) / 1000


class MacIdle:
    """CGEventSourceSecondsSinceLastEventType for any input in the session."""

    name = N_("macOS event source")

    def __init__(self) -> None:
        graphics = ctypes.cdll.LoadLibrary(
            "/System/Library/Frameworks/CoreGraphics.framework/CoreGraphics")
        self._since = graphics.CGEventSourceSecondsSinceLastEventType
        self._since.restype = ctypes.c_double
        self._since.argtypes = [ctypes.c_int, ctypes.c_uint32]

    def idle_s(self) -> float | None:
        combined_session_state, any_input = 0, 0xFFFFFFFF
        return float(self._since(combined_session_state, any_input))


def _candidates() -> list[tuple[str, Callable[[], IdleSource]]]:
    """(name, maker) of every source this session may have, in the order to try them."""
    if sys.platform == "win32":
        return [(WindowsIdle.name, WindowsIdle)]
    if sys.platform == "darwin":
        return [(MacIdle.name, MacIdle)]
    found: list[tuple[str, Callable[[], IdleSource]]] = [
        (N_("GNOME idle monitor"), lambda: DBusIdle(N_("GNOME idle monitor"), DBusAddress(
            "/org/gnome/Mutter/IdleMonitor/Core", bus_name="org.gnome.Mutter.IdleMonitor",
            interface="org.gnome.Mutter.IdleMonitor"), "GetIdletime"))]
    if wayland_session():
        found.append((N_("the Wayland idle protocols (ext-idle-notify-v1, KDE's older one)"),
                      WaylandIdle))
    found.append((N_("KDE screen saver"), lambda: DBusIdle(N_("KDE screen saver"), DBusAddress(
        "/ScreenSaver", bus_name="org.freedesktop.ScreenSaver",
        interface="org.freedesktop.ScreenSaver"), "GetSessionIdleTime")))
    if os.environ.get("DISPLAY") and not wayland_session():
        found.append((X11Idle.name, X11Idle))
    return found


def find_idle_source() -> IdleSource | None:
    """The first source that answers on this desktop, or None."""
    for _name, make in _candidates():
        try:
            source = make()
        except Exception:  # noqa: BLE001 (no display, no service, no library: try the next)
            continue
        if source.idle_s() is not None:
            return source
    return None


def no_source_text() -> str:
    """What to tell the user when no source answers: which kind of session and desktop this
    is, what was asked, and what that means for the breaks."""
    desktop = (os.environ.get("XDG_CURRENT_DESKTOP", "").replace(":", ", ")
               or _("this desktop"))
    session = "Wayland" if wayland_session() else "X11" if os.environ.get("DISPLAY") else ""
    asked = ", ".join(_(name) for name, _make in _candidates())
    if session:
        return _("{desktop} ({session} session) answers none of the idle-time sources Coach "
                 "asks ({asked}), so breaks count all the time Coach runs, not only the time "
                 "you are at the keyboard.").format(desktop=desktop, session=session,
                                                    asked=asked)
    return _("No idle-time source answers here ({asked}), so breaks count all the time Coach "
             "runs, not only the time you are at the keyboard.").format(asked=asked)
