"""The desktop session's D-Bus, as every D-Bus user in Coach opens it."""

from __future__ import annotations

from jeepney import DBusErrorResponse
from jeepney.io.blocking import DBusConnection, open_dbus_connection

FAILURES = (OSError, KeyError, ValueError, TimeoutError, DBusErrorResponse)
"""What talking to the bus can raise: no bus address (KeyError), no bus (OSError), no answer
in time (TimeoutError), a refusal (DBusErrorResponse), a malformed reply (ValueError)."""


def open_session() -> DBusConnection:
    """A new connection to the session bus. Raises one of FAILURES."""
    return open_dbus_connection(bus="SESSION")
