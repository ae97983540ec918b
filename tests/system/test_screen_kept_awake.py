"""An app keeping the screen awake (a video playing, a call) holds breaks back on GNOME and KDE
Plasma: asked of stand-ins for their session services that keep inhibitors as those do, on a
bus of the test's own, with the inhibitor taken and given back through the same D-Bus calls a
video player makes (GNOME's session manager; the freedesktop screen saver, which KDE passes
on to its power management's policy agent)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from jeepney import DBusAddress, MessageType, new_method_call, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from jeepney.low_level import HeaderFields

from coach.platform.quiet import ScreenKeptAwake, find_quiet_source

GNOME_SESSION = DBusAddress("/org/gnome/SessionManager", "org.gnome.SessionManager",
                            "org.gnome.SessionManager")
SCREEN_SAVER = DBusAddress("/ScreenSaver", "org.freedesktop.ScreenSaver",
                           "org.freedesktop.ScreenSaver")
SCREEN_SETTINGS, IDLE = 4, 8


def desktop_services(stop: threading.Event, ready: threading.Event) -> None:
    """GNOME's session manager (Inhibit with flags, Uninhibit, IsInhibited) and KDE's pair
    (the screen saver's Inhibit and UnInhibit, kept as screen-settings inhibitions that the
    policy agent's HasInhibition reports)."""
    held: dict[int, int] = {}  # cookie: flags
    connection = open_dbus_connection(bus="SESSION")
    for name in (GNOME_SESSION.bus_name, SCREEN_SAVER.bus_name,
                 ScreenKeptAwake.KDE[1].bus_name):
        connection.send_and_get_reply(message_bus.RequestName(name))
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
            gnome = message.header.fields.get(HeaderFields.interface) == GNOME_SESSION.interface
            held[cookie] = message.body[3] if gnome else SCREEN_SETTINGS
            connection.send(new_method_return(message, "u", (cookie,)))
        elif member in ("Uninhibit", "UnInhibit"):
            held.pop(message.body[0], None)
            connection.send(new_method_return(message))
        elif member in ("IsInhibited", "HasInhibition"):
            wanted = message.body[0]
            connection.send(new_method_return(
                message, "b", (any(flags & wanted for flags in held.values()),)))
    connection.close()


@pytest.fixture
def desktop(session_bus: str) -> Iterator[None]:
    stop, ready = threading.Event(), threading.Event()
    thread = threading.Thread(target=desktop_services, args=(stop, ready), daemon=True)
    thread.start()
    assert ready.wait(5)
    yield
    stop.set()
    thread.join(5)


def gnome_player(player) -> Callable[[], None]:  # type: ignore[no-untyped-def]
    reply = player.send_and_get_reply(new_method_call(
        GNOME_SESSION, "Inhibit", "susu", ("film-player", 0, "Playing a film", IDLE)))
    return lambda: player.send_and_get_reply(new_method_call(
        GNOME_SESSION, "Uninhibit", "u", (reply.body[0],)))


def kde_player(player) -> Callable[[], None]:  # type: ignore[no-untyped-def]
    reply = player.send_and_get_reply(new_method_call(
        SCREEN_SAVER, "Inhibit", "ss", ("film-player", "Playing a film")))
    return lambda: player.send_and_get_reply(new_method_call(
        SCREEN_SAVER, "UnInhibit", "u", (reply.body[0],)))


@pytest.mark.parametrize(("which", "play"), [(ScreenKeptAwake.GNOME, gnome_player),
                                             (ScreenKeptAwake.KDE, kde_player)],
                         ids=["GNOME", "KDE Plasma"])
def test_a_video_keeping_the_screen_awake_asks_for_quiet_until_it_lets_go(desktop, which,
                                                                          play):
    source = ScreenKeptAwake(which)
    assert source.quiet_wanted() is False
    player = open_dbus_connection(bus="SESSION")  # what a video player does while it plays
    let_go = play(player)
    assert source.quiet_wanted() is True
    let_go()
    assert source.quiet_wanted() is False
    player.close()


def test_a_logout_inhibitor_is_no_reason_for_quiet(desktop):
    player = open_dbus_connection(bus="SESSION")
    player.send_and_get_reply(new_method_call(
        GNOME_SESSION, "Inhibit", "susu", ("editor", 0, "Unsaved file", 1)))  # logout only
    assert ScreenKeptAwake(ScreenKeptAwake.GNOME).quiet_wanted() is False
    player.close()


@pytest.mark.parametrize(("desktop_name", "label"), [("ubuntu:GNOME", "(GNOME)"),
                                                     ("KDE", "(KDE Plasma)")])
def test_the_quiet_sources_of_each_desktop_include_it_and_are_named(desktop, monkeypatch,
                                                                    desktop_name, label):
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", desktop_name)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("XDG_SESSION_TYPE", "x11")
    quiet = find_quiet_source()
    assert any(isinstance(source, ScreenKeptAwake) for source in quiet.sources)
    assert f"keeping the screen awake, such as a video or a call {label}" in quiet.name


def test_without_the_desktops_services_nothing_asks_for_quiet(session_bus):
    for which in (ScreenKeptAwake.GNOME, ScreenKeptAwake.KDE):
        assert ScreenKeptAwake(which).quiet_wanted() is False


class Typing:
    name = "always typing"

    def idle_s(self) -> float:
        return 0.5


def test_a_video_playing_postpones_a_due_break_and_the_break_comes_once_it_stops(
        desktop, qtbot, clock, tmp_path, monkeypatch):
    from coach.app import build_shell
    from coach.core.breaks.log import BreakLog
    from coach.core.breaks.scheduler import Outcome
    from coach.core.settings import Settings, save_settings
    from coach.paths import DataPaths

    data = DataPaths(tmp_path / "data")
    save_settings(data.settings, Settings(disclaimer_seen=True, muted=True))
    coach = build_shell(data, clock, Typing(), ScreenKeptAwake(ScreenKeptAwake.KDE))
    breaks = coach.breaks
    player = open_dbus_connection(bus="SESSION")
    let_go = kde_player(player)  # a film starts, and keeps the screen awake
    for _ in range(200):  # well past the micro-break's 20 minutes of typing
        clock.advance(breaks.scheduler.next_check_s(0.5))
        breaks.check()
    assert breaks.window is None
    outcomes = [r.outcome for r in BreakLog(coach.store).records()]
    assert outcomes and set(outcomes) == {Outcome.POSTPONED}
    let_go()  # the film ends
    for _ in range(10):
        clock.advance(breaks.scheduler.next_check_s(0.5))
        breaks.check()
        if breaks.window is not None:
            break
    assert breaks.window is not None  # the break comes (a rest break: both were due)
    breaks.window.dismiss()
    player.close()
    coach.shut_down()
    coach.store.close()
