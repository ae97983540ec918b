"""An app keeping a GNOME session awake (a video playing, a call) holds breaks back: asked of a
stand-in session manager that keeps inhibitors as gnome-session does, on a bus of the test's
own, with the inhibitor taken and given back through the same D-Bus calls a video player
makes."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from jeepney import DBusAddress, MessageType, new_method_call, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from jeepney.low_level import HeaderFields

from coach.platform.quiet import GnomeIdleInhibited, find_quiet_source

SESSION_MANAGER = DBusAddress("/org/gnome/SessionManager", "org.gnome.SessionManager",
                              "org.gnome.SessionManager")


def session_manager(stop: threading.Event, ready: threading.Event) -> None:
    """Inhibit (app, window, reason, flags) -> cookie, Uninhibit(cookie) and
    IsInhibited(flags) -> whether any held inhibitor has one of those flags."""
    held: dict[int, int] = {}
    connection = open_dbus_connection(bus="SESSION")
    connection.send_and_get_reply(message_bus.RequestName(SESSION_MANAGER.bus_name))
    ready.set()
    while not stop.is_set():
        try:
            message = connection.receive(timeout=0.1)
        except TimeoutError:
            continue
        if message.header.message_type is not MessageType.method_call:
            continue
        member = message.header.fields.get(HeaderFields.member)
        if member == "Inhibit":
            cookie = len(held) + 1
            held[cookie] = message.body[3]
            connection.send(new_method_return(message, "u", (cookie,)))
        elif member == "Uninhibit":
            held.pop(message.body[0], None)
            connection.send(new_method_return(message))
        elif member == "IsInhibited":
            wanted = message.body[0]
            connection.send(new_method_return(
                message, "b", (any(flags & wanted for flags in held.values()),)))
    connection.close()


@pytest.fixture
def gnome_session(session_bus: str) -> Iterator[None]:
    stop, ready = threading.Event(), threading.Event()
    thread = threading.Thread(target=session_manager, args=(stop, ready), daemon=True)
    thread.start()
    assert ready.wait(5)
    yield
    stop.set()
    thread.join(5)


def test_a_video_keeping_the_session_awake_asks_for_quiet_until_it_lets_go(gnome_session):
    source = GnomeIdleInhibited()
    assert source.quiet_wanted() is False
    player = open_dbus_connection(bus="SESSION")  # what a video player does while it plays
    reply = player.send_and_get_reply(new_method_call(
        SESSION_MANAGER, "Inhibit", "susu", ("film-player", 0, "Playing a film", 8)))
    assert source.quiet_wanted() is True
    player.send_and_get_reply(new_method_call(SESSION_MANAGER, "Uninhibit", "u",
                                              (reply.body[0],)))
    assert source.quiet_wanted() is False
    player.close()


def test_a_logout_inhibitor_is_no_reason_for_quiet(gnome_session):
    player = open_dbus_connection(bus="SESSION")
    player.send_and_get_reply(new_method_call(
        SESSION_MANAGER, "Inhibit", "susu", ("editor", 0, "Unsaved file", 1)))  # logout only
    assert GnomeIdleInhibited().quiet_wanted() is False
    player.close()


def test_on_gnome_the_quiet_sources_include_it_and_are_named(gnome_session, monkeypatch):
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "ubuntu:GNOME")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("XDG_SESSION_TYPE", "x11")
    quiet = find_quiet_source()
    assert any(isinstance(source, GnomeIdleInhibited) for source in quiet.sources)
    assert "keeping the screen awake" in quiet.name and "do not disturb" in quiet.name


def test_without_gnomes_session_manager_nothing_asks_for_quiet(session_bus):
    assert GnomeIdleInhibited().quiet_wanted() is False
