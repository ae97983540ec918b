"""Desktop notifications through the freedesktop.org D-Bus service (Linux and BSD desktops).

Sent with jeepney, a pure-Python D-Bus client: the service wants an unsigned 32-bit id, which
PySide6's QtDBus cannot send from Python. Buttons on a notification come back as
``ActionInvoked`` signals, read from ``fileno()`` when it is readable.
"""

from __future__ import annotations

from collections import deque

from jeepney import (
    DBusAddress,
    MatchRule,
    Message,
    MessageType,
    new_method_call,
)
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection

from coach.paths import asset
from coach.platform.desktop_entry import APP_ID
from coach.platform.session_bus import FAILURES, open_session

SERVICE = DBusAddress("/org/freedesktop/Notifications", bus_name="org.freedesktop.Notifications",
                      interface="org.freedesktop.Notifications")
REPLY_TIMEOUT_S = 2.0
MARKUP_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
URGENCY_CRITICAL = 2
APP_NAME = "Coach"
APP_ICON_SIZE = 64
DEFAULT_ACTION = "default"
"""The action a click on the notification itself invokes."""
_ACTIONS_INVOKED = MatchRule(type="signal", interface=SERVICE.interface, member="ActionInvoked")


def app_icon() -> str:
    """The notification's icon: the shipped PNG, as a file URI (found whether or not the
    icon is installed in the desktop's icon theme)."""
    try:
        return asset(f"icons/coach-{APP_ICON_SIZE}.png").as_uri()
    except FileNotFoundError:  # a broken install: the desktop entry's icon, if any
        return APP_ID



def body_markup(text: str) -> str:
    """Plain ``text`` as a notification body, which servers may read as markup: ``&``, ``<``
    and ``>`` escaped."""
    return text.translate(MARKUP_ESCAPES)

class DesktopNotifier:
    """Shows notifications on the desktop. ``notify`` returns None where there is no session
    bus or no notification service, so the caller can fall back to another way."""

    def __init__(self) -> None:
        self._connection: DBusConnection | None = None
        self._invoked: deque[Message] = deque(maxlen=64)

    def notify(self, title: str, body: str, urgent: bool = False,
               actions: dict[str, str] | None = None, timeout_ms: int = -1,
               replaces: int = 0) -> int | None:
        """Show ``title`` and ``body`` (plain text: markup is escaped), with ``actions``
        (key -> button label; the key ``"default"`` is a click on the notification), in
        place of the notification ``replaces`` if it still shows. Urgent ones stay until
        dismissed. Returns the notification's id, or None."""
        flat = [part for key, label in (actions or {}).items() for part in (key, label)]
        hints: dict[str, tuple[str, object]] = {"desktop-entry": ("s", APP_ID)}
        if urgent:
            hints["urgency"] = ("y", URGENCY_CRITICAL)
        message = new_method_call(SERVICE, "Notify", "susssasa{sv}i", (
            APP_NAME, replaces, app_icon(), title, body_markup(body), flat, hints,
            0 if urgent else timeout_ms))
        try:
            reply = self._connect().send_and_get_reply(message, timeout=REPLY_TIMEOUT_S)
        except FAILURES:
            self.close()
            return None
        if reply.header.message_type is not MessageType.method_return:
            return None
        return int(reply.body[0])

    def withdraw(self, sent: int) -> None:
        """Take the notification ``sent`` off the screen, if it still shows."""
        try:
            self._connect().send_and_get_reply(
                new_method_call(SERVICE, "CloseNotification", "u", (sent,)),
                timeout=REPLY_TIMEOUT_S)
        except FAILURES:
            self.close()

    def has_buttons(self) -> bool:
        """Whether the notification service shows action buttons."""
        try:
            reply = self._connect().send_and_get_reply(
                new_method_call(SERVICE, "GetCapabilities"), timeout=REPLY_TIMEOUT_S)
        except FAILURES:
            self.close()
            return False
        answered = reply.header.message_type is MessageType.method_return and reply.body
        return bool(answered) and "actions" in reply.body[0]

    def fileno(self) -> int | None:
        """The connection's socket, to watch for button presses; None when not connected."""
        return None if self._connection is None else self._connection.sock.fileno()

    def take_invoked(self) -> list[tuple[int, str]]:
        """Button presses that have arrived: (notification id, action key), oldest first."""
        if self._connection is not None:
            try:
                while True:
                    self._connection.recv_messages(timeout=0)
            except TimeoutError:
                pass
            except FAILURES:
                self.close()
        pressed = [(int(m.body[0]), str(m.body[1])) for m in self._invoked]
        self._invoked.clear()
        return pressed

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _connect(self) -> DBusConnection:
        if self._connection is None:
            connection = open_session()
            connection.send_and_get_reply(message_bus.AddMatch(_ACTIONS_INVOKED),
                                          timeout=REPLY_TIMEOUT_S)
            connection.filter(_ACTIONS_INVOKED, queue=self._invoked)
            self._connection = connection
        return self._connection
