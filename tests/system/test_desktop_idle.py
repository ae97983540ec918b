"""The GNOME and KDE idle sources against stand-in services that speak their D-Bus methods."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from jeepney import MessageType, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from jeepney.low_level import HeaderFields

from coach.platform.idle import find_idle_source


def serve(bus_name: str, member: str, signature: str, value: int, stop: threading.Event,
          ready: threading.Event) -> None:
    """Own ``bus_name`` and answer every ``member`` call with ``value``, until ``stop``."""
    connection = open_dbus_connection(bus="SESSION")
    connection.send_and_get_reply(message_bus.RequestName(bus_name))
    ready.set()
    while not stop.is_set():
        try:
            message = connection.receive(timeout=0.1)
        except TimeoutError:
            continue
        if (message.header.message_type is MessageType.method_call
                and message.header.fields.get(HeaderFields.member) == member):
            connection.send(new_method_return(message, signature, (value,)))
    connection.close()


@pytest.fixture
def service(session_bus: str) -> Iterator[object]:
    """``service(bus_name, member, signature, value)`` starts a stand-in service."""
    stop = threading.Event()
    threads = []

    def start(bus_name: str, member: str, signature: str, value: int) -> None:
        ready = threading.Event()
        thread = threading.Thread(target=serve, args=(bus_name, member, signature, value,
                                                      stop, ready), daemon=True)
        thread.start()
        threads.append(thread)
        assert ready.wait(5)

    yield start
    stop.set()
    for thread in threads:
        thread.join(5)


@pytest.mark.parametrize(("bus_name", "method", "signature", "idle_ms", "name"), [
    ("org.gnome.Mutter.IdleMonitor", "GetIdletime", "t", 42_500, "GNOME idle monitor"),
    ("org.freedesktop.ScreenSaver", "GetSessionIdleTime", "u", 7_000, "KDE screen saver"),
])
def test_desktop_idle_services_in_milliseconds(service, monkeypatch, bus_name, method,
                                               signature, idle_ms, name):
    monkeypatch.delenv("DISPLAY", raising=False)
    service(bus_name, method, signature, idle_ms)
    source = find_idle_source()
    assert source is not None and source.name == name
    assert source.idle_s() == idle_ms / 1000


def test_no_source_at_all(session_bus, monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    assert find_idle_source() is None
