"""Idle time in Wayland sessions: read from a real compositor's idle protocol (sway, headless),
with input typed by wtype, and never from XWayland's X11 counter."""

from __future__ import annotations

import select
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator

import pytest
from jeepney import DBusAddress, new_method_call
from jeepney.io.blocking import open_dbus_connection

from coach.platform import idle, wayland_idle
from coach.platform.idle import find_idle_source, no_source_text
from coach.platform.wayland_idle import WaylandIdle, wayland_session
from tests.system.compositors import (
    Compositor,
    start_kwin,
    start_mutter,
    start_shared_bus,
    start_sway,
)

WAIT_S = 10.0


@pytest.fixture
def short_threshold(monkeypatch: pytest.MonkeyPatch) -> float:
    """The compositor calls the seat idle after 0.3 s without input, not 5 s."""
    monkeypatch.setattr(wayland_idle, "THRESHOLD_S", 0.3)
    return 0.3


def wait_for(what: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT_S
    while not what():
        assert time.monotonic() < deadline, "the compositor never said so"
        time.sleep(0.05)


def type_text(compositor: Compositor, text: str) -> None:
    subprocess.run(["wtype", text], env={**compositor.env, "PATH": "/usr/bin:/bin"},
                   check=True, timeout=30)


def test_idle_time_comes_from_the_compositor_and_typing_resets_it(sway, short_threshold):
    source = WaylandIdle(str(sway.socket))
    assert "Wayland idle protocol" in source.name
    assert source.idle_s() == 0.0  # input this recent counts as activity
    wait_for(lambda: (source.idle_s() or 0.0) >= short_threshold)
    before = source.idle_s()
    time.sleep(0.2)
    assert source.idle_s() > before  # grows while nobody types
    type_text(sway, "typing into a Wayland window")
    wait_for(lambda: source.idle_s() == 0.0)


def test_the_compositor_tells_of_input_after_idle_on_the_connection(sway, short_threshold):
    source = WaylandIdle(str(sway.socket))
    wait_for(lambda: (source.idle_s() or 0.0) >= short_threshold)
    source.watch_input(True)
    assert not select.select([source.fileno()], [], [], 0.2)[0]  # idle: nothing is sent

    type_text(sway, "back")
    assert select.select([source.fileno()], [], [], WAIT_S)[0]
    assert source.input_came()
    source.close()


def test_a_lost_compositor_is_a_source_that_stops_answering(short_threshold):
    if not (shutil.which("sway") and shutil.which("wtype")):
        pytest.skip("needs sway and wtype (Debian packages sway, wtype)")
    compositor = start_sway(outputs=1)
    source = WaylandIdle(str(compositor.socket))
    compositor.stop()
    wait_for(lambda: source.idle_s() is None)


def test_a_wayland_session_finds_the_compositor_and_never_the_x11_counter(
        sway, short_threshold, monkeypatch):
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    monkeypatch.setenv("WAYLAND_DISPLAY", str(sway.socket))
    monkeypatch.setenv("DISPLAY", ":99")  # an XWayland display: its counter must not be read
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    monkeypatch.setattr(idle, "X11Idle", lambda: pytest.fail("the X11 counter was asked"))
    source = find_idle_source()
    assert isinstance(source, WaylandIdle)


def test_without_an_idle_protocol_nothing_is_found_and_the_user_is_told_why(monkeypatch):
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "Hyprland")
    monkeypatch.setenv("WAYLAND_DISPLAY", "/nonexistent/wayland-0")
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    monkeypatch.setattr(idle, "X11Idle", lambda: pytest.fail("the X11 counter was asked"))
    assert find_idle_source() is None
    text = no_source_text()
    assert text.startswith("Hyprland (Wayland session) answers none of")
    assert "Wayland idle protocols" in text and "X11" not in text
    assert "breaks count all the time Coach runs" in text


@pytest.mark.parametrize(("session", "wayland", "expected"), [
    ("wayland", "", True), ("x11", "wayland-0", False), ("", "wayland-0", True),
    ("", "", False), ("tty", "", False),
])
def test_a_wayland_session_is_told_by_its_type_or_else_its_display(monkeypatch, session,
                                                                   wayland, expected):
    monkeypatch.setenv("XDG_SESSION_TYPE", session)
    monkeypatch.setenv("WAYLAND_DISPLAY", wayland)
    assert wayland_session() is expected


