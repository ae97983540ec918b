"""How long since the last keyboard or mouse input, from whatever the desktop offers.

Sources, tried in order: GNOME (org.gnome.Mutter.IdleMonitor over D-Bus); in a Wayland
session the compositor's idle protocol (coach.platform.wayland_idle: KDE Plasma, sway,
Hyprland, COSMIC); in an X11 session the X server's MIT-SCREEN-SAVER counter (KDE Plasma on
X11 among them), never in a Wayland session, where XWayland's counter misses input to Wayland
windows; KDE (org.freedesktop.ScreenSaver, which KWin answers on X11 only, where the X
server cannot be asked); Windows (GetLastInputInfo) and macOS
(CGEventSourceSecondsSinceLastEventType). ``find_idle_source`` returns the first that
answers, or None: the break reminders then count wall-clock time, and ``no_source_text``
says so, naming what was tried.

GNOME's monitor, the Wayland protocols and X11 (with XInput 2.1) also tell of the next input
(``InputWatch``), so while the user is away nothing needs asking on a timer.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections import deque
from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

from jeepney import DBusAddress, MatchRule, Message, MessageType, new_method_call
from jeepney.bus_messages import message_bus
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


@runtime_checkable
class InputWatch(Protocol):
    """An idle source that can tell of the next input (where ``tells_input``), so an absent
    user's machine need not be asked on a timer. ``fileno()`` becomes readable when the
    source has been sent something; ``watch_input(True)`` asks to hear of the next input
    (False: no longer); ``input_came()`` takes in what was sent and says whether input came
    while watched, or the source stopped answering."""

    tells_input: bool

    def fileno(self) -> int: ...

    def watch_input(self, on: bool) -> None: ...

    def input_came(self) -> bool: ...


class DBusIdle:
    """A D-Bus method that returns the idle time in milliseconds."""

    def __init__(self, name: str, address: DBusAddress, method: str) -> None:
        self.name = name
        self._message = new_method_call(address, method)
        self._connection: DBusConnection | None = None

    def idle_s(self) -> float | None:
        try:
            reply = self._call(self._message)
        except FAILURES:
            return None
        if reply.header.message_type is not MessageType.method_return or not reply.body:
            return None
        return float(reply.body[0]) / 1000

    def _call(self, message: Message) -> Message:
        """Send ``message`` and return the reply. Raises one of FAILURES."""
        if self._connection is None:
            self._connection = open_session()
        return self._connection.send_and_get_reply(message, timeout=DBUS_TIMEOUT_S)


GNOME_IDLE_MONITOR = DBusAddress("/org/gnome/Mutter/IdleMonitor/Core",
                                 bus_name="org.gnome.Mutter.IdleMonitor",
                                 interface="org.gnome.Mutter.IdleMonitor")


class GnomeIdle(DBusIdle):
    """GNOME's idle monitor (Mutter), which also tells of the next input: a user-active watch
    fires once, as a WatchFired signal, at the first input after it is added."""

    def __init__(self) -> None:
        super().__init__(N_("GNOME idle monitor"), GNOME_IDLE_MONITOR, "GetIdletime")
        self._watch: int | None = None
        self._fired: deque[Message] = deque()
        self._listening = False

    @property
    def tells_input(self) -> bool:
        return self._connection is not None

    def fileno(self) -> int:
        assert self._connection is not None
        return int(self._connection.sock.fileno())

    def idle_s(self) -> float | None:
        idle_s = super().idle_s()
        if idle_s is not None and self._has_fired():  # told while asking: input came
            return 0.0
        return idle_s

    def watch_input(self, on: bool) -> None:
        try:
            if on and self._watch is None:
                self._listen()
                reply = self._call(new_method_call(GNOME_IDLE_MONITOR, "AddUserActiveWatch"))
                self._watch = int(reply.body[0]) if reply.body else None
            elif not on and self._watch is not None:
                watch, self._watch = self._watch, None
                self._call(new_method_call(GNOME_IDLE_MONITOR, "RemoveWatch", "u", (watch,)))
        except FAILURES:  # idle_s says so at the next check
            self._watch = None

    def input_came(self) -> bool:
        try:
            while self._connection is not None:
                self._connection.recv_messages(timeout=0)
        except TimeoutError:
            return self._has_fired()
        except FAILURES:
            pass
        return True  # the bus went away: the next check finds out

    def _listen(self) -> None:
        """Have WatchFired signals sent to this connection, and kept."""
        if self._listening:
            return
        rule = MatchRule(type="signal", interface=GNOME_IDLE_MONITOR.interface,
                         member="WatchFired", path=GNOME_IDLE_MONITOR.object_path)
        self._call(message_bus.AddMatch(rule))
        assert self._connection is not None
        self._connection.filter(rule, queue=self._fired)
        self._listening = True

    def _has_fired(self) -> bool:
        """Whether the watch fired (forgetting every signal taken in)."""
        fired = any(message.body == (self._watch,) for message in self._fired)
        self._fired.clear()
        if fired:
            self._watch = None  # a user-active watch fires once
        return fired


class X11Idle:
    """The X server's screen-saver idle counter (Xorg, and XWayland where it is fed); where
    the server has XInput 2.1 or later, its raw input events tell of the next input."""

    name = N_("X11 screen saver extension")

    def __init__(self) -> None:
        self._display = x_display()
        if not self._display.has_extension("MIT-SCREEN-SAVER"):
            raise OSError("the X server has no MIT-SCREEN-SAVER extension")
        self._root = self._display.screen().root
        self._watching = False
        self.tells_input = _announce_xinput(self._display)
        """Whether the server sends raw input events to this connection (XInput 2.1+)."""

    def fileno(self) -> int:
        return int(self._display.fileno())

    def watch_input(self, on: bool) -> None:
        from Xlib.ext import xinput

        if on == self._watching or not self.tells_input:
            return
        self._drain()
        mask = (xinput.RawKeyPressMask | xinput.RawButtonPressMask | xinput.RawMotionMask
                if on else 0)
        try:
            self._root.xinput_select_events([(xinput.AllMasterDevices, mask)])
            self._display.flush()
        except Exception:  # noqa: BLE001 (the server went away: idle_s says so next)
            return
        self._watching = on

    def input_came(self) -> bool:
        came = self._drain() and self._watching
        if came:
            self.watch_input(False)
        return came

    def _drain(self) -> bool:
        """Take in every event waiting; whether there were any."""
        try:
            waiting = self._display.pending_events()
            for _event in range(waiting):
                self._display.next_event()
        except Exception:  # noqa: BLE001 (the server went away: as if input came)
            return True
        return bool(waiting)

    def idle_s(self) -> float | None:
        try:
            return float(self._root.screensaver_query_info().idle) / 1000
        except Exception:  # noqa: BLE001 (python-xlib raises many kinds when X goes away)
            return None


def _announce_xinput(display: Any) -> bool:
    """Tell the X server this connection speaks XInput 2.2, which it must hear before it sends
    raw input events to a client that grabs nothing; whether it does."""
    try:
        from Xlib.ext import xinput

        if not display.has_extension(xinput.extname):
            return False
        reply = xinput.XIQueryVersion(
            display=display.display, opcode=display.display.get_extension_major(xinput.extname),
            major_version=2, minor_version=2)
        return (reply.major_version, reply.minor_version) >= (2, 1)
    except Exception:  # noqa: BLE001 (an X server without it: polled as before)
        return False


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
    found: list[tuple[str, Callable[[], IdleSource]]] = [(N_("GNOME idle monitor"), GnomeIdle)]
    if wayland_session():
        found.append((N_("the Wayland idle protocols (ext-idle-notify-v1, KDE's older one)"),
                      WaylandIdle))
    if os.environ.get("DISPLAY") and not wayland_session():
        found.append((X11Idle.name, X11Idle))
    found.append((N_("KDE screen saver"), lambda: DBusIdle(N_("KDE screen saver"), DBusAddress(
        "/ScreenSaver", bus_name="org.freedesktop.ScreenSaver",
        interface="org.freedesktop.ScreenSaver"), "GetSessionIdleTime")))
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
