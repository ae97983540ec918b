"""Desktop notifications reach a real notification server (dunst on its own session bus)."""

from __future__ import annotations

import json
import re
import subprocess
import time

from coach.paths import asset
from coach.platform.desktop_entry import APP_ID
from coach.platform.notifications import DesktopNotifier
from coach.platform.quiet import NotificationsInhibited

WAIT_S = 10.0


def notifications(env: dict[str, str],
                  keys: tuple[str, ...] = ("summary", "body")) -> list[dict[str, str]]:
    """Summary and body (or ``keys``) of every notification dunst has, shown or closed."""
    subprocess.run(["dunstctl", "close-all"], env=env, check=True)
    history = json.loads(subprocess.run(["dunstctl", "history"], env=env, check=True,
                                        capture_output=True, text=True).stdout)
    return [{key: entry[key]["data"] for key in keys} for entry in history["data"][0]]


def notify_when_ready(notifier, *args, **kwargs):  # type: ignore[no-untyped-def]
    """Notify, waiting for the freshly started server to take its name on the bus."""
    deadline = time.monotonic() + WAIT_S
    while (sent := notifier.notify(*args, **kwargs)) is None:
        assert time.monotonic() < deadline, "the notification server never answered"
        time.sleep(0.2)
    return sent


def test_a_notification_arrives_with_its_text_unmarked(notification_server):
    notifier = DesktopNotifier()
    notify_when_ready(notifier, "Take the ice pack off now", "Area: <b>neck</b>", urgent=True)
    notifier.close()
    assert {"summary": "Take the ice pack off now",
            "body": "Area: &lt;b&gt;neck&lt;/b&gt;"} in notifications(notification_server)


def test_a_notification_names_coach_its_icon_and_its_desktop_entry(notification_server):
    monitor = subprocess.Popen(
        ["dbus-monitor", "--session", "interface='org.freedesktop.Notifications',member='Notify'"],
        env=notification_server, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    time.sleep(0.5)  # listening before the call
    notifier = DesktopNotifier()
    notify_when_ready(notifier, "Rest break in 10 seconds", "Time to move.")
    notifier.close()
    time.sleep(0.5)
    monitor.terminate()
    call = monitor.communicate(timeout=10)[0]
    assert re.search(rf'string "desktop-entry"\s+variant\s+string "{re.escape(APP_ID)}"', call)
    shown = notifications(notification_server, ("summary", "appname", "icon_path"))
    assert {"summary": "Rest break in 10 seconds", "appname": "Coach",
            "icon_path": str(asset("icons/coach-64.png"))} in shown


def test_without_a_session_bus_notify_says_no(monkeypatch):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    assert DesktopNotifier().notify("Title", "Body") is None


def test_a_button_pressed_on_the_notification_comes_back(notification_server):
    notifier = DesktopNotifier()
    sent = notify_when_ready(notifier, "A micro-break in 10 seconds", "Time to move.",
                             actions={"default": "Start now", "snooze": "Snooze 5 min"})
    assert notifier.has_buttons()
    subprocess.run(["dunstctl", "action", "0"], env=notification_server, check=True)
    deadline = time.monotonic() + WAIT_S
    while not (pressed := notifier.take_invoked()):
        assert time.monotonic() < deadline, "no button press came back"
        time.sleep(0.1)
    notifier.close()
    assert pressed == [(sent, "default")]


def test_do_not_disturb_on_the_notification_server_asks_for_quiet(notification_server):
    inhibited = NotificationsInhibited()
    notify_when_ready(DesktopNotifier(), "Ready", "The server is up.")
    assert inhibited.quiet_wanted() is False
    subprocess.run(["dunstctl", "set-paused", "true"], env=notification_server, check=True)
    assert inhibited.quiet_wanted() is True
    subprocess.run(["dunstctl", "set-paused", "false"], env=notification_server, check=True)
    assert inhibited.quiet_wanted() is False


def test_without_a_session_bus_nothing_asks_for_quiet(monkeypatch):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    assert NotificationsInhibited().quiet_wanted() is False


def displayed(env: dict[str, str]) -> int:
    return int(subprocess.run(["dunstctl", "count", "displayed"], env=env, check=True,
                              capture_output=True, text=True).stdout)


def test_a_repeated_alarm_replaces_its_notification_and_is_withdrawn_once_answered(
        notification_server):
    notifier = DesktopNotifier()
    first = notify_when_ready(notifier, "Take the ice pack off now", "Area: neck", urgent=True)
    again = notifier.notify("Take the ice pack off now", "Area: neck", urgent=True,
                            replaces=first)
    assert again == first and displayed(notification_server) == 1
    notifier.withdraw(first)
    deadline = time.monotonic() + WAIT_S
    while displayed(notification_server):
        assert time.monotonic() < deadline, "the alarm's notification stayed"
        time.sleep(0.1)
    notifier.close()