@pytest.fixture(scope="module")
def kwin() -> Iterator[Compositor]:
    if not shutil.which("kwin_wayland"):
        pytest.skip("needs KWin (Debian package kwin-wayland)")
    try:
        compositor = start_kwin()
    except RuntimeError as error:
        pytest.skip(f"KWin cannot start here: {error}")
    yield compositor
    compositor.stop()


def test_kde_plasma_on_wayland_gives_idle_time_through_the_standard_protocol(
        kwin, short_threshold, monkeypatch):
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "KDE")
    monkeypatch.setenv("WAYLAND_DISPLAY", str(kwin.socket))
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    monkeypatch.setattr(idle, "X11Idle", lambda: pytest.fail("the X11 counter was asked"))
    source = find_idle_source()
    assert isinstance(source, WaylandIdle)
    assert source.name == "Wayland idle protocol (ext-idle-notify-v1)"
    wait_for(lambda: (source.idle_s() or 0.0) >= short_threshold)
    source.close()


@pytest.fixture(scope="module")
def gnome(tmp_path_factory) -> Iterator[str]:
    """Mutter, headless, with its own session bus; yields the bus address."""
    if not (shutil.which("mutter") and shutil.which("dbus-daemon")):
        pytest.skip("needs Mutter and dbus-daemon (Debian packages mutter, dbus)")
    bus, address = start_shared_bus(tmp_path_factory.mktemp("bus"))
    try:
        compositor = start_mutter(address)
    except RuntimeError as error:
        bus.terminate()
        pytest.skip(f"Mutter cannot start here: {error}")
    yield address
    compositor.stop()
    bus.terminate()
    bus.wait()


def test_gnome_on_wayland_gives_idle_time_from_mutters_idle_monitor(gnome, monkeypatch):
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "GNOME")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", gnome)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setattr(idle, "X11Idle", lambda: pytest.fail("the X11 counter was asked"))
    deadline = time.monotonic() + WAIT_S
    while (source := find_idle_source()) is None:  # Mutter takes its names on the bus
        assert time.monotonic() < deadline, "Mutter's idle monitor never answered"
        time.sleep(0.2)
    assert source.name == "GNOME idle monitor"
    first = source.idle_s()
    assert first is not None
    wait_for(lambda: (source.idle_s() or 0.0) > first)  # nobody types: idle time grows


def press_a_key_in_mutter(bus_address: str) -> None:
    """Input as GNOME's remote desktop service gives it (Mutter headless has no other)."""
    connection = open_dbus_connection(bus=bus_address)
    desktop = DBusAddress("/org/gnome/Mutter/RemoteDesktop",
                          bus_name="org.gnome.Mutter.RemoteDesktop",
                          interface="org.gnome.Mutter.RemoteDesktop")
    reply = connection.send_and_get_reply(new_method_call(desktop, "CreateSession"), timeout=5)
    session = DBusAddress(reply.body[0], bus_name="org.gnome.Mutter.RemoteDesktop",
                          interface="org.gnome.Mutter.RemoteDesktop.Session")
    connection.send_and_get_reply(new_method_call(session, "Start"), timeout=5)
    shift = 0xFFE1
    for pressed in (True, False):
        connection.send_and_get_reply(new_method_call(
            session, "NotifyKeyboardKeysym", "ub", (shift, pressed)), timeout=5)
    connection.close()  # the session ends with its caller


def test_gnome_tells_of_the_next_input_with_a_user_active_watch(gnome, monkeypatch):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", gnome)
    source = idle.GnomeIdle()
    deadline = time.monotonic() + WAIT_S
    while source.idle_s() is None:  # Mutter takes its names on the bus
        assert time.monotonic() < deadline, "Mutter's idle monitor never answered"
        time.sleep(0.2)
    assert source.tells_input
    source.watch_input(True)
    assert not select.select([source.fileno()], [], [], 0.2)[0]

    press_a_key_in_mutter(gnome)
    assert select.select([source.fileno()], [], [], WAIT_S)[0]
    assert source.input_came()
    assert source.idle_s() < 1.0
