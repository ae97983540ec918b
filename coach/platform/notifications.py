"""Desktop notifications through the freedesktop.org D-Bus service (Linux and BSD desktops).

Sent with jeepney, a pure-Python D-Bus client: the service wants an unsigned 32-bit id, which
PySide6's QtDBus cannot send from Python.
"""

from __future__ import annotations

import html

from jeepney import DBusAddress, DBusErrorResponse, MessageType, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection

SERVICE = DBusAddress("/org/freedesktop/Notifications", bus_name="org.freedesktop.Notifications",
                      interface="org.freedesktop.Notifications")
REPLY_TIMEOUT_S = 2.0
URGENCY_CRITICAL = 2
APP_NAME = "Coach"


class DesktopNotifier:
    """Shows notifications on the desktop. ``notify`` returns False where there is no session
    bus or no notification service, so the caller can fall back to another way."""

    def __init__(self) -> None:
        self._connection: DBusConnection | None = None

    def notify(self, title: str, body: str, urgent: bool = False) -> bool:
        """Show ``title`` and ``body`` (plain text: any markup is escaped). Urgent ones stay
        until dismissed. Returns whether the service accepted it."""
        hints = {"urgency": ("y", URGENCY_CRITICAL)} if urgent else {}
        message = new_method_call(SERVICE, "Notify", "susssasa{sv}i", (
            APP_NAME, 0, "", title, html.escape(body, quote=False), [], hints,
            0 if urgent else -1))
        try:
            if self._connection is None:
                self._connection = open_dbus_connection(bus="SESSION")
            reply = self._connection.send_and_get_reply(message, timeout=REPLY_TIMEOUT_S)
        except (OSError, KeyError, ValueError, TimeoutError, DBusErrorResponse):
            self.close()
            return False
        return reply.header.message_type is MessageType.method_return

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
